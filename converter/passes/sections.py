"""The sections pass: articles whose section heading was lost → the section the
bulletin's usual order leaves for them, where it leaves exactly one.

Takes the structure pass's articles (a section whose heading was lost has
``section == ""`` and a ``section_number`` of its own) and the usual order of
sections (``data/sections.yml``, in the file's order). Gives the articles with the
section filled in and ``section_inferred`` set where the evidence allows it, and a
warning for every lost section either way.

The evidence is the order of the known sections around the gap. Lost sections
between two known neighbours (or the issue's start or end) can only be sections
that come between those neighbours in the usual order. When exactly as many fit as
there are lost headings, and sections keep their order, each lost heading has one
candidate: it is proposed. Otherwise nothing is guessed and the section stays lost;
so too when a neighbour is not in the usual order, or when the issue's known
sections depart from it (then it has no say).

A section printed a second time (its heading again, after other sections) is a
return to it, not a place in the order: it neither makes the issue depart from the
order nor bounds the lost sections before it. Lost sections right before such a
repeat take the sections that follow their left neighbour in the usual order, one
each (the issue's own order: nothing skipped between two of its sections), marked
inferred and warned saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..diagnostics import Diagnostics
from ..model import Article
from ..vocabulary import load_section_order

SECTIONS_FILE = "data/sections.yml"
ISSUE_START = "the issue's start"
ISSUE_END = "the issue's end"


@dataclass(frozen=True)
class Gap:
    """Lost sections in a row, between two known ones (None: the issue's edge)."""

    first: int  # index of the first lost section among the issue's sections
    count: int
    before: str | None
    after: str | None
    # The usual order's sections that fit in the gap; None when a neighbour is not
    # in the usual order (or the neighbours are out of it), so it says nothing here.
    candidates: tuple[str, ...] | None
    repeat: bool = False  # ``after`` was printed before the gap too: it bounds nothing

    @property
    def proposal(self) -> tuple[str, ...] | None:
        """One section per lost heading, when exactly that many fit."""
        if self.candidates is not None and len(self.candidates) == self.count:
            return self.candidates
        return None

    def between(self) -> str:
        return f"{self.before or ISSUE_START} and {self.after or ISSUE_END}"


def find_gaps(names: Sequence[str], order: Sequence[str]) -> list[Gap]:
    """The runs of lost sections ("") in the issue's sequence of section names."""
    trusted = follows_order(first_prints(names), order)
    gaps: list[Gap] = []
    index = 0
    while index < len(names):
        if names[index]:
            index += 1
            continue
        end = index
        while end < len(names) and not names[end]:
            end += 1
        before = names[index - 1] if index > 0 else None
        after = names[end] if end < len(names) else None
        repeat = after is not None and after in names[:index]
        if not trusted:
            candidates = None
        elif repeat:
            following = fitting(before, None, order)
            candidates = following[: end - index] if following is not None else None
        else:
            candidates = fitting(before, after, order)
        gaps.append(Gap(index, end - index, before, after, candidates, repeat))
        index = end
    return gaps


def first_prints(names: Sequence[str]) -> list[str]:
    """The issue's known sections, each at its first heading (a repeat is a return
    to a section, not a place in the order)."""
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def follows_order(known: Sequence[str], order: Sequence[str]) -> bool:
    """Do the issue's known sections come in the usual order? An issue that departs
    from it gives the order no say over its lost headings."""
    places = [order.index(name) for name in known if name in order]
    return all(earlier < later for earlier, later in pairwise(places))


def fitting(before: str | None, after: str | None, order: Sequence[str]) -> tuple[str, ...] | None:
    if (before is not None and before not in order) or (after is not None and after not in order):
        return None
    low = order.index(before) + 1 if before is not None else 0
    high = order.index(after) if after is not None else len(order)
    return tuple(order[low:high])


def infer_sections(
    articles: tuple[Article, ...], diagnostics: Diagnostics, order: Sequence[str] | None = None
) -> tuple[Article, ...]:
    usual = load_section_order() if order is None else tuple(order)
    groups = section_groups(articles)
    warn_unlisted(groups, usual, diagnostics)
    warn_repeated(groups, diagnostics)
    names = [group[0].section for group in groups]
    inferred: dict[int, str] = {}  # section_number → proposed section
    for gap in find_gaps(names, usual):
        lost = groups[gap.first : gap.first + gap.count]
        proposal = gap.proposal
        for position, group in enumerate(lost):
            if proposal is None:
                diagnostics.warn(group[0], not_inferred_message(gap))
            else:
                inferred[group[0].section_number] = proposal[position]
                diagnostics.warn(group[0], inferred_message(gap, proposal[position]))
    return tuple(
        replace(article, section=inferred[article.section_number], section_inferred=True)
        if article.section_number in inferred
        else article
        for article in articles
    )


def warn_unlisted(
    groups: Sequence[list[Article]], usual: Sequence[str], diagnostics: Diagnostics
) -> None:
    """A heading the file does not list is kept as printed (a new section, or a
    renamed one) and reported once, at the heading's line."""
    for group in groups:
        first = group[0]
        if first.section and first.section not in usual:
            diagnostics.warn(
                first.section_line or first,
                f"section heading '{first.section}' is not in {SECTIONS_FILE}: kept as printed; "
                "add it there if it is a new section",
            )


def warn_repeated(groups: Sequence[list[Article]], diagnostics: Diagnostics) -> None:
    """A heading printed again after other sections: its articles are kept under it
    (a return to it), reported at the heading for an editor to confirm."""
    printed: list[str] = []
    for group in groups:
        name = group[0].section
        if name and name in printed and printed[-1] != name:
            diagnostics.warn(
                group[0].section_line or group[0],
                f"section heading '{name}' printed again after {printed[-1]}: the articles "
                "under it are kept in that section; check the heading against the original",
            )
        if name:
            printed.append(name)


def section_groups(articles: Sequence[Article]) -> list[list[Article]]:
    """The articles cut where their section changes (its number, lost ones too)."""
    groups: list[list[Article]] = []
    for article in articles:
        if groups and groups[-1][0].section_number == article.section_number:
            groups[-1].append(article)
        else:
            groups.append([article])
    return groups


def inferred_message(gap: Gap, name: str) -> str:
    assert gap.candidates is not None
    fits = "、".join(gap.candidates)
    if gap.repeat:
        return (
            f"section inferred as {name}: the heading after {gap.count} lost heading(s), "
            f"{gap.after}, repeats a section printed before, so it bounds nothing; the "
            f"section(s) following {gap.before or ISSUE_START} in {SECTIONS_FILE} are {fits}; "
            "marked section_inferred for an editor to confirm"
        )
    return (
        f"section inferred as {name}: {SECTIONS_FILE} leaves exactly {gap.count} "
        f"section(s) ({fits}) between {gap.between()} for {gap.count} lost heading(s); "
        "marked section_inferred for an editor to confirm"
    )


def not_inferred_message(gap: Gap) -> str:
    if gap.candidates is None:
        return (
            f"section left empty: between {gap.between()}, the issue's sections do not "
            f"follow the order of {SECTIONS_FILE} (or are not in it), so it says nothing here"
        )
    fits = "、".join(gap.candidates) or "none"
    return (
        f"section left empty: {len(gap.candidates)} section(s) of {SECTIONS_FILE} fit "
        f"between {gap.between()} ({fits}) for {gap.count} lost heading(s); "
        f"expected exactly {gap.count}"
    )
