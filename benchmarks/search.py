"""Time to the first search result, and what was fetched before it, in Chromium.

A reader opens a page and types a query at once. The page's clock starts at
navigation start (``performance.timeOrigin``); an init script records when the first
result item appears (a MutationObserver, in page time) and every main-thread long task
(a PerformanceObserver on 'longtask', in every frame). Playwright's request events
give what was fetched: the body size of each finished response (for ``file://``,
where Chromium reports no sizes, the size of the file read), counted up to the
moment the first result showed.

Takes a URL (the built site served on loopback, or a file:// page of the offline
edition) and gives a ``SearchRun``: ms to first result, bytes fetched before it (and
what they would weigh gzipped, as a static host serves them), the longest task.
"""

from __future__ import annotations

import contextlib
import gzip
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, Request
from playwright.sync_api import Error as PlaywrightError

# A query the sample's articles answer; every synthetic issue has them too.
QUERY = "电动汽车"
# A second query for Pagefind, a word of QUERY: at N=240 Pagefind 1.5.2 finds nothing
# for QUERY itself, so its time to a first result needs a query it answers.
OTHER_QUERY = "汽车"
# Result items: the site's own (docs/assets/search/search.js), Material's (the bare
# build), and the answer the Pagefind comparison page adds (with its count of
# results in data-count: it is added when there are none too).
RESULT = ".md-search-result__item, .pagefind-result, .bs-search__result"
# The search box: Material's, or the site's own (docs/assets/search/search.js).
INPUT = ".md-search__input, .bs-search__input"
# Material drops a query typed before its index is ready until the next key event;
# the reader's "next key" comes this often, so the figure is late by at most this.
KEY_EVERY_MS = 50
# Past this the run is recorded as failed (no result) rather than waited for.
GIVE_UP_MS = 180_000
# The site's own client marks its box with the query once it is answered (every
# result read); its count of results is read then, waiting at most this long. The
# time and the bytes are those at the first result.
ANSWERED = (
    "() => { const box = document.querySelector('.bs-search'); "
    "return !box || box.hasAttribute('data-answered'); }"
)
ANSWER_WAIT_MS = 30_000
DESKTOP = {"width": 1280, "height": 900}

# Runs before any page script, in every frame: first-result time and long tasks.
INIT_SCRIPT = """
(() => {
  window.__bench = {firstResult: null, longTasks: []};
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries())
        window.__bench.longTasks.push({start: e.startTime, duration: e.duration});
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
  const seen = () => {
    if (window.__bench.firstResult === null && document.querySelector('RESULT'))
      window.__bench.firstResult = performance.now();
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
})();
""".replace("RESULT", RESULT)


@dataclass
class Fetched:
    path: str  # in the site
    bytes: int
    gzip_bytes: int


@dataclass
class SearchRun:
    first_result_ms: float
    index_loaded_ms: float  # the search index's response end (Material's; else 0)
    load_event_ms: float  # the page's load event
    first_result_text: str
    results: int  # as the page counts them ("找到 N 条结果"; Material's "N 个符合条件的结果")
    bytes_before_result: int
    gzip_bytes_before_result: int
    requests_before_result: int
    longest_task_ms: float
    long_tasks: int
    fetched: list[Fetched] = field(default_factory=list)


def local_file(url: str, served: Path | None) -> Path | None:
    """The file behind a file:// URL, or behind a URL of the folder ``served``."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        path = Path(unquote(parts.path))
    elif served is not None:
        path = served / unquote(parts.path).lstrip("/")
        if path.is_dir() or parts.path.endswith("/"):
            path = path / "index.html"
    else:
        return None
    return path if path.is_file() else None


# The page's own clock: when Material's whole index arrived (search_index.json; the
# site's own search has no one index), when the load event came.
TIMING_SCRIPT = """() => {
  const index = performance.getEntriesByType('resource')
    .filter(e => /search_index\\.js(on)?$/.test(e.name.split('?')[0]));
  const nav = performance.getEntriesByType('navigation')[0];
  const first = document.querySelector('RESULT');
  const meta = document.querySelector('.md-search-result__meta, .bs-search__status');
  const count = first && first.dataset.count !== undefined ? Number(first.dataset.count)
    : meta ? Number((meta.textContent.match(/\\d+/) || ['0'])[0]) : 0;
  return {index: index.length ? index[0].responseEnd : 0, load: nav ? nav.loadEventStart : 0,
          first: first ? first.innerText.trim().split('\\n')[0].slice(0, 80) : '', count};
}""".replace("RESULT", RESULT)


def site_path(url: str, served: Path | None) -> str:
    """A fetched URL as a path in the site (file:// ones relative to ``served``)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.scheme == "file" and served is not None:
        folder = str(served.resolve())
        path = path.removeprefix(folder)
    return path.lstrip("/") or "index.html"


def body_size(request: Request, served: Path | None) -> tuple[int, int]:
    """(bytes, gzipped bytes) of a finished request's response body."""
    sizes = request.sizes()
    reported = int(sizes.get("responseBodySize", 0))
    path = local_file(request.url, served)
    data = path.read_bytes() if path else b""
    size = reported if reported > 0 else len(data)
    return size, len(gzip.compress(data, 6)) if data else size


def first_result(
    browser: Browser,
    url: str,
    served: Path | None = None,
    typed: bool = True,
    query: str = QUERY,
) -> SearchRun:
    """Open ``url`` in a fresh context, type ``query`` at once, wait for the first result.

    ``typed=False``: the page runs the query itself (the Pagefind comparison page)."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    fetched: list[Fetched] = []
    pending: list[Request] = []
    page.on("requestfinished", lambda request: pending.append(request))
    try:
        page.goto(url, wait_until="commit")
        if typed:
            page.wait_for_selector(INPUT, state="attached")
            page.click(INPUT)
            page.keyboard.insert_text(query)
        deadline = time.monotonic() + GIVE_UP_MS / 1000
        shown = False
        while not shown and time.monotonic() < deadline:
            if typed:
                page.keyboard.press("End")
            shown = page.evaluate("() => window.__bench.firstResult !== null")
            if not shown:
                page.wait_for_timeout(KEY_EVERY_MS)
        if not shown:
            raise RuntimeError(f"no search result for {query!r} at {url} in {GIVE_UP_MS} ms")
        first_ms = float(page.evaluate("() => window.__bench.firstResult"))
        counted = list(pending)  # responses finished by the time the result showed
        tasks = long_tasks(page, first_ms)
        # The site's own client shows results before it has read every page; without
        # its answer in time, the count is the one shown so far.
        with contextlib.suppress(PlaywrightError):
            page.wait_for_function(ANSWERED, timeout=ANSWER_WAIT_MS)
        timing = page.evaluate(TIMING_SCRIPT)
        for request in counted:
            size, packed = body_size(request, served)
            fetched.append(Fetched(site_path(request.url, served), size, packed))
    finally:
        context.close()
    return SearchRun(
        first_result_ms=first_ms,
        index_loaded_ms=float(timing["index"]),
        load_event_ms=float(timing["load"]),
        first_result_text=str(timing["first"]),
        results=int(timing["count"]),
        bytes_before_result=sum(f.bytes for f in fetched),
        gzip_bytes_before_result=sum(f.gzip_bytes for f in fetched),
        requests_before_result=len(fetched),
        longest_task_ms=max(tasks, default=0.0),
        long_tasks=len(tasks),
        fetched=fetched,
    )


def long_tasks(page: Page, until_ms: float) -> list[float]:
    """Durations of the long tasks of every frame that started before ``until_ms``.

    Frames other than the top one have their own clocks; their tasks are all kept
    (a frame made during load, as a search shim may make, lives only then)."""
    durations: list[float] = []
    for frame in page.frames:
        try:
            tasks = frame.evaluate("() => (window.__bench || {longTasks: []}).longTasks")
        except Exception:  # a frame gone, or one the init script could not reach
            continue
        for task in tasks:
            if frame is not page.main_frame or task["start"] <= until_ms:
                durations.append(float(task["duration"]))
    return durations


# Types ``query`` into the loaded page's box as one input event, the clock read in
# the same task just before it: the page's own time from typing to its first result.
TYPE_SCRIPT = """(query) => {
  const input = document.querySelector('INPUT');
  input.focus();
  window.__bench.firstResult = null;
  window.__bench.typed = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}""".replace("INPUT", INPUT)
# A loaded page: its load event passed and no request for this long (the index's
# meta.js, which the client fetches with the page, has arrived).
IDLE = "networkidle"


def warm_latency(browser: Browser, url: str, query: str) -> float:
    """ms from ``query`` typed into a loaded page (a fresh context: the index's shards
    not yet fetched) to its first result, in the page's clock."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    try:
        page.goto(url, wait_until=IDLE)
        page.wait_for_selector(INPUT, state="attached")
        page.evaluate(TYPE_SCRIPT, query)
        page.wait_for_function("() => window.__bench.firstResult !== null", timeout=GIVE_UP_MS)
        return float(page.evaluate("() => window.__bench.firstResult - window.__bench.typed"))
    finally:
        context.close()
