"""Seniority of a posting: title cues first, then required years, then the vendor's own label.

The levels are ``extract.model.SENIORITY_LEVELS``. The title vocabulary is data
(``extract/data/seniority.jsonl``); this module only ranks what the data finds:

* ``neutral`` rows blank out role names that merely contain a level word ("Executive Assistant",
  "Staff Accountant", "Member of Technical Staff") before any cue is looked for;
* ``cue`` rows name a level; when several match, the highest rank wins (``_RANK``); ``implied`` cue rows
  (a role that implies a level, "Architect") count only when no other cue states one ("Junior Architect");
* ``range_word`` rows: two level words joined by "/" or "or" ("Mid/Senior", "Regular / Senior") state a
  range, which counts at its lower end, as a pay-grade ladder does;
* ``ladder``/``ladder_code`` rows are company ladders (II, III, L5): weak cues that stated years override,
  because an "Engineer III" at one company is an "Engineer II" at another;
* ``role_manager`` rows are role names ending in "Manager" (Product Manager, Customer Success Manager):
  those are people managers only when the text shows people management (``people`` rows) and no
  individual-contributor statement (``ic`` rows);
* ``hint`` rows map vendor labels (LinkedIn/SmartRecruiters/Workable experience levels, Personio
  seniority) to levels;
* ``grade`` rows map a pay plan's grade range to a level (USAJOBS "GS-13", "GS-12/13": the lower grade of a
  ladder is the one the posting promises);
* ``body`` and ``body_label`` rows are explicit statements in the text ("this is an entry-level position",
  "no experience necessary", "Experience level: Mid-Senior"), read when the title is silent;
* ``experienced`` rows ask for experience with a weight but no count ("proven experience as a buyer"): mid,
  read when the years are silent.

Years map as the design card says: 0-2 entry, 3-5 mid, 6+ senior; a role-name manager is at least mid. A
posting silent everywhere takes the level its occupation's O*NET Job Zone implies (the ``silent`` row; see
``_level_from_body``), else ``SILENT_DEFAULT``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract import caseless
from extract.caseless import CaselessPattern
from extract.fastscan import AnyMatch
from extract.job_titles import folded
from extract.model import SENIORITY_LEVELS

DATA_FILE = Path(__file__).parent / "data" / "seniority.jsonl"

# The level of a posting whose title, text, years and vendor label are all silent (README "Vocabularies").
SILENT_DEFAULT = "entry"

# Highest first: "Senior Director" is a director, "Senior Manager" a manager, "Sr. Staff" staff.
_RANK = ("executive", "director", "manager", "intern", "staff", "senior", "mid", "entry")
assert set(_RANK) == set(SENIORITY_LEVELS)

_NON_WORD = re.compile(r"[^a-z0-9&+#]+")
_FLAGS = re.IGNORECASE


# A statement opens with a lower-case word and no assertion, so ``re`` skips ahead to that word when it searches
# the lower-cased text (extract.caseless); the word boundary before it, and what must stand before it
# ("looking for a" before "senior"), are checked only where it matched.
_STATEMENT_KEYS = ("pattern", "before", "not_before")


@dataclass(frozen=True, slots=True)
class _Statement:
    level: str
    lower: re.Pattern[str]  # searched in the lower-cased text
    anycase: re.Pattern[str]  # searched in the text when lower-casing would move offsets
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None = None  # what must not stand just before it


def _statement(row: dict[str, str]) -> _Statement:
    p, before, not_before = (re.compile(row[k], _FLAGS) if row.get(k) else None for k in _STATEMENT_KEYS)
    assert p is not None
    return _Statement(row.get("level", ""), re.compile(row["pattern"]), p, before, not_before)


_NEVER = _statement({"pattern": "(?!)"})


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    neutral: re.Pattern[str]
    cues: tuple[tuple[str, re.Pattern[str]], ...]
    implied: tuple[tuple[str, re.Pattern[str]], ...]  # levels a role implies; any stated level wins
    range_words: dict[str, str]  # level words that form a range ("mid/senior")
    # explicit statements in the text: (level, pattern, what must stand just before it)
    body: tuple[_Statement, ...]
    body_label: _Statement  # "Experience level: X": X maps like a vendor hint
    experienced: tuple[_Statement, ...]  # weighted experience, no count ("proven experience as a buyer")
    lead: re.Pattern[str]  # cues that mean manager when the text shows direct reports ("Team Lead")
    ladder: dict[str, str]  # roman/arabic numerals after a role word ("Engineer II", "Level 2")
    ladder_code: dict[str, str]  # self-contained codes ("L5", "IC4")
    role_manager: re.Pattern[str]
    people: re.Pattern[str]
    ic: re.Pattern[str]
    hints: dict[str, str]
    grades: dict[str, tuple[tuple[int, int, str], ...]]  # pay plan -> (lowest grade, highest grade, level)
    # people and ic as people_management reads them, over whole descriptions: fast (see extract.fastscan)
    people_found: AnyMatch
    ic_found: AnyMatch
    silent_by_zone: dict[int, str]  # O*NET Job Zone → the level of a title alone, silent everywhere
    silent_read_by_zone: dict[int, str]  # the same for a posting whose text was read and is silent


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


def _title_union(patterns: list[str]) -> re.Pattern[str]:
    """_union for patterns searched only in ``_normalize``d titles, which are lower-case ASCII: there the
    case-sensitive twin (extract.caseless) finds the same, several times faster."""
    union = _union(patterns)
    return CaselessPattern.of(union).lower or union


def _silent_levels(rows: list[dict[str, Any]], key: str = "job_zones") -> dict[int, str]:
    """O*NET Job Zone → level, from the ``silent`` row's ``key`` mapping."""
    return {int(zone): level for r in rows if r["kind"] == "silent" for zone, level in r.get(key, {}).items()}


@lru_cache(maxsize=1)
def vocabulary(path: Path = DATA_FILE) -> _Vocabulary:
    """Load and compile the seniority vocabulary once."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_kind: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    cue_patterns: dict[str, list[str]] = {}
    implied_patterns: dict[str, list[str]] = {}
    for row in by_kind.get("cue", []):
        target = implied_patterns if row.get("implied") else cue_patterns
        target.setdefault(row["level"], []).append(row["pattern"])
    lead = [r["pattern"] for r in by_kind.get("cue", []) if r.get("people_manager_with_reports")]
    people = _union([r["pattern"] for r in by_kind.get("people", [])])
    ic = _union([r["pattern"] for r in by_kind.get("ic", [])])
    return _Vocabulary(
        neutral=_title_union([r["pattern"] for r in by_kind.get("neutral", [])]),
        cues=_ranked(cue_patterns),
        implied=_ranked(implied_patterns),
        range_words={r["token"]: r["level"] for r in by_kind.get("range_word", [])},
        body=tuple(_statement(r) for r in by_kind.get("body", [])),
        body_label=next((_statement(r) for r in by_kind.get("body_label", [])), _NEVER),
        experienced=tuple(_statement(r) for r in by_kind.get("experienced", [])),
        lead=_title_union(lead or [r"(?!)"]),
        ladder={r["token"]: r["level"] for r in by_kind.get("ladder", [])},
        ladder_code={r["token"]: r["level"] for r in by_kind.get("ladder_code", [])},
        role_manager=_title_union([r["pattern"] for r in by_kind.get("role_manager", [])]),
        people=people,
        ic=ic,
        hints={_normalize(r["label"]): r["level"] for r in by_kind.get("hint", [])},
        grades=_grades(by_kind.get("grade", [])),
        people_found=AnyMatch.of(people),
        ic_found=AnyMatch.of(ic),
        silent_by_zone=_silent_levels(rows),
        silent_read_by_zone=_silent_levels(rows, "job_zones_read"),
    )


def _ranked(patterns: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((level, _title_union(patterns[level])) for level in _RANK if level in patterns)


def _grades(rows: list[dict[str, Any]]) -> dict[str, tuple[tuple[int, int, str], ...]]:
    grades: dict[str, list[tuple[int, int, str]]] = {}
    for row in rows:
        grades.setdefault(_normalize(row["plan"]), []).append(
            (int(row["from"]), int(row["to"]), row["level"])
        )
    return {plan: tuple(ranges) for plan, ranges in grades.items()}


def _fold(text: str) -> str:
    """Lower case ASCII letters for accented ones: 'Młodszy Programista' -> 'mlodszy programista'."""
    return folded(text).lower()


def _normalize(text: str) -> str:
    """Lower case, accents folded, other characters one space: 'Sr. Staff SRE (Remote)' -> 'sr staff sre remote'."""
    return _NON_WORD.sub(" ", _fold(text)).strip()


@dataclass(frozen=True, slots=True)
class TitleCues:
    """What a title says about level, before the text is read."""

    levels: tuple[str, ...]  # strong cues, highest rank first
    ladder: str | None  # a company-ladder level (weak)
    role_manager: bool  # "Manager" only as part of a role name (Product Manager)
    lead: bool  # "Lead"/"Team Lead": a people manager when the text shows direct reports


# Ladder numerals count after a job noun or "level" ("Engineer II", "Analyst 2", "Level 3"); elsewhere a
# number is a count, a year or a price ("Professional - $3,000 Hiring Bonus").
_LADDER_WORD = re.compile(r"^[a-z]{3,}$")
_LADDER_DIGIT_CONTEXT = re.compile(
    r"^(?:level|lvl|grade|band|step|engineer|developer|analyst|scientist|designer|specialist|associate|"
    r"technician|tech|accountant|administrator|consultant|representative|rep|agent|nurse|planner|buyer|"
    r"editor|writer|auditor|programmer|architect|researcher|coordinator|officer|banker|dietitian|clerk|operator|"
    r"mechanic|machinist|electrician|assistant|inspector|examiner|investigator|processor|installer|worker|"
    r"driver|therapist|pharmacist|paralegal|secretary|aide|tester|teller|underwriter|adjuster|estimator)$"
)


# "Head - X", "Head, X", "Head: X" are "Head of X"; "Head Chef" stays a trade head (a neutral row).
_HEAD_OF = re.compile(r"\bhead\s*[-\u2013\u2014,:|]\s*")
# Two words joined as a range: "Mid/Senior", "Regular / Senior", "Junior or Mid".
_RANGE = re.compile(r"\b([a-z]+)\s*(?:/|\\|\||\bor\b)\s*([a-z]+)\b")
_LADDER_ORDER = SENIORITY_LEVELS  # lowest first


def _lower_of_ranges(folded: str, words: dict[str, str]) -> str:
    """Keep the lower word of each level range: 'mid/senior python dev' -> 'mid python dev'."""

    def lower(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if first not in words or second not in words:
            return match.group(0)
        ranks = [_LADDER_ORDER.index(words[w]) for w in (first, second)]
        return first if ranks[0] <= ranks[1] else second

    return _RANGE.sub(lower, folded)


@lru_cache(maxsize=65536)  # titles repeat across postings and boards ("Registered Nurse", "Cashier")
def title_cues(title: str) -> TitleCues:
    """Find the level cues in a job title."""
    vocab = vocabulary()
    folded = _HEAD_OF.sub("head of ", _fold(title))
    text = _NON_WORD.sub(" ", _lower_of_ranges(folded, vocab.range_words)).strip()
    text = vocab.neutral.sub(" ", text)
    role_manager = bool(vocab.role_manager.search(text))
    if role_manager:
        text = vocab.role_manager.sub(" ", text)
    levels = tuple(level for level, pattern in vocab.cues if pattern.search(text))
    if not levels:
        levels = tuple(level for level, pattern in vocab.implied if pattern.search(text))
    ladder, lead = _ladder(text.split(), vocab), bool(vocab.lead.search(text))
    return TitleCues(levels=levels, ladder=ladder, role_manager=role_manager, lead=lead)


def _ladder(tokens: list[str], vocab: _Vocabulary) -> str | None:
    for i, token in enumerate(tokens):
        if token in vocab.ladder_code:
            return vocab.ladder_code[token]
        if token in vocab.ladder and i > 0:
            if token.isdigit() and i + 1 < len(tokens) and tokens[i + 1].isdigit():
                continue  # "$2,000" became "2 000"
            if not token.isdigit() and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
                continue  # letters, not a numeral: "I.T." became "i t"
            context = _LADDER_DIGIT_CONTEXT if token.isdigit() else _LADDER_WORD
            if context.search(tokens[i - 1]):
                return vocab.ladder[token]
    return None


# ----------------------------------------------------------------------------------------------- years

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "couple": 2, "few": 2,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEARS = re.compile(
    rf"(?:\b|(?<=[a-z])(?=\d))(?P<low>{_NUM})\s*(?:\(\s*\d{{1,2}}\s*\)\s*)?(?:\+|plus|or more|or greater)?\s*"
    rf"(?:(?:-|\u2013|\u2014|to|or)\s*(?P<high>{_NUM})\s*\+?\s*)?"
    rf"(?:\(\s*\d{{1,2}}\s*\)\s*)?(?P<hyphen>-\s*)?(?:years?|yrs?)\b\.?(?P<plus>\s*\+)?",
    _FLAGS,
)
_MONTHS = re.compile(rf"\b(?P<low>{_NUM})\s*(?:\(\s*\d{{1,2}}\s*\)\s*)?\+?\s*months?\b", _FLAGS)
# What follows "N years" in a requirement: "of experience", "in fintech", "as a PM", "shipping products".
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:'s|\u2019s|'|\u2019)?\s*(?:\+|plus|\))?\s*(?:\(\s*\w+\s*\)\s*)?"
    r"(?:of|in|with|as|at|on|into|working|experience|exp\b|professional|relevant|hands|industry|pqe|post|"
    r"progressive|related|full|practical|commercial|proven|prior|previous|demonstrated|successful|direct|"
    r"combined|total|minimum|required|or more|or longer|and above|\(\s*(?:required|preferred)|\w+ing\b|"
    r"(?:[\w/&-]+\s+){0,6}(?:work\s+)?experience|[,;:)•]|$)",
    _FLAGS,
)
# "founded 12 years ago", "18 years of age", "a 2-year contract", "4-year vesting", "0-5 years 80 hours".
_NOT_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:'s|\u2019s|'|\u2019)?\s*(?:ago\b|old\b|of age(?!n)|or older|of history|in business|"
    r"in operation|in existence|running|straight|in a row|later|from now|anniversary|contract|term|"
    r"vesting|cliff|lease|warranty|"
    r"guarantee|fixed|rotation|program|programme|degree|apprenticeship|course|plan|cycle|break|mark|"
    r"\d+\s*(?:hours|days|weeks)|of (?:our|the|its|their|growth|service|partnership|operations|profitab|"
    r"continuous|serving|employment|tenure|education|college|university|study|schooling|coursework|"
    r"full-time academic|building (?:the|our)))",
    _FLAGS,
)
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"(?:founded|since|(?<!looks )(?<!looking )(?<!ask )(?<!asks )"
    r"for (?:over |more than |nearly |almost |the (?:past|last) )?|over the (?:past|last|next)|"
    r"(?:past|last|next|first|within|every|after|each|per|in|aged?|age of|than)\s+(?:the\s+)?|"
    r"(?:^|[.!?]\s*)with (?:over|more than|nearly|almost)\s+|tenure:?\s*|"
    r"(?:pto|vacation|paid time off|accru\w*)[^.\n]{0,30}|"
    r"vest\w*(?:\s+over)?|established|celebrat\w*|been (?:around|in business|operating)\w*)\s*$",
    _FLAGS,
)
# A year count that refines a larger one: "8+ years in analytics, including 2+ years managing".
_SUBCLAUSE_BEFORE = re.compile(r"(?:including|incl\.?|of which|out of which)\s+(?:at least\s+)?$", _FLAGS)
_MANAGING_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:experience\s+)?(?:managing|leading|supervising|in management|in a "
    r"(?:leadership|management))",
    _FLAGS,
)
_EXPERIENCE_NEXT = re.compile(r"\s*(?:of\s+)?(?:\w+\s+)?experience", _FLAGS)
_VAGUE_NUMBERS = frozenset({"a", "an", "few", "couple"})
# _YEARS and _MONTHS match only word characters, spaces and . ( ) + - – —, and always their unit word:
# they are searched only in the stretches between other characters that hold the unit (a few per posting),
# not over the whole text.
_STRETCH_END = re.compile(r"[^\w\s.()+\-\u2013\u2014]")
# Looked for in the lower-cased text when that finds the same (extract.caseless): re then skips ahead to "y".
_YEAR_WORD = CaselessPattern.of(re.compile(r"y(?:ea)?r", _FLAGS))
_MONTH_WORD = CaselessPattern.of(re.compile(r"month", _FLAGS))
_BACK_STEP = 64
_EXPERIENCE_NOUN_AFTER = re.compile(
    r"^\s*(?:'s|\u2019s|'|\u2019)?\s*(?:of\s+)?(?:\w+\s+){0,2}experience", _FLAGS
)


def _number(token: str) -> float:
    token = token.lower()
    return float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)


def _stretch_start(text: str, pos: int) -> int:
    """Where the stretch holding ``pos`` starts: just after the last _STRETCH_END character before it."""
    end = pos
    while end > 0:
        start = max(0, end - _BACK_STEP)
        ends = [m.end() for m in _STRETCH_END.finditer(text, start, end)]
        if ends:
            return ends[-1]
        end = start
    return 0


def _finditer_stretches(
    pattern: re.Pattern[str], word: CaselessPattern, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for _YEARS and _MONTHS: only stretches holding ``word`` are searched.

    A match never holds a _STRETCH_END character, so it lies inside one stretch; the search of a stretch ends
    just after it, so the character that ends it is seen by the lookaheads as in the whole text.
    """
    lower = caseless.lowered(text)
    words, searched = (
        (word.lower, lower) if word.lower is not None and lower is not None else (word.pattern, text)
    )
    pos = 0
    while (hit := words.search(searched, pos)) is not None:
        end = _STRETCH_END.search(text, hit.end())
        stop = end.start() if end else len(text)
        yield from pattern.finditer(
            text, max(pos, _stretch_start(text, hit.start())), min(stop + 1, len(text))
        )
        pos = stop + 1


# A clause ends at a sentence end, a semicolon, a bullet or a line break; a comma or bracket ends the part
# of it a "preferred" reads over ("3+ years required, 5+ preferred").
_CLAUSE_BACK = re.compile(r"[.;:!?\n\u2022\u00b7]\s*(?=[^.;:!?\n\u2022\u00b7]*$)")
_CLAUSE_END = re.compile(r"[;!?\n\u2022\u00b7]|\.(?!\d)")
_PART_END = re.compile(r"[,;()!?\n\u2022\u00b7]|\.(?!\d)")
_PREFERRED = re.compile(
    r"\b(?:prefer\w*|desir\w*|ideal\w*|a plus|plus\b|bonus|nice to have|advantage\w*|strongly preferred)",
    _FLAGS,
)
_PREFERRED_BEFORE = re.compile(r"\b(?:preferred|desired|ideally|nice to have|bonus)\s*:?\s*$", _FLAGS)
# A count paired with an education route: "2 years with a Bachelor's, 0 with a Master's", "or a high school
# diploma and 4 years".
_EDUCATION = re.compile(
    r"\b(?:degree|diploma|ged|bachelor\w*|master\w*|ph\.?d|high school|associate'?s|\bbs\b|\bba\b|\bms\b|"
    r"\bma\b|equivalent)",
    _FLAGS,
)
_MOST_YEARS = 25  # a larger count is a company's history or a team's combined experience


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before ``start`` and after ``end`` (within 160 characters)."""
    before = text[max(0, start - 160) : start]
    back = _CLAUSE_BACK.search(before)
    after = text[end : end + 160]
    forward = _CLAUSE_END.search(after)
    return before[back.end() :] if back else before, after[: forward.start()] if forward else after


def _count_kind(text: str, match: re.Match[str]) -> str:
    """Which requirement a year count states: "main", "minor" (a sub-count), "preferred" or "education"."""
    before, after = _clause(text, match.start(), match.end())
    part = after[: m.start()] if (m := _PART_END.search(after)) else after
    if _PREFERRED.search(part) or _PREFERRED_BEFORE.search(before):
        return "preferred"
    if _SUBCLAUSE_BEFORE.search(before[-40:]) or _MANAGING_AFTER.search(after[:60]):
        return "minor"
    if _EDUCATION.search(before) or _EDUCATION.search(after):
        return "education"
    return "main"


def _year_counts(text: str) -> Iterator[tuple[str, float]]:
    for match in _finditer_stretches(_YEARS, _YEAR_WORD, text):
        after = text[match.end() : match.end() + 60]
        before = text[max(0, match.start() - 40) : match.start()]
        if _NOT_EXPERIENCE_AFTER.search(after) or _NOT_EXPERIENCE_BEFORE.search(before):
            continue
        if match.group("hyphen") and not _EXPERIENCE_NEXT.match(after):
            continue  # "a two-year rotation", "4-year degree"
        explicit = match.group("plus") or "+" in match.group(0) or match.group("high")
        if not (_EXPERIENCE_AFTER.search(after) or explicit):
            continue
        if match.group("low").lower() in _VAGUE_NUMBERS and not _EXPERIENCE_NOUN_AFTER.search(after):
            continue  # "two team off-sites a year" is a frequency; "a year of experience" is a requirement
        low = _number(match.group("low"))
        if low <= _MOST_YEARS:
            yield _count_kind(text, match), low
    for match in _finditer_stretches(_MONTHS, _MONTH_WORD, text):
        if _EXPERIENCE_NOUN_AFTER.search(text[match.end() : match.end() + 60]):
            yield "main", _number(match.group("low")) / 12  # "six months experience as a line cook"


def years_required(text: str) -> int | None:
    """Years of experience the role asks for, or None when the posting states none.

    Ranges give their lower end ("5-7 years" -> 5). Company age, ages, contract or vesting lengths and
    degree durations are ignored. The role's requirement is the largest required count: smaller ones are
    per-tool or per-area ("5+ years of engineering, 2+ with Kubernetes"), so the lowest must not set the level.
    Counts paired with education routes are alternatives: the lowest route counts ("2 years with a
    Bachelor's or 4 with a diploma" -> 2). A count that refines a larger one ("including 2+ years managing"),
    or counts only management years, or is preferred, is used only when nothing else is stated.
    """
    counts: dict[str, list[float]] = {"main": [], "education": [], "minor": [], "preferred": []}
    for kind, years in _year_counts(text):
        counts[kind].append(years)
    education = counts["education"]
    required = counts["main"] + ([min(education)] if len(set(education)) > 1 else education)
    for found in (required, counts["minor"], counts["preferred"]):
        if found:
            return int(max(found) if found is required else min(found))
    return None


def level_from_years(years: int) -> str:
    """The design card's mapping: 0-2 entry, 3-5 mid, 6+ senior."""
    if years <= 2:
        return "entry"
    if years <= 5:
        return "mid"
    return "senior"


# ------------------------------------------------------------------------------------------- inference


def people_management(text: str) -> bool | None:
    """True when the text shows people management, False when it says the role has no reports, else None.

    An individual-contributor statement wins: "you won't manage people, but you will mentor four" is an IC.
    """
    vocab = vocabulary()
    lower = caseless.lowered(text)
    if vocab.ic_found.search(text, lower):
        return False
    if vocab.people_found.search(text, lower):
        return True
    return None


def level_from_hint(hint: str | None) -> str | None:
    """Map a vendor's level label ("Mid-Senior level", "experienced", "Internship") to a level."""
    if not hint:
        return None
    label = _normalize(hint)
    hints = vocabulary().hints
    if label in hints:
        return hints[label]
    if label.endswith(" level") and label[: -len(" level")] in hints:
        return hints[label[: -len(" level")]]
    return _level_from_grade(label)


# A normalized pay plan and grade: "gs 13", "gs 12 13" (a ladder: the lower grade counts).
_GRADE = re.compile(r"(?P<plan>[a-z]{2}) (?P<grade>\d{1,2})(?: \d{1,2})?")


def _level_from_grade(label: str) -> str | None:
    match = _GRADE.fullmatch(label)
    if match is None:
        return None
    grade = int(match["grade"])
    ranges = vocabulary().grades.get(match["plan"], ())
    return next((level for low, high, level in ranges if low <= grade <= high), None)


def _leading_hint(words: list[str]) -> str | None:
    """The level of the longest leading words that are a vendor label: "mid senior level job type" -> mid."""
    for size in range(len(words), 0, -1):
        if (level := level_from_hint(" ".join(words[:size]))) is not None:
            return level
    return None


def _stated(statement: _Statement, text: str, lower: str | None) -> re.Match[str] | None:
    matches = statement.lower.finditer(lower) if lower is not None else statement.anycase.finditer(text)
    for match in matches:
        start = match.start()
        if start and text[start - 1].isalnum():
            continue  # inside a word
        if statement.not_before is not None and statement.not_before.search(text, max(0, start - 60), start):
            continue
        if statement.before is None or statement.before.search(text, max(0, start - 60), start):
            return match
    return None


def level_from_text(text: str) -> str | None:
    """A level the text states outright: "Experience level: Entry level", "this is an entry-level role",
    "no experience necessary", "we are looking for a senior ...". The first statement in the text wins."""
    vocab = vocabulary()
    lower = caseless.lowered(text)
    found: list[tuple[int, str]] = []
    label = _stated(vocab.body_label, text, lower)
    if label is not None and (level := _leading_hint(label.group(1).split())) is not None:
        found.append((label.start(), level))
    for statement in vocab.body:
        if (match := _stated(statement, text, lower)) is not None:
            found.append((match.start(), statement.level))
    return min(found)[1] if found else None


def experience_asked(text: str) -> str | None:
    """The level of weighted experience the text asks for ("proven experience as a buyer"), else None."""
    lower = caseless.lowered(text)
    return next((s.level for s in vocabulary().experienced if _stated(s, text, lower)), None)


def _level_from_body(text: str, hint: str | None, ladder: str | None, job_zone: int | None) -> str:
    """The level when the title states none: statements, years, a ladder numeral, the vendor hint, weighted
    experience, then the level the occupation's O*NET Job Zone implies (the ``silent`` row: one mapping for a
    text that was read and asks for nothing, one for a title alone), else ``SILENT_DEFAULT``."""
    if (stated := level_from_text(text)) is not None:
        return stated
    if (years := years_required(text)) is not None:
        return level_from_years(years)
    if found := ladder or level_from_hint(hint) or experience_asked(text):
        return found
    # A text that was read and asks for nothing is evidence of its own; a title alone is not (the data row).
    zones = vocabulary().silent_read_by_zone if text.strip() else vocabulary().silent_by_zone
    return zones.get(job_zone or 0) or SILENT_DEFAULT


def infer_seniority(
    title: str,
    text: str,
    hint: str | None = None,
    manages_people: bool | None = None,
    job_zone: int | None = None,
) -> str:
    """The posting's seniority: title, then (``_level_from_body``) statements and required years in the
    text, a ladder numeral, the vendor hint, weighted experience, the occupation's Job Zone (``job_zone``).

    "Manager" titles and leads read the text for people management (``people_management``) unless
    ``manages_people`` says so from a structured field. A title "Manager" whose text says it manages nobody,
    or a role-name manager (Product Manager) without reports, is decided like an individual contributor.
    """
    cues = title_cues(title)
    levels = list(cues.levels)
    people = manages_people
    if people is None and ("manager" in levels or cues.lead or cues.role_manager):
        people = people_management(text)
    if "manager" in levels and people is False:
        levels.remove("manager")
    top = levels[0] if levels else None
    outranked = top is not None and _RANK.index(top) < _RANK.index("manager")
    if people and (cues.role_manager or cues.lead) and not outranked:
        return "manager"
    if top is not None:
        return top
    level = _level_from_body(text, hint, cues.ladder, job_zone)
    # A role-name manager is the rung above its family's entry titles (Account Coordinator): at least mid.
    if cues.role_manager and level in ("intern", "entry"):
        return "mid"
    return level
