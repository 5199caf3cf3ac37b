"""Fetching a batch's URLs politely: robots.txt, per-host concurrency and delay.

The batch's parent process fetches (a few threads), so one host's limits hold however
many analysis workers run; fetched bytes then travel to the workers inside the task.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from argmine.batch.inputs import Task
from argmine.options import Options

PER_HOST_CONCURRENCY = 2
"""Requests under way at once to one host: the usual courtesy of well-behaved crawlers."""

PER_HOST_DELAY_SECONDS = 1.0
"""Seconds between the starts of two requests to one host (robots.txt's Crawl-delay wins if longer)."""

FETCH_THREADS = 8
FETCHES_IN_FLIGHT = 32
"""URLs taken from the input stream ahead of their fetch: bounds memory on long URL lists."""

ROBOTS_AGENT = "argmine"


@dataclass(frozen=True)
class Politeness:
    per_host: int = PER_HOST_CONCURRENCY
    delay: float = PER_HOST_DELAY_SECONDS


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.robots = None
        self.robots_lock = threading.Lock()


class PoliteFetcher:
    """Fetches one URL at a time per call, waiting as each host's rules require."""

    def __init__(self, *, options: Options, politeness: Politeness | None = None) -> None:
        self.options = options
        self.politeness = politeness or Politeness()
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def fetch_task(self, task: Task) -> Task:
        """The task with its page's bytes, or carrying the reason it could not be fetched."""
        try:
            return self._fetch(task)
        except Exception as error:  # a failure of one URL must not stop the batch
            return task.failed(error)

    def _fetch(self, task: Task) -> Task:
        from argmine.errors import FetchError
        from argmine.ingest.fetch import fetch

        url = task.url or ""
        host = self._host(url)
        robots = self._robots(url, host)
        if robots is not None and not robots.can_fetch(ROBOTS_AGENT, url):
            return task.failed(FetchError(f"{url}: disallowed by robots.txt"))
        delay = max(self.politeness.delay, (robots.crawl_delay(ROBOTS_AGENT) or 0) if robots else 0)
        with host.slots:
            self._wait_turn(host, delay)
            try:
                fetched = fetch(url, options=self.options)
            except FetchError as error:
                return task.failed(error)
        return replace(
            task,
            data=fetched.body,
            content_type=fetched.content_type,
            charset=fetched.charset,
            fetched_at=fetched.fetched_at,
            url=fetched.url,
        )

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        name = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            if name not in self._hosts:
                self._hosts[name] = _Host(self.politeness.per_host)
            return self._hosts[name]

    def _wait_turn(self, host: _Host, delay: float) -> None:
        with host.lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + delay
        if start > now:
            time.sleep(start - now)

    def _robots(self, url: str, host: _Host):
        """The host's robots.txt, read once; None when it allows everything."""
        with host.robots_lock:
            if host.robots is None:
                host.robots = self._read_robots(url, host) or False
            return host.robots or None

    def _read_robots(self, url: str, host: _Host):
        import urllib.robotparser

        import urllib3

        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        with host.slots:
            self._wait_turn(host, self.politeness.delay)
            try:
                response = urllib3.request(
                    "GET",
                    robots_url,
                    headers={"User-Agent": self.options.user_agent},
                    timeout=urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout),
                    retries=urllib3.Retry(total=2, redirect=2, connect=1, read=0, status=0),
                )
            except urllib3.exceptions.HTTPError:
                return None
        if response.status in (401, 403):
            parser.disallow_all = True
            return parser
        if response.status != 200:
            return None
        parser.parse(response.data[: self.options.max_input_bytes].decode("utf-8", errors="replace").splitlines())
        return parser


def fetch_stage(tasks: Iterable[Task], fetcher: PoliteFetcher) -> Iterator[Task]:
    """Pass tasks through, fetching those that need it on a thread pool, a bounded number ahead."""
    pending: set[Future] = set()
    executor = ThreadPoolExecutor(max_workers=FETCH_THREADS, thread_name_prefix="argmine-fetch")
    try:
        for task in tasks:
            if not task.needs_fetch:
                yield task
                continue
            pending.add(executor.submit(fetcher.fetch_task, task))
            done = {future for future in pending if future.done()}
            if len(pending) >= FETCHES_IN_FLIGHT:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
            pending -= done
            for future in done:
                yield future.result()
        for future in as_completed(pending):
            yield future.result()
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
