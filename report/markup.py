"""HTML and SVG building blocks shared by the page (``report.html``), the charts and each figure's section.

Every string that comes from the database (skills, functions, roles, seniorities, currencies, segment labels)
passes through ``esc``: characters XML forbids and controls are removed (``report.text.inert``), whitespace is collapsed and ``& < > " '`` are
escaped, so a scraped label is always text, never markup; such strings are only ever written as element
text, never into attributes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from report.text import CURRENCY_SYMBOLS, UNKNOWN, inert, thousands


def clean(value: object) -> str:
    """Scraped text as one line: controls and XML-invalid characters out (``inert``), whitespace collapsed;
    None → "(unknown)"."""
    if value is None:
        return UNKNOWN
    return " ".join(inert(str(value)).split())


def esc(value: object) -> str:
    """Scraped text ready for HTML or SVG element text or a quoted attribute (see ``clean``)."""
    return html.escape(clean(value), quote=True)


def shorten(value: object, limit: int) -> str:
    """``clean`` text cut to ``limit`` characters with an ellipsis (the full text goes in a tooltip)."""
    text = clean(value)
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def money_text(amount: float | None, currency: object) -> str:
    """Annual pay in thousands with its currency, as plain text ("$130K", "CHF 120K"); "–" when missing."""
    if amount is None:
        return "–"
    code = clean(currency)
    symbol = CURRENCY_SYMBOLS.get(code)
    return f"{symbol}{thousands(amount)}" if symbol else f"{code} {thousands(amount)}"


def section(key: str, title: str, lede: str, content: str) -> str:
    """A page section: heading, lede (plain text, escaped here) and already-built content."""
    return f'<section id="{key}"><h2>{esc(title)}</h2><p class="lede">{esc(lede)}</p>{content}</section>'


def row(cells: Iterable[str], *, css: str = "") -> str:
    """A table row from already-escaped cells ("<td…>…</td>")."""
    attr = f' class="{css}"' if css else ""
    return f"<tr{attr}>{''.join(cells)}</tr>"


def td(value: object, *, num: bool = False, css: str = "") -> str:
    classes = " ".join(c for c in ("num" if num else "", css) if c)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{esc(value)}</td>"


def table(header: Sequence[tuple[str, bool]], rows: Iterable[str], *, css: str = "") -> str:
    """A table: header is (label, numeric) pairs; rows are from ``row``."""
    head = "".join(f'<th class="num">{esc(h)}</th>' if num else f"<th>{esc(h)}</th>" for h, num in header)
    attr = f' class="{css}"' if css else ""
    body = "".join(rows)
    # The wrapper scrolls sideways on a narrow screen, so a wide table never widens the page.
    return f'<div class="table-wrap"><table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def segment_title(segment: str) -> str:
    """A skill-share segment label as a heading ("all" → "All postings in scope")."""
    if segment == "all":
        return "All postings in scope"
    if segment == "llm_focused":
        return "LLM-focused postings"
    return clean(segment.replace("=", ": ", 1))
