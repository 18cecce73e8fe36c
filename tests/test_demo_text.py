"""The wording of demo postings: the text names exactly the planted skills, titles and years agree."""

from __future__ import annotations

import re
from functools import cache

import pytest

from demo.formats import FORMATS
from demo.market import DemoJob, DemoMarket, build_market
from demo.model import load_data
from demo.render import plain_text
from demo.text import cue_forms, numbered_title


@cache
def market() -> DemoMarket:
    return build_market()


def listed_jobs(ats: str | None = None) -> list[DemoJob]:
    return [j for j in market().jobs if j.listed and (ats is None or j.posting.ats == ats)]


@cache
def skill_matchers() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """Whole-word matchers over every spelling of every skill: (pattern, spelling -> canonical name).

    One alternation per case mode keeps the scan fast; short names that are also English words
    (Go, R, Epic) are matched case-sensitively.
    """
    spellings: dict[bool, dict[str, str]] = {True: {}, False: {}}
    for name, entry in load_data("skills").items():
        if name.startswith("_"):
            continue
        sensitive = bool(entry.get("case_sensitive"))
        for form in {name, entry.get("text", name), *entry.get("aliases", [])}:
            spellings[sensitive][form if sensitive else form.lower()] = name
    matchers = []
    for sensitive, forms in spellings.items():
        ordered = sorted(forms, key=len, reverse=True)
        alternation = "|".join(re.escape(f) for f in ordered)
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?![\w+#])", 0 if sensitive else re.IGNORECASE)
        matchers.append((pattern, forms))
    return tuple(matchers)


def skills_named(text: str) -> set[str]:
    found = set()
    for pattern, forms in skill_matchers():
        for match in pattern.finditer(text):
            found.add(forms.get(match.group(0)) or forms[match.group(0).lower()])
    return found


@pytest.mark.parametrize("ats", sorted(FORMATS))
def test_posting_text_names_exactly_its_skills(ats: str) -> None:
    for job in listed_jobs(ats):
        text = plain_text(job)
        found = skills_named(text)
        assert set(job.posting.skills) <= found, (job.posting.source_id, set(job.posting.skills) - found)
        assert found <= set(job.posting.skills) | set(job.posting.unasked_skills), (
            job.posting.source_id,
            found - set(job.posting.skills) - set(job.posting.unasked_skills),
        )


@pytest.mark.parametrize("ats", sorted(FORMATS))
def test_posting_text_length(ats: str) -> None:
    # Frontline postings (warehouse, retail) run shorter than office ones, as real ones do.
    assert all(200 <= len(plain_text(j).split()) <= 600 for j in listed_jobs(ats))


def test_company_names_are_not_skills() -> None:
    for employer in market().employers:
        assert not skills_named(employer.company), employer.company


@pytest.mark.parametrize(
    ("cue", "seniority"),
    [
        (r"^(Senior|Sr\.) ", "senior"),
        (r"^(Staff|Principal|Lead) ", "staff"),
        (r"\bIntern\b", "intern"),
        (r"^(Director of|Head of)\b", "director"),
        (r"^VP of\b", "executive"),
        (r"^(Junior|Associate) |\bI\b", "entry"),
        (r"\bII\b", "mid"),
    ],
)
def test_posting_title_cues_agree_with_seniority(cue: str, seniority: str) -> None:
    cued = [p for p in market().postings if re.search(cue, p.title)]
    assert cued
    assert {p.seniority for p in cued} == {seniority}


@pytest.mark.parametrize(("seniority", "low", "high"), [("entry", 0, 2), ("mid", 3, 5), ("senior", 6, 99)])
def test_posting_silent_titles_state_years(seniority: str, low: int, high: int) -> None:
    cues = re.compile(r"^(Senior|Sr\.|Junior|Associate) |\bII?\b")
    silent = [
        j for j in listed_jobs() if j.posting.seniority == seniority and not cues.search(j.posting.title)
    ]
    assert silent
    for job in silent:
        years = re.search(r"(\d+)(?:\+|–\d+) years", plain_text(job))
        assert years and low <= int(years.group(1)) <= high, job.posting.title


def test_posting_pay_is_stated_once() -> None:
    pay_words = re.compile(r"salary|per hour|/hour|per annum|per year", re.IGNORECASE)
    for job in listed_jobs():
        body = "\n".join(plain_text(job).split("\n\n")[:-1])  # the EEO line has no pay words
        in_text = job.posting.salary is not None and job.posting.salary.stated_in == "text"
        assert bool(pay_words.search(body)) == in_text, job.posting.source_id


@pytest.mark.parametrize(
    ("base", "level", "expected"),
    [
        ("Software Engineer, Backend", "mid", ["Software Engineer II, Backend"]),
        ("Data Engineer", "entry", ["Junior Data Engineer", "Data Engineer I"]),
        ("Data Engineer", "staff", ["Staff Data Engineer", "Principal Data Engineer", "Lead Data Engineer"]),
    ],
)
def test_cue_forms(base: str, level: str, expected: list[str]) -> None:
    assert cue_forms({"base": [base], "numbered": True}, level, base) == expected
    assert numbered_title("Data Engineer", "II") == "Data Engineer II"
