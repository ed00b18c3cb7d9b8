"""More of the perturbation corpus (tests/perturbed/more.py), written by a held-out
tester from the export's description and the golden pages only: the same checks as
tests/test_perturbed.py (the changed golden structure, no merges, the editors'
check, a bounded number of warnings). A perturbation may convert under another file
name (a January issue). A perturbation the converter gets wrong today is marked
``xfail`` (strict), saying what goes wrong; unmark it the day it converts right.
"""

from __future__ import annotations

import pytest

from converter.check import check_rendered
from converter.model import ConversionError
from converter.passes import convert_bytes
from converter.site.issue_pages import render_issue
from tests.perturbed.catalogue import Perturbation, truth
from tests.perturbed.check import Result, differences, merges, sample_warnings
from tests.perturbed.more import MORE_PERTURBATIONS, SAMPLE_PATH, Issue
from tests.perturbed.truth import SAMPLE, read_pages

# Perturbations converted wrong today: what goes wrong.
SILENT = "silent: "
WARNED = "warned: "
LOST = "an article lost: "
KNOWN_FAILURES: dict[str, str] = {
    "title-question": LOST
    + "a title ending in '？' is not a title: the article is merged into the one before "
    "it (its author line taken as theirs); the one warning names the wrong line (961)",
    "title-ends-with-paren": LOST
    + "a page-opening title (after a lost heading) ending in '）': that article and the next "
    "are merged into the article before; warned only as a page number off by one and "
    "footnotes without markers",
    "title-page-opening-ends-with-book": LOST
    + "a page-opening title (after a lost heading) ending in '》': that article and the next "
    "are merged into the article before; warned only as a page number off by one and "
    "footnotes without markers",
    "title-after-notes-ends-with-paren": LOST
    + "a title ending in '）' opening the page after a footnote area is read as the "
    "footnote's continuation, its body joins the article before; warned only as a page "
    "number off by one and a footnote without marker",
    "heading-lost-first": SILENT
    + "with 标准战略 lost, articles 1–2 get the section '本期概要' (the summary's heading), "
    "not inferred, no warning",
    "heading-lost-last": SILENT
    + "with 信息动态 lost, its five articles are filed under 前沿科技, not inferred, no warning",
    "lead-date-in-phrase": SILENT
    + "'在 6 月 19 日举行的会议上，' is not read as a date: dated the issue's month, no warning",
    "authors-compiled-after": SILENT + "'（辛竹琳 编译）' gives the authors 辛竹琳 and 编译",
    "lead-ju-baodao": SILENT
    + "'据报道，6 月 19 日，' is not read as a dateline: the article is dated the issue's "
    "month (marked as no day of its own), no warning",
    "heading-bracketed": WARNED
    + "'【标准战略】' is not a heading: articles 1–8 get the section '本期概要', the rest "
    "none; three headings kept inside articles (author lines left in bodies)",
    "summary-heading-daodu": WARNED
    + "'本期导读' is taken as an article's title: the summary becomes an article of its "
    "own and the issue's summary is empty",
    "subheadings-unnumbered": WARNED
    + "subheadings without '一、' are kept as paragraphs (warned as title-shaped)",
    "authors-wen-slash": WARNED
    + "'（文/孙玉琦）' is not an author line: no authors, the line stays in the text",
    "authors-compiled-colon": WARNED
    + "'（编译：辛竹琳）' is not an author line: no authors, the line stays in the text",
    "authors-translated-suffix": WARNED
    + "'（孙玉琦 译）' is not an author line: no authors, the line stays in the text",
    "authors-organisation": WARNED
    + "'（本刊编辑部）' (five characters) is not an author line: no authors, the line stays "
    "in the text",
    "authors-dunhao": WARNED
    + "'（邓阿妹、孙玉琦）' is not an author line: no authors, the line becomes a paragraph",
}


def convert_at(text: str, path: str) -> Result:
    """``check.convert`` under the file name ``path`` (it names the issue)."""
    try:
        issue, report = convert_bytes(text.encode("utf-8"), path)
        pages = render_issue(issue)
    except ConversionError as error:
        return Result(None, (), f"conversion stopped: {error}")
    rejected = tuple(
        str(problem)
        for name, page in sorted(pages.items())
        for problem in check_rendered(name, page)
    )
    warnings = tuple(str(w) for w in report.warnings)
    try:
        got = read_pages(pages, str(issue.id))
    except (IndexError, KeyError) as error:  # no summary part, no landing page
        return Result(None, warnings, f"pages not readable: {error!r}", rejected)
    return Result(got, warnings, rejected=rejected)


def problems(perturbation: Perturbation) -> tuple[list[str], Result]:
    path = perturbation.path if isinstance(perturbation, Issue) else SAMPLE_PATH
    text = perturbation.edit(SAMPLE.read_text(encoding="utf-8"))
    result = convert_at(text, path)
    if result.issue is None:
        return [str(result.error)], result
    want = perturbation.expect(truth())
    found = list(result.rejected) + merges(want, result.issue) + differences(want, result.issue)
    if perturbation.warns_at:
        line = text.split("\n").index(perturbation.warns_at) + 1
        if not any(w.startswith(f"{path}:{line}: ") for w in result.warnings):
            found.append(f"no warning names line {line} ({perturbation.warns_at.strip()})")
    budget = sample_warnings() + perturbation.oddities
    if len(result.warnings) > budget:
        found.append(
            f"{len(result.warnings)} warnings, at most {budget} expected "
            f"(the sample's {sample_warnings()} + {perturbation.oddities}): "
            + " | ".join(result.warnings[:4])
        )
    return found, result


def perturbation_param(perturbation: Perturbation) -> pytest.ParameterSet:
    reason = KNOWN_FAILURES.get(perturbation.name)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
    return pytest.param(perturbation, id=perturbation.name, marks=marks)


@pytest.mark.parametrize("perturbation", [perturbation_param(p) for p in MORE_PERTURBATIONS])
def test_more_perturbation_converts_to_the_changed_structure(perturbation: Perturbation) -> None:
    found, _ = problems(perturbation)
    assert not found, f"{perturbation.name} ({perturbation.why}):\n" + "\n".join(found[:6])


def test_more_perturbations_change_the_export_and_are_deterministic() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    names = [p.name for p in MORE_PERTURBATIONS]
    assert len(names) == len(set(names)) and all(p.why for p in MORE_PERTURBATIONS)
    assert set(KNOWN_FAILURES) <= set(names)
    for perturbation in MORE_PERTURBATIONS:
        changed = perturbation.edit(sample)
        assert changed != sample, perturbation.name
        assert changed == perturbation.edit(sample), perturbation.name


def test_more_names_are_new() -> None:
    from tests.perturbed.catalogue import PERTURBATIONS

    assert not {p.name for p in MORE_PERTURBATIONS} & {p.name for p in PERTURBATIONS}
