"""Where pages live in the docs folder, and the URLs MkDocs gives them.

An issue's pages are ``YYYY/MM/index.md`` (the landing page) and ``YYYY/MM/01.md``…
(its articles); the archive's own pages sit at the top.
"""

from __future__ import annotations

import re

HOME_PAGE = "index.md"
NAV_FILE = ".nav.yml"
STANDARDS_PAGE = "standards.md"
TAGS_PAGE = "tags.md"
FEED_FILE = "feed.xml"
ISSUE_PAGE = re.compile(r"^(\d{4})/(\d{2})/index\.md$")
ARTICLE_PAGE = re.compile(r"^(\d{4})/(\d{2})/\d{2,}\.md$")
# Any page in an issue's folder: the editors' pages.
ISSUE_FOLDER_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+\.md$")


def issue_folder(issue_id: str) -> str:
    """ "2023-07" → "2023/07"."""
    return issue_id.replace("-", "/")


def article_path(issue_id: str, slug: str) -> str:
    return f"{issue_folder(issue_id)}/{slug}.md"


def year_page(year: str) -> str:
    return f"{year}/index.md"


def is_editable(relative: str) -> bool:
    """An issue's pages are the editors'. The archive listings (home, year pages,
    standards index) and generated data (navigation, feed) are rebuilt every run."""
    return bool(ISSUE_FOLDER_PAGE.match(relative))


def page_url(path: str) -> str:
    """The URL MkDocs gives a page (directory URLs): 2023/07/01.md → 2023/07/01/."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def standard_anchor(code: str) -> str:
    """The standards index's anchor for a code: "IEC 62208:2023" → "iec-62208-2023"."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")
