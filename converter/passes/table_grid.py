"""Rebuilding one table's grid: a caption line and the body lines after it → ``Table``.

Takes the caption (``表 1. 标题``) and the BODY lines that follow it in export order,
with page furniture and footnote areas already removed; gives the ``Table`` and how
many of those lines it used (the rest of the article follows them), and warns the
export's ``Diagnostics`` of every guess. ``passes/tables.py`` puts it in its article.

The export flattens a table row by row (converter/FORMAT.md): each cell's text comes out
wrapped to its column's width, one visual line per export line, a line ending with
a space ends its cell, cells sharing a baseline come out on one line separated by
spaces, and a row crossing a page break continues its unfinished cells on the next
page in column order. Nothing here knows the columns of a particular table; the grid
is recovered from evidence, in four steps:

1. Rows: the first column numbers the rows 1, 2, 3…; a row starts at a line whose
   first word is the next number. A table without numbers is read apart
   (``rebuild_unnumbered``): the rows that end where short cells share a line, at a
   distance in cells that repeats, give the columns; every line is then placed by
   their widths as below; where that evidence disagrees it stays text.
2. Columns: every row except the last (whose end is not known yet) is cut into cells
   at certain boundaries only (line ends with a space, a space between two Chinese
   characters of a cell-ending line, block starts); the ordinary spaces of its last
   line may part more cells. The count most rows allow, then the one the header's
   fragments agree with, is the column count; the rows certain of it give each
   column's width (its widest line).
3. Cells: with the widths known, every line is placed: it continues the cell left
   open, or starts the next empty cell (split at spaces where it is wider than its
   column), or — after a page break — continues the row's unfinished cells in column
   order. A row missing cells at its end has its last line split further, at the
   spaces that make every piece fit its column. A complete row followed by anything
   but the next row number (or a page-break continuation) ends the table.
4. Header: the lines between the caption and row 1, cut like the rows, then merged
   into the column count where one fragment's last line was full for its column, or
   parted at its ordinary spaces where that is the one way to reach it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache
from itertools import pairwise

from ..diagnostics import Diagnostics
from ..model import Line, Table
from ..text import display_width, normalise_spacing, wrap_lost_space
from .blocks import Caption

# A line placed in a column may be this much wider than the widest line seen there:
# the widest line is only a lower bound of the column, and Latin glyphs are
# proportional (one full-width character).
WIDTH_TOLERANCE = 2
# A cell piece that ended at a space inside a line continues after a page break only
# if it was full; a wrapped line can stop this short of the column's widest line
# (two full-width characters: justification and proportional Latin glyphs; the
# wrapped "保持 UL 9741" is 12 wide in a 14-wide column, "…UL 1741 的一" 39 in 43).
WRAP_SLACK = 4
# Half-width marks that join words without spaces in Chinese text ("和/或", "DC-即服务").
# A space between one and a Chinese character, the mark being glued to the word on its
# other side, is a justification gap; spaced on both sides ("外壳 - 一般") it is kept.
JOINERS = frozenset("/-")


class Gap(Enum):
    """What the space between two words of a line is."""

    JUSTIFIED = "justified"  # a stretched gap between Chinese characters: no space
    CELL = "cell"  # certainly a boundary between two cells
    SPACE = "space"  # an ordinary space, which may also separate two cells


class Edge(Enum):
    """How the last piece of a cell ended, i.e. whether the cell may go on."""

    CUT = "cut"  # the line ended mid-text: the cell goes on
    LATIN = "latin"  # "word " at a line end: goes on if the next line starts a Latin word
    SEPARATOR = "separator"  # a space inside the line: may go on after a page break
    END = "end"  # the line ended with a space: the cell is finished


@dataclass(frozen=True)
class Words:
    """One export line cut at its spaces, each space classified."""

    index: int  # position in the lines given to ``rebuild_table``
    line: Line
    tokens: tuple[str, ...]
    gaps: tuple[Gap, ...]  # gaps[k] lies between tokens[k] and tokens[k + 1]
    end: Edge
    spaced_before: bool


@dataclass(frozen=True)
class Piece:
    """The part of one export line that belongs to one cell."""

    text: str  # justified gaps closed, no surrounding spaces
    width: int  # display width as laid out on the page
    line: int
    index: int
    spaced_before: bool
    spaced_after: bool
    edge: Edge


@dataclass(frozen=True)
class Columns:
    widths: tuple[int, ...]  # the widest line seen in each column

    @property
    def count(self) -> int:
        return len(self.widths)

    def fits(self, width: int, column: int) -> bool:
        return width <= self.widths[column] + WIDTH_TOLERANCE


Span = tuple[int, int, int]  # (column, first token, end token) of one piece of a line
Note = tuple[int, str]  # a warning's export line and message, kept until the table is done


@dataclass
class RowBuilder:
    """The cells of one row while its lines are placed."""

    number: int
    line: int
    cells: list[list[Piece]]
    cur: int = 0  # the column of the last piece placed
    first_text: int = 1  # the first column of text: 0 in a table without a number column
    resumed: bool = False  # unfinished cells are being continued after a page break
    placed: list[tuple[Words, int, int]] = field(default_factory=list)  # lines, columns
    warnings: list[Note] = field(default_factory=list)

    def edge(self, column: int) -> Edge | None:
        cell = self.cells[column]
        return cell[-1].edge if cell else None

    def missing(self) -> list[int]:
        return [column for column, cell in enumerate(self.cells) if not cell]


def rebuild_table(
    caption: Caption, lines: Sequence[Line], spaced: bool, diagnostics: Diagnostics
) -> tuple[Table, int] | None:
    """Rebuild the table ``caption`` opens from the ``lines`` that follow it.

    Returns the table and how many of ``lines`` it used; ``spaced`` is the document's
    decision on spaces between Chinese and Latin text. Returns None, with a warning,
    when fewer than two numbered rows follow the caption (the columns are learned
    from the rows): its lines then stay text.
    """
    number, title = caption.number, caption.title
    starts = numbered_rows(lines)
    if not starts:
        return rebuild_unnumbered(caption, lines, spaced, diagnostics)
    if len(starts) < 2:
        diagnostics.warn(caption.line, f"table {number}: {too_few_rows(starts)}; kept as text")
        return None
    first = starts[0]
    header_lines = read_header_lines(lines, first)
    columns, notes = learn_columns(lines, starts, header_lines, caption)
    builders, consumed = read_rows(lines, first, columns)
    header, header_notes = read_header(header_lines, lines[0].number, columns, spaced)
    notes.extend(header_notes)
    for builder in builders:
        notes.extend(builder.warnings)
    for line, message in notes:
        diagnostics.warn(line, message)
    rows = tuple(row_texts(builder, spaced) for builder in builders)
    table = Table(number, title, header, rows, caption.line, caption.printed)
    return table, consumed


# --- rows ---------------------------------------------------------------------------


def first_token(line: Line) -> str:
    return next((token for token in line.text.split(" ") if token), "")


def find_first_row(lines: Sequence[Line]) -> int | None:
    return next((i for i, line in enumerate(lines) if first_token(line) == "1"), None)


def is_row_start(lines: Sequence[Line], index: int, number: int, first: int) -> bool:
    """Does the row numbered ``number`` start here?

    Its number is the line's first word, and the line starts a cell: it opens a block,
    or the line before it ended a cell with a space (a cell's wrapped text starting
    with that number would follow a line ending mid-text).
    """
    line = lines[index]
    if first_token(line) != str(number):
        return False
    return index == first or line.starts_block or lines[index - 1].ends_with_space


def numbered_rows(lines: Sequence[Line]) -> list[int]:
    """Where rows 1, 2, 3… start; empty if no line opens with row 1."""
    first = find_first_row(lines)
    return find_row_starts(lines, first) if first is not None else []


def too_few_rows(starts: list[int]) -> str:
    return "only row 1 after the caption; the columns are learned from two rows or more"


def find_row_starts(lines: Sequence[Line], first: int) -> list[int]:
    """Indexes of the lines where rows 1, 2, 3… start, by their numbers alone."""
    starts: list[int] = []
    for index in range(first, len(lines)):
        if is_row_start(lines, index, len(starts) + 1, first):
            starts.append(index)
    return starts


# --- words and pieces ---------------------------------------------------------------


def is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_wide(char: str) -> bool:
    """A Chinese character or full-width punctuation mark."""
    return display_width(char) == 2


def line_end(text: str) -> Edge:
    if not text.endswith(" "):
        return Edge.CUT
    stripped = text.rstrip(" ")
    return Edge.LATIN if stripped and is_latin(stripped[-1]) else Edge.END


def latin_follows(lines: Sequence[Line], index: int) -> bool:
    """Does the next line go on with a Latin word in the same block ("IEEE " + "2030.5")?"""
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return not following.starts_block and is_latin(following.text.lstrip(" ")[:1] or " ")


def gap_kind(left: str, right: str, final: bool) -> Gap:
    """Classify the space between two words of one line.

    A space between two Chinese characters is never a space of the text: inside a
    wrapped (non-final) line next to a lone character it is justification
    ("与 电 池 热 失", "修 订 SAE"); otherwise it separates two cells ("是 高",
    "1741。 是"), since a cell's last line is not justified. Any other space may be
    either ("UL 1741 增补", "29 保持").
    """
    if not (is_wide(left[-1]) and is_wide(right[0])):
        return Gap.SPACE
    if not final and (len(left) == 1 or len(right) == 1):
        return Gap.JUSTIFIED
    return Gap.CELL


def read_words(lines: Sequence[Line], index: int, skip: int = 0, ends_row: bool = False) -> Words:
    """Cut line ``index`` into words; ``skip`` drops leading words (a row number).

    ``ends_row``: the next row starts after this line, so its last cell ends here even
    after a Latin word ("是 P3 " before "36 ": the row number is no Latin word going on).
    """
    line = lines[index]
    tokens = tuple(token for token in line.text.split(" ") if token)
    end = line_end(line.text)
    final = end is Edge.END or (end is Edge.LATIN and (ends_row or not latin_follows(lines, index)))
    gaps = tuple(gap_kind(left, right, final) for left, right in pairwise(tokens))
    return Words(
        index=index,
        line=line,
        tokens=tokens[skip:],
        gaps=gaps[skip:],
        end=end,
        spaced_before=skip > 0 or line.text.startswith(" "),
    )


def raw_width(words: Words, start: int, end: int) -> int:
    return display_width(" ".join(words.tokens[start:end]))


def make_piece(words: Words, start: int, end: int) -> Piece:
    parts = [words.tokens[start]]
    for k in range(start, end - 1):
        parts.append("" if words.gaps[k] is Gap.JUSTIFIED else " ")
        parts.append(words.tokens[k + 1])
    last = end == len(words.tokens)
    return Piece(
        text="".join(parts),
        width=raw_width(words, start, end),
        line=words.line.number,
        index=words.index,
        spaced_before=words.spaced_before if start == 0 else True,
        spaced_after=words.end is not Edge.CUT if last else True,
        edge=words.end if last else Edge.SEPARATOR,
    )


def certain_spans(words: Words) -> list[tuple[int, int]]:
    """The line cut at its certain cell boundaries only, as token ranges."""
    bounds = [0, *(k + 1 for k, gap in enumerate(words.gaps) if gap is Gap.CELL)]
    bounds.append(len(words.tokens))
    return list(pairwise(bounds))


def goes_on(edge: Edge | None, words: Words) -> bool:
    """May a cell that ended with ``edge`` continue with this line (same block)?"""
    return edge is Edge.CUT or (edge is Edge.LATIN and is_latin(words.tokens[0][0]))


# --- step 2: learning the columns ---------------------------------------------------


@dataclass(frozen=True)
class RowCut:
    """A row whose end is known (every row but the last), cut at certain boundaries."""

    number: Piece
    words: tuple[Words, ...]  # its lines, the number dropped from the first
    cells: tuple[tuple[Piece, ...], ...]  # the number's cell first

    @property
    def count(self) -> int:
        return len(self.cells)

    @property
    def spare(self) -> int:
        """Ordinary spaces of the last line: where cells sharing a baseline may part."""
        return sum(gap is Gap.SPACE for gap in self.words[-1].gaps)

    def admits(self, count: int) -> bool:
        return self.count <= count <= self.count + self.spare

    def parted(self, count: int) -> tuple[tuple[Piece, ...], ...] | None:
        """The row cut into ``count`` cells if there is one way only: its certain
        cells, or its last line parted at all its ordinary spaces (cells sharing a
        line end a row, FORMAT.md §2)."""
        if count == self.count:
            return self.cells
        if count != self.count + self.spare or not self.spare:
            return None
        last = self.words[-1]
        gaps = tuple(Gap.CELL if gap is Gap.SPACE else gap for gap in last.gaps)
        words = [*self.words[:-1], replace(last, gaps=gaps)]
        return ((self.number,), *(tuple(cell) for cell in group_cells(words)))


def row_words(lines: Sequence[Line], start: int, end: int) -> list[Words]:
    """The words of a row's lines, its number dropped from the first one."""
    words = [read_words(lines, start, skip=1, ends_row=start + 1 == end)]
    words.extend(read_words(lines, i, ends_row=i + 1 == end) for i in range(start + 1, end))
    return [w for w in words if w.tokens]


def group_cells(words_seq: Sequence[Words]) -> list[list[Piece]]:
    """Cut lines into cells at certain boundaries only (no widths known)."""
    cells: list[list[Piece]] = []
    edge: Edge | None = None
    for words in words_seq:
        for k, (start, end) in enumerate(certain_spans(words)):
            piece = make_piece(words, start, end)
            if k == 0 and cells and not words.line.starts_block and goes_on(edge, words):
                cells[-1].append(piece)
            else:
                cells.append([piece])
            edge = piece.edge
    return cells


def cut_rows(lines: Sequence[Line], starts: list[int]) -> list[RowCut]:
    """The rows whose end is known, cut at their certain boundaries; rows crossing a
    page break are left out while others remain, since they resume their cells out of
    column order and so give neither the count nor the widths."""
    rows: list[RowCut] = []
    crossing: list[RowCut] = []
    for start, end in pairwise(starts):
        number = make_piece(read_words(lines, start), 0, 1)
        words = tuple(row_words(lines, start, end))
        if not words:
            continue
        cells = tuple(tuple(cell) for cell in group_cells(words))
        row = RowCut(number, words, ((number,), *cells))
        crosses = any(line.starts_page for line in lines[start + 1 : end])
        (crossing if crosses else rows).append(row)
    return rows or crossing


def widths_of(grids: Sequence[tuple[tuple[Piece, ...], ...]], count: int) -> tuple[int, ...]:
    return tuple(max(piece.width for grid in grids for piece in grid[c]) for c in range(count))


def learned_widths(rows: Sequence[RowCut], count: int) -> Columns | None:
    """Widths for ``count`` columns from the rows whose cells are certain, else from
    the rows that part into that many cells in exactly one way; None without either."""
    certain = [row.cells for row in rows if row.count == count]
    if not certain:
        certain = [grid for row in rows if (grid := row.parted(count)) is not None]
    return Columns(widths_of(certain, count)) if certain else None


@dataclass(frozen=True)
class Candidate:
    """One column count and how much of the evidence agrees with it."""

    columns: Columns
    admitting: int  # rows whose certain cells and spare spaces allow the count
    header_fits: bool  # the header fragments give the count, or merge into it one way
    header_allows: bool  # no more columns than header fragments and spaces (or no header)

    @property
    def agreement(self) -> tuple[int, bool]:
        return (self.admitting, self.header_fits)

    @property
    def rank(self) -> tuple[int, bool, bool, int]:
        # Last, the larger count: every row parts into it and the header has the
        # fragments for it, where the smaller only lacks a certain boundary.
        return (self.admitting, self.header_fits, self.header_allows, self.columns.count)


def header_fits(header: Header, columns: Columns) -> bool:
    fragments = header.fragments
    if not fragments or len(fragments) == columns.count:
        return True
    if header.crosses_page and header_merged(header, columns) is not None:
        return True
    if len(fragments) < columns.count:
        return header.parted(columns.count) is not None
    return header_merged(header, columns) is not None


def most_allowed(rows: Sequence[RowCut], header: Header) -> list[Candidate]:
    """The counts the most rows allow that widths can be learned for, with the
    header's say on each (asked of these few only: merging fragments is a search)."""
    fragments = len(header.fragments)
    named = {row.count for row in rows} | ({fragments} if fragments else set())
    admitting = {
        count: sum(row.admits(count) for row in rows) for count in range(min(named), max(named) + 1)
    }
    for level in sorted(set(admitting.values()), reverse=True):
        candidates = [
            Candidate(columns, level, header_fits(header, columns), header.allows(count))
            for count, admitted in admitting.items()
            if admitted == level and (columns := learned_widths(rows, count)) is not None
        ]
        if candidates:
            return candidates
    return []


def learn_columns(
    lines: Sequence[Line], starts: list[int], header: Header, caption: Caption
) -> tuple[Columns, list[Note]]:
    """Column count and widths from all the evidence: each row's run of certain cells
    and the ordinary spaces of its last line (rows crossing a page break left out), the
    header's fragments and spaces, and the widths both give.

    The candidates run from the fewest certain cells of a row to the most cells a row or
    the header's fragments give. The one most rows allow wins, then the one the header
    gives or merges into one way, then one no larger than the header's fragment count,
    then the larger; a tie on the first two is reported.
    """
    rows = cut_rows(lines, starts)
    candidates = most_allowed(rows, header)
    if not candidates:  # no row cuts into a count the evidence names: the most common
        count = Counter(row.count for row in rows).most_common(1)[0][0]
        return Columns(widths_of([row.cells for row in rows if row.count == count], count)), []
    ranked = sorted(candidates, key=lambda c: c.rank, reverse=True)
    best, notes = ranked[0], []
    if len(ranked) > 1 and ranked[1].agreement == best.agreement:
        notes.append(
            (
                caption.line,
                f"table {caption.number}: rows and header fit {best.columns.count} or "
                f"{ranked[1].columns.count} columns alike; took {best.columns.count}",
            )
        )
    return best.columns, notes


# --- step 3: placing every line -----------------------------------------------------


def layout_spans(words: Words, column: int, columns: Columns) -> tuple[list[Span], bool]:
    """Place a line's pieces from ``column`` on, splitting any piece too wide for its
    column at the longest prefix that fits. Returns the spans and whether pieces had
    to be merged into the last column for want of columns."""
    spans: list[Span] = []
    overflow = False
    last = columns.count - 1
    for start, end in certain_spans(words):
        while start < end:
            if column >= last or columns.fits(raw_width(words, start, end), column):
                overflow = overflow or column > last
                spans.append((min(column, last), start, end))
                column += 1
                break
            cut = fitting_prefix(words, start, end, column, columns)
            spans.append((column, start, cut))
            column += 1
            start = cut
    return merge_surplus(spans), overflow


def fitting_prefix(words: Words, start: int, end: int, column: int, columns: Columns) -> int:
    """End of the longest prefix of ``start:end`` fitting ``column``, cut at a space;
    the shortest one if none fits."""
    cuts = [k + 1 for k in range(start, end - 1) if words.gaps[k] is Gap.SPACE]
    fitting = [cut for cut in cuts if columns.fits(raw_width(words, start, cut), column)]
    if fitting:
        return fitting[-1]
    return cuts[0] if cuts else end


def merge_surplus(spans: list[Span]) -> list[Span]:
    """Join consecutive spans that landed in the same (last) column."""
    merged: list[Span] = []
    for column, start, end in spans:
        if merged and merged[-1][0] == column:
            merged[-1] = (column, merged[-1][1], end)
        else:
            merged.append((column, start, end))
    return merged


def completing_spans(words: Words, column: int, columns: Columns) -> list[Span] | None:
    """Split a row's last line into exactly the pieces its remaining columns need.

    Certain boundaries stay boundaries; the other cuts are chosen among the ordinary
    spaces so that every piece fits its column ("…增补 SB 是 中": only "是" fits the
    column of "是"/"否"). Among several such splits the one filling the earlier
    columns most wins, as a line of text fills its column before wrapping.
    """
    certain = [k + 1 for k, gap in enumerate(words.gaps) if gap is Gap.CELL]
    cuttable = [k + 1 for k, gap in enumerate(words.gaps) if gap is not Gap.JUSTIFIED]
    end_of_line = len(words.tokens)

    def search(start: int, current: int) -> list[Span] | None:
        if current == columns.count - 1:
            if any(cut > start for cut in certain):
                return None
            fits = columns.fits(raw_width(words, start, end_of_line), current)
            return [(current, start, end_of_line)] if fits else None
        limit = min((cut for cut in certain if cut > start), default=end_of_line)
        for end in reversed([cut for cut in cuttable if start < cut <= limit]):
            if columns.fits(raw_width(words, start, end), current):
                rest = search(end, current + 1)
                if rest is not None:
                    return [(current, start, end), *rest]
        return None

    return search(0, column)


def is_full(piece: Piece, words: Words, column: int, columns: Columns) -> bool:
    """Would the next line's first word have overflowed this piece's line?"""
    token = words.tokens[0]
    word = token if is_latin(token[0]) else token[0]
    joint = 1 if is_latin(word[0]) and piece.text and is_latin(piece.text[-1]) else 0
    return piece.width + joint + display_width(word) > columns.widths[column] - WRAP_SLACK


def may_resume(row: RowBuilder, column: int, words: Words, columns: Columns) -> bool:
    """After a page break, may this line continue the cell in ``column``?"""
    edge = row.edge(column)
    if edge is Edge.SEPARATOR:
        # Once one cell has gone on across the break, the row's others follow it.
        return row.resumed or is_full(row.cells[column][-1], words, column, columns)
    return goes_on(edge, words)


def choose_column(row: RowBuilder, words: Words, columns: Columns) -> int | None:
    """The column this line's first piece belongs to, or None if not to this row.

    In order: the cell left open by the previous line (same block, fits its column);
    after a page break, the row's unfinished cells in column order; the next empty
    cell, if the line's first word fits it.
    """
    line = words.line
    first_span = raw_width(words, *certain_spans(words)[0])
    if (
        row.cur >= row.first_text  # the row number never wraps into the next line
        and not line.starts_block
        and goes_on(row.edge(row.cur), words)
        and columns.fits(first_span, row.cur)
    ):
        return row.cur
    if line.starts_page or row.resumed:
        for column in range(row.first_text, columns.count):
            if (
                row.cells[column]
                and may_resume(row, column, words, columns)
                and columns.fits(first_span, column)
            ):
                row.resumed = True
                return column
    missing = row.missing()
    if missing and columns.fits(raw_width(words, 0, 1), missing[0]):
        return missing[0]
    return None


def place(row: RowBuilder, words: Words, spans: list[Span]) -> None:
    for column, start, end in spans:
        row.cells[column].append(make_piece(words, start, end))
    row.cur = spans[-1][0]
    row.placed.append((words, spans[0][0], spans[-1][0]))


def complete_row(row: RowBuilder, columns: Columns) -> bool:
    """Fill a row's missing last cells by splitting further the latest line that holds
    its last filled cell and ends with a space: its last line, or, in a row that went
    on after a page break, the line that ended the row's cells before it."""
    missing = row.missing()
    filled = max(column for column, cell in enumerate(row.cells) if cell)
    if not missing or min(missing) <= filled:
        return False
    for words, column, last_column in reversed(row.placed):
        if last_column != filled or words.end is Edge.CUT:
            continue
        spans = completing_spans(words, column, columns)
        if spans is not None:
            resplit(row, words, column, spans)
            if not forced_split(words, len(spans)):
                row.warnings.append(
                    (
                        words.line.number,
                        f"table row {row.number}: split {' '.join(words.tokens)!r} at "
                        f"spaces by column widths to fill {len(spans)} cells",
                    )
                )
            return True
    return False


def resplit(row: RowBuilder, words: Words, column: int, spans: list[Span]) -> None:
    for c in range(column, len(row.cells)):
        row.cells[c] = [piece for piece in row.cells[c] if piece.index != words.index]
    place(row, words, spans)
    for cell in row.cells:
        cell.sort(key=lambda piece: piece.index)  # a cell's pieces are in export order


def forced_split(words: Words, pieces: int) -> bool:
    """Is there one way only to cut the line into ``pieces`` at its spaces, so that
    the widths did not choose ("完成…工作 / 低" into three)?"""
    extra_cuts = pieces - 1 - sum(gap is Gap.CELL for gap in words.gaps)
    return extra_cuts <= 0 or extra_cuts == sum(gap is Gap.SPACE for gap in words.gaps)


def close_row(row: RowBuilder, columns: Columns) -> None:
    if row.missing():
        complete_row(row, columns)
    missing = row.missing()
    if missing:
        row.warnings.append(
            (
                row.line,
                f"table row {row.number}: {len(missing)} of {columns.count} cells not found; "
                "left empty",
            )
        )


def open_row(
    lines: Sequence[Line], index: int, number: int, columns: Columns, ends_row: bool
) -> RowBuilder:
    words = read_words(lines, index)
    cells: list[list[Piece]] = [[] for _ in range(columns.count)]
    cells[0].append(make_piece(words, 0, 1))
    row = RowBuilder(number=number, line=words.line.number, cells=cells)
    rest = read_words(lines, index, skip=1, ends_row=ends_row)
    if rest.tokens:
        place_line(row, rest, 1, columns)
    return row


def place_line(row: RowBuilder, words: Words, column: int, columns: Columns) -> None:
    spans, overflow = layout_spans(words, column, columns)
    if overflow:
        row.warnings.append(
            (
                words.line.number,
                f"table row {row.number}: more cells than the {columns.count} columns; "
                "the surplus joined the last cell",
            )
        )
    place(row, words, spans)


def next_row_follows(lines: Sequence[Line], index: int, number: int, first: int) -> bool:
    return index + 1 < len(lines) and is_row_start(lines, index + 1, number, first)


def read_rows(lines: Sequence[Line], first: int, columns: Columns) -> tuple[list[RowBuilder], int]:
    """Place the lines from row 1 on; returns the rows and the index the table ends at."""
    rows: list[RowBuilder] = []
    index = first
    while index < len(lines):
        if is_row_start(lines, index, len(rows) + 1, first):
            if rows:
                close_row(rows[-1], columns)
            ends_row = next_row_follows(lines, index, len(rows) + 2, first)
            rows.append(open_row(lines, index, len(rows) + 1, columns, ends_row))
            index += 1
            continue
        row = rows[-1]
        ends_row = next_row_follows(lines, index, len(rows) + 1, first)
        words = read_words(lines, index, ends_row=ends_row)
        if not words.tokens:
            break
        column = choose_column(row, words, columns)
        if column is None and complete_row(row, columns):
            column = choose_column(row, words, columns)
        if column is None:
            break
        place_line(row, words, column, columns)
        index += 1
    close_row(rows[-1], columns)
    return rows, index


# --- rows without numbers ------------------------------------------------------------

# With no numbered first column, a row is found by its end: short cells of the last
# columns sharing the row's last line ("是 高␣": cells on one baseline, the line ending
# with a space). Such ends must repeat at the same distance in cells, row after row.
UNNUMBERED_MIN_ROWS = 2
# A header wraps each of its cells at most once into fragments ending with a space
# (the sample's 6 fragments for 5 columns); twice the columns' fragments hold a row.
UNNUMBERED_HEADER_MAX = 2


@dataclass(frozen=True)
class CellRun:
    """The lines after a caption cut into cells at certain boundaries only, and the
    cells that end a line shared with other cells (where a row may end), each with
    how many cells start on that line (the end of a longer cell before them aside:
    "…1741。 是 中" starts two, as "是 高" does)."""

    cells: list[list[Piece]]
    words: list[Words]
    shared_ends: dict[int, int]


def cell_run(lines: Sequence[Line]) -> CellRun:
    words = [w for w in (read_words(lines, index) for index in range(len(lines))) if w.tokens]
    cells: list[list[Piece]] = []
    shared_ends: dict[int, int] = {}
    edge: Edge | None = None
    for line_words in words:
        spans = certain_spans(line_words)
        started = 0
        for k, (start, end) in enumerate(spans):
            piece = make_piece(line_words, start, end)
            if k == 0 and cells and not line_words.line.starts_block and goes_on(edge, line_words):
                cells[-1].append(piece)
                shared_ends.pop(len(cells) - 1, None)  # the cell went on: no row ended
            else:
                cells.append([piece])
                started += 1
            edge = piece.edge
        if len(spans) > 1 and line_words.end is not Edge.CUT:
            shared_ends[len(cells) - 1] = started
    return CellRun(cells, words, shared_ends)


def row_ends(run: CellRun) -> tuple[list[int], int] | None:
    """The cells that end rows, and the column count: the longest chain of shared line
    ends lying the same number of cells apart, each line starting as many cells (the
    repeated shape of a row's end). None if no chain is long enough, or if two are
    as long (the rows are then not certain)."""
    ends = sorted(run.shared_ends)
    chains: set[tuple[int, ...]] = set()
    for previous, last in pairwise(ends):
        count = last - previous
        shape = run.shared_ends[last]
        chain = [last]
        while run.shared_ends.get(chain[0] - count) == shape:
            chain.insert(0, chain[0] - count)
        if chain[0] - count + 1 < 0:
            chain.pop(0)  # its row would start before the first cell
        if count > 1 and chain:
            chains.add((count, *chain))
    longest = max((len(chain) for chain in chains), default=0)
    best = [chain for chain in chains if len(chain) == longest]
    if len(best) != 1 or longest - 1 < UNNUMBERED_MIN_ROWS:
        return None
    count, *chain = best[0]
    return chain, count


@dataclass(frozen=True)
class RowEnds:
    """The rows found by their repeated ends: the cells that end them, and the columns
    they give (count and widths). ``first`` is the cell the first of them starts at."""

    chain: list[int]
    columns: Columns

    @property
    def first(self) -> int:
        return self.chain[0] - self.columns.count + 1


def repeated_row_ends(run: CellRun) -> RowEnds | None:
    """The rows found by their repeated ends, or None if too few are found. Found right
    after the caption, the first of them is the header."""
    found = row_ends(run)
    if found is None:
        return None
    chain, count = found
    if chain[0] - count + 1 == 0:
        chain = chain[1:]
    if len(chain) < UNNUMBERED_MIN_ROWS:
        return None
    rows = [tuple(tuple(cell) for cell in run.cells[end - count + 1 : end + 1]) for end in chain]
    return RowEnds(chain, Columns(widths_of(rows, count)))


@dataclass(frozen=True)
class Reading:
    """A table without numbers read with a header of some size."""

    header: Header
    rows: list[RowBuilder]
    consumed: int


def read_with_header(
    run: CellRun, lines: Sequence[Line], ends: RowEnds, size: int, line: int
) -> Reading | None:
    """The table read with its first ``size`` cells as the header, if the evidence
    agrees: the rows start a line, the header merges into the columns one way, and the
    rows placed by the widths end at every row end found and leave none after them."""
    header_cells = run.cells[:size]
    header_end = max(piece.index for cell in header_cells for piece in cell)
    first_row = run.cells[size][0].index
    if first_row <= header_end:
        return None  # a row starts a line
    header = Header(tuple(w for w in run.words if w.index <= header_end), header_cells)
    if merge_header(header, ends.columns, line)[1]:
        return None
    rows, consumed = read_unnumbered_rows(lines, first_row, ends.columns)
    if len(rows) < UNNUMBERED_MIN_ROWS or disagreeing_end(run, ends, rows, consumed) is not None:
        return None
    return Reading(header, rows, consumed)


def disagreeing_end(
    run: CellRun, ends: RowEnds, rows: list[RowBuilder], consumed: int
) -> int | None:
    """The index of a line where the rows placed by the widths disagree with the row
    ends: a row end found that ends no placed row, or one of their shape after the
    table (a row that did not fit its columns); None if they agree."""
    row_lines = {max(piece.index for cell in row.cells for piece in cell) for row in rows}
    shape = run.shared_ends[ends.chain[-1]]
    missed = [run.cells[end][-1].index for end in ends.chain]
    missed = [index for index in missed if index not in row_lines]
    after = [run.cells[end][-1].index for end, n in run.shared_ends.items() if n == shape]
    return min([*missed, *(index for index in after if index >= consumed)], default=None)


def read_unnumbered_rows(
    lines: Sequence[Line], first: int, columns: Columns
) -> tuple[list[RowBuilder], int]:
    """Place the lines from ``first`` on as in a numbered table, a row ending where a
    line neither goes on in it nor fills its next cell. The table ends before a row
    that is not one (``is_row_end``), or at a line that fits no cell of an unfinished
    row; returns the rows and the index the table ends at."""
    rows: list[RowBuilder] = []
    starts: list[int] = []
    index = first
    while index < len(lines):
        words = read_words(lines, index)
        if not words.tokens:
            break
        column = placement(rows[-1], words, columns) if rows else None
        if column is None:
            if rows and rows[-1].missing():
                break
            cells: list[list[Piece]] = [[] for _ in range(columns.count)]
            rows.append(RowBuilder(len(rows) + 1, words.line.number, cells, first_text=0))
            starts.append(index)
            column = 0
        place_line(rows[-1], words, column, columns)
        index += 1
    if rows and rows[-1].missing():
        complete_row(rows[-1], columns)
    whole = next((k for k, row in enumerate(rows) if not is_row_end(row, columns)), len(rows))
    if whole < len(rows):
        return rows[:whole], starts[whole]
    return rows, index


def placement(row: RowBuilder, words: Words, columns: Columns) -> int | None:
    column = choose_column(row, words, columns)
    if column is None and complete_row(row, columns):
        column = choose_column(row, words, columns)
    return column


def is_row_end(row: RowBuilder, columns: Columns) -> bool:
    """Is this a row of the table? Every cell filled and fitting its column, and the
    last two cells ending on one line that ends with a space (cells on one baseline
    end a row, FORMAT.md §2): a paragraph after the table is wider than its columns."""
    if row.missing():
        return False
    pieces = ((column, piece) for column, cell in enumerate(row.cells) for piece in cell)
    if not all(columns.fits(piece.width, column) for column, piece in pieces):
        return False
    last, before = row.cells[-1][-1], row.cells[-2][-1]
    return last.index == before.index and last.edge in (Edge.END, Edge.LATIN)


def rebuild_unnumbered(
    caption: Caption, lines: Sequence[Line], spaced: bool, diagnostics: Diagnostics
) -> tuple[Table, int] | None:
    """A table without a numbered first column (序号): its columns from the rows found
    by their repeated ends, then every line after the header placed by their widths,
    as in a numbered table (a row crossing a page break goes on with its unfinished
    cells). The header is the one size of the cells before the first row found (up
    to ``UNNUMBERED_HEADER_MAX`` times the columns) with which the evidence agrees."""
    run = cell_run(lines)
    line = lines[0].number if lines else caption.line
    ends = repeated_row_ends(run)
    if ends is None:
        diagnostics.warn(
            caption.line,
            f"table {caption.number}: no row numbered 1 after the caption, and no row end "
            "that repeats (short cells sharing a row's last line) to find rows by; kept as text",
        )
        return None
    sizes = range(1, min(ends.first, UNNUMBERED_HEADER_MAX * ends.columns.count - 1) + 1)
    readings = [r for size in sizes if (r := read_with_header(run, lines, ends, size, line))]
    if len(readings) != 1:
        how = "no header and rows agree" if not readings else "headers of several sizes fit"
        diagnostics.warn(
            caption.line,
            f"table {caption.number}: no row numbered 1 after the caption; its rows end "
            f"every {ends.columns.count} cells, but with their widths {how}; kept as text",
        )
        return None
    reading = readings[0]
    for row in reading.rows:
        for note_line, message in row.warnings:
            diagnostics.warn(note_line, message)
    header = read_header(reading.header, line, ends.columns, spaced)[0]
    texts = tuple(row_texts(row, spaced) for row in reading.rows)
    table = Table(caption.number, caption.title, header, texts, caption.line, caption.printed)
    return table, reading.consumed


# --- step 4: the header -------------------------------------------------------------


def first_word_width(piece: Piece) -> int:
    word = re.match(r"[A-Za-z0-9]+", piece.text)
    return display_width(word.group(0) if word else piece.text[0])


def may_merge(before: list[Piece], after: list[Piece], width: int) -> bool:
    """Can header fragment ``after`` be the wrapped rest of ``before``?

    Only if they are on different lines (fragments of one line sit side by side) and
    ``before``'s last line is full: the next word would not have fitted, within the
    ``WIDTH_TOLERANCE`` that a width learned from proportional Latin text is known to.
    """
    last, following = before[-1], after[0]
    wider = last.width + first_word_width(following)
    return last.index != following.index and wider > width - WIDTH_TOLERANCE


Run = list[list[Piece]]  # header fragments merged into one cell


def header_runs(groups: list[list[Piece]], columns: Columns) -> list[Run] | None:
    """The one way to merge the header fragments into the column count, if unique.

    Counted run by run from the end (at most two ways are told apart), so a header of
    many fragments costs its square, not every way to cut it.
    """
    count, total = columns.count, len(groups)

    def merges(start: int, end: int, column: int) -> bool:
        run = groups[start:end]
        width = run_width(run, columns.widths[column])
        return all(may_merge(before, after, width) for before, after in pairwise(run))

    @cache
    def ways(start: int, column: int) -> tuple[int, tuple[int, ...]]:
        """How many ways (0, 1 or 2 for more) merge ``groups[start:]`` into the
        columns from ``column`` on, and the run ends of one of them."""
        if column == count - 1:
            return (1, (total,)) if merges(start, total, column) else (0, ())
        found, ends = 0, tuple[int, ...]()
        for end in range(start + 1, total - (count - 1 - column) + 1):
            if not merges(start, end, column):
                break  # a longer run keeps the pair that cannot merge
            if groups[end - 1][-1].edge is Edge.CUT:
                continue  # a cell cut mid-text goes on: its run does not end here
            more, rest = ways(end, column + 1)
            if more and not found:
                ends = (end, *rest)
            found = min(2, found + more)
        return found, ends

    found, ends = ways(0, 0) if total >= count else (0, ())
    if found != 1:
        return None
    return [groups[a:b] for a, b in pairwise((0, *ends))]


def header_merged(header: Header, columns: Columns) -> list[Run] | None:
    """The one way to merge the header into the columns, over all its arrangements."""
    found = [runs for order in header.arrangements() if (runs := header_runs(order, columns))]
    return found[0] if len(found) == 1 else None


def run_width(run: Run, seen: int) -> int:
    return max(seen, *(piece.width for group in run for piece in group))


def merge_header(header: Header, columns: Columns, line: int) -> tuple[list[Run], list[Note]]:
    """One run of fragments per column, and a warning if that took a guess."""
    count, groups = columns.count, header.fragments
    if header.crosses_page and (across := header_merged(header, columns)) is not None:
        return across, []
    if len(groups) < count:
        groups = header.parted(count) or groups
    if len(groups) == count:
        return [[group] for group in groups], []
    if len(groups) < count:
        runs: list[Run] = [[group] for group in groups]
        runs.extend([] for _ in range(count - len(groups)))
        return runs, [
            (line, f"table header: {len(groups)} cells for {count} columns; the last left empty")
        ]
    found = header_merged(header, columns)
    if found is not None:
        return found, []
    runs = [[group] for group in groups[: count - 1]]
    runs.append(groups[count - 1 :])
    warning = (
        line,
        f"table header: {len(groups)} fragments for {count} columns and no one way "
        "to merge them; the surplus joined the last cell",
    )
    return runs, [warning]


@dataclass(frozen=True)
class Header:
    """The lines before row 1, and their fragments cut at certain boundaries."""

    words: tuple[Words, ...]
    fragments: list[list[Piece]]

    @property
    def spare(self) -> int:
        """Ordinary spaces, where Latin header cells on one line may part."""
        return sum(gap is Gap.SPACE for words in self.words for gap in words.gaps)

    def allows(self, count: int) -> bool:
        return not self.fragments or count <= len(self.fragments) + self.spare

    def parted(self, count: int) -> list[list[Piece]] | None:
        """The fragments parted at every ordinary space, if that gives ``count``
        (one way only: "No. Standard 状态", three cells from two spaces)."""
        if len(self.fragments) + self.spare != count:
            return None
        parted = [
            replace(w, gaps=tuple(Gap.CELL if g is Gap.SPACE else g for g in w.gaps))
            for w in self.words
        ]
        return group_cells(parted)

    @property
    def crosses_page(self) -> bool:
        return any(words.line.starts_page for words in self.words[1:])

    def arrangements(self) -> list[list[list[Piece]]]:
        """The orders its pieces may be merged into columns in: the fragments; for a
        header crossing a page, every line's pieces apart (whether a wrapped line goes
        on in the same cell is then decided by its fullness), with the first piece after
        the break put back after each unfinished one before it in turn, since the page
        goes on with an unfinished cell, as a row's does ("是否需要", "额外研发", "优先",
        "等级", then "工作" on the next page)."""
        if not self.crosses_page:
            return [self.fragments]
        pieces = [
            (make_piece(words, start, end), words.line.starts_page and k == 0)
            for words in self.words
            for k, (start, end) in enumerate(certain_spans(words))
        ]
        groups = [[piece] for piece, _ in pieces]
        resumed = next(i for i, (_, opens_page) in enumerate(pieces) if opens_page and i)
        found = [groups]
        for i in range(resumed - 1):
            if groups[i][-1].edge is Edge.CUT:
                moved = [*groups[: i + 1], groups[resumed], *groups[i + 1 : resumed]]
                found.append([*moved, *groups[resumed + 1 :]])
        return found


def read_header_lines(lines: Sequence[Line], first: int) -> Header:
    """The lines before row 1 (``first``) cut at their certain boundaries."""
    words = tuple(w for w in (read_words(lines, index) for index in range(first)) if w.tokens)
    return Header(words, group_cells(words))


def read_header(
    header: Header, line: int, columns: Columns, spaced: bool
) -> tuple[tuple[str, ...], list[Note]]:
    """The header cells, one per column, from its fragments."""
    runs, warnings = merge_header(header, columns, line)
    cells = tuple(cell_text([piece for group in run for piece in group], spaced) for run in runs)
    return cells, warnings


# --- cell text ----------------------------------------------------------------------


def join_space(before: Piece, after: Piece, spaced: bool) -> str:
    """One space where the export had one at the break, or where a wrap between
    Chinese and Latin text swallowed one (the document spaces them inside lines)."""
    if before.spaced_after or after.spaced_before:
        return " "
    return " " if spaced and wrap_lost_space(before.text, after.text) else ""


def close_gaps(text: str) -> str:
    """Drop the spaces that are not spaces of the text.

    Between two Chinese characters (a join between wrapped lines, "1741。 是" merged),
    and between a joiner and a Chinese character ("DC- 即" → "DC-即", "和 /或" → "和/或").
    """
    kept: list[str] = []
    for i, char in enumerate(text):
        if char == " " and 0 < i < len(text) - 1 and not is_text_space(text, i):
            continue
        kept.append(char)
    return "".join(kept)


def is_text_space(text: str, i: int) -> bool:
    left, right = text[i - 1], text[i + 1]
    if is_wide(left) and is_wide(right):
        return False
    outer_left = text[i - 2] if i >= 2 else " "
    outer_right = text[i + 2] if i + 2 < len(text) else " "
    if left in JOINERS and outer_left != " " and is_wide(right):
        return False
    return not (right in JOINERS and outer_right != " " and is_wide(left))


def cell_text(pieces: list[Piece], spaced: bool) -> str:
    if not pieces:
        return ""
    text = pieces[0].text
    for before, after in pairwise(pieces):
        text += join_space(before, after, spaced) + after.text
    return normalise_spacing(close_gaps(re.sub(" +", " ", text)))


def row_texts(row: RowBuilder, spaced: bool) -> tuple[str, ...]:
    return tuple(cell_text(cell, spaced) for cell in row.cells)
