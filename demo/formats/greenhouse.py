"""Greenhouse's Job Board API: one JSON document per board, its flags adding the text and the pay ranges.

``/greenhouse/v1/boards/<board>/jobs?content=true&pay_transparency=true``; ids are 7-digit numbers and
timestamps are US Eastern local time, as the real API writes them.
"""

from __future__ import annotations

import html
import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from demo.model import DemoJob, PlantedSalary, Response
from demo.render import in_field, stable_number, to_html
from demo.web import Request, cached, flag, json_response

if TYPE_CHECKING:
    from demo.market import DemoMarket

FEED = False


def _eastern(moment: datetime) -> str:
    """Greenhouse-style local timestamp; US daylight time ends on 1 November 2026."""
    offset = 4 if moment < datetime(2026, 11, 1, 6, tzinfo=UTC) else 5
    local = moment - timedelta(hours=offset)
    return local.replace(tzinfo=None).isoformat(timespec="seconds") + f"-{offset:02d}:00"


def _greenhouse_job(job: DemoJob, content: bool, pay: bool) -> dict[str, Any]:
    p = job.posting
    number = int(p.source_id)
    data: dict[str, Any] = {
        "absolute_url": f"https://boards.example.com/{p.board}/jobs/{p.source_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "retention_period": None}],
        "internal_job_id": number // 2 + 1_000_003,
        "location": {"name": p.location},
        "metadata": None,
        "id": number,
        "updated_at": _eastern(job.updated),
        "requisition_id": f"REQ-{number % 10_000:04d}",
        "title": p.title,
        "company_name": p.company,
        "first_published": _eastern(job.published),
    }
    if content:
        data["content"] = html.escape(to_html(job.sections, "h3", job.dash_entity), quote=True)
        data["departments"] = [
            {
                "id": 40_000 + stable_number(job.department),
                "name": job.department,
                "parent_id": None,
                "child_ids": [],
            }
        ]
        data["offices"] = [
            {
                "id": 80_000 + stable_number(job.office),
                "name": job.office,
                "location": job.office,
                "parent_id": None,
                "child_ids": [],
            }
        ]
    if pay:
        data["pay_input_ranges"] = _greenhouse_pay(p.salary) if in_field(p.salary) else []
    return data


def _greenhouse_pay(salary: PlantedSalary | None) -> list[dict[str, Any]]:
    assert salary is not None
    hourly = salary.period == "hour"
    return [
        {
            "min_cents": salary.min * 100,
            "max_cents": salary.max * 100,
            "currency_type": salary.currency,
            "title": "Hourly Pay Range" if hourly else "Base Salary Range",
            "blurb": "This role is paid hourly."
            if hourly
            else "Final offers depend on experience and location.",
        }
    ]


def _greenhouse(market: DemoMarket, request: Request, board: str) -> Response:
    if market.employer("greenhouse", board) is None:
        return json_response({"status": 404, "error": "Job board not found"}, 404)
    content, pay = flag(request.params, "content"), flag(request.params, "pay_transparency")

    def build() -> Response:
        jobs = [_greenhouse_job(j, content, pay) for j in market.board_jobs("greenhouse", board)]
        return json_response({"jobs": jobs, "meta": {"total": len(jobs)}})

    return cached(market, ("greenhouse", board, str(content), str(pay)), build)


ROUTES = ((r"/greenhouse/v1/boards/([^/]+)/jobs/?", _greenhouse),)


def requests(market: DemoMarket, board: str) -> list[tuple[str, str]]:
    return [(f"/greenhouse/v1/boards/{board}/jobs", "content=true&pay_transparency=true")]


def board_of(path: str, query: str) -> str | None:
    parts = path.strip("/").split("/")
    return parts[3] if parts[0] == "greenhouse" and len(parts) >= 4 else None


def new_id(rng: random.Random) -> str:
    return str(rng.randrange(4_000_000, 8_000_000))
