"""The order of the passes, in one place.

Each pass takes the ``Draft`` and returns it with its own part filled in. The pass
modules hold the logic; the adapters here only move data between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .accounting import check_nothing_lost
from .decode import decode_bytes
from .footnotes import link_footnotes, read_definitions
from .layout import read_layout
from .model import Draft, Issue, Warning_
from .paragraphs import build_paragraphs
from .structure import build_structure
from .table_placement import place_tables
from .tags import find_article_standards, tag_articles

Pass = Callable[[Draft], Draft]


def decode_pass(draft: Draft) -> Draft:
    return replace(draft, source=decode_bytes(draft.data, draft.path))


def layout_pass(draft: Draft) -> Draft:
    assert draft.source is not None
    return replace(draft, layout=read_layout(draft.source))


def paragraphs_pass(draft: Draft) -> Draft:
    assert draft.layout is not None
    return replace(draft, paragraphs=build_paragraphs(draft.layout))


def structure_pass(draft: Draft) -> Draft:
    assert draft.layout is not None
    structure = build_structure(draft.layout, draft.paragraphs)
    issue = Issue(
        id=structure.id,
        source=draft.layout.source,
        summary=tuple(structure.summary),
        articles=tuple(structure.articles),
        headings=tuple(structure.headings),
    )
    return replace(draft, issue=issue, warnings=draft.warnings + tuple(structure.warnings))


def tables_pass(draft: Draft) -> Draft:
    assert draft.issue is not None
    warnings: list[Warning_] = []
    articles = tuple(
        place_tables(article, draft.issue.source.path, warnings) for article in draft.issue.articles
    )
    issue = replace(draft.issue, articles=articles)
    return replace(draft, issue=issue, warnings=draft.warnings + tuple(warnings))


def footnotes_pass(draft: Draft) -> Draft:
    assert draft.issue is not None and draft.layout is not None
    warnings: list[Warning_] = []
    notes = read_definitions(draft.layout, warnings)
    summary, articles = link_footnotes(
        draft.issue.summary, draft.issue.articles, notes, draft.issue.source.path, warnings
    )
    issue = replace(draft.issue, summary=summary, articles=articles, footnotes=notes)
    return replace(draft, issue=issue, warnings=draft.warnings + tuple(warnings))


def tags_pass(draft: Draft) -> Draft:
    assert draft.issue is not None
    return replace(draft, issue=replace(draft.issue, articles=tag_articles(draft.issue.articles)))


def standards_pass(draft: Draft) -> Draft:
    assert draft.issue is not None
    articles = find_article_standards(draft.issue.articles)
    return replace(draft, issue=replace(draft.issue, articles=articles))


def accounting_pass(draft: Draft) -> Draft:
    assert draft.issue is not None and draft.layout is not None
    return replace(draft, report=tuple(check_nothing_lost(draft.layout, draft.issue).lines()))


# Tables come before footnotes so that a marker inside a table cell could be found
# in the rebuilt cell rather than in the flattened lines.
PASSES: tuple[tuple[str, Pass], ...] = (
    ("decode", decode_pass),
    ("layout", layout_pass),
    ("paragraphs", paragraphs_pass),
    ("structure", structure_pass),
    ("tables", tables_pass),
    ("footnotes", footnotes_pass),
    ("tags", tags_pass),
    ("standards", standards_pass),
    ("accounting", accounting_pass),
)


def run_passes(data: bytes, path: str) -> Draft:
    """Run every pass on one export; raises ``ConversionError`` on bad input."""
    draft = Draft(path=path, data=data)
    for _name, run in PASSES:
        draft = run(draft)
    assert draft.issue is not None
    return replace(draft, issue=replace(draft.issue, warnings=draft.warnings))


def convert_bytes(data: bytes, path: str) -> tuple[Issue, tuple[Warning_, ...]]:
    draft = run_passes(data, path)
    assert draft.issue is not None
    return draft.issue, draft.warnings
