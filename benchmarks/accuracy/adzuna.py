"""UK pay strings as advertisers typed them (``data/adzuna-uk-salaries/dev.csv``, ``SalaryRaw``).

The data set dropped the £ sign, so a string is often a bare figure with a period ("20000 - 30000/annum",
"8.84 to 12.91 per hour"). Three numbers, each with n:

* found alone: ``find_salary(SalaryRaw)`` finds pay;
* found after "Salary: ": the same string behind the pay cue a posting would put before it;
* exact (of the strings found alone, and after "Salary: "): the site's ``SalaryNormalized`` is the midpoint of
  the stated min and max in a year of 1,920 hours / 240 days / 48 weeks / 12 months, so ours agrees when
  (min + max) / 2 times the site's factor for our period is within 1% of it.

Every string is read with its posting's place, ``LocationNormalized`` and the site's country ("Leeds, UK"), as
``extract parse`` reads a record with ``location`` and ``country``: a figure without a currency takes the
country's (GBP), which also sets its magnitude checks. Currency is scored: it must be GBP.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from benchmarks.accuracy.common import ratio
from extract.model import Salary
from extract.salary import find_salary

SITE_YEAR = {"hour": 1920.0, "day": 240.0, "week": 48.0, "month": 12.0, "year": 1.0}
TOLERANCE = 0.01


def site_annual(salary: Salary) -> float:
    """Our salary as the site annualizes it: the midpoint times the site's periods per year."""
    return (salary.min + salary.max) / 2 * SITE_YEAR[salary.period]


def _exact(salary: Salary | None, normalized: float) -> bool:
    if salary is None or salary.currency != "GBP":
        return False
    return abs(site_annual(salary) - normalized) <= TOLERANCE * normalized


def adzuna_section(path: Path, examples: int) -> None:
    print(f"## UK pay strings as typed (no currency sign): {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            (r["SalaryRaw"].strip(), float(r["SalaryNormalized"]), f"{r['LocationNormalized']}, UK")
            for r in csv.DictReader(fh)
        ]
    print(f"strings: n={len(rows)}")
    for label, prefix in (("alone", ""), ("after 'Salary: '", "Salary: ")):
        found = exact = 0
        misses: dict[str, list[str]] = defaultdict(list)
        for raw, normalized, location in rows:
            salary = find_salary(prefix + raw, location=location)
            found += salary is not None
            exact += _exact(salary, normalized)
            if salary is None:
                misses["not found"].append(raw)
            elif not _exact(salary, normalized):
                got = f"{salary.min:g}-{salary.max:g} {salary.currency}/{salary.period}"
                misses["found, not exact"].append(f"{raw!r} -> {got} (site {normalized:g})")
        print(f"  {label:<17} found {ratio(found, len(rows))}; exact of found {ratio(exact, found)}")
        for kind, items in misses.items():
            print(f"    {kind} ({len(items)}): " + " | ".join(items[:examples]))
    print()
