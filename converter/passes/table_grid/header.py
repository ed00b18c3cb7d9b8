"""Step 4, header: the lines between the caption and row 1, cut like the rows, then
merged into the column count where one fragment's last line was full for its column,
or parted at its ordinary spaces where that is the one way to reach it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from ...model import Line
from ...text import display_width
from .text import cell_text
from .words import (
    WIDTH_TOLERANCE,
    Cell,
    Columns,
    Edge,
    Gap,
    Grid,
    Note,
    Words,
    certain_spans,
    group_cells,
    make_piece,
    parted_at_spaces,
    read_words,
)

Run = tuple[Cell, ...]  # header fragments merged into one cell


@dataclass(frozen=True)
class Header:
    """The lines before row 1, and their fragments cut at certain boundaries."""

    words: tuple[Words, ...]
    fragments: Grid

    @property
    def spare(self) -> int:
        """Ordinary spaces, where Latin header cells on one line may part."""
        return sum(gap is Gap.SPACE for words in self.words for gap in words.gaps)

    def allows(self, count: int) -> bool:
        return not self.fragments or count <= len(self.fragments) + self.spare

    def parted(self, count: int) -> Grid | None:
        """The fragments parted at every ordinary space, if that gives ``count``
        (one way only: "No. Standard 状态", three cells from two spaces)."""
        if len(self.fragments) + self.spare != count:
            return None
        return group_cells([parted_at_spaces(words) for words in self.words])

    @property
    def crosses_page(self) -> bool:
        return any(words.line.starts_page for words in self.words[1:])

    def arrangements(self) -> list[Grid]:
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
        groups: Grid = tuple((piece,) for piece, _ in pieces)
        resumed = next(i for i, (_, opens_page) in enumerate(pieces) if opens_page and i)
        found: list[Grid] = [groups]
        for i in range(resumed - 1):
            if groups[i][-1].edge is Edge.CUT:
                moved = (*groups[: i + 1], groups[resumed], *groups[i + 1 : resumed])
                found.append((*moved, *groups[resumed + 1 :]))
        return found


def header_of(words: Sequence[Words]) -> Header:
    return Header(tuple(words), group_cells(words))


def read_header_lines(lines: Sequence[Line], first: int) -> Header:
    """The lines before row 1 (``first``) cut at their certain boundaries."""
    return header_of([w for w in (read_words(lines, index) for index in range(first)) if w.tokens])


def first_word_width(piece_text: str) -> int:
    word = re.match(r"[A-Za-z0-9]+", piece_text)
    return display_width(word.group(0) if word else piece_text[0])


def may_merge(before: Cell, after: Cell, width: int) -> bool:
    """Can header fragment ``after`` be the wrapped rest of ``before``?

    Only if they are on different lines (fragments of one line sit side by side) and
    ``before``'s last line is full: the next word would not have fitted, within the
    ``WIDTH_TOLERANCE`` that a width learned from proportional Latin text is known to.
    """
    last, following = before[-1], after[0]
    wider = last.width + first_word_width(following.text)
    return last.index != following.index and wider > width - WIDTH_TOLERANCE


def header_runs(groups: Grid, columns: Columns) -> tuple[Run, ...] | None:
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
    return tuple(groups[a:b] for a, b in pairwise((0, *ends)))


def header_merged(header: Header, columns: Columns) -> tuple[Run, ...] | None:
    """The one way to merge the header into the columns, over all its arrangements."""
    found = [runs for order in header.arrangements() if (runs := header_runs(order, columns))]
    return found[0] if len(found) == 1 else None


def run_width(run: Run, seen: int) -> int:
    return max(seen, *(piece.width for group in run for piece in group))


def header_fits(header: Header, columns: Columns) -> bool:
    """Do the header's fragments give the column count, or merge into it one way?"""
    fragments = header.fragments
    if not fragments or len(fragments) == columns.count:
        return True
    if header.crosses_page and header_merged(header, columns) is not None:
        return True
    if len(fragments) < columns.count:
        return header.parted(columns.count) is not None
    return header_merged(header, columns) is not None


def merge_header(
    header: Header, columns: Columns, line: int
) -> tuple[tuple[Run, ...], tuple[Note, ...]]:
    """One run of fragments per column, and a warning if that took a guess."""
    count, groups = columns.count, header.fragments
    if header.crosses_page and (across := header_merged(header, columns)) is not None:
        return across, ()
    if len(groups) < count:
        groups = header.parted(count) or groups
    if len(groups) == count:
        return tuple((group,) for group in groups), ()
    if len(groups) < count:
        runs = (*((group,) for group in groups), *(() for _ in range(count - len(groups))))
        return runs, (
            (line, f"table header: {len(groups)} cells for {count} columns; the last left empty"),
        )
    found = header_merged(header, columns)
    if found is not None:
        return found, ()
    warning = (
        line,
        f"table header: {len(groups)} fragments for {count} columns and no one way "
        "to merge them; the surplus joined the last cell",
    )
    return (*((group,) for group in groups[: count - 1]), groups[count - 1 :]), (warning,)


def read_header(
    header: Header, line: int, columns: Columns, spaced: bool
) -> tuple[tuple[str, ...], tuple[Note, ...]]:
    """The header cells, one per column, from its fragments."""
    runs, warnings = merge_header(header, columns, line)
    cells = tuple(cell_text([piece for group in run for piece in group], spaced) for run in runs)
    return cells, warnings
