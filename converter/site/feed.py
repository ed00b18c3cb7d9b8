"""The Atom feed of the newest articles (``feed.xml``), deterministic: no clock."""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree

from .entries import IssueEntry
from .paths import FEED_FILE, page_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50  # newest articles in the feed


def render_feed(entries: Iterable[IssueEntry], site_url: str, title: str) -> str:
    """An Atom feed of the newest articles, newest first; deterministic (no clock)."""
    articles = [(article, entry) for entry in entries for article in entry.articles]
    articles.sort(key=lambda pair: (pair[0].date, pair[0].path), reverse=True)
    articles = articles[:FEED_SIZE]
    base = site_url.rstrip("/") + "/"
    feed = ElementTree.Element("feed", xmlns=ATOM)
    ElementTree.SubElement(feed, "title").text = title
    ElementTree.SubElement(feed, "id").text = base
    ElementTree.SubElement(feed, "link", href=base)
    ElementTree.SubElement(feed, "link", rel="self", href=base + FEED_FILE)
    newest = articles[0][0].date if articles and articles[0][0].date else "1970-01-01"
    ElementTree.SubElement(feed, "updated").text = f"{newest}T00:00:00Z"
    for article, entry in articles:
        url = base + page_url(article.path)
        item = ElementTree.SubElement(feed, "entry")
        ElementTree.SubElement(item, "title").text = article.title
        ElementTree.SubElement(item, "id").text = url
        ElementTree.SubElement(item, "link", href=url)
        day = article.date or f"{entry.issue}-01"
        ElementTree.SubElement(item, "updated").text = f"{day}T00:00:00Z"
        ElementTree.SubElement(item, "summary").text = " · ".join(
            part for part in (entry.title, article.section) if part
        )
        for name in article.authors or (title,):
            author = ElementTree.SubElement(item, "author")
            ElementTree.SubElement(author, "name").text = name
    ElementTree.indent(feed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="unicode")
        + "\n"
    )
