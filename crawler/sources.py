"""The sources file: which employers to crawl, on which ATS, and each one's industry.

A row is ``company,ats,board,industry,url,verified[,options]``. What a platform needs beyond the board slug
comes from the row itself, one way for every platform (``Source.params()``):

* the ``url`` column (the careers site, or a JSON-LD sitemap) gives ``host`` (its host name), ``tenant``
  (the first label of that host: the employer's subdomain) and ``site`` (the last segment of its path).
  ``https://acme.wd5.myworkdayjobs.com/en-US/External`` gives host ``acme.wd5.myworkdayjobs.com``, tenant
  ``acme`` and site ``External``: what a Workday board needs;
* the optional ``options`` column adds anything else, or replaces one of those three, as
  ``key=value;key=value`` (``site=External;locale=en-US``).

A platform's API root (``JOBPULSE_API_ROOTS_BASE`` in ``crawler/settings.py``) and its spider may use any of
these names, and ``board`` and ``url``: ``https://{host}`` is the root of a platform served on each
employer's own host. Files without an ``options`` column are read as before.

``python -m crawler.sources --summary [FILE]`` prints how many employers the file (default: the shipped
``crawler/data/sources.csv``) lists per industry and per platform: the two tables of README "Sources".
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REQUIRED_COLUMNS = ("company", "ats", "board", "industry")
# Names a row's columns already give: an option may not shadow them.
COLUMN_PARAMS = frozenset({"board", "url"})
SHIPPED = Path(__file__).parent / "data" / "sources.csv"
# The summary's tables: the Source field counted, and the heading of its column.
SUMMARY_COLUMNS = (("industry", "industry"), ("ats", "platform"))


@dataclass(frozen=True, slots=True)
class Source:
    company: str
    ats: str
    board: str
    industry: str
    url: str = ""  # sitemap or careers URL, for sources without a vendor API
    verified: bool = False
    # The row's ``options`` column as (key, value) pairs, in order: a tuple keeps Source hashable.
    options: tuple[tuple[str, str], ...] = ()

    def as_row(self) -> dict[str, object]:
        return {
            "ats": self.ats,
            "board": self.board,
            "company": self.company,
            "industry": self.industry,
            "url": self.url or None,
            "verified": int(self.verified),
        }

    def params(self) -> dict[str, str]:
        """What a platform may ask of this row: ``board``, ``url``, what the url gives, then the options."""
        return {"board": self.board, "url": self.url, **url_params(self.url), **dict(self.options)}


class SourcesFileError(ValueError):
    """The sources file is missing columns or has a malformed row."""


def url_params(url: str) -> dict[str, str]:
    """``host``, ``tenant`` and ``site`` of a careers URL (see the module docstring); {} without a host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host:
        return {}
    params = {"host": host, "tenant": host.split(".")[0]}
    segments = [s for s in parts.path.split("/") if s]
    if segments:
        params["site"] = segments[-1]
    return params


def parse_options(text: str) -> tuple[tuple[str, str], ...]:
    """``key=value;key=value`` → pairs; raises ValueError naming the part that is wrong."""
    pairs: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, equals, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key:
            raise ValueError(f"option {part.strip()!r} is not key=value")
        if key in COLUMN_PARAMS:
            raise ValueError(f"option {key!r} is a column of its own")
        if key in pairs:
            raise ValueError(f"option {key!r} given twice")
        pairs[key] = value
    return tuple(pairs.items())


def load_sources(path: str | Path) -> list[Source]:
    """Read the sources CSV; errors name the file and line."""
    path = Path(path)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise SourcesFileError(f"{path}: missing columns {missing}")
        return [_source(path, line_number, row) for line_number, row in enumerate(reader, start=2)]


def _source(path: Path, line_number: int, row: dict[str, str | None]) -> Source:
    values = {k: (v or "").strip() for k, v in row.items() if k}
    if not values.get("board") or not values.get("ats"):
        raise SourcesFileError(f"{path}:{line_number}: a source needs ats and board")
    try:
        options = parse_options(values.get("options", ""))
    except ValueError as error:
        raise SourcesFileError(f"{path}:{line_number}: {error}") from None
    return Source(
        company=values["company"],
        ats=values["ats"].lower(),
        board=values["board"],
        industry=values["industry"],
        url=values.get("url", ""),
        verified=values.get("verified", "").lower() in ("1", "true", "yes"),
        options=options,
    )


def count_table(sources: Iterable[Source], field: str, heading: str) -> str:
    """A Markdown table of how many sources have each value of ``field``, most first, then a total."""
    counts = Counter(str(getattr(source, field)) for source in sources)
    lines = [f"| {heading} | employers |", "|---|---:|"]
    lines += [
        f"| {value} | {n} |" for value, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    lines.append(f"| total | {sum(counts.values())} |")
    return "\n".join(lines)


def summary(sources: Sequence[Source]) -> str:
    """Employers per industry and per platform: the tables README "Sources" shows."""
    return "\n\n".join(count_table(sources, field, heading) for field, heading in SUMMARY_COLUMNS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.sources", description="Read a sources file.")
    parser.add_argument(
        "path", nargs="?", default=str(SHIPPED), help="the sources CSV (default: the shipped one)"
    )
    parser.add_argument(
        "--summary", action="store_true", help="print employers per industry and per platform"
    )
    args = parser.parse_args(argv)
    if not args.summary:
        parser.error("nothing to do: give --summary")
    print(summary(load_sources(args.path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
