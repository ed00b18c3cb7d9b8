"""The structure pass: paragraphs → ``Issue`` with its summary, sections and articles.

An article starts at a paragraph shaped like a title (a short block of one to three
lines that does not close a sentence) where enough of several cues agree, none of
them required: what came before closes an article (an author line, a section
heading, a page left part-empty), what follows opens a news item (a dateline in
any form, or a full first paragraph). An article ends with its authors in
parentheses ("（邓阿妹 孙玉琦）"). A section heading is a short Chinese line standing
alone: opening a page, followed by blank space or by a title. Some headings were
images in the PDF and are missing; where a page opens with an article right after a
page left part-empty, the article starts a section whose heading was lost: its
section stays empty here, with a number of its own (the sections pass may infer it
from the usual order of sections).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostics
from ..model import (
    Article,
    Block,
    DatePrecision,
    Figure,
    IssueId,
    Layout,
    LineKind,
    Paragraph,
    Subheading,
    Text,
)
from ..patterns import DATE_DAY, DATE_NUMBER, DATELINE, HAN, HAN_RANGES, HAN_UNITS, ISSUE_IN_TEXT
from ..text import display_width
from ..vocabulary import load_section_order
from .blocks import (
    BLOCK_MAX_LINES,
    BlockKind,
    block_kind,
    missed_caption,
    outline_levels,
    read_caption,
    table_caption,
)
from .footnotes import (
    MARKER_PAGE_LAG,
    RESTART,
    definition_form,
    definition_groups,
    definition_start,
    marker_candidates,
    number_of,
)

SUMMARY_HEADING = "本期概要"
# Section headings are a few Chinese characters ("标准战略") alone on a line; article
# titles are longer, and table lines hold digits or several cells. The sample's
# headings have four characters; ten leaves room for longer names ("国际标准化动态").
SECTION_HEADING = re.compile(rf"^{HAN}{{2,10}}$")
# A heading may be set off by a pair of brackets, a common decoration of Chinese
# column names ("【标准战略】"); the name is what they enclose.
HEADING_BRACKETS = re.compile(r"^(?:【(.*)】|〖(.*)〗|〔(.*)〕|\[(.*)\])$")
# A title wraps onto three lines at most; a longer block is running text.
TITLE_MAX_LINES = 3
# A subtitle is printed on its own line under its title, opening with a dash (破折号,
# "——记…"): a title-shaped paragraph so opening, right under a title-shaped one, is
# that title's second part, not a title of its own.
SUBTITLE_DASH = re.compile(r"^(?:[—―]{1,2}|--)")
# An unnumbered subheading (set bold, not numbered) is a short phrase on one or two
# lines, at most half as wide as the full paragraph it heads: a title-shaped line
# that is as wide as the text is a wrapped sentence's end, not a heading.
SUBHEADING_MAX_LINES = 2
SUBHEADING_MAX_SHARE = 0.5
# One such line may be anything (a stray title, a label); the same shape repeating
# inside one article, each heading text, is its outline.
UNNUMBERED_SUBHEADINGS_MIN = 2
# A title never closes a sentence or a clause (in Chinese or English); body text does
# ("…如下要求：" introduces what follows). Closing quotes or brackets may follow.
SENTENCE_FINAL = re.compile(r"[。！？!?.；;：:…][”’」』）)]*$")
# A title may ask or exclaim ("…促进贸易？"), as a sentence of body text may; it
# never closes a statement or a clause (。；：).
ASKS_OR_EXCLAIMS = re.compile(r"[！？!?…][”’」』）)]*$")
# An item of a list or a numbered subheading opens with its number ("（5）…方面",
# "（一）背景", "一、", "1. ", "②"): not a title, even when it has no full stop
# (2023-07.txt:931).
CHINESE_NUMERAL = "[一二三四五六七八九十]"
LIST_ITEM = re.compile(
    rf"^(?:[（(](?:\d{{1,2}}|{CHINESE_NUMERAL}{{1,3}})[）)]|{CHINESE_NUMERAL}{{1,3}}、"
    r"|\d{1,2}(?:[.．](?!\d)|、)|[①-⑳])"
)
# The cues that an article starts at a title-shaped paragraph, and their weights
# (``CUES``): a dateline after it is enough on its own; an article closed just before
# it (author line, section heading, a page left part-empty) needs a full first
# paragraph after it too. One weak cue alone is reported, never acted on.
DATELINE_AFTER = 3  # the next paragraph opens with a date, in any form
CLOSED_BEFORE = 2  # the paragraph before closed an article or a section heading
LEAD_AFTER = 1  # the next paragraph is a news item's first paragraph
# Footnote numbering that starts again at 1 (per article, in some issues) where the
# next paragraph holds marker 1: evidence where it happens (2023-07 runs on, §3.8).
NOTES_RESTART = 2
# A title-shaped paragraph that asks or exclaims reads as body text as well: it starts
# an article only when a dateline follows it and an article closed before it.
ASKS_OR_EXCLAIMS_ENDING = -2
START_SCORE = 3
# "（邓阿妹 孙玉琦）" closes an article; names are 2–4 characters, separated by any
# padding (spaces, full-width U+3000 spaces, a wrap), and a two-character name may be
# padded inside ("付 豪", "付　豪").
AUTHOR_PADDING = r"[\s\u3000]"
# Names may be listed with the enumeration comma ("邓阿妹、孙玉琦"), as lists are.
NAME_SEPARATOR = "、"
# A role may say what the people did, before the names and marked off from them
# ("文/孙玉琦", "编译：辛竹琳") or after them, padded ("辛竹琳 编译", "孙玉琦 译").
# Roles are words of the trade, never names; longest first.
AUTHOR_ROLES = ("编译", "翻译", "整理", "供稿", "撰稿", "撰文", "编辑", "文", "译", "编")
ROLE_MARK = "/／：:"
ROLE_BEFORE = re.compile(rf"^({'|'.join(AUTHOR_ROLES)}){AUTHOR_PADDING}*[{ROLE_MARK}]")
ROLE_AFTER = re.compile(rf"{AUTHOR_PADDING}+({'|'.join(AUTHOR_ROLES)})$")
# Names listed with the full-width comma ("（邓阿妹，贾宇婷）"): running text lists things in
# parentheses the same way ("（欧盟，美国）"), so this reads as an author line only on
# strong evidence (``comma_list_stands``): it stands alone or after a closed sentence,
# and every item is a plain name of 2–4 characters (no role, no office, no padding).
LISTING_COMMA = "，"
CLOSED_SENTENCE = re.compile(r"[。！？!?][”’」』）)]*$")
AUTHOR_CHAR = rf"[{HAN_RANGES}{NAME_SEPARATOR}{ROLE_MARK}{LISTING_COMMA}]"
# The parentheses may be full- or half-width ("(孙玉琦)"): a typesetter's choice, the
# names inside and where the line stands are the evidence, whichever width.
AUTHOR_OPEN, AUTHOR_CLOSE = "（(", "）)"
AUTHORS = re.compile(
    rf"[{AUTHOR_OPEN}]{AUTHOR_PADDING}*((?:{AUTHOR_CHAR}{AUTHOR_PADDING}*)+)[{AUTHOR_CLOSE}]"
    rf"{AUTHOR_PADDING}*$"
)
NAME_MIN_CHARS = 2
# Chinese names (compound surnames included) have at most four characters: a longer
# run in closing parentheses ("（征求意见稿）") is not an author line.
NAME_MAX_CHARS = 4
# An office may sign as itself ("本刊编辑部"): a longer run is an author when it ends
# with the word for an office, up to the length of a full organisation's name.
ORGANISATION_ENDINGS = ("编辑部", "委员会", "研究院", "研究所", "中心", "协会", "学会", "办公室")
ORGANISATION_MAX_CHARS = 12
HAN_ONLY = re.compile(f"{HAN}+")
# An author line names one to a handful of people; more is a list, not a by-line.
AUTHOR_MAX_NAMES = 5
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


def identify_issue(layout: Layout, diagnostics: Diagnostics) -> IssueId:
    """Year and number from the running header, else from the file name. The header
    is the evidence of the content; a name naming another issue is refused (the
    export would land in the header's folder while the archive's file says otherwise)."""
    named = ISSUE_FILE_NAME.search(Path(diagnostics.path).stem)
    if layout.issue_header and (match := ISSUE_IN_TEXT.search(layout.issue_header)):
        line = header_line(layout)
        issue = checked_issue(diagnostics, line, int(match.group(1)), int(match.group(2)))
        if named and (int(named.group(1)), int(named.group(2))) != (issue.year, issue.number):
            diagnostics.fail(
                line,
                f"the running header says issue {issue} but the file is named "
                f"{Path(diagnostics.path).name}: rename the file (or fix the export)",
            )
        return issue
    if named:
        return checked_issue(diagnostics, 1, int(named.group(1)), int(named.group(2)))
    diagnostics.fail(
        1,
        "cannot tell the issue: no running header like '2023 年第 07 期' "
        "and no file name like '2023-07.txt'",
    )


def header_line(layout: Layout) -> int:
    return next((line.number for line in layout.lines if line.kind is LineKind.RUNNING_HEADER), 1)


def checked_issue(diagnostics: Diagnostics, line: int, year: int, number: int) -> IssueId:
    """The bulletin is monthly: issue numbers run 1 to 12."""
    if not 1 <= number <= ISSUES_PER_YEAR:
        diagnostics.fail(
            line, f"issue number {number} is not a month (expected 1 to {ISSUES_PER_YEAR})"
        )
    return IssueId(year, number)


@dataclass(frozen=True)
class Page:
    """What the layout says around the paragraphs: the lines that stand before blank
    space, the page-opening lines after a page left part-empty, and the pages where
    footnote numbering starts again."""

    before_blank: frozenset[int]
    after_blank: frozenset[int]
    notes_restart: frozenset[int] = frozenset()
    blank_after_notes: frozenset[int] = frozenset()


@dataclass
class Reading:
    """The state of one reading of the paragraphs, from the first to the last."""

    section: str | None = None  # None until the first heading
    in_summary: bool = False  # is the summary's heading the last heading read?
    section_number: int = 0  # counts headings, lost ones too: two lost headings stay apart
    section_line: int = 0  # the heading's line; 0 when lost
    title: Paragraph | None = None
    pending: list[Paragraph] = field(default_factory=list)  # the article being read
    # Has ``pending`` opened a table with no author line after it (``inside_table``)?
    # Kept as paragraphs are read: asking it of the whole article at every title-shaped
    # paragraph made the pass quadratic in an article's length.
    in_table: bool = False
    # title-shaped paragraphs of the article being read that did not start one, with
    # their cues: warned when it closes, unless they turn out to be its subheadings
    title_shaped: list[tuple[Paragraph, list[Cue]]] = field(default_factory=list)
    closed: bool = False  # did the previous paragraph close an article or a heading?
    outside_warned: bool = False  # was text outside any article reported since then?


@dataclass(frozen=True)
class Candidate:
    """A title-shaped paragraph, what follows it, and whether an article or heading
    closed just before it."""

    following: Paragraph | None
    closed: bool
    restart_marker: bool = False  # the next paragraph holds marker 1 where notes restart
    asks: bool = False  # it ends with ？, ！ or …


@dataclass(frozen=True)
class Cue:
    name: str
    weight: int
    seen: Callable[[Candidate], bool]


DATELINE_CUE = Cue("dateline after", DATELINE_AFTER, lambda c: opens_with_date(c.following))
CLOSED_CUE = Cue("article or heading closed before", CLOSED_BEFORE, lambda c: c.closed)
LEAD_CUE = Cue("first paragraph after", LEAD_AFTER, lambda c: is_lead(c.following))
RESTART_CUE = Cue("footnotes restart after", NOTES_RESTART, lambda c: c.restart_marker)
ASKS_CUE = Cue("ends asking or exclaiming", ASKS_OR_EXCLAIMS_ENDING, lambda c: c.asks)
CUES: tuple[Cue, ...] = (DATELINE_CUE, CLOSED_CUE, LEAD_CUE, RESTART_CUE, ASKS_CUE)


def build_structure(
    layout: Layout, paragraphs: tuple[Paragraph, ...], diagnostics: Diagnostics
) -> Structure:
    issue = identify_issue(layout, diagnostics)
    result = Structure(id=issue)
    page = Page(
        lines_before_blank(layout),
        pages_ending_blank(layout),
        notes_restart(layout),
        blank_after_notes(layout),
    )
    state = Reading()
    subtitles: set[int] = set()  # paragraphs read as the title before them
    for index, paragraph in enumerate(paragraphs):
        if index in subtitles:
            continue
        summary = heads_summary(paragraphs, index, state)
        if summary or starts_section(paragraphs, index, state, page):
            close_article(result, state, diagnostics)
            state.title, state.outside_warned = None, False
            state.pending, state.in_table = [], False
            state.section, state.section_line = heading_name(paragraph), paragraph.line
            state.in_summary = summary
            result.headings.append(paragraph.text.value)  # as printed
            state.section_number += 1
            state.closed = True
            continue
        cues = start_cues(paragraphs, index, state, page)
        if cues is not None and sum(cue.weight for cue in cues) >= START_SCORE:
            close_article(result, state, diagnostics)
            state.pending, state.in_table = [], False
            if lost := lost_heading(paragraph, state, page):
                state.section, state.section_line, state.in_summary = "", 0, False
                state.section_number += 1
                diagnostics.warn(paragraph, f"{lost}: its section heading seems lost")
            state.title = paragraph
            subtitle = paragraph_at(paragraphs, index + 1)
            if is_subtitle(subtitle):
                assert subtitle is not None
                state.title = with_subtitle(paragraph, subtitle)
                subtitles.add(index + 1)
        else:
            if cues and state.title is not None:
                state.title_shaped.append((paragraph, cues))
            elif cues:
                diagnostics.warn(paragraph, not_a_start_message(cues))
            add_to_reading(result, state, paragraph, diagnostics)
        state.closed = closes_article(paragraph)
    close_article(result, state, diagnostics)
    if not result.articles:
        diagnostics.fail(
            1,
            "no articles found: expected a title line followed by a dateline "
            "like '6 月 15 日，…' (is this a bulletin export?)",
        )
    return result


def heading_awaits_article(state: Reading) -> bool:
    """Was a section heading the last thing read (printed at the foot of the page
    before, its blank space left under it)? Then a page opening after blank space
    starts that section's first article: no heading is lost."""
    return state.title is None and state.section is not None and not state.in_summary


def lost_heading(paragraph: Paragraph, state: Reading, page: Page) -> str | None:
    """Why the article starting at ``paragraph`` has lost its section heading (None:
    it has not). The summary is no section: an article right after it lost the first
    heading. A page opening after blank space is a heading image's place."""
    if state.in_summary:
        return "this article follows the summary with no section heading between"
    if heading_awaits_article(state):
        return None
    if paragraph.line in page.blank_after_notes:
        return "a page opens with this article after a footnote area and blank space"
    if opens_page_after_blank(paragraph, page):
        return "a page opens with this article after a part-empty page"
    return None


def add_to_reading(
    result: Structure, state: Reading, paragraph: Paragraph, diagnostics: Diagnostics
) -> None:
    if state.title is not None:
        state.pending.append(paragraph)
        state.in_table = inside_table(state.in_table, paragraph)
        return
    if not state.in_summary and not state.outside_warned:
        diagnostics.warn(paragraph, "text outside any article (from here) is kept in the summary")
        state.outside_warned = True  # once per run of such paragraphs
    result.summary.append(paragraph)


def not_a_start_message(cues: list[Cue]) -> str:
    seen = ", ".join(cue.name for cue in cues)
    expected = (
        "an author line or heading before it and a dateline after it"
        if ASKS_CUE in cues
        else "a dateline after it, or an author line or heading before it and a first "
        "paragraph after it"
    )
    return (
        "this paragraph has the shape of a title but does not start an article "
        f"(cues: {seen}; expected {expected}); it is kept in the text before it"
    )


def heads_summary(paragraphs: tuple[Paragraph, ...], index: int, state: Reading) -> bool:
    """本期概要 heads the summary whatever its first paragraph says (even a dateline).
    So does any heading-shaped line opening the issue (本期导读, 内容提要…) that is not
    a listed section and has text after it, not an article's title: a section opens
    with an article, the summary with its text."""
    paragraph = paragraphs[index]
    if len(paragraph.lines) == 1 and heading_name(paragraph) == SUMMARY_HEADING:
        return True
    if index > 0 or state.section is not None or not heading_shape(paragraph):
        return False
    following = paragraph_at(paragraphs, index + 1)
    return (
        heading_name(paragraph) not in load_section_order()
        and following is not None
        and not title_shape(following)
    )


def heading_shape(paragraph: Paragraph) -> bool:
    return len(paragraph.lines) == 1 and bool(SECTION_HEADING.match(heading_name(paragraph)))


def heading_name(paragraph: Paragraph) -> str:
    """The heading's text without the brackets that may set it off."""
    text = paragraph.text.value
    if match := HEADING_BRACKETS.match(text):
        return next(group for group in match.groups() if group is not None)
    return text


def starts_section(
    paragraphs: tuple[Paragraph, ...], index: int, state: Reading, page: Page
) -> bool:
    """A short Chinese line standing alone: opening a page, or before blank space, or
    before a title, and not before a dateline or a lead (then it is a short title). Inside a
    table that no author line has closed yet, only if an article follows it: a table
    cell of a few Chinese characters can open a page too."""
    paragraph = paragraphs[index]
    following = paragraph_at(paragraphs, index + 1)
    if not heading_shape(paragraph) or opens_with_date(following):
        return False
    if state.in_table:
        return following is not None and opens_with_date(paragraph_at(paragraphs, index + 2))
    if is_lead(following):
        return False  # a short title at a page's top, its lead right under it
    return (
        paragraph.lines[0].starts_page
        or paragraph.lines[-1].number in page.before_blank
        or (following is not None and title_shape(following))
    )


def start_cues(
    paragraphs: tuple[Paragraph, ...], index: int, state: Reading, page: Page
) -> list[Cue] | None:
    """The cues that say an article starts here; None when the paragraph cannot be a
    title. In a table, only a dateline counts: cells are short and often followed by
    longer cells."""
    paragraph = paragraphs[index]
    following = paragraph_at(paragraphs, index + 1)
    if is_subtitle(following):  # what follows the title is what follows its subtitle
        following = paragraph_at(paragraphs, index + 2)
    asks = asking_title_shape(paragraph)
    if asks and not opens_with_date(following):
        return None  # a question in the text: only a dateline after it makes it a title
    if not (title_shape(paragraph) or asks):
        return None
    if state.in_table:
        return [DATELINE_CUE] if opens_with_date(following) else None
    closed = state.closed or opens_page_after_blank(paragraph, page)
    candidate = Candidate(following, closed, holds_first_marker(following, page), asks)
    return [cue for cue in CUES if cue.seen(candidate)]


def notes_restart(layout: Layout) -> frozenset[int]:
    """Pages where a footnote definition numbered 1 follows higher numbers."""
    pages: set[int] = set()
    previous = 0
    # The footnotes pass reports what disagrees in the numbering; here it is evidence only.
    unreported = Diagnostics(layout.source.path)
    form = definition_form(layout.lines)
    for group in definition_groups(layout.lines, unreported):
        if match := definition_start(group[0].text, form):
            number = number_of(match)
            if number == RESTART and previous >= RESTART:
                pages.add(group[0].page)
            previous = number
    return frozenset(pages)


def holds_first_marker(paragraph: Paragraph | None, page: Page) -> bool:
    """Does the paragraph hold marker 1 on (or the page before) a page where the
    numbering restarts? A note's marker is on its definition's page or the one before."""
    if paragraph is None or not page.notes_restart:
        return False
    pages = {line.page + lag for line in paragraph.lines for lag in range(MARKER_PAGE_LAG + 1)}
    if not pages & page.notes_restart:
        return False
    return any(number_of(match) == RESTART for match in marker_candidates(paragraph.text.value))


def opens_page_after_blank(paragraph: Paragraph, page: Page) -> bool:
    """A page opens with it after a page left part-empty, or after blank space at the
    top of its page: a lost heading's place."""
    if paragraph.line in page.blank_after_notes:
        return True
    return paragraph.lines[0].starts_page and paragraph.line in page.after_blank


def title_shape(paragraph: Paragraph) -> bool:
    """A short block that does not close a sentence, is not a date, an author line,
    a subheading or a caption."""
    text = paragraph.text.value
    return (
        len(paragraph.lines) <= TITLE_MAX_LINES
        and not SENTENCE_FINAL.search(text)
        and not DATELINE.match(text)
        and not LIST_ITEM.match(text)
        and not closes_with_author_line(text)
        and block_kind(paragraph) is None
    )


def is_subtitle(paragraph: Paragraph | None) -> bool:
    """A title-shaped paragraph opening with a dash (``SUBTITLE_DASH``)."""
    return (
        paragraph is not None
        and bool(SUBTITLE_DASH.match(paragraph.text.value))
        and title_shape(paragraph)
    )


def with_subtitle(title: Paragraph, subtitle: Paragraph) -> Paragraph:
    """The title and its subtitle as one title ("…挑战——记…"), both lines kept."""
    text = Text(title.text.value + subtitle.text.value, title.text.notes + subtitle.text.notes)
    return Paragraph(lines=title.lines + subtitle.lines, text=text)


def asking_title_shape(paragraph: Paragraph) -> bool:
    """Title-shaped but for its ending: it asks or exclaims."""
    text = paragraph.text.value
    if not ASKS_OR_EXCLAIMS.search(text):
        return False
    bare = replace(paragraph, text=Text(ASKS_OR_EXCLAIMS.sub("", text)))
    return bool(bare.text.value) and title_shape(bare)


def closes_with_author_line(text: str) -> bool:
    """An author line stands alone or after a closed sentence ("…水平。（孙玉琦）"); a
    title may end in a short word in parentheses ("…标准（修订）") that reads like one."""
    found = author_line(text)
    if found is None:
        return False
    before = text[: found[1]].rstrip()
    return not before or bool(SENTENCE_FINAL.search(before))


def opens_with_date(paragraph: Paragraph | None) -> bool:
    return paragraph is not None and bool(DATELINE.match(paragraph.text.value))


def is_lead(paragraph: Paragraph | None) -> bool:
    """A news item's first paragraph: a paragraph that closes its sentence (before its
    author line, when the item is that one paragraph). One line is enough: a lead
    without its dateline can be short (a title never closes a sentence)."""
    if paragraph is None:
        return False
    text = paragraph.text.value
    if (authors := author_line(text)) is not None:
        text = text[: authors[1]]
    return bool(SENTENCE_FINAL.search(text)) and block_kind(paragraph) is None


def closes_article(paragraph: Paragraph) -> bool:
    return paragraph_authors(paragraph) is not None


def paragraph_at(paragraphs: tuple[Paragraph, ...], index: int) -> Paragraph | None:
    return paragraphs[index] if 0 <= index < len(paragraphs) else None


def inside_table(was_inside: bool, paragraph: Paragraph) -> bool:
    """Has the article read so far opened a table, with no author line after it? From
    the answer before ``paragraph`` was read: a table caption opens one, an author line
    after it closes it."""
    if table_caption(paragraph) is not None:
        return True
    return was_inside and not closes_article(paragraph)


def lines_before_blank(layout: Layout) -> frozenset[int]:
    """Body lines followed by blank space on the page (notes and furniture aside)."""
    found: set[int] = set()
    previous: int | None = None
    for line in layout.lines:
        if line.kind in NOT_PAGE_CONTENT:
            continue
        if line.kind is LineKind.BLANK and previous is not None:
            found.add(previous)
        previous = line.number if line.kind is LineKind.BODY else None
    return frozenset(found)


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


def blank_after_notes(layout: Layout) -> frozenset[int]:
    """Body lines after a footnote area and blank space. A note area ends its page
    (FORMAT.md §1.5), so the blank space opens the next page, unindented: where a
    section heading's image stood."""
    found: set[int] = set()
    after_notes, blank = False, False
    for line in layout.lines:
        if line.kind in (LineKind.NOTE, LineKind.NOTE_SEPARATOR):
            after_notes, blank = True, False
        elif line.kind is LineKind.BLANK:
            blank = after_notes
        elif line.kind not in NOT_PAGE_CONTENT:
            if line.kind is LineKind.BODY and blank and not line.starts_page:
                found.add(line.number)
            after_notes, blank = False, False
    return frozenset(found)


def close_article(result: Structure, state: Reading, diagnostics: Diagnostics) -> None:
    title, body = state.title, state.pending
    if title is None:
        return
    lead = body[0] if body else None
    subheadings = unnumbered_subheadings(body, [shaped for shaped, _ in state.title_shaped])
    for paragraph, cues in state.title_shaped:
        if paragraph.line not in subheadings:
            diagnostics.warn(paragraph, not_a_start_message(cues))
    state.title_shaped = []
    warn_ambiguous_authors(body, diagnostics)
    authors, byline, body = split_authors(body)
    warn_repeated_paragraphs(body, diagnostics)
    date, precision = dated(lead, result.id, diagnostics)
    result.articles.append(
        Article(
            ordinal=len(result.articles) + 1,
            title=title.text.value,
            date=date,
            section=state.section or "",
            section_number=state.section_number,
            section_line=state.section_line,
            authors=authors,
            byline=byline,
            blocks=classify_blocks(body, diagnostics, subheadings),
            line=title.line,
            date_precision=precision,
        )
    )


def warn_repeated_paragraphs(body: list[Paragraph], diagnostics: Diagnostics) -> None:
    """A paragraph that repeats an earlier one word for word is most likely a
    duplicated stretch of the export; it is kept, and reported. Not after a table
    caption: table cells repeat one another legitimately (two rows, one recommendation)."""
    first_seen: dict[str, int] = {}
    for paragraph in body:
        if table_caption(paragraph) is not None:
            break
        text = paragraph.text.value
        if text in first_seen and len(text) >= REPEAT_MIN_CHARS:
            diagnostics.warn(paragraph, f"paragraph repeats line {first_seen[text]} word for word")
        first_seen.setdefault(text, paragraph.line)


def warn_ambiguous_authors(body: list[Paragraph], diagnostics: Diagnostics) -> None:
    """An author line wrapped where both readings give names ("（欧阳" + "娜娜）": one
    name or two) is read with the break as a space, and reported at its opening line."""
    if body and len(readings := author_readings(body[-1])) > 1:
        (first, _), (joined, _) = readings
        diagnostics.warn(
            body[-1].lines[-2].number,
            f"author line wrapped inside its parentheses reads as {' '.join(first)} "
            f"or {' '.join(joined)}; read as the first (check the names)",
        )


def split_authors(body: list[Paragraph]) -> tuple[tuple[str, ...], str, list[Paragraph]]:
    """Take the closing "（names）" off the article's last paragraph: the names, the
    author line as printed, and the body without it."""
    if not body:
        return (), "", body
    last = body[-1]
    found = paragraph_authors(last)
    if found is None:
        return (), "", body
    names, start = found
    byline = last.text.value[start:].strip()
    remaining = last.text.value[:start].rstrip()
    if not remaining:
        return names, byline, body[:-1]
    kept = Paragraph(lines=last.lines, text=Text(remaining, last.text.notes))
    return names, byline, [*body[:-1], kept]


def paragraph_authors(paragraph: Paragraph) -> tuple[tuple[str, ...], int] | None:
    """The closing author line of a paragraph, and where it starts in its text."""
    readings = author_readings(paragraph)
    return readings[0] if readings else None


def author_readings(paragraph: Paragraph) -> list[tuple[tuple[str, ...], int]]:
    """Each valid reading of the paragraph's closing author line, the first preferred.

    The names are read from the lines as printed: joining the lines evens out the
    spacing of a run of single characters ("付 豪 邓" + "阿妹）" would read "付豪邓"). A
    line break inside the parentheses is read first as the space between two names:
    the extractor drops the space at a wrap (FORMAT.md §2), so "（邓阿妹" + "孙玉琦）"
    lost it. Where the break cannot part names ("（孙玉" + "琦）", cut inside one), it
    is read as joined; where both readings give valid names, the caller warns."""
    match = AUTHORS.search(paragraph.text.value)
    if not match or not comma_list_stands(paragraph.text.value, match):
        return []
    printed, cut = printed_tail(paragraph)
    readings: list[tuple[str, ...]] = []
    for text in ([f"{printed[:cut]} {printed[cut:]}"] if cut is not None else []) + [printed]:
        found = AUTHORS.search(text)
        opened = found is not None and (cut is None or text is printed or found.start() < cut)
        if found and opened and (names := parse_names(found.group(1))) and names not in readings:
            readings.append(names)
    return [(names, match.start()) for names in readings]


def printed_tail(paragraph: Paragraph) -> tuple[str, int | None]:
    """The paragraph's last two lines as printed, and where the last one starts (None:
    one line). An author line (five names at most) never takes more than two."""
    lines = [line.text.strip() for line in paragraph.lines[-2:]]
    if len(lines) < 2 or not lines[-1]:
        return "".join(lines), None
    return "".join(lines), len(lines[0])


def author_line(text: str) -> tuple[tuple[str, ...], int] | None:
    """The names of a closing "（names）" and where it starts; None without one."""
    match = AUTHORS.search(text)
    if not match or not comma_list_stands(text, match):
        return None
    names = parse_names(match.group(1))
    return (names, match.start()) if names else None


def comma_list_stands(text: str, match: re.Match[str]) -> bool:
    """A closing "（…，…）" is an author line only alone or after a closed sentence."""
    if LISTING_COMMA not in match.group(1):
        return True
    before = text[: match.start()].rstrip()
    return not before or bool(CLOSED_SENTENCE.search(before))


def comma_names(text: str) -> tuple[str, ...]:
    """ "邓阿妹，贾宇婷" → two names; any item that is not a plain 2–4 character name → ()."""
    names = tuple(item.strip() for item in text.split(LISTING_COMMA))
    plain = all(
        HAN_ONLY.fullmatch(name) and NAME_MIN_CHARS <= len(name) <= NAME_MAX_CHARS for name in names
    )
    return names if plain and len(names) <= AUTHOR_MAX_NAMES else ()


def parse_names(text: str) -> tuple[str, ...]:
    """ "邓阿妹 孙玉琦" → two names; "付 豪" or "付　豪" → one padded two-character name;
    "文/孙玉琦", "孙玉琦 译" → the name without its role (``author_role``);
    "邓阿妹，贾宇婷" → plain names only (``comma_names``).
    Padding inside a name only ever parts the two halves of a two-character one, so a
    single character joins only another single character ("周树" "斌" "付" is no list)."""
    if LISTING_COMMA in text:
        return comma_names(text)
    role, unroled = split_role(text)
    return (role and list_names(unroled)) or list_names(text)


def split_role(text: str) -> tuple[str, str]:
    """The role an author line states ("编译"), and the names without it."""
    text = text.strip()
    for pattern in (ROLE_BEFORE, ROLE_AFTER):
        if found := pattern.search(text):
            return found.group(1), (text[: found.start()] + text[found.end() :]).strip()
    return "", text


def list_names(text: str) -> tuple[str, ...]:
    names: list[str] = []
    for part in text.split(NAME_SEPARATOR):
        names += padded_names(part) or [""]
    if len(names) > AUTHOR_MAX_NAMES or not all(map(is_name, names)):
        return ()
    return tuple(names)


def padded_names(text: str) -> list[str]:
    names: list[str] = []
    for token in text.split():  # any padding: spaces, U+3000, a wrap
        if names and len(names[-1]) == 1 and len(token) == 1:
            names[-1] += token
        else:
            names.append(token)
    return names


def is_name(text: str) -> bool:
    """A person's name, or an office signing as itself."""
    if not HAN_ONLY.fullmatch(text):
        return False
    if NAME_MIN_CHARS <= len(text) <= NAME_MAX_CHARS:
        return True
    return len(text) <= ORGANISATION_MAX_CHARS and text.endswith(ORGANISATION_ENDINGS)


# A lead may name its source or its occasion before its date ("据报道，6 月 19 日，",
# "在 6 月 19 日举行的会议上，"): a day in its opening clauses dates it. A source
# clause is short; a longer first clause is news in its own right.
LEAD_OPENING_CLAUSES = 2
SOURCE_CLAUSE_MAX_CHARS = 16
CLAUSE_END = re.compile(r"[，,。；;]")
DAY_IN_TEXT = re.compile(
    rf"(?<![\d{HAN_UNITS}十廿卅])(?:(?P<year>\d{{4}})\s*年\s*)?"
    rf"(?P<month>{DATE_NUMBER})\s*月\s*{DATE_DAY}"
)


def article_date(dateline: str, issue: IssueId) -> dt.date | None:
    """The date a lead opens with (see ``lead_date``)."""
    return lead_date(dateline, issue)[0]


def lead_date(dateline: str, issue: IssueId) -> tuple[dt.date | None, DatePrecision]:
    """The date a lead opens with (``dateline_date``); failing a dateline, the day its
    opening names (``opening_day``), if that is not after the issue went to press."""
    found = dateline_date(dateline, issue)
    if found[1] is not DatePrecision.ISSUE or (day := opening_day(dateline)) is None:
        return found
    date, precision = dateline_date(day, issue)
    latest = issue_month_end(issue) + dt.timedelta(days=DATE_SLACK_DAYS)
    return (date, precision) if date is not None and date <= latest else found


def opening_day(lead: str) -> str | None:
    """A day named in the lead's opening, as a dateline: after a clause naming the
    source ("据报道，6 月 19 日，"), or inside the first clause ("在 6 月 19 日举行的会议上，")."""
    if DATELINE.match(lead) or not (clauses := CLAUSE_END.split(lead, LEAD_OPENING_CLAUSES)):
        return None
    after = lead[len(clauses[0]) + 1 :]
    if len(clauses) > 1 and len(clauses[0]) <= SOURCE_CLAUSE_MAX_CHARS and DATELINE.match(after):
        return after
    found = DAY_IN_TEXT.search(clauses[0])
    return f"{found.group(0)}，" if found else None


def dateline_date(dateline: str, issue: IssueId) -> tuple[dt.date | None, DatePrecision]:
    """The date a lead opens with, and how precise it is.

    A day ("6 月 15 日，", the first of a range) is that day; a month or part of one
    ("6 月上旬，") its first day, approximate; no date ("近日，", or no dateline at
    all) the issue's month, inferred (``lead_date`` then reads the lead's opening).
    Without a year,
    the latest year that puts the date on or before the issue's month (a bulletin
    reports the past), with ``DATE_SLACK_DAYS`` of slack for news dated just after
    the month closed. None where no such date exists ("2 月 30 日")."""
    match = DATELINE.match(dateline)
    if not match or match.group("relative"):
        return dt.date(issue.year, issue.number, 1), DatePrecision.ISSUE
    month = date_number(match.group("month"))
    precision = DatePrecision.DAY if match.group("day") else DatePrecision.MONTH
    day = date_number(match.group("day") or "1")
    if match.group("year"):
        return checked_date(int(match.group("year")), month, day), precision
    latest = issue_month_end(issue) + dt.timedelta(days=DATE_SLACK_DAYS)
    for year in range(issue.year + 1, issue.year - 4, -1):  # a leap day: within 4 years
        date = checked_date(year, month, day)
        if date is not None and date <= latest:
            return date, precision
    return None, precision


HAN_TENS = {"十": 10, "廿": 20, "卅": 30}


def date_number(text: str) -> int:
    """A month or day as printed (``patterns.DATE_NUMBER``): "15", "十五", "二十二", "廿二"."""
    if text.isdigit():
        return int(text)
    tens_at = next((i for i, char in enumerate(text) if char in HAN_TENS), None)
    if tens_at is None:
        return HAN_UNITS.index(text) + 1
    head, tens, units = text[:tens_at], HAN_TENS[text[tens_at]], text[tens_at + 1 :]
    return (HAN_UNITS.index(head) + 1 if head else 1) * tens + (
        HAN_UNITS.index(units) + 1 if units else 0
    )


def checked_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dated(
    lead: Paragraph | None, issue: IssueId, diagnostics: Diagnostics
) -> tuple[dt.date | None, DatePrecision]:
    text = lead.text.value if lead else ""
    date, precision = lead_date(text, issue)
    if date is None and lead is not None:
        diagnostics.warn(
            lead, f"the dateline's day does not exist near issue {issue}; date left empty"
        )
    return date, precision


def issue_month_end(issue: IssueId) -> dt.date:
    following = dt.date(issue.year + issue.number // 12, issue.number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def unnumbered_subheadings(body: list[Paragraph], shaped: list[Paragraph]) -> frozenset[int]:
    """The lines of the article's unnumbered subheadings, among its title-shaped
    paragraphs that did not start an article (``shaped``): narrow, after the lead and
    not after an author line, each heading a full paragraph, and at least
    ``UNNUMBERED_SUBHEADINGS_MIN`` of them. An article numbering its subheadings has
    its outline already: none then."""
    if any(is_subheading_numbered(paragraph) for paragraph in body):
        return frozenset()
    position = {paragraph.line: index for index, paragraph in enumerate(body)}
    heads = [
        paragraph
        for paragraph in shaped
        if paragraph.line in position and heads_text(body, position[paragraph.line])
    ]
    if len(heads) < UNNUMBERED_SUBHEADINGS_MIN:
        return frozenset()
    return frozenset(paragraph.line for paragraph in heads)


def is_subheading_numbered(paragraph: Paragraph) -> bool:
    found = block_kind(paragraph)
    return found is not None and found[0] is BlockKind.SUBHEADING


def heads_text(body: list[Paragraph], index: int) -> bool:
    """Is ``body[index]`` a narrow line after the lead that heads a full paragraph?"""
    following = paragraph_at(tuple(body), index + 1)
    if index < 1 or following is None or not is_lead(body[0]):
        return False
    paragraph, before = body[index], body[index - 1]
    widest = max(display_width(line.text.strip()) for line in following.lines)
    return (
        len(paragraph.lines) <= SUBHEADING_MAX_LINES
        and display_width(paragraph.text.value) <= widest * SUBHEADING_MAX_SHARE
        and len(following.lines) > 1
        and is_lead(following)
        and not closes_article(before)
    )


def classify_blocks(
    body: list[Paragraph], diagnostics: Diagnostics, unnumbered: frozenset[int] = frozenset()
) -> tuple[Block, ...]:
    """``unnumbered``: the lines of the article's unnumbered subheadings (level 1)."""
    levels = outline_levels(body, diagnostics)
    levels |= {i: 1 for i, paragraph in enumerate(body) if paragraph.line in unnumbered}
    for paragraph in body:
        if missed_caption(paragraph):
            diagnostics.warn(
                paragraph,
                "opens with a caption's label but is not a caption (a sentence, or more than "
                f"{BLOCK_MAX_LINES} lines): kept as text",
            )
    return tuple(classify_block(paragraph, levels.get(i)) for i, paragraph in enumerate(body))


def classify_block(paragraph: Paragraph, level: int | None = None) -> Block:
    """Subheadings (``level``: from the article's outline, None if the paragraph is not
    one) and figure captions become blocks of their own; a table caption stays a
    paragraph for the table pass, which needs the lines after it."""
    found = block_kind(paragraph)
    if found is None:
        if level is None:
            return paragraph
        return Subheading(text=paragraph.text.value, line=paragraph.line, level=level)
    kind, match = found
    if kind is BlockKind.SUBHEADING:
        if level is None:
            return paragraph
        return Subheading(text=paragraph.text.value, line=paragraph.line, level=level)
    if kind is BlockKind.FIGURE_CAPTION:
        caption = read_caption(match, paragraph.line)
        return Figure(caption.number, caption.title, caption.line, caption.printed)
    return paragraph
