"""``extract run``: stored pages not yet read (or all) → postings and their skills, a batch of pages at a time.

A page's postings, their skills and the page's "extracted" mark always commit in the same transaction
(one per group of pages holding about a hundred postings), so a run killed halfway leaves whole pages
done and the rest pending, never a half-written posting. A page whose payload cannot be read is marked
with the reason and the run goes on.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import sqlite_utils
from spacy.language import Language

from extract import EXTRACTOR_VERSION
from extract.analyze import analyze
from extract.dedup import DedupRecord, find_duplicates_by_group
from extract.model import Posting, RawPosting
from extract.output import posting_row, skill_rows
from extract.pipeline import build_nlp
from extract.skills import TAXONOMY_VERSION, load_taxonomy
from extract.vendors import PayloadError, read_payload
from store.boards import board_industries
from store.pages import StoredPage, count_pending, mark_extracted, pending_pages
from store.postings import (
    close_missing_postings,
    dedup_records,
    dedup_titles,
    mark_duplicates,
    refresh_last_seen,
    replace_skills_taxonomy,
    set_meta,
    upsert_posting,
)

# A commit per page cost more than the writes themselves; a commit per group of pages holding about this
# many postings costs little, and a run killed halfway still keeps the groups it finished.
_POSTINGS_PER_COMMIT = 100
_Read = tuple[StoredPage, list[RawPosting], str | None]  # a page, its postings, why it could not be read


@dataclass
class RunSummary:
    pages: int = 0
    postings: int = 0
    errors: int = 0
    closed: int = 0
    duplicates: int = 0
    error_messages: list[str] = field(default_factory=list)
    # Wall-clock seconds per step of the run (read, analyze, write, last seen, close, dedup): they add
    # up to the run, so a benchmark can say where the time goes.
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - started

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
    summary = RunSummary()
    with summary.timed("setup"):
        nlp = build_nlp()
        replace_skills_taxonomy(db, taxonomy_rows())
        set_meta(db, {"taxonomy_version": TAXONOMY_VERSION, "extractor_version": EXTRACTOR_VERSION})
        boards = board_industries(db)
    pages = pending_pages(db, everything=everything, batch_size=batch_size)
    while True:
        with summary.timed("read pages"):
            batch = next(pages, None)
            if batch is None:
                break
            read = [_read_page(page) for page in batch]
        for chunk in _commit_groups(read):
            with summary.timed("analyze"):
                analyzed = _analyze_pages(chunk, nlp)
            with summary.timed("write"), db.conn:  # the group's pages commit together, each page whole
                for page, posts, error in analyzed:
                    company, industry = boards.get((page.source, page.board or ""), (None, None))
                    for posting in posts:
                        row = posting_row(posting, industry=industry, company=company, page_id=page.id)
                        upsert_posting(db, row, skill_rows(posting), page.id)
                    mark_extracted(db, page.id, EXTRACTOR_VERSION, error)
            for _, posts, error in analyzed:
                summary.pages += 1
                summary.postings += len(posts)
                if error:
                    summary.errors += 1
                    summary.error_messages.append(error)
        if on_progress:
            on_progress(len(batch))
    with summary.timed("refresh last seen"):
        refresh_last_seen(db)
    with summary.timed("close missing"):
        summary.closed = close_missing_postings(db)
    with summary.timed("dedup"):
        duplicates = find_duplicates_by_group(
            dedup_titles(db), lambda ids: [DedupRecord(*row) for row in dedup_records(db, ids)]
        )
        mark_duplicates(db, duplicates)
    summary.duplicates = len(duplicates)
    return summary


def _commit_groups(read: list[_Read]) -> Iterator[list[_Read]]:
    """Whole pages, grouped until they hold _POSTINGS_PER_COMMIT postings: one transaction each."""
    group: list[_Read] = []
    postings = 0
    for item in read:
        group.append(item)
        postings += len(item[1])
        if postings >= _POSTINGS_PER_COMMIT:
            yield group
            group, postings = [], 0
    if group:
        yield group


def _read_page(page: StoredPage) -> _Read:
    """The page's postings as its vendor states them, or the reason its payload cannot be read."""
    # The page is kept without its body: holding every body until the batch is written would hold them all.
    read = replace(page, body="")
    try:
        raws = read_payload(page.source, page.body or "", url=page.url, board=page.board,
                            fetched_at=page.fetched_at)  # fmt: skip
    except PayloadError as failure:
        return read, [], f"{page.source} page {page.id} ({page.url}): {failure}"
    for raw in raws:
        raw.page_id = page.id
    return read, raws, None


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
