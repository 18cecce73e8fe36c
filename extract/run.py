"""``extract run``: stored pages not yet read (or all) → postings and their skills, a batch of pages at a time.

A page's postings, their skills and the page's "extracted" mark always commit in the same transaction
(one per group of pages holding about a hundred postings), so a run killed halfway leaves whole pages
done and the rest pending, never a half-written posting. Nothing one page holds stops the run: a page whose
payload cannot be read (whatever its reader raises) is marked with the reason; a posting that cannot be
analyzed, turned into a row or written costs that posting only, and is recorded with its id and reason in
its page's ``extract_error`` (one line each), beside the page's postings that were kept. A page with an error
never counts as a complete listing of its board, so it closes nothing (``store.postings.close_missing_postings``).

With ``workers`` > 1, reading payloads, the spaCy pipeline, building rows and MinHash signatures (everything
that needs no database) run in that many worker processes, a batch of pages each; this process alone writes,
in page order, so the database ends the same as after a one-process run.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import sqlite_utils
from spacy.language import Language

from extract import EXTRACTOR_VERSION
from extract.dedup import DedupRecord, find_duplicates_by_group, signature_bytes
from extract.isolate import analyze_each, clean_raw, failure, scrub
from extract.model import Posting, RawPosting
from extract.output import posting_row, skill_rows
from extract.pipeline import build_nlp
from extract.skills import TAXONOMY_VERSION, load_taxonomy
from extract.vendors import PayloadError, read_payload
from store import open_db
from store.boards import board_industries
from store.pages import (
    StoredPage,
    count_pending,
    mark_extracted,
    pages_by_id,
    pending_page_sizes,
    pending_pages,
)
from store.postings import (
    close_missing_postings,
    dedup_pending,
    dedup_records,
    dedup_titles,
    mark_dedup_pending,
    mark_duplicates,
    postings_without_signature,
    refresh_last_seen,
    replace_skills_taxonomy,
    set_meta,
    store_signatures,
    upsert_posting,
)

# A commit per page cost more than the writes themselves; a commit per group of pages holding about this
# many postings costs little, and a run killed halfway still keeps the groups it finished.
_POSTINGS_PER_COMMIT = 100
# With workers, smaller batches keep every worker busy to the end; each worker has about two batches queued
# so none waits for the writer, and no more, so memory does not grow with the input.
_WORKER_BATCH_PAGES = 20
# A board can be one page of thousands of postings: it goes to a worker alone (a batch holds at most this many
# characters of bodies past its first page), and the other workers go on with the pages after it while the
# writer waits for it, up to this many batches and characters of bodies queued.
_WORKER_BATCH_CHARS = 1_000_000
_BATCHES_QUEUED_PER_WORKER = 4
_CHARS_QUEUED = 64_000_000
_SIGNATURES_PER_COMMIT = 1000
# What SQLite refuses in one posting's values (a number too large for it, a wrong type); anything else from
# the database (locked, disk full) stops the run, whose committed pages a rerun keeps.
_ROW_ERRORS = (ValueError, TypeError, OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError)
_Item = TypeVar("_Item")
Boards = Mapping[tuple[str, str], tuple[str | None, str | None]]  # (source, board) → (company, industry)


@dataclass
class RunSummary:
    pages: int = 0
    postings: int = 0
    errors: int = 0
    closed: int = 0
    duplicates: int = 0
    error_messages: list[str] = field(default_factory=list)
    # Wall-clock seconds per step of the run (read, analyze, write, last seen, close, dedup): they add
    # up to the run, so a benchmark can say where the time goes. With workers, the steps workers do are
    # summed over the workers under "workers: …" and the writer's wait for them is "wait for workers".
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add_seconds(step, time.perf_counter() - started)

    def add_seconds(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds

    def line(self) -> str:
        return (
            f"pages read {self.pages}, postings written {self.postings}, errors {self.errors}, "
            f"postings closed {self.closed}, duplicates {self.duplicates}"
        )


@dataclass(frozen=True, slots=True)
class PostingOut:
    """One posting as it will be written: its row, its skill rows, its MinHash signature."""

    row: dict[str, Any]
    skills: list[dict[str, Any]]
    signature: bytes


@dataclass(frozen=True, slots=True)
class PageOut:
    """One page's outcome: its postings, and why it or some of its postings could not be read (one reason per
    failure, empty when none failed). The page is kept without its body."""

    page: StoredPage
    postings: list[PostingOut]
    errors: list[str]


@dataclass(slots=True)
class _PageRead:
    """A page (without its body), its postings as its vendor states them, and the failures so far."""

    page: StoredPage
    raws: list[RawPosting]
    cut_from: list[int | None]  # per posting, its description's length when it was cut
    errors: list[str]


def run_extraction(
    db: sqlite_utils.Database,
    *,
    everything: bool = False,
    batch_size: int = 100,
    workers: int = 1,
    on_progress: Callable[[int], None] | None = None,
) -> RunSummary:
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    summary = RunSummary()
    with summary.timed("setup"):
        replace_skills_taxonomy(db, taxonomy_rows())
        set_meta(db, {"taxonomy_version": TAXONOMY_VERSION, "extractor_version": EXTRACTOR_VERSION})
        boards = board_industries(db)
    if workers == 1:
        with summary.timed("setup"):
            nlp = build_nlp()
        batches = pending_pages(db, everything=everything, batch_size=batch_size)
        results = _extract_here(batches, boards, nlp, summary)
    else:
        sizes = pending_page_sizes(db, everything=everything, batch_size=min(batch_size, _WORKER_BATCH_PAGES),
                                   max_chars=_WORKER_BATCH_CHARS)  # fmt: skip
        results = _extract_in_workers(db, sizes, boards, workers, summary)
    for pages_out in results:
        for group in _commit_groups(pages_out, lambda page_out: len(page_out.postings)):
            with summary.timed("write"):
                _write_group(db, group)
            _count(summary, group)
        if on_progress:
            on_progress(len(pages_out))
    _finish(db, summary)
    return summary


def _extract_here(
    batches: Iterator[list[StoredPage]], boards: Boards, nlp: Language, summary: RunSummary
) -> Iterator[list[PageOut]]:
    while True:
        with summary.timed("read pages"):
            batch = next(batches, None)
        if batch is None:
            return
        yield extract_pages(batch, boards, nlp, summary)


def _extract_in_workers(
    db: sqlite_utils.Database,
    batches: Iterator[list[tuple[int, int]]],
    boards: Boards,
    workers: int,
    summary: RunSummary,
) -> Iterator[list[PageOut]]:
    """Each batch's PageOuts, in batch order, computed by ``workers`` worker processes.

    ``batches`` are (page id, body length): each worker reads its pages' bodies from the database file itself,
    so this process never holds the bodies in flight (a database in memory has no file: its pages are sent).
    """
    path = _database_file(db)
    pool = ProcessPoolExecutor(
        workers, mp_context=_worker_context(), initializer=_start_worker, initargs=(dict(boards), path)
    )
    queued: deque[tuple[Future[tuple[list[PageOut], dict[str, float]]], int]] = deque()  # (result, chars)
    chars_queued = 0
    try:
        while True:
            with summary.timed("read pages"):
                while len(queued) < workers or (
                    len(queued) < workers * _BATCHES_QUEUED_PER_WORKER and chars_queued < _CHARS_QUEUED
                ):
                    batch = next(batches, None)
                    if batch is None:
                        break
                    ids = [page_id for page_id, _ in batch]
                    sent = None if path else pages_by_id(db, ids)
                    chars = sum(size for _, size in batch)
                    queued.append((pool.submit(_extract_in_worker, ids, sent), chars))
                    chars_queued += chars
            if not queued:
                return
            future, chars = queued.popleft()
            chars_queued -= chars
            with summary.timed("wait for workers"):
                pages_out, seconds = future.result()
            for step, spent in seconds.items():
                summary.add_seconds(f"workers: {step}", spent)
            yield pages_out
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_context() -> multiprocessing.context.BaseContext:
    """fork when it is safe, spawn otherwise.

    A forked worker starts at once with the pipeline this process built; a spawned one imports spaCy and builds
    it again (about two seconds per worker, in which the writer has nothing to write). Forking is only safe
    while this process has a single thread (a thread holding a lock at the fork would leave it held forever in
    the child), so with any other thread running (a progress monitor, an embedding application) workers spawn.
    The children never touch the parent's database connection: they return rows, and this process writes.
    """
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        build_nlp()  # built once here, shared with every child
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _database_file(db: sqlite_utils.Database) -> str | None:
    """The file of ``db``'s main database, or None when it lives in memory."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(file) or None
    return None


_WORKER: dict[str, Any] = {}


def _start_worker(boards: dict[tuple[str, str], tuple[str | None, str | None]], path: str | None) -> None:
    _WORKER["boards"] = boards
    _WORKER["nlp"] = build_nlp()
    # The worker's own connection, for reading pages only (never the parent's: a connection must not cross a fork).
    _WORKER["db"] = open_db(path, migrate=False) if path else None


def _extract_in_worker(
    ids: list[int], pages: list[StoredPage] | None
) -> tuple[list[PageOut], dict[str, float]]:
    """A batch's PageOuts and the seconds per step; the pages are read here unless they were sent."""
    summary = RunSummary()
    if pages is None:
        with summary.timed("read pages"):
            pages = pages_by_id(_WORKER["db"], ids)
    return extract_pages(pages, _WORKER["boards"], _WORKER["nlp"], summary), summary.seconds


def extract_pages(
    pages: list[StoredPage], boards: Boards, nlp: Language, summary: RunSummary
) -> list[PageOut]:
    """What a batch of pages becomes, without touching the database: the work a worker process does."""
    with summary.timed("read pages"):
        read = [
            _read_page(page, boards.get((page.source, page.board or ""), (None, None))[1]) for page in pages
        ]
    out: list[PageOut] = []
    for group in _commit_groups(read, lambda item: len(item.raws)):
        with summary.timed("analyze"):
            analyzed = analyze_each([raw for item in group for raw in item.raws], nlp)
        with summary.timed("rows and signatures"):
            outcomes = iter(analyzed)
            out += [_page_out(item, [next(outcomes) for _ in item.raws], boards) for item in group]
    return out


def _prefix(page: StoredPage) -> str:
    return f"{page.source} page {page.id} ({page.url})"


def _page_out(item: _PageRead, outcomes: list[Posting | str], boards: Boards) -> PageOut:
    page = item.page
    company, industry = boards.get((page.source, page.board or ""), (None, None))
    postings: list[PostingOut] = []
    for raw, cut_from, outcome in zip(item.raws, item.cut_from, outcomes, strict=True):
        reason = outcome if isinstance(outcome, str) else None
        if isinstance(outcome, Posting):
            try:
                postings.append(_posting_out(outcome, cut_from, company, industry, page.id))
            except Exception as error:  # a row that cannot be built costs its posting only
                reason = failure(error)
        if reason:
            item.errors.append(f"{_prefix(page)}: posting {raw.source_id}: {reason}")
    return PageOut(page, postings, item.errors)


def _posting_out(
    posting: Posting, cut_from: int | None, company: str | None, industry: str | None, page_id: int
) -> PostingOut:
    row = posting_row(posting, industry=industry, company=company, page_id=page_id)
    row["description_cut_from"] = cut_from
    return PostingOut(row, skill_rows(posting), signature_bytes(posting.raw.description or ""))


def _write_group(db: sqlite_utils.Database, group: list[PageOut]) -> None:
    """One transaction: every posting of these pages, their skills and signatures, and the pages' marks.

    The postings are written at once; only when the database refuses one is the transaction rolled back and
    they are written again posting by posting (:func:`_write_each`), so that posting alone is dropped and
    recorded. A savepoint per posting every time (or one around the group) cost a fifth of the writes.
    """
    with db.conn:
        if db.conn.in_transaction:  # not ours to roll back: the slow way at once
            _write_each(db, group)
        else:
            db.execute("BEGIN")
            try:
                _write_postings(db, group)
            except _ROW_ERRORS:
                db.execute("ROLLBACK")
                db.execute("BEGIN")  # the savepoints must not be the transaction (releasing one would commit)
                _write_each(db, group)
        for page_out in group:
            mark_extracted(db, page_out.page.id, EXTRACTOR_VERSION, "\n".join(page_out.errors) or None)
        if any(page_out.postings for page_out in group):
            mark_dedup_pending(db)


def _write_postings(db: sqlite_utils.Database, group: list[PageOut]) -> None:
    for page_out in group:
        for posting in page_out.postings:
            upsert_posting(db, posting.row, posting.skills, page_out.page.id, posting.signature)


def _write_each(db: sqlite_utils.Database, group: list[PageOut]) -> None:
    """Each posting under its own savepoint: one the database refuses is rolled back alone, dropped from its
    page and recorded in the page's errors."""
    for page_out in group:
        for posting in list(page_out.postings):
            db.execute("SAVEPOINT posting")
            try:
                upsert_posting(db, posting.row, posting.skills, page_out.page.id, posting.signature)
            except _ROW_ERRORS as error:
                db.execute("ROLLBACK TO posting")
                page_out.postings.remove(posting)
                page_out.errors.append(
                    f"{_prefix(page_out.page)}: posting {posting.row.get('source_id')}: {failure(error)}"
                )
            db.execute("RELEASE posting")


def _count(summary: RunSummary, group: list[PageOut]) -> None:
    for page_out in group:
        summary.pages += 1
        summary.postings += len(page_out.postings)
        summary.errors += len(page_out.errors)
        summary.error_messages += page_out.errors


def _finish(db: sqlite_utils.Database, summary: RunSummary) -> None:
    """The whole-database steps after the pages: last seen, closing, de-duplication."""
    with summary.timed("refresh last seen"):
        refresh_last_seen(db)
    with summary.timed("close missing"):
        summary.closed = close_missing_postings(db)
    with summary.timed("dedup"):
        # Nothing written since the last de-duplication (a rerun with no new pages): its marks stand.
        if backfill_signatures(db) or dedup_pending(db):
            duplicates = find_duplicates_by_group(
                dedup_titles(db), lambda ids: [DedupRecord(*row) for row in dedup_records(db, ids)]
            )
            mark_duplicates(db, duplicates)
        summary.duplicates = int(
            db.execute("SELECT count(*) FROM postings WHERE duplicate_of IS NOT NULL").fetchone()[0]
        )


def backfill_signatures(db: sqlite_utils.Database) -> int:
    """Store a signature for every posting without one (extracted before signatures were kept); return how many."""
    done = 0
    while rows := postings_without_signature(db, _SIGNATURES_PER_COMMIT):
        store_signatures(db, [(posting_id, signature_bytes(text)) for posting_id, text in rows])
        done += len(rows)
    return done


def _commit_groups(items: list[_Item], postings_of: Callable[[_Item], int]) -> Iterator[list[_Item]]:
    """Whole pages, grouped until they hold _POSTINGS_PER_COMMIT postings: one transaction each."""
    group: list[_Item] = []
    postings = 0
    for item in items:
        group.append(item)
        postings += postings_of(item)
        if postings >= _POSTINGS_PER_COMMIT:
            yield group
            group, postings = [], 0
    if group:
        yield group


def _read_page(page: StoredPage, industry: str | None = None) -> _PageRead:
    """The page's postings as its vendor states them, made safe to analyze and store, or why it cannot be read
    (``industry``: the employer's, which a vague title is read by)."""
    # The page is kept without its body: holding every body until the batch is written would hold them all.
    read = _PageRead(replace(page, body=""), [], [], [])
    try:
        raws = read_payload(page.source, page.body or "", url=page.url, board=page.board,
                            fetched_at=page.fetched_at)  # fmt: skip
    except Exception as error:  # PayloadError, or anything a hostile payload makes a reader raise
        message = str(error) if isinstance(error, PayloadError) else failure(error)
        read.errors.append(f"{_prefix(page)}: {scrub(message)}")
        return read
    for raw in raws:
        raw.page_id, raw.industry = page.id, industry
        raw, cut_from = clean_raw(raw)
        read.raws.append(raw)
        read.cut_from.append(cut_from)
    return read


def taxonomy_rows() -> list[dict[str, object]]:
    """The taxonomy as the ``skills`` table holds it: name, category, ai, groups (a JSON array)."""
    return [
        {"name": s.name, "category": s.category, "ai": s.ai, "groups": json.dumps(list(s.groups))}
        for s in load_taxonomy().skills.values()
    ]


def pages_to_read(db: sqlite_utils.Database, *, everything: bool = False) -> int:
    return count_pending(db, everything=everything)
