"""The sections pass: a lost section heading, inferred from the usual order of
sections where exactly one section fits, else left lost."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from converter.diagnostics import Diagnostics
from converter.model import Article
from converter.passes.sections import find_gaps, infer_sections

ORDER = ("标准战略", "机构评论", "标准动态", "国际合作", "前沿科技", "信息动态")


def proposals(*names: str) -> list[tuple[str, ...] | None]:
    return [gap.proposal for gap in find_gaps(names, ORDER)]


def test_one_lost_section_with_one_section_between_its_neighbours_is_proposed() -> None:
    assert proposals("机构评论", "", "国际合作") == [("标准动态",)]


def test_two_lost_sections_with_two_sections_between_get_one_each_in_order() -> None:
    assert proposals("机构评论", "", "", "前沿科技") == [("标准动态", "国际合作")]


def test_several_candidates_for_one_lost_section_are_not_guessed() -> None:
    (gap,) = find_gaps(("机构评论", "", "前沿科技"), ORDER)
    assert gap.proposal is None
    assert gap.candidates == ("标准动态", "国际合作")


def test_the_issue_edges_bound_a_gap() -> None:
    assert proposals("", "机构评论") == [("标准战略",)]
    assert proposals("前沿科技", "") == [("信息动态",)]
    assert proposals("机构评论", "") == [None]  # four sections fit after it


def test_each_gap_is_bounded_by_its_own_neighbours() -> None:
    gaps = find_gaps(("标准战略", "", "标准动态", "国际合作", "", "信息动态"), ORDER)
    assert [gap.proposal for gap in gaps] == [("机构评论",), ("前沿科技",)]


def test_an_issue_departing_from_the_usual_order_gives_it_no_say() -> None:
    (gap,) = find_gaps(("机构评论", "", "前沿科技", "标准动态"), ORDER)
    assert gap.candidates is None and gap.proposal is None


def test_a_neighbour_outside_the_usual_order_says_nothing() -> None:
    (gap,) = find_gaps(("专题报道", "", "国际合作"), ORDER)
    assert gap.candidates is None and gap.proposal is None


def test_neighbours_out_of_the_usual_order_say_nothing() -> None:
    (gap,) = find_gaps(("国际合作", "", "机构评论"), ORDER)
    assert gap.candidates is None


def test_no_room_between_the_neighbours_proposes_nothing() -> None:
    (gap,) = find_gaps(("机构评论", "", "标准动态"), ORDER)
    assert gap.candidates == () and gap.proposal is None


def article(ordinal: int, section: str, number: int) -> Article:
    return Article(
        ordinal=ordinal,
        title=f"标题 {ordinal}",
        date=dt.date(2023, 6, 1),
        section=section,
        authors=("孙玉琦",),
        blocks=(),
        line=ordinal * 10,
        section_number=number,
    )


def test_inferred_sections_are_marked_and_warned_at_each_lost_sections_first_title() -> None:
    diagnostics = Diagnostics("archive/2023-07.txt")
    articles = (
        article(1, "机构评论", 1),
        article(2, "", 2),
        article(3, "", 2),
        article(4, "", 3),
        article(5, "前沿科技", 4),
    )
    found = infer_sections(articles, diagnostics, ORDER)
    assert [(a.section, a.section_inferred) for a in found] == [
        ("机构评论", False),
        ("标准动态", True),
        ("标准动态", True),
        ("国际合作", True),
        ("前沿科技", False),
    ]
    assert [str(w) for w in diagnostics.warnings] == [
        "archive/2023-07.txt:20: section inferred as 标准动态: data/sections.yml leaves "
        "exactly 2 section(s) (标准动态、国际合作) between 机构评论 and 前沿科技 for 2 lost "
        "heading(s); marked section_inferred for an editor to confirm",
        "archive/2023-07.txt:40: section inferred as 国际合作: data/sections.yml leaves "
        "exactly 2 section(s) (标准动态、国际合作) between 机构评论 and 前沿科技 for 2 lost "
        "heading(s); marked section_inferred for an editor to confirm",
    ]


def test_a_lost_section_with_several_candidates_stays_lost_and_says_what_was_expected() -> None:
    diagnostics = Diagnostics("x.txt")
    articles = (article(1, "机构评论", 1), article(2, "", 2), article(3, "前沿科技", 3))
    found = infer_sections(articles, diagnostics, ORDER)
    assert [(a.section, a.section_inferred, a.section_number) for a in found] == [
        ("机构评论", False, 1),
        ("", False, 2),
        ("前沿科技", False, 3),
    ]
    (warning,) = diagnostics.warnings
    assert warning.line == 20
    assert warning.message == (
        "section left empty: 2 section(s) of data/sections.yml fit between 机构评论 and "
        "前沿科技 (标准动态、国际合作) for 1 lost heading(s); expected exactly 1"
    )


def test_without_lost_sections_nothing_changes() -> None:
    diagnostics = Diagnostics("x.txt")
    articles = (article(1, "机构评论", 1), article(2, "前沿科技", 2))
    assert infer_sections(articles, diagnostics, ORDER) == articles
    assert diagnostics.warnings == []


def test_a_heading_not_in_the_file_is_kept_as_printed_and_warned_once_at_its_line() -> None:
    diagnostics = Diagnostics("x.txt")
    articles = tuple(
        replace(a, section_line=a.section_number * 100)
        for a in (article(1, "机构评论", 1), article(2, "国际视野", 2), article(3, "国际视野", 2))
    )
    assert infer_sections(articles, diagnostics, ORDER) == articles
    assert [(w.line, w.message) for w in diagnostics.warnings] == [
        (
            200,
            "section heading '国际视野' is not in data/sections.yml: kept as printed; "
            "add it there if it is a new section",
        )
    ]


def test_a_section_printed_again_bounds_no_gap_and_keeps_the_order_trusted() -> None:
    """机构评论 printed a second time after two lost headings: a return to it, not a
    place in the order; the lost ones take the sections after the first 机构评论."""
    (gap,) = find_gaps(("标准战略", "机构评论", "", "", "机构评论"), ORDER)
    assert gap.repeat and gap.proposal == ("标准动态", "国际合作")
    (gap,) = find_gaps(("机构评论", "", "", "", "", "", "机构评论"), ORDER)
    assert gap.proposal is None  # four sections follow 机构评论 for five lost headings


def test_a_heading_printed_again_keeps_its_articles_and_is_warned_at_its_line() -> None:
    """Found by a held-out variant: 标准战略 printed again before the last articles was
    kept right, with nothing telling an editor that the heading repeats."""
    diagnostics = Diagnostics("x.txt")
    articles = tuple(
        replace(a, section_line=a.section_number * 100)
        for a in (article(1, "标准战略", 1), article(2, "前沿科技", 2), article(3, "标准战略", 3))
    )
    assert infer_sections(articles, diagnostics, ORDER) == articles
    assert [(w.line, w.message) for w in diagnostics.warnings] == [
        (
            300,
            "section heading '标准战略' printed again after 前沿科技: the articles under it "
            "are kept in that section; check the heading against the original",
        )
    ]
