"""More of the perturbation corpus (tests/perturbed/more.py), written by a held-out
tester from the export's description and the golden pages only: the same checks as
tests/test_perturbed.py (the changed golden structure, no merges, the editors'
check, a bounded number of warnings). A perturbation may convert under another file
name (a January issue). A perturbation the converter gets wrong today is marked
``xfail`` (strict), saying what goes wrong; unmark it the day it converts right.
"""

from __future__ import annotations

import pytest

from tests.perturbed.catalogue import Perturbation
from tests.perturbed.check import Result
from tests.perturbed.check import problems as check_problems
from tests.perturbed.more import MORE_PERTURBATIONS, SAMPLE_PATH, Issue
from tests.perturbed.truth import SAMPLE

# Perturbations converted wrong today: what goes wrong.
SILENT = "silent: "
WARNED = "warned: "
LOST = "an article lost: "
KNOWN_FAILURES: dict[str, str] = {}


def problems(perturbation: Perturbation) -> tuple[list[str], Result]:
    """``check.problems`` under the perturbation's own file name (a January issue)."""
    path = perturbation.path if isinstance(perturbation, Issue) else SAMPLE_PATH
    return check_problems(perturbation, path)


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
