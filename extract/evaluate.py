"""Score predictions against labelled postings: per-field accuracy, skills P/R/F1, salary, with every error listed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from extract.model import Posting
from extract.output import prediction

FIELDS = ("seniority", "function", "ai", "posted", "remote", "title_normalized")


@dataclass
class Score:
    n: int = 0
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    tp: int = 0
    fp: int = 0
    fn: int = 0
    preferred_correct: int = 0
    salary_exact: int = 0
    disclosure: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        d = self.disclosure
        dp = d["tp"] / (d["tp"] + d["fp"]) if d["tp"] + d["fp"] else 1.0
        dr = d["tp"] / (d["tp"] + d["fn"]) if d["tp"] + d["fn"] else 1.0
        out = {f: self.field_correct[f] / self.n for f in FIELDS} if self.n else {}
        out.update(
            {
                "skills_precision": precision,
                "skills_recall": recall,
                "skills_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
                "skills_preferred_exact": self.preferred_correct / self.n if self.n else 0.0,
                "salary_exact": self.salary_exact / self.n if self.n else 0.0,
                "disclosure_f1": 2 * dp * dr / (dp + dr) if dp + dr else 0.0,
            }
        )
        return out


def _salary_key(salary: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    if not salary:
        return None
    return (
        round(float(salary["min"]), 2),
        round(float(salary["max"]), 2),
        salary.get("currency"),
        salary.get("period"),
    )


def score(golds: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]) -> Score:
    """``golds`` are labelled records (with ``gold``); ``predictions`` maps id → prediction."""
    result = Score()
    for record in golds:
        gold, pid = record["gold"], record["id"]
        pred = predictions.get(pid, {})
        result.n += 1
        for name in FIELDS:
            if pred.get(name) == gold.get(name):
                result.field_correct[name] += 1
            else:
                result.errors.append(f"{pid} {name}: predicted {pred.get(name)!r}, gold {gold.get(name)!r}")
        gold_skills, pred_skills = set(gold.get("skills") or []), set(pred.get("skills") or [])
        result.tp += len(gold_skills & pred_skills)
        result.fp += len(pred_skills - gold_skills)
        result.fn += len(gold_skills - pred_skills)
        if pred_skills != gold_skills:
            result.errors.append(
                f"{pid} skills: missing {sorted(gold_skills - pred_skills)}, extra {sorted(pred_skills - gold_skills)}"
            )
        gold_preferred, pred_preferred = (
            set(gold.get("skills_preferred") or []),
            set(pred.get("skills_preferred") or []),
        )
        if gold_preferred == pred_preferred:
            result.preferred_correct += 1
        else:
            result.errors.append(
                f"{pid} skills_preferred: missing {sorted(gold_preferred - pred_preferred)}, "
                f"extra {sorted(pred_preferred - gold_preferred)}"
            )
        g, p = _salary_key(gold.get("salary")), _salary_key(pred.get("salary"))
        if g == p:
            result.salary_exact += 1
        else:
            result.errors.append(f"{pid} salary: predicted {p}, gold {g}")
        key = "tp" if g and p else "fp" if p else "fn" if g else None
        if key:
            result.disclosure[key] += 1
    return result


def evaluate(pairs: Sequence[tuple[Mapping[str, Any], Posting]]) -> tuple[list[dict[str, Any]], Score]:
    """The prediction for each (record, posting), in order, and their score against the records that have
    ``gold`` (a later record with the same id wins)."""
    predictions = [prediction(posting) for _, posting in pairs]
    by_id = {record["id"]: predicted for (record, _), predicted in zip(pairs, predictions, strict=True)}
    return predictions, score([record for record, _ in pairs if "gold" in record], by_id)


def format_metrics(metrics: Mapping[str, float], n: int) -> str:
    lines = [f"postings: {n}"]
    lines += [f"{name:<24} {value:.3f}" for name, value in metrics.items()]
    return "\n".join(lines)
