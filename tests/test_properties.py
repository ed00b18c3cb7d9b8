"""Properties of the passes that undo the extractor's flattening, with Hypothesis.

Each generator writes text the way the extractor does (FORMAT.md) and checks that
the pass gives the original back:

- line joining: a paragraph wrapped at any page width joins back to itself, so the
  width it was wrapped at does not matter, and Chinese text never gains a space;
- footnotes: glued markers 1..n with their n definitions on the page become n
  ``NoteRef``s in order, and the text loses exactly the marker digits;
- tables: a table flattened cell by cell comes back cell for cell.

Where a generated shape is ambiguous for any reader of the export (not just for the
converter), the generator avoids it; each such limit is a named constant with a why.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import Paragraph, Table
from converter.passes import convert_bytes
from converter.text import display_width, normalise_spacing
from tests.exports import NOTE_RULE, caption, export, lines_of, paragraphs_of, rebuild

# No example database: nothing written into the working tree.
EXAMPLES = settings(max_examples=150, deadline=None, database=None)

# Ideographs of ordinary prose. Left out: 年/第/期 (a line "2023 年第 07 期" is the
# running header), 月/日 (datelines), 表/图 (captions) — page furniture and
# structure, not running text.
HAN = "标准化委员会发布新版技术规范国际电工协会组织研究数据安全能源网络系统产品服务质量"
PUNCTUATION = "，、；："
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"
# Page widths, in display columns (a Chinese character is 2). The sample's lines are
# about 60 columns. Much narrower pages make a line that holds nothing but one
# number, which reads as a page number or cannot be told from a glued one.
MIN_WIDTH, MAX_WIDTH = 16, 80
MAX_LATIN_WORD = 8


# --- wrapping like the extractor ------------------------------------------------------


def is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` columns, as the extractor does.

    The cut falls anywhere, mid-word included. At a space between two Latin words the
    space stays at the end of the line ("《IEC " / "62208:2023"); a space between
    Chinese and Latin text at the cut is lost ("…关注，ITU" / "标准有助于"). The last line
    ends with a space: it ends the paragraph.
    """
    lines: list[str] = []
    current = ""
    for char in text:
        if current and display_width(current + char) > width:
            lines.append(current)
            current = ""
        current += char
    lines.append(current)
    return place_spaces_at_cuts(lines)


def place_spaces_at_cuts(lines: list[str]) -> list[str]:
    for index in range(1, len(lines)):
        if lines[index].startswith(" "):
            lines[index] = lines[index][1:]
            lines[index - 1] += " "
    for index in range(len(lines) - 1):
        before, after = lines[index], lines[index + 1]
        if before.endswith(" ") and not (
            is_latin(before.rstrip(" ")[-1:] or " ") and is_latin(after[:1] or " ")
        ):
            lines[index] = before.rstrip(" ")
    lines = [line for line in lines if line]
    lines[-1] += " "
    return lines


# --- text generators ------------------------------------------------------------------

han_runs = st.text(alphabet=HAN + PUNCTUATION, min_size=1, max_size=12).filter(
    lambda run: run[0] in HAN
)
latin_words = st.one_of(
    st.text(alphabet=LETTERS, min_size=1, max_size=MAX_LATIN_WORD),
    st.text(alphabet=DIGITS, min_size=1, max_size=6),
    # Codes start with a letter. They end with one too: "…Economics7" at a line end
    # before "开展" is a glued footnote marker, and the converter (rightly) keeps
    # letters+digits glued to the Chinese after a wrap. Codes ending in a digit are
    # tested on their own below (``test_a_code_ending_in_a_digit_keeps_its_space``).
    st.builds(
        lambda head, middle, tail: head + middle + tail,
        st.sampled_from(LETTERS),
        st.text(alphabet=LETTERS + DIGITS, max_size=MAX_LATIN_WORD - 2),
        st.sampled_from(LETTERS),
    ),
)


def join_pieces(pieces: list[tuple[str, str]]) -> str:
    """Join Chinese runs and Latin words as the bulletin writes them: a space between
    Chinese and Latin and between two Latin words, none next to full-width
    punctuation."""
    text = ""
    previous_kind = ""
    for kind, piece in pieces:
        if text:
            touching_punctuation = text[-1] in PUNCTUATION or piece[0] in PUNCTUATION
            if (kind != previous_kind or kind == "latin") and not touching_punctuation:
                text += " "
        text += piece
        previous_kind = kind
    return text


chinese_paragraphs = st.lists(han_runs, min_size=1, max_size=12).map("".join)
mixed_paragraphs = st.lists(
    st.one_of(han_runs.map(lambda run: ("han", run)), latin_words.map(lambda w: ("latin", w))),
    min_size=1,
    max_size=16,
).map(join_pieces)
widths = st.integers(min_value=MIN_WIDTH, max_value=MAX_WIDTH)

# A document that spaces Chinese from Latin text inside lines gets that space back
# where a wrap swallowed it; the converter learns this from the document, so the
# paragraph is preceded by one line that shows it.
EVIDENCE = "依据 IEC 标准和 ISO 规范。 "


def joined(text: str, width: int) -> str:
    evidence, *paragraphs = paragraphs_of([EVIDENCE, *wrap(text, width)])
    assert evidence == EVIDENCE.strip()
    assert len(paragraphs) == 1, paragraphs
    return paragraphs[0]


def test_the_wrapper_writes_lines_like_the_extractor() -> None:
    assert wrap("甲乙丙丁戊己庚辛壬癸", 8) == ["甲乙丙丁", "戊己庚辛", "壬癸 "]
    assert wrap("发布 IEC 62208", 9) == ["发布 IEC ", "62208 "]  # kept between Latin words
    assert wrap("关注 ITU 标准", 8) == ["关注 ITU", "标准 "]  # lost next to Chinese
    assert wrap("标准 IEC62208", 9) == ["标准 IEC6", "2208 "]  # mid-word


def test_a_code_ending_in_a_digit_keeps_its_space() -> None:
    assert paragraphs_of([EVIDENCE, "修订 SAE J2954", "标准以支持无线充电。 "]) == [
        EVIDENCE.strip(),
        "修订 SAE J2954 标准以支持无线充电。",
    ]


@EXAMPLES
@given(chinese_paragraphs, widths)
def test_chinese_lines_join_back_without_a_space(text: str, width: int) -> None:
    result = joined(text, width)
    assert result == text
    assert " " not in result


@EXAMPLES
@given(mixed_paragraphs, widths)
def test_mixed_lines_join_back_to_the_paragraph(text: str, width: int) -> None:
    assert normalise_spacing(text) == text  # the generator writes normalised text
    assert joined(text, width) == text


@EXAMPLES
@given(mixed_paragraphs, widths, widths)
def test_the_page_width_does_not_change_the_joined_text(text: str, first: int, second: int) -> None:
    assert joined(text, first) == joined(text, second)


# --- footnotes --------------------------------------------------------------------------

MAX_NOTES = 12
DATELINE = "6 月 15 日，"
AUTHORS = "（孙玉琦）"


@dataclass(frozen=True)
class Annotated:
    segments: tuple[str, ...]  # the text before marker 1, …, before marker n, after n
    width: int

    @property
    def notes(self) -> int:
        return len(self.segments) - 1

    def marked(self) -> str:
        text = DATELINE
        for number, segment in enumerate(self.segments[:-1], start=1):
            text += segment + str(number)
        return text + self.segments[-1] + "。" + AUTHORS

    def plain(self) -> str:
        return DATELINE + "".join(self.segments) + "。"

    def offsets(self) -> list[int]:
        offsets, length = [], len(DATELINE)
        for segment in self.segments[:-1]:
            length += len(segment)
            offsets.append(length)
        return offsets

    def export(self) -> str:
        definitions = [
            [f"{n} 定义{n}. 国际标准组织发布的报告。 "] for n in range(1, self.notes + 1)
        ]
        paragraph = wrap(self.marked(), self.width)
        return export([" 标准战略 ", "学会发布路线图 ", *paragraph, NOTE_RULE], *definitions)


# Markers are glued after a Chinese character and followed by one or by "。".
annotated = st.builds(
    lambda segments, width: Annotated(tuple(segments), width),
    st.lists(st.text(alphabet=HAN, min_size=1, max_size=10), min_size=2, max_size=MAX_NOTES + 1),
    widths,
)


@settings(EXAMPLES, max_examples=100)
@given(annotated)
def test_glued_markers_become_note_refs_in_order(case: Annotated) -> None:
    issue, diagnostics = convert_bytes(case.export().encode("utf-8"), "2023-07.txt")
    warnings = diagnostics.warnings
    (article,) = issue.articles
    paragraph = article.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.value == case.plain()
    assert [ref.number for ref in paragraph.text.notes] == list(range(1, case.notes + 1))
    assert [ref.offset for ref in paragraph.text.notes] == case.offsets()
    assert [note.number for note in article.footnotes] == list(range(1, case.notes + 1))
    assert not [w for w in warnings if "footnote" in w.message], warnings


# --- tables -------------------------------------------------------------------------------

cells = st.text(alphabet=HAN + "，。、", min_size=1, max_size=10).filter(lambda c: c[0] in HAN)


@dataclass(frozen=True)
class FlatTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # without the row numbers
    widths: tuple[int, ...]  # characters per line in each column after the number

    def lines(self) -> list[str]:
        """Flattened as the extractor does: the header cells, then per row its
        number on a line of its own and each cell's text wrapped to its column, every
        cell's last line ending with a space."""
        lines = [f"{name} " for name in self.header]
        for number, row in enumerate(self.rows, start=1):
            lines.append(f"{number} ")
            for text, width in zip(row, self.widths, strict=True):
                pieces = [text[i : i + width] for i in range(0, len(text), width)]
                pieces[-1] += " "
                lines.extend(pieces)
        return lines


@st.composite
def flat_tables(draw: st.DrawFn) -> FlatTable:
    columns = draw(st.integers(min_value=2, max_value=5))
    widths = tuple(draw(st.integers(2, 8)) for _ in range(columns - 1))
    header = ("序号", *(draw(st.text(alphabet=HAN, min_size=1, max_size=4)) for _ in widths))
    # The columns are measured on the rows; the last row's end is unknown, so its
    # lines can only be placed by widths seen before. The first row fills every
    # column (some cell does, in a real table: that is why the column is as wide).
    first = tuple(
        draw(st.text(alphabet=HAN, min_size=width, max_size=3 * width)) for width in widths
    )
    others = draw(
        st.lists(st.tuples(*(cells for _ in widths)), min_size=1, max_size=5),
    )
    return FlatTable(header, (first, *others), widths)


@EXAMPLES
@given(flat_tables())
def test_a_flattened_table_comes_back_cell_for_cell(flat: FlatTable) -> None:
    rebuilt = rebuild(caption(), lines_of(*flat.lines()), "t.txt")
    assert rebuilt is not None
    table, consumed, warnings = rebuilt
    assert isinstance(table, Table)
    assert table.header == flat.header
    assert table.rows == tuple((str(number), *row) for number, row in enumerate(flat.rows, start=1))
    assert consumed == len(flat.lines())
    assert warnings == []
