"""Convert many seeded random issues and sort every structural error by whether the
editor is told: WARNED (a warning names a line of the affected article) or SILENT.

A structural error is an article of the description that the conversion does not
give back as such: lost (merged into another), or with another title, section,
date, authors, blocks or footnotes; an article the description does not have; a
summary that differs. Its place in the export is the article's span, from its
title's first line to the next article's; a lost article's span includes the one
before it, where it went. An issue the converter refuses (``ConversionError``) is
loud, not silent, and counted apart; any other exception is a crash.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

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


def structural_errors(
    want: IssueShape, got: IssueShape, spans: list[range], got_lines: list[int]
) -> list[tuple[str, range]]:
    """(what, span) of each structural error."""
    errors: list[tuple[str, range]] = []
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
                    (what, spans[i]) for what in article_errors(want.articles[i], got.articles[j])
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
            issue, report = convert_bytes(text.encode("utf-8"), spec.file_name)
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
            warning.line for warning in report.warnings if UNLISTED not in warning.message
        }
        errors = structural_errors(
            expected(spec), got, spans, [article.line for article in issue.articles]
        )
        silent = False
        for what, span in errors:
            told = any(line in span for line in warned_lines)
            tally.errors[f"{'WARNED' if told else 'SILENT'} {what}"] += 1
            if not told:
                silent = True
                if len(tally.examples) < examples:
                    tally.examples.append(
                        f"seed {seed}: {what} at lines {span.start}-{span.stop - 1}"
                    )
        if not errors:
            tally.right += 1
        elif silent:
            tally.silent += 1
        else:
            tally.warned += 1
    return tally
