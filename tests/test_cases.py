"""Every behaviour case of tests/cases/ against its reviewed expected.md: the parts of the
pages its PINS name, and its warnings (see tests/cases.py)."""

from pathlib import Path

import pytest

from tests.cases import EXPECTED, EXPORT, PINS, README, XFAIL, case_folders, convert_case

README_MAX_LINES = 2


def case_param(folder: Path) -> pytest.ParameterSet:
    xfail = folder / XFAIL
    if not xfail.is_file():
        return pytest.param(folder, id=folder.name)
    # Only a wrong conversion is the expected failure: a case missing its README
    # or its expected output, or a converter that crashes, still fails.
    reason = xfail.read_text(encoding="utf-8").strip()
    mark = pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)
    return pytest.param(folder, id=folder.name, marks=mark)


@pytest.mark.parametrize("folder", [case_param(folder) for folder in case_folders()])
def test_case(folder: Path) -> None:
    readme = folder / README
    if not readme.is_file() or not readme.read_text(encoding="utf-8").strip():
        pytest.fail(f"{folder.name} has no {README} saying what the case shows")
    if len(readme.read_text(encoding="utf-8").strip().splitlines()) > README_MAX_LINES:
        pytest.fail(f"{folder.name}/{README} is longer than {README_MAX_LINES} lines")
    if not all((folder / name).is_file() for name in (EXPORT, PINS, EXPECTED)):
        pytest.fail(f"{folder.name} needs {EXPORT}, {PINS} and {EXPECTED}")
    expected = (folder / EXPECTED).read_text(encoding="utf-8")
    assert convert_case(folder) == expected, (
        f"tests/cases/{folder.name}: {readme.read_text(encoding='utf-8').strip()}\n"
        "if the change is intended, run `make golden` and review the diff"
    )
