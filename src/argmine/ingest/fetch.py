"""Fetching a URL over HTTP(S), politely and within limits.

A total deadline (``Options.timeout`` for the whole exchange, so a server that drips a
byte a second is cut off, not only one that stalls), a cap on the body size counted on
decoded bytes (checked while reading, so a huge, endless or compressed-bomb body stops
early), a cap on redirects, a content-type check and an honest user agent.

With ``Options.allow_private_urls`` False, ``addresses.py`` checks the URL and each
redirect before connecting, and ``_Guard`` checks every connected socket's peer address
too, so a name that resolves to a private address the second time gains nothing.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from argmine.errors import FetchError
from argmine.options import FETCHABLE_CONTENT_TYPES, Options

CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes
    content_type: str
    charset: str | None
    fetched_at: str


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https") and "://" in source


def fetch(url: str, *, options: Options) -> Fetched:
    """GET ``url``; raise ``FetchError`` with a one-line reason on any failure."""
    import urllib3

    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    retry_class = urllib3.Retry
    if not options.allow_private_urls:
        from argmine.ingest.addresses import check_public_url, public_only_retry

        check_public_url(url)
        retry_class = public_only_retry()
    pool = urllib3.PoolManager(
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Language": "fr,en;q=0.5",
        },
        timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout),
        retries=retry_class(
            total=None,
            connect=1,
            read=0,
            redirect=options.max_redirects,
            status=0,
            raise_on_redirect=True,
            raise_on_status=False,
        ),
    )
    guard = _Guard(url, options=options)
    pool.pool_classes_by_scheme = _guarded_pool_classes(guard)
    guard.start()
    try:
        return _get(pool, url, guard=guard, options=options)
    finally:
        guard.stop()
        pool.clear()


def _get(pool, url: str, *, guard: _Guard, options: Options) -> Fetched:
    import urllib3

    try:
        response = pool.request("GET", url, preload_content=False, decode_content=True)
    except urllib3.exceptions.MaxRetryError as error:
        guard.raise_if_expired()
        reason = error.reason
        if isinstance(reason, urllib3.exceptions.ResponseError) or "redirect" in str(reason).lower():
            raise FetchError(f"{url}: more than {options.max_redirects} redirects") from None
        raise FetchError(f"{url}: cannot connect ({_short(reason)})") from None
    except urllib3.exceptions.LocationValueError as error:
        raise FetchError(f"{url}: redirected to a URL argmine does not fetch ({_short(error)})") from None
    except urllib3.exceptions.HTTPError as error:
        guard.raise_if_expired()
        raise FetchError(f"{url}: {_short(error)}") from None
    try:
        if response.status >= 400:
            raise FetchError(f"{url}: HTTP status {response.status}")
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if content_type and content_type not in FETCHABLE_CONTENT_TYPES:
            raise FetchError(f"{url}: content type {content_type} is not a page argmine reads")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > options.max_input_bytes:
            raise FetchError(f"{url}: body of {declared} bytes exceeds the limit of {options.max_input_bytes}")
        body = bytearray()
        try:
            for chunk in response.stream(CHUNK_BYTES):
                body.extend(chunk)
                if len(body) > options.max_input_bytes:
                    raise FetchError(f"{url}: body exceeds the limit of {options.max_input_bytes} bytes")
        except (urllib3.exceptions.HTTPError, OSError) as error:
            guard.raise_if_expired()
            raise FetchError(f"{url}: {_short(error)}") from None
        guard.raise_if_expired()
        final_url = urljoin(url, response.geturl() or url)
    finally:
        response.release_conn()
    return Fetched(
        url=final_url,
        body=bytes(body),
        content_type=content_type or "text/html",
        charset=charset,
        fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


class _Guard:
    """One fetch's total deadline and peer-address check, shared by all its connections.

    At the deadline a timer shuts down every socket of the fetch, which wakes a read
    blocked on a dripping server; the fetch then reports the deadline rather than the
    broken connection it caused."""

    def __init__(self, url: str, *, options: Options) -> None:
        self.url = url
        self.seconds = options.timeout
        self.allow_private = options.allow_private_urls
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(options.timeout, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def connected(self, sock: socket.socket, host: str) -> None:
        """Called with each new connection's socket, before a byte is sent on it."""
        with self._lock:
            if self.expired:
                sock.close()
                self.raise_if_expired()
            self._sockets.append(sock)
        if not self.allow_private:
            from argmine.ingest.addresses import PrivateAddressError, is_public_address

            address = sock.getpeername()[0]
            if not is_public_address(address):
                sock.close()
                raise PrivateAddressError(f"{self.url}: refused, {host} is a private or reserved address ({address})")

    def raise_if_expired(self) -> None:
        if self.expired:
            raise FetchError(f"{self.url}: no complete response within the time limit of {self.seconds:g} s")


def _guarded_pool_classes(guard: _Guard) -> dict:
    """urllib3 pool classes whose connections hand their socket to ``guard``."""
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            guard.connected(sock, self.host)
            return sock

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            guard.connected(sock, self.host)
            return sock

    class GuardedHTTPConnectionPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    return {"http": GuardedHTTPConnectionPool, "https": GuardedHTTPSConnectionPool}


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip("\"' ") or None
    return kind.strip().lower(), charset


def _short(error) -> str:
    text = str(error)
    if "timed out" in text.lower():
        return "timed out"
    if "Name or service not known" in text or "nodename nor servname" in text or "Failed to resolve" in text:
        return "host not found"
    if "Connection refused" in text:
        return "connection refused"
    return text.splitlines()[0][:160] if text else type(error).__name__
