"""Write N synthetic issue exports derived from the sample, for benchmarks.

Each synthetic issue keeps the sample's summary and reorders its articles (a
seeded shuffle per issue), so every issue has pages that differ from the others'
while exercising the converter as a real issue does: page breaks, footnote areas,
page furniture, the table. The export's raw lines are cut at the articles' title
lines; footnotes are renumbered in the new order; the running header, the file
name and the datelines' months follow the synthetic issue.

Two vocabularies (``--vocabulary``):

- ``sample`` (the default): the sample's own text, so the archive's vocabulary
  never grows with N (every issue holds the same 22 articles' words).
- ``growing``: the same layout, line for line, but every Chinese character of the
  running text (summary, titles, paragraphs, figure and table captions, table
  cells, footnote definitions) is replaced by words drawn at random from a
  word-frequency list (jieba's ``dict.txt`` unless ``--words`` names another), with
  probability proportional to their frequency raised to ``--exponent`` (1.6, which
  makes one issue about as rich in words as the sample). The frequencies are
  Zipf-like, so common words stay common while rare ones keep appearing as N grows,
  as in a real archive. Only Chinese characters change, each into one Chinese
  character, so every line keeps its width, punctuation, Latin text, numbers,
  spaces, footnote markers and the table's grid; kept as they are: section
  headings, the datelines' dates, 年/月/日 after a number, subheading numerals,
  the 图/表 before a caption's number, authors, page furniture. A paragraph whose
  new text the converter would read differently (a new dateline, subheading or
  caption, say) is drawn again. The text is drawn per issue from the seed and the
  issue's ordinal, so an archive of N issues is the first N issues of a larger one.

Same count, vocabulary and seed give byte-identical exports.

Usage: python -m benchmarks.generate N OUT_DIR [--sample archive/2023-07.txt]
       [--vocabulary sample|growing] [--seed 0] [--words jieba/dict.txt] [--exponent 1.6]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

from converter.model import Line, LineKind, Source
from converter.passes import run_passes
from converter.passes.blocks import block_kind
from converter.passes.layout import read_layout
from converter.passes.paragraphs import make_paragraph
from converter.passes.structure import AUTHORS, SECTION_HEADING, SUMMARY_HEADING
from converter.patterns import DATELINE as DATELINE_START
from converter.patterns import RUNNING_HEADER

FIRST_YEAR = 2004
HEADER = re.compile(r"\d{4}\s*年第\s*\d{1,2}\s*期")
DATELINE = re.compile(r"^(\s?)(\d{1,2})(\s*月\s*)(\d{1,2})(\s*日[，,])")
LAST_SAFE_DAY = 28  # every month has it
DEFINITION = re.compile(r"^(\d{1,3})( +\S)")
SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"
VOCABULARIES = ("sample", "growing")

# The growing vocabulary. Only these characters are replaced, and only by them (the
# footnote renumbering's marker pattern below reads this range).
CHINESE = "\u4e00-\u9fff"
CHINESE_RUN = re.compile(f"[{CHINESE}]+")
WORD_LINE = re.compile(rf"^([{CHINESE}]+)[ \t]+(\d+)\b", re.MULTILINE)  # word, frequency
# Kept in place: what a paragraph's first line opens with when it is a dateline, a
# subheading or a caption; the authors closing its last line; 年/月/日 after a number.
KEPT_OPENING = re.compile(
    r"^\s?(?:\d{1,2}\s*月\s*\d{1,2}\s*日[，,]|[一二三四五六七八九十]+、|[图表](?=\s*\d))"
)
KEPT_CLOSING = re.compile(rf"（(?:[{CHINESE}]{{1,4}} ?)+）\s*$")
KEPT_UNIT = re.compile(r"(?<=\d) ?([年月日])")
SHORT_WORDS = 3  # a run's last few characters are filled from words this short or shorter
# Words are drawn with weight frequency ** EXPONENT. The list's own frequencies (1)
# give one issue 2.4 times the sample's distinct words (4,349 against 1,824 by
# jieba); 1.6 gives about as many (1,800), and the archive still gains new words
# with every issue.
EXPONENT = 1.6
ATTEMPTS = 20  # draws of a paragraph before it keeps the sample's text


@dataclass(frozen=True)
class Chunk:
    """Raw export lines of one article (title to the next title), with its notes."""

    lines: tuple[str, ...]  # physical lines, separators included
    notes: tuple[int, ...]  # footnote numbers defined in these lines, in order
    markers: tuple[tuple[int, int], ...]  # (line index in chunk, note number)


@dataclass(frozen=True)
class Slot:
    """Chinese characters to replace: ``physical[line][start:end]``."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A paragraph (or a footnote line) of the sample whose characters can be replaced.

    ``runs`` are its runs of replaceable characters in reading order, a run going on
    across a wrapped line; ``signature`` is how the converter reads it, which a
    replacement must keep."""

    lines: tuple[Line, ...]  # the layout's lines (text without a page's indent)
    indents: tuple[int, ...]  # characters of page indent before each line's text
    runs: tuple[tuple[Slot, ...], ...]
    paragraph: bool  # False: a footnote line, read line by line
    signature: tuple[object, ...]


@dataclass(frozen=True)
class Template:
    """The sample cut for reuse: its physical lines and where its articles start."""

    physical: tuple[str, ...]
    starts: tuple[int, ...]  # 0-based index of each article's title line
    note_lines: tuple[tuple[int, int], ...]  # (line index, footnote number), sorted
    marker_lines: tuple[tuple[int, tuple[int, ...]], ...]  # (line index, markers)
    passages: tuple[Passage, ...]
    spaced: bool  # the sample's Chinese/Latin spacing decision (paragraphs pass)


class Vocabulary:
    """Words with their frequencies, drawn with probability proportional to them."""

    def __init__(self, words: Sequence[tuple[str, int]]) -> None:
        if not words:
            raise ValueError("the word list holds no Chinese words")
        self.words = [word for word, _ in words]
        self.cumulative = list(accumulate(weight for _, weight in words))
        self.short: dict[int, tuple[list[str], list[int]]] = {}
        for length in range(1, SHORT_WORDS + 1):
            fitting = [(word, weight) for word, weight in words if len(word) <= length]
            if not fitting:
                raise ValueError(f"the word list holds no words of {length} character(s)")
            self.short[length] = (
                [word for word, _ in fitting],
                list(accumulate(weight for _, weight in fitting)),
            )

    @classmethod
    def load(cls, path: Path | None = None, exponent: float = EXPONENT) -> Vocabulary:
        """A list of ``word frequency [tag]`` lines; only all-Chinese words are used,
        weighted by their frequency to the power ``exponent`` (rounded: whole numbers
        add up exactly)."""
        text = (path or jieba_dictionary()).read_text(encoding="utf-8")
        found = ((match[1], int(match[2])) for match in WORD_LINE.finditer(text))
        return cls([(word, max(1, round(freq**exponent))) for word, freq in found if freq > 0])

    def text(self, rng: random.Random, length: int) -> str:
        """``length`` characters of words drawn one after another."""
        words, cumulative = self.words, self.cumulative
        total = cumulative[-1]
        parts: list[str] = []
        left = length
        while left > 0:
            if left <= SHORT_WORDS:
                fitting, weights = self.short[left]
                word = fitting[bisect(weights, rng.random() * weights[-1])]
            else:
                word = words[bisect(cumulative, rng.random() * total)]
                while len(word) > left:
                    word = words[bisect(cumulative, rng.random() * total)]
            parts.append(word)
            left -= len(word)
        return "".join(parts)


def jieba_dictionary() -> Path:
    """jieba's word-frequency list, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("the growing vocabulary needs jieba's dict.txt: pip install jieba")
    return Path(spec.origin).parent / "dict.txt"


def analyse(sample: Path) -> Template:
    data = sample.read_bytes()
    text = data.decode("utf-8")
    physical = tuple(text.split("\n"))
    draft = run_passes(data, str(sample))
    assert draft.issue is not None
    layout = read_layout(Source(str(sample), text))
    starts = tuple(article.line - 1 for article in draft.issue.articles)
    note_lines = {
        line.number - 1: int(match.group(1))
        for line in layout.lines
        if line.kind is LineKind.NOTE
        and (match := DEFINITION.match(line.text))
        and line.starts_block
    }
    marker_lines: dict[int, list[int]] = {}
    for article in draft.issue.articles:
        for block in article.blocks:
            for ref in getattr(getattr(block, "text", None), "notes", ()):
                owner = marker_line(block.lines, ref.number)  # type: ignore[attr-defined]
                marker_lines.setdefault(owner, []).append(ref.number)
    headings = {*draft.issue.headings, SUMMARY_HEADING}
    passages = [
        passage(physical, paragraph.lines, draft.spaced, paragraph=True)
        for paragraph in draft.paragraphs
        if not (len(paragraph.lines) == 1 and paragraph.text.value in headings)
    ]
    passages += [
        passage(physical, (line,), draft.spaced, paragraph=False)
        for line in layout.lines
        if line.kind is LineKind.NOTE
    ]
    return Template(
        physical=physical,
        starts=starts,
        note_lines=tuple(sorted(note_lines.items())),
        marker_lines=tuple((index, tuple(numbers)) for index, numbers in marker_lines.items()),
        passages=tuple(item for item in passages if item.runs),
        spaced=draft.spaced,
    )


def passage(
    physical: Sequence[str], lines: Sequence[Line], spaced: bool, *, paragraph: bool
) -> Passage:
    indents = tuple(len(physical[line.number - 1]) - len(line.text) for line in lines)
    runs: list[list[Slot]] = []
    for position, (line, indent) in enumerate(zip(lines, indents, strict=True)):
        index = line.number - 1
        text = physical[index]
        kept = kept_positions(text, first=position == 0, last=position == len(lines) - 1)
        free = "".join("\0" if i in kept else char for i, char in enumerate(text))
        for match in CHINESE_RUN.finditer(free):
            slot = Slot(index, match.start(), match.end())
            previous = runs[-1][-1] if runs else None
            if (
                previous is not None
                and position > 0
                and previous.line == lines[position - 1].number - 1
                and previous.end == len(physical[previous.line])
                and slot.start == indent
            ):
                runs[-1].append(slot)  # the line wrapped inside a word, which goes on
            else:
                runs.append([slot])
    return Passage(
        lines=tuple(lines),
        indents=indents,
        runs=tuple(tuple(run) for run in runs),
        paragraph=paragraph,
        signature=signature(lines, spaced, paragraph),
    )


def kept_positions(text: str, *, first: bool, last: bool) -> set[int]:
    kept = {match.start(1) for match in KEPT_UNIT.finditer(text)}
    if first and (match := KEPT_OPENING.match(text)):
        kept.update(range(match.start(), match.end()))
    if last and (match := KEPT_CLOSING.search(text)):
        kept.update(range(match.start(), match.end()))
    return kept


def signature(lines: Sequence[Line], spaced: bool, paragraph: bool) -> tuple[object, ...]:
    """What the converter reads from the lines' words rather than their shape."""
    each_line = tuple(
        (
            bool(DATELINE_START.match(line.text.lstrip(" "))),
            bool(HEADER.search(line.text)),
            bool(RUNNING_HEADER.match(line.text)),
        )
        for line in lines
    )
    if not paragraph:
        return each_line
    built = make_paragraph(list(lines), spaced)
    text = built.text.value
    kind = block_kind(built)
    return (
        each_line,
        kind[0] if kind else None,
        bool(DATELINE_START.match(text)),
        bool(SECTION_HEADING.match(text)),
        bool(AUTHORS.search(text)),
    )


def grow(template: Template, vocabulary: Vocabulary, rng: random.Random) -> list[str]:
    """The sample's physical lines with their running text drawn anew."""
    physical = list(template.physical)
    for item in template.passages:
        for _ in range(ATTEMPTS):
            rows = {slot.line: list(physical[slot.line]) for run in item.runs for slot in run}
            for run in item.runs:
                words = vocabulary.text(rng, sum(slot.end - slot.start for slot in run))
                offset = 0
                for slot in run:
                    size = slot.end - slot.start
                    rows[slot.line][slot.start : slot.end] = words[offset : offset + size]
                    offset += size
            texts = {index: "".join(chars) for index, chars in rows.items()}
            lines = [
                replace(line, text=texts.get(line.number - 1, physical[line.number - 1])[indent:])
                for line, indent in zip(item.lines, item.indents, strict=True)
            ]
            if signature(lines, template.spaced, item.paragraph) == item.signature:
                for index, text in texts.items():
                    physical[index] = text
                break
    return physical


def chunks_of(template: Template, physical: Sequence[str]) -> tuple[tuple[str, ...], list[Chunk]]:
    """The lines before the first article, and each article's lines with its notes."""
    starts = template.starts
    marker_lines = dict(template.marker_lines)
    prefix = tuple(physical[: starts[0]])
    chunks = []
    for begin, end in zip(starts, [*starts[1:], len(physical)], strict=True):
        notes = tuple(number for index, number in template.note_lines if begin <= index < end)
        markers = tuple(
            (index - begin, number)
            for index, numbers in sorted(marker_lines.items())
            if begin <= index < end
            for number in numbers
        )
        lines = list(physical[begin:end])
        while lines and lines[-1] == "":
            lines.pop()  # the next chunk must start a block of its own
        if not lines[0].startswith(" "):
            lines[0] = " " + lines[0]  # and a page: it may follow a footnote area
        chunks.append(Chunk(tuple(lines), notes, markers))
    while prefix and prefix[-1] == "":
        prefix = prefix[:-1]
    return prefix, chunks


def cut(sample: Path) -> tuple[tuple[str, ...], list[Chunk]]:
    template = analyse(sample)
    return chunks_of(template, template.physical)


def marker_line(lines: object, number: int) -> int:
    """The physical line (0-based) whose text holds the glued marker ``number``."""
    pattern = re.compile(rf"(?<=[\u4e00-\u9fff）》”a-z)\]]){number}(?!\d)")
    for line in lines:  # type: ignore[attr-defined]
        if pattern.search(line.text):
            return int(line.number) - 1
    return int(lines[0].number) - 1  # type: ignore[index]


def renumber(chunks: list[Chunk]) -> list[str]:
    """The chunks' lines with footnotes numbered 1, 2, … in their new order."""
    out: list[str] = []
    next_number = 1
    for chunk in chunks:
        mapping = {old: next_number + i for i, old in enumerate(chunk.notes)}
        next_number += len(chunk.notes)
        lines = list(chunk.lines)
        for index, old in chunk.markers:
            if old in mapping:
                lines[index] = re.sub(
                    rf"(?<=[\u4e00-\u9fff）》”a-z)\]]){old}(?!\d)",
                    str(mapping[old]),
                    lines[index],
                    count=1,
                )
        for index, line in enumerate(lines):
            match = DEFINITION.match(line)
            if match and int(match.group(1)) in mapping and is_definition(lines, index):
                lines[index] = f"{mapping[int(match.group(1))]}{line[match.end(1) :]}"
        out.extend(lines)
    return out


def is_definition(lines: list[str], index: int) -> bool:
    """A definition opens a block: right after the rule, or after a single newline."""
    return index > 0 and lines[index - 1] != ""


def synthetic_issue(prefix: tuple[str, ...], chunks: list[Chunk], ordinal: int) -> tuple[str, str]:
    year, month = FIRST_YEAR + ordinal // 12, ordinal % 12 + 1
    order = list(chunks)
    random.Random(ordinal).shuffle(order)
    lines = [*prefix, *renumber(order)]
    previous_month = (month - 2) % 12 + 1
    text = "\n".join(DATELINE.sub(lambda m: redate(m, previous_month), line) for line in lines)
    text = HEADER.sub(f"{year} 年第 {month:02d} 期", text)
    return f"{year}-{month:02d}.txt", text


def redate(match: re.Match[str], month: int) -> str:
    day = min(int(match.group(4)), LAST_SAFE_DAY)
    return f"{match.group(1)}{month}{match.group(3)}{day}{match.group(5)}"


def generate(
    count: int,
    out: Path,
    sample: Path = SAMPLE,
    vocabulary: str = "sample",
    seed: int = 0,
    words: Path | None = None,
    exponent: float = EXPONENT,
) -> list[Path]:
    """Write ``count`` synthetic exports into ``out``; their paths, oldest first.

    ``vocabulary`` is ``"sample"`` (the sample's text, reordered) or ``"growing"``
    (its layout with words drawn from ``words``, jieba's list by default, weighted
    by frequency ** ``exponent``). ``seed`` varies the growing vocabulary's text;
    the articles' order depends on the issue alone, as it always has."""
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"vocabulary {vocabulary!r}: expected one of {', '.join(VOCABULARIES)}")
    template = analyse(sample)
    drawn = Vocabulary.load(words, exponent) if vocabulary == "growing" else None
    prefix, chunks = chunks_of(template, template.physical)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for ordinal in range(count):
        if drawn is not None:
            rng = random.Random(f"{seed}:{ordinal}")
            prefix, chunks = chunks_of(template, grow(template, drawn, rng))
        name, text = synthetic_issue(prefix, chunks, ordinal)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=Path, default=Path("archive/2023-07.txt"))
    parser.add_argument(
        "--vocabulary",
        choices=VOCABULARIES,
        default="sample",
        help="sample: the sample's text reordered (default); growing: words drawn anew "
        "per issue, so the archive's vocabulary grows with N",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="varies the growing vocabulary's text (default 0)"
    )
    parser.add_argument(
        "--words",
        type=Path,
        help="word-frequency list for --vocabulary growing, 'word frequency [tag]' "
        "per line (default: jieba's dict.txt)",
    )
    parser.add_argument(
        "--exponent",
        type=float,
        default=EXPONENT,
        help="--vocabulary growing draws words with weight frequency ** EXPONENT; 1 keeps "
        f"the list's frequencies, more favours common words (default {EXPONENT})",
    )
    args = parser.parse_args()
    generate(
        args.count, args.out, args.sample, args.vocabulary, args.seed, args.words, args.exponent
    )


if __name__ == "__main__":
    main()
