"""Footnotes in a built page's HTML, read the same way for MkDocs' and Zensical's sites."""

from __future__ import annotations

import re

from bs4 import Tag

CJK = "[\u4e00-\u9fff]"


def assert_notes_show_their_labels(article: Tag) -> None:
    """Every note of a page reads as the source's number its label carries (``16``, or
    ``16-3`` for a number the export repeats): the reference in the text, the item's
    number in the list of notes (``value``) and the Chinese title of its back link."""
    for reference in article.select("a.footnote-ref"):
        number = source_number(str(reference["href"]).removeprefix("#fn:"))
        assert reference.get_text() == number, f"note {number} reads {reference.get_text()!r}"
    for item in article.select('div.footnote li[id^="fn:"]'):
        number = source_number(str(item["id"]).removeprefix("fn:"))
        assert item.get("value") == number, f"note {number} is numbered {item.get('value')!r}"
        backlinks = item.select("a.footnote-backref")
        assert backlinks, f"note {number} has no back link"
        for backlink in backlinks:
            title = str(backlink.get("title", ""))
            assert number in title and re.search(CJK, title), f"note {number}: title {title!r}"


def source_number(label: str) -> str:
    assert re.fullmatch(r"[0-9]+(-[0-9]+)?", label), f"label {label!r} carries no number"
    return label.split("-")[0]
