"""``open_db(path, readonly=True)``: what ``extract report`` and ``explain`` use, writing nothing to the file."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from report import build_report
from report.explain import explain
from store import open_db
from store.db import SchemaTooOld


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def closed_db(build_hostile_db: Callable[..., sqlite_utils.Database], db_path: str) -> str:
    """A database file written and closed, checkpointed into the main file."""
    db = build_hostile_db(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return db_path


def test_open_db_readonly_reports_and_explains_without_writing(closed_db: str) -> None:
    before = _digest(closed_db)
    db = open_db(closed_db, readonly=True)
    report = build_report(db, min_n=1)
    explain(db, report["disclosure"][0]["id"], min_n=1)
    db.close()
    assert report["methodology"]["postings"] == 83
    assert _digest(closed_db) == before


def test_open_db_readonly_refuses_writes(closed_db: str) -> None:
    db = open_db(closed_db, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM postings")


def test_open_db_readonly_leaves_stale_views(closed_db: str) -> None:
    writable = open_db(closed_db)
    writable.execute("DROP VIEW weekly_postings")
    writable.close()
    db = open_db(closed_db, readonly=True)
    assert not db["weekly_postings"].exists()  # not recreated: the file is not written
    assert build_report(db, min_n=1)["weekly"]


def test_open_db_readonly_fails_clearly_on_an_old_schema(db_path: str) -> None:
    sqlite_utils.Database(db_path)["postings"].insert({"id": 1, "title": "x"})
    before = _digest(db_path)
    with pytest.raises(SchemaTooOld, match=r"predates this jobpulse .*m001_initial.*write access"):
        open_db(db_path, readonly=True)
    assert _digest(db_path) == before


@pytest.mark.parametrize("path", ["missing.db", ":memory:"])
def test_open_db_readonly_needs_a_file(tmp_path: Path, path: str) -> None:
    target = path if path == ":memory:" else str(tmp_path / path)
    with pytest.raises(FileNotFoundError, match="no database"):
        open_db(target, readonly=True)
    assert not (tmp_path / "missing.db").exists()
