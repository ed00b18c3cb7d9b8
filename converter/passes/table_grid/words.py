"""The forms every step reads: an export line cut into words (``Words``), the part of a
line that belongs to one cell (``Piece``) and the columns learned (``Columns``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from ...model import Line
from ...text import display_width

# A line placed in a column may be this much wider than the widest line seen there:
# the widest line is only a lower bound of the column, and Latin glyphs are
# proportional (one full-width character).
WIDTH_TOLERANCE = 2


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


Cell = tuple[Piece, ...]  # a cell's pieces, in export order
Grid = tuple[Cell, ...]  # cells side by side: a row's, or a header's fragments
Note = tuple[int, str]  # a warning's export line and message, kept until the table is done


@dataclass(frozen=True)
class Columns:
    widths: tuple[int, ...]  # the widest line seen in each column

    @property
    def count(self) -> int:
        return len(self.widths)

    def fits(self, width: int, column: int) -> bool:
        return width <= self.widths[column] + WIDTH_TOLERANCE


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


def group_cells(words_seq: Sequence[Words]) -> Grid:
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
    return tuple(tuple(cell) for cell in cells)


def widths_of(grids: Sequence[Grid], count: int) -> tuple[int, ...]:
    """Each column's widest line over ``grids`` of ``count`` cells."""
    return tuple(max(piece.width for grid in grids for piece in grid[c]) for c in range(count))


def parted_at_spaces(words: Words) -> Words:
    """The line with every ordinary space taken for a cell boundary."""
    return replace(words, gaps=tuple(Gap.CELL if gap is Gap.SPACE else gap for gap in words.gaps))
