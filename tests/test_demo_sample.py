"""``docs/report-sample.md`` is what a fresh demo reports: the demo is reproducible, and the sample current."""

from __future__ import annotations

from demo.sample import HEADER, SAMPLE, fresh_sample


def test_sample_is_a_fresh_demos_report() -> None:
    # Port 0: a free port, so a demo running alongside cannot collide; page URLs never reach the report.
    fresh = fresh_sample(port=0)
    assert fresh.startswith(HEADER)
    assert fresh == SAMPLE.read_text(encoding="utf-8"), "regenerate it: python -m demo.sample"


def test_readme_quotes_the_sample() -> None:
    readme = (SAMPLE.parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("From the demo (`extract demo`")
    quoted = readme[start : readme.index("(the dropped cells are listed", start)].splitlines()
    sample = set(SAMPLE.read_text(encoding="utf-8").splitlines())
    lines = [line for line in quoted if line.startswith(("|", "Overall"))]
    assert len(lines) > 20 and [line for line in lines if line not in sample] == []
