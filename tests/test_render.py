"""Rendering: one issue's pages, and the archive's pages from issue entries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
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
from converter.run import Options, convert
from converter.site.archive_pages import (
    archive_pages,
    render_home,
    render_nav,
    stale_archive_pages,
    year_pages,
)
from converter.site.entries import (
    ArticleEntry,
    IssueEntry,
    existing_entries,
    issue_entry,
    landing_summary,
)
from converter.site.feed import FEED_SIZE, render_feed
from converter.site.front_matter import is_hand_edited, split_page
from converter.site.issue_pages import LOST_SECTION_LABEL, render_issue
from converter.site.listings import (
    INLINE_MENTIONS,
    PAGE_BYTES,
    PAGE_SIZE,
    standards_pages,
    tag_pages,
)
from converter.site.paths import name_slug, section_page
from converter.vocabulary import Tag, tag_slug

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
    assert page.fields["slug"] == 1
    assert page.fields["source"] == "archive/2023-07.txt:10"


def test_the_slug_is_the_articles_number_in_its_issue() -> None:
    """Not '2023-07-08', which reads as a date; not '08', which YAML 1.2 reads as 8
    and YAML 1.1 as text."""
    pages = render_issue(issue(*(article(n) for n in range(1, 13))))
    for number in (8, 12):
        page = split_page(pages[f"2023/07/{number:02d}.md"])
        assert page.fields["slug"] == number
        assert f"\nslug: {number}\n" in "\n" + page.raw + "\n"


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


def test_standards_line_links_each_code_to_its_standards_entry() -> None:
    codes = ("IEC 62208:2023", "IEC 62208", "ISO/IEC 27001", "GB/T 1.1-2020")
    body = split_page(render_issue(issue(article(1, standards=codes)))["2023/07/01.md"]).body
    assert "[IEC 62208:2023](../../standards/iso-iec.md#iso-iec-62208)" in body
    assert "[IEC 62208](../../standards/iso-iec.md#iso-iec-62208)" in body
    assert "[ISO/IEC 27001](../../standards/iso-iec.md#iso-iec-27001)" in body
    assert "[GB/T 1.1-2020](../../standards/gb-t.md#gb-t-1-1)" in body
    assert "IEC62208" not in body  # no hidden copies for a search engine


def test_every_code_an_article_links_is_anchored_on_the_page_it_links() -> None:
    codes = ("IEC 62208:2023", "ISO/IEC 62208", "IEEE P2030.5", "GB/T 1.1-2020", "JIS C 8201")
    converted = issue(article(1, standards=codes))
    body = split_page(render_issue(converted)["2023/07/01.md"]).body
    pages = standards_pages([issue_entry(converted)])
    links = re.findall(r"\]\(\.\./\.\./(standards/[^)#]+)#([^)]+)\)", body)
    assert len(links) == len(codes)
    for page_path, anchor in links:
        assert f'id="{anchor}"' in pages[page_path]
    assert len({link for link in links if "62208" in link[1]}) == 1


def test_landing_page_lists_articles_by_section_and_keeps_lost_sections_apart() -> None:
    articles = (
        article(1),
        article(2, section="", section_number=1),
        article(3, section="", section_number=2),
    )
    pages = render_issue(issue(*articles))
    body = split_page(pages["2023/07/index.md"]).body
    # Two lost sections in a row stay two, each named by its place in the issue.
    assert "### （栏目标题缺失：第 2 栏）\n\n- [标题 2](02.md)" in body
    assert "### （栏目标题缺失：第 3 栏）\n\n- [标题 3](03.md)" in body
    assert LOST_SECTION_LABEL not in body
    assert "- [标题 1](01.md)" in body
    assert body.index("## 本期概要") < body.index("## 本期目录")
    fields = [split_page(pages[f"2023/07/0{n}.md"]).fields for n in (1, 2, 3)]
    assert [f["section"] for f in fields] == ["标准战略", "", ""]
    assert [f.get("section_position") for f in fields] == [None, 2, 3]
    assert not any("section_inferred" in f for f in fields)


def test_an_inferred_section_is_marked_in_front_matter_only() -> None:
    """Readers see an inferred section as any other (linked to its page); editors
    find the mark in the front matter (and `converter check` lists it)."""
    articles = (
        article(1),
        article(2, section="标准动态", section_number=1, section_inferred=True),
    )
    pages = render_issue(issue(*articles))
    body = split_page(pages["2023/07/index.md"]).body
    link = f"../../{section_page('标准动态')}"
    assert f"### [标准动态]({link})\n\n- [标题 2](02.md)" in body
    assert "推测" not in body
    fields = split_page(pages["2023/07/02.md"]).fields
    assert fields["section"] == "标准动态" and fields["section_inferred"] is True
    assert "section_position" not in fields


def test_year_page_lists_titles_by_section_lost_ones_apart_inferred_ones_unmarked() -> None:
    articles = (
        article(1),
        article(2, section="", section_number=1),
        article(3, section="", section_number=2),
        article(4, section="", section_number=2),
        article(5, section="国际合作", section_number=3, section_inferred=True),
    )
    body = split_page(year_pages("2023", [issue_entry(issue(*articles))])["2023/index.md"]).body
    assert [line for line in body.split("\n") if line.startswith("- ")] == [
        f"- [标准战略](../{section_page('标准战略')})：[标题 1](07/01.md)",
        "- （栏目标题缺失：第 2 栏）：[标题 2](07/02.md)",
        "- （栏目标题缺失：第 3 栏）：[标题 3](07/03.md) · [标题 4](07/04.md)",
        f"- [国际合作](../{section_page('国际合作')})：[标题 5](07/05.md)",
    ]
    assert "推测" not in body


def test_year_page_read_back_from_the_docs_keeps_lost_sections_apart(tmp_path: Path) -> None:
    articles = (
        article(1, section="", section_number=1),
        article(2, section="", section_number=2),
        article(3, section="标准动态", section_number=3, section_inferred=True),
    )
    for relative, text in render_issue(issue(*articles)).items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    (entry,) = existing_entries(tmp_path)
    body = split_page(year_pages("2023", [entry])["2023/index.md"]).body
    assert "- （栏目标题缺失：第 1 栏）：[标题 1](07/01.md)\n- （栏目标题缺失：第 2 栏）：" in body
    assert f"- [标准动态](../{section_page('标准动态')})：[标题 3](07/03.md)" in body


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


def test_year_page_lists_each_issues_titles() -> None:
    body = split_page(year_pages("2023", entries()[:1])["2023/index.md"]).body
    assert "## [2023 年第 07 期](07/index.md)" in body
    assert "：[标题 1](07/01.md)" in body


def test_navigation_lists_years_issues_and_articles_newest_first() -> None:
    nav = yaml.safe_load(render_nav(entries(), [("标准索引", "standards/index.md")]))["nav"]
    assert nav[0] == {"首页": "index.md"}
    assert list(nav[1]) == ["2024 年"] and list(nav[2]) == ["2023 年"]
    assert nav[-1] == {"标准索引": "standards/index.md"}


def test_navigation_file_names_each_tags_page_for_the_article_template() -> None:
    config = yaml.safe_load(render_nav(entries(), [], {"tag_slugs": {"美国": "united-states"}}))
    assert config["extra"] == {"tag_slugs": {"美国": "united-states"}}
    assert "extra" not in yaml.safe_load(render_nav(entries(), []))


def test_navigation_file_names_each_section_and_authors_page() -> None:
    config = yaml.safe_load(archive_pages(entries(), "/", VOCABULARY)[".nav.yml"])
    assert config["extra"]["section_slugs"] == {"标准战略": name_slug("section", "标准战略")}
    assert config["extra"]["author_slugs"] == {"邓阿妹": name_slug("author", "邓阿妹")}


def test_archive_pages_list_tags_and_standards_in_the_navigation() -> None:
    pages = archive_pages(entries(), "/", VOCABULARY)
    nav = yaml.safe_load(pages[".nav.yml"])["nav"]
    assert nav[-4:] == [
        {"栏目": "sections/index.md"},
        {"标签": "tags/index.md"},
        {"作者": "authors/index.md"},
        {"标准索引": "standards/index.md"},
    ]
    assert {"tags/index.md", "standards/index.md", "standards/iso-iec.md"} <= set(pages)


# --- tags ------------------------------------------------------------------------

VOCABULARY = (
    Tag("ISO", ("ISO",), "organizations", "iso"),
    Tag("美国", ("美国",), "regions", "united-states"),
    Tag("量子", ("量子",), "topics", "quantum"),
)


def tagged_issue(year: int, month: int, count: int, tags: tuple[str, ...]) -> IssueEntry:
    issue_id = f"{year}-{month:02d}"
    return IssueEntry(
        issue=issue_id,
        title=f"{year} 年第 {month:02d} 期",
        articles=tuple(
            ArticleEntry(
                path=f"{year}/{month:02d}/{n:02d}.md",
                title=f"文章 {issue_id}-{n}",
                date=f"{issue_id}-{n:02d}",
                tags=tags,
                standards=("ISO 9001",),
            )
            for n in range(1, count + 1)
        ),
    )


def test_tags_index_groups_tags_with_their_article_counts() -> None:
    issues = [
        tagged_issue(2023, 7, 2, ("ISO", "量子")),
        tagged_issue(2024, 1, 1, ("美国", "编辑加的")),
    ]
    pages = tag_pages(issues, VOCABULARY)
    page = split_page(pages["tags/index.md"])
    assert page.fields["search"] == {"exclude": True}
    body = page.body
    assert (
        body.index("## 机构")
        < body.index("## 地区")
        < body.index("## 主题")
        < body.index("## 其他")
    )
    assert "- [ISO](iso.md)（2 篇）" in body
    assert "- [美国](united-states.md)（1 篇）" in body
    assert f"- [编辑加的]({tag_slug('编辑加的')}.md)（1 篇）" in body
    assert f"tags/{tag_slug('编辑加的')}.md" in pages


def test_tag_page_lists_its_articles_by_year_newest_first_with_issue_and_date() -> None:
    issues = [tagged_issue(2023, 7, 2, ("ISO",)), tagged_issue(2024, 1, 1, ("ISO",))]
    body = split_page(tag_pages(issues, VOCABULARY)["tags/iso.md"]).body
    assert body.index("## 2024 年") < body.index("## 2023 年")
    assert "- [文章 2024-01-1](../2024/01/01.md) · 2024 年第 01 期 · 2024-01-01" in body
    assert body.index("文章 2023-07-1") < body.index("文章 2023-07-2")
    assert "[← 标签](index.md)" in body
    assert "页：" not in body  # one page, no pager


def test_a_long_tag_list_gets_a_page_per_year_listed_with_counts() -> None:
    issues = [tagged_issue(2000 + n // 12, n % 12 + 1, 20, ("量子",)) for n in range(24)]
    pages = tag_pages(issues, VOCABULARY)
    parts = sorted(path for path in pages if path.startswith("tags/quantum"))
    # 240 a year: more than one page holds, so each year is cut in two.
    assert -(-12 * 20 // PAGE_SIZE) == 2
    assert parts == sorted(
        ["tags/quantum.md", *(f"tags/quantum/{y}{n}.md" for y in (2000, 2001) for n in ("", "-2"))]
    )
    hub = split_page(pages["tags/quantum.md"]).body
    assert "- [2001 年](quantum/2001.md)：240 篇\n- [2000 年](quantum/2000.md)：240 篇" in hub
    first = split_page(pages["tags/quantum/2001.md"])
    assert first.fields["title"] == "标签：量子：2001 年（第 1 页）"
    assert "年份：**2001** · [2000](2000.md)" in first.body
    assert first.body.count("\n- [") == PAGE_SIZE
    assert "页：**1** · [2](2001-2.md)" in first.body
    assert "[← 标签：量子](../quantum.md)" in first.body
    assert "2001 年第 12 期" in first.body  # newest first
    last = split_page(pages["tags/quantum/2000-2.md"]).body
    assert "[1](2000.md)" in last and "2000 年第 01 期" in last


def test_a_short_list_over_several_years_jumps_to_each_year() -> None:
    issues = [tagged_issue(2000 + n, 1, 2, ("量子",)) for n in range(3)]
    body = split_page(tag_pages(issues, VOCABULARY)["tags/quantum.md"]).body
    assert "年份：[2002](#y2002) · [2001](#y2001) · [2000](#y2000)" in body
    assert "## 2002 年 {#y2002}" in body


def test_long_titles_cut_a_list_by_bytes_too() -> None:
    long = [
        IssueEntry(
            issue=entry.issue,
            title=entry.title,
            articles=tuple(replace(a, title="很长的标题" * 20) for a in entry.articles),
        )
        for entry in [tagged_issue(2000 + n // 12, n % 12 + 1, 20, ("量子",)) for n in range(12)]
    ]
    pages = tag_pages(long, VOCABULARY)
    parts = [split_page(text).body for path, text in pages.items() if "quantum" in path]
    assert len(parts) > -(-12 * 20 // PAGE_SIZE)
    for body in parts:
        items = [line for line in body.splitlines() if line.startswith("- [")]
        assert 0 < sum(len(line.encode()) for line in items) <= PAGE_BYTES


# --- standards -------------------------------------------------------------------


def test_standards_index_lists_families_with_counts() -> None:
    body = split_page(standards_pages(entries())["standards/index.md"]).body
    assert "- [ISO/IEC](iso-iec.md)：1 项标准，2 次提及" in body


def test_family_page_lists_a_standard_once_with_the_forms_each_article_cites() -> None:
    pages = standards_pages(entries())
    body = split_page(pages["standards/iso-iec.md"]).body
    assert body.count(" id=") == 1
    assert (
        '- <b id="iso-iec-9001">ISO 9001</b>：'
        "[标题 1](../2024/01/01.md)（2024 年第 01 期，文中作 ISO 9001:2015）；"
        "[标题 1](../2023/07/01.md)（2023 年第 07 期）"
    ) in body
    assert not any(path.startswith("standards/iso-iec/") for path in pages)


def test_a_standard_cited_by_several_publishers_is_named_by_the_most_used() -> None:
    cited = [
        ("IEC 80001",),
        ("ISO/IEC 80001:2010",),
        ("ISO/IEC 80001", "ISO/IEC DIS 80001"),
        ("ISO/IEC 80001-1",),
    ]
    issues = []
    for year, codes in enumerate(cited, start=2010):
        entry = tagged_issue(year, 1, 1, ())
        issues.append(replace(entry, articles=(replace(entry.articles[0], standards=codes),)))
    body = split_page(standards_pages(issues)["standards/iso-iec.md"]).body
    assert '<b id="iso-iec-80001">ISO/IEC 80001</b>（又作 IEC 80001）：' in body
    assert "（2012 年第 01 期，文中作 ISO/IEC 80001、ISO/IEC DIS 80001）" in body
    assert "（2011 年第 01 期，文中作 ISO/IEC 80001:2010）" in body
    assert "（2010 年第 01 期，文中作 IEC 80001）" in body
    assert '<b id="iso-iec-80001-1">ISO/IEC 80001-1</b>：' in body  # a part is its own


def test_an_often_mentioned_code_gets_its_own_list_by_year() -> None:
    issues = [tagged_issue(2000 + n // 12, n % 12 + 1, 20, ()) for n in range(24)]
    pages = standards_pages(issues)
    family = split_page(pages["standards/iso-iec.md"]).body
    assert family.count("](../") == INLINE_MENTIONS  # the newest articles only
    assert f"[全部 {24 * 20} 篇 →](iso-iec/iso-iec-9001.md)" in family
    own = split_page(pages["standards/iso-iec/iso-iec-9001.md"]).body
    assert "[← ISO/IEC](../iso-iec.md)" in own
    assert "- [2001 年](iso-iec-9001/2001.md)：240 篇" in own
    year = split_page(pages["standards/iso-iec/iso-iec-9001/2001.md"]).body
    assert year.count("\n- [") == PAGE_SIZE
    assert "- [文章 2001-12-1](../../../2001/12/01.md) · 2001 年第 12 期 · 2001-12-01\n" in year
    assert "standards/iso-iec/iso-iec-9001/2001-2.md" in pages


def test_a_family_with_many_codes_shows_fewer_articles_per_code() -> None:
    codes = tuple(f"ISO {n}" for n in range(1, 250))
    issues = [
        replace(
            tagged_issue(2023, 7, 1, ()),
            articles=(replace(tagged_issue(2023, 7, 1, ()).articles[0], standards=codes),),
        )
    ]
    pages = standards_pages(issues)
    family = split_page(pages["standards/iso-iec.md"]).body
    assert '<b id="iso-iec-249">ISO 249</b>：[1 篇 →](iso-iec/iso-iec-249.md)' in family
    assert "standards/iso-iec/iso-iec-249.md" in pages
    assert len(family.encode()) < PAGE_BYTES


def test_stale_listing_pages_and_the_retired_single_pages_are_removed(tmp_path: Path) -> None:
    for name in ("tags/iso.md", "tags/gone.md", "standards/iso/x.md", "standards.md", "tags.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    stale = stale_archive_pages(tmp_path, {"tags/iso.md": ""})
    assert sorted(stale) == ["standards.md", "standards/iso/x.md", "tags.md", "tags/gone.md"]


# --- feed ------------------------------------------------------------------------


def test_feed_has_an_entry_per_issue_newest_first_and_deterministic() -> None:
    feed = render_feed(entries(), "https://example.org/site", "标准化动态")
    assert feed == render_feed(list(reversed(entries())), "https://example.org/site", "标准化动态")
    root = ElementTree.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    items = list(root.iter(f"{atom}entry"))
    links = [e.find(f"{atom}link").get("href") for e in items]  # type: ignore[union-attr]
    assert links == ["https://example.org/site/2024/01/", "https://example.org/site/2023/07/"]
    assert [e.findtext(f"{atom}title") for e in items] == ["2024 年第 01 期", "2023 年第 07 期"]
    assert [e.findtext(f"{atom}updated") for e in items] == [
        "2024-01-01T00:00:00Z",
        "2023-07-01T00:00:00Z",
    ]
    assert items[1].findtext(f"{atom}summary") == "本月要闻。"
    assert root.findtext(f"{atom}updated") == "2024-01-01T00:00:00Z"


def test_an_editors_control_character_leaves_the_feed_well_formed() -> None:
    edited = [replace(entry, summary="本月\x01要闻\x1b。") for entry in entries()]
    root = ElementTree.fromstring(render_feed(edited, "/", "标准化动态"))
    summaries = [e.findtext("{http://www.w3.org/2005/Atom}summary") for e in root.iter()]
    assert "本月要闻。" in summaries


def test_feed_carries_only_the_newest_issues() -> None:
    issues = [tagged_issue(2000 + n // 12, n % 12 + 1, 1, ()) for n in range(30)]
    root = ElementTree.fromstring(render_feed(issues, "/", "标准化动态"))
    titles = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in root.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert len(titles) == FEED_SIZE and titles[0] == "2002 年第 06 期"


def test_summary_excerpt_is_the_models_text_and_the_landing_page_reads_back_the_same(
    tmp_path: Path,
) -> None:
    """The feed's excerpt comes from the issue's summary as the model holds it (text
    that looks like markup is text); read back from the landing page, as the site
    renders it, it is the same words."""
    words = "国家标准委*发布[^3]，见 [链接](https://a.org) <b>与</b> a | b。"
    grid = Table(number=1, caption="表", header=("表", "格"), rows=(("1", "2"),), line=1)
    converted = replace(issue(article(1)), summary=(paragraph(words), grid, paragraph("长" * 300)))
    text = issue_entry(converted).summary
    assert text.startswith(words + " 长")
    assert len(text) == 200 and text.endswith("…")
    for path, page_text in render_issue(converted).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(page_text, encoding="utf-8")
    (entry,) = existing_entries(tmp_path)
    assert entry.summary == text


def test_summary_is_read_back_from_the_landing_page(tmp_path: Path) -> None:
    for path, text in render_issue(issue(article(1, tags=("ISO",)))).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    (entry,) = existing_entries(tmp_path)
    assert entry.summary == "本月要闻。" == issue_entry(issue(article(1))).summary
    assert entry.articles[0].tags == ("ISO",)
    assert landing_summary("# x\n") == ""


def test_a_run_removes_listing_pages_it_no_longer_writes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("standards.md", "tags/gone.md", "standards/gone/x.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# 旧\n", encoding="utf-8")
    sample = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"
    convert([sample], Options(out_dir=docs))
    assert not (docs / "standards.md").exists()
    assert not (docs / "tags/gone.md").exists() and not (docs / "standards/gone/x.md").exists()
    assert (docs / "tags/index.md").exists() and (docs / "standards/iso-iec.md").exists()
    # Every article's tags have a page, and the template's map names it.
    slugs = yaml.safe_load((docs / ".nav.yml").read_text(encoding="utf-8"))["extra"]["tag_slugs"]
    for article in sorted((docs / "2023/07").glob("[0-9]*.md")):
        for tag in split_page(article.read_text(encoding="utf-8")).fields["tags"]:  # type: ignore[union-attr]
            assert (docs / "tags" / f"{slugs[tag]}.md").exists()


def test_a_section_an_editor_confirmed_stays_confirmed_when_the_issue_is_converted_again(
    tmp_path: Path,
) -> None:
    export = tmp_path / "2023-07.txt"
    case = Path(__file__).parent / "cases" / "section-heading-inferred" / "export.txt"
    export.write_bytes(case.read_bytes())
    docs = tmp_path / "docs"
    convert([export], Options(out_dir=docs))
    year = (docs / "2023/index.md").read_text(encoding="utf-8")
    assert "[标准动态](" in year and "（推测）" not in year  # an inferred one looks like any
    article_page = docs / "2023/07/02.md"
    text = article_page.read_text(encoding="utf-8")
    article_page.write_text(text.replace("section_inferred: true\n", ""), encoding="utf-8")
    outcome = convert([export], Options(out_dir=docs, reuse=False))
    assert "2023/07/02.md" in outcome.plan.skipped_edited
    fields = split_page(article_page.read_text(encoding="utf-8")).fields
    assert fields["section"] == "标准动态" and "section_inferred" not in fields
