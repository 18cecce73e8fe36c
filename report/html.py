"""The report as one static, self-contained web page, plus its charts as standalone SVG files.

``write_html`` writes ``index.html`` and the charts ``skill_shares.svg``, ``ai_by_function.svg``,
``salary_bands.svg`` and ``weekly.svg`` (``report.svg``) into a folder. The page needs nothing from the
network: CSS and charts are inline, there are no scripts, fonts or images, and a Content-Security-Policy
forbids loading any. Scraped text
(skills, functions, roles, sources, currencies, segment labels) is data: every such string passes through
``report.svg.esc`` and is written only as element text, so ``<script>`` in a job title reads as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from report import svg
from report.render import count, pct
from report.svg import clean, esc, money_text

INDEX = "index.html"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
:root { --ink: #1f2328; --muted: #5f6b7a; --line: #e4e7eb; --soft: #f6f7f9; --accent: #2f5d9e;
  --ai: #c2580c; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 940px; margin: 0 auto; padding: 40px 28px 72px; }
.kicker { margin: 0; color: var(--accent); font-size: .78rem; font-weight: 650; letter-spacing: .08em;
  text-transform: uppercase; }
h1 { margin: .15em 0 .2em; font-size: 2.1rem; line-height: 1.2; letter-spacing: -.01em; }
h2 { margin: 0 0 .2em; font-size: 1.4rem; line-height: 1.3; }
h3 { margin: 1.4em 0 .4em; font-size: 1rem; }
.meta { margin: 0; color: var(--muted); font-size: .95rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px;
  margin: 28px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px 12px; }
.card .label { color: var(--muted); font-size: .74rem; font-weight: 600; letter-spacing: .05em;
  text-transform: uppercase; }
.card .value { font-size: 1.85rem; font-weight: 680; line-height: 1.25; font-variant-numeric: tabular-nums; }
.card .note { color: var(--muted); font-size: .84rem; line-height: 1.35; }
.card.ai .value { color: var(--ai); }
.about { margin: 20px 0 0; padding: 14px 18px; background: var(--soft); border-radius: 10px;
  font-size: .93rem; }
section { margin-top: 52px; }
.lede { margin: 0 0 18px; max-width: 68ch; color: var(--muted); }
figure { margin: 0; }
svg { display: block; max-width: 100%; height: auto; }
figure svg { width: 100%; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th { padding: 6px 10px; border-bottom: 1.5px solid var(--ink); color: var(--muted); font-size: .74rem;
  font-weight: 650; letter-spacing: .03em; text-align: left; text-transform: uppercase;
  vertical-align: bottom; }
td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
.heat td.cell { width: 17%; text-align: center; }
.heat th:nth-child(2), .heat th:nth-child(3), .heat th:nth-child(4) { text-align: center; }
.suppressed, .dropped td { color: var(--muted); }
.suppressed { font-style: italic; }
.headline { font-size: 1.05rem; }
details { margin-top: 14px; }
summary { color: var(--accent); cursor: pointer; font-size: .93rem; }
dl { display: grid; grid-template-columns: 11rem 1fr; gap: 6px 16px; margin: 0; font-size: .92rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.definitions p { margin: .3em 0 1em; font-size: .9rem; white-space: pre-line; }
footer { margin-top: 56px; padding-top: 14px; border-top: 1px solid var(--line); color: var(--muted);
  font-size: .85rem; }
a { color: var(--accent); }
"""


# What each section shows, in a sentence or two under its heading.
LEDES = {
    "skills": (
        "Share of postings that ask for each skill, as a requirement or a nice-to-have; a posting counts "
        "once per skill group however many of its skills it names. Whiskers are 95% intervals; the number "
        "after each share is the count of postings."
    ),
    "ai": (
        "Share of each function's postings that require AI skills (AI/ML/LLM skills or the use of AI tools), "
        "that only prefer them, or either. Darker cells are higher shares."
    ),
    "pay": (
        "Annual base pay of postings that disclose it: the bar spans the middle half (25th to 75th "
        "percentile) and the tick marks the median. Each currency is its own panel; a seniority with too "
        "few postings is shown as suppressed with its n."
    ),
    "weekly": (
        "Postings per ISO week (of the posted date, else the date first seen), and the share of them asking "
        "for AI skills or disclosing salary. The latest week may still be filling up."
    ),
    "premium": (
        "Median pay of postings asking for AI skills over the median pay of comparable postings that do not, "
        "within cells of the same function, seniority and currency."
    ),
    "disclosure": "Share of postings that state pay; estimates shown by a job board do not count.",
}


def _section(key: str, title: str, lede: str, content: str) -> str:
    """A section: heading, lede (plain text, escaped here) and already-built content."""
    return f'<section id="{key}"><h2>{esc(title)}</h2><p class="lede">{esc(lede)}</p>{content}</section>'


def _row(cells: Iterable[str], *, css: str = "") -> str:
    """A table row from already-escaped cells ("<td…>…</td>")."""
    attr = f' class="{css}"' if css else ""
    return f"<tr{attr}>{''.join(cells)}</tr>"


def _td(value: object, *, num: bool = False, css: str = "") -> str:
    classes = " ".join(c for c in ("num" if num else "", css) if c)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{esc(value)}</td>"


def _table(header: Sequence[tuple[str, bool]], rows: Iterable[str], *, css: str = "") -> str:
    """A table: header is (label, numeric) pairs; rows are from ``_row``."""
    head = "".join(f'<th class="num">{esc(h)}</th>' if num else f"<th>{esc(h)}</th>" for h, num in header)
    attr = f' class="{css}"' if css else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _segment_title(segment: str) -> str:
    if segment == "all":
        return "All postings in scope"
    if segment == "llm_focused":
        return "LLM-focused postings"
    return clean(segment.replace("=", ": ", 1))


def _card(label: str, value: str, note: str, *, css: str = "") -> str:
    classes = f"card {css}".strip()
    return (
        f'<div class="{classes}"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div>'
        f'<div class="note">{esc(note)}</div></div>'
    )


def _cards(report: dict[str, Any]) -> str:
    m = report["methodology"]
    premium = report["ai_premium"]
    n = m["postings"]
    if premium["overall"] is None:
        premium_card = _card(
            "AI premium", "not computed", f"no cell has n≥{premium['min_n']} disclosed postings on both sides"
        )
    else:
        premium_card = _card(
            "AI premium",
            pct(premium["overall"], signed=True),
            f"95% CI {pct(premium['ci_low'], signed=True)} to {pct(premium['ci_high'], signed=True)} · "
            f"{premium['cells_used']} of {premium['cells_used'] + premium['cells_dropped']} cells",
        )
    llm_share = pct(m["llm_focused"] / n) if n else "–"
    return (
        '<div class="cards">'
        + _card("Postings", count(n), f"{count(m['roles'])} roles · {count(m['functions'])} functions")
        + _card("AI skills", pct(m["ai_share"]), "of postings require or prefer them", css="ai")
        + _card(
            "Pay disclosed", pct(m["disclosure_rate"]), f"{count(m['disclosed'])} postings state a salary"
        )
        + premium_card
        + _card("LLM-focused", count(m["llm_focused"]), f"{llm_share} of postings")
        + "</div>"
    )


def _about(m: dict[str, Any]) -> str:
    scope = m["scope"]
    window = ""
    if scope["start"] or scope["end"]:
        window = f" active from {scope['start'] or 'the start'} to {scope['end'] or 'the latest crawl'}"
    segment = f", segment {clean(scope['segment'])}" if scope["segment"] else ""
    weeks = (
        f", posted over {count(m['weeks'])} ISO weeks ({m['first_week']} to {m['last_week']})"
        if m["weeks"]
        else ""
    )
    sources = ", ".join(clean(s) for s in m["sources"]) or "none"
    text = (
        f"{count(m['postings'])} de-duplicated job postings{window}{segment}{weeks}, from {sources}. "
        "Pay is the midpoint of the disclosed base-pay range, annualized, per currency and never mixed; "
        "employer estimates do not count as disclosed. Shares carry 95% Wilson intervals. "
        f"Figures from fewer than {m['min_n']} postings are suppressed and say so."
    )
    return f'<p class="about">{esc(text)} <a href="#methodology">Methodology</a></p>'


def _skills_section(report: dict[str, Any]) -> str:
    segments = list(dict.fromkeys(r["segment"] for r in report["skill_shares"]))
    tables = []
    for segment in segments:
        if segment == "all":
            continue
        rows = [r for r in report["skill_shares"] if r["segment"] == segment]
        body = (
            _row(
                [
                    _td(r["skill"]),
                    _td(r["kind"]),
                    _td(pct(r["share"]), num=True),
                    _td(f"{pct(r['ci_low'])} – {pct(r['ci_high'])}", num=True),
                    _td(count(r["count"]), num=True),
                ]
            )
            for r in rows
        )
        header = (("Skill", False), ("Kind", False), ("Share", True), ("95% CI", True), ("Postings", True))
        title = f"{_segment_title(segment)} (n={count(rows[0]['n'])})"
        tables.append(f"<h3>{esc(title)}</h3>" + _table(header, body))
    more = (
        "<details><summary>LLM-focused and per-function skill shares</summary>"
        + "".join(tables)
        + "</details>"
        if tables
        else ""
    )
    chart = f"<figure>{svg.skill_shares_svg(report, titled=False)}</figure>"
    return _section("skills", "Skills in demand", LEDES["skills"], chart + more)


def _ai_section(report: dict[str, Any]) -> str:
    rows = report["ai_by_function"]
    top = svg.heat_scale(rows)
    body = []
    for r in rows:
        cells = [_td(r["function"])]
        for key, _ in svg.AI_COLUMNS:
            fill, ink = svg.heat_colors(r[key], top)
            cells.append(f'<td class="cell" style="background:{fill};color:{ink}">{esc(pct(r[key]))}</td>')
        cells.append(_td(f"{pct(r['ci_low'])} – {pct(r['ci_high'])}", num=True))
        cells.append(_td(count(r["n"]), num=True))
        body.append(_row(cells))
    header = [
        ("Function", False),
        *((h, False) for _, h in svg.AI_COLUMNS),
        ("95% CI, either", True),
        ("n", True),
    ]
    table = _table(header, body, css="heat") if rows else "<p>No postings in scope.</p>"
    lede = f"{LEDES['ai']} The colour scale runs from 0 to {pct(top)}."
    return _section("ai", "AI skills by function", lede, table)


def _band_cells(r: dict[str, Any]) -> list[str]:
    if r["suppressed"]:
        return [f'<td class="suppressed" colspan="2">suppressed (n={esc(count(r["n"]))})</td>']
    band = f"{money_text(r['p25'], r['currency'])} – {money_text(r['p75'], r['currency'])}"
    return [_td(band, num=True), _td(money_text(r["median"], r["currency"]), num=True)]


def _bands_table(rows: Sequence[dict[str, Any]], level: str) -> str:
    body = (
        _row(
            [
                _td(r[level]),
                _td(r["seniority"]),
                _td(r["currency"]),
                *_band_cells(r),
                _td(count(r["n"]), num=True),
            ]
        )
        for r in rows
    )
    header = (
        (level.capitalize(), False),
        ("Seniority", False),
        ("Currency", False),
        ("Middle half (p25 – p75)", True),
        ("Median", True),
        ("n", True),
    )
    return _table(header, body)


def _salary_section(report: dict[str, Any]) -> str:
    more = []
    for level, title in (
        ("function", "Pay by function and seniority"),
        ("role", "Pay by role and seniority"),
    ):
        rows = [r for r in report["salary_bands"] if r[level] is not None]
        if rows:
            more.append(f"<details><summary>{esc(title)}</summary>{_bands_table(rows, level)}</details>")
    chart = f"<figure>{svg.salary_bands_svg(report, titled=False)}</figure>"
    return _section("pay", "Pay by seniority", LEDES["pay"], chart + "".join(more))


def _weekly_section(report: dict[str, Any]) -> str:
    body = (
        _row(
            [
                _td(w["week"]),
                _td(count(w["postings"]), num=True),
                _td(pct(w["postings_change"], signed=True), num=True),
                _td(pct(w["ai_share"]), num=True),
                _td(pct(w["disclosure_rate"]), num=True),
            ]
        )
        for w in report["weekly"]
    )
    header = (("Week", False), ("Postings", True), ("Change", True), ("AI share", True), ("Disclosure", True))
    summary = "<summary>Postings, AI share and disclosure per week</summary>"
    table = f"<details>{summary}{_table(header, body)}</details>" if report["weekly"] else ""
    chart = f"<figure>{svg.weekly_svg(report, titled=False)}</figure>"
    return _section("weekly", "Week by week", LEDES["weekly"], chart + table)


def _side(median: float | None, n: int, currency: object) -> str:
    return (
        f"{money_text(median, currency)} (n={count(n)})"
        if median is not None
        else f"suppressed (n={count(n)})"
    )


def _premium_section(report: dict[str, Any]) -> str:
    premium = report["ai_premium"]
    min_n = premium["min_n"]
    used, dropped = premium["cells_used"], premium["cells_dropped"]
    if premium["overall"] is None:
        headline = (
            "Not computed: no function × seniority × currency cell has at least "
            f"{min_n} disclosed postings on both sides ({count(dropped)} cells dropped)."
        )
    else:
        headline = (
            f"AI postings pay {pct(premium['overall'], signed=True)} (95% bootstrap interval "
            f"{pct(premium['ci_low'], signed=True)} to {pct(premium['ci_high'], signed=True)}) compared with "
            "postings of the same function, seniority and currency, weighted by AI postings over "
            f"{count(used)} cells; {count(dropped)} cells dropped for having fewer than {min_n} disclosed "
            "postings on a side."
        )

    def rows(cells: Iterable[dict[str, Any]], css: str = "") -> list[str]:
        return [
            _row(
                [
                    _td(c["function"]),
                    _td(c["seniority"]),
                    _td(c["currency"]),
                    _td(_side(c["median_ai"], c["n_ai"], c["currency"]), num=True),
                    _td(_side(c["median_other"], c["n_other"], c["currency"]), num=True),
                    _td(pct(c["premium"], signed=True) if c["used"] else "–", num=True),
                    _td("used" if c["used"] else "dropped"),
                ],
                css=css,
            )
            for c in cells
        ]

    header = (
        ("Function", False),
        ("Seniority", False),
        ("Currency", False),
        ("AI median (n)", True),
        ("Other median (n)", True),
        ("Premium", True),
        ("Cell", False),
    )
    used_rows = rows(c for c in premium["cells"] if c["used"])
    dropped_rows = rows((c for c in premium["cells"] if not c["used"]), "dropped")
    parts = [f'<p class="headline">{esc(headline)}</p>']
    if used_rows:
        parts.append(_table(header, used_rows))
    if dropped_rows:
        parts.append(
            f"<details><summary>{esc(f'{count(len(dropped_rows))} dropped cells')}</summary>"
            f"{_table(header, dropped_rows)}</details>"
        )
    return _section("premium", "AI premium", LEDES["premium"], "".join(parts))


def _disclosure_table(rows: Iterable[dict[str, Any]], label: str) -> str:
    body = (
        _row(
            [
                _td(r["key"]),
                _td(count(r["disclosed"]), num=True),
                _td(pct(r["rate"]), num=True),
                _td(count(r["n"]), num=True),
            ]
        )
        for r in rows
    )
    return _table(((label, False), ("Disclosed", True), ("Rate", True), ("n", True)), body)


def _disclosure_section(report: dict[str, Any]) -> str:
    rows = report["disclosure"]
    overall = next((r for r in rows if r["by"] == "all"), None)
    lede = LEDES["disclosure"]
    if overall:
        disclosed, n = count(overall["disclosed"]), count(overall["n"])
        lede += f" Overall {pct(overall['rate'])}: {disclosed} of {n} postings."
    more = "".join(
        f"<details><summary>{esc(f'By {by}')}</summary>{_disclosure_table(picked, by.capitalize())}</details>"
        for by in ("function", "industry")
        if (picked := [r for r in rows if r["by"] == by])
    )
    by_source = [r for r in rows if r["by"] == "source"]
    table = _disclosure_table(by_source, "Source") if by_source else ""
    return _section("disclosure", "Salary disclosure", lede, table + more)


def _methodology_section(m: dict[str, Any]) -> str:
    scope = m["scope"]
    window = scope["start"] or scope["end"]
    items = [
        (
            "Window",
            f"{scope['start'] or 'first'} to {scope['end'] or 'latest'}" if window else "none: every posting",
        ),
        ("Segment", scope["segment"] or "none: every function, role and seniority"),
        ("Postings", f"{count(m['postings'])} ({count(m['undated_postings'])} undated)"),
        ("Sources", ", ".join(f"{clean(k)} {count(v)}" for k, v in m["sources"].items()) or "none"),
        ("De-duplication", m["dedup_rule"]),
        ("Weeks", m["week_basis"]),
        ("Annualization", m["annualization"]),
        ("Percentiles", m["percentile_method"]),
        (
            "Pay currencies",
            ", ".join(f"{clean(k)} {count(v)}" for k, v in m["pay_currencies"].items()) or "none",
        ),
        ("Minimum cell", f"n={m['min_n']}: smaller figures are published as suppressed, with their n"),
        ("Extractor", m["extractor_version"]),
        ("Taxonomy", m["taxonomy_version"]),
        ("Generated", m["generated_at"]),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items)
    definitions = "".join(
        f"<h3>{esc(name)}</h3><p>{esc(text)}</p>" for name, text in m["definitions"].items() if text
    )
    return (
        '<section id="methodology"><h2>Methodology</h2>'
        f"<dl>{rows}</dl>"
        f'<details class="definitions"><summary>Published definitions of every figure</summary>{definitions}'
        "</details></section>"
    )


def to_html(report: dict[str, Any]) -> str:
    """The whole page as text (see the module docstring)."""
    m = report["methodology"]
    title = "jobpulse report"
    if m["scope"]["week"]:
        title += f" — {clean(m['scope']['week'])}"
    if m["scope"]["segment"]:
        title += f" — {clean(m['scope']['segment'])}"
    period = f"{m['first_week']} to {m['last_week']}" if m["weeks"] else "no dated postings"
    subtitle = f"{count(m['postings'])} job postings · {period} · generated {m['generated_at']}"
    charts = " · ".join(f'<a href="{name}">{name}</a>' for name in svg.CHARTS)
    body = (
        f'<main><header><p class="kicker">Labour-market report</p><h1>{esc(title)}</h1>'
        f'<p class="meta">{esc(subtitle)}</p></header>'
        + _cards(report)
        + _about(m)
        + _skills_section(report)
        + _ai_section(report)
        + _salary_section(report)
        + _weekly_section(report)
        + _premium_section(report)
        + _disclosure_section(report)
        + _methodology_section(m)
        + f"<footer>Charts as standalone SVG: {charts}. Tables as CSV and JSON: "
        "<code>extract report --format csv</code>.</footer></main>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def write_html(report: dict[str, Any], directory: str | Path) -> Path:
    """Write ``index.html`` and the standalone SVG charts into ``directory``; return the page's path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, chart in svg.CHARTS.items():
        (folder / name).write_text(chart(report), encoding="utf-8")
    page = folder / INDEX
    page.write_text(to_html(report), encoding="utf-8")
    return page
