"""Normalized role and job function of a posting.

Roles are data (``extract/data/roles.jsonl``): one row per role with its function and the title patterns
that name it. Rows are tried in file order and the first match wins, so specific roles ("ml platform
engineer", "sales engineer") sit above generic ones ("software engineer"). The title before its first
specialty or place is read first ("Product Owner - AI/Analytics Apps" is a product owner, whatever the
analytics row would say); a catch-all row it names ("software engineer", "operations manager") is
refined by the specialty instead ("General Manager, Nursing Home" manages health services). A row may
name its field alone (``field``: "software", "counselor", "marketing"), which names the row only where no
row's pattern names the job ("Software Program Manager" manages programs) and, for a field with no staff
role, no specific occupation the title names holding the field's words (``extract/posting_roles.py``: a
"Financial Aid Counselor" is a credit counselor); a title of a manager's field with no word that
says it manages ("Marketing Intern", "Operations Assistant") takes the row's ``staff`` role instead. A title
ending in a teaching head ("Accounting Instructor", and "Lecturer in Software Engineering" read so) or a
serving one ("Driver Recruiter") names only a row whose pattern names that head: it teaches, or recruits, the
others. The 24 functions and the keywords used when no role matches are in ``extract/data/functions.json``.

Every posting is also coded to an O*NET-SOC occupation (``extract/occupations.py``). A role row lists the
SOC codes (or code prefixes: "29-1141", "53-3", "47") it covers, so an occupation names a role too: the
role whose listed prefix is the longest match of the code. That is the one mapping from occupation to
role and so to function (each role belongs to one function); the broad prefixes ("47", "53") make every
occupation land in a role. A row's ``also_covers`` prefixes are occupations a title naming the role keeps
without the role claiming them (the manager role keeps first-line supervisors, who belong to their crews'
roles).

A whole posting's role, function and occupation, its title, department, description and employer read
together, are ``extract/posting_roles.py``'s.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.job_titles import (
    in_head_last_order,
    intro_titles,
    normalize_title,
    singular,
    title_vocabulary,
    unglued,
    without_offers,
    without_ranks,
    without_restated_initials,
    without_supported,
)
from extract.occupations import (
    Occupation,
)

DATA_DIR = Path(__file__).parent / "data"
ROLES_FILE = DATA_DIR / "roles.jsonl"
FUNCTIONS_FILE = DATA_DIR / "functions.json"

# "Instructor for Speech Communication", "Engineer with Kafka": the job is named before the qualifier.
_QUALIFIER = re.compile(r"\s(?:for|with)\s.*$")
# "Software Engineer, AI", "Software Engineer II - Data", "Engineer (Machine Learning)": a specialty after the title.
SPECIALTY = re.compile(
    r"(?:,|\s[-\u2013\u2014|]\s|\()\s*(?P<specialty>[A-Za-z][A-Za-z /&+]{1,40}?)\s*\)?\s*$"
)
# Where a title's first specialty or place starts: "Product Owner - AI/Analytics Apps" is a product owner,
# "Recruiter, Software Engineering" a recruiter. Not at a slash ("UX/UI Designer", "HR/IT Recruiter") nor an
# unspaced hyphen ("Front-End").
_HEAD_END = re.compile(r",|\s-\s|[(\u2013\u2014|]")
_LEVEL_TOKEN = re.compile(r"i{1,3}|iv|v|vi|\d+|l\d+")


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    function: str
    pattern: re.Pattern[str]
    generic: bool = False  # a catch-all ("software engineer", "operations manager") a specialty can refine
    soc: tuple[str, ...] = ()  # the SOC codes or code prefixes this role covers
    occupation: str | None = None  # the O*NET-SOC code of a role no prefix claims ("backend engineer")
    # Codes a title naming this role may keep without the role claiming them for titles that name no role:
    # a "Store Manager" stays a first-line supervisor of retail workers, but that occupation's role is retail.
    also_covers: tuple[str, ...] = ()
    # A field named alone, which names the role only where no row's pattern names the title's job: a
    # "Software Project Manager" manages projects, a "Software Licensing Specialist" is software's. A
    # manager's field ("Marketing", "Operations") names the role only for a title that also names managing
    # ("Marketing Lead"); any other title of the field is its staff role's ("Marketing Intern", "Operations
    # Assistant": a marketing or business operations specialist, not a manager).
    field: re.Pattern[str] | None = None
    staff: str | None = None
    # The code a title of the role that heads a unit gets ("Head of Customer Success", "Design Director":
    # ``unit_heads`` in title_words.json) when its own is a staff occupation and the title's is not one the
    # role covers.
    directs: str | None = None
    # False for a role of many occupations none of which is its own: a title its pattern names keeps the
    # occupation the title names ("Yoga Teacher": exercise trainers), though the role claims a full code
    # for titles naming no role ("Basketball Coach": coaches and scouts are the teacher role's).
    has_own_occupation: bool = True

    def covers(self, occupation: Occupation) -> bool:
        """Is ``occupation`` one a posting of this role keeps (one of its SOC prefixes, or also covered)?"""
        prefixes = (*self.soc, *self.also_covers)
        return bool(prefixes) and occupation.code.startswith(prefixes)

    @property
    def own_occupation(self) -> str | None:
        """The code a posting of this role gets when its title's occupation is vague or elsewhere."""
        if self.occupation or not self.has_own_occupation:
            return self.occupation
        # The first listed SOC occupation ("29-1141" → 29-1141.00) or O*NET occupation ("15-1299.01").
        full = [code if len(code) == 10 else f"{code}.00" for code in self.soc if len(code) in (7, 10)]
        return full[0] if full else None


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    roles: tuple[Role, ...]
    functions: tuple[str, ...]
    keywords: tuple[tuple[str, re.Pattern[str]], ...]  # (function, pattern) in checking order
    by_soc_prefix: dict[str, Role]  # a SOC code prefix → the first role listing it
    by_name: dict[str, Role]  # a role's name → its row (a field's staff role is named so)
    # Words the patterns spell with a final s ("sales", "operations"): a plural title keeps them as they are.
    s_words: frozenset[str]


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
        if not row["patterns"]:
            raise ValueError(f"role {row['role']!r}: no title patterns")
        roles.append(
            Role(
                row["role"],
                row["function"],
                _union(row["patterns"]),
                bool(row.get("generic")),
                tuple(row.get("soc", ())),
                row.get("occupation"),
                tuple(row.get("also_covers", ())),
                _union(row["field"]) if row.get("field") else None,
                row.get("staff"),
                row.get("directs"),
                row.get("own_occupation", True),
            )
        )
    by_name = {role.name: role for role in roles}
    for role in roles:
        if role.staff is not None and (role.field is None or role.staff not in by_name):
            raise ValueError(
                f"role {role.name!r}: a staff role needs a field, and a role the roles file names"
            )
    keywords = tuple((name, _union(spec["keywords"][name])) for name in spec["keyword_order"])
    by_prefix: dict[str, Role] = {}
    for role in roles:
        for prefix in role.soc:
            by_prefix.setdefault(prefix, role)
    s_words = frozenset(
        word
        for role in roles
        for pattern in filter(None, (role.pattern, role.field))
        for word in re.findall(r"[a-z]+", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern))
        if word.endswith("s")
    )
    return _Taxonomy(
        roles=tuple(roles),
        functions=functions,
        keywords=keywords,
        by_soc_prefix=by_prefix,
        by_name=by_name,
        s_words=s_words,
    )


def functions() -> tuple[str, ...]:
    """The 24 job functions of the design card."""
    return taxonomy().functions


def roles() -> dict[str, str]:
    """Every normalized role with its function."""
    return {role.name: role.function for role in taxonomy().roles}


@lru_cache(maxsize=65536)  # titles repeat across postings and boards
def role_from_title(title: str) -> Role | None:
    """The role a title names; a generic one is refined by the title's specialty.

    "Software Engineer, Machine Learning" names the generic software engineer with the specialty
    "Machine Learning": read as "Machine Learning Engineer" it names a more specific role, which wins.
    A bracketed abbreviation that restates the title is no specialty and names no other job: a "Continuous
    Miner Operator (CMO)" is no chief marketing officer. (The occupation matcher keeps it: O*NET writes
    some of its titles so, and the abbreviated form is the closer key.)
    """
    title = _as_read(without_offers(title))  # "Store Manager - Paid Training": no training specialty
    end = _HEAD_END.search(title)
    head_part = title[: end.start()].strip() if end else ""
    role = _first_role(head_part) if head_part else None
    if role is None or role.generic:  # the catch-all is refined by the specialty below, not preferred
        role = _first_role(title)
    specialty = SPECIALTY.search(title)
    if role is not None and role.generic and specialty:
        # The title's head noun, past any ladder level ("Software Engineer II" -> "engineer").
        head = [
            w for w in normalize_title(title[: specialty.start()]).split() if not _LEVEL_TOKEN.fullmatch(w)
        ]
        refined = _first_role(f"{specialty.group('specialty')} {head[-1]}") if head else None
        if refined is not None and not refined.generic:
            return _as_staff(refined, title)
    return _as_staff(role, title) if role is not None else None


def _as_read(title: str) -> str:
    """The title as the role patterns read it: without a bracketed abbreviation restating it, a teaching
    head written first after what it teaches."""
    return in_head_last_order(without_restated_initials(title), teaching_only=True)


def _first_role(title: str) -> Role | None:
    """The first role whose title pattern matches, or None.

    A plural title ("Care Assistants and Support Workers", "Nurses") is read in the singular as well: the
    patterns name one job; then with the words the patterns spell with a final s kept ("Sales Executives").
    Last, words a lost space glued ("Support WorkerCranleigh") are read apart; not first, as product names
    are glued on purpose ("MicroStrategy Administrator").
    """
    candidates = _readings(title)
    named = _named_by_pattern(candidates)
    if named is not None:
        return named
    # A field ("marketing", "software") names the job only where no role names it: "Marketing Data Analyst"
    # is a data analyst, "Marketing Intern" the field's; a catch-all's field only where no other field
    # does: a "Software Marketing Manager" markets software.
    for candidate in candidates:
        for role in _fields():
            if role.field is not None and role.field.search(candidate):
                return role
    return None


def _named_by_pattern(candidates: tuple[str, ...]) -> Role | None:
    """The first role whose title pattern matches one of a title's readings, or None."""
    for candidate in candidates:
        # A title ending in a teaching head teaches what its other words name: an "Accounting Instructor"
        # is no accountant; one ending in a serving head works for them: a "Driver Recruiter" is no driver.
        # Only a role whose pattern names the head itself ("Fitness Instructor", "Recruiter") reads it.
        serves = candidate.rsplit(" ", 1)[-1] in _serving_heads()
        for role in taxonomy().roles:
            if _names_head(role, candidate) if serves else role.pattern.search(candidate):
                return role
    return None


def field_named_alone(title: str, role: Role) -> str | None:
    """The words naming the role's field in a title no row's pattern names ("Financial Aid Counselor": the
    therapist's field "counselor"; "Marketing Intern": "marketing"), or None. Such a role is weaker evidence
    than a specific occupation the title names."""
    readings = _readings(_as_read(title))
    if role.field is None or _named_by_pattern(readings) is not None:
        return None
    return next((found.group(0) for reading in readings if (found := role.field.search(reading))), None)


@lru_cache(maxsize=1)
def _fields() -> tuple[Role, ...]:
    """The rows that name a field: a catch-all's last, in file order otherwise."""
    return tuple(
        sorted((role for role in taxonomy().roles if role.field is not None), key=lambda r: r.generic)
    )


def _readings(title: str) -> tuple[str, ...]:
    """The normalized forms of a title the role patterns are tried on, in order (``_first_role``)."""
    # First without the rank words wherever they stand: a "Pub Assistant Manager" manages a pub.
    text, unranked, apart = (
        without_supported(normalize_title(form)) for form in (title, without_ranks(title), unglued(title))
    )
    words, kept = text.split(), taxonomy().s_words
    one = " ".join(singular(w) for w in words)
    one_but_kept = " ".join(w if w in kept else singular(w) for w in words)
    heads = [_QUALIFIER.sub("", reading) for reading in (unranked, text)]
    return tuple(dict.fromkeys((*heads, text, one, one_but_kept, apart)))


def _as_staff(role: Role, title: str) -> Role:
    """A manager's role that a title names only by its field ("Marketing Intern", "Operations Assistant"),
    with no word that says it manages (title_words.json ``managing_words``), is its staff role's."""
    if role.staff is None:
        return role
    # Read as _first_role reads it: "General Managers", "Brand ManagerLondon" manage.
    for reading in _readings(title):
        if role.pattern.search(reading) or not title_vocabulary().managing.isdisjoint(reading.split()):
            return role
    return taxonomy().by_name[role.staff]


@lru_cache(maxsize=1)
def _serving_heads() -> frozenset[str]:
    """Heads whose title's other words name those the job teaches or works for, not the job."""
    words = title_vocabulary()
    return words.teaching_heads | words.serving_heads


def _names_head(role: Role, title: str) -> bool:
    """Does the role's pattern name the teaching or serving head a title ends in, with the words before it
    or not ("personal trainer fitness instructor": the fitness instructor)? The match may end inside the
    head, as a pattern naming a stem does ("recruit" in "recruiter")."""
    words = title.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        found = role.pattern.match(tail)
        if found and found.end() > tail.rfind(" ") + 1:
            return True
    return False


def role_from_occupation(occupation: Occupation) -> Role | None:
    """The role whose listed SOC prefix is the longest match of the occupation's code."""
    by_prefix = taxonomy().by_soc_prefix
    code = occupation.code
    for length in range(len(code), 1, -1):
        role = by_prefix.get(code[:length])
        if role is not None:
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
    for title in intro_titles(text):  # "As a Data Analyst you…", "We're hiring a Recruiter"
        role = role_from_title(title)
        if role is not None:
            return role
    return None


def title_normalized(role: str | None, seniority: str | None) -> str | None:
    """The canonical title the labels use: the role, plus " intern" for interns ("data analyst intern")."""
    if role is None:
        return None
    if seniority == "intern" and not role.endswith("intern"):
        return f"{role} intern"
    return role
