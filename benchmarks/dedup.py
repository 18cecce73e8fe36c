"""Benchmark de-duplication: seconds at 10k / 50k / 100k postings whose titles fall in a few huge groups.

Each group shares one title, as the worst real boards do: one employer's job in hundreds of cities with the
same text (distinct jobs), the same posting repeated under new ids (duplicates of one), agencies reposting it,
and other teams' texts. Signatures are computed once from a pool of texts, as ``extract run`` stores them;
the time measured is ``find_duplicates_by_group`` over records in memory, which is what a run does after
loading each group. Near-linear time means seconds per 10k postings stays about flat.

    python -m benchmarks.dedup                    # 10k, 50k, 100k
    python -m benchmarks.dedup --postings 3000 6000 --group 6000
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

from extract.dedup import DedupRecord, find_duplicates_by_group, signature_bytes

_WORDS = [
    "design",
    "build",
    "operate",
    "services",
    "python",
    "sql",
    "kafka",
    "data",
    "team",
    "customers",
    "platform",
    "scale",
    "reliable",
    "mentor",
    "review",
    "code",
    "ship",
    "features",
    "product",
    "cloud",
    "growth",
    "benefits",
    "remote",
    "office",
    "learning",
    "budget",
    "health",
]


def _texts(count: int, seed: int) -> list[str]:
    """``count`` distinct postings' texts: a shared body, each with its own team paragraph."""
    rng = random.Random(seed)
    body = " ".join(rng.choice(_WORDS) for _ in range(300))
    return [f"{body} {' '.join(rng.choice(_WORDS) + str(i) for _ in range(120))}" for i in range(count)]


def build_records(postings: int, group: int, seed: int = 1) -> list[DedupRecord]:
    """``postings`` records in groups of ``group`` sharing a title (see the module docstring for their mix)."""
    rng = random.Random(seed)
    signatures = [signature_bytes(text) for text in _texts(200, seed)]
    records: list[DedupRecord] = []
    for i in range(postings):
        title = f"Store Associate {i // group}"
        kind = rng.random()
        if kind < 0.5:  # one employer, the same text in many cities: distinct jobs
            company, location, signature = "Chain Inc", f"City {rng.randrange(500)}", signatures[0]
        elif kind < 0.8:  # the same posting repeated under new ids: duplicates
            company, location, signature = "Chain Inc", "Springfield", signatures[1]
        elif kind < 0.9:  # agencies reposting the text
            company, location, signature = f"Agency {rng.randrange(50)}", "Springfield", signatures[1]
        else:  # other teams of the employer: their own texts
            company, location, signature = "Chain Inc", "Springfield", rng.choice(signatures[2:])
        day = f"2026-{rng.randrange(9, 12):02d}-{rng.randrange(1, 29):02d}"
        records.append(DedupRecord(i + 1, company, title, location, None, day, f"{day}T00:00:00Z", signature,
                                   f"bench:{i + 1}"))  # fmt: skip
    return records


def time_dedup(records: Sequence[DedupRecord]) -> tuple[float, int]:
    by_id = {r.id: r for r in records}
    started = time.perf_counter()
    duplicates = find_duplicates_by_group(
        ((r.id, r.title) for r in records), lambda ids: [by_id[i] for i in ids]
    )
    return time.perf_counter() - started, len(duplicates)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postings", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument(
        "--group", type=int, default=20_000, help="postings per shared title (default 20,000)"
    )
    args = parser.parse_args(argv)
    print(f"{'postings':>9} {'group':>7} {'seconds':>8} {'s/10k':>6} {'duplicates':>10}")
    for postings in args.postings:
        seconds, duplicates = time_dedup(build_records(postings, args.group))
        print(f"{postings:>9,} {min(args.group, postings):>7,} {seconds:>8.2f} {seconds / postings * 10_000:>6.2f} "
              f"{duplicates:>10,}")  # fmt: skip


if __name__ == "__main__":
    main()
