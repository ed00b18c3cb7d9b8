"""The search results page, ``search/index.md`` (``search/?q=…`` on the site): a
frame that the search client (``docs/assets/search/search.js``) fills from the
query in its address, with filters, sort and every match. MkDocs builds it into
``search/``, beside the index files that ``python -m sitesearch`` writes there."""

from __future__ import annotations

from .front_matter import page
from .listings import NOT_SEARCHED

SEARCH_TITLE = "搜索"
# The client finds the frame by this attribute; without JavaScript the note stays.
FRAME = (
    '<div class="bs-page" data-bs-page>\n'
    '<p class="bs-page__note">搜索需要浏览器启用 JavaScript。</p>\n'
    "</div>\n"
)


def render_search_page() -> str:
    fields: dict[str, object] = {"title": SEARCH_TITLE, "hide": ["navigation", "toc"]}
    return page({**fields, **NOT_SEARCHED}, f"# {SEARCH_TITLE}\n\n{FRAME}")
