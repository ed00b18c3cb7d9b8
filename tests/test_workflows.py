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

from scripts.pages_branch import PREVIEWS_FOLDER

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MATCHER = ROOT / ".github" / "converter-matcher.json"
MAKEFILE = ROOT / "Makefile"
# An action pinned to a commit, its release beside it: owner/name@<40 hex> # v5.0.1.
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
USES_LINE = re.compile(r"^\s*(?:- )?uses:", re.MULTILINE)
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
def test_actions_are_pinned_to_commits_with_their_release_beside(name: str) -> None:
    # A tag can be moved to other code; a commit cannot. The comment says which
    # release the commit is, for a reader and for Dependabot.
    actions = [step["uses"] for step in steps(load(name)) if "uses" in step]
    assert "actions/checkout" in [action.split("@")[0] for action in actions]
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if USES_LINE.match(line)]
    assert len(lines) == len(actions)
    for line in lines:
        assert PINNED.match(line), f"{name}: {line.strip()} is not pinned to a commit # vX.Y.Z"


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_python_311_with_the_pip_cache(name: str) -> None:
    setups = uses(load(name), "actions/setup-python")
    assert setups
    for setup in setups:
        assert str(setup["with"]["python-version"]) == "3.11"
        assert setup["with"]["cache"] == "pip"
        assert setup["with"]["cache-dependency-path"] == "requirements/*.txt"


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
    (upload,) = job_uses(workflow, "check", "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"


def test_the_previews_and_main_publish_only_what_passed_the_check() -> None:
    pr = load("pr.yml")
    assert job(pr, "preview")["needs"] == "check"
    assert "python -m converter check docs" in "\n".join(job_commands(pr, "check"))
    deploy = load("deploy.yml")
    for name in ("deploy", "release"):
        assert job(deploy, name)["needs"] == "build", name
    assert "make site" in job_commands(deploy, "build")
    # `make site` and `make offline` (and `make preview`, through `make build`) build
    # with tools.build, which runs the check first and refuses (tests/test_durable.py).
    for target in ("site", "offline"):
        result = subprocess.run(
            ["make", "-n", target], capture_output=True, text=True, cwd=ROOT, check=True
        )
        assert "-m tools.build" in result.stdout, target


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
    archived = {step["with"]["name"]: step for step in uses(workflow, "actions/upload-artifact")}
    assert archived["bulletin-offline"]["with"]["path"] == "dist/bulletin-offline.zip"
    assert archived["site"]["with"]["path"].rstrip("/") == "site"
    # One deployment at a time, never cancelled halfway.
    assert workflow["concurrency"]["cancel-in-progress"] is False


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


# Pull requests' previews on the Pages site (gh-pages branch: main at the root,
# each pull request in pr/<number>/), their comment, and the Zensical build.


def job(workflow: dict[Any, Any], name: str) -> dict[str, Any]:
    found = workflow["jobs"][name]
    assert isinstance(found, dict)
    return found


def job_commands(workflow: dict[Any, Any], name: str) -> list[str]:
    return [step["run"] for step in job(workflow, name)["steps"] if "run" in step]


def job_command(workflow: dict[Any, Any], name: str, text: str) -> int:
    """Index, among the job's steps, of the first whose command contains ``text``."""
    for index, step in enumerate(job(workflow, name)["steps"]):
        if text in step.get("run", ""):
            return index
    raise AssertionError(f"job {name} runs no {text!r}")


def job_uses(workflow: dict[Any, Any], name: str, action: str) -> list[dict[str, Any]]:
    return [s for s in job(workflow, name)["steps"] if s.get("uses", "").split("@")[0] == action]


def condition(workflow: dict[Any, Any], name: str) -> str:
    return " ".join(str(job(workflow, name).get("if", "")).split())


PREVIEW_FOLDER = f'"{PREVIEWS_FOLDER}/$NUMBER"'
DOWNLOAD = "actions/download-artifact"
SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"
NOT_DEPENDABOT = "github.actor != 'dependabot[bot]'"


def test_pull_request_runs_on_the_default_events_and_on_closing() -> None:
    on = triggers(load("pr.yml"))["pull_request"]
    assert set(on["types"]) == {"opened", "synchronize", "reopened", "closed"}


def test_every_job_asks_for_the_least_it_needs() -> None:
    workflow = load("pr.yml")
    assert workflow["permissions"] == {}, "nothing granted unless a job asks"
    read = {"contents": "read"}
    publish = {"contents": "write", "pull-requests": "write"}
    expected = {
        "check": read,
        "zensical": read,
        "preview": read,
        "publish-preview": publish,
        "cleanup": publish,
    }
    assert {name: job(workflow, name)["permissions"] for name in workflow["jobs"]} == expected
    deploy = load("deploy.yml")
    assert deploy["permissions"] == read
    assert "permissions" not in job(deploy, "build"), "the build only reads"
    assert job(deploy, "deploy")["permissions"] == {"contents": "write"}
    assert job(deploy, "release")["permissions"] == {"contents": "write"}


def test_only_the_cleanup_runs_when_a_pull_request_closes() -> None:
    workflow = load("pr.yml")
    for name in ("check", "zensical", "preview", "publish-preview"):
        assert "github.event.action != 'closed'" in condition(workflow, name), name
    assert "github.event.action == 'closed'" in condition(workflow, "cleanup")


def test_no_preview_is_attempted_with_a_read_only_token() -> None:
    # Forks and Dependabot get a read-only token whatever the workflow asks: their
    # pull requests get the site as an artifact, not a failing job.
    workflow = load("pr.yml")
    for name in ("preview", "publish-preview", "cleanup"):
        assert SAME_REPOSITORY in condition(workflow, name), name
        assert NOT_DEPENDABOT in condition(workflow, name), name
    (upload,) = job_uses(workflow, "check", "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"


def test_one_run_per_pull_request_so_closing_comes_after_the_last_publication() -> None:
    concurrency = load("pr.yml")["concurrency"]
    assert concurrency["group"] == "pr-${{ github.event.pull_request.number }}"
    assert concurrency["cancel-in-progress"] is True


def test_the_preview_is_built_by_a_job_that_only_reads() -> None:
    workflow = load("pr.yml")
    preview = job(workflow, "preview")
    assert preview["env"]["NUMBER"] == "${{ github.event.pull_request.number }}"
    (checkout,) = job_uses(workflow, "preview", "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 2, "HEAD^1, the base, for the list of pages"
    build = job_command(workflow, "preview", 'make preview PR="$NUMBER"')
    listed = job_command(workflow, "preview", "-m scripts.preview changes --base HEAD^1")
    assert build < listed
    uploads = {
        s["with"]["name"]: s["with"]["path"]
        for s in job_uses(workflow, "preview", "actions/upload-artifact")
    }
    assert uploads["preview-site"].rstrip("/") == "site"
    assert uploads["preview-changes"] == "changes.json"
    assert "--out changes.json" in preview["steps"][listed]["run"]


def test_the_preview_is_published_and_commented_by_a_job_that_runs_none_of_its_code() -> None:
    workflow = load("pr.yml")
    publish = job(workflow, "publish-preview")
    assert publish["needs"] == "preview"
    (checkout,) = job_uses(workflow, "publish-preview", "actions/checkout")
    assert checkout["with"] == {
        "ref": "${{ github.event.pull_request.base.sha }}",
        "sparse-checkout": "scripts",
    }
    downloaded = {s["with"]["name"] for s in job_uses(workflow, "publish-preview", DOWNLOAD)}
    assert downloaded == {"preview-site", "preview-changes"}
    published = job_command(
        workflow,
        "publish-preview",
        f"python3 -m scripts.pages_branch publish site {PREVIEW_FOLDER}",
    )
    comment = job_command(
        workflow, "publish-preview", 'python3 -m scripts.pr_comment preview "$NUMBER"'
    )
    assert published < comment
    run = job_commands(workflow, "publish-preview")
    assert any('--changes preview-changes/changes.json --commit "$HEAD_SHA"' in c for c in run)
    assert publish["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    assert publish["steps"][comment]["env"]["GH_TOKEN"] == "${{ github.token }}"


# A job that may write runs only what the base branch (or main) holds: git, gh and
# the standard-library scripts, never make, the venv, pip or a Python setup.
PULL_REQUEST_CODE = ("make ", ".venv/", "pip ", "mkdocs", "python -m", "-m converter")


def writing_jobs(workflow: dict[Any, Any]) -> list[str]:
    return [
        name
        for name, spec in workflow["jobs"].items()
        if "write" in (spec.get("permissions") or {}).values()
    ]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_the_jobs_that_write_run_no_code_of_the_change(name: str) -> None:
    workflow = load(name)
    assert writing_jobs(workflow)
    for job_name in writing_jobs(workflow):
        spec = job(workflow, job_name)
        assert not job_uses(workflow, job_name, "actions/setup-python"), job_name
        for command in job_commands(workflow, job_name):
            for code in PULL_REQUEST_CODE:
                assert code not in command, f"{name}: {job_name} runs {command!r}"
        for checkout in job_uses(workflow, job_name, "actions/checkout"):
            options = checkout.get("with", {})
            assert options.get("sparse-checkout") == "scripts", job_name
            if name == "pr.yml":
                assert options["ref"].startswith("${{ github.event.pull_request.base."), job_name
        assert spec.get("needs") or job_name == "cleanup", job_name


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_the_jobs_that_run_the_code_only_read_and_keep_no_credentials(name: str) -> None:
    workflow = load(name)
    for job_name, spec in workflow["jobs"].items():
        if job_name in writing_jobs(workflow):
            continue
        assert spec.get("permissions", workflow["permissions"]) in ({"contents": "read"}, {})
        for checkout in job_uses(workflow, job_name, "actions/checkout"):
            assert checkout["with"]["persist-credentials"] is False, f"{name}: {job_name}"


def test_dependabot_updates_the_python_locks_and_the_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    for update in ecosystems.values():
        assert update["directory"] == "/" and update["schedule"]["interval"]


def test_the_comment_is_one_comment_edited_by_the_script() -> None:
    # Nothing in the workflows posts a comment of its own: the script finds the
    # earlier one by its marker and edits it (tests/test_preview.py).
    text = "\n".join(path.read_text(encoding="utf-8") for path in WORKFLOWS.glob("*.yml"))
    for poster in ("gh pr comment", "createComment", "sticky-pull-request-comment"):
        assert poster not in text
    assert "scripts.pr_comment closed" in "\n".join(job_commands(load("pr.yml"), "cleanup"))


def test_closing_removes_the_same_folder_and_says_so() -> None:
    workflow = load("pr.yml")
    cleanup = job(workflow, "cleanup")
    assert cleanup["env"]["NUMBER"] == "${{ github.event.pull_request.number }}"
    (checkout,) = [s for s in cleanup["steps"] if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.ref }}"
    remove = job_command(workflow, "cleanup", f"-m scripts.pages_branch remove {PREVIEW_FOLDER}")
    closed = job_command(workflow, "cleanup", 'scripts.pr_comment closed "$NUMBER"')
    assert remove < closed
    assert cleanup["steps"][closed]["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_main_is_published_at_the_root_of_the_branch_keeping_the_previews() -> None:
    workflow = load("deploy.yml")
    deploy = job(workflow, "deploy")
    assert deploy["needs"] == "build"
    (download,) = [s for s in deploy["steps"] if "download-artifact" in s.get("uses", "")]
    assert download["with"]["name"] == "site"
    assert "-m scripts.pages_branch publish site . " in "\n".join(job_commands(workflow, "deploy"))
    # Pages' artifact deployment replaces the whole site, previews included.
    text = "\n".join(path.read_text(encoding="utf-8") for path in WORKFLOWS.glob("*.yml"))
    for action in ("actions/deploy-pages", "actions/upload-pages-artifact"):
        assert action not in text


def test_the_preview_build_moves_site_url_without_editing_mkdocs_yml() -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\npreview:") :].split("\n\n")[0]
    assert "-m scripts.preview config" in recipe
    assert "build MKDOCS_CONFIG=mkdocs.preview.yml" in recipe
    assert 'SITE_URL="$$url"' in recipe
    # `build` hands both to the converter (the feed) and to MkDocs.
    result = subprocess.run(
        ["make", "-n", "build", "MKDOCS_CONFIG=x.yml", "SITE_URL=https://e.org/b/pr/3/"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    # The address reaches the converter through the environment, never as shell text
    # (test_security: an address holding a quote and a command).
    assert '--site-url "$SITE_URL"' in result.stdout
    assert "\nexport SITE_URL\n" in makefile
    assert "-m tools.build -f x.yml --site-dir site" in result.stdout
    for name in ("pr.yml", "deploy.yml"):
        assert not [c for c in commands(load(name)) if "mkdocs.yml" in c], name


def test_zensical_has_a_job_of_its_own_at_the_pinned_version() -> None:
    workflow = load("pr.yml")
    assert job_commands(workflow, "zensical") == ["make zensical"]
    result = subprocess.run(
        ["make", "-n", "zensical"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert "pytest tests/test_zensical.py" in result.stdout
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"zensical==[\d.]+"', pyproject)
