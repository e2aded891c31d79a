"""Download by UN symbol against a local server standing in for the UN documents service."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from kyoto_desk.errors import DownloadError, InputError
from kyoto_desk.sources.progress import OperationCancelledError
from kyoto_desk.sources.undocs import candidate_urls, check_request, fetch_symbol, host_allowed
from tests.sources.conftest import FakeUN, Route
from tests.sources.fixture_texts import FixtureText

FixtureFile = Callable[[str, str], tuple[FixtureText, bytes]]
PATH = "/api/symbol/access?s=A/RES/85/321&l=en&t=pdf"


@pytest.fixture
def pdf(fixture_file: FixtureFile) -> bytes:
    return fixture_file("synthetic", "pdf")[1]


def test_fetch_returns_bytes_sha256_and_reports_progress(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes[PATH] = Route(body=pdf)
    seen: list[float] = []
    got = fetch_symbol("a/res/85/321", progress=seen.append)
    assert got.data == pdf
    assert got.sha256 == hashlib.sha256(pdf).hexdigest()
    assert (got.symbol, got.language, got.url) == ("A/RES/85/321", "en", fake_un.base + PATH)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert fake_un.requests == [PATH]


def test_fetch_in_another_language_asks_for_it(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes["/api/symbol/access?s=A/RES/85/321&l=fr&t=pdf"] = Route(body=pdf)
    assert fetch_symbol("A/RES/85/321", language="FR").language == "fr"


def test_redirect_to_the_same_host_is_followed(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes[PATH] = Route(status=302, location=f"{fake_un.base}/files/A_RES_85_321.pdf")
    fake_un.routes["/files/A_RES_85_321.pdf"] = Route(body=pdf)
    got = fetch_symbol("A/RES/85/321")
    assert got.data == pdf and got.url.endswith("/files/A_RES_85_321.pdf")


@pytest.mark.parametrize(
    "location",
    ["https://evil.example/x.pdf", "http://localhost:1/x.pdf", "https://documents.un.org.evil.example/x.pdf"],
)
def test_redirect_to_another_host_is_refused(fake_un: FakeUN, location: str) -> None:
    fake_un.routes[PATH] = Route(status=302, location=location)
    with pytest.raises(DownloadError, match="not a United Nations host"):
        fetch_symbol("A/RES/85/321")


def test_redirect_loop_ends(fake_un: FakeUN) -> None:
    fake_un.routes[PATH] = Route(status=302, location=f"{fake_un.base}{PATH}")
    with pytest.raises(DownloadError):
        fetch_symbol("A/RES/85/321")


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(body=b""), "empty answer"),
        (Route(body=b"<html>Not found</html>", content_type="text/html"), "text/html, not a PDF"),
        (Route(body=b"PK\x03\x04 not a pdf"), "not a PDF"),
        (Route(status=404, body=b"gone", content_type="text/plain"), "answered 404"),
        (Route(status=500, body=b"oops", content_type="text/plain"), "answered 500"),
        (Route(body=b"%PDF-1.4 short", declared_length=100_000), "broke off"),
    ],
)
def test_bad_answers(fake_un: FakeUN, route: Route, message: str) -> None:
    fake_un.routes[PATH] = route
    with pytest.raises(DownloadError, match=message) as info:
        fetch_symbol("A/RES/85/321")
    assert info.value.hint


def test_slow_answer_times_out(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes[PATH] = Route(body=pdf, delay=2.0)
    with pytest.raises(DownloadError, match="did not answer within"):
        fetch_symbol("A/RES/85/321", timeout=0.3)


def test_size_cap(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes[PATH] = Route(body=pdf)
    with pytest.raises(DownloadError, match="limit"):
        fetch_symbol("A/RES/85/321", max_bytes=len(pdf) // 2)


def test_cancel_stops_the_download(fake_un: FakeUN, pdf: bytes) -> None:
    fake_un.routes[PATH] = Route(body=pdf)
    with pytest.raises(OperationCancelledError):
        fetch_symbol("A/RES/85/321", is_cancelled=lambda: True)


def test_server_down_is_a_download_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYOTO_DESK_UN_DOCS_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    with pytest.raises(DownloadError, match="could not be reached"):
        fetch_symbol("A/RES/85/321", timeout=2)


@pytest.mark.parametrize(
    ("symbol", "language", "message"),
    [
        ("not a symbol", "en", "not a UN document symbol"),
        ("../../etc/passwd", "en", "not a UN document symbol"),
        ("A/RES/70/174&l=xx", "en", "not a UN document symbol"),
        ("A/RES/70/174", "xx", "not a language"),
    ],
)
def test_bad_requests_are_input_errors(symbol: str, language: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_request(symbol, language)


def test_candidate_urls_use_the_un_service_then_undocs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KYOTO_DESK_UN_DOCS_URL", raising=False)
    assert candidate_urls("A/RES/70/174", "en") == [
        "https://documents.un.org/api/symbol/access?s=A/RES/70/174&l=en&t=pdf",
        "https://undocs.org/en/A/RES/70/174",
    ]


def test_candidate_urls_with_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYOTO_DESK_UN_DOCS_URL", "http://127.0.0.1:8765/")
    assert candidate_urls("A/RES/70/174", "es") == [
        "http://127.0.0.1:8765/api/symbol/access?s=A/RES/70/174&l=es&t=pdf"
    ]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://documents.un.org/api/x", True),
        ("https://undocs.org/en/A/RES/70/174", True),
        ("https://daccess-ods.un.org/tmp/x.pdf", True),
        ("https://un.org/x", True),
        ("http://documents.un.org/x", False),  # HTTPS only
        ("https://un.org.evil.example/x", False),
        ("https://evilun.org/x", False),
        ("https://127.0.0.1:8765/x", False),
    ],
)
def test_host_allowed_without_override(monkeypatch: pytest.MonkeyPatch, url: str, allowed: bool) -> None:
    monkeypatch.delenv("KYOTO_DESK_UN_DOCS_URL", raising=False)
    assert host_allowed(url) is allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8765/files/x.pdf", True),
        ("http://127.0.0.1:8766/files/x.pdf", False),
        ("https://documents.un.org/x", False),  # the override admits its own host only
    ],
)
def test_host_allowed_with_override(monkeypatch: pytest.MonkeyPatch, url: str, allowed: bool) -> None:
    monkeypatch.setenv("KYOTO_DESK_UN_DOCS_URL", "http://127.0.0.1:8765")
    assert host_allowed(url) is allowed


def test_fallback_url_is_tried_when_the_first_service_fails(
    fake_un: FakeUN, pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyoto_desk.sources import undocs

    fake_un.routes["/fallback/en/A/RES/85/321"] = Route(body=pdf)
    urls = ["http://127.0.0.1:9/api/symbol/access", f"{fake_un.base}/fallback/en/A/RES/85/321"]
    monkeypatch.setattr(undocs, "candidate_urls", lambda symbol, language: urls)
    assert fetch_symbol("A/RES/85/321", timeout=2).data == pdf


def test_first_failure_is_reported_when_every_url_fails(
    fake_un: FakeUN, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyoto_desk.sources import undocs

    urls = ["http://127.0.0.1:9/api/symbol/access", f"{fake_un.base}/missing"]
    monkeypatch.setattr(undocs, "candidate_urls", lambda symbol, language: urls)
    with pytest.raises(DownloadError, match="could not be reached"):
        fetch_symbol("A/RES/85/321", timeout=2)
