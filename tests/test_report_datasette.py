"""The Datasette metadata is generated from ``report/schema_docs.json`` and ``store.views``, and covers the schema."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
import sqlite_utils

from report.datasette import metadata, render
from store import open_db
from store.views import VIEWS


def _committed() -> dict[str, Any]:
    text = resources.files("report").joinpath("datasette_metadata.json").read_text(encoding="utf-8")
    return json.loads(text)


def _schema(db: sqlite_utils.Database) -> dict[str, set[str]]:
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {name: {c.name for c in db[name].columns} for (name,) in names}


def test_datasette_metadata_committed_file_is_generated() -> None:
    committed = resources.files("report").joinpath("datasette_metadata.json").read_text(encoding="utf-8")
    assert committed == render(), "run `python -m report.datasette` and commit report/datasette_metadata.json"


def test_datasette_metadata_names_every_table_and_view(db: sqlite_utils.Database) -> None:
    meta = metadata()
    assert meta["title"] and meta["description"] and meta["license"] and meta["source"]
    tables = meta["databases"]["jobs"]["tables"]
    assert set(tables) == set(_schema(db))
    assert set(VIEWS) <= set(tables)


@pytest.mark.parametrize("name", sorted(_schema(open_db(":memory:"))))
def test_datasette_metadata_describes_every_column(name: str) -> None:
    table = _committed()["databases"]["jobs"]["tables"][name]
    assert table["description"].strip()
    assert set(table["columns"]) == _schema(open_db(":memory:"))[name]
    assert all(text.strip() for text in table["columns"].values())
