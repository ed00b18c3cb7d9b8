"""scripts/pages_branch.py: main's site at the root of gh-pages and each pull request's
preview in pr/<number>/, each publication leaving the others' folders alone.

Against a bare repository standing in for GitHub (pushed to over file://)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts import pages_branch
from scripts.pages_branch import BRANCH, NO_JEKYLL, PublishError, update


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(bare), cwd=tmp_path)
    return bare


def clone_of(remote: Path, folder: Path) -> Path:
    folder.mkdir()
    git("init", "--quiet", cwd=folder)
    git("remote", "add", "origin", remote.as_uri(), cwd=folder)
    return folder


@pytest.fixture
def clone(remote: Path, tmp_path: Path) -> Path:
    return clone_of(remote, tmp_path / "clone")


def site(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def published(remote: Path) -> dict[str, str]:
    """The branch's files and their text."""
    names = git("ls-tree", "-r", "--name-only", BRANCH, cwd=remote).splitlines()
    return {name: git("show", f"{BRANCH}:{name}", cwd=remote) for name in names}


def test_the_first_publication_creates_the_branch_without_jekyll(
    clone: Path, remote: Path, tmp_path: Path
) -> None:
    main = site(tmp_path / "site", {"index.html": "main", "_x/a.css": "css"})
    outcome = update(clone, ".", main, "Publish", "origin")
    assert outcome.commit is not None
    assert published(remote) == {"index.html": "main", "_x/a.css": "css", NO_JEKYLL: ""}


def test_a_preview_replaces_its_own_folder_only(clone: Path, remote: Path, tmp_path: Path) -> None:
    update(clone, ".", site(tmp_path / "main", {"index.html": "main"}), "main", "origin")
    update(clone, "pr/70", site(tmp_path / "p70", {"index.html": "seventy"}), "#70", "origin")
    update(clone, "pr/7", site(tmp_path / "p7a", {"old.html": "7a"}), "#7", "origin")
    update(clone, "pr/7", site(tmp_path / "p7b", {"index.html": "7b"}), "#7", "origin")
    assert published(remote) == {
        "index.html": "main",
        "pr/7/index.html": "7b",
        "pr/70/index.html": "seventy",
        NO_JEKYLL: "",
    }


def test_mains_deploy_replaces_the_root_and_keeps_every_preview(
    clone: Path, remote: Path, tmp_path: Path
) -> None:
    update(clone, ".", site(tmp_path / "v1", {"index.html": "v1", "gone.html": "x"}), "1", "origin")
    update(clone, "pr/7", site(tmp_path / "p7", {"index.html": "seven"}), "#7", "origin")
    update(clone, ".", site(tmp_path / "v2", {"index.html": "v2"}), "2", "origin")
    assert published(remote) == {"index.html": "v2", "pr/7/index.html": "seven", NO_JEKYLL: ""}


def test_removing_a_preview_leaves_the_rest(clone: Path, remote: Path, tmp_path: Path) -> None:
    update(clone, ".", site(tmp_path / "main", {"index.html": "main"}), "main", "origin")
    update(clone, "pr/7", site(tmp_path / "p7", {"index.html": "seven"}), "#7", "origin")
    update(clone, "pr/8", site(tmp_path / "p8", {"index.html": "eight"}), "#8", "origin")
    assert update(clone, "pr/7", None, "close #7", "origin").commit is not None
    assert published(remote) == {"index.html": "main", "pr/8/index.html": "eight", NO_JEKYLL: ""}
    # Removing it again (the closed event run twice) pushes nothing.
    assert update(clone, "pr/7", None, "close #7", "origin").commit is None


def test_removing_from_a_repository_without_the_branch_does_nothing(
    clone: Path, remote: Path
) -> None:
    assert update(clone, "pr/7", None, "close #7", "origin").commit is None
    assert git("branch", "--list", BRANCH, cwd=remote) == ""


def test_publishing_the_same_site_again_pushes_nothing(clone: Path, tmp_path: Path) -> None:
    main = site(tmp_path / "main", {"index.html": "main"})
    assert update(clone, ".", main, "main", "origin").commit is not None
    assert update(clone, ".", main, "main", "origin").commit is None


def test_the_branch_is_one_commit_without_history(
    clone: Path, remote: Path, tmp_path: Path
) -> None:
    update(clone, ".", site(tmp_path / "v1", {"index.html": "v1"}), "1", "origin")
    update(clone, "pr/7", site(tmp_path / "p7", {"index.html": "seven"}), "#7", "origin")
    assert git("rev-list", "--count", BRANCH, cwd=remote) == "1"
    assert git("log", "-1", "--format=%s", BRANCH, cwd=remote) == "#7"


def test_a_publication_racing_another_starts_again_from_the_others_commit(
    clone: Path, remote: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    update(clone, ".", site(tmp_path / "v1", {"index.html": "v1"}), "1", "origin")
    other = clone_of(remote, tmp_path / "other")
    preview = site(tmp_path / "p8", {"index.html": "eight"})
    read = pages_branch.current_commit
    calls = 0

    def read_then_let_another_run_push(repo: pages_branch.Git, name: str) -> str | None:
        # Between this run's read of the branch and its push, a preview is published.
        nonlocal calls
        calls += 1
        commit = read(repo, name)
        if calls == 1:
            monkeypatch.setattr(pages_branch, "current_commit", read)
            update(other, "pr/8", preview, "#8", "origin")
            monkeypatch.setattr(pages_branch, "current_commit", read_then_let_another_run_push)
        return commit

    monkeypatch.setattr(pages_branch, "current_commit", read_then_let_another_run_push)
    outcome = update(clone, ".", site(tmp_path / "v2", {"index.html": "v2"}), "2", "origin")
    assert outcome.attempts == 2
    assert published(remote) == {"index.html": "v2", "pr/8/index.html": "eight", NO_JEKYLL: ""}


@pytest.mark.parametrize("target", ["docs", "pr", "pr/7/../..", "previews/7", "pr/x"])
def test_only_the_root_or_a_previews_folder_is_a_target(
    clone: Path, tmp_path: Path, target: str
) -> None:
    with pytest.raises(PublishError, match="neither"):
        update(clone, target, site(tmp_path / "s", {"a.html": "a"}), "m", "origin")


def test_a_site_with_its_own_previews_folder_is_refused(clone: Path, tmp_path: Path) -> None:
    main = site(tmp_path / "main", {"index.html": "main", "pr/index.html": "clash"})
    with pytest.raises(PublishError, match="pr/ folder"):
        update(clone, ".", main, "main", "origin")


def test_the_command_line_prints_what_it_did(clone: Path, tmp_path: Path) -> None:
    preview = site(tmp_path / "p7", {"index.html": "seven"})
    args = ["--repo", str(clone), "--message", "#7"]
    assert pages_branch.main(["publish", str(preview), "pr/7", *args]) == 0
    assert pages_branch.main(["remove", "pr/9", *args]) == 0
    assert pages_branch.main(["remove", "docs", *args]) == 1


def test_a_sparse_checkout_of_the_scripts_can_publish(remote: Path, tmp_path: Path) -> None:
    # The workflows check out only scripts/ (sparse) in the jobs that publish.
    clone = clone_of(remote, tmp_path / "sparse")
    git("sparse-checkout", "set", "scripts", cwd=clone)
    main = site(tmp_path / "main", {"index.html": "main", "2023/07/01/index.html": "a"})
    update(clone, ".", main, "main", "origin")
    update(clone, "pr/7", site(tmp_path / "p7", {"2023/index.html": "7"}), "#7", "origin")
    update(clone, "pr/7", None, "close #7", "origin")
    assert published(remote) == {
        "index.html": "main",
        "2023/07/01/index.html": "a",
        NO_JEKYLL: "",
    }
