"""The pages to index, read from the docs folder: title, place, and plain text.

The Markdown is rendered by Python-Markdown with the site's extensions and its text
taken from the HTML, so whatever an editor writes is read as MkDocs reads it. Pages
whose front matter says ``search: exclude: true`` (the archive's listings) are
left out.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown

from converter.site.front_matter import FrontMatterError, split_page

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "footnotes", "tables"]
# Block elements: their text never runs into the next block's.
BLOCKS = frozenset(
    {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br"}
    | {"figcaption", "blockquote", "pre", "table", "ul", "ol"}
)
SKIPPED = frozenset({"script", "style"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})


def is_hidden(tag: str, attributes: dict[str, str | None]) -> bool:
    """Search keywords and footnote marks: not text a reader reads."""
    if attributes.get("aria-hidden") == "true":
        return True
    if tag == "a" and "footnote-backref" in (attributes.get("class") or ""):
        return True  # the "↩" back to the text
    return tag == "sup" and (attributes.get("id") or "").startswith("fnref")


@dataclass(frozen=True)
class SearchPage:
    path: str  # the Markdown file relative to docs/, without ".md": "2023/07/01"
    title: str
    meta: str  # shown under the title in results: "2023 年第 07 期 · 2023-06-15 · 标准战略"
    text: str


class TextOfHtml(HTMLParser):
    """Visible text of rendered Markdown, a newline between blocks; hidden elements
    (``aria-hidden``: search keywords, footnote back links) are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open tags whose content is skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if not self.hidden and tag in BLOCKS:
                self.parts.append("\n")
            return
        if self.hidden or tag in SKIPPED or is_hidden(tag, dict(attrs)):
            self.hidden.append(tag)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def markdown_text(body: str) -> str:
    parser = TextOfHtml()
    parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
    parser.close()
    return parser.text()


def meta_line(fields: dict[str, object]) -> str:
    issue = str(fields.get("issue") or "")
    label = f"{issue[:4]} 年第 {issue[5:]} 期" if len(issue) == len("2023-07") else ""
    date = fields.get("date")
    day = date.isoformat() if isinstance(date, dt.date) else str(date or "")
    parts = [label, day, str(fields.get("section") or "")]
    return " · ".join(part for part in parts if part)


def read_page(docs: Path, path: Path) -> SearchPage | None:
    try:
        page = split_page(path.read_text(encoding="utf-8"))
    except FrontMatterError:
        return None
    search = page.fields.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    relative = path.relative_to(docs).as_posix().removesuffix(".md")
    title = html.unescape(str(page.fields.get("title") or relative))
    return SearchPage(relative, title, meta_line(page.fields), markdown_text(page.body))


def search_pages(docs: Path) -> Iterator[SearchPage]:
    """Every page of the docs folder that search should find, in path order."""
    for path in sorted(docs.rglob("*.md")):
        found = read_page(docs, path)
        if found is not None:
            yield found
