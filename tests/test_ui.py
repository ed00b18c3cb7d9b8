"""What a reader gets around the text (overrides/, docs/stylesheets/extra.css,
overrides/assets/javascripts/bulletin.js): the citation, the page's description and
meta tags, the Chinese 404 at any base path, no edit link on generated pages, the skip
link, tables on a phone, dark mode, print, and axe-core on each kind of page.

The built site is the session's (conftest): the sample converted and built with the
repository's mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, Page

from converter.run import configured_site_url
from converter.site.paths import is_editable, page_url
from scripts.preview import preview_config
from tools.browser import DESKTOP, PHONE, SEARCH_TIMEOUT_MS, serve
from tools.build import build_site

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.site

ISSUE = "2023/07"
TABLE_ARTICLE = f"{ISSUE}/01/"
FIGURE_ARTICLE = f"{ISSUE}/14/"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
SITE_NAME = "标准化动态"
# partials/page-facts.html: a description is about this many characters of the lead.
DESCRIPTION_LENGTH = 120
# GB/T 7714-2015: three authors are listed, then "等".
LISTED_AUTHORS = 3
ACCESS_DATE = re.compile(r"^\[(\d{4}-\d{2}-\d{2})\]$")

# axe-core, vendored (tests/vendor/axe-core/README.md says where from): the test
# refuses a file that is not the pinned release.
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
# Rules a page may still break, each with the reason it is accepted: none today.
AXE_ACCEPTED: dict[str, str] = {}
# One page of each kind; "no/such/page/" is answered with the 404 page.
PAGE_KINDS = {
    "home": "",
    "year": "2023/",
    "issue": f"{ISSUE}/",
    "article with a table": TABLE_ARTICLE,
    "article with a figure": FIGURE_ARTICLE,
    "tags": "tags/",
    "a tag": "tags/ansi/",
    "standards": "standards/",
    "a standards family": "standards/iso-iec/",
    "404": "no/such/page/",
}
SCHEMES = ("light", "dark")


# --- reading the built site ----------------------------------------------------------


def front_matter(docs: Path, relative: str) -> dict[str, Any]:
    match = FRONT_MATTER.match((docs / relative).read_text(encoding="utf-8"))
    assert match, f"{relative} has no front matter"
    fields = yaml.safe_load(match.group(1))
    assert isinstance(fields, dict)
    return fields


def built_page(site: Path, relative: str) -> Path:
    return site / page_url(relative) / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    """The content of every <meta name=key> or <meta property=key>."""
    tags = page.find_all("meta", attrs={"name": key}) + page.find_all(
        "meta", attrs={"property": key}
    )
    return [str(tag["content"]) for tag in tags]


def articles(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.glob("*/*/[0-9]*.md"))


def all_pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


@pytest.fixture(scope="module")
def site_url() -> str:
    url = configured_site_url(ROOT / "mkdocs.yml")
    assert url, "mkdocs.yml has no site_url"
    return url.rstrip("/") + "/"


def lead_text(page: BeautifulSoup) -> str:
    """The article's first paragraph under its meta line, without footnote markers."""
    line = page.select_one("p.article-meta")
    assert isinstance(line, Tag)
    lead = line.find_next_sibling("p")
    assert isinstance(lead, Tag)
    for marker in lead.find_all("sup"):
        marker.decompose()
    return " ".join(lead.get_text().split())


def expected_citation(fields: dict[str, Any], url: str) -> str:
    """GB/T 7714-2015 for an online journal article, without its access date."""
    authors = list(fields["authors"] or [])
    names = ", ".join(authors[:LISTED_AUTHORS]) + (", 等" if len(authors) > LISTED_AUTHORS else "")
    year, month = str(fields["issue"]).split("-")
    start = f"{names}. " if names else ""
    return f"{start}{fields['title']}[J/OL]. {SITE_NAME}, {year}({int(month)}). {url}"


# --- the pages' HTML -----------------------------------------------------------------


def test_each_article_is_described_by_its_own_lead(built_site: Path, converted_docs: Path) -> None:
    seen = set()
    for relative in articles(converted_docs):
        page = soup(built_page(built_site, relative))
        (description,) = meta(page, "description")
        lead = lead_text(page)
        expected = lead[:DESCRIPTION_LENGTH] + ("…" if len(lead) > DESCRIPTION_LENGTH else "")
        assert description == expected, relative
        assert meta(page, "og:description") == [description]
        seen.add(description)
    assert len(seen) == len(articles(converted_docs)), "two articles share a description"


def test_articles_carry_og_and_citation_tags(
    built_site: Path, converted_docs: Path, site_url: str
) -> None:
    for relative in articles(converted_docs):
        fields = front_matter(converted_docs, relative)
        page = soup(built_page(built_site, relative))
        url = site_url + page_url(relative)
        year, month = str(fields["issue"]).split("-")
        assert meta(page, "og:type") == ["article"]
        assert meta(page, "og:title") == [fields["title"]]
        assert meta(page, "og:url") == [url]
        assert meta(page, "og:site_name") == [SITE_NAME]
        assert meta(page, "og:locale") == ["zh_CN"]
        assert meta(page, "citation_title") == [fields["title"]]
        assert meta(page, "citation_author") == list(fields["authors"])
        assert meta(page, "citation_publication_date") == [f"{year}/{month}"]
        assert meta(page, "citation_journal_title") == [SITE_NAME]
        assert meta(page, "citation_issue") == [str(int(month))]
        assert meta(page, "citation_language") == ["zh"]
        assert meta(page, "citation_public_url") == [url]


def test_other_pages_have_og_tags_and_no_citation(built_site: Path, converted_docs: Path) -> None:
    for relative in ["index.md", "2023/index.md", f"{ISSUE}/index.md", "tags/index.md"]:
        page = soup(built_page(built_site, relative))
        assert meta(page, "og:type") == ["website"], relative
        assert len(meta(page, "og:title")) == 1 and len(meta(page, "description")) == 1
        assert meta(page, "citation_title") == [], relative
        assert page.select(".bs-cite") == [], relative


def test_the_home_page_is_titled_once(built_site: Path) -> None:
    page = soup(built_site / "index.html")
    assert page.title is not None and page.title.get_text() == SITE_NAME


def test_the_citation_reads_as_gb_t_7714(
    built_site: Path, converted_docs: Path, site_url: str
) -> None:
    for relative in articles(converted_docs):
        page = soup(built_page(built_site, relative))
        text = page.select_one(".bs-cite__text")
        assert isinstance(text, Tag), relative
        fields = front_matter(converted_docs, relative)
        expected = expected_citation(fields, site_url + page_url(relative))
        assert " ".join(text.get_text().split()) == expected
        heading = page.select_one(".bs-cite h2")
        assert heading is not None and heading.get_text() == "引用本文"


def test_only_the_editors_pages_have_an_edit_link(built_site: Path, converted_docs: Path) -> None:
    pages = all_pages(converted_docs)
    assert any(is_editable(p) for p in pages) and not all(is_editable(p) for p in pages)
    for relative in pages:
        edit = soup(built_page(built_site, relative)).select('a[rel="edit"]')
        assert bool(edit) == is_editable(relative), relative


def test_no_page_shows_the_generator_or_an_inferred_mark(
    built_site: Path, converted_docs: Path
) -> None:
    for relative in all_pages(converted_docs):
        page = soup(built_page(built_site, relative))
        footer = page.select_one("footer")
        assert footer is not None
        assert "Material for MkDocs" not in footer.get_text(), relative
        line = page.select_one("p.article-meta")
        assert line is None or "推测" not in line.get_text(), relative


def test_a_headings_link_is_titled_in_chinese(built_site: Path, converted_docs: Path) -> None:
    """Its title is a tooltip and what a screen reader names the link: not "Permanent link"."""
    titles = {
        link.get("title", "")
        for relative in all_pages(converted_docs)
        for link in soup(built_page(built_site, relative)).select("a.headerlink")
    }
    assert titles and not [title for title in titles if re.search("[A-Za-z]", str(title))]


def test_only_the_preview_marks_an_inferred_section(
    built_site: Path, converted_docs: Path, tmp_path: Path
) -> None:
    """Readers see an inferred section like any other; editors, on the preview, see 推测."""
    project = converted_docs.parent
    config = project / "mkdocs.preview-ui-test.yml"
    config.write_text(preview_config("https://example.org/bulletin/pr/7/", None), "utf-8")
    try:
        build_site(project, tmp_path / "preview", config.name)
    finally:
        config.unlink()
    inferred = [
        relative
        for relative in articles(converted_docs)
        if front_matter(converted_docs, relative).get("section_inferred")
    ]
    assert inferred, "the sample has inferred sections"
    for relative in inferred:
        for site, marked in ((built_site, False), (tmp_path / "preview", True)):
            line = soup(built_page(site, relative)).select_one("p.article-meta")
            assert line is not None
            assert ("（推测）" in line.get_text()) == marked, (site, relative)


def test_a_figure_placeholder_is_announced_once(built_site: Path, converted_docs: Path) -> None:
    figures = 0
    for relative in articles(converted_docs):
        for figure in soup(built_page(built_site, relative)).select("article figure"):
            figures += 1
            image, caption = figure.find("img"), figure.find("figcaption")
            assert isinstance(image, Tag) and isinstance(caption, Tag)
            assert caption.get_text() not in str(image.get("alt", "")) + str(image.get("title"))
    assert figures > 0, "the sample has figures"


# --- in a browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hosted(built_site: Path) -> Iterator[str]:
    """The built site served at the server's root, answering a miss with its 404."""
    with serve(built_site, built_site / "404.html") as base:
        yield base


def open_page(browser: Browser, url: str, **options: Any) -> Page:
    page = browser.new_page(**options)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def citation(page: Page) -> str:
    return " ".join(page.inner_text(".bs-cite__text").split())


def test_the_citation_gets_the_readers_access_date(
    hosted: str, browser: Browser, site_url: str
) -> None:
    page = open_page(browser, hosted + TABLE_ARTICLE, viewport=DESKTOP)
    accessed = page.inner_text(".bs-cite__accessed")
    match = ACCESS_DATE.match(accessed)
    assert match, accessed
    # The browser's local day: within a day of the test's, whatever the time zones.
    day = dt.date.fromisoformat(match.group(1))
    assert abs((day - dt.datetime.now(dt.UTC).date()).days) <= 1
    assert citation(page).endswith(f"({int(ISSUE[5:])}){accessed}. {site_url}{TABLE_ARTICLE}")
    page.close()


def test_the_copy_button_copies_the_citation(hosted: str, browser: Browser) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(hosted + TABLE_ARTICLE)
    page.click(".bs-cite__copy")
    page.wait_for_function("() => document.querySelector('.bs-cite__status').textContent")
    assert page.inner_text(".bs-cite__status") == "已复制"
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert " ".join(copied.split()) == citation(page)
    context.close()


def test_a_refused_clipboard_leaves_the_citation_selected(hosted: str, browser: Browser) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));"
        "document.execCommand = () => false;"
    )
    page = context.new_page()
    page.goto(hosted + TABLE_ARTICLE)
    page.click(".bs-cite__copy")
    page.wait_for_function("() => document.querySelector('.bs-cite__status').textContent")
    assert "已选中" in page.inner_text(".bs-cite__status")
    selected = page.evaluate("() => window.getSelection().toString()")
    assert " ".join(selected.split()) == citation(page)
    context.close()


def test_the_first_tab_reaches_the_skip_link_to_the_text(hosted: str, browser: Browser) -> None:
    page = open_page(browser, hosted + TABLE_ARTICLE, viewport=DESKTOP)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "bs-main"
    page.keyboard.press("Tab")  # the next stop is in the text, not the navigation
    inside = "() => document.activeElement.closest('article.md-content__inner') !== null"
    assert page.evaluate(inside)
    page.close()


SCROLL_BOX = ".md-typeset__scrollwrap"
HINT = "(box) => getComputedStyle(box, '::before').content"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_wide_table_says_it_scrolls_only_when_it_does(
    hosted: str, browser: Browser, viewport: dict[str, int]
) -> None:
    page = open_page(browser, hosted + TABLE_ARTICLE, viewport=viewport)
    box = page.locator(SCROLL_BOX).first
    overflows = box.evaluate("(box) => box.scrollWidth > box.clientWidth + 1")
    hint = box.evaluate(HINT)
    assert (hint not in ("none", "normal")) == overflows
    if viewport == PHONE:
        assert overflows, "the 5-column table fits a phone: nothing to test"
        assert "左右滑动" in hint
        assert box.get_attribute("tabindex") == "0"  # a keyboard can scroll it
    page.close()


def test_a_long_tables_header_stays_in_view(hosted: str, browser: Browser) -> None:
    page = open_page(browser, hosted + TABLE_ARTICLE, viewport=PHONE)
    box = page.locator(SCROLL_BOX).first
    box.evaluate("(box) => { box.scrollTop = box.scrollHeight / 2; }")
    top_of = "(e) => e.getBoundingClientRect().top"
    header = page.locator(f"{SCROLL_BOX} thead th").first
    assert abs(header.evaluate(top_of) - box.evaluate(top_of)) < 2
    page.close()


@pytest.mark.parametrize(("scheme", "expected"), [("light", "default"), ("dark", "slate")])
def test_the_colour_scheme_follows_the_system(
    hosted: str, browser: Browser, scheme: str, expected: str
) -> None:
    page = open_page(browser, hosted, viewport=DESKTOP, color_scheme=scheme)
    current = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(current) == expected
    page.click("form[data-md-component=palette] label:visible")
    assert page.evaluate(current) != expected  # the toggle switches it
    page.close()


def test_a_printed_article_names_the_site_and_its_address(
    hosted: str, browser: Browser, site_url: str
) -> None:
    page = open_page(browser, hosted + TABLE_ARTICLE, viewport=DESKTOP)
    page.emulate_media(media="print")
    assert page.is_visible(".bs-print-source")
    assert page.inner_text(".bs-print-source") == f"{SITE_NAME} · {site_url}{TABLE_ARTICLE}"
    top_of = "(e) => e.getBoundingClientRect().top"
    assert page.eval_on_selector(".bs-print-source", top_of) < page.eval_on_selector("h1", top_of)
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".bs-cite__copy"):
        assert not page.is_visible(hidden), hidden
    page.emulate_media(media="screen")
    assert not page.is_visible(".bs-print-source")
    page.close()


# --- the 404 page, wherever the site is served ---------------------------------------


def site_under(site: Path, folder: Path, base: str) -> Path:
    """A server's folder holding ``site`` at ``base`` (like /bulletin/ on the Pages site)."""
    target = folder / base.strip("/")
    shutil.copytree(site, target)
    return target


def assert_a_styled_chinese_404(page: Page) -> None:
    assert page.inner_text("h1") == "找不到这个页面"
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    assert page.eval_on_selector(".bs-404-search", "e => getComputedStyle(e).display") == "flex"


def search_from_404(page: Page, words: str) -> list[str]:
    """The 404's search box opens the results page with its words; the links listed."""
    page.fill("#bs-404-query", words)
    page.press("#bs-404-query", "Enter")
    page.wait_for_url(lambda url: "/search/?q=" in url)
    page.wait_for_function(
        "(q) => document.querySelector('[data-bs-page]')?.getAttribute('data-complete') === q",
        arg=words,
        timeout=SEARCH_TIMEOUT_MS,
    )
    found = ".bs-page__result a"
    links: list[str] = page.eval_on_selector_all(found, "els => els.map(e => e.href)")
    return links


@pytest.mark.parametrize(
    ("base", "missing"),
    [
        ("/", "no/such/page/"),  # the site at a server's root (a local server)
        ("/bulletin/", "2023/07/99/"),  # where site_url puts it (the Pages site)
        ("/bulletin/", "pr/7/2023/07/01/"),  # a preview's page the Pages site lacks
    ],
)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_missing_page_gets_the_chinese_404_with_search_and_home(
    built_site: Path,
    browser: Browser,
    tmp_path: Path,
    base: str,
    missing: str,
    viewport: dict[str, int],
) -> None:
    served = site_under(built_site, tmp_path, base) if base != "/" else built_site
    with serve(tmp_path if base != "/" else built_site, served / "404.html") as origin:
        page = open_page(browser, origin + base.lstrip("/") + missing, viewport=viewport)
        assert_a_styled_chinese_404(page)
        links = search_from_404(page, "路线图")
        pages = [link.split("?")[0] for link in links]  # results carry ?h= to highlight
        assert origin + base.lstrip("/") + f"{ISSUE}/01/" in pages, links
        page.goto(origin + base.lstrip("/") + missing)
        page.click("text=回到首页")
        page.wait_for_url(origin + base.lstrip("/"))
        assert page.title() == SITE_NAME
        page.close()


# --- axe-core ------------------------------------------------------------------------------


def test_axe_core_is_the_pinned_release() -> None:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256
    assert data.startswith(f"/*! axe v{AXE_VERSION}".encode())


AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
    .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" "))}))"""


def axe_violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    return [v for v in found if v["id"] not in AXE_ACCEPTED]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_axe_finds_nothing_on_each_kind_of_page(
    hosted: str, browser: Browser, viewport: dict[str, int], scheme: str
) -> None:
    page = browser.new_page(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    problems = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(hosted + path)
        page.wait_for_load_state("load")
        found = axe_violations(page)
        if found:
            problems[kind] = found
    page.close()
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
