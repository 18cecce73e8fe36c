"""``extract parse`` and ``extract eval``: postings given as JSON Lines → analyzed postings and predictions.

Records are read by ``extract.inputs``; a line or record that cannot be read is reported through ``warn``
(with its file name and line number) and skipped, so one bad line does not stop a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from extract.analyze import analyze
from extract.inputs import RecordError, raw_from_record, read_records
from extract.model import Posting
from extract.output import evidence, prediction
from extract.pipeline import build_nlp


def parse_records(
    lines: Iterable[str], name: str, warn: Callable[[str], None]
) -> list[tuple[dict[str, Any], Posting]]:
    """(record, posting) for each readable record of the JSON Lines ``lines`` of file ``name``, in order."""
    raws, kept = [], []
    # Every line is read (a malformed one reported) before any record is checked.
    for number, record in list(read_records(lines, name, warn)):
        try:
            raws.append(raw_from_record(record))
            kept.append(record)
        except RecordError as error:
            warn(f"{name}:{number}: skipped record {record.get('id')!r}: {error}")
    return list(zip(kept, analyze(raws, build_nlp()), strict=True))


def parse_lines(lines: Iterable[str], name: str, warn: Callable[[str], None]) -> Iterator[str]:
    """One JSON line per readable record: the prediction with its skill evidence (surface text, offsets)."""
    for _, posting in parse_records(lines, name, warn):
        yield json.dumps({**prediction(posting), "evidence": evidence(posting)}, ensure_ascii=False)
