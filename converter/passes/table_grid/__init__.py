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
is recovered from evidence, in steps, each a function from one frozen form to the
next (``words``: the forms they share):

1. ``rows``: where the numbered rows start (``numbered_rows``). A table without
   numbers is read apart (``unnumbered``).
2. ``columns``: the column count and widths, from the rows whose end is known and the
   header (``learn_columns``).
3. ``cells``: every line placed in its row's cells by the widths (``read_rows``).
4. ``header``: the header's fragments merged into the columns (``read_header``).

``text`` joins a cell's pieces into its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...diagnostics import Diagnostics
from ...model import Line, Table
from ..blocks import Caption
from .cells import read_rows, row_texts
from .columns import learn_columns
from .header import read_header, read_header_lines
from .rows import TOO_FEW_ROWS, numbered_rows
from .unnumbered import rebuild_unnumbered

__all__ = ["rebuild_table"]


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
        diagnostics.warn(caption.line, f"table {number}: {TOO_FEW_ROWS}; kept as text")
        return None
    first = starts[0]
    header_lines = read_header_lines(lines, first)
    columns, column_notes = learn_columns(lines, starts, header_lines, caption)
    rows, consumed = read_rows(lines, first, columns)
    header, header_notes = read_header(header_lines, lines[0].number, columns, spaced)
    row_notes = (note for row in rows for note in row.warnings)
    for line, message in (*column_notes, *header_notes, *row_notes):
        diagnostics.warn(line, message)
    texts = tuple(row_texts(row, spaced) for row in rows)
    return Table(number, title, header, texts, caption.line, caption.printed), consumed
