"""The lexicon of the UN crime-prevention register: stop words, multiword formulae and equivalent words.

Data only; `core.unformula` turns it into canonical terms. Entries are general to the register of UN
declarations on crime prevention and criminal justice (what a drafter may write for what), not to
any pair of documents. Group members are word stems as `unformula.stem` returns them; a member that
starts with "=" matches only that exact word (where stems would collide, as "integrity" and
"integrate" both stem to "integr").
"""

from __future__ import annotations

# Function words plus the words that frame every UN paragraph without saying what it is about:
# chapeau verbs, qualifiers, hedges. Dropped before any similarity is computed.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the and or nor but if then than that this these those there their theirs them they it its
    of in on at by for with within without to into onto from upon over under between among amongst
    through throughout across against towards toward about as such so also both either neither each
    all any some other others another same own more most much many very further furthermore well
    be is are was were been being am has have had having do does did doing can could may might must
    shall should will would not no which who whom whose what when where while how why
    we our ours us ourselves i you he she his her therefore hereby thereof therein following
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
    need needs needed importance important continue continuing ensure ensuring guarantee guaranteeing
    effort efforts order like example instance whether after before once onwards less cannot full fully
    themselves itself part parts since made far yet still already now however thus hence whereas every
    several various
    """.split()
)

# Multiword formulae folded to one token (or to nothing) before tokenizing; the longest match wins.
PHRASES: dict[str, str] = {
    # qualifiers that change nothing a comparison should see
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
    "within existing resources": "",
    "take into account": "",
    "take into consideration": "",
    "bear in mind": "",
    "take part in": "particip",
    "take part": "particip",
    # verbs said in several words
    "step up": "strengthen",
    "scale up": "strengthen",
    "build up": "strengthen",
    "carry out": "implement",
    "give effect to": "implement",
    "put in place": "establish",
    "set up": "establish",
    "keep safe": "protect",
    "bring to justice": "prosecut",
    "hold accountable": "prosecut",
    "held accountable": "prosecut",
    "end impunity": "prosecut",
    "put an end to": "prevent",
    # actors and institutions
    "united nations office on drugs and crime": "unodc",
    "united nations": "un",
    "member states": "state",
    "developing countries": "developingstate",
    "least developed countries": "developingstate",
    "young people": "youth",
    "younger generation": "youth",
    "law enforcement agencies": "polic",
    "law enforcement authorities": "polic",
    "law enforcement officers": "polic",
    "law enforcement": "polic",
    "civil society": "civilsociety",
    "non-governmental": "civilsociety",
    "private sector": "compani",
    "financial institutions": "bank",
    "organized criminal groups": "organizedcrime",
    "organized crime": "organizedcrime",
    "criminal groups": "organizedcrime",
    "criminal networks": "organizedcrime",
    "criminal organizations": "organizedcrime",
    "those responsible": "perpetr",
    "those harmed": "victim",
    "whistle-blowers": "reportingperson",
    "reporting persons": "reportingperson",
    # subjects with a fixed name
    "information and communications technologies": "technolog",
    "information and communication technologies": "technolog",
    "information and communications technology": "technolog",
    "mutual legal assistance": "mla",
    "judicial cooperation": "mla",
    "legal aid": "legalaid",
    "legal representation": "legalaid",
    "legal assistance": "legalaid",
    "proceeds of crime": "illicitgain",
    "proceeds of corruption": "illicitgain",
    "criminal proceeds": "illicitgain",
    "illicit financial flows": "launder",
    "money-laundering": "launder",
    "money laundering": "launder",
    "concealment of illicit funds": "launder",
    "beneficial ownership": "ownership",
    "rule of law": "ruleoflaw",
    "human rights": "humanright",
    "criminal justice": "criminaljustice",
    "administration of justice": "criminaljustice",
    "trafficking in persons": "humantrafficking",
    "human trafficking": "humantrafficking",
    "smuggling of migrants": "migrantsmuggling",
    "migrant smuggling": "migrantsmuggling",
    "irregular migration": "migrant",
    "armed robbery at sea": "piraci",
    "cultural property": "cultur",
    "non-custodial measures": "noncustodial",
    "non-custodial": "noncustodial",
    "alternatives to imprisonment": "noncustodial",
    "alternatives to detention": "noncustodial",
    "alternatives to incarceration": "noncustodial",
    "pretrial detention": "pretrial",
    "pre-trial detention": "pretrial",
    "deprived of liberty": "prison",
    "deprivation of liberty": "prison",
    "measure of last resort": "lastresort",
    "last resort": "lastresort",
    "shortest appropriate period": "lastresort",
    "shortest appropriate time": "lastresort",
    "child-sensitive": "childsensitive",
    "child-friendly": "childsensitive",
    "age-appropriate": "childsensitive",
    "adapted to their age": "childsensitive",
    "2030 agenda for sustainable development": "sdg",
    "2030 agenda": "sdg",
    "sustainable development goals": "sdg",
    "covid-19": "pandem",
    "personal life": "privaci",
    "private life": "privaci",
    "return to community life": "reintegr",
    "social reintegration": "reintegr",
    "vocational training": "train",
    "culture of lawfulness": "lawful",
    "organized groups": "organizedcrime",
}

# Equivalent words, by canonical term. Formula verbs and register nouns first, then the subjects.
# fmt: off
GROUPS: dict[str, tuple[str, ...]] = {
    "promot": ("promot", "foster", "encourag", "advanc", "champion", "nurtur"),
    "strengthen": (
        "strengthen", "enhanc", "reinforc", "bolster", "improv", "intensifi", "intensif", "upgrad",
        "increas", "expand", "deepen",
    ),
    "combat": (
        "combat", "counter", "fight", "tackl", "suppress", "curb", "eradic", "elimin", "counteract",
        "disrupt", "dismantl", "confront",
    ),
    "prevent": ("prevent", "avert", "deter", "forestal", "stop", "halt"),
    "respond": ("respond", "address", "react"),
    "develop": ("develop", "elabor", "design", "formul", "draft", "devis"),
    "establish": ("establish", "creat", "launch"),
    "implement": ("implement", "appli", "execut", "operationaliz", "enforc", "fulfil", "discharg"),
    "adopt": ("adopt", "enact", "introduc", "approv"),
    "review": ("review", "assess", "evalu", "apprais", "examin", "monitor", "evaluat"),
    "cooper": ("cooper", "collabor", "partnership", "partner", "coordin", "joint", "concert"),
    "share": ("share", "exchang", "dissemin", "pool", "publish", "distribut", "circul"),
    "support": ("support", "assist", "help", "aid", "backstop"),
    "provid": ("provid", "offer", "deliv", "suppli", "deliveri"),
    "sport": ("sport", "athlet", "recreat"),
    "role": ("role", "contribut"),
    "lawful": ("=lawfulness", "=legality"),
    "protect": ("protect", "safeguard", "shield", "defend", "secur"),
    "state": ("state", "countri", "govern"),
    "domest": ("domest", "nation"),
    "institut": ("institut", "bodi", "entiti", "agenc", "authoriti", "agenci"),
    "capac": ("capac", "capabl", "capabil", "abil", "competenc"),
    "law": ("law", "legisl", "statut", "legal"),
    "data": ("data", "statist", "figur"),
    "inform": ("inform", "knowledg", "intellig"),
    "collect": ("collect", "gather", "compil"),
    "analys": ("analys", "analyz", "studi", "research"),
    "evidenc": ("evidenc", "empir"),
    "youth": ("youth", "young", "adolesc", "teen"),
    "child": ("child", "children", "minor", "juvenil", "infant"),
    "illicit": ("illicit", "illeg", "unlaw", "illegal", "unlawful"),
    "crime": ("crime", "crimin", "offenc", "offens", "offend", "delinqu", "perpetr", "culprit", "wrongdo"),
    "technolog": (
        "technolog", "digit", "digitaliz", "cyber", "cybercrim", "onlin", "internet", "ict", "electron",
        "tool",
    ),
    "new": ("new", "emerg", "novel", "modern"),
    "misus": ("misus", "abus", "exploit"),
    "illicitgain": ("illicitgain", "asset", "gain", "profit"),
    "confisc": ("confisc", "forfeit", "seiz", "seizur", "freez", "recov", "recoveri", "recover"),
    "return": ("return", "repatri", "restitut"),
    "prison": (
        "prison", "inmat", "detaine", "correct", "detent", "incarcer", "custodi", "penitentiari", "jail",
        "imprison",
    ),
    "pretrial": ("pretrial", "remand"),
    "overcrowd": ("overcrowd", "congest"),
    "reduc": ("reduc", "allevi", "lessen", "shorten", "decreas", "minimiz", "mitig"),
    "durat": ("durat", "length", "period"),
    "victim": ("victim", "survivor"),
    "woman": ("woman", "women", "girl", "gender", "femal"),
    "corrupt": ("corrupt", "briberi", "brib", "graft", "embezzl"),
    "train": ("train", "vocat", "skill", "apprentic", "coach", "mentor"),
    "educ": ("educ", "school", "teach", "instruct", "curricul", "syllab", "pupil", "student"),
    "resourc": ("resourc", "fund", "financ", "budget", "money", "monetari", "cash"),
    "afford": ("afford", "pay"),
    "practic": ("practic", "experi", "lesson", "expertis"),
    "expert": ("expert", "specialist", "technic"),
    "tailor": ("tailor", "specializ", "customiz", "adapt"),
    "effect": ("effect", "effici", "robust", "sound"),
    "measur": (
        "measur", "step", "action", "initi", "initiat", "polici", "policymak", "strategi", "plan",
        "programm", "program", "framework", "scheme", "project",
    ),
    "concern": ("concern", "alarm", "worri", "deplor"),
    "condemn": ("condemn", "denounc", "reject"),
    "awar": ("awar", "sensit", "campaign", "publicis"),
    "investig": ("investig", "probe", "inquiri", "inquir"),
    "prosecut": (
        "prosecut", "trial", "adjud", "convict", "punish", "sanction", "accountab", "impun", "proceed",
    ),
    "court": ("court", "judiciari", "judici", "judg", "tribun", "magistr", "bench"),
    "lawyer": ("lawyer", "counsel", "attorney"),
    "advic": ("advic", "counsell", "guidanc"),
    "reintegr": ("reintegr", "rehabilit", "reinsert", "reentri", "resettl"),
    "environ": (
        "environ", "natur", "wildlif", "=species", "habitat", "forest", "timber", "log", "fisheri",
        "pollut",
    ),
    "mineral": ("mineral", "metal"),
    "terror": ("terror", "terrorist", "extrem", "radic", "fighter"),
    "migrant": ("migrant", "migrat", "refuge"),
    "border": ("border", "frontier", "boundari"),
    "traffick": ("traffick", "trade", "smuggl", "contraband", "export", "sale", "sell"),
    "weapon": ("weapon", "firearm", "arm", "gun", "ammunit", "munit"),
    "compon": ("compon",),
    "produc": ("produc", "manufactur"),
    "record": ("record", "inventori", "catalog", "catalogu", "regist", "registri", "databas"),
    "drug": (
        "drug", "narcot", "psychotrop", "substanc", "coca", "opium", "poppi", "cannabi", "cocain", "heroin",
    ),
    "agricultur": ("agricultur", "farm", "farmer", "rural", "crop", "cultiv", "grow"),
    "employ": ("employ", "job", "livelihood", "income", "occup"),
    "cultur": ("cultur", "heritag", "artefact", "antiqu", "archaeolog"),
    "stolen": ("stolen", "steal", "theft", "loot", "plunder"),
    "polic": ("polic", "police", "policing"),
    "supervis": ("supervis", "oversight", "overse", "scrutin", "regul", "control", "regulat"),
    "organizedcrime": ("organizedcrime", "syndic", "cartel", "gang"),
    "detect": ("detect", "identifi", "uncov", "trace"),
    "report": ("report", "notifi", "disclos", "alert"),
    "suspici": ("suspici", "dubious", "unusu"),
    "transact": ("transact", "payment", "remitt"),
    "bank": ("bank", "banker"),
    "conceal": ("conceal", "hide", "disguis"),
    "ownership": ("ownership", "owner", "own"),
    "compani": ("compani", "corpor", "busi", "enterpris", "business"),
    "shelter": ("shelter", "accommod", "hous", "lodg", "residenc"),
    "health": ("health", "medic", "clinic"),
    "diseas": ("diseas", "infect", "viru", "epidem"),
    "pandem": ("pandem", "covid", "coronaviru"),
    "crisi": ("crisis", "crises", "emergenc"),
    "delay": ("delay", "backlog"),
    "impact": ("impact", "consequ", "repercuss", "implic"),
    "witness": ("witness", "testifi", "testimoni"),
    "identiti": ("=identity", "=identities", "identific", "anonym"),
    "document": ("document", "paper", "passport", "visa"),
    "fraud": ("fraud", "fraudul", "forg", "counterfeit", "falsif", "fake"),
    "hatr": ("hatr", "hate", "bias", "prejudic", "discrimin", "intoler", "xenophob", "racism"),
    "relig": ("relig", "faith", "belief", "worship"),
    "forc": ("forc", "coercion"),
    "proportion": ("proportion", "commensur"),
    "independ": ("independ", "autonom", "impartial"),
    "ethic": ("=integrity", "ethic", "probiti", "honest"),
    "incorpor": ("incorpor", "integrat", "mainstream", "embed"),
    "retali": ("retali", "repris", "reveng"),
    "intimid": ("intimid", "threat", "harass"),
    "mediat": ("mediat", "concili", "restorat"),
    "volunt": ("volunt", "consent", "willing"),
    "particip": ("particip", "involv", "engag", "engage"),
    "harm": ("harm", "damag", "injuri"),
    "repair": ("repair", "redress", "remedi", "resolv"),
    "maritim": ("maritim", "sea", "coastal", "seaboard", "naval", "vessel", "ship", "marin", "ocean"),
    "piraci": ("piraci", "pirat", "hijack"),
    "attack": ("attack", "assault"),
    "extradit": ("extradit", "surrend", "fugit", "extrad"),
    "expedit": ("expedit", "acceler", "quick", "fast", "speed", "swift", "streamlin", "simplifi"),
    "procedur": ("procedur", "process"),
    "request": ("request", "applic", "ask"),
    "convent": ("convent", "treati", "instrument", "protocol"),
    "adequ": ("adequ", "suffici", "enough", "adequate"),
    "predict": ("predict", "forese", "stabl", "reliabl"),
    "mandat": ("mandat", "task", "entrust"),
    "materi": ("materi", "imag", "content", "pictur", "video"),
    "transpar": ("transpar", "openness"),
    "procur": ("procur", "tender", "contract"),
    "elect": ("elect", "vote", "ballot"),
    "salari": ("salari", "remuner", "wage"),
}
# fmt: on

# Parts of hyphenated words that add nothing once the word is split ("evidence-based", "youth-led").
HYPHEN_PARTS_DROPPED: frozenset[str] = frozenset(
    "based led related oriented specific made wide level scale term long up non anti multi cross pre post "
    "inter co self".split()
)

# Canonical terms that are said of nearly everything in the register: they still count, at a fraction
# of their weight, so that two paragraphs do not look alike for sharing them.
LIGHT_TERMS: dict[str, float] = dict.fromkeys(
    """
    measur institut effect strengthen promot support develop establish implement adopt state domest new
    adequ respond particip review law crime criminaljustice prevent combat un cooper role organiz person
    stag acces access provid use form system structur servic commun
    """.split(),
    0.35,
)
