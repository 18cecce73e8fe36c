"""The published figures of jobpulse: one module per statistic, its docstring the published definition.

``report.registry.FIGURES`` lists them. ``build_report`` computes every figure for one scope as a JSON-ready
dict; ``report.render`` turns it into article-ready Markdown and CSV, ``report.html`` into a web page with
SVG charts. Depends only on ``store`` (the database), never on Scrapy or spaCy.
"""

from report.build import build_report
from report.render import to_csv, to_csv_files, to_markdown
from report.scope import Scope

__all__ = ["Scope", "build_report", "to_csv", "to_csv_files", "to_markdown"]
