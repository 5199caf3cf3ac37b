"""Refusing URLs that point inside the machine or its network.

A server that fetches URLs for its users must not become a way into ``127.0.0.1``, the
local network or a cloud metadata address. ``check_public_url`` resolves the host and
refuses when any address is private, loopback, link-local, multicast, reserved or
unspecified; ``PublicOnlyRetry`` applies the same check to every redirect.

The check resolves the name before urllib3 connects, so a DNS server that answers
differently the second time could still slip through; put a filtering proxy in front of
argmine if that matters.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

from argmine.errors import FetchError


class PrivateAddressError(FetchError):
    """A URL refused because it leads to a private, loopback or link-local address."""


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_public_url(url: str) -> None:
    """Raise ``FetchError`` unless every address of the URL's host is public."""
    host = urlsplit(url).hostname
    if not host:
        raise FetchError(f"{url}: no host")
    try:
        port = urlsplit(url).port
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        raise FetchError(f"{url}: cannot connect (host not found)") from None
    for info in infos:
        if not is_public_address(info[4][0]):
            raise PrivateAddressError(f"{url}: refused, {host} resolves to a private, loopback or link-local address")


def public_only_retry():
    """A urllib3 ``Retry`` class that checks each redirect target with ``check_public_url``."""
    import urllib3

    class PublicOnlyRetry(urllib3.Retry):
        def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
            location = response.get_redirect_location() if response is not None else None
            target = url
            if location:
                if target and "://" not in target and _pool is not None:
                    target = f"{_pool.scheme}://{_pool.host}:{_pool.port}{target}"
                check_public_url(urljoin(target or "", location))
            return super().increment(method, url, response, error, _pool, _stacktrace)

    return PublicOnlyRetry
