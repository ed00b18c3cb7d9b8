"""The same docs/ built by Zensical, Material's successor (pinned in pyproject.toml):
every page is there with its meta line, tables, footnotes and tags, and the site's
own search answers. Evidence for the README's Zensical section, kept true by CI.

Two docs folders are built: the converted sample, whose pages are known here, and
the repository's docs/ as it stands (a pull request's, in CI's Zensical job), checked
page by page against its own Markdown."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from converter.site.front_matter import read_fields
from converter.site.paths import page_url
from tests.notes_html import assert_notes_show_their_labels
from tools.browser import DESKTOP, search_results, serve
from tools.build import checkout_env, copy_site_files

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.site]


# A Markdown table's rule under its header row (| --- | :-: |), and a footnote's definition.
TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)


def zensical_build(docs: Path, project: Path) -> Path:
    """``docs`` built by Zensical next to the repository's configuration and theme."""
    shutil.copytree(docs, project / "docs")
    copy_site_files(project)
    zensical = Path(sys.executable).with_name("zensical")
    subprocess.run(
        [str(zensical), "build", "--strict", "-f", "mkdocs.yml"],
        check=True,
        cwd=project,
        env=checkout_env(),
    )
    return project / "site"


@pytest.fixture(scope="module")
def zensical_site(converted_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = zensical_build(converted_docs, tmp_path_factory.mktemp("zensical"))
    subprocess.run(
        [sys.executable, "-m", "sitesearch", str(site.parent / "docs"), str(site)],
        check=True,
        cwd=ROOT,
    )
    return site


@pytest.fixture(scope="module")
def repository_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zensical_build(ROOT / "docs", tmp_path_factory.mktemp("zensical-repository"))


@pytest.fixture(params=["zensical_site", "repository_site"])
def built(request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """A docs folder and its site, as Zensical built it."""
    site: Path = request.getfixturevalue(request.param)
    return site.parent / "docs", site


def html_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_built_with_its_meta_line_tables_and_footnotes(
    built: tuple[Path, Path],
) -> None:
    docs, site = built
    pages = sorted(docs.rglob("*.md"))
    assert pages
    for markdown in pages:
        relative = markdown.relative_to(docs).as_posix()
        built_page = site / page_url(relative) / "index.html"
        assert built_page.is_file(), f"{relative}: no {built_page.relative_to(site)}"
        text = markdown.read_text(encoding="utf-8")
        html = BeautifulSoup(built_page.read_text(encoding="utf-8"), "html.parser")
        content = html.select_one(".md-content")
        assert content is not None, relative
        if "authors" in read_fields(text):  # an article: the template's condition
            meta = content.select_one(".article-meta")
            assert meta is not None and " 年第 " in meta.get_text(), f"{relative}: meta line"
        tables = len(TABLE_RULE.findall(text))
        assert len(content.select("table")) == tables, f"{relative}: {tables} tables"
        footnotes = len(FOOTNOTE_DEFINITION.findall(text))
        assert len(content.select(".footnote li")) == footnotes, f"{relative}: footnotes"
        if footnotes:
            assert content.select_one("a.footnote-ref") is not None, f"{relative}: references"


def test_articles_keep_meta_line_tags_table_and_footnotes(zensical_site: Path) -> None:
    page = html_of(zensical_site, "2023/07/01")
    assert page.h1 is not None and "电动汽车标准化路线图" in page.h1.get_text()
    meta = page.select_one(".article-meta")
    assert meta is not None and "2023 年第 07 期" in meta.get_text()
    assert "作者：邓阿妹、孙玉琦" in meta.get_text()
    assert [a.get_text() for a in page.select(".md-tag")][:2] == ["ANSI", "SAE"]
    assert len(page.select("table tbody tr")) == 37
    assert page.select(".footnote li")
    assert page.select_one("a.footnote-ref") is not None


def test_footnotes_show_the_sources_numbers(zensical_site: Path) -> None:
    """The repository's footnotes extension loads in Zensical too (by name, from
    mkdocs.yml): note 16 reads 16, not its place on its page."""
    folders = sorted(p.parent for p in (zensical_site / "2023" / "07").glob("[0-9]*/index.html"))
    pages = [html_of(zensical_site, f.relative_to(zensical_site).as_posix()) for f in folders]
    assert pages
    for page in pages:
        assert_notes_show_their_labels(page)
    shown = [a.get_text() for page in pages for a in page.select('a.footnote-ref[href="#fn:16"]')]
    assert shown == ["16"]


@pytest.mark.browser
def test_the_sites_own_search_answers(zensical_site: Path, browser: Browser) -> None:
    with serve(zensical_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(f"{base}2023/07/")
        assert "/2023/07/20/" in search_results(page, "智能网联汽车")
        page.close()
