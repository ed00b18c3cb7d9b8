import datetime as dt

import pytest

from converter.diagnostics import Diagnostics
from converter.model import ConversionError, Figure, IssueId, Layout, Paragraph, Subheading
from converter.passes.paragraphs import build_paragraphs
from converter.passes.structure import (
    Structure,
    article_date,
    build_structure,
    identify_issue,
    parse_names,
)
from tests.exports import NOTE_RULE, layout_of


def structure_and_diagnostics(
    *blocks: list[str], path: str = "archive/2023-07.txt"
) -> tuple[Structure, Diagnostics]:
    layout = layout_of(*blocks, path=path)
    diagnostics = Diagnostics(path)
    return build_structure(layout, build_paragraphs(layout), diagnostics), diagnostics


def structure_of(*blocks: list[str], path: str = "archive/2023-07.txt") -> Structure:
    return structure_and_diagnostics(*blocks, path=path)[0]


def issue_of(layout: Layout) -> IssueId:
    return identify_issue(layout, Diagnostics(layout.source.path))


ISSUE = [
    [" 本期概要 ", "本月要闻。 "],
    [
        " 标准战略 ",
        " ",
        "美国国家标准学会发布电动汽车标准化",
        "路线图 ",
        "6 月 15 日，学会发布路线图。 ",
        "一、拓展重点领域范围 ",
        "正文。（邓阿妹 孙玉琦） ",
    ],
    [" 机构评论 ", "国际电信联盟专家表示标准至关重要 ", "6 月 19 日，副秘书长讲话。（付 豪） "],
]


def test_summary_sections_and_articles_in_order() -> None:
    structure = structure_of(*ISSUE)
    assert [p.text.value for p in structure.summary] == ["本月要闻。"]  # type: ignore[union-attr]
    assert [(a.section, a.title) for a in structure.articles] == [
        ("标准战略", "美国国家标准学会发布电动汽车标准化路线图"),
        ("机构评论", "国际电信联盟专家表示标准至关重要"),
    ]


def test_article_date_authors_and_blocks() -> None:
    first, second = structure_of(*ISSUE).articles
    assert first.date == dt.date(2023, 6, 15)
    assert first.authors == ("邓阿妹", "孙玉琦")
    assert second.authors == ("付豪",)
    assert isinstance(first.blocks[1], Subheading)
    last = first.blocks[-1]
    assert isinstance(last, Paragraph) and last.text.value == "正文。"


def test_issue_from_header_or_from_file_name() -> None:
    header = ["正文", "", " ", "3 ", " ", "2024 年第 01 期 ", "续。 "]
    assert issue_of(layout_of(header, path="x.txt")) == IssueId(2024, 1)
    assert issue_of(layout_of(["正文。 "], path="archive/2019-11.txt")) == IssueId(2019, 11)


def test_no_header_and_no_dated_file_name_is_an_error() -> None:
    with pytest.raises(ConversionError, match=r"notes\.txt:1: cannot tell the issue"):
        issue_of(layout_of(["正文。 "], path="notes.txt"))


def test_text_without_any_article_is_not_a_bulletin_export() -> None:
    with pytest.raises(ConversionError, match=r"2023-07\.txt:1: no articles found"):
        structure_of(["这只是一段文字。 ", "没有标题和日期。 "])


def test_december_article_in_a_january_issue_is_from_the_year_before() -> None:
    assert article_date("12 月 28 日，某会议。", IssueId(2024, 1)) == dt.date(2023, 12, 28)
    assert article_date("1 月 3 日，某会议。", IssueId(2024, 1)) == dt.date(2024, 1, 3)
    assert article_date("6月 30 日，某会议。", IssueId(2023, 7)) == dt.date(2023, 6, 30)


def test_a_date_after_the_issue_belongs_to_the_year_before() -> None:
    # A bulletin reports the past: June in a January issue is last June.
    assert article_date("6 月 30 日，某会议。", IssueId(2024, 1)) == dt.date(2023, 6, 30)
    # A few days after the month closed is still this year (the issue went to press).
    assert article_date("8 月 3 日，某会议。", IssueId(2023, 7)) == dt.date(2023, 8, 3)
    assert article_date("1 月 5 日，某会议。", IssueId(2023, 12)) == dt.date(2024, 1, 5)
    assert article_date("2 月 29 日，某会议。", IssueId(2023, 7)) == dt.date(2020, 2, 29)


def test_a_day_that_exists_in_no_nearby_year_has_no_date() -> None:
    assert article_date("2 月 30 日，某会议。", IssueId(2023, 7)) is None


def test_padded_two_character_names_are_one_author() -> None:
    assert parse_names("付 豪") == ("付豪",)
    assert parse_names("邓阿妹 贾宇婷") == ("邓阿妹", "贾宇婷")
    assert parse_names("付 豪 孙玉琦") == ("付豪", "孙玉琦")


def test_article_opening_a_page_after_a_part_empty_page_has_its_section_lost() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） ", " ", NOTE_RULE],
        ["1 注释。 "],
        [" 乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["机构评论", ""]
    assert any("section heading seems lost" in w.message for w in diagnostics.warnings)


def test_a_heading_at_a_page_foot_heads_the_article_opening_the_next_page() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） ", " "],
        ["前沿科技 ", " ", NOTE_RULE],
        ["1 注释。 "],
        [" 乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["机构评论", "前沿科技"]
    assert not any("seems lost" in w.message for w in diagnostics.warnings)


def test_article_after_a_note_area_and_blank_space_has_its_section_lost() -> None:
    # The note area ended its page; the blank space under it is the next page's top,
    # unindented, where a heading image stood.
    structure, diagnostics = structure_and_diagnostics(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） ", NOTE_RULE],
        ["1 注释。 ", " ", " "],
        ["乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["机构评论", ""]
    assert any("section heading seems lost" in w.message for w in diagnostics.warnings)


def test_article_right_after_the_summary_has_its_section_lost() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 本期概要 ", "本月要闻。 ", " "],
        ["甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        [" 机构评论 ", "乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [p.text.value for p in structure.summary] == ["本月要闻。"]  # type: ignore[union-attr]
    assert [a.section for a in structure.articles] == ["", "机构评论"]
    assert any("follows the summary" in w.message for w in diagnostics.warnings)


def test_a_heading_set_off_by_brackets_is_a_heading_named_inside_them() -> None:
    structure = structure_of(
        [" 本期概要 ", "本月要闻。 "],
        [" 【标准战略】 ", " ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        [" 【机构评论】 ", "乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略", "机构评论"]
    assert structure.headings == ["本期概要", "【标准战略】", "【机构评论】"]


def test_an_unlisted_heading_opening_the_issue_with_text_after_it_heads_the_summary() -> None:
    structure, diagnostics = structure_and_diagnostics(
        [" 本期导读 ", "7 月，本月要闻。 ", "另一则要闻。 "],
        [" 机构评论 ", "乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    summary = [p.text.value for p in structure.summary]  # type: ignore[union-attr]
    assert summary == ["7 月，本月要闻。", "另一则要闻。"]
    assert [a.title for a in structure.articles] == ["乙组织发布标准"]
    assert not diagnostics.warnings


def test_a_listed_section_opening_the_issue_heads_its_articles_not_a_summary() -> None:
    structure = structure_of(
        [" 标准战略 ", " ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） "],
    )
    assert structure.summary == []
    assert [a.section for a in structure.articles] == ["标准战略"]


def test_article_opening_a_page_after_a_full_page_stays_in_its_section() -> None:
    structure = structure_of(
        [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。（孙玉琦） ", NOTE_RULE],
        ["1 注释。 "],
        [" 乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert [a.section for a in structure.articles] == ["机构评论", "机构评论"]


def test_figure_caption_becomes_a_figure_and_standalone_authors_close_the_article() -> None:
    (article,) = structure_of(
        [
            " 前沿科技 ",
            "科学家利用激光研究材料 ",
            "7 月 3 日，研究发表。 ",
            " ",
            "图 2. NIST 科学家利用 LIPIT 方法测试材料 ",
            "（周树斌） ",
        ]
    ).articles
    assert article.authors == ("周树斌",)
    figure = article.blocks[-1]
    assert isinstance(figure, Figure)
    assert (figure.number, figure.caption) == (2, "NIST 科学家利用 LIPIT 方法测试材料")


def test_a_figure_caption_with_a_space_after_its_number_is_a_figure_but_a_clause_is_not() -> None:
    (article,) = structure_of(
        [
            " 前沿科技 ",
            "科学家利用激光研究材料 ",
            "7 月 3 日，研究发表。 ",
            "图 2 显示了测试结果，误差较小。 ",
            " ",
            "图 3 NIST 科学家利用 LIPIT 方法测试材料 ",
            "（周树斌） ",
        ]
    ).articles
    prose, figure = article.blocks[-2:]
    assert isinstance(prose, Paragraph)
    assert isinstance(figure, Figure)
    assert (figure.number, figure.caption) == (3, "NIST 科学家利用 LIPIT 方法测试材料")


def test_a_table_row_number_opening_a_page_is_not_a_section_heading() -> None:
    structure = structure_of(
        [" 标准战略 ", "某标题 ", "6 月 1 日，正文。 ", "表 1. 表题 ", "序号 名称 ", "1 ", "甲 "],
        [" 2 ", "乙 ", "（孙玉琦） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略"]
    assert structure.articles[0].authors == ("孙玉琦",)


def test_a_short_chinese_table_cell_opening_a_page_is_not_a_section_heading() -> None:
    # "电磁兼容测量" has a heading's shape, but the article's table is still open (no
    # author line since its caption) and no title follows it.
    structure = structure_of(
        [" 标准战略 ", "某标题 ", "6 月 1 日，正文。 ", "表 1. 表题 ", "序号 名称 ", "1 ", "甲 "],
        [" 电磁兼容测量 ", "2 ", "乙 ", "（孙玉琦） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略"]
    assert structure.headings == ["标准战略"]


def test_a_heading_after_a_table_without_authors_is_a_heading_when_a_title_follows() -> None:
    structure = structure_of(
        [" 标准战略 ", "某标题 ", "6 月 1 日，正文。 ", "表 1. 表题 ", "序号 名称 ", "1 ", "甲 "],
        [" 机构评论 ", "另一标题 ", "6 月 2 日，正文。（孙玉琦） "],
    )
    assert [a.section for a in structure.articles] == ["标准战略", "机构评论"]


def test_a_parenthesis_of_more_than_four_characters_is_not_an_author_line() -> None:
    assert parse_names("征求意见稿") == ()
    assert parse_names("欧阳娜娜 付 豪") == ("欧阳娜娜", "付豪")


WIDE = "对标国内外生产企业先进能效水平，确定工业重点领域能效标杆"


def article_with_subheadings(*subheadings: str) -> list[str]:
    lines = [" 标准战略 ", "国家发改委发布能效标杆水平 ", "7 月 4 日，发改委发布文件如下： "]
    for subheading in subheadings:
        lines += [f"{subheading} ", WIDE, f"水平，{subheading}。 "]
    return [*lines[:-1], lines[-1].rstrip() + "（邓阿妹） "]


def test_narrow_title_shaped_lines_heading_text_twice_in_an_article_are_subheadings() -> None:
    structure, diagnostics = structure_and_diagnostics(
        article_with_subheadings("拓展重点领域", "强化能效引领")
    )
    (article,) = structure.articles
    heads = [b for b in article.blocks if isinstance(b, Subheading)]
    assert [(h.text, h.level) for h in heads] == [("拓展重点领域", 1), ("强化能效引领", 1)]
    assert not diagnostics.warnings


def test_a_lone_narrow_title_shaped_line_in_an_article_stays_text_and_is_warned() -> None:
    structure, diagnostics = structure_and_diagnostics(article_with_subheadings("拓展重点领域"))
    (article,) = structure.articles
    assert not any(isinstance(b, Subheading) for b in article.blocks)
    assert [w.line for w in diagnostics.warnings] == [7]  # the subheading's line
    assert "shape of a title" in diagnostics.warnings[0].message


def test_a_dash_line_under_a_title_is_its_subtitle_not_a_title() -> None:
    """'——记…' on its own line (a blank line between) under a title-shaped line: one
    title of two parts; the article before keeps its author line."""
    issue = [
        *ISSUE[:2],
        [
            " 机构评论 ",
            "国际电信联盟专家表示标准至关重要 ",
            "",
            "——记 2023 年世界电信日活动 ",
            "",
            "6 月 19 日，副秘书长讲话。（付 豪） ",
        ],
    ]
    structure, diagnostics = structure_and_diagnostics(*issue)
    first, second = structure.articles
    assert first.authors == ("邓阿妹", "孙玉琦")
    assert second.title == "国际电信联盟专家表示标准至关重要——记 2023 年世界电信日活动"
    assert second.date == dt.date(2023, 6, 19)
    assert not [w for w in diagnostics.warnings if "shape of a title" in w.message]


def test_a_dash_line_that_closes_a_sentence_is_no_subtitle() -> None:
    """A dash opening a sentence of the text is text, not a subtitle."""
    issue = [
        *ISSUE[:2],
        [
            " 机构评论 ",
            "国际电信联盟专家表示标准至关重要 ",
            "",
            "——副秘书长在会上如是说。 ",
            "",
            "6 月 19 日，副秘书长讲话。（付 豪） ",
        ],
    ]
    second = structure_of(*issue).articles[1]
    assert second.title == "国际电信联盟专家表示标准至关重要"
