"""Fetching a URL over HTTP(S), politely and within limits.

A timeout, a cap on the body size (checked while reading, so a huge or endless body
stops early), a cap on redirects, a content-type check and an honest user agent.
"""

from __future__ import annotations

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
    pool = urllib3.PoolManager(
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Language": "fr,en;q=0.5",
        },
        timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout),
        retries=urllib3.Retry(
            total=None,
            connect=1,
            read=0,
            redirect=options.max_redirects,
            status=0,
            raise_on_redirect=True,
            raise_on_status=False,
        ),
    )
    try:
        response = pool.request("GET", url, preload_content=False, decode_content=True)
    except urllib3.exceptions.MaxRetryError as error:
        reason = error.reason
        if isinstance(reason, urllib3.exceptions.ResponseError) or "redirect" in str(reason).lower():
            raise FetchError(f"{url}: more than {options.max_redirects} redirects") from None
        raise FetchError(f"{url}: cannot connect ({_short(reason)})") from None
    except urllib3.exceptions.HTTPError as error:
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
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"{url}: {_short(error)}") from None
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
