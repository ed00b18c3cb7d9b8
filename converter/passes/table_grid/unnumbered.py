"""A table without numbered rows: the rows that end where short cells share a line, at
a distance in cells that repeats, give the columns; every line is then placed by their
widths as in a numbered table; where that evidence disagrees it stays text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ...diagnostics import Diagnostics
from ...model import Line, Table
from ..blocks import Caption
from .cells import Choice, Row, completed, empty_row, place_line, placement, row_texts
from .header import Header, merge_header, read_header
from .words import (
    Cell,
    Columns,
    Edge,
    Piece,
    Words,
    certain_spans,
    goes_on,
    make_piece,
    read_words,
    widths_of,
)

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

    cells: tuple[Cell, ...]
    words: tuple[Words, ...]
    shared_ends: Mapping[int, int]


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
    return CellRun(tuple(tuple(cell) for cell in cells), tuple(words), shared_ends)


def row_ends(run: CellRun) -> tuple[tuple[int, ...], int] | None:
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
    return tuple(chain), count


@dataclass(frozen=True)
class RowEnds:
    """The rows found by their repeated ends: the cells that end them, and the columns
    they give (count and widths). ``first`` is the cell the first of them starts at."""

    chain: tuple[int, ...]
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
    rows = [run.cells[end - count + 1 : end + 1] for end in chain]
    return RowEnds(chain, Columns(widths_of(rows, count)))


@dataclass(frozen=True)
class Reading:
    """A table without numbers read with a header of some size."""

    header: Header
    rows: tuple[Row, ...]
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


def disagreeing_end(run: CellRun, ends: RowEnds, rows: Sequence[Row], consumed: int) -> int | None:
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
) -> tuple[tuple[Row, ...], int]:
    """Place the lines from ``first`` on as in a numbered table, a row ending where a
    line neither goes on in it nor fills its next cell. The table ends before a row
    that is not one (``is_row_end``), or at a line that fits no cell of an unfinished
    row; returns the rows and the index the table ends at."""
    rows: list[Row] = []
    starts: list[int] = []
    index = first
    while index < len(lines):
        words = read_words(lines, index)
        if not words.tokens:
            break
        choice = None
        if rows:
            rows[-1], choice = placement(rows[-1], words, columns)
        if choice is None:
            if rows and rows[-1].missing():
                break
            rows.append(empty_row(len(rows) + 1, words.line.number, columns, first_text=0))
            starts.append(index)
            choice = Choice(0)
        rows[-1] = place_line(rows[-1], words, choice, columns)
        index += 1
    if rows and rows[-1].missing():
        rows[-1] = completed(rows[-1], columns) or rows[-1]
    whole = next((k for k, row in enumerate(rows) if not is_row_end(row, columns)), len(rows))
    if whole < len(rows):
        return tuple(rows[:whole]), starts[whole]
    return tuple(rows), index


def is_row_end(row: Row, columns: Columns) -> bool:
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
