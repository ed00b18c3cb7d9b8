"""A hostile export: markup in the text must stay text, in the Markdown, in the built
site and in a browser.

Two exports are built from the sample by replacing text, each converted and built
with ``mkdocs build --strict`` (as ``tests/conftest.py`` does):

- ``markup``: the body (HTML, Markdown control characters, lines opening with
  ``#``, ``1.``, ``>``), a table cell, a figure caption and two footnote
  definitions (``javascript:`` and ``data:`` URLs) carry the payloads;
- ``title``: an article title carries them (``<script>``, ``: ``, ``#``, quotes,
  ``---``, ``../``, ``/``, ``\\``), since a title travels further than body text
  (front matter, navigation, page title, search index).

Payloads set ``window.__pwned`` or open a dialog; the browser tests watch both.
"""

from __future__ import annotations

import html
import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser, Dialog, Page

from converter.cli import main
from tools.browser import search_results, serve
from tools.build import SITE_FILES, build_site, copy_site_files

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = (ROOT / "archive" / "2023-07.txt").read_text(encoding="utf-8")
NAME = "2023-07.txt"
ISSUE = "2023/07"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)

PWNED = "window.__pwned=1"
TITLE = (
    "<script>alert(1)</script>: #注意 \"双引号\" '单引号' --- ../../etc/passwd a/b "
    f'C:\\x <img src=x onerror="{PWNED}"> 路线图'
)
TITLE_LINE = "美国国家标准学会发布电动汽车标准化路线图 "  # article 01's title in the sample
BODY = (
    "<img src=x onerror=alert(1)>警告",
    f'<img src=x onerror="{PWNED}">图片',
    "**x** 和 [a](javascript:alert(1)) 以及 | a | b |",
    "# 不是标题",
    "1. 不是列表",
    "> 不是引用",
)
CELL = f"<b onclick={PWNED}>热</b>事件 | 问题。"  # the end of table 1, row 2, column 3
FIGURE = f'协议" onmouseover="{PWNED}" <img src=x onerror={PWNED}>'
JAVASCRIPT_URL = "javascript:alert(1)"
DATA_URL = "data:text/html,<script>alert(1)</script>"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def markup_export() -> str:
    text = replace_once(
        SAMPLE_TEXT,
        "理现有和正在制定的标准，并评估标准缺口1。 \n",
        "理现有和正在制定的标准，并评估标准缺口1。 \n\n"
        + "\n\n".join(f"{paragraph} " for paragraph in BODY)
        + "\n",
    )
    text = replace_once(text, "论延迟的蓄电池热事件问题。 \n", f"论延迟的{CELL} \n")
    text = replace_once(
        text,
        "图 1. 市场监管总局与广西壮族自治区人民政府签署战略合作协议 \n",
        f"图 1. {FIGURE} \n",
    )
    text = replace_once(
        text,
        "6-15. https://www.ansi.org/standards-news/all-news/2023/06/6-15-23-ansi-publishes-"
        "roadmap-of-standards-and-c\n\nodes-for-electric-vehicles-at-scale \n",
        f"6-15. {JAVASCRIPT_URL} \n",
    )
    return replace_once(
        text,
        "https://www.ndrc.gov.cn/xwdt/tzgg/202307/t20230704_1358115.html \n",
        f"{DATA_URL} \n",
    )


def title_export() -> str:
    return replace_once(SAMPLE_TEXT, f"\n{TITLE_LINE}\n", f"\n{TITLE} \n")


@dataclass(frozen=True)
class Built:
    project: Path

    @property
    def docs(self) -> Path:
        return self.project / "docs"

    @property
    def site(self) -> Path:
        return self.project / "site"

    def soup(self, url: str) -> BeautifulSoup:
        page = self.site / url / "index.html"
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")

    def html_pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def build(project: Path, export: str) -> Built:
    """Convert ``export`` into ``project/docs`` and build the site, like conftest."""
    (project / NAME).write_text(export, encoding="utf-8")
    docs = project / "docs"
    for name in ("assets", "stylesheets"):
        shutil.copytree(ROOT / "docs" / name, docs / name)
    copy_site_files(project)
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", str(project / NAME), "--out", str(docs)], out, err)
    assert code == 0, err.getvalue()
    build_site(project, project / "site")
    return Built(project)


@pytest.fixture(scope="module")
def markup(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("markup"), markup_export())


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("title"), title_export())


def front_matter(page: Path) -> dict[str, Any]:
    match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    assert match, f"{page} has no front matter"
    loaded = yaml.safe_load(match.group(1))
    assert isinstance(loaded, dict)
    return loaded


# --- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["markup", "titled"])
def test_front_matter_parses_and_round_trips_the_title(
    which: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(which)
    pages = sorted(built.docs.rglob("*.md"))
    assert pages
    for page in pages:
        front_matter(page)  # parses, with yaml.safe_load
    expected = TITLE if which == "titled" else TITLE_LINE.strip()
    # Front matter titles are HTML (MkDocs prints page.title as it is), so < > & are
    # written as entities; everything else round-trips as is.
    title = front_matter(built.docs / ISSUE / "01.md")["title"]
    assert "<" not in title and ">" not in title
    assert html.unescape(title) == expected


# An issue folder: its pages and its manifest of articles (converter/site/identity.py).
ISSUE_PAGE_NAME = re.compile(r"^((\d{2}|index)\.md|\.articles\.yml)$")


@pytest.mark.parametrize("which", ["markup", "titled"])
def test_file_names_are_safe(which: str, request: pytest.FixtureRequest) -> None:
    built: Built = request.getfixturevalue(which)
    assert sorted(p.name for p in built.project.iterdir()) == sorted(
        [NAME, "docs", "site", *SITE_FILES]
    ), "something was written outside the docs folder"
    issue_pages = [p.relative_to(built.docs / ISSUE) for p in (built.docs / ISSUE).rglob("*")]
    assert issue_pages and all(
        len(p.parts) == 1 and ISSUE_PAGE_NAME.match(p.name) for p in issue_pages
    ), issue_pages
    for path in built.docs.rglob("*"):
        relative = path.relative_to(built.docs).as_posix()
        assert re.fullmatch(r"[A-Za-z0-9._/-]+", relative), relative
        assert ".." not in path.relative_to(built.docs).parts


def test_markup_in_the_body_is_escaped_in_the_markdown(markup: Built) -> None:
    body = (markup.docs / ISSUE / "01.md").read_text(encoding="utf-8")
    for word in ("警告", "图片", "不是标题", "不是列表", "不是引用"):
        assert word in body, f"the hostile paragraph with {word} is missing"
    for raw in ("<img", "<b ", "**x**", "[a](", "\n# 不是", "\n1. 不是", "\n> 不是", "\n| a |"):
        assert raw not in body, raw


# --- the built HTML ------------------------------------------------------------------------

MATERIAL_INLINE_SCRIPTS = ("__md_scope=", "var palette=", "var target=")
# The site's own: the 404 page's <base> for a server at another path (overrides/404.html).
SITE_INLINE_SCRIPTS = ("/* 404: the base of the site's links */",)


def foreign_scripts(soup: BeautifulSoup) -> list[str]:
    """Scripts that are neither Material's own (its bundles under assets/, its JSON
    configuration and its three inline bootstrap snippets) nor the site's templates'."""
    found = []
    for script in soup.find_all("script"):
        src = script.get("src")
        text = script.string or ""
        if src and "assets/" in src:
            continue
        if not src and script.get("id") == "__config":
            continue
        if not src and text.strip().startswith(MATERIAL_INLINE_SCRIPTS + SITE_INLINE_SCRIPTS):
            continue
        found.append(str(script)[:120])
    return found


def unsafe_markup(built: Built) -> list[str]:
    problems = []
    pages = built.html_pages()
    assert built.site / ISSUE / "01" / "index.html" in pages, "the site has no article pages"
    for page in pages:
        name = page.relative_to(built.site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        problems += [f"{name}: script {s}" for s in foreign_scripts(soup)]
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{name}: <{tag.name} {attribute}=…>")
                if attribute.lower() in ("href", "src", "action", "formaction") and str(
                    value
                ).strip().lower().startswith(("javascript:", "data:")):
                    problems.append(f"{name}: <{tag.name} {attribute}={value!r}>")
    return problems


def test_markup_in_the_text_does_not_become_html(markup: Built) -> None:
    assert unsafe_markup(markup) == []


def article(built: Built, number: str) -> Tag:
    found = built.soup(f"{ISSUE}/{number}").select_one("article")
    assert isinstance(found, Tag)
    return found


def test_the_hostile_text_shows_as_the_characters_it_is(markup: Built) -> None:
    first = article(markup, "01")
    paragraphs = {p.get_text(): p for p in first.find_all("p")}
    for text in BODY:
        assert text in paragraphs, text
        assert paragraphs[text].find(True) is None, f"{text!r} became {paragraphs[text]}"
    assert first.find("blockquote") is None
    assert [h.get_text() for h in first.find_all("h1")] == [TITLE_LINE.strip()]
    (cell,) = [td for td in first.find_all("td") if CELL in td.get_text()]
    assert cell.get_text().endswith(f"论延迟的{CELL}") and cell.find(True) is None
    notes = [li.get_text() for li in first.select(".footnote li")]
    assert any(JAVASCRIPT_URL in note for note in notes), notes
    second = article(markup, "02")
    assert any(DATA_URL in li.get_text() for li in second.select(".footnote li"))


def test_a_hostile_figure_caption_stays_out_of_the_images_attributes(markup: Built) -> None:
    """The placeholder says what it is; the caption is read once, from figcaption."""
    image = article(markup, "14").select_one("figure img")
    assert isinstance(image, Tag)
    assert image["alt"] == "图片待补"
    assert FIGURE not in str(image)


def test_a_figure_caption_shows_exactly(markup: Built) -> None:
    caption = article(markup, "14").select_one("figure figcaption")
    assert isinstance(caption, Tag)
    assert caption.get_text() == f"图 1. {FIGURE}"


def test_markup_in_a_title_does_not_become_html(titled: Built) -> None:
    assert unsafe_markup(titled) == []


def test_a_hostile_title_shows_as_the_characters_it_is(titled: Built) -> None:
    page = titled.soup(f"{ISSUE}/01")
    h1 = page.select_one("article h1")
    assert isinstance(h1, Tag)
    assert h1.get_text() == TITLE
    nav = [a.get_text().strip() for a in page.select("nav a.md-nav__link")]
    assert TITLE in nav


def test_a_hostile_title_is_escaped_in_the_issue_contents(titled: Built) -> None:
    contents = titled.soup(ISSUE).select_one("article")
    assert isinstance(contents, Tag)
    assert TITLE in [a.get_text() for a in contents.find_all("a")]


# --- in a browser --------------------------------------------------------------------------


class Visitor:
    """One browser tab that records every dialog and every page where a payload ran."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.pwned: list[str] = []
        page.on("dialog", self.on_dialog)

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def go(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        self.check()

    def check(self) -> None:
        if self.page.evaluate("() => typeof window.__pwned") != "undefined":
            self.pwned.append(self.page.url)


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Visitor]:
    context = browser.new_context()
    try:
        yield Visitor(context.new_page())
    finally:
        context.close()


ARTICLES = ("01", "02", "14")


# Material's tooltip shows a footnote's definition (here the one with the javascript:
# URL) on hover; an image of a payload that failed to load would run its handler then.
TOOLTIP = ".md-tooltip2--active"
SENTINEL = """tooltip => new Promise(done => {
    const image = document.createElement("img");
    image.onerror = () => done(true);
    image.src = "x";
    tooltip.append(image);
})"""


def show_hostile_note(page: Page) -> None:
    """Hover the reference of the note with the javascript: URL until the tooltip shows
    that note, then wait for a sentinel: a broken image added to the tooltip after its
    content, whose error handler runs after any handler of the content's own images."""
    note = page.eval_on_selector_all(
        'li[id^="fn:"]',
        "(items, url) => items.find(item => item.textContent.includes(url)).id",
        JAVASCRIPT_URL,
    )
    page.hover(f'a.footnote-ref[href="#{note}"]')
    tooltip = page.wait_for_selector(f"{TOOLTIP}:has-text('{JAVASCRIPT_URL}')")
    assert tooltip is not None
    assert tooltip.query_selector_all("[href^='javascript:'], [src^='data:'], [onerror]") == []
    assert tooltip.evaluate(SENTINEL) is True


@pytest.mark.browser
def test_no_payload_in_the_text_runs_in_a_browser(markup: Built, visitor: Visitor) -> None:
    with serve(markup.site) as base:
        for number in ARTICLES:
            visitor.go(f"{base}{ISSUE}/{number}/")
        visitor.go(f"{base}{ISSUE}/01/")
        show_hostile_note(visitor.page)
        visitor.check()
        # Search results render the hostile paragraphs from the search index.
        assert search_results(visitor.page, "不是标题")
        visitor.check()
        for url in (f"{ISSUE}/", ""):
            visitor.go(f"{base}{url}")
    assert visitor.dialogs == []
    assert visitor.pwned == []


@pytest.mark.browser
def test_no_payload_in_a_title_runs_in_a_browser(titled: Built, visitor: Visitor) -> None:
    with serve(titled.site) as base:
        for url in (f"{ISSUE}/01/", f"{ISSUE}/03/", ""):
            visitor.go(f"{base}{url}")
    assert visitor.dialogs == []
    assert visitor.pwned == []
