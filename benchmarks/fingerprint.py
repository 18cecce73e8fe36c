"""A fingerprint of everything the project outputs, to show that a refactoring changed no behaviour.

    python -m benchmarks.fingerprint --shared ../shared            # prints one hash per output
    python -m benchmarks.fingerprint --shared ../shared --dump DIR # also writes the normalized outputs

It runs the offline demo into a fresh database, then hashes every table (rows sorted, columns that hold the
wall-clock time of the run left out), ``extract report --format json`` on that database (its generation
date left out), and ``extract parse`` over ``eval/dev.jsonl`` and LinkedIn ``dev.csv`` as JSON Lines. Two
checkouts with the same fingerprint produce the same rows and figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from benchmarks.accuracy import _linkedin_record, _read_linkedin

# Columns whose values are the wall-clock time of the run (or derived from it), not behaviour.
VOLATILE_COLUMN = re.compile(r"(^|_)(at|time|seen|started|finished|generated|duration|seconds|pid)$")
VOLATILE_REPORT_KEYS = frozenset({"generated", "generated_at", "date_generated"})
# Hashes of content that is compared anyway (and that holds the demo server's port).
DERIVED_COLUMNS = frozenset({"sha256", "content_hash"})
# The demo serves on a free port when 8765 is taken: the port is not behaviour.
LOCAL_PORT = re.compile(r"127\.0\.0\.1:\d+")


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]


def _natural_keys(con: sqlite3.Connection) -> dict[str, dict[int, str]]:
    """Row ids depend on the order a concurrent crawl stored pages: compare by what the rows are instead."""
    pages = {
        i: f"{_port(url)}#{hashlib.sha256(_port(body or '').encode()).hexdigest()[:12]}"
        for i, url, body in con.execute("select id, url, body from pages")
    }
    postings = {i: f"{s}:{sid}" for i, s, sid in con.execute("select id, source, source_id from postings")}
    return {"page_id": pages, "posting_id": postings, "duplicate_of": postings}


def table_dump(db_path: Path) -> dict[str, list[str]]:
    """Every table as sorted JSON rows, volatile columns dropped, row ids replaced by natural keys."""
    con = sqlite3.connect(db_path)
    keys = _natural_keys(con)
    tables = [
        r[0]
        for r in con.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%'")
    ]
    dump: dict[str, list[str]] = {}
    for table in sorted(tables):
        cursor = con.execute(f'select * from "{table}"')
        columns = [d[0] for d in cursor.description]
        own = {"pages": "page_id", "postings": "posting_id"}.get(table)
        mapping = [keys.get(own if c == "id" and own else c) for c in columns]
        keep = [
            i for i, c in enumerate(columns) if not VOLATILE_COLUMN.search(c) and c not in DERIVED_COLUMNS
        ]
        rows = [json.dumps([_value(row[i], mapping[i]) for i in keep], default=str) for row in cursor]
        dump[table] = [json.dumps([columns[i] for i in keep]), *sorted(rows)]
    con.close()
    return dump


def _port(text: str) -> str:
    return LOCAL_PORT.sub("127.0.0.1:PORT", text)


def _value(value: object, mapping: dict[int, str] | None) -> object:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, str):
        return _port(value)
    if mapping is not None and isinstance(value, int):
        return mapping.get(value, value)
    return value


def _scrub(value: object) -> object:
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in VOLATILE_REPORT_KEYS}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _hash(lines: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def fingerprint(shared: Path, work: Path, extract: str) -> dict[str, list[str]]:
    db = work / "demo.db"
    _run([extract, "demo", "--db", str(db)], cwd=work)
    outputs: dict[str, list[str]] = {f"table {t}": rows for t, rows in table_dump(db).items()}
    report = json.loads(_run([extract, "report", "--db", str(db), "--format", "json"], cwd=work).stdout)
    outputs["report json"] = _port(json.dumps(_scrub(report), indent=1, sort_keys=True)).splitlines()
    outputs["parse eval/dev.jsonl"] = _run(
        [extract, "parse", str(shared / "eval" / "dev.jsonl")]
    ).stdout.splitlines()
    linkedin = work / "linkedin.jsonl"
    rows = _read_linkedin(shared / "data" / "linkedin-2024" / "dev.csv")
    linkedin.write_text("".join(json.dumps(_linkedin_record(r)) + "\n" for r in rows), encoding="utf-8")
    outputs["parse linkedin dev.csv"] = _run([extract, "parse", str(linkedin)]).stdout.splitlines()
    return outputs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared folder (eval/, data/)")
    parser.add_argument("--dump", type=Path, help="also write each normalized output to this folder")
    parser.add_argument("--extract", default=str(Path(sys.executable).with_name("extract")))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        outputs = fingerprint(args.shared.resolve(), Path(tmp), args.extract)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    for name, lines in outputs.items():
        print(f"{_hash(lines)}  {len(lines):>7}  {name}")
        if args.dump:
            (args.dump / (re.sub(r"\W+", "_", name) + ".txt")).write_text("\n".join(lines), encoding="utf-8")
    print(f"{_hash(f'{k}:{_hash(v)}' for k, v in outputs.items())}  overall")


if __name__ == "__main__":
    main()
