"""Pass 7, tags: each article's ``tags``, from the vocabulary in data/tags.yml.

A tag applies when one of its aliases occurs in the article's title, or at least
``TAG_MIN_MENTIONS`` times in its text (paragraphs, subheadings, figure captions,
table cells): one passing mention does not make an article about something.
Latin aliases match whole words only, so "ISO" does not match inside "ISOLATION";
all-capital aliases
(acronyms) match case-sensitively. Tags keep the vocabulary's order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..model import Article, article_texts
from ..vocabulary import Tag, load_tags

TAG_MIN_MENTIONS = 2


def tag_articles(
    articles: tuple[Article, ...], vocabulary: tuple[Tag, ...] | None = None
) -> tuple[Article, ...]:
    tags = load_tags() if vocabulary is None else vocabulary
    return tuple(replace(article, tags=tags_for(article, tags)) for article in articles)


def tags_for(article: Article, vocabulary: tuple[Tag, ...]) -> tuple[str, ...]:
    title = article.title
    body = "\n".join(article_texts(article))
    folded = title.lower() + "\n" + body.lower()
    present = [tag for tag in vocabulary if any(alias.lower() in folded for alias in tag.aliases)]
    return tuple(
        tag.name
        for tag in present
        if any(mentions(title, alias) for alias in tag.aliases)
        or sum(mentions(body, alias) for alias in tag.aliases) >= TAG_MIN_MENTIONS
    )


def mentions(text: str, alias: str) -> int:
    return len(alias_pattern(alias).findall(text))


@cache
def alias_pattern(alias: str) -> re.Pattern[str]:
    escaped = re.escape(alias)
    if re.search(r"[A-Za-z0-9]", alias):
        escaped = rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])"
    flags = 0 if alias.isupper() or not alias.isascii() else re.IGNORECASE
    return re.compile(escaped, flags)
