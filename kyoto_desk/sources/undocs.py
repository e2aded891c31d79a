"""Download a document by UN symbol from the UN Official Document System, over HTTPS to UN hosts only.

The URL is `https://documents.un.org/api/symbol/access?s=<symbol>&l=<lang>&t=pdf`, with
`https://undocs.org/<lang>/<symbol>` as fallback. `KYOTO_DESK_UN_DOCS_URL` replaces the service
(tests, mirrors): the same path is appended to it and redirects may go to that host only.
Thread-safe: no shared state; progress and cancellation go through the callbacks.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from kyoto_desk.core.symbols import is_symbol
from kyoto_desk.errors import DownloadError, InputError
from kyoto_desk.sources.progress import IsCancelled, Progress, check_cancelled, never_cancelled, no_progress

log = logging.getLogger(__name__)

URL_ENV = "KYOTO_DESK_UN_DOCS_URL"
SERVICE = "https://documents.un.org"
FALLBACK = "https://undocs.org"
UN_HOSTS = ("un.org", "undocs.org")
LANGUAGES = frozenset({"ar", "zh", "en", "fr", "ru", "es", "de"})
MAX_BYTES = 50 * 1024 * 1024
TIMEOUT = 30.0
_CHUNK = 64 * 1024
_PDF_TYPES = ("application/pdf", "application/octet-stream", "binary/octet-stream")
_HINT = "Check the symbol and language, or download the PDF in a browser and import the file."


@dataclass(frozen=True, slots=True)
class Downloaded:
    """A fetched original: its bytes, their sha256 and where they finally came from."""

    data: bytes
    sha256: str
    url: str
    symbol: str
    language: str


class _NotThereError(Exception):
    """This URL has no document (empty body, 404, not a PDF); the fallback URL may have it."""


def candidate_urls(symbol: str, language: str) -> list[str]:
    """The URLs tried in order for `symbol` in `language`."""
    query = f"/api/symbol/access?s={quote(symbol, safe='/')}&l={language}&t=pdf"
    override = os.environ.get(URL_ENV, "").rstrip("/")
    if override:
        return [override + query]
    return [SERVICE + query, f"{FALLBACK}/{language}/{quote(symbol, safe='/')}"]


def host_allowed(url: str) -> bool:
    """Whether a download may go to `url`: HTTPS on a UN host, or exactly the overriding host."""
    parts = urlsplit(url)
    override = os.environ.get(URL_ENV, "")
    if override:
        allowed = urlsplit(override)
        return (parts.scheme, parts.netloc) == (allowed.scheme, allowed.netloc)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == h or host.endswith("." + h) for h in UN_HOSTS)


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(  # noqa: PLR0917 (the signature urllib calls)
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if not host_allowed(newurl):
            fp.close()  # urllib closes the redirect's response only when it follows it
            raise DownloadError(
                f"The UN documents service redirected to {urlsplit(newurl).netloc or newurl}, which is not a "
                "United Nations host over HTTPS; the download was stopped.",
                _HINT,
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_request(symbol: str, language: str) -> tuple[str, str]:
    """The symbol and language, cleaned; InputError if they cannot be a UN symbol and language."""
    symbol, language = symbol.strip().upper(), language.strip().lower()
    if not is_symbol(symbol):
        raise InputError(f"{symbol!r} is not a UN document symbol.", "Symbols look like A/RES/70/174.")
    if language not in LANGUAGES:
        known = ", ".join(sorted(LANGUAGES))
        raise InputError(f"{language!r} is not a language of UN documents.", f"Use one of {known}.")
    return symbol, language


def fetch_symbol(
    symbol: str,
    *,
    language: str = "en",
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> Downloaded:
    """The PDF of `symbol` in `language`; DownloadError with a hint when it cannot be had."""
    symbol, language = check_request(symbol, language)
    reasons: list[str] = []
    failure: DownloadError | None = None
    for url in candidate_urls(symbol, language):
        try:
            data, final = _fetch(url, progress, is_cancelled, max_bytes, timeout)
        except _NotThereError as exc:
            reasons.append(str(exc))
            continue
        except DownloadError as exc:  # the fallback service may still answer
            log.info("download from %s failed: %s", url, exc.message)
            failure = failure or exc
            continue
        return Downloaded(data, hashlib.sha256(data).hexdigest(), final, symbol, language)
    if failure is not None:
        raise failure
    raise DownloadError(f"The UN has no PDF of {symbol} in {language}: {'; '.join(reasons)}.", _HINT)


def _fetch(
    url: str, progress: Progress, is_cancelled: IsCancelled, max_bytes: int, timeout: float
) -> tuple[bytes, str]:
    opener = urllib.request.build_opener(_GuardedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": "kyoto-desk", "Accept": "application/pdf"})
    check_cancelled(is_cancelled, "The download")
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            _check_type(response.headers.get_content_type())
            data = _read_body(response, progress, is_cancelled, max_bytes)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code in (404, 410):
            raise _NotThereError(f"{urlsplit(url).netloc} answered {exc.code}") from exc
        raise DownloadError(f"The UN documents service answered {exc.code} {exc.reason}.", _HINT) from exc
    except TimeoutError as exc:
        raise DownloadError(f"The UN documents service did not answer within {timeout:g} s.", _HINT) from exc
    except http.client.IncompleteRead as exc:
        raise DownloadError("The connection broke off before the whole file arrived.", _HINT) from exc
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        log.info("download of %s failed", url, exc_info=exc)
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"The UN documents service could not be reached ({reason}).", _HINT) from exc
    if not data:
        raise _NotThereError(f"{urlsplit(url).netloc} sent an empty answer")
    if not data.startswith(b"%PDF-"):
        raise _NotThereError(f"{urlsplit(url).netloc} sent something that is not a PDF")
    return data, final


def _check_type(content_type: str) -> None:
    if content_type not in _PDF_TYPES:
        raise _NotThereError(f"the answer was {content_type}, not a PDF")


def _read_body(response: Any, progress: Progress, is_cancelled: IsCancelled, max_bytes: int) -> bytes:
    declared = int(response.headers.get("Content-Length") or 0)
    if declared > max_bytes:
        raise DownloadError(
            f"The file is {declared / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit.", _HINT
        )
    chunks: list[bytes] = []
    received = 0
    while chunk := response.read(_CHUNK):
        check_cancelled(is_cancelled, "The download")
        received += len(chunk)
        if received > max_bytes:
            raise DownloadError(f"The file is over the {max_bytes / 1e6:.1f} MB limit.", _HINT)
        chunks.append(chunk)
        if declared:
            progress(min(received / declared, 1.0))
    if declared and received < declared:
        raise DownloadError("The connection broke off before the whole file arrived.", _HINT)
    progress(1.0)
    return b"".join(chunks)
