"""``kg serve``: a real SPARQL 1.1 endpoint over a built graph — the Oxigraph server binary that the ``oxigraph``
PyPI package installs (the Rust server, not a Python imitation), behind a small guard.

The graph is loaded into a fresh temporary store that ``oxigraph serve-read-only`` serves on a loopback port of
its own (removed when the server stops: the endpoint serves the current ``graph.ttl``, and nothing can write to
it). SPARQL protocol: GET or POST ``http://HOST:PORT/query``, HOST 127.0.0.1 unless told otherwise. What listens
there is the guard (:class:`Server`, threads of this process); it checks each query with :mod:`kg.query` as
``kg query`` does: the same predeclared prefixes (those the query does not declare), syntax errors at the user's
own line and column, updates refused as such, and ``SERVICE`` (Oxigraph would send requests to any address a
query names) refused unless allowed. A query may run ``timeout`` seconds, then the guard restarts Oxigraph under
it (Oxigraph's own timeout is checked only between steps: a sort of a large product runs on) and answers 503 with
the reason, as it does to the queries running beside it. Oxigraph's address space is bounded to ``max_memory`` MiB
(Linux prlimit): a query that needs more stops it, and the guard restarts it and answers 503.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KgError
from kg.query import QueryError, check_query, parse_error, protocol_query, with_predeclared

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0  # seconds a query may run (0: no bound)
DEFAULT_MAX_MEMORY = 2048  # MiB of address space the Oxigraph server may use (0: no bound)
READY_TIMEOUT = 30.0  # seconds to wait for the server to answer its first query
ASK = "ASK { }"
MAX_BODY = 1 << 20  # bytes of a request body (a query) the guard accepts
_CHUNK = 1 << 16


class ServeError(KgError):
    """The endpoint cannot be started; the message is one line naming the problem."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    try:
        return host.lower() == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will: closed connections do not count
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our own local endpoint
        return json.loads(response.read().decode("utf-8"))


def _bound_memory(pid: int, mib: int) -> None:
    """Bound the address space of process ``pid`` to ``mib`` MiB where the system allows it (Linux prlimit)."""
    with contextlib.suppress(ImportError, AttributeError, OSError, ValueError):  # not Linux, or it has stopped
        import resource  # noqa: PLC0415

        resource.prlimit(pid, resource.RLIMIT_AS, (mib << 20, mib << 20))


class _Backend:
    """One Oxigraph server process over the store, on a loopback port of its own."""

    def __init__(self, binary: Path, location: Path, max_memory: int) -> None:
        self.port, self.log = _free_port(), location / "server.log"
        command = [str(binary), "serve-read-only", "--location", str(location / "store"), "--bind", self.url[7:]]
        with self.log.open("a", encoding="utf-8") as log:  # its own session: Ctrl-C reaches kg serve, which stops it
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        self.max_memory = max_memory
        if max_memory:
            _bound_memory(self.process.pid, max_memory)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                reason = _last_error(self.log) or f"exit status {self.process.returncode}"
                bound = f" (is {self.max_memory} MiB of memory too little?)" if self.max_memory else ""
                raise ServeError(f"the Oxigraph server stopped at start: {reason}{bound}")
            try:
                sparql_get(self.url + "/query", ASK, timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    raise ServeError(f"the Oxigraph server did not answer within {timeout:.0f} s") from None
                time.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 5 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the names http.server calls
        try:
            self.server.guard.handle(self, self.command)
        except OSError:  # the client went away
            self.close_connection = True

    do_POST = do_GET  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: Oxigraph keeps a log
        """Nothing: Oxigraph keeps the log."""


def _send(h: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes | None = None) -> None:
    """The status line and headers of a response that closes the connection; with ``body``, the body too (else
    the body follows in chunks)."""
    h.close_connection = True
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header(*(("Content-Length", str(len(body))) if body is not None else ("Transfer-Encoding", "chunked")))
    h.send_header("Connection", "close")
    h.end_headers()
    if body is not None:
        h.wfile.write(body)


def _send_text(h: BaseHTTPRequestHandler, status: int, text: str) -> None:
    _send(h, status, "text/plain; charset=utf-8", (text + "\n").encode("utf-8"))


class Server:
    """A running read-only endpoint (the guard and the Oxigraph server behind it). Use as a context manager, or
    call :meth:`stop`. Limits: ``timeout`` (seconds a query may run, 0 = none), ``max_memory`` (MiB, 0 = none),
    ``allow_service`` (let SERVICE call other endpoints)."""

    def __init__(self, host: str, port: int, binary: Path, location: Path, **limits) -> None:
        self.host, self.port, self.binary, self.location = host, port, binary, location
        self.timeout: float = limits.get("timeout", DEFAULT_TIMEOUT)
        self.max_memory: int = limits.get("max_memory", DEFAULT_MAX_MEMORY)
        self.allow_service: bool = limits.get("allow_service", False)
        self.backend, self.generation, self.failure = _Backend(binary, location, self.max_memory), 0, None
        self._lock, self._restarting, self._stopping = threading.Lock(), threading.Lock(), threading.Event()
        self._deadlines, self._reasons = {}, {}  # of the queries running: when they must end; why they were stopped
        self.front: ThreadingHTTPServer | None = None

    process = property(lambda self: self.backend.process, doc="The Oxigraph server process (the current one).")
    url = property(lambda self: f"http://{_hostport(self.host, self.port)}")
    endpoint = property(lambda self: self.url + "/query")

    def listen(self) -> None:
        """Bind HOST:PORT and answer requests in background threads; watch the queries' time."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        front_class = type(
            "_Front", (ThreadingHTTPServer,), {"daemon_threads": True, "guard": self, "address_family": family}
        )
        try:
            self.front = front_class((self.host, self.port), _Handler)
        except OSError as exc:
            raise ServeError(f"{_hostport(self.host, self.port)}: cannot listen there ({exc.strerror})") from None
        threading.Thread(target=self.front.serve_forever, name="kg-serve", daemon=True).start()
        threading.Thread(target=self._watch, name="kg-serve-watch", daemon=True).start()

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        """Check a request's query, hand it to Oxigraph with the prefixes predeclared, and relay the answer."""
        target = urllib.parse.urlsplit(h.path)
        size = h.headers.get("Content-Length") or "0"
        if not size.isdigit() or int(size) > MAX_BODY:
            return _send_text(h, 413, f"a request body is a Content-Length of at most {MAX_BODY} bytes")
        path, body = h.path, h.rfile.read(int(size))
        content_type = (h.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        query, shift = None, 0
        if target.path == "/query":
            try:
                query, rebuild = protocol_query(method, target, content_type, body)
                if query is not None:
                    check_query(query, self.allow_service)
                    sent, shift = with_predeclared(query)
                    path, body = rebuild(sent)
            except UnicodeDecodeError:
                return _send_text(h, 400, "the query is not UTF-8 text")
            except QueryError as exc:
                return _send_text(h, 400, str(exc))
        self._forward(h, (method, path, body or None), query, shift)

    def _forward(self, h: BaseHTTPRequestHandler, what: tuple, query: str | None, shift: int) -> None:
        with self._restarting:  # never to a server being replaced
            token, generation, backend = object(), self.generation, self.backend
        headers = {k: h.headers[k] for k in ("Accept", "Content-Type") if h.headers.get(k)}
        request = urllib.request.Request(backend.url + what[1], data=what[2], method=what[0], headers=headers)
        with self._lock:
            self._deadlines[token] = time.monotonic() + (self.timeout or math.inf)
        started = False
        try:
            try:
                response = urllib.request.urlopen(request, timeout=None)  # noqa: S310 - our own Oxigraph
            except urllib.error.HTTPError as err:
                response = err
            if response.status == 400 and query is not None:
                message = response.read(MAX_BODY).decode("utf-8", "replace")
                return _send_text(h, 400, parse_error(query, message, shift))
            chunk = response.read1(_CHUNK)
            _send(h, response.status, response.headers.get("Content-Type") or "application/octet-stream")
            started = True
            while chunk:  # when Oxigraph stops midway, the last chunk is never sent: the client sees a cut answer
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                chunk = response.read1(_CHUNK)
            h.wfile.write(b"0\r\n\r\n")
        except (OSError, http.client.HTTPException):
            if not started:  # nothing sent yet: say why
                self._failed(h, token, generation, backend)
        finally:
            with self._lock:
                self._deadlines.pop(token, None)
                self._reasons.pop(token, None)

    def _failed(self, h: BaseHTTPRequestHandler, token: object, generation: int, backend: _Backend) -> None:
        """Answer 503 for a query that Oxigraph did not finish, saying why, and restart it if it stopped."""
        with self._lock:
            reason = self._reasons.pop(token, None)
        if reason is None:  # Oxigraph's connections close a moment before it ends
            with contextlib.suppress(subprocess.TimeoutExpired):
                backend.process.wait(timeout=1)
        if reason is None and backend.process.poll() is not None:
            bound = f"out of its {self.max_memory} MiB of memory, or " if self.max_memory else ""
            reason = f"the SPARQL server stopped while answering ({bound}an internal error); it has been restarted"
            self._restart(generation)
        with contextlib.suppress(OSError):
            _send_text(h, 503, reason or "the SPARQL server did not answer")

    def _watch(self) -> None:
        """Restart Oxigraph under queries that overrun the time bound, and when it stopped by itself."""
        while not self._stopping.wait(0.1):
            now, generation = time.monotonic(), self.generation
            with self._lock:
                overdue = [t for t, d in self._deadlines.items() if now > d]
                for t in overdue:
                    del self._deadlines[t]
                    self._reasons[t] = f"the query ran longer than {self.timeout:g} s and was stopped"
            if overdue or self.backend.process.poll() is not None:
                self._restart(generation)

    def _restart(self, generation: int) -> None:
        with self._restarting:
            if generation != self.generation or self._stopping.is_set():
                return
            self.backend.stop()
            try:
                self.backend = _Backend(self.binary, self.location, self.max_memory)
                self.backend.wait_ready()
            except ServeError as exc:
                self.failure = str(exc)
                self._stopping.set()
            self.generation += 1

    def wait(self) -> str | None:
        """Block until the server is stopped (Ctrl-C raises KeyboardInterrupt here); why, when it could not go on
        by itself (Oxigraph would not restart), else None."""
        while not self._stopping.wait(0.5):
            pass
        return self.failure

    def stop(self) -> None:
        """Stop answering, stop Oxigraph and remove its temporary store."""
        self._stopping.set()
        if self.front is not None:
            self.front.shutdown()
            self.front.server_close()
            self.front = None
        with self._restarting:
            self.backend.stop()
        shutil.rmtree(self.location, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(graph: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, oxigraph: Path | None = None, **options):
    """Load ``graph`` into a temporary Oxigraph store and serve it read-only on ``host:port``; returns the
    :class:`Server` once it answers queries (``wait=False``: at once). ``options``: the limits of :class:`Server`.
    Raises :class:`ServeError` (one line) when the graph is missing or unreadable, the port is taken, or the
    binary is missing."""
    graph = Path(graph)
    if not graph.is_file():
        raise ServeError(f"{graph}: no such graph file (build the graph first)")
    binary = find_oxigraph(oxigraph)
    if port_in_use(host, port):
        raise ServeError(f"{_hostport(host, port)} is already in use (choose another port)")
    location = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        load = [str(binary), "load", "--location", str(location / "store"), "--file", str(graph)]
        loaded = subprocess.run(load, capture_output=True, text=True, errors="replace")
        if loaded.returncode != 0:
            reason = next((ln for ln in loaded.stderr.splitlines() if ln.startswith("Error")), "")
            raise ServeError(f"{graph}: Oxigraph could not load it ({reason or 'exit ' + str(loaded.returncode)})")
        server = Server(host, port, binary, location, **{k: v for k, v in options.items() if k != "wait"})
    except BaseException:
        shutil.rmtree(location, ignore_errors=True)
        raise
    try:
        server.listen()
        if options.get("wait", True):
            server.backend.wait_ready()
    except BaseException:  # Ctrl-C while waiting: Oxigraph runs in its own session, so stop it here
        server.stop()
        raise
    return server


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve_until_interrupted(server: Server) -> str | None:
    """Wait for Ctrl-C (SIGINT) or SIGTERM, then stop the server and remove its store. Returns None when
    interrupted, or why the server stopped by itself. Both handlers are set here: a process started as a
    background job of a script inherits SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return server.wait()
    except KeyboardInterrupt:
        return None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
