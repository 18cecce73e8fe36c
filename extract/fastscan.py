"""Patterns that open with a word boundary, tried only where they can match.

A pattern that opens with ``\\b`` (or an optional word, or a group of such) gives ``re`` nothing to skip
ahead on: it attempts a match at every position of the text, some twenty times slower than a search for a
literal. Its *skeleton* drops those openings: ``\\b(?:is |are )?not required\\b`` becomes ``not required\\b``,
which ``re`` skips to in C. Dropping an assertion, an optional opening or what follows a leading group only
lets more through, so wherever the pattern matches, its skeleton matches too, at most ``lead`` characters
later (the longest optional opening dropped). The skeleton's hits are thus the only places worth trying,
and the pattern itself, matched there, decides: the matches are exactly those of ``pattern.finditer``, at
the same offsets (``Pattern.match`` at a position sees the characters before it, so boundaries and
lookbehinds read as in a whole-text search).

A skeleton is only used when ``re`` can skip ahead on it, which the case-insensitive patterns of this package
allow once they are searched case-sensitively on the lower-cased text (``extract.caseless``); any other
pattern is searched as written.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType

from extract.caseless import CaselessPattern

# re's own parser, to read widths and judge skeletons (never to match): without it every pattern is searched
# as written. Private modules, so looked up by name: a Python that moves them only loses the speed.
_sre_parser: ModuleType | None
try:
    _sre_parser = importlib.import_module("re._parser")
    _sre_constants = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover
    _sre_parser = None

_MAX_LEAD = 100  # an optional opening longer than this (or unbounded) is not dropped
_ZERO_WIDTH_GROUPS = ("(?=", "(?!", "(?<=", "(?<!")
# Measured: a skeleton starting with any of more than this many lower-case letters gains nothing (capitals
# and digits are rarer in text: twice as many of those).
_MAX_FIRST_CHARS = 5
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz \t\n")


def _skip_class(source: str, i: int) -> int:
    """The index just past the character class opening at ``source[i] == "["``."""
    n = len(source)
    i += 1
    if i < n and source[i] == "^":
        i += 1
    if i < n and source[i] == "]":  # a "]" first in a class is a literal
        i += 1
    while i < n and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of ``source`` outside escapes and classes."""
    depth, i, n = 0, 0, len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _skip_class(source, i)
            continue
        depth += 1 if char == "(" else -1 if char == ")" else 0
        yield i, char, depth
        i += 1


def _closing_paren(source: str, i: int) -> int:
    """The index of the ")" closing the group opening at ``source[i] == "("`` (-1 if none)."""
    for index, char, depth in _structure(source[i:]):
        if char == ")" and depth == 0:
            return i + index
    return -1


def top_level_alternatives(source: str) -> list[str]:
    """``source`` split at its top-level ``|`` (outside groups, character classes and escapes)."""
    cuts = [index for index, char, depth in _structure(source) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1 : b] for a, b in pairwise(bounds)]


def _max_width(source: str, flags: int) -> int | None:
    if _sre_parser is None:
        return None
    try:
        width = int(_sre_parser.parse(source, flags).getwidth()[1])
    except Exception:  # a part we cannot read alone: keep it
        return None
    return width if width <= _MAX_LEAD else None


def _leading_group(alternative: str) -> tuple[str, str | None, str] | None:
    """The group ``alternative`` opens with: (its source, its inside, what follows it), the inside None for a
    lookaround; None when this module does not take it apart (unclosed, repeated, a named group, inline
    flags, a conditional, an optional lookaround)."""
    close = _closing_paren(alternative, 0)
    if close < 0:
        return None
    group, after = alternative[: close + 1], alternative[close + 1 :]
    if after[:1] in ("*", "+", "{"):
        return None
    if group.startswith(_ZERO_WIDTH_GROUPS):
        return None if after[:1] == "?" else (group, None, after)
    if group.startswith("(?:"):
        return group, group[3:-1], after
    if group.startswith("(?"):
        return None
    return group, group[1:-1], after


def _weaken(alternative: str, flags: int, keep_tail: bool) -> tuple[list[str], int, bool] | None:
    """Alternatives that match wherever ``alternative`` does, at most ``lead`` characters later, and whether
    they dropped a tail; None when its opening is one this module does not take apart (then the pattern is
    searched as written). Without ``keep_tail`` a leading group stands for the whole alternative."""
    lead = 0
    while True:
        if alternative.startswith("\\b"):
            alternative = alternative[2:]
            continue
        if not alternative.startswith("("):
            return [alternative], lead, False
        opening = _leading_group(alternative)
        if opening is None:
            return None
        group, inner, after = opening
        if inner is None:
            alternative = after  # a lookaround opening: an assertion like \b
            continue
        if after[:1] == "?":
            width = _max_width(group, flags)
            if width is None:
                return None
            lead += width
            alternative = after[1:].lstrip("?+")  # lazy or possessive "?" is optional all the same
            continue
        return _weaken_group(inner, after, flags, keep_tail, lead)


def _weaken_group(
    inner: str, after: str, flags: int, keep_tail: bool, lead: int
) -> tuple[list[str], int, bool] | None:
    """:func:`_weaken` for an alternative opening with a group (``inner`` inside it, ``after`` after it): the
    group's own alternatives, weakened, then what follows it, unless weakening one of them dropped its tail
    (what follows would then no longer follow it): then the alternatives alone."""
    out: list[str] = []
    inner_lead, truncated = 0, False
    for part in top_level_alternatives(inner):
        weakened = _weaken(part, flags, keep_tail)
        if weakened is None:
            return None
        out += weakened[0]
        inner_lead = max(inner_lead, weakened[1])
        truncated = truncated or weakened[2]
    if truncated or not after or not keep_tail:
        return out, lead + inner_lead, bool(after) or truncated
    return ["(?:" + "|".join(out) + ")" + after], lead + inner_lead, False


def _skips_ahead(pattern: re.Pattern[str]) -> bool:
    """Does ``re`` skip ahead to where ``pattern`` can start, and to few enough places to pay?

    ``re`` skips ahead to a literal prefix, or to the characters of a class or of literal alternatives
    (CPython's ``_get_literal_prefix`` and ``_get_charset_prefix``, for a pattern without
    ``re.IGNORECASE``). It then tries the pattern at each such character: with more than _MAX_FIRST_CHARS
    of them among the lower-case letters (all common) that costs about what trying every position does.
    """
    if _sre_parser is None or pattern.flags & re.IGNORECASE:
        return False
    try:
        items = _sre_parser.parse(pattern.pattern, pattern.flags).data
        while items and items[0][0] is _sre_constants.SUBPATTERN:
            items = items[0][1][3].data
        if not items:
            return False
        op, arg = items[0]
        if op is _sre_constants.LITERAL:
            return True
        if op is _sre_constants.IN:
            return all(item[0] is _sre_constants.LITERAL for item in arg) and len(arg) <= _MAX_FIRST_CHARS
        if op is not _sre_constants.BRANCH:
            return False
        firsts = [alt.data[0] if alt.data else None for alt in arg[1]]
        if not all(first is not None and first[0] is _sre_constants.LITERAL for first in firsts):
            return False
        chars = {chr(first[1]) for first in firsts if first is not None}
        common = {c for c in chars if c in _COMMON}
        return len(common) <= _MAX_FIRST_CHARS and len(chars) <= 2 * _MAX_FIRST_CHARS
    except Exception:  # an internal format we do not know: search as written
        return False


@dataclass(frozen=True)
class Skeleton:
    """A weaker pattern matching wherever ``pattern`` does, at most ``lead`` characters after its start."""

    pattern: re.Pattern[str]
    lead: int


def skeleton(pattern: re.Pattern[str]) -> Skeleton | None:
    """The pattern's skeleton when ``re`` can skip ahead on it, else None (search the pattern as written)."""
    if pattern.flags & re.VERBOSE:
        return None  # whitespace and comments would need reading
    # What follows a leading group narrows the hits, but may leave re nothing to skip ahead on.
    for keep_tail in (True, False):
        parts: list[str] = []
        lead = 0
        for alternative in top_level_alternatives(pattern.pattern):
            weakened = _weaken(alternative, pattern.flags, keep_tail)
            if weakened is None or not all(weakened[0]):
                return None  # an alternative reduced to nothing would match everywhere
            parts += weakened[0]
            lead = max(lead, weakened[1])
        source = "|".join(parts)
        if source == pattern.pattern:
            return None
        try:
            weak = re.compile(source, pattern.flags)
        except re.error:
            return None
        if _skips_ahead(weak):
            return Skeleton(weak, lead)
    return None


def factor_boundary(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``\\bA|\\bB|…`` as ``\\b(?:A|B|…)``: the same matches, one boundary test per position instead of one
    per alternative (the pattern itself when an alternative does not open with ``\\b``)."""
    alternatives = top_level_alternatives(pattern.pattern)
    if len(alternatives) < 2 or not all(a.startswith("\\b") for a in alternatives):
        return pattern
    return re.compile("\\b(?:" + "|".join(a[2:] for a in alternatives) + ")", pattern.flags)


def finditer(
    pattern: re.Pattern[str], weak: Skeleton | None, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where its skeleton ``weak`` matches."""
    endpos = len(text) if endpos is None else endpos
    if weak is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    # A match starting at s has a skeleton hit in [s, s + lead]: taking the hits in order and trying the
    # starts up to lead before each, in order and each once, finds the leftmost match first.
    tried = pos - 1  # the last start tried
    hit_at = pos - 1  # the last skeleton hit
    while (hit := weak.pattern.search(text, max(pos, hit_at + 1), endpos)) is not None:
        hit_at = hit.start()
        found = None
        for start in range(max(pos, tried + 1, hit_at - weak.lead), hit_at + 1):
            found = pattern.match(text, start, endpos)
            if found is not None:
                break
        tried = max(tried, hit_at)
        if found is None:
            continue
        if found.end() == found.start():
            # An empty match: what may follow one is the engine's own rule, so let it go on from here
            # (its first match is this one).
            yield from pattern.finditer(text, found.start(), endpos)
            return
        yield found
        pos = found.end()
        tried = pos - 1


@dataclass(frozen=True)
class FastPattern:
    """A case-insensitive pattern searched on the lower-cased text (extract.caseless) through its skeleton."""

    caseless: CaselessPattern
    weak: Skeleton | None  # skeleton of the pattern as written
    lower_weak: Skeleton | None  # skeleton of its lower-case twin

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> FastPattern:
        fast = CaselessPattern.of(pattern)
        lower = fast.lower
        weak = skeleton(pattern)
        lower_weak = skeleton(lower) if lower is not None else None
        if lower is not None and lower_weak is None:
            lower = factor_boundary(lower)
        return cls(CaselessPattern(fast.pattern, lower), weak, lower_weak)

    @property
    def pattern(self) -> re.Pattern[str]:
        return self.caseless.pattern

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``lower`` is ``caseless.lowered(text)``. Read groups from ``text`` by offsets."""
        if self.caseless.lower is not None and lower is not None:
            return finditer(self.caseless.lower, self.lower_weak, lower)
        return finditer(self.caseless.pattern, self.weak, text)

    def search(self, text: str, lower: str | None) -> re.Match[str] | None:
        """The first match in ``text`` (see :meth:`finditer`)."""
        return next(self.finditer(text, lower), None)

    def sub(self, repl: str, text: str, lower: str | None) -> str:
        """``text`` with every match replaced by the literal ``repl`` (see :meth:`finditer`)."""
        parts: list[str] = []
        done = 0
        for match in self.finditer(text, lower):
            parts += (text[done : match.start()], repl)
            done = match.end()
        return "".join(parts) + text[done:] if parts else text


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of ``source``, those that are a whole ``(?:…)`` group taken apart too."""
    out: list[str] = []
    for alternative in top_level_alternatives(source):
        if alternative.startswith("(?:") and _closing_paren(alternative, 0) == len(alternative) - 1:
            out += _alternatives(alternative[3:-1])
        else:
            out.append(alternative)
    return out


@dataclass(frozen=True)
class AnyMatch:
    """Whether a case-insensitive pattern matches anywhere in a text, found fast.

    Only whether it matches is read, so its top-level alternatives need not be tried in their order: those
    with a skeleton are searched one by one through it, the others as one pattern with their opening ``\\b``
    taken out in front (one boundary test per position instead of one per alternative).
    """

    parts: tuple[FastPattern, ...]

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> AnyMatch:
        try:
            alternatives = [re.compile(a, pattern.flags) for a in _alternatives(pattern.pattern)]
        except re.error:  # an alternative that needs another (a back-reference): the pattern as a whole
            return cls((FastPattern.of(pattern),))
        fast: list[FastPattern] = []
        bounded: list[str] = []
        rest: list[str] = []
        for alternative in alternatives:
            part = FastPattern.of(alternative)
            if part.weak is not None or part.lower_weak is not None:
                fast.append(part)
            elif alternative.pattern.startswith("\\b"):
                bounded.append(alternative.pattern[2:])
            else:
                rest.append(alternative.pattern)
        if bounded:
            rest.insert(0, "\\b(?:" + "|".join(bounded) + ")")
        if rest:
            fast.append(FastPattern.of(re.compile("|".join(rest), pattern.flags)))
        return cls(tuple(fast))

    def search(self, text: str, lower: str | None) -> bool:
        """Does the pattern match somewhere in ``text`` (``lower`` is ``caseless.lowered(text)``)?"""
        return any(part.search(text, lower) is not None for part in self.parts)
