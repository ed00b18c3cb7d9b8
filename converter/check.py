"""``python -m converter check DOCS``: the gate for editors' pull requests.

Reads every Markdown page under DOCS and reports each problem as
``path:line: message``: front matter (required fields, ISO date, issue, known
section and tags), footnote references and definitions that do not match,
two articles of an issue with one slug, an issue's pages that do not match its
manifest of articles (``site/identity``), leftover page furniture, tables whose rows
have the wrong number of cells, and an article's links into the standards index
that no longer reach the entry of the standard they name; and, anywhere in DOCS, a
symbolic link, a device or FIFO, or a file name that would not make a safe page
address (``converter.files``). Sections the converter
inferred (``section_inferred: true``) are listed for an editor to confirm, without
failing the check.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .files import folder_problems, regular_files
from .model import ConversionError, Warning_
from .passes.structure import SENTENCE_FINAL, author_line
from .patterns import DATELINE, NOT_TEXT, PAGE_NUMBER, RUNNING_HEADER
from .site.front_matter import (
    DATE_APPROXIMATE,
    DATE_INFERRED,
    FRONT_MATTER_MISSING,
    SECTION_INFERRED,
    SECTION_POSITION,
    FrontMatterError,
    has_front_matter,
    split_page,
)
from .site.identity import check_manifests
from .site.issue_pages import INFERRED_MARK
from .site.issue_record import check_record
from .site.page_file import decode_page
from .site.paths import (
    ARTICLE_PAGE,
    ISSUE_FOLDER_PAGE,
    ISSUE_PAGE,
    STANDARDS_FOLDER,
    standard_anchor,
    standard_page,
)
from .site.reading import Reading, read
from .vocabulary import load_sections, load_tag_names

ISSUE_FORMAT = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# A link into the standards index, "../../standards/iso-iec.md#iso-iec-62208": page, anchor.
STANDARD_LINK = re.compile(rf"((?:\.\./)*{STANDARDS_FOLDER}/[^#\s]+)#(\S+)")
# In a title, < and > and a bare & would be markup (MkDocs prints titles as HTML).
RAW_MARKUP = re.compile(r"[<>]|&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)")
# A title on a page, as the export's titles are (FORMAT.md §3.4): at most three lines
# of the bulletin's body width (about 33 characters), no sentence-final mark.
TITLE_MAX_CHARS = 100
# A paragraph of running text is a paragraph of its own (not in a list, a quote, a
# table or the notes), but the notes the converter could not place ("注 3（原文中…").
UNPLACED_NOTE = re.compile(r"^注 \d")
# Readers see one line of a paragraph; "about a line" names where it starts.
LINE_NEEDLE_CHARS = 12
LINKS = frozenset(("a",))
# Each rule that reads the page's parse first looks for the token its syntax cannot
# do without ("[^" for a footnote, "|" for a table…): most listing pages need no parse.
FOOTNOTE_MARK = "[^"
REQUIRED_ARTICLE_FIELDS = ("title", "date", "issue", "section", "authors", "tags", "slug")


# A problem found in the docs folder has the shape of a converter warning.
Problem = Warning_


@dataclass(frozen=True)
class PageText:
    path: str  # as shown in messages
    relative: str  # relative to the docs folder, with /
    front: dict[str, object]
    front_lines: dict[str, int]  # key → line number
    body: str
    body_start: int  # line number of the body's first line
    raw_front: str = ""  # the front matter's text (its first line is the page's line 2)

    @cached_property
    def reading(self) -> Reading:
        """The body as the site renders it (``site/reading``)."""
        return read(self.body)

    def line_of(self, needle: str) -> int:
        """The page's line where ``needle`` (written as in the Markdown) first shows."""
        return self.reading.line_of(needle, self.body_start)


PageCheck = Callable[[PageText], Iterator[Problem]]


@dataclass
class Context:
    """What some checks need beyond the page: the vocabularies, the slugs seen."""

    sections: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    slugs: dict[tuple[str, str], str] = field(default_factory=dict)  # → the page using it


ERROR = "error"  # the gate fails
CONFIRM = "confirm"  # listed for an editor to confirm; the gate passes


@dataclass(frozen=True)
class Rule:
    name: str
    applies_to: Callable[[str], bool]  # the page's path in the docs folder
    severity: str  # ERROR or CONFIRM
    check: Callable[[PageText, Context], Iterator[Problem]]
    rendered: bool = False  # the converter also checks every page it renders with it


def page_only(check: PageCheck) -> Callable[[PageText, Context], Iterator[Problem]]:
    return lambda page, context: check(page)


def is_article(relative: str) -> bool:
    return ARTICLE_PAGE.match(relative) is not None


def is_issue_page(relative: str) -> bool:
    return ISSUE_PAGE.match(relative) is not None


def is_issue_folder_page(relative: str) -> bool:
    return ISSUE_FOLDER_PAGE.match(relative) is not None


def any_page(relative: str) -> bool:
    return True


@dataclass
class CheckFindings:
    """What the check found: problems (the gate fails) and what an editor should
    confirm (listed, the gate passes)."""

    problems: list[Problem] = field(default_factory=list)
    to_confirm: list[Problem] = field(default_factory=list)


def check_docs(docs: Path, data_dir: Path | None = None) -> list[Problem]:
    return check_docs_findings(docs, data_dir).problems


def check_docs_findings(docs: Path, data_dir: Path | None = None) -> CheckFindings:
    context = Context(load_sections(data_dir), load_tag_names(data_dir))
    findings = CheckFindings(problems=folder_problems(docs, page_paths=True))
    for path in regular_files(docs, ".md"):
        relative = path.relative_to(docs).as_posix()
        try:
            text = decode_page(path.as_posix(), path.read_bytes())
        except ConversionError as error:
            findings.problems.append(Problem(error.path, error.line, error.message))
            continue
        page = read_page(path.as_posix(), relative, text)
        if isinstance(page, Problem):
            findings.problems.append(page)
            continue
        for rule in RULES:
            if rule.applies_to(relative):
                found = findings.problems if rule.severity == ERROR else findings.to_confirm
                found.extend(rule.check(page, context))
    findings.problems.extend(check_manifests(docs))
    findings.problems.extend(check_record(docs))
    return findings


def check_section_fields(page: PageText) -> Iterator[Problem]:
    """``section_inferred`` marks a section to confirm; ``section_position`` places a
    lost one (see converter/passes/sections.py)."""
    front, at = page.front, page.front_lines
    inferred = front.get(SECTION_INFERRED)
    if SECTION_INFERRED in front and not isinstance(inferred, bool):
        yield Problem(
            page.path,
            at.get(SECTION_INFERRED, 1),
            f"{SECTION_INFERRED} must be true (delete the line once the section is confirmed)",
        )
    elif inferred is True and not front.get("section"):
        yield Problem(
            page.path,
            at.get(SECTION_INFERRED, 1),
            f"{SECTION_INFERRED} is set but section is empty",
        )
    position = front.get(SECTION_POSITION)
    if SECTION_POSITION in front and not (
        isinstance(position, int) and not isinstance(position, bool) and position > 0
    ):
        yield Problem(
            page.path,
            at.get(SECTION_POSITION, 1),
            f"{SECTION_POSITION} must be the section's place in the issue (1, 2, …), "
            f"not {position!r}",
        )


def inferred_section(page: PageText) -> Iterator[Problem]:
    """An article whose section the converter inferred, for an editor to confirm."""
    section = page.front.get("section")
    if page.front.get(SECTION_INFERRED) is True and isinstance(section, str) and section:
        yield Problem(
            page.path,
            page.front_lines.get(SECTION_INFERRED, 1),
            f"section {section} was inferred (the export lost its heading): confirm it by "
            f"deleting the line '{SECTION_INFERRED}: true', or correct the section",
        )


def inferred_date(page: PageText) -> Iterator[Problem]:
    """A date the article's text does not give to the day: for an editor to confirm."""
    for key, what in (
        (DATE_INFERRED, "inferred from the issue"),
        (DATE_APPROXIMATE, "approximate"),
    ):
        if key not in page.front:
            continue
        at = page.front_lines.get(key, 1)
        if page.front[key] is not True:
            yield Problem(page.path, at, f"{key} must be true (delete the line once confirmed)")
        else:
            yield Problem(
                page.path,
                at,
                f"the date is {what} (the text gives no day): write the real date if "
                f"known and delete the line '{key}: true'",
            )


def structure_notes(page: PageText) -> Iterator[Problem]:
    """Signs that two articles were merged into this page, or that it lost its end:
    the converter's structure accounting (``passes/structure_accounting.py``), read
    from the page. Listed for an editor, without failing the check."""
    if page.front.get("authors") == []:
        yield Problem(page.path, page.front_lines.get("authors", 1), "the article has no authors")
    paragraphs = running_paragraphs(page)
    for index, (line, text) in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if author_line(text) is not None:
            yield Problem(
                page.path,
                line,
                "an author line closes this paragraph but the text goes on: "
                "is another article merged into this page here?",
            )
        elif following is not None and looks_like_title(text) and DATELINE.match(following[1]):
            yield Problem(
                page.path,
                line,
                "this paragraph looks like a title and a dateline follows it: "
                "is another article merged into this page here?",
            )


def running_paragraphs(page: PageText) -> list[tuple[int, str]]:
    """The body's paragraphs of running text, each with its first line."""
    found: list[tuple[int, str]] = []
    reading = page.reading
    for element in reading.root:
        if element.tag != "p":
            continue
        lines = [line.strip() for line in reading.text(element).split("\n")]
        text = "".join(lines)
        if text and not UNPLACED_NOTE.match(text):
            found.append((page.line_of(lines[0][:LINE_NEEDLE_CHARS]), text))
    return found


def looks_like_title(text: str) -> bool:
    return len(text) <= TITLE_MAX_CHARS and not SENTENCE_FINAL.search(text)


def inferred_headings(page: PageText) -> Iterator[Problem]:
    """An issue's table of contents still marking a section as inferred."""
    if INFERRED_MARK not in page.body:
        return
    reading = page.reading
    for element in reading.root:
        text = reading.text(element).strip()
        if element.tag == "h3" and text.endswith(INFERRED_MARK):
            yield Problem(
                page.path,
                page.line_of(text),
                f"the table of contents marks a section as inferred: delete '{INFERRED_MARK}' "
                "from this heading once its articles are confirmed",
            )


def read_page(
    shown: str, relative: str, text: str, parse_fields: bool = True
) -> PageText | Problem:
    """The page split into front matter and body, or the problem that stops that
    (without ``parse_fields``, the front matter's fields are left unread)."""
    if not has_front_matter(text) and (ARTICLE_PAGE.match(relative) or ISSUE_PAGE.match(relative)):
        return Problem(shown, 1, FRONT_MATTER_MISSING)
    try:
        split = split_page(text, parse_fields)
    except FrontMatterError as error:
        return Problem(shown, error.line, error.message)
    lines = split.field_lines()
    front_lines = {name: lines.get(name, 1) for name in split.fields if isinstance(name, str)}
    return PageText(
        shown, relative, split.fields, front_lines, split.body, split.body_line, split.raw
    )


def check_slug(page: PageText, context: Context) -> Iterator[Problem]:
    """A slug is the article's number in its issue (``5`` for ``05.md``): two articles
    of one issue may not share one. (Pages converted before slugs were numbers carry
    ``'2023-07-05'``, unique as well.)"""
    slug = page.front.get("slug")
    if isinstance(slug, bool) or not isinstance(slug, str | int):
        return
    slugs = context.slugs
    key = (page.relative.rpartition("/")[0], str(slug))
    if key in slugs:
        yield Problem(
            page.path,
            page.front_lines.get("slug", 1),
            f"slug '{slug}' is also used by {slugs[key]}",
        )
    slugs.setdefault(key, page.path)


def check_article_front_matter(page: PageText, context: Context) -> Iterator[Problem]:
    front, at = page.front, page.front_lines
    sections, tags = context.sections, context.tags
    for field_name in REQUIRED_ARTICLE_FIELDS:
        if field_name not in front:
            yield Problem(page.path, 1, f"front matter lacks the field '{field_name}'")
    title = front.get("title")
    if "title" in front and (not isinstance(title, str) or not title.strip()):
        yield Problem(page.path, at.get("title", 1), "title must be non-empty text")
    elif isinstance(title, str) and RAW_MARKUP.search(title):
        yield Problem(
            page.path,
            at.get("title", 1),
            "the title is printed as HTML: write &lt; &gt; &amp; for < > &",
        )
    if "date" in front and not is_iso_date(front["date"]):
        yield Problem(
            page.path,
            at.get("date", 1),
            f"date must be an ISO date like 2023-06-15, not {front['date']!r}",
        )
    issue = front.get("issue")
    if "issue" in front and not (isinstance(issue, str) and ISSUE_FORMAT.match(issue)):
        yield Problem(page.path, at.get("issue", 1), f"issue must look like 2023-07, not {issue!r}")
    elif isinstance(issue, str) and (match := ARTICLE_PAGE.match(page.relative)):
        folder_issue = f"{match.group(1)}-{match.group(2)}"
        if issue != folder_issue:
            yield Problem(
                page.path,
                at.get("issue", 1),
                f"issue {issue} does not match the page's folder ({folder_issue})",
            )
    section = front.get("section")
    if "section" in front and (
        not isinstance(section, str) or (section and section not in sections)
    ):
        yield Problem(
            page.path,
            at.get("section", 1),
            f"unknown section {section!r}; known: {', '.join(sorted(sections))} "
            "(add new ones to data/sections.yml)",
        )
    for list_field in ("authors", "tags"):
        value = front.get(list_field)
        if list_field in front and not (
            isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        ):
            yield Problem(page.path, at.get(list_field, 1), f"{list_field} must be a list of names")
    tag_list = front.get("tags")
    if tags and isinstance(tag_list, list):
        for tag in tag_list:
            if isinstance(tag, str) and tag not in tags:
                yield Problem(
                    page.path,
                    item_line(page, "tags", tag),
                    f"tag '{tag}' is not in the vocabulary (data/tags.yml)",
                )


def item_line(page: PageText, field_name: str, item: str) -> int:
    """The front matter line of one list item ("- ANSI" under "tags:")."""
    start = page.front_lines.get(field_name, 1)
    lines = page.raw_front.split("\n")
    for number in range(start, len(lines) + 2):
        line = lines[number - 2] if 0 <= number - 2 < len(lines) else ""
        if line.strip() in (f"- {item}", f"- '{item}'", f'- "{item}"'):
            return number
    return start


def is_iso_date(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("2023-06-15")


def check_footnotes(page: PageText) -> Iterator[Problem]:
    """References and definitions that do not match, as Python-Markdown pairs them:
    a reference inside code is text, a second definition replaces the first."""
    if FOOTNOTE_MARK not in page.body:
        return  # no footnote syntax: nothing to parse for
    reading = page.reading
    for label, count in Counter(reading.definitions).items():
        if count > 1:
            lines = reading.lines_of(f"[^{label}]:", page.body_start)
            yield Problem(
                page.path,
                lines[1] if len(lines) > 1 else page.body_start,
                f"footnote [^{label}] is defined twice",
            )
    for label in dict.fromkeys(reading.undefined_references()):
        yield Problem(
            page.path,
            page.line_of(f"[^{label}]"),
            f"footnote [^{label}] has no definition on this page",
        )
    for label in dict.fromkeys(reading.definitions):
        if label not in reading.references:
            yield Problem(
                page.path,
                page.line_of(f"[^{label}]:"),
                f"footnote [^{label}] is defined but never referenced",
            )


def check_not_text(page: PageText) -> Iterator[Problem]:
    """Control characters (NUL, ESC…) anywhere in the page: they would break the
    feed's XML and show as nothing, or as boxes."""
    front = enumerate(page.raw_front.split("\n"), start=2) if page.raw_front else iter(())
    body = enumerate(page.body.split("\n"), start=page.body_start)
    for number, line in [*front, *body]:
        found = sorted(set(NOT_TEXT.findall(line)))
        if found:
            names = ", ".join(f"U+{ord(char):04X}" for char in found)
            yield Problem(page.path, number, f"control character {names} (not text): delete it")


def check_furniture(page: PageText) -> Iterator[Problem]:
    """A running header or page number left on a line of its own in a paragraph's
    text (a link's text, "2023 年第 07 期" on a year page, is no furniture)."""
    reading = page.reading
    for block in reading.blocks():
        if block.tag != "p":
            continue
        for line in reading.text(block, without=LINKS).split("\n"):
            if RUNNING_HEADER.match(line):
                yield Problem(
                    page.path,
                    page.line_of(line.strip()),
                    "leftover running header (page furniture)",
                )
            elif PAGE_NUMBER.match(line):
                yield Problem(
                    page.path,
                    page.line_of(line.strip()),
                    "a line holding only a number (page number?)",
                )


def check_tables(page: PageText) -> Iterator[Problem]:
    """Rows whose cells, split as the tables extension splits them (a | in inline
    code or escaped splits nothing), are more or fewer than the header's: the site
    drops the extra cells or pads the row."""
    if "|" not in page.body:
        return  # no table without a pipe
    for rows in page.reading.tables:
        width = rows[0].cells
        for row in rows[1:]:
            if row.cells != width:
                yield Problem(
                    page.path,
                    page.line_of(row.text),
                    f"table row has {row.cells} cells where the header has {width}",
                )


def check_standard_links(page: PageText) -> Iterator[Problem]:
    """A link into the standards index must reach the entry of the code it shows:
    an edited page keeps its links when the index's rules move an entry."""
    if f"{STANDARDS_FOLDER}/" not in page.body:
        return  # no link into the index
    folder = posixpath.dirname(page.relative)
    for code, address in page.reading.links():
        match = STANDARD_LINK.fullmatch(address)
        if match is None:
            continue
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        expected = f"{standard_page(code)}#{standard_anchor(code)}"
        if f"{target}#{match.group(2)}" != expected:
            yield Problem(
                page.path,
                page.line_of(f"({address})"),
                f"the link of {code} goes to {target}#{match.group(2)}; "
                f"its entry in the standards index is {expected}",
            )


# Every check of a page, in the order its problems are listed. ``rendered``: what the
# converter itself checks on every page it renders, before writing any: the
# structure it builds (footnotes, tables, links to the standards index), not the
# editors' vocabularies.
RULES: tuple[Rule, ...] = (
    Rule("article front matter", is_article, ERROR, check_article_front_matter),
    Rule("section fields", is_article, ERROR, page_only(check_section_fields)),
    Rule("unique slug", is_article, ERROR, check_slug),
    Rule("inferred section", is_article, CONFIRM, page_only(inferred_section)),
    Rule("inferred date", is_article, CONFIRM, page_only(inferred_date)),
    Rule("merged articles", is_article, CONFIRM, page_only(structure_notes)),
    Rule("inferred headings", is_issue_page, CONFIRM, page_only(inferred_headings)),
    Rule("footnotes", any_page, ERROR, page_only(check_footnotes), rendered=True),
    # Furniture is the export's: the archive's own listings are made from titles.
    Rule("page furniture", is_issue_folder_page, ERROR, page_only(check_furniture)),
    Rule("tables", any_page, ERROR, page_only(check_tables), rendered=True),
    Rule("standards links", any_page, ERROR, page_only(check_standard_links), rendered=True),
    Rule("control characters", any_page, ERROR, page_only(check_not_text)),
)


def check_rendered(relative: str, text: str) -> list[Problem]:
    """Problems in a page the converter rendered (named by its path in docs/). Its
    front matter is the converter's own YAML dump, so only the body is read."""
    page = read_page(relative, relative, text, parse_fields=False)
    if isinstance(page, Problem):
        return [page]
    return [
        problem
        for rule in RULES
        if rule.rendered and rule.applies_to(relative)
        for problem in rule.check(page, Context())
    ]
