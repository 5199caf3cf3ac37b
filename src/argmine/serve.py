"""``argmine serve``: the editor's web app and an HTTP API over the same analyzer.

``GET /`` is a form (paste text, upload a page, or give a URL) whose answer is the HTML
report; ``POST /analyze`` returns the JSON of ``argmine analyze``; ``GET /openapi.json``
describes the API. Models load once, at start-up; each analysis runs in the threadpool,
one at a time (spaCy pipelines are not meant to be shared across threads), while fetches
and parsing run beside it. Request bodies are capped, and URLs leading to private,
loopback or link-local addresses are refused unless ``allow_private_urls`` is set.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from contextlib import asynccontextmanager
from html import escape

from argmine import __version__
from argmine.errors import ArgmineError, FetchError, InputError
from argmine.options import Options

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
REQUEST_OVERHEAD_BYTES = 1024 * 1024
"""Room for JSON escaping and multipart headers above the input limit of ``Options``."""
MAX_URL_CHARS = 2048


class _TooLarge(Exception):
    pass


class _BadRequest(Exception):
    pass


@dataclasses.dataclass(frozen=True)
class _Input:
    text: str | None = None
    data: bytes | None = None
    url: str | None = None
    name: str = "request"
    content_type: str | None = None
    charset: str | None = None
    html: bool | None = None


class Service:
    """The analyzers (plain and explaining, sharing one set of models) and the input rules."""

    def __init__(self, *, allow_private_urls: bool = False, options: Options | None = None) -> None:
        from argmine.analyzer import Analyzer

        base = dataclasses.replace(options or Options(), allow_private_urls=allow_private_urls, explain=False)
        self.options = base
        self.max_request_bytes = base.max_input_bytes + REQUEST_OVERHEAD_BYTES
        self.analyzers = {
            False: Analyzer(options=base),
            True: Analyzer(options=dataclasses.replace(base, explain=True)),
        }
        self._lock = threading.Lock()

    def load_models(self) -> None:
        analyzer = self.analyzers[False]
        analyzer.nlp, analyzer.classifier  # noqa: B018  (loads and caches both)

    def analyze(self, given: _Input, *, explain: bool) -> dict:
        """Ingest and analyse one input; raise ``ArgmineError`` on bad input."""
        from argmine.document import Origin
        from argmine.ingest import document_from_bytes, document_from_text, read_source

        if given.url is not None:
            document = read_source(given.url, options=self.options)
        elif given.data is not None:
            document = document_from_bytes(
                given.data,
                name=given.name,
                origin=Origin(path=given.name) if given.name != "request" else Origin(),
                content_type=given.content_type,
                charset=given.charset,
                options=self.options,
            )
        else:
            document = document_from_text(given.text or "", name=given.name, html=given.html, options=self.options)
        with self._lock:
            return self.analyzers[explain].analyze_document(document).to_dict()


def create_app(*, allow_private_urls: bool = False, options: Options | None = None):
    """The Starlette application; ``argmine serve`` runs it with uvicorn."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    service = Service(allow_private_urls=allow_private_urls, options=options)

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(service.load_models)
        yield

    async def read_limited(request: Request) -> tuple[Request, bytes]:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > service.max_request_bytes:
            raise _TooLarge
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > service.max_request_bytes:
                raise _TooLarge
            chunks.append(chunk)
        body = b"".join(chunks)

        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        return Request(request.scope, replay), body

    def error_json(status: int, kind: str, message: str) -> JSONResponse:
        return JSONResponse({"error": {"type": kind, "message": message}}, status_code=status)

    async def analyze(request: Request) -> Response:
        try:
            request, body = await read_limited(request)
            given, explain = _api_input(request, body)
            record = await run_in_threadpool(service.analyze, given, explain=explain)
        except _TooLarge:
            return error_json(413, "InputError", f"request body exceeds {service.max_request_bytes} bytes")
        except _BadRequest as error:
            return error_json(400, "BadRequest", str(error))
        except ArgmineError as error:
            return error_json(_status(error), type(error).__name__, _one_line(error))
        return JSONResponse(record)

    async def report(request: Request) -> Response:
        from starlette.datastructures import UploadFile

        from argmine.render.html import render_report

        try:
            request, _ = await read_limited(request)
            async with request.form(max_files=1, max_fields=8, max_part_size=service.max_request_bytes) as form:
                upload = form.get("file")
                data = await upload.read() if isinstance(upload, UploadFile) else b""
                fields = {key: str(form.get(key) or "") for key in ("text", "url", "explain")}
                name = (upload.filename or "upload") if isinstance(upload, UploadFile) else "upload"
            given = _form_input(fields, data, name)
            explain = bool(fields["explain"])
            record = await run_in_threadpool(service.analyze, given, explain=explain)
        except _TooLarge:
            return HTMLResponse(_form_page(error=f"The request exceeds {service.max_request_bytes} bytes."), 413)
        except _BadRequest as error:
            return HTMLResponse(_form_page(error=str(error)), 400)
        except ArgmineError as error:
            return HTMLResponse(_form_page(error=_one_line(error)), _status(error))
        except Exception as error:  # a malformed multipart body
            if type(error).__name__ in ("MultiPartException", "HTTPException"):
                return HTMLResponse(_form_page(error="The form could not be read."), 400)
            raise
        return HTMLResponse(render_report(record, explain=explain, home="/"))

    async def home(request: Request) -> Response:
        return HTMLResponse(_form_page())

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document())

    async def analysis_schema(request: Request) -> Response:
        from argmine.analysis import schema

        return JSONResponse(schema())

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/report", report, methods=["POST"]),
        Route("/analyze", analyze, methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/schema/analysis.json", analysis_schema, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.service = service
    return app


def run(*, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_private_urls: bool = False) -> None:
    import uvicorn

    uvicorn.run(
        create_app(allow_private_urls=allow_private_urls),
        host=host,
        port=port,
        log_level="info",
        timeout_keep_alive=5,
    )


def _api_input(request, body: bytes) -> tuple[_Input, bool]:
    """``POST /analyze`` takes JSON ``{"text"|"url", "html"?, "explain"?}`` or a raw page body."""
    explain = request.query_params.get("explain", "").lower() in ("1", "true", "yes")
    kind, _, params = request.headers.get("content-type", "").partition(";")
    kind = kind.strip().lower()
    if kind == "application/json":
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise _BadRequest("the body is not valid JSON") from None
        if not isinstance(payload, dict):
            raise _BadRequest('the body must be a JSON object such as {"text": "..."} or {"url": "..."}')
        explain = explain or payload.get("explain") is True
        url, text = payload.get("url"), payload.get("text")
        if isinstance(url, str) and url.strip():
            return _url_input(url), explain
        if isinstance(text, str) and text.strip():
            html = payload.get("html")
            return _Input(text=text, name="text", html=html if isinstance(html, bool) else None), explain
        raise _BadRequest('give "text" (a string) or "url"')
    if kind and not kind.startswith("text/") and kind != "application/xhtml+xml":
        raise _BadRequest(f"content type {kind} is not read: send JSON, text/html or text/plain")
    charset = next(
        (v.strip().strip("\"'") for k, _, v in (p.partition("=") for p in params.split(";")) if k.strip() == "charset"),
        None,
    )
    return _Input(data=body, name="request", content_type=kind or None, charset=charset), explain


def _form_input(fields: dict, data: bytes, name: str) -> _Input:
    if fields["url"].strip():
        return _url_input(fields["url"])
    if data.strip():
        return _Input(data=data, name=name)
    if fields["text"].strip():
        return _Input(text=fields["text"], name="pasted text")
    raise _BadRequest("Paste a text, choose a file or give a URL.")


def _url_input(url: str) -> _Input:
    from argmine.ingest import is_url

    url = url.strip()
    if len(url) > MAX_URL_CHARS or not is_url(url):
        raise _BadRequest("the URL must be an http(s) URL of at most 2048 characters")
    return _Input(url=url, name=url)


def _status(error: ArgmineError) -> int:
    from argmine.ingest.addresses import PrivateAddressError

    if isinstance(error, PrivateAddressError):
        return 403
    if isinstance(error, FetchError):
        return 502
    if isinstance(error, InputError):
        return 422
    return 500


def _one_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def openapi_document() -> dict:
    """The OpenAPI 3.1 description of the API; the analysis schema is served beside it."""
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "argmine",
            "version": __version__,
            "description": "The argument of a French blog or news page: sentences labelled finding, "
            "rebuttal, call_to_action, claim or other; sources, quotes, claim units and relations.",
        },
        "paths": {
            "/analyze": {
                "post": {
                    "summary": "Analyse a text, a page or a URL; the same JSON as `argmine analyze`.",
                    "operationId": "analyze",
                    "parameters": [
                        {
                            "name": "explain",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "boolean"},
                            "description": "Add, per sentence, the rule or features behind its label.",
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/AnalyzeRequest"}},
                            "text/html": {"schema": {"type": "string"}},
                            "text/plain": {"schema": {"type": "string"}},
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The analysis (schema version 1.0).",
                            "content": {"application/json": {"schema": {"$ref": "/schema/analysis.json"}}},
                        },
                        "400": {"description": "Malformed request.", **error},
                        "403": {"description": "URL refused: private, loopback or link-local address.", **error},
                        "413": {"description": "Request body too large.", **error},
                        "422": {"description": "Input unreadable: empty, binary, no main text.", **error},
                        "502": {"description": "The URL could not be fetched.", **error},
                    },
                }
            },
            "/report": {
                "post": {
                    "summary": "The HTML report of a pasted text, an uploaded file or a URL (the web form).",
                    "operationId": "report",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "text": {"type": "string"},
                                        "file": {"type": "string", "format": "binary"},
                                        "url": {"type": "string"},
                                        "explain": {"type": "string"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {"200": {"description": "The report page.", "content": {"text/html": {}}}},
                }
            },
            "/schema/analysis.json": {
                "get": {
                    "summary": "The JSON Schema every analysis follows.",
                    "operationId": "analysisSchema",
                    "responses": {"200": {"description": "JSON Schema 2020-12.", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "schemas": {
                "AnalyzeRequest": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "description": "Plain text, Markdown or HTML."},
                        "url": {"type": "string", "format": "uri", "description": "An http(s) page to fetch."},
                        "html": {"type": "boolean", "description": "Whether text is HTML (guessed if absent)."},
                        "explain": {"type": "boolean"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
                        }
                    },
                },
            }
        },
    }


FORM_CSS = """
body { margin: 0; background: #f6f6f4; color: #1d1d1f; font: 15px/1.55 system-ui, sans-serif; }
main { max-width: 760px; margin: 40px auto; padding: 0 20px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } .lead { color: #5f6368; margin: 0 0 20px; }
form { background: #fff; border: 1px solid #dcdcdf; border-radius: 10px; padding: 20px 24px; }
label { display: block; font-weight: 600; margin: 14px 0 6px; }
textarea { width: 100%; min-height: 220px; font: 14px/1.5 Georgia, serif; padding: 10px; box-sizing: border-box; }
input[type=url] { width: 100%; padding: 8px; box-sizing: border-box; }
.or { color: #5f6368; font-size: .85rem; margin: 10px 0 0; }
.row { display: flex; align-items: center; gap: 16px; margin-top: 18px; }
button { background: #0072B2; color: #fff; border: 0; border-radius: 6px; padding: 10px 20px; font-size: 1rem; cursor: pointer; }
.check { font-weight: 400; margin: 0; }
.error { background: #fff4ec; border-left: 4px solid #D55E00; padding: 8px 12px; margin: 0 0 16px; }
footer { color: #5f6368; font-size: .8rem; margin-top: 16px; }
"""


def _form_page(*, error: str | None = None) -> str:
    problem = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>argmine</title><style>{FORM_CSS}</style></head>
<body><main>
<h1>argmine</h1>
<p class="lead">The argument of a French blog or news page: findings, rebuttals, calls to action, claims and their sources.</p>
{problem}
<form method="post" action="/report" enctype="multipart/form-data">
<label for="text">Paste a text</label>
<textarea id="text" name="text" placeholder="Collez ici le texte ou le HTML de l'article…"></textarea>
<p class="or">or</p>
<label for="file">Upload a page (.html, .txt, .md)</label>
<input id="file" name="file" type="file" accept=".html,.htm,.xhtml,.txt,.md,text/html,text/plain">
<p class="or">or</p>
<label for="url">Give a URL</label>
<input id="url" name="url" type="url" placeholder="https://exemple.fr/billet">
<div class="row"><button type="submit">Analyse</button>
<label class="check"><input type="checkbox" name="explain" value="1"> explain each label</label></div>
</form>
<footer>argmine {escape(__version__)} · API: <a href="/openapi.json">/openapi.json</a></footer>
</main></body></html>
"""
