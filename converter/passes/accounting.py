"""Last check before rendering: every character of the export is accounted for.

Whitespace is layout. Every other character of the export either reaches the
issue (titles, text, table cells, figure captions, footnotes, authors, section
names) or falls into a named category of what is removed on purpose: page
numbers, the running header, footnote markers that became links, footnote
numbers, the parentheses around authors. Text that went nowhere is an error
naming the export lines that held it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..diagnostics import Diagnostics
from ..model import (
    Article,
    Block,
    Figure,
    Issue,
    Layout,
    LineKind,
    Paragraph,
    Subheading,
    Table,
)
from .blocks import NUMBER_AND_SEPARATOR

REMOVED_LINE_KINDS = {
    LineKind.PAGE_NUMBER: "page number",
    LineKind.RUNNING_HEADER: "running header",
}
# An author line's parentheses, full- or half-width (structure.AUTHORS).
AUTHOR_PARENTHESES = frozenset("（）()")
DEFAULT_AUTHOR_PARENTHESES = "（）"
# How many export lines to name, and lost characters to quote, in the error.
MAX_PLACES = 3
MAX_SHOWN = 20
# A caption's number reaches the issue as a number, whatever its printed form
# ("表 1.", "表1：", "图 １．"); that form is read back from the caption's own line.
CAPTION_LABEL = re.compile(rf"^\s*[图表]{NUMBER_AND_SEPARATOR}")


@dataclass
class Accounting:
    """Non-whitespace characters: in the export, kept, and removed by category."""

    exported: int = 0
    kept: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)
    places: list[int] = field(default_factory=list)  # lines that held lost text
    unexpected: Counter[str] = field(default_factory=Counter)  # output not in the export

    def lines(self) -> list[str]:
        rows = [f"exported: {self.exported}", f"kept: {self.kept}"]
        rows += [
            f"removed ({category}): {count}" for category, count in sorted(self.removed.items())
        ]
        rows.append(f"lost: {sum(self.lost.values())}")
        rows.append(f"added: {sum(self.unexpected.values())}")
        return rows


def visible(text: str) -> Counter[str]:
    counts = Counter(text)  # counted in C; then the whitespace is dropped
    for char in [char for char in counts if char.isspace()]:
        del counts[char]
    return counts


def account(layout: Layout, issue: Issue) -> Accounting:
    result = Accounting()
    exported = visible(layout.source.text)
    removed_chars = Counter[str]()
    for line in layout.lines:
        if category := REMOVED_LINE_KINDS.get(line.kind):
            chars = visible(line.text)
            result.removed[category] += sum(chars.values())
            removed_chars += chars
    result.exported = sum(exported.values())
    labels = {line.number: line.text for line in layout.lines}
    kept = visible("".join(issue_texts(issue, labels)))
    result.kept = sum(kept.values())
    by_category: dict[str, list[str]] = {}
    for category, text in purposeful_removals(issue):
        by_category.setdefault(category, []).append(text)
    for category, texts in by_category.items():
        chars = visible("".join(texts))
        result.removed[category] += sum(chars.values())
        removed_chars += chars
    result.lost = exported - kept - removed_chars
    result.unexpected = kept - exported
    result.places = places_of(layout, result.lost)
    return result


def issue_texts(issue: Issue, lines: Mapping[int, str]) -> Iterator[str]:
    """``lines``: the export's text by line number, for the captions' printed labels."""
    yield from issue.headings
    yield from block_texts(issue.summary, lines)
    for article in issue.articles:
        yield article.title
        yield from article.authors
        yield from block_texts(article.blocks, lines)
        # A footnote counts where it is shown: on its article's page.
        yield from (note.text for note in article.footnotes)


def block_texts(blocks: tuple[Block, ...], lines: Mapping[int, str]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text.value
        elif isinstance(block, Subheading):
            yield block.text
        elif isinstance(block, Figure):
            yield caption_label("图", block.number, lines.get(block.line)) + block.caption
        elif isinstance(block, Table):
            yield caption_label("表", block.number, lines.get(block.line)) + block.caption
            yield from (cell for row in (block.header, *block.rows) for cell in row)


def byline_marks(article: Article) -> str:
    """What the author line printed besides its names and parentheses ("编译：", "、")."""
    marks = visible(article.byline) - visible(
        "".join(article.authors) + byline_parentheses(article)
    )
    return "".join(sorted(marks.elements()))


def byline_parentheses(article: Article) -> str:
    """The parentheses the author line was printed with ("（）" or "()")."""
    printed = "".join(char for char in article.byline if char in AUTHOR_PARENTHESES)
    return printed or DEFAULT_AUTHOR_PARENTHESES


def caption_label(kind: str, number: int, line: str | None) -> str:
    """The caption's number as its export line prints it ("表1：")."""
    match = CAPTION_LABEL.match(line or "")
    return match.group(0) if match else f"{kind}{number}."


def purposeful_removals(issue: Issue) -> Iterator[tuple[str, str]]:
    for article in issue.articles:
        if article.authors:
            yield "author parentheses", byline_parentheses(article)
            if role := byline_marks(article):
                yield "author roles and separators", role
        for block in article.blocks:
            if isinstance(block, Paragraph):
                yield from marker_digits(block)
    for block in issue.summary:
        if isinstance(block, Paragraph):
            yield from marker_digits(block)
    for article in issue.articles:
        for note in article.footnotes:
            yield "footnote number", note.printed or str(note.number)


def marker_digits(paragraph: Paragraph) -> Iterator[tuple[str, str]]:
    for ref in paragraph.text.notes:
        yield "footnote marker", ref.printed or str(ref.number)


def places_of(layout: Layout, lost: Counter[str]) -> list[int]:
    """The export lines most made of lost characters, best match first.

    A line scores its lost characters times their share of the line: a long line
    made only of lost text beats both a short one ("1 ", a row number made of a lost
    digit) and a long one that merely shares common characters with the lost text.
    """
    if not lost:
        return []
    scored = []
    for line in layout.lines:
        chars = visible(line.text)
        total = sum(chars.values())
        if total:
            overlap = sum((chars & lost).values())
            scored.append((-overlap * overlap / total, line.number))
    return [number for _, number in sorted(scored)[:MAX_PLACES]]


def check_nothing_lost(layout: Layout, issue: Issue, diagnostics: Diagnostics) -> Accounting:
    """Fail when export text reached neither the output nor a category."""
    result = account(layout, issue)
    if result.lost:
        sample = "".join(sorted(result.lost.elements()))[:MAX_SHOWN]
        also = ", ".join(map(str, result.places[1:]))
        diagnostics.fail(
            result.places[0] if result.places else 1,
            f"{sum(result.lost.values())} characters of text went nowhere ({sample}…)"
            + (f"; also lines {also}" if also else ""),
        )
    return result
