"""MkDocs hook: the theme's templates without their indentation.

Material's templates are indented for reading, and Jinja keeps every line around a
``{% … %}`` tag, so its navigation wrote ~600 bytes per link, half of an article page
at 240 issues. ``trim_blocks`` and ``lstrip_blocks`` drop the newline after a block
tag and the indentation before one; text, ``<pre>`` and whitespace between words are
untouched (a page's visible text is identical, tests/test_site.py). Zensical does not
read MkDocs hooks and renders with its own templates.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
