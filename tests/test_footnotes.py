import pytest

from converter.diagnostics import Diagnostics
from converter.model import Article, LineKind, Paragraph, Source, Warning_
from converter.passes.footnotes import (
    definition_start,
    link_footnotes,
    marker_candidates,
    read_definitions,
)
from converter.passes.layout import read_layout
from converter.passes.paragraphs import build_paragraphs
from converter.passes.structure import build_structure
from tests.exports import NOTE_RULE, layout_of
from tests.sample_edits import PATH, SAMPLE, convert, unmodified


def markers(text: str) -> list[str]:
    return [match.group(1) for match in marker_candidates(text)]


def test_glued_markers_are_candidates() -> None:
    assert markers("并评估标准缺口1。") == ["1"]
    assert markers("《工业重点领域能效标杆水平（2023 年版）》2。") == ["2"]
    assert markers("由 Menon Economics7开展") == ["7"]
    assert markers("General requirements）10。") == ["10"]


def test_bracketed_markers_are_candidates_and_plain_digits_beside_them_are_not() -> None:
    assert markers("并评估标准缺口[1]。") == ["1"]
    assert markers("由 Menon Economics[7]开展，增长 3 倍[8]") == ["7", "8"]
    assert markers("标准[EB/OL]与 ISO 9001") == []


def test_numbers_that_are_not_markers() -> None:
    for text in [
        "共确定了 37 个标准化缺口",
        "2023 年第 07 期",
        "IEC 62208:2023 CMV",
        "SAE J2954/2 和其他",
        "修订 SAE J2929 和",
        "IEEE P2030.5 的现有",
        "（1）发明了一种",
        "增长 23.5%，达到",
        "25%的劳动生产率",
        "6月 30 日",
        "第 121 届理事会",
        "6月23日，在墨西哥",
        "于2023年6月举办",
        "共3个缺口",
    ]:
        assert markers(text) == [], text


def run(*blocks: list[str]) -> tuple[tuple[Article, ...], list[Warning_]]:
    layout = layout_of(*blocks)
    diagnostics = Diagnostics(layout.source.path)
    structure = build_structure(layout, build_paragraphs(layout), diagnostics)
    notes = read_definitions(layout, diagnostics)
    _, articles = link_footnotes(
        tuple(structure.summary), tuple(structure.articles), notes, diagnostics
    )
    return articles, diagnostics.warnings


def test_definition_wraps_inside_a_url_and_a_date_and_is_linked() -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图，并评估标准缺口1。（邓阿妹） ",
            NOTE_RULE,
        ],
        [
            "1 ANSI. ANSI Publishes Roadmap[EB/OL]. 2023-0",
            "6-15. https://www.ansi.org/roadmap-of-standards-and-c",
            "odes-for-evs ",
        ],
    )
    assert warnings == []
    (note,) = article.footnotes
    assert note.text == (
        "ANSI. ANSI Publishes Roadmap[EB/OL]. 2023-06-15. "
        "https://www.ansi.org/roadmap-of-standards-and-codes-for-evs"
    )
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6 月 15 日，学会发布路线图，并评估标准缺口。"
    assert [(ref.offset, ref.number) for ref in paragraph.text.notes] == [(24, 1)]


def test_definition_continued_on_the_next_page_stays_whole() -> None:
    (article,), _ = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，学会发布路线图1。正文继续", NOTE_RULE],
        ["1 ANSI. A very long title that continues "],
        [" 到下一页的正文。（邓阿妹） ", NOTE_RULE],
        ["on the next page[EB/OL]. "],
    )
    assert (
        article.footnotes[0].text
        == "ANSI. A very long title that continues on the next page[EB/OL]."
    )


def test_definition_without_a_marker_is_kept_unlinked_and_reported() -> None:
    (article,), warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，共 37 个缺口。（邓阿妹） ", NOTE_RULE],
        ["1 ANSI. Roadmap. "],
    )
    (note,) = article.footnotes  # shown unlinked with the article, not dropped
    assert not note.linked and note.text == "ANSI. Roadmap."
    assert [w.message.split(";")[0] for w in warnings] == ["footnote 1 has no marker in the text"]


def test_a_glued_date_is_no_marker_the_word_closed_by_the_number_is() -> None:
    (article,), warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6月23日，学会确定优先事项23。（邓阿妹） ", NOTE_RULE],
        ["23 IEC. Summit. "],
    )
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6月23日，学会确定优先事项。"
    assert [ref.number for ref in paragraph.text.notes] == [23]
    assert [w.message for w in warnings] == ["footnote 23 where 1 was expected"]


def test_two_glued_candidates_between_the_neighbouring_markers_are_reported() -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布报告1，附录1。（邓阿妹） ",
            NOTE_RULE,
        ],
        ["1 ANSI. Report. "],
    )
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6 月 15 日，学会发布报告，附录1。"
    assert [w.message for w in warnings] == [
        "footnote 1: a glued '1' at line 5 could be its marker too; "
        "the first after the previous footnote's marker is taken"
    ]


def test_skipped_numbering_is_reported() -> None:
    _, warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，缺口1。缺口3。（邓阿妹） ", NOTE_RULE],
        ["1 A. "],
        ["3 B. "],
    )
    assert "footnote 3 where 2 was expected" in [w.message for w in warnings]


def test_numbering_that_starts_again_at_one_is_linked_without_a_warning() -> None:
    articles, warnings = run(
        [" 标准战略 ", "甲发布 ", "6 月 1 日，甲发布1，乙2。（孙玉琦） ", NOTE_RULE],
        ["1 A. "],
        ["2 B. "],
        [" 机构评论 ", "丙发布 ", "6 月 2 日，丙发布1。（辛竹琳） ", NOTE_RULE],
        ["1 C. "],
    )
    assert warnings == []
    assert [(n.number, n.text, n.linked) for n in articles[1].footnotes] == [(1, "C.", True)]
    assert [n.number for n in articles[0].footnotes] == [1, 2]


def test_markers_go_to_the_article_that_holds_them() -> None:
    first, second = run(
        [
            " 标准战略 ",
            "甲发布 ",
            "6 月 1 日，甲发布1。（孙玉琦） ",
            "乙发布 ",
            "6 月 2 日，乙发布2，见 Menon Economics3开展。（辛竹琳） ",
            NOTE_RULE,
        ],
        ["1 A. "],
        ["2 B. "],
        ["3 Menon Economics 是一家咨询公司。 "],
    )[0]
    assert [n.number for n in first.footnotes] == [1]
    assert [n.number for n in second.footnotes] == [2, 3]


# --- a definition carried over to the next page's note area, in the real sample ---

# Definitions of the sample (their first and last export line) whose page is followed
# by a page with a note area, and the line of theirs where the carried-over part starts:
# what that part begins with is what differs.
CARRIED_OVER = {
    "a URL, after a line ending with a space": (778, 780, 782),
    "a space (a wrapped line inside its block)": (834, 836, 838),
    "a Latin word, cut mid-word": (1009, 1013, 1013),
    "a date's year, after a line ending with a space": (1125, 1127, 1127),
    "a Latin sentence, after a word boundary": (1470, 1472, 1474),
}


def carry_over(lines: list[str], first: int, moved: int, last: int) -> list[str]:
    """Move export lines ``moved``..``last`` of the definition starting at ``first`` to
    the top of the next page's note area, right under its rule."""
    layout = read_layout(Source(PATH, "\n".join(lines)))
    page = next(line.page for line in layout.lines if line.number == first)
    target = next(
        line.number
        for line in layout.lines
        if line.kind is LineKind.NOTE_SEPARATOR and line.page == page + 1
    )
    tail = lines[moved - 1 : last]
    edited = lines[:target] + tail + lines[target:]  # the rule, then the carried-over part
    del edited[moved - 2 : last]  # and the blank separator before the part, on its page
    return edited


def rewrapped_note_25(before: str) -> list[str]:
    """The sample with note 25's first line (:1633) wrapped after ``before``."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    head, tail = lines[1633 - 1].split(before, 1)
    lines[1633 - 1 : 1633] = [head + before, "", tail]
    return lines


@pytest.mark.parametrize("name", CARRIED_OVER)
def test_a_definition_carried_over_to_the_next_page_is_the_same_footnote(name: str) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    edited = "\n".join(carry_over(lines, *CARRIED_OVER[name]))
    assert edited != "\n".join(lines)
    assert convert(edited) == unmodified()


def test_a_carried_over_part_that_begins_with_a_number_and_a_space() -> None:
    """Note 25 wrapped inside "第 121 届": its next line begins "21 届", which is not
    the next note's number (26); the line before it is cut mid-number."""
    edited = "\n".join(carry_over(rewrapped_note_25("第 1"), 1633, 1635, 1637))
    assert "\n21 届理事会会议" in edited
    assert convert(edited) == unmodified()


def test_a_carried_over_part_that_begins_with_chinese_text() -> None:
    edited = "\n".join(carry_over(rewrapped_note_25("第 121 "), 1633, 1635, 1637))
    assert "\n届理事会会议" in edited
    assert convert(edited) == unmodified()


def carried_over(continuation: str, cut: str) -> tuple[tuple[Article, ...], list[Warning_]]:
    """Note 1 ends its page with ``cut``; the next page's note area opens with
    ``continuation``, then note 2."""
    return run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，学会发布路线图1。正文继续", NOTE_RULE],
        [f"1 ANSI. Roadmap {cut}"],
        [" 到下一页的正文2。（邓阿妹） ", NOTE_RULE],
        [continuation],
        ["2 NIST. Report. "],
    )


def test_a_continuation_may_begin_with_a_number_and_a_space() -> None:
    (article,), warnings = carried_over("15 June 2023[EB/OL]. ", "published on ")
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "ANSI. Roadmap published on 15 June 2023[EB/OL]."),
        (2, "NIST. Report."),
    ]
    assert [w.message for w in warnings] == [
        "a footnote area opens with '15 …', but footnote 2 was expected, no marker 15 is in "
        "the text: read as the rest of the footnote before it, from the page before"
    ]


def test_a_continuation_after_a_line_cut_mid_word_is_not_warned() -> None:
    (article,), warnings = carried_over("30 GW of storage[EB/OL]. ", "for 1")
    assert article.footnotes[0].text == "ANSI. Roadmap for 130 GW of storage[EB/OL]."
    assert warnings == []


def test_a_continuation_beginning_with_one_after_a_cut_line_is_not_a_restart() -> None:
    (article,), warnings = carried_over("1 GW of storage[EB/OL]. ", "for 1")
    assert [n.number for n in article.footnotes] == [1, 2]
    assert article.footnotes[0].text == "ANSI. Roadmap for 11 GW of storage[EB/OL]."
    assert len(warnings) == 1 and "opens with '1 …'" in warnings[0].message


def test_the_next_number_at_the_top_of_an_area_starts_a_note_even_after_a_cut_line() -> None:
    """Numbering wins; the cut-off line before it is reported."""
    articles, warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，发布1。正文继续", NOTE_RULE],
        ["1 ANSI. Roadmap for"],
        [" 到下一页2。（邓阿妹） ", NOTE_RULE],
        ["2 NIST. Report. "],
    )
    assert [n.number for n in articles[0].footnotes] == [1, 2]
    assert [w.message for w in warnings] == [
        "footnote 1 may be cut off: its last line does not end its block"
    ]


def test_the_next_number_after_a_cut_line_without_its_marker_continues_the_note() -> None:
    """ "2 GW" after a line cut mid-word, and no marker 2 in the text: the rest of note 1."""
    (article,), warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，发布1。正文继续", NOTE_RULE],
        ["1 ANSI. Roadmap for 1"],
        [" 到下一页。（邓阿妹） ", NOTE_RULE],
        ["2 GW of storage. "],
    )
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "ANSI. Roadmap for 12 GW of storage.")
    ]
    assert [w.message.split(":")[0] for w in warnings] == [
        "a footnote area opens with '2 …', but the footnote before it is cut off mid-word, "
        "no marker 2 is in the text"
    ]


def test_a_continuation_opening_with_the_number_being_read_is_no_new_footnote() -> None:
    """'2 June 2023' at the top of an area while note 2 is read: numbering never goes back."""
    (article,), warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，发布1，报告2。正文继续", NOTE_RULE],
        ["1 ANSI. Roadmap. "],
        ["2 NIST. Report published online "],
        [" 到下一页3。（邓阿妹） ", NOTE_RULE],
        ["2 June 2023. "],
        ["3 ISO. News. "],
    )
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "ANSI. Roadmap."),
        (2, "NIST. Report published online 2 June 2023."),
        (3, "ISO. News."),
    ]
    assert [w.message for w in warnings] == [
        "a footnote area opens with '2 …', but footnote 3 was expected: "
        "read as the rest of the footnote before it, from the page before"
    ]


def test_the_next_number_that_starts_a_later_block_too_is_a_continuation() -> None:
    """'2 GW' after a cut line, its marker in the text, but '2 NIST.' further down the
    area: that one is footnote 2."""
    (article,), warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，发布1。正文继续", NOTE_RULE],
        ["1 ANSI. Roadmap for 1"],
        [" 到下一页2。（邓阿妹） ", NOTE_RULE],
        ["2 GW of storage. "],
        ["2 NIST. Report. "],
    )
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "ANSI. Roadmap for 12 GW of storage."),
        (2, "NIST. Report."),
    ]
    assert [w.message for w in warnings] == [
        "a footnote area opens with '2 …', but the footnote before it is cut off mid-word, "
        "'2 …' starts a block further down this area: read as the rest of the footnote "
        "before it, from the page before"
    ]


def test_notes_numbered_from_1_in_each_article_share_an_area() -> None:
    """Two articles on one page each with a note 1: after a definition ending at a space,
    the '1' at the top of the area is no continuation because another '1' follows."""
    articles, warnings = run(
        [" 标准战略 ", "学会发布路线图 ", "6 月 15 日，学会发布路线图1。正文继续", NOTE_RULE],
        ["1 ANSI. Roadmap. "],
        [" 到下一页。（邓阿妹） ", "", "协会发布新标准 "],
        ["", "6 月 16 日，协会发布新标准1。（付 豪） "],
        ["", "组织发布报告 ", "", "6 月 17 日，组织发布报告1。（孙玉琦） ", NOTE_RULE],
        ["1 IEC. Standard. "],
        ["1 ISO. Report. "],
    )
    assert [[(n.number, n.text) for n in a.footnotes] for a in articles] == [
        [(1, "ANSI. Roadmap.")],
        [(1, "IEC. Standard.")],
        [(1, "ISO. Report.")],
    ]
    assert warnings == []


def test_bracketed_definitions_and_markers_are_linked() -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图[1]，报告[2]。（邓阿妹） ",
            NOTE_RULE,
        ],
        ["[1] ANSI. Roadmap[EB/OL]. "],
        ["[2] NIST. Report. "],
    )
    assert warnings == []
    assert [(n.number, n.text, n.printed) for n in article.footnotes] == [
        (1, "ANSI. Roadmap[EB/OL].", "[1]"),
        (2, "NIST. Report.", "[2]"),
    ]
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6 月 15 日，学会发布路线图，报告。"
    assert [(ref.number, ref.printed) for ref in paragraph.text.notes] == [(1, "[1]"), (2, "[2]")]


@pytest.mark.parametrize(
    ("first", "second", "printed"),
    [
        ("1. ANSI. Roadmap. ", "2. NIST. Report. ", ("1.", "2.")),
        ("1\u3000ANSI. Roadmap. ", "2\u3000NIST. Report. ", ("", "")),
    ],
)
def test_definitions_numbered_with_a_stop_or_a_full_width_space_are_linked(
    first: str, second: str, printed: tuple[str, str]
) -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图1，报告2。（邓阿妹） ",
            NOTE_RULE,
        ],
        [first],
        [second],
    )
    assert warnings == []
    assert [(n.number, n.text, n.printed) for n in article.footnotes] == [
        (1, "ANSI. Roadmap.", printed[0]),
        (2, "NIST. Report.", printed[1]),
    ]


def test_a_decimal_opening_a_note_line_starts_no_definition() -> None:
    assert markers("1.5 倍") == []
    assert definition_start("1.5 ANSI") is None


def test_circled_definitions_and_markers_are_linked() -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图①，报告②。（邓阿妹） ",
            NOTE_RULE,
        ],
        ["① ANSI. Roadmap. "],
        ["② NIST. Report. "],
    )
    assert warnings == []
    assert [(n.number, n.text, n.printed) for n in article.footnotes] == [
        (1, "ANSI. Roadmap.", "①"),
        (2, "NIST. Report.", "②"),
    ]
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6 月 15 日，学会发布路线图，报告。"
    assert [(ref.number, ref.printed) for ref in paragraph.text.notes] == [(1, "①"), (2, "②")]


def test_circled_numbers_enumerating_are_markers_only_where_the_notes_are_circled() -> None:
    text = "包括：① CEN 签署宣言；② 超过 25 个委员会标准①。"
    assert markers(text) == []
    assert [match.group(1) for match in marker_candidates(text, circled=True)] == ["①"]


def test_a_block_opening_with_a_digit_and_a_stop_is_no_definition_in_plain_notes() -> None:
    (article,), _ = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图1，报告2。（邓阿妹） ",
            NOTE_RULE,
        ],
        ["1 ANSI. Roadmap[EB/OL]. 2023-06-1 "],
        ["5. https://www.ansi.org/roadmap "],
        ["2 NIST. Report. "],
    )
    assert [n.number for n in article.footnotes] == [1, 2]
    assert article.footnotes[0].text.endswith("https://www.ansi.org/roadmap")


def test_superscript_markers_are_candidates_and_plain_digits_beside_them_are_not() -> None:
    assert markers("并评估标准缺口¹。") == ["¹"]
    assert markers("由 Menon Economics⁷开展，增长 3 倍¹⁰。") == ["⁷", "¹⁰"]
    assert markers("SAE J2954 的标准¹²") == ["¹²"]


def test_superscript_markers_are_linked_to_plain_definitions() -> None:
    (article,), warnings = run(
        [
            " 标准战略 ",
            "学会发布路线图 ",
            "6 月 15 日，学会发布路线图¹，报告²。（邓阿妹） ",
            NOTE_RULE,
        ],
        ["1 ANSI. Roadmap. "],
        ["2 NIST. Report. "],
    )
    assert warnings == []
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == "6 月 15 日，学会发布路线图，报告。"
    assert [(ref.number, ref.printed) for ref in paragraph.text.notes] == [(1, "¹"), (2, "²")]
