"""Shared fixtures: paths, one analyzer per session, and a local HTTP server."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
EXAMPLE = REPO / "examples" / "teletravail-productivite.txt"
SEED = REPO.parent / "shared" / "seeds" / "la-fin-des-experts-en-reseaux-sociaux.txt"


@pytest.fixture(scope="session")
def analyzer():
    from argmine import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def seed_analysis(analyzer):
    if not SEED.exists():
        pytest.skip("the shared seed is not beside this checkout")
    return analyzer.analyze(SEED).to_dict()


@pytest.fixture(scope="session")
def example_analysis(analyzer):
    return analyzer.analyze(EXAMPLE).to_dict()


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's naming)
        route = self.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body = route
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_server():
    """A real HTTP server on 127.0.0.1; tests register ``path -> (status, headers, body)``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base, _Handler.routes
    server.shutdown()
