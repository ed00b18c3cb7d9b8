"""Plain data passed between the converter's passes.

Every pass takes and returns these frozen dataclasses; none of them knows Markdown.
Each recovered piece keeps the export lines it came from, so warnings and errors can
name ``file:line``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum


class ConversionError(Exception):
    """A problem in the input that stops the conversion of one file."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[ConversionError], tuple[str, int, str]]:
        # Raised in a worker process (``--jobs``), it comes back pickled.
        return (ConversionError, (self.path, self.line, self.message))


@dataclass(frozen=True)
class Warning_:
    """Something the converter guessed or could not place; reported, not fatal."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Source:
    """A decoded export: its path (as given) and text with ``\\n`` line ends."""

    path: str
    text: str


class LineKind(Enum):
    BODY = "body"
    BLANK = "blank"  # whitespace only: empty space left on the page (figure, section end)
    NOTE_SEPARATOR = "note-separator"  # the rule of spaces above a footnote area
    NOTE = "note"  # a line of a footnote area
    PAGE_NUMBER = "page-number"
    RUNNING_HEADER = "running-header"
    PAGE_GAP = "page-gap"  # whitespace lines around a page number or running header


@dataclass(frozen=True)
class Line:
    """One text line of the export.

    ``text`` is the line as exported, except that the one-space indent marking a
    page's first line is removed. ``starts_block`` is true when the extractor began
    a new text block here (a single ``\\n`` before it instead of a blank line).
    """

    number: int
    text: str
    page: int
    kind: LineKind
    starts_block: bool
    starts_page: bool

    @property
    def ends_with_space(self) -> bool:
        return self.text.endswith(" ")


@dataclass(frozen=True)
class Layout:
    """The export cut into classified lines."""

    source: Source
    lines: tuple[Line, ...]
    issue_header: str | None  # the running header text, e.g. "2023 年第 07 期"


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker that stood at ``offset`` in a text before it was removed."""

    offset: int
    number: int
    key: int = 0  # the definition's ``Footnote.key``: numbers can repeat, keys cannot
    printed: str = ""  # the marker as the export printed it, where not its digits ("[1]")


@dataclass(frozen=True)
class Text:
    value: str
    notes: tuple[NoteRef, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """Body lines joined back into one paragraph."""

    lines: tuple[Line, ...]
    text: Text

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def page(self) -> int:
        return self.lines[0].page


@dataclass(frozen=True)
class Subheading:
    text: str
    line: int
    level: int = 1  # 1 for the article's first numbering scheme, 2 for the next, …


@dataclass(frozen=True)
class Figure:
    number: int
    caption: str
    line: int
    printed_number: str = ""  # the number as printed when not an integer ("2.1", "1-2")


@dataclass(frozen=True)
class Table:
    number: int
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    printed_number: str = ""  # the number as printed when not an integer ("2.1", "1-2")


Block = Paragraph | Subheading | Figure | Table


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    line: int
    page: int
    key: int = 0  # position among the issue's definitions
    linked: bool = True  # False: no marker was found for it in the text
    printed: str = ""  # the number as the export printed it, where not its digits ("[1]")


@dataclass(frozen=True)
class IssueId:
    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"

    @property
    def label(self) -> str:
        return f"{self.year} 年第 {self.number:02d} 期"


class DatePrecision(Enum):
    """How much of an article's date its text gives."""

    DAY = "day"  # "6 月 15 日，": the date as printed
    MONTH = "month"  # "6 月上旬，", "6 月，": the month's first day, approximate
    ISSUE = "issue"  # no date ("近日，", or no dateline): the issue's month, inferred


@dataclass(frozen=True)
class Article:
    # The article's number in the issue: the front matter's slug, the page's name. The
    # passes give its position (1, 2, …); site/identity then the number its page keeps.
    ordinal: int
    title: str
    date: dt.date | None
    section: str  # "" when the export lost the section heading and none was inferred
    authors: tuple[str, ...]
    blocks: tuple[Block, ...]
    line: int
    footnotes: tuple[Footnote, ...] = ()
    tags: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()  # codes mentioned, e.g. "IEC 62208:2023"
    section_number: int = 0  # which section of the issue, counting lost headings
    # True when ``section`` was not read from the export but inferred (its heading
    # was lost) from the bulletin's usual order of sections, for an editor to confirm.
    section_inferred: bool = False
    date_precision: DatePrecision = DatePrecision.DAY
    section_line: int = 0  # the line of its section's heading; 0 when the heading was lost
    # The author line as printed ("（编译：辛竹琳）"): its role and separators are not names.
    byline: str = ""

    @property
    def slug(self) -> str:
        """The page's name in its issue's folder (``05.md``): the ordinal, two digits."""
        return f"{self.ordinal:02d}"


def article_texts(article: Article) -> Iterator[str]:
    """The article's text, block by block: paragraphs, subheadings, captions, cells."""
    for block in article.blocks:
        if isinstance(block, Paragraph):
            yield block.text.value
        elif isinstance(block, Subheading):
            yield block.text
        elif isinstance(block, Figure):
            yield block.caption
        elif isinstance(block, Table):
            yield block.caption
            yield from (cell for row in (block.header, *block.rows) for cell in row)


def section_positions(articles: Iterable[Article]) -> dict[int, int]:
    """Each ``section_number`` → the section's place (1, 2, …) among the sections
    of the issue that hold articles: what tells two lost sections apart."""
    positions: dict[int, int] = {}
    for article in articles:
        positions.setdefault(article.section_number, len(positions) + 1)
    return positions


@dataclass(frozen=True)
class Issue:
    id: IssueId
    source: Source
    summary: tuple[Block, ...]
    articles: tuple[Article, ...]
    headings: tuple[str, ...] = ()  # the section headings as they stood in the export


@dataclass(frozen=True)
class Draft:
    """The state handed from pass to pass while one export is converted."""

    path: str
    data: bytes
    source: Source | None = None
    layout: Layout | None = None
    # Does this export space Chinese from Latin text inside lines? Decided once per
    # document by the paragraphs pass; every later join of wrapped lines follows it.
    spaced: bool = True
    paragraphs: tuple[Paragraph, ...] = ()
    issue: Issue | None = None
    accounting: tuple[str, ...] = ()  # the character accounting, one line per category
