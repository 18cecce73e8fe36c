"""Occupation coding: a job title → an O*NET-SOC occupation (code and title).

The index (``extract/data/onet_titles.tsv``) maps normalized titles to O*NET-SOC codes: every O*NET 27.0
occupation title, its alternate titles (also without a bracketed short form: "Medical Laboratory
Technician (MLT)") and its sample of reported titles, and the titles postings use that O*NET lists under
another occupation or not at all ("Kitchen Porter", ``posting_titles.tsv``).
``benchmarks/build_onet_titles.py`` builds it, and says how the matcher is measured on indexes built
without the titles it is scored on. O*NET 27.0 Database, USDOL/ETA, CC BY 4.0.

Real titles carry more than the occupation: "Staff Nurse (Nights) - Band 5 - Leeds", "CDL-A OTR Truck
Driver $1,500/wk", "Chef de Partie, award-winning hotel". Both the index and a posting's title are
normalized the same way (``extract.job_titles``: lower-case words, abbreviations expanded, shift, contract
and grade words dropped, plurals singular, a head written before "of" moved last: "Director of Nursing" is
a nursing director; the word lists are data: ``extract/data/title_words.json``; what follows "for", "with",
"at" or "in" is dropped as a qualifier unless only it names the job: "Clean in Places Operator"). A run of
words O*NET writes with a noise word naming the work ("Night Auditor", "Benefits Analyst") is read whole
with the word kept, and wins over a match resting on fewer words (``extract.occupation_index``). A "Team
Leader" of a crew SOC gives first-line supervisors is read as its supervisor ("Warehouse Team Leader"). Then:

1. the longest run of consecutive title words that is a title in the index names the occupation (on a
   tie the later run wins: an English job title ends in its head noun, "Nurse" in "Theatre Nurse"); a
   generic run ("Service Technician", which O*NET lists under thirty occupations) names none, and only the
   title's other words can make it specific (step 2, when the closer title adds less than they say); a run
   O*NET lists under several occupations ("Social Worker", "Machine Operator"; the index's third column),
   or only under a worker's residual occupation ("Service Worker": production workers, all other), names
   the index's pick unless the title's other words refine it the same way or name the field of one of them
   ("Social Worker (Family Court)": the one most titles saying "family" or "court" belong to; "Food Service
   Worker": food servers);
2. when that run is one word or none, the index title holding the head noun (the last word that names
   jobs: it ends at least one in ten of the index titles holding it, as "Practitioner" does and "Team"
   does not; else the last word the index knows) and the most informative other title words: of the index
   titles sharing the most, the occupation most of them belong to, and its title with the fewest words the
   title lacks (a word naming a part of an organisation, ``units`` in the data, is no evidence: a "Unit
   Manager" is not a business unit manager, nor a "Centre Manager" a data center's; a military
   specialty's title is a candidate only by a word mostly military titles hold, and loses to a civilian's as
   close: a "Housing Support Officer" is no "Intelligence Support Officer");
3. (``extract.occupation_fields``) a head that no index title pairs with the title's other words (a
   generic one, "Associate", "Specialist": ``generic_titles`` in the data, or any other, even one the index
   knows alone: "Prison Captain" is no ship's captain) takes the occupation those words name: of the
   occupations that have a title with the head, the one most index titles holding the words belong to,
   when it holds most of them and a fair share of all titles holding the words, or, when they are a title
   or two, most of all titles holding the words ("Kennel Associate": animal caretakers; "Fryer Operator":
   food cooking machine operators; "Lock Technician": locksmiths, though most "lock" titles are canal lock
   tenders', none a technician's; a military specialty only by a word mostly military titles hold, as in
   step 2: a "Strategy Director" is no command and control officer);
   else, for a generic head, of the occupations in its broad occupation's SOC major group ("Budget
   Officer"), or, when the head names no kind of work ("Technician", "Coordinator": O*NET uses them in
   every group; a British grade of staff, "Underwriting Executive"), in any group, though never a manager,
   a military specialty or a job needing far less preparation ("Payroll Technician": payroll clerks;
   "Civil Engineering Assistant": a technologist);
   a title still vague takes the one occupation with a title holding the head (a generic head's: in its
   major group, not a manager) whose O*NET description holds its other words, words few descriptions use
   ("Cake Decorator": bakers, whose description says "cakes"; ``onet_occupations.tsv`` carries them);
   a head a title writes after a field that no index title pairs with the field is read as another head
   when the words then name an occupation ("Transport Controller": transportation managers; "Financial
   Modeler": financial analysts; ``field_heads`` in the data: ``_field_head_read_as``, here), and so is a
   run of words heading one ("Tax Development Manager": a tax manager, no training manager), and a generic
   head whose own group names no field ("Legal Associate": a paralegal, no retail salesperson);
4. a match on one generic word alone ("Manager", "Associate") is vague and gets the broad occupation for
   that word; the description's own introduction ("As a Forklift Operator you…") is tried, and wins when
   it names something specific; when neither says, the employer's industry names what a vague manager or
   supervisor manages (``generic_by_industry``: a "Deputy Manager" at a hospital is a medical and health
   services manager, a "Supervisor" at a hotel a food service supervisor).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from extract.job_titles import (
    intro_titles,
    normalize_title,
    title_segments,
    title_vocabulary,
    title_words,
    without_supported,
)
from extract.occupation_fields import (
    described_occupation,
    field_occupation,
    head_alone,
    other_words,
    supervises,
    unpaired_field,
)
from extract.occupation_index import (
    DATA_DIR,
    INDEX_FILE,
    MANAGEMENT,
    MILITARY,
    Occupation,
    TitleIndex,
    occupation_at,
    title_index,
    tsv_rows,
)

POSTING_TITLES_FILE = DATA_DIR / "posting_titles.tsv"

MAX_RUN = 7  # no index title is longer than this many normalized words that matter
# A run of title words O*NET lists under this many SOC occupations or more ("Machine Operator", "Social
# Worker") is refined by the title's other words, as a generic run is: the index's pick among them is a
# tie-break, and "Social Worker - Fostering and Adoption" says which (a child and family one). On the titles
# the index has never seen, 4 gains 19 on the tuning half and 14 on the held-out one; 2 and 3 gain as much
# or a little more (+32/+15, +25/+14) but a closer title may drop a word of the run, and "Talent Development
# Manager" (a run three occupations list) became a talent agent, "Organisational Development Manager" a
# continuity planner.
AMBIGUOUS_RUN = 4
# "Instructor for Speech Communication", "Dishwasher for our busy kitchen": the job is named before it;
# not after a teaching head that names its field so ("Lecturer in Nursing": ``in_head_last_order``).
_QUALIFIER = r"\s(?:for|with|at)\s.*$|{teaching}\sin\s.*$"


def _runs(words: list[str], shortest: int = 1) -> Iterator[str]:
    """The runs of consecutive title words, longest first and, of one length, the later first (an English
    title ends in its head noun)."""
    for length in range(min(len(words), MAX_RUN), shortest - 1, -1):
        for start in range(len(words) - length, -1, -1):
            yield " ".join(words[start : start + length])


def _longest_run(words: list[str], index: TitleIndex) -> str | None:
    """The longest run of title words that is an index title, or a generic title of several words ("Team
    Lead", which O*NET does not list but postings write as often as "Team Leader")."""
    generic = title_vocabulary().generic
    return next((key for key in _runs(words) if key in index.codes or (" " in key and key in generic)), None)


def _head(words: list[str], index: TitleIndex) -> str | None:
    """The title's head noun: its last word that names jobs (places, employers and specialties come after
    it: "Theatre Practitioner Endoscopy", "Senior Practitioner, Safeguarding Team")."""
    return next((w for w in reversed(words) if w in index.head_nouns), None)


def _last_known(words: list[str], index: TitleIndex) -> str | None:
    """A title without a head noun: its last word the index knows."""
    return next((w for w in reversed(words) if w in index.postings), None)


def _closest_title(
    words: list[str], head: str, index: TitleIndex, known: frozenset[str] = frozenset()
) -> str | None:
    """The index title with the head word that shares the most information with the title.

    Titles are scored by the IDF of the words they share with the posting's title. Among those sharing the
    most, those adding no word of their own win (the title in another order, Polish "Analityk Biznesowy",
    or without its qualifiers); of the rest, the SOC occupation most of them belong to ("Care Assistant":
    the occupation most titles holding both words name, not the one whose title happens to add the least),
    then the title adding the least IDF (fewer words is closer); a full tie goes to the first in the
    index's (alphabetical) order, so the answer never depends on the order of a set. Only titles sharing a
    word besides the head, the words that name a part of an organisation and the ``known`` words (a generic
    run's: in "Computer Field Service Technician" only "Computer" can make the title more specific), are
    candidates.
    """
    others = set(other_words(words, head, index, known))
    if not others:
        return None
    with_head = set(index.postings.get(head, ()))  # a generic title no index title holds ("colleague")
    candidates = {n for w in others for n in index.postings[w] if n in with_head}
    wanted = set(words)
    scored = []  # (information shared, information added, index title number)
    for number in sorted(candidates):
        title = set(index.keys[number])
        scored.append((_information(title & wanted, index), _information(title - wanted, index), number))
    # A military specialty only for a word mostly military titles hold ("Infantry", "Artillery"), and only
    # when no civilian title shares as much: O*NET names them by technical words a civilian's title uses too
    # ("Housing Support Officer" is no "Intelligence Support Officer", a "Strategic Creative Officer" no
    # "Strategic Intelligence Officer").
    scored = [
        s
        for s in scored
        if index.title_codes[s[2]][:2] != MILITARY or _names_military(s[2], head, wanted, index)
    ]
    civilian = [s for s in scored if index.title_codes[s[2]][:2] != MILITARY]
    if civilian and max(s[0] for s in civilian) >= max(s[0] for s in scored):
        scored = civilian
    if not scored:
        return None
    most = max(shared for shared, _, _ in scored)
    closest = [(added, number) for shared, added, number in scored if shared == most]
    # A title holding none but the posting title's words is that title less its qualifiers or in another
    # order ("Analityk Biznesowy"): it wins over titles that add words of their own.
    closest = [(added, number) for added, number in closest if added == 0] or closest
    # One vote a title ("Cook, Fast Food" and "Fast Food Cook" are one title in two orders) for its SOC
    # occupation (O*NET's specialties of registered nurses vote as registered nurses).
    titles = {(index.title_codes[number][:7], frozenset(index.keys[number])) for _, number in closest}
    votes = Counter(soc for soc, _ in titles)
    _, _, best = min((-votes[index.title_codes[number][:7]], added, number) for added, number in closest)
    return " ".join(index.keys[best])


def _names_military(number: int, head: str, words: set[str], index: TitleIndex) -> bool:
    """Does the title share with military index title ``number`` a word (not the head) that mostly military
    titles hold?"""
    return any(index.mostly_military(word) for word in set(index.keys[number]) & words - {head})


def _refines(key: str, words: list[str], generic_run: frozenset[str], index: TitleIndex) -> bool:
    """Does an index title refine a generic run by the title's other words more than it adds of its own?
    "Computer Service Technician" refines "Computer Field Service Technician"; "Residential Pest Control
    Technician" does not refine "Field Service Technician (Residential ESS)"."""
    title = set(key.split())
    return _information(title - set(words), index) <= _information(title & set(words) - generic_run, index)


def _information(words: Iterable[str], index: TitleIndex) -> float:
    """The IDF the words carry together, summed exactly: a plain sum over a set rounds by the set's order,
    which changes with PYTHONHASHSEED, and two closest titles that tie would go one way or the other."""
    return math.fsum(index.idf(w) for w in words)


def _match(words: list[str], index: TitleIndex) -> tuple[Occupation, int] | None:
    """The occupation ``words`` name, with how many of the words the match rests on: by the index's titles,
    and when those leave the title as vague as its head alone, by O*NET's description of the work."""
    found = _title_match(words, index)
    head = _head(words, index)
    if head is None or found is None or not found[0].vague or found[0].matched != head:
        return found
    described = described_occupation(words, head, index)
    return (described, len(set(described.matched.split()))) if described is not None else found


def _title_match(words: list[str], index: TitleIndex) -> tuple[Occupation, int] | None:
    """The occupation the index's titles name for ``words``, with how many of the words the match rests on."""
    whole = " ".join(words)
    if whole in title_vocabulary().generic:
        return occupation_at(title_vocabulary().generic[whole], whole, index, vague=True), len(words)
    run = _longest_run(words, index)
    ambiguous = False
    if run is not None and " " in run and run not in title_vocabulary().generic:
        # A run O*NET lists under several occupations, in a title with words besides it, is refined by them,
        # and so is one naming only a residual worker's occupation ("Service Worker": production workers, all
        # other); not a manager's, whose residual is the home of many a director's title.
        code = index.codes[run]
        residual = code[:2] != MANAGEMENT and index.titles.get(code, "").endswith("All Other")
        listed = index.listed_under.get(run, 1) >= AMBIGUOUS_RUN
        # Only words the index knows refine it: a place, "ASAP" or a pay figure says nothing of which.
        ambiguous = (listed or residual) and {w for w in words if w in index.postings} > set(run.split())
        if not ambiguous:
            return _run_match(words, run, index)
    # One word or none in a row, or a generic or ambiguous run ("Service Technician" in "Computer Field
    # Service Technician", which names no job by itself): a longer index title holding the head and the
    # title's other words is closer; else the title is as vague as its head, or the ambiguous run's.
    # Without a word that names jobs the run's last word heads it ("Human Intelligence": the run O*NET
    # lists under several military occupations, refined by the title's other words).
    head = _head(words, index) or (run.split()[-1] if run else None) or _last_known(words, index)
    if head is None:
        return None
    generic_run = frozenset(run.split()) if run is not None and " " in run else frozenset()
    closest = _closest_title(words, head, index, generic_run)
    if closest is not None and generic_run and not _refines(closest, words, generic_run, index):
        closest = None
    field = unpaired_field(words, head, run, ambiguous, index) if closest is None else None
    generic_head = head in title_vocabulary().generic
    if field is None and closest is None and not generic_head:
        field = _field_head_read_as(words, head, index)
    if field is not None:
        return field, len(set(field.matched.split()))
    key = closest or (run if ambiguous else head if head in index.codes else run)
    if key is not None and key not in title_vocabulary().generic:
        # Only the title's own words count: "Primary Care" matching "primary care physician" rests on two.
        return occupation_at(index.codes[key], key, index), len(set(key.split()) & set(words))
    # Without a closer title or a generic run, unpaired_field has read the head's field already.
    field = field_occupation(words, head, index) if closest is not None or generic_run else None
    if field is not None:
        return field, len(set(field.matched.split()))
    return _generic_head_alone(words, head, index) if generic_head else head_alone(words, head, index)


def _generic_head_alone(words: list[str], head: str, index: TitleIndex) -> tuple[Occupation, int] | None:
    """A title only a generic head names: its field within the head's broad occupation's group ("Travel
    Associate": travel agents, as "Sales Associate" sells), and when none there names it, the head read as
    another (``field_heads``: "Legal Associate": a paralegal, no retail salesperson)."""
    found = head_alone(words, head, index)
    if found is not None and not found[0].vague:
        return found
    field = _field_head_read_as(words, head, index)
    return (field, len(set(field.matched.split()))) if field is not None else found


@cache
def _qualifier() -> re.Pattern[str]:
    teaching = "".join(f"(?<!{head})" for head in sorted(title_vocabulary().teaching_heads))
    return re.compile(_QUALIFIER.format(teaching=teaching), re.IGNORECASE)


def _without_qualifier(title: str, index: TitleIndex) -> str:
    """The title without what qualifies the job after it ("Dishwasher for our busy kitchen"), unless no
    word before names jobs and the whole title names an occupation or a generic head: "Clean in Places
    Operator" operates, "Students with Visual Impairments Teacher" teaches, "Care at Home Team Leader"
    leads."""
    named = _qualifier().sub("", title) or title
    if named == title or any(word in index.head_nouns for word in title_words(named)):
        return named
    whole = _match(title_words(title), index)
    if whole is None:
        return named
    # A generic head is the job, vague as it is, where nothing before the qualifier names one ("Children
    # with Disabilities Team Leader" leads; "Care" alone, read by its last known word, would be a therapist).
    return title if not whole[0].vague or whole[0].matched in title_vocabulary().generic else named


def _without_supported(title: str, index: TitleIndex) -> str:
    """The title without whom the job supports ("Executive Assistant to the CEO": an executive assistant, no
    chief executive), unless that leaves it vague and the whole title names an occupation (O*NET lists
    "Assistant to the President")."""
    text = normalize_title(title)
    kept = without_supported(text)
    if kept == text:
        return title
    alone = _match(index.known(title_words(kept)), index)
    if alone is not None and not alone[0].vague:
        return kept
    whole = _match(index.known(title_words(title)), index)
    return title if whole is not None and not whole[0].vague else kept


@lru_cache(maxsize=65536)  # real boards repeat titles endlessly ("Registered Nurse", "Cashier")
def occupation_from_title(title: str, index_file: Path = INDEX_FILE) -> Occupation | None:
    """The occupation a title names, or None (``index_file``: another index, for measuring).

    Each segment of a title that lists alternatives or places ("Care Assistant / Home Carer - Leeds") is
    matched alone and the most specific match wins (most words as written matched, an abbreviation one; on a
    tie the first segment). A segment without a word that names jobs only qualifies the others
    ("Reservationist (Customer Service)"): a closest title that adds a job to it wins only when no segment
    names a specific job ("Team Leader, Adult Education").
    """
    index = title_index(index_file)
    best: tuple[tuple[bool, bool, int], Occupation] | None = None
    title = _without_qualifier(_without_supported(title, index), index)
    segments = title_segments(title)
    for segment in [*segments, title] if len(segments) > 1 else [title]:
        words = index.known(title_words(segment))
        found: tuple[Occupation, int] | None = None
        supervisor = _as_supervisor(words, index)
        if supervisor is not None:
            words, found = supervisor
        elif words:
            found = _match(words, index)
        phrase = _phrase_match(segment, index)
        if phrase is not None and (found is None or found[0].vague or phrase[1] > found[1]):
            found = phrase
        if found is not None:
            occupation = found[0]
            rank = (
                not occupation.vague,
                _head(words, index) is not None,
                index.rests_on(segment, occupation.matched),
            )
            if best is None or rank > best[0]:
                best = (rank, occupation)
    return best[1] if best else None


def _as_supervisor(words: list[str], index: TitleIndex) -> tuple[list[str], tuple[Occupation, int]] | None:
    """The title's words with a run naming a working supervisor ("team leader", "leader": ``supervising_runs``
    in the data) read as "supervisor", and their match, when other words name a crew that SOC gives first-line
    supervisors and the index lacks the title as written: "Warehouse Team Leader" is a warehouse supervisor,
    first-line supervisors of material movers. Else None: a team of professionals has no such supervisor,
    its leader is one of them ("Team Leader, Adult Education" teaches)."""
    if " ".join(words) in index.codes:
        return None
    for run, exact in title_vocabulary().supervising:
        size = len(run)
        at = next((i for i in range(len(words) - size + 1) if tuple(words[i : i + size]) == run), None)
        if at is not None and len(words) > size:
            crew = [*words[:at], *words[at + size :]]
            supervisor = [*crew, "supervisor"]
            found = _match(supervisor, index)
            # A first-line supervisor's crew is of its SOC major group: a "Social Work Team Leader" leads no
            # "Steel Work Supervisor"'s construction crew (a closer title may name the crew otherwise:
            # "Customer Care Team Leader", a customer service supervisor).
            if found is None or not supervises(found[0].code):
                return None
            # A bare "Leader" only where the index names that crew's supervisor word for word: a "Tech Leader"
            # leads no "Wildlife Technician Supervisor"'s crew.
            if exact and found[0].matched != " ".join(supervisor):
                return None
            # A crew its words name only vaguely says nothing ("Security", "Maintenance").
            workers = _match(crew, index)
            if (
                workers is not None
                and not workers[0].vague
                and workers[0].major_group != found[0].major_group
            ):
                return None
            return supervisor, found
    return None


def _run_match(words: list[str], run: str, index: TitleIndex) -> tuple[Occupation, int]:
    """The occupation an index title the title's words hold in a row names, with the run's length; or, for
    a run written after a field and heading it, the field's head's ("Tax Development Manager": a tax
    manager, no trainer of staff; ``field_heads`` in the data)."""
    field = _field_head_read_as(words, run, index)
    if field is not None:
        return field, len(set(field.matched.split()))
    return occupation_at(index.codes[run], run, index), run.count(" ") + 1


def _field_head_read_as(words: list[str], head: str, index: TitleIndex) -> Occupation | None:
    """A title's head (a word or a run of words) written after a field, that no index title pairs with the
    field, read as another head (``field_heads`` in the data): a British "Transport Controller" runs
    transport (transportation managers), not a company's accounts; a "Financial Modeler" is a financial
    analyst, no plasterer; a "Tax Development Manager" a tax manager. None when the words so read name no
    occupation themselves (in the reading's major group, when the data gives one)."""
    readings, major_group = title_vocabulary().field_heads.get(head, ((), None))
    if not readings:
        return None
    written = head.split()
    size = len(written)
    at = next((i for i in range(len(words) - size, -1, -1) if words[i : i + size] == written), None)
    if at is None or len(words) <= size:
        return None
    for reading in readings:
        read = [*words[:at], *reading.split(), *words[at + size :]]
        found = _match(read, index)
        # Only an occupation the words name themselves: a "Commercial Controller" is no "Commercial Line
        # Manager".
        if found is None or found[0].vague or (major_group is not None and found[0].code[:2] != major_group):
            continue
        # ...and by the field's words too: "Energy Appraiser" naming bare appraisers says nothing of energy.
        matched = set(found[0].matched.split())
        if matched <= set(read) and matched - set(reading.split()):
            return found[0]
    return None


def _phrase_match(title: str, index: TitleIndex) -> tuple[Occupation, int] | None:
    """The longest run of the title's words, with the noise words that name work kept, that the index
    knows as a phrase ("Night Auditor"), with its length: it wins over a match resting on fewer words
    ("Auditor") or a vague one; a phrase the title does not hold whole leaves the word noise."""
    words = title_words(title, naming_work=True)
    if not index.phrases or not title_vocabulary().naming_work & set(words):
        return None
    key = next((key for key in _runs(words, shortest=2) if key in index.phrases), None)
    return (occupation_at(index.phrases[key], key, index), key.count(" ") + 1) if key is not None else None


def occupation_from_text(text: str) -> Occupation | None:
    """The first specific occupation a description's introduction names ("As a Cook you…"), or None."""
    for title in intro_titles(text):
        occupation = occupation_from_title(title)
        if occupation is not None and not occupation.vague:
            return occupation
    return None


def classify_occupation(
    title: str, text: str | None = None, industry: str | None = None
) -> Occupation | None:
    """The posting's occupation: from the title; from the description when the title is vague; and when both
    are, from the employer's industry ("Deputy Manager" at a hospital manages health services)."""
    occupation = occupation_from_title(title)
    if (occupation is None or occupation.vague) and text:
        occupation = occupation_from_text(text) or occupation
    if occupation is not None and occupation.vague and industry:
        return _in_industry(occupation, industry) or occupation
    return occupation


def _in_industry(occupation: Occupation, industry: str) -> Occupation | None:
    """What a vague occupation's generic title means at an employer of ``industry``, or None when the data
    (``generic_by_industry`` in ``title_words.json``) does not say."""
    code = title_vocabulary().by_industry.get(occupation.matched, {}).get(industry)
    return (
        occupation_at(code, f"{occupation.matched} in {industry}", title_index(INDEX_FILE)) if code else None
    )


@cache
def posting_titles() -> dict[str, str]:
    """Titles postings use that O*NET lists under another occupation or not at all ("Kitchen Porter",
    ``posting_titles.tsv``), normalized as index titles are → the O*NET-SOC code of the work. A title headed
    by a noise word that names the work there ("Office Junior": ``noise_naming_work``) keeps the word, and
    so is one of the index's phrases: without it, what is left is a field ("office"), no job."""
    titles = {}
    for title, code, *_ in tsv_rows(POSTING_TITLES_FILE):
        words = title_words(title, naming_work=True)
        key = words if words and words[-1] in title_vocabulary().naming_work else title_words(title)
        titles[" ".join(key)] = code
    return titles


def names_occupation(occupation: Occupation) -> bool:
    """Does the match name its occupation outright: the occupation's own O*NET title ("Air Traffic
    Controller"), or a posting title the table gives it ("Door Supervisor")?"""
    own = " ".join(title_words(occupation.title))
    return occupation.matched == own or posting_titles().get(occupation.matched) == occupation.code


def occupation_title(code: str) -> str | None:
    """The O*NET title of a code, or None when the index does not know it."""
    return title_index(INDEX_FILE).titles.get(code)


def job_zone(code: str) -> int | None:
    """The O*NET Job Zone of a code (1 little or no preparation … 5 extensive), or None."""
    return title_index(INDEX_FILE).zones.get(code)
