"""Helpers shared by the accuracy sections: ratios with n, text snippets, running the real pipeline."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from extract.analyze import analyze
from extract.inputs import raw_from_record
from extract.model import Posting


def compact(text: str) -> str:
    """Lower case with everything but letters, digits, + and # removed: "Node.js" = "node js" = "nodejs"."""
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


def csv_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows by column name; a field may be as long as a whole posting's description."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ratio(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "n/a (0/0)"


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return " ".join(text[left:right].split())


def run(records: Sequence[Mapping[str, Any]], nlp: Any) -> list[Posting]:
    return list(analyze([raw_from_record(r) for r in records], nlp))
