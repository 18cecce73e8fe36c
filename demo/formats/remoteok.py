"""Remote OK's public API: a feed of remote jobs, a JSON list whose first item is the legal notice.

``/remoteok/api``; its salary fields are US dollars a year, so other pay is stated in the text.
"""

from __future__ import annotations

import dataclasses
import random
import re
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, PlantedSalary, Response, market_end
from demo.render import in_field, to_html
from demo.web import Request, cached, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = True  # one implicit board, named after the feed


def fit_salary(salary: PlantedSalary) -> PlantedSalary:
    """``salary_min``/``salary_max`` hold US dollars a year: any other pay goes in the text."""
    if (salary.currency, salary.period) != ("USD", "year"):
        return dataclasses.replace(salary, stated_in="text")
    return salary


def _remoteok_job(job: DemoJob) -> dict[str, Any]:
    p = job.posting
    slug = re.sub(r"[^a-z0-9]+", "-", f"{p.company} {p.title}".lower()).strip("-")
    salary = p.salary if in_field(p.salary) else None
    url = f"https://remoteok.example/remote-jobs/{p.source_id}-{slug}"
    return {
        "slug": f"{p.source_id}-{slug}",
        "id": p.source_id,
        "epoch": int(job.published.timestamp()),
        "date": job.published.isoformat(),
        "company": p.company,
        "company_logo": "",
        "position": p.title,
        "tags": [],
        "description": to_html(job.sections, "h3", job.dash_entity),
        "location": p.location,
        "apply_url": f"{url}/apply",
        "salary_min": salary.min if salary else 0,
        "salary_max": salary.max if salary else 0,
        "original": True,
        "url": url,
    }


def _remoteok(market: DemoMarket, request: Request) -> Response:
    def build() -> Response:
        notice = {"last_updated": int(market_end().timestamp()),
                  "legal": "API Terms of Service: link back to Remote OK and mention it as the source."}  # fmt: skip
        return json_response([notice, *(_remoteok_job(j) for j in market.board_jobs("remoteok", "remoteok"))])

    return cached(market, ("remoteok",), build)


ROUTES = ((r"/remoteok/api/?", _remoteok),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [("/remoteok/api", "")]


def board_of(path: str, query: str) -> str | None:
    return "remoteok" if path.strip("/").split("/")[0] == "remoteok" else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(1_000_000, 3_000_000))
