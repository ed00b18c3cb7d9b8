"""The footnotes pass: definitions from the footnote areas, linked to their markers.

Definitions start a block in a footnote area with their number ("1 ANSI. …") and
wrap, even across a page. Markers are digits glued to the text ("缺口1。",
"Economics7开展"). Numbering runs through the issue, so footnote n's marker is the
first glued n after footnote n-1's marker, on the definition's page or the page
before (a footnote area can spill over). A number that is not glued to the text
(37 个, 2023 年, IEC 62208:2023) is never a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import zip_longest

from ..diagnostics import Diagnostics
from ..model import Article, Block, Footnote, Layout, Line, LineKind, NoteRef, Paragraph, Text
from ..patterns import HAN_RANGES
from ..text import join_wrapped

DEFINITION_START = re.compile(r"^(\d{1,3}) +(?=\S)")
# Some exports follow a definition's number by a stop or a full-width space ("1. ANSI",
# "1\u3000ANSI"). Read so only where that form opens more note-area blocks than the
# plain one (``definition_form``): a wrapped line "6. https…" (a date cut after
# "2023-06-2") is no definition where the export numbers its notes "1 ANSI".
SPACED_START = re.compile(r"^(\d{1,3})(?:[.．] *| *\u3000)[ \u3000]*(?=[^\s\d])")
# Chinese print often sets notes as circled numbers, definitions ("① ANSI…") and
# markers ("缺口①。") alike. Circled numbers also enumerate ("包括：① CEN…"): they are
# markers only where the definitions are circled, and glued on both sides.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
CIRCLED_START = re.compile(rf"^([{CIRCLED}])[ \u3000]*(?=\S)")
CIRCLED_MARKER = re.compile(rf"(?<=\S)([{CIRCLED}])(?!\s)")
# Markers extracted as superscript digits ("缺口¹。", "）¹⁰。"): superscripts glued to a
# word are a marker, as the text never prints a number raised otherwise.
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_MARKER = re.compile(rf"(?<=[{HAN_RANGES}）》”’a-z\]])([{SUPERSCRIPT}]{{1,3}})")
# Some exports bracket the numbers, of definitions ("[1] ANSI. …") and of markers
# ("缺口[1]。"): a bracketed number is a note's whatever precedes or follows it.
BRACKETED_START = re.compile(r"^\[(\d{1,3})\] *(?=\S)")
BRACKETED_MARKER = re.compile(r"(?<=\S)\[(\d{1,3})\]")
# Glued marker: digits right after a Chinese character, closing full-width
# punctuation or a Latin word, and followed by neither a digit nor a decimal part.
# Digits followed by a date or counting character are a date or a count ("6月23日",
# "共3个"), never a marker: a marker closes a word, before punctuation, a space, the
# line's end or the next word.
DATE_OR_UNIT = "年月日号时天周个项家名位次届条种件份章"
MARKER = re.compile(
    rf"(?<=[{HAN_RANGES}）》”’a-z)\]])(\d{{1,3}})"
    rf"(?![\d%{DATE_OR_UNIT}]|\.\d|[:/\-]\d|[A-Za-z])"
)
# A marker after a Latin word must be followed by Chinese or full-width punctuation
# ("Economics7开展"), otherwise it is part of a code ("J2954", "P2030").
AFTER_LATIN = re.compile(rf"[{HAN_RANGES}，。、；：）（]")
# Numbering may start again at 1 (in each section, say): the next definition then
# continues from it. Any other number out of sequence is reported.
RESTART = 1
# How many pages before its definition a marker may stand: a footnote area that
# does not fit under its marker continues on the next page.
MARKER_PAGE_LAG = 1


@dataclass(frozen=True)
class Place:
    """A paragraph of the issue: in the summary (article None) or an article."""

    article: int | None
    block: int
    paragraph: Paragraph


def read_definitions(layout: Layout, diagnostics: Diagnostics) -> tuple[Footnote, ...]:
    notes: list[Footnote] = []
    form = definition_form(layout.lines)
    for group in definition_groups(layout.lines, diagnostics):
        first = group[0]
        match = definition_start(first.text, form)
        if not match:
            diagnostics.warn(first.number, "footnote text without a number")
            continue
        number = number_of(match)
        expected = notes[-1].number + 1 if notes else 1
        if number not in (expected, RESTART):
            diagnostics.warn(first.number, f"footnote {number} where {expected} was expected")
        pieces = [first.text[match.end() :], *(line.text for line in group[1:])]
        if not group[-1].ends_with_space:
            diagnostics.warn(
                group[-1].number,
                f"footnote {number} may be cut off: its last line does not end its block",
            )
        notes.append(
            Footnote(
                number=number,
                text=join_wrapped(pieces),
                line=first.number,
                page=first.page,
                key=len(notes),
                printed=printed_form(match.group(0).strip(), number),
            )
        )
    return tuple(notes)


def definition_groups(lines: tuple[Line, ...], diagnostics: Diagnostics) -> Iterator[list[Line]]:
    """Lines of one definition: from a numbered block start in a footnote area to the
    next. At the top of an area numbering is the evidence (``starts_definition``):
    what does not start a definition goes on with the one from the page before."""
    markers = markers_by_page(lines)
    form = definition_form(lines)
    numbered = numbered_starts(lines, form)
    group: list[Line] = []
    number: int | None = None  # the number of the definition being read
    after_rule = False
    for line in lines:
        if line.kind is LineKind.NOTE_SEPARATOR:
            after_rule = True
            continue
        if line.kind is not LineKind.NOTE:
            continue
        top, after_rule = after_rule, False
        again = found_again(line, numbered, form)
        if not group or starts_definition(
            line, top, group[-1], number, markers, again, form, diagnostics
        ):
            if group:
                yield group
            group = []
            match = definition_start(line.text, form)
            number = number_of(match) if match else number
        group.append(line)
    if group:
        yield group


def starts_definition(
    line: Line,
    top: bool,
    previous: Line,
    number: int | None,
    markers: dict[int, set[int]],
    again: bool,
    form: re.Pattern[str],
    diagnostics: Diagnostics,
) -> bool:
    """Does ``line`` start a definition? Inside an area a numbered block start does
    (a number out of sequence is reported later), and so does one at the top of an
    area when the definition before is not on the page before. At the top of an area
    the rest of a definition cut by the page turn may stand, beginning with anything;
    there the evidence is numbering (the next number, a restart at 1, or another with
    its marker in the text: a number skipped), whether the line before is cut mid-word
    (it ends without a space), whether the number's marker is in the text, and, after a
    cut line, whether the number starts another block further down the area (``again``:
    then that block is the definition, and this line the rest of the one before). After
    a line ending at a space a repeated number is no such evidence: where each article
    numbers its notes from 1, two articles' notes 1 share an area."""
    match = definition_start(line.text, form)
    if not match or not (top or line.starts_block):
        return False
    if not top or line.page != previous.page + 1:
        return True
    found = number_of(match)
    expected = number + 1 if number is not None else 1
    cut_off = not previous.ends_with_space
    marked = any(found in markers.get(line.page - lag, ()) for lag in range(MARKER_PAGE_LAG + 1))
    repeated = again and cut_off  # the number's own block comes further down
    if repeated:
        starts = False
    elif found == expected:
        starts = not cut_off or marked
    elif found == RESTART:
        starts = not cut_off
    else:  # a number skipped starts one; a number already read never does
        starts = found > expected and marked and not cut_off
    if not starts and not (cut_off and found not in (expected, RESTART)):
        reasons = [f"footnote {expected} was expected"] if found != expected else []
        reasons += ["the footnote before it is cut off mid-word"] if cut_off else []
        reasons += [f"no marker {found} is in the text"] if not marked else []
        reasons += [f"'{found} …' starts a block further down this area"] if repeated else []
        diagnostics.warn(
            line.number,
            f"a footnote area opens with '{found} …', but {', '.join(reasons)}: "
            "read as the rest of the footnote before it, from the page before",
        )
    return starts


def numbered_starts(
    lines: tuple[Line, ...], form: re.Pattern[str]
) -> dict[int, list[tuple[int, int]]]:
    """Page → (line, number) of each numbered block start in its footnote area."""
    found: dict[int, list[tuple[int, int]]] = {}
    for line in lines:
        match = definition_start(line.text, form)
        if line.kind is LineKind.NOTE and line.starts_block and match:
            found.setdefault(line.page, []).append((line.number, number_of(match)))
    return found


def found_again(
    line: Line, numbered: dict[int, list[tuple[int, int]]], form: re.Pattern[str]
) -> bool:
    """Does ``line``'s number start another block further down its note area?"""
    match = definition_start(line.text, form)
    if not match:
        return False
    number = number_of(match)
    return any(n == number and at > line.number for at, n in numbered.get(line.page, ()))


def markers_by_page(lines: tuple[Line, ...]) -> dict[int, set[int]]:
    """The numbers glued to the body text as markers, page by page."""
    found: dict[int, set[int]] = {}
    circled = any(line.kind is LineKind.NOTE and CIRCLED_START.match(line.text) for line in lines)
    for line in lines:
        if line.kind is LineKind.BODY:
            numbers = {number_of(match) for match in marker_candidates(line.text, circled)}
            found.setdefault(line.page, set()).update(numbers)
    return found


def definition_start(text: str, form: re.Pattern[str] = DEFINITION_START) -> re.Match[str] | None:
    """The number opening a footnote definition (group 1): in the export's ``form``
    ("1 ", "1. "), bracketed or circled."""
    return form.match(text) or BRACKETED_START.match(text) or CIRCLED_START.match(text)


def definition_form(lines: tuple[Line, ...]) -> re.Pattern[str]:
    """How this export numbers its definitions: the form that opens more note-area
    blocks, plain ("1 ANSI") unless the spaced one ("1. ANSI", "1\u3000ANSI") wins."""
    starts = [line.text for line in lines if line.kind is LineKind.NOTE and line.starts_block]
    plain = sum(1 for text in starts if DEFINITION_START.match(text))
    spaced = sum(1 for text in starts if SPACED_START.match(text))
    return SPACED_START if spaced > plain else DEFINITION_START


def number_of(match: re.Match[str]) -> int:
    """The number of a definition's or marker's match (group 1: digits, circled or raised)."""
    printed = match.group(1)
    if printed in CIRCLED:
        return CIRCLED.index(printed) + 1
    return int(printed.translate(str.maketrans(SUPERSCRIPT, "0123456789")))


def marker_candidates(text: str, circled: bool = False) -> Iterator[re.Match[str]]:
    """Glued markers (group 1: the number), plain or bracketed, in the text's order;
    circled ones where the export's definitions are (``circled``). Bracketed and
    superscript markers are in no other use: where a text has them, they are its
    markers."""
    for special in (BRACKETED_MARKER, CIRCLED_MARKER) if circled else (BRACKETED_MARKER,):
        found = list(special.finditer(text))
        if found:
            yield from found
            return
    glued = MARKER if not SUPERSCRIPT_MARKER.search(text) else SUPERSCRIPT_MARKER
    for match in glued.finditer(text):
        before = text[match.start() - 1]
        after = text[match.end() : match.end() + 1]
        if before.isascii() and before.isalpha() and not AFTER_LATIN.match(after):
            continue
        yield match


def link_footnotes(
    summary: tuple[Block, ...],
    articles: tuple[Article, ...],
    notes: tuple[Footnote, ...],
    diagnostics: Diagnostics,
) -> tuple[tuple[Block, ...], tuple[Article, ...]]:
    """Replace each marker by a ``NoteRef`` and give each article its footnotes."""
    places = list(paragraph_places(summary, articles))
    found: dict[int, tuple[int, int, int]] = {}  # note key → (place index, start, end)
    cursor = (0, 0)
    for note in notes:
        hit = find_marker(places, note, cursor)
        if hit is None:
            diagnostics.warn(
                note.line,
                f"footnote {note.number} has no marker in the text; "
                "it is shown unlinked at the end of its page's article",
            )
            continue
        found[note.key] = hit
        cursor = (hit[0], hit[2])
    warn_rival_markers(places, notes, found, diagnostics)
    return apply_markers(summary, articles, places, notes, found)


def warn_rival_markers(
    places: list[Place],
    notes: tuple[Footnote, ...],
    found: dict[int, tuple[int, int, int]],
    diagnostics: Diagnostics,
) -> None:
    """Markers come in the order of their numbers, so footnote n's marker lies between
    n-1's and n+1's. Where another glued n lies there too, order cannot tell which one
    is the marker: the first is taken, and both places are reported."""
    for note, after in zip_longest(notes, notes[1:]):
        hit = found.get(note.key)
        if hit is None:
            continue
        bound = found.get(after.key) if after is not None else None
        stop = bound[0] + 1 if bound is not None else end_of_page(places, hit[0], note.page)
        for rival in marker_hits(places, note, (hit[0], hit[2]), stop):
            if bound is not None and rival[:2] >= bound[:2]:
                break
            diagnostics.warn(
                places[hit[0]].paragraph,
                f"footnote {note.number}: a glued '{note.number}' at line "
                f"{places[rival[0]].paragraph.line} could be its marker too; the first after "
                "the previous footnote's marker is taken",
            )
            break


def paragraph_places(summary: tuple[Block, ...], articles: tuple[Article, ...]) -> Iterator[Place]:
    for block_index, block in enumerate(summary):
        if isinstance(block, Paragraph):
            yield Place(None, block_index, block)
    for article_index, article in enumerate(articles):
        for block_index, block in enumerate(article.blocks):
            if isinstance(block, Paragraph):
                yield Place(article_index, block_index, block)


def find_marker(
    places: list[Place], note: Footnote, cursor: tuple[int, int]
) -> tuple[int, int, int] | None:
    return next(marker_hits(places, note, cursor), None)


def end_of_page(places: list[Place], start: int, page: int) -> int:
    """The index of the first place from ``start`` on that begins after ``page``."""
    index = start
    while index < len(places) and not starts_after(places[index].paragraph, page):
        index += 1
    return index


def starts_after(paragraph: Paragraph, page: int) -> bool:
    return bool(paragraph.lines) and paragraph.lines[0].page > page


def marker_hits(
    places: list[Place], note: Footnote, cursor: tuple[int, int], stop: int | None = None
) -> Iterator[tuple[int, int, int]]:
    """The candidates for ``note``'s marker after ``cursor`` (and before the place
    ``stop``), in the text's order."""
    start_place, start_offset = cursor
    circled = (
        bool(note.printed) and note.printed in CIRCLED
    )  # the definition's form is the marker's
    for index in range(start_place, len(places) if stop is None else stop):
        paragraph = places[index].paragraph
        pages = {line.page for line in paragraph.lines}
        if not any(note.page - MARKER_PAGE_LAG <= page <= note.page for page in pages):
            continue
        offset = start_offset if index == start_place else 0
        for match in marker_candidates(paragraph.text.value, circled):
            if match.start() >= offset and number_of(match) == note.number:
                yield index, match.start(), match.end()


def apply_markers(
    summary: tuple[Block, ...],
    articles: tuple[Article, ...],
    places: list[Place],
    notes: tuple[Footnote, ...],
    found: dict[int, tuple[int, int, int]],
) -> tuple[tuple[Block, ...], tuple[Article, ...]]:
    by_key = {note.key: note for note in notes}
    by_place: dict[int, list[tuple[int, int, Footnote]]] = {}
    for key, (place_index, start, end) in found.items():
        by_place.setdefault(place_index, []).append((start, end, by_key[key]))
    new_summary = list(summary)
    new_blocks = [list(article.blocks) for article in articles]
    for place_index, spans in by_place.items():
        place = places[place_index]
        paragraph = remove_markers(place.paragraph, sorted(spans, key=lambda span: span[0]))
        target = new_summary if place.article is None else new_blocks[place.article]
        target[place.block] = paragraph
    owners = {key: places[place_index].article for key, (place_index, _, _) in found.items()}
    for note in notes:
        if note.key not in found:
            owners[note.key] = article_on_page(places, note.page)
    own: dict[int | None, list[Footnote]] = {}
    for note in notes:  # once per note: an issue's cost stays linear in its notes
        shown = note if note.key in found else replace(note, linked=False)
        own.setdefault(owners[note.key], []).append(shown)
    new_articles = tuple(
        replace(
            article,
            blocks=tuple(new_blocks[index]),
            footnotes=tuple(own.get(index, ())),
        )
        for index, article in enumerate(articles)
    )
    return tuple(new_summary), new_articles


def article_on_page(places: list[Place], page: int) -> int:
    """The article of the last paragraph that reaches ``page`` (or the first article)."""
    owner = 0
    for place in places:
        if place.article is None or not place.paragraph.lines:
            continue
        if place.paragraph.lines[0].page > page:
            break
        owner = place.article
    return owner


def remove_markers(paragraph: Paragraph, spans: list[tuple[int, int, Footnote]]) -> Paragraph:
    text = paragraph.text.value
    pieces: list[str] = []
    refs: list[NoteRef] = []
    position = 0
    length = 0
    for start, end, note in spans:
        pieces.append(text[position:start])
        length += start - position
        printed = printed_form(text[start:end], note.number)
        refs.append(NoteRef(offset=length, number=note.number, key=note.key, printed=printed))
        position = end
    pieces.append(text[position:])
    return replace(paragraph, text=Text("".join(pieces), tuple(refs)))


def printed_form(printed: str, number: int) -> str:
    """What the export printed for a note's number, where that is more than its digits."""
    return "" if printed == str(number) else printed
