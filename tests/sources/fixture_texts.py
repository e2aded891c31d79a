"""Known texts the import fixtures are built from: one SYNTHETIC text and the bundled Kyoto text.

`FixtureText` holds a document as the importer should give it back: body paragraphs in order
(italics as `*...*`, footnote markers as ¹²³) and the footnotes by number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kyoto_desk.paths import texts_dir

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_LINE = re.compile(rf"^([{_SUPERSCRIPT}]+) (.*)$")


@dataclass(frozen=True)
class FixtureText:
    symbol: str
    short_title: str
    paragraphs: tuple[str, ...]
    footnotes: dict[int, str]
    headings: frozenset[int] = frozenset()  # indexes of paragraphs printed as headings

    def expected_text(self) -> str:
        """The normalised text: each footnote right after the first paragraph holding its marker."""
        out: list[str] = []
        placed: set[int] = set()
        for paragraph in self.paragraphs:
            out.append(paragraph)
            for number in sorted(self.footnotes):
                marker = rf"(?<![{_SUPERSCRIPT}]){sup(number)}(?![{_SUPERSCRIPT}])"
                if number not in placed and re.search(marker, paragraph):
                    out.append(f"{sup(number)} {self.footnotes[number]}")
                    placed.add(number)
        return "\n\n".join(out) + "\n"


def sup(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", _SUPERSCRIPT))


SYNTHETIC_PARAGRAPHS = (
    "SYNTHETIC TEST TEXT",
    "General Assembly",
    "Distr.: General 9 January 2031",
    "Resolution adopted by the General Assembly on 18 December 2030",
    "85/321. Synthetic Declaration on Crime Prevention and the Rule of Law",
    "The General Assembly,",
    "*Recalling* its resolution 70/174 of 17 December 2015 on the follow-up to the Thirteenth Congress,¹",
    "*Reaffirming* the central role of the Commission on Crime Prevention and Criminal Justice in the "
    "field of crime prevention, and the need for financial flows to be reflected in effective policies,",
    "*Noting with concern* the growing links between money-laundering, illicit financial flows and "
    "transnational organized crime, and the influence of such crime on officials,",
    "1. *Welcomes* the report of the Secretary-General on the implementation of the present resolution;²",
    "2. *Requests* the Secretariat to continue to provide technical assistance, upon request, to "
    "Member States, in particular in the following areas:",
    "(a) Legislative assistance on the confiscation and return of proceeds of crime;",
    "(b) Cross-border cooperation among law enforcement officials and judicial authorities;",
    "I. Preventing and countering crime",
    "A. Evidence-based crime prevention",
    "3. *Encourages* Member States to develop comprehensive, evidence-based and sustainable crime "
    "prevention policies, including for the prevention of money-laundering and of the financing of "
    "terrorism, and to reflect on the effectiveness of the measures they take;³",
    "4. *Invites* Member States to strengthen the exchange of information on specific offenders and "
    "on the flow of illicit goods across borders, with due regard to the protection of personal data;",
    "B. Children and youth",
    "5. *Calls upon* Member States to ensure that children in conflict with the law are treated in a "
    "manner consistent with their rights and dignity, and to give priority to their rehabilitation and "
    "reintegration into society;",
    "II. Advancing the criminal justice system",
    "6. *Stresses* the importance of fair, effective and humane criminal justice systems, and of "
    "independent and impartial judicial officials, for the prevention of crime and the protection of "
    "victims and witnesses, including through the use of alternatives to imprisonment;⁴",
    "7. *Requests* the Secretary-General to report to the General Assembly at its eighty-sixth session "
    "on the implementation of the present resolution.",
    "66th plenary meeting 18 December 2030",
)

SYNTHETIC = FixtureText(
    symbol="A/RES/85/321",
    short_title="Synthetic Declaration",
    paragraphs=SYNTHETIC_PARAGRAPHS,
    footnotes={
        1: "General Assembly resolution 70/174, annex.",
        2: "A/85/123. This is a synthetic footnote for testing only.",
        3: "See *Synthetic Handbook on Crime Prevention* (Vienna, 2030).",
        4: "United Nations, *Treaty Series*, vol. 9999, No. 12345.",
    },
    headings=frozenset({13, 14, 17, 19}),
)


def _seed_blocks(raw: str) -> list[str]:
    blocks = [" ".join(b.split()) for b in raw.split("\n\n") if b.strip()]
    return [re.sub(r"\[([^\]]*)\]\(#\)", r"\1", b).replace("\\(", "(").replace("\\)", ")") for b in blocks]


def kyoto_text() -> FixtureText:
    """The bundled Kyoto text in fixture form (links and bold dropped, page-split paragraphs joined)."""
    raw = (texts_dir() / "kyoto-declaration-2021.en.txt").read_text(encoding="utf-8")
    paragraphs: list[str] = []
    footnotes: dict[int, str] = {}
    for block in _seed_blocks(raw.replace("**", "")):
        match = FOOTNOTE_LINE.match(block)
        if match:
            footnotes[int(match.group(1).translate(str.maketrans(_SUPERSCRIPT, "0123456789")))] = match.group(
                2
            )
        elif paragraphs and block[:1].islower():  # the seed keeps a page break inside paragraph 87
            paragraphs[-1] = f"{paragraphs[-1]} {block}"
        else:
            paragraphs.append(block)
    return FixtureText("E/RES/2021/20", "Fourteenth United Nations Congress", tuple(paragraphs), footnotes)
