"""MkDocs hook: the search client loaded right after the page's header, not last.

Material writes ``extra_javascript`` after its own bundle at the end of the body, so
the search box (which the client adds to the header) appeared only once the page's
stylesheets had arrived and the bundle had run. This hook takes the client out of
``extra_javascript`` and names it in ``extra.search_client``; ``overrides/main.html``
loads it ``async`` just after the header (the box is there as soon as the script is)
and preloads the index's ``meta.js`` from the head. Zensical does not read MkDocs
hooks: there the client stays in ``extra_javascript``, loaded at the end as before.
"""

from __future__ import annotations

from typing import Any

SEARCH_CLIENT = "assets/search/search.js"


def on_config(config: Any) -> Any:
    scripts = config.extra_javascript
    kept = [script for script in scripts if str(script) != SEARCH_CLIENT]
    if len(kept) < len(scripts):
        scripts[:] = kept
        config.extra["search_client"] = SEARCH_CLIENT
    return config
