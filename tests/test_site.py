"""The built site of the sample issue, read back from its HTML.

Everything here uses the session's one ``mkdocs build --strict`` (see conftest): if
the build had warned, every test in this module would error in its setup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Browser

from tests.notes_html import assert_notes_show_their_labels
from tools.browser import DESKTOP, PHONE, serve

pytestmark = pytest.mark.site

ISSUE = "2023/07"
ARTICLES = [f"{number:02d}" for number in range(1, 23)]
FOOTNOTES = list(range(1, 27))  # numbered through the whole issue
TABLE_ARTICLE = "01"
TABLE_HEADER = ["序号", "缺口描述", "建议", "是否需要额外研发工作", "优先等级"]
TABLE_ROWS = 37
# Table 1 of the sample as the table engineer reviewed it against the export.
TABLE_FIXTURE = Path(__file__).parent / "fixtures" / "tables" / "2023-07-table-1.tsv"
# The export's summary ("本期概要") is five paragraphs.
SUMMARY_PARAGRAPHS = 5
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
CJK = "[\u4e00-\u9fff]"
STRAY_CJK_SPACE = re.compile(f"{CJK} {CJK}")
URL = re.compile(r"https?://\S+")
URL_TRAILING_PUNCTUATION = ".,;:!?"
SITE_ROOT = "https://site.invalid/"


# --- reading the Markdown, the export and the HTML ---------------------------------


def read_markdown(docs: Path, relative: str) -> tuple[dict[str, Any], str]:
    """Front matter (parsed with ``yaml.safe_load``) and body of a generated page."""
    text = (docs / relative).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    assert match, f"{relative} has no front matter"
    front_matter = yaml.safe_load(match.group(1))
    assert isinstance(front_matter, dict)
    return front_matter, text[match.end() :]


def iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def join_block_lines(export: str) -> str:
    """The export with each block's wrapped lines joined back.

    FORMAT.md: the lines of one block are separated by a blank line, and the extractor
    wraps mid-word (inside URLs too); a break with no space on either side joins with
    nothing. This is the test's own reading, independent of the converter's.
    """
    return re.sub(r"(?<=\S)\n\n(?=\S)", "", export)


def export_urls(export: str) -> set[str]:
    return {url.rstrip(URL_TRAILING_PUNCTUATION) for url in URL.findall(join_block_lines(export))}


def site_path(url: str) -> Path:
    return Path(url) / "index.html"


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / site_path(url)).read_text(encoding="utf-8"), "html.parser")


def main_text(soup: BeautifulSoup) -> Tag:
    """The page's own content: Material's article, without navigation or header."""
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return article


def resolve(page_url: str, href: str) -> str:
    """A link's target as a site URL like ``2023/07/01/`` (fragment dropped)."""
    path = urlsplit(urljoin(SITE_ROOT + page_url, href)).path.lstrip("/")
    return path.removesuffix("index.html")


def fixture_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a reviewed table fixture (tab-separated, header first)."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows[0], rows[1:]


def cell_text(cell: Tag) -> str:
    return cell.get_text().strip()


def heading_text(heading: Tag) -> str:
    """A heading's text without its permalink ("¶")."""
    return "".join(
        str(piece)
        for piece in heading.find_all(string=True)
        if not piece.find_parent("a", class_="headerlink")
    ).strip()


def body_paragraphs(soup: BeautifulSoup) -> Iterator[Tag]:
    """Paragraphs of the page's text, footnote definitions included, meta line not."""
    for paragraph in main_text(soup).find_all("p"):
        if "article-meta" not in (paragraph.get("class") or []):
            yield paragraph


def text_blocks(soup: BeautifulSoup) -> Iterator[Tag]:
    """Every element of an article's text: paragraphs, headings, cells, captions."""
    yield from body_paragraphs(soup)
    yield from main_text(soup).find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    yield from main_text(soup).find_all(["td", "th", "figcaption"])


# --- fixtures -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def export_text(sample_export: Path) -> str:
    return sample_export.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def issue_label(converted_docs: Path) -> str:
    front_matter, _ = read_markdown(converted_docs, f"{ISSUE}/index.md")
    return str(front_matter["title"])


@pytest.fixture(scope="module")
def article_pages(built_site: Path) -> dict[str, BeautifulSoup]:
    return {slug: soup_of(built_site, f"{ISSUE}/{slug}/") for slug in ARTICLES}


@pytest.fixture(scope="module")
def landing_page(built_site: Path) -> BeautifulSoup:
    return soup_of(built_site, f"{ISSUE}/")


# --- pages, titles and the meta line ------------------------------------------------


def test_every_article_has_its_page(built_site: Path, converted_docs: Path) -> None:
    generated = sorted(p.stem for p in (converted_docs / ISSUE).glob("[0-9][0-9].md"))
    assert generated == ARTICLES
    for slug in ARTICLES:
        assert (built_site / site_path(f"{ISSUE}/{slug}/")).is_file()


@pytest.mark.parametrize("slug", ARTICLES)
def test_heading_is_the_title_from_the_front_matter(
    slug: str, article_pages: dict[str, BeautifulSoup], converted_docs: Path
) -> None:
    front_matter, _ = read_markdown(converted_docs, f"{ISSUE}/{slug}.md")
    headings = main_text(article_pages[slug]).find_all("h1")
    assert [heading_text(h) for h in headings] == [front_matter["title"]]


@pytest.mark.parametrize("slug", ARTICLES)
def test_meta_line_shows_issue_section_date_and_authors(
    slug: str, article_pages: dict[str, BeautifulSoup], converted_docs: Path, issue_label: str
) -> None:
    front_matter, _ = read_markdown(converted_docs, f"{ISSUE}/{slug}.md")
    date = iso(front_matter["date"])
    section = front_matter["section"]
    authors = front_matter["authors"]
    # Every article of the sample closes with its authors and opens with a dateline.
    assert authors, "no authors recovered"
    assert dt.date.fromisoformat(date).isoformat() == date

    meta = main_text(article_pages[slug]).select_one("p.article-meta")
    assert meta is not None
    link = meta.find("a")
    assert isinstance(link, Tag)
    assert link.get_text().strip() == issue_label
    assert resolve(f"{ISSUE}/{slug}/", str(link["href"])) == f"{ISSUE}/"
    time = meta.find("time")
    assert isinstance(time, Tag)
    assert time["datetime"] == date and time.get_text().strip() == date
    shown = [span.get_text(" ", strip=True) for span in meta.find_all("span", recursive=False)]
    # A section the converter inferred reads like any other: 推测 is for editors only.
    expected = [f"· {section}"] if section else []
    expected += [f"· {date}", f"· 作者：{'、'.join(authors)}"]
    assert shown == expected


# --- footnotes ----------------------------------------------------------------------


def footnote_references(soup: BeautifulSoup) -> list[int]:
    return [
        int(str(a["href"])[len("#fn:") :]) for a in main_text(soup).select('sup a[href^="#fn:"]')
    ]


@pytest.mark.parametrize("slug", ARTICLES)
def test_footnotes_link_both_ways(
    slug: str, article_pages: dict[str, BeautifulSoup], converted_docs: Path
) -> None:
    _, body = read_markdown(converted_docs, f"{ISSUE}/{slug}.md")
    defined = sorted(int(n) for n in re.findall(r"^\[\^(\d+)\]:", body, re.MULTILINE))
    article = main_text(article_pages[slug])
    references = footnote_references(article_pages[slug])
    assert sorted(references) == defined  # each definition referenced once, none missing
    definitions = sorted(int(str(li["id"])[len("fn:") :]) for li in article.select('li[id^="fn:"]'))
    assert definitions == defined
    for number in references:
        item = article.select_one(f'li[id="fn:{number}"]')
        assert item is not None, f"footnote {number} has no definition on the page"
        assert item.select_one(f'a.footnote-backref[href="#fnref:{number}"]'), (
            f"footnote {number} has no link back"
        )
        target = article.find(id=f"fnref:{number}")
        assert isinstance(target, Tag), f"footnote {number}'s back link points nowhere"
        assert target.select_one(f'a[href="#fn:{number}"]'), (
            f"footnote {number}'s back link points away from its reference"
        )


def test_footnote_numbers_run_once_through_the_issue(
    article_pages: dict[str, BeautifulSoup], landing_page: BeautifulSoup
) -> None:
    pages_of: dict[int, list[str]] = {}
    for url, soup in [("landing", landing_page), *article_pages.items()]:
        for number in set(footnote_references(soup)):
            pages_of.setdefault(number, []).append(url)
    assert sorted(pages_of) == FOOTNOTES
    assert {n: urls for n, urls in pages_of.items() if len(urls) > 1} == {}
    counts = Counter(n for soup in article_pages.values() for n in footnote_references(soup))
    assert {n: c for n, c in counts.items() if c != 1} == {}


@pytest.mark.parametrize("slug", ARTICLES)
def test_footnotes_show_the_sources_numbers(
    slug: str, article_pages: dict[str, BeautifulSoup]
) -> None:
    assert_notes_show_their_labels(main_text(article_pages[slug]))


def test_note_16_reads_16_on_its_page(article_pages: dict[str, BeautifulSoup]) -> None:
    """Python-Markdown alone numbers a page's notes from 1: note 16 would read "1"."""
    pages = [page for page in article_pages.values() if page.select_one('li[id="fn:16"]')]
    assert len(pages) == 1
    article = main_text(pages[0])
    items = article.select('div.footnote li[id^="fn:"]')
    item = article.select_one('li[id="fn:16"]')
    assert item is not None and items.index(item) + 1 != 16  # its place on the page differs
    reference = article.select_one('a.footnote-ref[href="#fn:16"]')
    assert reference is not None and reference.get_text() == "16"
    assert item.get("value") == "16"
    backlink = item.select_one("a.footnote-backref")
    assert backlink is not None and backlink.get("title") == "回到正文中注释 16 的位置"


@pytest.mark.browser
def test_footnote_tooltip_and_list_number_in_a_browser(
    built_site: Path, article_pages: dict[str, BeautifulSoup], browser: Browser
) -> None:
    """Material's tooltip still shows the note on hover, and the list item's number
    (what the browser draws as its marker) is the note's."""
    slug = next(s for s, page in article_pages.items() if page.select_one('li[id="fn:16"]'))
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(f"{base}{ISSUE}/{slug}/")
        number = page.eval_on_selector('li[id="fn:16"]', "item => item.value")
        note = page.inner_text('li[id="fn:16"]').strip()
        page.hover('a.footnote-ref[href="#fn:16"]')
        tooltip = page.wait_for_selector(".md-tooltip2--active", timeout=10_000)
        shown = tooltip.inner_text() if tooltip is not None else ""
        page.close()
    assert number == 16
    assert note[:20] in shown


def test_every_footnote_url_is_a_link(
    article_pages: dict[str, BeautifulSoup], export_text: str
) -> None:
    linked: set[str] = set()
    for slug, soup in article_pages.items():
        for item in main_text(soup).select('li[id^="fn:"]'):
            hrefs = {str(a["href"]) for a in item.find_all("a", href=True)}
            for url in URL.findall(item.get_text()):
                url = url.rstrip(URL_TRAILING_PUNCTUATION)
                assert url in hrefs, f"{slug} {item['id']}: {url} is not a link"
                linked.add(url)
    # The URLs as they stand in the export, wrapped lines joined: none lost or cut.
    assert linked, "no footnote URL found"
    assert linked == export_urls(export_text)


# --- the table ----------------------------------------------------------------------


def test_table_of_article_01(article_pages: dict[str, BeautifulSoup]) -> None:
    article = main_text(article_pages[TABLE_ARTICLE])
    tables = article.find_all("table")
    assert len(tables) == 1
    table = tables[0]
    assert [cell_text(th) for th in table.select("thead th")] == TABLE_HEADER
    rows = [[cell_text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert len(rows) == TABLE_ROWS
    assert all(len(row) == len(TABLE_HEADER) for row in rows)
    assert [row[0] for row in rows] == [str(n) for n in range(1, TABLE_ROWS + 1)]
    # The columns "needs extra R&D" and "priority" take these values in the export.
    assert {row[3] for row in rows} <= {"是", "否", "/"}
    assert {row[4] for row in rows} <= {"高", "中", "低"}
    assert all(row[1] and row[2] for row in rows)

    header, expected = fixture_table(TABLE_FIXTURE)
    assert header == TABLE_HEADER
    for number, (got, want) in enumerate(zip(rows, expected, strict=True), start=1):
        assert got == want, f"row {number}"


def test_tables_are_wrapped_for_horizontal_scrolling(
    article_pages: dict[str, BeautifulSoup], built_site: Path
) -> None:
    """Material (9.x) wraps a table in ``div.md-typeset__scrollwrap`` (``overflow-x:
    auto``) when the page loads, not in the HTML it builds: its bundle wraps every
    ``table:not([class])`` of the content. So the table must have no class and the
    page must load a bundle that does the wrapping (``test_table_scrolls_on_a_phone``
    checks the result in a browser). A wrapper already in the HTML is accepted too."""
    url = f"{ISSUE}/{TABLE_ARTICLE}/"
    soup = article_pages[TABLE_ARTICLE]
    tables = main_text(soup).find_all("table")
    assert tables
    unwrapped = [t for t in tables if not t.find_parent("div", class_="md-typeset__scrollwrap")]
    if not unwrapped:
        return
    assert all(not table.has_attr("class") for table in unwrapped)
    assert all(table.find_parent(attrs={"data-md-component": "content"}) for table in unwrapped)
    scripts = [
        str(script["src"])
        for script in soup.find_all("script", src=True)
        if re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", str(script["src"]))
    ]
    assert len(scripts) == 1, "Material's bundle is not loaded"
    bundle = (built_site / resolve(url, scripts[0])).read_text(encoding="utf-8")
    assert "table:not([class])" in bundle and "md-typeset__scrollwrap" in bundle


@pytest.mark.browser
def test_table_scrolls_on_a_phone(built_site: Path, browser: Browser) -> None:
    with serve(built_site) as base:
        page = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
        page.goto(f"{base}{ISSUE}/{TABLE_ARTICLE}/")
        wrapper = page.wait_for_selector("div.md-typeset__scrollwrap table", timeout=10_000)
        assert wrapper is not None
        overflow = page.eval_on_selector(
            "div.md-typeset__scrollwrap", "e => getComputedStyle(e).overflowX"
        )
        page_width = page.evaluate("document.documentElement.scrollWidth")
        page.close()
    assert overflow == "auto"
    assert page_width <= PHONE["width"], "the page itself scrolls sideways"


# --- no page furniture or spacing artefacts in the text -----------------------------


def all_pages(built_site: Path) -> list[tuple[str, BeautifulSoup]]:
    """Every page with content (Material's article), the issue's articles among them."""
    pages = []
    for path in sorted(built_site.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("article.md-content__inner"):
            pages.append((path.parent.relative_to(built_site).as_posix(), soup))
    missing = {f"{ISSUE}/{slug}" for slug in ARTICLES} - {url for url, _ in pages}
    assert not missing, f"pages without Material's article: {sorted(missing)}"
    return pages


def test_no_running_header_in_the_text(
    built_site: Path, article_pages: dict[str, BeautifulSoup], issue_label: str
) -> None:
    # The label belongs in navigation, breadcrumbs, titles and the meta line only.
    leaks = [
        (url, p.get_text()) for url, soup in all_pages(built_site) for p in body_paragraphs(soup)
    ]
    leaks += [
        (slug, b.get_text()) for slug, soup in article_pages.items() for b in text_blocks(soup)
    ]
    found = [f"{url}: {text.strip()[:80]}" for url, text in leaks if issue_label in text]
    assert not found, "running header in the text:\n" + "\n".join(found)


def test_no_paragraph_is_only_a_number(built_site: Path) -> None:
    numbers = [
        f"{url}: {p.get_text().strip()}"
        for url, soup in all_pages(built_site)
        for p in body_paragraphs(soup)
        if re.fullmatch(r"\d+", p.get_text().strip())
    ]
    assert not numbers, "paragraphs that are only a number:\n" + "\n".join(numbers)


def spaced_in_footnote_definitions(export: str) -> set[str]:
    """Two CJK characters, a space, two CJK characters, as the export's footnote
    definitions (blocks opening with their number, FORMAT.md) have them."""
    definitions = re.findall(r"^\d{1,3} \S.*$", join_block_lines(export), re.MULTILINE)
    return {
        window
        for line in definitions
        for window in re.findall(f"(?=({CJK}{{2}} {CJK}{{2}}))", line)
    }


def test_no_stray_space_between_cjk_characters(
    article_pages: dict[str, BeautifulSoup], landing_page: BeautifulSoup, export_text: str
) -> None:
    # Footnote definitions cite titles as published, and some separate two phrases with
    # a space ("…签署战略合作协议 共建东盟…", "…“三个平台”建设 促进“一带一路”…"): that
    # space is in the source. Allowed there only where the export's definitions have the
    # same two characters on each side of it; a justified-spacing artefact ("与 电 池") or a padded
    # name ("付 豪") never has two unspaced characters on both sides.
    legitimate = spaced_in_footnote_definitions(export_text)
    stray = []
    for url, soup in [("landing", landing_page), *article_pages.items()]:
        for block in text_blocks(soup):
            text = block.get_text()
            in_footnote = block.find_parent("div", class_="footnote") is not None
            for match in STRAY_CJK_SPACE.finditer(text):
                window = text[max(match.start() - 1, 0) : match.end() + 1]
                if in_footnote and window in legitimate:
                    continue
                context = text[max(match.start() - 10, 0) : match.end() + 10]
                stray.append(f"{url} <{block.name}>: …{context}…")
    assert not stray, "space between CJK characters:\n" + "\n".join(stray)


# --- landing page and home page -----------------------------------------------------


def test_landing_page_has_the_summary_and_every_article(
    landing_page: BeautifulSoup, converted_docs: Path
) -> None:
    content = main_text(landing_page)
    summary = next((h for h in content.find_all("h2") if heading_text(h) == "本期概要"), None)
    assert summary is not None, "no 本期概要 heading"
    paragraphs = []
    for sibling in summary.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "p":
            paragraphs.append(sibling.get_text().strip())
    assert len(paragraphs) == SUMMARY_PARAGRAPHS and all(paragraphs)

    links = {
        resolve(f"{ISSUE}/", str(a["href"])): a.get_text().strip()
        for a in content.find_all("a", href=True)
    }
    for slug in ARTICLES:
        front_matter, _ = read_markdown(converted_docs, f"{ISSUE}/{slug}.md")
        assert links.get(f"{ISSUE}/{slug}/") == front_matter["title"], f"no link to {slug}"


def test_home_page_links_to_the_issue(built_site: Path) -> None:
    content = main_text(soup_of(built_site, ""))
    targets = {resolve("", str(a["href"])) for a in content.find_all("a", href=True)}
    assert f"{ISSUE}/" in targets


def test_strict_build_succeeded(built_site: Path) -> None:
    # The fixture runs `mkdocs build --strict` with check=True: a warning fails it.
    assert (built_site / "index.html").is_file()
    assert (built_site / "sitemap.xml").is_file()
