"""The kinds of block an article's paragraph can be, besides running text.

One ordered list of rules, each with its pattern once: the structure pass asks
which rule a paragraph matches, the table pass asks only for table captions. A
rule recognises a block from its opening words alone and emits nothing, so any
pass can ask "would this start here?" (markdown-it's block rules work the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..model import Paragraph


class BlockKind(Enum):
    SUBHEADING = "subheading"
    FIGURE_CAPTION = "figure caption"
    TABLE_CAPTION = "table caption"


@dataclass(frozen=True)
class BlockRule:
    kind: BlockKind
    pattern: re.Pattern[str]
    max_lines: int | None  # how many export lines the block may take; None: any
    why: str


# A figure or table number may be written with full-width digits ("表 １"); Python's
# \d and int() read them. The separator after the number is a full stop, a colon or
# an enumeration comma, full-width or not: captions have been seen with each. A
# space alone also separates, when what follows is a title rather than a clause: no
# comma or sentence mark to the line's end ("表 1 路线图的缺口", not "表 1 中的数据显示，").
CLAUSE_MARKS = "，。！？；"
NUMBER_AND_SEPARATOR = rf"\s*(\d+)(?:\s*[.．:：、]\s*|\s+(?=[^{CLAUSE_MARKS}]+$))"
BLOCK_RULES: tuple[BlockRule, ...] = (
    BlockRule(
        BlockKind.SUBHEADING,
        re.compile(r"^[一二三四五六七八九十]+、[^。；]{1,30}$"),
        max_lines=None,
        why="a Chinese numeral and 、 open a short line without a full stop: '一、背景'",
    ),
    BlockRule(
        BlockKind.FIGURE_CAPTION,
        re.compile(rf"^图{NUMBER_AND_SEPARATOR}(.+)$"),
        max_lines=None,
        why="'图 1. …' stands under the blank space of a figure lost with the PDF",
    ),
    BlockRule(
        BlockKind.TABLE_CAPTION,
        re.compile(rf"^表{NUMBER_AND_SEPARATOR}(.+)$"),
        max_lines=1,  # the table pass reads the caption from its one line
        why="'表 1. …' opens the flattened lines of a table",
    ),
)


def block_kind(paragraph: Paragraph) -> tuple[BlockKind, re.Match[str]] | None:
    """The first rule the paragraph matches, with its match; None for running text."""
    for rule in BLOCK_RULES:
        if rule.max_lines is not None and len(paragraph.lines) > rule.max_lines:
            continue
        if match := rule.pattern.match(paragraph.text.value):
            return rule.kind, match
    return None


@dataclass(frozen=True)
class Caption:
    """A figure's or table's number and title, and the export line it stands on."""

    number: int
    title: str
    line: int


def table_caption(paragraph: Paragraph) -> Caption | None:
    found = block_kind(paragraph)
    if found is None or found[0] is not BlockKind.TABLE_CAPTION:
        return None
    match = found[1]
    return Caption(int(match.group(1)), match.group(2), paragraph.line)
