"""The sample's known structure, and what a converted issue shows of it, in one shape.

The truth is read from the reviewed golden pages of the sample
(``tests/golden/2023-07/2023/07/*.md``): each article's front matter (title, date,
section, authors) and body (paragraphs, subheadings, figures, the table, footnote
definitions), and the summary on the landing page. A perturbation changes this
truth as its description says; the converted issue must then read the same.

Texts are compared without whitespace and without footnote markers: a perturbation
may move where a line wraps, and the Chinese/Latin spacing at a wrap is the
paragraph pass's business, not the structure's. Every other character counts, so
page furniture kept as text, a lost paragraph or two articles run together all
show as a difference.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "archive" / "2023-07.txt"
GOLDEN_ISSUE = ROOT / "tests" / "golden" / "2023-07" / "2023" / "07"

MARKER = re.compile(r"\[\^[0-9-]+\]")
ESCAPED = re.compile(r"\\([\\`*_\[\]{}|#+\-.)])")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
WHITESPACE = re.compile(r"\s+")
FIGCAPTION = re.compile(r"<figcaption>图 (\d+)\. (.*)</figcaption>")
TABLE_CAPTION = re.compile(r"^\*\*表 (\d+)\. (.*)\*\*$")
FOOTNOTE = re.compile(r"^\[\^(\d+)\]: (.*)$")
SUBHEADING = re.compile(r"^(#{3,6}) (.*)$")


def norm(text: str) -> str:
    """Text as compared: no whitespace at all."""
    return WHITESPACE.sub("", text)


def plain(markdown: str) -> str:
    """Rendered inline Markdown back to its text (markers dropped), normalised."""
    text = MARKER.sub("", markdown)
    text = AUTOLINK.sub(r"\1", text)
    text = ESCAPED.sub(r"\1", text)
    return norm(html.unescape(text))


@dataclass(frozen=True)
class When:
    """An article's date: ``day`` None when the text gives none (month only, or no
    date at all): then the page must mark the date as not the text's own."""

    year: int
    month: int
    day: int | None

    @staticmethod
    def of(date: dt.date) -> When:
        return When(date.year, date.month, date.day)


@dataclass(frozen=True)
class ArticleTruth:
    title: str
    section: str
    inferred: bool
    date: When
    authors: tuple[str, ...]
    blocks: tuple[tuple[object, ...], ...]  # ("paragraph", text) ("subheading", text, level)…
    footnotes: tuple[tuple[int, str], ...]
    line: int  # the title's line in the unmodified sample (golden ``source``)


@dataclass(frozen=True)
class IssueTruth:
    id: str
    summary: tuple[str, ...]
    articles: tuple[ArticleTruth, ...]
    extra: dict[str, object] = field(default_factory=dict, compare=False)


def split_page(text: str) -> tuple[dict[str, object], str]:
    _, fields, body = text.split("---\n", 2)
    loaded = yaml.safe_load(fields)
    assert isinstance(loaded, dict)
    return loaded, body


def body_blocks(body: str) -> tuple[list[tuple[object, ...]], list[tuple[int, str]]]:
    """A golden page's body as blocks and footnote definitions."""
    blocks: list[tuple[object, ...]] = []
    notes: list[tuple[int, str]] = []
    chunks = [chunk.strip("\n") for chunk in body.split("\n\n") if chunk.strip()]
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        index += 1
        if chunk.startswith("[^"):
            for line in chunk.splitlines():
                match = FOOTNOTE.match(line)
                assert match, line
                notes.append((int(match.group(1)), plain(match.group(2))))
        elif chunk.startswith("<figure"):
            match = FIGCAPTION.search(chunk)
            assert match, chunk
            blocks.append(("figure", int(match.group(1)), plain(match.group(2))))
        elif chunk.startswith("<div"):
            continue  # the standards line: not the export's text
        elif (heading := SUBHEADING.match(chunk)) is not None:
            blocks.append(("subheading", plain(heading.group(2)), len(heading.group(1))))
        elif (caption := TABLE_CAPTION.match(chunk)) is not None:
            rows = [row.strip("|").split(" | ") for row in chunks[index].splitlines()]
            index += 1
            header, body_rows = rows[0], rows[2:]
            blocks.append(
                (
                    "table",
                    int(caption.group(1)),
                    plain(caption.group(2)),
                    tuple(plain(cell) for cell in header),
                    tuple(tuple(plain(cell) for cell in row) for row in body_rows),
                )
            )
        else:
            blocks.append(("paragraph", plain(chunk)))
    return blocks, notes


def golden_truth() -> IssueTruth:
    """The sample as its reviewed golden pages give it."""
    pages = {
        f"2023/07/{path.name}": path.read_text(encoding="utf-8")
        for path in GOLDEN_ISSUE.glob("*.md")
    }
    return read_pages(pages, "2023-07")


# --- the converted issue, read the same way from its rendered pages ------------------

# Front-matter keys that mark a date as not the text's own (the month of the issue or
# of a month-only dateline): any key naming the date, its month or its precision.
DATE_MARK = re.compile(r"date|month|precision", re.IGNORECASE)


def page_date(fields: dict[str, object]) -> When | None:
    value = fields.get("date")
    marked = any(DATE_MARK.search(key) and fields[key] for key in fields if key != "date")
    if isinstance(value, dt.date):
        return When(value.year, value.month, None if marked else value.day)
    if isinstance(value, str) and (month := re.fullmatch(r"(\d{4})-(\d{2})", value)):
        return When(int(month.group(1)), int(month.group(2)), None)
    return None


def read_pages(pages: dict[str, str], issue_id: str) -> IssueTruth:
    """An issue's rendered pages (``render_issue``) in the truth's shape."""
    folder = "/".join(issue_id.split("-"))
    articles = []
    for path in sorted(pages):
        name = path.rsplit("/", 1)[-1]
        if not re.fullmatch(r"\d+\.md", name) or not path.startswith(folder):
            continue
        fields, body = split_page(pages[path])
        blocks, notes = body_blocks(body)
        source = str(fields.get("source", ":0"))
        articles.append(
            ArticleTruth(
                title=html.unescape(str(fields["title"])),
                section=str(fields.get("section", "")),
                inferred=bool(fields.get("section_inferred", False)),
                date=page_date(fields) or When(0, 0, None),
                authors=tuple(str(name) for name in fields.get("authors") or ()),  # type: ignore[attr-defined]
                blocks=tuple(blocks),
                footnotes=tuple(notes),
                line=int(source.rsplit(":", 1)[1]),
            )
        )
    _, landing = split_page(pages[f"{folder}/index.md"])
    summary_part = landing.split("## 本期概要", 1)[1].split("## 本期目录", 1)[0]
    summary = tuple(plain(chunk) for chunk in summary_part.split("\n\n") if chunk.strip())
    return IssueTruth(issue_id, summary, tuple(articles))
