"""The one crawl configuration. Every value can be overridden with ``-s NAME=VALUE``."""

from pathlib import Path

BOT_NAME = "jobpulse"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# Polite by default: identify ourselves, obey robots.txt, let AutoThrottle pace each host.
USER_AGENT = "jobpulse/0.1 (+https://github.com/jobpulse/jobpulse; labour-market research crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# No cookies: public APIs need none. A platform whose API needs a session sets ``session_cookies`` on its
# spider (crawler/boards.py), which turns them on for that spider alone.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy starts this many worker tasks for every response's output (default 100) to run item pipelines in
# parallel; ours writes SQLite synchronously, so they only cost CPU: about half the crawl's CPU per page.
CONCURRENT_ITEMS = 1
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {"crawler.pipelines.store_pages.StorePagesPipeline": 300}

# Where raw pages go (``-s JOBS_DB=...``; else $JOBS_DB; else jobs.db).
JOBS_DB = None
# Which boards to crawl: a CSV of company, ats, board, industry, url, verified[, options] (crawler/sources.py).
JOBPULSE_SOURCES = str(Path(__file__).parent / "data" / "sources.csv")

# Every source kind's API root, by spider name: one entry per platform. A root may use the names a sources
# row gives (crawler/sources.py): {board} for a platform that serves each employer on its own host, {host},
# {tenant}, {site} or an option for one that needs more, {url} for a site that is the row's own URL.
JOBPULSE_API_ROOTS_BASE = {
    "greenhouse": "https://boards-api.greenhouse.io",
    "lever": "https://api.lever.co",
    "ashby": "https://api.ashbyhq.com",
    "jsonld": "{url}",
    "workable": "https://apply.workable.com",
    "smartrecruiters": "https://api.smartrecruiters.com",
    "recruitee": "https://{board}.recruitee.com",
    "personio": "https://{board}.jobs.personio.de",
    "hn": "https://hn.algolia.com/api/v1",
    "remotive": "https://remotive.com",
    "remoteok": "https://remoteok.com",
    "usajobs": "https://data.usajobs.gov",
    "bamboohr": "https://{board}.bamboohr.com",
    "teamtailor": "https://{board}.teamtailor.com",
    "jobvite": "https://app.jobvite.com",
    "breezy": "https://{board}.breezy.hr",
    "workday": "https://{host}/wday/cxs/{tenant}/{site}",
    "oracle": "https://{host}/hcmRestApi/resources/latest",
    "successfactors": "https://{host}",
    "icims": "https://careers-{board}.icims.com",
    "neogov": "https://www.governmentjobs.com",
}
# Overrides by kind, merged over the base as Scrapy merges DOWNLOADER_MIDDLEWARES(_BASE), e.g.
# -s 'JOBPULSE_API_ROOTS={"lever": "http://127.0.0.1:8765/lever"}'. The demo and the tests point every
# kind at a local server this way (crawler.runner.local_settings).
JOBPULSE_API_ROOTS: dict[str, str] = {}
LEVER_PAGE_SIZE = 100
# Teamtailor's RSS feed pages by offset and per_page; 100 is its documented default page.
TEAMTAILOR_PAGE_SIZE = 100

EXTENSIONS = {"crawler.extensions.crawl_runs.CrawlRunRecorder": 500}

# Throttled responses (429, 503 + Retry-After) wait for Retry-After, else JOBPULSE_BACKOFF_BASE * 2**attempt
# seconds, at most JOBPULSE_BACKOFF_MAX; above RetryMiddleware (550), which would retry at once.
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.StayOnSourceSiteMiddleware": 50,
    "crawler.middlewares.RetryAfterMiddleware": 560,
}
JOBPULSE_BACKOFF_BASE = 5.0
JOBPULSE_BACKOFF_MAX = 300.0
# Paging that never ends fails its board (crawler/boards.py, BoardSpider.next_page): a page repeating an
# earlier one, more pages than this, or a stated total of postings beyond any employer's.
JOBPULSE_MAX_PAGES_PER_BOARD = 500
JOBPULSE_MAX_POSTINGS_PER_BOARD = 100_000

SMARTRECRUITERS_PAGE_SIZE = 100
HN_PAGE_SIZE = 200
# Which month's thread (YYYY-MM); None is the current month. `-a month=` overrides it for `scrapy crawl hn`.
HN_MONTH = None
USAJOBS_PAGE_SIZE = 250
# Extra search parameters: the API stops at 10,000 results, so a weekly crawl asks for the last week's.
USAJOBS_SEARCH = "DatePosted=7"
# USAJOBS needs a registered key; unset here, read from $USAJOBS_API_KEY / $USAJOBS_EMAIL when not given.
USAJOBS_API_KEY = None
USAJOBS_EMAIL = None
# Workday's list answers at most 20 per page (more → 400) and 2,000 per query: a query that reaches the cap
# is split by a facet, at most this many facets deep (crawler/spiders/workday.py).
WORKDAY_PAGE_SIZE = 20
WORKDAY_RESULT_CAP = 2000
WORKDAY_MAX_FACETS = 3
# Oracle Recruiting Cloud requisitions per list page (crawler/spiders/oracle.py); open-source monitors ask 200.
ORACLE_PAGE_SIZE = 200

# Distributed crawling (crawler/distributed.py): with JOBPULSE_REDIS_URL set, every process started with the
# same JOBPULSE_CRAWL_ID shares one request queue and duplicate filter in Redis. Unset, nothing needs Redis.
ADDONS = {"crawler.distributed.DistributedCrawl": 0}
JOBPULSE_REDIS_URL = None  # e.g. redis://crawl-coordinator:6379/0
JOBPULSE_CRAWL_ID = None  # e.g. 2026-W48; the same in every process of one crawl
# Seconds between an idle process's looks at the shared queue for work the others queued.
JOBPULSE_REDIS_POLL = 1.0
# Seconds a busy process may go silent (killed, or a machine lost) before the others stop waiting for it.
JOBPULSE_REDIS_STALE_AFTER = 120
# Seconds a crawl's Redis keys outlive its last process: a late or restarted process rejoins, not re-crawls.
JOBPULSE_REDIS_KEEP = 7 * 24 * 3600
