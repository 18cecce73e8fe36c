"""One hostile record costs that record only: cleaning reader output, and ``extract parse``'s loop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.isolate import MAX_DESCRIPTION_CHARS, clean_raw, parse_records, scrub
from extract.model import RawPosting
from extract.pipeline import build_nlp

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M\udcffnchen", "M\ufffdnchen"),
        ("cut emoji \ud83d", "cut emoji \ufffd"),
        ("Zürich 😀", "Zürich 😀"),
        ("", ""),
    ],
)
def test_scrub_replaces_lone_surrogates(text: str, expected: str) -> None:
    assert scrub(text) == expected
    scrub(text).encode("utf-8")


def test_clean_raw_cuts_a_huge_description_and_says_so() -> None:
    raw = RawPosting(source="x", source_id="1", title="T\udcff", description="word " * MAX_DESCRIPTION_CHARS,
                     fetched_at="2026-11-24", location="\udcff")  # fmt: skip
    cleaned, cut_from = clean_raw(raw)
    assert cut_from == 5 * MAX_DESCRIPTION_CHARS
    assert len(cleaned.description) == MAX_DESCRIPTION_CHARS
    assert (cleaned.title, cleaned.location) == ("T\ufffd", "\ufffd")
    assert (
        clean_raw(RawPosting(source="x", source_id="2", title="", description="short", fetched_at=""))[1]
        is None
    )


def test_parse_records_one_bad_record_costs_only_itself() -> None:
    lines = HOSTILE.joinpath("parse-records.jsonl").read_text("utf-8").splitlines()
    records = [(n, json.loads(line)) for n, line in enumerate(lines, 1)]
    nested = {"id": "nested", "format": "jsonld_page", "fetched_at": "2026-11-24T00:00:00Z",
              "body": '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"}  # fmt: skip
    parsed = list(parse_records([*records, (len(records) + 1, nested)], build_nlp()))
    by_id = {p.record["id"]: p for p in parsed}
    assert [p.number for p in parsed] == [1, 2, 3, 4, 5]
    assert {"SQL", "Tableau"} <= {s.skill for s in by_id["good"].posting.skills}  # type: ignore[union-attr]
    surrogate = by_id["surrogate"].posting
    assert surrogate is not None and surrogate.raw.title == "Analyst \ufffd"
    assert by_id["ancient"].posting is not None and by_id["ancient"].posting.posted is None
    assert by_id["no-body"].posting is None and by_id["no-body"].error == "RecordError: body must be a string"
    assert by_id["nested"].posting is None
    assert (by_id["nested"].error or "").startswith("RecursionError: maximum recursion depth exceeded")
    for p in parsed:
        json.dumps(
            {"id": p.record["id"], "title": p.posting.raw.title if p.posting else None}, ensure_ascii=False
        ).encode()
