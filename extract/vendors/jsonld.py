"""Career pages with schema.org JobPosting JSON-LD (or, failing that, microdata or RDFa).

The posting's key is the page URL (``#`` plus its ``identifier``, or its position, when a page holds several):
an ``identifier`` is the employer's requisition number, not unique across employers, and two employers'
"REQ-1001" must not overwrite each other. Field shapes follow schema.org/JobPosting and Google's job-posting
structured-data guide: ``jobLocation`` one Place or a list; ``addressCountry`` text, a ``Country`` object or
a list of either; ``hiringOrganization`` an Organization or a reference to one by ``@id`` (resolved by
``extract.jsonld``).
"""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.jsonld import job_postings, lower_keys
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import as_dict, join_parts, text, text_or_none


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


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        return text_or_none(lower_keys(value).get("name"))
    return text_or_none(value)


def _names(value: Any, separator: str = " / ") -> str | None:
    """Every name in a value that may be a list ("addressCountry": ["US", {"name": "Canada"}]), joined."""
    values = value if isinstance(value, list) else [value]
    names = [_name(v) for v in values]
    return separator.join(dict.fromkeys(n for n in names if n)) or None


def _place(value: Any) -> str | None:
    place = lower_keys(as_dict(value))
    address = place.get("address")
    if not isinstance(address, dict):
        return text_or_none(address) or _name(place) or text_or_none(value)
    fields = lower_keys(address)
    return join_parts([_names(fields.get(k)) for k in ("addresslocality", "addressregion", "addresscountry")])


def _location(node: dict[str, Any]) -> str | None:
    """Every place of the posting ("Berlin, DE; Toronto, ON, CA"), each with every country it names."""
    places = node.get("joblocation")
    names = [_place(p) for p in (places if isinstance(places, list) else [places]) if p]
    return "; ".join(dict.fromkeys(n for n in names if n)) or None


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
        company=_name(node.get("hiringorganization")),
        title=html_to_text(text(node.get("title"))),
        description=html_to_text(text(node.get("description"))),
        fetched_at=fetched_at,
        url=text_or_none(_first(node.get("url"))) or url,
        location=_location(node),
        remote_hint=remote,
        employment_type=_names(node.get("employmenttype"), ", "),
        posted=text_or_none(_first(node.get("dateposted"))),
        salary=_pay(node.get("basesalary")),
    )


def _pay(value: Any) -> Salary | None:
    """baseSalary: a MonetaryAmount with a QuantitativeValue (or a bare number) — schema.org allows both."""
    if value is None:
        return None
    if isinstance(value, (int, float, str)):
        return salary_from_fields(value, value, None, None, source="jsonld.baseSalary")
    amount = lower_keys(as_dict(_first(value)))
    quantity = amount.get("value")
    currency = amount.get("currency")
    if isinstance(quantity, dict):
        q = lower_keys(quantity)
        low = q.get("minvalue", q.get("value"))
        high = q.get("maxvalue", q.get("value"))
        return salary_from_fields(low, high, currency, q.get("unittext"), source="jsonld.baseSalary")
    return salary_from_fields(
        quantity, quantity, currency, amount.get("unittext"), source="jsonld.baseSalary"
    )
