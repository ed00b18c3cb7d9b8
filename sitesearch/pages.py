"""The pages to index, read from the docs folder: title, place, plain text, and the
fields the results page filters by (issue, date, section, tags, authors).

The Markdown is read as the site renders it (``converter.site.reading``) and reduced
to its text (links keep their text, footnote marks and hidden spans go, tables
become words). Pages whose front
matter says ``search: exclude: true`` (the archive's listings) are left out.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from converter.files import regular_files
from converter.site.front_matter import FrontMatterError, split_page
from converter.site.page_file import read_page_file
from converter.site.reading import read


@dataclass(frozen=True)
class SearchPage:
    path: str  # the Markdown file relative to docs/, without ".md": "2023/07/01"
    title: str
    meta: str  # shown under the title in results: "2023 年第 07 期 · 2023-06-15 · 标准战略"
    text: str
    authors: tuple[str, ...] = ()  # searched like the title: a name is a field
    issue: str = ""  # "2023-07"
    date: str = ""  # "2023-06-15"
    section: str = ""
    tags: tuple[str, ...] = ()


def markdown_text(body: str) -> str:
    """The page's text as the site renders it, a line per block (the one reading of
    Markdown, ``converter/site/reading.py``): links keep their text, footnote marks,
    images and ``aria-hidden`` spans go, a table row is a line of its cells' words."""
    return read(body).plain_text()


def date_of(fields: Mapping[str, object]) -> str:
    date = fields.get("date")
    return date.isoformat() if isinstance(date, dt.date) else str(date or "")


def names(fields: Mapping[str, object], key: str) -> tuple[str, ...]:
    """A list field of the front matter (authors, tags) as strings; anything else: ()."""
    found = fields.get(key)
    if not isinstance(found, list):
        return ()
    return tuple(str(item) for item in found if isinstance(item, str | int) and str(item))


def meta_line(fields: Mapping[str, object]) -> str:
    """Issue, date and section, as a reader sees them: an inferred section is shown
    like any other (editors see the flag in ``converter check`` and the preview)."""
    issue = str(fields.get("issue") or "")
    label = f"{issue[:4]} 年第 {issue[5:]} 期" if len(issue) == len("2023-07") else ""
    parts = [label, date_of(fields), str(fields.get("section") or "")]
    return " · ".join(part for part in parts if part)


def read_page(docs: Path, path: Path) -> SearchPage | None:
    try:
        page = split_page(read_page_file(path))
    except FrontMatterError:
        return None
    search = page.fields.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    relative = path.relative_to(docs).as_posix().removesuffix(".md")
    fields = page.fields
    title = html.unescape(str(fields.get("title") or relative))
    return SearchPage(
        relative,
        title,
        meta_line(fields),
        markdown_text(page.body),
        authors=names(fields, "authors"),
        issue=str(fields.get("issue") or ""),
        date=date_of(fields),
        section=str(fields.get("section") or ""),
        tags=names(fields, "tags"),
    )


# A result links its page by the page's path, relative to the site. A path that a
# browser would read otherwise is never linked: a scheme before the first "/"
# ("javascript:alert(1)%2F/index"), a "/" or "//" in front (another host), a
# backslash (a "/" to a browser) or a control character (dropped by URL parsers, so
# "java\tscript:" is "javascript:").
NOT_A_SITE_PATH = re.compile(r"\A(?:[^/]*:|/)|[\\\x00-\x1f\x7f]")


def is_site_path(relative: str) -> bool:
    return NOT_A_SITE_PATH.search(relative) is None


def page_files(docs: Path, refused: Callable[[Path], None]) -> list[Path]:
    """The Markdown files to index, in path order: regular files (no link followed)
    whose path is a path of the site; ``refused`` is told of the others."""
    files = []
    for path in regular_files(docs, ".md"):
        if is_site_path(path.relative_to(docs).as_posix()):
            files.append(path)
        else:
            refused(path)
    return files


def search_pages(docs: Path) -> Iterator[SearchPage]:
    """Every page of the docs folder that search should find, in path order."""
    for path in page_files(docs, lambda path: None):
        found = read_page(docs, path)
        if found is not None:
            yield found
