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
shows the share of postings that are AI under all three side by side (the keyword share from every posting
up to 20,000 postings, above that from a systematic sample of every k-th posting by id, with a Wilson 95%
interval and ``sampled`` true).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import sqlite_utils

from report.stats import wilson_interval
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


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def contains_word(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` with no letter, digit or underscore right before or after it?"""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


@cache
def split_keywords(keywords: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(capitals-only keywords, matched as written; the others, lower-cased, matched in any case)."""
    exact = tuple(k for k in keywords if k.upper() == k and any(c.isalpha() for c in k))
    return exact, tuple(" ".join(k.lower().split()) for k in keywords if k not in exact)


def mentions_ai(text: str | None, keywords: tuple[str, ...] | None = None) -> bool:
    """Does ``text`` contain one of the keywords (the published list unless given) as a whole word?

    Runs of whitespace count as one space. Plain substring search (not a regular expression) keeps a
    description's check to a few microseconds per keyword.
    """
    if not text:
        return False
    exact, other = split_keywords(keywords or load_keywords())
    text = " ".join(text.split())
    if any(contains_word(text, k) for k in exact):
        return True
    lowered = text.lower()
    return any(contains_word(lowered, k) for k in other)


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


# The methodology's side-by-side shares, each computed the cheapest way: the stored level, one indexed join,
# and (the only per-text work) the keyword match on at most KEYWORD_SAMPLE postings.
KEYWORD_SAMPLE = 20_000
_JOBPULSE_COUNT = f"""
SELECT count(*) FROM postings AS p JOIN temp.{_SCOPE} AS s ON s.id = p.id
WHERE lower(p.ai) IN ('required', 'preferred')
"""
_SKILL_COUNT = f"""
SELECT count(*) FROM temp.{_SCOPE} AS s WHERE EXISTS (SELECT 1 FROM posting_skills AS ps
JOIN skills AS sk ON sk.name = ps.skill WHERE ps.posting_id = s.id AND sk.ai = 1)
"""
_TEXTS = f"""
SELECT coalesce(p.title, '') || ' ' || coalesce(p.description, '') FROM temp.{_SCOPE} AS s
JOIN postings AS p ON p.id = s.id WHERE s.id % ? = 0
"""


def _share(ai: int, n: int, **extra: object) -> dict[str, object]:
    return {"ai": ai, "n": n, "share": round(ai / n, 6) if n else None, **extra}


def shares(db: sqlite_utils.Database) -> dict[str, dict[str, object]]:
    """Postings of the materialized scope that are AI under each definition: count, n and share.

    Keywords are matched on every posting up to ``KEYWORD_SAMPLE`` postings; above that on every k-th posting
    by id (a systematic sample of at most that many, ``sampled`` true, with a Wilson 95% interval).
    """
    (n,) = db.execute(f"SELECT count(*) FROM temp.{_SCOPE}").fetchone()
    step = max(1, math.ceil(n / KEYWORD_SAMPLE))
    keywords = load_keywords()
    texts = [text for (text,) in db.execute(_TEXTS, (step,))]
    hits = sum(mentions_ai(text, keywords) for text in texts)
    keyword_share = _share(hits, len(texts), sampled=step > 1)
    if step > 1:
        low, high = wilson_interval(hits, len(texts))
        keyword_share.update(ci_low=round(low or 0.0, 6), ci_high=round(high or 0.0, 6))
    return {
        "jobpulse": _share(db.execute(_JOBPULSE_COUNT).fetchone()[0], n),
        "any-ai-skill": _share(db.execute(_SKILL_COUNT).fetchone()[0], n),
        "keywords": keyword_share,
    }
