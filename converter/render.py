"""Last pass, render: ``Issue`` → Markdown pages (the only pass that knows Markdown).

Pages of one issue live under ``YYYY/NN/``: ``index.md`` is the landing page (the
summary and a table of contents by section), ``01.md``… are the articles. The
archive pages (home, years, navigation) are rendered from ``IssueEntry``s of every
issue in the docs folder, so converting one issue keeps the others listed.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from xml.etree import ElementTree

import yaml

from .markdown import escape, escape_attribute, linkify
from .model import (
    Article,
    Block,
    Figure,
    Footnote,
    Issue,
    Paragraph,
    Subheading,
    Table,
    Text,
)
from .standards import anchor, family_of, natural_key

CHECKSUM_KEY = "checksum"
LOST_SECTION_LABEL = "（栏目标题缺失）"
FIGURE_PLACEHOLDER = "assets/figure-placeholder.svg"
HOME_TITLE = "标准化动态"
HOME_PAGE = "index.md"
# Listing pages repeat the article titles; in search they only push articles down.
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}
NAV_FILE = ".nav.yml"


@dataclass(frozen=True)
class ArticleEntry:
    """What the archive pages need to know of one article."""

    path: str  # relative to the docs folder: "2023/07/01.md"
    title: str
    date: str  # ISO date or ""
    standards: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: str = ""


@dataclass(frozen=True)
class IssueEntry:
    """What the archive pages need to know of one issue."""

    issue: str  # "2023-07"
    title: str  # "2023 年第 07 期"
    articles: tuple[ArticleEntry, ...]

    @property
    def year(self) -> str:
        return self.issue[:4]

    @property
    def folder(self) -> str:
        return self.issue.replace("-", "/")


def issue_folder(issue: Issue) -> str:
    return f"{issue.id.year:04d}/{issue.id.number:02d}"


def article_path(issue: Issue, article: Article) -> str:
    return f"{issue_folder(issue)}/{article.slug}.md"


def render_issue(issue: Issue) -> dict[str, str]:
    """All pages of one issue, keyed by path relative to the docs folder."""
    pages = {f"{issue_folder(issue)}/index.md": render_landing(issue)}
    for article in issue.articles:
        pages[article_path(issue, article)] = render_article(issue, article)
    return pages


def issue_entry(issue: Issue) -> IssueEntry:
    return IssueEntry(
        issue=str(issue.id),
        title=issue.id.label,
        articles=tuple(
            ArticleEntry(
                path=article_path(issue, a),
                title=a.title,
                date=a.date.isoformat() if a.date else "",
                standards=a.standards,
                authors=a.authors,
                section=a.section,
            )
            for a in issue.articles
        ),
    )


def page(front_matter: dict[str, object], body: str) -> str:
    """A page with YAML front matter and, as its last field, a checksum of the rest.

    The checksum line is added as text (always unquoted hex), so that removing it
    gives back exactly the text that was hashed.
    """
    block = front_matter_block(front_matter)
    digest = checksum(block + body)
    opening = block.removesuffix(FRONT_MATTER_END)
    return f"{opening}{CHECKSUM_KEY}: {digest}\n{FRONT_MATTER_END}{body}"


FRONT_MATTER_END = "---\n\n"
# libyaml's emitter when PyYAML has it (much faster on big archives); the output is
# the same as the pure-Python one's for the plain fields written here.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter_block(front_matter: dict[str, object]) -> str:
    dumped = yaml.dump(
        front_matter,
        Dumper=SAFE_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    return f"---\n{dumped}{FRONT_MATTER_END}"


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def html_title(title: str) -> str:
    """A title for the front matter. MkDocs and Material print ``page.title`` into
    the HTML as it is (titles from headings are already HTML), so the characters
    that would make markup are written as entities."""
    return html.escape(title, quote=False)


def render_article(issue: Issue, article: Article) -> str:
    front_matter: dict[str, object] = {
        "title": html_title(article.title),
        "date": article.date or "",
        "issue": str(issue.id),
        "section": article.section,
        "authors": list(article.authors),
        "tags": list(article.tags),
        "standards": list(article.standards),
        "slug": f"{issue.id}-{article.slug}",
        "source": f"{issue.source.path}:{article.line}",
    }
    depth = issue_folder(issue).count("/") + 1
    labels = footnote_labels(article.footnotes)
    parts = [render_block(block, depth, labels) for block in article.blocks]
    if article.standards:
        parts.append(render_standards_line(article.standards, depth))
    linked = [note for note in article.footnotes if note.linked]
    if linked:
        parts.append("\n".join(f"[^{labels[note.key]}]: {linkify(note.text)}" for note in linked))
    parts.extend(
        f"注 {note.number}（原文中未找到标注位置）：{linkify(note.text)}"
        for note in article.footnotes
        if not note.linked
    )
    return page(front_matter, "\n\n".join(parts) + "\n")


def footnote_labels(notes: tuple[Footnote, ...]) -> dict[int, str]:
    """Footnote labels as numbered in the export; a number that repeats on one page
    (a misnumbered export) gets the definition's key so both notes stay apart."""
    counts = Counter(note.number for note in notes)
    return {
        note.key: str(note.number) if counts[note.number] == 1 else f"{note.number}-{note.key}"
        for note in notes
    }


def render_standards_line(codes: tuple[str, ...], depth: int) -> str:
    """The standards the article mentions, linked to the index; the codes written
    without their space ride along for search ("IEC62208" finds "IEC 62208:2023")."""
    index = "../" * depth + STANDARDS_PAGE
    links = "、".join(f"[{escape(code)}]({index}#{anchor(code)})" for code in codes)
    compact = " ".join(sorted({variant for code in codes for variant in compact_forms(code)}))
    return (
        '<div class="article-standards" markdown>\n'
        f"**本文提及的标准**：{links}"
        f'<span class="search-keywords" aria-hidden="true">{escape(compact)}</span>\n'
        "</div>"
    )


def compact_forms(code: str) -> tuple[str, ...]:
    """ "IEC 62208:2023" → ("IEC62208:2023", "IEC62208")."""
    joined = code.replace(" ", "", 1)
    base = re.split(r"[:]", joined, maxsplit=1)[0]
    return (joined, base) if base != joined else (joined,)


def render_landing(issue: Issue) -> str:
    front_matter: dict[str, object] = {
        "title": issue.id.label,
        "issue": str(issue.id),
        "source": f"{issue.source.path}:1",
    }
    parts = ["## 本期概要", *(render_block(block, depth=2) for block in issue.summary)]
    parts.append("## 本期目录")
    for (_, section), articles in groupby(
        issue.articles, key=lambda a: (a.section_number, a.section)
    ):
        parts.append(f"### {escape(section) if section else LOST_SECTION_LABEL}")
        parts.append("\n".join(f"- [{escape(a.title)}]({a.slug}.md)" for a in articles))
    return page(front_matter, "\n\n".join(parts) + "\n")


def render_block(block: Block, depth: int, labels: dict[int, str] | None = None) -> str:
    if isinstance(block, Paragraph):
        return render_text(block.text, labels or {})
    if isinstance(block, Subheading):
        return f"### {escape(block.text)}"
    if isinstance(block, Figure):
        return render_figure(block, depth)
    return render_table(block)


def render_text(text: Text, labels: dict[int, str]) -> str:
    pieces: list[str] = []
    position = 0
    for ref in text.notes:
        pieces.append(escape(text.value[position : ref.offset]))
        pieces.append(f"[^{labels.get(ref.key, str(ref.number))}]")
        position = ref.offset
    pieces.append(escape(text.value[position:]))
    return "".join(pieces)


def render_figure(figure: Figure, depth: int) -> str:
    label = f"图 {figure.number}. {figure.caption}"
    image = "../" * depth + FIGURE_PLACEHOLDER
    # The caption sits in raw HTML, which md_in_html leaves as it is: HTML escaping
    # there, Markdown escaping in the image's alt text.
    return (
        '<figure markdown="span">\n'
        f'  ![{escape(label)}]({image}){{ title="{escape_attribute("图片待补：" + label)}" }}\n'
        f"  <figcaption>{html.escape(label, quote=False)}</figcaption>\n"
        "</figure>"
    )


def render_table(table: Table) -> str:
    caption = f"**表 {table.number}. {escape(table.caption)}**"
    header = "| " + " | ".join(escape(cell) for cell in table.header) + " |"
    rule = "|" + "|".join(" --- " for _ in table.header) + "|"
    rows = ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in table.rows]
    return "\n".join([caption, "", header, rule, *rows])


def render_home(entries: Iterable[IssueEntry]) -> str:
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    parts = [f"# {HOME_TITLE}"]
    if ordered:
        latest = ordered[0]
        parts.append(f"## 最新一期：[{latest.title}]({latest.folder}/index.md)")
        parts.append("\n".join(f"- [{escape(a.title)}]({a.path})" for a in latest.articles))
    parts.append("## 往期")
    for year, issues in groupby(ordered, key=lambda e: e.year):
        links = " · ".join(f"[{e.title[len(year) + 2 :]}]({e.folder}/index.md)" for e in issues)
        parts.append(f"### [{year} 年]({year}/index.md)\n\n{links}")
    return page({"title": HOME_TITLE, **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def render_year(year: str, entries: Iterable[IssueEntry]) -> str:
    """A year's issues, each with its sections and article counts (the issue's own
    page lists the articles: a year page listing them all outgrows a page)."""
    parts = []
    for entry in sorted(entries, key=lambda e: e.issue, reverse=True):
        number = entry.issue[5:]
        sections = Counter(a.section or LOST_SECTION_LABEL for a in entry.articles)
        listing = " · ".join(f"{escape(name)} {count} 篇" for name, count in sections.items())
        parts.append(
            f"## [{entry.title}]({number}/index.md)\n\n{len(entry.articles)} 篇文章：{listing}"
        )
    return page({"title": f"{year} 年", **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def render_nav(entries: Iterable[IssueEntry], extra: Iterable[tuple[str, str]] = ()) -> str:
    """The navigation (archive → year → issue → article), newest first."""
    ordered = sorted(entries, key=lambda e: e.issue, reverse=True)
    nav: list[object] = [{"首页": HOME_PAGE}]
    for year, issues in groupby(ordered, key=lambda e: e.year):
        year_items: list[object] = [f"{year}/index.md"]
        for entry in issues:
            year_items.append(
                {entry.title: [f"{entry.folder}/index.md", *(a.path for a in entry.articles)]}
            )
        nav.append({f"{year} 年": year_items})
    nav.extend({title: path} for title, path in extra)
    return yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)


STANDARDS_PAGE = "standards.md"
STANDARDS_TITLE = "标准索引"
FEED_FILE = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50  # newest articles in the feed


def render_standards(entries: Iterable[IssueEntry]) -> str:
    """Every standard code the articles mention, by family, each with its articles."""
    mentions: dict[str, list[tuple[IssueEntry, ArticleEntry]]] = {}
    for entry in sorted(entries, key=lambda e: e.issue, reverse=True):
        for article in entry.articles:
            for code in article.standards:
                mentions.setdefault(code, []).append((entry, article))
    parts = [
        f"# {STANDARDS_TITLE}",
        "各期文章提到的标准编号，按标准体系分组、按编号排序；每个编号列出提到它的文章。",
    ]
    codes = sorted(mentions, key=lambda code: (family_of(code), natural_key(code)))
    for family, family_codes in groupby(codes, key=family_of):
        parts.append(f"## {escape(family)}")
        items = []
        for code in family_codes:
            links = "；".join(
                f"[{escape(article.title)}]({article.path})（{entry.title}）"
                for entry, article in mentions[code]
            )
            items.append(f'- <span id="{anchor(code)}"></span>**{escape(code)}**：{links}')
        parts.append("\n".join(items))
    # Kept out of search: it repeats every code and title, and a reader typing a
    # code wants the article (which links here).
    return page({"title": STANDARDS_TITLE, **NOT_SEARCHED}, "\n\n".join(parts) + "\n")


def page_url(path: str) -> str:
    """The URL MkDocs gives a page (directory URLs): 2023/07/01.md → 2023/07/01/."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def render_feed(entries: Iterable[IssueEntry], site_url: str) -> str:
    """An Atom feed of the newest articles, newest first; deterministic (no clock)."""
    articles = [(article, entry) for entry in entries for article in entry.articles]
    articles.sort(key=lambda pair: (pair[0].date, pair[0].path), reverse=True)
    articles = articles[:FEED_SIZE]
    base = site_url.rstrip("/") + "/"
    feed = ElementTree.Element("feed", xmlns=ATOM)
    ElementTree.SubElement(feed, "title").text = HOME_TITLE
    ElementTree.SubElement(feed, "id").text = base
    ElementTree.SubElement(feed, "link", href=base)
    ElementTree.SubElement(feed, "link", rel="self", href=base + FEED_FILE)
    newest = articles[0][0].date if articles and articles[0][0].date else "1970-01-01"
    ElementTree.SubElement(feed, "updated").text = f"{newest}T00:00:00Z"
    for article, entry in articles:
        url = base + page_url(article.path)
        item = ElementTree.SubElement(feed, "entry")
        ElementTree.SubElement(item, "title").text = article.title
        ElementTree.SubElement(item, "id").text = url
        ElementTree.SubElement(item, "link", href=url)
        day = article.date or f"{entry.issue}-01"
        ElementTree.SubElement(item, "updated").text = f"{day}T00:00:00Z"
        ElementTree.SubElement(item, "summary").text = " · ".join(
            part for part in (entry.title, article.section) if part
        )
        for name in article.authors or (HOME_TITLE,):
            author = ElementTree.SubElement(item, "author")
            ElementTree.SubElement(author, "name").text = name
    ElementTree.indent(feed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="unicode")
        + "\n"
    )
