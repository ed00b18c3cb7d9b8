"""Lay an ``IssueSpec`` out as the extractor writes an export (converter/FORMAT.md).

What the export shows, and what is made here:

- Lines of one block are separated by a blank line; a page's first line starts a
  block (a single newline before it) and is indented by one space, except after
  page furniture, which marks the turn itself.
- Running text wraps at ``BODY_WIDTH`` columns (a Han character takes two), the
  first line of a paragraph ``INDENT`` shorter; a paragraph's last line ends with a
  space. A space between two Latin words stays at the end of the line where the
  text wraps; a space between Chinese and Latin text is lost there. Closing
  punctuation never opens a line (it overhangs the width instead).
- A section opens a page with its heading and a line of blank space (no heading
  line when the heading was an image); the page before it is left part-empty. A
  heading printed mid-page is a block of its own between lines of blank space.
- Titles wrap at ``TITLE_WIDTH``: only the last line ends with a space.
- Footnote definitions go to the foot of the page holding their marker, after a
  rule of spaces; each starts a block with its number and wraps at ``NOTE_WIDTH``
  mid-word (URLs, dates); its last line ends with a space.
- Every ``furniture_every``-th page ends with the page number and the running
  header (in the issue's forms and order), framed by blank lines.
- Tables: the caption line, then the header and each row flattened cell by cell,
  each cell wrapped to its column's width, its last line ending with a space;
  consecutive cells of one line share a line, separated by spaces; a row that
  crosses a page goes on with the unfinished cells in column order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from converter.text import display_width

from .spec import MARK, ArticleSpec, FigureSpec, IssueSpec, SubheadingSpec, TableSpec

BODY_WIDTH = 60  # a line of running text: 30 Han characters
INDENT = 4  # a paragraph's first line is two Han characters shorter
TITLE_WIDTH = 50  # titles are set larger
NOTE_WIDTH = 100  # footnotes are set smaller
PAGE_LINES = 24  # visual lines a page holds: body, rule and footnote lines
NOTE_RULE = " " * 61
PAGE_INDENT = " "
BLOCK_START = "\x00"  # before a line that starts a block of its own (a heading mid-page)
BLANK = " "  # blank space left on the page
CLOSING = "，。、；：？！”’）》」』…%"  # never opens a line
# Characters set full-width: a token each. Any other run of non-spaces is a Latin word.
WIDE_CHARS = "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…—·"
WIDE = re.compile(f"[{WIDE_CHARS}]")
TOKEN = re.compile(f"[{WIDE_CHARS}]| |[^ {WIDE_CHARS}]+")


def is_latin(char: str) -> bool:
    return not WIDE.match(char) and char != " "


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Running text cut into lines as the page sets it, the last line ending with a
    space; lines that wrapped between two Latin words end with that space too."""
    lines: list[str] = []
    current = ""
    space = False
    limit = first_width if first_width is not None else width
    for token in TOKEN.findall(text):
        if token == " ":
            space = True
            continue
        piece = (" " if space and current else "") + token
        if fits(current, piece, limit) or display_width(token) > width:
            current += piece  # a word wider than a line is cut below
        else:
            if space and is_latin(current[-1]) and is_latin(token[0]):
                current += " "
            lines.append(current)
            current, limit = token, width
        space = False
        while display_width(current) > limit and not any(map(WIDE.match, current)):
            cut = cut_at(current, limit)
            lines.append(current[:cut])
            current, limit = current[cut:], width
    lines.append(current + " ")
    return lines


def fits(current: str, piece: str, limit: int) -> bool:
    """Does ``piece`` go on this line? Closing punctuation always does (it overhangs)."""
    return not current or display_width(current + piece) <= limit or piece.lstrip(" ")[0] in CLOSING


def cut_at(text: str, width: int) -> int:
    """How many characters of ``text`` fit in ``width`` columns (at least one)."""
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > width:
            return max(index, 1)
    return len(text)


def wrap_anywhere(text: str, width: int) -> list[str]:
    """Footnote text: cut at the width wherever it falls, mid-word and mid-URL."""
    lines: list[str] = []
    while display_width(text) > width:
        cut = cut_at(text, width)
        lines.append(text[:cut])
        text = text[cut:]
    lines.append(text + " ")
    return lines


# --- the flow of visual lines --------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A visual line of running text; ``notes``: definitions of markers on it."""

    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """A table row (or header): each cell's wrapped lines, set side by side."""

    cells: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> int:
        return max(len(cell) for cell in self.cells)


@dataclass(frozen=True)
class NewPage:
    """A section opens a new page; the page before is left part-empty."""


Item = Text | Row | NewPage


def flow(spec: IssueSpec) -> Iterator[Item]:
    if spec.summary is not None:
        yield Text("本期概要 ")
        for paragraph in spec.summary:
            yield from paragraph_lines(paragraph, ())
    numbers = spec.note_numbers()
    for section, section_numbers in zip(spec.sections, numbers, strict=True):
        first = spec.summary is None and section is spec.sections[0]
        if section.mid_page and not first:
            yield Text(BLANK)
            yield Text(BLOCK_START + section.heading + " ")
            yield Text(BLANK)
        else:
            if not first:
                yield NewPage()
            if not section.lost:
                yield Text(section.heading + " ")
                yield Text(BLANK)
        for article, article_numbers in zip(section.articles, section_numbers, strict=True):
            yield from article_lines(article, article_numbers)


def article_lines(article: ArticleSpec, numbers: Sequence[int]) -> Iterator[Item]:
    for line in wrap(article.title, TITLE_WIDTH):
        yield Text(line)
    notes = list(zip(numbers, article.notes, strict=True))
    blocks = article.texts()
    names = (pad(name, article.name_padding) for name in article.authors)
    authors = "（" + article.name_separator.join(names) + "）"
    for index, block in enumerate(blocks):
        last = index == len(blocks) - 1
        if not isinstance(block, str):
            yield from block_lines(block)
            if last:
                yield Text(authors + " ")
            continue
        taken = block.count(MARK)
        yield from paragraph_lines(block + (authors if last else ""), notes[:taken])
        del notes[:taken]
    assert not notes, f"{article.title}: more footnotes than markers"


def pad(name: str, padding: str = " ") -> str:
    """A two-character name is padded to three: "付 豪"."""
    return padding.join(name) if len(name) == 2 else name


def paragraph_lines(text: str, notes: Sequence[tuple[int, str]]) -> Iterator[Text]:
    """A paragraph's lines; each carries the definitions of the markers it holds."""
    parts = text.split(MARK)
    printed = parts[0]
    ends: list[int] = []  # non-space characters up to each marker's last digit
    for (number, _), part in zip(notes, parts[1:], strict=True):
        printed += str(number)
        ends.append(non_space(printed))
        printed += part
    seen = 0
    for line in wrap(printed, BODY_WIDTH, BODY_WIDTH - INDENT):
        before, seen = seen, seen + non_space(line)
        held = (
            f"{n} {text}"
            for (n, text), end in zip(notes, ends, strict=True)
            if before < end <= seen
        )
        yield Text(line, tuple(held))


def non_space(text: str) -> int:
    """Wrapping only adds or drops spaces: other characters count positions."""
    return len(text) - text.count(" ")


def block_lines(block: TableSpec | SubheadingSpec | FigureSpec) -> Iterator[Item]:
    """A subheading is a line of its own; a figure is blank space and its caption."""
    if isinstance(block, SubheadingSpec):
        yield Text(block.text + " ")
    elif isinstance(block, FigureSpec):
        yield Text(BLANK)
        yield Text(block.caption + " ")
    else:
        yield from table_lines(block)


def table_lines(table: TableSpec) -> Iterator[Item]:
    yield Text(table.caption + " ")
    for cells in (table.header, *table.rows):
        assert len(cells) == len(table.widths), f"{table.caption}: a row of another width"
        yield Row(
            tuple(tuple(wrap(cell, width)) for cell, width in zip(cells, table.widths, strict=True))
        )


# --- pages ---------------------------------------------------------------------------


@dataclass
class Page:
    body: list[str] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    continued_rows: int = 0  # table rows that began on the page before

    @property
    def used(self) -> int:
        note_lines = sum(len(note) for note in self.notes)
        return len(self.body) + note_lines + (1 if self.notes else 0)


def paginate(items: Iterator[Item]) -> list[Page]:
    pages = [Page()]
    for item in items:
        page = pages[-1]
        if isinstance(item, NewPage):
            if page.body and page.used < PAGE_LINES:
                page.body.append(BLANK)
            pages.append(Page())
        elif isinstance(item, Text):
            notes = [wrap_anywhere(note, NOTE_WIDTH) for note in item.notes]
            needed = 1 + sum(map(len, notes)) + (1 if notes and not page.notes else 0)
            if page.used + needed > PAGE_LINES and page.body:
                page = Page()
                pages.append(page)
            if page.body or item.text != BLANK:
                page.body.append(item.text)
            page.notes.extend(notes)
        else:
            place_row(item, pages)
    return pages


def place_row(row: Row, pages: list[Page]) -> None:
    """Set a row on the page; what does not fit goes on at the next page's top."""
    start = 0
    while start < row.height:
        page = pages[-1]
        room = PAGE_LINES - page.used
        if room <= 0:
            pages.append(Page(continued_rows=int(start > 0)))
            continue
        end = min(row.height, start + room)
        page.body.extend(row_piece(row, start, end))
        start = end


def row_piece(row: Row, start: int, end: int) -> list[str]:
    """Visual lines ``start``–``end`` of a row, cell after cell. A cell of one line
    shares it with the next such cells; a line cut at the page's foot stands alone."""
    lines: list[str] = []
    shared: list[str] = []
    for cell in row.cells:
        piece = list(cell[start:end])
        if len(piece) == 1 and piece[0].endswith(" "):
            shared.append(piece[0].rstrip(" "))
            continue
        if shared:
            lines.append(" ".join(shared) + " ")
            shared = []
        lines.extend(piece)
    if shared:
        lines.append(" ".join(shared) + " ")
    return lines


# --- the export's text ---------------------------------------------------------------


def furniture(spec: IssueSpec, page_number: int) -> list[str]:
    """Page furniture: an empty line, blank space, the number, blank, the header (or
    the header first, then the number)."""
    number, header = spec.number_form.format(page_number) + " ", spec.header + " "
    first, second = (header, number) if spec.header_first else (number, header)
    return ["", BLANK, first, BLANK, second]


def rows_across_pages(spec: IssueSpec) -> int:
    """How many table rows the layout carries over a page break."""
    return sum(page.continued_rows for page in paginate(flow(spec)))


def render(spec: IssueSpec) -> str:
    pages = paginate(flow(spec))
    out: list[str] = []
    after_furniture = False
    for number, page in enumerate(pages, start=1):
        assert page.body, f"page {number} is empty"
        first, *rest = page.body
        first = first.removeprefix(BLOCK_START)
        if out and after_furniture:
            out.append("\n\n" + first)
        else:
            out.append(("\n" if out else "") + PAGE_INDENT + first)
        out.extend(
            "\n" + line[1:] if line.startswith(BLOCK_START) else "\n\n" + line for line in rest
        )
        if page.notes:
            out.append("\n\n" + NOTE_RULE)
            out.extend("\n" + "\n\n".join(note) for note in page.notes)
        after_furniture = number % spec.furniture_every == 0 and number < len(pages)
        if after_furniture:
            out.extend("\n\n" + line for line in furniture(spec, number))
    out.append("\n")
    return "".join(out)
