"""The real export changed in one way that another issue of the bulletin could show,
laid out as the extractor writes it (FORMAT.md §1.2: the lines of one block are
separated by an empty line). Each edited issue must keep the sample's 22 articles
with the same titles, sections and authors, and warn no more than the unedited
sample does, except what the edit explains (a date read differently, marked).

The edits find what they change (titles, leads, author lines, headings) in the
unedited conversion, never by line number or text of the sample.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from converter.model import Article, DatePrecision, Issue, LineKind, Paragraph, Source
from converter.passes import convert_bytes
from converter.passes.layout import read_layout
from converter.patterns import DATELINE, HAN

SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"
PATH = "archive/2023-07.txt"
Outline = list[tuple[str, str, tuple[str, ...]]]


def convert(text: str) -> tuple[Issue, list[str]]:
    issue, diagnostics = convert_bytes(text.encode("utf-8"), PATH)
    return issue, [warning.message for warning in diagnostics.warnings]


@cache
def sample() -> tuple[str, Issue, tuple[str, ...]]:
    text = SAMPLE.read_text(encoding="utf-8")
    issue, warnings = convert(text)
    return text, issue, tuple(warnings)


def outline(issue: Issue) -> Outline:
    return [(a.title, a.section, a.authors) for a in issue.articles]


def lines() -> list[str]:
    return sample()[0].split("\n")


def joined(export_lines: list[str]) -> str:
    return "\n".join(export_lines)


def lead_line(article: Article) -> int:
    lead = article.blocks[0]
    assert isinstance(lead, Paragraph)
    return lead.line


def assert_same_structure(text: str, extra_warnings: int = 0) -> Issue:
    """Same articles (titles, sections, authors), and no warning the sample lacks."""
    _, original, original_warnings = sample()
    issue, warnings = convert(text)
    assert outline(issue) == outline(original)
    new = [w for w in warnings if w not in original_warnings]
    assert len(new) == extra_warnings, new
    return issue


# Each form: the dateline it writes for a day, and the date it should give.
DayForm = Callable[[int, int], str]
SAME_DAY_FORMS: dict[str, DayForm] = {
    "with its year": lambda month, day: f"2023 年 {month} 月 {day} 日，",
    "a range with a dash": lambda month, day: f"{month} 月 {day}—{day + 1} 日，",
    "a range with 至": lambda month, day: f"{month} 月 {day} 日至 {day + 2} 日，",
}
MONTH_FORMS: dict[str, DayForm] = {
    "early in the month": lambda month, day: f"{month} 月上旬，",
    "end of the month": lambda month, day: f"{month} 月底，",
}
UNDATED_FORMS: dict[str, DayForm] = {
    "近日": lambda month, day: "近日，",
    "日前": lambda month, day: "日前，",
    "no dateline at all": lambda month, day: "",
}


def with_leads(form: DayForm, which: set[int] | None = None) -> str:
    """The sample with the dateline of every article's lead (or only of ``which``,
    by ordinal) written in another form."""
    _, issue, _ = sample()
    edited = lines()
    for article in issue.articles:
        if which is not None and article.ordinal not in which:
            continue
        index = lead_line(article) - 1
        indent = " " if edited[index].startswith(" ") else ""
        match = DATELINE.match(edited[index].lstrip(" "))
        assert match and article.date is not None, article.title
        rest = edited[index].lstrip(" ")[match.end() :]
        edited[index] = indent + form(article.date.month, article.date.day) + rest
    return joined(edited)


@pytest.mark.parametrize("name", sorted(SAME_DAY_FORMS))
def test_datelines_giving_the_day_in_other_forms_keep_every_article(name: str) -> None:
    issue = assert_same_structure(with_leads(SAME_DAY_FORMS[name]))
    _, original, _ = sample()
    assert [a.date for a in issue.articles] == [a.date for a in original.articles]
    assert {a.date_precision for a in issue.articles} == {DatePrecision.DAY}


@pytest.mark.parametrize("name", sorted(MONTH_FORMS))
def test_datelines_naming_part_of_a_month_give_its_first_day_approximate(name: str) -> None:
    issue = assert_same_structure(with_leads(MONTH_FORMS[name]))
    _, original, _ = sample()
    for article, before in zip(issue.articles, original.articles, strict=True):
        assert before.date is not None
        assert article.date == dt.date(before.date.year, before.date.month, 1)
        assert article.date_precision is DatePrecision.MONTH


@pytest.mark.parametrize("name", sorted(UNDATED_FORMS))
def test_undated_leads_get_the_issue_month_marked_inferred(name: str) -> None:
    issue = assert_same_structure(with_leads(UNDATED_FORMS[name]))
    assert {a.date for a in issue.articles} == {dt.date(2023, 7, 1)}
    assert {a.date_precision for a in issue.articles} == {DatePrecision.ISSUE}


def test_removing_one_dateline_at_a_time_keeps_every_article() -> None:
    _, original, _ = sample()
    for article in original.articles:
        issue = assert_same_structure(
            with_leads(UNDATED_FORMS["no dateline at all"], {article.ordinal})
        )
        changed = [a for a in issue.articles if a.date_precision is not DatePrecision.DAY]
        assert [a.ordinal for a in changed] == [article.ordinal]


def title_lines(article: Article) -> list[int]:
    """The export lines (0-based) of an article's title: up to its lead."""
    return [i for i in range(article.line - 1, lead_line(article) - 1) if lines()[i].strip()]


def test_a_title_wrapped_onto_three_lines_still_starts_its_article() -> None:
    _, original, _ = sample()
    for article in original.articles:
        edited = lines()
        found = title_lines(article)
        start, end = found[0], found[-1]
        title = "".join(edited[i].strip(" ") for i in found)
        indent = " " if edited[start].startswith(" ") else ""
        third = len(title) // 3
        pieces = [title[:third], title[third : 2 * third], title[2 * third :] + " "]
        text = joined([*edited[:start], indent + "\n\n".join(pieces), *edited[end + 1 :]])
        assert_same_structure(text)


AUTHOR_LINE = re.compile(rf"（((?:{HAN}{{1,4}} )+{HAN}{{1,4}})）")


def test_author_lines_padded_with_full_width_or_several_spaces() -> None:
    for padding in ("\u3000", "   ", " \u3000 "):
        text = AUTHOR_LINE.sub(
            lambda m, p=padding: f"（{m.group(1).replace(' ', p)}）", sample()[0]
        )
        assert text != sample()[0]
        assert_same_structure(text)


def test_an_author_line_wrapped_between_two_names() -> None:
    edited = lines()
    index = next(i for i, line in enumerate(edited) if AUTHOR_LINE.fullmatch(line.strip()))
    first, second = edited[index].split(" ", 1)
    edited[index] = f"{first} \n\n{second}"
    assert_same_structure(joined(edited))


def test_an_author_line_wrapped_where_its_space_was_lost() -> None:
    # The extractor drops a space at a wrap (FORMAT.md §2): "（邓阿妹" + "孙玉琦）".
    edited = lines()
    index = next(i for i, line in enumerate(edited) if AUTHOR_LINE.fullmatch(line.strip()))
    first, second = edited[index].split(" ", 1)
    edited[index] = f"{first}\n\n{second}"
    assert_same_structure(joined(edited))


def test_an_author_line_of_five_names() -> None:
    _, original, _ = sample()
    edited = lines()
    index = next(i for i, line in enumerate(edited) if AUTHOR_LINE.fullmatch(line.strip()))
    names = ("邓阿妹", "孙玉琦", "付豪", "贾宇婷", "欧阳明")
    edited[index] = f"（{' '.join(names)}） "
    issue, _ = convert(joined(edited))
    changed = [
        (a.ordinal, a.authors)
        for a, b in zip(issue.articles, original.articles, strict=True)
        if a.authors != b.authors
    ]
    assert len(changed) == 1 and changed[0][1] == names
    assert [a.title for a in issue.articles] == [a.title for a in original.articles]


def heading_lines() -> list[int]:
    """The export lines (0-based) of the sample's section headings, as printed."""
    _, issue, _ = sample()
    named = set(issue.headings) - {"本期概要"}
    return [i for i, line in enumerate(lines()) if line.strip() in named]


@cache
def after_body_text(index: int) -> bool:
    """Does the line follow body text on its page? A heading after a footnote area
    opens a page of necessity (the notes close their page), so it cannot move up."""
    layout = read_layout(Source(PATH, sample()[0]))
    before = [line for line in layout.lines if line.number <= index and line.text.strip()]
    return before[-1].kind is LineKind.BODY


def test_a_section_heading_mid_page_still_heads_its_section() -> None:
    movable = [index for index in heading_lines() if after_body_text(index)]
    assert len(movable) >= 2
    for index in movable:
        assert lines()[index].startswith(" ")  # it opens a page in the sample
        assert_same_structure(joined(without_page_turn(index)))


def without_page_turn(index: int) -> list[str]:
    """The sample with the page turn before line ``index`` gone: its indent removed and
    every page number printed after it one less (the issue has a page fewer)."""
    edited = lines()
    edited[index] = edited[index].lstrip(" ")
    for number in page_number_lines():
        if number > index:
            edited[number] = f"{int(edited[number]) - 1} "
    return edited


def page_number_lines() -> list[int]:
    """Indices of the sample's printed page numbers (digits and a space)."""
    layout = read_layout(Source(PATH, sample()[0]))
    return [line.number - 1 for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]


def test_a_summary_opening_with_a_full_dateline_stays_the_summary() -> None:
    _, original, _ = sample()
    edited = lines()
    first = next(i for i, line in enumerate(edited) if line.strip() == "本期概要") + 2
    match = DATELINE.match(edited[first])
    assert match and match.group("day") is None  # "7 月，" in the sample
    edited[first] = f"{match.group('month')} 月 3 日，" + edited[first][match.end() :]
    issue = assert_same_structure(joined(edited))
    assert len(issue.summary) == len(original.summary)


def test_a_summary_without_its_heading_is_kept_with_one_warning() -> None:
    _, original, _ = sample()
    edited = lines()
    heading = next(i for i, line in enumerate(edited) if line.strip() == "本期概要")
    edited[heading + 2] = " " + edited[heading + 2]  # the summary now opens page 1
    issue = assert_same_structure(joined(edited[heading + 2 :]), extra_warnings=1)
    assert len(issue.summary) == len(original.summary)


def test_a_longer_heading_mid_page_still_heads_its_section() -> None:
    _, original, _ = sample()
    edited = lines()
    index = [i for i in heading_lines() if after_body_text(i)][1]
    old = edited[index].strip()
    edited[index] = "国际标准化组织动态 "  # nine characters, not at a page's top
    issue, _ = convert(joined(edited))
    expected = [
        "国际标准化组织动态" if a.section == old else "" if a.section_inferred else a.section
        for a in original.articles
    ]
    assert [a.section for a in issue.articles] == expected
    assert [a.title for a in issue.articles] == [a.title for a in original.articles]


def test_a_heading_not_in_the_section_list_is_kept_as_printed() -> None:
    _, original, _ = sample()
    edited = lines()
    index = heading_lines()[1]
    old = edited[index].strip()
    edited[index] = edited[index].replace(old, "专家视点")
    issue, _ = convert(joined(edited))
    # The lost headings after it are no longer inferred: a neighbour outside the
    # section list gives the usual order no say (FORMAT.md §3.4b).
    expected = [
        "专家视点" if a.section == old else "" if a.section_inferred else a.section
        for a in original.articles
    ]
    assert [a.section for a in issue.articles] == expected
    assert [a.title for a in issue.articles] == [a.title for a in original.articles]


# All of the above at once, drawn at random: one seeded issue is several edits.
ALL_FORMS: dict[str, DayForm] = {**SAME_DAY_FORMS, **MONTH_FORMS, **UNDATED_FORMS}
PADDINGS = (" ", "\u3000", "   ", " \u3000 ")
RANDOM_EDITS = 20


def expected_date(name: str, before: dt.date) -> tuple[dt.date, DatePrecision]:
    if name in SAME_DAY_FORMS:
        return before, DatePrecision.DAY
    if name in MONTH_FORMS:
        return dt.date(before.year, before.month, 1), DatePrecision.MONTH
    return dt.date(2023, 7, 1), DatePrecision.ISSUE


def random_edit(seed: int) -> tuple[str, list[tuple[dt.date, DatePrecision]]]:
    """The sample with every lead's dateline in a form drawn at random, some titles
    wrapped onto three lines, author lines padded one way, some headings moved up
    into the page: the text and the dates it should give."""
    rng = random.Random(seed)
    _, issue, _ = sample()
    edited: list[str | None] = list(lines())
    dates = []
    for article in issue.articles:
        assert article.date is not None
        name = rng.choice(sorted(ALL_FORMS))
        dates.append(expected_date(name, article.date))
        index = lead_line(article) - 1
        line = edited[index]
        assert line is not None
        match = DATELINE.match(line.lstrip(" "))
        assert match
        indent = " " if line.startswith(" ") else ""
        form = ALL_FORMS[name](article.date.month, article.date.day)
        edited[index] = indent + form + line.lstrip(" ")[match.end() :]
        if rng.random() < 0.3:
            found = title_lines(article)
            title = "".join(lines()[i].strip(" ") for i in found)
            third = len(title) // 3
            pieces = [title[:third], title[third : 2 * third], title[2 * third :] + " "]
            indent = " " if lines()[found[0]].startswith(" ") else ""
            edited[found[0]] = indent + "\n\n".join(pieces)
            for i in range(found[0] + 1, found[-1] + 1):
                edited[i] = None
    for index in heading_lines():
        if after_body_text(index) and rng.random() < 0.5:
            turn_removed = without_page_turn(index)
            edited[index] = turn_removed[index]
            for number in page_number_lines():
                if number > index:
                    edited[number] = str(int(edited[number] or "0") - 1) + " "
    padding = rng.choice(PADDINGS)
    text = joined([line for line in edited if line is not None])
    text = AUTHOR_LINE.sub(lambda m: f"（{m.group(1).replace(' ', padding)}）", text)
    return text, dates


@pytest.mark.parametrize("seed", range(RANDOM_EDITS))
def test_random_combinations_of_edits_keep_every_article(seed: int) -> None:
    text, dates = random_edit(seed)
    issue = assert_same_structure(text)
    assert [(a.date, a.date_precision) for a in issue.articles] == dates
