from converter.diagnostics import Diagnostics
from converter.model import Article, Paragraph, Warning_
from converter.passes.footnotes import link_footnotes, marker_candidates, read_definitions
from converter.passes.paragraphs import build_paragraphs
from converter.passes.structure import build_structure
from tests.exports import NOTE_RULE, layout_of


def markers(text: str) -> list[str]:
    return [match.group(1) for match in marker_candidates(text)]


def test_glued_markers_are_candidates() -> None:
    assert markers("并评估标准缺口1。") == ["1"]
    assert markers("《工业重点领域能效标杆水平（2023 年版）》2。") == ["2"]
    assert markers("由 Menon Economics7开展") == ["7"]
    assert markers("General requirements）10。") == ["10"]


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
    ]:
        assert markers(text) == [], text


def run(*blocks: list[str]) -> tuple[tuple[Article, ...], list[Warning_]]:
    layout = layout_of(*blocks)
    report = Diagnostics(layout.source.path)
    structure = build_structure(layout, build_paragraphs(layout), report)
    notes = read_definitions(layout, report)
    _, articles = link_footnotes(tuple(structure.summary), tuple(structure.articles), notes, report)
    return articles, report.warnings


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
