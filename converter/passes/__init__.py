"""The passes of a conversion, in order: export bytes → ``Issue``.

Each pass takes the ``Draft`` and returns it with its own part filled in; what it
has to say goes to the export's ``Diagnostics``. The pass modules hold the logic;
the adapters here only move data between them. Rendering comes after the passes
(``converter.site``), and only it knows Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..model import Draft, Issue
from .accounting import check_nothing_lost
from .datelines import check_datelines
from .decode import decode_bytes
from .footnotes import link_footnotes, read_definitions
from .layout import read_layout
from .paragraphs import build_paragraphs, spaces_boundaries
from .sections import infer_sections
from .standards import find_article_standards
from .structure import build_structure
from .structure_accounting import check_structure
from .tables import place_tables
from .tags import tag_articles

Pass = Callable[[Draft, Diagnostics], Draft]


def decode_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    return replace(draft, source=decode_bytes(draft.data, diagnostics))


def layout_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.source is not None
    return replace(draft, layout=read_layout(draft.source, diagnostics))


def paragraphs_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.layout is not None
    spaced = spaces_boundaries(draft.layout)
    return replace(draft, spaced=spaced, paragraphs=build_paragraphs(draft.layout, spaced))


def structure_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.layout is not None
    structure = build_structure(draft.layout, draft.paragraphs, diagnostics)
    issue = Issue(
        id=structure.id,
        source=draft.layout.source,
        summary=tuple(structure.summary),
        articles=tuple(structure.articles),
        headings=tuple(structure.headings),
    )
    return replace(draft, issue=issue)


def sections_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    articles = infer_sections(draft.issue.articles, diagnostics)
    return replace(draft, issue=replace(draft.issue, articles=articles))


def datelines_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    check_datelines(draft.issue, diagnostics)
    return draft


def structure_accounting_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    check_structure(draft.issue, diagnostics)
    return draft


def tables_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    articles = tuple(
        place_tables(article, draft.spaced, diagnostics) for article in draft.issue.articles
    )
    return replace(draft, issue=replace(draft.issue, articles=articles))


def footnotes_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None and draft.layout is not None
    notes = read_definitions(draft.layout, diagnostics)
    summary, articles = link_footnotes(
        draft.issue.summary, draft.issue.articles, notes, diagnostics
    )
    return replace(draft, issue=replace(draft.issue, summary=summary, articles=articles))


def tags_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    return replace(draft, issue=replace(draft.issue, articles=tag_articles(draft.issue.articles)))


def standards_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None
    articles = find_article_standards(draft.issue.articles)
    return replace(draft, issue=replace(draft.issue, articles=articles))


def accounting_pass(draft: Draft, diagnostics: Diagnostics) -> Draft:
    assert draft.issue is not None and draft.layout is not None
    accounting = check_nothing_lost(draft.layout, draft.issue, diagnostics)
    return replace(draft, accounting=tuple(accounting.lines()))


# Tables come before footnotes: the table pass reads a table's flattened lines, so
# the footnote pass must not take a digit in them for a marker first. Markers inside
# table cells are not linked (their note is shown unlinked under the article).
PASSES: tuple[Pass, ...] = (
    decode_pass,
    layout_pass,
    paragraphs_pass,
    structure_pass,
    sections_pass,
    datelines_pass,
    structure_accounting_pass,
    tables_pass,
    footnotes_pass,
    tags_pass,
    standards_pass,
    accounting_pass,
)


def run_passes(data: bytes, path: str, diagnostics: Diagnostics | None = None) -> Draft:
    """Run every pass on one export; raises ``ConversionError`` on bad input.

    Warnings go to ``diagnostics`` (a new collector for ``path`` when none is given).
    """
    draft = Draft(path=path, data=data)
    diagnostics = diagnostics if diagnostics is not None else Diagnostics(path)
    for run in PASSES:
        draft = run(draft, diagnostics)
    return draft


def convert_bytes(data: bytes, path: str) -> tuple[Issue, Diagnostics]:
    diagnostics = Diagnostics(path)
    draft = run_passes(data, path, diagnostics)
    assert draft.issue is not None
    return draft.issue, diagnostics
