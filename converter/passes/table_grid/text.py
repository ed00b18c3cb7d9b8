"""A cell's text from its pieces: the wraps joined as the export laid them out, the
spaces that are no spaces of the text closed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ...text import normalise_spacing, wrap_lost_space
from .words import Piece, is_wide

# Half-width marks that join words without spaces in Chinese text ("和/或", "DC-即服务").
# A space between one and a Chinese character, the mark being glued to the word on its
# other side, is a justification gap; spaced on both sides ("外壳 - 一般") it is kept.
JOINERS = frozenset("/-")


def join_space(before: Piece, after: Piece, spaced: bool) -> str:
    """One space where the export had one at the break, or where a wrap between
    Chinese and Latin text swallowed one (the document spaces them inside lines)."""
    if before.spaced_after or after.spaced_before:
        return " "
    return " " if spaced and wrap_lost_space(before.text, after.text) else ""


def close_gaps(text: str) -> str:
    """Drop the spaces that are not spaces of the text.

    Between two Chinese characters (a join between wrapped lines, "1741。 是" merged),
    and between a joiner and a Chinese character ("DC- 即" → "DC-即", "和 /或" → "和/或").
    """
    kept: list[str] = []
    for i, char in enumerate(text):
        if char == " " and 0 < i < len(text) - 1 and not is_text_space(text, i):
            continue
        kept.append(char)
    return "".join(kept)


def is_text_space(text: str, i: int) -> bool:
    left, right = text[i - 1], text[i + 1]
    if is_wide(left) and is_wide(right):
        return False
    outer_left = text[i - 2] if i >= 2 else " "
    outer_right = text[i + 2] if i + 2 < len(text) else " "
    if left in JOINERS and outer_left != " " and is_wide(right):
        return False
    return not (right in JOINERS and outer_right != " " and is_wide(left))


def cell_text(pieces: Sequence[Piece], spaced: bool) -> str:
    if not pieces:
        return ""
    text = pieces[0].text
    for before, after in pairwise(pieces):
        text += join_space(before, after, spaced) + after.text
    return normalise_spacing(close_gaps(re.sub(" +", " ", text)))
