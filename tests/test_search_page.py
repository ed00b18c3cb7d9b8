"""The results page and what the box adds to it, in real Chromium, on an archive of
several issues (the benchmark's synthetic issues, the sample's text): every match
reachable, its address round trip hosted and from file://, the filters and their
counts, sort, the back button, author search, and the query marked on the page a
result opens."""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from benchmarks.generate import SAMPLE, generate
from converter.cli import main
from sitesearch.pages import SearchPage, search_pages
from tools.browser import ANSWERED, DESKTOP, search_results, serve
from tools.build import build_site, copy_site_files

ROOT = Path(__file__).resolve().parent.parent
# 13 issues: 2004-01 … 2005-01, two years for the year filter, and a common term in
# more pages than one screen of results holds.
ISSUES = 13
COMMON = "标准"  # one bigram: the index alone proves its matches
PHRASE = "电动汽车"  # three bigrams: the pages are read to confirm it
AUTHOR = "周树斌"
COMPLETE = "(q) => document.querySelector('[data-bs-page]')?.getAttribute('data-complete') === q"
pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with 13 synthetic issues converted into its docs folder."""
    project = tmp_path_factory.mktemp("archive")
    exports = project / "archive"
    generate(ISSUES, exports, SAMPLE, "sample", seed=0)
    docs = project / "docs"
    docs.mkdir()
    for name in ("assets", "stylesheets"):
        shutil.copytree(ROOT / "docs" / name, docs / name)
    copy_site_files(project)
    code = main(["convert", str(exports), "--out", str(docs)], io.StringIO(), io.StringIO())
    assert code == 0
    return project


@pytest.fixture(scope="module")
def hosted(archive: Path) -> Iterator[str]:
    site = archive / "site"
    build_site(archive, site)
    with serve(site) as base:
        yield base


@pytest.fixture(scope="module")
def offline(archive: Path) -> Path:
    site = archive / "site-offline"
    build_site(archive, site, "mkdocs.offline.yml")
    return site


@pytest.fixture(scope="module")
def pages(archive: Path) -> list[SearchPage]:
    return list(search_pages(archive / "docs"))


def address(page: SearchPage) -> str:
    """The page's path in the hosted site: 2004/01/01/, an issue's 2004/01/."""
    return page.path.removesuffix("index") if page.path.endswith("/index") else f"{page.path}/"


def holding(pages: list[SearchPage], phrase: str) -> set[str]:
    """The pages a reader would say contain the phrase (title, authors or text)."""
    return {
        address(page)
        for page in pages
        if phrase in page.title or phrase in page.text or phrase in "、".join(page.authors)
    }


def page_path(url: str) -> str:
    """2004/01/01/ hosted and 2004/01/01.html offline are the same page: 2004/01/01/."""
    path = re.sub(r"^.*?/(?=\d{4}/)", "", urlsplit(url).path)
    return re.sub(r"(\d{2})\.html$", r"\1/", re.sub(r"index\.html$", "", path))


def open_results(page: Page, url: str, query: str) -> None:
    page.goto(url)
    page.wait_for_function(COMPLETE, arg=query)


def status_count(page: Page) -> int:
    found = re.search(r"找到 (\d+) 条", page.inner_text(".bs-page__status"))
    assert found, page.inner_text(".bs-page__status")
    return int(found.group(1))


def every_result(page: Page) -> list[str]:
    """Press 加载更多 until it is gone; every result's page, in order."""
    while page.is_visible(".bs-page__more"):
        shown = page.locator(".bs-page__result").count()
        page.click(".bs-page__more")
        page.wait_for_function(
            "n => document.querySelectorAll('.bs-page__result').length > n", arg=shown
        )
    links = page.eval_on_selector_all(".bs-page__result a", "els => els.map(e => e.href)")
    return [page_path(link) for link in links]


def metas(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".bs-page__result .bs-search__meta", "els => els.map(e => e.textContent)"
    )


def search_url(base: str, query: str, extra: str = "") -> str:
    return f"{base}search/?q={quote(query)}{extra}"


@pytest.mark.parametrize("query", [COMMON, PHRASE])
def test_the_results_page_reaches_every_match(
    hosted: str, pages: list[SearchPage], browser: Browser, query: str
) -> None:
    expected = holding(pages, query)
    assert len(expected) > 20, "the archive is too small to need more than one screen"
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(page, search_url(hosted, query), query)
    assert status_count(page) == len(expected)
    found = every_result(page)
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert not any("推测" in meta for meta in metas(page))
    page.close()


def test_the_box_leads_to_the_results_page_with_the_query_in_its_address(
    hosted: str, pages: list[SearchPage], browser: Browser
) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/")
    search_results(page, COMMON)
    everything = page.locator(".bs-search__all a")
    assert f"{len(holding(pages, COMMON))} 条" in everything.inner_text()
    everything.click()
    page.wait_for_function(COMPLETE, arg=COMMON)
    assert (
        urlsplit(page.url).path == "/search/" and urlsplit(page.url).query == f"q={quote(COMMON)}"
    )
    assert page.input_value(".bs-page__query") == COMMON
    page.close()


def test_the_address_round_trips_from_file(
    hosted: str, offline: Path, pages: list[SearchPage], browser: Browser
) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto((offline / "2004" / "01" / "index.html").as_uri())
    search_results(page, PHRASE)
    page.click(".bs-search__all a")
    page.wait_for_function(COMPLETE, arg=PHRASE)
    assert page.url.startswith((offline / "search" / "index.html").as_uri() + "?q=")
    assert set(every_result(page)) == holding(pages, PHRASE)
    page.select_option("select[name=from]", "2005")
    page.wait_for_function(COMPLETE, arg=PHRASE)
    assert "from=2005" in page.url
    shared = page.url
    filtered = every_result(page)
    other = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(other, shared, PHRASE)  # a shared link shows the same view
    assert every_result(other) == filtered
    other.close()
    page.close()


def option_counts(page: Page, name: str) -> dict[str, int]:
    labels = page.eval_on_selector_all(
        f"select[name={name}] option", "els => els.map(e => [e.value, e.textContent])"
    )
    return {value: int(re.findall(r"（(\d+)）", text)[-1]) for value, text in labels if value}


def test_filters_show_their_counts_and_keep_only_what_they_name(
    hosted: str, pages: list[SearchPage], browser: Browser
) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(page, search_url(hosted, COMMON), COMMON)
    matching = [p for p in pages if address(p) in holding(pages, COMMON)]
    years = option_counts(page, "from")
    assert years == {
        "2004": sum(p.issue < "2005" for p in matching),
        "2005": sum(p.issue >= "2005" for p in matching),
    }
    sections = option_counts(page, "section")
    assert sections == Counter(p.section for p in matching if p.section)
    section, count = sorted(sections.items())[0]
    page.select_option("select[name=section]", section)
    page.wait_for_function(COMPLETE, arg=COMMON)
    assert status_count(page) == count
    assert all(f"· {section}" in meta for meta in metas(page))
    tags = option_counts(page, "tag")
    tag, tagged = max(tags.items(), key=lambda item: item[1])
    page.select_option("select[name=tag]", tag)
    page.wait_for_function(COMPLETE, arg=COMMON)
    assert status_count(page) == tagged
    expected = {address(p) for p in matching if p.section == section and tag in p.tags}
    assert set(every_result(page)) == expected
    page.close()


def test_an_author_is_found_and_filtered_by(
    hosted: str, pages: list[SearchPage], browser: Browser
) -> None:
    written = {address(p) for p in pages if AUTHOR in p.authors}
    assert written
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/")
    found = search_results(page, AUTHOR)
    assert found and {page_path(url) for url in found} <= written
    assert AUTHOR in page.locator(".bs-search__meta").first.inner_text()
    open_results(page, search_url(hosted, COMMON, f"&author={quote(AUTHOR)}"), COMMON)
    assert set(every_result(page)) == written & holding(pages, COMMON)
    page.close()


def dates(page: Page) -> list[str]:
    """The shown articles' dates (an issue's contents page has none)."""
    found = (re.findall(r"\d{4}-\d{2}-\d{2}", meta) for meta in metas(page))
    return [dated[0] for dated in found if dated]


def test_sort_by_date_both_ways(hosted: str, browser: Browser) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(page, search_url(hosted, PHRASE), PHRASE)
    page.select_option("select[name=sort]", "newest")
    page.wait_for_function(COMPLETE, arg=PHRASE)
    every_result(page)
    newest = dates(page)
    assert newest == sorted(newest, reverse=True) and newest[0] > newest[-1]
    page.select_option("select[name=sort]", "oldest")
    page.wait_for_function(COMPLETE, arg=PHRASE)
    every_result(page)
    assert dates(page) == sorted(newest)
    assert "sort=oldest" in page.url
    page.close()


def test_back_and_forward_follow_the_address(hosted: str, browser: Browser) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(page, search_url(hosted, COMMON), COMMON)
    everything = status_count(page)
    page.select_option("select[name=from]", "2005")
    page.wait_for_function(COMPLETE, arg=COMMON)
    fewer = status_count(page)
    assert fewer < everything
    page.go_back()
    page.wait_for_function("() => !location.search.includes('from=')")
    page.wait_for_function(COMPLETE, arg=COMMON)
    assert status_count(page) == everything
    assert page.input_value("select[name=from]") == ""
    page.go_forward()
    page.wait_for_function("() => location.search.includes('from=2005')")
    assert status_count(page) == fewer
    page.close()


def test_coming_back_from_a_result_the_box_keeps_the_query(hosted: str, browser: Browser) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/")
    found = search_results(page, PHRASE)
    page.click(".bs-search__result a >> nth=0")
    page.wait_for_url(f"**{urlsplit(found[0]).path}?h=*")
    page.go_back()
    page.wait_for_url(f"{hosted}2004/01/")
    assert page.input_value(".bs-search__input") == PHRASE
    page.goto(f"{hosted}2004/02/")  # another page of the site, in the same tab
    assert page.input_value(".bs-search__input") == PHRASE
    page.close()


def test_the_box_above_the_results_page_shows_the_pages_query(
    hosted: str, browser: Browser
) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    open_results(page, search_url(hosted, COMMON), COMMON)
    open_results(page, search_url(hosted, PHRASE), PHRASE)  # a later search, same tab
    assert page.input_value(".bs-search__input") == PHRASE
    page.fill(".bs-page__query", AUTHOR)
    page.press(".bs-page__query", "Enter")
    page.wait_for_function(COMPLETE, arg=AUTHOR)
    assert page.input_value(".bs-search__input") == AUTHOR
    page.go_back()
    page.wait_for_function(COMPLETE, arg=PHRASE)
    assert page.input_value(".bs-search__input") == PHRASE
    page.close()


def test_escape_hides_the_results_then_clears_the_text(hosted: str, browser: Browser) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/")
    search_results(page, PHRASE)
    page.keyboard.press("ArrowDown")
    active = page.get_attribute(".bs-search__input", "aria-activedescendant")
    assert active and page.get_attribute(f"#{active}", "aria-selected") == "true"
    page.keyboard.press("Escape")
    assert not page.is_visible(".bs-search__results")
    assert page.input_value(".bs-search__input") == PHRASE
    page.keyboard.press("Escape")
    assert page.input_value(".bs-search__input") == ""
    page.close()


@pytest.mark.parametrize("edition", ["hosted", "offline"])
def test_the_opened_page_marks_the_query_and_shows_the_first(
    hosted: str, offline: Path, browser: Browser, edition: str
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 600})
    start = f"{hosted}2004/01/" if edition == "hosted" else (offline / "index.html").as_uri()
    page.goto(start)
    search_results(page, PHRASE)
    page.click(".bs-search__result a >> nth=0")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-bs-marked')")
    marks = page.locator("mark.bs-hit")
    assert marks.count() >= 1
    assert set(marks.all_inner_texts()) == {PHRASE}
    box = marks.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 600
    page.close()


def test_a_query_in_any_pages_address_is_asked_at_once(hosted: str, browser: Browser) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}?q={quote(PHRASE)}")
    page.wait_for_function(ANSWERED, arg=PHRASE)
    assert page.input_value(".bs-search__input") == PHRASE
    assert page.locator(".bs-search__result").count() > 0
    page.close()


def test_a_phrase_across_links_and_footnote_marks_is_marked_as_one(
    hosted: str, browser: Browser
) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/01/")
    page.evaluate(
        """() => {
          const added = document.createElement("p");
          added.id = "added";
          added.innerHTML = '见电动<a href="#">汽</a><b>车</b><sup><a class="footnote-ref"'
            + ' href="#">3</a></sup>充电桩。';
          const split = document.createElement("ul");
          split.id = "split";
          split.innerHTML = "<li>电动汽车</li><li>充电</li>";
          document.querySelector(".md-content__inner").append(added, split);
        }"""
    )
    page.evaluate("() => bulletinSearch.mark('电动汽车充电')")
    marked = page.eval_on_selector_all("#added mark.bs-hit", "els => els.map(e => e.textContent)")
    assert "".join(marked) == "电动汽车充电"  # four pieces; the footnote's 3 is not text
    assert page.locator("#split mark").count() == 0  # never from one block into the next
    page.close()


def test_the_pages_furniture_is_never_marked(hosted: str, browser: Browser) -> None:
    """Tags, meta line and citation repeat the page's facts: the reader searched its text."""
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}2004/01/01/")
    tag = page.inner_text(".md-tags a >> nth=0").strip()
    page.evaluate("(term) => bulletinSearch.mark(term)", tag)  # waits for the marking
    assert page.get_attribute("html", "data-bs-marked") is not None
    furniture = ".md-tags mark, .article-meta mark, .bs-cite mark, .bs-print-source mark"
    assert page.locator(furniture).count() == 0
    page.close()


def run_client_before_the_text(site: Path, page_path: str) -> str:
    """A copy of a built page whose search client runs as soon as the header is parsed,
    before the text (as an async script that arrives early does): its address."""
    built = site / page_path / "index.html"
    html = built.read_text(encoding="utf-8")
    early, count = re.subn(r'(<script src="[^"]*search\.js")[^>]*>', r"\1>", html)
    assert count == 1
    (built.parent / "early.html").write_text(early, encoding="utf-8")
    return f"{page_path}/early.html"


def test_a_client_that_runs_before_the_text_still_marks_it(
    archive: Path, hosted: str, browser: Browser
) -> None:
    early = run_client_before_the_text(archive / "site", "2004/01/01")
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}{early}?h={quote(COMMON)}")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-bs-marked')")
    assert page.locator(".md-content mark.bs-hit").count() >= 1
    page.close()


def test_a_client_that_runs_before_the_results_frame_still_fills_it(
    archive: Path, hosted: str, browser: Browser
) -> None:
    early = run_client_before_the_text(archive / "site", "search")
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    page.goto(f"{hosted}{early}?q={quote(COMMON)}")
    page.wait_for_function(COMPLETE, arg=COMMON)
    assert page.locator(".bs-page__result").count() > 0
    page.close()
