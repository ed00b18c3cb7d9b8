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
    level: int = 1  # 1: "一、…"; 2: "（一）…" under it; 3: "1." under that


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
    # The dateline as printed: "{month}", "{day}" (and "{end}", the day after, for a
    # range) are filled in. Without "{day}" the text gives a month only; without
    # "{month}" no date at all ("近日，", or "" for no dateline). The sample also has
    # "6月 30 日，".
    date_form: str = "{month} 月 {day} 日，"
    name_separator: str = " "  # between two names: "（邓阿妹 孙玉琦）"
    name_padding: str = " "  # inside a two-character name: "（付 豪）"

    @property
    def dateline(self) -> str:
        return self.date_form.format(month=self.month, day=self.day, end=self.day + 1)

    @property
    def precision(self) -> str:
        """What the dateline tells: "day", "month" or "none"."""
        if "{day}" in self.date_form:
            return "day"
        return "month" if "{month}" in self.date_form else "none"

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
    mid_page: bool = False  # printed where the page goes on, not at a page's top


@dataclass(frozen=True)
class IssueSpec:
    year: int
    month: int
    summary: tuple[str, ...] | None  # None: the issue has no 本期概要
    sections: tuple[SectionSpec, ...]
    notes_restart: bool = False  # footnote numbers start again at 1 in every section
    furniture_every: int = 3  # every n-th page carries a page number and running header
    header_form: str = "{year} 年第 {month:02d} 期"  # the running header as printed
    number_form: str = "{}"  # the page number as printed: "— {} —", "第 {} 页"
    header_first: bool = False  # the furniture reads header, then page number

    @property
    def header(self) -> str:
        return self.header_form.format(year=self.year, month=self.month)

    @property
    def file_name(self) -> str:
        return f"{self.year}-{self.month:02d}.txt"

    def date_of(self, article: ArticleSpec) -> dt.date:
        """A bulletin reports the past: a month after the issue's is last year's."""
        year = self.year - 1 if article.month > self.month else self.year
        return dt.date(year, article.month, article.day)

    def when(self, article: ArticleSpec) -> tuple[int, int, int | None]:
        """(year, month, day) the article must be dated: the dateline's first day, its
        month only (day None), or with no date in the text the issue's own month."""
        if article.precision == "none":
            return (self.year, self.month, None)
        date = self.date_of(article)
        return (date.year, date.month, date.day if article.precision == "day" else None)

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
