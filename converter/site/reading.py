"""The one reading of Markdown: a page's body parsed as the site renders it.

MkDocs renders the pages with Python-Markdown and the extensions ``mkdocs.yml``
configures; the editors' check (``converter check``), the feed (an issue's summary
read back from its page) and search (``sitesearch/pages.py``) read a page through
that same parser, here, so none of them can disagree with what a reader sees: with
this configuration ``` and ~~~ open no code block (no ``fenced_code``), a ``|``
inside inline code splits no table cell, a footnote reference inside code is text,
and a second definition of one footnote replaces the first.

``toc`` is left out: it adds ids and permalinks, no text. The parse stops at the
element tree (no HTML is written); raw HTML stays in the parser's stash, read here
for its text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown import util
from markdown.extensions.tables import TableExtension, TableProcessor

from .footnote_numbers import SourceNumberedFootnotes

# mkdocs.yml's markdown_extensions, but toc (tests/test_reading.py compares them).
EXTENSIONS = ("abbr", "attr_list", "md_in_html", "converter.site.footnote_numbers", "tables")
# The two read with a recorder of what their tree no longer shows.
RECORDED = ("converter.site.footnote_numbers", "tables")
LEFT_OUT = ("toc",)  # ids and permalinks: no text a check, the feed or search reads
# Elements that hold a line of text of their own (a paragraph, a heading, a cell's row).
BLOCKS = frozenset(
    (
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote"),
        *("div", "figure", "figcaption", "table", "thead", "tbody", "tr", "ol", "ul", "dl"),
        "hr",
    )
)
CELLS = frozenset(("td", "th"))
# Written by the parser for what it keeps aside: raw HTML, entities (the stash), and
# its own marks (a note's back link, a no-break space) that are no text.
PLACEHOLDER = re.compile(f"{util.STX}(?:wzxhzdk:([0-9]+)|[^{util.ETX}]*){util.ETX}")
UNDEFINED_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


@dataclass(frozen=True)
class TableRow:
    text: str  # the row as written
    cells: int  # as the tables extension splits it (a | in inline code splits nothing)


@dataclass
class Recorded:
    """What the parse met on the way that its tree no longer shows."""

    tables: list[list[TableRow]] = field(default_factory=list)  # header first, no rule
    definitions: list[str] = field(default_factory=list)  # footnote labels, repeats kept
    references: set[str] = field(default_factory=set)  # labels referenced and defined


class RecordingTables(TableProcessor):
    def __init__(self, parser: Any, config: dict[str, Any], recorded: Recorded) -> None:
        super().__init__(parser, config)
        self.recorded = recorded

    def run(self, parent: Element, blocks: list[str]) -> None:
        lines = blocks[0].split("\n")
        rows = [lines[0], *lines[2:]]
        split = self._split_row  # type: ignore[attr-defined]  # the extension's own; no stub
        self.recorded.tables.append(
            [TableRow(row.strip(), len(split(row.strip(" ")))) for row in rows]
        )
        super().run(parent, blocks)


class RecordingFootnotes(SourceNumberedFootnotes):
    def __init__(self, recorded: Recorded, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.recorded = recorded

    def setFootnote(self, id: str, text: str) -> None:
        self.recorded.definitions.append(id)
        super().setFootnote(id, text)

    def addFootnoteRef(self, id: str) -> None:
        self.recorded.references.add(id)
        super().addFootnoteRef(id)


class Reader:
    """One parser, reused page after page (made once: building it costs more than a
    page)."""

    def __init__(self) -> None:
        self.recorded = Recorded()
        names = [name for name in EXTENSIONS if name not in RECORDED]
        self.md = markdown.Markdown(
            extensions=[*names, RecordingFootnotes(self.recorded), TableExtension()]
        )
        tables = RecordingTables(self.md.parser, {"use_align_attribute": False}, self.recorded)
        self.md.parser.blockprocessors.register(tables, "table", 75)

    def read(self, source: str) -> Reading:
        self.md.reset()
        self.recorded.tables.clear()
        self.recorded.definitions.clear()
        self.recorded.references.clear()
        md = self.md
        lines = source.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root = md.parser.parseDocument(lines).getroot()
        assert root is not None
        for treeprocessor in md.treeprocessors:
            if treeprocessor is not md.treeprocessors["prettify"]:
                root = treeprocessor.run(root) or root
        stash = [str(block) for block in md.htmlStash.rawHtmlBlocks]
        return Reading(
            source,
            root,
            tuple(stash),
            tuple(tuple(rows) for rows in self.recorded.tables),
            tuple(self.recorded.definitions),
            frozenset(self.recorded.references),
        )


@dataclass(frozen=True)
class Reading:
    """A page's Markdown as the site renders it."""

    source: str
    root: Element
    stash: tuple[str, ...]  # raw HTML and entities, by their placeholder's number
    tables: tuple[tuple[TableRow, ...], ...]
    definitions: tuple[str, ...]
    references: frozenset[str]

    def line_of(self, needle: str, first_line: int = 1) -> int:
        """The number of the first line of the source holding ``needle`` (its first
        line when none does), counted from ``first_line``."""
        found = self.lines_of(needle, first_line)
        return found[0] if found else first_line

    def lines_of(self, needle: str, first_line: int = 1) -> list[int]:
        """The numbers of the source's lines holding ``needle``."""
        lines = enumerate(self.source.split("\n"), start=first_line)
        return [number for number, line in lines if needle and needle in line]

    def text(self, element: Element, without: frozenset[str] = frozenset()) -> str:
        """An element's text as a reader reads it (whitespace kept as written),
        without the text of the elements named in ``without`` (``a``: links)."""
        return html_text("".join(self.pieces(element, without)))

    def pieces(self, element: Element, without: frozenset[str] = frozenset()) -> Iterator[str]:
        """The element as HTML, its raw HTML put back from the stash, with a line end
        around each block and a space before each cell."""
        if is_hidden(element) or element.tag in without:
            return
        if element.text:
            yield self.unstash(element.text)
        for child in element:
            if child.tag in BLOCKS:
                yield "\n"
            elif child.tag in CELLS:
                yield " "
            yield from self.pieces(child, without)
            if child.tag in BLOCKS:
                yield "\n"
            if child.tail:
                yield self.unstash(child.tail)

    def unstash(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            number = match.group(1)
            if number is None or int(number) >= len(self.stash):
                return ""
            return self.stash[int(number)]

        return PLACEHOLDER.sub(replace, text.replace("<", "&lt;"))

    def blocks(self, element: Element | None = None) -> Iterator[Element]:
        """The innermost block elements, in order: each a line of text."""
        for child in self.root if element is None else element:
            if is_hidden(child):
                continue
            if any(grandchild.tag in BLOCKS for grandchild in child):
                yield from self.blocks(child)
            elif child.tag in BLOCKS:
                yield child

    def plain_text(self) -> str:
        """The page's text without markup, a line per block (a table row a line, its
        cells a space apart)."""
        lines = (" ".join(line.split()) for line in self.text(self.root).split("\n"))
        return "\n".join(line for line in lines if line)

    def links(self) -> Iterator[tuple[str, str]]:
        """Every link's text and address."""
        for element in self.root.iter("a"):
            if not is_hidden(element) and "footnote-ref" not in element.get("class", ""):
                yield self.text(element), element.get("href", "")

    def undefined_references(self) -> Iterator[str]:
        """Footnote references no definition answers: they stay text (``[^3]``)."""
        for block in self.blocks():
            if block.tag != "pre":
                yield from UNDEFINED_REFERENCE.findall(self.text_outside_code(block))

    def text_outside_code(self, element: Element) -> str:
        pieces = [element.text or ""] if element.tag != "code" else []
        for child in element:
            pieces.append(self.text_outside_code(child))
            pieces.append(child.tail or "")
        return "".join(pieces)


def is_hidden(element: Element) -> bool:
    """What the page shows no reader as text: a note's number in the text and its
    back link, an image (its alt repeats the caption), a span for search only."""
    classes = element.get("class", "").split()
    return (
        (element.tag == "sup" and element.get("id", "").startswith("fnref"))
        or "footnote-backref" in classes
        or element.tag == "img"
        or element.get("aria-hidden") == "true"
    )


class HtmlText(HTMLParser):
    """The text of raw HTML as a reader reads it: tags dropped, a block's end a line
    end, what is ``aria-hidden`` left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden or ("aria-hidden", "true") in attrs:
            self.hidden.append(tag)
        elif tag in BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden.pop()
        elif tag in BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


def html_text(raw: str) -> str:
    """The text of some HTML (a block's end a line end)."""
    if "<" not in raw:
        return html.unescape(raw)
    parser = HtmlText()
    parser.feed(raw)
    parser.close()
    return "".join(parser.pieces)


READER = Reader()


def read(source: str) -> Reading:
    """``source`` (a page's body) read as the site renders it."""
    return READER.read(source)
