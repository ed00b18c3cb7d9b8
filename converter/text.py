"""Character-level helpers shared by the passes that rebuild text from lines."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .patterns import HAN

# Full-width punctuation carries its own spacing; a space next to it is an artefact.
FULLWIDTH_PUNCTUATION = "，。、；：？！“”‘’（）《》【】「」『』…—～·"
SPACE_AROUND_FULLWIDTH = re.compile(
    rf"(?<=[{FULLWIDTH_PUNCTUATION}]) +| +(?=[{FULLWIDTH_PUNCTUATION}])"
)
# Justified text spreads single characters apart ("与 电 池 热 失"). Three single
# characters in a row never occur in normal prose; two do in padded names ("付 豪").
JUSTIFIED_MIN_RUN = 3
JUSTIFIED_RUN = re.compile(
    rf"(?<![^\s]){HAN}(?: {HAN}(?![^\s\-，。、；：）])){{{JUSTIFIED_MIN_RUN - 1},}}"
)
MULTIPLE_SPACES = re.compile(r" {2,}")


def display_width(text: str) -> int:
    """Columns the text takes on the page: wide (CJK) characters count twice."""
    return len(text) if text.isascii() else sum(map(char_width, text))


@cache  # a page has a few thousand distinct characters; tables ask for widths often
def char_width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


# Inside a line the bulletin always spaces Chinese from Latin words and numbers
# ("ITU 标准"), but the extractor drops that space where a line wraps between them.
HAN_THEN_LATIN = re.compile(rf"{HAN} [A-Za-z0-9]")
HAN_LATIN_GLUED = re.compile(rf"{HAN}[A-Za-z]")
LATIN_THEN_HAN = re.compile(rf"[A-Za-z0-9] {HAN}")
LATIN_HAN_GLUED = re.compile(rf"[A-Za-z]{HAN}")
# Share of spaced Chinese/Latin boundaries inside lines above which a document is
# taken to space them everywhere, line wraps included.
SPACED_BOUNDARY_SHARE = 0.9
# A number standing alone at a line end ("、7" before "个国家"), not a glued marker.
STANDALONE_NUMBER_END = re.compile(r"(?:^|[\s，。、；：（）《》“”])\d+$")
# A code of capitals and digits ("SAE J2954", "IEEE P2030") at a line end is not a
# glued footnote marker either: markers follow Chinese or a lowercase word.
CODE_END = re.compile(r"(?:^|[\s，。、；：（）《》“”])[A-Z][A-Z0-9./\-]*\d$")
# A number opening a line and followed by a space ("127 份") is not a glued marker.
STANDALONE_NUMBER_START = re.compile(r"^\d+(?:\.\d+)? ")
LETTER_START = re.compile(r"^[A-Za-z]")
LETTER_END = re.compile(r"[A-Za-z]$")
HAN_START = re.compile(rf"^{HAN}")
HAN_END = re.compile(rf"{HAN}$")


def spaces_script_boundaries(texts: list[str]) -> bool:
    """Does this document put a space between Chinese and Latin text inside lines?"""
    spaced = sum(len(HAN_THEN_LATIN.findall(t)) + len(LATIN_THEN_HAN.findall(t)) for t in texts)
    glued = sum(len(HAN_LATIN_GLUED.findall(t)) + len(LATIN_HAN_GLUED.findall(t)) for t in texts)
    return spaced + glued > 0 and spaced / (spaced + glued) >= SPACED_BOUNDARY_SHARE


def wrap_lost_space(before: str, after: str) -> bool:
    """Did a line wrap between ``before`` and ``after`` swallow a script-boundary space?"""
    if HAN_END.search(before):
        return bool(LETTER_START.search(after) or STANDALONE_NUMBER_START.search(after))
    if HAN_START.search(after):
        return bool(
            LETTER_END.search(before)
            or STANDALONE_NUMBER_END.search(before)
            or CODE_END.search(before)
        )
    return False


def join_wrapped(pieces: list[str], space_script_boundaries: bool = False) -> str:
    """Join wrapped lines: a space only where the export had one at the break.

    The extractor wraps at the page width mid-word and mid-number, so a break with
    no whitespace on either side joins with nothing ("2023-0" + "6-15"). When the
    document spaces Chinese from Latin text, a wrap between them gets its space back.
    """
    joined = ""
    for piece in pieces:
        if joined and (joined.endswith(" ") or piece.startswith(" ")):
            joined = joined.rstrip(" ") + " " + piece.lstrip(" ")
        elif joined and space_script_boundaries and wrap_lost_space(joined, piece):
            joined += " " + piece
        else:
            joined += piece
    return joined.strip(" ")


def unjustify(line: str) -> str:
    """Close up justified spacing in one line ("与 电 池 热 失" → "与电池热失").

    Works line by line: justification spreads the characters of a single line.
    """
    return JUSTIFIED_RUN.sub(lambda match: match.group(0).replace(" ", ""), line)


def normalise_spacing(text: str) -> str:
    """Remove spacing artefacts: doubled spaces, spaces at full-width punctuation."""
    text = MULTIPLE_SPACES.sub(" ", text)
    text = SPACE_AROUND_FULLWIDTH.sub("", text)
    return text.strip(" ")
