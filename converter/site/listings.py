"""The tag and standards listings: an index page each, a page per tag and per
standards family, and the lists of articles they lead to (``render_listing``, also
used for sections and authors): grouped by year, newest first; a list too long for
one page gets a page per year, so that no page grows with the archive past what a
phone should load (every HTML page ≤ 41 KB at 240 issues) and a reader sees which
years each part holds. Written through ``markdown``, like every page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from ..standards import (
    NUMBER_SPACES,
    Standard,
    by_standard,
    natural_key,
    read_citation,
)
from ..vocabulary import TAG_GROUPS, Tag, tag_slug
from .entries import ArticleEntry, IssueEntry
from .front_matter import page
from .markdown import anchor, blocks, bold, bullets, escape, heading, link
from .paths import (
    STANDARDS_PAGE,
    TAGS_PAGE,
    part_path,
    relative_link,
    standard_code_page,
    standard_family_page,
    standard_slug,
    tag_page,
    year_part_path,
)

TAGS_TITLE = "标签"
STANDARDS_TITLE = "标准索引"
# A long list's page holds at most PAGE_SIZE articles and PAGE_BYTES of list items
# (UTF-8 Markdown; their HTML is ~20 % longer). Material's page around them (the
# navigation, the header) is ~26 KB at 240 issues, so a page stays under 60 KB
# whatever the titles' length.
PAGE_SIZE = 120
PAGE_BYTES = 20_000
# A code's newest articles shown on its family's page; a code mentioned more often
# links to its own list. A family with too many codes for PAGE_BYTES shows fewer.
INLINE_MENTIONS = 3
GROUP_TITLES = {"organizations": "机构", "regions": "地区", "topics": "主题"}
OTHER_GROUP = "其他"  # tags an editor added that data/tags.yml does not know
# Listing pages repeat the article titles; in search they only push articles down.
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}

Mention = tuple[IssueEntry, ArticleEntry]


def newest_first(issues: Iterable[IssueEntry]) -> list[Mention]:
    """Every article, newest issue first, in the issue's order within an issue."""
    ordered = sorted(issues, key=lambda entry: entry.issue, reverse=True)
    return [(entry, article) for entry in ordered for article in entry.articles]


def tag_pages(issues: Iterable[IssueEntry], vocabulary: Sequence[Tag]) -> dict[str, str]:
    """The tags index and each tag's pages, keyed by path in the docs folder."""
    mentions: dict[str, list[Mention]] = {}
    for entry, article in newest_first(issues):
        for name in article.tags:
            mentions.setdefault(name, []).append((entry, article))
    known = {tag.name: tag for tag in vocabulary}
    slugs = tag_slugs(mentions, vocabulary)
    pages = {TAGS_PAGE: render_tags_index(mentions, vocabulary, slugs)}
    for name, listed in mentions.items():
        title = f"{TAGS_TITLE}：{name}"
        group = GROUP_TITLES.get(known[name].group, OTHER_GROUP) if name in known else OTHER_GROUP
        intro = f"{group}标签「{escape(name)}」，共 {len(listed)} 篇文章，按期从新到旧。"
        pages.update(
            render_listing(tag_page(slugs[name]), title, intro, listed, (TAGS_TITLE, TAGS_PAGE))
        )
    return pages


def tag_slugs(names: Iterable[str], vocabulary: Sequence[Tag]) -> dict[str, str]:
    """Each tag's page name: data/tags.yml's, or the fallback for a tag it lacks."""
    known = {tag.name: tag.slug or tag_slug(tag.name) for tag in vocabulary}
    return {name: known.get(name) or tag_slug(name) for name in sorted(names)}


def render_tags_index(
    mentions: dict[str, list[Mention]], vocabulary: Sequence[Tag], slugs: dict[str, str]
) -> str:
    parts = [
        heading(1, TAGS_TITLE),
        "按机构、地区和主题浏览文章，括号里是文章篇数；每个标签的文章按年份排列，从新到旧。",
    ]
    grouped: dict[str, list[str]] = {group: [] for group in (*TAG_GROUPS, OTHER_GROUP)}
    for tag in vocabulary:
        if tag.name in mentions:
            grouped[tag.group if tag.group in grouped else OTHER_GROUP].append(tag.name)
    known = {tag.name for tag in vocabulary}
    grouped[OTHER_GROUP].extend(sorted(name for name in mentions if name not in known))
    for group, names in grouped.items():
        if not names:
            continue
        parts.append(heading(2, GROUP_TITLES.get(group, group)))
        counted = (
            f"{link(name, f'{slugs[name]}.md')}（{len(mentions[name])} 篇）" for name in names
        )
        parts.append(bullets(counted))
    if len(parts) == 2:
        parts.append("尚无带标签的文章。")
    return page({"title": TAGS_TITLE, **NOT_SEARCHED}, blocks(parts))


def render_listing(
    base: str,
    title: str,
    intro: str,
    mentions: Sequence[Mention],
    up: tuple[str, str],
    note: Callable[[ArticleEntry], str] | None = None,
) -> dict[str, str]:
    """A list of articles grouped by year (newest first) on one page (``base``) with
    a line of links to its years, or, too long for one page (``PAGE_SIZE`` articles,
    ``PAGE_BYTES``), a page per year (``base``'s folder: "tags/iso/2023.md") that
    ``base`` lists with their counts; ``up`` is the page the list belongs to (the
    tags index, a family's page): title, path; ``note`` what to add after an
    article's date."""
    sizes = [len(mention_item(base, *mention, note).encode()) for mention in mentions]
    back = (f"← {up[0]}", up[1])
    if len(mentions) <= PAGE_SIZE and sum(sizes) <= PAGE_BYTES:
        years = [(year, list(items)) for year, items in groupby(mentions, key=mention_year)]
        parts = [
            heading(1, escape(title)),
            intro,
            link(back[0], relative_link(base, back[1])),
        ]
        if len(years) > 1:
            parts.append("年份：" + " · ".join(link(f"{y}", f"#y{y}") for y, _ in years))
        for year, items in years:
            anchor_id = f"y{year}" if len(years) > 1 else ""
            parts.append(heading(2, f"{year} 年", anchor_id))
            parts.append("\n".join(mention_item(base, entry, a, note) for entry, a in items))
        return {base: page({"title": title, **NOT_SEARCHED}, blocks(parts))}
    return by_year(base, title, intro, mentions, back, note)


def mention_year(mention: Mention) -> str:
    return mention[0].year


def by_year(
    base: str,
    title: str,
    intro: str,
    mentions: Sequence[Mention],
    up: tuple[str, str],
    note: Callable[[ArticleEntry], str] | None,
) -> dict[str, str]:
    """A long list: ``base`` lists its years (with counts), each year its own page
    (cut into numbered pages only where one year alone is too long)."""
    years = [(year, list(items)) for year, items in groupby(mentions, key=mention_year)]
    index = [
        f"{link(f'{year} 年', relative_link(base, year_part_path(base, year)))}：{len(items)} 篇"
        for year, items in years
    ]
    parts = [heading(1, escape(title)), intro, link(up[0], relative_link(base, up[1]))]
    parts.append(bullets(index))
    pages = {base: page({"title": title, **NOT_SEARCHED}, blocks(parts))}
    for year, items in years:
        path = year_part_path(base, year)
        sizes = [len(mention_item(path, *mention, note).encode()) for mention in items]
        chunks = cut(items, sizes)
        others = " · ".join(
            bold(other) if other == year else link(other, f"{other}.md") for other, _ in years
        )
        for number, chunk in enumerate(chunks, start=1):
            shown = f"{title}：{year} 年" + (f"（第 {number} 页）" if len(chunks) > 1 else "")
            part = part_path(path, number)
            pager = pager_line(path, number, len(chunks))
            parts = [
                heading(1, escape(shown)),
                f"{year} 年 {len(items)} 篇，按期从新到旧。",
                link(f"← {title}", relative_link(part, base)),
                f"年份：{others}",
            ]
            parts.extend(filter(None, [pager]))
            parts.append("\n".join(mention_item(part, entry, a, note) for entry, a in chunk))
            parts.extend(filter(None, [pager]))
            pages[part] = page({"title": shown, **NOT_SEARCHED}, blocks(parts))
    return pages


def cut(items: Sequence[Mention], sizes: Sequence[int]) -> list[Sequence[Mention]]:
    """Consecutive pages of at most ``PAGE_SIZE`` items and ``PAGE_BYTES`` (an item
    longer than that alone gets a page)."""
    chunks: list[Sequence[Mention]] = []
    start = total = 0
    for index, size in enumerate(sizes):
        if index > start and (index - start >= PAGE_SIZE or total + size > PAGE_BYTES):
            chunks.append(items[start:index])
            start, total = index, 0
        total += size
    if start < len(items):
        chunks.append(items[start:])
    return chunks


def pager_line(base: str, current: int, count: int) -> str:
    """ "页：1 · [2](iso-2.md) · [3](iso-3.md)" between a list's pages, or nothing."""
    if count == 1:
        return ""
    links = []
    for number in range(1, count + 1):
        target = part_path(base, number)
        name = target[target.rfind("/") + 1 :]  # the parts share a folder
        links.append(bold(str(number)) if number == current else link(str(number), name))
    return "页：" + " · ".join(links)


def mention_item(
    source: str,
    entry: IssueEntry,
    article: ArticleEntry,
    note: Callable[[ArticleEntry], str] | None = None,
) -> str:
    """ "- [标题](../2023/07/01.md) · 2023 年第 07 期 · 2023-06-20", and the note."""
    extra = note(article) if note else ""
    details = " · ".join(part for part in (entry.title, article.date, extra) if part)
    return bullets([f"{link(article.title, relative_link(source, article.path))} · {details}"])


@dataclass(frozen=True)
class StandardEntry:
    """One standard of the index: the articles citing it, newest first, and how."""

    standard: Standard
    mentions: list[Mention]
    forms: dict[str, tuple[str, ...]]  # article path → the codes it cites the standard by
    names: list[str]  # its designations without qualifiers, the entry's name first

    @property
    def name(self) -> str:
        return self.names[0]

    def note(self, article: ArticleEntry) -> str:
        """ "文中作 IEC 62208:2023、IEC 62208": how an article writes the standard,
        unless it writes it only by the entry's name."""
        forms = self.forms[article.path]
        return "" if forms == (self.name,) else "文中作 " + "、".join(map(escape, forms))


def standard_entries(issues: Iterable[IssueEntry]) -> list[StandardEntry]:
    """Every standard the articles cite, by family, then in natural order."""
    mentions: dict[Standard, list[Mention]] = {}
    forms: dict[Standard, dict[str, tuple[str, ...]]] = {}
    for entry, article in newest_first(issues):
        for standard, cited in by_standard(article.standards).items():
            mentions.setdefault(standard, []).append((entry, article))
            forms.setdefault(standard, {})[article.path] = cited
    return [
        StandardEntry(standard, mentions[standard], forms[standard], names_of(forms[standard]))
        for standard in sorted(mentions, key=lambda s: (s.space, natural_key(s.number)))
    ]


def names_of(forms: dict[str, tuple[str, ...]]) -> list[str]:
    """A standard's designations without qualifiers ("IEC 15118", "ISO/IEC 15118"):
    the one most articles use first, then in natural order."""
    counts = Counter(
        base for cited in forms.values() for base in {read_citation(code).base for code in cited}
    )
    return sorted(counts, key=lambda base: (-counts[base], natural_key(base)))


def standards_pages(issues: Iterable[IssueEntry]) -> dict[str, str]:
    """The standards index (families), a page per family (its standards, each with
    its newest articles and the forms they cite) and, for a standard mentioned
    often, its own list of articles."""
    families = [
        (family, list(members))
        for family, members in groupby(standard_entries(issues), key=lambda e: e.standard.space)
    ]
    pages = {STANDARDS_PAGE: render_standards_index(families)}
    for family, members in families:
        path = standard_family_page(family)
        for inline in range(INLINE_MENTIONS, -1, -1):
            items = family_items(path, members, inline)
            if sum(len(item.encode()) for item in items) <= PAGE_BYTES:
                break
        pages[path] = render_family(path, family, len(members), items)
        for member in members:
            if len(member.mentions) > inline:
                pages.update(standard_listing(member, (family, path)))
    return pages


def standard_listing(member: StandardEntry, up: tuple[str, str]) -> dict[str, str]:
    """A standard's own list of articles, paged, each with the forms it cites."""
    intro = f"提到 {escape(member.name)} 的文章，共 {len(member.mentions)} 篇，按期从新到旧。"
    title = f"{STANDARDS_TITLE}：{member.name}"
    base = standard_code_page(member.standard)
    return render_listing(base, title, intro, member.mentions, up, member.note)


def render_standards_index(families: list[tuple[str, list[StandardEntry]]]) -> str:
    parts = [
        heading(1, STANDARDS_TITLE),
        "各期文章提到的标准，按标准体系分组；每个体系一页，列出其中的标准和提到它们的文章。"
        "同一标准的各版本（年份）、草案和修正合为一项，并注明文章的原文写法。",
    ]
    items = [
        f"{link(family, relative_link(STANDARDS_PAGE, standard_family_page(family)))}"
        f"：{len(members)} 项标准，{sum(len(member.mentions) for member in members)} 次提及"
        for family, members in families
    ]
    parts.append(bullets(items) if items else "尚无文章提到标准。")
    # Kept out of search: a reader typing a code wants the article (which links here).
    return page({"title": STANDARDS_TITLE, **NOT_SEARCHED}, blocks(parts))


def family_items(path: str, members: list[StandardEntry], inline: int) -> list[str]:
    """A family page's items: each standard (with its anchor: articles link to it),
    its ``inline`` newest articles with the forms they cite, and a link to its own
    list if it has more."""
    items = []
    for member in members:
        listed = member.mentions
        links = [
            link(article.title, relative_link(path, article.path))
            + f"（{'，'.join(filter(None, (entry.title, member.note(article))))}）"
            for entry, article in listed[:inline]
        ]
        if len(listed) > inline:
            own = relative_link(path, standard_code_page(member.standard))
            links.append(link(f"{'全部 ' if inline else ''}{len(listed)} 篇 →", own))
        others = member.names[1:]
        also = f"（又作 {'、'.join(map(escape, others))}）" if others else ""
        entry_name = anchor(standard_slug(member.standard), escape(member.name))
        items.append(bullets([f"{entry_name}{also}：" + "；".join(links)]))
    return items


def render_family(path: str, family: str, count: int, items: list[str]) -> str:
    """A family's standards in natural order, each with its newest articles."""
    title = f"{STANDARDS_TITLE}：{family}"
    parts = [
        heading(1, escape(title)),
        f"{count} 项标准，按编号排序；每项列出最新提到它的文章；文章写法与条目不同时注明原文写法。"
        f"{shared_space_note(family)}",
        link(f"← {STANDARDS_TITLE}", relative_link(path, STANDARDS_PAGE)),
        "\n".join(items),
    ]
    return page({"title": title, **NOT_SEARCHED}, blocks(parts))


def shared_space_note(family: str) -> str:
    """ "ISO、IEC 与 ISO/IEC 共用一套编号…" on the page of a number space that several
    publishers share; nothing on a single publisher's."""
    members = [name for name, space in NUMBER_SPACES.items() if space == family and name != family]
    if not members:
        return ""
    return f"{'、'.join(members)} 与 {family} 共用一套编号，同一编号为同一项标准。"
