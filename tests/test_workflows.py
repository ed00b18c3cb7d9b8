"""The GitHub Actions workflows: valid for actionlint, and doing what the README says.

actionlint runs with its shellcheck and pyflakes integrations turned off
(``-shellcheck= -pyflakes=``), so the result does not depend on whether those
tools happen to be installed; the ``run:`` scripts are small enough to review.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MATCHER = ROOT / ".github" / "converter-matcher.json"
MAKEFILE = ROOT / "Makefile"
# An action pinned to a major release tag: owner/name@v5 (or owner/name/path@v5).
MAJOR_TAG = re.compile(r"^[\w.-]+/[\w./-]+@v\d+$")
MAKE_TARGET = re.compile(r"\bmake ([a-z][\w-]*)")


def actionlint() -> str:
    """The actionlint of the test extra (the venv's scripts), or one on PATH."""
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / "actionlint"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is missing: install the test extra (pip install -e '.[test]')")
    return found


def load(name: str) -> dict[Any, Any]:
    loaded = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), f"{name} is not a mapping"
    return loaded


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict), f"no triggers: {on!r}"
    return on


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict[Any, Any]) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def position(workflow: dict[Any, Any], text: str) -> int:
    """Index of the first step whose command contains ``text``."""
    for index, step in enumerate(steps(workflow)):
        if text in step.get("run", ""):
            return index
    raise AssertionError(f"no step runs {text!r}")


def uses(workflow: dict[Any, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in steps(workflow) if step.get("uses", "").split("@")[0] == action]


def test_the_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS.glob("*.yml")} >= {"pr.yml", "deploy.yml"}


def test_actionlint_finds_nothing() -> None:
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    result = subprocess.run(
        [actionlint(), "-shellcheck=", "-pyflakes=", "-oneline", "-no-color", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    # Proof that the check above can fail: an unknown input of a known action.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v7\n"
        "        with: {fetch-dept: 1}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [actionlint(), "-shellcheck=", "-pyflakes=", "-oneline", "-no-color", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert 'input "fetch-dept" is not defined' in result.stdout


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_actions_are_pinned_to_major_tags(name: str) -> None:
    actions = [step["uses"] for step in steps(load(name)) if "uses" in step]
    assert "actions/checkout" in [action.split("@")[0] for action in actions]
    for action in actions:
        assert MAJOR_TAG.match(action), f"{name}: {action} is not pinned to @vN"


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_python_311_with_the_pip_cache(name: str) -> None:
    (setup,) = uses(load(name), "actions/setup-python")
    assert str(setup["with"]["python-version"]) == "3.11"
    assert setup["with"]["cache"] == "pip"


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_every_make_target_run_exists(name: str) -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    targets = [
        target for command in commands(load(name)) for target in MAKE_TARGET.findall(command)
    ]
    assert "site" in targets, f"{name} runs no `make site`"
    for target in targets:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"{name}: no `make {target}`"


def test_pull_requests_run_the_tests_the_check_the_build_and_the_link_check() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in triggers(workflow)
    # ensure-browser installs as root; `make test` would only name what is missing.
    assert position(workflow, "sudo bash scripts/ensure-browser") < position(workflow, "make test")
    check = position(workflow, "python -m converter check docs")
    assert position(workflow, "make test") < check < position(workflow, "make site")
    assert position(workflow, "make site") < position(workflow, "make links")
    (upload,) = uses(workflow, "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"


def test_the_link_check_target_runs_the_script_on_the_site() -> None:
    result = subprocess.run(
        ["make", "-n", "links"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "scripts/check_links.py site" in result.stdout


def test_main_is_built_deployed_to_pages_and_the_offline_zip_released() -> None:
    workflow = load("deploy.yml")
    push = triggers(workflow)["push"]
    assert push["branches"] == ["main"]
    assert "pull_request" not in triggers(workflow)
    run = "\n".join(commands(workflow))
    for command in ("make site", "python -m converter check docs", "make links", "make offline"):
        assert command in run
    assert "gh release upload" in run
    assert "dist/bulletin-offline.zip --clobber" in run
    (archived,) = uses(workflow, "actions/upload-artifact")
    assert archived["with"]["path"] == "dist/bulletin-offline.zip"
    (pages,) = uses(workflow, "actions/upload-pages-artifact")
    assert pages["with"]["path"].rstrip("/") == "site"
    # deploy-pages needs these, and one deployment at a time.
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert uses(workflow, "actions/deploy-pages")
    assert uses(workflow, "actions/configure-pages")


def test_the_problem_matcher_reads_the_editors_messages() -> None:
    matchers = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]
    patterns = [re.compile(m["pattern"][0]["regexp"]) for m in matchers]
    check, convert = patterns
    found = check.match("docs/2023/07/03.md:5: tag '量子' is not in the vocabulary (data/tags.yml)")
    assert found and found.groups()[:2] == ("docs/2023/07/03.md", "5")
    found = convert.match("warning: archive/2023-07.txt:612: footnote 3 has no marker in the text")
    assert found and found.groups()[:3] == ("warning", "archive/2023-07.txt", "612")
    # A section to confirm is a warning annotation: it does not fail the gate.
    line = "warning: docs/2023/07/09.md:6: section 标准动态 was inferred (the export lost it)"
    assert not check.match(line)
    found = convert.match(line)
    assert found and found.groups()[:3] == ("warning", "docs/2023/07/09.md", "6")
    # Not the converter's summary or pytest's tracebacks.
    assert not check.match("checked 30 pages: 0 problems")
    assert not check.match("tests/test_check.py:12: AssertionError")
    assert ".github/converter-matcher.json" in "\n".join(commands(load("pr.yml")))
