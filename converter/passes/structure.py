"""Pass 4, structure: paragraphs → ``Issue`` with its summary, sections and articles.

An article is a title paragraph followed by a dateline ("6 月 15 日，…"); it ends
with its authors in parentheses ("（邓阿妹 孙玉琦）"). A section heading is a short
line opening a page. Some headings were images in the PDF and are missing; where a
page opens with an article right after a page left part-empty, the article starts a
section whose heading was lost: its section stays empty here, with a number of its
own (the sections pass may infer it from the usual order of sections).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics
from ..model import (
    Article,
    Block,
    Figure,
    IssueId,
    Layout,
    LineKind,
    Paragraph,
    Subheading,
    Text,
)
from ..patterns import DATELINE, HAN, ISSUE_IN_TEXT
from .blocks import BlockKind, block_kind, table_caption

SUMMARY_HEADING = "本期概要"
# Section headings are a few Chinese characters ("标准战略") alone on a page's first
# line and not followed by a dateline; article titles are longer, and table lines
# opening a page hold digits or several cells. A single short cell of Chinese text
# opening a page would still look like a heading (not seen in the sample).
SECTION_HEADING = re.compile(rf"^{HAN}{{2,8}}$")
# A title wraps onto two lines at most and never ends a sentence.
TITLE_MAX_LINES = 2
# "（邓阿妹 孙玉琦）" closes an article; names are 2–4 characters, and a two-character
# name is padded with a space ("付 豪").
AUTHORS = re.compile(rf"（((?:{HAN}{{1,4}} ?)+)）$")
NAME_MIN_CHARS = 2
# Chinese names (compound surnames included) have at most four characters: a longer
# run in closing parentheses ("（征求意见稿）") is not an author line.
NAME_MAX_CHARS = 4
# Short paragraphs (a table cell, "是") legitimately repeat; sentences do not.
REPEAT_MIN_CHARS = 12
ISSUE_FILE_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?!\d)")
ISSUES_PER_YEAR = 12
# A dateline may fall a few days after its issue's month (the issue went to press
# then); later than that, the date belongs to the year before.
DATE_SLACK_DAYS = 10
# Transparent to "what came last on the page": footnote areas and furniture.
NOT_PAGE_CONTENT = frozenset(
    {
        LineKind.NOTE,
        LineKind.NOTE_SEPARATOR,
        LineKind.PAGE_NUMBER,
        LineKind.RUNNING_HEADER,
        LineKind.PAGE_GAP,
    }
)


@dataclass
class Structure:
    """What the structure pass recovers (before tables and footnotes)."""

    id: IssueId
    summary: list[Block] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def identify_issue(layout: Layout, report: Diagnostics) -> IssueId:
    """Year and number from the running header, else from the file name. The header
    is the evidence of the content; a name naming another issue is refused (the
    export would land in the header's folder while the archive's file says otherwise)."""
    named = ISSUE_FILE_NAME.search(Path(report.path).stem)
    if layout.issue_header and (match := ISSUE_IN_TEXT.search(layout.issue_header)):
        line = header_line(layout)
        issue = checked_issue(report, line, int(match.group(1)), int(match.group(2)))
        if named and (int(named.group(1)), int(named.group(2))) != (issue.year, issue.number):
            report.fail(
                line,
                f"the running header says issue {issue} but the file is named "
                f"{Path(report.path).name}: rename the file (or fix the export)",
            )
        return issue
    if named:
        return checked_issue(report, 1, int(named.group(1)), int(named.group(2)))
    report.fail(
        1,
        "cannot tell the issue: no running header like '2023 年第 07 期' "
        "and no file name like '2023-07.txt'",
    )


def header_line(layout: Layout) -> int:
    return next((line.number for line in layout.lines if line.kind is LineKind.RUNNING_HEADER), 1)


def checked_issue(report: Diagnostics, line: int, year: int, number: int) -> IssueId:
    """The bulletin is monthly: issue numbers run 1 to 12."""
    if not 1 <= number <= ISSUES_PER_YEAR:
        report.fail(line, f"issue number {number} is not a month (expected 1 to {ISSUES_PER_YEAR})")
    return IssueId(year, number)


def build_structure(
    layout: Layout, paragraphs: tuple[Paragraph, ...], report: Diagnostics
) -> Structure:
    issue = identify_issue(layout, report)
    result = Structure(id=issue)
    section: str | None = None  # None until the first heading
    section_number = 0  # counts headings, lost ones too: two lost headings stay apart
    after_blank = pages_ending_blank(layout)
    pending: list[Paragraph] = []  # paragraphs of the article being read
    title: Paragraph | None = None
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if starts_section(paragraphs, index, pending):
            close_article(result, title, pending, (section, section_number), report)
            title, pending = None, []
            section = paragraph.text.value
            result.headings.append(section)
            section_number += 1
        elif is_title(paragraph, following):
            close_article(result, title, pending, (section, section_number), report)
            pending = []
            if paragraph.lines[0].starts_page and paragraph.line in after_blank:
                section = ""
                section_number += 1
                report.warn(
                    paragraph,
                    "a page opens with this article after a "
                    "part-empty page: its section heading seems lost",
                )
            title = paragraph
        elif title is None and section == SUMMARY_HEADING:
            result.summary.append(paragraph)
        elif title is None:
            report.warn(paragraph, "text outside any article is kept in the summary")
            result.summary.append(paragraph)
        else:
            pending.append(paragraph)
        index += 1
    close_article(result, title, pending, (section, section_number), report)
    if not result.articles:
        report.fail(
            1,
            "no articles found: expected a title line followed by a dateline "
            "like '6 月 15 日，…' (is this a bulletin export?)",
        )
    return result


def is_section_heading(paragraph: Paragraph, following: Paragraph | None) -> bool:
    text = paragraph.text.value
    return (
        paragraph.lines[0].starts_page
        and len(paragraph.lines) == 1
        and bool(SECTION_HEADING.match(text))
        and not (following and DATELINE.match(following.text.value))
    )


def starts_section(paragraphs: tuple[Paragraph, ...], index: int, pending: list[Paragraph]) -> bool:
    """A heading line; inside a table that no author line has closed yet, only if a
    title follows it: a table cell of a few Chinese characters can open a page too."""
    following = paragraph_at(paragraphs, index + 1)
    if not is_section_heading(paragraphs[index], following):
        return False
    if not inside_table(pending):
        return True
    return following is not None and is_title(following, paragraph_at(paragraphs, index + 2))


def paragraph_at(paragraphs: tuple[Paragraph, ...], index: int) -> Paragraph | None:
    return paragraphs[index] if index < len(paragraphs) else None


def inside_table(pending: list[Paragraph]) -> bool:
    """Has the article read so far opened a table, with no author line after it?"""
    captions = [i for i, p in enumerate(pending) if table_caption(p) is not None]
    return bool(captions) and not any(
        AUTHORS.search(p.text.value) for p in pending[captions[-1] + 1 :]
    )


def is_title(paragraph: Paragraph, following: Paragraph | None) -> bool:
    return (
        following is not None
        and bool(DATELINE.match(following.text.value))
        and not DATELINE.match(paragraph.text.value)
        and len(paragraph.lines) <= TITLE_MAX_LINES
        and not paragraph.text.value.endswith("。")
    )


def pages_ending_blank(layout: Layout) -> frozenset[int]:
    """Page-opening lines whose previous page ended in blank space, not text."""
    found: set[int] = set()
    last_content: LineKind | None = None
    for line in layout.lines:
        if line.starts_page and last_content is LineKind.BLANK:
            found.add(line.number)
        if line.kind not in NOT_PAGE_CONTENT:
            last_content = line.kind
    return frozenset(found)


def close_article(
    result: Structure,
    title: Paragraph | None,
    body: list[Paragraph],
    section: tuple[str | None, int],
    report: Diagnostics,
) -> None:
    if title is None:
        return
    dateline = body[0].text.value if body else ""
    authors, body = split_authors(body)
    if not authors:
        report.warn(title, "article has no author line")
    warn_repeated_paragraphs(body, report)
    result.articles.append(
        Article(
            ordinal=len(result.articles) + 1,
            title=title.text.value,
            date=dated(dateline, result.id, body[0] if body else title, report),
            section=section[0] or "",
            section_number=section[1],
            authors=authors,
            blocks=tuple(classify_block(p) for p in body),
            line=title.line,
        )
    )


def warn_repeated_paragraphs(body: list[Paragraph], report: Diagnostics) -> None:
    """A paragraph that repeats an earlier one word for word is most likely a
    duplicated stretch of the export; it is kept, and reported. Not after a table
    caption: table cells repeat one another legitimately (two rows, one recommendation)."""
    first_seen: dict[str, int] = {}
    for paragraph in body:
        if table_caption(paragraph) is not None:
            break
        text = paragraph.text.value
        if text in first_seen and len(text) >= REPEAT_MIN_CHARS:
            report.warn(paragraph, f"paragraph repeats line {first_seen[text]} word for word")
        first_seen.setdefault(text, paragraph.line)


def split_authors(body: list[Paragraph]) -> tuple[tuple[str, ...], list[Paragraph]]:
    """Take the closing "（names）" off the article's last paragraph."""
    if not body:
        return (), body
    last = body[-1]
    match = AUTHORS.search(last.text.value)
    if not match:
        return (), body
    names = parse_names(match.group(1))
    if not names:
        return (), body
    remaining = last.text.value[: match.start()].rstrip()
    if not remaining:
        return names, body[:-1]
    kept = Paragraph(lines=last.lines, text=Text(remaining, last.text.notes))
    return names, [*body[:-1], kept]


def parse_names(text: str) -> tuple[str, ...]:
    """ "邓阿妹 孙玉琦" → two names; "付 豪" → one padded two-character name."""
    names: list[str] = []
    for token in text.split():
        if names and len(names[-1]) < NAME_MIN_CHARS:
            names[-1] += token
        else:
            names.append(token)
    if any(not NAME_MIN_CHARS <= len(name) <= NAME_MAX_CHARS for name in names):
        return ()
    return tuple(names)


def article_date(dateline: str, issue: IssueId) -> dt.date | None:
    """The dateline's month and day in the latest year that puts it on or before the
    issue's month (a bulletin reports the past), with ``DATE_SLACK_DAYS`` of slack
    for news dated just after the month closed. None without a dateline or where no
    such date exists ("2 月 30 日")."""
    match = DATELINE.match(dateline)
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    latest = issue_month_end(issue) + dt.timedelta(days=DATE_SLACK_DAYS)
    for year in range(issue.year + 1, issue.year - 4, -1):  # a leap day: within 4 years
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= latest:
            return date
    return None


def dated(dateline: str, issue: IssueId, where: Paragraph, report: Diagnostics) -> dt.date | None:
    date = article_date(dateline, issue)
    if date is None and DATELINE.match(dateline):
        report.warn(where, f"the dateline's day does not exist near issue {issue}; date left empty")
    return date


def issue_month_end(issue: IssueId) -> dt.date:
    following = dt.date(issue.year + issue.number // 12, issue.number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def classify_block(paragraph: Paragraph) -> Block:
    """Subheadings and figure captions become blocks of their own; a table caption
    stays a paragraph for the table pass, which needs the lines after it."""
    found = block_kind(paragraph)
    if found is None:
        return paragraph
    kind, match = found
    if kind is BlockKind.SUBHEADING:
        return Subheading(text=paragraph.text.value, line=paragraph.line)
    if kind is BlockKind.FIGURE_CAPTION:
        return Figure(number=int(match.group(1)), caption=match.group(2), line=paragraph.line)
    return paragraph
