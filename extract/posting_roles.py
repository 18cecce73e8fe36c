"""A posting's role, function and O*NET-SOC occupation, from its title, department, description and
employer's industry read together (the role taxonomy and what a title alone names: ``extract/roles.py``;
the occupation a title names: ``extract/occupations.py``).

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
Last, a C-suite officer's title coded to a staff occupation is a chief executive's ("Chief Compliance
Officer": ``_as_executive``), and an O*NET specialty needing more preparation than its
SOC occupation gives way to it when the title says nothing of it: a British "Mental Health Nurse" is a
registered nurse, though O*NET lists the words only under advanced practice psychiatric nurses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extract.job_titles import (
    executive_officer,
    heads_written_first,
    normalize_title,
    title_segments,
    title_vocabulary,
    title_words,
    without_offers,
    without_ranks,
    without_restated_initials,
)
from extract.occupation_index import INDEX_FILE, MANAGEMENT, occupation_at, title_index
from extract.occupations import (
    Occupation,
    classify_occupation,
    job_zone,
    names_occupation,
    occupation_from_text,
    occupation_from_title,
    occupation_title,
)
from extract.roles import (
    SPECIALTY,
    Role,
    field_named_alone,
    function_from_keywords,
    role_from_occupation,
    role_from_text,
    role_from_title,
    taxonomy,
)


def _names_other_occupation(title: str, occupation: Occupation, role: Role) -> bool:
    """Is the title, its part before a specialty, or its first segment a title that names an occupation
    outright (its own O*NET title, "Air Traffic Controller", "Physician Assistant (Urgent Care)"; or a
    posting title the data gives it, "Door Supervisor - Leeds"; or any index title of a profession's helper,
    ``_supports_the_role``) that the role does not cover? Then the role's pattern matched a modifier
    ("controller", "assistant", "supervisor", "electrician"), and the occupation is the better evidence.
    Later segments qualify the job ("Deputy Manager (RGN)" manages), except what a head written first
    heads: a role the title names wins over its bare rank ("VP, Marketing" is the marketing director, "VP,
    Procurement" heads purchasing, not the top executive a bare "VP" is)."""
    if occupation.vague:
        return False
    if role.covers(occupation) or occupation.code == role.own_occupation:
        return False
    if _supports_the_role(title, occupation, role):
        return True
    if not names_occupation(occupation):
        return False
    specialty = SPECIALTY.search(title)
    parts = [*title_segments(title)[:1], *([title[: specialty.start()]] if specialty else [])]
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
    # A helper's occupation says so in its own title ("Pharmacy Aides"); "Customer Assistant" is O*NET's
    # title of a retail salesperson, and a "Customer Care Assistant" no helper of customer care.
    helps = helper[-1] in title_words(occupation.title)
    for part in (title, *title_segments(title)[:1]):
        words = title_words(part)
        profession = " ".join(words[:-1])
        # The role's own patterns name a profession; a manager's field names one only when the index knows
        # the whole title as its helper's ("Finance Assistant": bookkeeping clerks; not "Sales and Marketing
        # Assistant", which the index reads as a "Sales Assistant", a brokerage clerk).
        named = (
            helps and role.pattern.search(normalize_title(profession))
        ) or occupation.matched == " ".join(words)
        if len(words) > 1 and words[-1] == helper[-1] and role_from_title(profession) == role and named:
            return True
    return False


def _agreeing(occupation: Occupation | None, role: Role, title: str) -> Occupation | None:
    """The occupation of a posting whose title names ``role``: the title's when the role covers it (one of
    its SOC prefixes) or it is a staff job of the manager's field the role names (``_staff_of_field``),
    else the manager's the role covers that the title names as its field's manager (``_as_manager``), else
    the role's own ("Chief of Staff" is not the police chief O*NET's word "chief" suggests; for a title that
    heads a unit, the role's ``directs``, or, for a staff role without one, the title's own occupation when
    it manages: ``_manages``), else the title's."""
    if occupation is not None and not occupation.vague and role.covers(occupation):
        return occupation
    if occupation is not None and _staff_of_field(occupation, role, title):
        return occupation
    manager = _as_manager(title)
    if manager is not None and role.covers(manager):
        return manager
    code = role.own_occupation
    if _heads_a_unit(title):
        if role.directs:
            code = role.directs  # "Head of Customer Success" supervises the staff, not one of them
        elif not (code or MANAGEMENT).startswith(MANAGEMENT) and _manages(occupation, role):
            return occupation  # nor is any other head of a unit one of its staff
    own_title = occupation_title(code) if code else None
    if code is None or own_title is None:
        return occupation
    return Occupation(code, own_title, f"role: {role.name}", job_zone=job_zone(code))


def _heads_a_unit(title: str) -> bool:
    """Does the title name one who heads a unit ("Director", "Head", "VP": ``unit_heads`` in the data)?"""
    return not title_vocabulary().unit_heads.isdisjoint(title_words(title))


def _manages(occupation: Occupation | None, role: Role) -> bool:
    """Is the title's own occupation a manager's of the role's function, or a top executive's ("VP, Accounts
    Payable", "VP, Customer Support": a vice president)? One of another function is the matcher's misreading
    ("Head of Accounts Payable" is no advertising manager)."""
    if occupation is None or occupation.vague or not occupation.code.startswith(MANAGEMENT):
        return False
    managing = role_from_occupation(occupation)
    return occupation.code[:7] == "11-1011" or (managing is not None and managing.function == role.function)


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
    title = without_trailing_unread(title)
    result = _classified(title, department, text, industry)
    occupation = result.occupation and _specialty_named(_as_executive(title, result.occupation), title)
    return RoleResult(result.role, result.function, occupation)


def without_trailing_unread(title: str) -> str:
    """The title without the words at its end that no reader of titles knows, as a board writes a place
    there with no separator ("Deputy Manager Belper", "IT Lead London"): a word the occupation index holds
    in no title (nor misspells one), and that names no role and no function, alone or with the word before
    it. The occupation reader passes over such a word already; the role patterns that read a whole title
    ("^owner$") and the checks that a title is an occupation's own title word for word would read it as
    part of the job. Only the end, and not a word a separator or comma opens, which the readers read as a
    part of its own ("Data Scientist, Forecasting"): a word written first is the job's more often than not
    ("Domiciliary Care Manager", "Snowflake Developer"), and a word the title readers drop stays, as it may
    name the job with others ("Chief of Staff", "Product Design Intern")."""
    # Read past what a board offers first, as both readers do: "Sign-on Bonus" is one offer.
    tokens = without_offers(title).split()
    read = len(tokens)
    while read > 1 and _unread(tokens[read - 1], tokens[read - 2]):
        read -= 1
    return " ".join(tokens[:read]) if read < len(tokens) else title


def _unread(token: str, before: str) -> bool:
    """Does no reader of titles know the word ``token``, written after ``before`` with no separator?"""
    if not (before[-1:].isalnum() and token[:1].isalnum() and token[-1:].isalnum()):
        return False  # a part of the title of its own: after a separator or comma, or in brackets
    words = title_words(token)
    if not words:
        return False
    index = title_index(INDEX_FILE)
    # The index reads a misspelt word beside the one before it ("Registerd Nurse").
    fixed = index.known([*title_words(before), *words])[-len(words) :]
    if any(word in index.postings for word in [*words, *fixed]):
        return False
    if any(
        read(token) is not None for read in (occupation_from_title, role_from_title, function_from_keywords)
    ):
        return False  # the title readers' own words: "Colleague" is a generic title of retail staff
    # Nor with the word before it beyond what that word says alone: "React Native" and "Analityk CERT" name
    # their jobs together, "Owner London" none, as no whole title does with a place after it.
    pair = f"{before} {token}"
    return role_from_title(pair) in (None, role_from_title(before)) and function_from_keywords(pair) in (
        None,
        function_from_keywords(before),
    )


def _as_executive(title: str, occupation: Occupation) -> Occupation:
    """A C-suite officer's title coded to a staff occupation ("Chief Compliance Officer": compliance officers)
    is a chief executive's, as O*NET codes those it lists (``executive_officers`` in the data), when it is
    the segment coded ("Assistant - CEO" assists); a manager's or a uniformed service's occupation stays."""
    vocabulary, matched, index = title_vocabulary(), set(occupation.matched.split()), title_index(INDEX_FILE)
    if occupation.code[:2] in {MANAGEMENT, *vocabulary.uniformed_groups}:
        return occupation
    coded = max(map(title_words, title_segments(title)), key=lambda w: len(matched & set(w)), default=[])
    executive = vocabulary.executive
    return occupation_at(index.codes[executive], executive, index) if executive_officer(coded) else occupation


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
        read = _read_in_context(title, occupation, text, industry)
        if read is not None:
            return read
    if (
        role is not None
        and occupation is not None
        and (
            _names_other_occupation(*_restated(title, occupation), role)
            or _field_yields(title, occupation, role)
        )
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


def _field_yields(title: str, occupation: Occupation, role: Role) -> bool:
    """Does a role that only its field names ("counselor", "software", "security"; no manager's field, whose
    staff role is read apart) yield to the specific occupation the title names and the role does not cover?
    A "Financial Aid Counselor" is a credit counselor, a "Camp Counselor" a recreation worker: no therapists."""
    if role.field is None or role.staff is not None or occupation.vague or role.covers(occupation):
        return False
    if role.directs and _heads_a_unit(title):
        return False  # the role says what a head of its unit is ("Head of Security": ``directs``)
    # A bare rank written first ("VP, Software") heads the field named after it, as for any role; and an
    # occupation matched without the field's words read the title without them ("Software Licensing
    # Specialist" is no municipal license clerk).
    field = field_named_alone(title, role)
    if field is None or occupation.matched in heads_written_first():
        return False
    # The title names that occupation only when it holds the match's words (a noise word naming the work
    # among them: "Placement Counselor"): a closest title adding a job of its own is the matcher's guess
    # ("Team Leader - Social Work" is no "Social Work Instructor").
    matched = set(occupation.matched.split())
    return set(title_words(field)) <= matched <= set(title_words(title, naming_work=True))


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
    generic word) and no role but a catch-all names it, or only a catch-all's staff role names it (an
    "Operations Associate" says no more of the work than the catch-all's field, whatever O*NET lists the
    words as), and no department names the function (a department says more)."""
    if occupation is None:
        return False
    staff = role is not None and role.name in _staff_roles()
    if not staff and (not occupation.vague or (role is not None and not role.generic)):
        return False
    return not (department and function_from_keywords(department))


@lru_cache(maxsize=1)
def _staff_roles() -> frozenset[str]:
    """The staff roles of catch-all managers' fields: catch-alls as the manager's is ("Operations
    Associate" at a warehouse is read by its description, as it was when it named an operations manager)."""
    return frozenset(role.staff for role in taxonomy().roles if role.staff and role.generic)


def _read_in_context(
    title: str, occupation: Occupation | None, text: str | None, industry: str | None
) -> RoleResult | None:
    """The role and occupation of a vague title (its ``occupation``) read by its description and its
    employer's industry (``classify_occupation``); of a catch-all's staff title O*NET lists, by a job its
    description names that is not the title's own ("Operations Associate": "As a Warehouse Associate…");
    or None when they name nothing specific."""
    if occupation is not None and not occupation.vague:
        described = occupation_from_text(text) if text else None
        occupation = described if described is not None and described.code != occupation.code else None
    else:
        occupation = classify_occupation(title, text, industry)
    role = role_from_occupation(occupation) if occupation is not None and not occupation.vague else None
    return RoleResult(role.name, role.function, occupation) if role is not None else None
