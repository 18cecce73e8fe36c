"""A deterministic demo job market with planted truth, served in the formats of every source kind.

``build_market(seed)`` invents about 2,000 postings (1,960 by default) at 37 fictitious employers and
feeds, one or more per source kind in ``demo.formats`` (ATS boards, career sites with JSON-LD, public job
feeds), from the templates in ``data/``. Every posting carries its truth as a ``PlantedPosting``: role,
function, seniority, skills asked for (required and preferred), AI level, stated salary, work
arrangement and date. ``DemoMarket.respond(path, query)`` returns the payload the real API would, so the
spiders can crawl the market and the report can be checked against the truth (``demo.truth``).
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from demo import formats, truth
from demo import routes as routing
from demo.generator import Generator, split
from demo.model import (
    DEFAULT_BASE_URL,
    DEFAULT_POSTINGS,
    DEFAULT_SEED,
    DemoJob,
    PlantedPosting,
    PlantedSalary,
    Response,
    Section,
    load_data,
)

__all__ = [
    "DEFAULT_POSTINGS",
    "DEFAULT_SEED",
    "DemoEmployer",
    "DemoJob",
    "DemoMarket",
    "PlantedPosting",
    "PlantedSalary",
    "Response",
    "Section",
    "build_market",
]


@dataclass(frozen=True, slots=True)
class DemoEmployer:
    company: str
    ats: str  # a source kind: a module of ``demo.formats``
    board: str  # board token / site slug; for jsonld the path segment of the career site; a feed's board
    industry: str

    @property
    def feed(self) -> bool:
        """A public feed of many employers: no sources-file row, one implicit board."""
        return formats.is_feed(self.ats)


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
            url = formats.source_url(e.ats, base_url, e.board)
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
        return routing.respond(self, path, query, base_url, headers or {})

    def routes(self, base_url: str = DEFAULT_BASE_URL) -> dict[str, Response]:
        """Every path the market serves, answered as the spiders ask for it (full boards, all flags on).

        Keys are paths, with the query for paged and search endpoints, whose pages share a path.
        """
        return routing.crawl_responses(self, base_url)

    def summary(self, min_n: int = 20) -> dict[str, Any]:
        """Headline figures of the planted truth (what a correct report should recover): ``truth.summary``."""
        return truth.summary(self, min_n)


def build_market(seed: int = DEFAULT_SEED, postings: int = DEFAULT_POSTINGS) -> DemoMarket:
    """Generate the market; the same seed and size always give the same market, byte for byte."""
    generator = Generator(random.Random(seed))
    specs = load_data("employers")["employers"]
    jobs: list[DemoJob] = []
    # New employers are appended to the data file, so the earlier boards keep their exact jobs.
    for spec, count in zip(specs, split(postings, [s["share"] for s in specs]), strict=True):
        jobs += generator.board(spec, count)
    for spec in specs:
        if spec.get("mirror_of"):
            jobs += generator.mirror(spec, jobs)
    for feed, count in load_data("employers")["reposts"].items():
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
