"""The body of one function hub page (``hubs/<slug>.html``), from the ``hubs`` figure of a report.

``report.html`` wraps it in the same self-contained page shell as the main page. Every scraped string passes
through ``report.markup.esc`` (via ``td``, ``section`` and ``esc``), as on the main page.
"""

from __future__ import annotations

from typing import Any

from report.hubs import adoption_text, partial_weeks, premium_line, what_changed
from report.markup import esc, money_text, row, section, table, td
from report.text import count, pct


def _pay(hub: dict[str, Any]) -> str:
    body = []
    for r in hub["pay"]:
        if r["suppressed"]:
            cells = [f'<td class="suppressed" colspan="2">suppressed (n={esc(count(r["n"]))})</td>']
        else:
            band = f"{money_text(r['p25'], r['currency'])} – {money_text(r['p75'], r['currency'])}"
            cells = [td(band, num=True), td(money_text(r["median"], r["currency"]), num=True)]
        body.append(row([td(r["seniority"]), td(r["currency"]), *cells, td(count(r["n"]), num=True)]))
    header = (("Seniority", False), ("Currency", False), ("Middle half", True), ("Median", True), ("n", True))
    return table(header, body) if body else "<p>No disclosed pay.</p>"


def _premium(hub: dict[str, Any]) -> str:
    body = [
        row(
            [
                td(c["seniority"]),
                td(c["currency"]),
                td(f"{money_text(c['median_ai'], c['currency'])} (n={count(c['n_ai'])})", num=True),
                td(f"{money_text(c['median_other'], c['currency'])} (n={count(c['n_other'])})", num=True),
                td(pct(c["premium"], signed=True) if c["used"] else "–", num=True),
            ],
            css="" if c["used"] else "dropped",
        )
        for c in hub["premium_cells"]
    ]
    header = (("Seniority", False), ("Currency", False), ("AI median", True), ("Other median", True),
              ("Premium", True))  # fmt: skip
    return f"<p>{esc(premium_line(hub, money_text))}</p>" + (table(header, body) if body else "")


def _skills(rows: list[dict[str, Any]]) -> str:
    body = [
        row([td(s["skill"]), td(pct(s["share"]), num=True),
             td(f"{pct(s['ci_low'])} – {pct(s['ci_high'])}", num=True), td(count(s["count"]), num=True)])
        for s in rows
    ]  # fmt: skip
    header = (("Skill", False), ("Share", True), ("95% CI", True), ("Postings", True))
    return table(header, body) if body else "<p>None in scope.</p>"


def _trend(hub: dict[str, Any]) -> str:
    body = [
        row([td(w["week"]), td(count(w["postings"]), num=True), td(pct(w["ai_share"]), num=True),
             td(pct(w["disclosure_rate"]), num=True)])
        for w in hub["trend"]
    ]  # fmt: skip
    header = (("Week", False), ("Postings", True), ("AI share", True), ("Disclosure", True))
    return table(header, body) if body else "<p>No dated postings.</p>"


def hub_body(report: dict[str, Any], hub: dict[str, Any]) -> str:
    """The hub's sections, in reading order."""
    changed = "".join(f"<li>{esc(s)}</li>" for s in what_changed(hub, partial_weeks(report)))
    a = hub["adoption"]
    adoption = table(
        (("Required", True), ("Preferred", True), ("Either", True), ("95% CI, either", True), ("n", True)),
        [row([td(pct(a["required"]), num=True), td(pct(a["preferred"]), num=True),
              td(pct(a["any"]["share"]), num=True),
              td(f"{pct(a['any']['ci_low'])} – {pct(a['any']['ci_high'])}", num=True),
              td(count(a["n"]), num=True)])],
    )  # fmt: skip
    return "".join(
        (
            section("changed", "What changed", "Only week-over-week changes whose 95% interval excludes zero.",
                    f"<ul>{changed}</ul>"),
            section("adoption", "AI adoption", adoption_text(hub), adoption),
            section("pay", "Pay by seniority", "Annualized base pay of postings that disclose it.", _pay(hub)),
            section("premium", "AI premium cells", "Median pay of AI postings over the others, per seniority "
                    "and currency; a cell is used when both sides have enough disclosed postings.", _premium(hub)),
            section("skills", "Top skills", "Share of the function's postings asking for each skill.",
                    _skills(hub["top_skills"])),
            section("ai-skills", "AI skills", "Skills the taxonomy flags as AI.", _skills(hub["ai_skills"])),
            section("trend", "Week by week", "Postings, AI share and disclosure rate per ISO week.", _trend(hub)),
        )
    )  # fmt: skip
