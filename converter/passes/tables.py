"""The tables pass: a table caption and the paragraphs made of its flattened cells
→ the ``Table`` that ``table_grid.rebuild_table`` recovers, in the article's blocks."""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostics
from ..model import Article, Block, Line, Paragraph
from .blocks import table_caption
from .paragraphs import make_paragraph
from .table_grid import rebuild_table


def place_tables(article: Article, spaced: bool, diagnostics: Diagnostics) -> Article:
    """``spaced``: the document's decision on spaces between Chinese and Latin text."""
    blocks = list(article.blocks)
    placed: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        caption = table_caption(block) if isinstance(block, Paragraph) else None
        if caption is None:
            placed.append(block)
            continue
        lines, owners = following_lines(blocks, index)
        rebuilt = rebuild_table(caption, lines, spaced, diagnostics)
        if rebuilt is None:
            placed.append(block)
            continue
        table, consumed = rebuilt
        placed.append(table)
        if consumed:
            index += owners[consumed - 1] + 1
            leftover = [
                line
                for line, owner in zip(lines[consumed:], owners[consumed:], strict=True)
                if owner == owners[consumed - 1]
            ]
            if leftover:
                placed.append(make_paragraph(leftover, spaced))
    return replace(article, blocks=tuple(placed))


def following_lines(blocks: list[Block], start: int) -> tuple[list[Line], list[int]]:
    """The lines of the paragraphs after a caption, each with its paragraph's index,
    up to the next caption: the next table numbers its rows from 1 again, and its row
    3 must not be taken for this table's."""
    lines: list[Line] = []
    owners: list[int] = []
    for offset, block in enumerate(blocks[start:]):
        if not isinstance(block, Paragraph) or table_caption(block) is not None:
            break
        lines.extend(block.lines)
        owners.extend([offset] * len(block.lines))
    return lines, owners
