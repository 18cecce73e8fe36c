"""The demo market's vocabulary: what a served job is made of, its planted truth, and the market's calendar.

Every other demo module builds on these types; this one imports nothing of the demo's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

DEFAULT_SEED = 20261124
# 1,600 on the original 16 boards + 360 on the newer vendors and feeds + 128 on the simple boards (BambooHR,
# Teamtailor, Jobvite, Breezy): 16 per share point, so adding them left every other board's count as it was.
DEFAULT_POSTINGS = 2088
MARKET_DATE = date(2026, 11, 24)  # postings are dated within the 8 weeks before this day
POSTED_WINDOW_DAYS = 56
DEFAULT_BASE_URL = "http://127.0.0.1"
HOURS_PER_YEAR = 2080
DATA_DIR = Path(__file__).parent / "data"

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

# Functions whose about-us paragraph may name the company's stack; a nurse posting would not.
TECH_FUNCTIONS = frozenset(
    {"engineering", "data-and-analytics", "security", "quality-assurance", "information-technology"}
)
PEOPLE_LEVELS = frozenset({"manager", "director", "executive"})


class Response(NamedTuple):
    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class PlantedSalary:
    min: int
    max: int
    currency: str  # ISO 4217
    period: str  # year or hour
    stated_in: str  # "field" (vendor salary field / JSON-LD baseSalary) or "text" (description)


@dataclass(frozen=True, slots=True)
class PlantedPosting:
    ats: str
    board: str
    source_id: str
    company: str
    title: str
    role: str
    function: str
    seniority: str
    skills: tuple[str, ...]  # every skill asked for, required or preferred, sorted
    skills_preferred: tuple[str, ...]  # the subset asked for as nice-to-have, sorted
    ai: str  # required | preferred | none
    salary: PlantedSalary | None
    remote: str | None  # remote | hybrid | onsite | None when the posting says nothing
    posted: str  # YYYY-MM-DD
    industry: str
    location: str
    unasked_skills: tuple[str, ...] = ()  # named in the about-us text as what the company uses, not asked
    # Set on a second listing of a job already planted: (ats, source_id) of the listing it repeats.
    duplicate_of: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Section:
    kind: str  # about, role, duties, requirements, preferred, benefits, pay, hiring, eeo
    header: str | None
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoJob:
    """One served job: its truth plus what only the rendering needs."""

    posting: PlantedPosting
    listed: bool  # a posting; an unlisted job is served (a vendor may flag it) but is not one
    sections: tuple[Section, ...]
    department: str
    team: str
    intern: bool
    country: str  # ISO 3166 alpha-2 of the office
    office: str  # "City, ST" of the office, also for remote jobs
    published: datetime  # UTC
    updated: datetime  # UTC, never before published
    equity: bool  # the offer includes equity (Ashby shows it as a component)
    jsonld_shape: str  # object, graph or list
    dash_entity: bool  # write the en dash as &ndash; in HTML


@cache
def load_data(name: str) -> dict[str, Any]:
    """One of the templates in ``data/`` (employers, roles, skills, phrases), parsed once."""
    data: dict[str, Any] = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def market_end() -> datetime:
    """The market's last moment: 20:00 UTC on ``MARKET_DATE``."""
    return datetime(MARKET_DATE.year, MARKET_DATE.month, MARKET_DATE.day, 20, tzinfo=UTC)


def money(amount: int, currency: str, style: str) -> str:
    """An amount as a posting writes it: $120,000, $120K, €70.000 or $45.00."""
    symbol = {"USD": "$", "GBP": "£", "EUR": "€"}[currency]
    if style == "k":
        return f"{symbol}{amount // 1000}K"
    if style == "dot":  # continental style: €70.000
        return f"{symbol}{amount:,}".replace(",", ".")
    if style == "cents":
        return f"{symbol}{amount:,}.00"
    return f"{symbol}{amount:,}"
