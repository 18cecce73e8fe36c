"""Where the raw text hides a skill name or fakes one: spaced spellings, glued words, the employer's own name.

``extract.skills`` uses these around its matcher: :func:`spaced_spelling` adds patterns ("Mongo DB"),
:func:`glued_names` finds names a lost line break glued to the next word ("FigmaSelf-motivated"), and
:func:`brand_names` lists the spellings of the employer's name, which are not skills asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

# A one-word name ending in an acronym: "MongoDB" -> "Mongo" + "DB", "NodeJS" -> "Node" + "JS".
_ACRONYM_END = re.compile(r"^([A-Z]?[a-z]{2,})([A-Z]{2,})$")
# First parts that are ordinary words, so the spaced form is an ordinary phrase ("core ML skills", "fast API
# responses"); the matcher reads lower case.
_COMMON_FIRST_PART = frozenset({
    "core", "fast", "data", "test", "deep", "tiny", "power", "auto", "map", "one", "web", "cloud", "net", "pay",
})  # fmt: skip
# Legal-form words dropped from a company name before it is compared with a skill's surface.
_LEGAL_FORMS = frozenset(
    {"inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "co", "gmbh", "plc", "sa", "ag"}
)


def spaced_spelling(surface: str) -> str | None:
    """The spaced spelling of a one-word name ending in an acronym ("MongoDB" -> "Mongo DB"), or None.

    Posters split such names ("Mongo DB", "Postgre SQL", "Node JS"); with an acronym as the second part the
    spaced form is no English phrase. Spaced spellings of other names ("Big Query") are aliases in the data.
    """
    match = _ACRONYM_END.match(surface)
    if match is None or match.group(1).lower() in _COMMON_FIRST_PART:
        return None
    return f"{match.group(1)} {match.group(2)}"


def glue_points(text: str) -> list[int]:
    """Where a lost line break glued two words: a capital and a lower-case letter right after a lower-case
    letter, digit or ")" ("FigmaSelf", "Oracle)Experience"); on all code points at once (a regex is slower)."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    upper = (points >= 65) & (points <= 90)
    lower = (points >= 97) & (points <= 122)
    left = lower | ((points >= 48) & (points <= 57)) | (points == 41)
    return [int(i) for i in np.flatnonzero(left[:-2] & upper[1:-1] & lower[2:]) + 1]


def _run_end(text: str, start: int, keep: str) -> int:
    end = start
    while end < len(text) and (text[end].isalnum() if keep == "word" else text[end].islower()):
        end += 1
    return end


def glued_names(text: str, names: Mapping[str, str]) -> list[tuple[int, int, int, str]]:
    """Names glued to the next word: (name start, name end, glued token end, skill) for each.

    ``names`` maps a lower-case one-word name to its skill. A glued run that is itself a name ("JavaScript",
    or "JavaScriptDeveloper" at its "Java|Script" joint) is left to the matcher.
    """
    out = []
    for glue in glue_points(text):
        end = start = glue - (text[glue - 1] == ")")
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._+#"):
            start -= 1
        skill = names.get(text[start:end].lower())
        if skill is None:
            continue
        chunk_end, token_end = _run_end(text, glue + 1, "lower"), _run_end(text, glue + 1, "word")
        if text[start:chunk_end].lower() in names or text[start:token_end].lower() in names:
            continue
        out.append((start, end, token_end, skill))
    return out


def brand_names(company: str | None) -> frozenset[str]:
    """The employer's name and its first word (when longer than two letters), lower case, without legal form."""
    words = [w for w in (company or "").lower().replace(",", " ").split() if w not in _LEGAL_FORMS]
    if not words:
        return frozenset()
    return frozenset({" ".join(words), *(words[:1] if len(words[0]) > 2 else [])})
