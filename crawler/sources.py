"""The sources file: which employers to crawl, on which ATS, and each one's industry."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

REQUIRED_COLUMNS = ("company", "ats", "board", "industry")


@dataclass(frozen=True, slots=True)
class Source:
    company: str
    ats: str
    board: str
    industry: str
    url: str = ""  # sitemap or careers URL, for sources without a vendor API
    verified: bool = False

    def as_row(self) -> dict[str, object]:
        return {
            "ats": self.ats,
            "board": self.board,
            "company": self.company,
            "industry": self.industry,
            "url": self.url or None,
            "verified": int(self.verified),
        }


class SourcesFileError(ValueError):
    """The sources file is missing columns or has a malformed row."""


def load_sources(path: str | Path) -> list[Source]:
    """Read the sources CSV; errors name the file and line."""
    path = Path(path)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise SourcesFileError(f"{path}: missing columns {missing}")
        sources = []
        for line_number, row in enumerate(reader, start=2):
            values = {k: (v or "").strip() for k, v in row.items() if k}
            if not values.get("board") or not values.get("ats"):
                raise SourcesFileError(f"{path}:{line_number}: a source needs ats and board")
            sources.append(
                Source(
                    company=values["company"],
                    ats=values["ats"].lower(),
                    board=values["board"],
                    industry=values["industry"],
                    url=values.get("url", ""),
                    verified=values.get("verified", "").lower() in ("1", "true", "yes"),
                )
            )
    return sources
