"""`kg serve`: the real Oxigraph server answers SPARQL over HTTP (protocol GET and POST), read-only, and stops
cleanly, removing its temporary store."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.serve import ServeError, find_oxigraph, sparql_get, start

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FILES = (
    "PREFIX kg: <https://w3id.org/fazhi-kg/ontology#> "
    "SELECT ?file WHERE { ?r a kg:Report ; kg:sourceFile ?file } ORDER BY ?file"
)

try:
    find_oxigraph()
    HAVE_OXIGRAPH = True
except ServeError:
    HAVE_OXIGRAPH = False
needs_oxigraph = pytest.mark.skipif(not HAVE_OXIGRAPH, reason="the oxigraph server binary is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, body: str, content_type: str, accept: str = "application/sparql-results+json"):
    request = urllib.request.Request(
        url, data=body.encode("utf-8"), method="POST", headers={"Content-Type": content_type, "Accept": accept}
    )
    return urllib.request.urlopen(request, timeout=10)


@needs_oxigraph
def test_the_endpoint_answers_sparql_over_http_with_real_rows(seeds_out):
    with start(seeds_out / "graph.ttl", port=free_port()) as server:
        assert server.endpoint.startswith("http://127.0.0.1:") and server.endpoint.endswith("/query")
        got = sparql_get(server.endpoint, FILES)
        assert [b["file"]["value"] for b in got["results"]["bindings"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
        with post(server.endpoint, FILES, "application/sparql-query") as response:
            assert json.loads(response.read())["results"]["bindings"] == got["results"]["bindings"]
        location = server.location
        assert location.is_dir()
    assert server.process.poll() is not None and not location.exists()


@needs_oxigraph
def test_the_endpoint_is_read_only(seeds_out):
    with start(seeds_out / "graph.ttl", port=free_port()) as server:
        with pytest.raises(urllib.error.HTTPError) as err:
            post(server.url + "/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update")
        assert err.value.code == 403
        count = sparql_get(server.endpoint, "ASK { <urn:a> ?p ?o }")
        assert count["boolean"] is False


@needs_oxigraph
def test_kg_serve_prints_its_url_and_stops_cleanly_on_ctrl_c(seeds_out):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(seeds_out / "graph.ttl"), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first = process.stdout.readline()
        endpoint = re.search(r"(http://127\.0\.0\.1:\d+/query)", first).group(1)
        assert endpoint == f"http://127.0.0.1:{port}/query"
        rows = sparql_get(endpoint, FILES)["results"]["bindings"]
        assert len(rows) == len(list(SEEDS.glob("*.txt")))
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
    with pytest.raises(urllib.error.URLError):
        sparql_get(endpoint, FILES, timeout=2)


@needs_oxigraph
def test_a_taken_port_is_a_one_line_error(seeds_out):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(seeds_out / "graph.ttl"), "--port", str(port)])
    assert result.exit_code == 1 and "already in use" in result.output and "Traceback" not in result.output


def test_a_missing_binary_is_a_one_line_error(seeds_out, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "serve",
            str(seeds_out / "graph.ttl"),
            "--port",
            str(free_port()),
            "--oxigraph",
            str(tmp_path / "no-oxigraph"),
        ],
    )
    assert result.exit_code == 1 and "binary was not found" in result.output and "Traceback" not in result.output


def test_a_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "none.ttl"), "--port", str(free_port())])
    assert result.exit_code == 1 and "no such graph file" in result.output


@needs_oxigraph
def test_an_unreadable_graph_is_a_one_line_error_and_leaves_no_store(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    stores = lambda: set(Path(tempfile.gettempdir()).glob("kg-serve-*"))  # noqa: E731
    before = stores()
    result = CliRunner().invoke(main, ["serve", str(bad), "--port", str(free_port())])
    assert result.exit_code == 1 and "could not load it" in result.output and "Traceback" not in result.output
    assert stores() <= before
