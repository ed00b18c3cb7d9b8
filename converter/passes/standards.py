"""The standards pass: the standard codes each article mentions, as it cites them
(the grammar of codes is ``converter.standards``)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, article_texts
from ..standards import standards_in


def find_article_standards(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """The standard codes each article mentions (title, text, tables)."""
    return tuple(
        replace(article, standards=standards_in([article.title, *article_texts(article)]))
        for article in articles
    )
