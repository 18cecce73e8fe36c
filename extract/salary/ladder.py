"""One job's pay ladder: several ranges that state one job at several levels, published as their envelope.

Some postings hire at more than one level of the same job and state a range per level ("Field Mechanic I:
$31.50 - $44.10 per hour; Field Mechanic II: $36.20 - $50.75 per hour"), or the pay a new hire starts at
and the pay of an experienced hire ("$38,000-42,000 a year at first; experienced coordinators earn
$45,000-51,000"). The posting's hiring range is then the envelope, the lowest minimum to the highest
maximum: that is what the employer's own structured pay field states for such postings, and publishing the
first level alone would understate what the job pays.

A run of consecutive pay statements, from the first base one on, is a ladder when all of these hold:

- the same currency and period, all base pay (no OTE), all estimates or none; no currency sign in the gaps
  between them (a differential or bonus written in between ends the run);
- either every range is labelled, right before its figure, by the same job title with a different level:
  a level after the title ("Technician I/II/III" in capitals, "Analyst 1/2", "Level 1", "Grade 7", "Band
  C"), or a level word before it ("Junior Analyst", "Senior Analyst"). Two labels are the same title when
  their last two words agree (labels glued to the previous figure by lost line breaks keep their tail);
- or there are two ranges in one paragraph, the first marked as a starting rate ("starting", "at first",
  "entry") and the second, not below it, as the rate with experience ("experienced", "tenured", "up to … with
  experience").

Anything else keeps the first stated range: per-location ranges ("Seattle: …; Denver: …"), ranges counted by
place, shift, period or option ("Zone 1", "Shift 2", "Year 2", "Option 1": ``not_levels`` in
``data/salary_ladder.json``), per-contract-type ranges (UoP / B2B), differentials and bonuses, and ranges of
different jobs ("Cook II" beside "Dishwasher I"). A progression over time ("$18 now, $20 after 90 days") is
not a hiring range and is not a ladder either. The vocabulary lives in ``data/salary_ladder.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from extract.model import Salary
from extract.salary.vocab import LADDER, phrase_pattern

_FILLER = re.compile(
    rf"(?:[\s:=(–—-]|{phrase_pattern(LADDER['label_filler'])})*$",
    re.I,
)
_LEVEL_WORD = "|".join(re.escape(w) for w in sorted(LADDER["level_words"], key=len, reverse=True))
# A level after the title: "Technician II", "Analyst 2", "Level 3", "Grade 7". Roman numerals are capitals
# only, so the pronoun "i" and a unit "v" never read as a level.
_SUFFIX = re.compile(
    rf"(?:^|(?<=[\s/,]))(?P<level>(?:(?:{_LEVEL_WORD})\s*(?:\d{{1,2}}|[A-Z]\b|(?-i:[IV]{{1,4}})))"
    rf"|(?-i:I{{1,3}}|IV|V|VI)|\d)$",
    re.I,
)
_PREFIX = re.compile(
    rf"(?:^|(?<=[\s/,:]))(?P<level>{phrase_pattern(LADDER['level_prefixes'])})\.?\s+(?P<stem>[A-Za-z][\w /&'’-]*)$",
    re.I,
)
_NAMED_LEVEL = re.compile(rf"(?:{_LEVEL_WORD})\b", re.I)
_NOT_LEVELS = frozenset(LADDER["not_levels"])
_ENTRY = re.compile(phrase_pattern(LADDER["entry_cues"]), re.I)
_EXPERIENCE = re.compile(phrase_pattern(LADDER["experience_cues"]), re.I)
_AFTER_CEILING = re.compile(phrase_pattern(LADDER["experience_cues"] + LADDER["with_experience"]), re.I)
_CURRENCY_SIGN = re.compile(r"[$£€¥₹]")
_BREAK = re.compile(r"[.;\n]")
_WORD = re.compile(r"[A-Za-z]+")
_LABEL_REACH = 100  # characters before a figure that may hold its label
_TAIL = 40  # characters after a ceiling that may say it is the pay with experience

Stated = tuple[int, int, Salary]  # a pay statement: start, end, salary


def ladder_length(text: str, stated: Sequence[Stated]) -> int:
    """How many of the leading statements in ``stated`` (in text order) are one job's ladder; 1 when none."""
    run = _same_kind_run(text, stated)
    if run < 2:
        return 1
    labels = [
        _label(text, stated[i - 1][1] if i else stated[0][0] - _LABEL_REACH, stated[i][0]) for i in range(run)
    ]
    levelled = _levelled_run(labels)
    if levelled >= 2:
        return levelled
    return 2 if _experience_pair(text, stated[0], stated[1]) else 1


def envelope(stated: Sequence[Stated], count: int) -> tuple[float, float]:
    """The lowest minimum and the highest maximum of the first ``count`` statements."""
    rungs = [salary for _, _, salary in stated[:count]]
    return min(s.min for s in rungs), max(s.max for s in rungs)


def _same_kind_run(text: str, stated: Sequence[Stated]) -> int:
    """How many leading statements share currency, period, kind and estimate, with no money between them."""
    first = stated[0][2]
    if first.kind != "base":
        return 0
    run = 1
    for (_, end, _), (start, _, salary) in pairwise(stated):
        same = (salary.currency, salary.period, salary.kind, salary.estimated) == (
            first.currency,
            first.period,
            first.kind,
            first.estimated,
        )
        if not same or _CURRENCY_SIGN.search(text, end, start):
            break
        run += 1
    return run


def _label(text: str, after: int, start: int) -> tuple[str, str] | None:
    """The (title, level) labelling a figure at ``start``, from the text after ``after``, or None."""
    window = text[max(after, start - _LABEL_REACH, 0) : start]
    window = _BREAK.split(window)[-1]
    filler = _FILLER.search(window)  # always matches, perhaps empty: it ends in "*$"
    window = window[: filler.start() if filler else len(window)].rstrip()
    suffix = _SUFFIX.search(window)
    if suffix:
        return _title(window[: suffix.start()], suffix.group("level"))
    prefix = _PREFIX.search(window)
    if prefix:
        return _title(prefix.group("stem"), prefix.group("level"))
    return None


def _title(before: str, level: str) -> tuple[str, str] | None:
    """The title's last two words and the level, or None when the words count something else ("Zone 2")
    or a bare numeral has no title ("2: $40")."""
    words = [w.lower() for w in _WORD.findall(before)][-2:]
    if words and words[-1] in _NOT_LEVELS:
        return None
    if not words and not _NAMED_LEVEL.match(level):
        return None
    return " ".join(words), re.sub(r"\W+", "", level.lower())


def _levelled_run(labels: list[tuple[str, str] | None]) -> int:
    """How many leading labels name one title at distinct levels."""
    first = labels[0]
    if first is None:
        return 0
    seen = {first[1]}
    run = 1
    for label in labels[1:]:
        if label is None or label[0] != first[0] or label[1] in seen:
            break
        seen.add(label[1])
        run += 1
    return run


def _experience_pair(text: str, first: Stated, second: Stated) -> bool:
    """A starting range and, in the same paragraph and not below it, the range with experience: the
    experienced hire named between the two ("… at first; tenured managers earn …") or right after the
    second ("up to $26 per hour with experience"). Only the clause just before the second figure counts,
    so "depending on experience" said of the first range does not make the next figure a level."""
    (start, end, low), (next_start, next_end, high) = first, second
    gap = text[end:next_start]
    if "\n" in gap or high.min < low.min or high.max < low.max:
        return False
    opening = text[max(_paragraph_start(text, start), start - _LABEL_REACH) : next_start]
    before = _BREAK.split(gap)[-1]
    after = _BREAK.split(text[next_end : next_end + _TAIL])[0]
    return bool(_ENTRY.search(opening) and (_EXPERIENCE.search(before) or _AFTER_CEILING.search(after)))


def _paragraph_start(text: str, start: int) -> int:
    """Where the paragraph holding ``start`` begins."""
    return text.rfind("\n", 0, start) + 1
