"""The report as one static, self-contained web page, plus its charts as standalone SVG files.

``write_html`` writes ``index.html`` and every figure's chart (``skill_shares.svg``, ``ai_by_function.svg``,
``salary_bands.svg``, ``weekly.svg``: ``report.registry.CHARTS``) into a folder. The page is the headline
cards, each figure's own section (``Figure.html``, ordered by ``page_rank``) and the methodology. It needs
nothing from the network: CSS and charts are inline, there are no scripts, fonts or images, and a
Content-Security-Policy forbids loading any. Scraped text (skills, functions, roles, sources, currencies,
segment labels) is data: every such string passes through ``report.markup.esc`` and is written only as
element text, so ``<script>`` in a job title reads as text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from report.markup import clean, esc
from report.registry import CHARTS, FIGURES
from report.text import count, pct

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
        verb = "active" if scope.get("window") == "active" else "posted (else first seen)"
        window = f" {verb} from {scope['start'] or 'the start'} to {scope['end'] or 'the latest crawl'}"
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
        (
            "Implausible pay",
            f"{count(m['pay_implausible'])} left out of pay figures; plausible: {m['pay_plausible_range']}",
        ),
        ("Dates", m["date_window"]),
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


def _drilldown_link(key: str, pages: Collection[str]) -> str:
    """A link to the figure's drill-down page (``report.drilldown``), when one is written."""
    name = f"explain-{key}.html"
    if name not in pages:
        return ""
    return f'<p class="drilldown"><a href="{name}">The postings behind every number of this figure</a></p>'


def to_html(report: dict[str, Any], pages: Collection[str] = ()) -> str:
    """The whole page as text (see the module docstring); ``pages`` names the drill-down pages written."""
    m = report["methodology"]
    title = "jobpulse report"
    if m["scope"]["week"]:
        title += f" — {clean(m['scope']['week'])}"
    if m["scope"]["segment"]:
        title += f" — {clean(m['scope']['segment'])}"
    period = f"{m['first_week']} to {m['last_week']}" if m["weeks"] else "no dated postings"
    subtitle = f"{count(m['postings'])} job postings · {period} · generated {m['generated_at']}"
    charts = " · ".join(f'<a href="{name}">{name}</a>' for name in CHARTS)
    body = (
        f'<main><header><p class="kicker">Labour-market report</p><h1>{esc(title)}</h1>'
        f'<p class="meta">{esc(subtitle)}</p></header>'
        + _cards(report)
        + _about(m)
        + "".join(
            figure.html(report) + _drilldown_link(figure.key, pages)
            for figure in sorted(FIGURES, key=lambda figure: figure.page_rank)
        )
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


def write_html(report: dict[str, Any], directory: str | Path, pages: Mapping[str, str] | None = None) -> Path:
    """Write ``index.html``, the standalone SVG charts and ``pages`` (file name → text: the drill-downs of
    ``report.drilldown``, linked from each figure) into ``directory``; return the page's path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, chart in CHARTS.items():
        (folder / name).write_text(chart(report), encoding="utf-8")
    for name, text in (pages or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    page = folder / INDEX
    page.write_text(to_html(report, list(pages or ())), encoding="utf-8")
    return page
