"""JSON Lines postings → analyzed postings: unreadable records reported and skipped, the rest in order."""

from __future__ import annotations

import json

import pytest

from extract.parse import parse_lines, parse_records

GOOD = {
    "id": "a",
    "title": "Senior Data Engineer",
    "body": "You know Python and SQL. Pay: $150,000 - $180,000 a year.",
}


@pytest.mark.parametrize(
    ("records", "ids", "warnings"),
    [
        ([GOOD], ["a"], []),
        (
            [GOOD, {"id": "b", "format": "pdf", "body": ""}, {**GOOD, "id": "c"}],
            ["a", "c"],
            ["in.jsonl:2: skipped record 'b': RecordError: unknown format 'pdf' (expected one of greenhouse_html, lever_text, "
             "jsonld_page, hn_comment, plain)"],
        ),
    ],
)  # fmt: skip
def test_parse_records_skips_unreadable_records(
    records: list[dict[str, str]], ids: list[str], warnings: list[str]
) -> None:
    warned: list[str] = []
    pairs = parse_records([json.dumps(r) for r in records], "in.jsonl", warned.append)
    assert [(record["id"], posting.raw.source_id) for record, posting in pairs] == [(i, i) for i in ids]
    assert warned == warnings


def test_parse_lines_prediction_with_evidence() -> None:
    [line] = parse_lines([json.dumps(GOOD)], "in.jsonl", print)
    out = json.loads(line)
    assert (out["id"], out["seniority"], out["skills"]) == ("a", "senior", ["Python", "SQL"])
    assert out["salary"] == {"min": 150000.0, "max": 180000.0, "currency": "USD", "period": "year"}
    assert [(e["skill"], GOOD["body"][e["start"] : e["end"]]) for e in out["evidence"]] == [
        ("Python", "Python"),
        ("SQL", "SQL"),
    ]
