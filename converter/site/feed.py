"""The Atom feed of the newest issues (``feed.xml``), deterministic: no clock."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from xml.etree import ElementTree

from .entries import IssueEntry
from .paths import FEED_FILE, page_url

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE = "zh"
FEED_SIZE = 12  # newest issues in the feed
# What XML 1.0 allows no document to hold, not even escaped: control characters but
# tab and line ends, lone surrogates, U+FFFE and U+FFFF. ElementTree writes them as
# they are, and every feed reader then rejects the whole feed; a title or summary
# that carries one (an export's stray byte, an editor's paste) loses it here.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def publication_date(entry: IssueEntry) -> str:
    """An issue's publication date: the first day of its month (the exports carry
    no date of their own; articles' datelines are the news', not the issue's)."""
    return f"{entry.issue}-01"


def contents_html(entry: IssueEntry, base: str) -> str:
    """An issue's articles as an HTML list of links (Atom carries it as text)."""
    items = "".join(
        f'<li><a href="{html.escape(base + page_url(article.path))}">'
        f"{html.escape(article.title, quote=False)}</a></li>"
        for article in entry.articles
    )
    return f"<p>本期文章：</p><ul>{items}</ul>" if items else ""


def render_feed(entries: Iterable[IssueEntry], site_url: str, title: str) -> str:
    """An Atom feed of the newest issues, an entry each (its landing page, dated by
    its publication, the start of its summary as excerpt, its articles' titles
    linked as content), newest first."""
    issues = sorted(entries, key=lambda entry: entry.issue, reverse=True)[:FEED_SIZE]
    base = xml_text(site_url.rstrip("/") + "/")
    feed = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: LANGUAGE})
    title = xml_text(title)
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
        content = ElementTree.SubElement(item, "content", type="html")
        content.text = xml_text(contents_html(entry, base))
    ElementTree.indent(feed)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="unicode")
        + "\n"
    )
