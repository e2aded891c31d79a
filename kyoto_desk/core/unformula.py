"""The UN register as data: formula stop words, equivalent formula verbs and nouns, and a light stemmer.

Declarations reword by swapping one stock formula for another ("undertake" for "commit", "foster" for
"promote", "where appropriate" inserted). Alignment should see through those swaps, so every token is
reduced to a canonical stem: multiword formulae are folded first, stems of equivalent words are mapped to
one representative, and words that carry only the register (pronouns, chapeau verbs, qualifiers) are
dropped. The lists are general to UN crime-prevention texts, not tuned to any one pair of documents.
"""

from __future__ import annotations

import re
from functools import cache

# Function words of English plus the words that frame every UN paragraph without saying what it is
# about: chapeau verbs, qualifiers, hedges. They are dropped before any similarity is computed.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the and or nor but if then than that this these those there their theirs them they it its
    of in on at by for with within without to into onto from upon over under between among amongst
    through throughout across against towards toward about as such so also both either neither each
    all any some other others another same own more most much many very further furthermore well
    be is are was were been being am has have had having do does did doing can could may might must
    shall should will would not no which who whom whose what when where while how why
    we our ours us ourselves i you he she his her
    inter alia including include includes included particular particularly especially notably
    appropriate appropriately necessary relevant respective respectively possible
    regard regards view light accordance line consistent conformity keeping
    basis manner way ways means level levels aspect aspects area areas field fields context contexts
    undertake undertakes undertaking commit commits committed commitment commitments pledge pledges
    resolve resolved determined determination endeavour endeavours strive seek aim
    reaffirm reaffirms reaffirming reiterate reiterating recall recalling reassert
    recognize recognizes recognizing recognise acknowledge acknowledging note noting notes
    emphasize emphasizing stress stressing underline underlining highlight
    welcome welcomes welcoming express expresses expressing convinced mindful aware
    consider considering bearing mind take taking account due make making give giving
    need needs needed importance important continue continuing ensure ensuring
    """.split()
)

# Multiword formulae folded to one token (or to nothing) before tokenizing. Longest first matters:
# "in accordance with domestic law" must win over "domestic law".
PHRASES: dict[str, str] = {
    "in accordance with domestic law": "",
    "in accordance with national legislation": "",
    "in accordance with national law": "",
    "in accordance with domestic legal frameworks": "",
    "consistent with domestic law": "",
    "subject to domestic law": "",
    "within our domestic legal frameworks": "",
    "in conformity with domestic law": "",
    "as appropriate": "",
    "where appropriate": "",
    "when appropriate": "",
    "as necessary": "",
    "where necessary": "",
    "if the need arises": "",
    "in this regard": "",
    "to that end": "",
    "on a voluntary basis": "",
    "united nations": "un",
    "member states": "state",
    "young people": "youth",
    "law enforcement agencies": "polic",
    "law enforcement authorities": "polic",
    "law enforcement": "polic",
    "step up": "strengthen",
    "scale up": "strengthen",
    "build up": "strengthen",
    "carry out": "implement",
    "give effect to": "implement",
    "put in place": "establish",
    "set up": "establish",
    "take into account": "",
    "take into consideration": "",
    "bear in mind": "",
    "information and communications technologies": "technology",
    "information and communication technologies": "technology",
    "information and communications technology": "technology",
    "mutual legal assistance": "mla",
    "legal assistance": "mla",
    "proceeds of crime": "proceed",
    "illicit financial flows": "launder",
    "money-laundering": "launder",
    "money laundering": "launder",
    "civil society": "civilsociety",
    "private sector": "privatesector",
    "rule of law": "ruleoflaw",
    "human rights": "humanright",
    "criminal justice": "criminaljustice",
    "trafficking in persons": "humantrafficking",
    "human trafficking": "humantrafficking",
    "smuggling of migrants": "migrantsmuggling",
    "migrant smuggling": "migrantsmuggling",
}

# Canonical stem for stems of equivalent words. Keys are stems as `stem()` returns them.
EQUIVALENTS: dict[str, str] = {}

_GROUPS: dict[str, tuple[str, ...]] = {
    "promot": ("promot", "foster", "encourag", "advanc", "champion", "nurtur"),
    "strengthen": (
        "strengthen",
        "enhanc",
        "reinforc",
        "bolster",
        "improv",
        "intensifi",
        "intensif",
        "upgrad",
        "increas",
        "expand",
        "deepen",
    ),
    "combat": ("combat", "counter", "fight", "tackl", "suppress", "curb", "eradic", "elimin", "counteract"),
    "prevent": ("prevent", "avert", "deter", "forestal"),
    "develop": ("develop", "elabor", "design", "formul", "draft", "devis"),
    "establish": ("establish", "creat", "launch"),
    "implement": ("implement", "appli", "execut", "operation", "enforc"),
    "adopt": ("adopt", "enact", "introduc", "approv"),
    "review": ("review", "assess", "evalu", "apprais", "examin", "monitor"),
    "cooper": ("cooper", "collabor", "partnership", "partner", "coordin", "joint", "concert"),
    "share": ("share", "exchang", "dissemin", "pool"),
    "support": ("support", "assist", "help", "aid", "backstop"),
    "protect": ("protect", "safeguard", "shield", "defend", "secur"),
    "state": ("state", "countri", "govern"),
    "domest": ("domest", "nation"),
    "capac": ("capac", "capabl", "capabil", "abil", "skill", "competenc"),
    "law": ("law", "legisl", "statut", "legal"),
    "data": ("data", "statist", "figur"),
    "inform": ("inform", "knowledg", "intellig"),
    "youth": ("youth", "young", "adolesc"),
    "child": ("child", "children", "minor", "juvenil"),
    "illicit": ("illicit", "illeg", "unlaw"),
    "crime": ("crime", "crimin", "offenc", "offens", "offend", "delinqu"),
    "technolog": ("technolog", "digit", "cyber", "onlin", "internet", "ict"),
    "misus": ("misus", "abus", "exploit"),
    "proceed": ("proceed", "asset", "gain", "profit"),
    "confisc": ("confisc", "forfeit", "seiz", "seizur", "freez", "recov", "recoveri"),
    "prison": ("prison", "correct", "detent", "incarcer", "custodi", "penitentiari", "jail"),
    "victim": ("victim", "survivor"),
    "woman": ("woman", "women", "girl", "gender", "femal"),
    "corrupt": ("corrupt", "briberi", "brib", "graft"),
    "train": ("train", "educ", "teach", "instruct"),
    "resourc": ("resourc", "fund", "financ", "budget"),
    "practic": ("practic", "experi", "lesson", "expertis"),
    "effect": ("effect", "effici", "robust", "sound"),
    "measur": ("measur", "step", "action", "initi"),
    "polici": ("polici", "strategi", "plan", "programm", "program", "framework"),
    "concern": ("concern", "alarm", "worri", "deplor"),
    "awar": ("awar", "sensit", "campaign", "publicis"),
    "investig": ("investig", "probe", "inquiri", "inquir"),
    "prosecut": ("prosecut", "trial", "adjud", "convict", "punish", "sanction"),
    "reintegr": ("reintegr", "rehabilit", "reinsert", "reentri"),
    "environ": ("environ", "wildlif", "forest", "fisheri", "wast", "pollut"),
    "terror": ("terror", "terrorist", "extrem", "radic"),
    "migrant": ("migrant", "migrat", "refuge"),
    "weapon": ("weapon", "firearm", "arm", "ammunit"),
    "drug": ("drug", "narcot", "psychotrop", "substanc"),
    "cultur": ("cultur", "heritag", "artefact", "antiqu"),
    "polic": ("polic", "police", "policing"),
}

# Suffixes stripped by `stem`, longest first; a light stemmer is enough because character n-grams
# catch what it leaves.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("izations", "iz"),
    ("ization", "iz"),
    ("isations", "iz"),
    ("isation", "iz"),
    ("ational", "at"),
    ("fulness", ""),
    ("iveness", "iv"),
    ("ousness", "ous"),
    ("ations", ""),
    ("ation", ""),
    ("itions", ""),
    ("ition", ""),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ity", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ives", ""),
    ("ive", ""),
    ("ions", ""),
    ("ion", ""),
    ("ies", "i"),
    ("ied", "i"),
    ("ers", ""),
    ("er", ""),
    ("ally", ""),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("al", ""),
    ("s", ""),
    ("e", ""),
    ("y", "i"),
)
_MIN_STEM = 3

_PHRASE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b"
)
WORD_RE = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


@cache
def stem(word: str) -> str:
    """A light suffix-stripping stem of a lowercase word ("strengthening" → "strengthen")."""
    if len(word) <= 4 or word.isdigit():
        # Short plurals ("laws", "arms") still lose their s; "rights"-length words go through below.
        if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            return word[: len(word) - len(suffix)] + replacement
    return word


@cache
def canonical(word: str) -> str | None:
    """The canonical stem of a lowercase word, or None when it is a stop word."""
    if word in STOP_WORDS or len(word) < 2 or word.isdigit():
        return None
    direct = EQUIVALENTS.get(word)
    if direct is not None:
        return direct
    base = stem(word.replace("’", "'").split("'")[0])
    exact = EQUIVALENTS.get(base)
    if exact is not None:
        return exact
    # Then shorter prefixes, so "improvement" (stem "improve") meets "improv"; never below four letters,
    # where prefixes stop meaning anything.
    for length in range(len(base) - 1, _MIN_STEM, -1):
        hit = EQUIVALENTS.get(base[:length])
        if hit is not None:
            return hit
    return base


def _fill_equivalents() -> None:
    for canon, members in _GROUPS.items():
        for member in members:
            EQUIVALENTS.setdefault(member, canon)
            EQUIVALENTS.setdefault(stem(member), canon)
    for token in PHRASES.values():
        # Phrase tokens are already canonical; mapping them to themselves keeps the stemmer off them.
        if token:
            EQUIVALENTS.setdefault(token, token)


_fill_equivalents()


def fold_phrases(lowered: str) -> str:
    """Replace multiword formulae by their canonical token (or by nothing)."""
    return _PHRASE_RE.sub(lambda m: PHRASES[m.group(0)], lowered)


def content_terms(text: str) -> list[str]:
    """The canonical content stems of `text`, in reading order."""
    folded = fold_phrases(text.lower())
    terms: list[str] = []
    for word in WORD_RE.findall(folded):
        term = canonical(word)
        if term is not None:
            terms.append(term)
    return terms


def surface_words(text: str) -> list[str]:
    """Lowercase words with punctuation dropped: what 'identical wording' compares."""
    return WORD_RE.findall(text.lower())
