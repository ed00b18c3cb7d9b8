from converter.diagnostics import Diagnostics
from converter.model import Layout, LineKind, Source
from converter.passes.layout import read_layout
from converter.patterns import ISSUE_IN_TEXT
from tests.exports import NOTE_RULE, export, layout_of


def kinds(layout: object) -> list[tuple[str, str]]:
    return [(line.text, line.kind.value) for line in layout.lines]  # type: ignore[attr-defined]


def test_blank_line_continues_a_block_and_single_newline_starts_one() -> None:
    layout = layout_of(["甲", "乙 "], ["丙"])
    assert [line.starts_block for line in layout.lines] == [True, False, True]


def test_indented_block_start_is_a_page_start_and_loses_its_indent() -> None:
    layout = layout_of(["正文第一页 "], [" 第二页开头"])
    second = layout.lines[1]
    assert second.starts_page and second.page == 2
    assert second.text == "第二页开头"


def test_indented_line_inside_a_block_is_not_a_page_start() -> None:
    layout = layout_of(["正文", NOTE_RULE], ["5 CEN. read the new CEN", " White Paper[EB/OL]. "])
    wrapped = layout.lines[-1]
    assert wrapped.kind is LineKind.NOTE
    assert not wrapped.starts_page
    assert wrapped.text == " White Paper[EB/OL]. "


def test_footnote_area_runs_from_its_rule_to_the_next_page() -> None:
    layout = layout_of(
        ["正文在此", NOTE_RULE],
        ["1 ANSI. Roadmap[EB/OL]. 2023-0", "6-15. https://www.ansi.org/x "],
        ["2 NIST. Report "],
        [" 下一页正文"],
    )
    assert [line.kind for line in layout.lines] == [
        LineKind.BODY,
        LineKind.NOTE_SEPARATOR,
        LineKind.NOTE,
        LineKind.NOTE,
        LineKind.NOTE,
        LineKind.BODY,
    ]


def test_page_number_and_running_header_are_furniture() -> None:
    layout = layout_of(["正文在此", "", " ", "11 ", " ", "2023 年第 07 期 ", "下一页的正文"])
    assert kinds(layout) == [
        ("正文在此", "body"),
        ("", "page-gap"),
        (" ", "page-gap"),
        ("11 ", "page-number"),
        (" ", "page-gap"),
        ("2023 年第 07 期 ", "running-header"),
        ("下一页的正文", "body"),
    ]
    assert layout.issue_header == "2023 年第 07 期"
    assert layout.lines[-1].page == 2 and layout.lines[-1].starts_page


def test_a_row_number_opening_the_page_after_the_running_header_is_not_furniture() -> None:
    """A table row that starts a page after furniture: the header ends the furniture."""
    layout = layout_of(["等级 ", "", " ", "3 ", " ", "2024 年第 03 期 ", "1 ", "与电池热失控和"])
    assert kinds(layout)[3:] == [
        ("3 ", "page-number"),
        (" ", "page-gap"),
        ("2024 年第 03 期 ", "running-header"),
        ("1 ", "body"),
        ("与电池热失控和", "body"),
    ]
    assert layout.lines[-2].starts_page and layout.lines[-2].page == 2


def test_blank_space_before_the_furniture_stays_blank_space_on_the_page() -> None:
    """A part-empty page (" ") before its furniture, which opens with an empty line."""
    layout = layout_of(["正文。 ", " ", "", " ", "2 ", " ", "2024 年第 03 期 ", "下一页"])
    assert kinds(layout)[:4] == [
        ("正文。 ", "body"),
        (" ", "blank"),
        ("", "page-gap"),
        (" ", "page-gap"),
    ]


def test_a_table_row_number_is_not_a_page_number() -> None:
    layout = layout_of(["表 1. 标题 ", "序号 名称 "], ["1 ", "甲 "], ["2 "])
    assert [line.kind for line in layout.lines] == [LineKind.BODY] * 5


def test_whitespace_only_line_is_blank_space_on_the_page() -> None:
    layout = layout_of(["正文。 ", " ", "图 1. 图题 "])
    assert layout.lines[1].kind is LineKind.BLANK


def layout_and_warnings(*blocks: list[str]) -> tuple[Layout, list[tuple[int, str]]]:
    diagnostics = Diagnostics("2023-07.txt")
    layout = read_layout(Source("2023-07.txt", export(*blocks)), diagnostics)
    return layout, [(warning.line, warning.message) for warning in diagnostics.warnings]


def page_turn(body: str, *furniture: str) -> list[str]:
    """A page's last line, then its furniture as the extractor prints it."""
    lines = [body, ""]
    for text in furniture:
        lines += [" ", text]
    return lines


def test_a_decorated_page_number_that_counts_up_with_the_pages_is_furniture() -> None:
    layout, warnings = layout_and_warnings(
        page_turn("第一页。 ", "— 1 — "), page_turn("第二页。 ", "— 2 — "), ["第三页。 "]
    )
    numbers = [line.text for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]
    assert numbers == ["— 1 — ", "— 2 — "]
    assert [line.page for line in layout.lines if line.kind is LineKind.BODY] == [1, 2, 3]
    assert warnings == []


def test_a_header_that_carries_more_words_names_the_issue() -> None:
    layout = layout_of(page_turn("正文。 ", "5 ", "标准化动态·2024年第3期 "), ["下一页"])
    assert layout.issue_header == "标准化动态·2024年第3期"
    assert [line.kind for line in layout.lines][-2:] == [LineKind.RUNNING_HEADER, LineKind.BODY]


def test_a_header_above_the_number_and_a_row_number_opening_the_next_page() -> None:
    layout = layout_of(page_turn("等级 ", "2024 年第 03 期 ", "7 "), ["1 ", "与电池热失控和 "])
    assert kinds(layout)[-3:] == [
        ("7 ", "page-number"),
        ("1 ", "body"),
        ("与电池热失控和 ", "body"),
    ]
    assert layout.lines[-2].starts_page


def test_a_page_number_out_of_sequence_at_a_page_turn_is_furniture_and_warned() -> None:
    layout, warnings = layout_and_warnings(
        page_turn("一。 ", "1 ", "2024 年第 03 期 "),
        page_turn("二。 ", "9 ", "2024 年第 03 期 "),
        page_turn("三。 ", "3 ", "2024 年第 03 期 "),
        ["四。 "],
    )
    numbers = [line.text for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]
    assert numbers == ["1 ", "9 ", "3 "]
    assert [message for _, message in warnings] == ["page number '9' where 2 was expected"]


def test_a_framed_row_number_that_does_not_follow_the_page_numbers_stays_text() -> None:
    layout, warnings = layout_and_warnings(
        page_turn("一。 ", "1 ", "2024 年第 03 期 "),
        ["序号 名称 ", " ", "4 ", " ", "甲 "],
        page_turn("二。 ", "2 ", "2024 年第 03 期 "),
        ["三。 "],
    )
    row = next(line for line in layout.lines if line.text == "4 ")
    assert row.kind is LineKind.BODY
    assert [(line, message.split(",")[0]) for line, message in warnings] == [
        (row.number, "'4' stands like a page number")
    ]


def test_a_line_among_the_furniture_that_repeats_nowhere_else_is_removed_and_warned() -> None:
    layout, warnings = layout_and_warnings(
        page_turn("一。 ", "1 ", "内部资料 ", "2024 年第 03 期 "),
        page_turn("二。 ", "2 ", "2024 年第 03 期 "),
        ["三。 "],
    )
    odd = next(line for line in layout.lines if line.text == "内部资料 ")
    assert odd.kind is LineKind.RUNNING_HEADER
    assert [line for line, _ in warnings] == [odd.number]


def test_a_line_after_the_furniture_that_repeats_nowhere_else_stays_text_and_is_warned() -> None:
    layout, warnings = layout_and_warnings(
        page_turn("一。 ", "1 ", "2024 年第 03 期 ", "标准化动态 "),
        page_turn("二。 ", "2 ", "2024 年第 03 期 "),
        ["三。 "],
    )
    odd = next(line for line in layout.lines if line.text == "标准化动态 ")
    assert odd.kind is LineKind.BODY and odd.page == 2
    assert [line for line, _ in warnings] == [odd.number]


def test_a_short_line_repeated_after_blank_space_but_not_at_page_turns_is_text() -> None:
    """Two figures without captions, each followed by the same author: no page turns."""
    layout = layout_of(["正文。 ", " ", "（孙玉琦） ", "正文。 ", " ", "（孙玉琦） "])
    assert {line.kind for line in layout.lines} == {LineKind.BODY, LineKind.BLANK}


def test_a_header_naming_the_issue_is_furniture_even_without_the_empty_line() -> None:
    layout = layout_of(["正文在此", " ", "11 ", " ", "2023年第7期 ", "下一页的正文"])
    assert [kind for _, kind in kinds(layout)] == [
        "body",
        "page-gap",
        "page-number",
        "page-gap",
        "running-header",
        "body",
    ]
    assert layout.lines[-1].page == 2


def test_a_page_number_with_the_page_total_counts_by_its_first_number() -> None:
    first, second = page_turn("一。 ", "Page 1 of 3 "), page_turn("二。 ", "Page 2 of 3 ")
    layout = layout_of(first, second, ["三。 "])
    numbers = [line.text for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]
    assert numbers == ["Page 1 of 3 ", "Page 2 of 3 "]


def test_the_issue_label_is_read_in_any_spacing_and_among_other_words() -> None:
    labels = [
        "2023 年第 07 期",
        "2023年第7期",
        "标准化动态·2023 年 第 7 期",
        "《标准化动态》2023年第7期",
    ]
    for text in labels:
        match = ISSUE_IN_TEXT.search(text)
        assert match and (int(match.group(1)), int(match.group(2))) == (2023, 7), text
    assert ISSUE_IN_TEXT.search("第 7 期") is None  # no year: the file name tells it


def test_a_page_turn_whose_furniture_is_not_recognised_is_warned() -> None:
    """The empty text line marks furniture, but its one line repeats nowhere, names no
    issue and holds no number: kept as text, never silently."""
    layout, warnings = layout_and_warnings(page_turn("正文在此", "内部资料 "), ["下一页的正文"])
    odd = next(line for line in layout.lines if line.text == "内部资料 ")
    assert odd.kind is LineKind.BODY
    assert [line for line, _ in warnings] == [odd.number]


def test_furniture_ending_in_whitespace_at_every_turn_leaves_the_next_page_unwarned() -> None:
    """Page numbers without a header: whitespace stands between the number and the next
    page's text at every turn, so that text is no stray line and its paragraph goes on."""
    layout, warnings = layout_and_warnings(
        page_turn("第一页的句子", "1 ", " "),
        ["写到第二页，", *page_turn("第二页的句子", "2 ", " ")],
        ["第三页。 "],
    )
    numbers = [line.text for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]
    assert numbers == ["1 ", "2 "]
    assert LineKind.BLANK not in {line.kind for line in layout.lines}
    assert [line.page for line in layout.lines if line.kind is LineKind.BODY] == [1, 2, 2, 3]
    assert warnings == []


def test_without_any_rule_a_note_area_is_read_from_numbering_and_markers() -> None:
    """No rule in the export: a block at a page's foot opening with the next number,
    its marker glued before, is a note area to the page's end; '2 月' is a date."""
    diagnostics = Diagnostics("2023-07.txt")
    text = export(
        ["正文评估标准缺口1。", "后续正文 "],
        ["1 ANSI. Roadmap for ", "EVs. "],
        [" 下一页正文2。"],
        ["2 月 3 日，正文继续 "],
        ["2 NIST. Report. "],
    )
    layout = read_layout(Source(path="2023-07.txt", text=text), diagnostics)
    assert [kind for _, kind in kinds(layout)] == [
        "body", "body", "note", "note", "body", "body", "note",
    ]  # fmt: skip
    assert [w.line for w in diagnostics.warnings] == [layout.lines[2].number]
    assert "no footnote rule in this export" in diagnostics.warnings[0].message
