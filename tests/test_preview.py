"""scripts/preview.py and scripts/pr_comment.py: a pull request's preview configuration
(site_url under pr/<number>/, mkdocs.yml untouched) and its one comment, listing the
pages the pull request changes with links into the preview, edited on every push."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from scripts import pr_comment, preview
from scripts.pr_comment import (
    BOT_LOGIN,
    MARKER,
    MAX_LISTED,
    ChangedPage,
    comment_text,
    post,
    preview_url,
)
from scripts.preview import (
    Change,
    changed_files,
    changed_pages,
    preview_config,
    site_wide_changes,
)
from tools.build import copy_site_files

ROOT = Path(__file__).resolve().parent.parent
URL = "https://example.org/bulletin/pr/12/"


def test_the_preview_lives_under_pr_number_of_the_main_site() -> None:
    assert preview_url("https://example.org/bulletin/", 12) == URL
    assert preview_url("https://example.org/bulletin", 12) == URL


def test_the_preview_configuration_inherits_mkdocs_yml_and_moves_site_url() -> None:
    config = yaml.safe_load(preview_config(URL, "fix/表格"))
    assert config == {
        "INHERIT": "mkdocs.yml",
        "site_url": URL,
        "edit_uri": "edit/fix/%E8%A1%A8%E6%A0%BC/docs/",
        "extra": {"editors_marks": True},
    }
    # Any branch name git allows stays one quoted value.
    odd = "a\"b'c: #d"
    assert yaml.safe_load(preview_config(URL, odd))["edit_uri"].startswith("edit/a%22b%27c")
    assert "edit_uri" not in yaml.safe_load(preview_config(URL, None))


def test_mkdocs_reads_the_preview_configuration_over_the_repositorys(tmp_path: Path) -> None:
    # The repository's configuration, its inherited navigation, theme folder and hooks.
    copy_site_files(tmp_path)
    (tmp_path / "docs").mkdir()
    shutil.copy2(ROOT / "docs" / ".nav.yml", tmp_path / "docs" / ".nav.yml")
    (tmp_path / "mkdocs.preview.yml").write_text(preview_config(URL, "fix-7"), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.preview.yml"))
    repository = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), yaml.BaseLoader)
    assert config["site_url"] == URL
    assert config["edit_uri"] == "edit/fix-7/docs/"
    assert config["repo_url"] == repository["repo_url"]
    assert config["site_name"] == repository["site_name"]
    assert config["nav"], "the navigation inherited through mkdocs.yml"
    # The editors' marks join the generated extra (tag pages), not replace it.
    assert config["extra"]["editors_marks"] is True
    assert "tag_slugs" in config["extra"]


def test_the_command_writes_the_configuration_and_prints_the_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "preview.yml"
    assert preview.main(["config", "--number", "12", "--branch", "fix", "--out", str(out)]) == 0
    site_url = yaml.safe_load(out.read_text(encoding="utf-8"))["site_url"]
    assert capsys.readouterr().out.strip() == site_url
    assert site_url.endswith("/pr/12/") and site_url.startswith("https://")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")


def test_changes_are_read_from_the_work_tree_against_the_base(tmp_path: Path) -> None:
    git(tmp_path, "init", "--quiet")
    write(tmp_path, {"docs/2023/07/01.md": "a", "docs/2023/07/02.md": "b", "README.md": "r"})
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "base")
    # A committed edit, a deleted page, an uncommitted one, and a page the build
    # converted from a new export (not tracked).
    write(tmp_path, {"docs/2023/07/01.md": "a2", "docs/2024/01/01.md": "新"})
    (tmp_path / "docs/2023/07/02.md").unlink()
    git(tmp_path, "add", "docs/2023/07/01.md", "docs/2023/07/02.md")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "pr")
    write(tmp_path, {"README.md": "r2"})
    assert changed_files("HEAD~1", tmp_path) == [
        Change("M", "README.md"),
        Change("M", "docs/2023/07/01.md"),
        Change("D", "docs/2023/07/02.md"),
        Change("A", "docs/2024/01/01.md"),
    ]


def test_pages_come_with_their_titles_the_editors_pages_first(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "2023/07/05.md": "---\ntitle: 第五篇\n---\n\n正文\n",
            "tags/iso.md": "---\ntitle: 标签：ISO\n---\n",
            "index.md": "# 首页\n",
        },
    )
    changes = [
        Change("M", "docs/index.md"),
        Change("M", "docs/tags/iso.md"),
        Change("D", "docs/2023/07/06.md"),
        Change("M", "docs/2023/07/05.md"),
        Change("M", "docs/feed.xml"),
        Change("M", "converter/run.py"),
    ]
    assert changed_pages(changes, tmp_path) == [
        ChangedPage("M", "2023/07/05.md", "第五篇", "2023/07/05/"),
        ChangedPage("D", "2023/07/06.md", "2023/07/06.md", "2023/07/06/"),
        ChangedPage("M", "index.md", "index.md", ""),
        ChangedPage("M", "tags/iso.md", "标签：ISO", "tags/iso/"),
    ]


def test_the_comment_links_each_page_into_the_preview() -> None:
    pages = [
        ChangedPage("M", "2023/07/05.md", "第五篇", "2023/07/05/"),
        ChangedPage("A", "2023/07/index.md", "2023 年第 07 期", "2023/07/"),
        ChangedPage("D", "2023/07/06.md", "2023/07/06.md", "2023/07/06/"),
        ChangedPage("M", "index.md", "index.md", ""),
    ]
    text = comment_text(URL, "0123456789abcdef0123", pages, [])
    assert f"**预览地址：** {URL}" in text
    assert "`0123456789ab`" in text
    assert f"- 修改：[第五篇]({URL}2023/07/05/) · `docs/2023/07/05.md`" in text
    assert f"- 新增：[2023 年第 07 期]({URL}2023/07/) · `docs/2023/07/index.md`" in text
    assert "- 删除：`docs/2023/07/06.md`" in text
    assert f"[index\\.md]({URL})" in text
    assert "4 页" in text


def test_a_title_with_brackets_stays_one_link() -> None:
    pages = [ChangedPage("M", "2023/07/05.md", "关于[GB/T 1]的通知", "2023/07/05/")]
    text = comment_text(URL, "abc1234", pages, [])
    assert f"[关于\\[GB\\/T 1\\]的通知]({URL}2023/07/05/)" in text


def test_a_change_every_page_is_built_with_says_so_and_links_the_home_page() -> None:
    changes = [Change("M", "overrides/partials/content.html"), Change("M", "converter/run.py")]
    assert site_wide_changes(changes) == ["overrides/partials/content.html"]
    text = comment_text(URL, "abc1234", [], site_wide_changes(changes))
    assert "所有页面都重新生成" in text and f"[首页]({URL})" in text
    assert "没有改动任何页面" not in text


def test_a_pull_request_that_changes_no_page_says_so() -> None:
    assert "本 PR 没有改动任何页面。" in comment_text(URL, "abc1234", [], [])


def test_a_long_list_is_cut() -> None:
    pages = [
        ChangedPage("M", f"tags/t{i:03}.md", f"t{i}", f"tags/t{i:03}/")
        for i in range(MAX_LISTED + 7)
    ]
    text = comment_text(URL, "abc1234", pages, [])
    assert text.count("\n- 修改：") == MAX_LISTED
    assert "以及另外 7 页" in text


class FakeGitHub:
    """`gh api` over one pull request's comments; the --jq filter is run by jq."""

    def __init__(self, comments: list[dict[str, object]]) -> None:
        self.comments = comments
        self.calls: list[tuple[str, str]] = []

    def __call__(self, args: Sequence[str], stdin: str | None) -> str:
        method = args[args.index("--method") + 1] if "--method" in args else "GET"
        endpoint = next(arg for arg in args if arg.startswith("repos/"))
        self.calls.append((method, endpoint))
        if method == "GET":
            jq = shutil.which("jq")
            if jq is None:
                pytest.skip("jq is missing: it runs the filter gh api --jq would run")
            page = json.dumps(self.comments)
            filtered = args[args.index("--jq") + 1]
            return subprocess.run(
                [jq, "-r", filtered], input=page, capture_output=True, text=True, check=True
            ).stdout
        body = json.loads(stdin or "{}")["body"]
        if method == "POST":
            self.comments.append(
                {"id": 100 + len(self.comments), "user": {"login": BOT_LOGIN}, "body": body}
            )
        else:
            target = int(endpoint.rsplit("/", 1)[1])
            next(c for c in self.comments if c["id"] == target)["body"] = body
        return "{}"


def test_the_comment_is_posted_once_then_edited() -> None:
    someone = {"id": 1, "user": {"login": "editor"}, "body": f"{MARKER} quoted by a person"}
    github = FakeGitHub([someone])
    assert post("o/r", 12, "first", github) == "posted a comment"
    assert post("o/r", 12, "second", github) == "updated comment 101"
    assert post("o/r", 12, "third", github) == "updated comment 101"
    assert [c["body"] for c in github.comments] == [someone["body"], f"{MARKER}\nthird"]
    assert ("POST", "repos/o/r/issues/12/comments") in github.calls
    assert ("PATCH", "repos/o/r/issues/comments/101") in github.calls


def test_closing_edits_the_comment_and_posts_none_when_there_was_none(
    capsys: pytest.CaptureFixture[str],
) -> None:
    github = FakeGitHub([])
    assert pr_comment.main(["closed", "12", "--repo", "o/r"], github) == 0
    assert github.comments == []
    post("o/r", 12, "preview", github)
    assert pr_comment.main(["closed", "12", "--repo", "o/r"], github) == 0
    assert github.comments[0]["body"] == f"{MARKER}\n{pr_comment.CLOSED_TEXT}"
    assert "updated comment" in capsys.readouterr().out
