"""``extract parse`` and ``extract eval``: postings given as JSON Lines → analyzed postings and predictions.

Records are read by ``extract.inputs``; a line or record that cannot be read is reported through ``warn``
(with its file name and line number) and skipped, so one bad line does not stop a file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from extract.inputs import read_records
from extract.isolate import parse_records as parse_each
from extract.model import Posting
from extract.output import evidence, prediction
from extract.pipeline import build_nlp


def parse_records(
    lines: Iterable[str], name: str, warn: Callable[[str], None]
) -> list[tuple[dict[str, Any], Posting]]:
    """(record, posting) for each readable record of the JSON Lines ``lines`` of file ``name``, in order.

    A record that cannot be read or analyzed (a surrogate, JSON-LD nested 100,000 deep, "Posted 100000 years
    ago") is reported through ``warn`` and costs only itself (``extract.isolate``).
    """
    # Every line is read (a malformed one reported) before any record is checked.
    records = list(read_records(lines, name, warn))
    pairs = []
    for parsed in parse_each(records, build_nlp()):
        if parsed.posting is None:
            warn(f"{name}:{parsed.number}: skipped record {parsed.record.get('id')!r}: {parsed.error}")
        else:
            pairs.append((parsed.record, parsed.posting))
    return pairs


def parse_lines(lines: Iterable[str], name: str, warn: Callable[[str], None]) -> Iterator[str]:
    """One JSON line per readable record: the prediction with its skill evidence (surface text, offsets)."""
    for _, posting in parse_records(lines, name, warn):
        yield json.dumps({**prediction(posting), "evidence": evidence(posting)}, ensure_ascii=False)
