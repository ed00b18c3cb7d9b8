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
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


# Material drops a query typed before its search index is ready (the results stay
# at "键入以开始搜索" until the next keystroke), so a reader who types at once has to
# type again. The helper does what that reader does: it types again until results
# come or the time is up.
SEARCH_TIMEOUT_MS = 20_000
RETYPE_AFTER_MS = 1_000


def search_results(page: Page, query: str, timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """Type ``query`` into the search box; the result links' paths, best first."""
    page.click(".md-search__input")
    page.fill(".md-search__input", "")
    page.keyboard.type(query)  # Material reacts to key events, not to a bare input event
    waited = 0
    while True:
        try:
            page.wait_for_selector(".md-search-result__item a", timeout=RETYPE_AFTER_MS)
            break
        except PlaywrightTimeout:
            waited += RETYPE_AFTER_MS
            if waited >= timeout_ms:
                return []
            page.keyboard.press("End")
            page.keyboard.type(" ")
            page.keyboard.press("Backspace")
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a", "els => els.map(e => e.href)"
    )
    return [urlsplit(link).path for link in links]
