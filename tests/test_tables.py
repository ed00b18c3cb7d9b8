"""The table pass: one small case per quirk of the flattened export, then the sample.

The small cases build their lines with ``tests.exports.lines_of`` and ``caption``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.model import Line, LineKind, Table
from converter.passes.blocks import table_caption
from converter.passes.decode import read_source
from converter.passes.layout import read_layout
from converter.passes.paragraphs import make_paragraph
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


def test_a_row_missing_cells_has_its_last_line_split_and_is_reported() -> None:
    # "/ 低" has no certain boundary (half-width slash); the row must end on that line
    # because row 3 follows, and only "/" fits the narrow fourth column.
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
    assert warnings == [
        f"{PATH}:{FIRST_LINE + 7}: table row 2: split '完成通信标准研制工作 / 低' "
        "at spaces by column widths to fill 3 cells"
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


def test_sample_table_reports_the_two_rows_it_had_to_split() -> None:
    _, _, _, warnings = sample_table()
    assert [warning.split(": ")[0] for warning in warnings] == [
        "archive/2023-07.txt:516",
        "archive/2023-07.txt:600",
    ]
