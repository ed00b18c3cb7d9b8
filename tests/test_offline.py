"""The downloadable edition: the zip opened from file:// with the network blocked."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request

from converter.run import configured_site_url
from tools.browser import DESKTOP, search_results
from tools.build import build_site

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def unpacked(converted_docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the offline edition like `make offline`, zip it, unpack it elsewhere."""
    project = converted_docs.parent
    site = project / "site-offline"
    build_site(project, site, "mkdocs.offline.yml")
    archive = project / "dist" / "bulletin-offline.zip"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/make_zip.py"), str(site), str(archive), "bulletin"],
        check=True,
    )
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    return target / "bulletin"


def test_no_page_refers_to_the_network(unpacked: Path) -> None:
    pages = sorted(unpacked.rglob("*.html"))
    assert unpacked / "2023" / "07" / "01.html" in pages, "the edition has no article pages"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for marker in ('src="http', "src='http", 'href="https://fonts', "unpkg.com"):
            assert marker not in html, f"{page.relative_to(unpacked)} loads {marker}"


def offline_page(browser: Browser) -> tuple[Page, list[str]]:
    """A page whose every non-file request is refused and recorded."""
    context = browser.new_context(viewport=DESKTOP, offline=True)  # type: ignore[arg-type]
    fetched: list[str] = []

    def block(route: object, request: Request) -> None:
        if request.url.startswith("file://"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            fetched.append(request.url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", block)
    return context.new_page(), fetched


def test_pages_navigate_and_styles_load_from_file(unpacked: Path, browser: Browser) -> None:
    page, fetched = offline_page(browser)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unpacked / "index.html").as_uri())
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).position")
    assert header == "sticky", "Material's stylesheet did not load"
    page.click("article a[href$='2023/07/index.html']")
    page.wait_for_url("**/2023/07/index.html")
    page.click("article a[href$='01.html']")
    page.wait_for_url("**/2023/07/01.html")
    assert page.inner_text("h1") == "美国国家标准学会发布电动汽车标准化路线图"
    assert page.locator("table tbody tr").count() == 37
    assert fetched == []
    assert errors == []
    page.context.close()


def test_search_answers_from_file(unpacked: Path, browser: Browser) -> None:
    page, fetched = offline_page(browser)
    page.goto((unpacked / "2023/07/index.html").as_uri())
    links = search_results(page, "路线图")
    assert any(link.endswith("2023/07/01.html") for link in links), links
    assert fetched == []
    page.context.close()


def test_the_articles_issue_link_opens_the_issue_page_from_file(
    unpacked: Path, browser: Browser
) -> None:
    page, fetched = offline_page(browser)
    page.goto((unpacked / "2023/07/03.html").as_uri())
    page.click(".article-meta a")
    page.wait_for_url("**/2023/07/index.html")
    assert fetched == []
    page.context.close()


def test_the_zip_says_which_file_to_open(unpacked: Path) -> None:
    guide = (unpacked / "说明.txt").read_text(encoding="utf-8-sig")
    assert "index.html" in guide and (unpacked / "index.html").is_file()
    assert "共 1 期" in guide


def test_the_404_page_opens_styled_from_file(unpacked: Path, browser: Browser) -> None:
    page, fetched = offline_page(browser)
    page.goto((unpacked / "404.html").as_uri())
    assert page.inner_text("h1") == "找不到这个页面"
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).position")
    assert header == "sticky", "Material's stylesheet did not load"
    page.click("text=回到首页")
    page.wait_for_url("**/index.html")
    assert page.url == (unpacked / "index.html").as_uri()
    assert fetched == []
    page.context.close()


def test_the_offline_edition_cites_the_hosted_address(unpacked: Path, browser: Browser) -> None:
    """A citation names the page a reader can link to, not a file on one computer."""
    page, fetched = offline_page(browser)
    page.goto((unpacked / "2023/07/01.html").as_uri())
    site_url = configured_site_url(ROOT / "mkdocs.yml")
    assert site_url
    text = " ".join(page.inner_text(".bs-cite__text").split())
    assert text.endswith(". " + site_url.rstrip("/") + "/2023/07/01/"), text
    assert fetched == []
    page.context.close()
