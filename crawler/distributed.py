"""Distributed crawling: several ``scrapy crawlall`` processes, on one or many machines, share one request
queue and one duplicate filter in Redis (through scrapy-redis), so each request is made once by one of them.

Turned on by one setting, ``JOBPULSE_REDIS_URL``, with ``JOBPULSE_CRAWL_ID`` naming the crawl (the same in
every process of one crawl). Unset, the ``DistributedCrawl`` add-on changes nothing and nothing imports Redis
(scrapy-redis is the optional ``distributed`` dependency group).

How the processes share the work:

* **Queue and duplicate filter**: scrapy-redis's ``PriorityQueue`` and ``RFPDupeFilter``, under keys
  ``jobpulse:<crawl id>:<spider>:…``. Naming the crawl makes each crawl start clean (last week's
  fingerprints do not hide this week's pages) and lets a restarted process rejoin a crawl in progress.
* **Seeding**: every process runs its spiders' ``start()`` over the whole sources file. The shared duplicate
  filter lets the first request for each board through and drops the others, so each board is seeded
  exactly once, by whichever process got there first; no process has to be "the seeder".
* **Ending**: a process closes only when the shared queue is empty *and no process is busy*. Popping a
  request and marking its process busy is one atomic Lua script, and a process clears its mark only when
  Scrapy finds it idle (nothing downloading or being parsed, so every request it made is already queued).
  So "queue empty, nobody busy" means the crawl is done; until then an idle process waits, looking at the
  shared queue every ``JOBPULSE_REDIS_POLL`` seconds for work the others queue (and closes within Scrapy's
  5 s heartbeat once the crawl is done). scrapy-redis's own ``SCHEDULER_IDLE_BEFORE_CLOSE`` would instead
  close a process after a quiet spell, even while another is about to queue more work, and wait in a
  ``BRPOP`` that blocks the event loop.
  A busy mark expires ``JOBPULSE_REDIS_STALE_AFTER`` seconds after its last heartbeat, so a killed process
  cannot keep the others waiting forever (the deadline is read on each machine's clock: keep them in sync
  with NTP); the requests it had in flight are lost, and a board that never got an answer is reported
  failed (below).
* **Board outcomes**: a board's outcome is recorded by the process that parsed its response, so each
  process's ``crawl_runs`` / ``board_runs`` rows list the boards *it* handled, and the rows of one crawl's
  processes add up to the crawl. A board that got no answer anywhere is reported failed by the process that
  seeded it, never by every process. (A board whose pages were split, e.g. Lever pages, is reported by the
  process that parsed its last page.)

Where pages go — the choice, and why:

* **One machine**: every process writes the same SQLite file. WAL lets readers run beside the writer and
  the 30 s busy timeout queues writers; storing a page is one short transaction, so several crawl
  processes contend little and nothing needs merging afterwards.
* **Several machines**: SQLite must not be shared over a network filesystem (WAL needs shared memory on one
  host, and NFS locking is unreliable), so each machine writes its own database and ``extract merge``
  (``store.merge``) folds them into one. Pages are keyed by (url, sha256), so merging is an idempotent
  ``INSERT OR IGNORE`` plus the latest ``last_fetched_at``, in any order, as often as you like.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import time
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import create_looping_call

from crawler.sources import Source

# A crawl id becomes part of Redis keys (and scrapy-redis %-formats keys): keep it to plain characters.
CRAWL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

# Pop the best request and mark this process busy in one step: between the two, another process could see
# an empty queue and nobody busy, and close while this one still has work that may queue more.
POP_AND_MARK_BUSY = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0)
if #found == 0 then
    return false
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return found[1]
"""


class DistributedCrawl:
    """Scrapy add-on (enabled in ``settings.py``): with ``JOBPULSE_REDIS_URL`` set, schedule through Redis."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("JOBPULSE_REDIS_URL")
        if not url:
            return
        crawl_id = settings.get("JOBPULSE_CRAWL_ID")
        if not crawl_id or not CRAWL_ID.fullmatch(str(crawl_id)):
            raise ValueError(
                "JOBPULSE_REDIS_URL is set, so JOBPULSE_CRAWL_ID must name the crawl (letters, digits, . _ -; "
                f"the same in every process of one crawl, e.g. 2026-W48), not {crawl_id!r}"
            )
        if importlib.util.find_spec("scrapy_redis") is None:
            raise ImportError(
                "JOBPULSE_REDIS_URL is set but scrapy-redis is not: pip install -e '.[distributed]'"
            )
        settings.set("SCHEDULER", "crawler.distributed.RedisScheduler", "addon")
        # scrapy-redis reads its connection from REDIS_URL.
        settings.set("REDIS_URL", url, "addon")


class RedisScheduler:
    """A Scrapy scheduler over scrapy-redis's shared queue and duplicate filter (see the module docstring).

    Not scrapy-redis's own ``Scheduler``: that one cannot say when *all* processes are done (above), and it
    does not know that a dropped start request means another process seeded the board.
    """

    def __init__(self, crawler: Crawler, server: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.server = server
        self.crawl_id = str(settings.get("JOBPULSE_CRAWL_ID"))
        self.stale_after = settings.getfloat("JOBPULSE_REDIS_STALE_AFTER")
        self.keep = settings.getint("JOBPULSE_REDIS_KEEP")
        self.dupefilter_debug = settings.getbool("DUPEFILTER_DEBUG")
        # host:pid, because processes on different machines may share a pid.
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        self.busy = False
        # Idle but kept open (DontCloseSpider) because other processes may still queue work.
        self.waiting = False
        self.poll = settings.getfloat("JOBPULSE_REDIS_POLL")
        # A request popped by the poll, on its way back in through engine.crawl() (see ``beat``).
        self.handoff: Request | None = None
        self.local: list[Request] = []
        # Boards whose start request another process had already queued: theirs to report if never answered.
        self.seeded_elsewhere: set[str] = set()
        self.spider: Spider | None = None
        self.queue: Any = None
        self.dupefilter: Any = None
        self.heartbeat: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from scrapy_redis.connection import get_redis_from_settings

        server = get_redis_from_settings(crawler.settings)
        server.ping()  # an unreachable Redis fails the crawl at start, not at its first request
        scheduler = cls(crawler, server)
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def key(self, name: str) -> str:
        assert self.spider is not None
        return f"jobpulse:{self.crawl_id}:{self.spider.name}:{name}"

    def open(self, spider: Spider) -> None:
        from scrapy_redis.dupefilter import RFPDupeFilter
        from scrapy_redis.queue import PriorityQueue

        self.spider = spider
        self.queue = PriorityQueue(server=self.server, spider=spider, key=self.key("requests"))
        self.dupefilter = RFPDupeFilter(self.server, key=self.key("dupefilter"), debug=self.dupefilter_debug)
        self.pop_and_mark_busy = self.server.register_script(POP_AND_MARK_BUSY)
        if len(self.queue):
            spider.logger.info("joining crawl %s: %d requests already queued", self.crawl_id, len(self.queue))
        self.heartbeat = create_looping_call(self.beat)
        self.heartbeat.start(self.poll, now=True)

    def close(self, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        # Handed over by the poll but never downloaded (the crawl was stopped): back for another process.
        for request in self.local:
            self.queue.push(request)
        self.publish_outcomes()
        self.server.hdel(self.key("busy"), self.worker)
        self.keep_keys()
        self.leave_out_boards_answered_elsewhere()

    def has_pending_requests(self) -> bool:
        return bool(self.local) or len(self.queue) > 0

    def enqueue_request(self, request: Request) -> bool:
        if request is self.handoff:
            # Already popped from the shared queue (and its fingerprint recorded): keep it here.
            self.local.append(request)
            return True
        if not request.dont_filter and self.dupefilter.request_seen(request):
            self.dupefilter.log(request, self.spider)
            source = request.meta.get("source")
            # A start request itself, not a redirect from one (which a duplicate target makes a real loss).
            start = request.meta.get("is_start_request") and not request.meta.get("redirect_times")
            if start and isinstance(source, Source):
                self.seeded_elsewhere.add(source.board)
            return False
        self.queue.push(request)
        self.inc_stat("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self.local:
            return self.local.pop()
        return self.pop()

    def pop(self) -> Request | None:
        data = self.pop_and_mark_busy(
            keys=[self.key("requests"), self.key("busy")], args=[self.worker, time.time() + self.stale_after]
        )
        if data is None:
            return None
        self.busy, self.waiting = True, False
        self.inc_stat("scheduler/dequeued/redis")
        request: Request = self.queue._decode_request(data)
        return request

    def spider_idle(self, spider: Spider) -> None:
        """Scrapy found this process idle; close only if the whole crawl is, else wait for more work."""
        # Outcomes first: once this process is not busy, another may close and read them.
        self.publish_outcomes()
        self.busy = False
        with self.server.pipeline(transaction=True) as pipe:
            pipe.hdel(self.key("busy"), self.worker)
            pipe.zcard(self.key("requests"))
            pipe.hgetall(self.key("busy"))
            _, queued, busy = pipe.execute()
        now = time.time()
        if queued or any(float(deadline) > now for deadline in busy.values()):
            self.waiting = True
            raise DontCloseSpider

    def beat(self) -> None:
        # A long download or a Retry-After wait must not let this process's busy mark expire.
        if self.busy:
            self.server.hset(self.key("busy"), self.worker, time.time() + self.stale_after)
        self.keep_keys()
        # A waiting engine only asks the scheduler again at its 5 s heartbeat; engine.crawl() wakes it now.
        if self.waiting and self.crawler.engine is not None and self.crawler.engine.spider is not None:
            request = self.pop()
            if request is not None:
                self.handoff = request
                try:
                    self.crawler.engine.crawl(request)
                finally:
                    self.handoff = None

    def keep_keys(self) -> None:
        # Kept for a while after the last process, so a late or restarted one rejoins instead of starting over.
        with self.server.pipeline(transaction=False) as pipe:
            for name in ("requests", "dupefilter", "busy", "outcomes"):
                pipe.expire(self.key(name), self.keep)
            pipe.execute()

    def publish_outcomes(self) -> None:
        outcomes = getattr(self.spider, "board_outcomes", None)
        if outcomes:
            self.server.hset(self.key("outcomes"), mapping=dict.fromkeys(outcomes, self.worker))

    def leave_out_boards_answered_elsewhere(self) -> None:
        """Make this process's board report cover the boards it handled (runs before ``spider_closed``).

        ``BoardSpider.final_outcomes()`` reports every board its ``start()`` tried and no response answered as
        failed. Here most boards are answered by another process, and a board nobody answered is the seeding
        process's to report; so drop the boards that are someone else's.
        """
        tried = getattr(self.spider, "boards_tried", None)
        outcomes = getattr(self.spider, "board_outcomes", None)
        if not isinstance(tried, dict) or not isinstance(outcomes, dict):
            return
        answered = {
            b.decode() if isinstance(b, bytes) else b for b in self.server.hkeys(self.key("outcomes"))
        }
        for board in list(tried):
            if board not in outcomes and (board in answered or board in self.seeded_elsewhere):
                del tried[board]

    def inc_stat(self, name: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(name)
