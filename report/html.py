"""The report as one static, self-contained web page, plus its charts as standalone SVG files.

``write_html`` writes ``index.html`` and every figure's chart (``skill_shares.svg``, ``ai_by_function.svg``,
``salary_bands.svg``, ``weekly.svg``: ``report.registry.CHARTS``) into a folder, and one hub page per
function (``hubs/<slug>.html``, ``report.hub_pages``). The page is the headline cards (each saying what it
covers), each figure's own section (``Figure.html``, ordered by ``page_rank``) and the methodology. On a
narrow screen (≤ 640 px) nothing is wider than the screen: tables and charts scroll inside their own box, and
charts keep their drawn size so their text stays at least 11 px. It needs
nothing from the network: CSS and charts are inline, there are no scripts, fonts or images, and a
Content-Security-Policy forbids loading any. Scraped text (skills, functions, roles, sources, currencies,
segment labels) is data: every such string passes through ``report.markup.esc`` and is written only as
element text, so ``<script>`` in a job title reads as text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from report.hub_pages import hub_body
from report.hubs import HUB_DIR
from report.markup import clean, esc
from report.registry import CHARTS, FIGURES
from report.text import count, pct
from report.weighted import stratum_label

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
.card { min-width: 0; }
.card .value { font-size: 1.85rem; font-weight: 680; line-height: 1.25; font-variant-numeric: tabular-nums;
  overflow-wrap: anywhere; }
.card .value.words { font-size: 1.2rem; }
.card .note { color: var(--muted); font-size: .84rem; line-height: 1.35; overflow-wrap: anywhere; }
.card.ai .value { color: var(--ai); }
.about { margin: 20px 0 0; padding: 14px 18px; background: var(--soft); border-radius: 10px;
  font-size: .93rem; }
section { margin-top: 52px; }
.lede { margin: 0 0 18px; max-width: 68ch; color: var(--muted); }
figure { margin: 0; overflow-x: auto; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.grid td.pay { min-width: 16rem; }
nav.back { margin-bottom: 8px; font-size: .93rem; }
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
p, li, dd, .lede, .about, .headline { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  main { padding: 24px 14px 56px; }
  h1 { font-size: 1.6rem; }
  .cards { grid-template-columns: 1fr 1fr; }
  /* charts keep their drawn size, so their text stays at least 11 px, and scroll inside their own box */
  figure svg { width: auto; max-width: none; }
  dl { grid-template-columns: 1fr; gap: 2px; }
  dd { margin-bottom: 8px; }
  table { font-size: .85rem; }
}
"""


def _card(label: str, value: str, note: str, *, css: str = "") -> str:
    classes = f"card {css}".strip()
    value_css = "value" if any(c.isdigit() for c in value) else "value words"
    return (
        f'<div class="{classes}"><div class="label">{esc(label)}</div>'
        f'<div class="{value_css}">{esc(value)}</div><div class="note">{esc(note)}</div></div>'
    )


def premium_scope(premium: dict[str, Any]) -> str:
    """What the overall premium rests on: "engineering · USD, 3 of 125 cells"."""
    used = [c for c in premium["cells"] if c["used"]]
    functions = sorted({clean(c["function"]) for c in used})
    currencies = sorted({clean(c["currency"]) for c in used})
    where = ", ".join(functions[:3]) + (f" and {len(functions) - 3} more" if len(functions) > 3 else "")
    total = premium["cells_used"] + premium["cells_dropped"]
    return f"{where} · {', '.join(currencies)}, {premium['cells_used']} of {total} cells"


def scope_label(m: dict[str, Any]) -> str:
    """The scope every headline card covers: "all 1,960 postings" or the segment and window."""
    scope = m["scope"]
    parts = [clean(scope["segment"])] if scope["segment"] else []
    if scope["start"] or scope["end"]:
        parts.append(f"{scope['start'] or 'first'} to {scope['end'] or 'latest'}")
    return f"{', '.join(parts) or 'all'}: {count(m['postings'])} postings"


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
            f"{premium_scope(premium)} · 95% CI {pct(premium['ci_low'], signed=True)} to "
            f"{pct(premium['ci_high'], signed=True)}",
        )
    llm_share = pct(m["llm_focused"] / n) if n else "–"
    where = scope_label(m)
    definition = m.get("ai_definition", "jobpulse")
    return (
        '<div class="cards">'
        + _card(
            "Postings", count(n), f"{where} · {count(m['roles'])} roles · {count(m['functions'])} functions"
        )
        + _card("AI skills", pct(m["ai_share"]), f"{where} · AI definition: {definition}", css="ai")
        + _card(
            "Pay disclosed", pct(m["disclosure_rate"]), f"{where} · {count(m['disclosed'])} state a salary"
        )
        + premium_card
        + _card("LLM-focused", count(m["llm_focused"]), f"{where} · {llm_share} of them")
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


def ai_shares(m: dict[str, Any]) -> str:
    """ "jobpulse 36.3% · any-ai-skill 36.3% · keywords 33.5%"."""
    return " · ".join(f"{name} {pct(v['share'])}" for name, v in m["ai_definitions"].items())


def representativeness_text(stated: dict[str, dict[str, Any]]) -> str:
    if not stated:
        return "no reference distribution given (extract report --weight … --reference FILE)"
    return "; ".join(_mix_text(r) for r in stated.values())


def _mix_text(r: dict[str, Any]) -> str:
    ref = r["reference"]
    over = ", ".join(clean(stratum_label(r["by"], k)) for k in r["over_represented"]) or "none"
    under = ", ".join(clean(stratum_label(r["by"], k)) for k in r["under_represented"]) or "none"
    applied = "" if r["applied"] else f" (not applied: --weight {r['by']} applies it)"
    return (
        f"by {r['by']} against {ref['source']}, {ref['table']} ({ref['release']}): dissimilarity "
        f"{pct(r['dissimilarity'])}; over-represented {over}; under-represented {under}{applied}"
    )


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
        ("AI definition", f"{m['ai_definition']} (the figures); AI share under each: {ai_shares(m)}"),
        ("Industry mix", ", ".join(f"{clean(k)} {count(v)}" for k, v in m["industry_mix"].items()) or "none"),
        ("Representativeness", representativeness_text(m["representativeness"])),
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
    return document(title, body)


def document(title: str, body: str) -> str:
    """A whole self-contained page around ``body`` (already built markup)."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def hub_html(report: dict[str, Any], hub: dict[str, Any]) -> str:
    """One function's hub page (see ``report.hub_pages``)."""
    m = report["methodology"]
    a = hub["adoption"]
    where = f"{clean(hub['function'])}: {count(a['n'])} postings"
    cards = (
        '<div class="cards">'
        + _card("Postings", count(a["n"]), f"{clean(hub['function'])} · {scope_label(m)} in the report")
        + _card("AI skills", pct(a["any"]["share"]), f"{where} · required or preferred", css="ai")
        + _card("Premium cells used", str(sum(c["used"] for c in hub["premium_cells"])),
                f"{where} · of {count(len(hub['premium_cells']))} seniority × currency cells")
        + "</div>"
    )  # fmt: skip
    body = (
        '<main><nav class="back"><a href="../index.html">← the whole report</a></nav>'
        f'<header><p class="kicker">Function hub</p><h1>{esc(hub["function"])}</h1>'
        f'<p class="meta">{esc(where + " · generated " + m["generated_at"])}</p></header>'
        + cards
        + hub_body(report, hub)
        + "</main>"
    )
    return document(f"jobpulse — {clean(hub['function'])}", body)


def write_html(report: dict[str, Any], directory: str | Path, pages: Mapping[str, str] | None = None) -> Path:
    """Write ``index.html``, the standalone SVG charts and ``pages`` (file name → text: the drill-downs of
    ``report.drilldown``, linked from each figure) into ``directory``; return the page's path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, chart in CHARTS.items():
        (folder / name).write_text(chart(report), encoding="utf-8")
    for name, text in (pages or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    if report.get("hubs"):
        (folder / HUB_DIR).mkdir(exist_ok=True)
    for hub in report.get("hubs", {}).values():
        (folder / HUB_DIR / f"{hub['slug']}.html").write_text(hub_html(report, hub), encoding="utf-8")
    page = folder / INDEX
    page.write_text(to_html(report, list(pages or ())), encoding="utf-8")
    return page
