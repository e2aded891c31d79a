"""UN page layout removed from extracted text: pure functions from page lines to the parser's text.

Input is one list of lines per page, as a reader extracted them: superscript footnote markers
already written as ¹²³, italic runs as `*...*`, an empty line where the page shows a paragraph gap,
and a line of underscores where the footnote separator rule is drawn. Output is the normalised text
`core.parser.parse_text` takes: paragraphs separated by blank lines, each footnote ("¹ …") right
after the paragraph that holds its marker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kyoto_desk.sources.wordfix import (
    Vocabulary,
    join_hyphenated,
    join_split_words,
    replace_ligatures,
    restore_lost_ligatures,
)

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SYMBOL = re.compile(
    r"\b(?:A|E|S|ST|TD|UNEP|CCPCJ|CND|HRC)/(?:[A-Z0-9][A-Za-z0-9.\-]*/)*[A-Z0-9][A-Za-z0-9.\-]*"
)
_PAGE_NUMBER = re.compile(r"^(?:Page\s+)?\d{1,3}\s*/\s*\d{1,3}$|^-?\s*\d{1,3}\s*-?$")
# Pieces of the first page's foot: job number "15-22011 (E)", date code "040116", barcode, recycling.
_FOOT_PIECE = re.compile(r"\d{2}-\d{5}\s*\([A-Z]\)|\b\d{6}\b|\*\d{7}\*|♲|Please\s+recycle", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500-]{5,}$")
_FOOTNOTE_START = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$")
_PLAIN_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_LONE_NUMBER = re.compile(r"^(?:\d{1,3}(?:bis|ter)?\.|\((?:[a-z]{1,3}|[ivx]+)\)|[a-z]\))$")
_NUMBERED_START = re.compile(r"^\*?(?:\d{1,3}(?:bis|ter)?\.|\((?:[a-z]{1,3}|[ivx]+)\))\*?\s+\S")
_HEADER_BAND = 2  # running headers and footers live in the first and last lines of a page
_ENDS_PARAGRAPH = re.compile(r"[.;:!?][*)\]”’\"⁰¹²³⁴⁵⁶⁷⁸⁹]*$")


@dataclass
class _Paragraph:
    lines: list[str]


def is_furniture(line: str, symbols: frozenset[str], *, at_edge: bool = True) -> bool:
    """Whether `line` is page furniture: page number, job number, barcode, "Please recycle", symbol.

    A bare number counts as a page number only at the top or bottom of a page (`at_edge`).
    """
    stripped = line.strip()
    return bool(
        (at_edge and _PAGE_NUMBER.match(stripped))
        or (_FOOT_PIECE.search(stripped) and not _FOOT_PIECE.sub("", stripped).strip())
        or stripped in symbols
    )


def document_symbols(pages: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Symbols printed alone or at the edge of a running header, most frequent first.

    Only the top lines count: UN pages print the symbol in the header, while the foot holds job
    numbers and footnotes, whose references to other symbols are not the document's own.
    """
    found: Counter[str] = Counter()
    for page in pages:
        for line in [line for line in page if line.strip()][:_HEADER_BAND]:
            stripped = line.strip()
            match = SYMBOL.fullmatch(stripped) or SYMBOL.match(stripped) or _trailing_symbol(stripped)
            if match:
                found[match.group(0)] += 1
    return tuple(symbol for symbol, _ in found.most_common())


def _trailing_symbol(line: str) -> re.Match[str] | None:
    matches = list(SYMBOL.finditer(line))
    return matches[-1] if matches and matches[-1].end() == len(line) else None


def _edges(page: Sequence[str]) -> set[tuple[str, str]]:
    """The page's header and footer lines, each tagged with the edge it sits at."""
    content = [line.strip() for line in page if line.strip()]
    top = {("top", line) for line in content[:_HEADER_BAND]}
    return top | {("bottom", line) for line in content[-_HEADER_BAND:]}


def _header_key(edge: tuple[str, str]) -> tuple[str, str]:
    # Paragraph numbers that happen to open or close two pages are not running headers.
    line = edge[1]
    return ("", "") if _LONE_NUMBER.match(line) or len(line) < 4 else edge


def strip_running_lines(pages: Sequence[Sequence[str]], symbols: frozenset[str]) -> list[list[str]]:
    """Pages without furniture and without header or footer lines repeated at the same edge of two
    or more pages.

    A header line also goes when it starts or ends with the document's symbol, since UN running
    headers pair the symbol with a short title ("A/RES/70/174   Doha Declaration").
    """
    repeated = Counter(_header_key(edge) for page in pages for edge in _edges(page))
    repeated.pop(("", ""), None)
    cleaned: list[list[str]] = []
    for number, page in enumerate(pages):
        edges = _edges(page)
        kept = []
        for line in page:
            stripped = line.strip()
            at_edge = [e for e in edges if e[1] == stripped] if stripped else []
            with_symbol = [s for s in symbols if _at_line_edge(s, stripped)] if at_edge else []
            if number == 0 and with_symbol and stripped not in symbols:
                # Page 1 prints the organ beside the symbol ("General Assembly   A/RES/70/174"): keep it.
                kept.append(stripped.removeprefix(with_symbol[0]).removesuffix(with_symbol[0]).strip())
                continue
            running = any(repeated[_header_key(e)] >= 2 for e in at_edge) or bool(with_symbol)
            if not (running or (stripped and is_furniture(stripped, symbols, at_edge=bool(at_edge)))):
                kept.append(line.rstrip())
        cleaned.append(kept)
    return cleaned


def _at_line_edge(symbol: str, line: str) -> bool:
    return line.startswith(symbol) or line.endswith(symbol)


def split_footnotes(page: Sequence[str]) -> tuple[list[str], list[str]]:
    """A page's body lines and the footnote lines below its separator rule (the last one)."""
    for index in range(len(page) - 1, -1, -1):
        if _SEPARATOR.match(page[index].strip()):
            return list(page[:index]), [line for line in page[index + 1 :] if line.strip()]
    return list(page), []


def parse_footnotes(lines: Sequence[str], previous: list[tuple[int, str]]) -> None:
    """Footnote lines appended to `previous` as (number, text); unnumbered lines continue the last.

    A footnote may open with its number in superscript ("¹ …") or, in some PDFs, in plain digits
    ("1 …"); plain digits count only as the next number in sequence, so a line that goes on with
    "2030 Agenda" is not taken for footnote 2030.
    """
    for line in lines:
        stripped = line.strip()
        match = _FOOTNOTE_START.match(stripped)
        plain = _PLAIN_FOOTNOTE_START.match(stripped)
        expected = previous[-1][0] + 1 if previous else None
        if match:
            previous.append((int(match.group(1).translate(_FROM_SUPERSCRIPT)), match.group(2)))
        elif plain and (expected is None or int(plain.group(1)) == expected):
            previous.append((int(plain.group(1)), plain.group(2)))
        elif previous:
            number, text = previous[-1]
            previous[-1] = (number, _join_two(text, stripped, None))
        else:
            previous.append((0, stripped))


def _join_two(left: str, right: str, vocabulary: Vocabulary | None) -> str:
    if not left:
        return right
    if left.endswith("*") and right.startswith("*"):  # an italic run that goes on past the line end
        left, right = left[:-1], right[1:]
    if left.endswith("-") and vocabulary is not None and not left.endswith(" -"):
        return join_hyphenated(left, right, vocabulary)
    if left.endswith("-") and re.search(r"[A-Za-z]-$", left) and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"


def body_paragraphs(pages: Sequence[Sequence[str]]) -> list[_Paragraph]:
    """Body lines grouped into paragraphs; a paragraph cut by a page break is joined again."""
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    for number, page in enumerate(pages):
        for line in _trimmed(page):
            if current and _starts_numbered(line, current[-1]):
                paragraphs.append(_Paragraph(current))
                current = []
            if line.strip():
                current.append(" ".join(line.split()))
            elif current:
                paragraphs.append(_Paragraph(current))
                current = []
        if current and not _continues(current[-1], pages, number):
            paragraphs.append(_Paragraph(current))
            current = []
    if current:
        paragraphs.append(_Paragraph(current))
    return _attach_lone_numbers(paragraphs)


def _starts_numbered(line: str, previous: str) -> bool:
    """A numbered paragraph that follows a finished one without a printed gap still starts anew."""
    return bool(_NUMBERED_START.match(line.strip())) and bool(_ENDS_PARAGRAPH.search(previous))


def _trimmed(page: Sequence[str]) -> list[str]:
    """A page without the blank lines that stripped headers and footers left at its edges."""
    lines = list(page)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _continues(last_line: str, pages: Sequence[Sequence[str]], number: int) -> bool:
    """Whether the paragraph ending page `number` goes on at the top of the next page.

    It does unless its last line ends a sentence or clause or the next page opens a numbered
    paragraph; a comma ends a preambular paragraph, so after one the paragraph goes on only if the
    next page starts in lower case.
    """
    first = next((line.strip() for page in pages[number + 1 :] for line in page if line.strip()), "")
    if not first or _ENDS_PARAGRAPH.search(last_line) or _LONE_NUMBER.match(first):
        return False
    if _NUMBERED_START.match(first):  # a heading left at the page foot, then paragraph 35. overleaf
        return False
    if last_line.endswith(","):
        return first.lstrip("*")[:1].islower()
    return True


def _attach_lone_numbers(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """A paragraph number printed apart ("12." alone) joined to the text that follows it."""
    out: list[_Paragraph] = []
    pending: list[str] = []
    for paragraph in paragraphs:
        lines = pending + paragraph.lines
        pending = []
        while len(lines) > 1 and _LONE_NUMBER.match(lines[0]):
            lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
        if len(lines) == 1 and _LONE_NUMBER.match(lines[0]):
            pending = lines
            continue
        out.append(_Paragraph(lines))
    if pending:
        out.append(_Paragraph(pending))
    return out


def _merge_italics(text: str) -> str:
    # Italic runs are marked per line and per font change; adjacent runs read as one.
    return re.sub(r"(?<=\S)\*(\s+)\*(?=\S)", r"\1", text).replace("**", "")


def marker_pattern(number: int) -> re.Pattern[str]:
    """The superscript marker of footnote `number`, not part of a longer marker (¹ in ¹² or ²¹)."""
    digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    return re.compile(rf"(?<![{digits}]){str(number).translate(SUPERSCRIPT_DIGITS)}(?![{digits}])")


def mark_inline_footnotes(paragraphs: Sequence[str], numbers: Sequence[int]) -> list[str]:
    """Footnote markers printed as plain digits after a word ("Justice,3 and") made superscript.

    Only for a footnote whose marker is nowhere, and only once: in the first paragraph, from the
    one holding the previous footnote's marker on, where the digits follow a word or punctuation.
    """
    out = list(paragraphs)
    start = 0
    for number in sorted(numbers):
        marker = marker_pattern(number)
        host = next((i for i, p in enumerate(out) if marker.search(p)), None)
        if host is None:
            plain = re.compile(rf"(?<=[a-z\)\],;:.]){number}(?=[\s,.;:)]|$)")
            host = next((i for i in range(start, len(out)) if plain.search(out[i])), None)
            if host is not None:
                out[host] = plain.sub(str(number).translate(SUPERSCRIPT_DIGITS), out[host], count=1)
        start = host if host is not None else start
    return out


def clean_pages(pages: Sequence[Sequence[str]]) -> str:
    """The normalised text of a document given as extracted page lines (see module docstring)."""
    symbols = frozenset(document_symbols(pages))
    pages = [[replace_ligatures(line) for line in page] for page in pages]
    stripped = strip_running_lines(pages, symbols)
    bodies: list[list[str]] = []
    footnotes: list[tuple[int, str]] = []
    for page in stripped:
        body, notes = split_footnotes(page)
        bodies.append(body)
        parse_footnotes(notes, footnotes)
    paragraphs = body_paragraphs(bodies)
    vocabulary = Vocabulary(_whole_words(p.lines) for p in paragraphs)
    texts = [_paragraph_text(p.lines, vocabulary) for p in paragraphs]
    notes_text = [(n, _finish(t, vocabulary)) for n, t in footnotes]
    texts = mark_inline_footnotes(texts, [n for n, _ in notes_text])
    return place_footnotes(texts, notes_text)


def _whole_words(lines: Sequence[str]) -> str:
    """A paragraph's text without the halves of words a line-end hyphen split, to judge them by."""
    kept: list[str] = []
    split_before = False
    for line in lines:
        words = line.split()
        if split_before and words:
            words = words[1:]
        split_before = bool(words) and words[-1].endswith("-")
        kept.extend(words[:-1] if split_before else words)
    return " ".join(kept)


def _paragraph_text(lines: Sequence[str], vocabulary: Vocabulary) -> str:
    text = ""
    for line in lines:
        text = _join_two(text, line, vocabulary)
    return _finish(text, vocabulary)


def _finish(text: str, vocabulary: Vocabulary) -> str:
    text = restore_lost_ligatures(text, vocabulary)
    text = join_split_words(" ".join(text.split()), vocabulary)
    return _merge_italics(text)


def tidy_italics(text: str) -> str:
    """Italic marks set tight against the words they enclose ("*Recalling *its" → "*Recalling* its").

    Readers mark italics where the font changes, which can be before or after a space; the parser
    expects `*` against letters. Unbalanced marks are left alone.
    """
    parts = text.split("*")
    if len(parts) % 2 == 0:
        return text
    out: list[str] = []
    for index, part in enumerate(parts):
        core = part.strip()
        if index % 2 == 0 or not core:
            out.append(part)
            continue
        lead, trail = part[: len(part) - len(part.lstrip())], part[len(part.rstrip()) :]
        out.append(f"{lead}*{core}*{trail}")
    return _merge_italics(" ".join("".join(out).split()))


def relocate_footnotes(paragraphs: Sequence[str]) -> str:
    """Paragraphs of a file without pages (DOCX, HTML): footnote paragraphs ("¹ …") moved after
    the paragraph holding their marker, ligatures spelled out, adjacent italic runs merged."""
    body: list[str] = []
    notes: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        text = tidy_italics(" ".join(replace_ligatures(paragraph).split()))
        match = _FOOTNOTE_START.match(text)
        if match:
            notes.append((int(match.group(1).translate(_FROM_SUPERSCRIPT)), match.group(2)))
        elif text:
            body.append(text)
    return place_footnotes(body, notes)


def place_footnotes(paragraphs: Sequence[str], footnotes: Sequence[tuple[int, str]]) -> str:
    """Paragraphs joined by blank lines, each footnote after the first paragraph holding its marker.

    A footnote whose marker is nowhere (a lost marker) goes after the last paragraph, so no text
    of the source is dropped.
    """
    by_paragraph: dict[int, list[str]] = {}
    unplaced: list[str] = []
    for number, text in footnotes:
        marker = marker_pattern(number)
        host = next((i for i, p in enumerate(paragraphs) if marker.search(p)), None)
        line = f"{str(number).translate(SUPERSCRIPT_DIGITS)} {text}" if number else text
        if host is None:
            unplaced.append(line)
        else:
            by_paragraph.setdefault(host, []).append(line)
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(by_paragraph.get(index, []))
    out.extend(unplaced)
    return "\n\n".join(out) + "\n"
