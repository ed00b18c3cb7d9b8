"""The same docs/ built by Zensical, Material's successor (pinned in pyproject.toml):
every page is there with its meta line, tables, footnotes and tags, and the site's
own search answers. Evidence for the README's Zensical section, kept true by CI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from tests.notes_html import assert_notes_show_their_labels
from tools.browser import DESKTOP, search_results, serve
from tools.build import checkout_env, copy_site_files

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.site]


@pytest.fixture(scope="module")
def zensical_site(converted_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("zensical")
    shutil.copytree(converted_docs, project / "docs")
    copy_site_files(project)
    zensical = Path(sys.executable).with_name("zensical")
    subprocess.run(
        [str(zensical), "build", "--strict", "-f", "mkdocs.yml"],
        check=True,
        cwd=project,
        env=checkout_env(),
    )
    site = project / "site"
    subprocess.run(
        [sys.executable, "-m", "sitesearch", str(project / "docs"), str(site)], check=True, cwd=ROOT
    )
    return site


def html_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_built(converted_docs: Path, zensical_site: Path) -> None:
    for markdown in converted_docs.rglob("*.md"):
        stem = markdown.relative_to(converted_docs).as_posix().removesuffix(".md")
        folder = stem.removesuffix("index").rstrip("/")
        assert (zensical_site / folder / "index.html").exists(), stem


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
