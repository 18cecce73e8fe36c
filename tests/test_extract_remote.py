from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.remote import _GLUED, _SENTENCE, _sentence_bounds, detect_remote, remote_from_hint


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        ("on-site", "onsite"),
        ("onsite", "onsite"),
        ("OnSite", "onsite"),
        ("remote", "remote"),
        ("Remote", "remote"),
        ("hybrid", "hybrid"),
        ("Hybrid", "hybrid"),
        ("TELECOMMUTE", "remote"),
        ("on_site", "onsite"),
        ("REMOTE", "remote"),
        ("ONSITE", "onsite"),
        ("unspecified", None),
        ("", None),
        (None, None),
        ("Remote (US)", "remote"),
    ],
)
def test_remote_from_hint_vendor_values(hint: str | None, expected: str | None) -> None:
    assert remote_from_hint(hint) == expected


def test_detect_remote_structured_hint_wins_over_text() -> None:
    assert detect_remote("This role is fully remote.", hint="on-site") == "onsite"


def test_detect_remote_unspecified_hint_falls_back_to_text() -> None:
    assert detect_remote("Hybrid: two days a week in our Leeds office.", hint="unspecified") == "hybrid"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Remote - US", "remote"),
        ("Boston, MA (Hybrid)", "hybrid"),
        ("Austin, TX (on-site)", "onsite"),
        ("Berlin, Germany", None),
    ],
)
def test_detect_remote_location_field(location: str, expected: str | None) -> None:
    assert detect_remote("We make software.", location=location) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a hybrid role based in Denver.", "hybrid"),
        ("You will work from our Paris office three days a week.", "hybrid"),
        ("Three days a week in the office, the rest from home.", "hybrid"),
        ("Leeds (Tue/Thu in office)", "hybrid"),
        ("Mostly remote, one day a week on site.", "hybrid"),
        ("This role is fully remote within Canada.", "remote"),
        ("Remote (EU)", "remote"),
        ("Location: Remote, anywhere in the US.", "remote"),
        ("Work from anywhere in Europe.", "remote"),
        ("Our Madrid office or remote (Spain); we meet in Madrid once a quarter.", "remote"),
        ("Remote (US) with quarterly on-sites in Chicago.", "remote"),
        ("We are remote-first and meet in person twice a year.", "remote"),
        ("This role is onsite at our Reno warehouse.", "onsite"),
        ("We all work in person, Monday to Friday.", "onsite"),
        ("Based in our Leeds office five days a week.", "onsite"),
        ("This position is in-office.", "onsite"),
        ("This is not a remote position.", "onsite"),
        ("Minneapolis, MN", None),
        ("We build great software for dentists.", None),
    ],
)
def test_detect_remote_text_cues(text: str, expected: str | None) -> None:
    assert detect_remote(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with remote sensing data is a plus.", None),
        ("Our remote patient monitoring product serves 200 clinics.", None),
        ("Experience with hybrid cloud deployments across AWS and GCP. Fully remote.", "remote"),
        ("A $1,000 home-office stipend. This role is onsite.", "onsite"),
        ("Build hybrid search with BM25 and embeddings.", None),
        ("Team offsites twice a year.", None),
        ("On-site interviews in our lab. The job itself is remote (US).", "remote"),
    ],
)
def test_detect_remote_ignores_look_alike_phrases(text: str, expected: str | None) -> None:
    assert detect_remote(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Artists review shots from anywhere. This role is fully on-site at our Los Angeles office.",
            "onsite",
        ),
        ("We work in a hybrid model, with two set office days a week in Chicago.", "hybrid"),
        ("We train hybrid models for ranking. This position is remote within the US.", "remote"),
    ],
)
def test_detect_remote_role_statement_outranks_company_story(text: str, expected: str) -> None:
    assert detect_remote(text) == expected


_PUNCTUATED = st.lists(
    st.sampled_from([*"ab.!? \n\t", "\u00a0", "\u2028", "A", "This role is remote."]), max_size=40
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_PUNCTUATED)
def test_remote_sentence_bounds_cut_as_the_sentence_split(text: str) -> None:
    starts, ends = _sentence_bounds(text)
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == _SENTENCE.split(text)


_GLUED_AT_EVERY_POSITION = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="aBcD .É", max_size=30))
def test_remote_glued_words_are_split_before_the_capital(text: str) -> None:
    assert _GLUED.sub(r" \g<0>", text) == _GLUED_AT_EVERY_POSITION.sub(" ", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Location: RemoteDuration: 6 months", "Location: Remote Duration: 6 months"),
        ("REMOTEStart date", "REMOTE Start date"),
        ("iOS and macOS", "i OS and mac OS"),
    ],
)
def test_remote_glued_words_examples(text: str, expected: str) -> None:
    assert _GLUED.sub(r" \g<0>", text) == expected


def test_remote_data_rows_are_well_formed() -> None:
    from extract.model import REMOTE_VALUES
    from extract.remote import DATA_FILE, _load_rows, _patterns

    rows = _load_rows(DATA_FILE)
    kinds = {row["kind"] for row in rows}
    assert kinds == {"define", "hint", "false_cue", "negated", "hybrid", "five_days", "remote", "onsite",
                     "weak_remote", "role_anchor", "cue_word"}  # fmt: skip
    assert all(row.get("why") for row in rows)
    assert {row["arrangement"] for row in rows if row["kind"] == "hint"} <= {*REMOTE_VALUES, None}
    for pattern in _patterns(rows).values():
        assert not re.search(r"\{(?:words|few|place)\}", pattern)  # every placeholder filled
