"""Network faults against a real local server: each is a clean ``FetchError``.

The server here speaks raw HTTP over a socket, so it can misbehave in ways an ordinary
handler cannot: drip a byte at a time, never answer, send no Content-Length, lie about
compression. Every case is bounded in time by ``Options.timeout``, a total deadline.
"""

from __future__ import annotations

import gzip
import socket
import socketserver
import threading
import time
import zlib

import pytest
from click.testing import CliRunner

from argmine.cli import main
from argmine.errors import FetchError
from argmine.ingest import read_source
from argmine.ingest.fetch import fetch
from argmine.options import Options

PAGE = (
    "<html><head><title>Les trottinettes</title></head><body><article><h1>Les trottinettes</h1>"
    "<p>D'après un rapport de la préfecture, les accidents de trottinette ont doublé en deux ans.</p>"
    "<p>Il serait hâtif d'en conclure qu'il faut les interdire : les vélos en causent autant.</p>"
    "</article></body></html>"
).encode()
DRIP_INTERVAL = 0.2
"""Well under the per-read timeout used below, so only a total deadline stops a drip."""
MAX_DRIP_BYTES = 200
"""The drip server gives up after this many bytes, so a broken client cannot keep it alive."""


def _headers(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()), "Connection: close", "", ""]
    return "\r\n".join(lines).encode()


def _drip(sock: socket.socket, data: bytes) -> None:
    for index in range(min(len(data), MAX_DRIP_BYTES)):
        sock.sendall(data[index : index + 1])
        time.sleep(DRIP_INTERVAL)


def _behave(path: str, sock: socket.socket, port: int) -> None:
    if path == "/silence":
        time.sleep(3)
    elif path == "/drip-body":
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Length": "10000"}))
        _drip(sock, b"<p>" + b"a" * 9997)
    elif path == "/drip-headers":
        _drip(sock, _headers("200 OK", {"Content-Type": "text/html", "X-Padding": "b" * 500}))
    elif path == "/endless":
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html"}))
        chunk = b"<p>" + b"Encore une phrase sans fin. " * 2000 + b"</p>"
        for _ in range(2000):
            sock.sendall(chunk)
    elif path == "/chunked-big":
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}))
        chunk = b"a" * 65536
        for _ in range(40):
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
    elif path.startswith("/bomb-"):
        coding = path.removeprefix("/bomb-")
        raw = b"\0" * (30 * 1024 * 1024)
        body = gzip.compress(raw, compresslevel=9) if coding == "gzip" else zlib.compress(raw, 9)
        headers = {"Content-Type": "text/html", "Content-Encoding": coding, "Content-Length": str(len(body))}
        sock.sendall(_headers("200 OK", headers) + body)
    elif path == "/gzip-page":
        body = gzip.compress(PAGE)
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
        sock.sendall(_headers("200 OK", {**headers, "Content-Length": str(len(body))}) + body)
    elif path == "/ping":
        sock.sendall(_headers("302 Found", {"Location": "/pong", "Content-Length": "0"}))
    elif path == "/pong":
        sock.sendall(_headers("302 Found", {"Location": "/ping", "Content-Length": "0"}))
    elif path == "/to-file":
        sock.sendall(_headers("302 Found", {"Location": "file:///etc/passwd", "Content-Length": "0"}))
    elif path.startswith("/status-"):
        status = path.removeprefix("/status-")
        sock.sendall(_headers(f"{status} Whatever", {"Content-Type": "text/html", "Content-Length": "0"}))
    elif path.startswith("/type-"):
        kind = path.removeprefix("/type-").replace("_", "/")
        sock.sendall(_headers("200 OK", {"Content-Type": kind, "Content-Length": str(len(PAGE))}) + PAGE)
    elif path == "/oversize-declared":
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Length": str(50 * 1024 * 1024)}))
        sock.sendall(b"<p>" + b"a" * 1000)
    elif path == "/page":
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Length": str(len(PAGE))}) + PAGE)
    elif path.startswith("/redirect-to-"):
        target = path.removeprefix("/redirect-to-")
        sock.sendall(_headers("302 Found", {"Location": f"http://{target}/page", "Content-Length": "0"}))
    else:
        sock.sendall(_headers("404 Not Found", {"Content-Length": "0"}))


class _RawHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(10)
        request = b""
        try:
            while b"\r\n\r\n" not in request:
                data = self.request.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode()
            _behave(path, self.request, self.server.server_address[1])
        except OSError:
            pass


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _serve(host: str):
    server = _Server((host, 0), _RawHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def raw_server():
    server = _serve("127.0.0.1")
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


FAST = Options(timeout=1.5)


def test_a_silent_server_times_out(raw_server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out|time limit"):
        fetch(raw_server + "/silence", options=Options(timeout=1))
    assert time.monotonic() - started < 2.5


def test_a_dripped_body_hits_the_total_deadline(raw_server):
    with pytest.raises(FetchError, match=r"/drip-body: no complete response within the time limit of 1.5 s"):
        fetch(raw_server + "/drip-body", options=FAST)


def test_dripped_headers_hit_the_total_deadline(raw_server):
    with pytest.raises(FetchError, match="time limit of 1.5 s"):
        fetch(raw_server + "/drip-headers", options=FAST)


def test_a_dripping_url_is_a_one_line_cli_error(raw_server):
    result = CliRunner().invoke(main, ["analyze", raw_server + "/drip-body", "--timeout", "1"])
    assert result.exit_code == 6
    assert result.output == f"Error: {raw_server}/drip-body: no complete response within the time limit of 1 s\n"


def test_a_two_page_redirect_loop_stops(raw_server):
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(raw_server + "/ping", options=FAST)


@pytest.mark.parametrize("status", [400, 403, 410, 429, 500, 502, 503])
def test_error_statuses_are_fetch_errors(raw_server, status):
    with pytest.raises(FetchError, match=f"HTTP status {status}"):
        fetch(raw_server + f"/status-{status}", options=FAST)


def test_an_endless_body_without_length_stops_at_the_cap(raw_server):
    with pytest.raises(FetchError, match="exceeds the limit of 1048576 bytes"):
        fetch(raw_server + "/endless", options=Options(timeout=10, max_input_bytes=1024 * 1024))


def test_a_chunked_body_over_the_cap_is_refused(raw_server):
    with pytest.raises(FetchError, match="exceeds the limit"):
        fetch(raw_server + "/chunked-big", options=Options(timeout=10, max_input_bytes=1024 * 1024))


def test_a_declared_oversize_body_is_refused_before_reading(raw_server):
    with pytest.raises(FetchError, match="body of 52428800 bytes exceeds the limit"):
        fetch(raw_server + "/oversize-declared", options=FAST)


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_compression_bomb_is_capped_on_decoded_bytes(raw_server, coding):
    with pytest.raises(FetchError, match="exceeds the limit of 20971520 bytes"):
        fetch(raw_server + f"/bomb-{coding}", options=Options(timeout=10))


def test_a_gzip_page_is_decoded(raw_server):
    assert "les accidents de trottinette ont doublé" in read_source(raw_server + "/gzip-page", options=FAST).text


@pytest.mark.parametrize("kind", ["image_png", "application_pdf", "application_octet-stream", "application_json"])
def test_wrong_content_types_are_refused(raw_server, kind):
    with pytest.raises(FetchError, match=f"content type {kind.replace('_', '/')} is not a page"):
        fetch(raw_server + f"/type-{kind}", options=FAST)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://exemple.fr/billet.html", "data:text/html,<p>Bonjour</p>"])
def test_fetch_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, options=FAST)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://exemple.fr/billet.html", "data:text/html,<p>Bonjour</p>"])
def test_the_cli_refuses_other_schemes_in_one_line(url):
    result = CliRunner().invoke(main, ["analyze", url])
    assert result.exit_code == 6
    assert result.output.strip() == f"Error: {url}: only http and https URLs can be fetched, not {url.split(':')[0]}:"


def test_a_redirect_to_a_file_url_is_refused(raw_server):
    with pytest.raises(FetchError, match="redirected to a URL argmine does not fetch"):
        fetch(raw_server + "/to-file", options=FAST)


PRIVATE = Options(timeout=1.5, allow_private_urls=False)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost:9/",
        "http://[::1]:9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://0.0.0.0:9/",
        "http://[::ffff:127.0.0.1]:9/",
    ],
)
def test_private_targets_are_refused_when_serving(url):
    with pytest.raises(FetchError, match="refused"):
        fetch(url, options=PRIVATE)


def test_private_targets_are_allowed_by_default(raw_server):
    assert fetch(raw_server + "/page", options=FAST).body == PAGE


@pytest.fixture(scope="module")
def second_server():
    """A server on another loopback address, 127.0.0.2, as the target of a redirect."""
    try:
        server = _serve("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    yield f"127.0.0.2:{server.server_address[1]}"
    server.shutdown()


def test_a_redirect_to_a_private_address_is_refused(raw_server, second_server, monkeypatch):
    """127.0.0.1 stands for a public site here (only the policy is replaced; the server,
    the redirect and the check are real): its redirect to 127.0.0.2 must be refused."""
    from argmine.ingest import addresses

    monkeypatch.setattr(addresses, "is_public_address", lambda address: address == "127.0.0.1")
    assert fetch(raw_server + "/page", options=PRIVATE).body == PAGE
    with pytest.raises(FetchError, match="refused.*127.0.0.2"):
        fetch(raw_server + f"/redirect-to-{second_server}", options=PRIVATE)


def test_the_connected_address_is_checked_too(raw_server, monkeypatch):
    """A resolver that answers a public address to the pre-check and a private one to the
    connection (DNS rebinding) gains nothing: the connected socket's peer is checked."""
    from argmine.ingest import addresses

    monkeypatch.setattr(addresses, "check_public_url", lambda url: None)
    with pytest.raises(addresses.PrivateAddressError, match=r"refused, 127.0.0.1 is a private .*\(127.0.0.1\)"):
        fetch(raw_server + "/page", options=PRIVATE)
