"""Block rules (passes/blocks.py): nested subheadings and captions in any form."""

from __future__ import annotations

import pytest

from converter.diagnostics import Diagnostics
from converter.model import Figure, Paragraph, Subheading
from converter.passes.blocks import figure_caption, numeral_value, table_caption
from converter.passes.structure import classify_blocks
from converter.site.issue_pages import render_block
from tests.exports import paragraph_objects


def classified(*texts: str) -> tuple[list[object], list[str]]:
    """Each text one paragraph of an article (ending with a space: its own block)."""
    paragraphs = paragraph_objects(*([text + " "] for text in texts))
    diagnostics = Diagnostics("t.txt")
    blocks = classify_blocks(list(paragraphs), diagnostics)
    shapes: list[object] = [
        (block.text, block.level) if isinstance(block, Subheading) else type(block).__name__
        for block in blocks
    ]
    return shapes, [warning.message for warning in diagnostics.warnings]


def test_numbering_schemes_nest_in_order_of_first_appearance() -> None:
    shapes, warnings = classified(
        "一、总体要求",
        "（一）指导思想",
        "正文。",
        "1. 基本原则",
        "（1）坚持标准引领",
        "正文。",
        "（2）坚持开放合作",
        "正文。",
        "2. 主要目标",
        "正文。",
        "（二）工作任务",
        "正文。",
        "二、保障措施",
        "（一）加强组织领导",
        "正文。",
    )
    assert shapes == [
        ("一、总体要求", 1),
        ("（一）指导思想", 2),
        "Paragraph",
        ("1. 基本原则", 3),
        ("（1）坚持标准引领", 4),
        "Paragraph",
        ("（2）坚持开放合作", 4),
        "Paragraph",
        ("2. 主要目标", 3),
        "Paragraph",
        ("（二）工作任务", 2),
        "Paragraph",
        ("二、保障措施", 1),
        ("（一）加强组织领导", 2),
        "Paragraph",
    ]
    assert warnings == []


def test_the_article_decides_which_scheme_is_the_outer_one() -> None:
    shapes, _ = classified(
        "1、范围", "（1）适用对象", "正文。", "（2）适用场合", "正文。", "2、术语", "正文。"
    )
    assert shapes == [
        ("1、范围", 1),
        ("（1）适用对象", 2),
        "Paragraph",
        ("（2）适用场合", 2),
        "Paragraph",
        ("2、术语", 1),
        "Paragraph",
    ]


@pytest.mark.parametrize("marker", ["1.", "1．", "1、", "（1）", "(1)", "1)", "（一）", "一、"])
def test_each_marker_form_opens_a_subheading(marker: str) -> None:
    second = marker.replace("1", "2").replace("一", "二")
    shapes = [(f"{marker}标准体系建设", 1), "Paragraph", (f"{second}标准实施", 1), "Paragraph"]
    found = classified(f"{marker}标准体系建设", "正文。", f"{second}标准实施", "正文。")
    assert found == (shapes, [])


def test_a_numbering_that_never_counts_past_one_is_no_outline() -> None:
    assert classified("1. 不是列表", "正文。") == (["Paragraph", "Paragraph"], [])
    assert classified("（一）不是标题", "正文。") == (["Paragraph", "Paragraph"], [])


def test_a_chinese_numeral_and_enumeration_comma_is_a_heading_alone() -> None:
    assert classified("一、背景", "正文。") == ([("一、背景", 1), "Paragraph"], [])


@pytest.mark.parametrize(
    "text",
    [
        "（1）各地区要加强能效标准的实施。",  # a list item written as a sentence
        "本期要点：（1）发布新标准；（2）修订旧标准",  # inline enumeration
        "1.5 倍于基准水平",  # a decimal, not a number and a stop
        "2023 年工作安排",
    ],
)
def test_sentences_and_inline_enumerations_stay_paragraphs(text: str) -> None:
    assert classified(text) == (["Paragraph"], [])


def test_a_list_of_short_numbered_items_is_text_and_a_heading_heads_text() -> None:
    found = classified(
        "包括：", "1. GB/T 1 标准化工作导则", "2. GB/T 2 术语", "正文。", "（1）最后一行"
    )
    assert found == (["Paragraph"] * 5, [])


def test_a_skipped_or_repeated_number_is_warned_with_its_line() -> None:
    shapes, warnings = classified("一、背景", "正文。", "三、目标", "正文。", "三、措施", "正文。")
    assert shapes[::2] == [("一、背景", 1), ("三、目标", 1), ("三、措施", 1)]
    assert warnings == [
        "subheading numbered 3 where 2 was expected (level 1, 一、); kept as numbered",
        "subheading numbered 3 where 4 was expected (level 1, 一、); kept as numbered",
    ]


def test_a_new_scheme_not_starting_at_one_stays_a_paragraph_with_a_warning() -> None:
    shapes, warnings = classified("3、其他事项", "正文。")
    assert shapes == ["Paragraph", "Paragraph"]
    assert warnings == [
        "numbered like a subheading (1.) but its numbering starts at 3, not 1; kept as a paragraph"
    ]


def test_three_lines_are_running_text_not_a_heading() -> None:
    paragraphs = paragraph_objects(["一、一行", "二行", "三行 "])
    assert isinstance(classify_blocks(list(paragraphs), Diagnostics("t.txt"))[0], Paragraph)


def test_chinese_numerals_read_up_to_ninety_nine() -> None:
    assert [numeral_value(n) for n in ["一", "九", "十", "十一", "二十", "九十九", "３"]] == [
        1,
        9,
        10,
        11,
        20,
        99,
        3,
    ]


def test_levels_render_one_heading_deeper_each_capped_at_six() -> None:
    rendered = [render_block(Subheading("一、背景", 1, level), 2) for level in (1, 2, 3, 4, 5)]
    assert rendered == [
        "### 一、背景",
        "#### 一、背景",
        "##### 一、背景",
        "###### 一、背景",
        "###### 一、背景",
    ]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("表 1. 路线图的缺口", "1"),
        ("表 1．路线图的缺口", "1"),
        ("表1:路线图的缺口", "1"),
        ("表1：路线图的缺口", "1"),
        ("表 1、路线图的缺口", "1"),
        ("表 1 路线图的缺口", "1"),
        ("表1路线图的缺口", "1"),
        ("表 １ 路线图的缺口", "1"),  # read as the number 1
        ("表 1-2 路线图的缺口", "1-2"),
        ("表 2.1 路线图的缺口", "2.1"),
        ("表 2.1. 路线图的缺口", "2.1"),
    ],
)
def test_table_captions_with_any_separator_and_number_form(text: str, printed: str) -> None:
    found = table_caption(paragraph_objects([text + " "])[0])
    assert found is not None
    assert (found.title, found.printed or str(found.number)) == ("路线图的缺口", printed)


@pytest.mark.parametrize(
    "lines",
    [
        ["开展额外的研发工作（如表 1）。 "],
        ["表明，材料的抗穿刺能力与其破坏应力密切相关。 "],
        ["表 1 中的数据显示，缺口集中在两个领域 "],
        ["表 1 列出了各国的数量。 "],
        ["表 1. 路线图的缺口", "序号 缺口描述 建议 "],  # a caption glued to its header
        ["表 1. 路线图的", "缺口描述", "第三行 "],
    ],
)
def test_mentions_sentences_and_glued_header_lines_are_not_captions(lines: list[str]) -> None:
    assert table_caption(paragraph_objects(lines)[0]) is None


def test_a_caption_wrapped_over_two_lines_is_one_caption() -> None:
    paragraph = paragraph_objects(["图 3．NIST 新型量子设备的中心", "工作区域示意图 "])[0]
    found = figure_caption(paragraph)
    assert found is not None
    assert (found.number, found.title) == (3, "NIST 新型量子设备的中心工作区域示意图")
    figure = classify_blocks([paragraph], Diagnostics("t.txt"))[0]
    assert isinstance(figure, Figure) and figure.caption == found.title


def test_a_caption_wrapped_between_two_latin_words_keeps_its_space_and_is_one_caption() -> None:
    # The one wrap after which a line of text keeps its trailing space (FORMAT.md §2:
    # "《IEC " + "62208:2023", :1081/1083); the paragraph pass joins them (LATIN_END, LATIN_START).
    paragraphs = paragraph_objects(["图 2. 采用 IEC 62208:2023 与 IEEE ", "2030.5 的测试示意图 "])
    assert len(paragraphs) == 1
    found = figure_caption(paragraphs[0])
    assert found is not None
    assert (found.number, found.title) == (2, "采用 IEC 62208:2023 与 IEEE 2030.5 的测试示意图")


def test_a_sentence_mentioning_a_figure_is_not_a_caption() -> None:
    assert figure_caption(paragraph_objects(["图 3 显示了测量结果。 "])[0]) is None


def test_a_paragraph_opening_with_a_caption_label_but_no_caption_is_reported() -> None:
    lines = [
        "图 1. 市场监管总局与广西壮族自治区人民政府签署战略合作协议",
        "（孙玉琦）会后双方表示，",
        "将深化合作。 ",
    ]
    assert classified("图 2. 显示了两种材料的差别。", "图 3 显示了测量结果。") == (
        ["Paragraph", "Paragraph"],
        [
            "opens with a caption's label but is not a caption (a sentence, or more than 2 lines): "
            "kept as text"
        ],
    )
    diagnostics = Diagnostics("t.txt")
    assert isinstance(classify_blocks(list(paragraph_objects(lines)), diagnostics)[0], Paragraph)
    assert len(diagnostics.warnings) == 1
