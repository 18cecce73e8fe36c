"""HN "who is hiring" cases (``data/hn-whoishiring-eval/eval_cases.json``): salary, currency, remote."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from benchmarks.accuracy.common import ratio, run
from extract.inputs import RecordError
from extract.output import prediction


def _hn_expectation(case: Mapping[str, Any]) -> dict[str, Any] | None:
    expected = case.get("expected") or {}
    roles = expected.get("roles") or []
    if not expected.get("is_job_posting") or not (roles or expected.get("all_roles")):
        return None
    merged = dict(expected.get("all_roles") or {})
    if roles:
        merged.update(roles[0].get("expect") or {})
    return merged


def _hn_checks(expect: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool]:
    salary = pred.get("salary")
    checks: dict[str, bool] = {}
    if "salary_min" in expect or "salary_max" in expect:
        if expect.get("salary_min") is None:
            checks["salary"] = salary is None
        else:
            checks["salary"] = bool(
                salary and salary["min"] == expect["salary_min"] and salary["max"] == expect["salary_max"]
            )
    elif "salary_min_gte" in expect:
        checks["salary"] = bool(
            salary and salary["min"] >= expect["salary_min_gte"] and salary["max"] <= expect["salary_max_lte"]
        )
    if "salary_currency" in expect:
        checks["currency"] = bool(salary and salary["currency"] == expect["salary_currency"])
    if "is_remote" in expect:
        checks["remote"] = (pred.get("remote") == "remote") == bool(expect["is_remote"])
    elif "is_remote_in" in expect:
        checks["remote"] = (pred.get("remote") == "remote") in [bool(v) for v in expect["is_remote_in"]]
    return checks


def hn_section(path: Path, nlp: Any) -> None:
    print(f"## HN 'who is hiring' cases: {path}")
    cases = json.loads(path.read_text(encoding="utf-8"))["test_cases"]
    records = [
        {
            "id": str(case["id"]),
            "format": "hn_comment",
            "title": "",
            "fetched_at": str(case["comment"].get("date") or ""),
            "body": str(case["comment"].get("content") or ""),
        }
        for case in cases
    ]
    try:
        postings = run(records, nlp)
    except RecordError as error:  # pragma: no cover - reported, not fatal
        print(f"could not read the cases: {error}")
        return
    totals: dict[str, list[bool]] = defaultdict(list)
    skipped = []
    for case, posting in zip(cases, postings, strict=True):
        pred = prediction(posting)
        expect = _hn_expectation(case)
        if expect is None:
            skipped.append(f"{case['name']} (ours: salary {pred['salary']}, remote {pred['remote']})")
            continue
        checks = _hn_checks(expect, pred)
        for name, ok in checks.items():
            totals[name].append(ok)
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            print(
                f"  miss {case['name']}: {', '.join(wrong)} — ours salary {pred['salary']}, remote {pred['remote']};"
                f" expected { ({k: v for k, v in expect.items() if 'salary' in k or 'remote' in k}) }"
            )
    for name in ("salary", "currency", "remote"):
        print(f"{name:<9} agreement {ratio(sum(totals[name]), len(totals[name]))}")
    print(f"not scored (no role expected; ran without error): {'; '.join(skipped) or 'none'}")
    print()
