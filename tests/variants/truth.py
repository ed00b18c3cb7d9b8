"""What an issue must read as: from its description (the truth) and from a conversion.

Both sides give the same plain shape, so a test compares them with ``==`` and a
failure names the first article and field that differ. Sections are compared by
name where the export printed a heading; an article under a lost heading must be
in a section of its own (by ``section_number``) without a printed heading's name,
whatever the converter proposes for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from converter.model import Figure, Issue, Paragraph, Subheading, Table
from converter.site.issue_pages import render_block, render_issue
from converter.site.paths import article_path
from tests.perturbed.truth import page_date, split_page

from .spec import MARK, ArticleSpec, FigureSpec, IssueSpec, SubheadingSpec, TableSpec

LOST = "(lost heading)"

BlockShape = tuple[object, ...]


@dataclass(frozen=True)
class ArticleShape:
    title: str
    section: str  # the printed heading, or LOST
    group: int  # sections numbered from 0 in order of appearance
    date: tuple[int, int, int | None] | None  # a day of None: month only, marked as such
    authors: tuple[str, ...]
    blocks: tuple[BlockShape, ...]
    footnotes: tuple[tuple[int, str, bool], ...]  # number, text, linked


@dataclass(frozen=True)
class IssueShape:
    id: str
    summary: tuple[BlockShape, ...]
    articles: tuple[ArticleShape, ...]


def expected(spec: IssueSpec) -> IssueShape:
    articles: list[ArticleShape] = []
    numbers = spec.note_numbers()
    for group, section in enumerate(spec.sections):
        for article, article_numbers in zip(section.articles, numbers[group], strict=True):
            articles.append(
                ArticleShape(
                    title=article.title,
                    section=LOST if section.lost else section.heading,
                    group=group,
                    date=spec.when(article),
                    authors=article.authors,
                    blocks=expected_blocks(article, article_numbers),
                    footnotes=tuple(
                        (number, text, True)
                        for number, text in zip(article_numbers, article.notes, strict=True)
                    ),
                )
            )
    summary = tuple(paragraph_shape(text, []) for text in spec.summary or ())
    return IssueShape(f"{spec.year:04d}-{spec.month:02d}", summary, tuple(articles))


def expected_blocks(article: ArticleSpec, numbers: list[int]) -> tuple[BlockShape, ...]:
    shapes: list[BlockShape] = []
    remaining = list(numbers)
    for block in article.texts():
        if isinstance(block, TableSpec):
            shapes.append(("table", block.number, block.title, block.header, block.rows))
            continue
        if isinstance(block, SubheadingSpec):
            shapes.append(("subheading", block.text, block.level))
            continue
        if isinstance(block, FigureSpec):
            shapes.append(("figure", block.number, block.title))
            continue
        taken = block.count(MARK)
        shapes.append(paragraph_shape(block, remaining[:taken]))
        del remaining[:taken]
    return ranked(shapes)


def ranked(shapes: list[BlockShape]) -> tuple[BlockShape, ...]:
    """Subheading levels as ranks in the article (1 = outermost): a page may start
    its subheadings at any Markdown level."""
    levels = sorted({int(str(shape[2])) for shape in shapes if shape[0] == "subheading"})
    rank = {level: index for index, level in enumerate(levels, start=1)}
    return tuple(
        (shape[0], shape[1], rank[int(str(shape[2]))]) if shape[0] == "subheading" else shape
        for shape in shapes
    )


def paragraph_shape(text: str, numbers: list[int]) -> BlockShape:
    """The text without its markers, and each marker's (offset, number)."""
    parts = text.split(MARK)
    refs: list[tuple[int, int]] = []
    offset = len(parts[0])
    for number, part in zip(numbers, parts[1:], strict=True):
        refs.append((offset, number))
        offset += len(part)
    return ("paragraph", "".join(parts), tuple(refs))


def observed(issue: Issue) -> IssueShape:
    """The converted issue; dates as its rendered pages give them (marked or not)."""
    printed = set(issue.headings)
    groups: dict[int, int] = {}
    pages = render_issue(issue)
    articles = []
    for article in issue.articles:
        fields, _ = split_page(pages[article_path(str(issue.id), article.slug)])
        when = page_date(fields)
        articles.append(
            ArticleShape(
                title=article.title,
                section=article.section if article.section in printed else LOST,
                group=groups.setdefault(article.section_number, len(groups)),
                date=(when.year, when.month, when.day) if when else None,
                authors=article.authors,
                blocks=ranked([block_shape(block) for block in article.blocks]),
                footnotes=tuple(
                    (note.number, note.text, note.linked) for note in article.footnotes
                ),
            )
        )
    summary = tuple(block_shape(block) for block in issue.summary)
    return IssueShape(str(issue.id), summary, tuple(articles))


def block_shape(block: Paragraph | Subheading | Figure | Table) -> BlockShape:
    if isinstance(block, Paragraph):
        refs = tuple((ref.offset, ref.number) for ref in block.text.notes)
        return ("paragraph", block.text.value, refs)
    if isinstance(block, Table):
        return ("table", block.number, block.caption, block.header, block.rows)
    if isinstance(block, Figure):
        return ("figure", block.number, block.caption)
    heading = render_block(block, depth=2)
    return ("subheading", block.text, len(heading) - len(heading.lstrip("#")))


def differences(want: IssueShape, got: IssueShape) -> list[str]:
    """Readable differences, the first few: where and what was expected."""
    found: list[str] = []
    if want.id != got.id:
        found.append(f"issue: expected {want.id}, got {got.id}")
    if want.summary != got.summary:
        found.append(f"summary: expected {want.summary}, got {got.summary}")
    if len(want.articles) != len(got.articles):
        found.append(
            f"articles: expected {len(want.articles)} "
            f"{[a.title for a in want.articles]}, got {len(got.articles)} "
            f"{[a.title for a in got.articles]}"
        )
    for index, (a, b) in enumerate(zip(want.articles, got.articles, strict=False), start=1):
        for name in ArticleShape.__dataclass_fields__:
            want_value, got_value = getattr(a, name), getattr(b, name)
            if want_value == got_value:
                continue
            where = f"article {index} ({a.title}) {name}"
            if name == "blocks":
                where, want_value, got_value = first_block_difference(where, a.blocks, b.blocks)
            found.append(f"{where}:\n  expected {want_value!r}\n  got      {got_value!r}")
    return found


def first_block_difference(
    where: str, want: tuple[BlockShape, ...], got: tuple[BlockShape, ...]
) -> tuple[str, object, object]:
    for number, (a, b) in enumerate(zip(want, got, strict=False), start=1):
        if a != b:
            return f"{where} {number} of {len(want)}", a, b
    return f"{where} (count)", len(want), len(got)
