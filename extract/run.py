"""``extract run``: stored pages not yet read (or all) → postings and their skills, page by page.

Each page is one transaction: its postings, their skills and the page's "extracted" mark commit
together, so a run killed halfway leaves whole pages done and the rest pending, never a half-written
posting. A page whose payload cannot be read is marked with the reason and the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils
from spacy.language import Language

from extract import EXTRACTOR_VERSION
from extract.analyze import analyze
from extract.dedup import DedupRecord, find_duplicates
from extract.model import Posting, RawPosting
from extract.output import posting_row, skill_rows
from extract.pipeline import build_nlp
from extract.skills import load_taxonomy
from extract.vendors import PayloadError, read_payload
from store.boards import board_industries
from store.pages import StoredPage, count_pending, mark_extracted, pending_pages
from store.postings import (
    close_missing_postings,
    dedup_records,
    mark_duplicates,
    refresh_last_seen,
    replace_skills_taxonomy,
    upsert_posting,
)


@dataclass
class RunSummary:
    pages: int = 0
    postings: int = 0
    errors: int = 0
    closed: int = 0
    duplicates: int = 0
    error_messages: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"pages read {self.pages}, postings written {self.postings}, errors {self.errors}, "
            f"postings closed {self.closed}, duplicates {self.duplicates}"
        )


def run_extraction(
    db: sqlite_utils.Database,
    *,
    everything: bool = False,
    batch_size: int = 100,
    on_progress: Callable[[int], None] | None = None,
) -> RunSummary:
    nlp = build_nlp()
    replace_skills_taxonomy(db, taxonomy_rows())
    boards = board_industries(db)
    summary = RunSummary()
    for batch in pending_pages(db, everything=everything, batch_size=batch_size):
        read: list[tuple[StoredPage, list[RawPosting], str | None]] = []
        for page in batch:
            try:
                raws = read_payload(page.source, page.body or "", url=page.url, board=page.board,
                                    fetched_at=page.fetched_at)  # fmt: skip
                for raw in raws:
                    raw.page_id = page.id
                read.append((page, raws, None))
            except PayloadError as failure:
                read.append((page, [], f"{page.source} page {page.id} ({page.url}): {failure}"))
        analyzed = _analyze_pages(read, nlp)
        for page, posts, error in analyzed:
            company, industry = boards.get((page.source, page.board or ""), (None, None))
            with db.conn:
                for posting in posts:
                    row = posting_row(posting, industry=industry, company=company, page_id=page.id)
                    upsert_posting(db, row, skill_rows(posting), page.id)
                mark_extracted(db, page.id, EXTRACTOR_VERSION, error)
            summary.pages += 1
            summary.postings += len(posts)
            if error:
                summary.errors += 1
                summary.error_messages.append(error)
        if on_progress:
            on_progress(len(batch))
    refresh_last_seen(db)
    summary.closed = close_missing_postings(db)
    duplicates = find_duplicates(DedupRecord(*row) for row in dedup_records(db))
    mark_duplicates(db, duplicates)
    summary.duplicates = len(duplicates)
    return summary


def _analyze_pages(
    read: list[tuple[StoredPage, list[RawPosting], str | None]], nlp: Language
) -> list[tuple[StoredPage, list[Posting], str | None]]:
    """Postings per page, the batch at once; if anything in it raises, page by page so only that page fails."""
    try:
        postings = iter(analyze([raw for _, raws, _ in read for raw in raws], nlp))
        return [(page, [next(postings) for _ in raws], error) for page, raws, error in read]
    except Exception:  # a parser bug on one posting must not cost the batch
        out: list[tuple[StoredPage, list[Posting], str | None]] = []
        for page, raws, error in read:
            try:
                out.append((page, list(analyze(raws, nlp)), error))
            except Exception as failure:
                reason = f"{page.source} page {page.id} ({page.url}): extraction failed: {type(failure).__name__}: {failure}"
                out.append((page, [], reason))
        return out


def taxonomy_rows() -> list[dict[str, object]]:
    """The taxonomy as the ``skills`` table holds it: name, category, ai, groups (a JSON array)."""
    return [
        {"name": s.name, "category": s.category, "ai": s.ai, "groups": json.dumps(list(s.groups))}
        for s in load_taxonomy().skills.values()
    ]


def pages_to_read(db: sqlite_utils.Database, *, everything: bool = False) -> int:
    return count_pending(db, everything=everything)
