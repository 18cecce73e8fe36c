"""Career pages with schema.org JobPosting JSON-LD."""

from __future__ import annotations

from typing import Any

from extract.html_text import html_to_text
from extract.jsonld import job_postings, lower_keys
from extract.model import RawPosting, Salary
from extract.salary import salary_from_fields
from extract.vendors.common import as_dict, text, text_or_none


def read(body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """Every JobPosting on the page; a page without one yields nothing (it is not an error)."""
    postings = [
        _posting(node, url, board, fetched_at, index) for index, node in enumerate(job_postings(body))
    ]
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


def _location(node: dict[str, Any]) -> str | None:
    place = as_dict(_first(node.get("joblocation")))
    address = lower_keys(as_dict(lower_keys(place).get("address")))
    parts = [address.get(k) for k in ("addresslocality", "addressregion", "addresscountry")]
    names = [_name(p) for p in parts if p]
    return ", ".join(n for n in names if n) or None


def _identifier(node: dict[str, Any], url: str, index: int) -> str:
    ident = node.get("identifier")
    if isinstance(ident, dict):
        ident = lower_keys(ident).get("value")
    text = text_or_none(ident)
    # Without an identifier the page URL is the posting's identity (one page, one posting).
    return text or (url if index == 0 else f"{url}#{index}")


def _posting(node: dict[str, Any], url: str, board: str | None, fetched_at: str, index: int) -> RawPosting:
    remote = "remote" if "telecommute" in text(node.get("joblocationtype")).lower() else None
    employment = node.get("employmenttype")
    return RawPosting(
        source="jsonld",
        source_id=_identifier(node, url, index),
        board=board,
        company=_name(node.get("hiringorganization")),
        title=html_to_text(text(node.get("title"))),
        description=html_to_text(text(node.get("description"))),
        fetched_at=fetched_at,
        url=text_or_none(node.get("url")) or url,
        location=_location(node),
        remote_hint=remote,
        employment_type=", ".join(map(str, employment))
        if isinstance(employment, list)
        else text_or_none(employment),
        posted=text_or_none(node.get("dateposted")),
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
