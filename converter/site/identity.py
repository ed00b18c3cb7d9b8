"""Which page holds which article: an identity that does not depend on position.

An article's page is ``YYYY/MM/NN.md``. The number is given once, when the article
first appears, and then stays with the article: an article inserted before it, a
title corrected in the export or an article an editor deleted never moves it.

Design. Each issue folder holds a manifest, ``.articles.yml`` (committed with the
pages, so CI and every clone agree; MkDocs leaves dotfiles out of the site). It
lists the issue's articles in the export's order, each with its page number, its
title and a fingerprint of the start of its text as the export gave it, and marks
an article an editor deleted (``deleted: true``). Every conversion matches the
export's articles to the numbers already given, by the best evidence first:

1. the fingerprint recorded in the manifest (the export's text is unchanged);
2. the fingerprint of the page's own text (an issue converted before manifests
   existed, or a manifest without the entry);
3. the title, as recorded or as the page now has it (the start of the text changed
   but the title did not);
4. the rest of the text, within a gap (``match_by_position``): an article still
   unmatched (title and opening corrected together) stands between two matched
   neighbours, or between one and the start or the end of the issue. In each such
   gap, an article whose text ends as exactly one unmatched page of the gap does,
   or that shares with exactly one of them the most paragraphs, footnotes or author
   line found in no other page of the issue, keeps that page's number, warned;
5. position: an article left alone in its gap with one number left keeps it,
   warned (with "check that it is" when nothing of its text agrees). Numbers whose
   article left the export (``in_export: false``: a page kept for an editor, a
   deletion recorded) have no place in the order and are paired by 1-3 only.

The text, not the title or the export's line, is the evidence: lines move whenever
anything before them changes, and titles are what editors correct. Only the start
of the text is read (``FINGERPRINT_CHARS``), so a fix further down changes nothing;
punctuation, spacing and Markdown are left out, so a converter that spaces or
escapes differently reads the same fingerprint. A key shared by several articles
or pages is paired in order and warned about. An article nothing matches gets a
number never given in the issue (``highest`` + 1): existing pages are never
renumbered, so an issue's first conversion numbers its articles 01, 02… in order.

Deletion: a page in the manifest whose file is missing was deleted by an editor;
the run records ``deleted: true`` and writes neither the page nor its line in the
contents. It stays deleted until the editor writes ``deleted: false`` in its entry
(or puts the page back): the next run writes it again under its old number.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

import yaml

from ..diagnostics import Diagnostics
from ..model import Article, ConversionError, Issue, Warning_
from .front_matter import SAFE_DUMPER, SAFE_LOADER, FrontMatterError, is_hand_edited, split_page
from .issue_pages import article_body
from .paths import issue_folder

MANIFEST = ".articles.yml"
# Word characters read from the start of an article's text: its dateline and first
# sentence or two, which tell the articles of one issue apart, and no further, so
# that an editor's fix further down does not change who the article is.
FINGERPRINT_CHARS = 80
FINGERPRINT_LENGTH = 12  # hex digits of the hash kept
# Word characters a paragraph (or footnote) needs to tell an article apart: shorter
# ones (a subheading, a one-line caption) repeat from article to article by chance.
MIN_PARAGRAPH_CHARS = 20
# Where a page's body parts: a blank line, or a footnote definition's own line.
PARTS = re.compile(r"\n\s*\n|\n(?=\[\^[^\]]*\]:)")
NOTE_LABEL = re.compile(r"^\s*\[\^[^\]]*\]:\s*")
PAGE_NAME = re.compile(r"^(\d{2,})\.md$")
# What is markup, not text, in a page's body: footnote definitions and references,
# link and image targets, HTML tags and attributes.
MARKUP = (
    re.compile(r"^\[\^[^\]]*\]:.*$", re.MULTILINE),
    re.compile(r"\[\^[^\]]*\]"),
    re.compile(r"\]\([^)]*\)(\{[^}]*\})?"),
    re.compile(r"<[^>]*>"),
)
WORD = re.compile(r"[^\W_]")
MANIFEST_HEADER = (
    "# 本期文章与页面的对应，由转换程序维护（见 CONTRIBUTING.md「删除和恢复文章」）。\n"
    "# 删除文章：删除它的页面文件（转换时在这里记为 deleted: true）。\n"
    "# 恢复文章：把它条目中的 deleted: true 改为 deleted: false。\n"
)


def body_words(body: str) -> str:
    """A page's body as evidence: its word characters, markup left out."""
    text = body
    for pattern in MARKUP:
        text = pattern.sub(" ", text)
    return "".join(WORD.findall(html.unescape(text)))


def digest(words: str) -> str:
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def fingerprint(body: str) -> str:
    """A hash of the first ``FINGERPRINT_CHARS`` word characters of a page's body."""
    return digest(body_words(body)[:FINGERPRINT_CHARS])


def ending(body: str) -> str:
    """A hash of the last ``FINGERPRINT_CHARS`` word characters of a page's body:
    who the article is when its start changed (read from the page, not recorded)."""
    return digest(body_words(body)[-FINGERPRINT_CHARS:])


def text_parts(body: str, authors: Sequence[str] = ()) -> frozenset[str]:
    """The rest of a page's text as evidence: a hash of each paragraph and footnote
    long enough to tell articles apart (``MIN_PARAGRAPH_CHARS``), and of its authors."""
    found = set()
    for part in PARTS.split(body):
        words = body_words(NOTE_LABEL.sub("", part))
        if len(words) >= MIN_PARAGRAPH_CHARS:
            found.add(digest(words))
    names = "、".join(title_key(name) for name in authors)
    if names:
        found.add(digest("authors:" + names))
    return frozenset(found)


def title_key(title: str) -> str:
    """A title as evidence: its word characters (HTML entities read as text)."""
    return "".join(WORD.findall(html.unescape(title)))


def page_name(number: int) -> str:
    return f"{number:02d}"


# --- the manifest ----------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    number: int
    title: str
    fingerprint: str
    deleted: bool | None = None  # True: deleted; False: to restore; None: a page
    # False: no article of the last export matched it (a page kept for an editor, a
    # deletion recorded): it has no place in the export's order.
    in_export: bool = True


@dataclass(frozen=True)
class Manifest:
    entries: tuple[Entry, ...] = ()
    highest: int = 0  # the highest number ever given in the issue


class ManifestError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml_record(text: str) -> object:
    """A committed record's YAML (this manifest, the issues' record); raises
    ``ManifestError`` naming the line at fault."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ManifestError(mark.line + 1 if mark else 1, f"not valid YAML: {error}") from error


def read_manifest(text: str) -> Manifest:
    """The manifest's entries; raises ``ManifestError`` naming the line at fault."""
    loaded = load_yaml_record(text)
    if not isinstance(loaded, dict) or not isinstance(loaded.get("articles", []), list):
        raise ManifestError(1, "expected 'highest:' and a list 'articles:'")
    entries = [entry_of(item, text) for item in loaded.get("articles") or []]
    seen: set[int] = set()
    for entry in entries:
        if entry.number in seen:
            raise ManifestError(
                page_line(text, entry.number), f"page {page_name(entry.number)} is listed twice"
            )
        seen.add(entry.number)
    highest = loaded.get("highest", 0)
    if isinstance(highest, bool) or not isinstance(highest, int):
        raise ManifestError(1, f"highest must be a whole number, not {highest!r}")
    return Manifest(tuple(entries), max([highest, *seen]))


def entry_of(item: object, text: str) -> Entry:
    if not isinstance(item, dict):
        raise ManifestError(1, f"an entry must have page, title and fingerprint, not {item!r}")
    page = str(item.get("page", ""))
    if not page.isdigit():
        raise ManifestError(1, f"an entry's page must be its number ('03'), not {page!r}")
    number = int(page)
    deleted = item.get("deleted")
    if deleted is not None and not isinstance(deleted, bool):
        raise ManifestError(
            page_line(text, number), f"deleted must be true or false, not {deleted!r}"
        )
    in_export = item.get("in_export", True)
    if not isinstance(in_export, bool):
        raise ManifestError(
            page_line(text, number), f"in_export must be true or false, not {in_export!r}"
        )
    title, fingerprint_ = str(item.get("title") or ""), str(item.get("fingerprint") or "")
    return Entry(number, title, fingerprint_, deleted, in_export)


def page_line(text: str, number: int) -> int:
    """The manifest line of a page's entry (1 when it cannot be found)."""
    pattern = re.compile(rf"^\s*-?\s*page:\s*['\"]?0*{number}['\"]?\s*$")
    for index, line in enumerate(text.split("\n"), start=1):
        if pattern.match(line):
            return index
    return 1


def render_manifest(manifest: Manifest) -> str:
    articles = []
    for entry in manifest.entries:
        item: dict[str, object] = {
            "page": page_name(entry.number),
            "title": entry.title,
            "fingerprint": entry.fingerprint,
        }
        if entry.deleted:
            item["deleted"] = True
        if not entry.in_export:
            item["in_export"] = False
        articles.append(item)
    dumped = yaml.dump(
        {"highest": manifest.highest, "articles": articles},
        Dumper=SAFE_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    return MANIFEST_HEADER + dumped


def load_manifest(folder: Path) -> Manifest | None:
    """The manifest of an issue folder, ``None`` without one; raises ``ManifestError``."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    return read_manifest(path.read_text(encoding="utf-8"))


def manifest_path(issue_id: str) -> str:
    """``2023-07`` → ``2023/07/.articles.yml``."""
    return f"{issue_folder(issue_id)}/{MANIFEST}"


def manifest_agrees(folder: Path) -> bool:
    """Does the issue folder hold the pages its manifest lists, and no page it
    records as deleted? (No: an editor deleted or restored an article since the
    last conversion, which must run again.)"""
    try:
        manifest = load_manifest(folder)
    except ManifestError:
        return False
    if manifest is None:
        return True
    pages = article_pages(folder)
    return all((entry.number in pages) == (not entry.deleted) for entry in manifest.entries)


# --- the pages in the folder -----------------------------------------------------


@dataclass(frozen=True)
class Page:
    number: int
    title: str
    fingerprint: str
    ending: str = ""
    parts: frozenset[str] = frozenset()


def article_pages(folder: Path) -> dict[int, Path]:
    """The article pages of an issue folder by number."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.iterdir()):
        match = PAGE_NAME.match(path.name)
        if match and path.is_file():
            found[int(match.group(1))] = path
    return found


def read_page(number: int, path: Path) -> Page:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        split = split_page(text)
    except FrontMatterError:
        return Page(number, "", fingerprint(text))
    title = split.fields.get("title")
    authors = split.fields.get("authors")
    names = [str(name) for name in authors] if isinstance(authors, list) else []
    return Page(
        number,
        str(title) if title else "",
        fingerprint(split.body),
        ending(split.body),
        text_parts(split.body, names),
    )


# --- matching ----------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """A number already given in the issue, with the evidence of who holds it."""

    number: int
    entry: Entry | None
    page: Page | None

    def recorded_fingerprints(self) -> set[str]:
        return {self.entry.fingerprint} if self.entry and self.entry.fingerprint else set()

    def page_fingerprints(self) -> set[str]:
        return {self.page.fingerprint} if self.page else set()

    def titles(self) -> set[str]:
        found = {title_key(self.entry.title)} if self.entry else set()
        if self.page:
            found.add(title_key(self.page.title))
        return found - {""}


@dataclass(frozen=True)
class Evidence:
    fingerprint: str
    title: str
    ending: str = ""
    parts: frozenset[str] = frozenset()


# Evidence in the order it is trusted: its name (for warnings), what a known number
# offers, and what the article offers.
PASSES: tuple[tuple[str, Callable[[Known], set[str]], Callable[[Evidence], str]], ...] = (
    ("text", Known.recorded_fingerprints, lambda e: e.fingerprint),
    ("page text", Known.page_fingerprints, lambda e: e.fingerprint),
    ("title", Known.titles, lambda e: title_key(e.title)),
)


def match_articles(
    articles: Sequence[Evidence], known: Sequence[Known], ambiguous: Callable[[int, str], None]
) -> dict[int, int]:
    """Article index → the known number it keeps. Each pass pairs the articles and
    numbers left that share a key, in order; a key shared by more than one on either
    side is reported with ``ambiguous(article index, message)``."""
    matched: dict[int, int] = {}
    for name, offered, key_of in PASSES:
        taken = set(matched.values())
        holders: dict[str, list[int]] = {}
        for item in known:
            if item.number not in taken:
                for key in sorted(offered(item)):
                    holders.setdefault(key, []).append(item.number)
        seekers: dict[str, list[int]] = {}
        for index, evidence in enumerate(articles):
            key = key_of(evidence)
            if index not in matched and key in holders:
                seekers.setdefault(key, []).append(index)
        for key, indexes in seekers.items():
            numbers = [n for n in holders[key] if n not in set(matched.values())]
            if len(indexes) > 1 or len(numbers) > 1:
                ambiguous(
                    indexes[0],
                    f"{len(indexes)} articles and pages "
                    f"{', '.join(page_name(n) for n in numbers)} share one {name}: "
                    "paired in order; check that each page holds its own article",
                )
            for index, number in zip(indexes, numbers, strict=False):
                matched[index] = number
    return matched


# Position as evidence: an article nothing else matched stands in a gap, between
# two matched neighbours, or one and the start or the end of the issue; the numbers
# the manifest has unmatched at the same place are the candidates. Numbers whose
# article left the export are in no gap (``Entry.in_export``).
Gap = tuple[list[int], list[int], str]  # article indexes, numbers, "between …"


def gaps(order: Sequence[int], matched: dict[int, int], count: int) -> Iterator[Gap]:
    """The stretches between two consecutive matched articles (or the start or the
    end of the issue) whose numbers stand in the same order in ``order`` (the
    recorded export order): the unmatched articles and unmatched numbers of each.
    ``count``: the export's articles."""
    position = {number: place for place, number in enumerate(order)}
    anchors = [
        (-1, -1, "the start of the issue"),
        *(
            (index, position[number], f"{page_name(number)}.md")
            for index, number in sorted(matched.items())
            if number in position
        ),
        (count, len(order), "the end of the issue"),
    ]
    taken = set(matched.values())
    for (before, low, first), (after, high, second) in pairwise(anchors):
        if low < high:
            indexes = [i for i in range(before + 1, after) if i not in matched]
            numbers = [n for n in order[low + 1 : high] if n not in taken]
            yield indexes, numbers, f"{first} and {second}"


def distinct_parts(pages: Iterable[Page]) -> frozenset[str]:
    """The paragraphs, notes and author lines only one page of the issue has: what
    tells its article apart (a paragraph two articles share tells nothing)."""
    counts = Counter(part for page in pages for part in page.parts)
    return frozenset(part for part, seen in counts.items() if seen == 1)


def match_by_position(
    articles: Sequence[Evidence],
    known: Sequence[Known],
    order: Sequence[int],
    matched: dict[int, int],
    said: Callable[[int, str], None],
) -> dict[int, int]:
    """``matched`` with the articles of each gap paired with a number of the gap by
    the rest of their text, then by position; each pairing is warned."""
    pages = {item.number: item.page for item in known if item.page}
    distinct = distinct_parts(pages.values())
    paired = dict(matched)
    for indexes, numbers, between in gaps(order, matched, len(articles)):
        if not indexes or not numbers:
            continue
        changed = "title and opening both changed; kept its page"
        if len(indexes) == 1 and len(numbers) == 1:
            index, number = indexes[0], numbers[0]
            paired[index] = number
            said(
                index,
                f"article {page_name(number)}.md's {changed} as the only article between "
                + between
                + agreement(articles[index], pages.get(number), distinct),
            )
            continue
        for index, number, why in pair_by_text(articles, indexes, numbers, pages, distinct):
            paired[index] = number
            said(index, f"article {page_name(number)}.md's {changed}, as {why} (between {between})")
        left = [index for index in indexes if index not in paired]
        free = [number for number in numbers if number not in paired.values()]
        if len(left) == 1 and len(free) == 1:
            paired[left[0]] = free[0]
            said(
                left[0],
                f"article {page_name(free[0])}.md's {changed} as the only article left "
                f"between {between}" + agreement(articles[left[0]], pages.get(free[0]), distinct),
            )
            continue
        for index in left:
            said(
                index,
                f"no page holds this article by text or title, and pages "
                f"{', '.join(page_name(n) for n in free)} between {between} were "
                "not matched: no evidence tells which (if any) is this article, so it "
                "gets a new page; check those pages",
            )
    return paired


def agreement(article: Evidence, page: Page | None, distinct: frozenset[str]) -> str:
    """What of an article's text agrees with the page position paired it with: the
    end of its text, or its paragraphs; when nothing does, the editor is asked."""
    if page is None:
        return "; its page is gone, so no more of its text can agree: check that it is"
    if page.ending == article.ending:
        return ""
    shared = article.parts & page.parts & distinct
    if shared:
        return (
            f"; the end of its text changed too, but {len(shared)} of its paragraphs, "
            "notes or author line are the same"
        )
    return "; the end of its text changed too: check that it is"


def pair_by_text(
    articles: Sequence[Evidence],
    indexes: list[int],
    numbers: list[int],
    pages: dict[int, Page],
    distinct: frozenset[str],
) -> list[tuple[int, int, str]]:
    """The articles of a gap paired with its pages by the end of their text (one
    page and one article of the gap share it), then by the most paragraphs, notes or
    author line found in no other page (one page shares the most with the article,
    and no other article of the gap shares as many with that page)."""
    endings = {n: pages[n].ending for n in numbers if n in pages}
    found = [
        (index, number, "the end of its text is the same")
        for index, number in pair_by_ending(articles, indexes, numbers, endings)
    ]
    left = [index for index in indexes if index not in {i for i, _, _ in found}]
    free = [n for n in numbers if n in pages and n not in {n_ for _, n_, _ in found}]
    shared = {
        (i, n): len(articles[i].parts & pages[n].parts & distinct) for i in left for n in free
    }
    for index in left:
        best = max((shared[index, n] for n in free), default=0)
        holders = [n for n in free if best and shared[index, n] == best]
        if len(holders) == 1 and all(shared[i, holders[0]] < best for i in left if i != index):
            found.append(
                (index, holders[0], f"{best} of its paragraphs, notes or author line are the same")
            )
    return found


def pair_by_ending(
    articles: Sequence[Evidence], indexes: list[int], numbers: list[int], endings: dict[int, str]
) -> Iterator[tuple[int, int]]:
    """The articles of a gap whose text ends as exactly one page of the gap does,
    which no other article of the gap shares."""
    for index in indexes:
        key = articles[index].ending
        holders = [n for n in numbers if key and endings.get(n) == key]
        seekers = [i for i in indexes if articles[i].ending == key]
        if len(holders) == 1 and len(seekers) == 1:
            yield index, holders[0]


# --- one issue -----------------------------------------------------------------------


@dataclass(frozen=True)
class Identified:
    issue: Issue  # its articles numbered, those deleted left out
    manifest: str  # the manifest's new text


def identify(issue: Issue, docs: Path, diagnostics: Diagnostics) -> Identified:
    """Number the issue's articles after the pages already in ``docs``."""
    issue_id = str(issue.id)
    folder = docs / issue_folder(issue_id)
    try:
        manifest = load_manifest(folder)
    except ManifestError as error:
        raise ConversionError(str(folder / MANIFEST), error.line, error.message) from error
    pages = {number: read_page(number, path) for number, path in article_pages(folder).items()}
    entries = {entry.number: entry for entry in manifest.entries} if manifest else {}
    known = [Known(n, entries.get(n), pages.get(n)) for n in sorted({*entries, *pages})]
    depth = issue_folder(issue_id).count("/") + 1
    evidence = [
        Evidence(fingerprint(body), article.title, ending(body), text_parts(body, article.authors))
        for article, body in ((a, article_body(a, depth)) for a in issue.articles)
    ]

    def ambiguous(index: int, message: str) -> None:
        diagnostics.warn(issue.articles[index].line, message)

    order = [e.number for e in manifest.entries if e.in_export] if manifest else sorted(pages)
    matched = match_by_position(
        evidence, known, order, match_articles(evidence, known, ambiguous), ambiguous
    )
    highest = max([manifest.highest if manifest else 0, *entries, *pages])
    kept: list[Article] = []
    listed: list[Entry] = []
    for index, article in enumerate(issue.articles):
        number = matched.get(index)
        if number is None:
            highest += 1
            number = highest
        entry = entries.get(number)
        deleted = deletion_state(entry, number in pages, manifest is not None)
        if deleted and not (entry and entry.deleted):
            diagnostics.warn(
                article.line,
                f"{issue_folder(issue_id)}/{page_name(number)}.md was deleted by an editor: "
                f"recorded as deleted in {issue_folder(issue_id)}/{MANIFEST} "
                "(write 'deleted: false' there to restore it)",
            )
        if not deleted:
            kept.append(replace(article, ordinal=number))
        listed.append(Entry(number, article.title, evidence[index].fingerprint, deleted or None))
    listed.extend(left_behind(known, set(matched.values()), folder, issue_id, diagnostics))
    return Identified(
        issue=replace(issue, articles=tuple(kept)),
        manifest=render_manifest(Manifest(tuple(listed), highest)),
    )


def deletion_state(entry: Entry | None, page_exists: bool, has_manifest: bool) -> bool:
    """Is the article deleted? Yes when its entry says so and its page is gone, or
    when the manifest lists its page and the page is gone (an editor deleted it
    since). A page that is there, or ``deleted: false``, restores it."""
    if page_exists or entry is None or not has_manifest:
        return False
    return entry.deleted is not False


def left_behind(
    known: Sequence[Known], matched: set[int], folder: Path, issue_id: str, diagnostics: Diagnostics
) -> Iterator[Entry]:
    """The entries of numbers no article of the export matched: a deleted one stays
    recorded, and a page an editor changed stays listed while the writer keeps it. A
    page the converter wrote goes (the writer removes it); its number is not given
    again (``highest``)."""
    for item in known:
        if item.number in matched:
            continue
        relative = f"{issue_folder(issue_id)}/{page_name(item.number)}.md"
        if item.page is None:
            if item.entry and item.entry.deleted:
                yield replace(item.entry, in_export=False)
            continue
        page_text = (folder / f"{page_name(item.number)}.md").read_text("utf-8", errors="replace")
        edited = is_hand_edited(page_text)
        diagnostics.warn(
            1,
            f"{relative}: no article of the export matches it by text or title; "
            + (
                "kept, as an editor changed it (recorded in_export: false); if an article "
                "of the export is this page's, carry the fix to the page written for it "
                "and delete this one"
                if edited
                else "removed"
            ),
        )
        if edited:
            title = item.entry.title if item.entry else item.page.title
            fingerprint_ = item.entry.fingerprint if item.entry else item.page.fingerprint
            yield Entry(item.number, title, fingerprint_, in_export=False)


# --- the editors' check ------------------------------------------------------------


def check_manifests(docs: Path) -> Iterator[Warning_]:
    """Each issue folder's pages against its manifest: a listed page that is missing
    without being recorded as deleted, a page recorded as deleted that is there, a
    page the manifest does not list, and a manifest that cannot be read."""
    for path in sorted(docs.glob(f"[0-9][0-9][0-9][0-9]/[0-9][0-9]/{MANIFEST}")):
        shown = path.as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            manifest = read_manifest(text)
        except ManifestError as error:
            yield Warning_(shown, error.line, error.message)
            continue
        pages = article_pages(path.parent)
        for entry in manifest.entries:
            name = f"{page_name(entry.number)}.md"
            line = page_line(text, entry.number)
            if entry.number not in pages and entry.deleted is None:
                yield Warning_(
                    shown,
                    line,
                    f"{name} is listed but missing: to delete the article, add "
                    "'deleted: true' under its entry (a conversion records it); "
                    "otherwise restore the page",
                )
            elif entry.number in pages and entry.deleted:
                yield Warning_(
                    shown,
                    line,
                    f"{name} is recorded as deleted but is there: delete the page, or "
                    "remove 'deleted: true' from its entry to keep it",
                )
        listed = {entry.number for entry in manifest.entries}
        for number, page in pages.items():
            if number not in listed:
                yield Warning_(
                    page.as_posix(),
                    1,
                    f"the page is not listed in {MANIFEST}: add an entry "
                    f"(page: '{page_name(number)}') or remove the page",
                )
        yield from check_contents(path.parent / "index.md", manifest, pages)


CONTENTS_LINK = re.compile(r"\]\((\d{2,})\.md\)")


def check_contents(index: Path, manifest: Manifest, pages: dict[int, Path]) -> Iterator[Warning_]:
    """The issue's contents (an editor may have changed it, so the converter keeps
    it) link every listed article that has a page, and no page that is not there."""
    if not index.is_file():
        return
    lines = index.read_text(encoding="utf-8", errors="replace").split("\n")
    linked: set[int] = set()
    for number, line in enumerate(lines, start=1):
        for match in CONTENTS_LINK.finditer(line):
            linked.add(int(match.group(1)))
            if int(match.group(1)) not in pages:
                yield Warning_(
                    index.as_posix(), number, f"{match.group(1)}.md is not there: remove this link"
                )
    for entry in manifest.entries:
        if entry.number in pages and entry.number not in linked:
            yield Warning_(
                index.as_posix(),
                1,
                f"the contents do not link {page_name(entry.number)}.md: add "
                f"'- [{entry.title}]({page_name(entry.number)}.md)' under its section",
            )


def pages_in_order(folder: Path) -> list[Path]:
    """An issue folder's article pages in the export's order (its manifest's), any
    page the manifest does not list after them by number."""
    pages = article_pages(folder)
    try:
        manifest = load_manifest(folder)
    except ManifestError:
        manifest = None
    listed = [entry.number for entry in manifest.entries] if manifest else []
    order = [n for n in listed if n in pages] + [n for n in sorted(pages) if n not in listed]
    return [pages[number] for number in order]
