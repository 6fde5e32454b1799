"""Shared fixtures. The seeds graph is built once per test session (a few seconds) and shared read-only by the
linked-data tests; a test that needs to change it copies it first."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The output folder of `kg build seeds/` (graph.ttl, texts/, build-report.json; no HTML)."""
    from kg.build import BuildOptions, build

    out = tmp_path_factory.mktemp("seeds-build")
    result = build([SEEDS], out, BuildOptions(html=False))
    assert result.validation is not None and result.validation.conforms
    return out


class _Recorder(BaseHTTPRequestHandler):
    """An HTTP server that records every request it gets (what a SERVICE clause would call) and answers 500 with
    a body that is no SPARQL result."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802
        self.seen.append(self.path)
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"no")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture()
def recorder():
    """(URL of a local endpoint, the list of paths it was asked for)."""
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", _Recorder.seen
    server.shutdown()
    server.server_close()
