"""The tokenizer, shared by the index writer and the browser client.

``docs/assets/search/search.js`` implements the same rules (``tokenize`` and
``termsOf`` there); ``tests/test_sitesearch.py`` runs both on the same texts.

1. Normalise each character: NFKC (full-width letters and digits become ASCII:
   "ＩＥＣ１" → "IEC1") and lower case.
2. Tokens: every Han character is a token; a run of Latin letters is a token, and so
   is a run of digits ("IEC62208" → "iec", "62208"). Everything else separates
   tokens and takes no position, so "IEC 62208:2023", "IEC62208" and "iec 62208"
   are the same token sequence.
3. Terms: a Han character followed directly by another (no separator) gives the
   bigram of the two; the last Han character of a run gives itself. A Latin or digit
   token is its own term. Every token position thus has exactly one term, and every
   term starts with its token's first character, which picks its shard.

No segmenter decides what a word is: a phrase that occurs in a page is found
whatever a dictionary thinks of it (电动汽车 is the bigrams 电动 动汽 汽车 at
consecutive positions).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from converter.patterns import HAN_CHAR


class Kind(Enum):
    HAN = "han"
    LATIN = "latin"
    DIGIT = "digit"


@dataclass(frozen=True)
class Token:
    text: str  # normalised
    kind: Kind
    start: int  # offsets in the original text
    end: int
    joined: bool  # directly follows the previous token (same Han run)


def normalise(char: str) -> str:
    return unicodedata.normalize("NFKC", char).lower()


def char_kind(char: str) -> Kind | None:
    if HAN_CHAR.fullmatch(char):
        return Kind.HAN
    if char.isascii() and char.isalpha():
        return Kind.LATIN
    if char.isascii() and char.isdigit():
        return Kind.DIGIT
    return None


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    current: list[str] = []
    kind: Kind | None = None
    start = 0
    previous_end = -1
    for index, raw in enumerate(text):
        for char in normalise(raw):
            this = char_kind(char)
            if this is not None and this is kind and this is not Kind.HAN:
                current.append(char)
                continue
            if current and kind is not None:
                tokens.append(close(current, kind, start, index, previous_end))
                previous_end = index if tokens[-1].kind is Kind.HAN else -1
            current, kind, start = ([char], this, index) if this is not None else ([], None, index)
            if this is None:
                previous_end = -1
    if current and kind is not None:
        tokens.append(close(current, kind, start, len(text), previous_end))
    return tokens


def close(chars: list[str], kind: Kind, start: int, end: int, previous_end: int) -> Token:
    joined = kind is Kind.HAN and previous_end == start
    return Token("".join(chars), kind, start, end, joined)


def terms_of(tokens: list[Token]) -> list[str]:
    """One term per token position (see the module docstring, rule 3)."""
    terms = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind is Kind.HAN and following is not None and following.joined:
            terms.append(token.text + following.text)
        else:
            terms.append(token.text)
    return terms
