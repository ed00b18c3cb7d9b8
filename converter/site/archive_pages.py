"""The archive's own pages, rebuilt on every run from the ``IssueEntry`` of every
issue in the docs folder: the home page, a page per year, the navigation, the tags
and the standards index (``listings``). Listing pages stay out of search: they
repeat the articles' titles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from pathlib import Path

import yaml

from ..vocabulary import Tag, load_tags
from .entries import IssueEntry
from .feed import render_feed
from .front_matter import page
from .issue_pages import section_label
from .listings import (
    NOT_SEARCHED,
    STANDARDS_TITLE,
    TAGS_TITLE,
    standards_pages,
    tag_pages,
    tag_slugs,
)
from .markdown import escape
from .paths import (
    FEED_FILE,
    HOME_PAGE,
    NAV_FILE,
    RETIRED_PAGES,
    STANDARDS_FOLDER,
    STANDARDS_PAGE,
    TAGS_FOLDER,
    TAGS_PAGE,
    year_page,
)
from .search_page import SEARCH_PAGE, render_search_page

HOME_TITLE = "标准化动态"


def archive_pages(
    entries: Iterable[IssueEntry], site_url: str, vocabulary: Sequence[Tag] | None = None
) -> dict[str, str]:
    """Every archive page and generated file, keyed by path in the docs folder."""
    issues = list(entries)
    tags = load_tags() if vocabulary is None else vocabulary
    names = {name for entry in issues for article in entry.articles for name in article.tags}
    pages = {
        HOME_PAGE: render_home(issues),
        NAV_FILE: render_nav(
            issues,
            [(TAGS_TITLE, TAGS_PAGE), (STANDARDS_TITLE, STANDARDS_PAGE)],
            tag_slugs(names, tags),
        ),
        FEED_FILE: render_feed(issues, site_url, HOME_TITLE),
        SEARCH_PAGE: render_search_page(),
    }
    pages.update(tag_pages(issues, tags))
    pages.update(standards_pages(issues))
    for year in sorted({entry.year for entry in issues}):
        pages[year_page(year)] = render_year(year, [e for e in issues if e.year == year])
    return pages


def stale_archive_pages(out_dir: Path, pages: Mapping[str, str]) -> list[str]:
    """Listing pages in the docs folder that this run no longer writes (a tag gone,
    a list grown shorter) and the retired single-page listings."""
    found = [
        path.relative_to(out_dir).as_posix()
        for folder in (TAGS_FOLDER, STANDARDS_FOLDER)
        for path in sorted((out_dir / folder).rglob("*.md"))
    ]
    found += [name for name in RETIRED_PAGES if (out_dir / name).exists()]
    return [relative for relative in found if relative not in pages]


def render_home(entries: Iterable[IssueEntry]) -> str:
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    parts = [f"# {HOME_TITLE}"]
    if ordered:
        latest = ordered[0]
        parts.append(f"## 最新一期：[{latest.title}]({latest.folder}/index.md)")
        parts.append("\n".join(f"- [{escape(a.title)}]({a.path})" for a in latest.articles))
    parts.append("## 往期")
    for year, issues in groupby(ordered, key=lambda e: e.year):
        links = " · ".join(f"[{e.title[len(year) + 2 :]}]({e.folder}/index.md)" for e in issues)
        parts.append(f"### [{year} 年]({year_page(year)})\n\n{links}")
    return page({"title": HOME_TITLE, **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def render_year(year: str, entries: Iterable[IssueEntry]) -> str:
    """A year's issues, each with its sections and article counts (the issue's own
    page lists the articles: a year page listing them all outgrows a page)."""
    parts = []
    for entry in sorted(entries, key=lambda e: e.issue, reverse=True):
        number = entry.issue[5:]
        sections = Counter(
            section_label(a.section, a.section_inferred, a.section_position) for a in entry.articles
        )
        listing = " · ".join(f"{label} {count} 篇" for label, count in sections.items())
        parts.append(
            f"## [{entry.title}]({number}/index.md)\n\n{len(entry.articles)} 篇文章：{listing}"
        )
    return page({"title": f"{year} 年", **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def render_nav(
    entries: Iterable[IssueEntry],
    extra: Iterable[tuple[str, str]] = (),
    tag_slugs: Mapping[str, str] | None = None,
) -> str:
    """The navigation (archive → year → issue → article), newest first, and each
    tag's page name (``extra.tag_slugs``: the article template links its tags)."""
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    nav: list[object] = [{"首页": HOME_PAGE}]
    for year, issues in groupby(ordered, key=lambda e: e.year):
        year_items: list[object] = [year_page(year)]
        for entry in issues:
            year_items.append(
                {entry.title: [f"{entry.folder}/index.md", *(a.path for a in entry.articles)]}
            )
        nav.append({f"{year} 年": year_items})
    nav.extend({title: path} for title, path in extra)
    config: dict[str, object] = {"nav": nav}
    if tag_slugs:
        config["extra"] = {"tag_slugs": dict(sorted(tag_slugs.items()))}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
