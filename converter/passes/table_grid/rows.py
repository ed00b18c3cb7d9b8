"""Step 1, rows: where the rows numbered 1, 2, 3… start. The first column numbers
the rows; a row starts at a line whose first word is the next number and that starts
a cell."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Line

TOO_FEW_ROWS = "only row 1 after the caption; the columns are learned from two rows or more"


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


def numbered_rows(lines: Sequence[Line]) -> tuple[int, ...]:
    """Where rows 1, 2, 3… start; empty if no line opens with row 1."""
    first = find_first_row(lines)
    return find_row_starts(lines, first) if first is not None else ()


def find_row_starts(lines: Sequence[Line], first: int) -> tuple[int, ...]:
    """Indexes of the lines where rows 1, 2, 3… start, by their numbers alone."""
    starts: list[int] = []
    for index in range(first, len(lines)):
        if is_row_start(lines, index, len(starts) + 1, first):
            starts.append(index)
    return tuple(starts)


def next_row_follows(lines: Sequence[Line], index: int, number: int, first: int) -> bool:
    return index + 1 < len(lines) and is_row_start(lines, index + 1, number, first)
