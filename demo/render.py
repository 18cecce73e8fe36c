"""Markup and text every vendor format shares: a job's sections as HTML or plain text, its office, its pay.

Pure functions of a ``DemoJob``; each format module in ``demo.formats`` arranges them its vendor's way.
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from demo.model import DemoJob, PlantedSalary, Section, load_data, money


def to_html(sections: tuple[Section, ...], heading: str = "h3", dash_entity: bool = False) -> str:
    """Sections as HTML: a heading each, paragraphs, bullets as a list; optionally the en dash as an entity."""
    parts = []
    for section in sections:
        if section.header:
            parts.append(f"<{heading}>{esc(section.header)}</{heading}>")
        parts += [f"<p>{esc(p)}</p>" for p in section.paragraphs]
        if section.bullets:
            parts.append("<ul>" + "".join(f"<li>{esc(b)}</li>" for b in section.bullets) + "</ul>")
    markup = "\n".join(parts)
    return markup.replace("–", "&ndash;") if dash_entity else markup


def to_plain(sections: tuple[Section, ...]) -> str:
    """Sections as plain text, bullets as "• " lines, a blank line between sections."""
    blocks = []
    for section in sections:
        lines = [section.header] if section.header else []
        lines += list(section.paragraphs)
        lines += [f"• {b}" for b in section.bullets]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def plain_text(job: DemoJob) -> str:
    """The posting's full text, as a reader sees it (used by tests and for word counts)."""
    return to_plain(job.sections)


def range_summary(salary: PlantedSalary) -> str:
    """A pay range as a salary summary line: "$120K – $150K" or "$40 – $48 per hour"."""
    style, unit = ("whole", " per hour") if salary.period == "hour" else ("k", "")
    return f"{money(salary.min, salary.currency, style)} – {money(salary.max, salary.currency, style)}{unit}"


def in_field(salary: PlantedSalary | None) -> bool:
    """The pay is stated in the vendor's salary field (not in the text, not at all)."""
    return salary is not None and salary.stated_in == "field"


def stable_number(text: str) -> int:
    """A small stable number for a name (Python's hash() is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text)) % 9973


def place_of(job: DemoJob) -> dict[str, str]:
    place: dict[str, str] = load_data("employers")["places"][job.office]
    return place


def country_name(job: DemoJob) -> str:
    # "the United States" reads well in a sentence; a location field drops the article.
    return str(load_data("employers")["countries"][job.country]["name"]).removeprefix("the ")


def employer_spec(company: str) -> dict[str, Any]:
    spec: dict[str, Any] = next(s for s in load_data("employers")["employers"] if s["company"] == company)
    return spec


def sections_of(job: DemoJob, *kinds: str) -> tuple[Section, ...]:
    return tuple(s for s in job.sections if s.kind in kinds)


# How formats that split a posting into parts group its sections.
OPENING = ("about", "role", "duties")
ASKING = ("requirements", "preferred")
CLOSING = ("benefits", "pay", "hiring", "eeo")


def pay_in_text(salary: PlantedSalary) -> PlantedSalary:
    """The ``fit_salary`` of a source without a salary field: its pay, when stated, is in the text."""
    return dataclasses.replace(salary, stated_in="text")
