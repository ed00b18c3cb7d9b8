"""Page furniture learned from the export: the real sample with its furniture reprinted.

Each test takes ``archive/2023-07.txt``, rewrites its three furniture runs (:947-955,
:1015-1023, :1425-1433) in a form another issue may print (other header wording and
spacing, the header above the number, only a number, decorated page numbers), or adds
furniture at every page turn, and asserts the converted issue is the one the
unmodified sample gives: the same articles, titles, paragraphs, tables and notes, with
no furniture text left in the body and no word split, and no new warning.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from converter.model import LineKind, Source
from converter.passes import convert_bytes
from converter.passes.layout import read_layout, split_lines
from tests.sample_edits import PATH, SAMPLE, convert, unmodified

# The sample's furniture runs: the empty text line opening each, and its header line.
SAMPLE_RUNS = ((947, 955), (1015, 1023), (1425, 1433))

# A run of furniture: the page's number → its text lines (the empty text line first).
Furniture = Callable[[int], list[str]]


def number_then_header(header: str, number: str = "{} ") -> Furniture:
    return lambda page: ["", " ", number.format(page), " ", header]


def header_then_number(header: str, number: str = "{} ") -> Furniture:
    return lambda page: ["", " ", header, " ", number.format(page)]


def number_only(number: str) -> Furniture:
    return lambda page: ["", " ", number.format(page)]


FORMS: dict[str, Furniture] = {
    "bulletin name and issue": number_then_header("标准化动态 2023 年第 7 期 "),
    "no spaces": number_then_header("2023年第7期 "),
    "middle dot, two digits": number_then_header("标准化动态·2023 年第 07 期 "),
    "number of the issue only": number_then_header("第 7 期 "),
    "header above the number": header_then_number("2023 年第 07 期 "),
    "only a page number": number_only("{} "),
    "em dashes": number_then_header("2023 年第 07 期 ", "— {} — "),
    "hyphens": number_only("- {} - "),
    "page word": header_then_number("2023 年第 07 期 ", "第 {} 页 "),
    "page of pages": number_then_header("2023 年第 07 期 ", "{} / 26 "),
    "header only": lambda page: ["", " ", "标准化动态 2023 年第 07 期 "],
}
# Forms that only repeating tells from text: every page turn must carry them.
EVERY_PAGE_FORMS: dict[str, Furniture] = {
    **FORMS,
    "bulletin name on even pages, issue on odd pages": lambda page: [
        "",
        " ",
        f"{page} ",
        " ",
        "标准化动态 " if page % 2 == 0 else "2023 年第 07 期 ",
    ],
    "bulletin name alone": number_then_header("标准化动态 "),
}


def physical_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def original_pages() -> dict[int, int]:
    """Export line number → the page the converter counts for it in the sample."""
    layout = read_layout(Source(PATH, SAMPLE.read_text(encoding="utf-8")))
    return {line.number: line.page for line in layout.lines}


def rewrite_runs(furniture: Furniture) -> str:
    """The sample with its three furniture runs printed as ``furniture`` prints them."""
    lines = physical_lines()
    pages = original_pages()
    for first, last in reversed(SAMPLE_RUNS):
        number_line = first + 4
        new = "\n\n".join(furniture(pages[number_line]))
        lines[first - 1 : last] = new.split("\n")
    return "\n".join(lines)


def with_furniture_everywhere(furniture: Furniture) -> str:
    """Also print furniture at every page turn the sample marks by its indent only: the
    next page's first line then follows the furniture, not indented."""
    text = rewrite_runs(furniture)
    raw = list(split_lines(text))
    pages = {line.number: line.page for line in read_layout(Source(PATH, text)).lines}
    lines = text.split("\n")
    starts = [
        line.number
        for line in raw
        if line.starts_block and line.text.startswith(" ") and line.text.strip() and line.number > 1
    ]
    for number in reversed(starts):
        run = "\n\n".join(furniture(pages[number] - 1))
        lines[number - 1] = run + "\n\n" + lines[number - 1][1:]
        lines[number - 2] += "\n"
    return "\n".join(lines)


@pytest.mark.parametrize("name", FORMS)
def test_furniture_in_another_form_gives_the_same_issue(name: str) -> None:
    issue, warnings = convert(rewrite_runs(FORMS[name]))
    expected_issue, expected_warnings = unmodified()
    assert issue == expected_issue
    assert warnings == expected_warnings


@pytest.mark.parametrize("name", EVERY_PAGE_FORMS)
def test_furniture_on_every_page_gives_the_same_issue(name: str) -> None:
    text = with_furniture_everywhere(EVERY_PAGE_FORMS[name])
    issue, warnings = convert(text)
    expected_issue, expected_warnings = unmodified()
    assert issue == expected_issue
    assert warnings == expected_warnings


def test_a_header_seen_once_where_the_others_print_theirs_is_furniture_and_warned() -> None:
    """Odd pages (11, 21) print the issue, page 12 the bulletin's name: seen once, it
    stands where the header stands in the other runs, after the page number."""
    text = rewrite_runs(EVERY_PAGE_FORMS["bulletin name on even pages, issue on odd pages"])
    issue, warnings = convert(text)
    expected_issue, expected_warnings = unmodified()
    assert issue == expected_issue
    assert [w for w in warnings if w not in expected_warnings] == [
        "a line that repeats nowhere else, standing where this export's other pages print "
        "their running header; removed as the header"
    ]


def test_every_page_turn_gets_furniture_and_the_page_count_stays() -> None:
    text = with_furniture_everywhere(FORMS["em dashes"])
    layout = read_layout(Source(PATH, text))
    numbers = [line.text.strip() for line in layout.lines if line.kind is LineKind.PAGE_NUMBER]
    assert numbers == [f"— {page} —" for page in range(1, 26)]
    assert layout.lines[-1].page == 26


def test_the_issue_is_named_by_a_header_in_any_spacing() -> None:
    for name in ("bulletin name and issue", "no spaces", "middle dot, two digits"):
        layout = read_layout(Source("export.txt", rewrite_runs(FORMS[name])))
        issue, _ = convert_bytes(rewrite_runs(FORMS[name]).encode(), "export.txt")
        assert layout.issue_header is not None, name
        assert (issue.id.year, issue.id.number) == (2023, 7), name
