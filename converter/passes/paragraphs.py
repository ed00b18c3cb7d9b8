"""The paragraphs pass: ``Layout`` → body ``Paragraph``s in reading order.

Joins the body lines that the extractor wrapped at the page width, across page
breaks and footnote areas (which are skipped, not ended on), and removes spacing
artefacts. A line ending with a space ends its paragraph, except where the space
only separates two Latin words or sits inside an open bracket; a line before a
dateline ("6 月 28 日，") always ends its paragraph, even one ending in a code.
Blank space left on the page ends a paragraph too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Layout, Line, LineKind, Paragraph, Text
from ..patterns import DATELINE
from ..text import join_wrapped, normalise_spacing, spaces_script_boundaries, unjustify
from .blocks import CAPTION_NUMBER

# Lines that take no part in the running text: they are neither joined nor end it.
TRANSPARENT = frozenset(
    {
        LineKind.NOTE,
        LineKind.NOTE_SEPARATOR,
        LineKind.PAGE_NUMBER,
        LineKind.RUNNING_HEADER,
        LineKind.PAGE_GAP,
    }
)
# A Latin word or number before a trailing space and one starting the next line are
# words of one sentence ("《IEC " + "62208:2023"), not a paragraph end.
LATIN_END = re.compile(r"[A-Za-z0-9.,:;)\]/&+\-]$")
LATIN_START = re.compile(r"^[A-Za-z0-9(\[]")
# A circled enumerator ("③ ") introduces what follows; it cannot end a paragraph.
ENUMERATOR_END = re.compile(r"[\u2460-\u2473]$")
# Brackets that, left open, mean the sentence goes on ("《BS 8646:2023 " + "农业…").
# A caption's label alone on its line ("表 1", "图 2."): a caption has a title, so
# the next line of the same extractor block is its title, not a new paragraph.
LABEL_ONLY = re.compile(rf"^[图表]\s*{CAPTION_NUMBER}\s*[.．:：]?$")
OPENING = "《（("
CLOSING = "》）)"


def spaces_boundaries(layout: Layout) -> bool:
    """Does this export space Chinese from Latin text inside its body lines?"""
    return spaces_script_boundaries(
        [line.text for line in layout.lines if line.kind is LineKind.BODY]
    )


def build_paragraphs(layout: Layout, spaced: bool | None = None) -> tuple[Paragraph, ...]:
    """The body paragraphs; ``spaced`` is the document's ``spaces_boundaries``."""
    if spaced is None:
        spaced = spaces_boundaries(layout)
    return tuple(make_paragraph(group, spaced) for group in group_lines(layout.lines))


def group_lines(lines: tuple[Line, ...]) -> Iterator[list[Line]]:
    body = [line for line in lines if line.kind not in TRANSPARENT]
    current: list[Line] = []
    for index, line in enumerate(body):
        if line.kind is LineKind.BLANK:
            if current:
                yield current
            current = []
            continue
        current.append(line)
        following = body[index + 1] if index + 1 < len(body) else None
        if ends_paragraph(current, following):
            yield current
            current = []
    if current:
        yield current


def ends_paragraph(current: list[Line], following: Line | None) -> bool:
    last = current[-1]
    if following is None:
        return True
    if not last.ends_with_space:
        return False
    before_space = last.text.rstrip(" ")
    if ENUMERATOR_END.search(before_space):
        return False
    if LABEL_ONLY.match(before_space) and not following.starts_block:
        return False
    next_text = following.text.lstrip(" ")
    if DATELINE.match(next_text):
        return True  # a dateline opens an article: the line before it (a title) is done
    if LATIN_END.search(before_space) and LATIN_START.search(next_text):
        return False
    return not has_open_bracket("".join(line.text for line in current))


def has_open_bracket(text: str) -> bool:
    depth = 0
    for char in text:
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
    return depth > 0


def make_paragraph(lines: list[Line], space_script_boundaries: bool) -> Paragraph:
    pieces = [unjustify(line.text) for line in lines]
    text = normalise_spacing(join_wrapped(pieces, space_script_boundaries))
    return Paragraph(lines=tuple(lines), text=Text(text))
