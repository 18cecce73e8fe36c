"""A deterministic demo job market with planted truth, served in four vendor formats.

``build_market(seed)`` invents about 1,600 postings at 16 fictitious employers (Greenhouse, Lever, Ashby
and schema.org JSON-LD career pages) from the templates in ``data/``. Every posting carries its truth as a
``PlantedPosting``: role, function, seniority, skills asked for (required and preferred), AI level, stated
salary, work arrangement and date. ``DemoMarket.respond(path, query)`` returns the vendor payload a real
API would, so the spiders can crawl the market and the report can be checked against the truth.

The text is written to be realistic but unambiguous: skills appear only where a posting asks for them
(plus a few technologies the company says it *uses*, listed in ``unasked_skills``), titles and stated
years agree on seniority, and pay is stated once, either in the vendor's salary field or in the text.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import random
import re
import statistics
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlencode
from xml.sax.saxutils import escape as xml_escape

DEFAULT_SEED = 20261124
DEFAULT_POSTINGS = 1960  # 1,600 on the original 16 boards + 360 on the newer vendors and feeds
MARKET_DATE = date(2026, 11, 24)  # postings are dated within the 8 weeks before this day
POSTED_WINDOW_DAYS = 56
DEFAULT_BASE_URL = "http://127.0.0.1"
VENDORS = ("greenhouse", "lever", "ashby", "jsonld", "workable", "smartrecruiters", "recruitee", "personio")
# Public feeds of many employers: no sources-file rows, one implicit board each (HN's is the month).
FEEDS = ("hn", "remotive", "remoteok", "usajobs")
HN_MONTH = MARKET_DATE.strftime("%Y-%m")
HN_STORY_ID = 46_110_000
# Fake credentials the demo crawl sends; the demo USAJOBS route refuses any other key.
USAJOBS_KEY = "demo-usajobs-key-not-a-secret"
USAJOBS_EMAIL = "demo-crawler@jobpulse.invalid"
# Page sizes the demo crawl asks for, small enough that every paged source needs several pages.
PAGE_SIZES = {"SMARTRECRUITERS_PAGE_SIZE": 20, "HN_PAGE_SIZE": 20, "USAJOBS_PAGE_SIZE": 25}
# Sources without a salary field: pay, when stated, is in the text.
TEXT_PAY_SOURCES = frozenset({"workable", "smartrecruiters", "personio", "hn"})
HOURS_PER_YEAR = 2080
DATA_DIR = Path(__file__).parent / "data"

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

# Functions whose about-us paragraph may name the company's stack; a nurse posting would not.
TECH_FUNCTIONS = frozenset(
    {"engineering", "data-and-analytics", "security", "quality-assurance", "information-technology"}
)
PEOPLE_LEVELS = frozenset({"manager", "director", "executive"})


class Response(NamedTuple):
    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class DemoEmployer:
    company: str
    ats: str  # a vendor of VENDORS or a feed of FEEDS
    board: str  # board token / site slug; for jsonld the path segment of the career site; a feed's board
    industry: str

    @property
    def feed(self) -> bool:
        return self.ats in FEEDS


@dataclass(frozen=True, slots=True)
class PlantedSalary:
    min: int
    max: int
    currency: str  # ISO 4217
    period: str  # year or hour
    stated_in: str  # "field" (vendor salary field / JSON-LD baseSalary) or "text" (description)


@dataclass(frozen=True, slots=True)
class PlantedPosting:
    ats: str
    board: str
    source_id: str
    company: str
    title: str
    role: str
    function: str
    seniority: str
    skills: tuple[str, ...]  # every skill asked for, required or preferred, sorted
    skills_preferred: tuple[str, ...]  # the subset asked for as nice-to-have, sorted
    ai: str  # required | preferred | none
    salary: PlantedSalary | None
    remote: str | None  # remote | hybrid | onsite | None when the posting says nothing
    posted: str  # YYYY-MM-DD
    industry: str
    location: str
    unasked_skills: tuple[str, ...] = ()  # named in the about-us text as what the company uses, not asked
    # Set on a second listing of a job already planted: (ats, source_id) of the listing it repeats.
    duplicate_of: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Section:
    kind: str  # about, role, duties, requirements, preferred, benefits, pay, hiring, eeo
    header: str | None
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoJob:
    """One served job: its truth plus what only the rendering needs."""

    posting: PlantedPosting
    listed: bool  # Ashby's isListed; unlisted jobs are served but are not postings
    sections: tuple[Section, ...]
    department: str
    team: str
    intern: bool
    country: str  # ISO 3166 alpha-2 of the office
    office: str  # "City, ST" of the office, also for remote jobs
    published: datetime  # UTC
    updated: datetime  # UTC, never before published
    equity: bool  # the offer includes equity (Ashby shows it as a component)
    jsonld_shape: str  # object, graph or list
    dash_entity: bool  # write the en dash as &ndash; in HTML


@dataclass(frozen=True)
class DemoMarket:
    seed: int
    employers: tuple[DemoEmployer, ...]
    jobs: tuple[DemoJob, ...]  # everything served, including unlisted jobs and second listings
    postings: tuple[PlantedPosting, ...]  # the planted truth: listed jobs, each job once
    # Second listings of planted jobs (a JSON-LD page mirroring an ATS job, a feed repeating one): stored
    # as postings of their own, grouped with the job by de-duplication, not counted again by the report.
    duplicates: tuple[PlantedPosting, ...] = ()
    # Pairs of distinct jobs with the same title and text at different offices: never grouped.
    lookalikes: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = ()
    _cache: dict[tuple[str, ...], Response] = field(default_factory=dict, compare=False, repr=False)

    def employer(self, ats: str, board: str) -> DemoEmployer | None:
        return next((e for e in self.employers if e.ats == ats and e.board == board), None)

    def board_jobs(self, ats: str, board: str) -> list[DemoJob]:
        return list(self._jobs_by_board.get((ats, board), ()))

    @cached_property
    def _jobs_by_board(self) -> dict[tuple[str, str], list[DemoJob]]:
        # Grouped once: the server looks a board up on every request, and a scan of every job per request
        # made serving a large market's job pages cost more CPU than crawling them.
        boards: dict[tuple[str, str], list[DemoJob]] = {}
        for job in self.jobs:
            boards.setdefault((job.posting.ats, job.posting.board), []).append(job)
        return boards

    @property
    def spiders(self) -> list[str]:
        """The spider names this market serves (every vendor and feed it has postings for)."""
        return sorted({e.ats for e in self.employers})

    @property
    def listings(self) -> tuple[PlantedPosting, ...]:
        """Every listed posting a crawl stores: each job once, plus its second listings."""
        return self.postings + self.duplicates

    def sources_csv(self, base_url: str = DEFAULT_BASE_URL) -> str:
        """The sources file that points the spiders at this market (sitemap URLs for JSON-LD employers)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["company", "ats", "board", "industry", "url", "verified"])
        for e in self.employers:
            if e.feed:  # a feed has no sources-file row
                continue
            url = f"{base_url.rstrip('/')}/careers/{e.board}/sitemap.xml" if e.ats == "jsonld" else ""
            writer.writerow([e.company, e.ats, e.board, e.industry, url, "false"])
        return out.getvalue()

    def respond(
        self,
        path: str,
        query: str = "",
        base_url: str = DEFAULT_BASE_URL,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """The response to ``GET path?query`` (with request ``headers``) on a server at ``base_url``."""
        params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
        request = _Request(base_url.rstrip("/"), params, {k.lower(): v for k, v in (headers or {}).items()})
        for pattern, handler in _ROUTES:
            match = pattern.fullmatch(path)
            if match:
                return handler(self, request, *match.groups())
        return Response(404, TEXT_TYPE, b"not found\n")

    def routes(self, base_url: str = DEFAULT_BASE_URL) -> dict[str, Response]:
        """Every path the market serves, answered as the spiders ask for it (full boards, all flags on).

        Keys are paths, with the query for paged and search endpoints, whose pages share a path.
        """
        requests = [("/robots.txt", "")]
        for e in self.employers:
            if not e.feed:
                requests += _employer_requests(self, e)
        for feed in sorted({e.ats for e in self.employers if e.feed}):
            requests += _feed_requests(self, feed)
        headers = {"Authorization-Key": USAJOBS_KEY, "User-Agent": USAJOBS_EMAIL}
        return {
            f"{path}?{query}" if _paged(path) else path: self.respond(path, query, base_url, headers)
            for path, query in requests
        }

    def summary(self, min_n: int = 20) -> dict[str, Any]:
        """Headline figures of the planted truth (what a correct report should recover).

        ``postings`` counts each job once, as the report does; ``listings`` adds the second listings.
        """
        return {
            **_summary(self.postings, min_n),
            "listings": len(self.listings),
            "duplicates": dict(sorted(Counter(p.ats for p in self.duplicates).items())),
            "lookalikes": len(self.lookalikes),
        }


def build_market(seed: int = DEFAULT_SEED, postings: int = DEFAULT_POSTINGS) -> DemoMarket:
    """Generate the market; the same seed and size always give the same market, byte for byte."""
    generator = _Generator(random.Random(seed))
    specs = _data("employers")["employers"]
    jobs: list[DemoJob] = []
    # New employers are appended to the data file, so the earlier boards keep their exact jobs.
    for spec, count in zip(specs, _split(postings, [s["share"] for s in specs]), strict=True):
        jobs += generator.board(spec, count)
    for spec in specs:
        if spec.get("mirror_of"):
            jobs += generator.mirror(spec, jobs)
    for feed, count in _data("employers")["reposts"].items():
        jobs = generator.repost(feed, count, jobs)
    employers = tuple(DemoEmployer(s["company"], s["ats"], s["board"], s["industry"]) for s in specs)
    listed = [j.posting for j in jobs if j.listed]
    return DemoMarket(
        seed=seed,
        employers=employers,
        jobs=tuple(jobs),
        postings=tuple(p for p in listed if p.duplicate_of is None),
        duplicates=tuple(p for p in listed if p.duplicate_of is not None),
        lookalikes=tuple(generator.lookalikes),
    )


@cache
def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _split(total: int, shares: list[float]) -> list[int]:
    """Largest-remainder split of ``total`` by ``shares``, so the counts add up exactly."""
    raw = [total * s / sum(shares) for s in shares]
    counts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


# --------------------------------------------------------------------------------------------- generation


class _Generator:
    """Draws every random choice from one ``random.Random``, in a fixed order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.roles = _data("roles")
        self.skills = _data("skills")
        self.phrases = _data("phrases")
        self.places = _data("employers")["places"]
        self.countries = _data("employers")["countries"]
        self.used_ids: set[str] = set()
        self.lookalikes: list[tuple[tuple[str, str], tuple[str, str]]] = []

    def board(self, spec: dict[str, Any], count: int) -> list[DemoJob]:
        jobs = [self.job(spec, listed=True) for _ in range(count)]
        for slot in range(len(jobs) - spec.get("lookalikes", 0), len(jobs)):
            jobs[slot] = self.lookalike(spec, jobs[:slot], jobs[slot])
        # Unlisted jobs sit among listed ones, as on a real board.
        for _ in range(spec.get("unlisted", 0)):
            jobs.insert(self.rng.randrange(len(jobs) + 1), self.job(spec, listed=False))
        return jobs

    def lookalike(self, spec: dict[str, Any], earlier: list[DemoJob], fallback: DemoJob) -> DemoJob:
        """A distinct job copying an earlier one's title and text at another office of the same currency.

        Only jobs whose text names no office (no arrangement sentence) are copied, so the copy's text
        stays true; de-duplication must keep the two apart because their locations differ.
        """
        currency = self.countries[fallback.country]["currency"]
        candidates = [
            (j, office)
            for j in earlier
            if j.posting.remote is None
            and j.listed
            and not j.intern
            and (j.posting.ats, j.posting.source_id) not in {key for pair in self.lookalikes for key in pair}
            for office in spec["offices"]
            if office != j.office
            and self.countries[self.places[office]["country"]]["currency"] == currency
            and self.countries[j.country]["currency"] == currency
        ]
        if not candidates:
            return fallback
        original, office = self.rng.choice(candidates)
        posting = dataclasses.replace(
            original.posting, source_id=self.source_id(spec["ats"]), location=office
        )
        self.lookalikes.append(
            ((original.posting.ats, original.posting.source_id), (posting.ats, posting.source_id))
        )
        return dataclasses.replace(
            original, posting=posting, office=office, country=self.places[office]["country"]
        )

    def mirror(self, spec: dict[str, Any], jobs: list[DemoJob]) -> list[DemoJob]:
        """The employer's own careers site republishing some of its ATS jobs as JSON-LD pages."""
        # On-site or unstated jobs only: a TELECOMMUTE page has no address, the ATS listing says "Remote".
        candidates = [
            j for j in jobs
            if j.posting.board == spec["mirror_of"] and j.listed and j.posting.remote != "remote"
            and j.country == "US"
        ]  # fmt: skip
        chosen = sorted(self.rng.sample(candidates, min(spec["mirrors"], len(candidates))), key=jobs.index)
        return [self.second_listing(j, spec["ats"], spec["board"], shape=spec["style"]) for j in chosen]

    def repost(self, feed: str, count: int, jobs: list[DemoJob]) -> list[DemoJob]:
        """A feed repeating ``count`` remote US jobs of ATS boards (pay, if any, USD a year)."""
        repeated = {j.posting.duplicate_of for j in jobs if j.posting.duplicate_of is not None}
        candidates = [
            j for j in jobs
            if j.posting.ats in ("greenhouse", "lever", "ashby") and j.listed and j.posting.duplicate_of is None
            and j.posting.remote == "remote" and j.country == "US"
            and (j.posting.salary is None or j.posting.salary.period == "year")
            and (j.posting.ats, j.posting.source_id) not in repeated
        ]  # fmt: skip
        chosen = sorted(self.rng.sample(candidates, min(count, len(candidates))), key=jobs.index)
        copies = [self.second_listing(j, feed, feed) for j in chosen]
        # A feed lists its reposts among its own jobs.
        out = list(jobs)
        for copy in copies:
            slots = [i for i, j in enumerate(out) if j.posting.ats == feed]
            out.insert(self.rng.choice(slots) if slots else len(out), copy)
        return out

    def second_listing(self, job: DemoJob, ats: str, board: str, shape: str = "object") -> DemoJob:
        posting = dataclasses.replace(
            job.posting,
            ats=ats,
            board=board,
            source_id=self.source_id(ats),
            duplicate_of=(job.posting.ats, job.posting.source_id),
        )
        return dataclasses.replace(job, posting=posting, jsonld_shape=shape)

    def job(self, spec: dict[str, Any], listed: bool) -> DemoJob:
        rng = self.rng
        role = self.pick_role(spec["industry"])
        level = self.pick_level(role)
        team = rng.choice(role["teams"])
        title, cued = self.title(role, level, team)
        required, preferred = self.pick_skills(role)
        ai = self.ai_level(required, preferred)
        office, remote = self.where(spec, role)
        country = self.places[office]["country"]
        location = self.countries[country]["remote"] if remote == "remote" else office
        salary = _fit_salary(
            spec["ats"], self.salary(spec, role, level, ai, self.countries[country]["currency"])
        )
        published = self.published(thread=spec["ats"] == "hn")
        unasked = self.unasked(spec, role, required + preferred)
        context = _PostingContext(spec, role, level, team, cued, required, preferred, remote, office, salary)
        sections = self.sections(context, unasked)
        posting = PlantedPosting(
            ats=spec["ats"],
            board=spec["board"],
            source_id=self.source_id(spec["ats"]),
            company=spec["company"],
            title=title,
            role=role["name"],
            function=role["function"],
            seniority=level,
            skills=tuple(sorted(set(required + preferred))),
            skills_preferred=tuple(sorted(preferred)),
            ai=ai,
            salary=salary,
            remote=remote,
            posted=published.date().isoformat(),
            industry=spec["industry"],
            location=location,
            unasked_skills=tuple(sorted(unasked)),
        )
        return DemoJob(
            posting=posting,
            listed=listed,
            sections=sections,
            department=role["department"],
            team=team,
            intern=level == "intern",
            country=country,
            office=office,
            published=published,
            updated=min(published + timedelta(days=rng.randrange(4), hours=rng.randrange(6)), _market_end()),
            equity=rng.random() < 0.5,
            jsonld_shape=self.jsonld_shape(spec.get("style", "object")),
            dash_entity=rng.random() < 0.3,
        )

    # -- who and what

    def pick_role(self, industry: str) -> dict[str, Any]:
        roles = self.roles["roles"]
        weights = [
            r["weight"] * r.get("affinity", {}).get(industry, 0.0 if r.get("only_industries") else 1.0)
            for r in roles
        ]
        role: dict[str, Any] = self.rng.choices(roles, weights)[0]
        return role

    def pick_level(self, role: dict[str, Any]) -> str:
        weights: dict[str, float] = role.get("levels") or {
            level: w for level, w in self.roles["level_weights"].items() if _level_available(role, level)
        }
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def title(self, role: dict[str, Any], level: str, team: str) -> tuple[str, bool]:
        """The job title and whether it states the seniority (else the stated years decide)."""
        titles = role["titles"]
        if level in ("intern", *PEOPLE_LEVELS):
            return self.rng.choice(titles[level]).replace("{team}", team), True
        base = self.rng.choice(titles["base"])
        forms = _cue_forms(titles, level, base)
        if not forms or (level in ("entry", "mid", "senior") and self.rng.random() < 0.3):
            return base, False
        return self.rng.choice(forms), True

    def pick_skills(self, role: dict[str, Any]) -> tuple[list[str], list[str]]:
        rng = self.rng
        required = [rng.choice(group) for group in role.get("anchors", [])]
        for anchor in list(required):
            companions = role.get("companions", {}).get(anchor)
            if companions and rng.random() < 0.6:
                required.append(rng.choice(companions))
        required += _sample(rng, [s for s in role["required"] if s not in required], role["required_n"])
        preferred = _sample(rng, [s for s in role["preferred"] if s not in required], role["preferred_n"])
        ai = role["ai"]
        pool = [s for s in self.roles["ai_pools"][ai["pool"]] if s not in required and s not in preferred]
        if ai.get("always"):
            required += _sample(rng, pool, ai["n"])
        else:
            draw = rng.random()
            if draw < ai["p_required"]:
                required += _sample(rng, pool, [1, 2])
            elif draw < ai["p_required"] + ai["p_preferred"]:
                preferred += _sample(rng, pool, [1, 2])
        return required, preferred

    def ai_level(self, required: list[str], preferred: list[str]) -> str:
        if any(self.skills[s].get("ai") for s in required):
            return "required"
        if any(self.skills[s].get("ai") for s in preferred):
            return "preferred"
        return "none"

    def where(self, spec: dict[str, Any], role: dict[str, Any]) -> tuple[str, str | None]:
        offices = spec["offices"]
        office = self.rng.choices(offices, [0.55, 0.3, 0.15][: len(offices)])[0]
        weights = role.get("remote") or {"remote": 25, "hybrid": 30, "onsite": 20, "none": 25}
        arrangement = self.rng.choices(list(weights), list(weights.values()))[0]
        if spec.get("remote_only"):  # a remote-jobs board lists nothing else
            arrangement = "remote"
        return office, None if arrangement == "none" else arrangement

    def salary(
        self, spec: dict[str, Any], role: dict[str, Any], level: str, ai: str, currency: str
    ) -> PlantedSalary | None:
        rng = self.rng
        if rng.random() >= spec["disclosure"]:
            return None
        hourly_share = role.get("hourly", 0.7 if level == "intern" else 0.0)
        period = "hour" if currency == "USD" and rng.random() < hourly_share else "year"
        annual = self.roles["pay"][role["function"]] * self.roles["level_pay"][level]
        # The planted AI premium: AI-asking postings pay more than their function x seniority peers.
        annual *= self.roles["ai_premium"] if ai != "none" else 1.0
        annual *= rng.uniform(0.94, 1.06) * self.roles["currency_factor"][currency]
        if period == "hour":
            low = round(annual / HOURS_PER_YEAR)
            high = max(low + 2, round(low * rng.uniform(1.12, 1.3)))
        else:
            low = round(annual / 1000) * 1000
            high = round(low * rng.uniform(1.18, 1.3) / 1000) * 1000
        stated_in = "field" if rng.random() < 0.5 else "text"
        return PlantedSalary(low, high, currency, period, stated_in)

    def published(self, thread: bool = False) -> datetime:
        # An HN comment is posted in its month's thread, which opens on the 2nd (``_hn_story``).
        days = (1, MARKET_DATE.day - 2) if thread else (1, POSTED_WINDOW_DAYS)
        day = MARKET_DATE - timedelta(days=self.rng.randint(*days))
        # 13:00-19:59 UTC is the same calendar day from California to Berlin.
        moment = datetime(day.year, day.month, day.day, self.rng.randint(13, 19), tzinfo=UTC)
        return moment + timedelta(minutes=self.rng.randrange(60), seconds=self.rng.randrange(60))

    def unasked(self, spec: dict[str, Any], role: dict[str, Any], asked: list[str]) -> list[str]:
        if role["function"] not in TECH_FUNCTIONS or self.rng.random() >= 0.55:
            return []
        candidates = [s for s in spec["stack"] if s not in asked]
        return self.rng.sample(candidates, min(len(candidates), self.rng.randint(1, 2)))

    def source_id(self, ats: str) -> str:
        while True:
            if ats == "greenhouse":
                candidate = str(self.rng.randrange(4_000_000, 8_000_000))
            elif ats == "jsonld":
                candidate = f"R{self.rng.randrange(10_000, 100_000)}"
            elif ats == "workable":
                candidate = f"{self.rng.getrandbits(40):010X}"
            elif ats == "smartrecruiters":
                candidate = str(744_000_000_000_000 + self.rng.randrange(10**11))
            elif ats in ("recruitee", "personio", "remotive", "remoteok"):
                candidate = str(self.rng.randrange(1_000_000, 3_000_000))
            elif ats == "hn":
                candidate = str(HN_STORY_ID + self.rng.randrange(1, 400_000))
            elif ats == "usajobs":
                candidate = str(self.rng.randrange(800_000_000, 900_000_000))
            else:
                candidate = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate

    def jsonld_shape(self, style: str) -> str:
        if style == "mixed":
            return self.rng.choice(["object", "graph"])
        return style

    # -- text

    def sections(self, c: _PostingContext, unasked: list[str]) -> tuple[Section, ...]:
        headers = self.phrases["headers"]
        pick = self.rng.choice
        sections = [
            Section(
                "about", pick(headers["about"]).format(company=c.spec["company"]), (self.about(c, unasked),)
            ),
            Section("role", pick(headers["role"]), (self.intro(c),)),
            Section(
                "duties", pick(headers["duties"]), bullets=tuple(_sample(self.rng, c.role["duties"], [5, 6]))
            ),
            Section("requirements", pick(headers["requirements"]), bullets=tuple(self.requirements(c))),
        ]
        nice = self.nice_to_have(c)
        if nice:
            sections.append(Section("preferred", pick(headers["preferred"]), bullets=tuple(nice)))
        region = self.countries[self.places[c.office]["country"]]["benefits"]
        benefits = _sample(self.rng, self.phrases["benefits"][region], [4, 6])
        sections.append(Section("benefits", pick(headers["benefits"]), bullets=tuple(benefits)))
        if c.salary is not None and c.salary.stated_in == "text":
            sections.append(Section("pay", pick(headers["pay"]), (self.pay_text(c),)))
        sections.append(Section("hiring", pick(headers["hiring"]), (pick(self.phrases["hiring"]),)))
        sections.append(Section("eeo", None, (pick(self.phrases["eeo"]).format(company=c.spec["company"]),)))
        return tuple(sections)

    def about(self, c: _PostingContext, unasked: list[str]) -> str:
        phrases = self.phrases
        hq = c.spec["offices"][0]
        scale = self.rng.choice(phrases["scale"]).format(size=c.spec["size"], hq=hq)
        parts = [c.spec["blurb"], scale, self.rng.choice(phrases["culture"])]
        if unasked:
            tech = " and ".join(self.surface(s) for s in unasked)
            parts.append(self.rng.choice(phrases["tech"]).format(tech=tech))
        return " ".join(parts)

    def intro(self, c: _PostingContext) -> str:
        phrases = self.phrases
        parts = [
            self.rng.choice(c.role["missions"]).format(team=c.team),
            self.rng.choice(phrases["team_life"]),
        ]
        parts.append(self.rng.choice(phrases["first_months"]))
        if c.level == "manager":
            line = self.rng.choice(phrases["manager_line"])
            parts.append(line.format(n=self.rng.randint(4, 9), reports=c.role.get("reports", "people")))
        elif c.role.get("ic_manager") and c.level not in PEOPLE_LEVELS:
            # "Manager" in the title but no reports: say so, so seniority falls to the stated years.
            parts.append(self.rng.choice(phrases["ic_line"]))
        if c.remote is not None:
            place = self.places[c.office]
            country = self.countries[place["country"]]["name"]
            parts.append(self.rng.choice(phrases[c.remote]).format(city=place["locality"], country=country))
        return " ".join(parts)

    def requirements(self, c: _PostingContext) -> list[str]:
        rng, phrases = self.rng, self.phrases
        bullets: list[str] = []
        if c.level == "intern":
            bullets.append(rng.choice(phrases["intern"]))
        elif not c.cued or rng.random() < 0.7:
            years = rng.choice(self.roles["years"][c.level])
            template = rng.choice(phrases["years_manager" if c.level == "manager" else "years"])
            bullets.append(template.format(years=years, area=c.role["area"]))
        bullets += self.skill_bullets(c.required, preferred=False, function=c.role["function"])
        region = self.places[c.office]["region"]
        bullets += [e.format(region=region) for e in c.role.get("extras", []) if rng.random() < 0.8]
        soft = phrases["soft"] + (phrases["soft_tech"] if c.role["function"] in TECH_FUNCTIONS else [])
        bullets += _sample(rng, soft, [1, 2])
        return bullets

    def nice_to_have(self, c: _PostingContext) -> list[str]:
        bullets = self.skill_bullets(c.preferred, preferred=True)
        if self.rng.random() < 0.3:
            line = self.rng.choice(self.phrases["soft_preferred"])
            bullets.append(line.format(industry=c.spec["industry"].split(" & ")[0]))
        return bullets

    def skill_bullets(self, skills: list[str], preferred: bool, function: str = "") -> list[str]:
        phrases, rng = self.phrases, self.rng
        single = phrases["single"]
        bullets, i = [], 0
        while i < len(skills):
            # Pairs only within a kind ("Kafka and Spark"), never "Python or machine learning".
            same_kind = (
                i + 1 < len(skills) and self.skills[skills[i]]["kind"] == self.skills[skills[i + 1]]["kind"]
            )
            if same_kind and rng.random() < 0.5:
                template = rng.choice(phrases["preferred_pair" if preferred else "pair"])
                bullets.append(template.format(a=self.surface(skills[i]), b=self.surface(skills[i + 1])))
                i += 2
                continue
            if preferred:
                template = rng.choice(phrases["preferred_single"])
            else:
                kind = self.skills[skills[i]]["kind"]
                template = rng.choice(single.get(f"{kind}_{function}") or single[kind])
            bullets.append(template.format(a=self.surface(skills[i])))
            i += 1
        return bullets

    def surface(self, skill: str) -> str:
        """How this posting spells a skill: usually its usual spelling, sometimes an alias (k8s, golang)."""
        entry = self.skills[skill]
        aliases = entry.get("aliases", [])
        if aliases and self.rng.random() < 0.3:
            return str(self.rng.choice(aliases))
        return str(entry.get("text", skill))

    def pay_text(self, c: _PostingContext) -> str:
        salary = c.salary
        assert salary is not None
        template, style = self.rng.choice(self.phrases["pay"][f"{salary.currency}_{salary.period}"])
        text = str(template).format(
            lo=_money(salary.min, salary.currency, style), hi=_money(salary.max, salary.currency, style)
        )
        if c.role.get("ote") and salary.period == "year" and self.rng.random() < 0.6:
            ote = self.rng.choice(self.phrases["pay"]["ote"])
            lo, hi = (
                _money(salary.min * 2, salary.currency, style),
                _money(salary.max * 2, salary.currency, style),
            )
            text += ote.format(lo=lo, hi=hi)
        return text


@dataclass(frozen=True, slots=True)
class _PostingContext:
    spec: dict[str, Any]
    role: dict[str, Any]
    level: str
    team: str
    cued: bool
    required: list[str]
    preferred: list[str]
    remote: str | None
    office: str
    salary: PlantedSalary | None


def _fit_salary(ats: str, salary: PlantedSalary | None) -> PlantedSalary | None:
    """Where a source can state this pay: in the text when it has no field for it."""
    if salary is None:
        return None
    no_field = ats in TEXT_PAY_SOURCES or (
        ats == "remoteok" and (salary.currency, salary.period) != ("USD", "year")
    )
    if no_field:
        return dataclasses.replace(salary, stated_in="text")
    if ats == "usajobs":  # federal pay is always in PositionRemuneration
        return dataclasses.replace(salary, stated_in="field")
    return salary


def _level_available(role: dict[str, Any], level: str) -> bool:
    titles = role["titles"]
    if level in ("intern", *PEOPLE_LEVELS):
        return bool(titles.get(level))
    if level == "staff":
        return bool(_staff_prefixes(titles))
    return True


def _staff_prefixes(titles: dict[str, Any]) -> list[str]:
    default = ["Staff", "Principal", "Lead"] if titles.get("numbered") else []
    return list(titles.get("staff_prefixes", default))


def _cue_forms(titles: dict[str, Any], level: str, base: str) -> list[str]:
    """Titles that state ``level`` outright: Senior X, Staff X, X II, Junior X, Associate X."""
    numbered = bool(titles.get("numbered"))
    if level == "entry":
        prefixes = titles.get("entry_prefixes", ["Junior"] if numbered else [])
        return [f"{p} {base}" for p in prefixes] + ([_numbered(base, "I")] if numbered else [])
    if level == "mid":
        return [_numbered(base, "II")] if numbered else []
    if level == "senior":
        return [f"{p} {base}" for p in titles.get("senior_prefixes", ["Senior", "Sr."])]
    if level == "staff":
        return [f"{p} {base}" for p in _staff_prefixes(titles)]
    return []


def _numbered(base: str, numeral: str) -> str:
    # "Software Engineer, Backend" -> "Software Engineer II, Backend"
    head, sep, tail = base.partition(",")
    return f"{head} {numeral}{sep}{tail}"


def _sample(rng: random.Random, pool: list[str], bounds: list[int]) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(bounds[0], bounds[1])))


def _market_end() -> datetime:
    return datetime(MARKET_DATE.year, MARKET_DATE.month, MARKET_DATE.day, 20, tzinfo=UTC)


def _money(amount: int, currency: str, style: str) -> str:
    symbol = {"USD": "$", "GBP": "£", "EUR": "€"}[currency]
    if style == "k":
        return f"{symbol}{amount // 1000}K"
    if style == "dot":  # continental style: €70.000
        return f"{symbol}{amount:,}".replace(",", ".")
    if style == "cents":
        return f"{symbol}{amount:,}.00"
    return f"{symbol}{amount:,}"


# --------------------------------------------------------------------------------------------- rendering


def _html(sections: tuple[Section, ...], heading: str = "h3", dash_entity: bool = False) -> str:
    parts = []
    for section in sections:
        if section.header:
            parts.append(f"<{heading}>{_esc(section.header)}</{heading}>")
        parts += [f"<p>{_esc(p)}</p>" for p in section.paragraphs]
        if section.bullets:
            parts.append("<ul>" + "".join(f"<li>{_esc(b)}</li>" for b in section.bullets) + "</ul>")
    markup = "\n".join(parts)
    return markup.replace("–", "&ndash;") if dash_entity else markup


def _plain(sections: tuple[Section, ...]) -> str:
    blocks = []
    for section in sections:
        lines = [section.header] if section.header else []
        lines += list(section.paragraphs)
        lines += [f"• {b}" for b in section.bullets]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def plain_text(job: DemoJob) -> str:
    """The posting's full text, as a reader sees it (used by tests and for word counts)."""
    return _plain(job.sections)


def _eastern(moment: datetime) -> str:
    """Greenhouse-style local timestamp; US daylight time ends on 1 November 2026."""
    offset = 4 if moment < datetime(2026, 11, 1, 6, tzinfo=UTC) else 5
    local = moment - timedelta(hours=offset)
    return local.replace(tzinfo=None).isoformat(timespec="seconds") + f"-{offset:02d}:00"


def _greenhouse_job(job: DemoJob, content: bool, pay: bool) -> dict[str, Any]:
    p = job.posting
    number = int(p.source_id)
    data: dict[str, Any] = {
        "absolute_url": f"https://boards.example.com/{p.board}/jobs/{p.source_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "retention_period": None}],
        "internal_job_id": number // 2 + 1_000_003,
        "location": {"name": p.location},
        "metadata": None,
        "id": number,
        "updated_at": _eastern(job.updated),
        "requisition_id": f"REQ-{number % 10_000:04d}",
        "title": p.title,
        "company_name": p.company,
        "first_published": _eastern(job.published),
    }
    if content:
        data["content"] = html.escape(_html(job.sections, "h3", job.dash_entity), quote=True)
        data["departments"] = [
            {
                "id": 40_000 + _stable(job.department),
                "name": job.department,
                "parent_id": None,
                "child_ids": [],
            }
        ]
        data["offices"] = [
            {
                "id": 80_000 + _stable(job.office),
                "name": job.office,
                "location": job.office,
                "parent_id": None,
                "child_ids": [],
            }
        ]
    if pay:
        data["pay_input_ranges"] = _greenhouse_pay(p.salary) if _in_field(p.salary) else []
    return data


def _greenhouse_pay(salary: PlantedSalary | None) -> list[dict[str, Any]]:
    assert salary is not None
    hourly = salary.period == "hour"
    return [
        {
            "min_cents": salary.min * 100,
            "max_cents": salary.max * 100,
            "currency_type": salary.currency,
            "title": "Hourly Pay Range" if hourly else "Base Salary Range",
            "blurb": "This role is paid hourly."
            if hourly
            else "Final offers depend on experience and location.",
        }
    ]


def _lever_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    by_kind = {s.kind: s for s in job.sections}
    opening = (by_kind["about"], by_kind["role"])
    listed = tuple(s for s in job.sections if s.bullets)
    closing = tuple(s for s in job.sections if s.kind in ("pay", "hiring", "eeo"))
    url = f"https://jobs.example.net/{p.board}/{p.source_id}"
    data: dict[str, Any] = {
        "additional": _html(closing, "h4", job.dash_entity),
        "additionalPlain": _plain(closing),
        "categories": {
            "commitment": "Internship" if job.intern else "Full-time",
            "department": job.department,
            "location": p.location,
            "team": job.team,
            "allLocations": [p.location],
        },
        "country": job.country,
        "createdAt": int(job.published.timestamp() * 1000),
        "description": "<div>" + _html(opening, "b", job.dash_entity) + "</div>",
        "descriptionPlain": _plain(opening),
        "hostedUrl": url,
        "applyUrl": f"{url}/apply",
        "id": p.source_id,
        "lists": [
            {"text": s.header, "content": "".join(f"<li>{_esc(b)}</li>" for b in s.bullets)} for s in listed
        ],
        "text": p.title,
        "workplaceType": {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}.get(
            p.remote or "", "unspecified"
        ),
    }
    if _in_field(p.salary):
        assert p.salary is not None
        interval = "per-hour-wage" if p.salary.period == "hour" else "per-year-salary"
        data["salaryRange"] = {
            "currency": p.salary.currency,
            "interval": interval,
            "min": p.salary.min,
            "max": p.salary.max,
        }
        data["salaryDescription"] = "<div>Base pay range</div>"
        data["salaryDescriptionPlain"] = "Base pay range"
    return data


def _ashby_job(job: DemoJob, compensation: bool) -> dict[str, Any]:
    p = job.posting
    place = _data("employers")["places"][job.office]
    url = f"https://jobs.example.org/{p.board}/{p.source_id}"
    data: dict[str, Any] = {
        "id": p.source_id,
        "title": p.title,
        "department": job.department,
        "team": job.team,
        "employmentType": "Intern" if job.intern else "FullTime",
        "location": p.location,
        "secondaryLocations": [],
        "address": {
            "postalAddress": {
                "addressLocality": place["locality"],
                "addressRegion": place["region"],
                "addressCountry": place["country"],
            }
        },
        "isRemote": p.remote == "remote",
        "workplaceType": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}.get(p.remote or ""),
        "publishedAt": job.published.isoformat(timespec="milliseconds"),
        "isListed": job.listed,
        "jobUrl": url,
        "applyUrl": f"{url}/application",
        "descriptionHtml": _html(job.sections, "h2", job.dash_entity),
        "descriptionPlain": _plain(job.sections),
        "shouldDisplayCompensationOnJobPostings": _in_field(p.salary) or job.equity,
    }
    if compensation:
        data["compensation"] = _ashby_compensation(job)
    return data


def _ashby_compensation(job: DemoJob) -> dict[str, Any]:
    salary = job.posting.salary if _in_field(job.posting.salary) else None
    equity = {
        "compensationType": "EquityPercentage",
        "interval": "NONE",
        "currencyCode": None,
        "minValue": None,
        "maxValue": None,
    }
    components: list[dict[str, Any]] = []
    summary = None
    if salary is not None:
        interval = "1 HOUR" if salary.period == "hour" else "1 YEAR"
        summary = _range_summary(salary)
        components.append(
            {
                "compensationType": "Salary",
                "interval": interval,
                "currencyCode": salary.currency,
                "minValue": salary.min,
                "maxValue": salary.max,
                "summary": summary,
            }
        )
    if job.equity:  # equity alone is not a stated salary
        components.append(equity)
    if not components:
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    tier_summary = " • ".join([s for s in (summary, "Offers Equity" if job.equity else None) if s])
    return {
        "compensationTierSummary": tier_summary,
        "scrapeableCompensationSalarySummary": summary.replace(" – ", " - ") if summary else None,
        "compensationTiers": [
            {
                "id": f"tier-{job.posting.source_id[:8]}",
                "title": "Base",
                "tierSummary": tier_summary,
                "components": components,
            }
        ],
        "summaryComponents": components,
    }


def _range_summary(salary: PlantedSalary) -> str:
    style, unit = ("whole", " per hour") if salary.period == "hour" else ("k", "")
    return (
        f"{_money(salary.min, salary.currency, style)} – {_money(salary.max, salary.currency, style)}{unit}"
    )


def _jsonld_posting(job: DemoJob, page_url: str) -> dict[str, Any]:
    p = job.posting
    place = _data("employers")["places"][job.office]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": _html(job.sections, "h3", job.dash_entity),
        "datePosted": p.posted,
        "validThrough": (job.published + timedelta(days=60)).date().isoformat(),
        "employmentType": "INTERN" if job.intern else "FULL_TIME",
        "hiringOrganization": {
            "@type": "Organization",
            "name": p.company,
            "sameAs": f"https://{p.board}.example.org",
        },
        "identifier": {"@type": "PropertyValue", "name": p.company, "value": p.source_id},
        "directApply": True,
        "url": page_url,
    }
    if p.remote == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": place["country"]}
    else:
        address = {
            "@type": "PostalAddress",
            "addressLocality": place["locality"],
            "addressRegion": place["region"],
            "addressCountry": place["country"],
        }
        if not _site_option(p.board, "address_country", True):  # some career sites leave the country out
            del address["addressCountry"]
        data["jobLocation"] = {"@type": "Place", "address": address}
    if _in_field(p.salary):
        assert p.salary is not None
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": p.salary.currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": p.salary.min,
                "maxValue": p.salary.max,
                "unitText": "HOUR" if p.salary.period == "hour" else "YEAR",
            },
        }
    return data


def _jsonld_document(job: DemoJob, page_url: str) -> Any:
    posting = _jsonld_posting(job, page_url)
    org = {
        "@type": "Organization",
        "name": job.posting.company,
        "url": f"https://{job.posting.board}.example.org",
    }
    if job.jsonld_shape == "graph":
        del posting["@context"]
        return {"@context": "https://schema.org", "@graph": [{**org, "@id": "#org"}, posting]}
    if job.jsonld_shape == "list":
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "Careers",
                    "item": page_url.rsplit("/jobs/", 1)[0],
                },
                {"@type": "ListItem", "position": 2, "name": job.posting.title, "item": page_url},
            ],
        }
        return [posting, crumbs]
    return posting


def _job_page(job: DemoJob, page_url: str) -> str:
    p = job.posting
    # "</" inside a script would end it early in a browser; "<\/" is the same JSON string.
    script = json.dumps(_jsonld_document(job, page_url), ensure_ascii=False).replace("</", "<\\/")
    arrangement = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}.get(p.remote or "")
    meta = " · ".join(x for x in (p.location, arrangement, "Internship" if job.intern else "Full-time") if x)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(p.title)} | {_esc(p.company)} Careers</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<script type="application/ld+json">{script}</script>\n</head>\n<body>\n'
        f'<header><a href="/careers/{p.board}/">{_esc(p.company)} careers</a></header>\n'
        f'<main>\n<h1>{_esc(p.title)}</h1>\n<p class="meta">{_esc(meta)}</p>\n'
        f"<article>\n{_html(job.sections, 'h3', job.dash_entity)}\n</article>\n"
        f'<p><a class="apply" href="{page_url}/apply">Apply for this job</a></p>\n</main>\n'
        f"<footer>© 2026 {_esc(p.company)}</footer>\n</body>\n</html>\n"
    )


def _sitemap(urls: list[tuple[str, str]], index: bool = False) -> str:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    rows = "".join(
        f"  <{item}><loc>{xml_escape(loc)}</loc><lastmod>{mod}</lastmod></{item}>\n" for loc, mod in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</{tag}>\n'
    )


def _in_field(salary: PlantedSalary | None) -> bool:
    return salary is not None and salary.stated_in == "field"


def _stable(text: str) -> int:
    """A small stable number for a name (Python's hash() is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text)) % 9973


def _json(data: Any, status: int = 200) -> Response:
    return Response(status, JSON_TYPE, json.dumps(data, ensure_ascii=False).encode("utf-8"))


# --------------------------------------------------------------------------------------------- routes


def _cached(market: DemoMarket, key: tuple[str, ...], build: Callable[[], Response]) -> Response:
    response = market._cache.get(key)
    if response is None:
        response = market._cache[key] = build()
    return response


def _flag(params: dict[str, str], name: str) -> bool:
    return params.get(name, "").lower() == "true"


def _greenhouse(market: DemoMarket, request: _Request, board: str) -> Response:
    if market.employer("greenhouse", board) is None:
        return _json({"status": 404, "error": "Job board not found"}, 404)
    content, pay = _flag(request.params, "content"), _flag(request.params, "pay_transparency")

    def build() -> Response:
        jobs = [_greenhouse_job(j, content, pay) for j in market.board_jobs("greenhouse", board)]
        return _json({"jobs": jobs, "meta": {"total": len(jobs)}})

    return _cached(market, ("greenhouse", board, str(content), str(pay)), build)


def _lever(market: DemoMarket, request: _Request, site: str) -> Response:
    if market.employer("lever", site) is None:
        return _json({"ok": False, "error": "Document not found"}, 404)
    try:
        skip = int(request.params.get("skip") or 0)
        limit = int(request.params["limit"]) if request.params.get("limit") else None
    except ValueError:
        return _json({"ok": False, "error": "Invalid skip or limit"}, 400)
    if skip < 0 or (limit is not None and limit < 1):
        return _json({"ok": False, "error": "Invalid skip or limit"}, 400)
    jobs = market.board_jobs("lever", site)
    page = jobs[skip:] if limit is None else jobs[skip : skip + limit]
    return _json([_lever_job(j) for j in page])


def _ashby(market: DemoMarket, request: _Request, board: str) -> Response:
    if market.employer("ashby", board) is None:
        return _json({"success": False, "error": "Job board not found"}, 404)
    compensation = _flag(request.params, "includeCompensation")

    def build() -> Response:
        jobs = [_ashby_job(j, compensation) for j in market.board_jobs("ashby", board)]
        return _json({"apiVersion": "1", "jobs": jobs})

    return _cached(market, ("ashby", board, str(compensation)), build)


def _not_found_page() -> Response:
    return Response(404, HTML_TYPE, b"<!DOCTYPE html>\n<html><body><h1>Page not found</h1></body></html>\n")


def _site_option(board: str, option: str, default: Any = None) -> Any:
    """An option of a JSON-LD career site's employer row (sitemap_index, address_country)."""
    spec: dict[str, Any] = next(
        (s for s in _data("employers")["employers"] if s["ats"] == "jsonld" and s["board"] == board), {}
    )
    return spec.get(option, default)


def _uses_index(board: str) -> bool:
    # One employer publishes a sitemap index, as large career sites do.
    return bool(_site_option(board, "sitemap_index", False))


def _sitemap_route(market: DemoMarket, request: _Request, board: str) -> Response:
    if market.employer("jsonld", board) is None:
        return _not_found_page()
    if _uses_index(board):
        newest = max(j.updated for j in market.board_jobs("jsonld", board)).date().isoformat()
        body = _sitemap([(f"{request.base}/careers/{board}/sitemap-jobs.xml", newest)], index=True)
        return Response(200, XML_TYPE, body.encode("utf-8"))
    return _jobs_sitemap(market, request, board)


def _jobs_sitemap(market: DemoMarket, request: _Request, board: str) -> Response:
    if market.employer("jsonld", board) is None:
        return _not_found_page()
    urls = [
        (f"{request.base}/careers/{board}/jobs/{j.posting.source_id}", j.updated.date().isoformat())
        for j in market.board_jobs("jsonld", board)
    ]
    return Response(200, XML_TYPE, _sitemap(urls).encode("utf-8"))


def _job_page_route(market: DemoMarket, request: _Request, board: str, job_id: str) -> Response:
    job = next((j for j in market.board_jobs("jsonld", board) if j.posting.source_id == job_id), None)
    if job is None:
        return _not_found_page()
    page_url = f"{request.base}/careers/{board}/jobs/{job_id}"
    return _cached(
        market,
        ("page", request.base, board, job_id),
        lambda: Response(200, HTML_TYPE, _job_page(job, page_url).encode()),
    )


def _robots(market: DemoMarket, request: _Request) -> Response:
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [
        f"Sitemap: {request.base}/careers/{e.board}/sitemap.xml"
        for e in market.employers
        if e.ats == "jsonld"
    ]
    return Response(200, TEXT_TYPE, ("\n".join(lines) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------------------------- more vendors


def _place(job: DemoJob) -> dict[str, str]:
    place: dict[str, str] = _data("employers")["places"][job.office]
    return place


def _country_name(job: DemoJob) -> str:
    # "the United States" reads well in a sentence; a location field drops the article.
    return str(_data("employers")["countries"][job.country]["name"]).removeprefix("the ")


def _spec(company: str) -> dict[str, Any]:
    spec: dict[str, Any] = next(s for s in _data("employers")["employers"] if s["company"] == company)
    return spec


def _sections_of(job: DemoJob, *kinds: str) -> tuple[Section, ...]:
    return tuple(s for s in job.sections if s.kind in kinds)


_OPENING = ("about", "role", "duties")
_ASKING = ("requirements", "preferred")
_CLOSING = ("benefits", "pay", "hiring", "eeo")


def _workable_job(job: DemoJob, details: bool) -> dict[str, Any]:
    p = job.posting
    place = _place(job)
    data: dict[str, Any] = {
        "title": p.title,
        "shortcode": p.source_id,
        "code": "",
        "employment_type": "Internship" if job.intern else "Full-time",
        "telecommuting": p.remote == "remote",
        "department": job.department,
        "url": f"https://apply.workable.example/j/{p.source_id}",
        "shortlink": f"https://apply.workable.example/j/{p.source_id}",
        "application_url": f"https://apply.workable.example/j/{p.source_id}/apply",
        "published_on": p.posted,
        "created_at": (job.published - timedelta(days=1)).date().isoformat(),
        "country": _country_name(job),
        "city": place["locality"],
        "state": place["region"],
        "education": "",
        "experience": "",
        "function": "",
        "industry": "",
    }
    if details:
        data["description"] = _html(job.sections, "h3", job.dash_entity)
    return data


def _smartrecruiters_summary(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = _place(job)
    location: dict[str, Any] = {
        "city": place["locality"],
        "region": place["region"],
        "country": job.country.lower(),
        "fullLocation": f"{place['locality']}, {place['region']}, {_country_name(job)}",
    }
    if p.remote is not None:  # the flags are absent when the posting says nothing
        location |= {"remote": p.remote == "remote", "hybrid": p.remote == "hybrid"}
    return {
        "id": p.source_id,
        "name": p.title,
        "uuid": str(uuid.UUID(int=int(p.source_id), version=4)),
        "refNumber": f"REF{int(p.source_id) % 100_000:05d}",
        "company": {"identifier": p.board, "name": p.company},
        "releasedDate": p.posted + job.published.strftime("T%H:%M:%S.000Z"),
        "location": location,
        "industry": {"id": "n/a", "label": p.industry.title()},
        "department": {"id": str(_stable(job.department)), "label": job.department},
        "function": {"id": "other", "label": job.team},
        "typeOfEmployment": {"id": "permanent", "label": "Internship" if job.intern else "Full-time"},
        "customField": [],
        "visibility": "PUBLIC",
        "language": {"code": "en", "label": "English"},
    }


def _smartrecruiters_detail(job: DemoJob) -> dict[str, Any]:
    by_kind = {s.kind: s for s in job.sections}

    def section(title: str, kinds: tuple[str, ...]) -> dict[str, str]:
        chosen = _sections_of(job, *kinds)
        # The section's own title stands for the first heading; later ones stay in the text.
        first = chosen[0]
        rest = _html(chosen[1:], "h3", job.dash_entity)
        own = _html((dataclasses.replace(first, header=None),), "h3", job.dash_entity)
        return {"title": first.header or title, "text": "\n".join(x for x in (own, rest) if x)}

    url = f"https://jobs.smartrecruiters.example/{job.posting.board}/{job.posting.source_id}"
    sections = {
        "companyDescription": section("Company Description", ("about",)),
        "jobDescription": section("Job Description", ("role", "duties")),
        "qualifications": section("Qualifications", _ASKING),
        "additionalInformation": section("Additional Information", _CLOSING),
    }
    assert by_kind["about"].header is not None
    return {
        **_smartrecruiters_summary(job),
        "jobAd": {"sections": sections},
        "postingUrl": url,
        "applyUrl": f"{url}?oga=true",
    }


def _recruitee_offer(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = _place(job)
    slug = re.sub(r"[^a-z0-9]+", "-", p.title.lower()).strip("-")
    published = job.published.strftime("%Y-%m-%d %H:%M:%S UTC")
    salary = None
    if _in_field(p.salary):
        assert p.salary is not None
        salary = {"min": str(p.salary.min), "max": str(p.salary.max), "period": p.salary.period,
                  "currency": p.salary.currency}  # fmt: skip
    return {
        "id": int(p.source_id),
        "slug": slug,
        "title": p.title,
        "company_name": p.company,
        "department": job.department,
        "status": "published",
        "location": f"{place['locality']}, {_country_name(job)}",
        "city": place["locality"],
        "country": _country_name(job),
        "country_code": job.country,
        "state_code": None,
        "remote": p.remote == "remote",
        "hybrid": p.remote == "hybrid",
        "on_site": p.remote == "onsite",
        "employment_type_code": "internship" if job.intern else "fulltime",
        "published_at": published,
        "created_at": published,
        "close_at": None,
        "careers_url": f"https://{p.board}.recruitee.example/o/{slug}",
        "careers_apply_url": f"https://{p.board}.recruitee.example/o/{slug}/c/new",
        "description": _html(_sections_of(job, *_OPENING, *_CLOSING), "h3", job.dash_entity),
        "requirements": _html(_sections_of(job, *_ASKING), "h3", job.dash_entity),
        "salary": salary,
    }


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _personio_position(job: DemoJob) -> str:
    p = job.posting
    blocks = "".join(
        f"<jobDescription><name>{xml_escape(s.header or '')}</name>"
        f"<value>{_cdata(_html((dataclasses.replace(s, header=None),), 'h3', job.dash_entity))}</value>"
        "</jobDescription>"
        for s in job.sections
    )
    fields = [
        ("id", p.source_id),
        ("subcompany", p.company),
        ("office", _place(job)["locality"]),
        ("department", job.department),
        ("recruitingCategory", job.team),
        ("name", p.title),
    ]
    tail = [
        ("employmentType", "intern" if job.intern else "permanent"),
        ("schedule", "full-time"),
        ("keywords", ""),
        ("createdAt", job.published.isoformat()),
    ]
    head = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in fields)
    rest = "".join(f"<{k}>{xml_escape(v)}</{k}>" for k, v in tail)
    return f"<position>{head}<jobDescriptions>{blocks}</jobDescriptions>{rest}</position>"


def _hn_story() -> dict[str, Any]:
    from_day = datetime(MARKET_DATE.year, MARKET_DATE.month, 1, 16, tzinfo=UTC)
    month = date(MARKET_DATE.year, MARKET_DATE.month, 1).strftime("%B %Y")
    return {
        "objectID": str(HN_STORY_ID),
        "title": f"Ask HN: Who is hiring? ({month})",
        "author": "whoishiring",
        "created_at": from_day.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(from_day.timestamp()),
        "num_comments": 0,
        "story_id": HN_STORY_ID,
        "_tags": ["story", "author_whoishiring", f"story_{HN_STORY_ID}", "ask_hn"],
    }


def _hn_comment(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    arrangement = {"remote": f"REMOTE ({job.country})", "hybrid": "HYBRID", "onsite": "ONSITE"}.get(
        p.remote or ""
    )
    header = " | ".join(
        x
        for x in (p.company, p.title, job.office, arrangement, "Internship" if job.intern else "Full-time")
        if x
    )
    # HN comments are paragraphs only: headings and bullets become lines of their own.
    lines = [header]
    for section in job.sections:
        lines += [section.header] if section.header else []
        lines += list(section.paragraphs) + [f"- {b}" for b in section.bullets]
    author = re.sub(r"[^a-z0-9]", "", p.company.lower())[:12] + "_jobs"
    return {
        "objectID": p.source_id,
        "author": author,
        "created_at": job.published.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(job.published.timestamp()),
        "story_id": HN_STORY_ID,
        "parent_id": HN_STORY_ID,
        "comment_text": "<p>".join(html.escape(line) for line in lines),
        "_tags": ["comment", f"author_{author}", f"story_{HN_STORY_ID}"],
    }


def _hn_reply(parent: DemoJob, number: int) -> dict[str, Any]:
    """A reader's question under a post: in the thread's pages, never a posting."""
    moment = parent.published + timedelta(hours=2)
    return {
        "objectID": str(HN_STORY_ID + 500_000 + number),
        "author": f"reader{number}",
        "created_at": moment.isoformat().replace("+00:00", ".000Z"),
        "created_at_i": int(moment.timestamp()),
        "story_id": HN_STORY_ID,
        "parent_id": int(parent.posting.source_id),
        "comment_text": "Is this role open to candidates outside the listed city?",
        "_tags": ["comment", f"author_reader{number}", f"story_{HN_STORY_ID}"],
    }


def _hn_hits(market: DemoMarket) -> list[dict[str, Any]]:
    """The thread's comments, newest first as Algolia's search returns them, with a reply every tenth."""
    jobs = sorted(market.board_jobs("hn", HN_MONTH), key=lambda j: j.published, reverse=True)
    hits = []
    for i, job in enumerate(jobs):
        hits.append(_hn_comment(job))
        if i % 10 == 3:
            hits.append(_hn_reply(job, i))
    return hits


_REMOTIVE_CATEGORY = {"engineering": "Software Development", "data-and-analytics": "Data Analysis",
                      "design": "Design", "marketing": "Marketing", "sales": "Sales / Business",
                      "customer-success": "Customer Service", "product-management": "Product",
                      "human-resources": "Human Resources", "finance": "Finance / Legal",
                      "quality-assurance": "QA"}  # fmt: skip


def _remotive_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    slug = re.sub(r"[^a-z0-9]+", "-", p.title.lower()).strip("-")
    return {
        "id": int(p.source_id),
        "url": f"https://remotive.example/remote-jobs/{slug}-{p.source_id}",
        "title": p.title,
        "company_name": p.company,
        "company_logo": f"https://remotive.example/job/{p.source_id}/logo",
        "category": _REMOTIVE_CATEGORY.get(p.function, "All others"),
        "tags": [],
        "job_type": "internship" if job.intern else "full_time",
        "publication_date": job.published.replace(tzinfo=None).isoformat(),
        # Free text on Remotive; the listing's own location keeps it the same job as the ATS listing.
        "candidate_required_location": p.location,
        "salary": _range_summary(p.salary) if _in_field(p.salary) and p.salary else "",
        "description": _html(job.sections, "h2", job.dash_entity),
    }


def _remoteok_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    slug = re.sub(r"[^a-z0-9]+", "-", f"{p.company} {p.title}".lower()).strip("-")
    salary = p.salary if _in_field(p.salary) else None
    url = f"https://remoteok.example/remote-jobs/{p.source_id}-{slug}"
    return {
        "slug": f"{p.source_id}-{slug}",
        "id": p.source_id,
        "epoch": int(job.published.timestamp()),
        "date": job.published.isoformat(),
        "company": p.company,
        "company_logo": "",
        "position": p.title,
        "tags": [],
        "description": _html(job.sections, "h3", job.dash_entity),
        "location": p.location,
        "apply_url": f"{url}/apply",
        "salary_min": salary.min if salary else 0,
        "salary_max": salary.max if salary else 0,
        "original": True,
        "url": url,
    }


_GS_GRADE = {"intern": 4, "entry": 7, "mid": 11, "senior": 13, "staff": 14, "manager": 14, "director": 15,
             "executive": 15}  # fmt: skip


def _usajobs_item(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    place = _place(job)
    spec = _spec(p.company)
    assert p.salary is not None  # federal pay is always stated
    hourly = p.salary.period == "hour"
    grade = str(_GS_GRADE[p.seniority])
    where = (
        "Anywhere in the U.S. (remote job)"
        if p.remote == "remote"
        else (f"{place['locality']}, {_US_STATES.get(place['region'], place['region'])}")
    )
    url = f"https://www.usajobs.example/job/{p.source_id}"
    start = job.published.replace(tzinfo=None).isoformat() + ".0000"
    close = (job.published + timedelta(days=30)).replace(tzinfo=None).isoformat() + ".0000"
    summary = _sections_of(job, "about", "role")
    return {
        "MatchedObjectId": p.source_id,
        "MatchedObjectDescriptor": {
            "PositionID": f"{''.join(w[0] for w in p.company.split())}-26-{int(p.source_id) % 10_000:04d}",
            "PositionTitle": p.title,
            "PositionURI": url,
            "ApplyURI": [f"{url}/apply"],
            "PositionLocationDisplay": where,
            "PositionLocation": [{"LocationName": where, "CountryCode": "United States", "CityName": where}],
            "OrganizationName": p.company,
            "DepartmentName": spec.get("department", p.company),
            "JobCategory": [{"Name": job.department, "Code": str(2000 + _stable(job.department) % 1000)}],
            "JobGrade": [{"Code": "GS"}],
            "PositionSchedule": [{"Name": "Full-time", "Code": "1"}],
            "PositionOfferingType": [{"Name": "Internships" if job.intern else "Permanent", "Code": "15317"}],
            "QualificationSummary": _html(_sections_of(job, *_ASKING), "h3", job.dash_entity),
            "PositionRemuneration": [
                {
                    "MinimumRange": f"{p.salary.min}.0",
                    "MaximumRange": f"{p.salary.max}.0",
                    "RateIntervalCode": "PH" if hourly else "PA",
                    "Description": "Per Hour" if hourly else "Per Year",
                }
            ],
            "PositionStartDate": start,
            "PositionEndDate": close,
            "PublicationStartDate": start,
            "ApplicationCloseDate": close,
            "UserArea": {
                "Details": {
                    "JobSummary": _html(summary, "h3", job.dash_entity),
                    "MajorDuties": [b for s in _sections_of(job, "duties") for b in s.bullets],
                    "Requirements": _html(_sections_of(job, *_CLOSING), "h3", job.dash_entity),
                    "Education": "",
                    "LowGrade": grade,
                    "HighGrade": grade,
                    "TeleworkEligible": p.remote in ("remote", "hybrid"),
                    "RemoteIndicator": p.remote == "remote",
                }
            },
        },
    }


_US_STATES = {"VA": "Virginia", "CO": "Colorado", "MO": "Missouri"}


def _workable(market: DemoMarket, request: _Request, account: str) -> Response:
    employer = market.employer("workable", account)
    if employer is None:
        return _json({"error": "Not Found"}, 404)
    details = _flag(request.params, "details")

    def build() -> Response:
        jobs = [_workable_job(j, details) for j in market.board_jobs("workable", account)]
        return _json({"name": employer.company, "description": None, "jobs": jobs})

    return _cached(market, ("workable", account, str(details)), build)


def _page_bounds(params: dict[str, str], size_key: str, start_key: str, default_size: int) -> tuple[int, int]:
    size = int(params.get(size_key) or default_size)
    start = int(params.get(start_key) or 0)
    if size < 1 or start < 0:
        raise ValueError("bad paging")
    return start, size


def _smartrecruiters_list(market: DemoMarket, request: _Request, company: str) -> Response:
    try:
        offset, limit = _page_bounds(request.params, "limit", "offset", 10)
    except ValueError:
        return _json({"code": "INVALID_PARAMETER", "message": "Invalid offset or limit"}, 400)
    limit = min(limit, 100)  # the API's maximum page
    # Unknown company → 200 with nothing found, as the real API answers.
    jobs = market.board_jobs("smartrecruiters", company)
    content = [_smartrecruiters_summary(j) for j in jobs[offset : offset + limit]]
    return _json({"offset": offset, "limit": limit, "totalFound": len(jobs), "content": content})


def _smartrecruiters_detail_route(
    market: DemoMarket, request: _Request, company: str, posting_id: str
) -> Response:
    job = next(
        (j for j in market.board_jobs("smartrecruiters", company) if j.posting.source_id == posting_id), None
    )
    if job is None:
        return _json({"code": "NOT_FOUND", "message": f"Job with id {posting_id} not found"}, 404)
    return _json(_smartrecruiters_detail(job))


def _recruitee(market: DemoMarket, request: _Request, company: str) -> Response:
    if market.employer("recruitee", company) is None:
        return _json({"error": "Not found"}, 404)
    return _cached(
        market,
        ("recruitee", company),
        lambda: _json({"offers": [_recruitee_offer(j) for j in market.board_jobs("recruitee", company)]}),
    )


def _personio(market: DemoMarket, request: _Request, company: str) -> Response:
    if market.employer("personio", company) is None:
        return _not_found_page()

    def build() -> Response:
        positions = "\n".join(_personio_position(j) for j in market.board_jobs("personio", company))
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n{positions}\n</workzag-jobs>\n'
        return Response(200, XML_TYPE, body.encode("utf-8"))

    return _cached(market, ("personio", company), build)


def _hn_search(market: DemoMarket, request: _Request) -> Response:
    params = request.params
    tags = params.get("tags", "")
    if tags == "story,author_whoishiring":
        # The search is fuzzy: the month's "Who wants to be hired?" thread matches too.
        story = _hn_story()
        decoy = {**story, "objectID": str(HN_STORY_ID + 1),
                 "title": story["title"].replace("Who is hiring?", "Who wants to be hired?")}  # fmt: skip
        hits = [story, decoy] if params.get("query") == story["title"] else []
        return _json({"hits": hits, "nbHits": len(hits), "page": 0, "nbPages": 1 if hits else 0,
                      "hitsPerPage": 20, "query": params.get("query", "")})  # fmt: skip
    if tags != f"comment,story_{HN_STORY_ID}":
        return _json({"hits": [], "nbHits": 0, "page": 0, "nbPages": 0, "hitsPerPage": 20})
    try:
        page, size = _page_bounds(params, "hitsPerPage", "page", 20)
    except ValueError:
        return _json({"message": "invalid paging", "status": 400}, 400)
    hits = _cached_hits(market)
    pages = -(-len(hits) // size)
    return _json({"hits": hits[page * size : (page + 1) * size], "nbHits": len(hits), "page": page,
                  "nbPages": pages, "hitsPerPage": size})  # fmt: skip


def _cached_hits(market: DemoMarket) -> list[dict[str, Any]]:
    response = _cached(market, ("hn",), lambda: _json(_hn_hits(market)))
    hits: list[dict[str, Any]] = json.loads(response.body)
    return hits


def _remotive(market: DemoMarket, request: _Request) -> Response:
    def build() -> Response:
        jobs = [_remotive_job(j) for j in market.board_jobs("remotive", "remotive")]
        notice = "Remotive API: please link back to remotive.com and mention it as the source."
        return _json({"0-legal-notice": notice, "job-count": len(jobs), "jobs": jobs})

    return _cached(market, ("remotive",), build)


def _remoteok(market: DemoMarket, request: _Request) -> Response:
    def build() -> Response:
        notice = {"last_updated": int(_market_end().timestamp()),
                  "legal": "API Terms of Service: link back to Remote OK and mention it as the source."}  # fmt: skip
        return _json([notice, *(_remoteok_job(j) for j in market.board_jobs("remoteok", "remoteok"))])

    return _cached(market, ("remoteok",), build)


def _usajobs(market: DemoMarket, request: _Request) -> Response:
    # The key must arrive in this header (the spider never puts it in a URL).
    if request.headers.get("authorization-key") != USAJOBS_KEY:
        return _json({"error": "Unauthorized: missing or invalid Authorization-Key"}, 401)
    try:
        page, size = _page_bounds(request.params, "ResultsPerPage", "Page", 25)
    except ValueError:
        return _json({"error": "invalid paging"}, 400)
    page = max(page, 1)  # pages count from 1
    jobs = market.board_jobs("usajobs", "usajobs")
    items = [_usajobs_item(j) for j in jobs[(page - 1) * size : page * size]]
    return _json({
        "LanguageCode": "EN",
        "SearchParameters": {},
        "SearchResult": {
            "SearchResultCount": len(items),
            "SearchResultCountAll": len(jobs),
            "SearchResultItems": items,
            "UserArea": {"NumberOfPages": str(-(-len(jobs) // size)), "IsRadialSearch": False},
        },
    })  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Request:
    base: str  # the server's base URL, no trailing slash
    params: dict[str, str]  # the query, last value of each name
    headers: dict[str, str]  # request headers, names lower-cased


_ROUTES: list[tuple[re.Pattern[str], Callable[..., Response]]] = [
    (re.compile(r"/robots\.txt"), _robots),
    (re.compile(r"/greenhouse/v1/boards/([^/]+)/jobs/?"), _greenhouse),
    (re.compile(r"/lever/v0/postings/([^/]+)/?"), _lever),
    (re.compile(r"/ashby/posting-api/job-board/([^/]+)/?"), _ashby),
    (re.compile(r"/careers/([^/]+)/sitemap\.xml"), _sitemap_route),
    (re.compile(r"/careers/([^/]+)/sitemap-jobs\.xml"), _jobs_sitemap),
    (re.compile(r"/careers/([^/]+)/jobs/([^/]+)"), _job_page_route),
    (re.compile(r"/workable/api/v1/widget/accounts/([^/]+)/?"), _workable),
    (re.compile(r"/smartrecruiters/v1/companies/([^/]+)/postings/?"), _smartrecruiters_list),
    (re.compile(r"/smartrecruiters/v1/companies/([^/]+)/postings/([^/]+)"), _smartrecruiters_detail_route),
    (re.compile(r"/recruitee/([^/]+)/api/offers/?"), _recruitee),
    (re.compile(r"/personio/([^/]+)/xml"), _personio),
    (re.compile(r"/hn/search"), _hn_search),
    (re.compile(r"/remotive/api/remote-jobs/?"), _remotive),
    (re.compile(r"/remoteok/api/?"), _remoteok),
    (re.compile(r"/usajobs/api/search"), _usajobs),
]

# Paths whose pages differ only by query: ``routes()`` keys them with it.
_PAGED = re.compile(r"/smartrecruiters/v1/companies/[^/]+/postings|/hn/search|/usajobs/api/search")


def _paged(path: str) -> bool:
    return bool(_PAGED.fullmatch(path))


def _employer_requests(market: DemoMarket, e: DemoEmployer) -> list[tuple[str, str]]:
    """The requests a spider makes for one employer, with the query each vendor needs."""
    if e.ats == "greenhouse":
        return [(f"/greenhouse/v1/boards/{e.board}/jobs", "content=true&pay_transparency=true")]
    if e.ats == "lever":
        return [(f"/lever/v0/postings/{e.board}", "mode=json")]
    if e.ats == "ashby":
        return [(f"/ashby/posting-api/job-board/{e.board}", "includeCompensation=true")]
    if e.ats == "workable":
        return [(f"/workable/api/v1/widget/accounts/{e.board}", "details=true")]
    if e.ats == "smartrecruiters":
        api = f"/smartrecruiters/v1/companies/{e.board}/postings"
        jobs = market.board_jobs("smartrecruiters", e.board)
        size = PAGE_SIZES["SMARTRECRUITERS_PAGE_SIZE"]
        pages = [(api, f"limit={size}&offset={offset}") for offset in range(0, max(len(jobs), 1), size)]
        return pages + [(f"{api}/{j.posting.source_id}", "") for j in jobs]
    if e.ats == "recruitee":
        return [(f"/recruitee/{e.board}/api/offers/", "")]
    if e.ats == "personio":
        return [(f"/personio/{e.board}/xml", "language=en")]
    requests = [(f"/careers/{e.board}/sitemap.xml", "")]
    if _uses_index(e.board):
        requests.append((f"/careers/{e.board}/sitemap-jobs.xml", ""))
    return requests + [
        (f"/careers/{e.board}/jobs/{j.posting.source_id}", "") for j in market.board_jobs("jsonld", e.board)
    ]


def _feed_requests(market: DemoMarket, feed: str) -> list[tuple[str, str]]:
    """The requests a feed spider makes, with the demo crawl's page sizes."""
    if feed == "hn":
        story = _hn_story()
        size = PAGE_SIZES["HN_PAGE_SIZE"]
        pages = -(-len(_cached_hits(market)) // size)
        search = [("/hn/search", urlencode({"query": story["title"], "tags": "story,author_whoishiring"}))]
        tags = f"comment,story_{HN_STORY_ID}"
        return search + [
            ("/hn/search", urlencode({"tags": tags, "hitsPerPage": size, "page": page}))
            for page in range(pages)
        ]
    if feed == "remotive":
        return [("/remotive/api/remote-jobs", "")]
    if feed == "remoteok":
        return [("/remoteok/api", "")]
    size = PAGE_SIZES["USAJOBS_PAGE_SIZE"]
    pages = -(-len(market.board_jobs("usajobs", "usajobs")) // size)
    return [("/usajobs/api/search", f"ResultsPerPage={size}&Page={page}") for page in range(1, pages + 1)]


# --------------------------------------------------------------------------------------------- summary


def annual_midpoint(salary: PlantedSalary) -> float:
    """Midpoint of the stated range, per year (hourly x 2,080)."""
    factor = HOURS_PER_YEAR if salary.period == "hour" else 1
    return (salary.min + salary.max) / 2 * factor


def premium_cells(postings: tuple[PlantedPosting, ...], min_n: int = 20) -> list[dict[str, Any]]:
    """Function x seniority cells with at least ``min_n`` USD-disclosed postings on each side.

    AI side = ai required or preferred; the other side = ai none. Premium = ratio of median annual
    midpoints minus one.
    """
    sides: dict[tuple[str, str], dict[bool, list[float]]] = {}
    for p in postings:
        if p.salary is None or p.salary.currency != "USD":
            continue
        cell = sides.setdefault((p.function, p.seniority), {True: [], False: []})
        cell[p.ai != "none"].append(annual_midpoint(p.salary))
    cells = []
    for (function, seniority), values in sorted(sides.items()):
        ai_side, other = values[True], values[False]
        if len(ai_side) >= min_n and len(other) >= min_n:
            premium = statistics.median(ai_side) / statistics.median(other) - 1
            cells.append(
                {
                    "function": function,
                    "seniority": seniority,
                    "n_ai": len(ai_side),
                    "n_non_ai": len(other),
                    "premium": round(premium, 3),
                }
            )
    return cells


def _summary(postings: tuple[PlantedPosting, ...], min_n: int) -> dict[str, Any]:
    disclosed = [p for p in postings if p.salary is not None]
    return {
        "postings": len(postings),
        "per_ats": dict(sorted(Counter(p.ats for p in postings).items())),
        "per_function": dict(Counter(p.function for p in postings).most_common()),
        "per_seniority": dict(Counter(p.seniority for p in postings).most_common()),
        "roles": len({p.role for p in postings}),
        "disclosure_rate": round(len(disclosed) / len(postings), 3),
        "salary_stated_in": dict(sorted(Counter(p.salary.stated_in for p in disclosed if p.salary).items())),
        "salary_currency": dict(sorted(Counter(p.salary.currency for p in disclosed if p.salary).items())),
        "salary_period": dict(sorted(Counter(p.salary.period for p in disclosed if p.salary).items())),
        "ai": dict(sorted(Counter(p.ai for p in postings).items())),
        "remote": dict(sorted(Counter(p.remote or "unstated" for p in postings).items())),
        "premium_cells": premium_cells(postings, min_n),
    }
