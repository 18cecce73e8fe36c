"""Datasette metadata for the database: a title, a description and units for every table, view and column.

Generated from ``report/schema_docs.json`` (what each table and column means) and ``store.views.VIEWS``
(which views exist, in order): a view that computes a published figure over the whole database
(``"figure": true``) gets the shared note on what ``extract report`` adds. ``report/datasette_metadata.json``
is this function's output, committed so ``datasette jobs.db -m report/datasette_metadata.json`` works from a
checkout; a test checks it is current. Regenerate it with ``python -m report.datasette``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from store.views import VIEWS

DOCS = "schema_docs.json"
OUTPUT = Path(__file__).with_name("datasette_metadata.json")


def _view(docs: dict[str, Any], name: str, note: str) -> dict[str, Any]:
    view = docs[name]
    description = f"View: {view['description']}" + (f" {note}" if view["figure"] else "")
    return {"description": description, "columns": view["columns"]}


def metadata() -> dict[str, Any]:
    """The Datasette metadata document (``datasette -m``)."""
    docs = json.loads(resources.files("report").joinpath(DOCS).read_text(encoding="utf-8"))
    tables = dict(docs["tables"])
    tables.update((name, _view(docs["views"], name, docs["figure_view_note"])) for name in VIEWS)
    database = {"description": docs["database_description"], "tables": tables}
    return {**docs["metadata"], "databases": {docs["database"]: database}}


def render() -> str:
    """The metadata as the text of ``datasette_metadata.json``."""
    return json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT}")
