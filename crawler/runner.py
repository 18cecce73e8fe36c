"""Run ``scrapy crawlall`` in a child process: how the demo and the tests crawl without sharing a reactor."""

from __future__ import annotations

import os
import subprocess
import sys


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


def local_settings(base_url: str, db_path: str, sources_path: str) -> dict[str, str]:
    """Settings that point every vendor spider at one local server (the demo, or a test's fixture server)."""
    return {
        "JOBS_DB": db_path,
        "JOBPULSE_SOURCES": sources_path,
        "GREENHOUSE_API_URL": f"{base_url}/greenhouse",
        "LEVER_API_URL": f"{base_url}/lever",
        "ASHBY_API_URL": f"{base_url}/ashby",
        "WORKABLE_API_URL": f"{base_url}/workable",
        "SMARTRECRUITERS_API_URL": f"{base_url}/smartrecruiters",
        "RECRUITEE_URL_TEMPLATE": f"{base_url}/recruitee/{{board}}",
        "PERSONIO_URL_TEMPLATE": f"{base_url}/personio/{{board}}",
        "HN_ALGOLIA_URL": f"{base_url}/hn",
        "REMOTIVE_API_URL": f"{base_url}/remotive",
        "REMOTEOK_API_URL": f"{base_url}/remoteok",
        "USAJOBS_API_URL": f"{base_url}/usajobs",
        # Our own server on loopback: no politeness delay needed.
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0",
        "CONCURRENT_REQUESTS": "32",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
        "RETRY_TIMES": "1",
        "JOBPULSE_BACKOFF_BASE": "0",
        "LOG_LEVEL": "WARNING",
    }
