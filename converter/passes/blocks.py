"""The kinds of block an article's paragraph can be, besides running text.

One ordered list of rules, each with its pattern once: the structure pass asks
which rule a paragraph matches, the table pass asks only for table captions. A
rule recognises a block from its own paragraph alone and emits nothing, so any
pass can ask "would this start here?" (markdown-it's block rules work the same way).
Only a subheading's level needs the article around it: ``Outline`` gives it from the
order in which the article's numbering schemes first appear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from ..diagnostics import Diagnostics
from ..model import Paragraph
from ..patterns import HAN


class BlockKind(Enum):
    SUBHEADING = "subheading"
    FIGURE_CAPTION = "figure caption"
    TABLE_CAPTION = "table caption"


@dataclass(frozen=True)
class BlockRule:
    kind: BlockKind
    pattern: re.Pattern[str]
    max_lines: int  # how many export lines the block may take
    why: str


# A heading or a caption is a title, not a sentence: no mark that ends one anywhere
# in it ("（1）…。" is a list item written as a sentence, and stays a paragraph).
SENTENCE_MARKS = "。！？；"
# A clause goes on after a comma: with no separator but a space after a caption's
# number, a comma says the line is a sentence about the table ("表 1 中的数据显示，").
CLAUSE_MARKS = "，" + SENTENCE_MARKS
# A caption or a subheading may wrap once: the paragraph pass joins a line without
# a trailing space to the next, so a two-line block is one title wrapped at the
# page width. Three lines are running text.
BLOCK_MAX_LINES = 2
# The longest subheading title seen in Chinese official texts is about a line.
SUBHEADING_MAX_CHARS = 30
# A figure or table number may be written with full-width digits ("表 １"), which
# Python's \d and int() read, and numbered within a chapter ("表 2.1", "图 1-2").
CAPTION_NUMBER = r"(\d+(?:[.．\-－–]\d+)?)"
# After the number: a full stop, a colon or an enumeration comma, full-width or not
# (captions have been seen with each); or a space alone, or nothing before a Han
# character, when what follows is a title rather than a clause (no comma or
# sentence mark to the end: "表 1 路线图的缺口", not "表 1 中的数据显示，").
NUMBER_AND_SEPARATOR = (
    rf"\s*{CAPTION_NUMBER}"
    rf"(?:\s*[.．:：、]\s*|\s+(?=[^{CLAUSE_MARKS}]+$)|(?={HAN}[^{CLAUSE_MARKS}]*$))"
)
CAPTION_TITLE = rf"([^{SENTENCE_MARKS}]+)$"
# A table header's cells on one baseline are parted by spaces between Chinese words
# ("序号 缺口描述 建议"); a caption's wrapped second line has no such gap, so a
# caption glued to its header line is not read as a caption wrapped.
CELL_GAP = re.compile(rf"{HAN} +{HAN}")

CHINESE_DIGITS = "一二三四五六七八九"
CHINESE_NUMERAL = f"(?:[{CHINESE_DIGITS}]?十[{CHINESE_DIGITS}]?|[{CHINESE_DIGITS}])"
ARABIC_NUMERAL = r"\d{1,2}"


@dataclass(frozen=True)
class Numbering:
    """One way of numbering headings: its name (the form of 1) and its patterns,
    each with the number in group "n" and the title in group "title"."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    alone: bool  # a heading even when the article never counts past its 1


def numbering(name: str, *markers: str, alone: bool = False) -> Numbering:
    title = rf"\s*(?P<title>[^{SENTENCE_MARKS}]{{1,{SUBHEADING_MAX_CHARS}}})$"
    patterns = tuple(re.compile(rf"^{marker}{title}") for marker in markers)
    return Numbering(name, patterns, alone)


# The numbering schemes of Chinese official and legal texts, whose order of nesting
# each article chooses (usually as listed). "1." is not followed by a digit: "1.5".
# Only "一、" opening a short line is a heading alone (as this converter has always
# read it); "1." or "（1）" alone opens a numbered line of text as often.
NUMBERINGS: tuple[Numbering, ...] = (
    numbering("一、", rf"(?P<n>{CHINESE_NUMERAL})\s*、", alone=True),
    numbering("（一）", rf"[（(]\s*(?P<n>{CHINESE_NUMERAL})\s*[）)]"),
    numbering("1.", rf"(?P<n>{ARABIC_NUMERAL})\s*(?:[.．](?!\d)|、)"),
    numbering("（1）", rf"[（(]\s*(?P<n>{ARABIC_NUMERAL})\s*[）)]", rf"(?P<n>{ARABIC_NUMERAL})\)"),
)


def unnamed(pattern: re.Pattern[str]) -> str:
    """The pattern without its group names, to be one alternative of several."""
    return "(?:" + re.sub(r"\?P<\w+>", "", pattern.pattern) + ")"


BLOCK_RULES: tuple[BlockRule, ...] = (
    BlockRule(
        BlockKind.SUBHEADING,
        re.compile("|".join(unnamed(p) for n in NUMBERINGS for p in n.patterns)),
        max_lines=BLOCK_MAX_LINES,
        why="a number in one of NUMBERINGS opens a short paragraph that ends no sentence",
    ),
    BlockRule(
        BlockKind.FIGURE_CAPTION,
        re.compile(rf"^图{NUMBER_AND_SEPARATOR}{CAPTION_TITLE}"),
        max_lines=BLOCK_MAX_LINES,
        why="'图 1. …' stands under the blank space of a figure lost with the PDF",
    ),
    BlockRule(
        BlockKind.TABLE_CAPTION,
        re.compile(rf"^表{NUMBER_AND_SEPARATOR}{CAPTION_TITLE}"),
        max_lines=BLOCK_MAX_LINES,
        why="'表 1. …' opens the flattened lines of a table",
    ),
)


# A label with an explicit separator ("图 1. ", "表2：") opens only a caption: a
# paragraph that opens so but is no caption (a sentence, three lines) is reported.
CAPTION_LABEL = re.compile(rf"^[图表]\s*{CAPTION_NUMBER}\s*[.．:：、]")


def missed_caption(paragraph: Paragraph) -> bool:
    """Does the paragraph open with a caption's label and yet match no rule?"""
    return bool(CAPTION_LABEL.match(paragraph.text.value)) and block_kind(paragraph) is None


def block_kind(paragraph: Paragraph) -> tuple[BlockKind, re.Match[str]] | None:
    """The first rule the paragraph matches, with its match; None for running text."""
    if any(CELL_GAP.search(line.text.strip()) for line in paragraph.lines[1:]):
        return None
    for rule in BLOCK_RULES:
        if len(paragraph.lines) > rule.max_lines:
            continue
        if match := rule.pattern.match(paragraph.text.value):
            return rule.kind, match
    return None


@dataclass(frozen=True)
class Caption:
    """A figure's or table's number and title, and the export line it stands on.
    ``printed`` is the number as printed where it is not a plain integer ("2.1")."""

    number: int
    title: str
    line: int
    printed: str = ""


def read_caption(match: re.Match[str], line: int) -> Caption:
    printed = match.group(1)
    leading = re.match(r"\d+", printed)
    assert leading is not None  # CAPTION_NUMBER starts with digits
    number = int(leading.group(0))
    return Caption(number, match.group(2), line, "" if printed.isdigit() else printed)


def table_caption(paragraph: Paragraph) -> Caption | None:
    found = block_kind(paragraph)
    if found is None or found[0] is not BlockKind.TABLE_CAPTION:
        return None
    return read_caption(found[1], paragraph.line)


def figure_caption(paragraph: Paragraph) -> Caption | None:
    found = block_kind(paragraph)
    if found is None or found[0] is not BlockKind.FIGURE_CAPTION:
        return None
    return read_caption(found[1], paragraph.line)


def heading_number(text: str) -> tuple[str, int] | None:
    """The numbering scheme's name and the number a subheading's text opens with."""
    for scheme in NUMBERINGS:
        for pattern in scheme.patterns:
            if match := pattern.match(text):
                return scheme.name, numeral_value(match.group("n"))
    return None


def numeral_value(numeral: str) -> int:
    """'3', '３', '十二', '二十一' → their value (NUMBERINGS' numerals stay below 100)."""
    if numeral.isdigit():
        return int(numeral)
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return CHINESE_DIGITS.index(numeral) + 1
    return (CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
        CHINESE_DIGITS.index(units) + 1 if units else 0
    )


def outline_levels(paragraphs: Sequence[Paragraph], diagnostics: Diagnostics) -> dict[int, int]:
    """The level of each paragraph (by index) that is a subheading of the article.

    A heading heads text (``listed``). A numbering scheme is an outline only if it
    counts past 1 somewhere in the article (or is one of the schemes that stand
    ``alone``): a lone "1. …" is a numbered line of text, not a heading."""
    numbered: dict[int, tuple[str, int]] = {}
    for index, paragraph in enumerate(paragraphs):
        found = block_kind(paragraph)
        if found is not None and found[0] is BlockKind.SUBHEADING:
            numbered[index] = heading_number(paragraph.text.value) or ("", 0)
    for index in listed(numbered, len(paragraphs)):
        del numbered[index]
    counting = {scheme for scheme, number in numbered.values() if number > 1}
    counting |= {scheme.name for scheme in NUMBERINGS if scheme.alone}
    outline = Outline(diagnostics)
    levels: dict[int, int] = {}
    for index, (scheme, number) in numbered.items():
        if scheme in counting and (level := outline.place(paragraphs[index], scheme, number)):
            levels[index] = level
    return levels


def listed(numbered: dict[int, tuple[str, int]], count: int) -> set[int]:
    """The numbered paragraphs that head nothing: the last of the article, and runs of
    one scheme with no text between them (a list of short items, "1. GB/T …")."""
    heads_nothing = {count - 1} & set(numbered)
    for before, after in pairwise(sorted(numbered)):
        if after == before + 1 and numbered[before][0] == numbered[after][0]:
            heads_nothing |= {before, after}
    return heads_nothing


@dataclass
class Outline:
    """One article's subheadings so far. The first numbering scheme seen is level 1,
    the next new one level 2, and so on (as Chinese official texts nest them); a
    heading restarts the numbering of every deeper level."""

    diagnostics: Diagnostics
    schemes: list[str] = field(default_factory=list)  # by level, from 1
    last: dict[str, int] = field(default_factory=dict)  # last number in each scheme

    def place(self, paragraph: Paragraph, scheme: str, number: int) -> int | None:
        """The subheading's level, or None when it is to stay a paragraph: a new
        scheme that does not start at 1 is a numbered sentence, not an outline."""
        if scheme not in self.schemes:
            if number != 1:
                self.diagnostics.warn(
                    paragraph,
                    f"numbered like a subheading ({scheme}) but its numbering starts at "
                    f"{number}, not 1; kept as a paragraph",
                )
                return None
            self.schemes.append(scheme)
        level = self.schemes.index(scheme) + 1
        expected = self.last.get(scheme, 0) + 1
        if number != expected:
            self.diagnostics.warn(
                paragraph,
                f"subheading numbered {number} where {expected} was expected "
                f"(level {level}, {scheme}); kept as numbered",
            )
        for deeper in self.schemes[level:]:
            self.last.pop(deeper, None)
        self.last[scheme] = number
        return level
