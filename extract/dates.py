"""Posting dates: normalize what a source states (ISO, epoch, relative text) to an ISO date ``YYYY-MM-DD``.

Regexes (compiled once at import) handle the formats postings actually use; ``dateparser`` is only the
fallback for anything else, because it is slow enough to matter when called once per posting. Relative
phrases ("3 days ago", "yesterday") are resolved against the fetch time. "30+ days ago" is a bound,
not a date, and gives ``None``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from store.views import EARLIEST_DAY, LATEST_DAY  # the window of dates the store and reports believe

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours", "h": "hours", "day": "days",
          "d": "days", "week": "weeks", "wk": "weeks", "w": "weeks", "month": "months", "mo": "months",
          "year": "years", "yr": "years", "y": "years"}  # fmt: skip

# Each pattern matches at the start of a fragment (the text after a "Posted" cue, or a whole field).
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?(?![\d])",
    re.I,
)
_EPOCH = re.compile(r"\s*(?P<n>\d{9,13})(?:\.\d+)?\s*$")
_BOUND = re.compile(
    r"\d+\s*\+\s*(?:days?|weeks?|months?|d|w)\b(?:\s+ago)?|(?:over|more\s+than)\s+\d+\s+\w+\s+ago", re.I
)
_RELATIVE = re.compile(
    r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*"
    r"(?P<unit>minute|min|hour|hr|h|day|d|week|wk|w|month|mo|year|yr|y)s?\.?\s+ago\b",
    re.I,
)
_TODAY = re.compile(
    r"(?:today|just\s+now|just\s+posted|moments?\s+ago|(?:a\s+)?few\s+(?:minutes|hours)\s+ago)\b", re.I
)
_YESTERDAY = re.compile(r"yesterday\b", re.I)
_MONTH_DAY_YEAR = re.compile(
    rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?!\d)", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?(?!\d)", re.I
)
_SLASHED = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)")
_YEAR_FIRST = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?!\d)")
# A Java Date's toString, as some ATS feeds print it: "Thu Nov 19 02:00:00 UTC 2026" (the calendar day kept).
_JAVA_DATE = re.compile(
    rf"(?:mon|tue|wed|thu|fri|sat|sun)\s+{_MONTH}\s+(?P<d>\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"\s+(?:[a-z]{2,5}|[+-]\d{4})\s+(?P<y>\d{4})(?!\d)",
    re.I,
)

# A posted statement in a description: the cue, then the date right after it.
_POSTED_CUE = re.compile(
    r"\b(?:date\s+(?:posted|published|listed)|posting\s+date|(?:re)?posted|published|listed|"
    r"job\s+posted|first\s+posted)(?:\s+(?:on|at|date))?\s*[:\-–—]?\s*",
    re.I,
)
_FRAGMENT_END = re.compile(r"[|·•\n;]|\s[-–—]\s")
# A posting date outside this window is a typo or hostile input ("Posted 100000 years ago", 9999-12-31), not
# a date: it is dropped, so no later step (weekly figures, a report) ever sees it.
EARLIEST = date.fromisoformat(EARLIEST_DAY)
LATEST = date.fromisoformat(LATEST_DAY)


def _fetched(fetched_at: str | None) -> datetime | None:
    if not fetched_at:
        return None
    text = str(fetched_at).strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        m = _ISO.match(str(fetched_at).strip())
        if not m:
            return None
        moment = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return _in_window(date(year, month, day))
    except ValueError:
        return None


def _in_window(value: date | None) -> date | None:
    return value if value is not None and EARLIEST <= value <= LATEST else None


def _latest_not_after(candidates: list[date], fetched: datetime | None) -> date | None:
    """Of several readings of a date, the latest one not after the fetch (postings are never future)."""
    if not candidates:
        return None
    if fetched is None:
        return candidates[0]
    limit = fetched.date() + timedelta(days=1)  # time zones: a posting may be "tomorrow" in UTC
    past = [c for c in candidates if c <= limit]
    return max(past) if past else candidates[0]


def _year_for(month: int, day: int, fetched: datetime | None) -> date | None:
    """A date written without its year: this year's, or last year's when that would be in the future."""
    if fetched is None:
        return None
    years = [fetched.year, fetched.year - 1]
    return _latest_not_after([d for y in years if (d := _safe_date(y, month, day))], fetched)


def _from_epoch(number: float) -> date | None:
    seconds = number / 1000 if number > 1e11 else number  # Lever createdAt is in milliseconds
    try:
        return _in_window(datetime.fromtimestamp(seconds, tz=UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def _relative(n_word: str, unit_word: str, fetched: datetime) -> date | None:
    """``fetched`` less the stated amount; None when that leaves the date window ("100000 years ago")."""
    n = int(n_word) if n_word.isdigit() else _NUMBERS[n_word.lower()]
    unit = _UNITS[unit_word.lower()]
    if (
        n > (LATEST - EARLIEST).days
    ):  # more of any unit than the window holds days: out of it whatever the unit
        return None
    if unit == "months":
        delta: relativedelta | timedelta = relativedelta(months=n)
    elif unit == "years":
        delta = relativedelta(years=n)
    else:
        delta = timedelta(**{unit: n})
    try:
        return _in_window((fetched - delta).date())
    except (ValueError, OverflowError):
        return None


def _ymd(m: re.Match[str], fetched: datetime | None) -> date | None:
    return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _named_month(m: re.Match[str], fetched: datetime | None) -> date | None:
    month, day = _MONTHS[m["month"].lower()[:3]], int(m["d"])
    if m["y"]:
        return _safe_date(int(m["y"]), month, day)
    return _year_for(month, day, fetched)


def _ago(m: re.Match[str], fetched: datetime | None) -> date | None:
    return _relative(m["n"], m["unit"], fetched) if fetched else None


def _today(m: re.Match[str], fetched: datetime | None) -> date | None:
    return _in_window(fetched.date()) if fetched else None


def _yesterday(m: re.Match[str], fetched: datetime | None) -> date | None:
    day = _today(m, fetched)
    return _in_window(day - timedelta(days=1)) if day else None


def _no_date(m: re.Match[str], fetched: datetime | None) -> date | None:
    return None


def _day_month_or_month_day(m: re.Match[str], fetched: datetime | None) -> date | None:
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    if m["sep"] == ".":
        return _safe_date(year, b, a)  # 14.11.2026 is always day-first
    # 11/18/2026 (US) or 14/11/2026 (elsewhere): whichever reading exists and is not in the future.
    readings = [d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d]
    return _latest_not_after(list(dict.fromkeys(readings)), fetched)


# Tried in order at the start of a fragment; the first that matches decides.
_FORMATS = (
    (_BOUND, _no_date),
    (_ISO, _ymd),
    (_YEAR_FIRST, _ymd),
    (_JAVA_DATE, _named_month),
    (_RELATIVE, _ago),
    (_TODAY, _today),
    (_YESTERDAY, _yesterday),
    (_MONTH_DAY_YEAR, _named_month),
    (_DAY_MONTH_YEAR, _named_month),
    (_SLASHED, _day_month_or_month_day),
)


def _match_fragment(fragment: str, fetched: datetime | None) -> tuple[bool, date | None]:
    """(recognized, date) for a date expression at the start of ``fragment``.

    ``recognized`` with a ``None`` date means the text is a posted statement that names no date
    ("30+ days ago"), so callers must not look further.
    """
    text = fragment.strip()
    for pattern, read in _FORMATS:
        if m := pattern.match(text):
            return True, read(m, fetched)
    return False, None


def _dateparser(text: str, fetched: datetime | None) -> date | None:
    """Slow path for formats the regexes do not know ("il y a 3 jours", "3 de noviembre de 2026")."""
    import dateparser  # imported lazily: most postings never need it

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if fetched is not None:
        settings["RELATIVE_BASE"] = fetched.replace(tzinfo=None)
    try:
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError):  # dateparser's arithmetic on absurd amounts
        return None
    return _in_window(parsed.date()) if parsed else None


def parse_posted(value: str | int | float | None, fetched_at: str) -> str | None:
    """The posting date as ``YYYY-MM-DD`` from a structured field or a short posted text, else ``None``.

    Accepts ISO dates and datetimes (the stated calendar date is kept, offsets are not converted),
    epoch seconds or milliseconds, "2026-09-29 16:02:37 UTC", and relative text resolved against
    ``fetched_at`` ("Posted 3 days ago", "today", "2 weeks ago", "Posted on Nov 12, 2026").

    Example: ``parse_posted("Posted 3 days ago", "2026-11-24T15:12:08Z")`` → ``"2026-11-21"``.
    """
    if value is None or isinstance(value, bool):
        return None
    fetched = _fetched(fetched_at)
    if isinstance(value, int | float):
        result = _from_epoch(float(value)) if value > 0 else None
        return result.isoformat() if result else None
    text = str(value).strip()
    if not text:
        return None
    if m := _EPOCH.match(text):
        result = _from_epoch(float(m["n"]))
        return result.isoformat() if result else None
    cue = _POSTED_CUE.match(text)
    fragment = text[cue.end() :] if cue else text
    recognized, result = _match_fragment(fragment, fetched)
    if not recognized:
        result = _dateparser(fragment, fetched)
    return result.isoformat() if result else None


def find_posted_in_text(text: str, fetched_at: str) -> str | None:
    """The date of a "Posted …" / "Date posted: …" / "Published …" statement in a description, or ``None``.

    Only a posted/published/listed cue counts: closing dates, start dates and ``validThrough`` are not
    the posting date. The first cue followed by a date decides; "Posted 30+ days ago" gives ``None``.
    """
    if not text:
        return None
    fetched = _fetched(fetched_at)
    for cue in _POSTED_CUE.finditer(text):
        fragment = text[cue.end() : cue.end() + 60]
        end = _FRAGMENT_END.search(fragment)
        if end:
            fragment = fragment[: end.start()]
        recognized, result = _match_fragment(fragment, fetched)
        if recognized:
            return result.isoformat() if result else None
    return None
