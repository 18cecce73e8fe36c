"""Normalized role and job function of a posting.

Roles are data (``extract/data/roles.jsonl``): one row per role with its function and the title patterns
that name it. Rows are tried in file order and the first match wins, so specific roles ("ml platform
engineer", "sales engineer") sit above generic ones ("software engineer"). The title before its first
specialty or place is read first ("Product Owner - AI/Analytics Apps" is a product owner, whatever the
analytics row would say); a catch-all row it names ("software engineer", "operations manager") is
refined by the specialty instead ("General Manager, Nursing Home" manages health services). A manager's
row may name its field alone (``field``: "marketing"): a title of the field with no word that says it
manages ("Marketing Intern", "Operations Assistant") takes the row's ``staff`` role instead. A title
ending in a teaching head ("Accounting Instructor") or a serving one ("Driver Recruiter") names only a row
whose pattern names that head: it teaches, or recruits, the others. The 24 functions and the keywords used
when no role matches are in ``extract/data/functions.json``.

Every posting is also coded to an O*NET-SOC occupation (``extract/occupations.py``). A role row lists the
SOC codes (or code prefixes: "29-1141", "53-3", "47") it covers, so an occupation names a role too: the
role whose listed prefix is the longest match of the code. That is the one mapping from occupation to
role and so to function (each role belongs to one function); the broad prefixes ("47", "53") make every
occupation land in a role. A row's ``also_covers`` prefixes are occupations a title naming the role keeps
without the role claiming them (the manager role keeps first-line supervisors, who belong to their crews'
roles).

Evidence is read in order of reliability: a role the title names (unless the title is an occupation's own
O*NET title that the role does not cover, "Air Traffic Controller": then the pattern matched a modifier and
the occupation names the role); else the occupation the title names (unless it rests on one common word,
"Manager"); else the department, then the title's function words; then the posting's own introduction ("As
a Customer Success Manager you'll…"); last the vague occupation, read by the employer's industry when it
is known ("Deputy Manager" at a care home: a health services manager). A vague title that no role but the
catch-all names, with no department, is read by its introduction and industry first: an "Engineer II" at a
plant or a utility is an engineer of its trade, at a software firm a software engineer (the catch-all's
reading when neither says), and "As a Civil Engineer you…" a civil engineer anywhere. A title that names a
role but no occupation ("Postdoctoral Appointee") takes the occupation its introduction names when the role
covers it ("As a Chemist…": chemists), and one that manages a unit its field's manager when the role
covers it ("Warehouse Director": transportation, storage and distribution managers, no planning clerk); a
staff title of a manager's row keeps a staff occupation of its function ("Digital Marketing Specialist").
Last, an O*NET specialty needing more preparation than its SOC occupation gives way to it when the title
says nothing of it: a British "Mental Health Nurse" is a registered nurse, though O*NET lists the words only
under advanced practice psychiatric nurses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.job_titles import (
    as_meant,
    heads_written_first,
    intro_titles,
    singular,
    title_segments,
    title_vocabulary,
    title_words,
    unglued,
    without_ranks,
    without_restated_initials,
)
from extract.occupations import (
    Occupation,
    as_executive,
    classify_occupation,
    job_zone,
    names_occupation,
    occupation_from_text,
    occupation_from_title,
    occupation_title,
)

DATA_DIR = Path(__file__).parent / "data"
ROLES_FILE = DATA_DIR / "roles.jsonl"
FUNCTIONS_FILE = DATA_DIR / "functions.json"

_NON_WORD = re.compile(r"[^a-z0-9&+#]+")
# Whom the job supports is not the job: "Executive Assistant to the CEO" is an executive assistant.
_SUPPORTED = re.compile(
    r"\b(?:to|for|supporting|reporting to|reports to) (?:the |our )?(?:ceo|cfo|cto|coo|cmo|"
    r"president|founders?|co ?founders?|vp|svp|evp|managing directors?|md|executive directors?|"
    r"chief [a-z ]+ officer|partners?|chair(?:man|woman|person)?|board|"
    r"directors?|executives?|executive team|leadership team|c suite|controller)\b.*$"
)
# A "PA" or "EA" who supports someone is a personal or executive assistant ("PA to the MD"); alone, a "PA" is
# as likely the physician assistant O*NET abbreviates so.
_SUPPORTING_ABBREVIATIONS = {"pa": "personal assistant", "ea": "executive assistant"}
# "Instructor for Speech Communication", "Engineer with Kafka": the job is named before the qualifier.
_QUALIFIER = re.compile(r"\s(?:for|with)\s.*$")
# "Software Engineer, AI", "Software Engineer II - Data", "Engineer (Machine Learning)": a specialty after the title.
_SPECIALTY = re.compile(
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
    # A manager's field named alone ("Marketing", "Operations"): the role only for a title that also names
    # managing ("Marketing Lead"); any other title of the field is its staff role's ("Marketing Intern",
    # "Operations Assistant": a marketing or business operations specialist, not a manager).
    field: re.Pattern[str] | None = None
    staff: str | None = None

    def covers(self, occupation: Occupation) -> bool:
        """Is ``occupation`` one a posting of this role keeps (one of its SOC prefixes, or also covered)?"""
        prefixes = (*self.soc, *self.also_covers)
        return bool(prefixes) and occupation.code.startswith(prefixes)

    @property
    def own_occupation(self) -> str | None:
        """The code a posting of this role gets when its title's occupation is vague or elsewhere."""
        if self.occupation:
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
            )
        )
    by_name = {role.name: role for role in roles}
    for role in roles:
        if (role.field is None) != (role.staff is None) or (role.staff and role.staff not in by_name):
            raise ValueError(f"role {role.name!r}: a field needs a staff role that the roles file names")
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


def normalize_title(title: str) -> str:
    """Lower case, other characters one space: 'Sr. Front-End Dev (Remote)' -> 'sr front end dev remote'."""
    return _NON_WORD.sub(" ", as_meant(title).lower()).strip()


@lru_cache(maxsize=65536)  # titles repeat across postings and boards
def role_from_title(title: str) -> Role | None:
    """The role a title names; a generic one is refined by the title's specialty.

    "Software Engineer, Machine Learning" names the generic software engineer with the specialty
    "Machine Learning": read as "Machine Learning Engineer" it names a more specific role, which wins.
    A bracketed abbreviation that restates the title is no specialty and names no other job: a "Continuous
    Miner Operator (CMO)" is no chief marketing officer. (The occupation matcher keeps it: O*NET writes
    some of its titles so, and the abbreviated form is the closer key.)
    """
    title = without_restated_initials(title)
    end = _HEAD_END.search(title)
    head_part = title[: end.start()].strip() if end else ""
    role = _first_role(head_part) if head_part else None
    if role is None or role.generic:  # the catch-all is refined by the specialty below, not preferred
        role = _first_role(title)
    specialty = _SPECIALTY.search(title)
    if role is not None and role.generic and specialty:
        # The title's head noun, past any ladder level ("Software Engineer II" -> "engineer").
        head = [
            w for w in normalize_title(title[: specialty.start()]).split() if not _LEVEL_TOKEN.fullmatch(w)
        ]
        refined = _first_role(f"{specialty.group('specialty')} {head[-1]}") if head else None
        if refined is not None and not refined.generic:
            return _as_staff(refined, title)
    return _as_staff(role, title) if role is not None else None


def _first_role(title: str) -> Role | None:
    """The first role whose title pattern matches, or None.

    A plural title ("Care Assistants and Support Workers", "Nurses") is read in the singular as well: the
    patterns name one job; then with the words the patterns spell with a final s kept ("Sales Executives").
    Last, words a lost space glued ("Support WorkerCranleigh") are read apart; not first, as product names
    are glued on purpose ("MicroStrategy Administrator").
    """
    candidates = _readings(title)
    for candidate in candidates:
        # A title ending in a teaching head teaches what its other words name: an "Accounting Instructor"
        # is no accountant; one ending in a serving head works for them: a "Driver Recruiter" is no driver.
        # Only a role whose pattern names the head itself ("Fitness Instructor", "Recruiter") reads it.
        serves = candidate.rsplit(" ", 1)[-1] in _serving_heads()
        for role in taxonomy().roles:
            if _names_head(role, candidate) if serves else role.pattern.search(candidate):
                return role
    # A manager's field ("marketing") names the job only where no role names it: "Marketing Data Analyst"
    # is a data analyst, "Marketing Intern" the field's.
    for candidate in candidates:
        for role in taxonomy().roles:
            if role.field is not None and role.field.search(candidate):
                return role
    return None


def _readings(title: str) -> tuple[str, ...]:
    """The normalized forms of a title the role patterns are tried on, in order (``_first_role``)."""
    # First without the rank words wherever they stand: a "Pub Assistant Manager" manages a pub.
    text, unranked, apart = (
        _without_supported(normalize_title(form)) for form in (title, without_ranks(title), unglued(title))
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


def _without_supported(text: str) -> str:
    """A normalized title without whom the job supports ("executive assistant to the ceo" → "executive
    assistant"), its abbreviation of an assistant spelled out ("pa to the md" → "personal assistant")."""
    kept = _SUPPORTED.sub("", text).strip()
    words = kept.split()
    if kept != text and words and words[-1] in _SUPPORTING_ABBREVIATIONS:
        words[-1] = _SUPPORTING_ABBREVIATIONS[words[-1]]
    return " ".join(words)


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


def _names_other_occupation(title: str, occupation: Occupation, role: Role) -> bool:
    """Is the title, its part before a specialty, or its first segment a title that names an occupation
    outright (its own O*NET title, "Air Traffic Controller", "Physician Assistant (Urgent Care)"; or a
    posting title the data gives it, "Door Supervisor - Leeds"; or any index title of a profession's helper,
    ``_supports_the_role``) that the role does not cover? Then the role's pattern matched a modifier
    ("controller", "assistant", "supervisor", "electrician"), and the occupation is the better evidence.
    Later segments qualify the job ("Deputy Manager (RGN)" manages), except what a head written first
    heads: a manager's role the title names wins over its bare rank ("VP, Marketing" is the marketing
    director, not the top executive a bare "VP" is)."""
    if occupation.vague:
        return False
    if role.covers(occupation) or occupation.code == role.own_occupation:
        return False
    if _supports_the_role(title, occupation, role):
        return True
    if not names_occupation(occupation):
        return False
    specialty = _SPECIALTY.search(title)
    parts = [*title_segments(title)[:1], *([title[: specialty.start()]] if specialty else [])]
    if (role.own_occupation or "").startswith("11-"):
        parts = [part for part in parts if " ".join(title_words(part)) not in heads_written_first()]
    return _is_matched(occupation, [title, *parts])


def _is_matched(occupation: Occupation, parts: list[str]) -> bool:
    """Is one of the title's ``parts`` (the title, its first segment, …) exactly the occupation's match?"""
    return any(" ".join(title_words(part)) == occupation.matched for part in parts)


# Heads of the titles of those who assist a profession: an "Electrician Helper" is no electrician.
_SUPPORT_HEADS = frozenset({"assistant", "aide", "helper", "technician", "attendant"})


def _supports_the_role(title: str, occupation: Occupation, role: Role) -> bool:
    """Does the title (or its first segment) name one who assists the profession the role names: the
    profession's words before a supporting head ("Electrician Helper", "Pharmacist Technician", "Therapy
    Assistant"), coded to a helper's occupation with that head ("Occupational Therapy Assistants")? The
    role's pattern matched the profession; the occupation is its helper's. The occupation's title need not
    be the title's words: the matcher's closest title may name the kind ("Therapist Aide": physical
    therapist aides), and the head says the job is the helper's all the same."""
    helper = occupation.matched.split()
    if len(helper) < 2 or helper[-1] not in _SUPPORT_HEADS:
        return False
    for part in (title, *title_segments(title)[:1]):
        words = title_words(part)
        profession = " ".join(words[:-1])
        # The role's own patterns name a profession; a manager's field names one only when the index knows
        # the whole title as its helper's ("Finance Assistant": bookkeeping clerks; not "Sales and Marketing
        # Assistant", which the index reads as a "Sales Assistant", a brokerage clerk).
        named = role.pattern.search(normalize_title(profession)) or occupation.matched == " ".join(words)
        if len(words) > 1 and words[-1] == helper[-1] and role_from_title(profession) == role and named:
            return True
    return False


def _agreeing(occupation: Occupation | None, role: Role, title: str) -> Occupation | None:
    """The occupation of a posting whose title names ``role``: the title's when the role covers it (one of
    its SOC prefixes) or it is a staff job of the manager's field the role names (``_staff_of_field``),
    else the manager's the role covers that the title names as its field's manager (``_as_manager``), else
    the role's own ("Chief of Staff" is not the police chief O*NET's word "chief" suggests), else the
    title's."""
    if occupation is not None and not occupation.vague and role.covers(occupation):
        return occupation
    if occupation is not None and _staff_of_field(occupation, role, title):
        return occupation
    manager = _as_manager(title)
    if manager is not None and role.covers(manager):
        return manager
    code = role.own_occupation
    own_title = occupation_title(code) if code else None
    if code is None or own_title is None:
        return occupation
    return Occupation(code, own_title, f"role: {role.name}", job_zone=job_zone(code))


def _staff_of_field(occupation: Occupation, role: Role, title: str) -> bool:
    """Is the title's occupation a staff job (its role no catch-all) of the function of a manager's role it
    names with no word that manages ("Digital Marketing Specialist": marketing specialists, no managers)?"""
    if occupation.vague or occupation.code[:2] == "11" or (role.own_occupation or "")[:2] != "11":
        return False
    staff = role_from_occupation(occupation)
    if staff is None or staff.generic or staff.function != role.function:
        return False
    return title_vocabulary().managing.isdisjoint(title_words(title))


def _as_manager(title: str) -> Occupation | None:
    """The manager's occupation a title that manages names when read as its field's manager: a "Warehouse
    Director", "Head of Warehouse" or "Logistics General Manager" manages a warehouse or logistics
    (transportation, storage and distribution managers), though O*NET has no such title and the matcher
    reads the head alone, a director or a general manager. None for a title that does not manage a unit
    ("Logistics Team Leader" leads a crew: ``directing`` in the data) or whose field names no manager."""
    words, vocabulary = title_words(title), title_vocabulary()
    field = [w for w in words if w not in vocabulary.directing]
    if not field or len(field) == len(words) or not vocabulary.managing.isdisjoint(field):
        return None
    manager = occupation_from_title(" ".join([*field, "manager"]))
    return manager if manager is not None and not manager.vague and manager.code[:2] == "11" else None


@dataclass(frozen=True, slots=True)
class RoleResult:
    role: str | None
    function: str | None
    occupation: Occupation | None


def classify_role(
    title: str, department: str | None = None, text: str | None = None
) -> tuple[str | None, str | None]:
    """Return ``(role, function)`` for a posting; either may be None when nothing says."""
    result = classify_posting(title, department, text)
    return result.role, result.function


def classify_posting(
    title: str, department: str | None = None, text: str | None = None, industry: str | None = None
) -> RoleResult:
    """The posting's role, function and occupation, from the evidence in the module docstring's order
    (``industry``: the employer's, from the sources registry, read for a vague title)."""
    result = _classified(title, department, text, industry)
    occupation = result.occupation and _specialty_named(as_executive(title, result.occupation), title)
    return RoleResult(result.role, result.function, occupation)


def _specialty_named(occupation: Occupation, title: str) -> Occupation:
    """An O*NET specialty that needs more preparation than its SOC occupation (a higher Job Zone:
    29-1141.02 "Advanced Practice Psychiatric Nurses" of 29-1141.00 "Registered Nurses") only when the
    title says something of what sets it apart (a word of its own title that the occupation's lacks); else
    the SOC occupation itself: a British "Mental Health Nurse" (RMN) is a registered nurse, though O*NET
    lists the words only under the advanced practice specialty. A specialty of a residual occupation
    ("…, All Other") is kept, as the only specific code there."""
    base = f"{occupation.code[:7]}.00"
    base_title = occupation_title(base)
    if occupation.code == base or base_title is None or base_title.endswith("All Other"):
        return occupation
    if (job_zone(occupation.code) or 0) <= (job_zone(base) or 0):
        return occupation
    if _words_apart(occupation.code) & set(title_words(title)):
        return occupation
    return Occupation(base, base_title, occupation.matched, occupation.vague, job_zone(base))


@lru_cache(maxsize=1024)
def _words_apart(specialty: str) -> frozenset[str]:
    """The words of an O*NET specialty's own title that its SOC occupation's title lacks ("advanced",
    "practice", "psychiatric" for 29-1141.02), read once per specialty."""
    own, base = occupation_title(specialty) or "", occupation_title(f"{specialty[:7]}.00") or ""
    return frozenset(title_words(own)) - frozenset(title_words(base))


def _classified(title: str, department: str | None, text: str | None, industry: str | None) -> RoleResult:
    """``classify_posting`` before an O*NET specialty the title does not name gives way to its occupation."""
    occupation = occupation_from_title(title)
    role = role_from_title(title)
    if (industry is not None or text) and _context_decides(occupation, role, department):
        # A generic title means what its description or the employer's industry makes it ("Engineer II"
        # at a software firm writes software, at a plant it does not; "As a Civil Engineer you…"), before
        # the catch-all role reads it the one way.
        read = _read_in_context(title, text, industry)
        if read is not None:
            return read
    if (
        role is not None
        and occupation is not None
        and _names_other_occupation(*_restated(title, occupation), role)
    ):
        role = role_from_occupation(occupation) or role
    if role is not None:
        return RoleResult(
            role.name, role.function, _agreeing(_described_in_role(occupation, role, text), role, title)
        )
    if occupation is not None and not occupation.vague:
        role = role_from_occupation(occupation)
        if role is not None:
            return RoleResult(role.name, role.function, occupation)
    function = function_from_keywords(department) if department else None
    if function is None:
        function = function_from_keywords(without_ranks(title))  # an "Assistant Director" is no assistant
    if function is not None:
        # The department or the title's words decided the function; a vague title is still read by the industry.
        return RoleResult(None, function, classify_occupation(title, None, industry))
    # The title's; the description's when the title is vague; the industry's when both are.
    occupation = classify_occupation(title, text, industry)
    role = role_from_text(text) if text else None
    if role is not None:
        return RoleResult(role.name, role.function, _agreeing(occupation, role, title))
    role = role_from_occupation(occupation) if occupation is not None else None
    return RoleResult(role.name if role else None, role.function if role else None, occupation)


def _restated(title: str, occupation: Occupation) -> tuple[str, Occupation]:
    """The title without a bracketed abbreviation that restates it, and its occupation when that is the
    same: "Clinical Laboratory Scientist (CLS)" names the posting title "Clinical Laboratory Scientist"
    outright, as the role patterns read it (``role_from_title``)."""
    restated = without_restated_initials(title)
    if restated != title:
        plain = occupation_from_title(restated)
        if plain is not None and plain.code == occupation.code:
            return restated, plain
    return title, occupation


def _described_in_role(occupation: Occupation | None, role: Role, text: str | None) -> Occupation | None:
    """The occupation of a title that names the role but not the occupation ("Postdoctoral Appointee",
    "Assistant Manager"): the job the description's introduction names, when the role covers it ("As a
    Chemist…"); else the title's."""
    if not text or (occupation is not None and not occupation.vague):
        return occupation
    described = occupation_from_text(text)
    return described if described is not None and role.covers(described) else occupation


def _context_decides(occupation: Occupation | None, role: Role | None, department: str | None) -> bool:
    """Do the description and the employer's industry read the title first? When the title is vague (one
    generic word), no role but a catch-all (or a catch-all's staff role) names it, and no department
    names the function (a department says more)."""
    if occupation is None or not occupation.vague:
        return False
    if role is not None and not role.generic and role.name not in _staff_roles():
        return False
    return not (department and function_from_keywords(department))


@lru_cache(maxsize=1)
def _staff_roles() -> frozenset[str]:
    """The staff roles of catch-all managers' fields: catch-alls as the manager's is ("Operations
    Associate" at a warehouse is read by its description, as it was when it named an operations manager)."""
    return frozenset(role.staff for role in taxonomy().roles if role.staff and role.generic)


def _read_in_context(title: str, text: str | None, industry: str | None) -> RoleResult | None:
    """The role and occupation of a vague title read by its description and its employer's industry
    (``classify_occupation``), or None when they name nothing specific."""
    occupation = classify_occupation(title, text, industry)
    role = role_from_occupation(occupation) if occupation is not None and not occupation.vague else None
    return RoleResult(role.name, role.function, occupation) if role is not None else None


def title_normalized(role: str | None, seniority: str | None) -> str | None:
    """The canonical title the labels use: the role, plus " intern" for interns ("data analyst intern")."""
    if role is None:
        return None
    if seniority == "intern" and not role.endswith("intern"):
        return f"{role} intern"
    return role
