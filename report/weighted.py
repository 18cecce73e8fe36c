"""Weighted figures: the AI share and the disclosure rate post-stratified to a reference distribution.

Only with ``extract report --weight industry|occupation`` (see ``report.weighting`` for the reference file, the
weights, the Kish effective sample size and the dissimilarity index); without it the figure is ``{"by":
null}``. Overall and per function it gives the unweighted share next to the weighted one, each weighted
value marked ``weighted: true`` with its effective n and a Wilson 95% interval on that n. Postings of a
stratum the reference lacks, or of unknown stratum, weigh 0 and are counted in ``left_out``. With ``--weight
occupation`` a stratum is a SOC major group (``soc_major``), shown with its name.

Row ids: ``weighted/all``, ``weighted/function/<function>``, ``weighted/stratum/<stratum>``. ``extract
explain`` lists the unweighted postings behind a row — for the overall and per-function rows the AI postings
(numerator) over all the row's postings (denominator), for a stratum its postings — each with its stratum;
the weights are in the figure (``strata``), not in the lists.
"""

from __future__ import annotations

import sys
from typing import Any

import sqlite_utils

from report import weighting
from report.figure import Figure, Members, Options, Report
from report.markup import esc, row, section, table, td
from report.members import part, share_lists
from report.scope import SCOPE_TABLE
from report.text import count, md, md_table, pct
from store.vocabularies import soc_major_name

MEASURES = (("ai_share", "ai"), ("disclosure_rate", "disclosed"))


def _cells(
    db: sqlite_utils.Database, dimension: str, ref: weighting.Reference
) -> list[tuple[Any, Any, int, int, int]]:
    sql = (
        f"SELECT {weighting.stratum_sql(dimension, ref)} AS k, s.function, count(*), "
        f"sum(s.ai != 'none'), sum(s.disclosed) FROM temp.{SCOPE_TABLE} AS s GROUP BY k, s.function"
    )
    return [tuple(r) for r in db.execute(sql).fetchall()]


def _measures(cells: list[tuple[float, int, int, int]]) -> dict[str, Any]:
    n = sum(c[1] for c in cells)
    out: dict[str, Any] = {"n": n}
    for i, (name, hits_name) in enumerate(MEASURES):
        hits = sum(c[2 + i] for c in cells)
        out[hits_name] = hits
        out[name] = round(hits / n, 6) if n else None
        out[f"{name}_weighted"] = weighting.weighted_share([(c[0], c[1], c[2 + i]) for c in cells])
    return out


def weighted(db: sqlite_utils.Database, dimension: str | None, reference: str | None) -> dict[str, Any]:
    """The weighted figures of the materialized scope (see the module docstring)."""
    if dimension is None:
        return {"by": None}
    ref = weighting.load_reference(dimension, reference)
    rows = _cells(db, dimension, ref)
    mix: dict[str | None, int] = {}
    for key, _, n, _, _ in rows:
        mix[key] = mix.get(key, 0) + n
    strata = weighting.strata(mix, ref)
    weight_of = {r["stratum"]: r["weight"] or 0.0 for r in strata}
    cells = [(weight_of.get(k, 0.0), fn, n, ai, disclosed) for k, fn, n, ai, disclosed in rows]
    by_function: dict[str, list[tuple[float, int, int, int]]] = {}
    for w, fn, n, ai, disclosed in cells:
        if fn is not None:
            by_function.setdefault(fn, []).append((w, n, ai, disclosed))
    overall = _measures([(w, n, ai, d) for w, _, n, ai, d in cells])
    return {
        "by": dimension,
        "reference": ref.citation,
        "reference_left_out": list(ref.left_out),
        "strata": strata,
        "dissimilarity": weighting.dissimilarity(strata),
        "left_out": sum(n for w, _, n, _, _ in cells if not w),
        "missing_strata": [r["stratum"] for r in strata if r["sample_n"] == 0],
        "overall": overall,
        "by_function": [
            {"function": fn, **_measures(fn_cells)}
            for fn, fn_cells in sorted(by_function.items(), key=lambda item: -sum(c[1] for c in item[1]))
        ],
    }


def compute(db: sqlite_utils.Database, options: Options) -> dict[str, Any]:
    return weighted(db, options.weight, options.reference)


def rows(report: Report) -> list[dict[str, Any]]:
    """The CSV rows: one per stratum (the weighted shares are in the JSON)."""
    return list(report["weighted"].get("strata", []))


def id_rows(report: Report) -> list[dict[str, Any]]:
    """The overall row, the per-function rows and the strata (none without ``--weight``)."""
    figure = report["weighted"]
    if figure["by"] is None:
        return []
    return [figure["overall"], *figure["by_function"], *figure["strata"]]


def row_id(r: dict[str, Any]) -> str:
    if "stratum" in r:
        return f"stratum/{part(r['stratum'])}"
    return f"function/{part(r['function'])}" if "function" in r else "all"


def members(db: sqlite_utils.Database, options: Options, r: dict[str, Any]) -> Members:
    """The unweighted postings of the row (see the module docstring), each with its stratum as evidence."""
    dimension = weighting.check(options.weight or "")
    evidence = ("ai", "pay", dimension)
    if "stratum" in r:
        ref = weighting.load_reference(dimension, options.reference)
        sql = f"SELECT s.id FROM {SCOPE_TABLE} AS s WHERE {weighting.stratum_sql(dimension, ref)} = ? ORDER BY s.id"
        return Members({"postings": [i for (i,) in db.execute(sql, [r["stratum"]]).fetchall()]}, evidence)
    where, params = ("function = ?", [r["function"]]) if "function" in r else ("1", [])
    return Members(share_lists(db, where, params, "ai != 'none'"), evidence)


# --- renderers ---------------------------------------------------------------------------------------------

TITLE = "Weighted to the labour market"


def stratum_label(by: str, stratum: str) -> str:
    """A stratum as shown: a SOC major group with its name ("29 Healthcare Practitioners and Technical"); the
    strata of a collapsed one joined by " + "."""
    if by == "occupation":
        return " + ".join(
            f"{group} {soc_major_name(group) or '(unknown group)'}"
            for group in stratum.split(weighting.JOINED)
        )
    return stratum.replace(weighting.JOINED, " + ")


def _w(m: dict[str, Any], name: str) -> str:
    w = m[f"{name}_weighted"]
    if w["share"] is None:
        return "–"
    return f"{pct(w['share'])} weighted ({pct(w['ci_low'])} – {pct(w['ci_high'])}, effective n={w['effective_n']:,.0f})"


def lede(figure: dict[str, Any]) -> str:
    ref = figure["reference"]
    return (
        f"Post-stratified by {figure['by']} to {ref['source']}, {ref['table']} ({ref['release']}, {ref['url']}). "
        f"Dissimilarity of the sample's mix from the reference: {pct(figure['dissimilarity'])} of postings "
        f"would have to change {figure['by']}; {count(figure['left_out'])} postings of a {figure['by']} the "
        "reference lacks weigh 0."
    )


def markdown(report: Report) -> list[str]:
    figure = report["weighted"]
    if figure["by"] is None:
        return []
    body = [
        (md(r["function"]), count(r["n"]), pct(r["ai_share"]), _w(r, "ai_share"), pct(r["disclosure_rate"]),
         _w(r, "disclosure_rate"))
        for r in [{"function": "all postings", **figure["overall"]}, *figure["by_function"]]
    ]  # fmt: skip
    header = ("Function", "n", "AI share", "AI share, weighted", "Disclosure", "Disclosure, weighted")
    strata = md_table(
        (figure["by"].capitalize(), "Sample n", "Sample share", "Reference share", "Weight"),
        (
            (md(stratum_label(figure["by"], r["stratum"])), count(r["sample_n"]), pct(r["sample_share"]), pct(r["reference_share"]),
             "–" if r["weight"] is None else f"{r['weight']:.2f}")
            for r in figure["strata"]
        ),
    )  # fmt: skip
    return [f"## {TITLE} (weighted)", "", md(lede(figure)), "", *md_table(header, body), "", *strata]


def html(report: Report) -> str:
    figure = report["weighted"]
    if figure["by"] is None:
        return ""
    header = (("Function", False), ("n", True), ("AI share", True), ("weighted", True), ("Disclosure", True),
              ("weighted", True))  # fmt: skip
    body = (
        row([td(r["function"]), td(count(r["n"]), num=True), td(pct(r["ai_share"]), num=True),
             td(_w(r, "ai_share"), num=True), td(pct(r["disclosure_rate"]), num=True),
             td(_w(r, "disclosure_rate"), num=True)])
        for r in [{"function": "all postings", **figure["overall"]}, *figure["by_function"]]
    )  # fmt: skip
    strata = (
        row([td(stratum_label(figure["by"], r["stratum"])), td(count(r["sample_n"]), num=True), td(pct(r["sample_share"]), num=True),
             td(pct(r["reference_share"]), num=True),
             td("–" if r["weight"] is None else f"{r['weight']:.2f}", num=True)])
        for r in figure["strata"]
    )  # fmt: skip
    strata_table = table(
        ((figure["by"].capitalize(), False), ("Sample n", True), ("Sample", True), ("Reference", True),
         ("Weight", True)), strata,
    )  # fmt: skip
    content = (
        table(header, body)
        + f"<details><summary>{esc('Sample and reference mix')}</summary>{strata_table}</details>"
    )
    return section("weighted", f"{TITLE} (weighted)", lede(figure), content)


FIGURE = Figure(
    key="weighted",
    module=sys.modules[__name__],
    compute=compute,
    markdown=markdown,
    html=html,
    page_rank=9,
    rows=rows,
    row_id=row_id,
    members=members,
    id_rows=id_rows,
)
