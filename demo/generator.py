"""The postings generator: employers' jobs, their truth and their repeats, drawn from one seeded RNG.

``Generator`` invents each board's jobs from the templates in ``data/`` (role, seniority, skills, AI level,
pay, office and work arrangement, dates), adds the market's traps (unlisted jobs, lookalike jobs at other
offices, JSON-LD pages mirroring ATS jobs, feeds repeating them) and leaves the wording to
``demo.text.Writer``. Every random choice comes from one ``random.Random`` in a fixed order, so a seed
always gives the same market.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from demo import formats
from demo.model import (
    HOURS_PER_YEAR,
    MARKET_DATE,
    TECH_FUNCTIONS,
    DemoJob,
    PlantedPosting,
    PlantedSalary,
    market_end,
)
from demo.text import PostingContext, Writer, level_available, sample


def split(total: int, shares: list[float]) -> list[int]:
    """Largest-remainder split of ``total`` by ``shares``, so the counts add up exactly."""
    raw = [total * s / sum(shares) for s in shares]
    counts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Generator:
    """Draws every random choice from one ``random.Random``, in a fixed order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.writer = Writer(rng)  # the same generator: text draws interleave with the rest, in order
        # The data files are read once, by the writer.
        self.roles, self.skills, self.phrases = self.writer.roles, self.writer.skills, self.writer.phrases
        self.places, self.countries = self.writer.places, self.writer.countries
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
        title, cued = self.writer.title(role, level, team)
        required, preferred = self.pick_skills(role)
        ai = self.ai_level(required, preferred)
        office, remote = self.where(spec, role)
        country = self.places[office]["country"]
        location = self.countries[country]["remote"] if remote == "remote" else office
        salary = formats.fit_salary(
            spec["ats"], self.salary(spec, role, level, ai, self.countries[country]["currency"])
        )
        published = self.published(formats.posted_days(spec["ats"]))
        unasked = self.unasked(spec, role, required + preferred)
        context = PostingContext(spec, role, level, team, cued, required, preferred, remote, office, salary)
        sections = self.writer.sections(context, unasked)
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
            updated=min(published + timedelta(days=rng.randrange(4), hours=rng.randrange(6)), market_end()),
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
            level: w for level, w in self.roles["level_weights"].items() if level_available(role, level)
        }
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def pick_skills(self, role: dict[str, Any]) -> tuple[list[str], list[str]]:
        rng = self.rng
        required = [rng.choice(group) for group in role.get("anchors", [])]
        for anchor in list(required):
            companions = role.get("companions", {}).get(anchor)
            if companions and rng.random() < 0.6:
                required.append(rng.choice(companions))
        required += sample(rng, [s for s in role["required"] if s not in required], role["required_n"])
        preferred = sample(rng, [s for s in role["preferred"] if s not in required], role["preferred_n"])
        ai = role["ai"]
        pool = [s for s in self.roles["ai_pools"][ai["pool"]] if s not in required and s not in preferred]
        if ai.get("always"):
            required += sample(rng, pool, ai["n"])
        else:
            draw = rng.random()
            if draw < ai["p_required"]:
                required += sample(rng, pool, [1, 2])
            elif draw < ai["p_required"] + ai["p_preferred"]:
                preferred += sample(rng, pool, [1, 2])
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
        annual = (role.get("pay") or self.roles["pay"][role["function"]]) * self.roles["level_pay"][level]
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

    def published(self, days: tuple[int, int]) -> datetime:
        day = MARKET_DATE - timedelta(days=self.rng.randint(*days))
        # 13:00-19:59 UTC is the same calendar day from California to Berlin.
        moment = datetime(day.year, day.month, day.day, self.rng.randint(13, 19), tzinfo=UTC)
        return moment + timedelta(minutes=self.rng.randrange(60), seconds=self.rng.randrange(60))

    def unasked(self, spec: dict[str, Any], role: dict[str, Any], asked: list[str]) -> list[str]:
        if role["function"] not in TECH_FUNCTIONS or self.rng.random() >= 0.55:
            return []
        candidates = [s for s in spec["stack"] if s not in asked]
        return self.rng.sample(candidates, min(len(candidates), self.rng.randint(1, 2)))

    def jsonld_shape(self, style: str) -> str:
        if style == "mixed":
            return self.rng.choice(["object", "graph"])
        return style

    def source_id(self, ats: str) -> str:
        """A fresh id in the source's style (its format module's ``new_id``), unique in the market."""
        while True:
            candidate = formats.new_id(ats, self.rng)
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate
