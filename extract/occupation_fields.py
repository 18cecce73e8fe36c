"""The field a title's other words name, when no index title pairs its head with them (step 3 of the
matcher, ``extract.occupations``): "Kennel Associate" is an animal caretaker, "Budget Officer" a budget
analyst, "Fryer Operator" a food cooking machine operator; and a vague title read in O*NET's description of
the work ("Cake Decorator": bakers, whose description says "cakes"). O*NET 27.0 Database, USDOL/ETA,
CC BY 4.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from extract.job_titles import title_vocabulary
from extract.occupation_index import (
    MANAGEMENT,
    MILITARY,
    Occupation,
    TitleIndex,
    descriptions,
    occupation_at,
    stems,
)

# A field word names an occupation when this many index titles of the head's occupations hold it; fewer
# only when they are most of all the titles holding it (``field_occupation``). On the titles the index has
# never seen, that gains 19 detailed (14 major) on the tuning half and 5 (7) on the held-out one; taking
# one title as enough whatever the others (+42/+22) made "Managing Director, Austria" an industrial
# production manager ("production managing supervisor") and "Journeyman Electrician" a repairer, and
# allowing it for a head that names no kind of work (+4/+7 more held out) a "Booking Agent" a jailer.
FIELD_MIN_TITLES = 3
# ...and when the occupation holds at least one in this many of all the index titles holding the words: a
# head's occupations with a title or two holding a word most titles use in another sense are no field of it
# ("Lead Engineer" is no production helper's, though a helper's title says "lead" and one says "engineer").
FIELD_MIN_SHARE = 6
# A vague title may be read in O*NET's description of the work (``described_occupation``): words compared
# by their stems (``occupation_index.stems``: "histology", "histological"); only a word at most DESCRIPTION_RARE
# descriptions hold says which ("cake", not "registered": a pharmacy aide works for a registered
# pharmacist). Unseen titles: +17 / +15 detailed (tuning / held-out), none lost, no real title moved.
DESCRIPTION_RARE = 10


def other_words(
    words: list[str], head: str, index: TitleIndex, known: frozenset[str] = frozenset()
) -> list[str]:
    """The title's words besides its head that can point to an index title: known to the index, not naming
    a part of an organisation, and not among ``known``."""
    excluded = title_vocabulary().units | known
    return [w for w in words if w != head and w in index.postings and w not in excluded]


def described_occupation(words: list[str], head: str, index: TitleIndex) -> Occupation | None:
    """Of the occupations with an index title holding the head (a generic head's: its broad occupation's
    major group, never a manager's), the one SOC occupation whose O*NET description holds every other word
    of the title, each one few descriptions hold (``DESCRIPTION_RARE``): a "Cake Decorator" is a baker
    ("cakes"), a "Slot Technician" a vending machine repairer; else None. Only for a vague title: one the
    index names keeps its occupation ("Manual Turner" turns a lathe; the hand laborers' say "manual")."""
    generic = title_vocabulary().generic.get(head)  # its broad occupation
    if generic is not None and generic[:2] == MANAGEMENT:
        return None
    named = [w for w in words if w != head and w not in title_vocabulary().units]
    others = stems(named)
    described, holding = descriptions(index.occupations_file)
    if not others or any(holding[stem] > DESCRIPTION_RARE for stem in others):
        return None
    if generic is None:
        among = {index.title_codes[n] for n in index.postings.get(head, ())}
    else:
        among = {code for code in index.titles if code[:2] == generic[:2]}
    fits = [code for code in sorted(among) if others <= described.get(code, frozenset())]
    if len({code[:7] for code in fits}) != 1:
        return None
    return occupation_at(fits[0], " ".join([*named, head]), index)


def head_alone(words: list[str], head: str, index: TitleIndex) -> tuple[Occupation, int] | None:
    """A title only its head names: the broad occupation of a generic head ("Manager"), or the one most
    index titles ending in the head belong to ("Scientist"); vague. A generic head's broad occupation says
    the kind of work, and the title's other words may name the field within its SOC major group ("Budget
    Officer": budget analysts, not business operations specialists; "Economics Lecturer": economics
    teachers), as they do among the occupations having a title with the head (``field_occupation``); a
    head that names no kind of work names its field in any group (``_names_no_kind``)."""
    code = index.head_codes.get(head)
    if code is None:
        return None
    field = None
    if head in title_vocabulary().generic:
        field = field_occupation(words, head, index, lambda other: other[:2] == code[:2])
        if field is None and _names_no_kind(head, code, index):
            # A grade of staff says the field's staff are meant, so a title or two holding the words name
            # the field when they are most of those that do, as for a head of a kind ("Lettings
            # Executive": O*NET's two "letting" titles are real estate sales agents').
            staff = head in title_vocabulary().staff_grades
            field = field_occupation(
                words, head, index, lambda other: _field_of_any_kind(other, code, index), few_titles=staff
            )
    if field is not None:
        return field, len(set(field.matched.split()))
    return occupation_at(code, head, index, vague=True), 1


def _names_no_kind(head: str, code: str, index: TitleIndex) -> bool:
    """Does a generic head say nothing of the kind of work: most index titles ending in it are outside its
    broad occupation's SOC major group ("Technician", "Specialist", "Coordinator" head titles in every group;
    "Manager", "Clerk", "Operator" titles are mostly managers', clerks', machine operators')? A manager's
    field never makes them a worker of it ("Payroll Manager" is no payroll clerk), but a grade of staff
    heading a manager's titles only in America does ("staff_grades": an "Underwriting Executive")."""
    if code[:2] == MANAGEMENT:
        return head in title_vocabulary().staff_grades
    ending = Counter(
        index.title_codes[n][:2] for n in index.postings.get(head, ()) if index.keys[n][-1] == head
    )
    return ending[code[:2]] * 2 < ending.total()


def supervises(code: str) -> bool:
    """First-line supervisors: the first minor group of each SOC major group from 33 (protective service)
    to 53 (transportation), "33-1011" to "53-1047"."""
    return "33" <= code[:2] <= "53" and code[3] == "1"


def _field_of_any_kind(field: str, code: str, index: TitleIndex) -> bool:
    """Can a head that names no kind of work, with broad occupation ``code``, be the occupation ``field``
    its other words name? Not a manager or supervisor (a "Wellness Associate" is no wellness coordinator,
    O*NET's personal service managers, nor a "Quarry Technician" a quarry's foreman), nor a military
    occupation (O*NET names military specialties by technical words: most "acoustic" titles are an air
    crew's, but an "Acoustic Consultant" is no airman), nor one needing far less preparation (an "Analyst"
    of a word most titles of displayers hold is no displayer: at most one O*NET Job Zone below the head's)."""
    if field[:2] in (MANAGEMENT, MILITARY) or supervises(field):
        return False
    low, zone = index.zones.get(code), index.zones.get(field)
    return low is None or zone is None or zone >= low - 1


def unpaired_field(
    words: list[str], head: str, run: str | None, ambiguous: bool, index: TitleIndex
) -> Occupation | None:
    """When no index title pairs the title's head with its other words, the field those words name, before
    the head or run alone: among an ambiguous run's occupations (``_run_field_occupation``), or among those
    with a title holding the head (``field_occupation``: "Procurement Assistant" when only "Procurement
    Clerk" is known; "Speech Therapist" when only "Speech Pathologist" is, not the physical therapist a bare
    "Therapist" is), and when they name none of the run's occupations, among the head's ("Children's Service
    Manager": a social and community service manager, though O*NET's "Service Manager" supervises an
    office). A generic run's other words are read by closer titles only, then by the head's field."""
    if ambiguous and run is not None:
        return _run_field_occupation(words, run, index) or field_occupation(words, head, index)
    if run is not None and " " in run:
        return None
    return field_occupation(words, head, index)


def field_occupation(
    words: list[str],
    head: str,
    index: TitleIndex,
    among: Callable[[str], bool] | None = None,
    few_titles: bool = True,
) -> Occupation | None:
    """Of the occupations with a title holding the head (or, given ``among``, those it accepts: the SOC
    major group of a generic head's broad occupation), the one most index titles holding the title's other
    words belong to, when more than half of them belong to it and it holds at least one in FIELD_MIN_SHARE
    of all titles holding the words ("Ophthalmic Assistant": Ophthalmic Medical Technicians), or, when
    fewer than FIELD_MIN_TITLES are the head's occupations', more than half of all ("Fryer Operator": the
    food cooking machine operators, whose two titles are all that say "fryer"); else None ("Acoustic
    Consultant": titles saying "acoustic" are mostly a military crew's, none of them a consultant's).
    ``few_titles=False`` asks for FIELD_MIN_TITLES titles whatever the others: for a head that names no
    kind of work (``_names_no_kind``) a title or two would decide the kind too, and one "salesforce
    developer" would make a "Salesforce Expert" a web developer, one "booking officer" a "Booking Agent" a
    jailer (not for a British grade of staff, which says it is the field's staff: ``head_alone``)."""
    others = other_words(words, head, index)
    if not others:
        return None
    titles = set.intersection(*(set(index.postings[w]) for w in others))
    if among is None:
        # Looked up here, not indexed at start-up: few titles come this far.
        with_head = {index.title_codes[n] for n in index.postings.get(head, ())}
        among = with_head.__contains__
    # A military specialty only by a word mostly military titles hold, as for the closest title: O*NET
    # names them by words civilians' titles use too ("Strategy Director" is no military command officer).
    military = any(index.mostly_military(word) for word in others)
    codes = Counter(
        index.title_codes[n]
        for n in titles
        if among(index.title_codes[n]) and (military or index.title_codes[n][:2] != MILITARY)
    )
    if not codes:
        return None
    code, count = min(codes.items(), key=lambda item: (-item[1], item[0]))
    # Fewer titles than FIELD_MIN_TITLES name a field only when they are most of all the titles holding the
    # words, not merely of those of the head's occupations: a rare word ("fryer", "swahili") is the one job
    # its title or two do, a word of several jobs ("managing": a broker's, an editor's) none of them.
    if codes.total() < FIELD_MIN_TITLES and (not few_titles or count * 2 <= len(titles)):
        return None
    if count * 2 <= codes.total() or count * FIELD_MIN_SHARE <= len(titles):
        return None
    return occupation_at(code, f"{' '.join(others)} {head}", index)


def _run_field_occupation(words: list[str], run: str, index: TitleIndex) -> Occupation | None:
    """Of the occupations with an index title holding every word of an ambiguous run, the one most index
    titles holding any of the title's other words belong to, when they are at least FIELD_MIN_TITLES and
    more than half of them belong to it ("Social Worker, Family Centre": child and family social workers,
    whose titles say "family"; the index's pick for a bare "Social Worker" is a healthcare one), or None.

    Unlike a lone head's field (``field_occupation``) a title need only hold one of the other words, and
    no share of all titles holding them is asked: the run's words already narrow the occupations to a few
    that do the job, so a word's other senses elsewhere in O*NET do not count.
    """
    named = run.split()
    others = [w for w in other_words(words, named[-1], index) if w not in named]
    if not others:
        return None
    with_run = {index.title_codes[n] for n in set.intersection(*(set(index.postings[w]) for w in named))}
    titles = set().union(*(index.postings[w] for w in others))
    codes = Counter(index.title_codes[n] for n in titles if index.title_codes[n] in with_run)
    if codes.total() < FIELD_MIN_TITLES:
        return None
    code, count = min(codes.items(), key=lambda item: (-item[1], item[0]))
    return occupation_at(code, f"{' '.join(others)} {run}", index) if count * 2 > codes.total() else None
