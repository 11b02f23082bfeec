"""The preview server: loopback only, fixed routes, no writes, refuses other hosts, stops cleanly."""

from __future__ import annotations

import http.client
import json
import socket

import pytest

from preview.support import BRIEF, wait_for


def request(server, path: str, *, host: str | None = None, method: str = "GET"):
    """A raw request: the path is sent exactly as given (no client-side normalising)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host is not False:
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body.decode("utf-8", "replace")


def test_it_listens_on_loopback_only(example, serve):
    server = serve(example / BRIEF)
    assert server.server_address[0] == "127.0.0.1"
    assert server.address == f"http://127.0.0.1:{server.port}/"


def test_the_page_of_each_audience(example, serve):
    server = serve(example / BRIEF)
    status, headers, _ = request(server, "/")
    assert status == 303 and headers["Location"] == "/a/policy"
    status, headers, page = request(server, "/a/classroom")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Tier 3, the lowest ranking" in page and "Upper-secondary civics" in page
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a/../../../etc/passwd",
                                  "/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/seeds/sources.yaml",
                                  "/briefs/dprk-trafficking.yaml", "/a/policy/../../seeds/sources.yaml",
                                  "/events/..%2f..%2fetc%2fpasswd"])
def test_no_path_reaches_the_filesystem(example, serve, path):
    server = serve(example / BRIEF)
    status, _, body = request(server, path)
    assert status == 404
    assert "root:" not in body and "king-2019" not in body and "slides:" not in body


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "127.0.0.1:1",
                                  "localhost.", "0.0.0.0:{port}", False])
def test_requests_for_another_host_are_refused(example, serve, host):
    """DNS rebinding: a page from evil.example resolving to 127.0.0.1 still sends Host: evil.example."""
    server = serve(example / BRIEF)
    status, _, body = request(server, "/a/policy", host=host.format(port=server.port) if host else host)
    assert status == 403
    assert "Tier 3" not in body


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}"])
def test_loopback_names_are_answered(example, serve, host):
    server = serve(example / BRIEF)
    assert request(server, "/a/policy", host=host.format(port=server.port))[0] == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_there_is_nothing_to_write(example, serve, method):
    server = serve(example / BRIEF)
    before = (example / BRIEF).read_bytes()
    assert request(server, "/a/policy", method=method)[0] == 501
    assert (example / BRIEF).read_bytes() == before


def test_an_unknown_audience_is_not_found(example, serve):
    server = serve(example / BRIEF)
    assert request(server, "/a/nobody")[0] == 404
    assert request(server, "/events/nobody")[0] == 404


def test_the_event_stream_sends_the_current_body(example, serve):
    server = serve(example / BRIEF)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/events/policy")
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Type").startswith("text/event-stream")
    assert response.fp.readline() == b"event: update\n"
    data = json.loads(response.fp.readline().decode("utf-8").removeprefix("data: "))
    assert data["version"] == server.builder.snapshot.version and data["ok"] is True
    assert "In the 2017 report, North Korea remained on Tier 3." in data["body"]
    connection.close()


def test_it_stops_cleanly(example):
    import threading

    from briefdeck.preview import start_preview, stop_preview

    server = start_preview(example / BRIEF, port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    wait_for(lambda: server.builder.snapshot.version >= 1)
    stream = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    stream.request("GET", "/events/policy")  # an open event stream must not keep it running
    stream.getresponse()
    port = server.port
    server.shutdown()
    thread.join(timeout=5)
    stop_preview(server)
    assert not thread.is_alive() and not server.watcher.thread.is_alive()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    stream.close()
