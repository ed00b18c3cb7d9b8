"""The real sample, edited the way another issue may differ, and what to compare.

A test edits ``archive/2023-07.txt`` (its furniture reprinted, a footnote carried
over to the next page…) and asserts that ``convert`` of the edited text gives the
``unmodified`` conversion: the same issue as a reader sees it, and the same warnings,
both without the export's line numbers (an edit moves the lines).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from converter.model import Article, Block, Figure, Issue, Paragraph, Subheading, Table
from converter.passes import convert_bytes

SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"
PATH = "archive/2023-07.txt"
LINE_NUMBER = re.compile(r"^[^:]*:\d+: ")


def content(issue: Issue) -> tuple[object, ...]:
    """What a reader sees of an issue, without the export's line numbers."""
    return (
        issue.id,
        issue.headings,
        tuple(block_content(block) for block in issue.summary),
        tuple(article_content(article) for article in issue.articles),
    )


def article_content(article: Article) -> tuple[object, ...]:
    notes = tuple((note.number, note.text, note.linked) for note in article.footnotes)
    return (
        article.title,
        article.date,
        article.section,
        article.section_inferred,
        article.authors,
        tuple(block_content(block) for block in article.blocks),
        notes,
    )


def block_content(block: Block) -> object:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Subheading | Figure | Table):
        return replace(block, line=0)
    raise AssertionError(block)


def convert(text: str) -> tuple[tuple[object, ...], list[str]]:
    issue, diagnostics = convert_bytes(text.encode(), PATH)
    warnings = [LINE_NUMBER.sub("", str(warning)) for warning in diagnostics.warnings]
    return content(issue), warnings


@cache
def unmodified() -> tuple[tuple[object, ...], list[str]]:
    return convert(SAMPLE.read_text(encoding="utf-8"))
