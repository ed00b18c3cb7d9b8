"""Step 3, cells: with the widths known, every line is placed. It continues the cell
left open, or starts the next empty cell (split at spaces where it is wider than its
column), or — after a page break — continues the row's unfinished cells in column
order. A row missing cells at its end has its last line split further, at the spaces
that make every piece fit its column. A complete row followed by anything but the
next row number (or a page-break continuation) ends the table.

A ``Row`` is the state of one row while its lines are placed; every function here
gives a new one and leaves the one it was given as it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...model import Line
from ...text import display_width
from .rows import is_row_start, next_row_follows
from .text import cell_text
from .words import (
    Cell,
    Columns,
    Edge,
    Gap,
    Note,
    Piece,
    Words,
    certain_spans,
    goes_on,
    is_latin,
    make_piece,
    raw_width,
    read_words,
)

# A cell piece that ended at a space inside a line continues after a page break only
# if it was full; a wrapped line can stop this short of the column's widest line
# (two full-width characters: justification and proportional Latin glyphs; the
# wrapped "保持 UL 9741" is 12 wide in a 14-wide column, "…UL 1741 的一" 39 in 43).
WRAP_SLACK = 4

Span = tuple[int, int, int]  # (column, first token, end token) of one piece of a line


@dataclass(frozen=True)
class Placed:
    """A line placed in a row: its words, and the first and last column it went to."""

    words: Words
    first: int
    last: int


@dataclass(frozen=True)
class Row:
    """The cells of one row, as far as its lines have been placed."""

    number: int
    line: int
    cells: tuple[Cell, ...]
    cur: int = 0  # the column of the last piece placed
    first_text: int = 1  # the first column of text: 0 in a table without a number column
    resumed: bool = False  # unfinished cells are being continued after a page break
    placed: tuple[Placed, ...] = ()
    warnings: tuple[Note, ...] = ()

    def edge(self, column: int) -> Edge | None:
        cell = self.cells[column]
        return cell[-1].edge if cell else None

    def missing(self) -> list[int]:
        return [column for column, cell in enumerate(self.cells) if not cell]

    def warned(self, line: int, message: str) -> Row:
        return replace(self, warnings=(*self.warnings, (line, message)))


@dataclass(frozen=True)
class Choice:
    """The column a line's first piece goes to, and whether it goes on with the row's
    unfinished cells after a page break."""

    column: int
    resumes: bool = False


def empty_row(number: int, line: int, columns: Columns, first_text: int = 1) -> Row:
    return Row(number, line, tuple(() for _ in range(columns.count)), first_text=first_text)


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


def may_resume(row: Row, column: int, words: Words, columns: Columns) -> bool:
    """After a page break, may this line continue the cell in ``column``?"""
    edge = row.edge(column)
    if edge is Edge.SEPARATOR:
        # Once one cell has gone on across the break, the row's others follow it.
        return row.resumed or is_full(row.cells[column][-1], words, column, columns)
    return goes_on(edge, words)


def choose_column(row: Row, words: Words, columns: Columns) -> Choice | None:
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
        return Choice(row.cur)
    if line.starts_page or row.resumed:
        for column in range(row.first_text, columns.count):
            if (
                row.cells[column]
                and may_resume(row, column, words, columns)
                and columns.fits(first_span, column)
            ):
                return Choice(column, resumes=True)
    missing = row.missing()
    if missing and columns.fits(raw_width(words, 0, 1), missing[0]):
        return Choice(missing[0])
    return None


def place(row: Row, words: Words, spans: Sequence[Span]) -> Row:
    cells = list(row.cells)
    for column, start, end in spans:
        cells[column] = (*cells[column], make_piece(words, start, end))
    placed = Placed(words, spans[0][0], spans[-1][0])
    return replace(row, cells=tuple(cells), cur=spans[-1][0], placed=(*row.placed, placed))


def completed(row: Row, columns: Columns) -> Row | None:
    """The row with its missing last cells filled by splitting further the latest line
    that holds its last filled cell and ends with a space: its last line, or, in a row
    that went on after a page break, the line that ended the row's cells before it.
    None if it has none missing after its last filled cell, or no line splits so."""
    missing = row.missing()
    filled = max(column for column, cell in enumerate(row.cells) if cell)
    if not missing or min(missing) <= filled:
        return None
    for placed in reversed(row.placed):
        words = placed.words
        if placed.last != filled or words.end is Edge.CUT:
            continue
        spans = completing_spans(words, placed.first, columns)
        if spans is None:
            continue
        split = resplit(row, words, placed.first, spans)
        if forced_split(words, len(spans)):
            return split
        return split.warned(
            words.line.number,
            f"table row {row.number}: split {' '.join(words.tokens)!r} at "
            f"spaces by column widths to fill {len(spans)} cells",
        )
    return None


def resplit(row: Row, words: Words, column: int, spans: Sequence[Span]) -> Row:
    kept = tuple(
        cell if c < column else tuple(piece for piece in cell if piece.index != words.index)
        for c, cell in enumerate(row.cells)
    )
    placed = place(replace(row, cells=kept), words, spans)
    # a cell's pieces are in export order
    ordered = tuple(tuple(sorted(cell, key=lambda piece: piece.index)) for cell in placed.cells)
    return replace(placed, cells=ordered)


def forced_split(words: Words, pieces: int) -> bool:
    """Is there one way only to cut the line into ``pieces`` at its spaces, so that
    the widths did not choose ("完成…工作 / 低" into three)?"""
    extra_cuts = pieces - 1 - sum(gap is Gap.CELL for gap in words.gaps)
    return extra_cuts <= 0 or extra_cuts == sum(gap is Gap.SPACE for gap in words.gaps)


def closed(row: Row, columns: Columns) -> Row:
    """The row completed where it can be, with a warning for each cell still empty."""
    if row.missing():
        row = completed(row, columns) or row
    missing = row.missing()
    if not missing:
        return row
    return row.warned(
        row.line,
        f"table row {row.number}: {len(missing)} of {columns.count} cells not found; left empty",
    )


def placement(row: Row, words: Words, columns: Columns) -> tuple[Row, Choice | None]:
    """Where this line goes in ``row``: the row (completed first if the line fits
    nowhere in it as it is, since its cells sharing the last line may part), and the
    column, or None if the line is not this row's."""
    choice = choose_column(row, words, columns)
    if choice is None and (done := completed(row, columns)) is not None:
        return done, choose_column(done, words, columns)
    return row, choice


def place_line(row: Row, words: Words, choice: Choice, columns: Columns) -> Row:
    spans, overflow = layout_spans(words, choice.column, columns)
    row = replace(row, resumed=row.resumed or choice.resumes)
    if overflow:
        row = row.warned(
            words.line.number,
            f"table row {row.number}: more cells than the {columns.count} columns; "
            "the surplus joined the last cell",
        )
    return place(row, words, spans)


def open_row(
    lines: Sequence[Line], index: int, number: int, columns: Columns, ends_row: bool
) -> Row:
    words = read_words(lines, index)
    row = empty_row(number, words.line.number, columns)
    row = replace(row, cells=((make_piece(words, 0, 1),), *row.cells[1:]))
    rest = read_words(lines, index, skip=1, ends_row=ends_row)
    return place_line(row, rest, Choice(1), columns) if rest.tokens else row


def read_rows(lines: Sequence[Line], first: int, columns: Columns) -> tuple[tuple[Row, ...], int]:
    """Place the lines from row 1 on; returns the rows and the index the table ends at."""
    rows: list[Row] = []
    index = first
    while index < len(lines):
        if is_row_start(lines, index, len(rows) + 1, first):
            if rows:
                rows[-1] = closed(rows[-1], columns)
            ends_row = next_row_follows(lines, index, len(rows) + 2, first)
            rows.append(open_row(lines, index, len(rows) + 1, columns, ends_row))
            index += 1
            continue
        ends_row = next_row_follows(lines, index, len(rows) + 1, first)
        words = read_words(lines, index, ends_row=ends_row)
        if not words.tokens:
            break
        rows[-1], choice = placement(rows[-1], words, columns)
        if choice is None:
            break
        rows[-1] = place_line(rows[-1], words, choice, columns)
        index += 1
    rows[-1] = closed(rows[-1], columns)
    return tuple(rows), index


def row_texts(row: Row, spaced: bool) -> tuple[str, ...]:
    return tuple(cell_text(cell, spaced) for cell in row.cells)
