"""benchmarks.extract --linkedin: extract parse on a LinkedIn-shaped CSV and the tokenizer floor."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks.extract import linkedin_speed, tokenizer_seconds

_FIELDS = ["job_id", "company_name", "title", "description", "formatted_experience_level", "listed_time"]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_FIELDS)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("titles", "descriptions"),
    [
        (["Data Engineer"], ["We need 3+ years of Python and SQL. Salary $90,000 - $110,000 per year."]),
        (
            ["Line Cook", "Junior Analyst"],
            ["No experience necessary; full training provided.", "Excel and reporting; hybrid in Leeds."],
        ),
    ],
)
def test_linkedin_speed_counts_postings_and_times_both_passes(
    tmp_path: Path, titles: list[str], descriptions: list[str]
) -> None:
    rows = [
        {"job_id": str(i), "company_name": "Acme", "title": t, "description": d, "listed_time": ""}
        for i, (t, d) in enumerate(zip(titles, descriptions, strict=True))
    ]
    _write_csv(tmp_path / "dev.csv", rows)
    measured = linkedin_speed(tmp_path / "dev.csv", str(tmp_path))
    assert measured["postings"] == len(rows)
    assert measured["words"] == sum(len(d.split()) for d in descriptions)
    assert measured["parse"] > 0
    assert measured["setup"] > 0
    assert measured["floor"] > 0


@pytest.mark.parametrize("texts", [["one two three"], ["a", "b c", ""]])
def test_tokenizer_seconds_is_positive(texts: list[str]) -> None:
    assert tokenizer_seconds(texts, runs=2) > 0
