"""Exploring the archive: tags, the standards index, the feed, and the pages in Chromium."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Route

from tools.browser import DESKTOP, serve

ATOM = "{http://www.w3.org/2005/Atom}"
pytestmark = pytest.mark.site


def soup_of(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def test_article_shows_its_tags_linked_to_their_pages(built_site: Path) -> None:
    tags = soup_of(built_site, "2023/07/09/index.html").select("nav.md-tags a.md-tag")
    assert [tag.get_text(strip=True) for tag in tags] == ["IEC"]
    assert str(tags[0]["href"]) == "../../../tags/iec/"
    assert (built_site / "tags/iec/index.html").exists()


def test_tags_index_counts_each_tags_articles_by_group(built_site: Path) -> None:
    soup = soup_of(built_site, "tags/index.html")
    groups = [h2.get_text(strip=True).rstrip("¶") for h2 in soup.select("article h2")]
    assert groups == ["机构", "地区", "主题"]
    ansi = soup.find("a", string="ANSI")
    assert ansi is not None and str(ansi["href"]) == "ansi/"
    assert "（1 篇）" in ansi.parent.get_text()  # type: ignore[union-attr]
    uk = soup.find("a", string="英国")
    assert uk is not None and str(uk["href"]) == "united-kingdom/"


def test_tag_page_lists_its_articles_with_issue_and_date(built_site: Path) -> None:
    soup = soup_of(built_site, "tags/ansi/index.html")
    assert soup.select_one("article h1").get_text(strip=True).startswith("标签：ANSI")  # type: ignore[union-attr]
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in soup.select("article h2")] == ["2023 年"]
    (item,) = [li for li in soup.select("article li") if li.find("a", href="../../2023/07/01/")]
    assert " ".join(item.get_text().split()) == (
        "美国国家标准学会发布电动汽车标准化路线图 · 2023 年第 07 期 · 2023-06-15"
    )


def test_standards_index_links_each_family_to_its_page(built_site: Path) -> None:
    soup = soup_of(built_site, "standards/index.html")
    families = [a.get_text(strip=True) for a in soup.select("article li a")]
    assert families == sorted(families)
    assert {"ASTM", "BS", "SAE", "UL", "IEEE", "EN", "CEN/TS", "ISO/IEC"} <= set(families)
    assert "IEC" not in families  # IEC and ISO/IEC share one number space, one page
    joint = soup.find("a", string="ISO/IEC")
    assert joint is not None and str(joint["href"]) == "iso-iec/"


def test_family_page_lists_each_standard_once_with_the_forms_cited(built_site: Path) -> None:
    soup = soup_of(built_site, "standards/iso-iec/index.html")
    entry = soup.find(id="iso-iec-62208")
    assert entry is not None
    item = entry.find_parent("li")
    assert item is not None
    links = [str(a["href"]) for a in item.find_all("a")]
    assert links == ["../../2023/07/09/"]
    assert "文中作 IEC 62208:2023 CMV、IEC 62208" in item.get_text()
    joint = soup.find(id="iso-iec-15118")
    assert joint is not None and joint.get_text() == "IEC 15118"
    ieee = soup_of(built_site, "standards/ieee/index.html").select("article li")
    codes = [li.get_text().split("：")[0] for li in ieee]
    assert codes == ["IEEE 1621", "IEEE 2030", "IEEE 2030.5", "IEEE 2030.13"]


def test_article_lists_the_standards_it_mentions(built_site: Path) -> None:
    block = soup_of(built_site, "2023/07/10/index.html").select_one(".article-standards")
    assert block is not None
    assert [a.get_text() for a in block.find_all("a")] == ["ASTM D8506-2023"]
    assert [a["href"] for a in block.find_all("a")] == ["../../../standards/astm/#astm-d8506"]
    target = soup_of(built_site, "standards/astm/index.html")
    assert target.find(id="astm-d8506") is not None


def test_feed_is_valid_atom_an_entry_per_issue(built_site: Path) -> None:
    feed = ElementTree.parse(built_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "2023 年第 07 期"
    assert entry.findtext(f"{ATOM}updated") == "2023-07-01T00:00:00Z"
    link = entry.find(f"{ATOM}link")
    assert link is not None and str(link.get("href")).startswith("https://")
    assert str(link.get("href")).endswith("/2023/07/")
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert summary.startswith("7 月，国家发展改革委等部门发布《工业重点领域能效标杆水平")
    assert len(summary) <= 200 and "[" not in summary and "<" not in summary
    head = soup_of(built_site, "index.html").find("link", type="application/atom+xml")
    assert head is not None and str(head["href"]).endswith("feed.xml")


# --- in Chromium ---------------------------------------------------------------


def open_page(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """Open ``url``, refusing (and recording) every request that leaves the site: not
    even GitHub's API for the repository's facts (the header shows no repository)."""
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    problems: list[str] = []

    def outside(route: Route) -> None:
        problems.append(f"external request: {route.request.url}")
        route.abort()

    page.route(lambda url: not url.startswith("http://127.0.0.1"), outside)
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["", "2023/", "2023/07/", "2023/07/01/", "2023/07/17/", "tags/", "tags/iso/", "standards/"],
)
def test_no_console_errors_on_load(built_site: Path, browser: Browser, path: str) -> None:
    with serve(built_site) as base:
        page, problems = open_page(browser, base + path)
        page.close()
    assert problems == []


@pytest.mark.browser
def test_footnote_marker_jumps_to_the_note_and_back(built_site: Path, browser: Browser) -> None:
    with serve(built_site) as base:
        page, problems = open_page(browser, base + "2023/07/07/")
        page.click('sup a[href="#fn:8"]')
        page.wait_for_function("location.hash === '#fn:8'")
        assert page.locator('[id="fn:8"]').is_visible()
        assert "Standardization boosts productivity" in page.inner_text('[id="fn:8"]')
        page.click('[id="fn:8"] a.footnote-backref')
        page.wait_for_function("location.hash === '#fnref:8'")
        assert page.locator('[id="fnref:8"]').is_visible()
        in_view = page.eval_on_selector(
            '[id="fnref:8"]',
            "e => { const r = e.getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= innerHeight; }",
        )
        page.close()
    assert in_view
    assert problems == []


@pytest.mark.browser
def test_tags_page_lists_articles_in_the_browser(built_site: Path, browser: Browser) -> None:
    with serve(built_site) as base:
        page, problems = open_page(browser, base + "tags/")
        page.click("article a:text-is('英国')")
        page.wait_for_url("**/tags/united-kingdom/")
        links = page.locator("article a", has_text="英国标准协会发布农业机器人操作规范标准")
        assert links.count() >= 1
        page.close()
    assert problems == []
