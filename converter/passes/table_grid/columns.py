"""Step 2, columns: every row except the last (whose end is not known yet) is cut into
cells at certain boundaries only (line ends with a space, a space between two Chinese
characters of a cell-ending line, block starts); the ordinary spaces of its last line
may part more cells. The count most rows allow, then the one the header's fragments
agree with, is the column count; the rows certain of it give each column's width (its
widest line)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ...model import Line
from ..blocks import Caption
from .header import Header, header_fits
from .words import (
    Columns,
    Gap,
    Grid,
    Note,
    Piece,
    Words,
    group_cells,
    make_piece,
    parted_at_spaces,
    read_words,
    widths_of,
)


@dataclass(frozen=True)
class RowCut:
    """A row whose end is known (every row but the last), cut at certain boundaries."""

    number: Piece
    words: tuple[Words, ...]  # its lines, the number dropped from the first
    cells: Grid  # the number's cell first

    @property
    def count(self) -> int:
        return len(self.cells)

    @property
    def spare(self) -> int:
        """Ordinary spaces of the last line: where cells sharing a baseline may part."""
        return sum(gap is Gap.SPACE for gap in self.words[-1].gaps)

    def admits(self, count: int) -> bool:
        return self.count <= count <= self.count + self.spare

    def parted(self, count: int) -> Grid | None:
        """The row cut into ``count`` cells if there is one way only: its certain
        cells, or its last line parted at all its ordinary spaces (cells sharing a
        line end a row, FORMAT.md §2)."""
        if count == self.count:
            return self.cells
        if count != self.count + self.spare or not self.spare:
            return None
        words = [*self.words[:-1], parted_at_spaces(self.words[-1])]
        return ((self.number,), *group_cells(words))


def row_words(lines: Sequence[Line], start: int, end: int) -> list[Words]:
    """The words of a row's lines, its number dropped from the first one."""
    words = [read_words(lines, start, skip=1, ends_row=start + 1 == end)]
    words.extend(read_words(lines, i, ends_row=i + 1 == end) for i in range(start + 1, end))
    return [w for w in words if w.tokens]


def cut_rows(lines: Sequence[Line], starts: Sequence[int]) -> tuple[RowCut, ...]:
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
        row = RowCut(number, words, ((number,), *group_cells(words)))
        crosses = any(line.starts_page for line in lines[start + 1 : end])
        (crossing if crosses else rows).append(row)
    return tuple(rows or crossing)


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
    lines: Sequence[Line], starts: Sequence[int], header: Header, caption: Caption
) -> tuple[Columns, tuple[Note, ...]]:
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
        return Columns(widths_of([row.cells for row in rows if row.count == count], count)), ()
    ranked = sorted(candidates, key=lambda c: c.rank, reverse=True)
    best = ranked[0]
    if len(ranked) > 1 and ranked[1].agreement == best.agreement:
        tie = (
            caption.line,
            f"table {caption.number}: rows and header fit {best.columns.count} or "
            f"{ranked[1].columns.count} columns alike; took {best.columns.count}",
        )
        return best.columns, (tie,)
    return best.columns, ()
