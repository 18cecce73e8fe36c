"""Career pages with schema.org JobPosting JSON-LD (or, failing that, microdata or RDFa).

The posting's key is the page URL (``#`` plus its ``identifier``, or its position, when a page holds several):
an ``identifier`` is the employer's requisition number, not unique across employers, and two employers'
"REQ-1001" must not overwrite each other. Field shapes follow schema.org/JobPosting and Google's job-posting
structured-data guide: ``jobLocation`` one Place or a list; ``addressCountry`` text, a ``Country`` object or
a list of either; ``hiringOrganization`` an Organization or a reference to one by ``@id`` (resolved by
``extract.jsonld``). What real pages do beyond that, and how each is read:

* the title is in ``name`` rather than ``title`` (schema.org's own examples do this);
* a title or employer name HTML-escaped twice (``Senior I&amp;amp;C Engineer``, WordPress job plugins) is
  decoded down to its text;
* ``"hiringOrganization": "confidential"``, Google's value for an employer hiring anonymously, names no
  employer;
* a description given several times (a list, a repeated key, several microdata ``description`` elements)
  is the one with the most text, not the values joined; one JSON-escaped twice (``<\\/p>\\n<p>``) is
  unescaped once more; whitespace references escaped twice (``&amp;#xa;``, TalentBrew) become whitespace;
* address parts a template left as a placeholder (``undefined``, ``UNAVAILABLE``, ``N/A``) are dropped; a
  Place whose address has only a ``streetAddress`` gives that line, one whose address gives nothing its
  ``name``; a posting with no ``jobLocation`` gives the address properties it states itself
  (``addressLocality`` on the JobPosting), else its ``applicantLocationRequirements`` (the countries or
  regions a remote job hires from);
* ``baseSalary``'s ``unitText`` may sit on the MonetaryAmount rather than its QuantitativeValue, and a bare
  number's currency in the posting's ``salaryCurrency``. ``estimatedSalary`` is a third party's estimate and
  is never read as the posting's pay.

Sources: schema.org ``applicantLocationRequirements`` and ``salaryCurrency``; Google's job-posting guide
("use the confidential value for the hiringOrganization field"), quoted in garmeeh/next-seo PR #1186, whose
``jobPosting.tsx`` renders a missing address part as the text ``undefined``; Automattic/WP-Job-Manager issue
#3027 and PR #3101 (titles and descriptions entity-encoded twice inside the script); colophon-group/jobseek
``apps/crawler/src/core/jsonld.py`` (``title`` or ``name``; scalar fields decoded twice; TalentBrew's
``&amp;#xa;``; location placeholders; a Place's ``name``; ``unitText`` on the outer MonetaryAmount, its
#3226) and PR #7630; strelov1/freehire ``successfactors_test.go`` (several ``itemprop="description"``
regions, the richest one the body) and the SuccessFactors pages cited in ``extract.vendors.successfactors``
(loose address properties on the JobPosting; a place only in ``streetAddress``); a public test of an iCIMS
resolver (a GDMS portal's description JSON-escaped twice, cited in ``extract.vendors.icims``).
"""

from __future__ import annotations

import html
import re
from typing import Any

from extract.html_text import html_to_text
from extract.jsonld import job_postings, json_unescaped, lower_keys
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import as_dict, join_parts, text, text_or_none

_ADDRESS_PARTS = ("addresslocality", "addressregion", "addresscountry")
# Address parts that say nothing: a template's empty value, a vendor's placeholder ("NA" is Namibia's code).
_PLACEHOLDERS = frozenset({"undefined", "null", "none", "n/a", "-", "unavailable", "not available"})
# An entity left after one decoding: the value was HTML-escaped twice ("I&amp;amp;C" → "I&amp;C").
_ENTITY = re.compile(r"&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
# Tab, newline and carriage-return references escaped twice (&amp;#xa;): only these, so encoded markup stays.
_WHITESPACE_REF = re.compile(r"&amp;#(?:x0*[9ad]|0*(?:9|10|13));", re.IGNORECASE)


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """Every JobPosting on the page; a page without one yields nothing (it is not an error)."""
    nodes = job_postings(body, url)
    keys = [_key(node, url, index, len(nodes)) for index, node in enumerate(nodes)]
    postings = [_posting(node, key, url, board, fetched_at) for node, key in zip(nodes, keys, strict=True)]
    if len(postings) == 1:
        # The page's visible header often states what the JSON-LD omits ("Boston, MA · Hybrid").
        postings[0].page_text = html_to_text(body)
    return postings


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _plain(value: str) -> str:
    """Text with a second layer of HTML escaping decoded too ("Senior I&amp;C Engineer" → "Senior I&C …")."""
    return html.unescape(value) if _ENTITY.search(value) else value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = lower_keys(value).get("name")
    name = text_or_none(value)
    return _plain(html.unescape(name)) if name else None


def _names(value: Any, separator: str = " / ") -> str | None:
    """Every name in a value that may be a list ("addressCountry": ["US", {"name": "Canada"}]), joined;
    placeholders ("undefined", "UNAVAILABLE") left out."""
    values = value if isinstance(value, list) else [value]
    names = [_name(v) for v in values]
    return separator.join(dict.fromkeys(n for n in names if n and n.lower() not in _PLACEHOLDERS)) or None


def _company(node: dict[str, Any]) -> str | None:
    name = _name(node.get("hiringorganization"))
    return None if name is None or name.lower() == "confidential" else name


def _title(node: dict[str, Any]) -> str:
    return _plain(html_to_text(text(node.get("title")) or text(node.get("name"))))


def _description(value: Any) -> str:
    """The description with the most text, when it is given several times; escaping applied twice undone."""
    bodies = [json_unescaped(text(v)) for v in (value if isinstance(value, list) else [value])]
    return max((html_to_text(_WHITESPACE_REF.sub(_whitespace, body)) for body in bodies), key=len, default="")


def _whitespace(match: re.Match[str]) -> str:
    return html.unescape(html.unescape(match[0]))  # "&amp;#xa;" → "&#xa;" → "\n"


def _address(fields: dict[str, Any]) -> str | None:
    """The "Locality, Region, Country" of a PostalAddress's (lower-cased) fields; its street line when that is
    all it has."""
    return join_parts([_names(fields.get(k)) for k in _ADDRESS_PARTS]) or _names(fields.get("streetaddress"))


def _place(value: Any) -> str | None:
    place = lower_keys(as_dict(value))
    address = place.get("address")
    if isinstance(address, dict):
        return _address(lower_keys(address)) or _names(place.get("name"))
    return _names(address) or _names(place.get("name")) or _names(value if isinstance(value, str) else None)


def _location(node: dict[str, Any]) -> str | None:
    """Every place of the posting ("Berlin, DE; Toronto, ON, CA"), each with every country it names; without
    a ``jobLocation``, the address the posting states itself, else where a remote job hires from."""
    places = node.get("joblocation")
    names = [_place(p) for p in (places if isinstance(places, list) else [places]) if p]
    located = "; ".join(dict.fromkeys(n for n in names if n))
    return located or _address(node) or _names(node.get("applicantlocationrequirements"))


def _identifier(node: dict[str, Any]) -> str | None:
    """The employer's own id for the posting (``identifier`` text, or a PropertyValue's ``value``)."""
    ident = node.get("identifier")
    if isinstance(ident, dict):
        ident = lower_keys(ident).get("value")
    return text_or_none(ident)


def _key(node: dict[str, Any], url: str, index: int, count: int) -> str:
    if count == 1:
        return url
    # Several postings on one page (a listing): the identifier keeps each one's key stable if they reorder.
    return f"{url}#{_identifier(node) or index}"


def _posting(node: dict[str, Any], key: str, url: str, board: str | None, fetched_at: str) -> RawPosting:
    remote = "remote" if "telecommute" in text(node.get("joblocationtype")).lower() else None
    return RawPosting(
        source="jsonld",
        source_id=key,
        board=board,
        company=_company(node),
        title=_title(node),
        description=_description(node.get("description")),
        fetched_at=fetched_at,
        url=text_or_none(_first(node.get("url"))) or url,
        location=_location(node),
        remote_hint=remote,
        employment_type=_names(node.get("employmenttype"), ", "),
        posted=text_or_none(_first(node.get("dateposted"))),
        salary=_pay(node.get("basesalary"), node.get("salarycurrency")),
    )


def _pay(value: Any, posting_currency: Any = None) -> Salary | None:
    """baseSalary: a MonetaryAmount with a QuantitativeValue (or a bare number) — schema.org allows both. The
    period is the QuantitativeValue's ``unitText``, else the MonetaryAmount's; the currency the amount's, else
    the posting's ``salaryCurrency``."""
    if value is None:
        return None
    if isinstance(value, (int, float, str)):
        return salary_from_fields(value, value, posting_currency, None, source="jsonld.baseSalary")
    amount = lower_keys(as_dict(_first(value)))
    currency = amount.get("currency") or posting_currency
    quantity = amount.get("value")
    q = lower_keys(quantity) if isinstance(quantity, dict) else {"value": quantity}
    low = q.get("minvalue", q.get("value"))
    high = q.get("maxvalue", q.get("value"))
    unit = q.get("unittext") or amount.get("unittext")
    return salary_from_fields(low, high, currency, unit, source="jsonld.baseSalary")
