"""`make site`'s build step (tools/build.py) and the template-whitespace hook."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.build import INDEX_FOLDER, build_site, staging_folder, uses_directory_urls

ROOT = Path(__file__).resolve().parent.parent


def test_directory_urls_follow_inherit(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text("site_name: x\nuse_directory_urls: false\n")
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\ntheme: !ENV [THEME, material]\n")
    (tmp_path / "plain.yml").write_text("site_name: x\n")
    assert uses_directory_urls(tmp_path / "child.yml") is False
    assert uses_directory_urls(tmp_path / "plain.yml") is True


def test_the_repository_configurations() -> None:
    assert uses_directory_urls(ROOT / "mkdocs.yml") is True
    assert uses_directory_urls(ROOT / "mkdocs.offline.yml") is False


@pytest.mark.site
def test_the_built_site_has_its_index(built_site: Path) -> None:
    index = built_site / INDEX_FOLDER
    assert (index / "meta.js").read_text(encoding="utf-8").startswith("bulletinSearch.meta(")
    assert '"directoryUrls":true' in (index / "meta.js").read_text(encoding="utf-8")
    assert not list(built_site.parent.glob(".search-staging.*")), "staging left behind"
    assert not staging_folder(built_site).exists(), "staging left behind"


@pytest.mark.site
def test_a_failed_build_writes_no_index(converted_docs: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(converted_docs.parent, project, ignore=shutil.ignore_patterns("site*"))
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nmarkdown_extensions:\n  - no_such_extension\n")  # MkDocs fails
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError):
        build_site(project, project / "site")
    assert not (project / "site" / INDEX_FOLDER).exists()
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"], "the previous site"
    assert not list(project.glob(".search-staging.*"))
    assert not staging_folder(project / "site").exists()


def visible_text(page: Path) -> str:
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.site
def test_trimmed_templates_show_the_same_text(built_site: Path, tmp_path: Path) -> None:
    """The hook drops the templates' indentation and nothing a reader sees: every
    page's text (whitespace runs read as one space, as a browser does) is the same
    as that of a build without the hook, and the pages are smaller."""
    project = built_site.parent
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # Only the whitespace hook goes: the others change what a page holds.
    without = config.replace("  - hooks/template_whitespace.py\n", "")
    assert without != config, "mkdocs.yml does not load hooks/template_whitespace.py"
    (project / "mkdocs.untrimmed.yml").write_text(without, encoding="utf-8")
    plain = tmp_path / "untrimmed"
    build = ["build", "-q", "-f", "mkdocs.untrimmed.yml", "-d", str(plain)]
    subprocess.run([sys.executable, "-m", "mkdocs", *build], check=True, cwd=project)
    pages = sorted(path.relative_to(plain) for path in plain.rglob("*.html"))
    assert len(pages) > 22
    for page in pages:
        assert visible_text(built_site / page) == visible_text(plain / page), page
    trimmed = sum((built_site / page).stat().st_size for page in pages)
    untrimmed = sum((plain / page).stat().st_size for page in pages)
    assert trimmed < 0.9 * untrimmed  # 13 % on the sample; 30 % at 240 issues
