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
import time
import urllib.error
import urllib.parse
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


def _sigint_ignored() -> None:  # as a background job of a script starts: SIGINT ignored, inherited through exec
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@needs_oxigraph
@pytest.mark.parametrize("started", ["in a terminal", "as a script's background job"])
def test_kg_serve_prints_its_url_and_stops_cleanly_on_ctrl_c(seeds_out, started):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(seeds_out / "graph.ttl"), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_sigint_ignored if started.startswith("as") else None,  # noqa: PLW1509 - a test's child only
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
def test_an_unreadable_graph_is_a_one_line_error_and_leaves_no_store(tmp_path, monkeypatch):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    temp = tmp_path / "temp"  # a temporary folder of its own: other test runs may share the system's
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    result = CliRunner().invoke(main, ["serve", str(bad), "--port", str(free_port())])
    assert result.exit_code == 1 and "could not load it" in result.output and "Traceback" not in result.output
    assert list(temp.iterdir()) == []


# Issue 17: the endpoint checks queries as kg query does, calls no other server, and bounds time and memory.


def ask_status(endpoint: str, query: str, timeout: float = 60) -> tuple[int, str]:
    """(HTTP status, body) of a GET query; the body of an error is its one-line reason."""
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


NO_PREFIX_FILES = "SELECT ?file WHERE { ?r a kg:Report ; kg:sourceFile ?file } ORDER BY ?file"
PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@needs_oxigraph
def test_the_endpoint_predeclares_the_prefixes_of_kg_query(seeds_out):
    with start(seeds_out / "graph.ttl", port=free_port()) as server:
        got = sparql_get(server.endpoint, NO_PREFIX_FILES)
        assert [b["file"]["value"] for b in got["results"]["bindings"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
        own = sparql_get(server.endpoint, "PREFIX kg: <urn:elsewhere#>\n" + NO_PREFIX_FILES)
        assert own["results"]["bindings"] == []


@needs_oxigraph
def test_endpoint_errors_name_the_users_line_and_refuse_updates(seeds_out):
    with start(seeds_out / "graph.ttl", port=free_port()) as server:
        status, text = ask_status(server.endpoint, "SELECT ?r WHERE {\n  ?r a foo:Report }")
        assert status == 400
        assert text.startswith("SPARQL syntax error at line 2, column 8: unknown prefix 'foo:'")
        status, text = ask_status(server.endpoint, "SELECT ?r WHERE { ?r a kg:Report")
        assert status == 400 and text.startswith("SPARQL syntax error at line 1, column 33 (the end of the query)")
        status, text = ask_status(server.endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        assert status == 400 and "not supported" in text and "read-only" in text


@needs_oxigraph
def test_the_endpoint_refuses_service_and_calls_no_other_server(seeds_out, recorder):
    url, seen = recorder
    with start(seeds_out / "graph.ttl", port=free_port()) as server:
        status, text = ask_status(server.endpoint, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        post = urllib.request.Request(
            server.endpoint,
            data=f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}".encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(post, timeout=10)
    assert status == 400 and "SERVICE" in text and err.value.code == 400
    assert seen == []


@needs_oxigraph
def test_service_goes_out_only_when_allowed(seeds_out, recorder):
    url, seen = recorder
    with start(seeds_out / "graph.ttl", port=free_port(), allow_service=True) as server:
        ask_status(server.endpoint, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    assert len(seen) == 1


@needs_oxigraph
def test_a_query_that_overruns_its_time_is_stopped_and_the_endpoint_goes_on(seeds_out):
    with start(seeds_out / "graph.ttl", port=free_port(), timeout=1) as server:
        began = time.monotonic()
        status, text = ask_status(server.endpoint, PRODUCT)
        assert status == 503 and text.strip() == "the query ran longer than 1 s and was stopped"
        assert time.monotonic() - began < 15
        assert len(sparql_get(server.endpoint, NO_PREFIX_FILES)["results"]["bindings"]) == 5


@needs_oxigraph
def test_a_query_that_needs_more_memory_than_allowed_is_stopped_and_the_endpoint_goes_on(seeds_out):
    hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"  # sorts 59 million rows
    with start(seeds_out / "graph.ttl", port=free_port(), max_memory=1024, timeout=120) as server:
        status, text = ask_status(server.endpoint, hungry)
        assert status == 503 and "stopped while answering (out of its 1024 MiB of memory" in text
        assert "memory allocation" in (server.location / "server.log").read_text(encoding="utf-8")
        assert len(sparql_get(server.endpoint, NO_PREFIX_FILES)["results"]["bindings"]) == 5


def test_kg_serve_warns_when_the_host_is_not_loopback(monkeypatch, tmp_path):
    import kg.serve  # noqa: PLC0415

    started = []

    class Fake:
        endpoint, url = "http://0.0.0.0:1/query", "http://0.0.0.0:1"

    monkeypatch.setattr(kg.serve, "start", lambda *args, **kw: started.append((args, kw)) or Fake())
    monkeypatch.setattr(kg.serve, "serve_until_interrupted", lambda server: None)
    wide = CliRunner().invoke(main, ["serve", str(tmp_path / "g.ttl"), "--host", "0.0.0.0"])
    assert wide.exit_code == 0 and "Warning: 0.0.0.0 is not a loopback address" in wide.stderr
    local = CliRunner().invoke(main, ["serve", str(tmp_path / "g.ttl"), "--host", "127.0.0.1"])
    assert local.exit_code == 0 and "Warning" not in local.output
    assert started[0][1] == {"timeout": 30.0, "max_memory": 2048, "allow_service": False}


@needs_oxigraph
def test_too_little_memory_to_start_is_a_one_line_error(seeds_out):
    with pytest.raises(ServeError, match=r"stopped at start: .*\(is 64 MiB of memory too little\?\)"):
        start(seeds_out / "graph.ttl", port=free_port(), max_memory=64)


def test_loopback_hosts():
    from kg.serve import is_loopback  # noqa: PLC0415

    assert [is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost")] == [True] * 5
    assert [is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.2", "example.org")] == [False] * 4
