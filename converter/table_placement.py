"""Pass 5 adapter, tables: swap a table caption and the paragraphs made of its
flattened cells for the ``Table`` that ``tables.rebuild_table`` recovers."""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Article, Block, Line, Paragraph, Warning_
from .paragraphs import make_paragraph
from .tables import rebuild_table

TABLE_CAPTION = re.compile(r"^表\s*\d+\s*[.．]")


def place_tables(article: Article, path: str, warnings: list[Warning_]) -> Article:
    blocks = list(article.blocks)
    placed: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not is_caption(block):
            placed.append(block)
            continue
        assert isinstance(block, Paragraph)
        lines, owners = following_lines(blocks, index)
        table, consumed, notes = rebuild_table(block.lines[0], lines, path)
        warnings.extend(parse_warning(note, path, block.line) for note in notes)
        placed.append(table)
        if consumed:
            index += owners[consumed - 1] + 1
            leftover = [
                line
                for line, owner in zip(lines[consumed:], owners[consumed:], strict=True)
                if owner == owners[consumed - 1]
            ]
            if leftover:
                placed.append(make_paragraph(leftover))
    return replace(article, blocks=tuple(placed))


def is_caption(block: Block) -> bool:
    return (
        isinstance(block, Paragraph)
        and len(block.lines) == 1
        and bool(TABLE_CAPTION.match(block.text.value))
    )


def following_lines(blocks: list[Block], start: int) -> tuple[list[Line], list[int]]:
    """The lines of the paragraphs after a caption, each with its paragraph's index."""
    lines: list[Line] = []
    owners: list[int] = []
    for offset, block in enumerate(blocks[start:]):
        if not isinstance(block, Paragraph):
            break
        lines.extend(block.lines)
        owners.extend([offset] * len(block.lines))
    return lines, owners


def parse_warning(note: str, path: str, line: int) -> Warning_:
    """The table pass reports ``path:line: message``; keep its line."""
    prefix = f"{path}:"
    if note.startswith(prefix):
        number, _, message = note[len(prefix) :].partition(": ")
        if number.isdigit():
            return Warning_(path, int(number), message)
    return Warning_(path, line, note)
