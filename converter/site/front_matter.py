"""A page's YAML front matter, written and read in one place.

Every generated page is ``---``, the fields, a checksum of the rest as the last
field, ``---``, a blank line and the Markdown body. The checksum tells a page an
editor changed (it no longer matches) from one the converter wrote. The converter
(``issue_pages``, ``archive_pages``), the writer and the editors' check all split
and read pages here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import yaml

CHECKSUM_KEY = "checksum"
# An article's section not read from the export but inferred from the usual order of
# sections: written as `section_inferred: true` until an editor confirms it.
SECTION_INFERRED = "section_inferred"
# A section whose heading was lost (`section: ''`): its place among the issue's
# sections, so that two lost sections stay two.
SECTION_POSITION = "section_position"
# An article's date not given to the day by its text: `date_approximate: true` when
# the text names only a month or part of one ("6 月上旬"; the date is the month's
# first day), `date_inferred: true` when it names no date ("近日", or no dateline;
# the date is the first day of the month). `date` stays an ISO date, which
# MkDocs, Material and the feed read.
DATE_APPROXIMATE = "date_approximate"
DATE_INFERRED = "date_inferred"
FENCE = "---\n"
CLOSING = "---\n\n"
FRONT_MATTER = re.compile(r"\A---\n(?P<fields>.*?)^---$\n?", re.DOTALL | re.MULTILINE)
CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}: ([0-9a-f]+)\n", re.MULTILINE)
FIELD_LINE = re.compile(r"^([A-Za-z_]+):", re.MULTILINE)
# libyaml's emitter when PyYAML has it (much faster on big archives); the output is
# the same as the pure-Python one's for the plain fields written here.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# YAML's names for what an error was reading when a quote or bracket was never closed.
LEFT_OPEN = ("quoted scalar", "flow sequence", "flow mapping")


def page(fields: dict[str, object], body: str) -> str:
    """A page with front matter and, as its last field, a checksum of the rest.

    The checksum line is added as text (always unquoted hex), so that removing it
    gives back exactly the text that was hashed.
    """
    dumped = yaml.dump(
        fields,
        Dumper=SAFE_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    opening = FENCE + dumped
    digest = checksum(opening + CLOSING + body)
    return f"{opening}{CHECKSUM_KEY}: {digest}\n{CLOSING}{body}"


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def is_hand_edited(text: str) -> bool:
    """True unless the page still matches the checksum it was generated with."""
    front = FRONT_MATTER.match(text)
    if not front:
        return True
    found = CHECKSUM_LINE.search(front.group("fields"))
    if not found:
        return True
    start = front.start("fields")
    without = text[: start + found.start()] + text[start + found.end() :]
    return checksum(without) != found.group(1)


class FrontMatterError(ValueError):
    """Front matter that cannot be read: where (line of the page) and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class SplitPage:
    fields: dict[str, object]
    raw: str  # the front matter's text; its first line is the page's line 2
    body: str
    body_line: int  # the page line the body starts on

    def field_line(self, name: str) -> int:
        """The page line a field stands on (1 when it is missing)."""
        return self.field_lines().get(name, 1)

    def field_lines(self) -> dict[str, int]:
        """The page line of each field, in one pass over the front matter."""
        lines: dict[str, int] = {}
        for number, line in enumerate(self.raw.split("\n"), start=2):
            match = FIELD_LINE.match(line)
            if match:
                lines.setdefault(match.group(1), number)
        return lines


def has_front_matter(text: str) -> bool:
    return text.startswith(FENCE)


def split_page(text: str, parse_fields: bool = True) -> SplitPage:
    """Front matter and body; raises ``FrontMatterError`` naming the line at fault.

    A page without front matter is all body. Without ``parse_fields`` the front
    matter is not parsed (its fields stay empty): for checks of the body alone.
    """
    if not has_front_matter(text):
        return SplitPage({}, "", text, 1)
    front = FRONT_MATTER.match(text)
    if not front:
        raise FrontMatterError(1, "front matter not closed: no second '---' line")
    raw = front.group("fields")
    body_line = text.count("\n", 0, front.end()) + 1
    if not parse_fields:
        return SplitPage({}, raw.removesuffix("\n"), text[front.end() :], body_line)
    try:
        fields = yaml.load(raw, Loader=SAFE_LOADER) or {}  # libyaml's safe loader
    except yaml.YAMLError as error:
        raise yaml_error(raw, error) from error
    if not isinstance(fields, dict):
        raise FrontMatterError(2, "front matter must be a mapping of fields")
    return SplitPage(fields, raw.removesuffix("\n"), text[front.end() :], body_line)


def yaml_error(raw: str, error: yaml.YAMLError) -> FrontMatterError:
    """The page line at fault and what is wrong, in the page's line numbers. A quote
    or bracket left open is found where the parser gives up (often the end of the
    front matter): the line named is the one that opened it."""
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    reading = getattr(error, "context", None) or ""
    left_open = any(construct in reading for construct in LEFT_OPEN)
    mark = context if (left_open or problem is None) and context is not None else problem
    line = mark.line + 2 if mark is not None else 1  # the front matter starts on line 2
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        # a character YAML refuses has no mark, and libyaml counts its position in bytes
        line = raw.count("\n", 0, raw.find(chr(error.character))) + 2
    what = getattr(error, "problem", None) or str(error)
    if reading and context is not None:
        what = f"{what} ({reading} on line {context.line + 2})"
    return FrontMatterError(line, f"front matter is not valid YAML: {what}")


FRONT_MATTER_MISSING = "front matter missing: the page must start with '---'"


def required_fields(text: str) -> dict[str, object]:
    """The fields of a page that must have front matter (an article's, an issue's);
    raises ``FrontMatterError`` naming the line at fault."""
    if not has_front_matter(text):
        raise FrontMatterError(1, FRONT_MATTER_MISSING)
    return split_page(text).fields


def read_fields(text: str) -> dict[str, object]:
    """The front matter's fields, or none when it cannot be read."""
    try:
        return split_page(text).fields
    except FrontMatterError:
        return {}
