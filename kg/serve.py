"""``kg serve``: a real SPARQL 1.1 endpoint over a built graph — the Oxigraph server binary that the ``oxigraph``
PyPI package installs (the Rust server, not a Python imitation).

The graph is loaded with ``oxigraph load --location DIR --file GRAPH`` into a fresh temporary store folder, which
``oxigraph serve-read-only --location DIR --bind HOST:PORT`` then serves; the folder is removed when the server
stops. So the endpoint always serves the current ``graph.ttl`` (loading takes well under a second for the seeds,
a few seconds per million triples), no stale store is left behind, and nothing can write to it: the server is
read-only (``/update`` answers 403). It binds to 127.0.0.1 unless told otherwise. SPARQL protocol: GET or POST
``http://HOST:PORT/query``. (Oxigraph's query page at ``/`` loads its editor from a CDN; the endpoint itself needs
no network.)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
READY_TIMEOUT = 30.0  # seconds to wait for the server to answer its first query
ASK = "ASK { }"


class ServeError(Exception):
    """The endpoint cannot be started; the message is one line naming the problem."""


def find_oxigraph(explicit: Path | None = None) -> Path:
    """The Oxigraph server binary: ``explicit`` if given, else the one installed beside this Python's scripts
    (``pip install oxigraph``), else ``oxigraph`` on PATH."""
    if explicit is not None:
        candidates = [Path(explicit)]
    else:
        candidates = [Path(sysconfig.get_path("scripts")) / "oxigraph"]
        on_path = shutil.which("oxigraph")
        if on_path:
            candidates.append(Path(on_path))
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    where = candidates[0] if explicit is not None else "beside this Python or on PATH"
    raise ServeError(f"the Oxigraph server binary was not found ({where}); install it with `pip install oxigraph`")


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def port_in_use(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def _last_error(log: Path) -> str:
    """The server's own one-line reason (``Error: …``) from its log, without the Rust backtrace."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    errors = [ln.strip() for ln in lines if ln.startswith("Error")]
    return errors[0] if errors else (lines[-1].strip() if lines else "")


def sparql_get(endpoint: str, query: str, timeout: float = 10.0) -> dict:
    """Run a query over HTTP with the SPARQL protocol (GET, JSON results) and return the decoded JSON."""
    import json  # noqa: PLC0415

    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our own local endpoint
        return json.loads(response.read().decode("utf-8"))


@dataclass
class Server:
    """A running read-only endpoint. Use as a context manager, or call :meth:`stop`."""

    process: subprocess.Popen
    host: str
    port: int
    location: Path  # the temporary folder: store and log

    @property
    def url(self) -> str:
        return f"http://{_hostport(self.host, self.port)}"

    @property
    def endpoint(self) -> str:
        return self.url + "/query"

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                reason = _last_error(self.location / "server.log") or f"exit status {self.process.returncode}"
                self.stop()
                raise ServeError(f"the Oxigraph server stopped at start: {reason}")
            try:
                sparql_get(self.endpoint, ASK, timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    self.stop()
                    raise ServeError(
                        f"the Oxigraph server did not answer on {self.url} within {timeout:.0f} s"
                    ) from None
                time.sleep(0.05)

    def wait(self) -> int:
        """Block until the server exits (Ctrl-C raises KeyboardInterrupt here; the caller stops the server)."""
        return self.process.wait()

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s) and remove its temporary store."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.location, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(
    graph: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, oxigraph: Path | None = None, wait: bool = True
) -> Server:
    """Load ``graph`` into a temporary Oxigraph store and start the read-only server on ``host:port``; returns
    once it answers queries. Raises :class:`ServeError` (one line) when the graph is missing or unreadable, the
    port is taken, or the binary is missing."""
    graph = Path(graph)
    if not graph.is_file():
        raise ServeError(f"{graph}: no such graph file (run `kg build` first)")
    binary = find_oxigraph(oxigraph)
    if port_in_use(host, port):
        raise ServeError(f"{_hostport(host, port)} is already in use (choose another --port)")
    location = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    store = location / "store"
    try:
        loaded = subprocess.run(
            [str(binary), "load", "--location", str(store), "--file", str(graph)],
            capture_output=True,
            text=True,
            errors="replace",
        )
        if loaded.returncode != 0:
            reason = next((ln for ln in loaded.stderr.splitlines() if ln.startswith("Error")), "")
            raise ServeError(f"{graph}: Oxigraph could not load it ({reason or 'exit ' + str(loaded.returncode)})")
        with (location / "server.log").open("w", encoding="utf-8") as log:
            process = subprocess.Popen(
                [str(binary), "serve-read-only", "--location", str(store), "--bind", _hostport(host, port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # Ctrl-C reaches kg serve, which stops the server itself
    except BaseException:
        shutil.rmtree(location, ignore_errors=True)
        raise
    server = Server(process, host, port, location)
    if wait:
        try:
            server.wait_ready()
        except BaseException:  # Ctrl-C while waiting: the server runs in its own session, so stop it here
            server.stop()
            raise
    return server


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve_until_interrupted(server: Server) -> int | None:
    """Wait for Ctrl-C (SIGINT) or SIGTERM, then stop the server and remove its store. Returns None when
    interrupted, or the server's exit status if it stopped by itself."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return None
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
