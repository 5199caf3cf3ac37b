"""argmine serve: the HTTP API and the form, over real HTTP on 127.0.0.1."""

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from serving import running_server

from argmine.cli import main
from argmine.options import Options
from conftest import EXAMPLE

SMALL_INPUT_LIMIT = 200_000

PAGE = (
    "<html><head><title>Vélos en ville</title></head><body><article><h1>Vélos en ville</h1>"
    "<p>Selon une enquête de l'Observatoire des mobilités publiée en mai, 42 % des trajets de moins de "
    "trois kilomètres se font encore en voiture. Il est pourtant hâtif d'en conclure que les habitants "
    "refusent le vélo.</p><p>Essayez la piste cyclable du quai dès lundi.</p></article></body></html>"
).encode()


@pytest.fixture(scope="module")
def guarded():
    """A server with the default policy: private URLs refused."""
    from argmine.serve import create_app

    with running_server(create_app(options=Options(max_input_bytes=SMALL_INPUT_LIMIT))) as base:
        yield base


@pytest.fixture(scope="module")
def open_server():
    from argmine.serve import create_app

    with running_server(create_app(allow_private_urls=True)) as base:
        yield base


def post(url, body: bytes, content_type: str):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def without_origin(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("origin", "id")}


def test_analyze_returns_the_json_of_the_command_line(guarded):
    command = json.loads(CliRunner().invoke(main, ["analyze", str(EXAMPLE)]).output)
    status, body = post(f"{guarded}/analyze", EXAMPLE.read_bytes(), "text/plain; charset=utf-8")
    assert status == 200
    assert without_origin(json.loads(body)) == without_origin(command)


def test_analyze_accepts_json_with_text_and_explain(guarded):
    payload = {"text": EXAMPLE.read_text(encoding="utf-8"), "explain": True}
    status, body = post(f"{guarded}/analyze", json.dumps(payload).encode(), "application/json")
    record = json.loads(body)
    assert status == 200 and all("explanation" in s for s in record["sentences"])


def test_private_url_is_refused_by_default(guarded, http_server):
    base, routes = http_server
    routes["/velo.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    status, body = post(f"{guarded}/analyze", json.dumps({"url": f"{base}/velo.html"}).encode(), "application/json")
    assert status == 403 and "private, loopback or link-local" in json.loads(body)["error"]["message"]


def test_private_url_is_fetched_with_the_flag(open_server, http_server):
    base, routes = http_server
    routes["/velo.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    status, body = post(f"{open_server}/analyze", json.dumps({"url": f"{base}/velo.html"}).encode(), "application/json")
    record = json.loads(body)
    assert status == 200 and record["metadata"]["title"] == "Vélos en ville"
    assert record["origin"]["url"] == f"{base}/velo.html"


def test_oversized_streamed_body_is_refused(guarded):
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(guarded).netloc, timeout=30)
    connection.putrequest("POST", "/analyze")
    connection.putheader("Content-Type", "text/plain")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    chunk = b"a" * 50_000
    try:
        for _ in range((SMALL_INPUT_LIMIT + 1_100_000) // len(chunk) + 2):
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        connection.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    response = connection.getresponse()
    assert response.status == 413 and json.loads(response.read())["error"]["type"] == "InputError"
    connection.close()


def test_declared_oversized_body_is_refused_before_reading(guarded):
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(guarded).netloc, timeout=30)
    connection.putrequest("POST", "/analyze")
    connection.putheader("Content-Type", "text/plain")
    connection.putheader("Content-Length", str(10**10))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_empty_text_is_a_clear_error(guarded):
    status, body = post(f"{guarded}/analyze", json.dumps({"text": "   "}).encode(), "application/json")
    assert status == 400 and "text" in json.loads(body)["error"]["message"]


def test_binary_body_is_unprocessable(guarded):
    status, body = post(f"{guarded}/analyze", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text/plain")
    assert status == 422 and json.loads(body)["error"]["type"] == "DecodeError"


def test_bad_json_is_a_bad_request(guarded):
    status, _ = post(f"{guarded}/analyze", b"{pas du json", "application/json")
    assert status == 400


def test_openapi_describes_analyze_and_serves_the_schema(guarded):
    with urllib.request.urlopen(f"{guarded}/openapi.json", timeout=30) as response:
        document = json.loads(response.read())
    reference = document["paths"]["/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    with urllib.request.urlopen(urllib.parse.urljoin(f"{guarded}/openapi.json", reference["$ref"])) as response:
        assert json.loads(response.read())["title"] == "argmine analysis"


def test_form_post_returns_the_report(guarded):
    form = urllib.parse.urlencode({"text": EXAMPLE.read_text(encoding="utf-8")}).encode()
    status, body = post(f"{guarded}/report", form, "application/x-www-form-urlencoded")
    page = body.decode("utf-8")
    assert status == 200 and 'id="legend"' in page and 'class="s l-finding"' in page


def test_form_with_nothing_says_what_to_give(guarded):
    status, body = post(f"{guarded}/report", b"text=", "application/x-www-form-urlencoded")
    assert status == 400 and "Paste a text" in body.decode("utf-8")


@pytest.mark.parametrize(
    "address, public",
    [
        ("127.0.0.1", False),
        ("10.2.3.4", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:192.168.1.1", False),
        ("0.0.0.0", False),
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
    ],
)
def test_address_policy(address, public):
    from argmine.ingest.addresses import is_public_address

    assert is_public_address(address) is public


def test_localhost_name_is_refused_without_connecting():
    from argmine.errors import FetchError
    from argmine.ingest import read_source

    with pytest.raises(FetchError, match="refused"):
        read_source("http://localhost:9/page", options=Options(allow_private_urls=False))
