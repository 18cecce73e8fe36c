"""Two consecutive crawls of the demo market: removed postings close, changed ones keep their identity,
and a board that fails closes nothing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from crawler.runner import local_settings, run_crawl
from demo.market import DemoJob, DemoMarket, Section, build_market
from demo.server import DemoServer
from extract.run import run_extraction
from store import open_db

SPIDERS = ["greenhouse", "lever", "ashby", "jsonld"]


def _second_week(market: DemoMarket) -> tuple[DemoMarket, set[str], set[str]]:
    """The market a week later: three Greenhouse jobs gone, two changed."""
    greenhouse = [j for j in market.jobs if j.posting.ats == "greenhouse"]
    removed = {j.posting.source_id for j in greenhouse[:3]}
    changed = {j.posting.source_id for j in greenhouse[3:5]}
    note = Section("role", None, ("Update: this team now also owns the billing service.",))

    def edit(job: DemoJob) -> DemoJob:
        return (
            dataclasses.replace(job, sections=(*job.sections, note))
            if job.posting.source_id in changed
            else job
        )

    jobs = tuple(edit(j) for j in market.jobs if j.posting.source_id not in removed)
    postings = tuple(j.posting for j in jobs if j.listed)
    return dataclasses.replace(market, jobs=jobs, postings=postings, _cache={}), removed, changed


def _crawl(server: DemoServer, market: DemoMarket, tmp_path: Path, db_path: str, **roots: str) -> None:
    """Crawl the demo server; ``roots`` move some kinds' API roots elsewhere."""
    sources = tmp_path / "sources.csv"
    sources.write_text(market.sources_csv(server.base_url), encoding="utf-8")
    settings = local_settings(server.base_url, db_path, str(sources))
    settings["JOBPULSE_API_ROOTS"] = json.dumps({**json.loads(settings["JOBPULSE_API_ROOTS"]), **roots})
    result = run_crawl(settings, spiders=SPIDERS)
    # A crawl with a failed board (roots moved away) exits 1, a clean one 0.
    assert result.returncode == (1 if roots else 0), result.stderr[-3000:]


def test_second_crawl_closes_removed_keeps_changed_and_failed_board_closes_nothing(tmp_path: Path) -> None:
    first = build_market(postings=300)
    second, removed, changed = _second_week(first)
    db_path = str(tmp_path / "jobs.db")
    with DemoServer(first) as server:
        _crawl(server, first, tmp_path, db_path)
        run_extraction(open_db(db_path))
        db = open_db(db_path)
        ids_before = dict(db.execute("select source_id, id from postings").fetchall())
        seen_before = dict(db.execute("select source_id, last_seen from postings").fetchall())
        server._httpd.market = second  # a week later, same server and URLs
        # Lever answers nothing this time: its boards fail, so none of its postings may close.
        _crawl(server, second, tmp_path, db_path, lever="http://127.0.0.1:9/lever")
    run_extraction(open_db(db_path))
    db = open_db(db_path)
    rows = {r["source_id"]: r for r in db.query("select * from postings")}
    second_run = db.execute("select min(started_at) from crawl_runs where id > ?", [len(SPIDERS)]).fetchone()[
        0
    ]

    assert {sid for sid, r in rows.items() if r["closed_at"]} == removed
    assert all(rows[sid]["closed_at"] == second_run for sid in removed)
    for sid in changed:
        assert rows[sid]["id"] == ids_before[sid]
        versions = db.execute("select count(*) from posting_versions where posting_id = ?", [rows[sid]["id"]])
        assert versions.fetchone()[0] == 2
        assert "billing service" in rows[sid]["description"]
    lever = [r for r in rows.values() if r["source"] == "lever"]
    assert lever and all(r["closed_at"] is None for r in lever)
    assert all(r["last_seen"] == seen_before[r["source_id"]] for r in lever)
    kept = [r for r in rows.values() if r["source"] == "greenhouse" and r["source_id"] not in removed]
    assert all(r["last_seen"] >= second_run for r in kept)
    assert all(r["first_seen"] <= seen_before[r["source_id"]] for r in kept)
    outcomes = dict(
        db.execute(
            "select source || '/' || board, outcome from board_runs where run_id > ?", [len(SPIDERS)]
        ).fetchall()
    )
    assert {o for k, o in outcomes.items() if k.startswith("lever/")} == {"failed"}
