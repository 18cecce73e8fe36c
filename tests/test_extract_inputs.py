"""JSON Lines records: malformed lines reported by number and skipped; each format read into a RawPosting."""

from __future__ import annotations

import pytest

from extract.inputs import RecordError, raw_from_record, read_records


@pytest.mark.parametrize(
    ("lines", "numbers", "warnings"),
    [
        (['{"id": "a"}\n', '{"id": "b"}\n'], [1, 2], []),
        (['{"id": "a"}\n', "\n", '{"id": "c"}\n'], [1, 3], []),  # blank lines are not records
        (
            ['{"id": "a"}\n', "not json\n", "[1, 2]\n"],
            [1],
            [
                "f.jsonl:2: skipped malformed line: Expecting value: line 1 column 1 (char 0)",
                "f.jsonl:3: skipped malformed line: not a JSON object",
            ],
        ),
    ],
)
def test_read_records_skips_malformed_lines_by_number(
    lines: list[str], numbers: list[int], warnings: list[str]
) -> None:
    warned: list[str] = []
    assert [n for n, _ in read_records(lines, "f.jsonl", warned.append)] == numbers
    assert warned == warnings


@pytest.mark.parametrize(
    ("record", "title", "description", "company"),
    [
        (
            {"id": "1", "title": "Data Engineer", "body": "  Python and SQL.  "},
            "Data Engineer",
            "Python and SQL.",
            None,
        ),
        (
            {
                "id": "2",
                "format": "greenhouse_html",
                "title": "Designer",
                "body": "<p>Figma &amp; Sketch</p>",
            },
            "Designer",
            "Figma & Sketch",
            None,
        ),
        (
            {"id": "3", "format": "hn_comment", "body": "Acme | Data Scientist | Berlin<p>pandas</p>"},
            "Data Scientist",
            "Acme | Data Scientist | Berlin\npandas",
            "Acme",
        ),
    ],
)
def test_raw_from_record_reads_each_format(
    record: dict[str, str], title: str, description: str, company: str | None
) -> None:
    raw = raw_from_record(record)
    assert (raw.source_id, raw.title, raw.description, raw.company) == (
        record["id"],
        title,
        description,
        company,
    )


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x", "format": "pdf", "body": ""}, "unknown format 'pdf'"),
        ({"id": "x", "body": 5}, "body must be a string"),
        ({"id": "x"}, "body must be a string"),
    ],
)
def test_raw_from_record_rejects_what_it_cannot_read(record: dict[str, object], message: str) -> None:
    with pytest.raises(RecordError, match=message):
        raw_from_record(record)


def test_read_records_reports_a_line_nested_too_deep_and_goes_on() -> None:
    lines = ['{"id": "a"}\n', "[" * 100_000 + "]" * 100_000 + "\n", "\n", "[1]\n", '{"id": "b"}\n']
    warned: list[str] = []
    out = list(read_records(lines, "in.jsonl", warned.append))
    assert out == [(1, {"id": "a"}), (5, {"id": "b"})]
    assert warned == [
        "in.jsonl:2: skipped malformed line: JSON nested too deep to read",
        "in.jsonl:4: skipped malformed line: not a JSON object",
    ]
