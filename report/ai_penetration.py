"""AI penetration by function.

For each function, the share of its postings that ask the candidate for AI skills — AI/ML/LLM skills or the
use of AI tools — as a requirement (``required``), only as a nice-to-have (``preferred``), or either
(``any`` = required + preferred), out of all postings of the function in scope (``n``). Shares are fractions
in [0, 1]; the Wilson 95% interval is for ``any``. Postings the extractor has not classified count as not
asking for AI. Postings without a function form a row with ``function`` null. Rows are ordered by n.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from report.scope import SCOPE_TABLE
from report.stats import wilson_interval

_SQL = f"""
SELECT function, count(*), sum(ai = 'required'), sum(ai = 'preferred')
FROM {SCOPE_TABLE}
GROUP BY function
ORDER BY count(*) DESC, function IS NULL, function
"""


def ai_by_function(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One row per function of the materialized scope (see the module docstring)."""
    rows = []
    for function, n, required, preferred in db.execute(_SQL).fetchall():
        low, high = wilson_interval(required + preferred, n)
        rows.append(
            {
                "function": function,
                "n": n,
                "required": round(required / n, 6),
                "preferred": round(preferred / n, 6),
                "any": round((required + preferred) / n, 6),
                "ci_low": None if low is None else round(low, 6),
                "ci_high": None if high is None else round(high, 6),
            }
        )
    return rows
