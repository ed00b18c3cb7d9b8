"""Check the internal links and anchors of a built site.

Usage: python scripts/check_links.py SITE_DIR [--base-path PATH]

Reads every HTML page under SITE_DIR and follows each internal ``href`` and
``src`` (relative, or root-relative): the target file must exist (a directory URL
``x/`` means ``x/index.html``) and, when the link has a ``#fragment``, the target
page must have an element with that id. External links (any URL with a scheme,
such as http(s), mailto, javascript or data, and ``//host`` links) are skipped.

Root-relative links (``/bulletin/tags/``, as MkDocs writes in ``404.html``) are
read against the site's base path: the path of ``site_url``, which is taken from
the canonical link of SITE_DIR/index.html unless ``--base-path`` is given. A
root-relative link outside the base path is reported, since it would leave the
site once deployed.

Prints each broken link as ``page.html: href → reason`` and exits 1 if there is
any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# Attributes that hold a URL the browser follows or loads.
LINK_ATTRIBUTES = ("href", "src")
# A fragment a browser resolves without any element (HTML: "top" scrolls to the top).
BUILTIN_FRAGMENTS = frozenset({"", "top"})
# Text fragments (#:~:text=...) select text, not an element.
TEXT_FRAGMENT = ":~:"
INDEX = "index.html"


@dataclass(frozen=True)
class BrokenLink:
    page: str  # relative to the site, with /
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} → {self.reason}"


@dataclass(frozen=True)
class Link:
    page: str
    url: str


class Site:
    """The built site's pages, each parsed once, with the ids it defines."""

    def __init__(self, root: Path, base_path: str) -> None:
        self.root = root.resolve()
        self.base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        self._ids: dict[Path, frozenset[str]] = {}
        self._soups: dict[Path, BeautifulSoup] = {}

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def soup(self, path: Path) -> BeautifulSoup:
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_bytes(), "html.parser")
        return self._soups[path]

    def ids(self, path: Path) -> frozenset[str]:
        """Ids of the page's elements, and names of its <a name> anchors (HTML resolves both)."""
        if path not in self._ids:
            soup = self.soup(path)
            ids = {str(tag["id"]) for tag in soup.find_all(id=True)}
            ids |= {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}
            self._ids[path] = frozenset(ids)
        return self._ids[path]

    def shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def links_of(site: Site, page: Path) -> Iterator[Link]:
    shown = site.shown(page)
    for tag in site.soup(page).find_all(True):
        for attribute in LINK_ATTRIBUTES:
            value = tag.get(attribute)
            if isinstance(value, str):
                yield Link(shown, value.strip())


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def check_link(site: Site, page: Path, url: str) -> str | None:
    """Why the link is broken, or None when its target (and anchor) exist."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        resolved = resolve(site, page, path)
        if isinstance(resolved, str):
            return resolved
        target = resolved
    fragment = parts.fragment
    if fragment in BUILTIN_FRAGMENTS or fragment.startswith(TEXT_FRAGMENT):
        return None
    if target.suffix != ".html":
        return None  # an anchor into an image or a feed is not ours to check
    ids = site.ids(target)
    if fragment in ids or unquote(fragment) in ids:
        return None
    return f'no element with id "{unquote(fragment)}" in {site.shown(target)}'


def resolve(site: Site, page: Path, path: str) -> Path | str:
    """The file a link's path points to, or why there is none."""
    if path.startswith("/"):
        if not (path + "/").startswith(site.base_path):
            return f"root-relative link outside the site's base path {site.base_path}"
        relative = path[len(site.base_path) :] if len(path) >= len(site.base_path) else ""
        joined = PurePosixPath(relative)
        start = site.root
    else:
        joined = PurePosixPath(path)
        start = page.parent
    target = Path(start, *joined.parts).resolve()
    if target != site.root and site.root not in target.parents:
        return "points outside the site"
    if path.endswith("/") or target.is_dir():
        target = target / INDEX
    if not target.is_file():
        return f"missing page {site.shown(target)}"
    return target


def check_site(root: Path, base_path: str | None = None) -> tuple[int, int, list[BrokenLink]]:
    """Pages checked, internal links checked, and the broken ones (one per page and URL)."""
    site = Site(root, base_path if base_path is not None else detected_base_path(root))
    broken: list[BrokenLink] = []
    pages = site.pages()
    checked = 0
    for page in pages:
        seen: set[str] = set()
        for link in links_of(site, page):
            if is_external(link.url) or link.url in seen:
                continue
            seen.add(link.url)
            checked += 1
            reason = check_link(site, page, link.url)
            if reason:
                broken.append(BrokenLink(link.page, link.url, reason))
    return len(pages), checked, broken


def detected_base_path(root: Path) -> str:
    """The path of site_url, read from the home page's canonical link ("/" without one)."""
    home = root / INDEX
    if not home.is_file():
        return "/"
    canonical = BeautifulSoup(home.read_bytes(), "html.parser").find("link", rel="canonical")
    href = canonical.get("href") if canonical else None
    if not isinstance(href, str):
        return "/"
    path = urlsplit(href).path
    # Without directory URLs the canonical link names the file: /bulletin/index.html.
    return path if path.endswith("/") else path.rpartition("/")[0] + "/"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a built site's internal links.")
    parser.add_argument("site", metavar="SITE_DIR", help="the built site's folder")
    parser.add_argument(
        "--base-path",
        help="path the site is served under (default: from index.html's canonical link)",
    )
    args = parser.parse_args(argv)
    root = Path(args.site)
    if not root.is_dir():
        print(f"error: {root} is not a folder", file=sys.stderr)
        return 2
    pages, links, broken = check_site(root, args.base_path)
    for link in broken:
        print(link)
    print(f"checked {pages} pages, {links} internal links: {len(broken)} broken", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
