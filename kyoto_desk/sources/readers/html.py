"""HTML pages (UN documents pages, saved web pages) read with the standard library's html.parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kyoto_desk.errors import ImportFailedError
from kyoto_desk.sources.readers import ReadText
from kyoto_desk.sources.readers.text import decode_text
from kyoto_desk.sources.unlayout import SUPERSCRIPT_DIGITS, SYMBOL, relocate_footnotes

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd tr td th blockquote section article hr table ul ol main".split()
)
_SKIPPED = frozenset("script style head nav header footer noscript template svg button form select".split())
_ITALIC = frozenset({"i", "em"})
_UN_PARAGRAPH = re.compile(r"^(?:\*?\d{1,3}\.\s|\(?[a-z]\)\s)", re.MULTILINE)
_MARKED_SECTION = re.compile(r"<!\[CDATA\[.*?\]\]>|<!\[[^\]>]*\]>", re.S | re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class _TextCollector(HTMLParser):
    """Paragraph texts of a page, skipping navigation, scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_sup = 0
        self.in_title = False
        self.title = ""

    def _close_paragraph(self) -> None:
        text = " ".join("".join(self.current).split())
        if text.strip("* "):
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip_depth += 1 if tag not in ("br", "hr") else 0
            self.in_title = False
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self._close_paragraph()
        elif tag == "br":
            # One line break goes on within the paragraph; two in a row end it.
            if self.current and self.current[-1] == "\n":
                self._close_paragraph()
            else:
                self.current.append("\n")
        elif tag in _ITALIC and not self.skip_depth:
            self.current.append("*")
        elif tag == "sup":
            self.in_sup += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(self.skip_depth - 1, 0)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._close_paragraph()
        elif tag in _ITALIC and not self.skip_depth:
            self.current.append("*")
        elif tag == "sup":
            self.in_sup = max(self.in_sup - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            if self.in_sup and data.strip().isdigit():
                data = data.strip().translate(SUPERSCRIPT_DIGITS)
            if data.strip() or not self.current or self.current[-1] != "\n":
                self.current.append(data)


def decode_html(data: bytes) -> str:
    """The page's text: its declared <meta charset> if Python knows it, else the text rule."""
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def read_html(data: bytes) -> ReadText:
    """The normalised text of an HTML page; ImportFailedError if the page holds no UN document text."""
    collector = _TextCollector()
    # Word's HTML export is full of conditional sections (<![if !supportLists]>) that html.parser
    # asserts on; they hold no text of the document.
    page = _MARKED_SECTION.sub("", decode_html(data))
    try:
        collector.feed(page)
        collector.close()
    except AssertionError as exc:  # html.parser's way of refusing a malformed declaration
        raise ImportFailedError(
            "The web page is malformed and cannot be read.", "Save the page again from the browser."
        ) from exc
    collector._close_paragraph()
    text = relocate_footnotes(collector.paragraphs)
    if not _UN_PARAGRAPH.search(text):
        raise ImportFailedError(
            "The web page holds no UN declaration or resolution text (no numbered paragraphs).",
            "Open the document itself (its PDF or Word file) rather than a search or landing page.",
        )
    title = " ".join(collector.title.split())
    symbols = tuple(m.group(0) for m in SYMBOL.finditer(title))
    return ReadText(text, symbols=symbols, title=title)
