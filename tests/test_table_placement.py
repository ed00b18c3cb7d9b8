"""The table pass in an article: a caption paragraph and the paragraphs of its
flattened cells become one ``Table``; what follows the table stays text."""

from __future__ import annotations

import datetime as dt

import pytest

from converter.diagnostics import Diagnostics
from converter.model import Article, Line, Paragraph, Table
from converter.passes.paragraphs import make_paragraph
from converter.passes.tables import following_lines, place_tables
from tests.exports import caption, lines_of


def article_of(*paragraphs: list[Line]) -> Article:
    blocks = tuple(make_paragraph(lines, True) for lines in paragraphs)
    return Article(1, "标题", dt.date(2023, 6, 1), "标准战略", (), blocks, 1)


def placed(*paragraphs: list[Line]) -> tuple[Article, Diagnostics]:
    diagnostics = Diagnostics("t.txt")
    return place_tables(article_of(*paragraphs), True, diagnostics), diagnostics


def test_caption_and_cell_paragraphs_become_one_table() -> None:
    cells = lines_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ")
    article, diagnostics = placed([caption()], cells[:3], cells[3:])
    (table,) = article.blocks
    assert isinstance(table, Table)
    assert table.rows == (("1", "甲"), ("2", "乙"))
    assert diagnostics.warnings == []


def test_text_after_the_table_in_the_same_paragraph_stays_a_paragraph() -> None:
    lines = lines_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ", "|表后的说明文字。 ")
    article, _ = placed([caption()], lines)
    table, after = article.blocks
    assert isinstance(table, Table) and len(table.rows) == 2
    assert isinstance(after, Paragraph) and after.text.value == "表后的说明文字。"


def test_a_caption_with_no_numbered_rows_stays_text_with_a_warning() -> None:
    text = lines_of("这里没有表格。 ")
    article, diagnostics = placed([caption()], text)
    assert [type(block) for block in article.blocks] == [Paragraph, Paragraph]
    assert [w.line for w in diagnostics.warnings] == [caption().number]
    assert "kept as text" in diagnostics.warnings[0].message


def test_a_caption_written_with_a_colon_is_a_caption() -> None:
    cells = lines_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ")
    article, _ = placed([caption("表 1：测试表格 ")], cells)
    (table,) = article.blocks
    assert isinstance(table, Table) and table.caption == "测试表格"


def test_a_caption_without_a_separator_is_a_caption_when_numbered_rows_follow() -> None:
    cells = lines_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ")
    article, diagnostics = placed([caption("表 ２ 测试表格 ")], cells)
    (table,) = article.blocks
    assert isinstance(table, Table) and (table.number, table.caption) == (2, "测试表格")
    assert diagnostics.warnings == []


@pytest.mark.parametrize("text", ["表 1 列出了主要变化。 ", "表 1 中的数据显示，变化不大。 "])
def test_a_sentence_opening_with_a_table_number_stays_text(text: str) -> None:
    # No separator, and a clause: no caption, so nothing to warn of.
    article, diagnostics = placed([caption(text)], lines_of("这里没有表格。 "))
    assert [type(block) for block in article.blocks] == [Paragraph, Paragraph]
    assert diagnostics.warnings == []


def test_the_lines_of_a_table_stop_at_the_next_caption() -> None:
    # Table 2 numbers its rows from 1 again: its row 3 must not be read as table 1's
    # (the columns are learned from every row whose end is known).
    first = lines_of("序号 名称 ", "1 ", "甲 ", "2 ", "乙 ")
    second = lines_of(
        "序号 代号 说明 ",
        "1 ",
        "A1 ",
        "说明一。 ",
        "2 ",
        "A2 ",
        "说明二。 ",
        "3 ",
        "A3 ",
        "说明三。 ",
    )
    blocks = list(article_of([caption()], first, [caption("表 2. 第二个表 ")], second).blocks)
    lines, _ = following_lines(blocks, 1)
    assert lines == first
    article, diagnostics = placed([caption()], first, [caption("表 2. 第二个表 ")], second)
    assert diagnostics.warnings == []
    one, two = article.blocks
    assert isinstance(one, Table) and isinstance(two, Table)
    assert one.rows == (("1", "甲"), ("2", "乙"))
    assert [row[0] for row in two.rows] == ["1", "2", "3"]
