"""Representativeness: the sample's mix against a reference distribution, and post-stratification weights.

Job postings collected from employers' boards over-represent some industries and occupations. A reference
distribution (for example BLS JOLTS job openings by industry, or OEWS employment by SOC major group) says what
the labour market's mix is. ``extract report --weight industry|occupation --reference FILE`` compares the
sample's mix with it and post-stratifies: every posting of stratum h gets the weight R_h / S_h, where R_h is
the reference share and S_h the sample share of h, both over the strata present in the sample and the
reference alike (postings of a stratum the reference lacks, or of unknown stratum, get weight 0 and are
counted as left out; reference strata without postings cannot be represented and are listed as missing).
The strata are ``industry`` (the employer's industry, from the sources file) or ``occupation`` (the SOC major
group: ``postings.soc_major``, the first two digits of ``soc_code``, named in
``store.vocabularies.SOC_MAJOR_GROUPS``). The effective sample size is Kish's
(Σw)² / Σw²; weighted shares carry a Wilson interval computed on that effective n. The dissimilarity index
is half the sum of absolute differences between sample and reference shares (0 = the same mix, 1 = disjoint):
the share of postings that would have to move stratum for the sample to match the reference.

A reference file is CSV (UTF-8). It opens with ``# key: value`` lines citing its source — ``source``, ``table``,
``release``, ``url`` and ``unit`` are required — then the header ``reference_category,stratum,value`` and one
row per category of the published table: its name as published, the jobpulse stratum it falls in (an
industry of the sources file, or a two-digit SOC major group; several categories may share one; blank = not a
stratum jobpulse samples, left out) and its published value. When a published category spans several jobpulse
strata that it cannot be split into (JOLTS "Information" holds software publishers, telecommunications and
media alike), its stratum names them all joined by ``|`` ("software & internet|telecommunications"): those
strata are collapsed into one for weighting, the usual remedy when the reference is coarser than the sample. A
jobpulse stratum may belong to one collapsed stratum only.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from report.stats import wilson_interval

DIMENSIONS = ("industry", "occupation")
CITATION_KEYS = ("source", "table", "release", "url", "unit")
DATA = Path(__file__).parent / "data"
COLUMNS = ("reference_category", "stratum", "value")
JOINED = "|"  # joins the strata of a collapsed stratum, in a reference file's stratum cell and in its key
_SCOPE = "report_scope"


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference distribution: its citation and the published value of each jobpulse stratum."""

    citation: dict[str, str]
    shares: dict[str, float]
    left_out: tuple[str, ...] = field(default=())
    # A jobpulse stratum → the collapsed stratum it is weighted in, for those the reference joins with "|".
    collapsed: dict[str, str] = field(default_factory=dict)


def default_reference(dimension: str) -> Path:
    return DATA / f"reference_{dimension}.csv"


def parse_reference(text: str, name: str = "reference") -> Reference:
    """Read a reference file (see the module docstring); ``ValueError`` says what is wrong."""
    lines = text.splitlines()
    citation = {}
    body_start = 0
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            body_start = i
            break
        key, _, value = line[1:].partition(":")
        citation[key.strip().lower()] = value.strip()
    missing = [key for key in CITATION_KEYS if not citation.get(key)]
    if missing:
        raise ValueError(f"{name}: citation lacks {', '.join(missing)} (# key: value lines at the top)")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[body_start:]))))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{name}: the header must be {','.join(COLUMNS)}")
    values: dict[str, float] = {}
    left_out = []
    for row in rows:
        amount = float(row["value"].replace(",", ""))
        if amount < 0:
            raise ValueError(f"{name}: negative value for {row['reference_category']!r}")
        stratum = stratum_key(row["stratum"])
        if stratum:
            values[stratum] = values.get(stratum, 0.0) + amount
        else:
            left_out.append(row["reference_category"])
    total = sum(values.values())
    if total <= 0:
        raise ValueError(f"{name}: no positive value in any stratum")
    collapsed = collapsed_strata(values, name)
    return Reference(citation, {k: v / total for k, v in values.items()}, tuple(left_out), collapsed)


def stratum_key(cell: str) -> str:
    """A stratum cell as one key: several strata joined by ``|`` are sorted, so any order names one stratum."""
    parts = sorted({part.strip() for part in cell.split(JOINED)} - {""})
    return JOINED.join(parts)


def collapsed_strata(keys: dict[str, float], name: str) -> dict[str, str]:
    """Each jobpulse stratum inside a collapsed (``|``-joined) stratum → that stratum's key."""
    owner: dict[str, str] = {}
    for key in keys:
        for part in key.split(JOINED):
            if part in owner and owner[part] != key:
                raise ValueError(f"{name}: stratum {part!r} is in both {owner[part]!r} and {key!r}")
            owner[part] = key
    return {part: key for part, key in owner.items() if part != key}


def load_reference(dimension: str, path: str | Path | None = None) -> Reference:
    """The reference for ``dimension``: ``path``, else the file shipped in ``report/data/``."""
    check(dimension)
    file = Path(path) if path else default_reference(dimension)
    if not file.exists():
        raise ValueError(
            f"no reference distribution for {dimension} at {file}: pass --reference FILE "
            "(format in report/weighting.py)"
        )
    return parse_reference(file.read_text(encoding="utf-8"), str(file))


def check(dimension: str) -> str:
    if dimension not in DIMENSIONS:
        raise ValueError(f"weight must be one of {', '.join(DIMENSIONS)}, got {dimension!r}")
    return dimension


# The stratum of one row of the materialized scope (aliased ``s``), by dimension.
STRATUM_SQL = {"industry": "s.industry", "occupation": "s.soc_major"}


def stratum_sql(dimension: str, reference: Reference | None = None) -> str:
    """SQL giving the stratum of one row of the materialized scope (aliased ``s``), collapsed as the reference
    collapses strata."""
    column = STRATUM_SQL[check(dimension)]
    if reference is None or not reference.collapsed:
        return column
    whens = " ".join(
        f"WHEN {_literal(part)} THEN {_literal(key)}" for part, key in sorted(reference.collapsed.items())
    )
    return f"(CASE {column} {whens} ELSE {column} END)"


def _literal(text: str) -> str:
    """An SQL string literal (a reference file's stratum names are data, never SQL)."""
    return "'" + text.replace("'", "''") + "'"


def kish(weights: list[tuple[float, int]]) -> float:
    """Kish's effective sample size of (weight, count) pairs: (Σw)² / Σw²."""
    total = sum(w * n for w, n in weights)
    squares = sum(w * w * n for w, n in weights)
    return total * total / squares if squares else 0.0


def strata(sample: dict[str | None, int], reference: Reference) -> list[dict[str, Any]]:
    """Per stratum: sample n and share, reference share and the post-stratification weight."""
    both = {k: n for k, n in sample.items() if k is not None and k in reference.shares and n}
    n_both = sum(both.values())
    r_both = sum(reference.shares[k] for k in both)
    rows = []
    for key in sorted(set(reference.shares) | {k for k in sample if k is not None}):
        n = sample.get(key, 0)
        s_share = n / n_both if key in both else None
        r_share = reference.shares[key] / r_both if key in both else None
        rows.append(
            {
                "stratum": key,
                "sample_n": n,
                "sample_share": None if s_share is None else round(s_share, 6),
                "reference_share": None if r_share is None else round(r_share, 6),
                "reference_share_all": round(reference.shares.get(key, 0.0), 6),
                "weight": None if s_share is None or r_share is None else round(r_share / s_share, 6),
            }
        )
    return rows


def dissimilarity(rows: list[dict[str, Any]]) -> float | None:
    """Half the summed absolute gap between sample and reference shares over the strata in both."""
    pairs = [(r["sample_share"], r["reference_share"]) for r in rows if r["weight"] is not None]
    return round(sum(abs(s - r) for s, r in pairs) / 2, 6) if pairs else None


def weighted_share(cells: list[tuple[float, int, float]]) -> dict[str, Any]:
    """Weighted share of (weight, n, hits) cells, its Kish effective n and a Wilson interval on it."""
    total = sum(w * n for w, n, _ in cells)
    if total <= 0:
        return {"share": None, "ci_low": None, "ci_high": None, "effective_n": 0.0, "weighted": True}
    share = sum(w * hits for w, _, hits in cells) / total
    n_eff = kish([(w, n) for w, n, _ in cells])
    low, high = wilson_interval(round(share * n_eff), round(n_eff)) if n_eff >= 1 else (None, None)
    return {
        "share": round(share, 6),
        "ci_low": None if low is None else round(low, 6),
        "ci_high": None if high is None else round(high, 6),
        "effective_n": round(n_eff, 1),
        "weighted": True,
    }


def sample_mix(
    db: sqlite_utils.Database, dimension: str, reference: Reference | None = None
) -> dict[str | None, int]:
    """Postings of the materialized scope per stratum (collapsed as ``reference`` collapses them)."""
    sql = f"SELECT {stratum_sql(dimension, reference)} AS k, count(*) FROM temp.{_SCOPE} AS s GROUP BY k"
    return {key: n for key, n in db.execute(sql).fetchall()}
