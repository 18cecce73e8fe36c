"""The header line of a Hacker News "Who is hiring" comment.

By convention the first line is ``Company | Role | Location | REMOTE/ONSITE | salary | …``, but the order
varies, fields are skipped ("Goody | Remote | $170-230K | Full-time") and taglines or URLs sneak in. Each
field is therefore classified by what it looks like, not by its position: the first field is the company,
and the rest are salary, arrangement, employment type, URL, role or location.
"""

from __future__ import annotations

import re
from typing import TypedDict

from extract.remote import detect_remote
from extract.roles import role_from_title

_I = re.IGNORECASE
_SEPARATOR = re.compile(r"\s+\|\s*|\s*\|\s+|\|")
_URL = re.compile(
    r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\."
    r"(?:com|io|ai|co|dev|net|org|app|so|xyz|tech|se|de|uk|eu|fr|nl)\b(?:/\S*)?",
    _I,
)
_SALARY = re.compile(
    r"[$€£₹¥]|\b(?:usd|eur|gbp|inr|cad|aud|chf|sek|nok|dkk|jpy|sgd)\b|\b\d+(?:[.,]\d+)?\s*[kK]\b|\blpa\b|"
    r"\b\d{2,3},\d{3}\b|\b(?:salary|comp|compensation|equity|per hour|/hr|/yr)\b",
    _I,
)
_ARRANGEMENT = re.compile(
    r"\b(?:remote|onsite|on-site|on site|hybrid|in[- ]office|in[- ]person|wfh|telecommute)\b", _I
)
_EMPLOYMENT = re.compile(
    r"^\s*(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|permanent|temporary|internships?|"
    r"interns?|multiple (?:roles|positions)|various roles|visa(?: sponsorship)?(?: available)?|"
    r"(?:full[- ]?time|part[- ]?time)[ ,/&+]*(?:contract|permanent|employee)?|ft|pt|w2|1099|"
    r"english[- ]speaking team|no recruiters)\s*\.?\s*$",
    _I,
)
# A field that names a job even when the role taxonomy does not know it ("OpenZFS Developer").
_ROLE_WORD = re.compile(
    r"\b(?:engineers?|developers?|scientists?|designers?|managers?|analysts?|leads?|architects?|researchers?|"
    r"sre|devops|recruiters?|marketers?|writers?|specialists?|head of|directors?|vp|cto|cfo|ceo|coo|founding|"
    r"interns?|programmers?|consultants?|administrators?|technicians?|accountants?|counsel|representatives?|"
    r"executives?|associates?|coordinators?|officers?|hackers?|generalists?|staff|swe|mle|pm)\b",
    _I,
)
# A place: capitalised words with commas, slashes or "or" between them ("Lisbon, Portugal", "NYC / SF").
_PLACE = re.compile(r"^(?:[A-Z][\w.'\u2019-]*|[A-Z]{2,}|or|and|&|/|,|\(|\)|-|\u2013|[A-Z][a-z]+\.|\s)+$")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_TRAILING_TAGLINE = re.compile(r"\s+[-\u2013\u2014:]\s+.*$|\s*\((?:[\w-]+\.)+[a-z]{2,}\)")
_BULLET_ROLE = re.compile(r"^\s*(?:--?|•|\*|·)\s*(?P<role>.{3,80}?)\s*$", re.MULTILINE)
_INTRO_ROLE = re.compile(
    r"\b(?:hiring|looking for|seeking) (?:a|an|our)"
    r"(?: new| first| founding)?\s+(?P<role>[^.,;:!?\n()]{3,80}?)"
    r"(?=\s+(?:who|that|to|with|for|in|at|on|and|based)\b|[.,;:!?\n(])",
    _I,
)


class HNHeader(TypedDict):
    company: str | None
    role: str | None
    location: str | None
    remote: str | None
    salary_text: str | None
    employment_type: str | None
    url: str | None


def parse_hn_header(text: str) -> HNHeader:
    """Split the first line of an HN hiring comment into its fields.

    ``remote`` is the arrangement the header states (remote/hybrid/onsite) or None. When the header names
    no role, the first bulleted line below it or an "we're hiring a …" phrase supplies one.

    Example: ``parse_hn_header("Acme | Senior Backend Engineer | Berlin | ONSITE | €80k")["role"]``
    is ``"Senior Backend Engineer"``.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    header: HNHeader = {
        "company": None, "role": None, "location": None, "remote": None, "salary_text": None,
        "employment_type": None, "url": None,
    }  # fmt: skip
    if not lines:
        return header
    if "|" not in lines[0]:
        return header  # not the conventional header: a reply or a free-form post
    fields = [f.strip() for f in _SEPARATOR.split(lines[0]) if f.strip()]
    if not fields:
        return header
    first = fields.pop(0)
    url = _URL.search(first)
    if url and url.group(0) != first:
        header["url"] = url.group(0)
        first = _EMPTY_PARENS.sub("", first[: url.start()] + first[url.end() :]).strip()
    header["company"] = _TRAILING_TAGLINE.sub("", first).strip() or first
    arrangement_field = None
    for field in fields:
        _classify(field, header)
        if arrangement_field is None and _ARRANGEMENT.search(field):
            arrangement_field = field
    if arrangement_field is not None:
        header["remote"] = detect_remote(arrangement_field)
        if header["location"] is None:
            header["location"] = arrangement_field
    if header["role"] is None:
        header["role"] = _role_below_header(lines[1:])
    return header


def _classify(field: str, header: HNHeader) -> None:
    if _URL.fullmatch(field.strip(" <>")):
        header["url"] = header["url"] or field
    elif _ARRANGEMENT.search(field) and not _ROLE_WORD.search(field):
        # "SF, Remote (North America)" is both a place and an arrangement: kept as the location too.
        if header["location"] is None and _ARRANGEMENT.sub("", field).strip(" ,/()-\u2013|") not in (
            "",
            "or",
            "only",
        ):
            header["location"] = field
    elif _EMPLOYMENT.match(field):
        header["employment_type"] = header["employment_type"] or field
    elif _SALARY.search(field) and not _ROLE_WORD.search(field):
        header["salary_text"] = header["salary_text"] or field
    elif _ROLE_WORD.search(field) or role_from_title(field) is not None:
        # "Acme | Backend Engineer | Frontend Engineer | REMOTE": a second role is never the location.
        header["role"] = header["role"] or field
    elif header["location"] is None and _PLACE.match(field):
        header["location"] = field


def _role_below_header(lines: list[str]) -> str | None:
    for match in _BULLET_ROLE.finditer("\n".join(lines[:8])):
        candidate = match.group("role")
        if _ROLE_WORD.search(candidate):
            return candidate
    for line in lines[:5]:
        for match in _INTRO_ROLE.finditer(line):
            candidate = match.group("role")
            if _ROLE_WORD.search(candidate):
                return candidate
    return None
