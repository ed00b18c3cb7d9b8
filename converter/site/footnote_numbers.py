"""Python-Markdown's footnotes, shown with the source's numbers (a Markdown extension).

Python-Markdown numbers a page's notes 1, 2, 3… whatever their labels, so note 7 of
an issue reads "1" on its article's page. The bulletin numbers its notes through the
whole issue and readers cite those numbers, so here a note whose label is a number
(``[^7]``) shows that number: in the text, as the number of its item in the list of
notes (the item's ``value``) and in its back link's title. So does ``[^7-12]``, the
label the converter gives a number the export repeats on one page (``-`` and the
definition's key keep the two notes apart; both show 7, as in the source). Any other
label keeps Python-Markdown's number, its place in the list.

Only what the reader sees changes: the Markdown stays ``[^7]``, and the ids, classes
and links are Python-Markdown's, which Material's footnote tooltips read. MkDocs and
Zensical load it by name from ``mkdocs.yml`` (``converter.site.footnote_numbers``), with
the ``footnotes`` extension's options.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

# Python-Markdown's footnote tree-processors run at priorities 50 down to 15 (the last
# adds the back links of a note referenced twice); this one runs after all of them.
NUMBERS_PRIORITY = 14
# A label that carries the source's number: "7", or "7-12" (see issue_pages.footnote_labels).
SOURCE_NUMBER = re.compile(r"([0-9]+)(?:-[0-9]+)?")


class SourceNumberedFootnotes(FootnoteExtension):
    """The ``footnotes`` extension, with the numbers of numeric labels shown."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(ShownNumbers(self), "footnote-numbers", NUMBERS_PRIORITY)


def shown_number(label: str, place: int) -> int:
    """The number a reader sees for a note: the source's number its label carries,
    else its place (from 1) in the page's list of notes."""
    source = SOURCE_NUMBER.fullmatch(label)
    return int(source.group(1)) if source else place


class ShownNumbers(Treeprocessor):
    """Renumbers the finished footnotes: list items, back-link titles, references."""

    def __init__(self, footnotes: FootnoteExtension) -> None:
        super().__init__(footnotes.md)
        self.footnotes = footnotes

    def run(self, root: Element) -> None:
        numbers = self.number_list(root)
        superscript = str(self.footnotes.getConfig("SUPERSCRIPT_TEXT"))
        for link in root.iter("a"):
            href = link.get("href", "")
            if link.get("class") == "footnote-ref" and href in numbers:
                link.text = superscript.format(numbers[href])

    def number_list(self, root: Element) -> dict[str, int]:
        """Sets each item's number in the list of notes; gives ``#`` + item id → number."""
        labels = {self.footnotes.makeFootnoteId(label): label for label in self.footnotes.footnotes}
        items = footnote_items(root)
        backlink_title = str(self.footnotes.getConfig("BACKLINK_TITLE"))
        numbers: dict[str, int] = {}
        for place, item in enumerate(items, start=1):
            item_id = item.get("id", "")
            if item_id not in labels:
                continue
            number = shown_number(labels[item_id], place)
            item.set("value", str(number))
            for link in item.iter("a"):
                if link.get("class") == "footnote-backref":
                    link.set("title", backlink_title.format(number))
            numbers["#" + item_id] = number
        return numbers


def footnote_items(root: Element) -> list[Element]:
    """The items of the list of notes (the first ``div.footnote``, as Python-Markdown
    looks for it)."""
    for div in root.iter("div"):
        if div.get("class") == "footnote":
            notes = div.find("ol")
            return [] if notes is None else notes.findall("li")
    return []


def makeExtension(**kwargs: Any) -> SourceNumberedFootnotes:
    """What Python-Markdown calls to load this module by name, with its options."""
    return SourceNumberedFootnotes(**kwargs)
