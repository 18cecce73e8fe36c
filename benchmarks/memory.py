"""Peak memory of ``extract run`` on a page holding one posting with a huge description.

A board can send a description of any size; what a posting carries through the pipeline is cut to
``extract.isolate.MAX_DESCRIPTION_CHARS`` right after its page is read, so peak memory is the page (its body
and what its reader builds from it) plus a bounded posting, whatever the size. The run happens in a child
process, whose peak RSS is printed beside the description's size.

    python -m benchmarks.memory                      # 50 MB
    python -m benchmarks.memory --huge-description 5 25 50
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from store import open_db
from store.pages import save_page

_RUN = """
import sys
from extract.run import run_extraction
from store import open_db
summary = run_extraction(open_db(sys.argv[1]))
print(summary.line())
"""


def build_page(path: str, megabytes: float) -> int:
    """A Greenhouse board page whose one posting has a ``megabytes`` MB HTML description; its length."""
    sentence = "<p>We build data platforms with Python, SQL and Kafka for our customers.</p>\n"
    content = sentence * int(megabytes * 1_000_000 / len(sentence))
    job = {"id": 1, "title": "Data Engineer", "content": content, "location": {"name": "Berlin"},
           "absolute_url": "https://example.test/jobs/1", "updated_at": "2026-11-10T10:00:00Z"}  # fmt: skip
    db = open_db(path)
    save_page(db, url="https://example.test/board", source="greenhouse", board="b", status=200,
              content_type="application/json", body=json.dumps({"jobs": [job], "meta": {"total": 1}}))  # fmt: skip
    db.close()
    return len(content)


def peak_rss_mb(megabytes: float) -> tuple[int, float, str]:
    """(description characters, peak RSS of the run in MB, its summary line)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "jobs.db")
        chars = build_page(path, megabytes)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        done = subprocess.run([sys.executable, "-c", _RUN, path], capture_output=True, text=True, check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: runs go from small to large, so it is this run's.
    return chars, max(peak, before) / 1024, done.stdout.strip()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--huge-description", type=float, nargs="+", default=[50.0], metavar="MB")
    args = parser.parse_args(argv)
    for megabytes in sorted(args.huge_description):
        chars, peak, line = peak_rss_mb(megabytes)
        print(f"description {chars / 1e6:.1f} M characters: peak RSS {peak:.0f} MB ({line})")


if __name__ == "__main__":
    main()
