"""The records that flow through extraction.

A vendor adapter (``extract/vendors/``) reads a stored payload into ``RawPosting``s: only what the
source states, nothing interpreted. ``extract.analyze`` turns each into a ``Posting`` with the fields
the reports use. Parsers in this package return the small value types below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.occupations import Occupation

SENIORITY_LEVELS = ("intern", "entry", "mid", "senior", "staff", "manager", "director", "executive")
AI_LEVELS = ("required", "preferred", "none")
REMOTE_VALUES = ("remote", "hybrid", "onsite")
PERIODS = ("hour", "day", "week", "month", "year")
SALARY_KINDS = ("base", "ote")


@dataclass(frozen=True, slots=True)
class Salary:
    """Pay as the posting states it, plus its annualized values in the same currency."""

    min: float
    max: float
    currency: str | None  # ISO 4217, None when the posting gives no currency and none can be inferred
    period: str  # one of PERIODS
    kind: str = "base"  # one of SALARY_KINDS; for OTE postings min/max are still the base when stated
    source: str = "text"  # where it came from: "greenhouse.pay_input_ranges", "jsonld.baseSalary", "text", …
    annual_min: float | None = None
    annual_max: float | None = None
    estimated: bool = False  # the source marks it as an estimate: never counted as disclosed
    # The employer sent it but marked it not to be shown (Ashby shouldDisplayCompensationOnJobPostings:
    # false): kept for the record, never counted as disclosed nor in pay figures.
    withheld: bool = False
    note: str | None = None  # what the parser did to it, e.g. "scaled x1000: stated 100-130 per year"


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One skill found in a description, with its evidence."""

    skill: str  # canonical name from the taxonomy
    surface: str  # the text matched, exactly as in the description
    start: int  # character offsets into the description
    end: int
    preferred: bool = False  # under a nice-to-have / preferred / bonus section or phrase
    section: str | None = None  # about, responsibilities, requirements, preferred, benefits, other


@dataclass(slots=True)
class RawPosting:
    """What a source states about one posting, before interpretation."""

    source: str  # vendor/spider name: greenhouse, lever, ashby, jsonld, …
    source_id: str  # the vendor's id for the posting (unique within source)
    title: str
    description: str  # plain text (see extract.html_text.html_to_text)
    fetched_at: str  # ISO 8601 UTC time of the fetch
    board: str | None = None
    company: str | None = None
    url: str | None = None
    location: str | None = None
    remote_hint: str | None = None  # remote/hybrid/onsite when a structured field says so
    department: str | None = None
    employment_type: str | None = None
    posted: str | None = None  # as the source gives it: ISO date/datetime, epoch ms, or text
    salary: Salary | None = None  # from a structured field, when the source has one
    seniority_hint: str | None = None  # the vendor's own level label, when it has one
    page_id: int | None = None  # the stored page it came from
    page_text: str | None = None  # visible text of a career page around the posting ("Boston · Hybrid")
    industry: str | None = None  # the employer's, from the sources registry (read for a vague title)


@dataclass(slots=True)
class Posting:
    """One posting with every extracted field, as stored in ``postings``."""

    raw: RawPosting
    role: str | None = None
    function: str | None = None
    occupation: Occupation | None = None  # O*NET-SOC occupation (extract.occupations)
    seniority: str | None = None
    ai: str = "none"
    llm_focused: bool = False
    remote: str | None = None
    posted: str | None = None  # ISO date
    salary: Salary | None = None
    skills: list[SkillMatch] = field(default_factory=list)
