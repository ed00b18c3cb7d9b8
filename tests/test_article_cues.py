"""Each cue the structure pass reads to find articles, sections and authors, with a
minimal export: an article starts where cues agree, none of them is required, and
a single weak cue is reported instead of acted on."""

from __future__ import annotations

import datetime as dt

import pytest

from converter.check import check_rendered
from converter.diagnostics import Diagnostics
from converter.model import DatePrecision, IssueId, Paragraph
from converter.passes import convert_bytes
from converter.passes.structure import date_number, lead_date, parse_names, title_shape
from converter.passes.structure_accounting import AUTHORS_INSIDE, NO_AUTHORS
from converter.site.front_matter import split_page
from converter.site.issue_pages import render_issue
from tests.exports import NOTE_RULE, export, paragraph_objects
from tests.test_render import article, issue
from tests.test_structure import structure_and_diagnostics, structure_of

ISSUE = IssueId(2023, 7)
LONG_LEAD = ["学会发布由该学会电动汽车标准委员会制定的路线图，旨在确定关键安", "全问题。 "]


def only(*lines: str) -> Paragraph:
    (paragraph,) = paragraph_objects(list(lines))
    return paragraph


# (b) the title's shape


def test_a_title_has_one_to_three_lines_and_no_sentence_final_mark() -> None:
    assert title_shape(only("美国国家标准学会发布电动汽车", "标准化路线图", "及其实施计划 "))
    assert not title_shape(only("一", "二", "三", "四 "))  # four lines: running text
    for ending in "。！？；：":
        assert not title_shape(only(f"该文件提出如下要求{ending} "))


def test_a_date_an_author_line_or_a_list_item_is_not_a_title() -> None:
    assert not title_shape(only("6 月 15 日，学会发布路线图 "))
    assert not title_shape(only("（邓阿妹　孙玉琦） "))
    assert not title_shape(only("（5）支持新的欧洲标准化战略方面 "))
    assert not title_shape(only("一、拓展重点领域范围 "))  # a subheading
    for numbered in ("（一）背景 ", "1. 概述 ", "3、做法 ", "② 发展能力 "):
        assert not title_shape(only(numbered))
    assert title_shape(only("12 个国家签署标准互认协议 "))  # a count, not a number
    assert title_shape(only("1.5 亿元投入标准化 "))


def test_a_title_ending_in_a_short_word_in_parentheses_is_no_author_line() -> None:
    """An author line stands alone or after a closed sentence; "（修订）" after a title's
    words reads like a two-character name but closes nothing."""
    assert title_shape(only("欧洲标准化组织发布年度工作计划（修订） "))
    assert not title_shape(only("会议确定了工作重点。（孙玉琦） "))


def test_a_title_may_ask_or_exclaim_where_an_article_closed_and_a_dateline_follows() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["标准化能否促进贸易？ ", "6 月 2 日，乙组织发布研究。（辛竹琳） "],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "标准化能否促进贸易？"]
    assert diagnostics.warnings == []


def test_a_question_with_only_a_dateline_after_it_is_reported_not_acted_on() -> None:
    """A question in the text reads like a title: with no article closed before it, a
    dateline after it is not enough."""
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。 "],
        ["标准化能否促进贸易？ ", "6 月 2 日，乙组织发布研究。（辛竹琳） "],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告"]
    messages = [w.message for w in diagnostics.warnings]
    assert any("ends asking or exclaiming" in m for m in messages)


def test_a_question_without_a_dateline_after_it_is_text() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["标准化能否促进贸易？ ", *LONG_LEAD],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告"]
    assert not any("shape of a title" in w.message for w in diagnostics.warnings)


# (c) what follows: a dateline in any form, or a full first paragraph


@pytest.mark.parametrize(
    ("lead", "date", "precision"),
    [
        ("6 月 15 日，", dt.date(2023, 6, 15), DatePrecision.DAY),
        ("2022 年 12 月 5 日，", dt.date(2022, 12, 5), DatePrecision.DAY),
        ("6 月 22—23 日，", dt.date(2023, 6, 22), DatePrecision.DAY),
        ("6 月 22 日至 24 日，", dt.date(2023, 6, 22), DatePrecision.DAY),
        ("6 月 30 日至 7 月 2 日，", dt.date(2023, 6, 30), DatePrecision.DAY),
        ("6 月上旬，", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("6 月底，", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("6 月，", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("当地时间 6 月 15 日，", dt.date(2023, 6, 15), DatePrecision.DAY),
        ("6 月 15 日（当地时间），", dt.date(2023, 6, 15), DatePrecision.DAY),
        ("6 月中下旬，", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("六月十五日，", dt.date(2023, 6, 15), DatePrecision.DAY),
        ("十二月廿二日，", dt.date(2022, 12, 22), DatePrecision.DAY),
        ("六月二十二日至三十日，", dt.date(2023, 6, 22), DatePrecision.DAY),
        ("六月上旬，", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("本月初，", dt.date(2023, 7, 1), DatePrecision.ISSUE),
        ("近日，", dt.date(2023, 7, 1), DatePrecision.ISSUE),
        ("日前，", dt.date(2023, 7, 1), DatePrecision.ISSUE),
        ("", dt.date(2023, 7, 1), DatePrecision.ISSUE),
    ],
)
def test_every_dateline_form_gives_a_date_and_how_precise_it_is(
    lead: str, date: dt.date, precision: DatePrecision
) -> None:
    assert lead_date(f"{lead}学会发布路线图。", ISSUE) == (date, precision)


@pytest.mark.parametrize(
    ("printed", "number"),
    [("15", 15), ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("廿二", 22)],
)
def test_a_month_or_day_reads_in_arabic_or_han_numerals(printed: str, number: int) -> None:
    assert date_number(printed) == number


@pytest.mark.parametrize(
    "dateline", ["2023 年 6 月 22 日，", "6 月 22—23 日，", "6 月上旬，", "近日，"]
)
def test_a_title_before_any_dateline_form_starts_an_article(dateline: str) -> None:
    structure = structure_of(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["乙组织发布标准 ", f"{dateline}乙组织发布标准。（辛竹琳） "],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "乙组织发布标准"]


# (a) what closes an article before it, with (c) a full first paragraph after it


def test_an_article_closed_by_its_authors_then_a_title_and_a_lead_start_an_article() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["乙组织发布标准 ", *LONG_LEAD[:-1], LONG_LEAD[-1].replace("。", "。（辛竹琳）")],
    )
    second = structure.articles[1]
    assert (second.title, second.authors) == ("乙组织发布标准", ("辛竹琳",))
    assert (second.date, second.date_precision) == (dt.date(2023, 7, 1), DatePrecision.ISSUE)
    assert diagnostics.warnings == []


def test_a_one_line_lead_after_an_author_line_starts_an_article() -> None:
    """Without its dateline a lead can fit one line; it still closes a sentence."""
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["乙组织发布标准 ", "乙组织发布首份年度报告。 ", "该报告建议采取措施。（辛竹琳） "],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "乙组织发布标准"]
    assert structure.articles[1].date_precision is DatePrecision.ISSUE
    assert diagnostics.warnings == []


def test_a_heading_then_a_title_and_a_lead_start_an_article_without_a_dateline() -> None:
    structure = structure_of([" 机构评论 ", "乙组织发布标准 ", *LONG_LEAD])
    assert [(a.section, a.title) for a in structure.articles] == [("机构评论", "乙组织发布标准")]


def test_one_weak_cue_is_reported_not_acted_on() -> None:
    # No author line closes the first article, and no dateline follows the title: only
    # the full paragraph after it says "article", which is not enough.
    structure, diagnostics = structure_and_diagnostics(
        [
            " 机构评论 ",
            "甲组织发布报告 ",
            "6 月 1 日，甲组织发布报告。 ",
            "乙组织发布标准 ",
            *LONG_LEAD,
        ]
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告"]
    messages = [w.message for w in diagnostics.warnings]
    assert any("has the shape of a title but does not start an article" in m for m in messages)
    assert any("cues: first paragraph after" in m for m in messages)


# (d) numbering: footnotes that start again at 1


def restarting_notes(second_note: str) -> tuple[list[str], ...]:
    """Two articles, the first with no author line, the second with no dateline; the
    second's lead holds a marker 1 whose definition is on its page."""
    return (
        [
            " 机构评论 ",
            "甲组织发布报告 ",
            "6 月 1 日，甲组织发布报告1，并说明了其主要内容和",
            "范围。 ",
        ],
        [NOTE_RULE],
        ["1 注释一。 "],
        [
            " 乙组织发布标准 ",
            "乙组织发布由电动汽车标准委员会制定的路线图1，旨在确定关键安",
            "全问题。（辛竹琳） ",
        ],
        [NOTE_RULE],
        [f"{second_note} 注释二。 "],
    )


def test_footnotes_restarting_at_a_lead_help_start_its_article() -> None:
    structure, diagnostics = structure_and_diagnostics(*restarting_notes("1"))
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "乙组织发布标准"]
    assert [w.message for w in diagnostics.warnings] == []


def test_footnotes_running_on_are_no_such_evidence() -> None:
    structure, diagnostics = structure_and_diagnostics(*restarting_notes("2"))
    assert [a.title for a in structure.articles] == ["甲组织发布报告"]
    assert any("does not start an article" in w.message for w in diagnostics.warnings)


# Section headings anywhere on a page


def test_a_heading_mid_page_before_blank_space_is_a_heading() -> None:
    structure = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["机构评论 ", " ", "乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略", "机构评论"]


def test_a_heading_mid_page_right_before_a_title_is_a_heading() -> None:
    structure = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["机构评论 ", "乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略", "机构评论"]
    assert structure.headings == ["标准战略", "机构评论"]


def test_a_short_title_before_its_dateline_is_not_a_heading() -> None:
    structure = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["欧盟发布新规 ", "6 月 2 日，欧盟发布新规。（辛竹琳） "],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "欧盟发布新规"]


def test_a_short_title_opening_a_page_with_its_lead_under_it_is_not_a_heading() -> None:
    structure = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        [" 欧盟发布新规 ", *LONG_LEAD],
    )
    assert [a.title for a in structure.articles] == ["甲组织发布报告", "欧盟发布新规"]
    assert structure.headings == ["标准战略"]


def test_a_heading_not_in_the_section_list_is_kept_as_printed() -> None:
    structure = structure_of([" 专家视点 ", " ", "乙组织发布标准 ", "6 月 2 日，正文。（辛竹琳） "])
    assert [a.section for a in structure.articles] == ["专家视点"]


def test_the_summary_may_open_with_a_full_dateline() -> None:
    text = export(
        [" 本期概要 ", "7 月 3 日，国家发展改革委发布文件。 "],
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
    )
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    assert [a.title for a in issue.articles] == ["甲组织发布报告"]
    assert len(issue.summary) == 1
    assert diagnostics.warnings == []


# Authors with any padding


def test_author_names_with_any_padding() -> None:
    assert parse_names("邓阿妹\u3000孙玉琦") == ("邓阿妹", "孙玉琦")
    assert parse_names("邓阿妹   孙玉琦") == ("邓阿妹", "孙玉琦")
    assert parse_names("付\u3000豪") == ("付豪",)
    assert parse_names("甲乙 丙丁 戊己 庚辛 壬癸") == ("甲乙", "丙丁", "戊己", "庚辛", "壬癸")
    assert parse_names("甲乙 丙丁 戊己 庚辛 壬癸 子丑") == ()  # a list, not a by-line


def test_an_author_line_may_state_a_role_which_is_no_name() -> None:
    assert parse_names("文/孙玉琦") == ("孙玉琦",)
    assert parse_names("编译：辛竹琳") == ("辛竹琳",)
    assert parse_names("辛竹琳 编译") == ("辛竹琳",)
    assert parse_names("孙玉琦 译") == ("孙玉琦",)
    assert parse_names("王 文") == ("王文",)  # a padded two-character name, no role
    assert parse_names("甲/孙玉琦") == ()  # a slash without a role


def test_author_names_listed_with_an_enumeration_comma() -> None:
    assert parse_names("邓阿妹、孙玉琦") == ("邓阿妹", "孙玉琦")
    assert parse_names("一、二") == ()  # single characters are no names


def test_author_names_listed_with_a_full_width_comma_must_be_plain_names() -> None:
    assert parse_names("邓阿妹，贾宇婷") == ("邓阿妹", "贾宇婷")
    assert parse_names("编译：邓阿妹，贾宇婷") == ()  # no role with a comma list
    assert parse_names("欧盟，美国，国际标准化组织") == ()  # not all names


def test_a_comma_list_after_a_closed_sentence_is_an_author_line() -> None:
    text = export(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（邓阿妹，贾宇婷） "]
    )
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    (found,) = issue.articles
    assert found.authors == ("邓阿妹", "贾宇婷")
    assert found.byline == "（邓阿妹，贾宇婷）"
    assert diagnostics.warnings == []


def test_a_comma_list_in_running_text_stays_text_and_is_warned() -> None:
    text = export(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织会见了两国代表（欧盟，美国） "]
    )
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    (found,) = issue.articles
    assert found.authors == ()
    assert (3, NO_AUTHORS) in [(w.line, w.message) for w in diagnostics.warnings]


def test_an_office_signing_as_itself_is_an_author() -> None:
    assert parse_names("本刊编辑部") == ("本刊编辑部",)
    assert parse_names("征求意见稿") == ()


def test_an_author_line_with_a_role_closes_the_article_and_loses_no_text() -> None:
    text = export(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（编译：邓阿妹、孙玉琦） "]
    )
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    (found,) = issue.articles
    assert found.authors == ("邓阿妹", "孙玉琦")
    assert found.byline == "（编译：邓阿妹、孙玉琦）"
    assert diagnostics.warnings == []


def test_an_author_line_in_half_width_parentheses_closes_the_article_and_loses_no_text() -> None:
    text = export([" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。(孙玉琦) "])
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    (found,) = issue.articles
    assert found.authors == ("孙玉琦",)
    assert found.byline == "(孙玉琦)"
    assert diagnostics.warnings == []


def test_an_author_line_with_padding_inside_its_parentheses_closes_the_article() -> None:
    (article,) = structure_of(
        [
            " 标准战略 ",
            "甲组织发布报告 ",
            "6 月 1 日，甲组织发布报告。（ 邓阿妹\u3000\u3000孙玉琦 ） ",
        ]
    ).articles
    assert article.authors == ("邓阿妹", "孙玉琦")


def test_an_author_line_wrapped_onto_its_own_two_lines_closes_the_article() -> None:
    (article,) = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。 ", "（邓阿妹 ", "孙玉琦） "]
    ).articles
    assert article.authors == ("邓阿妹", "孙玉琦")


def test_an_author_line_wrapped_where_the_space_between_names_was_keeps_both_names() -> None:
    # The extractor drops the space at a wrap: "（邓阿妹" + "孙玉琦）" with no space.
    (article,) = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（邓阿妹", "孙玉琦） "]
    ).articles
    assert article.authors == ("邓阿妹", "孙玉琦")


def test_an_author_line_wrapped_inside_a_name_keeps_the_name_whole() -> None:
    (article,) = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉", "琦） "]
    ).articles
    assert article.authors == ("孙玉琦",)


def test_an_author_line_wrapped_inside_a_name_after_padded_names_keeps_the_names() -> None:
    # Read as printed: joining the lines evens out "付 豪 邓" into "付豪邓".
    (article,) = structure_of(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦 付 豪 邓", "阿妹） "]
    ).articles
    assert article.authors == ("孙玉琦", "付豪", "邓阿妹")


def test_an_author_line_wrapped_inside_a_three_character_name_keeps_the_name_whole() -> None:
    # "周树" + "斌　付　豪": a single character only joins another one.
    lines = ["6 月 1 日，甲组织发布报告。（朱传宇\u3000周树", "斌\u3000付\u3000豪） "]
    (article,) = structure_of([" 标准战略 ", "甲组织发布报告 ", *lines]).articles
    assert article.authors == ("朱传宇", "周树斌", "付豪")


def test_an_author_line_wrapped_where_it_reads_as_one_name_or_two_is_reported() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦 欧阳", "娜娜） "]
    )
    assert structure.articles[0].authors == ("孙玉琦", "欧阳", "娜娜")
    assert any(w.line == 5 and "author line" in w.message for w in diagnostics.warnings)


# The structure accounting


def test_an_author_line_inside_an_article_and_an_article_without_one_are_reported() -> None:
    # The second title has four lines: it is not seen, and its article merges.
    text = export(
        [" 标准战略 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["乙组", "织发", "布标", "准 ", "乙组织发布标准，供各方使用。 "],
    )
    _, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    found = [(w.line, w.message) for w in diagnostics.warnings]
    assert (5, AUTHORS_INSIDE) in found
    assert (3, NO_AUTHORS) in found


def test_every_warning_names_its_file() -> None:
    diagnostics = Diagnostics("x.txt")
    diagnostics.warn(3, NO_AUTHORS)
    assert str(diagnostics.warnings[0]) == f"x.txt:3: {NO_AUTHORS}"


# The date's precision in the front matter, and what the check makes of it


def test_a_date_not_given_to_the_day_is_marked_in_the_front_matter() -> None:
    marked = {
        DatePrecision.DAY: {},
        DatePrecision.MONTH: {"date_approximate": True},
        DatePrecision.ISSUE: {"date_inferred": True},
    }
    for precision, fields in marked.items():
        dated = article(1, date=dt.date(2023, 6, 1), date_precision=precision)
        text = render_issue(issue(dated))["2023/07/01.md"]
        front = split_page(text).fields
        assert front["date"] == dt.date(2023, 6, 1)
        assert {k: v for k, v in front.items() if k.startswith("date_")} == fields
        assert check_rendered("2023/07/01.md", text) == []


def test_a_lead_naming_its_source_or_occasion_before_its_date_is_dated() -> None:
    july = IssueId(2023, 7)
    day = (dt.date(2023, 6, 19), DatePrecision.DAY)
    assert lead_date("据报道，6 月 19 日，甲组织发布报告。", july) == day
    assert lead_date("在 6 月 19 日举行的会议上，委员会通过决议。", july) == day


def test_a_date_later_in_the_lead_or_after_the_issue_does_not_date_it() -> None:
    july = IssueId(2023, 7)
    issue_month = (dt.date(2023, 7, 1), DatePrecision.ISSUE)
    assert lead_date("甲组织发布新标准，该标准将于 2024 年 1 月 1 日实施。", july) == issue_month
    assert lead_date("甲组织近日发布报告，回顾了 6 月 19 日的会议。", july) == issue_month
    assert lead_date("近日，6 月 3 日的会议通过决议。", july) == issue_month
