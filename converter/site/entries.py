"""What the archive's pages need to know of each issue, and where it comes from.

An ``IssueEntry`` is made from an issue just converted, or read back from the pages
already in the docs folder (with the editors' changes), so that converting one
issue keeps every other issue listed.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree.ElementTree import Element

from ..model import Block, ConversionError, Issue, Paragraph, section_positions
from .front_matter import (
    SECTION_INFERRED,
    SECTION_POSITION,
    FrontMatterError,
    is_hand_edited,
    required_fields,
    split_page,
)
from .identity import pages_in_order
from .issue_pages import SUMMARY_TITLE
from .page_file import read_page_file
from .paths import ISSUE_PAGE, article_path, issue_folder
from .reading import read

EXCERPT_CHARS = 200  # of an issue's summary, for the feed


@dataclass(frozen=True)
class ArticleEntry:
    """What the archive pages need to know of one article."""

    path: str  # relative to the docs folder: "2023/07/01.md"
    title: str
    date: str  # ISO date or ""
    standards: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: str = ""
    tags: tuple[str, ...] = ()
    section_inferred: bool = False
    section_position: int = 0  # where the section's heading was lost: its place


@dataclass(frozen=True)
class IssueEntry:
    """What the archive pages need to know of one issue."""

    issue: str  # "2023-07"
    title: str  # "2023 年第 07 期"
    articles: tuple[ArticleEntry, ...]
    summary: str = ""  # the start of the issue's summary (本期概要), plain text

    @property
    def year(self) -> str:
        return self.issue[:4]

    @property
    def folder(self) -> str:
        return issue_folder(self.issue)


def issue_entry(issue: Issue) -> IssueEntry:
    positions = section_positions(issue.articles)
    return IssueEntry(
        issue=str(issue.id),
        title=issue.id.label,
        articles=tuple(
            ArticleEntry(
                path=article_path(str(issue.id), a.slug),
                title=a.title,
                date=a.date.isoformat() if a.date else "",
                standards=a.standards,
                authors=a.authors,
                section=a.section,
                tags=a.tags,
                section_inferred=a.section_inferred,
                section_position=0 if a.section else positions[a.section_number],
            )
            for a in issue.articles
        ),
        summary=excerpt(summary_text(issue.summary)),
    )


def existing_entries(out_dir: Path, skip: Collection[str] = ()) -> Iterator[IssueEntry]:
    """The issues already in the docs folder, with their pages' current titles; the
    issues in ``skip`` (``2023-07``) are not read."""
    if not out_dir.exists():
        return
    for index_page in sorted(out_dir.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.md")):
        relative = index_page.relative_to(out_dir).as_posix()
        match = ISSUE_PAGE.match(relative)
        if not match or f"{match.group(1)}-{match.group(2)}" in skip:
            continue
        text = read_page_file(index_page)
        meta = page_fields(index_page, text)
        articles = [
            article_entry(article.relative_to(out_dir).as_posix(), article)
            for article in pages_in_order(index_page.parent)
        ]
        yield IssueEntry(
            issue=f"{match.group(1)}-{match.group(2)}",
            title=str(meta.get("title") or relative),
            articles=tuple(articles),
            summary=excerpt(landing_summary(text)),
        )


def with_edited_articles(entry: IssueEntry, out_dir: Path) -> IssueEntry:
    """The entry of an issue just converted, with each article an editor changed in
    the docs folder (a confirmed section, a corrected title) read from its page,
    which the run keeps."""
    return replace(entry, articles=tuple(as_kept(article, out_dir) for article in entry.articles))


def as_kept(article: ArticleEntry, out_dir: Path) -> ArticleEntry:
    page = out_dir / article.path
    if page.is_file() and is_hand_edited(read_page_file(page)):
        return article_entry(article.path, page)
    return article


def article_entry(relative: str, path: Path) -> ArticleEntry:
    meta = page_fields(path, read_page_file(path))
    return ArticleEntry(
        path=relative,
        # Front matter titles are HTML (see issue_pages.html_title); entries hold text.
        title=html.unescape(str(meta.get("title") or path.stem)),
        date=str(meta.get("date") or ""),
        standards=string_list(meta.get("standards")),
        authors=string_list(meta.get("authors")),
        section=str(meta.get("section") or ""),
        tags=string_list(meta.get("tags")),
        section_inferred=meta.get(SECTION_INFERRED) is True,
        section_position=whole_number(meta.get(SECTION_POSITION)),
    )


def page_fields(path: Path, text: str) -> dict[str, object]:
    """The fields of a page read back; a page that cannot be read stops the run
    (``ConversionError``, as ``converter check`` words it): listing the archive
    without it would quietly drop its title, its tags, its issue."""
    try:
        return required_fields(text)
    except FrontMatterError as error:
        raise ConversionError(str(path), error.line, error.message) from None


def whole_number(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def string_list(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def summary_text(blocks: tuple[Block, ...]) -> str:
    """The words of an issue's summary: its paragraphs (a table or figure in it is
    no sentence to quote)."""
    return " ".join(block.text.value for block in blocks if isinstance(block, Paragraph))


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def landing_summary(text: str) -> str:
    """The words of a landing page's summary, as the site renders it: from its
    heading to the next, tables and their captions left out (as ``summary_text``)."""
    try:
        body = split_page(text).body
    except ValueError:
        body = text
    reading = read(body)
    kept: list[Element] = []
    inside = False
    for element in reading.root:
        if element.tag in HEADINGS:
            inside = element.tag == "h2" and reading.text(element).strip() == SUMMARY_TITLE
        elif inside and element.tag == "table":
            if kept and is_caption(kept[-1]):
                kept.pop()
        elif inside:
            kept.append(element)
    return " ".join(reading.text(element) for element in kept)


def is_caption(element: Element) -> bool:
    """A paragraph all bold, before a table: its caption (``issue_pages.render_table``)."""
    return (
        element.tag == "p"
        and not (element.text or "").strip()
        and len(element) == 1
        and (element[0].tag == "strong" and not (element[0].tail or "").strip())
    )


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of some text, whitespace made single spaces, at most ``limit``
    characters ("…" marks a cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
