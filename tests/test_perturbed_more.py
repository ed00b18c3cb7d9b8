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
KNOWN_FAILURES: dict[str, str] = {}


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
