"""Scoring predictions against labelled postings: every field compared, every error listed."""

from __future__ import annotations

import pytest

from extract.evaluate import evaluate, score
from extract.model import Posting, RawPosting, SkillMatch


def _posting(source_id: str, seniority: str, skills: tuple[str, ...] = ()) -> Posting:
    raw = RawPosting(source="plain", source_id=source_id, title="", description="", fetched_at="")
    return Posting(raw=raw, seniority=seniority, skills=[SkillMatch(s, s, 0, len(s)) for s in skills])


@pytest.mark.parametrize(
    ("pairs", "n", "seniority_correct"),
    [
        ([({"id": "a", "gold": {"seniority": "senior"}}, _posting("a", "senior"))], 1, 1),
        ([({"id": "a"}, _posting("a", "senior"))], 0, 0),  # unlabelled: predicted, not scored
        (  # the same id twice: the later prediction is scored, once per labelled record
            [
                ({"id": "a", "gold": {"seniority": "mid"}}, _posting("a", "senior")),
                ({"id": "a", "gold": {"seniority": "mid"}}, _posting("a", "mid")),
            ],
            2,
            2,
        ),
    ],
)
def test_evaluate_predicts_every_record_and_scores_the_labelled(
    pairs: list[tuple[dict[str, object], Posting]], n: int, seniority_correct: int
) -> None:
    predictions, result = evaluate(pairs)
    assert [p["seniority"] for p in predictions] == [posting.seniority for _, posting in pairs]
    assert (result.n, result.field_correct["seniority"]) == (n, seniority_correct)


@pytest.mark.parametrize(
    ("gold_skills", "predicted", "tp_fp_fn", "error"),
    [
        (["SQL"], ["SQL"], (1, 0, 0), None),
        (["SQL", "Python"], ["SQL", "Go"], (1, 1, 1), "a skills: missing ['Python'], extra ['Go']"),
    ],
)
def test_score_skills_counts_and_lists_errors(
    gold_skills: list[str], predicted: list[str], tp_fp_fn: tuple[int, int, int], error: str | None
) -> None:
    result = score([{"id": "a", "gold": {"skills": gold_skills}}], {"a": {"skills": predicted}})
    assert (result.tp, result.fp, result.fn) == tp_fp_fn
    assert [e for e in result.errors if " skills: " in e] == ([error] if error else [])


@pytest.mark.parametrize(
    ("gold_preferred", "predicted", "correct", "error"),
    [
        (["Go"], ["Go"], 1, None),
        ([], None, 1, None),
        (["Go", "Rust"], ["Go", "Kafka"], 0, "a skills_preferred: missing ['Rust'], extra ['Kafka']"),
        (["Go"], [], 0, "a skills_preferred: missing ['Go'], extra []"),
    ],
)
def test_score_preferred_skills_lists_every_mismatch(
    gold_preferred: list[str], predicted: list[str] | None, correct: int, error: str | None
) -> None:
    result = score(
        [{"id": "a", "gold": {"skills_preferred": gold_preferred}}], {"a": {"skills_preferred": predicted}}
    )
    assert result.preferred_correct == correct
    assert [e for e in result.errors if "skills_preferred" in e] == ([error] if error else [])
