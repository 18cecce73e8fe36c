"""``extract run`` over good and bad pages: bad pages are recorded with a reason, the rest goes on, reruns are safe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.run import run_extraction
from jobpulse.cli import cli
from store import open_db
from store.pages import save_page

FIXTURES = Path(__file__).parent / "fixtures"


def _greenhouse_job(job_id: int, content: str, title: str = "Data Engineer") -> dict[str, object]:
    return {"id": job_id, "title": title, "content": content, "location": {"name": "Remote"},
            "absolute_url": f"https://example.test/jobs/{job_id}", "updated_at": "2026-11-10T10:00:00Z"}  # fmt: skip


def _board(*jobs: dict[str, object]) -> str:
    return json.dumps({"jobs": list(jobs), "meta": {"total": len(jobs)}})


GOOD = (FIXTURES / "greenhouse" / "board.json").read_text(encoding="utf-8")
# Each: (source, body, pages that fail, postings written).
BAD_INPUTS = {
    "malformed json": ("greenhouse", '{"jobs": [', 1, 0),
    "json of the wrong shape": ("greenhouse", '{"results": []}', 1, 0),
    "json array for an object vendor": ("ashby", "[1, 2, 3]", 1, 0),
    "binary content": ("lever", "\x00\x01\x02PNG\x00\x00", 1, 0),
    "replacement characters from bad utf-8": ("greenhouse", _board(_greenhouse_job(1, "Caf\ufffd \ufffd\ufffd SQL")), 0, 1),
    "empty description": ("greenhouse", _board(_greenhouse_job(2, "")), 0, 1),
    "deeply nested html": ("greenhouse", _board(_greenhouse_job(3, "<div>" * 3000 + "Python" + "</div>" * 3000)), 0, 1),
    "unclosed html": ("greenhouse", _board(_greenhouse_job(4, "<ul><li>Python<li>SQL<p><b>Kafka")), 0, 1),
    "5 MB description": ("greenhouse", _board(_greenhouse_job(5, "<p>" + "Python and SQL. " * 330_000 + "</p>")), 0, 1),
    "non-English posting": ("greenhouse", _board(_greenhouse_job(6, "<p>Wir suchen eine Datenanalystin mit SQL-Kenntnissen. Gehalt: 55.000 € – 65.000 € pro Jahr.</p>", "Datenanalystin")), 0, 1),
    "json-ld with wrong types": ("jsonld", '<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": ["x"], "description": 42, "datePosted": {"a": 1}, "baseSalary": "lots", "hiringOrganization": 7}</script></head></html>', 0, 1),
    "page without json-ld": ("jsonld", "<html><body><h1>Careers</h1></body></html>", 0, 0),
    "empty body": ("lever", "", 1, 0),
    "json nested 100,000 deep": ("greenhouse", '{"jobs": ' + "[" * 100_000 + "]" * 100_000 + "}", 1, 0),
    "json nested 100,000 deep, lever": ("lever", "[" * 100_000 + "]" * 100_000, 1, 0),
    "lone surrogate in a stored field": ("greenhouse", _board({**_greenhouse_job(7, "<p>SQL</p>"), "location": {"name": "M\udcffnchen"}}), 0, 1),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_run_extraction_records_bad_pages_and_goes_on(db, case: str) -> None:
    source, body, failing, written = BAD_INPUTS[case]
    save_page(db, url="https://example.test/good", source="greenhouse", board="x", status=200,
              content_type="application/json", body=GOOD)  # fmt: skip
    save_page(db, url=f"https://example.test/{case}", source=source, board="y", status=200,
              content_type="text/plain", body=body)  # fmt: skip
    summary = run_extraction(db)
    assert summary.errors == failing
    assert summary.postings == 2 + written
    errors = [r[0] for r in db.execute("select extract_error from pages where extract_error is not null")]
    assert len(errors) == failing
    assert all(f"https://example.test/{case}" in e for e in errors)
    assert db.execute("select count(*) from pages where extracted_at is null").fetchone() == (0,)
    # Nothing is half-written: every posting is complete and a rerun changes nothing.
    before = db.execute(
        "select count(*) from postings where title is null or extractor_version is null"
    ).fetchone()
    assert before == (0,)
    assert run_extraction(db).pages == 0
    assert run_extraction(db, everything=True).postings == 2 + written
    assert db["postings"].count == 2 + written


def test_run_extraction_isolates_a_crashing_parser(db, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.components.posting_fields as fields

    real = fields.find_salary

    def crash_on_marker(text: str, **place: str | None):  # type: ignore[no-untyped-def]
        if "CRASH-ME" in text:
            raise RuntimeError("parser bug")
        return real(text, **place)

    monkeypatch.setattr(fields, "find_salary", crash_on_marker)
    save_page(db, url="https://example.test/good", source="greenhouse", board="x", status=200,
              content_type="application/json", body=GOOD)  # fmt: skip
    save_page(db, url="https://example.test/bad", source="greenhouse", board="x", status=200,
              content_type="application/json", body=_board(_greenhouse_job(9, "<p>CRASH-ME</p>")))  # fmt: skip
    summary = run_extraction(db)
    assert (summary.pages, summary.postings, summary.errors) == (2, 2, 1)
    assert "parser bug" in summary.error_messages[0]


@pytest.mark.parametrize(("strict", "exit_code"), [(False, 0), (True, 1)])
def test_cli_run_strict_exit_code(db_path: str, strict: bool, exit_code: int) -> None:
    db = open_db(db_path)
    save_page(db, url="https://example.test/bad", source="greenhouse", board="x", status=200,
              content_type="application/json", body="{broken")  # fmt: skip
    db.close()
    result = CliRunner().invoke(cli, ["run", "--db", db_path, "--quiet", *(["--strict"] if strict else [])])
    assert result.exit_code == exit_code
    assert "errors 1" in result.output
    assert "Traceback" not in result.output


def test_cli_parse_reports_malformed_line_and_goes_on(tmp_path: Path) -> None:
    good = {"id": "a", "format": "plain", "url": "", "fetched_at": "2026-11-24T00:00:00Z", "title": "Data Analyst",
            "company": "X", "body": "We need SQL and Tableau. 2+ years."}  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "b"}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert f"{path}:2: skipped malformed line" in result.stderr
    assert {"SQL", "Tableau"} <= set(lines[0]["skills"])


def test_run_extraction_records_versions_in_meta(db) -> None:
    from extract import EXTRACTOR_VERSION
    from extract.skills import TAXONOMY_VERSION

    run_extraction(db)
    assert dict(db.execute("select key, value from meta").fetchall()) == {
        "taxonomy_version": TAXONOMY_VERSION,
        "extractor_version": EXTRACTOR_VERSION,
        "dedup_pending": "0",
    }


HOSTILE = FIXTURES / "hostile"
# Each vendor's fixture: every string of every posting gets a lone surrogate (JSON-escaped, as a cut emoji).
VENDOR_FIXTURES = {
    "greenhouse": "greenhouse/board.json", "lever": "lever/page.json", "ashby": "ashby/board.json",
    "workable": "workable/account.json", "smartrecruiters": "smartrecruiters/744000012345678.json",
    "recruitee": "recruitee/offers.json", "remotive": "remotive/jobs.json", "remoteok": "remoteok/api.json",
    "usajobs": "usajobs/search.json",
}  # fmt: skip


def _with_surrogates(value: object) -> object:
    if isinstance(value, str):
        return value + "\udcff"
    if isinstance(value, list):
        return [_with_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {key: _with_surrogates(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize("source", sorted(VENDOR_FIXTURES))
def test_run_extraction_keeps_postings_with_lone_surrogates(source: str) -> None:
    body = (FIXTURES / VENDOR_FIXTURES[source]).read_text(encoding="utf-8")
    counts = []
    for payload in (body, json.dumps(_with_surrogates(json.loads(body)))):
        db = open_db(":memory:")
        save_page(db, url=f"https://example.test/{source}", source=source, board="b", status=200,
                  content_type="application/json", body=payload)  # fmt: skip
        summary = run_extraction(db)
        assert summary.errors == 0, summary.error_messages
        counts.append(db["postings"].count)
    assert counts[0] == counts[1] > 0
    stored = " ".join(
        str(v) for row in db.execute("select title, location, description from postings") for v in row
    )
    assert "\ufffd" in stored


def test_run_extraction_goes_on_when_a_reader_raises(db, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a reader raises (a 400-digit salary overflowing a float, say) fails its page, never the run."""
    import extract.vendors as vendors

    real = vendors.READERS["greenhouse"]

    def overflow(body: str, **kwargs: object) -> object:
        if "OVERFLOW" in body:
            raise OverflowError("int too large to convert to float")
        return real(body, **kwargs)

    monkeypatch.setitem(vendors.READERS, "greenhouse", overflow)
    save_page(db, url="https://example.test/bad", source="greenhouse", board="x", status=200,
              content_type="application/json", body=_board(_greenhouse_job(9, "<p>OVERFLOW</p>")))  # fmt: skip
    save_page(db, url="https://example.test/good", source="greenhouse", board="x", status=200,
              content_type="application/json", body=GOOD)  # fmt: skip
    summary = run_extraction(db)
    assert (summary.pages, summary.postings, summary.errors) == (2, 2, 1)
    assert db.execute("select extract_error from pages where id = 1").fetchone()[0] == (
        "greenhouse page 1 (https://example.test/bad): OverflowError: int too large to convert to float"
    )
    assert run_extraction(db).pages == 0  # marked: the next run does not meet it again


def _surrogate_page(db) -> None:  # type: ignore[no-untyped-def]
    save_page(db, url="https://example.test/hostile", source="greenhouse", board="x", status=200,
              content_type="application/json", body=(HOSTILE / "greenhouse-surrogates.json").read_text("utf-8"))  # fmt: skip


def test_run_extraction_a_failing_posting_costs_only_itself(db, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.components.posting_fields as fields

    real = fields.find_salary

    def crash_on_kafka(text: str, **place: str | None):  # type: ignore[no-untyped-def]
        if "Kafka" in text:
            raise ValueError("year -97974 is out of range")
        return real(text, **place)

    monkeypatch.setattr(fields, "find_salary", crash_on_kafka)
    _surrogate_page(db)
    summary = run_extraction(db)
    assert (summary.pages, summary.postings, summary.errors) == (1, 1, 1)
    assert [r[0] for r in db.execute("select source_id from postings")] == ["101"]
    assert db.execute("select extract_error from pages").fetchone()[0] == (
        "greenhouse page 1 (https://example.test/hostile): posting 102: ValueError: year -97974 is out of range"
    )


@pytest.mark.parametrize("caller_transaction", [False, True])
def test_run_extraction_a_posting_the_database_refuses_costs_only_itself(
    db, monkeypatch: pytest.MonkeyPatch, caller_transaction: bool
) -> None:
    import extract.run as run

    real = run.posting_row

    def huge_salary(posting, **kwargs):  # type: ignore[no-untyped-def]
        row = real(posting, **kwargs)
        return {**row, "salary_min": 10**400} if row["source_id"] == "102" else row

    monkeypatch.setattr(run, "posting_row", huge_salary)
    _surrogate_page(db)
    batches: list[int] = []
    write_postings = run._write_postings
    monkeypatch.setattr(run, "_write_postings", lambda *a: batches.append(1) or write_postings(*a))
    write_group = run._write_group

    def open_then_write(db_, group):  # type: ignore[no-untyped-def]
        # A transaction already open at write time is not ours to roll back: written posting by posting.
        if caller_transaction:
            db_.execute("BEGIN")
        write_group(db_, group)

    monkeypatch.setattr(run, "_write_group", open_then_write)
    summary = run_extraction(db)
    assert batches == ([] if caller_transaction else [1])
    assert (summary.postings, summary.errors) == (1, 1)
    assert "posting 102: OverflowError" in summary.error_messages[0]
    assert [r[0] for r in db.execute("select source_id from postings")] == ["101"]
    assert db.execute(
        "select count(*) from posting_skills where posting_id not in (select id from postings)"
    ).fetchone() == (0,)


def _crawl(db, started_at: str) -> None:  # type: ignore[no-untyped-def]
    from store.crawl_runs import finish_run, start_run

    run_id = start_run(db, "greenhouse", started_at)
    finish_run(db, run_id, source="greenhouse", finished_at=started_at.replace("T00", "T01"), reason="finished",
               outcomes={"x": ("ok", "")}, pages=1, pages_new=1, errors=0)  # fmt: skip


def test_close_missing_postings_a_failed_posting_never_closes_its_board(
    db, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.components.posting_fields as fields

    week1, week2 = "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z"
    _crawl(db, week1)
    body = (HOSTILE / "greenhouse-surrogates.json").read_text("utf-8")
    save_page(db, url="https://example.test/board", source="greenhouse", board="x", status=200,
              content_type="application/json", body=body, fetched_at=week1.replace("T00", "T00:30"))  # fmt: skip
    run_extraction(db)
    # The next week the board lists the same two postings (one changed) but one of them cannot be read.
    real = fields.find_salary
    monkeypatch.setattr(
        fields,
        "find_salary",
        lambda text, **place: (
            (_ for _ in ()).throw(ValueError("bad")) if "Kafka" in text else real(text, **place)
        ),
    )
    _crawl(db, week2)
    save_page(db, url="https://example.test/board", source="greenhouse", board="x", status=200,
              content_type="application/json", body=body.replace("Airflow", "dbt"), fetched_at="2026-11-09T00:30:00Z")  # fmt: skip
    summary = run_extraction(db)
    assert (summary.errors, summary.closed) == (1, 0)
    assert db.execute("select count(*) from postings where closed_at is not null").fetchone() == (0,)


def test_run_extraction_rerun_with_nothing_new_skips_dedup(db, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.run as run

    save_page(db, url="https://example.test/good", source="greenhouse", board="x", status=200,
              content_type="application/json", body=GOOD)  # fmt: skip
    run_extraction(db)
    calls: list[int] = []
    real = run.find_duplicates_by_group
    monkeypatch.setattr(run, "find_duplicates_by_group", lambda *a: calls.append(1) or real(*a))
    run_extraction(db)
    assert calls == []
    # A run killed after writing postings but before de-duplicating leaves it pending: the next run does it.
    db.execute("update meta set value = '1' where key = 'dedup_pending'")
    db.conn.commit()
    run_extraction(db)
    assert calls == [1]


def test_run_extraction_cuts_a_huge_description_and_records_its_length(db) -> None:
    from extract.isolate import MAX_DESCRIPTION_CHARS

    text = "Python and SQL. " * 30_000  # 480,000 characters
    save_page(db, url="https://example.test/huge", source="greenhouse", board="x", status=200,
              content_type="application/json", body=_board(_greenhouse_job(5, text)))  # fmt: skip
    assert run_extraction(db).errors == 0
    stored, cut_from = db.execute("select length(description), description_cut_from from postings").fetchone()
    assert (stored, cut_from) == (MAX_DESCRIPTION_CHARS, len(text.strip()))


@pytest.mark.parametrize(
    ("industry", "soc_code", "role"),
    [
        # A vague title is read by the employer's industry from the boards table (the sources registry) …
        ("healthcare & life sciences", "11-9111.00", "health services manager"),
        ("retail & e-commerce", "41-1011.00", "retail sales associate"),
        # … and keeps its broad occupation where the industry's managers do many kinds of work.
        ("software & internet", "11-1021.00", "operations manager"),
    ],
)
def test_run_extraction_reads_a_vague_title_by_the_boards_industry(
    db, industry: str, soc_code: str, role: str
) -> None:
    from store.boards import upsert_boards

    upsert_boards(db, [{"ats": "greenhouse", "board": "acme", "company": "Acme", "industry": industry,
                        "url": "https://example.test", "verified": 0}])  # fmt: skip
    save_page(db, url="https://example.test/acme", source="greenhouse", board="acme", status=200,
              content_type="application/json",
              body=_board(_greenhouse_job(8, "<p>Join a friendly team.</p>", "Deputy Manager")))  # fmt: skip
    assert run_extraction(db).errors == 0
    row = db.execute("select soc_code, role, industry from postings").fetchone()
    assert row == (soc_code, role, industry)
