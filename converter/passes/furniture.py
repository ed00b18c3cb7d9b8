"""Page furniture, learned from the export: what repeats where its pages turn.

Part of the layout pass. The running header and the page number stand in a run of
whitespace lines where a page turns (FORMAT.md §1.6), but their wording differs
from issue to issue: "2023 年第 07 期" or "标准化动态·2023年第7期", "11" or "— 11 —"
or "第 11 页", header above or below the number, on some pages or on all. So no
wording is assumed. A *candidate* is a text line standing right after a whitespace
line; its *form* is its text with digits as ``#`` and spaces removed. Then:

- a **running header** is a form whose numbers never change, with a word in it,
  that names the issue (``2023 年第 7 期``; ``第 N 期`` repeated or at a certain page
  turn), or repeats at page turns;
- the **page numbers** are the one form whose number counts up with the pages
  (number minus page count the same every time), at two page turns or more, or once
  where the turn is certain (an empty text line or a header in the same run).

What disagrees is warned about with its line: a number out of sequence at a page
turn, a line standing among the furniture that repeats nowhere else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..model import LineKind
from ..patterns import ISSUE_IN_TEXT, ISSUE_NUMBER_IN_TEXT

DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
# A form seen at two page turns is this export's furniture; seen once it may be text.
MIN_REPEATS = 2
# What a page number may carry besides its digits ("— 11 —", "第 11 页", "Page 11 of 26"):
# more than this is a line of text that happens to hold a number (a caption).
PAGE_NUMBER_DECORATION = 6
# A bulletin has fewer than 1000 pages.
PAGE_NUMBER_DIGITS = 3


@dataclass(frozen=True)
class Spot:
    """A line as the furniture sees it."""

    text: str
    kind: LineKind  # BLANK, NOTE_SEPARATOR or BODY so far
    opens_page: bool  # an indented block start: the page turned without furniture

    @property
    def whitespace(self) -> bool:
        return self.kind is LineKind.BLANK


@dataclass(frozen=True)
class Run:
    """Whitespace lines and the candidates standing between them (half-open range)."""

    start: int
    end: int
    candidates: tuple[int, ...]
    empty: int | None  # the first empty text line: the extractor's mark of a page turn


@dataclass
class Furniture:
    kinds: dict[int, LineKind] = field(default_factory=dict)  # by line index
    warnings: list[tuple[int, str]] = field(default_factory=list)


def learn_furniture(spots: Sequence[Spot]) -> Furniture:
    runs = list(gap_runs(spots))
    run_of = {index: run for run in runs for index in run.candidates}
    by_form: dict[str, list[int]] = {}
    for index in sorted(run_of):
        by_form.setdefault(form(spots[index].text), []).append(index)
    found = Furniture()
    headers = header_lines(spots, run_of, by_form, set())
    numbers = PageNumbers.learn(spots, runs, run_of, by_form, headers)
    numbered = numbers.lines(found) if numbers else set()
    headers |= header_lines(spots, run_of, by_form, headers | numbered)
    headers |= headers_by_place(runs, headers, numbered, found)
    gap = gap_before_text(runs, headers | numbered)
    for run in runs:
        mark_run(spots, run, headers, numbered, found, gap)
    return found


def gap_before_text(runs: list[Run], furniture: set[int]) -> bool:
    """Does this export leave whitespace between its furniture and the next page's
    text? Then the text stands as the run's last candidate, and is no stray line.
    Learned from the runs holding furniture: most of them must show it."""
    runs = [run for run in runs if furniture & set(run.candidates)]
    gapped = [run for run in runs if run.candidates[-1] not in furniture]
    return len(gapped) * 2 > len(runs)


def form(text: str) -> str:
    return SPACES.sub("", DIGITS.sub("#", text))


def numbers_in(text: str) -> tuple[int, ...]:
    return tuple(int(digits) for digits in DIGITS.findall(text))


def names_issue(text: str) -> bool:
    return bool(ISSUE_IN_TEXT.search(text) or ISSUE_NUMBER_IN_TEXT.search(text))


def without_issue(text: str) -> str:
    """A line's text outside the issue's name: a page number may share its line."""
    return ISSUE_NUMBER_IN_TEXT.sub("", ISSUE_IN_TEXT.sub("", text))


def gap_runs(spots: Sequence[Spot]) -> Iterator[Run]:
    """Maximal runs opening with a whitespace line, where every text line follows a
    whitespace line. The line after a candidate with no whitespace between them is
    the next page's text: a table row number there is not furniture."""
    index = 0
    while index < len(spots):
        if not spots[index].whitespace:
            index += 1
            continue
        start, candidates, empty = index, [], None
        while index < len(spots):
            spot = spots[index]
            if spot.whitespace:
                empty = index if empty is None and spot.text == "" else empty
            elif spot.kind is LineKind.BODY and not spot.opens_page and spots[index - 1].whitespace:
                candidates.append(index)
            else:
                break
            index += 1
        yield Run(start, index, tuple(candidates), empty)


def is_header_form(spots: Sequence[Spot], indices: list[int]) -> bool:
    """Words and numbers that stay the same wherever the line is printed."""
    shape = form(spots[indices[0]].text)
    constant = len({numbers_in(spots[index].text) for index in indices}) == 1
    return constant and any(char.isalpha() for char in shape)


def header_lines(
    spots: Sequence[Spot], run_of: dict[int, Run], by_form: dict[str, list[int]], known: set[int]
) -> set[int]:
    """Running headers: header forms that name the issue by year and number
    (``ISSUE_IN_TEXT``), or by number (``第 N 期``) and repeat, or that stand at page
    turns (a run with an empty text line or with furniture already ``known``) once if
    they name the issue, twice if not."""
    turns = {run_of[index].start for index in known}
    headers: set[int] = set()
    for indices in by_form.values():
        if indices[0] in known or not is_header_form(spots, indices):
            continue
        at_turns = [i for i in indices if run_of[i].empty is not None or run_of[i].start in turns]
        text = spots[indices[0]].text
        named = names_issue(text)
        if ISSUE_IN_TEXT.search(text) or (named and len(indices) >= MIN_REPEATS):
            headers.update(indices)
        elif len(at_turns) >= (1 if named else MIN_REPEATS):
            headers.update(at_turns)
    return headers


@dataclass(frozen=True)
class PageNumbers:
    """The page numbers of the export: one form, its lines, the pages they stand on."""

    spots: Sequence[Spot]
    run_of: dict[int, Run]
    values: dict[int, int]  # line index → the number printed
    pages: dict[int, int]  # line index → the page count where it stands
    offset: int  # printed number minus page count
    certain_turns: frozenset[int]  # starts of runs with a header or an empty text line

    @classmethod
    def learn(
        cls,
        spots: Sequence[Spot],
        runs: list[Run],
        run_of: dict[int, Run],
        by_form: dict[str, list[int]],
        headers: set[int],
    ) -> PageNumbers | None:
        """The page-number form whose numbers fit the page count most often."""
        certain = frozenset(run.start for run in runs if run.empty is not None) | {
            run_of[index].start for index in headers
        }
        best: tuple[int, PageNumbers] | None = None
        for indices in by_form.values():
            values = page_number_values(spots, indices)
            if values is None or set(indices) & headers:
                continue
            candidate = cls.fit(spots, runs, run_of, values, headers, certain, indices)
            # Refit with only the runs that hold a fitting number turning a page.
            candidate = cls.fit(spots, runs, run_of, values, headers, certain, candidate.fitting())
            fits = len(candidate.fitting())
            enough = fits >= MIN_REPEATS or any(
                run_of[i].start in certain for i in candidate.fitting()
            )
            if enough and (best is None or fits > best[0]):
                best = (fits, candidate)
        return best[1] if best else None

    @classmethod
    def fit(
        cls,
        spots: Sequence[Spot],
        runs: list[Run],
        run_of: dict[int, Run],
        values: dict[int, int],
        headers: set[int],
        certain: frozenset[int],
        turning: Sequence[int],
    ) -> PageNumbers:
        """The offset most of the numbers show, if the runs of ``turning`` and of the
        headers turn a page."""
        turns = {run_of[index].start for index in (*turning, *headers)}
        pages = count_pages(spots, runs, turns)
        offsets = Counter(value - pages[index] for index, value in values.items())
        offset = offsets.most_common(1)[0][0]
        return cls(spots, run_of, values, pages, offset, certain)

    def fitting(self) -> list[int]:
        return [i for i, value in self.values.items() if value - self.pages[i] == self.offset]

    def lines(self, found: Furniture) -> set[int]:
        """The page numbers; a number out of sequence is one only at a certain page
        turn that has none (warned), and is text elsewhere (warned)."""
        taken = set(self.fitting())
        numbered_runs = {self.run_of[i].start for i in taken}
        for index in self.values:
            run = self.run_of[index].start
            if run in numbered_runs:
                continue
            expected = self.pages[index] + self.offset
            text = self.spots[index].text.strip()
            if run in self.certain_turns:
                taken.add(index)
                numbered_runs.add(run)
                message = f"page number '{text}' where {expected} was expected"
            else:
                message = (
                    f"'{text}' stands like a page number, but page {expected} was expected "
                    "here and nothing else marks a page turn; kept as text"
                )
            found.warnings.append((index, message))
        return taken


def page_number_values(spots: Sequence[Spot], indices: list[int]) -> dict[int, int] | None:
    """The numbers of a page-number form: outside the issue's name, a number with
    little around it, that changes from line to line (or is seen once)."""
    texts = {index: without_issue(spots[index].text) for index in indices}
    sample = texts[indices[0]]
    if len(SPACES.sub("", DIGITS.sub("", sample))) > PAGE_NUMBER_DECORATION:
        return None
    numbers = {index: numbers_in(text) for index, text in texts.items()}
    width = min(len(value) for value in numbers.values())
    varying = [p for p in range(width) if len({value[p] for value in numbers.values()}) > 1]
    if width == 0 or (len(indices) > 1 and not varying):
        return None
    position = varying[0] if varying else 0
    values = {index: value[position] for index, value in numbers.items()}
    if any(value >= 10**PAGE_NUMBER_DIGITS for value in values.values()):
        return None
    return values


def count_pages(spots: Sequence[Spot], runs: list[Run], turns: set[int]) -> dict[int, int]:
    """The page each candidate stands on, if the runs in ``turns`` turn a page."""
    ends = {run.end for run in runs if run.start in turns}
    pages: dict[int, int] = {}
    page = 1
    for index, spot in enumerate(spots):
        page += spot.opens_page or index in ends
        pages[index] = page
    return pages


def headers_by_place(
    runs: list[Run], headers: set[int], numbers: set[int], found: Furniture
) -> set[int]:
    """Lines seen once that stand where this export's other furniture runs print their
    header: last in a run that holds a page number (odd and even pages may print
    different headers). Taken as headers, warned."""

    def roles(run: Run, guess: set[int]) -> tuple[str, ...]:
        return tuple(
            "n" if i in numbers else "h" if i in headers or i in guess else "-"
            for i in run.candidates
        )

    layouts = Counter(roles(run, set()) for run in runs if "-" not in roles(run, set()))
    taken: set[int] = set()
    for run in runs:
        shape = roles(run, set())
        if "n" not in shape or "-" not in shape or shape.index("-") < max_index(shape):
            continue
        guess = {i for i, role in zip(run.candidates, shape, strict=True) if role == "-"}
        if layouts[roles(run, guess)] >= 1:
            taken |= guess
            found.warnings.extend((index, HEADER_BY_PLACE) for index in sorted(guess))
    return taken


def max_index(shape: tuple[str, ...]) -> int:
    """The position of the last furniture line in a run's roles."""
    return max(p for p, role in enumerate(shape) if role != "-")


HEADER_BY_PLACE = (
    "a line that repeats nowhere else, standing where this export's other pages print "
    "their running header; removed as the header"
)
UNREAD_TURN = (
    "an empty text line marks a page turn with furniture here, but no line after it is "
    "a page number or a header this export repeats; kept as text"
)


def mark_run(
    spots: Sequence[Spot],
    run: Run,
    headers: set[int],
    numbers: set[int],
    found: Furniture,
    gap: bool,
) -> None:
    items = [i for i in run.candidates if i in headers or i in numbers]
    if not items:
        unread = [i for i in run.candidates if run.empty is not None and i > run.empty]
        if unread:
            found.warnings.append((unread[0], UNREAD_TURN))
        return
    first, last = items[0], items[-1]
    next_page = next_page_text(run, last) if gap else run.end
    for index in run.candidates:
        if first < index < last and index not in items:
            found.warnings.append(
                (index, "a line among the page furniture that repeats nowhere else; removed")
            )
            items.append(index)
        elif last < index < next_page:
            found.warnings.append(
                (
                    index,
                    "a line where this export prints page furniture (a whitespace line "
                    "before it) that repeats nowhere else; kept as the next page's text",
                )
            )
    for index in range(furniture_start(spots, run, first), run.end):
        before_text = index < (next_page if gap else last)
        if spots[index].whitespace and (before_text or not after_text(run, index)):
            found.kinds[index] = LineKind.PAGE_GAP
        elif index in numbers:
            found.kinds[index] = LineKind.PAGE_NUMBER
        elif index in items:
            found.kinds[index] = LineKind.RUNNING_HEADER


def next_page_text(run: Run, last: int) -> int:
    """Where the next page's text begins after the furniture's ``last`` line, in an
    export that leaves whitespace between them: the run's last candidate. Only lines
    between the two are unexplained."""
    after = [index for index in run.candidates if index > last]
    return after[-1] if after else last


def after_text(run: Run, index: int) -> bool:
    """Is a text line of the run (the next page's) still to come after ``index``?"""
    return any(candidate > index for candidate in run.candidates)


def furniture_start(spots: Sequence[Spot], run: Run, first: int) -> int:
    """The furniture opens with its empty text line (every run of the sample does);
    whitespace before that is blank space left on the page. Without one, it opens
    after the last text line before the first furniture line."""
    before = [i for i in run.candidates if i < first]
    start = before[-1] + 1 if before else run.start
    if run.empty is not None and start <= run.empty < first:
        return run.empty
    return start
