"""Rendering: one issue's pages, and the archive's pages from issue entries."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import yaml

from converter.model import (
    Article,
    Figure,
    Footnote,
    Issue,
    IssueId,
    NoteRef,
    Paragraph,
    Source,
    Subheading,
    Table,
    Text,
)
from converter.site.archive_pages import render_home, render_nav, render_standards, render_year
from converter.site.entries import issue_entry
from converter.site.feed import render_feed
from converter.site.front_matter import is_hand_edited, split_page
from converter.site.issue_pages import LOST_SECTION_LABEL, render_issue

NOTE = Footnote(number=7, text="见 https://a.org/x。", line=90, page=3, key=0)


def paragraph(text: str, notes: tuple[NoteRef, ...] = ()) -> Paragraph:
    return Paragraph(lines=(), text=Text(text, notes))


def article(ordinal: int, **changes: object) -> Article:
    fields: dict[str, object] = {
        "ordinal": ordinal,
        "title": f"标题 {ordinal}",
        "date": dt.date(2023, 6, ordinal),
        "section": "标准战略",
        "authors": ("邓阿妹",),
        "blocks": (paragraph("正文。"),),
        "line": 10 * ordinal,
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def issue(*articles: Article) -> Issue:
    return Issue(
        id=IssueId(2023, 7),
        source=Source("archive/2023-07.txt", ""),
        summary=(paragraph("本月要闻。"),),
        articles=articles,
    )


def test_an_issue_gives_a_landing_page_and_one_page_per_article() -> None:
    pages = render_issue(issue(article(1), article(2)))
    assert list(pages) == ["2023/07/index.md", "2023/07/01.md", "2023/07/02.md"]
    assert all(not is_hand_edited(text) for text in pages.values())


def test_article_front_matter() -> None:
    page = split_page(render_issue(issue(article(1, tags=("ISO",))))["2023/07/01.md"])
    assert page.fields["title"] == "标题 1"
    assert page.fields["date"] == dt.date(2023, 6, 1)
    assert page.fields["issue"] == "2023-07"
    assert page.fields["tags"] == ["ISO"]
    assert page.fields["slug"] == "2023-07-01"
    assert page.fields["source"] == "archive/2023-07.txt:10"


def test_a_title_with_markup_characters_is_written_as_entities() -> None:
    page = split_page(render_issue(issue(article(1, title="A<B> & C")))["2023/07/01.md"])
    assert page.fields["title"] == "A&lt;B&gt; &amp; C"


def test_a_footnote_keeps_the_export_number_as_its_label() -> None:
    text = paragraph("缺口。", (NoteRef(offset=2, number=7, key=0),))
    body = split_page(
        render_issue(issue(article(1, blocks=(text,), footnotes=(NOTE,))))["2023/07/01.md"]
    ).body
    assert "缺口[^7]。" in body
    assert "[^7]: 见 <https://a.org/x>。" in body


def test_a_footnote_without_marker_is_shown_unlinked() -> None:
    unlinked = Footnote(number=3, text="说明。", line=5, page=1, key=0, linked=False)
    body = split_page(render_issue(issue(article(1, footnotes=(unlinked,))))["2023/07/01.md"]).body
    assert "注 3（原文中未找到标注位置）：说明。" in body
    assert "[^" not in body


def test_blocks_render_as_markdown() -> None:
    table = Table(number=1, caption="缺口", header=("序号", "名称"), rows=(("1", "a|b"),), line=1)
    blocks = (
        Subheading("一、背景", 1),
        Figure(number=2, caption="路线图", line=2),
        table,
        paragraph("# 不是标题"),
    )
    body = split_page(render_issue(issue(article(1, blocks=blocks)))["2023/07/01.md"]).body
    assert "### 一、背景" in body
    assert "<figcaption>图 2. 路线图</figcaption>" in body
    assert "../../assets/figure-placeholder.svg" in body
    assert "**表 1. 缺口**\n\n| 序号 | 名称 |\n| --- | --- |\n| 1 | a\\|b |" in body
    assert "\\# 不是标题" in body


def test_standards_line_links_to_the_index() -> None:
    body = split_page(
        render_issue(issue(article(1, standards=("IEC 62208:2023",))))["2023/07/01.md"]
    ).body
    assert "[IEC 62208:2023](../../standards.md#iec-62208-2023)" in body
    assert "IEC62208:2023" in body and "IEC62208 " not in body.split("search-keywords")[0]


def test_landing_page_lists_articles_by_section_and_keeps_lost_sections_apart() -> None:
    articles = (
        article(1),
        article(2, section="", section_number=1),
        article(3, section="", section_number=2),
    )
    body = split_page(render_issue(issue(*articles))["2023/07/index.md"]).body
    assert body.count(f"### {LOST_SECTION_LABEL}") == 2
    assert "- [标题 1](01.md)" in body
    assert body.index("## 本期概要") < body.index("## 本期目录")


def entries() -> list:  # type: ignore[type-arg]
    older = issue(article(1, standards=("ISO 9001",)))
    newer = Issue(
        id=IssueId(2024, 1),
        source=Source("archive/2024-01.txt", ""),
        summary=(),
        articles=(article(1, date=dt.date(2023, 12, 20), standards=("ISO 9001:2015",)),),
    )
    return [issue_entry(older), issue_entry(newer)]


def test_home_page_shows_the_latest_issue_first() -> None:
    body = split_page(render_home(entries())).body
    assert "## 最新一期：[2024 年第 01 期](2024/01/index.md)" in body
    assert body.index("[2024 年]") < body.index("[2023 年]")


def test_year_page_counts_articles_by_section() -> None:
    body = split_page(render_year("2023", entries()[:1])).body
    assert "## [2023 年第 07 期](07/index.md)" in body
    assert "1 篇文章：标准战略 1 篇" in body


def test_navigation_lists_years_issues_and_articles_newest_first() -> None:
    nav = yaml.safe_load(render_nav(entries(), [("标准索引", "standards.md")]))["nav"]
    assert nav[0] == {"首页": "index.md"}
    assert list(nav[1]) == ["2024 年"] and list(nav[2]) == ["2023 年"]
    assert nav[-1] == {"标准索引": "standards.md"}


def test_standards_index_lists_each_code_with_its_articles() -> None:
    body = split_page(render_standards(entries())).body
    assert '<span id="iso-9001"></span>**ISO 9001**' in body
    assert "## ISO" in body


def test_feed_is_atom_newest_first_and_deterministic() -> None:
    feed = render_feed(entries(), "https://example.org/site", "标准化动态")
    assert feed == render_feed(list(reversed(entries())), "https://example.org/site", "标准化动态")
    root = ElementTree.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    links = [e.find(f"{atom}link").get("href") for e in root.iter(f"{atom}entry")]  # type: ignore[union-attr]
    assert links == [
        "https://example.org/site/2024/01/01/",
        "https://example.org/site/2023/07/01/",
    ]
