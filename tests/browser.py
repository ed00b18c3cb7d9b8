"""Debian's Chromium driven by Playwright, and a local server for built sites.

Never a downloaded browser: ``make test`` installs Debian's ``chromium`` (and CJK
fonts) when missing, and a missing browser fails the tests instead of skipping them.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yields the base URL (with /)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `bash scripts/ensure-browser` (as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Material shows this in the search results' meta line until its index is ready;
# a query typed before then is dropped, so tests wait for it to go away.
SEARCH_INITIALISING = "正在初始化搜索引擎"
SEARCH_READY_TIMEOUT_MS = 20_000


def type_search(page: Page, query: str) -> None:
    """Open the search box, wait for the index, and type ``query``."""
    page.click(".md-search__input")
    page.wait_for_function(
        "text => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta && meta.textContent.trim() !== '' && !meta.textContent.includes(text); }",
        arg=SEARCH_INITIALISING,
        timeout=SEARCH_READY_TIMEOUT_MS,
    )
    page.fill(".md-search__input", query)


def search_results(page: Page, timeout_ms: int = 10_000) -> list[str]:
    """The result links (paths without query string) once results are shown."""
    page.wait_for_selector(".md-search-result__item a", timeout=timeout_ms)
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a", "els => els.map(e => e.href)"
    )
    return [urlsplit(link).path for link in links]
