"""Benchmark ``extract report`` on a million postings: wall seconds and peak RSS, all postings and one week.

Generates a database straight into the tables (schema from ``store.open_db``, so every migration and index
applies), then builds the report exactly as ``extract report`` does (``open_db``, ``build_report``, then the
Markdown renderer, its default output), once on every posting and once on one ISO week, each in a fresh
process so that each peak RSS is that report's own. Generation runs in a child process too; its time is
printed apart and is not part of the measured figures.

The generated postings use the project's own vocabularies: functions and roles (``extract/data/roles.jsonl``),
seniority and AI levels, the skills taxonomy (``extract/data/skills.jsonl``, also loaded into ``skills`` as
``extract run`` does), employers, boards, industries and sources (``crawler/data/sources.csv``). They spread
over 52 weekly crawls; they ask for ~8 skills each with a skewed popularity (AI postings add AI skills);
~15% disclose annualized pay (mostly USD; some hourly or monthly; a few name no currency), ~4% of the others
carry an estimate only (never disclosed), ~6% duplicate an earlier posting, and postings a later crawl no longer
listed are closed. Descriptions are ~2,000 characters, like the demo market's: the report reads whole posting
rows, so their size matters. A seeded RNG makes the database the same on every run.

The database is freshly written and this machine's RAM holds it, so the report times are warm-cache times.

    python -m benchmarks.report                             # 1,000,000 postings
    python -m benchmarks.report --postings 100000 --db /tmp/bench.db
    python -m benchmarks.report --db /tmp/bench.db --reuse  # report again on a kept database
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import csv
import io
import json
import multiprocessing
import os
import pstats
import random
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from extract import EXTRACTOR_VERSION
from extract.model import AI_LEVELS, SENIORITY_LEVELS
from extract.roles import roles
from report.build import build_report
from report.render import to_markdown
from store import open_db
from store.postings import replace_skills_taxonomy, set_meta

TARGET_SECONDS = 60
TARGET_RSS_MB = 1024
SOURCES_CSV = Path(__file__).resolve().parent.parent / "crawler" / "data" / "sources.csv"

# The generated year: 52 weekly crawls ending on the Sunday of ISO week 2026-W47.
LAST_WEEK = "2026-W47"
LAST_DAY = date.fromisocalendar(2026, 47, 7)
WEEKS = 52
FIRST_DAY = LAST_DAY - timedelta(days=7 * WEEKS - 1)

CHUNK = 20_000  # postings per transaction: bounded memory, and a WAL that checkpoints as it goes
DISCLOSED_SHARE = 0.15
ESTIMATED_SHARE = 0.04  # a board's estimate on a posting that states no pay: never counted as disclosed
DUPLICATE_SHARE = 0.06
DUPLICATE_REACH = 2_000  # a duplicate points at one of the postings generated shortly before it
UNDATED_SHARE = 0.04  # no posted date: the report falls back to the date first seen
NO_FUNCTION_SHARE = 0.01
NO_ROLE_SHARE = 0.04  # includes the postings without a function
NO_SENIORITY_SHARE = 0.05
LLM_FOCUSED_SHARE = 0.4  # of the postings requiring AI skills
PREFERRED_SKILL_SHARE = 0.25
SKILLS_PER_POSTING = (5, 11)  # inclusive bounds, ~8 on average
AI_SKILLS_PER_AI_POSTING = (1, 3)
MEAN_DAYS_LISTED = 35
DESCRIPTION_CHARS = (1_400, 2_200)  # filler around the skill lists: ~2,050 characters in all, as the demo's
REPEATED_SKILL_SHARE = 0.02  # skills named twice (the demo market: 1.4% of skill rows repeat a skill)

# Skewed like real demand: the demo market's headline skills first, the rest of the taxonomy in a seeded
# order, weight 1 / (rank + SKILL_RANK_OFFSET): the top skill lands in ~30% of postings, the tail is long.
HEADLINE_SKILLS = ("Python", "SQL", "LLMs", "Kubernetes", "Excel", "Terraform", "Design systems", "AWS",
                   "Docker")  # fmt: skip
SKILL_RANK_OFFSET = 4
# Relative weight of a function's postings (1.5 for the others), shared equally by its roles.
FUNCTION_WEIGHTS = {
    "engineering": 30, "data-and-analytics": 8, "sales": 9, "marketing": 6, "product-management": 4,
    "design": 3, "customer-success": 4, "operations": 5, "finance": 3, "healthcare": 4, "security": 2,
    "information-technology": 3,
}  # fmt: skip
OTHER_FUNCTION_WEIGHT = 1.5
SENIORITY_WEIGHTS = {
    "intern": 3, "entry": 17, "mid": 32, "senior": 28, "staff": 7, "manager": 7, "director": 4, "executive": 2,
}  # fmt: skip
AI_WEIGHTS = {"required": 8, "preferred": 12, "none": 80}
# Median annual base pay in USD per seniority, times a function's factor, times AI_PAY on the AI side.
USD_PAY = {
    "intern": 52_000, "entry": 92_000, "mid": 128_000, "senior": 168_000, "staff": 214_000,
    "manager": 172_000, "director": 215_000, "executive": 270_000,
}  # fmt: skip
FUNCTION_PAY = {"engineering": 1.15, "data-and-analytics": 1.05, "product-management": 1.1, "security": 1.1}
OTHER_FUNCTION_PAY = 0.85
AI_PAY = 1.12
PAY_SPREAD = 0.18  # sigma of the log-normal noise around a cell's median
# (currency, weight, local units per USD); None: the posting states pay but names no currency.
CURRENCIES = (("USD", 77, 1.0), ("EUR", 10, 0.72), ("GBP", 8, 0.62), ("CAD", 4, 1.05), (None, 1, 1.0))
# (period, weight, periods per year, rounding step of the stated amount)
PERIODS = (("year", 86, 1, 1000.0), ("hour", 11, 2080, 0.5), ("month", 3, 12, 100.0))
PAY_RANGE = ((0.82, 0.95), (1.05, 1.18))  # where a stated range's ends fall around the pay, as fractions
OTE_SHARE = 0.3  # of disclosed sales postings
LOCATIONS = (
    "New York, NY", "San Francisco, CA", "Austin, TX", "Seattle, WA", "Chicago, IL", "Boston, MA", "Remote",
    "London, UK", "Berlin, Germany", "Amsterdam, Netherlands", "Toronto, Canada", "Dublin, Ireland",
)  # fmt: skip
REMOTE = (("remote", 25), ("hybrid", 30), ("onsite", 35), (None, 10))
TITLE_PREFIX = {
    "intern": "Intern, ", "entry": "Junior ", "senior": "Senior ", "staff": "Staff ", "director": "Director, ",
    "executive": "VP, ",
}  # fmt: skip
FILLER = (
    "We are growing the team that builds the products our customers rely on every day. You will work with "
    "engineers, designers and analysts to plan, ship and measure new features, own problems end to end and "
    "help the people around you do their best work. We value clear writing, careful reviews and steady "
    "delivery over heroics. Our offices are hybrid and the team spans several time zones. Benefits include "
    "health, dental and vision cover, a learning budget, parental leave and a retirement plan with a company "
    "match. We welcome applicants of every background and read every application. "
) * 8

# Where the filler's sentences start, in its first half (the second half leaves room for any size).
FILLER_SENTENCES = [0] + [i + 2 for i in range(len(FILLER) // 2) if FILLER.startswith(". ", i)]

POSTING_COLUMNS = (
    "id", "source", "source_id", "board", "company", "title", "url", "location", "remote", "employment_type",
    "department", "posted", "first_seen", "last_seen", "description", "function", "role", "seniority",
    "industry", "ai", "llm_focused", "salary_min", "salary_max", "salary_currency", "salary_period",
    "salary_annual_min", "salary_annual_max", "salary_kind", "salary_source", "salary_estimated",
    "content_hash", "extractor_version", "closed_at", "duplicate_of", "duplicate_reason",
)  # fmt: skip
SKILL_COLUMNS = ("posting_id", "skill", "preferred", "surface", "start", '"end"', "section")
NO_SALARY = (None, None, None, None, None, None, None, None, 0)
_COLUMN = {name: i for i, name in enumerate(POSTING_COLUMNS)}

T = TypeVar("T")


# --- vocabulary ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Weighted:
    """Values drawn with fixed weights (bisecting cumulative weights, as ``random.choices`` does)."""

    values: tuple[Any, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, pairs: Sequence[tuple[Any, float]]) -> Weighted:
        total, cumulative = 0.0, []
        for _, weight in pairs:
            total += weight
            cumulative.append(total)
        return cls(tuple(value for value, _ in pairs), tuple(cumulative))

    def draw(self, rng: random.Random) -> Any:
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True, slots=True)
class Employer:
    source: str
    board: str
    company: str
    industry: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What generated postings are made of: the project's own vocabularies and taxonomy."""

    employers: tuple[Employer, ...]
    roles: Weighted  # (role, function)
    seniority: Weighted
    ai: Weighted
    skills: Weighted
    ai_skills: Weighted
    currencies: Weighted  # (currency, local units per USD)
    periods: Weighted  # (period, periods per year, rounding step)
    remote: Weighted
    taxonomy: list[dict[str, Any]]  # rows of the skills table, as extract run loads them
    taxonomy_version: str


def skill_weights(names: Sequence[str], seed: int) -> dict[str, float]:
    """Popularity of each skill: headline skills first, the others in a seeded order, 1 / (rank + offset)."""
    ranked = [name for name in HEADLINE_SKILLS if name in names]
    rest = sorted(set(names) - set(ranked))
    random.Random(seed).shuffle(rest)
    return {name: 1 / (rank + SKILL_RANK_OFFSET) for rank, name in enumerate(ranked + rest)}


def role_weights() -> list[tuple[tuple[str, str], float]]:
    """((role, function), weight) for every role: a function's weight shared equally by its roles."""
    role_function = roles()
    per_function: dict[str, int] = {}
    for function in role_function.values():
        per_function[function] = per_function.get(function, 0) + 1
    return [
        ((role, function), FUNCTION_WEIGHTS.get(function, OTHER_FUNCTION_WEIGHT) / per_function[function])
        for role, function in role_function.items()
    ]


def load_employers(path: Path = SOURCES_CSV) -> tuple[Employer, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Employer(r["ats"], r["board"], r["company"], r["industry"]) for r in csv.DictReader(handle)
        )


def load_vocabulary(seed: int) -> Vocabulary:
    # Imported here: the taxonomy loader needs spaCy, which the report processes never load.
    from extract.skills import TAXONOMY_VERSION, load_taxonomy

    taxonomy = list(load_taxonomy().skills.values())
    weight = skill_weights([skill.name for skill in taxonomy], seed)
    return Vocabulary(
        employers=load_employers(),
        roles=Weighted.of(role_weights()),
        seniority=Weighted.of([(level, SENIORITY_WEIGHTS[level]) for level in SENIORITY_LEVELS]),
        ai=Weighted.of([(level, AI_WEIGHTS[level]) for level in AI_LEVELS]),
        skills=Weighted.of([(skill.name, weight[skill.name]) for skill in taxonomy]),
        ai_skills=Weighted.of([(skill.name, weight[skill.name]) for skill in taxonomy if skill.ai]),
        currencies=Weighted.of([((code, rate), w) for code, w, rate in CURRENCIES]),
        periods=Weighted.of([((period, per_year, step), w) for period, w, per_year, step in PERIODS]),
        remote=Weighted.of(REMOTE),
        taxonomy=[
            {"name": s.name, "category": s.category, "ai": s.ai, "groups": json.dumps(list(s.groups))}
            for s in taxonomy
        ],
        taxonomy_version=TAXONOMY_VERSION,
    )


# --- one posting --------------------------------------------------------------------------------------------


def _stamp(rng: random.Random, day: date) -> str:
    """A crawl time on ``day``, as the crawler stores it."""
    return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z"


def posting_dates(rng: random.Random) -> tuple[str | None, str, str, str | None]:
    """(posted, first_seen, last_seen, closed_at) of a posting listed for a while during the year."""
    day = FIRST_DAY + timedelta(days=rng.randrange(WEEKS * 7))
    seen = min(day + timedelta(days=rng.randrange(4)), LAST_DAY)
    last = seen + timedelta(days=min(int(rng.expovariate(1 / MEAN_DAYS_LISTED)), (LAST_DAY - seen).days))
    # The weekly crawl after a posting's last sighting closes it; one listed in the last week is still open.
    closed = _stamp(rng, last + timedelta(days=7)) if (LAST_DAY - last).days >= 7 else None
    posted = None if rng.random() < UNDATED_SHARE else day.isoformat()
    return posted, _stamp(rng, seen), _stamp(rng, last), closed


def salary_columns(
    rng: random.Random, vocab: Vocabulary, source: str, function: str | None, seniority: str | None, ai: str
) -> tuple[Any, ...]:
    """(min, max, currency, period, annual min, annual max, kind, source, estimated) of a posting's pay."""
    draw = rng.random()
    estimated = DISCLOSED_SHARE <= draw < DISCLOSED_SHARE + ESTIMATED_SHARE * (1 - DISCLOSED_SHARE)
    if draw >= DISCLOSED_SHARE and not estimated:
        return NO_SALARY
    currency, per_usd = vocab.currencies.draw(rng)
    period, per_year, step = vocab.periods.draw(rng)
    pay = (
        USD_PAY[seniority or "mid"]
        * FUNCTION_PAY.get(function or "", OTHER_FUNCTION_PAY)
        * (AI_PAY if ai != "none" else 1.0)
        * per_usd
        * rng.lognormvariate(0, PAY_SPREAD)
    )
    low = round(pay * rng.uniform(*PAY_RANGE[0]) / per_year / step) * step
    high = round(pay * rng.uniform(*PAY_RANGE[1]) / per_year / step) * step
    kind = "ote" if function == "sales" and rng.random() < OTE_SHARE else "base"
    where = "board.estimate" if estimated else ("text" if rng.random() < 0.5 else f"{source}.pay")
    return low, high, currency, period, low * per_year, high * per_year, kind, where, int(estimated)


def skill_picks(rng: random.Random, vocab: Vocabulary, ai: str) -> list[tuple[str, bool]]:
    """(skill, preferred) asked by a posting: distinct, skewed to popular skills, AI skills for AI postings."""
    picked: dict[str, None] = {}
    if ai != "none":
        for _ in range(rng.randint(*AI_SKILLS_PER_AI_POSTING)):
            picked[vocab.ai_skills.draw(rng)] = None
    wanted = rng.randint(*SKILLS_PER_POSTING)
    while len(picked) < wanted:
        picked[vocab.skills.draw(rng)] = None
    return [(name, rng.random() < PREFERRED_SKILL_SHARE) for name in picked]


def _filler(rng: random.Random, size: int) -> str:
    """About ``size`` characters of whole filler sentences."""
    start = FILLER_SENTENCES[rng.randrange(len(FILLER_SENTENCES))]
    return FILLER[start : FILLER.index(". ", start + size) + 1]


def description_and_skills(
    rng: random.Random, posting_id: int, title: str, company: str, picks: list[tuple[str, bool]]
) -> tuple[str, list[tuple[Any, ...]]]:
    """The description and its skill rows: one per mention, with offsets into the text.

    Skills are listed under requirements or nice-to-have; a few are also named under responsibilities, a
    second row for the same skill, as the extractor writes one row per mention.
    """
    size = rng.randint(*DESCRIPTION_CHARS)
    intro, outro = _filler(rng, size * 2 // 3), _filler(rng, size // 3)
    repeated = [(name, preferred) for name, preferred in picks if rng.random() < REPEATED_SKILL_SHARE]
    lists = (
        ("\nResponsibilities:\n- Build and run our services with ", "responsibilities", repeated),
        ("\nRequirements:\n- ", "requirements", [(n, p) for n, p in picks if not p]),
        ("\nNice to have:\n- ", "preferred", [(n, p) for n, p in picks if p]),
    )
    parts = [f"{title} at {company}\n\n{intro}\n"]
    length, rows = len(parts[0]), []
    for lead, section, named in lists:
        for i, (name, preferred) in enumerate(named):
            before = (
                lead if i == 0 else lead[lead.rindex("\n") :]
            )  # the heading once, then one bullet per skill
            rows.append(
                (
                    posting_id,
                    name,
                    int(preferred),
                    name,
                    length + len(before),
                    length + len(before) + len(name),
                    section,
                )
            )
            parts.append(f"{before}{name}.")
            length += len(before) + len(name) + 1
    parts.append(f"\n\n{outro}")
    return "".join(parts), rows


def make_posting(
    rng: random.Random, vocab: Vocabulary, posting_id: int
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """One posting row (in ``POSTING_COLUMNS`` order) and its skill rows."""
    employer = vocab.employers[rng.randrange(len(vocab.employers))]
    role, function = vocab.roles.draw(rng)
    unknown = rng.random()
    if unknown < NO_ROLE_SHARE:
        role = None
        function = None if unknown < NO_FUNCTION_SHARE else function
    seniority = None if rng.random() < NO_SENIORITY_SHARE else vocab.seniority.draw(rng)
    ai = vocab.ai.draw(rng)
    llm_focused = int(ai == "required" and rng.random() < LLM_FOCUSED_SHARE)
    posted, first_seen, last_seen, closed_at = posting_dates(rng)
    salary = salary_columns(rng, vocab, employer.source, function, seniority, ai)
    name = role or f"{(function or 'general').replace('-', ' ')} specialist"
    title = f"{TITLE_PREFIX.get(seniority or '', '')}{name.title()}"
    description, skills = description_and_skills(
        rng, posting_id, title, employer.company, skill_picks(rng, vocab, ai)
    )
    duplicate_of = duplicate_reason = None
    if posting_id > 1 and rng.random() < DUPLICATE_SHARE:
        duplicate_of = max(1, posting_id - rng.randint(1, DUPLICATE_REACH))
        duplicate_reason = "same employer" if rng.random() < 0.8 else "agency repost"
    row = (
        posting_id, employer.source, str(posting_id), employer.board, employer.company, title,
        f"https://jobs.example.com/{employer.source}/{employer.board}/{posting_id}",
        LOCATIONS[rng.randrange(len(LOCATIONS))], vocab.remote.draw(rng),
        "internship" if seniority == "intern" else "full-time",
        function.replace("-", " ").title() if function else None,
        posted, first_seen, last_seen, description, function, role, seniority, employer.industry, ai,
        llm_focused, *salary, f"{rng.getrandbits(64):016x}", EXTRACTOR_VERSION, closed_at, duplicate_of,
        duplicate_reason,
    )  # fmt: skip
    return row, skills


# --- the database -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Generated:
    """What was generated: the counts a report on every posting must find."""

    postings: int = 0
    jobs: int = 0  # postings that duplicate no other: the report's n
    disclosed: int = 0  # jobs stating pay that is not an estimate
    estimated: int = 0  # jobs with an estimate only
    closed: int = 0
    skill_rows: int = 0
    seconds: float = 0.0

    def add(self, row: tuple[Any, ...], skill_rows: int) -> None:
        self.postings += 1
        self.skill_rows += skill_rows
        self.closed += row[_COLUMN["closed_at"]] is not None
        if row[_COLUMN["duplicate_of"]] is not None:
            return
        self.jobs += 1
        estimated = row[_COLUMN["salary_estimated"]]
        self.estimated += estimated
        self.disclosed += row[_COLUMN["salary_annual_min"]] is not None and not estimated


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _tune_for_bulk_load(db: sqlite_utils.Database) -> None:
    # For this connection only: a benchmark file needs no fsync, and 1,200 skills are 1,200 insertion points
    # in the (skill, posting_id) index, whose pages must stay cached for inserts to stay fast.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")  # 256 MB


def generate(db_path: str, postings: int, seed: int = 0) -> Generated:
    """Create the database at ``db_path`` through ``open_db`` and fill it with ``postings`` postings."""
    started = time.perf_counter()
    vocab = load_vocabulary(seed)
    db = open_db(db_path)
    _tune_for_bulk_load(db)
    replace_skills_taxonomy(db, vocab.taxonomy)
    set_meta(db, {"taxonomy_version": vocab.taxonomy_version, "extractor_version": EXTRACTOR_VERSION})
    rng = random.Random(seed)
    generated = Generated()
    posting_sql, skill_sql = (
        _insert_sql("postings", POSTING_COLUMNS),
        _insert_sql("posting_skills", SKILL_COLUMNS),
    )
    for first in range(1, postings + 1, CHUNK):
        rows, skills = [], []
        for posting_id in range(first, min(first + CHUNK, postings + 1)):
            row, posting_skills = make_posting(rng, vocab, posting_id)
            rows.append(row)
            skills.extend(posting_skills)
            generated.add(row, len(posting_skills))
        with db.conn:
            db.conn.executemany(posting_sql, rows)
            db.conn.executemany(skill_sql, skills)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the report starts from a plain database file
    db.close()
    generated.seconds = time.perf_counter() - started
    return generated


# --- the report ---------------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True, slots=True)
class Measured:
    """One ``extract report`` run: its seconds (building the figures, rendering Markdown) and peak RSS."""

    build_seconds: float
    render_seconds: float
    rss_before_mb: float  # the process with its imports, before the report
    peak_rss_mb: float
    figures: dict[str, Any]
    markdown: str
    profile: str = ""

    @property
    def seconds(self) -> float:
        return self.build_seconds + self.render_seconds


def measure_report(db_path: str, *, week: str | None = None, profile: bool = False) -> Measured:
    """Run ``extract report`` (Markdown, default options) on ``db_path`` as the command does, timed."""
    rss_before = peak_rss_mb()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    db = open_db(db_path)
    figures = build_report(db, week=week)
    built = time.perf_counter()
    markdown = to_markdown(figures)
    finished = time.perf_counter()
    if profiler:
        profiler.disable()
    db.close()
    return Measured(
        built - started, finished - built, rss_before, peak_rss_mb(), figures, markdown, _top_calls(profiler)
    )


def _top_calls(profiler: cProfile.Profile | None, limit: int = 25) -> str:
    if profiler is None:
        return ""
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(limit)
    return out.getvalue()


def in_child(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``function`` in a fresh spawned process, so its peak RSS is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args, **kwargs).result()


def verdict(measured: Measured) -> str:
    met = measured.seconds < TARGET_SECONDS and measured.peak_rss_mb < TARGET_RSS_MB
    return "target met" if met else "TARGET NOT MET"


def report_line(label: str, measured: Measured) -> str:
    jobs = measured.figures["methodology"]["postings"]
    return (
        f"{label} ({jobs:,} postings in scope): {measured.seconds:.1f}s (build {measured.build_seconds:.1f}s, "
        f"Markdown {measured.render_seconds:.2f}s), peak RSS {measured.peak_rss_mb:.0f} MB "
        f"(imports {measured.rss_before_mb:.0f} MB): {verdict(measured)}"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, default=1_000_000, help="postings to generate")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated database")
    parser.add_argument("--week", default=LAST_WEEK, help="the ISO week of the one-week report")
    parser.add_argument("--db", help="keep the benchmark database here (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="report on the database at --db, no generation")
    parser.add_argument(
        "--profile", action="store_true", help="print where the all-postings report spends time"
    )
    args = parser.parse_args(argv)
    if args.reuse and not (args.db and Path(args.db).exists()):
        parser.error("--reuse needs --db naming an existing database")
    if args.db and not args.reuse and Path(args.db).exists():
        parser.error(f"{args.db} exists: remove it, or pass --reuse to report on it")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or str(Path(tmp) / "bench.db")
        if not args.reuse:
            generated = in_child(generate, db_path, args.postings, args.seed)
            print(
                f"generated {generated.postings:,} postings ({generated.jobs:,} not duplicates, "
                f"{generated.disclosed:,} disclosing pay, {generated.closed:,} closed, {generated.skill_rows:,} "
                f"skill rows) in {generated.seconds:.1f}s, not measured; database "
                f"{Path(db_path).stat().st_size / 2**30:.2f} GB"
            )
        print(f"machine: {os.cpu_count()} cores; each report in its own process, one thread")
        print(f"targets: < {TARGET_SECONDS} s and < {TARGET_RSS_MB:,} MB peak RSS per report")
        everything = in_child(measure_report, db_path, profile=args.profile)
        print(report_line("extract report, all postings", everything))
        week = in_child(measure_report, db_path, week=args.week)
        print(report_line(f"extract report --week {args.week}", week))
        if everything.profile:
            print(everything.profile)


if __name__ == "__main__":
    main()
