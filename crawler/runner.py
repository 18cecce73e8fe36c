"""Run ``scrapy crawlall`` in a child process: how the demo and the tests crawl without sharing a reactor."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
from urllib.parse import urlsplit

from crawler import settings as project_settings


def run_crawl(settings: dict[str, str], spiders: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Crawl with the given setting overrides; the per-board summary is on stdout."""
    command, env = crawl_command(settings, spiders)
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def start_crawl(settings: dict[str, str], spiders: list[str] | None = None) -> subprocess.Popen[str]:
    """Like ``run_crawl`` but without waiting: several crawls at once (distributed crawling, its test)."""
    command, env = crawl_command(settings, spiders)
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def crawl_command(
    settings: dict[str, str], spiders: list[str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """The ``scrapy crawlall`` command line and environment for the given setting overrides."""
    command = [sys.executable, "-m", "scrapy", "crawlall"]
    if spiders:
        command += ["--spiders", ",".join(spiders)]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    return command, env


def distributed_settings(redis_url: str, crawl_id: str) -> dict[str, str]:
    """Settings that make a crawl one of several sharing a Redis queue (see ``crawler.distributed``)."""
    return {"JOBPULSE_REDIS_URL": redis_url, "JOBPULSE_CRAWL_ID": crawl_id}


def local_root(kind: str, public_root: str, base_url: str) -> str:
    """Where a local server (the demo, a test's fixture server) serves ``kind``: ``{base_url}/{kind}``.

    Every name the public root is made of follows as a path segment, so a platform that serves each employer
    on its own host keeps one path per employer (``https://{board}.recruitee.com`` →
    ``{base_url}/recruitee/{board}``). A root that is the sources row's own URL (``{url}``: JSON-LD sitemaps)
    stays as it is: the local sources file points those rows at the server.
    """
    if not urlsplit(public_root).scheme:
        return public_root
    names = [name for _, name, _, _ in string.Formatter().parse(public_root) if name]
    return "/".join([f"{base_url}/{kind}", *(f"{{{name}}}" for name in names)])


def local_settings(base_url: str, db_path: str, sources_path: str) -> dict[str, str]:
    """Settings that point every vendor spider at one local server (the demo, or a test's fixture server)."""
    roots = {
        kind: local_root(kind, root, base_url)
        for kind, root in project_settings.JOBPULSE_API_ROOTS_BASE.items()
    }
    return {
        "JOBS_DB": db_path,
        "JOBPULSE_SOURCES": sources_path,
        "JOBPULSE_API_ROOTS": json.dumps(roots),
        # Our own server on loopback: no politeness delay needed.
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0",
        "CONCURRENT_REQUESTS": "32",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
        "RETRY_TIMES": "1",
        "JOBPULSE_BACKOFF_BASE": "0",
        "LOG_LEVEL": "WARNING",
    }
