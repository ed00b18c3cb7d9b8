"""The table pass: one small case per quirk of the flattened export, then the sample.

The small cases build their lines with ``tests.exports.lines_of`` and ``caption``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.diagnostics import Diagnostics
from converter.model import Line, LineKind, Table
from converter.passes.blocks import table_caption
from converter.passes.decode import read_source
from converter.passes.layout import read_layout
from converter.passes.paragraphs import make_paragraph
from converter.passes.table_grid import rebuild_table
from tests.exports import FIRST_LINE, caption, lines_of, rebuild

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
GOLDEN_TABLE = ROOT / "tests" / "fixtures" / "tables" / "2023-07-table-1.tsv"
CAPTION_LINE = 84  # "表 1. 路线图提出的 37 个标准化缺口及相应的建议 " in the sample
PATH = "t.txt"


def table_of(*texts: str) -> tuple[Table, int, list[str]]:
    rebuilt = rebuild(caption(), lines_of(*texts), PATH)
    assert rebuilt is not None
    return rebuilt


def table_of_lines(lines: list[Line]) -> tuple[Table, int, list[str]]:
    rebuilt = rebuild(caption(), lines, PATH)
    assert rebuilt is not None
    return rebuilt


# --- one case per quirk -------------------------------------------------------------


def test_caption_gives_number_and_title() -> None:
    table, _, _ = table_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ")
    assert (table.number, table.caption, table.line) == (1, "测试表格", FIRST_LINE)


def test_a_cell_wrapped_over_lines() -> None:
    table, consumed, warnings = table_of(
        "序号 名称 说明 ",
        "1 ",
        "甲乙丙丁",
        "戊己 ",
        "第一行说明文字很长很长",
        "继续说明。 ",
        "2 ",
        "子丑 ",
        "寅卯说明。 ",
    )
    assert table.header == ("序号", "名称", "说明")
    assert table.rows == (
        ("1", "甲乙丙丁戊己", "第一行说明文字很长很长继续说明。"),
        ("2", "子丑", "寅卯说明。"),
    )
    assert (consumed, warnings) == (9, [])


def test_two_cells_on_one_line() -> None:
    table, _, warnings = table_of(
        "序号 项目 需要 等级 ",
        "1 ",
        "甲项目 ",
        "是 高 ",
        "2 ",
        "乙项目 ",
        "否 低 ",
    )
    assert table.rows == (("1", "甲项目", "是", "高"), ("2", "乙项目", "否", "低"))
    assert warnings == []


def test_a_whole_row_on_one_line_is_split_by_column_widths() -> None:
    # Row 2's "保持 UL 9741 继续更新…" has no certain boundary between its second and
    # third cells; only the widths learned from rows 1 and 3 place the cut.
    table, _, warnings = table_of(
        "序号 缺口 建议 是否 ",
        "1 ",
        "电池热失控 ",
        "制定电池热失控的测试标准和方法。 ",
        "是 ",
        "2 保持 UL 9741 继续更新 UL 9741 的文本 否 ",
        "3 ",
        "充电接口 ",
        "完成充电接口标准。 ",
        "否 ",
        "4 ",
        "名称 ",
        "建议。 ",
        "是 ",
    )
    assert table.rows[1] == ("2", "保持 UL 9741", "继续更新 UL 9741 的文本", "否")
    assert len(table.rows) == 4
    assert warnings == []


def test_a_row_across_a_page_break_continues_its_unfinished_cells_in_column_order() -> None:
    # Row 3's second cell stops mid-text ("无线功率传输的"); the wider line after it
    # cannot be that narrow column, so it starts the third. On the next page the
    # second cell is finished first, then the third.
    table, consumed, warnings = table_of(
        "序号 名称 建议 需要 ",
        "1 动态无线功率传输 ",
        "|开发解决动态无线功率传输的标准。 ",
        "|是 ",
        "2 静态无线充电 ",
        "|完成静态无线充电标准的工作。 ",
        "|否 ",
        "3 ",
        "|无线功率传输的",
        "开发无线功率传输的标准，类似于",
        "|是 ",
        ">EMC 测量 ",
        "ANSI C63.30 的部分。 ",
    )
    assert table.rows[2] == (
        "3",
        "无线功率传输的 EMC 测量",
        "开发无线功率传输的标准，类似于 ANSI C63.30 的部分。",
        "是",
    )
    assert (consumed, warnings) == (13, [])


def test_a_row_on_one_line_continues_each_cell_after_a_page_break() -> None:
    # Row 3 sits on one baseline; on the next page its second cell goes on
    # ("和 UL 1741 之", "间的一致性 "), then its third ("致性 ").
    table, consumed, warnings = table_of(
        "序号 缺口 建议 是否 ",
        "1 ",
        "电池热失控相关 ",
        "制定电池热失控的测试标准和方法。 ",
        "是 ",
        "2 ",
        "充电接口 ",
        "完成充电接口标准。 ",
        "否 ",
        "3 保持 UL 9741 继续更新 UL 9741，以实现与 UL 的一 是 ",
        ">和 UL 1741 之",
        "间的一致性 ",
        "致性 ",
    )
    assert table.rows[2] == (
        "3",
        "保持 UL 9741 和 UL 1741 之间的一致性",
        "继续更新 UL 9741，以实现与 UL 的一致性",
        "是",
    )
    assert (consumed, warnings) == (13, [])


def test_a_page_start_does_not_continue_a_cell_whose_line_was_not_full() -> None:
    # "评估互操作性" ended at a space far short of its column: it did not wrap, so the
    # text opening the next page is not its rest.
    lines = lines_of(
        "序号 名称 建议 需要 ",
        "1 ",
        "动态无线充电 ",
        "制定标准以解决动态无线充电互操作性问题。 ",
        "是 ",
        "2 ",
        "通信协议 ",
        "评估互操作性 否 ",
        ">（邓阿妹 孙玉琦） ",
    )
    table, consumed, _ = table_of_lines(lines)
    assert table.rows[1] == ("2", "通信协议", "评估互操作性", "否")
    assert consumed == 8


def test_a_header_cell_split_into_two_fragments_is_merged() -> None:
    # Five header fragments for four columns. "优先 " is full for its narrow column
    # (the next character would not fit), "建议 " is not full for its wide one.
    table, _, warnings = table_of(
        "序号 名称 建议 ",
        "优先 ",
        "等级 ",
        "1 ",
        "甲 ",
        "建议甲乙丙丁。 ",
        "高 ",
        "2 ",
        "乙 ",
        "建议乙。 ",
        "低 ",
    )
    assert table.header == ("序号", "名称", "建议", "优先等级")
    assert warnings == []


def test_short_cells_sharing_a_line_in_every_row_part_as_the_header_says() -> None:
    # Every row gives 4 certain cells ("发布 2023-06" is Han then Latin: an ordinary
    # space), the header 5 fragments that cannot merge into 4. Every row also allows 5
    # by parting its last line, so 5 is the count all the evidence agrees on.
    table, _, warnings = table_of(
        "序号 名称 内容 状态 日期 ",
        "1 ",
        "充电系统 ",
        "规定了通用要求。 ",
        "发布 2023-06 ",
        "2 ",
        "电池安全 ",
        "规定了安全要求和试验方法。 ",
        "现行 2020-05 ",
        "3 ",
        "无线充电 ",
        "规定了术语。 ",
        "废止 2021-10 ",
    )
    assert table.header == ("序号", "名称", "内容", "状态", "日期")
    assert [row[3:] for row in table.rows] == [
        ("发布", "2023-06"),
        ("现行", "2020-05"),
        ("废止", "2021-10"),
    ]
    assert warnings == []


def test_rows_with_and_without_certain_boundaries_on_their_last_line_agree() -> None:
    # Row 2's "现行 待定" parts certainly (two Chinese cells), rows 1 and 3 only at an
    # ordinary space; 5 columns is the one count every row and the header allow.
    table, _, warnings = table_of(
        "序号 名称 内容 状态 日期 ",
        "1 ",
        "充电系统 ",
        "规定了通用要求。 ",
        "发布 2023-06 ",
        "2 ",
        "电池安全 ",
        "规定了安全要求。 ",
        "现行 待定 ",
        "3 ",
        "无线充电 ",
        "规定了术语。 ",
        "废止 2021-10 ",
        "4 ",
        "通信协议 ",
        "规定了协议。 ",
        "现行 2020-05 ",
    )
    assert [row[3:] for row in table.rows] == [
        ("发布", "2023-06"),
        ("现行", "待定"),
        ("废止", "2021-10"),
        ("现行", "2020-05"),
    ]
    assert warnings == []


def test_a_row_ending_in_a_latin_word_is_not_continued_by_the_next_row_number() -> None:
    # "问题 是" is two cells (a cell's last line is not justified), although "P3 " ends
    # in a Latin word and a line opening with digits ("3 ") follows: it is the next row.
    table, _, warnings = table_of(
        "序号 名称 建议 需要 等级 ",
        "1 ",
        "动态无线充电 ",
        "制定标准以解决互操作性问题 是 P1 ",
        "2 ",
        "通信协议 ",
        "评估通信协议的互操作性 否 P3 ",
        "3 ",
        "充电接口 ",
        "完成接口标准 是 P2 ",
    )
    assert [row[2:] for row in table.rows] == [
        ("制定标准以解决互操作性问题", "是", "P1"),
        ("评估通信协议的互操作性", "否", "P3"),
        ("完成接口标准", "是", "P2"),
    ]
    assert warnings == []


def test_a_count_the_evidence_allows_two_ways_is_reported() -> None:
    # Every row is 4 certain cells or 5 parted at "高 A"; the header's 5 fragments are
    # 5 columns, or 4 with "优先" full for the narrow last column. Nothing decides; the
    # larger count is taken (every row parts into it, the header has its fragments).
    table, _, warnings = table_of(
        "序号 名称 建议 ",
        "优先 ",
        "等级 ",
        "1 ",
        "甲 ",
        "建议甲乙丙丁。 ",
        "高 A ",
        "2 ",
        "乙 ",
        "建议乙。 ",
        "低 B ",
        "3 ",
        "丙 ",
        "建议丙。 ",
        "中 C ",
    )
    assert table.header == ("序号", "名称", "建议", "优先", "等级")
    assert warnings == [
        f"{PATH}:{FIRST_LINE}: table 1: rows and header fit 5 or 4 columns alike; took 5"
    ]


def test_a_header_line_of_latin_words_parts_at_its_spaces_into_the_columns() -> None:
    # One header fragment (no space between two Chinese characters), three spaces,
    # four columns in every row: one way only to part it.
    table, _, warnings = table_of(
        "序号 Standard Title Status ",
        "1 ",
        "|ISO 9001 ",
        "|质量管理体系 ",
        "Published ",
        "2 ",
        "|IEC 62208 ",
        "|开关设备外壳 ",
        "Draft ",
    )
    assert table.header == ("序号", "Standard", "Title", "Status")
    assert table.rows[1] == ("2", "IEC 62208", "开关设备外壳", "Draft")
    assert warnings == []


def test_a_long_run_of_header_fragments_that_merge_no_one_way_is_reported() -> None:
    # Text between the caption and row 1 reads as 205 header fragments; whether they
    # merge into 5 columns in one way is counted, not searched cut by cut.
    notes = [f"第{i}段文字 " for i in range(200)]
    rows = [text for n in (1, 2, 3) for text in (f"{n} ", "甲 ", "乙乙 ", "丙 ", "丁 ")]
    table, _, warnings = table_of("序号 名称 说明 需要 等级 ", *notes, *rows)
    assert len(table.header) == 5 and len(table.rows) == 3
    assert warnings == [
        f"{PATH}:{FIRST_LINE + 1}: table header: 205 fragments for 5 columns and no one way "
        "to merge them; the surplus joined the last cell"
    ]


def test_a_header_crossing_a_page_goes_on_with_its_unfinished_cell() -> None:
    # "是否需要/额外研发" is cut at the page foot, "优先/等级" follows on the same page,
    # "工作" opens the next. Put back after "额外研发", the header merges into the five
    # columns one way only: a cell cut mid-text ("额外研发", "优先") goes on in its run.
    table, _, warnings = table_of(
        "序号 缺口描述 建议 ",
        "是否需要",
        "额外研发",
        "优先",
        "等级 ",
        ">工作 ",
        "1 ",
        "电池热失控 ",
        "制定电池热失控的测试标准和方法。 ",
        "是 高 ",
        "2 ",
        "充电接口 ",
        "完成充电接口标准。 ",
        "否 中 ",
    )
    assert table.header == ("序号", "缺口描述", "建议", "是否需要额外研发工作", "优先等级")
    assert warnings == []


def test_the_table_ends_before_a_line_that_is_not_the_next_row() -> None:
    lines = lines_of(
        "序号 名称 需要 ",
        "1 ",
        "甲 ",
        "是 ",
        "2 ",
        "乙 ",
        "否 ",
        "（邓阿妹 孙玉琦） ",
        "下一段正文。 ",
    )
    table, consumed, _ = table_of_lines(lines)
    assert len(table.rows) == 2
    assert lines[consumed].text == "（邓阿妹 孙玉琦） "


def test_justified_spacing_is_closed_up_but_cells_on_one_line_stay_apart() -> None:
    table, _, _ = table_of(
        "序号 名称 需要 等级 ",
        "1 ",
        "与 电 池 热 失",
        "控相关 ",
        "是 高 ",
        "2 ",
        "DC- 即 服 务",
        "（DCaaS） ",
        "否 中 ",
        "3 ",
        "修 订 SAE ",
        "J3072 ",
        "是 低 ",
    )
    assert [row[1] for row in table.rows] == [
        "与电池热失控相关",
        "DC-即服务（DCaaS）",
        "修订 SAE J3072",
    ]
    assert [row[2:] for row in table.rows] == [("是", "高"), ("否", "中"), ("是", "低")]


def test_a_trailing_space_between_latin_words_does_not_end_the_cell() -> None:
    table, _, _ = table_of(
        "序号 名称 建议 ",
        "1 ",
        "评估 UL 1741 ",
        "V2G 集成要求 ",
        "确定关于 OpenADR 和 IEEE ",
        "2030.5 的现有指南。 ",
        "2 ",
        "DER 聚合场景 ",
        "评估网络安全。 ",
    )
    assert table.rows == (
        ("1", "评估 UL 1741 V2G 集成要求", "确定关于 OpenADR 和 IEEE 2030.5 的现有指南。"),
        # "2 " + "DER": a row number is never continued by a Latin word.
        ("2", "DER 聚合场景", "评估网络安全。"),
    )


def test_a_row_missing_cells_has_its_last_line_split_where_only_one_split_exists() -> None:
    # "/ 低" has no certain boundary (half-width slash); the row must end on that line
    # because row 3 follows. Three cells from a line with two spaces: one way only, so
    # nothing was guessed and nothing is reported.
    table, _, warnings = table_of(
        "序号 名称 建议 需要 等级 ",
        "1 ",
        "动态无线充电 ",
        "制定标准以解决互操作性问题 是 低 ",
        "2 ",
        "支持无线电力 ",
        "完成通信标准研制工作 / 低 ",
        "3 ",
        "通信协议 ",
        "评估互操作性 否 低 ",
    )
    assert table.rows[1] == ("2", "支持无线电力", "完成通信标准研制工作", "/", "低")
    assert warnings == []


def test_a_row_missing_cells_split_by_column_widths_is_reported() -> None:
    # "…增补 SB 是 中" fits the wide second column but for "中": the row lacks a cell.
    # Many ways cut it into three at its spaces; only the widths (the narrow columns of
    # "是"/"中") choose one.
    table, _, warnings = table_of(
        "序号 名称 建议 需要 等级 ",
        "1 ",
        "动态无线充电 ",
        "制定标准以解决动态无线充电互操作性 是 低 ",
        "2 ",
        "修订 SAE J3072 ",
        "修改 J3072 以符合 UL 1741 增补 SB 是 中 ",
        "3 ",
        "通信协议 ",
        "评估互操作性 否 低 ",
    )
    assert table.rows[1] == ("2", "修订 SAE J3072", "修改 J3072 以符合 UL 1741 增补 SB", "是", "中")
    assert warnings == [
        f"{PATH}:{FIRST_LINE + 7}: table row 2: split '修改 J3072 以符合 UL 1741 增补 SB 是 中' "
        "at spaces by column widths to fill 3 cells"
    ]


def test_a_row_across_a_page_break_is_completed_from_the_line_before_the_break() -> None:
    # Row 3 sits on one line whose last cells part only at ordinary spaces ("Y P2") and
    # which fits the wide third column whole; after the page break its second and third
    # cells go on. The line before the break, which held the row's last cells, is the
    # one split further (by widths: reported).
    table, _, warnings = table_of(
        "序号 缺口 建议 需要 等级 ",
        "1 ",
        "电池热失控相关 ",
        "制定电池热失控的测试标准和方法以及相关规范。 ",
        "Y P1 ",
        "2 ",
        "充电接口 ",
        "完成充电接口标准。 ",
        "N P2 ",
        "3 保持 UL 9741 继续更新 UL 9741，以实现与 UL 的一 Y P2 ",
        ">和 UL 1741 之",
        "间的一致性 ",
        "致性 ",
        "4 ",
        "通信协议 ",
        "评估互操作性。 ",
        "N P3 ",
    )
    assert table.rows[2] == (
        "3",
        "保持 UL 9741 和 UL 1741 之间的一致性",
        "继续更新 UL 9741，以实现与 UL 的一致性",
        "Y",
        "P2",
    )
    assert len(table.rows) == 4
    assert warnings == [
        f"{PATH}:{FIRST_LINE + 10}: table row 3: split '保持 UL 9741 继续更新 UL 9741，"
        "以实现与 UL 的一 Y P2' at spaces by column widths to fill 4 cells"
    ]


@pytest.mark.parametrize(
    "text", ["表 1. 标题 ", "表1：标题", "表 １、标题", "表 12. 标题", "表 1 标题 ", "表 １ 标题"]
)
def test_caption_forms(text: str) -> None:
    found = table_caption(make_paragraph([caption(text)], True))
    assert found is not None and found.title == "标题"


@pytest.mark.parametrize(
    "text", ["图 1. 不是表 ", "表示赞同。", "表 1 中的数据显示，", "表 1 列出了缺口。", "表 12"]
)
def test_not_a_table_caption(text: str) -> None:
    assert table_caption(make_paragraph([caption(text)], True)) is None


def test_a_single_row_gives_no_evidence_for_the_columns_and_stays_text() -> None:
    assert rebuild(caption(), lines_of("序号 名称 ", "1 ", "甲 "), PATH) is None


NO_ROW_ENDS = (
    "table 1: no row numbered 1 after the caption, and no row end that repeats (short "
    "cells sharing a row's last line) to find rows by; kept as text"
)


def test_a_table_without_numbered_rows_or_repeated_row_ends_is_reported_as_such() -> None:
    diagnostics = Diagnostics(PATH)
    found = table_caption(make_paragraph([caption()], True))
    assert found is not None
    lines = lines_of("名称 内容 ", "甲 ", "甲的内容。 ", "乙 ", "乙的内容。 ")
    assert rebuild_table(found, lines, True, diagnostics) is None
    assert [str(w) for w in diagnostics.warnings] == [f"{PATH}:{FIRST_LINE}: {NO_ROW_ENDS}"]


def test_rows_without_numbers_are_found_by_their_repeated_ends() -> None:
    # Each row ends with its two short cells sharing a line ("是 高", after the end of
    # a longer cell in row 1), every four cells; the cells before the first row are
    # the header, merged into four.
    table, consumed, warnings = table_of(
        "缺口描述 建议 ",
        "是否需要",
        "额外研发 ",
        "优先等级 ",
        "电池热失控 ",
        "制定电池热失控的测试",
        "标准和方法。 是 高 ",
        "充电接口 ",
        "完成充电接口标准。 ",
        "否 中 ",
        "表后的一段文字。 ",
    )
    assert table.header == ("缺口描述", "建议", "是否需要额外研发", "优先等级")
    assert table.rows == (
        ("电池热失控", "制定电池热失控的测试标准和方法。", "是", "高"),
        ("充电接口", "完成充电接口标准。", "否", "中"),
    )
    assert (consumed, warnings) == (10, [])


def test_a_header_shaped_like_the_row_ends_is_the_first_row_of_cells() -> None:
    table, _, warnings = table_of("名称 需要 等级 ", "甲 是 高 ", "乙 否 中 ")
    assert table.header == ("名称", "需要", "等级")
    assert table.rows == (("甲", "是", "高"), ("乙", "否", "中"))
    assert warnings == []


def test_a_single_row_without_a_number_stays_text() -> None:
    assert rebuild(caption(), lines_of("名称 需要 等级 ", "甲 ", "是 高 "), PATH) is None


GOOD_ROWS = ("电池 ", "制定标准。 ", "是 高 ", "通信 ", "制定协议。 ", "是 低 ")
BROKEN_ROW = ("充电接口的", ">互操作 ", "完成标准。 ", "否 中 ")  # goes on after a page break


def test_rows_left_out_of_the_rows_found_keep_the_table_text() -> None:
    # A row crossing a page break parts into five cells, not four. Before the rows
    # found, its first cell, cut mid-text ("充电接口的"), would end the header, which
    # then merges into the columns no way; after them, it is placed by the widths the
    # rows found give, and "充电接口的" is wider than any first cell: no row, and its
    # end repeats theirs after the table.
    header = "缺口 建议 需要 等级 "
    assert rebuild(caption(), lines_of(header, *BROKEN_ROW, *GOOD_ROWS), PATH) is None
    good = (*GOOD_ROWS, "储能 ", "制定规范。 ", "否 高 ")
    diagnostics = Diagnostics(PATH)
    found = table_caption(make_paragraph([caption()], True))
    assert found is not None
    assert rebuild_table(found, lines_of(header, *good, *BROKEN_ROW), True, diagnostics) is None
    assert [str(w) for w in diagnostics.warnings] == [
        f"{PATH}:{FIRST_LINE}: table 1: no row numbered 1 after the caption; its rows end "
        "every 4 cells, but with their widths no header and rows agree; kept as text"
    ]
    table, _, _ = table_of(header, *good)  # the same rows without the broken one
    assert len(table.rows) == 3


WIDE_ROWS = (
    *("电池热失控 ", "制定电池热失控的标准。 ", "是 高 "),
    *("通信协议 ", "制定协议。 ", "是 低 "),
    *("储能电站 ", "制定规范。 ", "否 高 "),
)


def test_an_unnumbered_row_crossing_a_page_break_goes_on_in_column_order() -> None:
    # Row 3 crosses a page with two cells cut mid-text; the next page goes on with
    # them in column order (FORMAT.md §2). Its cells part five ways, so it is no link
    # of the chain of row ends; the widths of the rows found place it.
    crossing = ("充电接", "制定充电接口的", "|否 中 ", ">口互操作 ", "标准。 ")
    table, consumed, warnings = table_of(
        "缺口 建议 需要 等级 ", *WIDE_ROWS, *crossing, *WIDE_ROWS[:3]
    )
    assert table.rows[3] == ("充电接口互操作", "制定充电接口的标准。", "否", "中")
    assert len(table.rows) == 5
    assert (consumed, warnings) == (18, [])


def test_an_unnumbered_row_crossing_a_page_before_the_rows_found_is_read_too() -> None:
    # Row 2 parts into more cells than the others, so the rows found start at row 3;
    # the header is the one size of the cells before them that merges into the
    # columns and after which the rows placed by the widths end where those found do.
    crossing = ("充电接", "制定充电接口的", "|否 中 ", ">口互操作 ", "标准。 ")
    table, _, warnings = table_of("缺口 建议 需要 等级 ", *WIDE_ROWS[:3], *crossing, *WIDE_ROWS)
    assert table.header == ("缺口", "建议", "需要", "等级")
    assert table.rows[1] == ("充电接口互操作", "制定充电接口的标准。", "否", "中")
    assert len(table.rows) == 5 and warnings == []


def test_an_unnumbered_row_whose_long_cell_shares_its_last_line_is_a_row() -> None:
    # "制定协议。 是 低": three cells start on the line, where the others' ends start
    # two; the rows' chain skips it, the widths place it.
    table, _, warnings = table_of(
        "缺口 建议 需要 等级 ", *WIDE_ROWS, "通信协议 ", "制定协议。 是 低 ", *WIDE_ROWS[:3]
    )
    assert table.rows[3] == ("通信协议", "制定协议。", "是", "低")
    assert len(table.rows) == 5 and warnings == []


# --- the sample ---------------------------------------------------------------------


def read_golden(path: Path) -> list[tuple[str, ...]]:
    return [tuple(row.split("\t")) for row in path.read_text(encoding="utf-8").splitlines()]


def sample_table() -> tuple[Table, int, list[Line], list[str]]:
    layout = read_layout(read_source(SAMPLE))
    body = [line for line in layout.lines if line.kind is LineKind.BODY]
    at = next(i for i, line in enumerate(body) if line.number == CAPTION_LINE)
    following = body[at + 1 :]
    rebuilt = rebuild(body[at], following, "archive/2023-07.txt")
    assert rebuilt is not None
    table, consumed, warnings = rebuilt
    return table, consumed, following, warnings


def test_golden_fixture_is_a_full_grid() -> None:
    header, *rows = read_golden(GOLDEN_TABLE)
    assert len(header) == 5 and all(len(row) == 5 for row in rows)
    assert [row[0] for row in rows] == [str(n) for n in range(1, 38)]


def test_sample_table_matches_the_hand_checked_fixture() -> None:
    table, _, _, _ = sample_table()
    header, *rows = read_golden(GOLDEN_TABLE)
    assert table.caption == "路线图提出的 37 个标准化缺口及相应的建议"
    assert table.header == header
    for got, want in zip(table.rows, rows, strict=True):
        assert got == want


def test_sample_table_ends_before_the_author_line() -> None:
    _, consumed, following, _ = sample_table()
    assert following[consumed].number == 612
    assert following[consumed].text == "（邓阿妹 孙玉琦） "


def test_sample_table_reports_the_one_row_split_by_column_widths() -> None:
    # :516 ("…增补 SB 是 中") could be cut into three at several spaces; :600 ("…工作 / 低")
    # at its two spaces only, so it is not a guess and not reported.
    _, _, _, warnings = sample_table()
    assert [warning.split(": ")[0] for warning in warnings] == ["archive/2023-07.txt:516"]
