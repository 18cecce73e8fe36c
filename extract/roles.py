"""Normalized role and job function of a posting.

Roles are data (``extract/data/roles.jsonl``): one row per role with its function and the title patterns
that name it. Rows are tried in file order and the first match wins, so specific roles ("ml platform
engineer", "sales engineer") sit above generic ones ("software engineer"). The 24 functions and the keywords
used when no role matches are in ``extract/data/functions.json``.

Evidence is read in order of reliability: the title, then the department when the title names no role,
then the posting's own introduction ("As a Customer Success Manager you'll…") when both are vague.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
ROLES_FILE = DATA_DIR / "roles.jsonl"
FUNCTIONS_FILE = DATA_DIR / "functions.json"

_NON_WORD = re.compile(r"[^a-z0-9&+#]+")
# Whom the job supports is not the job: "Executive Assistant to the CEO" is an executive assistant.
_SUPPORTED = re.compile(
    r"\b(?:to|for|supporting|reporting to|reports to) (?:the |our )?(?:ceo|cfo|cto|coo|cmo|"
    r"president|founders?|co ?founders?|vp|svp|evp|managing directors?|executive directors?|"
    r"chief [a-z ]+ officer|partners?|"
    r"directors?|executives?|executive team|leadership team|c suite|controller)\b.*$"
)
# "Instructor for Speech Communication", "Engineer with Kafka": the job is named before the qualifier.
_QUALIFIER = re.compile(r"\s(?:for|with)\s.*$")
# "Software Engineer, AI", "Software Engineer II - Data", "Engineer (Machine Learning)": a specialty after the title.
_SPECIALTY = re.compile(
    r"(?:,|\s[-\u2013\u2014|]\s|\()\s*(?P<specialty>[A-Za-z][A-Za-z /&+]{1,40}?)\s*\)?\s*$"
)
_LEVEL_TOKEN = re.compile(r"i{1,3}|iv|v|vi|\d+|l\d+")
# Where a description names the role it hires for: "As a Data Analyst you…", "We're hiring a Recruiter".
_ROLE_INTRO = re.compile(
    r"(?:\bas (?:a|an|our)|\b(?:hiring|looking for|seeking|searching for|recruiting) (?:a|an|our)"
    r"(?: new| first| founding| talented| experienced)?|\bjoin (?:us|our team) as (?:a|an|our)?|"
    r"\bthe (?:role|position) of(?: a| an)?)\s+(?P<role>[^.,;:!?\n()]{3,60})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    function: str
    pattern: re.Pattern[str]
    generic: bool = False  # a catch-all ("software engineer") that a title's specialty can refine


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    roles: tuple[Role, ...]
    functions: tuple[str, ...]
    keywords: tuple[tuple[str, re.Pattern[str]], ...]  # (function, pattern) in checking order


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def taxonomy() -> _Taxonomy:
    """Load and compile the role and function data once."""
    spec = json.loads(FUNCTIONS_FILE.read_text(encoding="utf-8"))
    functions = tuple(spec["functions"])
    roles = []
    for line in ROLES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["function"] not in functions:
            raise ValueError(f"role {row['role']!r}: unknown function {row['function']!r}")
        roles.append(Role(row["role"], row["function"], _union(row["patterns"]), bool(row.get("generic"))))
    keywords = tuple((name, _union(spec["keywords"][name])) for name in spec["keyword_order"])
    return _Taxonomy(roles=tuple(roles), functions=functions, keywords=keywords)


def functions() -> tuple[str, ...]:
    """The 24 job functions of the design card."""
    return taxonomy().functions


def roles() -> dict[str, str]:
    """Every normalized role with its function."""
    return {role.name: role.function for role in taxonomy().roles}


def normalize_title(title: str) -> str:
    """Lower case, other characters one space: 'Sr. Front-End Dev (Remote)' -> 'sr front end dev remote'."""
    return _NON_WORD.sub(" ", title.lower()).strip()


def role_from_title(title: str) -> Role | None:
    """The role a title names; a generic one is refined by the title's specialty.

    "Software Engineer, Machine Learning" names the generic software engineer with the specialty
    "Machine Learning": read as "Machine Learning Engineer" it names a more specific role, which wins.
    """
    role = _first_role(title)
    specialty = _SPECIALTY.search(title)
    if role is not None and role.generic and specialty:
        # The title's head noun, past any ladder level ("Software Engineer II" -> "engineer").
        head = [
            w for w in normalize_title(title[: specialty.start()]).split() if not _LEVEL_TOKEN.fullmatch(w)
        ]
        refined = _first_role(f"{specialty.group('specialty')} {head[-1]}") if head else None
        if refined is not None and not refined.generic:
            return refined
    return role


def _first_role(title: str) -> Role | None:
    """The first role whose title pattern matches, or None."""
    text = _SUPPORTED.sub("", normalize_title(title)).strip()
    head = _QUALIFIER.sub("", text)
    for candidate in (head, text) if head != text else (text,):
        for role in taxonomy().roles:
            if role.pattern.search(candidate):
                return role
    return None


def function_from_keywords(text: str) -> str | None:
    """The function a department name or an unmatched title points to ("Engineering - Web" -> engineering)."""
    normalized = normalize_title(text)
    if not normalized:
        return None
    for function, pattern in taxonomy().keywords:
        if pattern.search(normalized):
            return function
    return None


def role_from_text(text: str) -> Role | None:
    """A role the description's own introduction names ("As a Recruiter you will…"), or None."""
    for match in _ROLE_INTRO.finditer(text[:3000]):
        role = role_from_title(match.group("role"))
        if role is not None:
            return role
    return None


def classify_role(
    title: str, department: str | None = None, text: str | None = None
) -> tuple[str | None, str | None]:
    """Return ``(role, function)`` for a posting; either may be None when nothing says.

    The title decides when it names a role. Otherwise the department gives the function, then the title's
    own keywords ("Electrician" -> engineering); the description is read only when title and department
    are both vague, first for a named role, then for a function keyword in its first lines.
    """
    role = role_from_title(title)
    if role is not None:
        return role.name, role.function
    function = function_from_keywords(department) if department else None
    if function is None:
        function = function_from_keywords(title)
    if function is not None:
        return None, function
    if text:
        role = role_from_text(text)
        if role is not None:
            return role.name, role.function
    return None, None


def title_normalized(role: str | None, seniority: str | None) -> str | None:
    """The canonical title the labels use: the role, plus " intern" for interns ("data analyst intern")."""
    if role is None:
        return None
    if seniority == "intern" and not role.endswith("intern"):
        return f"{role} intern"
    return role
