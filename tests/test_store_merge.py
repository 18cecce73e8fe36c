"""Merging per-machine crawl databases: every page once, later fetch times kept, safe to repeat."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jobpulse.cli import cli
from store import open_db
from store.pages import save_page


def _page(path: str, url: str, body: str, at: str) -> None:
    db = open_db(path)
    save_page(db, url=url, source="lever", board="b", status=200, content_type="application/json", body=body,
              fetched_at=at)  # fmt: skip
    db.close()


def test_cli_merge_combines_pages_once_and_keeps_latest_fetch(tmp_path: Path) -> None:
    main, a, b = (str(tmp_path / n) for n in ("jobs.db", "a.db", "b.db"))
    _page(main, "https://x.test/1", "[1]", "2026-11-20T00:00:00Z")
    _page(a, "https://x.test/1", "[1]", "2026-11-27T00:00:00Z")
    _page(b, "https://x.test/2", "[2]", "2026-11-27T00:00:00Z")
    for _ in range(2):
        result = CliRunner().invoke(cli, ["merge", "--db", main, a, b])
        assert result.exit_code == 0, result.output
    db = open_db(main)
    rows = db.execute("select url, last_fetched_at, extracted_at from pages order by url").fetchall()
    assert rows == [
        ("https://x.test/1", "2026-11-27T00:00:00Z", None),
        ("https://x.test/2", "2026-11-27T00:00:00Z", None),
    ]


def test_merge_crawl_leaves_its_inputs_untouched(tmp_path: Path) -> None:
    import hashlib
    import os

    import sqlite_utils

    from store.db import MIGRATIONS
    from store.merge import merge_crawl

    main, current, first = (str(tmp_path / n) for n in ("jobs.db", "current.db", "first.db"))
    _page(current, "https://x.test/1", "[1]", "2026-11-27T00:00:00Z")
    old = sqlite_utils.Database(first)  # a crawl database of the first schema, never migrated since
    MIGRATIONS.apply(old, stop_before=[m.name for m in MIGRATIONS._migrations[1:]])
    old.execute("""INSERT INTO pages (url, source, board, fetched_at, last_fetched_at, status, body, sha256)
                   VALUES ('https://x.test/2', 'lever', 'b', '2026-11-27', '2026-11-27', 200, '[2]', 'f')""")  # fmt: skip
    old.conn.commit()
    old.close()
    os.chmod(current, 0o444)  # a read-only input merges too
    digests = {path: hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in (current, first)}
    db = open_db(main)
    counts = [merge_crawl(db, path) for path in (current, first)]
    assert [c.pages_new for c in counts] == [1, 1]
    assert {path: hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in digests} == digests
    assert [m.name for m in MIGRATIONS.applied(sqlite_utils.Database(first))] == ["m001_initial"]
