"""Pass 8, standards: the standard codes each article mentions ("IEC 62208:2023",
"SAE J2954/2", "GB/T 1.1-2020").

Each family has its own number shape, so a date, a page number, a count or an
organisation's committee ("IEC/TC 121", "第 121 届") is never taken for a standard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Article, article_texts

# Longer family names first, so "ISO/IEC 15118" is not read as "ISO" + "/IEC".
FAMILY_NUMBERS: tuple[tuple[str, str], ...] = (
    ("ISO/IEC", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("CEN/TS", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("CEN/TR", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("GB/T", r"\d{1,6}(?:\.\d{1,3})*-\d{4}"),
    ("GB/Z", r"\d{1,6}(?:\.\d{1,3})*-\d{4}"),
    ("GB", r"\d{1,6}(?:\.\d{1,3})*-\d{4}"),
    ("ISO", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("IEC", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("EN", r"\d{2,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("BS", r"\d{3,6}(?:-\d{1,3})*(?::\d{4})?"),
    ("ASTM", r"(?:[A-G]\d{1,5}(?:-\d{2,4})?|WK\d{4,6})"),
    ("SAE", r"J\d{3,4}(?:/\d{1,2})?"),
    ("UL", r"\d{2,5}[A-Z]?"),
    ("IEEE", r"P?\d{3,5}(?:\.\d{1,3})*"),
    ("ANSI", r"[A-Z]\d{1,3}(?:\.\d{1,3})+"),
)
# An SAE J-number stands alone too ("修订 SAE J2929 和 J2990", "修改 J3072").
BARE_SAE = ("", r"J\d{4}(?:/\d{1,2})?")
NOT_A_CODE_AFTER = r"(?![A-Za-z0-9]|[.:\-/]\d)"


def code_pattern(family: str, number: str) -> re.Pattern[str]:
    separator = r"\s?" if family else ""
    return re.compile(
        rf"(?<![A-Za-z0-9/]){re.escape(family)}{separator}(?P<number>{number}){NOT_A_CODE_AFTER}"
    )


PATTERNS = tuple(
    (family or "SAE", code_pattern(family, number))
    for family, number in (*FAMILY_NUMBERS, BARE_SAE)
)
NATURAL_CHUNK = re.compile(r"(\d+)")


def find_standards(text: str) -> Iterator[str]:
    """Codes in the order they occur, normalised to "FAMILY NUMBER"."""
    yield from (code for _, _, code in code_spans(text))


def code_spans(text: str) -> list[tuple[int, int, str]]:
    """Where each code stands in ``text`` (start, end, code), in order."""
    found: list[tuple[int, int, str]] = []
    for family, pattern in PATTERNS:  # longer family names come first
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in found):
                continue
            found.append((match.start(), match.end(), f"{family} {match.group('number')}"))
    return sorted(found)


def find_article_standards(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """The standard codes each article mentions (title, text, tables)."""
    return tuple(
        replace(article, standards=standards_in([article.title, *article_texts(article)]))
        for article in articles
    )


def standards_in(texts: Iterable[str]) -> tuple[str, ...]:
    """Distinct codes over several texts, in order of first mention."""
    seen: dict[str, None] = {}
    for text in texts:
        for code in find_standards(text):
            seen.setdefault(code, None)
    return tuple(seen)


def family_of(code: str) -> str:
    return code.split(" ", 1)[0]


def natural_key(code: str) -> tuple[object, ...]:
    return tuple(int(chunk) if chunk.isdigit() else chunk for chunk in NATURAL_CHUNK.split(code))
