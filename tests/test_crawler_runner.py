"""Pointing every spider at one local server: the local URLs derive from the API roots, one per kind."""

from __future__ import annotations

import json

import pytest

from crawler.runner import local_root, local_settings
from crawler.settings import JOBPULSE_API_ROOTS_BASE

BASE = "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    ("kind", "public", "local"),
    [
        ("greenhouse", "https://boards-api.greenhouse.io", f"{BASE}/greenhouse"),
        ("hn", "https://hn.algolia.com/api/v1", f"{BASE}/hn"),
        ("recruitee", "https://{board}.recruitee.com", f"{BASE}/recruitee/{{board}}"),
        (
            "workday",
            "https://{host}/wday/cxs/{tenant}/{site}",
            f"{BASE}/workday/{{host}}/{{tenant}}/{{site}}",
        ),
        ("jsonld", "{url}", "{url}"),
    ],
)
def test_local_root_is_base_kind_then_each_name(kind: str, public: str, local: str) -> None:
    assert local_root(kind, public, BASE) == local


def test_local_settings_point_every_kind_at_the_server() -> None:
    settings = local_settings(BASE, "jobs.db", "sources.csv")
    roots = json.loads(settings["JOBPULSE_API_ROOTS"])
    assert roots.keys() == JOBPULSE_API_ROOTS_BASE.keys()
    # The paths the demo market serves.
    assert roots["smartrecruiters"] == f"{BASE}/smartrecruiters"
    assert roots["personio"] == f"{BASE}/personio/{{board}}"
    assert all(root == "{url}" or root.startswith(f"{BASE}/{kind}") for kind, root in roots.items())
    assert (settings["JOBS_DB"], settings["JOBPULSE_SOURCES"]) == ("jobs.db", "sources.csv")
