"""The salary vocabulary, read once from ``extract/data``, and how a list of phrases becomes a pattern.

``salary_cues.json`` (pay and non-pay words, periods), ``currency.json`` (symbols, typical salaries),
``salary_grammar.json`` (multipliers, range connectors, period leads, working time) and
``salary_fields.json`` (vendors' pay-period values), ``salary_plausibility.json`` (limits on text pay) and
``salary_ladder.json`` (one job's pay levels). Add words there, not special cases in code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return loaded


CUES = _load("salary_cues.json")
CURRENCY = _load("currency.json")
GRAMMAR = _load("salary_grammar.json")
FIELDS = _load("salary_fields.json")
PLAUSIBILITY = _load("salary_plausibility.json")
LADDER = _load("salary_ladder.json")

# Word boundaries that also split words glued together by careless HTML-to-text ("TahoeSalary Range:",
# "$47.00 per hourBenefits"): a lowercase letter followed by a capital starts a new word.
START = r"(?:(?<![\w$£€])|(?-i:(?<=[a-z])(?=[A-Z])))"
END = r"(?:(?![\w])|(?-i:(?<=[a-z])(?=[A-Z][a-z])))"


def phrase_pattern(phrases: list[str]) -> str:
    """Alternation of phrases on word boundaries; short all-caps acronyms (OTE, ARR) keep their case."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase.isupper() and len(phrase) <= 4:
            body = f"(?-i:{body})"
        parts.append(body)
    return rf"{START}(?:" + "|".join(parts) + rf"){END}"


def alternatives(pieces: list[str]) -> str:
    """Regular-expression pieces from the data as one alternation (each piece a pattern, not a literal)."""
    return "|".join(pieces)
