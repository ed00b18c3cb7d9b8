"""An issue described as data: what a variant export holds, and so what its
conversion must give back.

A paragraph's text is written as the converter should return it (spaced, no
spacing artefacts), with ``MARK`` where a footnote marker is glued: the generator
puts the footnote's number there and its definition at the foot of that page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MARK = "†"  # where the next footnote's marker is glued to the text


@dataclass(frozen=True)
class TableSpec:
    caption: str  # the caption line as printed: "表 1. 标题", "表1：标题"…
    number: int  # what the caption's number reads as
    title: str  # what the caption's text reads as
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # each column's width on the page (a Han character is 2)


@dataclass(frozen=True)
class SubheadingSpec:
    text: str  # "一、拓展重点领域范围"


@dataclass(frozen=True)
class FigureSpec:
    caption: str  # the caption line as printed: "图 1. 标题"
    number: int
    title: str


Block = str | TableSpec | SubheadingSpec | FigureSpec


@dataclass(frozen=True)
class ArticleSpec:
    title: str
    month: int  # the dateline's month and day: "6 月 15 日，" opens the first paragraph
    day: int
    blocks: tuple[Block, ...]  # the first is the dateline paragraph's text after the date
    authors: tuple[str, ...] = ("邓阿妹",)
    notes: tuple[str, ...] = ()  # the definitions of the article's markers, in order
    date_form: str = "{month} 月 {day} 日，"  # the sample also has "6月 30 日，"

    @property
    def dateline(self) -> str:
        return self.date_form.format(month=self.month, day=self.day)

    def texts(self) -> tuple[Block, ...]:
        """The blocks as printed: the first paragraph opens with the dateline."""
        first = self.blocks[0]
        assert isinstance(first, str), "an article opens with its dateline paragraph"
        return (self.dateline + first, *self.blocks[1:])


@dataclass(frozen=True)
class SectionSpec:
    heading: str
    articles: tuple[ArticleSpec, ...]
    lost: bool = False  # the heading was an image: the export has no heading line


@dataclass(frozen=True)
class IssueSpec:
    year: int
    month: int
    summary: tuple[str, ...] | None  # None: the issue has no 本期概要
    sections: tuple[SectionSpec, ...]
    notes_restart: bool = False  # footnote numbers start again at 1 in every section
    furniture_every: int = 3  # every n-th page carries a page number and running header

    @property
    def header(self) -> str:
        return f"{self.year} 年第 {self.month:02d} 期"

    @property
    def file_name(self) -> str:
        return f"{self.year}-{self.month:02d}.txt"

    def date_of(self, article: ArticleSpec) -> dt.date:
        """A bulletin reports the past: a month after the issue's is last year's."""
        year = self.year - 1 if article.month > self.month else self.year
        return dt.date(year, article.month, article.day)

    def note_numbers(self) -> list[list[list[int]]]:
        """Each article's footnote numbers, by section: 1, 2, 3… through the issue,
        or from 1 again in each section when ``notes_restart``."""
        numbers: list[list[list[int]]] = []
        next_number = 1
        for section in self.sections:
            if self.notes_restart:
                next_number = 1
            numbers.append([])
            for article in section.articles:
                count = len(article.notes)
                numbers[-1].append(list(range(next_number, next_number + count)))
                next_number += count
        return numbers
