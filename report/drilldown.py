"""The report page's drill-downs: one page per figure listing the postings behind each of its rows.

``explain-<figure key>.html`` holds, for every row of the figure (anchor: the row id), what ``extract
explain`` returns for it: the lists (numerator and denominator, postings, or AI and other postings) with each
posting's title (linked to the posting when its address is http or https), company, source, id and evidence.
A list already shown for an earlier row (the denominator of every skill of a segment) links there instead of
repeating, and a list longer than ``MAX_SHOWN`` shows its first postings and says how to get all of them
(``extract explain``), which bounds the page whatever the database's size. The
page is as self-contained as the main one: no scripts, fonts or network.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from report.explain import LIST_ORDER, every_row, summary
from report.markup import esc, row, table, td

MAX_SHOWN = 200
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_:.=/-]")
_HEADER = (("Posting", False), ("Company", False), ("Source", False), ("Evidence", False))


def page_name(key: str) -> str:
    return f"explain-{key}.html"


def anchor(row_id: str) -> str:
    """An HTML id for a row id: characters outside a safe set become "_"."""
    return "row-" + _ANCHOR_UNSAFE.sub("_", row_id)


def _title(p: dict[str, Any]) -> str:
    title = esc(p["title"] or f"posting {p['id']}")
    url = p["url"] or ""
    if url.startswith(("https://", "http://")):  # never a javascript: or data: address from scraped data
        return (
            f'<td><a href="{esc(url)}" rel="nofollow noreferrer">{title}</a> <small>#{p["id"]}</small></td>'
        )
    return f"<td>{title} <small>#{p['id']}</small></td>"


def _evidence(p: dict[str, Any]) -> str:
    return "<br>".join(esc(summary(kind, value)) for kind, value in p["evidence"].items())


def _list_html(
    name: str, size: int, postings: list[dict[str, Any]], row_id: str, seen: dict[tuple[int, ...], str]
) -> str:
    key = (size, *(p["id"] for p in postings))
    heading = f"{name}: {size:,} postings"
    if key in seen and size > 1:
        return f'<p>{esc(heading)}, the same as <a href="#{anchor(seen[key])}">{esc(seen[key])}</a>.</p>'
    seen.setdefault(key, row_id)
    body = [row([_title(p), td(p["company"]), td(p["source"]), f"<td>{_evidence(p)}</td>"]) for p in postings]
    more = ""
    if size > len(postings):
        more = f"<p>First {len(postings)} shown; all of them: <code>extract explain {esc(row_id)}</code>.</p>"
    return f"<details><summary>{esc(heading)}</summary>{table(_HEADER, body)}{more}</details>"


def _row_html(
    row_id: str,
    sizes: dict[str, int],
    lists: dict[str, list[dict[str, Any]]],
    seen: dict[tuple[int, ...], str],
) -> str:
    parts = "".join(
        _list_html(name, sizes[name], lists[name], row_id, seen) for name in LIST_ORDER if name in lists
    )
    return f'<section id="{anchor(row_id)}"><h3>{esc(row_id)}</h3>{parts}</section>'


def drilldown_pages(
    db: sqlite_utils.Database, report: dict[str, Any], css: str, **inputs: Any
) -> dict[str, str]:
    """File name → page text, one page per figure of ``report`` (built from ``db`` with ``inputs``)."""
    sections: dict[str, list[str]] = {}
    definitions: dict[str, str] = {}
    seen: dict[str, dict[tuple[int, ...], str]] = {}
    for figure, fig_row, sizes, lists in every_row(db, report, MAX_SHOWN, **inputs):
        definitions[figure.key] = figure.definition
        section = _row_html(fig_row["id"], sizes, lists, seen.setdefault(figure.key, {}))
        sections.setdefault(figure.key, []).append(section)
    return {page_name(key): _page(key, definitions[key], body, css) for key, body in sections.items()}


def _page(key: str, definition: str, sections: list[str], css: str) -> str:
    csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    body = (
        f'<main><p class="kicker"><a href="index.html">jobpulse report</a></p><h1>{esc(key)}: the postings behind '
        f'each number</h1><p class="lede">{esc(definition)}</p>{"".join(sections)}</main>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n<link rel="icon" href="data:,">\n'
        f"<title>{esc(key)} — postings</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
