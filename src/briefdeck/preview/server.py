"""The preview's web server: loopback only, fixed routes, read-only.

Routes (nothing from a URL ever names a file):

    /                 -> 303 to the first audience's page
    /a/<key>          the page of audience <key> (a key of the brief, looked up, never a path)
    /events/<key>     server-sent events: "update" with the new body after every rebuild
    /preview.js       the page's script
    /favicon.ico      204, so that browsers stop asking

A request whose ``Host`` is not this server's loopback address and port is
refused (a page on another site cannot reach the preview by rebinding its
DNS name to 127.0.0.1). Only GET and HEAD are answered; there is nothing to
write. Pages forbid every script but their own, and framing.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from briefdeck.preview.page import PREVIEW_SCRIPT, document
from briefdeck.preview.state import PreviewBuilder, Snapshot

LOOPBACK = "127.0.0.1"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream (so a closed tab is noticed)
_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
_POLICY = ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
           "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 showing ``builder``'s latest snapshot."""

    daemon_threads = True
    allow_reuse_address = True
    watcher = None  # the `Watcher` rebuilding the snapshots, set by `start_preview`

    def __init__(self, builder: PreviewBuilder, port: int = 0):
        self.builder = builder
        self.stopping = threading.Event()
        # Open connections and the threads serving them: a browser keeps connections open
        # (keep-alive, event streams), and a stopped preview must not leave threads waiting on them.
        self.connections: dict[socket.socket, threading.Thread] = {}
        self.connections_lock = threading.Lock()
        super().__init__((LOOPBACK, port), _Handler)

    def process_request_thread(self, request, client_address) -> None:
        with self.connections_lock:
            self.connections[request] = threading.current_thread()
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.connections_lock:
                self.connections.pop(request, None)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def address(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    def allowed_host(self, host: str | None) -> bool:
        """Whether a request's Host header names this server on the loopback interface."""
        if not host:
            return False
        allowed = {LOOPBACK, "localhost", "[::1]"}
        return host in allowed or host in {f"{name}:{self.port}" for name in allowed}

    def handle_error(self, request, client_address) -> None:
        """A browser that closes a connection mid-request is not an error worth a traceback."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    def end_streams(self) -> None:
        """Make every open event stream end (the server is stopping)."""
        self.stopping.set()
        with self.builder.changed:
            self.builder.changed.notify_all()

    def close_connections(self, timeout: float = 2.0) -> None:
        """Close every open connection and wait (up to ``timeout``) for the threads serving them."""
        with self.connections_lock:
            open_now = dict(self.connections)
        for connection in open_now:
            try:
                connection.shutdown(socket.SHUT_RDWR)  # wakes a thread waiting for the next request
            except OSError:
                pass  # already closed by the other end
        for thread in open_now.values():
            thread.join(timeout)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "briefdeck-preview"
    sys_version = ""

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows the address and problems, not every request

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, *, head: bool) -> None:
        if not self.server.allowed_host(self.headers.get("Host")):
            return self._send(HTTPStatus.FORBIDDEN, "text/plain", b"forbidden: this preview answers only "
                              b"requests for 127.0.0.1 or localhost\n", head=head)
        path = urlsplit(self.path).path
        snapshot = self.server.builder.snapshot
        if path == "/":
            first = next(iter(snapshot.bodies), None)
            if first is None:
                return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", b"the brief is still building\n",
                                  head=head, extra={"Retry-After": "1"})
            return self._send(HTTPStatus.SEE_OTHER, "text/plain", b"", head=head, extra={"Location": f"/a/{first}"})
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, "text/plain", b"", head=head)
        if path == "/preview.js":
            return self._send(HTTPStatus.OK, "text/javascript", PREVIEW_SCRIPT.encode(), head=head)
        route, _, key = path.partition("/")[2].partition("/")
        if route in ("a", "events") and _KEY.fullmatch(key) and key in snapshot.bodies:
            if route == "a":
                page = document(snapshot.brief, snapshot.labels, key, snapshot.bodies[key], snapshot.version)
                return self._send(HTTPStatus.OK, "text/html", page.encode(), head=head)
            return self._events(key, snapshot, head=head)
        return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found\n", head=head)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, *, head: bool, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", _POLICY)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self, key: str, snapshot: Snapshot, *, head: bool) -> None:
        """Send the current body, then each new one, until the client leaves or the server stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if head:
            return
        builder, seen = self.server.builder, 0
        try:
            while not self.server.stopping.is_set():
                if snapshot.version != seen and key in snapshot.bodies:
                    data = json.dumps({"version": snapshot.version, "ok": snapshot.ok, "body": snapshot.bodies[key]})
                    self.wfile.write(f"event: update\ndata: {data}\n\n".encode())
                    seen = snapshot.version
                else:
                    self.wfile.write(b": waiting\n\n")
                self.wfile.flush()
                with builder.changed:
                    builder.changed.wait_for(lambda: builder.snapshot.version != seen
                                             or self.server.stopping.is_set(), timeout=KEEPALIVE)
                snapshot = builder.snapshot
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed
