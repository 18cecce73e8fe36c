"""Occupation, role and function on real titles: every posting gets an O*NET-SOC occupation and a role.

1. O*NET sample of reported titles → SOC code, scored against an index built without them (see
   ``benchmarks/build_onet_titles.py``): detailed occupation (6-digit SOC) and major group agreement. A
   stricter run scores half of them against an index that also lacks every alternate title equal to one, and
   every title of ``posting_titles.tsv`` equal to one.
   The ceiling line is the best any title-only coder can do: titles O*NET reports for several occupations.
   The first run is also printed weighted by employment (each occupation's reported titles weigh its share
   of U.S. jobs, as postings do), by half (the index's tie-break was tuned on the half that is not held
   out), by whether O*NET reports the title for one SOC occupation or for several, and by whether a source
   the index counts gives the title that label (an occupation title, an alternate title another source
   reports, a posting title) or only the incumbents' survey does, whose source the index leaves out.
2. Adzuna UK ads (``adzuna-uk-salaries/dev.csv``, titles alone): share with an occupation and with a role;
   function against the site's ``Category`` where it maps clearly (``CLEAR_CATEGORIES``; hospitality,
   travel, retail, property, energy, charity and "other" name industries, not functions, graduate and part-time
   jobs name neither, and maintenance, cleaning, trade and manufacturing jobs fall in our catch-all operations
   function with most frontline work: all are left out, and printed with their counts).
3. LinkedIn 2024 (``linkedin-2024/dev.csv``, title and description): share with an occupation and a role.
4. NoFluffJobs Polish IT titles (``nofluff-pl/dev.csv``, titles alone, English and Polish): share with a role;
   function against the site's ``main_category`` (``NOFLUFF_CATEGORIES``; "Other" and "Gaming" name no
   function and are left out). The tech titles the index is first published for.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import compress
from pathlib import Path

from benchmarks.accuracy.common import csv_rows
from benchmarks.build_onet_titles import (
    build,
    counted_titles,
    employment_shares,
    is_heldout,
    key_of,
    occupation_codes,
    reported_titles,
)
from extract.occupations import Occupation, occupation_from_title
from extract.posting_roles import classify_posting

# The site's category → the functions that count as agreeing with it.
CLEAR_CATEGORIES: dict[str, frozenset[str]] = {
    "Healthcare & Nursing Jobs": frozenset({"healthcare"}),
    "IT Jobs": frozenset({"engineering", "information-technology", "data-and-analytics", "security",
                          "quality-assurance", "product-management", "design"}),
    "Engineering Jobs": frozenset({"engineering", "quality-assurance"}),
    "HR & Recruitment Jobs": frozenset({"human-resources"}),
    "Accounting & Finance Jobs": frozenset({"accounting", "finance"}),
    "Sales Jobs": frozenset({"sales", "business-development"}),
    "Customer Services Jobs": frozenset({"customer-success"}),
    "Teaching Jobs": frozenset({"education"}),
    "Logistics & Warehouse Jobs": frozenset({"supply-chain"}),
    "Admin Jobs": frozenset({"administrative"}),
    "Consultancy Jobs": frozenset({"consulting"}),
    # Not in the dev half, but the site's own categories ("Social work": social workers are our healthcare
    # function's): the half kept for measuring may hold them.
    "Legal Jobs": frozenset({"legal"}),
    "PR, Advertising & Marketing Jobs": frozenset({"marketing", "communications"}),
    "Creative & Design Jobs": frozenset({"design"}),
    "Scientific & QA Jobs": frozenset({"research", "quality-assurance"}),
    "Social work Jobs": frozenset({"healthcare"}),
}  # fmt: skip


# NoFluffJobs' category → the functions of ours its jobs fall in (a data engineer is engineering, a BI
# analyst data-and-analytics: the site files both under "Big Data" and "Business Intelligence").
NOFLUFF_CATEGORIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("Backend", "Frontend", "Fullstack", "Mobile", "Embedded"), frozenset({"engineering"})),
    "Testing": frozenset({"quality-assurance"}),
    "DevOps": frozenset({"engineering", "information-technology"}),
    "Big Data": frozenset({"engineering", "data-and-analytics"}),
    "Business Intelligence": frozenset({"engineering", "data-and-analytics"}),
    "AI": frozenset({"engineering", "data-and-analytics", "research"}),
    "Business Analysis": frozenset({"data-and-analytics"}),
    "Support": frozenset({"information-technology", "customer-success"}),
    "IT Administrator": frozenset({"information-technology"}),
    "Security": frozenset({"security"}),
    "Design": frozenset({"design"}),
    "Product Management": frozenset({"product-management"}),
    "Project Manager": frozenset({"project-management"}),
    "Agile": frozenset({"project-management"}),
    "Sales": frozenset({"sales", "business-development"}),
    "HR": frozenset({"human-resources"}),
    "Marketing": frozenset({"marketing"}),
}  # fmt: skip


def _counts(counter: Counter[str]) -> str:
    """The counts as "name n, name n", most frequent first."""
    return ", ".join(
        f"{name} {n}" for name, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    )


def _share(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "n=0"


def soc_section(onet: Path) -> None:
    print("# O*NET reported titles → SOC")
    for name, options, heldout_only in (
        ("index without reported titles", {"reported": False}, False),
        (
            "strict: half held out, equal alternate and posting titles removed",
            {"reported": False, "exclude_heldout": True},
            True,
        ),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            index_file, _ = build(onet, Path(tmp), **options)
            pairs = reported_titles(onet, heldout_only)
            found = [(code, occupation_from_title(title, index_file)) for title, code in pairs]
        print(f"{name}: {_agreement(found)}")
        if not heldout_only:
            print(f"  weighted by employment: {_weighted_agreement(found, onet)}")
            for label, members in _splits(pairs, counted_titles(onet)):
                print(f"  {label}: {_agreement(list(compress(found, members)))}")
    by_title: dict[str, Counter[str]] = defaultdict(Counter)
    for title, code in reported_titles(onet):
        by_title[key_of(title)][code[:7]] += 1
    best = sum(max(c.values()) for c in by_title.values())
    print(
        f"ceiling (one code per title): detailed {_share(best, sum(sum(c.values()) for c in by_title.values()))}"
    )
    print(f"role layer: {_role_layer_damage(onet)}")


def _role_layer_damage(onet: Path) -> str:
    """Of the reported titles the shipped index codes to their label, the share a posting's occupation still
    agrees with once the role layer has read the title (``classify_posting``: a role pattern's own occupation
    replaces the title's when the role does not cover it). The shipped index holds these titles, so this is
    no accuracy figure: it counts what the roles undo ("Flight Test Engineer" made a software tester)."""
    coded = [
        (title, code)
        for title, code in reported_titles(onet)
        if _soc(occupation_from_title(title)) == code[:7]
    ]
    kept = sum(1 for title, code in coded if _soc(classify_posting(title).occupation) == code[:7])
    return f"of the reported titles the shipped index codes right, kept {_share(kept, len(coded))}"


def _soc(occupation: Occupation | None) -> str | None:
    return occupation.soc if occupation else None


def _splits(pairs: list[tuple[str, str]], counted: set[tuple[str, str]]) -> list[tuple[str, list[bool]]]:
    """Subsets of the labelled titles worth reading apart, as membership flags in ``pairs`` order
    (``counted``: the titles the index holds at an occupation by a source it counts)."""
    # Titles O*NET reports for several SOC occupations cap any title-only coder (the ceiling line).
    socs: dict[str, set[str]] = defaultdict(set)
    for title, code in pairs:
        socs[key_of(title)].add(code[:7])
    keys = [key_of(title) for title, _ in pairs]
    several = [len(socs[key]) > 1 for key in keys]
    # The index's tie-break (build_onet_titles.choose) was tuned on the half that is not held out.
    heldout = [is_heldout(key) for key in keys]
    # A label only the incumbents' survey gives (O*NET's source 02, the sample's own, not counted): the index
    # holds the title there at the least weight, beside occupations that other sources name.
    by_others = [(key, code[:7]) in counted for key, (_, code) in zip(keys, pairs, strict=True)]
    return [
        ("titles reported for one SOC occupation", [not s for s in several]),
        ("titles for several", several),
        ("labels a counted source gives", by_others),
        ("labels only the incumbents give", [not b for b in by_others]),
        ("tuning half", [not h for h in heldout]),
        ("held-out half", heldout),
    ]


def _agreement(found: list[tuple[str, Occupation | None]]) -> str:
    n = len(found)
    detailed = sum(1 for code, o in found if o and o.soc == code[:7])
    major = sum(1 for code, o in found if o and o.major_group == code[:2])
    coded = sum(1 for _, o in found if o)
    return f"n={n} coded {_share(coded, n)} detailed {_share(detailed, n)} major {_share(major, n)}"


def _weighted_agreement(found: list[tuple[str, Occupation | None]], onet: Path) -> str:
    """Agreement when each occupation's reported titles together weigh its share of U.S. employment (OEWS).

    O*NET samples reported titles per occupation alike, so the plain figure counts a title of a small
    occupation as much as one of Cashiers; postings come from jobs, and this weighting estimates agreement on
    a title drawn from them (as a survey weights its sample to the population).
    """
    shares = employment_shares(occupation_codes(onet))
    reported = Counter(code for code, _ in found)
    weight = [shares[code] / reported[code] for code, _ in found]
    total = sum(weight)
    detailed = sum(w for w, (code, o) in zip(weight, found, strict=True) if o and o.soc == code[:7])
    major = sum(w for w, (code, o) in zip(weight, found, strict=True) if o and o.major_group == code[:2])
    return f"detailed {detailed / total:.3f} major {major / total:.3f} (n={len(found)})"


def _titles_against_categories(
    rows: list[dict[str, str]],
    title: str,
    category: str,
    categories: dict[str, frozenset[str]],
    examples: int,
) -> None:
    """Share of titles with an occupation and a role, and the function against the site's own category
    where it maps clearly (``categories``), with the first disagreements."""
    results = [(row, classify_posting(row[title])) for row in rows]
    n = len(rows)
    print(f"occupation {_share(sum(1 for _, r in results if r.occupation), n)}")
    print(f"role {_share(sum(1 for _, r in results if r.role), n)}")
    clear = [(row, r) for row, r in results if row[category] in categories]
    agree = [(row, r) for row, r in clear if r.function in categories[row[category]]]
    print(f"function agrees with a clearly mapped category {_share(len(agree), len(clear))}")
    left_out = Counter(row[category] or "(none)" for row, _ in results if row[category] not in categories)
    print(f"  categories left out (no function of ours): {_counts(left_out) or 'none'}")
    for row, r in [x for x in clear if x not in agree][:examples]:
        print(f"  {row[title][:60]!r} [{row[category]}] → {r.role} / {r.function} /"
              f" {r.occupation.code if r.occupation else None}")  # fmt: skip


def adzuna_titles_section(path: Path, examples: int) -> None:
    rows = csv_rows(path)
    print(f"\n# Adzuna UK: {len(rows)} titles")
    _titles_against_categories(rows, "Title", "Category", CLEAR_CATEGORIES, examples)


def linkedin_titles_section(path: Path, examples: int) -> None:
    rows = csv_rows(path)
    results = [(row, classify_posting(row["title"], None, row["description"])) for row in rows]
    n = len(rows)
    print(f"\n# LinkedIn 2024: {n} postings")
    print(f"occupation {_share(sum(1 for _, r in results if r.occupation), n)}")
    print(f"role {_share(sum(1 for _, r in results if r.role), n)}")
    missing: Callable[[tuple[dict[str, str], object]], bool] = lambda x: x[1].role is None  # type: ignore[attr-defined]  # noqa: E731
    for row, _ in [x for x in results if missing(x)][:examples]:
        print(f"  no role: {row['title'][:70]!r}")


def nofluff_titles_section(path: Path, examples: int) -> None:
    rows = csv_rows(path)
    print(f"\n# NoFluffJobs (Polish IT): {len(rows)} titles")
    _titles_against_categories(rows, "position", "main_category", NOFLUFF_CATEGORIES, examples)


def occupations_section(data: Path, examples: int) -> None:
    """All four measures; ``data`` is the shared ``data/`` folder."""
    soc_section(data / "onet-27.0")
    adzuna_titles_section(data / "adzuna-uk-salaries" / "dev.csv", examples)
    linkedin_titles_section(data / "linkedin-2024" / "dev.csv", examples)
    nofluff_titles_section(data / "nofluff-pl" / "dev.csv", examples)
