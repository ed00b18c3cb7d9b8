"""Browsing the archive by section and by author: an index page each and, per
section or author, the list of their articles by year (``listings.render_listing``:
one page with a link to each year, or a page per year when long).

A section's or an author's page name comes from the name alone (``paths.name_slug``),
so the article template links the meta line's names through the maps the
navigation file carries (``extra.section_slugs``, ``extra.author_slugs``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .entries import IssueEntry
from .front_matter import page
from .listings import NOT_SEARCHED, PAGE_BYTES, Mention, newest_first, render_listing
from .markdown import blocks, bold, bullets, escape, heading, link
from .paths import (
    AUTHORS_FOLDER,
    AUTHORS_PAGE,
    SECTIONS_PAGE,
    author_page,
    name_slug,
    relative_link,
    section_page,
)

SECTIONS_TITLE = "栏目"
AUTHORS_TITLE = "作者"


def section_slugs(names: Iterable[str]) -> dict[str, str]:
    return {name: name_slug("section", name) for name in sorted(set(names)) if name}


def author_slugs(names: Iterable[str]) -> dict[str, str]:
    return {name: name_slug("author", name) for name in sorted(set(names)) if name}


def years_of(listed: Sequence[Mention]) -> str:
    """ "2004—2023 年" (newest first in ``listed``), or "2023 年"."""
    newest, oldest = listed[0][0].year, listed[-1][0].year
    return f"{newest} 年" if newest == oldest else f"{oldest}—{newest} 年"


def before_han(name: str) -> str:
    """A name followed by Chinese text: spaced after Latin ("John Smith 的文章"),
    not after Chinese ("周树斌的文章")."""
    return f"{name} " if name[-1:].isascii() else name


def section_pages(issues: Iterable[IssueEntry], order: Sequence[str] = ()) -> dict[str, str]:
    """The sections index and each section's articles across the years; sections in
    the bulletin's order (``data/sections.yml``), then any other by name. An article
    whose section's heading was lost is in none."""
    mentions: dict[str, list[Mention]] = {}
    for entry, article in newest_first(issues):
        if article.section:
            mentions.setdefault(article.section, []).append((entry, article))
    names = [name for name in order if name in mentions]
    names += sorted(name for name in mentions if name not in names)
    items = [
        f"{link(name, relative_link(SECTIONS_PAGE, section_page(name)))}："
        f"{len(mentions[name])} 篇，{years_of(mentions[name])}"
        for name in names
    ]
    parts = [
        heading(1, SECTIONS_TITLE),
        "按栏目浏览各期文章：每个栏目一页，按年份排列，从新到旧。",
        bullets(items) if items else "尚无文章。",
    ]
    pages = {SECTIONS_PAGE: page({"title": SECTIONS_TITLE, **NOT_SEARCHED}, blocks(parts))}
    for name in names:
        listed = mentions[name]
        intro = (
            f"「{escape(name)}」栏目，共 {len(listed)} 篇文章（{years_of(listed)}），按期从新到旧。"
        )
        up = (SECTIONS_TITLE, SECTIONS_PAGE)
        pages.update(render_listing(section_page(name), f"栏目：{name}", intro, listed, up))
    return pages


def author_item(source: str, name: str, listed: Sequence[Mention], years: bool = True) -> str:
    """ "[周树斌](author-….md)（12 篇，2004—2023 年）", or without the years."""
    count = f"{len(listed)} 篇，{years_of(listed)}" if years else f"{len(listed)} 篇"
    return f"{link(name, relative_link(source, author_page(name)))}（{count}）"


def authors_index(names: Sequence[str], mentions: dict[str, list[Mention]]) -> dict[str, str]:
    """Every author on one page, most articles first; past ``PAGE_BYTES``, the index
    lists the years, and each year's page (``authors/by-year/2023.md``) the authors
    who wrote that year, with their articles of that year."""
    intro = "各期文章的作者，按文章篇数排列；每位作者一页，列出其全部文章。"
    items = [author_item(AUTHORS_PAGE, name, mentions[name]) for name in names]
    if sum(len(item.encode()) for item in items) <= PAGE_BYTES:
        parts = [heading(1, AUTHORS_TITLE), intro, bullets(items) if items else "尚无署名文章。"]
        return {AUTHORS_PAGE: page({"title": AUTHORS_TITLE, **NOT_SEARCHED}, blocks(parts))}
    by_year: dict[str, dict[str, list[Mention]]] = {}
    for name in names:
        for mention in mentions[name]:
            by_year.setdefault(mention[0].year, {}).setdefault(name, []).append(mention)
    years = sorted(by_year, reverse=True)
    hub = [
        f"{link(f'{year} 年', relative_link(AUTHORS_PAGE, authors_year_page(year)))}"
        f"：{len(by_year[year])} 位作者"
        for year in years
    ]
    intro = "各期文章的作者，按年份分页：每年一页，列出当年发表文章的作者。"
    parts = [heading(1, AUTHORS_TITLE), intro, bullets(hub)]
    pages = {AUTHORS_PAGE: page({"title": AUTHORS_TITLE, **NOT_SEARCHED}, blocks(parts))}
    for year in years:
        path = authors_year_page(year)
        writers = by_year[year]
        others = " · ".join(bold(y) if y == year else link(y, f"{y}.md") for y in years)
        title = f"{AUTHORS_TITLE}：{year} 年"
        parts = [
            heading(1, title),
            f"{year} 年发表文章的 {len(writers)} 位作者，按当年篇数排列，括号里是当年的篇数。"
            + link(f"← {AUTHORS_TITLE}", relative_link(path, AUTHORS_PAGE)),
            f"年份：{others}",
            bullets(
                author_item(path, name, listed, years=False)
                for name, listed in sorted(
                    writers.items(), key=lambda item: (-len(item[1]), item[0])
                )
            ),
        ]
        pages[path] = page({"title": title, **NOT_SEARCHED}, blocks(parts))
    return pages


def authors_year_page(year: str) -> str:
    return f"{AUTHORS_FOLDER}/by-year/{year}.md"


def author_pages(issues: Iterable[IssueEntry]) -> dict[str, str]:
    """The authors index (most articles first, then by name) and each author's
    articles across the years."""
    mentions: dict[str, list[Mention]] = {}
    for entry, article in newest_first(issues):
        for name in dict.fromkeys(article.authors):
            mentions.setdefault(name, []).append((entry, article))
    names = sorted(mentions, key=lambda name: (-len(mentions[name]), name))
    pages = authors_index(names, mentions)
    for name in names:
        listed = mentions[name]
        written = f"{before_han(escape(name))}的文章"
        intro = f"{written}，共 {len(listed)} 篇（{years_of(listed)}），按期从新到旧。"
        up = (AUTHORS_TITLE, AUTHORS_PAGE)
        pages.update(render_listing(author_page(name), f"作者：{name}", intro, listed, up))
    return pages
