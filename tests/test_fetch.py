"""URLs over real HTTP, against a local server."""

import pytest

from argmine.errors import FetchError
from argmine.ingest import read_source
from argmine.options import Options

PAGE = (
    "<html><head><title>Le vélo en ville</title></head><body><article><h1>Le vélo en ville</h1>"
    "<p>Selon une enquête de la Ville, 12 % des trajets se font désormais à vélo, contre 7 % en 2019.</p>"
    "<p>Prenez le vélo dès demain : vos poumons vous remercieront, et votre portefeuille aussi.</p>"
    "</article></body></html>"
).encode()


def test_a_page_is_fetched_and_extracted(http_server):
    base, routes = http_server
    routes["/velo"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    document = read_source(base + "/velo")
    assert "12 % des trajets" in document.text
    assert document.origin.url == base + "/velo"


def test_an_http_error_is_a_fetch_error(http_server):
    base, _ = http_server
    with pytest.raises(FetchError, match="404"):
        read_source(base + "/absente")


def test_a_redirect_loop_stops(http_server):
    base, routes = http_server
    routes["/boucle"] = (302, {"Location": "/boucle"}, b"")
    with pytest.raises(FetchError, match="redirects"):
        read_source(base + "/boucle")


def test_a_wrong_content_type_is_refused(http_server):
    base, routes = http_server
    routes["/image"] = (200, {"Content-Type": "image/png"}, b"\x89PNG....")
    with pytest.raises(FetchError, match="content type"):
        read_source(base + "/image")


def test_an_oversize_body_is_refused(http_server):
    base, routes = http_server
    routes["/gros"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"a" * 5000 + b"</p>")
    with pytest.raises(FetchError, match="limit"):
        read_source(base + "/gros", options=Options(max_input_bytes=1000))


def test_an_unreachable_host_is_a_fetch_error():
    with pytest.raises(FetchError):
        read_source("http://127.0.0.1:9/", options=Options(timeout=2))
