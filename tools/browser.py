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
    not_found_page: Path | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing file answered with ``not_found_page``, as GitHub Pages answers
        with the site's 404.html."""
        if code != 404 or self.not_found_page is None:
            super().send_error(code, message, explain)
            return
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(folder: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yields the base URL (with /). A
    missing file is answered with ``not_found`` (a 404 page) when given."""
    handler_class = type("Handler", (QuietHandler,), {"not_found_page": not_found})
    handler = functools.partial(handler_class, directory=str(folder))
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


# A reader typing Chinese commits the text through an input method (text inserted,
# then a key released); the tests do the same: insert the text, then press End. The
# search client marks the box with the query it answered (data-answered).
SEARCH_TIMEOUT_MS = 20_000
SEARCH_INPUT = ".bs-search__input"
ANSWERED = "(q) => document.querySelector('.bs-search')?.getAttribute('data-answered') === q"
RESULT_LINKS = ".bs-search__result > a"


def search_results(page: Page, query: str, timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """Type ``query`` into the search box; the result pages' paths, best first."""
    if not page.is_visible(SEARCH_INPUT):
        page.click(".bs-search__open")  # phones: the box opens from a button
    page.click(SEARCH_INPUT)
    page.fill(SEARCH_INPUT, "")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(ANSWERED, arg=query, timeout=timeout_ms)
    links: list[str] = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    paths = [urlsplit(link).path for link in links]
    return list(dict.fromkeys(paths))
