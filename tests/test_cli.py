"""The ``convert`` command end to end: output, messages, and what it does to DIR."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from converter.cli import main
from converter.site.front_matter import CHECKSUM_KEY, page, read_fields
from tests.golden import tree

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n\n", re.DOTALL)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def convert(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", *map(str, args)], out, err)
    return Run(code, out.getvalue(), err.getvalue())


def converted(sample: Path, docs: Path, *more: str | Path) -> Run:
    run = convert(sample, *more, "--out", docs)
    assert run.code == 0, run.err
    return run


def error_lines(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if line.startswith("error:")]


def test_same_input_converts_to_byte_identical_trees(sample_export: Path, tmp_path: Path) -> None:
    converted(sample_export, tmp_path / "first")
    converted(sample_export, tmp_path / "second")
    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert "2023/07/01.md" in first
    assert sorted(first) == sorted(second)
    for name, content in first.items():
        assert content == second[name], f"{name} differs between two conversions"


def test_summary_line_counts_what_was_converted(sample_export: Path, tmp_path: Path) -> None:
    run = converted(sample_export, tmp_path / "docs")
    assert "1 issues, 22 articles, 26 footnotes, 1 tables" in run.out


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(
    sample_export: Path, tmp_path: Path
) -> None:
    run = converted(sample_export, tmp_path / "docs")
    assert "[1/1] 2023-07.txt" in run.err.splitlines()
    assert "\r" not in run.err and "\033" not in run.err


def test_converting_again_changes_nothing(sample_export: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    before = tree(docs)
    run = converted(sample_export, docs)
    assert tree(docs) == before
    assert "0 pages written" in run.out and "0 skipped" in run.out


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # No running header and no issue in the file name: the issue cannot be told.
        ("empty.txt", b""),
        # Neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
        ("2023-08.txt", b"\xff\xfe\xfa" * 10),
    ],
    ids=["empty", "undecodable"],
)
def test_failed_run_leaves_the_docs_folder_as_it_was(
    sample_export: Path, tmp_path: Path, name: str, data: bytes
) -> None:
    docs = tmp_path / "out" / "docs"
    converted(sample_export, docs)
    snapshot = tree(docs)
    bad = tmp_path / name
    bad.write_bytes(data)

    run = convert(sample_export, bad, "--out", docs)

    assert run.code == 1
    errors = error_lines(run)
    assert errors and all(str(bad) in line for line in errors), run.err
    assert tree(docs) == snapshot
    assert [p.name for p in docs.parent.iterdir()] == ["docs"], "a staging folder was left"


def test_an_export_without_articles_is_refused(sample_export: Path, tmp_path: Path) -> None:
    """An empty (say, truncated) export of an issue already in DIR is an error, not an
    issue with no articles: re-converting an issue removes the pages it no longer has,
    so accepting it would delete every article of the issue."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    snapshot = tree(docs)
    empty = tmp_path / "truncated" / sample_export.name
    empty.parent.mkdir()
    empty.write_bytes(b"")

    run = convert(empty, "--out", docs)

    assert run.code == 1
    assert any(str(empty) in line for line in error_lines(run)), run.err
    assert tree(docs) == snapshot


def nav_pages(node: object) -> set[str]:
    """Every page path in a MkDocs ``nav`` (nested lists and one-key mappings)."""
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set().union(*(nav_pages(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(nav_pages(item) for item in node))
    return set()


def test_a_second_issue_joins_the_navigation(sample_export: Path, tmp_path: Path) -> None:
    """Archive files the converter generated (navigation, feed) are regenerated when
    another issue is converted into the folder; they are not edits to keep."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    august = tmp_path / "2023-08.txt"
    text = sample_export.read_text(encoding="utf-8")
    august.write_text(text.replace("2023 年第 07 期", "2023 年第 08 期"), encoding="utf-8")

    run = converted(august, docs)

    listed = nav_pages(yaml.safe_load((docs / ".nav.yml").read_text(encoding="utf-8")))
    for issue in ("2023/07", "2023/08"):
        pages = {p.relative_to(docs).as_posix() for p in (docs / issue).glob("*.md")}
        assert pages and pages <= listed, f"{issue} is missing from the navigation"
    assert "skipped:" not in run.err


def test_two_exports_of_one_issue_are_refused(sample_export: Path, tmp_path: Path) -> None:
    first = tmp_path / "a" / "2023-07.txt"
    second = tmp_path / "b" / "2023-07.txt"
    for copy in (first, second):
        copy.parent.mkdir()
        shutil.copy(sample_export, copy)
    docs = tmp_path / "docs"

    run = convert(first, second, "--out", docs)

    assert run.code == 1
    errors = error_lines(run)
    assert any(str(first) in line and str(second) in line for line in errors), run.err
    assert not docs.exists()


def body_of(text: str) -> str:
    match = FRONT_MATTER.match(text)
    assert match, "page has no front matter"
    return text[match.end() :]


def edit_a_sentence(text: str) -> str:
    body = body_of(text)
    edited = body.replace("。", "。编辑补写了这一句。", 1)
    assert edited != body
    return text[: len(text) - len(body)] + edited


def test_a_page_edited_by_hand_is_kept_unless_forced(sample_export: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    article = docs / "2023" / "07" / "01.md"
    generated = article.read_bytes()
    edited = edit_a_sentence(generated.decode("utf-8")).encode("utf-8")
    article.write_bytes(edited)

    # The export is unchanged, so a plain run does not convert it at all; converting
    # it again (as after a converter update) must still leave the edit alone.
    assert converted(sample_export, docs).err.count("skipped:") == 0
    assert article.read_bytes() == edited
    run = converted(sample_export, docs, "--reconvert")

    assert article.read_bytes() == edited
    skipped = [line for line in run.err.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1 and "01.md was edited by hand" in skipped[0], run.err
    assert str(article) in skipped[0]

    converted(sample_export, docs, "--force")
    assert article.read_bytes() == generated


def test_pages_with_the_earlier_date_like_slug_are_updated_or_kept(
    sample_export: Path, tmp_path: Path
) -> None:
    """Pages converted when the slug was ``'2023-07-05'``: an unedited one (its checksum
    still matches) takes the new slug, the article's number; an edited one is still
    recognised and kept; and the editors' check accepts both."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    unedited, edited = docs / "2023" / "07" / "04.md", docs / "2023" / "07" / "05.md"
    generated = unedited.read_bytes()
    for article in (unedited, edited):
        text = article.read_text(encoding="utf-8")
        fields = {k: v for k, v in read_fields(text).items() if k != CHECKSUM_KEY}
        assert fields["slug"] == int(article.stem)
        earlier = page({**fields, "slug": f"2023-07-{article.stem}"}, body_of(text))
        article.write_text(earlier, encoding="utf-8")
    edited.write_text(edit_a_sentence(edited.read_text(encoding="utf-8")), encoding="utf-8")
    kept = edited.read_bytes()

    run = converted(sample_export, docs, "--reconvert")

    assert unedited.read_bytes() == generated
    assert edited.read_bytes() == kept
    assert "05.md was edited by hand" in run.err
    assert main(["check", str(docs)], io.StringIO(), io.StringIO()) == 0


def test_a_deleted_page_stays_deleted_and_is_created_again_once_restored(
    sample_export: Path, tmp_path: Path
) -> None:
    """An editor deleted the page (issue 17): the run records it in the issue's
    manifest instead of writing it back; ``deleted: false`` there restores it."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    article = docs / "2023" / "07" / "05.md"
    generated = article.read_bytes()
    article.unlink()

    run = converted(sample_export, docs, "--reconvert")

    assert not article.exists()
    assert "2023/07/05.md was deleted by an editor" in run.err
    manifest = docs / "2023" / "07" / ".articles.yml"
    text = manifest.read_text(encoding="utf-8")
    assert text.count("\n  deleted: true\n") == 1
    manifest.write_text(text.replace("deleted: true", "deleted: false"), encoding="utf-8")

    run = converted(sample_export, docs)

    assert article.read_bytes() == generated
    assert "skipped:" not in run.err


def test_an_unedited_page_from_an_older_conversion_is_rewritten(
    sample_export: Path, tmp_path: Path
) -> None:
    """A page the converter wrote earlier (checksum consistent) but would now write
    differently is not an edit: the new text replaces it."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    article = docs / "2023" / "07" / "02.md"
    generated = article.read_bytes()
    text = generated.decode("utf-8")
    front_matter = {k: v for k, v in read_fields(text).items() if k != CHECKSUM_KEY}
    older = page(front_matter, body_of(edit_a_sentence(text)))
    article.write_bytes(older.encode("utf-8"))

    # An older converter's page comes with an older converter hash in the cache;
    # --reconvert stands in for that converter update.
    run = converted(sample_export, docs, "--reconvert")

    assert article.read_bytes() == generated
    assert "skipped:" not in run.err


def test_the_source_field_is_the_same_whatever_form_of_path_was_given(
    sample_export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a project holding its exports: relative to the project, from any folder.
    project = tmp_path / "project"
    shutil.copy(sample_export, tmp_path / "2023-07.txt")
    (project / "archive").mkdir(parents=True)
    shutil.copy(sample_export, project / "archive" / "2023-07.txt")
    trees = []
    for folder, given in (
        (project, Path("archive/2023-07.txt")),
        (project, project / "archive" / "2023-07.txt"),
        (project / "archive", Path("../archive/./2023-07.txt")),
        (tmp_path, project / "archive" / ".." / "archive" / "2023-07.txt"),
    ):
        monkeypatch.chdir(folder)
        docs = project / "docs"
        shutil.rmtree(docs, ignore_errors=True)
        converted(given, docs)
        trees.append(tree(docs))
    assert all(found == trees[0] for found in trees[1:])
    assert read_fields(trees[0]["2023/07/01.md"].decode())["source"].startswith(
        "archive/2023-07.txt:"
    )
    # Outside the project and the working folder: archive/<name>, never the path.
    monkeypatch.chdir(project)
    docs = tmp_path / "elsewhere" / "docs"
    converted(tmp_path / "2023-07.txt", docs)
    source = str(read_fields((docs / "2023/07/01.md").read_text("utf-8"))["source"])
    assert source.startswith("archive/2023-07.txt:") and str(tmp_path) not in source


def check(docs: Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(docs)], out, err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize(
    "damage",
    [
        # An editor's broken YAML: an unclosed list on the page's line 5.
        lambda text: text.replace("\nsection: ", "\nsection: [", 1).encode("utf-8"),
        # The page saved in another encoding.
        lambda text: text.encode("gb18030"),
    ],
    ids=["broken-yaml", "not-utf-8"],
)
@pytest.mark.parametrize("more", [(), ("--reconvert",)], ids=["unchanged", "reconverted"])
def test_a_page_that_cannot_be_read_back_stops_the_run(
    sample_export: Path, tmp_path: Path, damage: object, more: tuple[str, ...]
) -> None:
    """The archive's pages are made from every article page, read back: one that
    cannot be read stops the run before it writes anything (listed without it, its
    issue would lose its title and its tags their pages)."""
    docs = tmp_path / "docs"
    converted(sample_export, docs)
    article = docs / "2023" / "07" / "03.md"
    assert callable(damage)
    article.write_bytes(damage(article.read_text("utf-8")))
    snapshot = tree(docs)
    gate = [line for line in check(docs).out.splitlines() if str(article) in line]

    run = convert(sample_export, *more, "--out", docs)

    assert run.code == 1
    assert len(gate) == 1 and re.match(rf"{re.escape(str(article))}:\d+: ", gate[0])
    assert error_lines(run) == [f"error: {gate[0]}; nothing was written"], run.err
    assert tree(docs) == snapshot
