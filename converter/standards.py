"""Standard codes ("IEC 62208:2023", "SAE J2954/2", "GB/T 1.1-2020"): where a text
cites them, and which standard each code designates. The standards pass reads the
articles with it; the site's standards index and links group by it.

Each family has its own number shape, so a date, a page number, a count or an
organisation's committee ("IEC/TC 121", "第 121 届") is never taken for a standard.

A designation reads publisher, number (its part included), then qualifiers: a draft
marker (``IEEE P2030.5``, ``ISO/DIS 21434``, ``prEN 17834``), an edition year
(``:2023``, ``-2020``), an amendment or corrigendum (``/Amd 1:2025``). The
qualifiers name a state of the standard, not another standard: ``standard_of``
drops them, and the publishers of a joint designation (``ISO/IEC``) share one
number space. The articles keep the exact form they cite.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Family:
    """How one publisher's designations are written.

    ``number`` is the standard's own number, parts included (a different part is a
    different standard); ``edition`` the qualifiers that may follow it; ``stage`` a
    draft stage between the name and the number; ``lead`` a draft marker glued to
    the number; ``prefix`` a draft marker glued before the name."""

    name: str
    number: str
    edition: str = ""
    stage: str = ""
    lead: str = ""
    prefix: str = ""
    spelled: str = ""  # an optional word between the name and the number ("Std")


# ISO and IEC drafts: (preliminary) work item, working, committee (for vote),
# (final) draft international standard, proof.
ISO_STAGE = r"[/ ](?:NP|PWI|AWI|WD|CD|CDV|DIS|FDIS|PRF)"
ISO_NUMBER = r"\d{2,6}(?:-\d{1,3})*"
# ":2023", then amendments and corrigenda, separately ("/Amd 1:2025", "/Cor 1")
# or consolidated ("+AMD1:2020"), then the form IEC sells an edition in: commented,
# redline or extended version ("IEC 62208:2023 CMV").
ISO_EDITION = (
    r"(?::\d{4})?(?:[/+](?:D?Amd|AMD|Cor|COR)\s?\d{1,2}(?::\d{4})?)*(?:\s(?:CMV|RLV|EXV))?"
)
# EN amendments and corrigenda: "/A1:2013", "/AC:2014".
EN_EDITION = r"(?::\d{4})?(?:[/+](?:A\d{1,2}|AC)(?::\d{4})?)*"
GB_NUMBER = r"\d{1,6}(?:\.\d{1,3})*"
GB_EDITION = r"-\d{4}"  # required: a bare "GB 2023" is too often not a standard

# Longer family names first, so "ISO/IEC 15118" is not read as "ISO" + "/IEC".
FAMILIES: tuple[Family, ...] = (
    Family("ISO/IEC", ISO_NUMBER, ISO_EDITION, stage=ISO_STAGE),
    Family("CEN/TS", ISO_NUMBER, EN_EDITION, prefix="pr"),
    Family("CEN/TR", ISO_NUMBER, EN_EDITION, prefix="pr"),
    Family("GB/T", GB_NUMBER, GB_EDITION),
    Family("GB/Z", GB_NUMBER, GB_EDITION),
    Family("GB", GB_NUMBER, GB_EDITION),
    Family("ISO", ISO_NUMBER, ISO_EDITION, stage=ISO_STAGE),
    Family("IEC", ISO_NUMBER, ISO_EDITION, stage=ISO_STAGE),
    Family("EN", ISO_NUMBER, EN_EDITION, prefix="pr"),
    Family("BS", r"\d{3,6}(?:-\d{1,3})*", r"(?::\d{4})?"),
    # A work item ("WK86387") is a draft whose final number is not known yet.
    Family("ASTM", r"[A-G]\d{1,5}|WK\d{4,6}", r"(?:-\d{2,4})?"),
    Family("SAE", r"J\d{3,4}(?:/\d{1,2})?", r"(?:_\d{6})?"),  # "_201710": revised 2017-10
    Family("UL", r"\d{2,5}[A-Z]?", r"(?:\sS[A-Z])?"),  # a supplement: "UL 1741 SB"
    Family("IEEE", r"\d{3,5}(?:\.\d{1,3})*", r"(?:-\d{4})?", lead="P", spelled=r"(?:\sStd\.?)?"),
    Family("ANSI", r"[A-Z]\d{1,3}(?:\.\d{1,3})+", r"(?:-\d{4})?"),
)
# An SAE J-number stands alone too ("修订 SAE J2929 和 J2990", "修改 J3072").
BARE_SAE = Family("", r"J\d{4}(?:/\d{1,2})?", r"(?:_\d{6})?")
BARE_PUBLISHER = "SAE"
NOT_A_CODE_AFTER = r"(?![A-Za-z0-9]|[.:\-/]\d)"
SPACES = re.compile(r"\s+")
DIGIT = re.compile(r"[0-9]")  # every designation has a number: text without one has no code
NATURAL_CHUNK = re.compile(r"(\d+)")


def code_pattern(family: Family) -> re.Pattern[str]:
    def optional(group: str, pattern: str) -> str:
        return f"(?P<{group}>{pattern})?" if pattern else ""

    separator = r"\s?" if family.name else ""
    head = (
        optional("prefix", family.prefix)
        + re.escape(family.name)
        + family.spelled
        + optional("stage", family.stage)
    )
    number = optional("lead", family.lead) + f"(?P<id>{family.number})(?:{family.edition})"
    return re.compile(
        rf"(?<![A-Za-z0-9/])(?P<head>{head}){separator}(?P<number>{number}){NOT_A_CODE_AFTER}"
    )


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family.name or BARE_PUBLISHER, code_pattern(family)) for family in (*FAMILIES, BARE_SAE)
)


def number_spaces(names: Iterable[str]) -> dict[str, str]:
    """Publishers that share one number space, each mapped to the space's name.

    A joint designation "A/B" whose parts are publishers themselves (not a
    deliverable type: "CEN/TS", "GB/T") says that A and B publish the standard
    together under one number, so "A N", "B N" and "A/B N" are one standard. Spaces
    that share a publisher merge under the first joint name."""
    known = list(names)
    spaces: dict[str, str] = {}
    for name in known:
        parts = name.split("/")
        if len(parts) < 2 or not all(part in known for part in parts):
            continue
        members = (name, *parts)
        joined = [spaces[member] for member in members if member in spaces]
        space = joined[0] if joined else name
        for member, old in list(spaces.items()):
            if old in joined:
                spaces[member] = space
        for member in members:
            spaces[member] = space
    return spaces


NUMBER_SPACES: Mapping[str, str] = number_spaces(family.name for family in FAMILIES)


@dataclass(frozen=True)
class Standard:
    """What a code designates: a number in a publisher's number space."""

    space: str  # "ISO/IEC" for ISO, IEC and ISO/IEC alike; "GB/T"; "IEEE"
    number: str  # "62208", "60601-1-2", "2030.5", "J2954/2"

    @property
    def key(self) -> str:
        return f"{self.space} {self.number}".strip()


@dataclass(frozen=True)
class Citation:
    """One code as an article writes it, read by its family's grammar."""

    cited: str  # "IEC 62208:2023", "IEEE P2030.5"
    publisher: str  # "IEC"
    number: str  # "62208"

    @property
    def standard(self) -> Standard:
        return Standard(NUMBER_SPACES.get(self.publisher, self.publisher), self.number)

    @property
    def base(self) -> str:
        """The designation without qualifiers: "IEC 62208", "ISO/IEC 15118"."""
        return f"{self.publisher} {self.number}"


def citation_of(match: re.Match[str], publisher: str) -> Citation:
    head = SPACES.sub(" ", match.group("head")).strip() or publisher
    return Citation(
        cited=f"{head} {SPACES.sub(' ', match.group('number'))}",
        publisher=publisher,
        number=match.group("id"),
    )


def located_citations(text: str) -> list[tuple[int, int, Citation]]:
    """Where each code stands in ``text`` (start, end, citation), in order."""
    found: list[tuple[int, int, Citation]] = []
    if not DIGIT.search(text):
        return found
    for publisher, pattern in PATTERNS:  # longer family names come first
        for match in pattern.finditer(text):
            if not overlaps_any(found, match.start(), match.end()):
                insort(
                    found, (match.start(), match.end(), citation_of(match, publisher)), key=start_of
                )
    return found


def start_of(span: tuple[int, int, object]) -> int:
    return span[0]


def overlaps_any(spans: list[tuple[int, int, Citation]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of ``spans`` (disjoint, in order)? Only the last
    span starting before ``end`` can: it ends last of those. A bisection, so that a
    line of thousands of codes costs n log n, not n²."""
    before = bisect_left(spans, end, key=start_of)
    return before > 0 and spans[before - 1][1] > start


def find_citations(text: str) -> Iterator[Citation]:
    """Codes in the order they occur, each as "NAME NUMBER" with its qualifiers."""
    yield from (citation for _, _, citation in located_citations(text))


def code_spans(text: str) -> list[tuple[int, int, str]]:
    """Where each code stands in ``text`` (start, end, code as cited), in order."""
    return [(start, end, citation.cited) for start, end, citation in located_citations(text)]


def find_standards(text: str) -> Iterator[str]:
    """Codes in the order they occur, as cited: name and number one space apart
    ("IEC62208" → "IEC 62208"), draft markers and qualifiers as written."""
    yield from (citation.cited for citation in find_citations(text))


@cache  # the listings read the same few codes back for every article citing them
def read_citation(code: str) -> Citation:
    """A code as stored in an article's front matter, read back by the grammar. A
    code no family reads (an editor's own) is a standard of its own, filed under its
    first word."""
    code = SPACES.sub(" ", code).strip()
    for publisher, pattern in PATTERNS:
        match = pattern.fullmatch(code)
        if match:
            return citation_of(match, publisher)
    family, _, rest = code.partition(" ")
    return Citation(cited=code, publisher=family, number=rest)


def standard_of(code: str) -> Standard:
    """The standard a code designates: "IEC 62208:2023", "IEC 62208" and
    "ISO/IEC 62208" are all ``Standard("ISO/IEC", "62208")``."""
    return read_citation(code).standard


def by_standard(codes: Iterable[str]) -> dict[Standard, tuple[str, ...]]:
    """Codes grouped by the standard they designate, each in order of mention."""
    grouped: dict[Standard, list[str]] = {}
    for code in codes:
        grouped.setdefault(standard_of(code), []).append(code)
    return {standard: tuple(dict.fromkeys(cited)) for standard, cited in grouped.items()}


def standards_in(texts: Iterable[str]) -> tuple[str, ...]:
    """Distinct codes over several texts, in order of first mention."""
    seen: dict[str, None] = {}
    for text in texts:
        for code in find_standards(text):
            seen.setdefault(code, None)
    return tuple(seen)


def natural_key(code: str) -> tuple[object, ...]:
    return tuple(int(chunk) if chunk.isdigit() else chunk for chunk in NATURAL_CHUNK.split(code))
