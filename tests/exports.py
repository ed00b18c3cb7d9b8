"""Build small export texts for tests, in the extractor's format.

Lines of one block are separated by a blank line; a new block starts after a
single newline. ``export(["a", "b"], ["c"])`` gives ``"a\\n\\nb\\nc\\n"``.
``lines_of`` and ``caption`` build the body lines the table pass takes.
"""

from __future__ import annotations

from collections.abc import Sequence

from converter.diagnostics import Diagnostics
from converter.model import Layout, Line, LineKind, Paragraph, Source, Table
from converter.passes.blocks import table_caption
from converter.passes.layout import read_layout
from converter.passes.paragraphs import build_paragraphs, make_paragraph
from converter.passes.table_grid import rebuild_table
from converter.text import spaces_script_boundaries

NOTE_RULE = " " * 61
FIRST_LINE = 10  # the table caption's line number in lines_of and caption


def export(*blocks: list[str]) -> str:
    return "\n".join("\n\n".join(block) for block in blocks) + "\n"


def layout_of(*blocks: list[str], path: str = "2023-07.txt") -> Layout:
    return read_layout(Source(path=path, text=export(*blocks)))


def paragraphs_of(*blocks: list[str]) -> list[str]:
    return [p.text.value for p in build_paragraphs(layout_of(*blocks))]


def paragraph_objects(*blocks: list[str]) -> tuple[Paragraph, ...]:
    return build_paragraphs(layout_of(*blocks))


def lines_of(*texts: str) -> list[Line]:
    """Body lines as the layout pass hands them to the table pass, after ``caption()``.

    A leading ``|`` marks a line that starts an extractor block (a single newline
    before it), a leading ``>`` a line that starts a page (its one-space indent
    already removed).
    """
    lines: list[Line] = []
    page = 1
    for offset, raw in enumerate(texts, start=FIRST_LINE + 1):
        starts_page = raw.startswith(">")
        starts_block = starts_page or raw.startswith("|")
        page += starts_page
        lines.append(
            Line(
                number=offset,
                text=raw[1:] if starts_block else raw,
                page=page,
                kind=LineKind.BODY,
                starts_block=starts_block,
                starts_page=starts_page,
            )
        )
    return lines


def caption(text: str = "表 1. 测试表格 ") -> Line:
    return Line(FIRST_LINE, text, 1, LineKind.BODY, starts_block=False, starts_page=False)


def rebuild(
    caption_line: Line, lines: Sequence[Line], path: str = "t.txt"
) -> tuple[Table, int, list[str]] | None:
    """``rebuild_table`` on a caption line, its warnings as ``path:line: message``.

    Chinese/Latin spacing is decided from the table's own lines here; in a
    conversion the whole document decides it.
    """
    found = table_caption(make_paragraph([caption_line], True))
    assert found is not None, f"not a table caption: {caption_line.text!r}"
    spaced = spaces_script_boundaries([caption_line.text, *(line.text for line in lines)])
    diagnostics = Diagnostics(path)
    rebuilt = rebuild_table(found, lines, spaced, diagnostics)
    if rebuilt is None:
        return None
    table, consumed = rebuilt
    return table, consumed, [str(warning) for warning in diagnostics.warnings]
