"""Build PDFs in UN document layout from a FixtureText, with reportlab (test fixtures only).

Layout: symbol top right on page 1 and in running headers, "3/12" page numbers, job number,
barcode line and "Please recycle" on page 1, footnotes at the page bottom under a short rule,
superscript markers, justified lines drawn word by word (no space glyphs, as many PDF producers
do), hyphenated line ends, "fi"/"fl" ligature glyphs. `noisy=True` adds hyphens inside plain words,
letter-spaced lines, paragraph numbers on a line of their own and markers printed as plain digits.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.sources.fixture_texts import FixtureText, sup

_FONTS_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
for _name, _file in (("Body", "Vera.ttf"), ("BodyIt", "VeraIt.ttf"), ("BodyBd", "VeraBd.ttf")):
    pdfmetrics.registerFont(TTFont(_name, os.path.join(_FONTS_DIR, _file)))
# The standard Times faces, as Word's PDF export names them in UN documents, under family names.
for _name, _face in (("Times", "Times-Roman"), ("TimesIt", "Times-Italic"), ("TimesBd", "Times-Bold")):
    pdfmetrics.registerFont(pdfmetrics.Font(_name, _face, "WinAnsiEncoding"))

LEFT, WIDTH, TOP, BOTTOM = 72.0, 451.0, 770.0, 95.0
BODY, LEAD, NOTE, NOTE_LEAD, GAP = 10.0, 13.0, 8.0, 10.0, 7.0
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True)
class Look:
    """The typeface family and the habits of the PDF producer being imitated."""

    family: str = "Body"  # embedded Vera with ligature glyphs; "Times" is the standard Type 1 Times
    ligatures: bool = True
    plain_note_numbers: bool = False  # footnote numbers at the page foot in plain digits, not raised

    @property
    def italic(self) -> str:
        return self.family + "It"

    @property
    def bold(self) -> str:
        return self.family + "Bd"


VERA = Look()
TIMES = Look("Times", ligatures=False, plain_note_numbers=True)


@dataclass
class Seg:
    text: str
    font: str
    size: float
    rise: float = 0.0

    def width(self, char_space: float = 0.0) -> float:
        width: float = pdfmetrics.stringWidth(self.text, self.font, self.size)
        return width + char_space * len(self.text)


@dataclass
class Line:
    words: list[list[Seg]]
    justify: bool
    gap_before: float = 0.0
    char_space: float = 0.0
    lead: float = LEAD


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)


def _ligatures(text: str, look: Look) -> str:
    return text.replace("ffi", "ﬃ").replace("fi", "ﬁ").replace("fl", "ﬂ") if look.ligatures else text


def words_of(
    text: str, font: str, size: float, look: Look, *, plain_markers: bool = False
) -> list[list[Seg]]:
    """Words as styled segments: `*...*` italic, superscript digits raised and small."""
    words: list[list[Seg]] = []
    italic = False
    for raw in text.split(" "):
        segs: list[Seg] = []
        for piece in re.split(rf"(\*|[{_SUPERSCRIPTS}]+)", raw):
            if piece == "*":
                italic = not italic
            elif piece and piece[0] in _SUPERSCRIPTS:
                digits = piece.translate(str.maketrans(_SUPERSCRIPTS, "0123456789"))
                segs.append(
                    Seg(digits, font, size) if plain_markers else Seg(digits, font, size * 0.62, size * 0.38)
                )
            elif piece:
                face = look.italic if italic and font == look.family else font
                segs.append(Seg(_ligatures(piece, look), face, size))
        if segs:
            words.append(segs)
    return words


def _split_word(word: list[Seg], noisy: bool) -> tuple[list[Seg], list[Seg]] | None:
    if len(word) != 1 or word[0].rise:
        return None
    seg = word[0]
    if "-" in seg.text[1:-1]:
        cut = seg.text.index("-", 1) + 1
        return [Seg(seg.text[:cut], seg.font, seg.size)], [Seg(seg.text[cut:], seg.font, seg.size)]
    if noisy and re.fullmatch(r"[a-z]{8,}[,;.]?", seg.text):
        cut = len(seg.text) // 2
        return [Seg(seg.text[:cut] + "-", seg.font, seg.size)], [Seg(seg.text[cut:], seg.font, seg.size)]
    return None


def break_lines(words: list[list[Seg]], width: float, *, noisy: bool, lead: float, look: Look) -> list[Line]:
    """Greedy justified lines; a word that does not fit is split at its hyphen (or mid-word if noisy)."""
    lines: list[Line] = []
    current: list[list[Seg]] = []
    space = pdfmetrics.stringWidth(" ", look.family, BODY)
    queue = list(words)
    while queue:
        word = queue.pop(0)
        used = sum(sum(s.width() for s in w) for w in current) + space * len(current)
        if not current or used + sum(s.width() for s in word) <= width:
            current.append(word)
            continue
        split = _split_word(word, noisy)
        if split and used + sum(s.width() for s in split[0]) <= width:
            current.append(split[0])
            queue.insert(0, split[1])
        else:
            queue.insert(0, word)
        lines.append(Line(current, justify=True, lead=lead))
        current = []
    if current:
        lines.append(Line(current, justify=False, lead=lead))
    return lines


def _paragraph_lines(doc: FixtureText, index: int, noisy: bool, look: Look) -> list[Line]:
    text = doc.paragraphs[index]
    font = look.bold if index in doc.headings else look.family
    plain = noisy and index % 3 == 0
    label = re.match(r"^\d+\. ", text)
    lines: list[Line] = []
    if noisy and label and index % 2 == 0:
        lines.append(Line([[Seg(label.group(0).strip(), font, BODY)]], justify=False))
        text = text[label.end() :]
    words = words_of(text, font, BODY, look, plain_markers=plain)
    lines += break_lines(words, WIDTH, noisy=noisy, lead=LEAD, look=look)
    lines[0].gap_before = GAP
    if noisy:
        for number, line in enumerate(lines):
            if line.justify and (index + number) % 7 == 3:
                line.char_space = 1.0
    return lines


def _note_lines(text: str, look: Look) -> list[Line]:
    words = words_of(text, look.family, NOTE, look, plain_markers=look.plain_note_numbers)
    return break_lines(words, WIDTH, noisy=False, lead=NOTE_LEAD, look=look)


def paginate(doc: FixtureText, noisy: bool, look: Look) -> list[Page]:
    """Lines assigned to pages; a footnote goes on the page of the line holding its marker."""
    pages = [Page()]
    y = TOP - 30
    notes_height = 0.0
    for index in range(len(doc.paragraphs)):
        for line in _paragraph_lines(doc, index, noisy, look):
            line_text = "".join(s.text for w in line.words for s in w)
            notes = [n for n in doc.footnotes if _has_marker(line, n)]
            extra = sum(len(_note_lines(f"{sup(n)} {doc.footnotes[n]}", look)) * NOTE_LEAD for n in notes)
            needed = line.gap_before + line.lead + extra + (20 if notes and not pages[-1].notes else 0)
            if y - needed < BOTTOM + notes_height and pages[-1].lines and line_text:
                pages.append(Page())
                y, notes_height = TOP, 0.0
            y -= line.gap_before + line.lead
            pages[-1].lines.append(line)
            for n in notes:
                pages[-1].notes += _note_lines(f"{sup(n)} {doc.footnotes[n]}", look)
            notes_height = len(pages[-1].notes) * NOTE_LEAD + (20 if pages[-1].notes else 0)
    return pages


def _has_marker(line: Line, number: int) -> bool:
    # A marker is a digits segment that follows the word it belongs to ("Justice,¹").
    return any(i > 0 and s.text == str(number) for w in line.words for i, s in enumerate(w))


def _draw_line(canvas: Canvas, line: Line, y: float, look: Look) -> None:
    space = pdfmetrics.stringWidth(" ", look.family, BODY)
    gaps = max(len(line.words) - 1, 1)
    natural = sum(sum(s.width() for s in w) for w in line.words)
    char_space = 0.0
    if line.char_space and line.justify:
        # Letter-spaced justification: half the spare room goes between letters, never below a space.
        chars = sum(len(s.text) for w in line.words for s in w)
        char_space = max(WIDTH - natural - space * gaps, 0.0) / 2 / chars
    natural = sum(sum(s.width(char_space) for s in w) for w in line.words)
    gap = (WIDTH - natural) / gaps if line.justify and len(line.words) > 1 else space
    x = LEFT
    for word in line.words:
        for seg in word:
            text = canvas.beginText(x, y + seg.rise)
            text.setFont(seg.font, seg.size)
            text.setCharSpace(char_space)
            text.textOut(seg.text)
            canvas.drawText(text)
            x += seg.width(char_space)
        x += gap


def _furniture(canvas: Canvas, doc: FixtureText, number: int, total: int, look: Look) -> None:
    right = LEFT + WIDTH
    canvas.setFont(look.bold, 10)
    if number == 1:
        canvas.drawRightString(right, 800, doc.symbol)
        canvas.setFont(look.family, 8)
        canvas.drawString(LEFT, 60, "31-01234 (E)    090131")
        canvas.drawString(LEFT, 48, "*3101234*")
        canvas.drawRightString(right, 48, "Please recycle")
        return
    if number % 2 == 0:
        canvas.drawString(LEFT, 800, doc.symbol)
        canvas.setFont(look.family, 8)
        canvas.drawString(LEFT, 48, f"{number}/{total}")
    else:
        canvas.setFont(look.family, 9)
        canvas.drawString(LEFT, 800, doc.short_title)
        canvas.setFont(look.bold, 10)
        canvas.drawRightString(right, 800, doc.symbol)
        canvas.setFont(look.family, 8)
        canvas.drawRightString(right, 48, f"{number}/{total}")


def build_un_pdf(doc: FixtureText, *, noisy: bool = False, look: Look = VERA) -> bytes:
    """The PDF bytes of `doc` in UN layout."""
    pages = paginate(doc, noisy, look)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setTitle(doc.short_title)
    for number, page in enumerate(pages, start=1):
        _furniture(canvas, doc, number, len(pages), look)
        y = TOP - (30 if number == 1 else 0)
        for line in page.lines:
            y -= line.gap_before + line.lead
            _draw_line(canvas, line, y, look)
        if page.notes:
            y = BOTTOM + len(page.notes) * NOTE_LEAD + 6
            canvas.setLineWidth(0.5)
            canvas.line(LEFT, y + 4, LEFT + 90, y + 4)
            for line in page.notes:
                y -= NOTE_LEAD
                _draw_line(canvas, line, y, look)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
