"""The perturbation corpus (tests/perturbed/): the real export changed in one way
another month or year of the bulletin could show, laid out as the extractor writes,
must convert to the sample's known structure changed the same way.

The expected side is the reviewed golden pages of the sample with the described
change applied (tests/perturbed/catalogue.py), never the converter's output. The
converted issue is read from its rendered pages, as a reader gets it: an article
whose text gives no day (a month only, or no date at all: then the issue's month)
must say so in its front matter, by a date written ``YYYY-MM`` or by a field whose
name speaks of the date, month or precision (``truth.DATE_MARK``); a subheading
nested under another must be a deeper Markdown heading. The pages must also pass
the editors' check (``converter.check.check_rendered``). A
perturbation the converter gets wrong today is marked ``xfail`` (strict), saying
what goes wrong; it turns into a failure the day it converts right, to be unmarked.
"""

from __future__ import annotations

import pytest

from tests.perturbed.catalogue import PERTURBATIONS, Perturbation, retitle, truth
from tests.perturbed.check import convert, differences, merges, problems
from tests.perturbed.edit import Export, join_rows, markers_kept
from tests.perturbed.truth import SAMPLE, golden_truth

# Perturbations converted wrong today: what goes wrong.
MERGED = "the article is merged into the one before it, without a warning"
KNOWN_FAILURES: dict[str, str] = {}


def perturbation_param(perturbation: Perturbation) -> pytest.ParameterSet:
    reason = KNOWN_FAILURES.get(perturbation.name)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
    return pytest.param(perturbation, id=perturbation.name, marks=marks)


@pytest.mark.parametrize("perturbation", [perturbation_param(p) for p in PERTURBATIONS])
def test_perturbation_converts_to_the_changed_structure(perturbation: Perturbation) -> None:
    found, _ = problems(perturbation)
    assert not found, f"{perturbation.name} ({perturbation.why}):\n" + "\n".join(found[:6])


def test_the_unmodified_sample_reads_back_as_its_golden_pages() -> None:
    """The yardstick itself: the truth read from the golden pages is what the
    converter gives for the sample, and the checks find nothing to say."""
    result = convert(SAMPLE.read_text(encoding="utf-8"))
    assert result.issue is not None
    assert result.issue == golden_truth()
    assert not differences(truth(), result.issue) and not merges(truth(), result.issue)


def test_perturbations_change_the_export_and_are_deterministic() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    names = [p.name for p in PERTURBATIONS]
    assert len(names) == len(set(names)) and all(p.why for p in PERTURBATIONS)
    assert set(KNOWN_FAILURES) <= set(names)
    for perturbation in PERTURBATIONS:
        changed = perturbation.edit(sample)
        assert changed != sample, perturbation.name
        assert changed == perturbation.edit(sample), perturbation.name


# --- the edits' layout rules ----------------------------------------------------------


def test_the_export_reads_as_the_sample_is_described() -> None:
    """26 pages, 3 furniture runs ending pages 11, 12 and 21 (FORMAT.md §1.3, §1.6)."""
    export = Export.of(SAMPLE.read_text(encoding="utf-8"))
    starts = export.page_starts()
    assert len(starts) == 26
    runs = export.furniture_runs()
    assert [export.rows[first + 4].strip() for first, _ in runs] == ["11", "12", "21"]
    assert [starts.index(export.next_text(last)) for _, last in runs] == [11, 12, 21]


def test_a_retitled_title_opening_a_page_keeps_the_page() -> None:
    """Article 9's title opens a page (its one-space indent, FORMAT.md §1.3): set
    again, it still does, and the page count stays 26."""
    sample = SAMPLE.read_text(encoding="utf-8")
    row = truth().articles[8].line - 1
    assert row in Export.of(sample).page_starts()
    export = Export.of(retitle(8, "国际电工委员会发布组件外壳新标准（IEC 62208:2023）")(sample))
    assert row in export.page_starts() and len(export.page_starts()) == 26


def test_wrapped_lines_join_with_the_space_lost_at_a_script_boundary() -> None:
    assert join_rows(["关注，ITU", "标准有助于 "]) == "关注，ITU 标准有助于"
    assert join_rows(["签署", "127 份 "]) == "签署 127 份"
    assert join_rows(["Use of ", "machinery "]) == "Use of machinery"


def test_a_marker_never_opens_a_line_alone() -> None:
    assert markers_kept(["并将启动试点", "24。 "]) == ["并将启动试", "点24。 "]
    assert markers_kept(["第 2", "阶段 "]) == ["第 2", "阶段 "]
