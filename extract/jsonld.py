"""Find schema.org JobPosting objects in a page, tolerating the ways real pages get it wrong.

JSON-LD first: each ``<script type="application/ld+json">`` block is parsed on its own (one broken block
does not hide the others); sloppy JSON (comments, trailing commas, raw newlines in strings) is retried
leniently, and so are the breakages career sites are known to ship: a block wrapped in a legacy CDATA guard
(``//<![CDATA[ … //]]>``), a whole block HTML-entity-encoded (``{&quot;@type&quot;: …}``, Gupy), an escape
JSON does not have (``\\$``) and a comma missing between two properties (Talemetry). A key repeated in one
object keeps all its values; postings are found at the top level, in lists, inside ``@graph`` and nested in
other objects; keys are matched case-insensitively. A value that is only a reference
(``"hiringOrganization": {"@id": "#org"}``) is replaced by the object of that ``@id`` elsewhere on the page
(schema.org's ``@graph`` style).

When the JSON-LD holds no JobPosting (none, or too broken to read), the page's microdata
(``itemtype="https://schema.org/JobPosting"``) and RDFa (``typeof="JobPosting"``) are read with extruct
(``errors="log"``: a syntax that fails is logged and skipped), the RDFa brought to the same compact shape.

``json_unescaped`` undoes one more level of JSON string escapes in a value that shows it was escaped twice
(``<\\/p>``): the reader of a posting's description applies it.

Sources: colophon-group/jobseek ``apps/crawler/src/core/jsonld.py`` (CDATA guards "still emitted by older
Rails-style templates"; Gupy entity-encoding the whole JSON document; Talemetry's missing comma between
``datePosted`` and ``hiringOrganization`` and its invalid ``\\$`` escape), read via the search tool.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import extruct
import jstyleson
import lxml.etree
import lxml.html

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A legacy guard around the block: //<![CDATA[ … //]]>, /*<![CDATA[*/ … /*]]>*/ or bare <![CDATA[ … ]]>.
_CDATA = re.compile(r"^\s*(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?|(?://|/\*)?\s*\]\]>(?:\s*\*/)?\s*$")
# Escapes read in pairs, left to right, so "\\\\$" stays an escaped backslash followed by "$".
_BAD_ESCAPE = re.compile(r'\\(["\\/bfnrtu])|\\(.)')
# A string value, then only whitespace, then the next "key": — the comma between them left out.
_STRING = r'"(?:[^"\\]|\\.)*"'
_MISSING_COMMA = re.compile(rf"({_STRING})(\s+)(?={_STRING}\s*:)")
# What a JSON string escape leaves when it was applied once too often: <\/p>, \n, \", \u00e9.
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))')
_JSON_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
# A closing tag written "<\/p>": the tell that a value was JSON-escaped twice (HTML never writes it).
_ESCAPED_CLOSE = "<\\/"
# Markup worth handing to extruct: a JobPosting declared as microdata or RDFa.
_MARKUP_HINT = re.compile(r"(?:itemtype|typeof)\s*=\s*[\"']?[^\"'>]*jobposting", re.IGNORECASE)
_EXTRUCT_SYNTAXES = ["json-ld", "microdata", "rdfa"]
# How deep values are followed (a posting → its list of places → a place → its address); cycles stop there.
_RESOLVE_DEPTH = 6
# Values visited per posting at most: a page of objects that all reference each other cannot blow up.
_RESOLVE_BUDGET = 5_000


def json_ld_blocks(page: str) -> list[Any]:
    """Every JSON-LD block in the page that parses (strictly, then leniently)."""
    try:
        root = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return []
    blocks = []
    too_deep: RecursionError | None = None
    for script in root.xpath('//script[contains(translate(@type, "LDJSON+", "ldjson+"), "ld+json")]'):
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            parsed = _loads(text)
        except RecursionError as error:
            too_deep = error  # nested past Python's stack (a hostile page): the other blocks are still read
            continue
        if parsed is not None:
            blocks.append(parsed)
    if too_deep is not None and not blocks:
        raise too_deep  # nothing else to read: the page's error says why, as it did before
    return blocks


def _keep_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose key repeats ("addressCountry": "DE", "addressCountry": "AT") keeps every value as a
    list: plain JSON decoding keeps only the last one."""
    merged: dict[str, Any] = {}
    for key, value in pairs:
        if key not in merged:
            merged[key] = value
        elif value != merged[key]:
            before = merged[key] if isinstance(merged[key], list) else [merged[key]]
            merged[key] = [*before, value]
    return merged


def _loads(text: str) -> Any | None:
    text = _CDATA.sub("", text)
    parsed = _parse(text)
    if parsed is None and "&quot;" in text:
        parsed = _parse(html.unescape(text))  # the whole block entity-encoded: {&quot;@type&quot;: …}
    return parsed


def _parse(text: str) -> Any | None:
    try:
        return json.loads(text, object_pairs_hook=_keep_repeats)
    except ValueError:
        pass
    # Raw newlines/tabs inside strings are the commonest breakage; then comments and trailing commas; then
    # an escape JSON lacks ("\\$") and a comma missing between two properties.
    cleaned = _CONTROL_CHARS.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    repaired = _MISSING_COMMA.sub(r"\1,\2", _BAD_ESCAPE.sub(_one_escape, cleaned))
    for candidate in dict.fromkeys([cleaned, repaired]):
        try:
            return jstyleson.loads(candidate, object_pairs_hook=_keep_repeats)
        except ValueError:
            continue
    return None


def _one_escape(match: re.Match[str]) -> str:
    """A valid JSON escape as it is; an invalid one ("\\$") as the character it escapes."""
    return match[0] if match[1] else match[2]


def json_unescaped(markup: str) -> str:
    """``markup`` with one more level of JSON string escapes undone, when it shows it was escaped twice."""
    if _ESCAPED_CLOSE not in markup:
        return markup

    def one(match: re.Match[str]) -> str:
        code, char = match.groups()
        return chr(int(code, 16)) if code else _JSON_CHARS.get(char, char)

    return _JSON_ESCAPE.sub(one, markup)


def _nodes(block: Any) -> Iterator[dict[str, Any]]:
    """Every object in a block, outermost first, in document order (iterative: nesting depth is the page's)."""
    stack = [block]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _types(node: dict[str, Any]) -> list[str]:
    value = lower_keys(node).get("@type", [])
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _is_posting(node: dict[str, Any]) -> bool:
    return any(t.rsplit("/", 1)[-1].lower() == "jobposting" for t in _types(node))


def lower_keys(node: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in node.items()}


def _is_reference(value: Any) -> bool:
    return isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}


def _resolve(value: Any, index: dict[str, dict[str, Any]], depth: int, budget: list[int]) -> Any:
    """``value`` with each bare ``{"@id": …}`` replaced by the page's object of that id."""
    if depth <= 0 or budget[0] <= 0:
        return value
    budget[0] -= 1
    if _is_reference(value) and str(value["@id"]) in index:
        return _resolve(index[str(value["@id"])], index, depth - 1, budget)
    if isinstance(value, list):
        return [_resolve(v, index, depth - 1, budget) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v, index, depth - 1, budget) for k, v in value.items()}
    return value


def _postings(blocks: list[Any]) -> list[dict[str, Any]]:
    nodes = [node for block in blocks for node in _nodes(block)]
    index = {str(n["@id"]): n for n in nodes if "@id" in n and not _is_reference(n)}
    postings = [n for n in nodes if _is_posting(n) and not _is_reference(n)]
    return [lower_keys(_resolve(n, index, _RESOLVE_DEPTH, [_RESOLVE_BUDGET])) for n in postings]


def _compact(value: Any, index: dict[str, Any], depth: int, budget: list[int]) -> Any:
    """Expanded RDFa (full IRIs, ``[{"@value": …}]`` lists, blank-node ids) in compact JSON-LD shape."""
    if depth <= 0 or budget[0] <= 0:
        return None
    budget[0] -= 1
    if isinstance(value, list):
        items = [_compact(v, index, depth - 1, budget) for v in value]
        return items[0] if len(items) == 1 else items
    if not isinstance(value, dict):
        return value
    if "@value" in value:
        return value["@value"]
    if set(value) == {"@id"}:
        target = index.get(str(value["@id"]))
        return value["@id"] if target is None else _compact(target, index, depth - 1, budget)
    # "https://schema.org/title" → "title"; the types stay IRIs, which _types reads by their last part.
    return {_term(k): v if k == "@type" else _compact(v, index, depth - 1, budget) for k, v in value.items()}


def _term(key: str) -> str:
    return key if key.startswith("@") else re.split(r"[/#]", key)[-1]


def _structured_data(page: str, url: str | None) -> list[Any]:
    """The page's JSON-LD, microdata and RDFa as extruct reads them; RDFa compacted."""
    try:
        data = extruct.extract(page, base_url=url, syntaxes=_EXTRUCT_SYNTAXES, uniform=True, errors="log")
    except (lxml.etree.ParserError, ValueError):
        return []
    rdfa = [n for n in data.get("rdfa", []) if isinstance(n, dict)]
    index = {str(n["@id"]): n for n in rdfa if "@id" in n}
    compact = [_compact(n, index, 2 * _RESOLVE_DEPTH, [_RESOLVE_BUDGET]) for n in rdfa]
    return [*data.get("json-ld", []), *data.get("microdata", []), *compact]


def job_postings(page: str, url: str | None = None) -> list[dict[str, Any]]:
    """The JobPosting objects of a page, with lower-cased keys (``datePosted`` → ``dateposted``).

    JSON-LD first; microdata and RDFa (``url`` resolves their relative links) only when it has none.
    """
    found = _postings(json_ld_blocks(page))
    if not found and _MARKUP_HINT.search(page):
        found = _postings(_structured_data(page, url))
    return found
