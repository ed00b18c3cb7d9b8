"""Convert many seeded random issues and sort every structural error by whether the
editor is told: WARNED (a warning names a line of the affected structure) or SILENT.

A structural error is an article of the description that the conversion does not
give back as such: lost (merged into another), or with another title, section,
date, authors, blocks or footnotes; an article the description does not have; a
summary that differs. A warning tells of it only where it names a line of the
structure that is wrong (``Places``): the article's title for any field; its
author line (or the paragraph it closes) for its authors; its first paragraph for
its date; its section's heading or any of the section's titles for its section;
its span, from its title's first line to the next article's, for its blocks and
footnotes. A lost article's place is its span and the one before it, where it
went. An issue the converter refuses (``ConversionError``) is loud, not silent,
and counted apart; any other exception is a crash.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace

from converter.model import ConversionError
from converter.passes import convert_bytes

from .layout import TITLE_WIDTH, render, wrap
from .random_issues import broad_issue
from .spec import IssueSpec
from .truth import ArticleShape, IssueShape, expected, observed

UNLISTED = "is not in data/sections.yml: kept as printed"

STRUCTURE = ("section", "group", "date", "authors", "blocks", "footnotes")


@dataclass
class Tally:
    issues: int = 0
    right: int = 0  # converted to the description, no structural error
    warned: int = 0  # structural errors, every one warned
    silent: int = 0  # at least one structural error nobody is told of
    refused: int = 0
    crashed: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # "WARNED <what>", "SILENT <what>"
    examples: list[str] = field(default_factory=list)  # the first silent errors, by seed

    def lines(self) -> list[str]:
        head = (
            f"{self.issues} issues: {self.right} right, {self.warned} with warned errors only, "
            f"{self.silent} with SILENT errors, {self.refused} refused, {self.crashed} crashed"
        )
        errors = [f"  {count:6d}  {kind}" for kind, count in sorted(self.errors.items())]
        return [head, *errors, *(f"  e.g. {example}" for example in self.examples)]


def title_rows(spec: IssueSpec, text: str) -> list[int]:
    """The export line (1-based) of each described article's title, in order."""
    rows = [row.strip(" ") for row in text.split("\n")]
    found: list[int] = []
    position = 0
    for section in spec.sections:
        for article in section.articles:
            first = wrap(article.title, TITLE_WIDTH)[0].strip(" ")
            position = rows.index(first, position)
            found.append(position + 1)
            position += 1
    return found


@dataclass(frozen=True)
class Places:
    """Export lines (1-based) of one described article's parts."""

    span: range  # from its title's first line to the next article's
    title: range
    lead: range  # its first paragraph
    authors: range  # its author line, from the first line of the paragraph it closes
    section: frozenset[int]  # its section's heading and every title of the section

    def of(self, what: str) -> Collection[int]:
        """Where a warning of an error in ``what`` must point."""
        parts: dict[str, Collection[int]] = {
            "section": self.section,
            "group": self.section,
            "date": [*self.title, *self.lead],
            "authors": [*self.title, *self.authors],
        }
        return parts.get(what, self.span)


def article_places(spec: IssueSpec, text: str, spans: list[range]) -> list[Places]:
    rows = text.split("\n")
    places: list[Places] = []
    index = 0
    for section in spec.sections:
        first = index
        titles: set[int] = set()
        for _ in section.articles:
            span = spans[index]
            title_end = ends_paragraph(rows, span.start, span)
            lead = next_text(rows, title_end + 1, span)
            lead_end = ends_paragraph(rows, lead, span)
            paren = max((n for n in span if "（" in rows[n - 1]), default=span.start)
            opened = paragraph_start(rows, paren, span)
            closed = next((n for n in range(paren, span.stop) if "）" in rows[n - 1]), paren)
            places.append(
                Places(
                    span,
                    range(span.start, title_end + 1),
                    range(lead, lead_end + 1),
                    range(opened, closed + 1),
                    frozenset(),
                )
            )
            titles.update(places[-1].title)
            index += 1
        heading = [
            n for n in range(1, spans[first].start) if rows[n - 1].strip() == section.heading
        ]
        lines = frozenset(titles | set(heading[-1:]))
        for place in range(first, index):
            places[place] = replace(places[place], section=lines)
    return places


def next_text(rows: list[str], start: int, span: range) -> int:
    """The first line from ``start`` (1-based) with text on it."""
    return next((n for n in range(start, span.stop) if rows[n - 1].strip()), start)


def paragraph_start(rows: list[str], line: int, span: range) -> int:
    """The first line of the paragraph holding ``line`` (a warning names a paragraph by
    its first line): after the last line before it that ends a block."""
    ends = [n for n in range(span.start, line) if rows[n - 1].endswith(" ")]
    return next_text(rows, ends[-1] + 1, span) if ends else line


def ends_paragraph(rows: list[str], start: int, span: range) -> int:
    """The line ending the title or paragraph starting at ``start``: a block's last line
    ends with a space (the layout's rule), its other lines do not."""
    return next((n for n in range(start, span.stop) if rows[n - 1].endswith(" ")), start)


def structural_errors(
    want: IssueShape, got: IssueShape, places: list[Places], got_lines: list[int]
) -> list[tuple[str, Collection[int]]]:
    """(what, the lines a warning must name) of each structural error."""
    errors: list[tuple[str, Collection[int]]] = []
    spans = [place.span for place in places]
    summary_span = range(1, spans[0].start if spans else 1)
    if want.summary != got.summary:
        errors.append(("summary", summary_span))
    titles = [a.title for a in want.articles]
    got_titles = [a.title for a in got.articles]
    matcher = difflib.SequenceMatcher(None, titles, got_titles, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                errors.extend(
                    (what, places[i].of(what))
                    for what in article_errors(want.articles[i], got.articles[j])
                )
            continue
        for i in range(i1, i2):
            before = spans[i - 1] if i > 0 else summary_span
            errors.append(("article lost", range(before.start, spans[i].stop)))
        for j in range(j1, j2):
            line = got_lines[j]
            span = next((s for s in spans if line in s), summary_span)
            errors.append(("article not described", span))
    return errors


def article_errors(a: ArticleShape, b: ArticleShape) -> Iterable[str]:
    return (name for name in STRUCTURE if getattr(a, name) != getattr(b, name))


def survey(seeds: Iterable[int], examples: int = 5) -> Tally:
    tally = Tally()
    for seed in seeds:
        tally.issues += 1
        spec = broad_issue(seed)
        text = render(spec)
        try:
            issue, diagnostics = convert_bytes(text.encode("utf-8"), spec.file_name)
            got = observed(issue)
        except ConversionError:
            tally.refused += 1
            continue
        except Exception as error:  # a crash is counted, not raised: the survey goes on
            tally.crashed += 1
            if len(tally.examples) < examples:
                tally.examples.append(f"seed {seed}: crash {type(error).__name__}: {error}")
            continue
        rows = title_rows(spec, text)
        ends = [*rows[1:], text.count("\n") + 2]
        spans = [range(start, end) for start, end in zip(rows, ends, strict=True)]
        # A heading that data/sections.yml does not list is warned at its line, which
        # falls in the span of the article before: it tells nothing about that article.
        warned_lines = {
            warning.line for warning in diagnostics.warnings if UNLISTED not in warning.message
        }
        errors = structural_errors(
            expected(spec),
            got,
            article_places(spec, text, spans),
            [article.line for article in issue.articles],
        )
        silent = False
        for what, lines in errors:
            told = any(line in lines for line in warned_lines)
            tally.errors[f"{'WARNED' if told else 'SILENT'} {what}"] += 1
            if not told:
                silent = True
                if len(tally.examples) < examples:
                    where = f"{min(lines, default=0)}-{max(lines, default=0)}"
                    tally.examples.append(f"seed {seed}: {what} at lines {where}")
        if not errors:
            tally.right += 1
        elif silent:
            tally.silent += 1
        else:
            tally.warned += 1
    return tally
