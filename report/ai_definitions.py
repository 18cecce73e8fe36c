"""What counts as an AI posting: three published definitions and the switch between them.

* ``jobpulse`` (the default): the posting asks the candidate for AI skills or the use of AI tools, as a
  requirement (``required``) or only as a nice-to-have (``preferred``): the extractor's ``postings.ai``. A
  company calling itself "AI-first" is not enough.
* ``any-ai-skill``: the posting names at least one skill the taxonomy flags as AI (``skills.ai = 1``), the
  way Lightcast counts AI jobs; ``required`` when one such skill is listed as required, else ``preferred``.
* ``keywords``: the title or the description contains a keyword of the list published in the repository,
  ``report/data/ai_keywords.txt`` (our list, in the spirit of Indeed's keyword tracker, not Indeed's own), as
  a whole word; a keyword in capitals only ("AI", "LLM") matches only in capitals, the others in any case. A
  keyword cannot tell a requirement from a nice-to-have, so a match counts as ``required``.

``extract report --ai-definition`` rewrites the ``ai`` column of the materialized scope, so every figure
(AI shares, the premium, the role grid, the hubs, the trend) follows the chosen definition; the methodology
shows the share of postings that are AI under all three side by side.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import sqlite_utils

from store.views import JOB_FIELDS

DEFINITIONS = ("jobpulse", "any-ai-skill", "keywords")
DEFAULT = "jobpulse"
KEYWORDS_FILE = Path(__file__).parent / "data" / "ai_keywords.txt"
_MATCH_FUNCTION = "jobpulse_ai_keywords"
_SCOPE = "report_scope"

_AI_SKILL = """EXISTS (SELECT 1 FROM posting_skills AS ps JOIN skills AS sk ON sk.name = ps.skill
    WHERE ps.posting_id = p.id AND sk.ai = 1{required})"""
_LEVEL_SQL = {
    "jobpulse": JOB_FIELDS["ai"].replace("lower(ai)", "lower(p.ai)"),
    "any-ai-skill": (
        f"CASE WHEN {_AI_SKILL.format(required=' AND ps.preferred = 0')} THEN 'required' "
        f"WHEN {_AI_SKILL.format(required='')} THEN 'preferred' ELSE 'none' END"
    ),
    "keywords": (
        f"CASE WHEN {_MATCH_FUNCTION}(coalesce(p.title, '') || ' ' || coalesce(p.description, '')) "
        "THEN 'required' ELSE 'none' END"
    ),
}


def check(definition: str) -> str:
    """The definition's name, or ``ValueError`` naming the three."""
    if definition not in DEFINITIONS:
        raise ValueError(f"ai definition must be one of {', '.join(DEFINITIONS)}, got {definition!r}")
    return definition


def load_keywords(path: Path = KEYWORDS_FILE) -> tuple[str, ...]:
    """The keywords of a list file: one a line; blank lines and ``#`` comments skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _pattern(keywords: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    if not keywords:
        return None
    # Longest first, so "large language models" wins over "large language model"; spaces match any run.
    words = sorted(keywords, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


@cache
def keyword_matcher(keywords: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(case-sensitive, case-insensitive) patterns: capitals-only keywords match only in capitals."""
    exact = tuple(k for k in keywords if k.upper() == k and any(c.isalpha() for c in k))
    other = tuple(k for k in keywords if k not in exact)
    return _pattern(exact, 0), _pattern(other, re.IGNORECASE)


def mentions_ai(text: str | None, keywords: tuple[str, ...] | None = None) -> bool:
    """Does ``text`` contain one of the keywords (the published list unless given) as a whole word?"""
    if not text:
        return False
    return any(p is not None and p.search(text) for p in keyword_matcher(keywords or load_keywords()))


def register(db: sqlite_utils.Database) -> None:
    """Make the keyword test callable from SQL on this connection (``jobpulse_ai_keywords(text)``)."""
    keywords = load_keywords()
    db.conn.create_function(
        _MATCH_FUNCTION, 1, lambda text: int(mentions_ai(text, keywords)), deterministic=True
    )


def level_sql(definition: str) -> str:
    """SQL giving 'required' | 'preferred' | 'none' for one row of ``postings AS p`` (call ``register``
    first for ``keywords``)."""
    return _LEVEL_SQL[check(definition)]


def apply(db: sqlite_utils.Database, definition: str) -> None:
    """Rewrite the ``ai`` column of the materialized scope under ``definition`` (``jobpulse`` keeps it)."""
    if check(definition) == DEFAULT:
        return
    register(db)
    with db.conn:
        db.execute(
            f"UPDATE temp.{_SCOPE} SET ai = "
            f"(SELECT {level_sql(definition)} FROM postings AS p WHERE p.id = {_SCOPE}.id)"
        )


def shares(db: sqlite_utils.Database) -> dict[str, dict[str, float | int | None]]:
    """Postings of the materialized scope that are AI under each definition: count and share."""
    register(db)
    result: dict[str, dict[str, float | int | None]] = {}
    for definition in DEFINITIONS:
        ai, n = db.execute(
            f"SELECT coalesce(sum(({level_sql(definition)}) != 'none'), 0), count(*) FROM postings AS p "
            f"WHERE p.id IN (SELECT id FROM temp.{_SCOPE})"
        ).fetchone()
        result[definition] = {"ai": ai, "n": n, "share": round(ai / n, 6) if n else None}
    return result
