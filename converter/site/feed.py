"""The Atom feed of the newest issues (``feed.xml``), deterministic: no clock."""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree

from ..patterns import NOT_TEXT
from .entries import IssueEntry
from .paths import FEED_FILE, page_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 12  # newest issues in the feed


def publication_date(entry: IssueEntry) -> str:
    """An issue's publication date: the first day of its month (the exports carry
    no date of their own; articles' datelines are the news', not the issue's)."""
    return f"{entry.issue}-01"


def xml_text(text: str) -> str:
    """Text XML can hold: an editor's page may carry a control character, which
    ElementTree would write as it is (ill-formed XML)."""
    return NOT_TEXT.sub("", text)


def render_feed(entries: Iterable[IssueEntry], site_url: str, title: str) -> str:
    """An Atom feed of the newest issues, an entry each (its landing page, dated by
    its publication, the start of its summary as excerpt), newest first."""
    issues = sorted(entries, key=lambda entry: entry.issue, reverse=True)[:FEED_SIZE]
    base = site_url.rstrip("/") + "/"
    feed = ElementTree.Element("feed", xmlns=ATOM)
    ElementTree.SubElement(feed, "title").text = title
    ElementTree.SubElement(feed, "id").text = base
    ElementTree.SubElement(feed, "link", href=base)
    ElementTree.SubElement(feed, "link", rel="self", href=base + FEED_FILE)
    newest = publication_date(issues[0]) if issues else "1970-01-01"
    ElementTree.SubElement(feed, "updated").text = f"{newest}T00:00:00Z"
    author = ElementTree.SubElement(feed, "author")
    ElementTree.SubElement(author, "name").text = title
    for entry in issues:
        url = base + page_url(f"{entry.folder}/index.md")
        item = ElementTree.SubElement(feed, "entry")
        ElementTree.SubElement(item, "title").text = xml_text(entry.title)
        ElementTree.SubElement(item, "id").text = url
        ElementTree.SubElement(item, "link", href=url)
        ElementTree.SubElement(item, "updated").text = f"{publication_date(entry)}T00:00:00Z"
        summary = entry.summary or f"{entry.title}，{len(entry.articles)} 篇文章。"
        ElementTree.SubElement(item, "summary").text = xml_text(summary)
    ElementTree.indent(feed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="unicode")
        + "\n"
    )
