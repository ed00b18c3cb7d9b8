"""The variant corpus (tests/variants/): each variant is laid out as an export and
converted, and the issue must read back as its description says — issue, summary,
articles with their titles, sections, dates and authors, paragraph texts, footnote
markers and definitions, table cells — with no warning the evidence does not justify.

The expected result is the description itself, never a snapshot of the converter's
output. A variant the converter gets wrong today is marked ``xfail`` (strict), with
what goes wrong; it turns into a failure the day it converts right, to be unmarked.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from converter.cli import main
from converter.model import ConversionError, LineKind, Source
from converter.passes import convert_bytes
from converter.passes.layout import read_layout
from converter.vocabulary import load_sections
from tests.variants.catalogue import VARIANTS, Variant
from tests.variants.layout import (
    BODY_WIDTH,
    NOTE_WIDTH,
    TITLE_WIDTH,
    render,
    rows_across_pages,
    wrap,
    wrap_anywhere,
)
from tests.variants.random_issues import broad_issue, random_issue
from tests.variants.spec import IssueSpec
from tests.variants.survey import article_places, survey, title_rows
from tests.variants.truth import differences, expected, observed

MERGED = "the article is merged into the one before it, without a warning"
# Variants converted wrong today: what goes wrong, and where.
KNOWN_FAILURES: dict[str, str] = {}


def variant_param(variant: Variant) -> pytest.ParameterSet:
    reason = KNOWN_FAILURES.get(variant.name)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
    return pytest.param(variant, id=variant.name, marks=marks)


@pytest.mark.parametrize("variant", [variant_param(variant) for variant in VARIANTS])
def test_variant_converts_to_its_description(variant: Variant) -> None:
    spec = variant.make()
    try:
        issue, diagnostics = convert_bytes(render(spec).encode("utf-8"), spec.file_name)
    except ConversionError as error:
        raise AssertionError(f"{variant.name}: refused: {error}") from error
    found = differences(expected(spec), observed(issue))
    assert not found, f"{variant.name} ({variant.why}):\n" + "\n".join(found[:5])
    warnings = [str(warning) for warning in diagnostics.warnings]
    unjustified = [w for w in warnings if not any(part in w for part in variant.warnings)]
    assert not unjustified, f"{variant.name}: warnings the evidence does not justify"
    for part in variant.warnings:
        assert any(part in warning for warning in warnings), f"{variant.name}: no '{part}'"


def test_variant_names_are_unique_and_each_has_a_reason() -> None:
    names = [variant.name for variant in VARIANTS]
    assert len(names) == len(set(names))
    assert all(variant.why for variant in VARIANTS)
    assert set(KNOWN_FAILURES) <= set(names)


def test_variants_are_deterministic() -> None:
    for variant in VARIANTS:
        assert render(variant.make()) == render(variant.make()), variant.name


def test_only_the_across_page_variants_carry_a_row_over_a_page() -> None:
    """Each table variant shows the one shape it names."""
    crossing = {variant.name for variant in VARIANTS if rows_across_pages(variant.make())}
    assert crossing == {"table-row-across-page", "table-header-across-page"}


def sample_furniture(spec: IssueSpec) -> bool:
    """Is the furniture in the sample's forms (the variants of other forms are judged
    by their conversion)?"""
    default = IssueSpec(spec.year, spec.month, None, ())
    forms = ("header_form", "number_form", "header_first")
    return all(getattr(spec, name) == getattr(default, name) for name in forms)


def test_every_variant_has_pages_footnote_areas_and_furniture() -> None:
    """The generated exports carry the export's traces, read back by the layout pass."""
    for variant in VARIANTS:
        spec = variant.make()
        layout = read_layout(Source(spec.file_name, render(spec)))
        kinds = {line.kind for line in layout.lines}
        pages = max(line.page for line in layout.lines)
        assert pages >= 2, variant.name
        if pages > spec.furniture_every and sample_furniture(spec):
            assert {LineKind.PAGE_NUMBER, LineKind.RUNNING_HEADER} <= kinds, variant.name
            assert layout.issue_header == spec.header, variant.name
        has_notes = any(article.notes for s in spec.sections for article in s.articles)
        assert (LineKind.NOTE in kinds) == has_notes, variant.name


# --- the generator's line breaking -----------------------------------------------------


def test_wrap_keeps_a_space_between_latin_words_and_drops_one_at_a_script_boundary() -> None:
    assert wrap("甲乙丙丁 ISO 14068 标准", 12) == ["甲乙丙丁 ISO ", "14068 标准 "]
    assert wrap("甲乙丙丁 ISO 标准", 12) == ["甲乙丙丁 ISO", "标准 "]
    assert wrap("Use of autonomous machinery", 16) == ["Use of ", "autonomous ", "machinery "]


def test_wrap_lets_closing_punctuation_overhang_and_ends_with_a_space() -> None:
    assert wrap("甲乙丙丁。戊己", 8) == ["甲乙丙丁。", "戊己 "]
    assert wrap("甲乙丙丁戊己", 8, 4) == ["甲乙", "丙丁戊己 "]


def test_footnotes_wrap_anywhere_and_titles_and_body_at_their_widths() -> None:
    assert wrap_anywhere("2023-06-15. https://x", 8) == ["2023-06-", "15. http", "s://x "]
    assert NOTE_WIDTH > BODY_WIDTH > TITLE_WIDTH


# Variants the converter refuses today ('no articles found'): strict, as an xfail is.
REFUSED: set[str] = set()


def test_every_variant_renders_pages_that_pass_the_checks(tmp_path: Path) -> None:
    """The whole run, as an editor's `convert` does it: pages rendered, checked
    (footnotes, tables) and written, with no error."""
    assert set(KNOWN_FAILURES) >= REFUSED
    for variant in VARIANTS:
        spec = variant.make()
        export = tmp_path / variant.name / spec.file_name
        export.parent.mkdir()
        export.write_text(render(spec), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        args = ["convert", str(export), "--out", str(tmp_path / variant.name / "docs")]
        code = main(args, out, err)
        if variant.name in REFUSED:
            assert code != 0, f"{variant.name} converts now: take it out of REFUSED"
            continue
        assert code == 0, f"{variant.name}: {err.getvalue()}"
        assert "1 issues" in out.getvalue(), variant.name


RANDOM_ISSUES = 100


def test_random_issues_convert_to_their_descriptions() -> None:
    """Seeded random combinations of the variants' pieces (tests/variants/random_issues.py)."""
    wrong = []
    for seed in range(RANDOM_ISSUES):
        spec = random_issue(seed)
        issue, diagnostics = convert_bytes(render(spec).encode("utf-8"), spec.file_name)
        found = differences(expected(spec), observed(issue))
        unjustified = [
            str(w) for w in diagnostics.warnings if not unlisted_heading(w.message, spec)
        ]
        if found or unjustified:
            wrong.append(f"seed {seed}: {(found or unjustified)[0]}")
    assert not wrong, f"{len(wrong)} of {RANDOM_ISSUES} random issues:\n" + "\n".join(wrong[:5])


def unlisted_heading(warning: str, spec: IssueSpec) -> bool:
    """The one warning a random issue's evidence justifies: a heading of its own
    that data/sections.yml does not list."""
    listed = load_sections()
    return any(
        warning.startswith(f"section heading '{section.heading}' is not in ")
        for section in spec.sections
        if section.heading not in listed
    )


BROAD_ISSUES = 100


def test_broad_random_issues_have_no_silent_structural_error() -> None:
    """The random corpus in other forms (``broad_issue``): every structural error is
    warned at a line of its article (``python -m tests.variants --random 2000`` for more)."""
    tally = survey(range(BROAD_ISSUES))
    assert not tally.silent and not tally.crashed, "\n".join(tally.lines())


def test_broad_issues_are_deterministic_and_their_titles_are_found() -> None:
    for seed in range(20):
        spec = broad_issue(seed)
        text = render(spec)
        assert text == render(broad_issue(seed))
        rows = title_rows(spec, text)
        assert rows == sorted(rows) and len(rows) == sum(len(s.articles) for s in spec.sections)


def test_a_warning_counts_only_at_a_line_of_the_structure_it_tells_of() -> None:
    """The survey's places: an author line's warning must name its lines, a date's its
    title or first paragraph, not any line of the article."""
    for seed in range(20):
        spec = broad_issue(seed)
        text = render(spec)
        rows = title_rows(spec, text)
        spans = [range(a, b) for a, b in zip(rows, [*rows[1:], text.count("\n") + 2], strict=True)]
        lines = text.split("\n")
        for place in article_places(spec, text, spans):
            assert "（" in "".join(lines[place.authors.start - 1 : place.authors.stop])
            assert "）" in lines[place.authors[-1] - 1]
            assert place.title.stop <= place.lead.start and lines[place.lead.start - 1].strip()
            assert set(place.title) <= place.section and place.authors.stop <= place.span.stop
