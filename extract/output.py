"""A Posting as a stored row, and as a prediction in the labelled-postings shape."""

from __future__ import annotations

import hashlib
from typing import Any

from extract import EXTRACTOR_VERSION
from extract.model import Posting, SkillMatch
from extract.roles import title_normalized
from extract.skills import load_taxonomy

# Taxonomy categories that are credentials a posting asks for, not skills: the labelled-postings format
# (shared eval FORMAT.md: "Certifications, licences and spoken languages are not skills") lists skills
# without them, so a prediction carries them apart, under ``credentials``.
CREDENTIAL_CATEGORIES = frozenset({"certification"})


def skill_sets(skills: list[SkillMatch]) -> tuple[list[str], list[str]]:
    """(all skills asked, those only ever asked as preferred), sorted. Required anywhere wins."""
    required = {s.skill for s in skills if not s.preferred}
    everything = {s.skill for s in skills}
    return sorted(everything, key=str.lower), sorted(everything - required, key=str.lower)


def split_credentials(skills: list[SkillMatch]) -> tuple[list[SkillMatch], list[SkillMatch]]:
    """(skills, credentials): a match whose taxonomy category is a credential goes to the second list."""
    taxonomy = load_taxonomy()
    asked: list[SkillMatch] = []
    credentials: list[SkillMatch] = []
    for match in skills:
        entry = taxonomy.get(match.skill)
        is_credential = entry is not None and entry.category in CREDENTIAL_CATEGORIES
        (credentials if is_credential else asked).append(match)
    return asked, credentials


def prediction(posting: Posting) -> dict[str, Any]:
    asked, credentials = split_credentials(posting.skills)
    skills, preferred = skill_sets(asked)
    salary = posting.salary
    disclosed = salary is not None and not salary.estimated and not salary.withheld
    return {
        "id": posting.raw.source_id,
        "title_normalized": title_normalized(posting.role, posting.seniority),
        "role": posting.role,
        "function": posting.function,
        "soc_code": posting.occupation.code if posting.occupation else None,
        "seniority": posting.seniority,
        "skills": skills,
        "skills_preferred": preferred,
        "credentials": skill_sets(credentials)[0],
        "ai": posting.ai,
        "llm_focused": posting.llm_focused,
        "salary": (
            {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period}
            if salary is not None and disclosed
            else None
        ),
        "salary_annual": (
            {"min": salary.annual_min, "max": salary.annual_max, "currency": salary.currency}
            if salary is not None and disclosed
            else None
        ),
        "salary_kind": salary.kind if salary else None,
        "salary_source": salary.source if salary else None,
        "posted": posting.posted,
        "remote": posting.remote,
    }


def evidence(posting: Posting) -> list[dict[str, Any]]:
    return [
        {"skill": s.skill, "surface": s.surface, "start": s.start, "end": s.end, "preferred": s.preferred,
         "section": s.section}
        for s in posting.skills
    ]  # fmt: skip


def content_hash(posting: Posting) -> str:
    raw = posting.raw
    parts = [raw.title, raw.description, raw.location or "", repr(raw.salary)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def posting_row(
    posting: Posting, *, industry: str | None, company: str | None, page_id: int | None
) -> dict[str, Any]:
    raw, salary = posting.raw, posting.salary
    return {
        "source": raw.source,
        "source_id": raw.source_id,
        "board": raw.board,
        "company": raw.company or company,
        "title": raw.title,
        "url": raw.url,
        "location": raw.location,
        "remote": posting.remote,
        "employment_type": raw.employment_type,
        "department": raw.department,
        "posted": posting.posted,
        "first_seen": raw.fetched_at,
        "last_seen": raw.fetched_at,
        "description": raw.description,
        "function": posting.function,
        "role": posting.role,
        "soc_code": posting.occupation.code if posting.occupation else None,
        "soc_title": posting.occupation.title if posting.occupation else None,
        "seniority": posting.seniority,
        "industry": industry,
        "ai": posting.ai,
        "llm_focused": int(posting.llm_focused),
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_period": salary.period if salary else None,
        "salary_annual_min": salary.annual_min if salary else None,
        "salary_annual_max": salary.annual_max if salary else None,
        "salary_kind": salary.kind if salary else None,
        "salary_source": salary.source if salary else None,
        "salary_estimated": int(salary.estimated) if salary else 0,
        "salary_withheld": int(salary.withheld) if salary else 0,
        "salary_note": salary.note if salary else None,
        "content_hash": content_hash(posting),
        "page_id": page_id,
        "extractor_version": EXTRACTOR_VERSION,
    }


def skill_rows(posting: Posting) -> list[dict[str, Any]]:
    return [
        {"skill": s.skill, "preferred": int(s.preferred), "surface": s.surface, "start": s.start, "end": s.end,
         "section": s.section}
        for s in posting.skills
    ]  # fmt: skip
