"""The tags pass: each article's ``tags``, from the vocabulary in data/tags.yml.

A tag applies when the article is about it, judged by where and how often its
aliases are used: each passage (the title, each sentence of the lead paragraph,
each sentence of the rest: paragraphs, subheadings, figure captions, table cells)
that mentions the tag adds its weight, and the tag applies at ``TAG_MIN_SCORE``.
The title and the lead say what the article is about, so one mention there is
enough; elsewhere the tag must be used in two sentences. A sentence counts once
however often it names the tag, so a full name followed by its abbreviation in
parentheses ("国际标准化组织（ISO）") is one mention.

Not a mention: an alias inside a standard's code ("UL 2251", "ISO/IEC 15118": the
standards pass lists those), and an organisation's name after a count or a
quantifier ("6 个国际标准化组织": a kind of organisation, not this one).

Latin aliases match whole words only, so "ISO" does not match inside "ISOLATION";
all-capital aliases (acronyms) match case-sensitively. Tags keep the vocabulary's
order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from ..model import Article, Paragraph, article_texts
from ..standards import code_spans
from ..vocabulary import Tag, load_tags

TITLE_WEIGHT = 2  # the title names what the article is about
LEAD_WEIGHT = 2  # the lead paragraph says who did what: "6 月 20 日，X 发布…"
BODY_WEIGHT = 1  # a passing mention in the body; a second sentence makes it a theme
TAG_MIN_SCORE = 2
# Where a sentence or an item of an enumeration ends ("（1）…；（2）…").
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
# Before an organisation's name, a count or a quantifier turns the name into a kind
# of organisation: "6 个国际标准化组织", "两大…", "各…", "ISO、IEC 等国际标准化组织".
QUANTIFIER_BEFORE = re.compile(
    r"(?:(?:[0-9０-９]+|[一二两三四五六七八九十百千几多数]+)\s*[个家大]|各|其他|其它|这些|等)\s*$"
)
QUANTIFIER_REACH = 12  # characters before a name that QUANTIFIER_BEFORE reads
GENERIC_GROUPS = frozenset({"organizations"})  # names that double as common nouns


@dataclass(frozen=True)
class Passage:
    text: str
    weight: int
    folded: str = field(init=False, repr=False, compare=False)  # lower case, for `in`

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", self.text.lower())


def tag_articles(
    articles: tuple[Article, ...], vocabulary: tuple[Tag, ...] | None = None
) -> tuple[Article, ...]:
    tags = load_tags() if vocabulary is None else vocabulary
    return tuple(replace(article, tags=tags_for(article, tags)) for article in articles)


def tags_for(article: Article, vocabulary: tuple[Tag, ...]) -> tuple[str, ...]:
    places = tuple(passages(article))
    folded = "\n".join(place.text for place in places).lower()
    present = (tag for tag in vocabulary if any(alias.lower() in folded for alias in tag.aliases))
    return tuple(tag.name for tag in present if score(tag, places) >= TAG_MIN_SCORE)


def passages(article: Article) -> Iterator[Passage]:
    """The title, then the sentences of the lead paragraph and of the rest."""
    yield Passage(article.title, TITLE_WEIGHT)
    lead = next((block for block in article.blocks if isinstance(block, Paragraph)), None)
    if lead is not None:
        yield from (Passage(text, LEAD_WEIGHT) for text in sentences(lead.text.value))
    body = article_texts(replace(article, blocks=tuple(b for b in article.blocks if b is not lead)))
    for text in body:
        yield from (Passage(sentence, BODY_WEIGHT) for sentence in sentences(text))


def sentences(text: str) -> list[str]:
    return [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]


def score(tag: Tag, places: tuple[Passage, ...]) -> int:
    aliases = [alias.lower() for alias in tag.aliases]
    return sum(
        place.weight
        for place in places
        if any(alias in place.folded for alias in aliases) and mentions(place.text, tag)
    )


def mentions(text: str, tag: Tag) -> bool:
    """Does ``text`` mention the tag: an alias that is neither part of a standard's
    code nor, for an organisation, a kind of organisation?"""
    codes: list[tuple[int, int, str]] | None = None
    for alias in tag.aliases:
        for match in alias_pattern(alias).finditer(text):
            if tag.group in GENERIC_GROUPS and counted(text, match.start()):
                continue
            codes = code_spans(text) if codes is None else codes
            if not inside_code(codes, match.start(), match.end()):
                return True
    return False


def inside_code(codes: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Is [start, end) inside one of ``codes`` (disjoint, in order)? Only the last
    code starting at or before ``start`` can hold it: a bisection, not a scan, so a
    sentence of thousands of codes stays linear-ish."""
    at = bisect_right(codes, start, key=lambda code: code[0])
    return at > 0 and end <= codes[at - 1][1]


def counted(text: str, start: int) -> bool:
    """Is the name at ``start`` preceded by a count or quantifier ("6 个", "各")?"""
    return QUANTIFIER_BEFORE.search(text, max(0, start - QUANTIFIER_REACH), start) is not None


@cache
def alias_pattern(alias: str) -> re.Pattern[str]:
    escaped = re.escape(alias)
    if re.search(r"[A-Za-z0-9]", alias):
        escaped = rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])"
    flags = 0 if alias.isupper() or not alias.isascii() else re.IGNORECASE
    return re.compile(escaped, flags)
