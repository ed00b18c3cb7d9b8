"""``python -m converter check DOCS``: the gate for editors' pull requests.

Reads every Markdown page under DOCS and reports each problem as
``path:line: message``: front matter (required fields, ISO date, issue, known
section and tags), footnote references and definitions that do not match,
duplicate slugs, leftover page furniture, and tables whose rows have the wrong
number of cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Warning_
from .vocabulary import load_sections, load_tag_names

ARTICLE_PAGE = re.compile(r"^(\d{4})/(\d{2})/\d{2,}\.md$")
ISSUE_PAGE = re.compile(r"^(\d{4})/(\d{2})/index\.md$")
ISSUE_FORMAT = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
RUNNING_HEADER = re.compile(r"^\s*\d{4}\s*年第\s*\d{1,2}\s*期\s*$")
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
ESCAPED_PIPE = re.compile(r"\\\|")
# In a title, < and > and a bare & would be markup (MkDocs prints titles as HTML).
RAW_MARKUP = re.compile(r"[<>]|&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)")
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


def check_docs(docs: Path, data_dir: Path | None = None) -> list[Problem]:
    sections = load_sections(data_dir)
    tags = load_tag_names(data_dir)
    problems: list[Problem] = []
    slugs: dict[str, str] = {}
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        shown = path.as_posix()
        text = path.read_text(encoding="utf-8")
        page, front_problem = split_page(shown, relative, text)
        if front_problem:
            problems.append(front_problem)
            continue
        assert page is not None
        if ARTICLE_PAGE.match(relative):
            problems.extend(check_article_front_matter(page, sections, tags))
            slug = page.front.get("slug")
            if isinstance(slug, str):
                if slug in slugs:
                    problems.append(
                        Problem(
                            shown,
                            page.front_lines.get("slug", 1),
                            f"slug '{slug}' is also used by {slugs[slug]}",
                        )
                    )
                slugs.setdefault(slug, shown)
        problems.extend(check_footnotes(page))
        problems.extend(check_furniture(page))
        problems.extend(check_tables(page))
    return problems


def split_page(shown: str, relative: str, text: str) -> tuple[PageText | None, Problem | None]:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        if ARTICLE_PAGE.match(relative) or ISSUE_PAGE.match(relative):
            return None, Problem(shown, 1, "front matter missing: the page must start with '---'")
        return PageText(shown, relative, {}, {}, text, 1), None
    try:
        end = lines.index("---", 1)
    except ValueError:
        return None, Problem(shown, 1, "front matter not closed: no second '---' line")
    raw = "\n".join(lines[1:end])
    try:
        front = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return None, Problem(shown, line, f"front matter is not valid YAML: {error}")
    if not isinstance(front, dict):
        return None, Problem(shown, 2, "front matter must be a mapping of fields")
    front_lines = {
        match.group(1): number
        for number, line in enumerate(lines[1:end], start=2)
        if (match := re.match(r"^([A-Za-z_]+):", line))
    }
    body = "\n".join(lines[end + 1 :])
    return PageText(shown, relative, front, front_lines, body, end + 2, raw), None


def check_article_front_matter(
    page: PageText, sections: frozenset[str], tags: frozenset[str]
) -> Iterator[Problem]:
    front, at = page.front, page.front_lines
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


def body_lines(page: PageText) -> Iterator[tuple[int, str]]:
    in_code = False
    for number, line in enumerate(page.body.split("\n"), start=page.body_start):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code:
            yield number, line


def check_footnotes(page: PageText) -> Iterator[Problem]:
    references: dict[str, int] = {}
    definitions: dict[str, int] = {}
    for number, line in body_lines(page):
        for match in FOOTNOTE_DEF.finditer(line):
            label = match.group(1)
            if label in definitions:
                yield Problem(page.path, number, f"footnote [^{label}] is defined twice")
            definitions.setdefault(label, number)
        without_definition = FOOTNOTE_DEF.sub("", line)
        for match in FOOTNOTE_REF.finditer(without_definition):
            references.setdefault(match.group(1), number)
    for label, number in references.items():
        if label not in definitions:
            yield Problem(page.path, number, f"footnote [^{label}] has no definition on this page")
    for label, number in definitions.items():
        if label not in references:
            yield Problem(page.path, number, f"footnote [^{label}] is defined but never referenced")


def check_furniture(page: PageText) -> Iterator[Problem]:
    for number, line in body_lines(page):
        if RUNNING_HEADER.match(line):
            yield Problem(page.path, number, "leftover running header (page furniture)")
        elif BARE_NUMBER.match(line):
            yield Problem(page.path, number, "a line holding only a number (page number?)")


def check_tables(page: PageText) -> Iterator[Problem]:
    width: int | None = None
    for number, line in body_lines(page):
        if not TABLE_ROW.match(line):
            width = None
            continue
        cells = len(ESCAPED_PIPE.sub("", line).strip().strip("|").split("|"))
        if width is None:
            width = cells
        elif cells != width:
            yield Problem(
                page.path, number, f"table row has {cells} cells where the header has {width}"
            )
