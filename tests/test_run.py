"""A conversion run gathers every page, checks them, and only then writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import run
from converter.model import Issue
from converter.run import Options, PagesRejected, configured_site_url, convert
from converter.site.issue_pages import render_issue

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"


def test_a_rendered_page_that_fails_its_checks_stops_the_run_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(issue: Issue) -> dict[str, str]:
        pages = render_issue(issue)
        pages["2023/07/01.md"] += "\n一个没有定义的注释[^99]。\n"
        return pages

    monkeypatch.setattr(run, "render_issue", broken)
    docs = tmp_path / "docs"
    with pytest.raises(PagesRejected) as rejected:
        convert([SAMPLE], Options(out_dir=docs))
    (problem,) = rejected.value.problems
    assert problem.path == "2023/07/01.md" and "[^99]" in problem.message
    assert not docs.exists()


def test_an_archive_page_that_fails_its_checks_stops_the_run_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive's pages (home, years, tags, standards) go through the same checks
    as the issues' before anything is written."""
    archive_pages = run.archive_pages

    def broken(*args: object, **kwargs: object) -> dict[str, str]:
        pages = archive_pages(*args, **kwargs)  # type: ignore[arg-type]
        pages["index.md"] += "\n| a | b |\n| --- | --- |\n| 1 |\n"
        return pages

    monkeypatch.setattr(run, "archive_pages", broken)
    docs = tmp_path / "docs"
    with pytest.raises(PagesRejected) as rejected:
        convert([SAMPLE], Options(out_dir=docs))
    (problem,) = rejected.value.problems
    assert problem.path == "index.md" and "1 cells where the header has 2" in problem.message
    assert not docs.exists()


def test_the_outcome_names_what_was_written_and_what_was_reused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = convert([SAMPLE], Options(out_dir=docs))
    assert [c.issue_id for c in first.converted] == ["2023-07"]
    assert "2023/07/01.md" in first.plan.write
    again = convert([SAMPLE], Options(out_dir=docs))
    assert again.converted == () and again.unchanged == (SAMPLE,)
    assert again.plan.write == {}


def test_site_url_is_read_from_the_mkdocs_configuration(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    assert configured_site_url(config) == "/"
    config.write_text(
        "INHERIT: docs/.nav.yml\nsite_url: https://example.org/b/\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert configured_site_url(config) == "https://example.org/b/"
    assert configured_site_url(ROOT / "mkdocs.yml").startswith("https://")
