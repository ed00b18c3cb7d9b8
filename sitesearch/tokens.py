"""The tokenizer, shared by the index writer and the browser client.

``docs/assets/search/search.js`` implements the same rules (``tokenize`` and
``termsOf`` there), with the character classes and the shard key length that
``contract()`` writes into the index's ``meta.js``: one source for both sides.
``tests/test_tokenizers.py`` runs both, the client under Node, on the same texts
and requires the same terms and shards.

1. Normalise each character: NFKC (full-width letters and digits become ASCII:
   "ＩＥＣ１" → "IEC1") and lower case.
2. Tokens: every Han character is a token; a run of Latin letters is a token, and so
   is a run of digits ("IEC62208" → "iec", "62208"). Everything else separates
   tokens and takes no position, so "IEC 62208:2023", "IEC62208" and "iec 62208"
   are the same token sequence.
3. Terms: every Han character is a term (a page holding it), and so is every pair
   of Han characters side by side with no separator (a bigram). A Latin or digit
   token is its own term.

No segmenter decides what a word is: a phrase that occurs in a page is found
whatever a dictionary thinks of it (电动汽车 is the bigrams 电动 动汽 汽车 at
consecutive positions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from itertools import pairwise

from converter.patterns import HAN, HAN_CHAR, HAN_RANGES


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


# The classes of a normalised character (after NFKC and lower case); the client
# reads them from ``meta.js`` (``contract``).
LATIN_RANGES = "a-z"
DIGIT_RANGES = "0-9"
LATIN_CHAR = re.compile(f"[{LATIN_RANGES}]")
DIGIT_CHAR = re.compile(f"[{DIGIT_RANGES}]")


@cache
def normalise(char: str) -> str:
    return unicodedata.normalize("NFKC", char).lower()


def char_kind(char: str) -> Kind | None:
    if HAN_CHAR.fullmatch(char):
        return Kind.HAN
    if LATIN_CHAR.fullmatch(char):
        return Kind.LATIN
    if DIGIT_CHAR.fullmatch(char):
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
    """The terms of a text: each Han character, each pair side by side, each word."""
    terms = []
    for index, token in enumerate(tokens):
        terms.append(token.text)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind is Kind.HAN and following is not None and following.joined:
            terms.append(token.text + following.text)
    return terms


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over the UTF-16 code units (what JavaScript strings hold)."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for low, high in zip(data[0::2], data[1::2], strict=True):
        value = ((value ^ (low | high << 8)) * 0x01000193) & 0xFFFFFFFF
    return value


# A Latin or digit term is filed under its first two characters, so that every word
# a reader may be typing ("iso 90" → 9001, 9000…) is in one shard.
LATIN_KEY_LENGTH = 2


def shard_key(term: str) -> str:
    return term if HAN_CHAR.match(term) else term[:LATIN_KEY_LENGTH]


def shard_of(term: str, shards: int) -> int:
    return fnv1a(shard_key(term)) % shards


# The index writer's fast path: the same terms as ``terms_of(tokenize(text))``,
# by regular expressions over the whole normalised text (no offsets needed).
RUNS = re.compile(rf"(?P<han>{HAN}+)|(?P<latin>[{LATIN_RANGES}]+)|(?P<digit>[{DIGIT_RANGES}]+)")


def text_terms(text: str) -> tuple[list[str], int]:
    """The text's terms, and how many tokens it has (for density)."""
    normal = "".join(normalise(char) for char in text) if not text.isascii() else text.lower()
    terms: list[str] = []
    tokens = 0
    for match in RUNS.finditer(normal):
        run = match.group()
        if match.lastgroup == "han":
            tokens += len(run)
            terms.extend(run)
            terms.extend(a + b for a, b in pairwise(run))
        else:
            tokens += 1
            terms.append(run)
    return terms, tokens


def contract() -> dict[str, object]:
    """What the client must cut and file terms by, written into ``meta.js``: the
    character classes (inside a ``[…]`` of a JavaScript ``u`` regular expression)
    and how many characters of a word key its shard."""
    return {
        "han": HAN_RANGES,
        "latin": LATIN_RANGES,
        "digit": DIGIT_RANGES,
        "keyLength": LATIN_KEY_LENGTH,
    }
