"""The layout pass: ``Source`` → ``Layout``, every export line classified.

Takes the decoded text and gives each text line its page, whether it starts an
extractor block, and its kind: body text, blank space left on the page, the rule
and lines of a footnote area, or page furniture (page number, running header and
the whitespace around them).

The export separates the lines of one block by a blank line and starts a new block
after a single newline; a page's first line is indented by one space, except on a
page that follows page furniture (the furniture itself marks the turn).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostics
from ..model import Layout, Line, LineKind, Source
from ..patterns import ISSUE_IN_TEXT
from .footnotes import DATE_OR_UNIT, RESTART, definition_start, marker_candidates, number_of
from .furniture import Spot, learn_furniture

# The rule above a footnote area is a line of spaces as wide as the page; 20 is far
# above any whitespace-only filler line seen (1 or 2 spaces).
NOTE_RULE_MIN_SPACES = 20
PAGE_INDENT = " "


@dataclass(frozen=True)
class RawLine:
    number: int
    text: str
    starts_block: bool


def read_layout(source: Source, diagnostics: Diagnostics | None = None) -> Layout:
    """The classified lines; what the furniture's evidence disagrees on goes to
    ``diagnostics`` (dropped when there is none, as in the layout's own tests)."""
    raw = list(split_lines(source.text))
    kinds = classify(raw, diagnostics or Diagnostics(source.path))
    lines = tuple(assign_pages(raw, kinds))
    return Layout(source=source, lines=lines, issue_header=issue_header(lines))


def issue_header(lines: tuple[Line, ...]) -> str | None:
    """The furniture line that names the issue, else the first running header."""
    furniture = [line.text.strip() for line in lines if line.kind in FURNITURE_TEXT]
    named = (text for text in furniture if ISSUE_IN_TEXT.search(text))
    headers = (line.text.strip() for line in lines if line.kind is LineKind.RUNNING_HEADER)
    return next(named, next(headers, None))


def split_lines(text: str) -> Iterator[RawLine]:
    """Yield the text lines, telling a block separator (blank line) from a new block.

    After a text line, an empty line is the separator inside a block; a text line
    right after another one begins a new block. An empty line where a text line is
    due is itself an (empty) text line.
    """
    physical = text.split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    index = 0
    starts_block = True
    while index < len(physical):
        yield RawLine(number=index + 1, text=physical[index], starts_block=starts_block)
        if index + 1 < len(physical) and physical[index + 1] == "":
            index += 2
            starts_block = False
        else:
            index += 1
            starts_block = True


def is_page_start(line: RawLine) -> bool:
    return line.starts_block and line.text.startswith(PAGE_INDENT) and bool(line.text.strip())


def is_note_rule(text: str) -> bool:
    return not text.strip() and len(text) >= NOTE_RULE_MIN_SPACES


def is_blank(text: str) -> bool:
    return not text.strip()


def classify(raw: list[RawLine], diagnostics: Diagnostics) -> list[LineKind]:
    kinds = [initial_kind(line.text) for line in raw]
    mark_furniture(raw, kinds, diagnostics)
    if LineKind.NOTE_SEPARATOR in kinds:
        mark_note_areas(raw, kinds)
    else:
        mark_unruled_note_areas(raw, kinds, diagnostics)
    return kinds


def initial_kind(text: str) -> LineKind:
    if is_note_rule(text):
        return LineKind.NOTE_SEPARATOR
    if is_blank(text):
        return LineKind.BLANK
    return LineKind.BODY


def mark_note_areas(raw: list[RawLine], kinds: list[LineKind]) -> None:
    """A footnote area runs from its rule to the next page or page furniture. Its
    first line is a note even when it begins with a space (a definition's wrapped
    text continued from the page before): a page does not open under a rule."""
    in_notes = after_rule = False
    for index, line in enumerate(raw):
        if kinds[index] is LineKind.NOTE_SEPARATOR:
            in_notes = after_rule = True
            continue
        if not in_notes:
            continue
        opens_page = is_page_start(line) and not after_rule
        after_rule = False
        if opens_page or kinds[index] is not LineKind.BODY:
            in_notes = False
            continue
        kinds[index] = LineKind.NOTE


def mark_unruled_note_areas(
    raw: list[RawLine], kinds: list[LineKind], diagnostics: Diagnostics
) -> None:
    """An export with no rule at all (drawn, not printed as spaces): a footnote area
    is a block that opens with the next note's number (or a restart at 1), not at a
    page's top, whose marker is glued to the body text since the area before; it runs
    to the page's end (furniture, space or the next page). Reported once, at the first."""
    expected = RESTART
    marked: set[int] = set()
    first: int | None = None
    index = 0
    while index < len(raw):
        if kinds[index] is not LineKind.BODY:
            index += 1
            continue
        line = raw[index]
        if not opens_unruled_area(line, expected, marked):
            marked.update(number_of(match) for match in marker_candidates(line.text))
            index += 1
            continue
        end = unruled_area_end(raw, kinds, index)
        numbers = [note_number(raw[at]) for at in range(index, end) if raw[at].starts_block]
        for at in range(index, end):
            kinds[at] = LineKind.NOTE
        expected = max(n for n in numbers if n is not None) + 1
        marked = set()
        first = line.number if first is None else first
        index = end
    if first is not None:
        diagnostics.warn(
            first,
            "no footnote rule in this export: each footnote area is read as a block at a "
            "page's foot opening with the next note's number, its marker in the text before",
        )


def note_number(line: RawLine) -> int | None:
    match = definition_start(line.text)
    after = line.text[match.end() : match.end() + 1] if match else ""
    if not match or not after or after in DATE_OR_UNIT:  # '6 月', '3 个': a date, a count
        return None
    return number_of(match)


def opens_unruled_area(line: RawLine, expected: int, marked: set[int]) -> bool:
    number = note_number(line)
    return (
        line.starts_block
        and not is_page_start(line)
        and number in (expected, RESTART)
        and number in marked
    )


def unruled_area_end(raw: list[RawLine], kinds: list[LineKind], start: int) -> int:
    end = start + 1
    while end < len(raw) and kinds[end] is LineKind.BODY and not is_page_start(raw[end]):
        end += 1
    return end


def mark_furniture(raw: list[RawLine], kinds: list[LineKind], diagnostics: Diagnostics) -> None:
    """Page numbers, running headers and the whitespace around them, as this export
    prints them (``furniture.learn_furniture``)."""
    spots = [
        Spot(text=line.text, kind=kind, opens_page=is_page_start(line))
        for line, kind in zip(raw, kinds, strict=True)
    ]
    found = learn_furniture(spots)
    for index, kind in found.kinds.items():
        kinds[index] = kind
    for index, message in found.warnings:
        diagnostics.warn(raw[index].number, message)


FURNITURE_TEXT = (LineKind.PAGE_NUMBER, LineKind.RUNNING_HEADER)
FURNITURE = (*FURNITURE_TEXT, LineKind.PAGE_GAP)


def assign_pages(raw: list[RawLine], kinds: list[LineKind]) -> Iterator[Line]:
    """Number the pages: one begins at an indented block start or after furniture."""
    page = 1
    after_furniture = False
    for index, (line, kind) in enumerate(zip(raw, kinds, strict=True)):
        furniture = kind in FURNITURE
        opens = is_page_start(line) and kind is not LineKind.NOTE
        turns = index > 0 and (opens or (after_furniture and not furniture))
        page += turns
        after_furniture = furniture
        yield Line(
            number=line.number,
            text=line.text[len(PAGE_INDENT) :] if opens else line.text,
            page=page,
            kind=kind,
            starts_block=line.starts_block,
            starts_page=index == 0 or turns,
        )
