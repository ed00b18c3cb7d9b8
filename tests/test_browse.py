"""Browsing pages (issue 19): year pages with every title by section, a page per
section and per author across the years, the home page, the feed's contents."""

from __future__ import annotations

from xml.etree import ElementTree

import yaml

from converter.check import check_rendered
from converter.site.archive_pages import YEAR_PAGE_BYTES, archive_pages, render_home, year_pages
from converter.site.browse import author_pages, section_pages
from converter.site.entries import ArticleEntry, IssueEntry
from converter.site.feed import render_feed
from converter.site.front_matter import split_page
from converter.site.paths import author_page, name_slug, section_page
from converter.vocabulary import Tag

ATOM = "{http://www.w3.org/2005/Atom}"
ORDER = ("标准战略", "机构评论", "国际合作")


def issue(year: int, month: int, articles: int, inferred: bool = False) -> IssueEntry:
    folder = f"{year}/{month:02d}"
    return IssueEntry(
        issue=f"{year}-{month:02d}",
        title=f"{year} 年第 {month:02d} 期",
        articles=tuple(
            ArticleEntry(
                path=f"{folder}/{n:02d}.md",
                title=f"文章 {year}-{month}-{n}",
                date=f"{year}-{month:02d}-01",
                authors=("周树斌", "付豪") if n == 1 else ("付豪",),
                section=ORDER[n % 2],
                section_inferred=inferred,
            )
            for n in range(1, articles + 1)
        ),
    )


def body(text: str) -> str:
    return split_page(text).body


def test_sections_index_follows_the_bulletins_order_with_counts_and_years() -> None:
    issues = [issue(2022, 12, 3), issue(2023, 1, 3)]
    pages = section_pages(issues, ORDER)
    index = body(pages["sections/index.md"])
    first = f"- [标准战略]({name_slug('section', '标准战略')}.md)：2 篇，2022—2023 年"
    second = f"- [机构评论]({name_slug('section', '机构评论')}.md)：4 篇，2022—2023 年"
    assert f"{first}\n{second}" in index
    own = body(pages[section_page("标准战略")])
    assert "年份：[2023](#y2023) · [2022](#y2022)" in own
    assert own.index("文章 2023-1-2") < own.index("文章 2022-12-2")  # newest first


def test_a_long_section_gets_a_page_per_year() -> None:
    issues = [issue(2000 + n // 12, n % 12 + 1, 40) for n in range(24)]
    pages = section_pages(issues, ORDER)
    base = section_page("机构评论").removesuffix(".md")
    assert {f"{base}/2000.md", f"{base}/2001.md"} <= set(pages)
    year = body(pages[f"{base}/2001.md"])
    assert "2001 年 240 篇" in year and "年份：**2001** · [2000](2000.md)" in year


def test_each_author_has_a_page_and_the_index_lists_most_prolific_first() -> None:
    pages = author_pages([issue(2023, 1, 3)])
    index = body(pages["authors/index.md"])
    assert index.index("付豪") < index.index("周树斌")
    assert f"[周树斌]({name_slug('author', '周树斌')}.md)（1 篇，2023 年）" in index
    own = body(pages[author_page("周树斌")])
    assert "[文章 2023-1-1](../2023/01/01.md)" in own and "文章 2023-1-2" not in own


def test_an_authors_name_runs_into_the_chinese_unless_it_is_latin() -> None:
    latin = IssueEntry(
        issue="2023-02",
        title="2023 年第 02 期",
        articles=(
            ArticleEntry(
                path="2023/02/01.md", title="T", date="2023-02-01", authors=("John Smith",)
            ),
        ),
    )
    pages = author_pages([issue(2023, 1, 3), latin])
    assert "周树斌的文章，共 1 篇" in body(pages[author_page("周树斌")])
    assert "John Smith 的文章，共 1 篇" in body(pages[author_page("John Smith")])


def test_a_listings_first_paragraph_describes_it_and_the_way_back_stands_apart() -> None:
    """The page's description (its meta tags) is its first paragraph: the link
    back to the index is not part of it."""
    short = section_pages([issue(2023, 1, 3)], ORDER)
    long = section_pages([issue(2000 + n // 12, n % 12 + 1, 40) for n in range(24)], ORDER)
    base = section_page("机构评论")
    for text in (short[base], long[base], long[f"{base.removesuffix('.md')}/2001.md"]):
        paragraphs = body(text).strip().split("\n\n")
        first = next(p for p in paragraphs if not p.startswith("#"))
        assert first.endswith("按期从新到旧。") and "←" not in first
        assert any(p.startswith("[← ") and p.endswith(")") for p in paragraphs)


def test_the_templates_slug_maps_name_the_pages_written() -> None:
    issues = [issue(2023, 1, 3)]
    pages = archive_pages(issues, "/", (Tag("ISO", (), "organizations"),), sections=ORDER)
    extra = yaml.safe_load(pages[".nav.yml"])["extra"]
    for name, slug in extra["author_slugs"].items():
        assert f"authors/{slug}.md" in pages, name
    for name, slug in extra["section_slugs"].items():
        assert f"sections/{slug}.md" in pages, name


def test_no_reader_page_marks_an_inferred_section() -> None:
    issues = [issue(2023, 1, 3, inferred=True)]
    pages = archive_pages(issues, "/", (), sections=ORDER)
    assert not [path for path, text in pages.items() if "推测" in text]


def test_every_archive_page_passes_the_checks_before_it_is_written() -> None:
    issues = [issue(2000 + n // 12, n % 12 + 1, 40) for n in range(24)]
    pages = archive_pages(issues, "/", (), repo_url="https://example.org/r", sections=ORDER)
    assert [
        problem
        for path, text in pages.items()
        if path.endswith(".md")
        for problem in check_rendered(path, text)
    ] == []


def test_home_page_says_what_the_archive_is_and_where_to_go() -> None:
    issues = [issue(2022, 12, 2), issue(2023, 1, 3)]
    home = body(render_home(issues, "https://github.com/o/r/", search=True))
    assert "2022—2023 年共 2 期、5 篇文章" in home
    assert "[检索全部文章 →](search/index.md)" in home
    assert "## 最新一期：[2023 年第 01 期](2023/01/index.md)" in home
    download = "https://github.com/o/r/releases/download/offline/bulletin-offline.zip"
    assert f"[下载离线版]({download})" in home and "index.html" in home
    assert "](feed.xml)" in home
    assert "search/index.md" not in body(render_home(issues))  # no search page, no link


def test_the_home_page_links_search_when_the_search_page_is_written() -> None:
    pages = archive_pages([issue(2023, 1, 1)], "/", (), sections=ORDER)
    assert ("search/index.md" in pages) == ("search/index.md" in body(pages["index.md"]))


def test_feed_is_chinese_and_lists_each_issues_titles() -> None:
    root = ElementTree.fromstring(
        render_feed([issue(2023, 1, 2)], "https://x.org/b/", "标准化动态")
    )
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"
    (entry,) = root.iter(f"{ATOM}entry")
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert '<a href="https://x.org/b/2023/01/02/">文章 2023-1-2</a>' in (content.text or "")


def test_a_long_year_is_cut_into_pages_that_name_their_issues() -> None:
    year = [issue(2023, month, 40) for month in range(1, 13)]
    pages = year_pages("2023", year)
    assert len(pages) > 1 and "2023/index.md" in pages
    first, second = body(pages["2023/index.md"]), body(pages["2023/index-2.md"])
    assert first.startswith("\n本页：**第 12—") and "[第 " in first
    assert (
        "](index.md)" in second
        and split_page(pages["2023/index-2.md"]).fields["title"] != "2023 年"
    )
    shown = [
        line for text in pages.values() for line in body(text).split("\n") if line.startswith("## ")
    ]
    assert len(shown) == 12  # every issue once, newest first
    assert shown[0].startswith("## [2023 年第 12 期](12/index.md)")
    assert all(len(body(text).encode()) <= YEAR_PAGE_BYTES + 500 for text in pages.values())
    counts = [body(text).count("\n## ") for text in pages.values()]
    assert max(counts) - min(counts) <= max(counts) // 2  # as even as the count allows


def test_many_authors_are_indexed_by_year() -> None:
    issues = [
        IssueEntry(
            issue=f"{year}-01",
            title=f"{year} 年第 01 期",
            articles=tuple(
                ArticleEntry(f"{year}/01/{n:02d}.md", f"文章 {n}", "", authors=(f"作者{year}{n}",))
                for n in range(1, 200)
            ),
        )
        for year in (2022, 2023)
    ]
    pages = author_pages(issues)
    index = body(pages["authors/index.md"])
    assert (
        "- [2023 年](by-year/2023.md)：199 位作者\n- [2022 年](by-year/2022.md)：199 位作者"
        in index
    )
    year = body(pages["authors/by-year/2023.md"])
    assert "年份：**2023** · [2022](2022.md)" in year
    assert f"[作者20231](../{name_slug('author', '作者20231')}.md)（1 篇）" in year
    assert "作者20221" not in year
    assert author_page("作者20221") in pages
