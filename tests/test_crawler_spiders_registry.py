"""Every source kind has all its parts: the registry is Scrapy's spider list over ``crawler/spiders``.

A kind is ``crawler/spiders/<kind>.py`` (its spider, ``name`` = the module's stem), ``extract/vendors/<kind>.py``
(its reader), ``demo/formats/<kind>.py`` (its demo format), ``tests/fixtures/<kind>/``, its entry in
``JOBPULSE_API_ROOTS_BASE`` (``crawler/settings.py``) and its row in the README's Sources table.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from crawler.settings import JOBPULSE_API_ROOTS_BASE
from crawler.spiders import kinds, spider_class
from extract.vendors import READERS

ROOT = Path(__file__).parent.parent
KINDS = kinds()


def _sources_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Sources\n", 1)[1].split("\n## ", 1)[0]


def test_registry_is_every_spider_module() -> None:
    modules = {path.stem for path in (ROOT / "crawler" / "spiders").glob("*.py")} - {"__init__"}
    assert set(KINDS) == modules and len(KINDS) == len(modules)


@pytest.mark.parametrize("kind", KINDS)
def test_kind_spider_is_its_module(kind: str) -> None:
    spider = spider_class(kind)
    assert (ROOT / "crawler" / "spiders" / f"{kind}.py").is_file()
    assert spider.__module__ == f"crawler.spiders.{kind}"
    assert spider.name == kind


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_a_reader(kind: str) -> None:
    assert (ROOT / "extract" / "vendors" / f"{kind}.py").is_file()
    assert callable(getattr(importlib.import_module(f"extract.vendors.{kind}"), "read", None))
    assert kind in READERS


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_a_demo_format(kind: str) -> None:
    assert (ROOT / "demo" / "formats" / f"{kind}.py").is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_fixtures(kind: str) -> None:
    folder = ROOT / "tests" / "fixtures" / kind
    assert folder.is_dir() and any(folder.iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_an_api_root(kind: str) -> None:
    assert JOBPULSE_API_ROOTS_BASE.get(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_a_readme_row(kind: str) -> None:
    assert re.search(rf"^\| `{kind}` \|", _sources_section(), re.MULTILINE)


def test_no_part_without_a_spider() -> None:
    assert set(JOBPULSE_API_ROOTS_BASE) == set(KINDS)
    assert set(READERS) == set(KINDS)
    readme_rows = set(re.findall(r"^\| `([a-z0-9_]+)` \|", _sources_section(), re.MULTILINE))
    assert readme_rows == set(KINDS)
