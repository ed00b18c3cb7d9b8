"""Pass 2, layout: ``Source`` → ``Layout``, every export line classified.

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

from ..model import Layout, Line, LineKind, Source
from ..patterns import PAGE_NUMBER, RUNNING_HEADER

# The rule above a footnote area is a line of spaces as wide as the page; 20 is far
# above any whitespace-only filler line seen (1 or 2 spaces).
NOTE_RULE_MIN_SPACES = 20
PAGE_INDENT = " "


@dataclass(frozen=True)
class RawLine:
    number: int
    text: str
    starts_block: bool


def read_layout(source: Source) -> Layout:
    raw = list(split_lines(source.text))
    kinds = classify(raw)
    lines = tuple(assign_pages(raw, kinds))
    header = next(
        (line.text.strip() for line in lines if line.kind is LineKind.RUNNING_HEADER), None
    )
    return Layout(source=source, lines=lines, issue_header=header)


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


def classify(raw: list[RawLine]) -> list[LineKind]:
    kinds = [initial_kind(line.text) for line in raw]
    mark_note_areas(raw, kinds)
    mark_furniture(raw, kinds)
    return kinds


def initial_kind(text: str) -> LineKind:
    if is_note_rule(text):
        return LineKind.NOTE_SEPARATOR
    if is_blank(text):
        return LineKind.BLANK
    if RUNNING_HEADER.match(text):
        return LineKind.RUNNING_HEADER
    return LineKind.BODY


def mark_note_areas(raw: list[RawLine], kinds: list[LineKind]) -> None:
    """A footnote area runs from its rule to the next page or page furniture."""
    in_notes = False
    for index, line in enumerate(raw):
        if kinds[index] is LineKind.NOTE_SEPARATOR:
            in_notes = True
            continue
        if not in_notes:
            continue
        if is_page_start(line) or kinds[index] is not LineKind.BODY:
            in_notes = False
            continue
        kinds[index] = LineKind.NOTE


def mark_furniture(raw: list[RawLine], kinds: list[LineKind]) -> None:
    """Mark page numbers and the blank lines around them and the running header.

    A digits-only line is a page number only inside a run of blank lines that also
    holds the running header, or between two blank lines: a table's row number is
    neither. The running header closes its run: a digits-only line right after it
    opens the next page (a table row's number), it is not furniture. The furniture
    opens with its empty text line: whitespace lines before that one are blank space
    left on the page (a part-empty page, the evidence of a lost section heading).
    """
    for start, end in furniture_candidates(raw, kinds):
        headers = [i for i in range(start, end) if kinds[i] is LineKind.RUNNING_HEADER]
        has_header = bool(headers)
        run = range(start, headers[-1] + 1) if headers else range(start, end)
        numbers = [i for i in run if PAGE_NUMBER.match(raw[i].text)]
        framed = [i for i in numbers if start < i < end - 1]
        if not has_header and not framed:
            continue
        for i in range(furniture_start(raw, kinds, run), run.stop):
            if kinds[i] is LineKind.BLANK:
                kinds[i] = LineKind.PAGE_GAP
            elif i in numbers:
                kinds[i] = LineKind.PAGE_NUMBER


def furniture_start(raw: list[RawLine], kinds: list[LineKind], run: range) -> int:
    """Where the furniture of a run begins: at its empty text line, if one comes
    before the page number and header (as in every run of the sample), else at the
    run's start."""
    for i in run:
        if kinds[i] is not LineKind.BLANK:
            return run.start
        if raw[i].text == "":
            return i
    return run.start


def furniture_candidates(raw: list[RawLine], kinds: list[LineKind]) -> Iterator[tuple[int, int]]:
    """Maximal runs of blank, digits-only and header lines (half-open ranges)."""
    index = 0
    while index < len(raw):
        if not could_be_furniture(raw[index], kinds[index]):
            index += 1
            continue
        start = index
        while index < len(raw) and could_be_furniture(raw[index], kinds[index]):
            index += 1
        yield start, index


def could_be_furniture(line: RawLine, kind: LineKind) -> bool:
    if kind in (LineKind.BLANK, LineKind.RUNNING_HEADER):
        return True
    return kind is LineKind.BODY and bool(PAGE_NUMBER.match(line.text))


FURNITURE = (LineKind.PAGE_NUMBER, LineKind.RUNNING_HEADER, LineKind.PAGE_GAP)


def assign_pages(raw: list[RawLine], kinds: list[LineKind]) -> Iterator[Line]:
    """Number the pages: one begins at an indented block start or after furniture."""
    page = 1
    after_furniture = False
    for index, (line, kind) in enumerate(zip(raw, kinds, strict=True)):
        furniture = kind in FURNITURE
        turns = index > 0 and (is_page_start(line) or (after_furniture and not furniture))
        page += turns
        after_furniture = furniture
        yield Line(
            number=line.number,
            text=line.text[len(PAGE_INDENT) :] if is_page_start(line) else line.text,
            page=page,
            kind=kind,
            starts_block=line.starts_block,
            starts_page=index == 0 or turns,
        )
