"""Case-insensitive patterns searched, when that finds the same, case-sensitively on the lower-cased text.

``re.IGNORECASE`` turns off the engine's fast paths for literals, and most of our rules are lower-case words
searched case-insensitively over whole descriptions: the same pattern without the flag, over
``text.lower()``, runs several times faster. It finds exactly the same matches at the same offsets when

* the pattern's source holds no upper-case letter, no non-ASCII letter and no escape that could stand for one
  (so every letter it names is a lower-case ASCII one), and it is not compiled with ``re.ASCII``;
* the text holds none of İ, ı and ſ: lower-casing keeps every other character's length and word-ness
  (``\\w``, hence ``\\b``), and maps a character to a lower-case ASCII letter exactly when
  ``re.IGNORECASE`` pairs it with that letter (the Kelvin sign with k included); those three are the
  exceptions (İ lower-cases to two characters, ı and ſ pair with i and s yet stay themselves).

Anything else is searched as written. Matches found on the lower-cased text carry lower-cased groups: callers
read the original text at the match's offsets (``extract.fastscan.FastPattern`` searches through the twin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ODD = ("\u0130", "\u0131", "\u017f")
# One element of a pattern's source: an escape (a code point, or one character) or one plain character.
_ELEMENT = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))|(.)", re.DOTALL)
# Escapes that stand for a class, an anchor or a control character: never a letter.
_CLASS_ESCAPES = frozenset("bBdDsSwWAZntrfv")


def lowered(text: str) -> str | None:
    """``text.lower()``, or None when a search of it could differ from a case-insensitive one of ``text``.
    Remembered for the texts most recently asked about (``_LoweredCache``)."""
    return _lowered(text)


class _LoweredCache:
    """``lowered(text)`` for the texts most recently asked about, up to ``limit`` characters of them.

    Every component of the pipeline reads the same descriptions, a batch of them in turn (extract.analyze):
    each text is lowered once, not once per rule set. Keyed by the text itself, so a hit is always right.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: dict[str, str | None] = {}  # least recently used first
        self.chars = 0

    def __call__(self, text: str) -> str | None:
        if text in self.kept:
            found = self.kept[text] = self.kept.pop(text)
            return found
        lower = None if any(odd in text for odd in _ODD) else text.lower()
        if len(text) <= self.limit:
            self.kept[text] = lower
            self.chars += len(text)
            while self.chars > self.limit:
                oldest = next(iter(self.kept))
                del self.kept[oldest]
                self.chars -= len(oldest)
        return lower


# A batch of 128 long real descriptions (~20,000 characters each) and the other texts read beside them.
_lowered = _LoweredCache(4_000_000)


def _lower_only(char: str) -> bool:
    """A character the twin may name: a lower-case ASCII letter, or no letter at all."""
    return not char.isalpha() or (char.isascii() and char.islower())


def _named_char(element: re.Match[str]) -> tuple[bool, str | None]:
    """(whether this module knows what ``element`` of a pattern's source stands for, the character it names:
    None for a class escape such as ``\\w``, which names no letter)."""
    code, escaped = element.group(1) or element.group(2), element.group(3)
    if code is not None:
        return True, chr(int(code, 16))
    if escaped is None:
        return True, element.group(4)
    if escaped in _CLASS_ESCAPES:
        return True, None
    return not escaped.isalnum(), escaped


def _names_lower_letters_only(source: str) -> bool:
    """Does ``source`` name only lower-case ASCII letters, in literals, escapes and class ranges alike?

    Conservative: an escape it does not know (a back-reference, a named character), a named group (its
    ``P``) or a range other than between two digits or two letters keeps the pattern case-insensitive.
    """
    in_class, opened_at = False, -1
    items: list[str | None] = []  # the open class's items so far (None: a class escape such as \\w)
    for element in _ELEMENT.finditer(source):
        plain = element.group(4)
        if not in_class and plain == "[":
            in_class, opened_at, items = True, element.end(), []
            continue
        if in_class and plain == "^" and element.start() == opened_at:
            continue  # negation; "]" or "-" right after it is a literal
        if in_class and plain == "]" and items:
            in_class = False
            continue
        known, char = _named_char(element)
        if not known or (char is not None and not _lower_only(char)):
            return False
        if in_class:
            if len(items) >= 2 and items[-1] == "-" and not _plain_range(items[-2], char):
                return False
            items.append(char)
    return True


def _plain_range(low: str | None, high: str | None) -> bool:
    ends = (low or "") + (high or "")
    return len(ends) == 2 and ends.isascii() and (ends.isdigit() or ends.isalpha())


@dataclass(frozen=True)
class CaselessPattern:
    """A case-insensitive pattern, with its case-sensitive twin for lower-cased text when it has one."""

    pattern: re.Pattern[str]
    lower: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> CaselessPattern:
        source = pattern.pattern
        eligible = (
            bool(pattern.flags & re.IGNORECASE)
            and not pattern.flags & re.ASCII
            and "(?-" not in source  # no part turns case-sensitivity back on
            and _names_lower_letters_only(source)
        )
        twin = re.compile(source, pattern.flags & ~re.IGNORECASE) if eligible else None
        return cls(pattern, twin)
