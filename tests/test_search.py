"""Search as readers use it, in the built site, in real Chromium: recall of the query
set hosted and from file://, the same answers in both, the box's behaviour, and the
client's tokenizer against the index writer's.

Timing targets are not asserted here: `make bench` measures them at archive scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route

from sitesearch.tokens import shard_of, terms_of, tokenize
from tools.browser import ANSWERED, DESKTOP, PHONE, search_results, serve
from tools.build import build_site

QUERIES = Path(__file__).with_name("search_queries.yml")
MIN_RECALL_AT_1 = 0.9
MIN_RECALL_AT_3 = 0.95
pytestmark = [pytest.mark.site, pytest.mark.browser]


def load_queries() -> list[tuple[str, list[str]]]:
    items = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [
        (
            str(item["query"]),
            [item["expect"]] if isinstance(item["expect"], str) else item["expect"],
        )
        for item in items
    ]


def page_path(url: str) -> str:
    """2023/07/01/ hosted and 2023/07/01.html offline are the same page: 2023/07/01/."""
    path = urlsplit(url).path
    path = re.sub(r"^.*?/(?=\d{4}/)", "", path).lstrip("/")
    return re.sub(r"(index)?\.html$", "", re.sub(r"(\d{2})\.html$", r"\1/", path))


@pytest.fixture(scope="module")
def offline_site(converted_docs: Path) -> Path:
    project = converted_docs.parent
    (project / "mkdocs.offline.yml").write_text(
        (Path(__file__).resolve().parent.parent / "mkdocs.offline.yml").read_text("utf-8"),
        encoding="utf-8",
    )
    site = project / "site-offline"
    build_site(project, site, "mkdocs.offline.yml")
    return site


@pytest.fixture(scope="module")
def hosted(built_site: Path, browser: Browser) -> Iterator[tuple[Page, str]]:
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(f"{base}2023/07/")
        yield page, base
        page.close()


def answers(page: Page) -> dict[str, list[str]]:
    return {
        query: [page_path(u) for u in search_results(page, query)] for query, _ in load_queries()
    }


def recall(found: dict[str, list[str]]) -> tuple[float, float, list[str]]:
    ranks = []
    misses = []
    for query, expected in load_queries():
        top = found[query]
        rank = next((i + 1 for i, path in enumerate(top) if path in expected), None)
        ranks.append(rank)
        if rank != 1:
            misses.append(
                f"  {'miss' if rank is None else f'#{rank}':>5}  {query} → {expected} ({top[:3]})"
            )
    at_1 = sum(rank == 1 for rank in ranks) / len(ranks)
    at_3 = sum(rank is not None and rank <= 3 for rank in ranks) / len(ranks)
    return at_1, at_3, misses


def test_the_query_set_covers_the_kinds_of_query() -> None:
    queries = [query for query, _ in load_queries()]
    assert len(queries) >= 70
    assert any(" " in q and not q.isascii() for q in queries)  # several Chinese words
    assert any(len(q) == 1 for q in queries)  # one character
    assert {"IEC 62208", "IEC62208", "IEC 62208:2023"} <= set(queries)


def test_recall_hosted_and_from_file_is_the_same(
    hosted: tuple[Page, str],
    offline_site: Path,
    browser: Browser,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page, _ = hosted
    online = answers(page)
    offline_page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
    offline_page.goto((offline_site / "2023/07/index.html").as_uri())
    offline = answers(offline_page)
    offline_page.close()
    at_1, at_3, misses = recall(online)
    with capsys.disabled():
        print(f"\nsearch recall@1 = {at_1:.3f}, recall@3 = {at_3:.3f} over {len(online)} queries")
        print("\n".join(misses))
    assert online == offline
    assert at_1 >= MIN_RECALL_AT_1, "\n".join(misses)
    assert at_3 >= MIN_RECALL_AT_3, "\n".join(misses)


def test_a_phrase_in_a_page_always_finds_it(hosted: tuple[Page, str]) -> None:
    page, _ = hosted
    for phrase, article in [
        ("电动汽车", "2023/07/01/"),
        ("智能网联汽车", "2023/07/20/"),
        ("国际电信联盟", "2023/07/03/"),
        ("标准化路线图", "2023/07/01/"),
        ("人工智能咨询委员会", "2023/07/04/"),
    ]:
        assert article in [page_path(u) for u in search_results(page, phrase)], phrase


def test_pages_with_the_query_in_their_title_come_first(hosted: tuple[Page, str]) -> None:
    page, _ = hosted
    search_results(page, "电动汽车")
    titles = page.eval_on_selector_all(".bs-search__title", "els => els.map(e => e.textContent)")
    in_title = ["电动汽车" in title for title in titles]
    assert in_title == sorted(in_title, reverse=True), titles
    assert in_title[0]


def test_results_show_title_issue_date_and_a_highlighted_readable_excerpt(
    hosted: tuple[Page, str],
) -> None:
    page, _ = hosted
    search_results(page, "量子计算机")
    first = page.locator(".bs-search__result").first
    assert "量子计算机" in first.locator(".bs-search__title").inner_text()
    assert "2023 年第 07 期 · 2023-" in first.locator(".bs-search__meta").inner_text()
    excerpt = first.locator(".bs-search__excerpt")
    assert "量子计算机" in excerpt.locator("mark").all_inner_texts()
    assert not re.search("[\u200b\u200c\u200d\ufeff]", excerpt.inner_text())
    assert "找到" in page.inner_text(".bs-search__status")


def test_nothing_found_is_said_in_chinese(hosted: tuple[Page, str]) -> None:
    page, _ = hosted
    assert search_results(page, "不存在的词语组合") == []
    assert "没有找到" in page.inner_text(".bs-search__status")


def test_arrow_keys_enter_and_escape(hosted: tuple[Page, str]) -> None:
    page, base = hosted
    found = search_results(page, "标准化")
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    selected = page.locator(".bs-search__result[aria-selected='true'] a").get_attribute("href")
    assert selected == found[1] or urlsplit(str(selected)).path == found[1]
    page.keyboard.press("Escape")
    assert not page.is_visible(".bs-search__results")
    search_results(page, "田世宏")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}2023/07/21/?h=*")  # the link carries the query to mark
    page.goto(f"{base}2023/07/")


def test_a_query_typed_before_the_index_is_ready_is_answered(
    built_site: Path, browser: Browser
) -> None:
    """The index's first file is held back until the query has been typed."""
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        held: list[Route] = []
        page.route("**/search/meta.js", lambda route: held.append(route))
        page.goto(f"{base}2023/07/", wait_until="domcontentloaded")  # load waits for the index
        page.click(".bs-search__input")
        page.keyboard.insert_text("农业机器人")
        page.keyboard.press("End")
        page.wait_for_timeout(300)
        assert page.get_attribute(".bs-search", "data-answered") is None
        assert held, "the page did not ask for the index"
        for route in held:
            route.continue_()
        page.wait_for_function(ANSWERED, arg="农业机器人")
        links = page.eval_on_selector_all(".bs-search__result > a", "els => els.map(e => e.href)")
        assert any(urlsplit(link).path.endswith("/2023/07/11/") for link in links), links
        page.close()


def test_a_result_shows_while_another_page_is_still_on_its_way(
    built_site: Path, browser: Browser
) -> None:
    """The first candidate page asked for is held back: the others' results show."""
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        held: list[Route] = []

        def hold_first(route: Route) -> None:
            if held:
                route.continue_()
            else:
                held.append(route)

        page.route("**/search/d/*.js", hold_first)
        page.goto(f"{base}2023/07/")
        page.click(".bs-search__input")
        page.keyboard.insert_text("标准")
        page.keyboard.press("End")
        page.wait_for_selector(".bs-search__result")
        assert held, "the search read no page"
        assert page.get_attribute(".bs-search", "data-answered") is None
        held[0].continue_()
        page.wait_for_function(ANSWERED, arg="标准")
        page.close()


def test_on_a_phone_the_search_opens_full_screen(built_site: Path, browser: Browser) -> None:
    with serve(built_site) as base:
        page = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
        page.goto(f"{base}2023/07/01/")
        assert page.is_visible(".bs-search__open") and not page.is_visible(".bs-search__input")
        found = search_results(page, "国际电信联盟")
        assert "/2023/07/03/" in found
        box = page.locator(".bs-search__panel").bounding_box()
        assert box is not None and box["width"] == PHONE["width"]
        page.close()


TEXTS = [
    "发布 IEC 62208:2023 标准。",
    "ＩＥＣ６２２０８与ISO/IEC 15118",
    "人工智能咨询委员会（NAIAC）发布首份年度报告",
    "DC-即服务（DCaaS）和/或 V2G",
    "𠀀𠀁 名字 ﬁ ㎏ Ⅻ 2.0 版",
    "Tomas·Lamanauskas 在对 ITU 标准化顾问小组的讲话中强调",
]


def test_the_client_cuts_text_as_the_index_writer_does(hosted: tuple[Page, str]) -> None:
    page, _ = hosted
    for text in TEXTS:
        script = "t => bulletinSearch.ready().then(api => api && bulletinSearch.termsOf("
        client = page.evaluate(script + "bulletinSearch.tokenize(t)))", text)
        assert client == terms_of(tokenize(text)), text
        shards = page.evaluate("ts => ts.map(t => bulletinSearch.shardOf(t, 613))", client)
        assert shards == [shard_of(term, 613) for term in client], text
