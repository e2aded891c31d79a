"""Fixtures of the sources tests: known texts rendered as UN-layout PDFs, DOCX and HTML, and a local
HTTP server standing in for the UN documents service."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from kyoto_desk.sources.importer import ImportedText, read_bytes
from tests.sources.fixture_texts import SYNTHETIC, FixtureText, kyoto_text
from tests.sources.office_fixtures import build_docx, build_html
from tests.sources.un_pdf import TIMES, build_un_pdf

BUILDERS: dict[str, Callable[[FixtureText], bytes]] = {
    "pdf": build_un_pdf,
    "pdf-noisy": lambda doc: build_un_pdf(doc, noisy=True),
    "pdf-times": lambda doc: build_un_pdf(doc, look=TIMES),
    "docx": build_docx,
    "html": build_html,
}
TEXTS: dict[str, Callable[[], FixtureText]] = {"synthetic": lambda: SYNTHETIC, "kyoto": kyoto_text}


@pytest.fixture(scope="session")
def fixture_file() -> Callable[[str, str], tuple[FixtureText, bytes]]:
    """(text, bytes) of a fixture by text name and format, built once per session."""
    cache: dict[tuple[str, str], tuple[FixtureText, bytes]] = {}

    def get(text: str, kind: str) -> tuple[FixtureText, bytes]:
        if (text, kind) not in cache:
            doc = TEXTS[text]()
            cache[text, kind] = (doc, BUILDERS[kind](doc))
        return cache[text, kind]

    return get


@pytest.fixture(scope="session")
def imported_fixture(
    fixture_file: Callable[[str, str], tuple[FixtureText, bytes]],
) -> Callable[[str, str], tuple[FixtureText, ImportedText]]:
    """(text, what the importer made of it) by text name and format, imported once per session:
    reading a 16-page PDF takes seconds, and several tests look at the same result."""
    cache: dict[tuple[str, str], tuple[FixtureText, ImportedText]] = {}

    def get(text: str, kind: str) -> tuple[FixtureText, ImportedText]:
        if (text, kind) not in cache:
            doc, data = fixture_file(text, kind)
            cache[text, kind] = (doc, read_bytes(data, name=f"{text}.{kind}"))
        return cache[text, kind]

    return get


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/pdf"
    location: str = ""
    delay: float = 0.0
    declared_length: int | None = None  # a Content-Length larger than the body: a truncated answer


@dataclass
class FakeUN:
    """Routes by path and query; every request's path is recorded."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


def _handler(server: FakeUN) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            route = server.routes.get(
                self.path, Route(status=404, body=b"not found", content_type="text/plain")
            )
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.location:
                self.send_header("Location", route.location)
            length = route.declared_length if route.declared_length is not None else len(route.body)
            self.send_header("Content-Length", str(length))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


@contextlib.contextmanager
def serve_fake_un(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUN]:
    """A threaded HTTP server on 127.0.0.1 (random free port) set as KYOTO_DESK_UN_DOCS_URL."""
    state = FakeUN(base="")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    httpd.block_on_close = False  # a handler still sleeping for the "slow" route must not hold teardown
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("KYOTO_DESK_UN_DOCS_URL", state.base)
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def fake_un(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUN]:
    with serve_fake_un(monkeypatch) as state:
        yield state
