"""The published figures, in the order the JSON, the CSV files and the Markdown list them.

Adding a figure is one new module (see ``report.figure``) and one line here.
"""

from __future__ import annotations

from report import (
    ai_penetration,
    ai_premium,
    disclosure,
    hubs,
    role_grid,
    salary_bands,
    skill_shares,
    weekly,
    weighted,
)
from report.figure import Figure

FIGURES: tuple[Figure, ...] = (
    skill_shares.FIGURE,
    ai_penetration.FIGURE,
    salary_bands.FIGURE,
    disclosure.FIGURE,
    ai_premium.FIGURE,
    weekly.FIGURE,
    role_grid.FIGURE,
    hubs.FIGURE,
    weighted.FIGURE,
)
# The standalone charts ``report.html.write_html`` writes, by file name.
CHARTS = {f"{figure.key}.svg": figure.chart for figure in FIGURES if figure.chart is not None}
