"""The demo market: deterministic for a seed, every source kind served, second listings and lookalikes."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from functools import cache
from typing import Any

import pytest

from crawler.sources import load_sources
from demo.formats import FORMATS, is_feed, source_url
from demo.market import DEFAULT_POSTINGS, DEFAULT_SEED, DemoMarket, build_market
from demo.render import plain_text

BASE = "http://127.0.0.1:8000"


@cache
def market() -> DemoMarket:
    return build_market()


def fingerprint(m: DemoMarket) -> str:
    digest = hashlib.sha256()
    for path, response in sorted(m.routes(BASE).items()):
        digest.update(path.encode() + response.body)
    return digest.hexdigest()


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 7])
def test_build_market_is_deterministic(seed: int) -> None:
    assert fingerprint(build_market(seed)) == fingerprint(build_market(seed))


@pytest.mark.parametrize("other_seed", [1, 20261125])
def test_build_market_differs_by_seed(other_seed: int) -> None:
    assert build_market(other_seed).postings != market().postings


@pytest.mark.parametrize("postings", [1600, 400])
def test_build_market_is_fast(postings: int) -> None:
    started = time.perf_counter()
    assert len(build_market(postings=postings).postings) == postings
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("ats", sorted(FORMATS))
def test_market_employers_per_ats(ats: str) -> None:
    employers = [e for e in market().employers if e.ats == ats]
    assert len(employers) >= 2
    # SmartRecruiters company identifiers are CamelCase, as on the real API.
    pattern = r"[A-Za-z0-9]+" if ats == "smartrecruiters" else r"[a-z0-9-]+"
    assert all(re.fullmatch(pattern, e.board) for e in employers)


def test_market_counts() -> None:
    m = market()
    assert len(m.postings) == DEFAULT_POSTINGS >= 1500
    assert len({(p.ats, p.source_id) for p in m.postings}) == len(m.postings)
    # Career pages are a large route; every source kind carries postings (counts by kind follow the shares).
    assert sum(p.ats == "jsonld" for p in m.postings) >= 0.1 * len(m.postings)
    assert {kind for kind in FORMATS} <= {p.ats for p in m.postings}
    assert len({e.industry for e in m.employers}) >= 12
    assert len({p.role for p in m.postings}) >= 20
    assert len({p.function for p in m.postings}) >= 10


@pytest.mark.parametrize("board", ["mirelight", "harrowgate"])
def test_market_unlisted_ashby_jobs_are_not_postings(board: str) -> None:
    unlisted = [j for j in market().board_jobs("ashby", board) if not j.listed]
    assert 1 <= len(unlisted) <= 2
    assert not {j.posting for j in unlisted} & set(market().postings)


def test_sources_csv_points_at_the_market(tmp_path: Any) -> None:
    text = market().sources_csv(BASE)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["company", "ats", "board", "industry", "url", "verified"]
    for row in rows:
        # Each kind's own URL column (its format's source_url): a JSON-LD site's sitemap, a career host, or none.
        expected = source_url(row["ats"], BASE, row["board"])
        assert row["url"] == expected and row["verified"] == "false"
        assert row["ats"] != "jsonld" or expected == f"{BASE}/careers/{row['board']}/sitemap.xml"
    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    boards = [(e.ats, e.board) for e in market().employers if not is_feed(e.ats)]
    assert [(s.ats, s.board) for s in load_sources(path)] == boards


def test_market_spiders_are_every_source_kind() -> None:
    assert market().spiders == sorted(FORMATS)


def test_duplicates_point_at_a_planted_job_with_the_same_title_and_text() -> None:
    m = market()
    jobs = {(j.posting.ats, j.posting.source_id): j for j in m.jobs}
    assert {p.ats for p in m.duplicates} == {"jsonld", "remotive", "remoteok"}
    assert sum(p.ats == "jsonld" for p in m.duplicates) == 20
    planted = {(p.ats, p.source_id) for p in m.postings}
    for dup in m.duplicates:
        assert dup.duplicate_of in planted
        original = jobs[dup.duplicate_of]
        assert (dup.title, dup.company, dup.location, dup.posted) == (
            original.posting.title, original.posting.company, original.posting.location, original.posting.posted,
        )  # fmt: skip
        assert plain_text(jobs[(dup.ats, dup.source_id)]) == plain_text(original)
    assert not {(p.ats, p.source_id) for p in m.duplicates} & planted


def test_lookalikes_share_title_and_text_but_not_location() -> None:
    m = market()
    jobs = {(j.posting.ats, j.posting.source_id): j for j in m.jobs}
    planted = {(p.ats, p.source_id) for p in m.postings}
    assert len(m.lookalikes) >= 2
    for a, b in m.lookalikes:
        assert {a, b} <= planted
        assert jobs[a].posting.title == jobs[b].posting.title
        assert plain_text(jobs[a]) == plain_text(jobs[b])
        assert jobs[a].posting.location != jobs[b].posting.location
