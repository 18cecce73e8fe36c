"""The shipped sources file as a registry of the market, and the counts README "Sources" shows of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import crawler
from crawler.boards import FeedSpider
from crawler.sources import SHIPPED, Source, count_table, load_sources, main, summary, url_params
from crawler.spiders import kinds, spider_class
from store.vocabularies import INDUSTRIES

README = Path(crawler.__file__).parents[1] / "README.md"
MIN_EMPLOYERS, MIN_PER_INDUSTRY = 600, 25
FEEDS = {kind for kind in kinds() if issubclass(spider_class(kind), FeedSpider)}
# What a row's careers URL must look like for a platform that builds its requests from the URL.
URL_SHAPES = {
    "jsonld": r"(?i)^https://[^/]+/.*sitemap[^/]*\.xml$",
    "workday": r"^https://[^/]+\.(myworkdayjobs|myworkdaysite)\.com/.+",
    "oracle": r"^https://[^/]+/hcmUI/CandidateExperience/en/sites/[^/]+$",
    "successfactors": r"^https://[^/]+/?$",
    "icims": r"^https://[^/.]+\.icims\.com(/|$)",
    "neogov": r"^https://www\.(governmentjobs|schooljobs)\.com/careers/{board}$",
}


@pytest.fixture(scope="module")
def shipped() -> list[Source]:
    return load_sources(SHIPPED)


def test_registry_spans_every_industry(shipped: list[Source]) -> None:
    assert len(shipped) >= MIN_EMPLOYERS
    assert {s.industry for s in shipped} == set(INDUSTRIES)  # every industry, each with MIN_PER_INDUSTRY
    short = {i: n for i in INDUSTRIES if (n := sum(s.industry == i for s in shipped)) < MIN_PER_INDUSTRY}
    assert not short


def test_registry_names_only_known_platforms(shipped: list[Source]) -> None:
    assert {s.ats for s in shipped} <= set(kinds()) - FEEDS
    assert not {s.ats for s in shipped} & FEEDS


def test_registry_lists_each_board_once(shipped: list[Source]) -> None:
    boards = [(s.ats, s.board.casefold()) for s in shipped]
    assert sorted(b for b in set(boards) if boards.count(b) > 1) == []


def test_registry_rows_are_unverified_and_carry_their_careers_url(shipped: list[Source]) -> None:
    # Slugs come from public board lists, not from a live check: scrapy crawlall is that check.
    assert not any(s.verified for s in shipped)
    assert [
        s.company for s in shipped if not s.url.startswith("https://") or "host" not in url_params(s.url)
    ] == []


@pytest.mark.parametrize("kind", sorted(URL_SHAPES))
def test_registry_urls_give_what_their_platform_needs(shipped: list[Source], kind: str) -> None:
    wrong = [
        s.url
        for s in shipped
        if s.ats == kind and not re.match(URL_SHAPES[kind].format(board=s.board), s.url)
    ]
    assert wrong == []


def _source(company: str, ats: str, industry: str) -> Source:
    return Source(company=company, ats=ats, board=company.lower(), industry=industry)


@pytest.mark.parametrize(
    ("sources", "table"),
    [
        ([], "| industry | employers |\n|---|---:|\n| total | 0 |"),
        ([_source("A", "lever", "education"), _source("B", "workday", "education"),
          _source("C", "lever", "energy & utilities")],
         "| industry | employers |\n|---|---:|\n| education | 2 |\n| energy & utilities | 1 |\n| total | 3 |"),
    ],
)  # fmt: skip
def test_count_table_counts_most_first(sources: list[Source], table: str) -> None:
    assert count_table(sources, "industry", "industry") == table


def test_summary_tables_industries_then_platforms() -> None:
    sources = [
        _source("A", "lever", "education"),
        _source("B", "workday", "education"),
        _source("C", "lever", "retail"),
    ]
    assert summary(sources).split("\n\n") == [
        "| industry | employers |\n|---|---:|\n| education | 2 |\n| retail | 1 |\n| total | 3 |",
        "| platform | employers |\n|---|---:|\n| lever | 2 |\n| workday | 1 |\n| total | 3 |",
    ]


def test_main_prints_the_summary_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sources.csv"
    path.write_text("company,ats,board,industry,url,verified\nA,lever,a,education,,false\n", encoding="utf-8")
    assert main(["--summary", str(path)]) == 0
    assert capsys.readouterr().out == summary(load_sources(path)) + "\n"


def test_main_without_summary_says_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "--summary" in capsys.readouterr().err


def test_readme_shows_the_summary_of_the_shipped_file(shipped: list[Source]) -> None:
    assert summary(shipped) in README.read_text(encoding="utf-8")
