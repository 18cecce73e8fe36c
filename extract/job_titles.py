"""How job titles are read: the words of a title that can name an occupation, normalized the same way for
the O*NET index (``benchmarks/build_onet_titles.py``) and for a posting's title (``extract.occupations``,
``extract.roles``).

Real titles carry more than the job: "Staff Nurse (Nights) - Band 5 - Leeds", "CDL-A OTR Truck Driver
$1,500/wk", "Sr. V.P. of Sales", "Mechanic - Company Car". A title's accents are folded to ASCII
("Inżynier"); its words are lower-cased; abbreviations expanded ("RN", also written "R.N."), British
spellings and Polish words of IT titles read as O*NET's American English; shift, contract, grade and level
words, a pay rate's unit ("/wk") and what a posting offers besides the job ("Sign-on Bonus", "Company Car",
"Part Time") dropped; a British school year read as its school ("Year 4": primary); plurals made singular;
a rank word before the head it ranks dropped ("Assistant Director" directs); a head written before "of"
moved last ("Director of Nursing" is a nursing director); a trade named by its work with no job's word after
it read as its worker ("Plumbing Apprentice": a plumber); words a lost space glued read apart
("StaffNurse"). The word lists are data: ``extract/data/title_words.json``, which also
holds what the occupation matcher reads of words (generic titles, words naming a part of an organisation or
its territory, what a vague title means in an industry).
Where a description's introduction names its job ("As a Forklift Operator you…"), ``intro_titles`` reads
the name out, to be read as a title.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

WORDS_FILE = Path(__file__).parent / "data" / "title_words.json"

# Letters that Unicode decomposition does not split into an ASCII letter and a mark.
_UNSPLIT_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
    }
)

# A letter hyphened to a number is one word ("K-9", the canine unit; "K-12", a school's grades), not a
# letter and a number: both would be dropped, and "K-9 Handler" would be a bare handler.
_WORD = re.compile(r"[A-Za-z]-\d+\b|[A-Za-z0-9][A-Za-z0-9+#&]*")
# The prefix "co-": one word with a root that is no word alone ("Co-ordinator", British for coordinator;
# "Co-operative", "Co-op"), else a job held jointly, the job itself ("Co-Manager" manages, a "Co-Chair"
# chairs). Read as a word, "CO" is O*NET's short title of a correctional officer.
_CO_JOINED = re.compile(r"\b(co)-(?=(?:ordinat|operat|op\b))", re.IGNORECASE)
_CO_HELD = re.compile(r"\bco-(?=[a-z])", re.IGNORECASE)
# Words glued by a lost space: "StaffNurse", "CareAssistant", "ChildcareNO EXPERIENCE" (not "McDonald",
# "iOS" or "MySQL": 3+ letters before).
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]|[A-Z]{2,}\b)")
# Initials written with dots ("R.N.", "V.P. of Sales", "L.P.N."): the abbreviation "RN", "VP", "LPN" is, not
# letters one by one ("R.N." had been a bare "R", the radiologic technologist's).
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}(?![A-Za-z])")
# "a.i." in lower case after a title is the Latin "ad interim" of European titles ("Regional Director a.i."),
# not the "A.I." of artificial intelligence it would read as once undotted.
_AD_INTERIM = re.compile(r"(?<=\w)\s+a\.\s?i\.(?=\W|$)")
# A bracketed abbreviation after the words it abbreviates: "Clinical Laboratory Scientist (CLS)".
_BRACKETED_INITIALS = re.compile(r"\s*\(([A-Za-z]{2,6})\)")
_UNSPELLED = frozenset({"and", "of", "&"})  # words an abbreviation's initials leave out
# The unit of a rate of pay a title states ("$17/hr", "£12 p/h", "£25k per annum"): read as a word, "hr" is
# human resources. The figure itself is a number, which names no job.
_PAY_UNIT = re.compile(
    r"(?<=\d)[kK]?\s*(?:/|\bper\b|\bp/)\s*"
    r"(?:hrs?|hours?|h|yrs?|years?|annum|a|wk|weeks?|days?|months?|mo|mth)\b",
    re.IGNORECASE,
)
# What a posting offers besides the job, pay, hours, perks and how the job is held: "(Up to $90K)",
# "Sign-on Bonus", "£1,000 Joining Bonus", "Competitive Salary", "4 Day Week", "Mon-Fri", "Part Time". Left
# in, "up", "sign", "competitive", "day" and "time" are words of O*NET titles ("Set Up Operator", "Sign
# Cleaner", "Day Care Teacher", "Time Buyer") a match could rest on: a "Part Time Buyer" had bought
# advertising time.
_OFFER_WORDS = re.compile(
    r"\bup\s?to\s+(?=[$£€]|\d)"
    r"|\b(?:sign(?:ing)?[- ]?on|signing|hiring|joining|welcome|retention|referral|relocation)"
    r"\s+bonus(?:es)?\b"
    r"|\b(?:competitive|excellent|attractive|generous|negotiable|great|good|top)\s+"
    r"(?:salary|salaries|pay|rates?|package|benefits)\b"
    r"|\b(?:[2-4]|two|three|four)[- ]day(?:s)?\s+(?:working\s+)?week\b"
    r"|\bmon(?:day)?\s*(?:-|to|–)\s*fri(?:day)?\b"
    r"|\b(?:part|full)[- ]?time\b|\bself[- ]employed\b|\b(?:contract|temp)[- ]to[- ](?:hire|perm)\b"
    r"|\b(?:1st|2nd|3rd|first|second|third|swing|graveyard)\s+shift\b"
    # perks and conditions a board adds after the job, where nothing follows them but a separator: "Health
    # Benefits Analyst" and "Company Car Driver" are jobs, "Mechanic - Company Car" a mechanic with a car
    r"|\+\s*(?:company\s+)?(?:car|van|vehicle)\b"
    r"|\b(?:(?:full|great|excellent|comprehensive|medical|health|dental)\s+benefits|company\s+(?:car|van)"
    r"|paid\s+training|(?:full\s+)?training\s+(?:provided|given)|will\s+train|free\s+parking"
    r"|work(?:ing)?\s+from\s+home|wfh|home\s+(?:daily|nightly|weekly|weekends)|dedicated\s+(?:route|lanes?)"
    r"|(?:same|next)[- ]day\s+pay|(?:daily|weekly)\s+pay|doe|depending\s+on\s+experience)"
    r"(?=\s*(?:$|[-–—|,;()/!+&*]))",
    re.IGNORECASE,
)
# "People" is how many firms now name human resources, where it names a function: "People Operations",
# "People & Culture", "People Partner", "People Director". Not a "People Manager" (who manages staff) nor
# "Young People" or "People Support".
_PEOPLE_AS_HR = re.compile(
    r"(?<!young )\bpeople(?=\s+(?:operations|ops|(?:and|&)\s+culture|culture|business\s+partner|partner"
    r"|experience|team|services|analytics|director|advis[eo]r)\b)",
    re.IGNORECASE,
)
# Where a title lists alternatives or adds a place: "Care Assistant / Home Carer", "Nurse - Leeds, UK"; a
# colon before a space parts it as a dash does ("Hiring Event: Delivery Driver"), not the one of a time
# ("9:00").
_SEGMENT = re.compile(r"\s[/|\u2013\u2014-]\s|[,;(|/]|:\s")
# Where a description names the job it hires for ("As a Forklift Operator, you", "We are hiring a Cook"):
# extract.occupations reads occupations, and extract.roles roles, from these introductions.
JOB_INTRO = re.compile(
    r"(?:\bas (?:a|an|our)|\b(?:hiring|looking for|seeking|searching for|recruiting) (?:a|an|our)"
    r"(?: new| first| founding| experienced| dedicated| motivated| talented)?|"
    r"\bjoin (?:us|our team) as (?:a|an|our)?|\bthe (?:role|position) of(?: a| an)?)"
    r"\s+(?P<title>[^.,;:!?\n()]{3,60})",
    re.IGNORECASE,
)
# Where the job's name ends inside such an introduction: "a Wellness Associate to elevate our spa", "a Cook
# who loves…", "an Assistant Director you will assist…", "a Claim Manager able to…", and a run of spaces
# where a line break was lost ("…Associate  Do you have…").
_INTRO_END = re.compile(
    r"\s{2,}.*$|\s(?:to|who|that|which|where|you|you'll|will|able|responsible|is|are|must|can|should)\b.*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TitleVocabulary:
    """The word lists of ``title_words.json``, compiled."""

    noise: frozenset[str]
    naming_work: frozenset[str]  # noise words that name the work in some titles ("Night Auditor")
    # and British spellings, irregular plurals and Polish words: a word → the words it stands for
    abbreviations: dict[str, tuple[str, ...]]
    modifiers: dict[str, tuple[str, ...]]  # an abbreviation's expansion when a title word follows it
    trades: dict[str, str]  # a trade's work ending a title, read as its worker ("Plumbing Apprentice")
    uppercase_only: frozenset[str]
    generic: dict[str, str]  # a title of generic words only ("manager", "team member") → its broad occupation
    ranks: re.Pattern[str]  # a word that ranks the head after it: "Assistant" in "Assistant Director"
    units: frozenset[str]  # words naming a part of an organisation or its territory ("Unit", "Regional")
    # a head written first, before "of" (or "in") and what it heads ("Director of Nursing", "Lecturer in Law")
    inverted: re.Pattern[str]
    inverted_as: dict[str, str]  # such a head read as another ("Head of Sales": a sales director)
    inverted_heads: tuple[str, ...]  # those heads as written ("VP", "Director")
    teaching_heads: frozenset[str]  # heads of a teacher's titles ("Lecturer"), also written before "in"
    serving_heads: frozenset[str]  # heads of jobs that work for those the title's other words name
    managing: frozenset[str]  # words that say a title manages ("Manager", "Lead", "Head")
    # words of one who manages a unit ("Director"; "General", "Vice" of "General Manager", "Vice President")
    directing: frozenset[str]
    unit_heads: frozenset[str]  # words of one who heads a unit, not its manager or lead ("Director", "Head")
    # generic heads of a manager's titles in America and of a grade of staff in Britain ("Executive")
    staff_grades: frozenset[str]
    # runs naming a working supervisor ("team leader"), each with whether only an index title naming its
    # crew's supervisor word for word reads it so ("leader")
    supervising: tuple[tuple[tuple[str, ...], bool], ...]
    # a head written after a field → the heads it reads as, tried in order ("manager"), and the SOC major
    # group a reading must name, if any ("11")
    field_heads: dict[str, tuple[tuple[str, ...], str | None]]
    executive_form: tuple[str, str]  # first and last words of a C-suite officer's title ("chief", "officer")
    executive: str  # the index title such a title reads as ("chief executive officer")
    uniformed_groups: frozenset[str]  # SOC major groups where "chief" ranks an officer ("33": police)
    # a British school year or key stage as written, with its number ("Year 4", "KS3")
    school_stage: re.Pattern[str]
    # an early-career programme's words ("Graduate Scheme") and a head of its own staff ("Manager")
    programme: tuple[re.Pattern[str], re.Pattern[str]]
    schools: dict[tuple[str, int], str]  # (stage as written, number) → its school ("ks", 3 → "secondary")
    # words ending an employer's name ("Co", "Ltd") → dropped, unless in capitals and a job's abbreviation
    company_forms: dict[str, bool]
    # a generic title → {industry → the occupation it means at an employer of that industry}
    by_industry: dict[str, dict[str, str]]


@cache
def title_vocabulary() -> TitleVocabulary:
    """The title words data, read once."""
    spec = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return TitleVocabulary(
        noise=frozenset(spec["noise"]),
        naming_work=frozenset(spec["noise_naming_work"]["words"]),
        abbreviations={
            k: tuple(v.split())
            for k, v in (
                spec["spellings"]
                | spec["irregular_plurals"]
                | spec["gendered_forms"]
                | spec["translations"]
                | spec["abbreviations"]
            ).items()
            if not k.startswith("_")
        },
        modifiers={k: tuple(v.split()) for k, v in spec["modifiers"].items() if not k.startswith("_")},
        trades={k: v for k, v in spec["trades"].items() if not k.startswith("_")},
        uppercase_only=frozenset(spec["uppercase_only"]),
        generic={k: v for k, v in spec["generic_titles"].items() if not k.startswith("_")},
        ranks=_ranks(spec),
        units=frozenset(spec["units"]["words"]),
        inverted=re.compile(
            rf"\b(?:(?P<head>{'|'.join(spec['inverted']['heads'])})\s+of"
            rf"|(?P<head_in>{'|'.join(spec['teaching_heads']['words'])})\s+in)"
            r"\s+(?:the\s+)?(?P<field>[^,;(|/]+?)(?=\s+[-\u2013\u2014]\s|[,;(|/]|$)",
            re.IGNORECASE,
        ),
        inverted_as=spec["inverted"]["as"],
        inverted_heads=tuple(spec["inverted"]["heads"]),
        teaching_heads=frozenset(spec["teaching_heads"]["words"]),
        serving_heads=frozenset(spec["serving_heads"]["words"]),
        managing=frozenset(spec["managing_words"]["words"]),
        directing=frozenset(spec["managing_words"]["directing"]),
        unit_heads=frozenset(spec["managing_words"]["unit_heads"]),
        staff_grades=frozenset(spec["staff_grades"]["words"]),
        supervising=tuple(
            (tuple(run.split()), exact)
            for key, exact in (("words", False), ("named_exactly", True))
            for run in spec["supervising_runs"][key]
        ),
        field_heads={
            k: (tuple(v["reads_as"]), v.get("major_group"))
            for k, v in spec["field_heads"].items()
            if not k.startswith("_")
        },
        executive_form=tuple(spec["executive_officers"]["form"]),
        executive=spec["executive_officers"]["reads_as"],
        uniformed_groups=frozenset(spec["executive_officers"]["uniformed_groups"]),
        school_stage=_school_stage(spec["school_years"]["written"]),
        programme=_programme(spec),
        schools={
            (form, number): school
            for school, stages in spec["school_years"].items()
            if school not in ("_note", "written")
            for stage, (first, last) in stages.items()
            for form in spec["school_years"]["written"][stage]
            for number in range(first, last + 1)
        },
        company_forms={
            word: word in spec["company_forms"]["jobs_in_capitals"] for word in spec["company_forms"]["words"]
        },
        by_industry={
            word: {k: v for k, v in kind.items() if k != "words"}
            for name, kind in spec["generic_by_industry"].items()
            if not name.startswith("_")
            for word in kind["words"]
        },
    )


def _school_stage(written: dict[str, list[str]]) -> re.Pattern[str]:
    """A pattern for a school stage as titles write it, with its number: "Year 4", "KS3", "Key Stage 2"."""
    forms = sorted((form for forms in written.values() for form in forms), key=len, reverse=True)
    stages = "|".join(form.replace(" ", r"\s+") for form in forms)
    return re.compile(rf"\b(?P<stage>{stages})\s*-?\s*(?P<number>\d{{1,2}})\b", re.IGNORECASE)


def singular(word: str) -> str:
    """A plural's singular by spelling alone: "nurses" → "nurse", "secretaries" → "secretary"."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def _expand(word: str, words: TitleVocabulary, *, modifier: bool = False) -> tuple[str, ...]:
    lower = word.lower()
    if modifier and lower in words.modifiers:
        return words.modifiers[lower]
    if not modifier and lower in words.trades:
        return (words.trades[lower],)
    # "RGNs", "CNAs": an abbreviation in the plural; not a noise word that looks like one ("40 hrs"), nor
    # three capitals, an acronym of their own ("GPS Technician" is no general practitioner; "RGNS" in a title
    # written in capitals is nurses).
    plural = lower.endswith("s") and lower not in words.noise and not (word.isupper() and len(word) <= 3)
    for form in (lower, lower[:-1] if plural else lower):
        expansion = words.abbreviations.get(form)
        if expansion is not None and not (form in words.uppercase_only and not word.isupper()):
            return expansion
    return (lower,)


def _followed(raws: list[str], words: TitleVocabulary) -> list[bool]:
    """For each raw title word: does a word that is not noise come after it ("Admin" in "Admin Assistant")?"""
    out, seen = [], False
    for raw in reversed(raws):
        out.append(seen)
        seen = seen or (raw.lower() not in words.noise and not raw.isdigit())
    return out[::-1]


def in_head_last_order(title: str, *, teaching_only: bool = False) -> str:
    """The title with a head written first before "of" (a teaching head also before "in") moved after what
    it heads (``inverted`` in the data): "Director of Master Data Management" → "Master Data Management
    Director", "Lecturer in Nursing" → "Nursing Lecturer". ``teaching_only`` moves only a teaching head, as
    the role patterns read titles: "Lecturer in Software Engineering" lectures, whose field a pattern would
    otherwise read as the job, while "Head of Sales" stays as the patterns name it."""
    words = title_vocabulary()

    def moved(match: re.Match[str]) -> str:
        head = match.group("head") or match.group("head_in")
        if teaching_only and head.lower() not in words.teaching_heads:
            return match.group(0)
        return f"{match.group('field')} {words.inverted_as.get(head.lower(), head)}"

    return words.inverted.sub(moved, title)


def without_ranks(title: str) -> str:
    """The title without the rank words before the heads they rank (``ranks`` in the data): an "Assistant
    Director, Admissions" is a director, not the director's assistant."""
    return title_vocabulary().ranks.sub("", title)


def without_restated_initials(title: str) -> str:
    """The title without a bracketed abbreviation of the words right before it ("Clinical Laboratory
    Scientist (CLS)" → "Clinical Laboratory Scientist"): it says the title again, and read as a word of its
    own it names another job ("Continuous Miner Operator (CMO)" is no chief marketing officer)."""

    def restated(match: re.Match[str]) -> str:
        letters = match.group(1).lower()
        written = raw_words(title[: match.start()])
        for words in (written, [w for w in written if w.lower() not in _UNSPELLED]):
            if (
                len(words) >= len(letters)
                and "".join(w[0] for w in words[-len(letters) :]).lower() == letters
            ):
                return ""
        return match.group()

    return _BRACKETED_INITIALS.sub(restated, title)


def _ranks(spec: dict[str, Any]) -> re.Pattern[str]:
    """A pattern for a rank word right before the head it ranks, or before it with only words that say how
    the job is offered or where between ("Assistant City Manager", "Deputy Night Manager": ``noise`` words of
    four letters or more, not "to the" of "Assistant to the Director")."""
    between = "|".join(sorted(w for w in spec["noise"] if len(w) >= 4 and w.isalpha()))
    return re.compile(
        rf"\b(?:{'|'.join(spec['ranks']['words'])})\.?\s+"
        rf"(?=(?:(?:{between})\s+)*(?:{'|'.join(spec['ranks']['heads'])})\b)",
        re.IGNORECASE,
    )


def _programme(spec: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for an early-career programme's words ("Graduate Development Programme") and for a head of
    the programme's own staff (a generic title's word or a managing word: ``programmes`` in the data)."""
    kinds = "|".join(kind.replace(" ", r"\s+") for kind in spec["programmes"]["kinds"])
    words = "|".join(spec["programmes"]["words"])
    staff = sorted(
        {word for word in spec["generic_titles"] if not word.startswith("_") and " " not in word}
        | set(spec["managing_words"]["words"])
    )
    return (
        re.compile(rf"\b(?:(?:{kinds})\s+)+(?:{words})s?\b", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(staff)}|of|for|the)\b", re.IGNORECASE),
    )


def _people_as_hr(title: str) -> str:
    """The title with "People" naming the human resources function read as "HR" ("People Operations Manager"
    manages HR operations, no operations at large)."""
    return _PEOPLE_AS_HR.sub("HR", title)


def _programmes_read(title: str) -> str:
    """The title with an early-career programme's words read as "Graduate", how the job is offered: "Graduate
    Scheme - Finance" → "Graduate - Finance", whose field names the job. Not when a head of the programme's
    own staff follows the words or comes before them, or "of", "for" or "the" does: "Graduate Programme
    Manager", "Director, Graduate Programme", "Director of Graduate Programs" run it."""
    programme, staff = title_vocabulary().programme
    match = programme.search(title)
    if match is None or staff.search(title, 0, match.start()) or staff.match(title[match.end() :].lstrip()):
        return title
    return f"{title[: match.start()]}Graduate{title[match.end() :]}"


def _schools_named(title: str) -> str:
    """The title with a British school year or key stage written as the school it is taught in ("Year 4
    Teacher" → "Primary Teacher", "KS3 Maths Teacher" → "Secondary Maths Teacher"; ``school_years`` in the
    data): its number says which, and numbers name no job once a title's words are read."""
    words = title_vocabulary()

    def school(match: re.Match[str]) -> str:
        stage = " ".join(match.group("stage").lower().split())
        named = words.schools.get((stage, int(match.group("number"))))
        return named.capitalize() if named else match.group()

    return words.school_stage.sub(school, title)


def _undotted(title: str) -> str:
    """The title with initials written with dots written without them ("R.N." → "RN"), and a European
    "a.i." (ad interim) read as "interim"."""
    return _DOTTED.sub(lambda match: match.group().replace(".", ""), _AD_INTERIM.sub(" interim", title))


def without_offers(title: str) -> str:
    """The title without the unit of a rate of pay it states ("Driver - $17/hr" → "Driver - $17") and the
    words that offer pay, hours or perks ("Cleaner - Sign-on Bonus" → "Cleaner - ", "Teacher - 4 Day Week",
    "Mechanic + Car"): both title readers (``title_words``, ``extract.roles``) read the title so."""
    return _OFFER_WORDS.sub("", _PAY_UNIT.sub("", title))


def _prefixes_joined(title: str) -> str:
    """The title with the prefix "co-" joined to a root that is no word alone ("Co-ordinator" →
    "Coordinator") and dropped before a job held jointly ("Co-Manager" → "Manager")."""
    return _CO_HELD.sub("", _CO_JOINED.sub(r"\1", title))


def unglued(title: str) -> str:
    """The title with words a lost space glued together apart again ("StaffNurse" → "Staff Nurse")."""
    return _GLUED.sub(" ", title)


def folded(text: str) -> str:
    """The text with each accented letter as its ASCII letter, case kept: "Café" is "Cafe", "Inżynier"
    "Inzynier", "Młodszy" "Mlodszy". Words are runs of ASCII letters, so an accented one had split its word
    ("Caf"), and the pieces could name another job."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLIT_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def as_meant(title: str) -> str:
    """The title with what only spells it otherwise mended, before either title reader (``title_words``,
    ``extract.roles``) reads its words: accents folded, initials without dots, the prefix "co-" read, a pay
    rate's unit dropped, a school year named by its school, an early-career programme read as how the job is
    offered, "People" naming human resources read as "HR"."""
    return _people_as_hr(
        _programmes_read(_schools_named(_undotted(_prefixes_joined(without_offers(folded(title))))))
    )


def raw_words(title: str) -> list[str]:
    """A title's words as written, before any is read ("K-9 Handler": "K-9", "Handler")."""
    return _WORD.findall(title)


# Whom the job supports is not the job: "Executive Assistant to the CEO" is an executive assistant.
_SUPPORTED = re.compile(
    r"\b(?:to|for|supporting|reporting to|reports to) (?:the |our )?(?:ceo|cfo|cto|coo|cmo|"
    r"president|founders?|co ?founders?|vp|svp|evp|managing directors?|md|executive directors?|"
    r"chief [a-z ]+ officer|chief executive|partners?|chair(?:man|woman|person)?|board|"
    r"directors?|executives?|executive team|leadership team|c suite|controller)\b.*$"
)
# A "PA" or "EA" who supports someone is a personal or executive assistant ("PA to the MD"); alone, a "PA" is
# as likely the physician assistant O*NET abbreviates so.
_SUPPORTING_ABBREVIATIONS = {"pa": "personal assistant", "ea": "executive assistant"}
_NON_WORD = re.compile(r"[^a-z0-9&+#]+")


def normalize_title(title: str) -> str:
    """Lower case, other characters one space: 'Sr. Front-End Dev (Remote)' -> 'sr front end dev remote'."""
    return _NON_WORD.sub(" ", as_meant(title).lower()).strip()


def without_supported(text: str) -> str:
    """A normalized title (``normalize_title``) without whom the job supports, its abbreviation of an
    assistant spelled out ("pa to the md" → "personal assistant", "executive assistant to the ceo" →
    "executive assistant"); the text as it is when it names no one it supports, or nothing besides."""
    words = _SUPPORTED.sub("", text).split()
    if not words or len(words) == len(text.split()):
        return text
    if words[-1] in _SUPPORTING_ABBREVIATIONS:
        words[-1] = _SUPPORTING_ABBREVIATIONS[words[-1]]
    return " ".join(words)


def title_words(title: str, *, naming_work: bool = False) -> list[str]:
    """The words of a title that can name an occupation, normalized (see the module docstring);
    ``naming_work`` keeps the noise words that name the work in some titles ("Night" in "Night Auditor")."""
    return [word for group in written_words(title, naming_work=naming_work) for word in group]


def written_words(title: str, *, naming_work: bool = False) -> list[tuple[str, ...]]:
    """``title_words`` grouped by the word as written each comes from: "Firefighter/EMT" →
    ("firefighter",), ("emergency", "medical", "technician"); a noise word gives no group."""
    words = title_vocabulary()
    kept = words.naming_work if naming_work else frozenset()
    out: list[tuple[str, ...]] = []
    normalized = unglued(in_head_last_order(without_ranks(as_meant(title))))
    raws = [raw.replace("-", "") for raw in raw_words(normalized) if not _names_company(raw, words)]
    for raw, followed in zip(raws, _followed(raws, words), strict=True):
        group: list[str] = []
        for word in _expand(raw, words, modifier=followed):
            if word in kept:
                group.append(word)  # as written: no other normalized title holds a noise word
            elif word not in words.noise and not word.isdigit():
                one = singular(word)
                # "Parts", "News", "Contracts" are what the job handles, not the noise words "part", "new".
                group.append(word if one in words.noise else one)
        # A word said twice in a row is said once: "Host/Hostess" (``gendered_forms``), "APRN/Nurse
        # Practitioner" (an abbreviation's last word written again after it).
        if group and out and group[0] == out[-1][-1]:
            del group[0]
        if group:
            out.append(tuple(group))
    return out


def _names_company(raw: str, words: TitleVocabulary) -> bool:
    """Is a raw title word the legal form ending an employer's name ("Co.", "Ltd"), not a job's
    abbreviation in capitals ("CO", a corrections officer)?"""
    job_in_capitals = words.company_forms.get(raw.lower())
    return job_in_capitals is not None and not (job_in_capitals and raw.isupper())


def executive_officer(words: list[str]) -> bool:
    """Is a normalized title a C-suite officer's, "chief <field> officer" ("Chief Compliance Officer")?"""
    first, last = title_vocabulary().executive_form
    return len(words) > 2 and words[0] == first and words[-1] == last


def title_segments(title: str) -> list[str]:
    """The parts of a title that lists alternatives or adds a place ("Door Supervisor - Leeds"); a rate of
    pay's unit is no part ("Midwife - $25/hr": no "hr", human resources, after the slash)."""
    return [s for s in _SEGMENT.split(without_offers(title)) if s.strip()]


@cache
def heads_written_first() -> frozenset[str]:
    """The heads a title may write before what they head ("VP, Marketing", "Director of Nursing";
    ``inverted`` in the data), normalized as titles are: "vice president", "director"."""
    return frozenset(" ".join(title_words(head)) for head in title_vocabulary().inverted_heads)


def intro_titles(text: str) -> Iterator[str]:
    """The job names a description's introductions give ("As a Cook you…" → "Cook"), in order."""
    for intro in JOB_INTRO.finditer(text[:3000]):
        title = _INTRO_END.sub("", intro.group("title")).strip()
        if title:
            yield title
