"""The archive's own pages, rebuilt on every run from the ``IssueEntry`` of every
issue in the docs folder: the home page, a page per year, the navigation and the
standards index. Listing pages stay out of search: they repeat the articles' titles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import groupby

import yaml

from ..passes.standards import family_of, natural_key
from .entries import ArticleEntry, IssueEntry
from .feed import render_feed
from .front_matter import page
from .issue_pages import LOST_SECTION_LABEL
from .markdown import escape
from .paths import (
    FEED_FILE,
    HOME_PAGE,
    NAV_FILE,
    STANDARDS_PAGE,
    TAGS_PAGE,
    standard_anchor,
    year_page,
)

HOME_TITLE = "标准化动态"
STANDARDS_TITLE = "标准索引"
TAGS_TITLE = "标签"
# Listing pages repeat the article titles; in search they only push articles down.
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}


def archive_pages(
    entries: Iterable[IssueEntry], site_url: str, has_tags_page: bool
) -> dict[str, str]:
    """Every archive page and generated file, keyed by path in the docs folder."""
    issues = list(entries)
    # Hand-made pages listed in the navigation after the archive.
    extra = [(TAGS_TITLE, TAGS_PAGE)] if has_tags_page else []
    extra.append((STANDARDS_TITLE, STANDARDS_PAGE))
    pages = {
        HOME_PAGE: render_home(issues),
        NAV_FILE: render_nav(issues, extra),
        STANDARDS_PAGE: render_standards(issues),
        FEED_FILE: render_feed(issues, site_url, HOME_TITLE),
    }
    for year in sorted({entry.year for entry in issues}):
        pages[year_page(year)] = render_year(year, [e for e in issues if e.year == year])
    return pages


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
        sections = Counter(a.section or LOST_SECTION_LABEL for a in entry.articles)
        listing = " · ".join(f"{escape(name)} {count} 篇" for name, count in sections.items())
        parts.append(
            f"## [{entry.title}]({number}/index.md)\n\n{len(entry.articles)} 篇文章：{listing}"
        )
    return page({"title": f"{year} 年", **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def render_nav(entries: Iterable[IssueEntry], extra: Iterable[tuple[str, str]] = ()) -> str:
    """The navigation (archive → year → issue → article), newest first."""
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
    return yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)


def render_standards(entries: Iterable[IssueEntry]) -> str:
    """Every standard code the articles mention, by family, each with its articles."""
    mentions: dict[str, list[tuple[IssueEntry, ArticleEntry]]] = {}
    for entry in sorted(entries, key=lambda e: e.issue, reverse=True):
        for article in entry.articles:
            for code in article.standards:
                mentions.setdefault(code, []).append((entry, article))
    parts = [
        f"# {STANDARDS_TITLE}",
        "各期文章提到的标准编号，按标准体系分组、按编号排序；每个编号列出提到它的文章。",
    ]
    codes = sorted(mentions, key=lambda code: (family_of(code), natural_key(code)))
    for family, family_codes in groupby(codes, key=family_of):
        parts.append(f"## {escape(family)}")
        items = []
        for code in family_codes:
            links = "；".join(
                f"[{escape(article.title)}]({article.path})（{entry.title}）"
                for entry, article in mentions[code]
            )
            items.append(f'- <span id="{standard_anchor(code)}"></span>**{escape(code)}**：{links}')
        parts.append("\n".join(items))
    # Kept out of search: it repeats every code and title, and a reader typing a
    # code wants the article (which links here).
    return page({"title": STANDARDS_TITLE, **NOT_SEARCHED}, "\n\n".join(parts) + "\n")
