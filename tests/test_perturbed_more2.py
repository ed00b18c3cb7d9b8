"""The second held-out corpus (tests/perturbed/more2.py): the same checks as
tests/test_perturbed_more.py. A perturbation the converter gets wrong today is
marked ``xfail`` (strict), saying what goes wrong; unmark it the day it converts right.
"""

from __future__ import annotations

import pytest

from tests.perturbed.catalogue import PERTURBATIONS, Perturbation
from tests.perturbed.more import MORE_PERTURBATIONS
from tests.perturbed.more2 import MORE2_PERTURBATIONS
from tests.perturbed.truth import SAMPLE
from tests.test_perturbed_more import problems

# Perturbations converted wrong today: what goes wrong.
KNOWN_FAILURES: dict[str, str] = {}


def perturbation_param(perturbation: Perturbation) -> pytest.ParameterSet:
    reason = KNOWN_FAILURES.get(perturbation.name)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
    return pytest.param(perturbation, id=perturbation.name, marks=marks)


@pytest.mark.parametrize("perturbation", [perturbation_param(p) for p in MORE2_PERTURBATIONS])
def test_more2_perturbation_converts_to_the_changed_structure(perturbation: Perturbation) -> None:
    found, _ = problems(perturbation)
    assert not found, f"{perturbation.name} ({perturbation.why}):\n" + "\n".join(found[:6])


def test_more2_perturbations_change_the_export_and_are_deterministic() -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    names = [p.name for p in MORE2_PERTURBATIONS]
    assert len(names) == len(set(names)) and all(p.why for p in MORE2_PERTURBATIONS)
    assert set(KNOWN_FAILURES) <= set(names)
    for perturbation in MORE2_PERTURBATIONS:
        changed = perturbation.edit(sample)
        assert changed != sample, perturbation.name
        assert changed == perturbation.edit(sample), perturbation.name


def test_more2_names_are_new() -> None:
    earlier = {p.name for p in PERTURBATIONS} | {p.name for p in MORE_PERTURBATIONS}
    assert not {p.name for p in MORE2_PERTURBATIONS} & earlier
