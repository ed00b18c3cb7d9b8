"""Render: ``Issue`` → the Markdown pages of one issue (with ``markdown``, the only
code that knows Markdown).

Pages of one issue live under ``YYYY/MM/``: ``index.md`` is the landing page (the
summary and a table of contents by section), ``01.md``… are the articles.
"""

from __future__ import annotations

import html
from collections import Counter
from itertools import groupby

from ..model import (
    Article,
    Block,
    DatePrecision,
    Figure,
    Footnote,
    Issue,
    Paragraph,
    Subheading,
    Table,
    Text,
    section_positions,
)
from .front_matter import (
    DATE_APPROXIMATE,
    DATE_INFERRED,
    SECTION_INFERRED,
    SECTION_POSITION,
    page,
)
from .markdown import (
    blocks,
    bold,
    bullets,
    escape,
    figure,
    footnote_definition,
    footnote_reference,
    heading,
    html_block,
    link,
    linkify,
    table,
)
from .paths import (
    article_path,
    issue_folder,
    relative_link,
    section_page,
    standard_anchor,
    standard_page,
)

LOST_SECTION_LABEL = "（栏目标题缺失）"
# Once shown after a section's name where the converter inferred it (see
# passes/sections); readers no longer see it, `converter check` lists pages that keep it.
INFERRED_MARK = "（推测）"
SUMMARY_TITLE = "本期概要"
CONTENTS_TITLE = "本期目录"
# An article's subheadings start at ### (as the sample's one level always has).
SUBHEADING_FIRST_DEPTH = 3
MARKDOWN_DEEPEST_HEADING = 6
FIGURE_PLACEHOLDER = "assets/figure-placeholder.svg"
FIGURE_PLACEHOLDER_ALT = "图片待补"  # what the placeholder shows: the figure is not yet in


def render_issue(issue: Issue) -> dict[str, str]:
    """All pages of one issue, keyed by path relative to the docs folder."""
    folder = issue_folder(str(issue.id))
    pages = {f"{folder}/index.md": render_landing(issue)}
    positions = section_positions(issue.articles)
    for article in issue.articles:
        position = positions[article.section_number]
        pages[article_path(str(issue.id), article.slug)] = render_article(issue, article, position)
    return pages


def section_fields(article: Article, position: int) -> dict[str, object]:
    """What the front matter says of a section beyond its name: inferred, or lost
    and where."""
    if article.section_inferred:
        return {SECTION_INFERRED: True}
    if not article.section:
        return {SECTION_POSITION: position}
    return {}


def date_fields(article: Article) -> dict[str, object]:
    """What the front matter says of a date the text does not give to the day."""
    if article.date_precision is DatePrecision.MONTH:
        return {DATE_APPROXIMATE: True}
    if article.date_precision is DatePrecision.ISSUE:
        return {DATE_INFERRED: True}
    return {}


def section_label(name: str, position: int = 0) -> str:
    """A section as readers see it: its name (inferred or not: that is for editors,
    in the front matter); a lost one by its place in the issue."""
    if name:
        return escape(name)
    if position:
        return f"（栏目标题缺失：第 {position} 栏）"
    return LOST_SECTION_LABEL


def html_title(title: str) -> str:
    """A title for the front matter. MkDocs and Material print ``page.title`` into
    the HTML as it is (titles from headings are already HTML), so the characters
    that would make markup are written as entities."""
    return html.escape(title, quote=False)


def render_article(issue: Issue, article: Article, position: int = 0) -> str:
    front_matter: dict[str, object] = {
        "title": html_title(article.title),
        "date": article.date or "",
        **date_fields(article),
        "issue": str(issue.id),
        "section": article.section,
        **section_fields(article, position),
        "authors": list(article.authors),
        "tags": list(article.tags),
        "standards": list(article.standards),
        "slug": article.ordinal,  # its number in the issue ('2023-07-05' read as a date)
        "source": f"{issue.source.path}:{article.line}",
    }
    depth = issue_folder(str(issue.id)).count("/") + 1
    return page(front_matter, article_body(article, depth))


def article_body(article: Article, depth: int) -> str:
    """An article page's Markdown below its front matter (``depth``: how many
    folders down the page sits)."""
    labels = footnote_labels(article.footnotes)
    parts = [render_block(block, depth, labels) for block in article.blocks]
    if article.standards:
        parts.append(render_standards_line(article.standards, depth))
    linked = [note for note in article.footnotes if note.linked]
    if linked:
        parts.append(
            "\n".join(footnote_definition(labels[note.key], linkify(note.text)) for note in linked)
        )
    parts.extend(
        f"注 {note.number}（原文中未找到标注位置）：{linkify(note.text)}"
        for note in article.footnotes
        if not note.linked
    )
    return blocks(parts)


def footnote_labels(notes: tuple[Footnote, ...]) -> dict[int, str]:
    """Footnote labels as numbered in the export; a number that repeats on one page
    (a misnumbered export) gets the definition's key so both notes stay apart."""
    counts = Counter(note.number for note in notes)
    return {
        note.key: str(note.number) if counts[note.number] == 1 else f"{note.number}-{note.key}"
        for note in notes
    }


def render_standards_line(codes: tuple[str, ...], depth: int) -> str:
    """The standards the article mentions as it cites them, each linked to its
    standard's entry in the index (every form of one standard to the same entry).
    (Search finds "IEC62208" in "IEC 62208:2023" by itself: no hidden copies.)"""
    up = "../" * depth
    links = "、".join(
        link(code, f"{up}{standard_page(code)}#{standard_anchor(code)}") for code in codes
    )
    return html_block("div", f"{bold('本文提及的标准')}：{links}", ' class="article-standards"')


def render_landing(issue: Issue) -> str:
    front_matter: dict[str, object] = {
        "title": issue.id.label,
        "issue": str(issue.id),
        "source": f"{issue.source.path}:1",
    }
    parts = [heading(2, SUMMARY_TITLE), *(render_block(block, depth=2) for block in issue.summary)]
    parts.append(heading(2, CONTENTS_TITLE))
    positions = section_positions(issue.articles)
    for number, group in groupby(issue.articles, key=lambda a: a.section_number):
        articles = list(group)
        first = articles[0]
        landing = f"{issue_folder(str(issue.id))}/index.md"
        if first.section:
            label = link(first.section, relative_link(landing, section_page(first.section)))
        else:
            label = section_label("", positions[number])
        parts.append(heading(3, label))
        parts.append(bullets(link(a.title, f"{a.slug}.md") for a in articles))
    return page(front_matter, blocks(parts))


def render_block(block: Block, depth: int, labels: dict[int, str] | None = None) -> str:
    if isinstance(block, Paragraph):
        return render_text(block.text, labels or {})
    if isinstance(block, Subheading):
        return heading(subheading_depth(block.level), escape(block.text))
    if isinstance(block, Figure):
        return render_figure(block, depth)
    return render_table(block)


def subheading_depth(level: int) -> int:
    """Level 1 renders as ###, under the page's title and the index's ## headings;
    deeper levels go one deeper each, down to Markdown's last (######)."""
    return min(SUBHEADING_FIRST_DEPTH + level - 1, MARKDOWN_DEEPEST_HEADING)


def caption_label(kind: str, number: int, printed: str) -> str:
    return f"{kind} {printed or number}."


def render_text(text: Text, labels: dict[int, str]) -> str:
    pieces: list[str] = []
    position = 0
    for ref in text.notes:
        pieces.append(escape(text.value[position : ref.offset]))
        pieces.append(footnote_reference(labels.get(ref.key, str(ref.number))))
        position = ref.offset
    pieces.append(escape(text.value[position:]))
    return "".join(pieces)


def render_figure(block: Figure, depth: int) -> str:
    label = f"{caption_label('图', block.number, block.printed_number)} {block.caption}"
    # The image says only what it is, the caption beside it says which figure: a
    # screen reader reads the caption once (an alt text repeating it read it twice).
    return figure(label, "../" * depth + FIGURE_PLACEHOLDER, FIGURE_PLACEHOLDER_ALT)


def render_table(grid: Table) -> str:
    label = caption_label("表", grid.number, grid.printed_number)
    caption = bold(f"{escape(label)} {escape(grid.caption)}")
    return f"{caption}\n\n{table(grid.header, grid.rows)}"
