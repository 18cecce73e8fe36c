"""The labelled dev set (``eval/dev.jsonl``): the metrics of ``extract eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.accuracy.common import run
from extract.evaluate import format_metrics, score
from extract.output import prediction


def dev_section(path: Path, nlp: Any) -> None:
    print(f"## Labelled dev set: {path}")
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    predictions = {}
    for record, posting in zip(records, run(records, nlp), strict=True):
        predictions[record["id"]] = prediction(posting)
    result = score([r for r in records if "gold" in r], predictions)
    print(format_metrics(result.metrics(), result.n))
    print()
