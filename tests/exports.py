"""Build small export texts for tests, in the extractor's format.

Lines of one block are separated by a blank line; a new block starts after a
single newline. ``export(["a", "b"], ["c"])`` gives ``"a\\n\\nb\\nc\\n"``.
"""

from __future__ import annotations

from converter.layout import read_layout
from converter.model import Layout, Paragraph, Source
from converter.paragraphs import build_paragraphs

NOTE_RULE = " " * 61


def export(*blocks: list[str]) -> str:
    return "\n".join("\n\n".join(block) for block in blocks) + "\n"


def layout_of(*blocks: list[str], path: str = "2023-07.txt") -> Layout:
    return read_layout(Source(path=path, text=export(*blocks)))


def paragraphs_of(*blocks: list[str]) -> list[str]:
    return [p.text.value for p in build_paragraphs(layout_of(*blocks))]


def paragraph_objects(*blocks: list[str]) -> tuple[Paragraph, ...]:
    return build_paragraphs(layout_of(*blocks))
