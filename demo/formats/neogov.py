"""NEOGOV agency job feeds (governmentjobs.com): one RSS channel per agency with ``joblisting:`` fields.

``/neogov/SearchEngine/JobsFeed?agency=<board>``: the whole board in one answer. The channel title is the
agency and its state ("City of Cindermoor, OR"); each item states its pay in ``minimumSalary``/
``maximumSalary`` with ``salaryInterval`` (``Year`` or ``Hour``; ``Not Displayed`` when the agency hides
it), when it opened (``advertiseFromDate``) and when it closes (``advertiseToDateTime``, or ``Continuous``).
As on the real site, the feed starts with a UTF-8 byte order mark and the UTC dates end in ``:0`` after the
seconds ("Mon, 16 Nov 2026 08:00:00:0").
"""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from demo.model import XML_TYPE, DemoJob, PlantedSalary, Response
from demo.render import place_of, stable_number, to_html
from demo.web import Request, cached, not_found_page

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False
KIND = "neogov"
PAGED = rf"/{KIND}/SearchEngine/JobsFeed"  # one path, one agency per query
NS = "http://www.neogov.com/namespaces/JobListing"


def fit_salary(salary: PlantedSalary) -> PlantedSalary:
    """An agency states pay in the feed's salary fields."""
    return dataclasses.replace(salary, stated_in="field")


def _amount(value: int, hourly: bool) -> str:
    return f"{value:.2f}" if hourly else f"{value:,.2f}"


def _pay(job: DemoJob) -> list[tuple[str, str]]:
    salary = job.posting.salary
    if salary is None:
        return [("minimumSalary", "Not Displayed"), ("maximumSalary", ""), ("salaryCurrency", "USD"),
                ("salaryInterval", "Year")]  # fmt: skip
    hourly = salary.period == "hour"
    return [
        ("minimumSalary", _amount(salary.min, hourly)),
        ("maximumSalary", _amount(salary.max, hourly)),
        ("salaryCurrency", salary.currency),
        ("salaryInterval", "Hour" if hourly else "Year"),
    ]


def _item(job: DemoJob, agency: str) -> str:
    p = job.posting
    link = f"https://www.governmentjobs.example/careers/{agency}/jobs/{p.source_id}"
    opened = job.published
    # Some recruitments stay open until filled: NEOGOV writes "Continuous".
    closes = (
        "Continuous"
        if stable_number(p.source_id) % 4 == 0
        else f"{opened + timedelta(days=21):%a, %d %b %Y} 23:59:00"
    )
    fields = [
        ("jobId", p.source_id),
        ("advertiseFromDate", f"{opened:%a, %d %b %Y}"),
        ("advertiseToDateTime", closes),
        # NEOGOV's UTC dates carry a ":0" after the seconds.
        ("advertiseFromDateUTC", f"{opened:%a, %d %b %Y %H:%M:%S}:0"),
        *_pay(job),
        ("jobType", "Internship" if job.intern else "Full Time"),
        ("location", p.location if p.remote == "remote" else place_of(job)["locality"]),
        (
            "state",
            "" if p.remote == "remote" else _STATES.get(place_of(job)["region"], place_of(job)["region"]),
        ),
        ("department", job.department),
    ]
    listing = "".join(f"<joblisting:{k}>{xml_escape(v)}</joblisting:{k}>" for k, v in fields)
    description = xml_escape(to_html(job.sections, "h3", job.dash_entity))
    return (
        f"<item><title>{xml_escape(p.title)}</title><link>{link}</link>"
        f'<guid isPermaLink="true">{link}</guid><pubDate>{job.updated:%a, %d %b %Y %H:%M:%S} GMT</pubDate>'
        f"<description>{description}</description>{listing}</item>"
    )


_STATES = {"VA": "Virginia", "OR": "Oregon", "WA": "Washington", "OH": "Ohio", "PA": "Pennsylvania",
           "IA": "Iowa", "WI": "Wisconsin", "MN": "Minnesota", "NC": "North Carolina", "TN": "Tennessee"}  # fmt: skip


def _feed(market: DemoMarket, request: Request) -> Response:
    agency = request.params.get("agency", "")
    employer = market.employer(KIND, agency)
    if employer is None:
        return not_found_page()

    def build() -> Response:
        jobs = market.board_jobs(KIND, agency)
        region = place_of(jobs[0])["region"] if jobs else ""
        title = f"{employer.company}, {region}" if region else employer.company
        items = "\n".join(_item(j, agency) for j in jobs)
        body = (
            '\ufeff<?xml version="1.0" encoding="utf-8"?>\n'
            f'<rss xmlns:joblisting="{NS}" version="2.0">\n<channel>\n'
            f"<title>{xml_escape(title)}</title>\n<link>https://www.governmentjobs.example/careers/{agency}</link>\n"
            "<description>Latest Employment Information</description>\n<generator>www.neogov.com</generator>\n"
            f"{items}\n</channel>\n</rss>\n"
        )
        return Response(200, XML_TYPE, body.encode("utf-8"))

    return cached(market, (KIND, agency), build)


ROUTES = ((PAGED, _feed),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/{KIND}/SearchEngine/JobsFeed", f"agency={board}")]


def board_of(path: str, query: str) -> str | None:
    if path != f"/{KIND}/SearchEngine/JobsFeed":
        return None
    agency = dict(part.partition("=")[::2] for part in query.split("&")).get("agency")
    return agency or None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(4_000_000, 5_000_000))
