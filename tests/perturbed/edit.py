"""Edits of the real export that keep its layout (converter/FORMAT.md parts 1–2).

The export is held as its raw rows (``text.split("\\n")``). A row is a *separator*
when it is empty and follows a text row; every other row is a text row (an empty
text row is the first row of a furniture run, :947). Lines of one block are text rows
two apart with a separator between them; a text row right after another starts a
block; a page's first row starts a block and is indented by one space, except after
furniture. Every edit here keeps those rules, and a paragraph whose text changes is
wrapped again at the sample's widths, so the perturbed export is laid out as the
extractor would have written it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from converter.text import display_width
from tests.variants.layout import BODY_WIDTH, INDENT, wrap

PAGE_INDENT = " "
# A dateline as the sample prints it (:60, :815): month, day, full-width comma.
SAMPLE_DATELINE = re.compile(r"^(\d{1,2}) ?月 ?(\d{1,2}) ?日，")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass
class Export:
    rows: list[str]

    @staticmethod
    def of(text: str) -> Export:
        return Export(text.split("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.rows)

    def is_text(self, index: int) -> bool:
        return not (self.rows[index] == "" and index > 0 and self.is_text(index - 1))

    def kinds(self) -> list[bool]:
        """Each row: a text row (True) or a separator (False)."""
        kinds: list[bool] = []
        for index, row in enumerate(self.rows):
            kinds.append(not (row == "" and index > 0 and kinds[-1]))
        return kinds

    def starts_block(self, index: int) -> bool:
        return index == 0 or (self.is_text(index) and self.is_text(index - 1))

    def page_starts(self) -> list[int]:
        """Rows that open a page: an indented block start, or the row after furniture."""
        after_furniture = {self.next_text(end) for _, end in self.furniture_runs()}
        return [
            index
            for index, row in enumerate(self.rows)
            if index in after_furniture
            or (self.starts_block(index) and row.startswith(PAGE_INDENT) and row.strip())
        ]

    def next_text(self, index: int) -> int:
        kinds = self.kinds()
        return next(i for i in range(index + 1, len(self.rows)) if kinds[i])

    def furniture_runs(self) -> list[tuple[int, int]]:
        """(first, last) row of each furniture run in the sample's form: an empty text
        row, then blank, page number, blank, running header (:947–955)."""
        kinds = self.kinds()
        runs = []
        for index, row in enumerate(self.rows):
            if row == "" and kinds[index]:
                last = index
                for _ in range(4):
                    last = self.next_text(last)
                runs.append((index, last))
        return runs

    def find(self, text: str, start: int = 0) -> int:
        """The one text row holding ``text`` (after ``start``)."""
        found = [i for i in range(start, len(self.rows)) if text in self.rows[i]]
        assert found, f"no row holds {text!r}"
        return found[0]

    def piece(self, first: int) -> list[int]:
        """The rows of one paragraph from ``first`` within its block: up to the row
        that ends with a space, or the block's end (a page break)."""
        rows = [first]
        index = first
        while not self.rows[index].endswith(" "):
            nxt = index + 2
            if nxt >= len(self.rows) or self.rows[index + 1] != "" or not self.rows[nxt].strip():
                break
            if not self.is_text(nxt) or self.starts_block(nxt):
                break
            rows.append(nxt)
            index = nxt
        return rows

    def block_rows(self, first: int) -> list[int]:
        """The rows of the block opening at ``first``."""
        rows = [first]
        while rows[-1] + 2 < len(self.rows) and self.rows[rows[-1] + 1] == "":
            nxt = rows[-1] + 2
            if not self.rows[nxt] or self.starts_block(nxt):
                break
            rows.append(nxt)
        return rows

    def reflow(self, first: int, change: Callable[[str], str], *, opens: bool = True) -> None:
        """Change the text of the paragraph piece starting at row ``first`` and wrap
        it again at the body width (its first line shorter by the paragraph indent
        when it ``opens`` the paragraph)."""
        rows = self.piece(first)
        indent = PAGE_INDENT if self.starts_block(first) and self.rows[first][:1] == " " else ""
        ends_paragraph = self.rows[rows[-1]].endswith(" ")
        text = join_rows([self.rows[i].removeprefix(indent) for i in rows])
        lines = wrap(change(text), BODY_WIDTH, BODY_WIDTH - INDENT if opens else BODY_WIDTH)
        lines = markers_kept(lines)
        if not ends_paragraph:
            lines[-1] = lines[-1].rstrip(" ")
        lines[0] = indent + lines[0]
        self.replace_rows(rows[0], rows[-1], lines)

    def replace_rows(self, first: int, last: int, lines: list[str]) -> None:
        """Rows ``first``…``last`` of one block become ``lines`` of that block."""
        joined: list[str] = []
        for line in lines:
            if joined:
                joined.append("")
            joined.append(line)
        self.rows[first : last + 1] = joined


GLUED_MARKER = re.compile(r"^\d{1,2}(?!\d)")


def markers_kept(lines: list[str]) -> list[str]:
    """A footnote marker glued to the Han character before it (FORMAT.md §2) goes
    to the next line with that character, never alone (the generator's ``wrap``
    takes it for a Latin word)."""
    kept = list(lines)
    for index in range(1, len(kept)):
        before = kept[index - 1]
        if GLUED_MARKER.match(kept[index]) and before and HAN.match(before[-1]):
            kept[index - 1], kept[index] = before[:-1], before[-1] + kept[index]
    return kept


def join_rows(rows: list[str]) -> str:
    """Wrapped lines back to running text: the space the bulletin prints between
    Chinese and Latin text is lost at a wrap (FORMAT.md §2), so it is put back."""
    text = rows[0]
    for row in rows[1:]:
        if text.endswith(" ") or not row:
            text += row
            continue
        before, after = text[-1], row[0]
        boundary = (HAN.match(before) and LATIN.match(after)) or (
            LATIN.match(before) and not before.isdigit() and HAN.match(after)
        )
        text += (" " if boundary else "") + row
    return text.rstrip(" ")


def once(text: str, old: str, new: str) -> str:
    """``old`` replaced by ``new``, where ``old`` occurs exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def width(text: str) -> int:
    return display_width(text.rstrip(" "))
