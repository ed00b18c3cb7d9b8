"""Each step of the table grid on its own, from the form it takes to the one it gives
(the whole rebuild is tested in test_tables.py)."""

from __future__ import annotations

from converter.passes.blocks import Caption
from converter.passes.table_grid.cells import (
    Choice,
    choose_column,
    closed,
    open_row,
    place_line,
    read_rows,
)
from converter.passes.table_grid.columns import cut_rows, learn_columns
from converter.passes.table_grid.header import merge_header, read_header, read_header_lines
from converter.passes.table_grid.rows import numbered_rows
from converter.passes.table_grid.text import cell_text, close_gaps
from converter.passes.table_grid.unnumbered import cell_run, repeated_row_ends
from converter.passes.table_grid.words import Columns, Edge, Gap, group_cells, read_words
from tests.exports import FIRST_LINE, lines_of

CAPTION = Caption(1, "测试表格", FIRST_LINE)
WRAPPED = lines_of(
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


# --- words --------------------------------------------------------------------------


def test_spaces_are_classified_by_what_they_lie_between() -> None:
    wrapped = read_words(lines_of("与 电 池 热 失", "控"), 0)
    assert wrapped.gaps == (Gap.JUSTIFIED,) * 4 and wrapped.end is Edge.CUT
    shared = read_words(lines_of("是 高 "), 0)
    assert shared.gaps == (Gap.CELL,) and shared.end is Edge.END
    latin = read_words(lines_of("UL 1741 增补 "), 0)
    assert latin.gaps == (Gap.SPACE, Gap.SPACE) and latin.tokens == ("UL", "1741", "增补")


def test_a_row_number_is_dropped_from_its_line() -> None:
    words = read_words(lines_of("2 子丑 "), 0, skip=1)
    assert words.tokens == ("子丑",) and words.spaced_before


def test_lines_group_into_cells_at_certain_boundaries_only() -> None:
    lines = lines_of("甲乙丙丁", "戊己 ", "是 高 ")
    cells = group_cells([read_words(lines, index) for index in range(len(lines))])
    assert [[piece.text for piece in cell] for cell in cells] == [
        ["甲乙丙丁", "戊己"],
        ["是"],
        ["高"],
    ]


# --- step 1: rows -------------------------------------------------------------------


def test_rows_start_at_their_numbers() -> None:
    assert numbered_rows(WRAPPED) == (1, 6)


def test_a_number_inside_a_wrapped_cell_starts_no_row() -> None:
    lines = lines_of("1 ", "标准共有", "2 项 ", "2 ", "乙 ")
    assert numbered_rows(lines) == (0, 3)


def test_no_row_one_no_rows() -> None:
    assert numbered_rows(lines_of("序号 名称 ", "甲 ")) == ()


# --- step 2: columns ----------------------------------------------------------------


def test_columns_are_learned_from_the_rows_whose_end_is_known() -> None:
    (row,) = cut_rows(WRAPPED, numbered_rows(WRAPPED))
    assert [[piece.text for piece in cell] for cell in row.cells] == [
        ["1"],
        ["甲乙丙丁", "戊己"],
        ["第一行说明文字很长很长", "继续说明。"],
    ]
    header = read_header_lines(WRAPPED, 1)
    columns, notes = learn_columns(WRAPPED, numbered_rows(WRAPPED), header, CAPTION)
    assert columns == Columns((1, 8, 22)) and notes == ()


# --- step 3: cells ------------------------------------------------------------------

COLUMNS = Columns((1, 8, 22))


def test_rows_are_placed_by_the_widths() -> None:
    rows, consumed = read_rows(WRAPPED, 1, COLUMNS)
    assert [[cell_text(cell, False) for cell in row.cells] for row in rows] == [
        ["1", "甲乙丙丁戊己", "第一行说明文字很长很长继续说明。"],
        ["2", "子丑", "寅卯说明。"],
    ]
    assert consumed == len(WRAPPED) and all(row.warnings == () for row in rows)


def test_placing_a_line_gives_a_new_row_and_leaves_the_old_one() -> None:
    row = open_row(WRAPPED, 1, 1, COLUMNS, ends_row=False)
    words = read_words(WRAPPED, 2)
    choice = choose_column(row, words, COLUMNS)
    assert choice == Choice(1)
    placed = place_line(row, words, choice, COLUMNS)
    assert row.cells[1] == () and row.missing() == [1, 2]
    assert [piece.text for piece in placed.cells[1]] == ["甲乙丙丁"] and placed.cur == 1


def test_after_a_page_break_a_line_resumes_the_unfinished_cell() -> None:
    lines = lines_of("3 ", "|无线功率传输的", "开发无线功率传输的标准，类似于", ">EMC 测量 ")
    columns = Columns((1, 14, 30))
    row = open_row(lines, 0, 3, columns, ends_row=False)
    for index in (1, 2):
        words = read_words(lines, index)
        choice = choose_column(row, words, columns)
        assert choice is not None
        row = place_line(row, words, choice, columns)
    resumed = choose_column(row, read_words(lines, 3), columns)
    assert resumed == Choice(1, resumes=True) and not row.resumed


def test_closing_a_row_with_empty_cells_warns() -> None:
    row = open_row(lines_of("1 甲 "), 0, 1, COLUMNS, ends_row=True)
    assert closed(row, COLUMNS).warnings == (
        (FIRST_LINE + 1, "table row 1: 1 of 3 cells not found; left empty"),
    )
    assert row.warnings == ()


# --- step 4: header -----------------------------------------------------------------


def test_header_fragments_give_the_cells() -> None:
    header = read_header_lines(WRAPPED, 1)
    assert read_header(header, FIRST_LINE + 1, COLUMNS, False) == (("序号", "名称", "说明"), ())


def test_a_full_header_fragment_merges_with_the_next() -> None:
    lines = lines_of("序号 项目名称很长很", "长 说明 ")
    header = read_header_lines(lines, 2)
    runs, notes = merge_header(header, Columns((2, 10, 4)), FIRST_LINE + 1)
    assert [cell_text([p for fragment in run for p in fragment], False) for run in runs] == [
        "序号",
        "项目名称很长很长",
        "说明",
    ]
    assert notes == ()


def test_too_few_header_fragments_leave_the_last_cells_empty_and_warn() -> None:
    header = read_header_lines(lines_of("序号 名称 "), 1)
    cells, notes = read_header(header, FIRST_LINE + 1, COLUMNS, False)
    assert cells == ("序号", "名称", "")
    assert notes == ((FIRST_LINE + 1, "table header: 2 cells for 3 columns; the last left empty"),)


# --- cell text ----------------------------------------------------------------------


def test_spaces_that_are_not_text_are_closed() -> None:
    assert close_gaps("DC- 即服务") == "DC-即服务"
    assert close_gaps("和 /或") == "和/或"
    assert close_gaps("1741。 是") == "1741。是"
    assert close_gaps("外壳 - 一般") == "外壳 - 一般"


# --- rows without numbers -----------------------------------------------------------


def test_rows_without_numbers_are_found_by_their_repeated_ends() -> None:
    lines = lines_of(
        "项目 说明 需要 等级 ",
        "甲项目 ",
        "甲说明文字 ",
        "是 高 ",
        "乙项目 ",
        "乙说明文字 ",
        "否 低 ",
        "丙项目 ",
        "丙说明文字 ",
        "是 中 ",
    )
    ends = repeated_row_ends(cell_run(lines))
    assert ends is not None
    assert ends.columns.count == 4 and ends.first == 4
