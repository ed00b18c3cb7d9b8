"""The archive's own pages, rebuilt on every run from the ``IssueEntry`` of every
issue in the docs folder: the home page, a page per year (every issue's articles
by section), the navigation, the tags and the standards index (``listings``), the
sections and the authors (``browse``). Listing pages stay out of search: they
repeat the articles' titles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from pathlib import Path

import yaml

from ..vocabulary import Tag, load_section_order, load_tags
from .browse import (
    AUTHORS_TITLE,
    SECTIONS_TITLE,
    author_pages,
    author_slugs,
    section_pages,
    section_slugs,
)
from .entries import ArticleEntry, IssueEntry
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
from .markdown import blocks, bold, bullets, heading, link
from .paths import (
    AUTHORS_PAGE,
    FEED_FILE,
    HOME_PAGE,
    LISTING_FOLDERS,
    NAV_FILE,
    OFFLINE_DOWNLOAD,
    RETIRED_PAGES,
    SEARCH_PAGE,
    SECTIONS_PAGE,
    STANDARDS_PAGE,
    TAGS_PAGE,
    part_path,
    relative_link,
    section_page,
    year_page,
)
from .search_page import render_search_page

HOME_TITLE = "标准化动态"
# A year page's issues, in bytes of Markdown: Material's page around them is ~26 KB
# at 240 issues (the navigation shows the year's issues), so a year page stays
# ≤ 41 KB of HTML (a year of the 240-issue benchmark, 27 KB, takes 3 pages).
YEAR_PAGE_BYTES = 12_000


def archive_pages(
    entries: Iterable[IssueEntry],
    site_url: str,
    vocabulary: Sequence[Tag] | None = None,
    repo_url: str = "",
    sections: Sequence[str] | None = None,
) -> dict[str, str]:
    """Every archive page and generated file, keyed by path in the docs folder
    (``repo_url``: the repository whose releases hold the offline edition)."""
    issues = list(entries)
    tags = load_tags() if vocabulary is None else vocabulary
    articles = [article for entry in issues for article in entry.articles]
    names = {name for article in articles for name in article.tags}
    pages = {
        NAV_FILE: render_nav(
            issues,
            BROWSING,
            {
                "tag_slugs": tag_slugs(names, tags),
                "section_slugs": section_slugs(a.section for a in articles),
                "author_slugs": author_slugs(name for a in articles for name in a.authors),
            },
        ),
        FEED_FILE: render_feed(issues, site_url, HOME_TITLE),
        SEARCH_PAGE: render_search_page(),
    }
    pages.update(tag_pages(issues, tags))
    pages.update(standards_pages(issues))
    order = load_section_order() if sections is None else sections
    pages.update(section_pages(issues, order))
    pages.update(author_pages(issues))
    for year in sorted({entry.year for entry in issues}):
        pages.update(year_pages(year, [e for e in issues if e.year == year]))
    # Last: it links the search page when one of the archive's generators wrote it.
    pages[HOME_PAGE] = render_home(issues, repo_url, SEARCH_PAGE in pages)
    return pages


# The archive's browsing pages, in the navigation after the years.
BROWSING = (
    (SECTIONS_TITLE, SECTIONS_PAGE),
    (TAGS_TITLE, TAGS_PAGE),
    (AUTHORS_TITLE, AUTHORS_PAGE),
    (STANDARDS_TITLE, STANDARDS_PAGE),
)


def stale_archive_pages(out_dir: Path, pages: Mapping[str, str]) -> list[str]:
    """Listing pages in the docs folder that this run no longer writes (a tag gone,
    a list grown shorter) and the retired single-page listings."""
    found = [
        path.relative_to(out_dir).as_posix()
        for folder in LISTING_FOLDERS
        for path in sorted((out_dir / folder).rglob("*.md"))
    ]
    found += [
        path.relative_to(out_dir).as_posix()
        for path in sorted(out_dir.glob("[0-9][0-9][0-9][0-9]/index-*.md"))
    ]
    found += [name for name in RETIRED_PAGES if (out_dir / name).exists()]
    return [relative for relative in found if relative not in pages]


def render_home(entries: Iterable[IssueEntry], repo_url: str = "", search: bool = False) -> str:
    """What the archive is, the latest issue, where to search, browse, download the
    offline edition and follow new issues; then every issue by year."""
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    count = sum(len(entry.articles) for entry in ordered)
    first, last = (ordered[-1].year, ordered[0].year) if ordered else ("", "")
    span = f"{last} 年" if first == last else f"{first}—{last} 年"
    parts = [heading(1, HOME_TITLE)]
    parts.append(
        f"《{HOME_TITLE}》是报道国内外标准化工作动态的月刊。本站收录其往期全文"
        + (f"：{span}共 {len(ordered)} 期、{count} 篇文章" if ordered else "")
        + "，可以全文检索，也可以按期、栏目、标签、作者和文章提到的标准浏览。"
    )
    if search:
        parts.append(link("检索全部文章 →", SEARCH_PAGE))
    if ordered:
        latest = ordered[0]
        parts.append(heading(2, f"最新一期：{link(latest.title, f'{latest.folder}/index.md')}"))
        parts.append(bullets(link(a.title, a.path) for a in latest.articles))
    parts.append(heading(2, "浏览"))
    parts.append(" · ".join(link(title, path) for title, path in BROWSING))
    parts.append(heading(2, "离线阅读与订阅"))
    offline = []
    if repo_url:
        download = f"{repo_url.rstrip('/')}/{OFFLINE_DOWNLOAD}"
        offline.append(
            f"{link('下载离线版', download)}（zip 压缩包）：解压后，用浏览器打开其中的 "
            "index.html 即可阅读，无需联网，也能检索。"
        )
    offline.append(f"{link('订阅新一期（Atom）', FEED_FILE)}：在阅读器中订阅，每期出版后收到目录。")
    parts.append(bullets(offline))
    parts.append(heading(2, "往期"))
    for year, issues in groupby(ordered, key=lambda e: e.year):
        links = " · ".join(link(e.title[len(year) + 2 :], f"{e.folder}/index.md") for e in issues)
        parts.append(f"{heading(3, link(f'{year} 年', year_page(year)))}\n\n{links}")
    return page({"title": HOME_TITLE, **NOT_SEARCHED}, blocks(parts))


def year_pages(year: str, entries: Iterable[IssueEntry]) -> dict[str, str]:
    """A year's issues, newest first, each with its articles' titles by section
    (each section's name linking its page across the years): one page, or, past
    ``YEAR_PAGE_BYTES``, as few consecutive pages of as many issues each as hold
    them ("2023/index.md", "2023/index-2.md"…), each naming the issues it holds
    and linking the others."""
    base = year_page(year)
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    issues = [issue_contents(base, entry) for entry in ordered]
    chunks = even_runs([len(block.encode()) for block in issues], YEAR_PAGE_BYTES)
    ranges = [issue_range(ordered[start:end]) for start, end in chunks]
    pages = {}
    for number, (start, end) in enumerate(chunks, start=1):
        path = part_path(base, number)
        title = f"{year} 年" if number == 1 else f"{year} 年（{ranges[number - 1]}）"
        parts = []
        if len(chunks) > 1:
            parts.append(
                "本页："
                + " · ".join(
                    bold(shown)
                    if index == number
                    else link(shown, part_path(base, index).rsplit("/", 1)[1])
                    for index, shown in enumerate(ranges, start=1)
                )
            )
        parts.extend(issues[start:end])
        pages[path] = page({"title": title, **NOT_SEARCHED}, blocks(parts))
    return pages


def issue_contents(source: str, entry: IssueEntry) -> str:
    """An issue's heading and its articles' titles by section, for ``source``."""
    items = []
    for _, group in groupby(entry.articles, key=section_key):
        articles = list(group)
        titles = " · ".join(link(a.title, relative_link(source, a.path)) for a in articles)
        items.append(f"{section_link(source, articles[0])}：{titles}")
    listing = bullets(items) if items else "本期没有文章。"
    landing = relative_link(source, f"{entry.folder}/index.md")
    return f"{heading(2, link(entry.title, landing))}\n\n{listing}"


def even_runs(sizes: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """The fewest consecutive (start, end) runs of equal count (the last may be
    shorter) whose sizes each sum to at most ``budget`` (a run of one may exceed it)."""
    for count in range(1, len(sizes) + 1):
        per_run = -(-len(sizes) // count)
        runs = [
            (start, min(start + per_run, len(sizes))) for start in range(0, len(sizes), per_run)
        ]
        if all(end - start == 1 or sum(sizes[start:end]) <= budget for start, end in runs):
            return runs
    return [(0, 0)]


def issue_range(entries: Sequence[IssueEntry]) -> str:
    """ "第 12—07 期" (newest first), or "第 07 期"."""
    newest, oldest = entries[0].issue[5:], entries[-1].issue[5:]
    return f"第 {newest} 期" if newest == oldest else f"第 {newest}—{oldest} 期"


def section_key(article: ArticleEntry) -> tuple[str, int]:
    return article.section, article.section_position


def section_link(source: str, article: ArticleEntry) -> str:
    """A section's name linked to its page; a lost one as the issue's contents name
    it (by its place). Never marked as inferred: that is for editors."""
    if not article.section:
        return section_label("", article.section_position)
    return link(article.section, relative_link(source, section_page(article.section)))


def render_nav(
    entries: Iterable[IssueEntry],
    extra: Iterable[tuple[str, str]] = (),
    slugs: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """The navigation (archive → year → issue → article), newest first, then the
    browsing pages (``extra``); and the page names the article template links by
    (``extra.tag_slugs``, ``extra.section_slugs``, ``extra.author_slugs``)."""
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
    kept = {name: dict(sorted(names.items())) for name, names in (slugs or {}).items() if names}
    if kept:
        config["extra"] = kept
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
