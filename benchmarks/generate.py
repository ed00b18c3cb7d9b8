"""Write N synthetic issue exports derived from the sample, for benchmarks.

Each synthetic issue keeps the sample's summary and reorders its articles (a
seeded shuffle per issue), so every issue has pages that differ from the others'
while exercising the converter as a real issue does: page breaks, footnote areas,
page furniture, the table. The export's raw lines are cut at the articles' title
lines; footnotes are renumbered in the new order; the running header, the file
name and the datelines' months follow the synthetic issue.

Usage: python benchmarks/generate.py N OUT_DIR [--sample archive/2023-07.txt]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

from converter.model import LineKind, Source
from converter.passes import run_passes
from converter.passes.layout import read_layout

FIRST_YEAR = 2004
HEADER = re.compile(r"\d{4}\s*年第\s*\d{1,2}\s*期")
DATELINE = re.compile(r"^(\s?)(\d{1,2})(\s*月\s*)(\d{1,2})(\s*日[，,])")
LAST_SAFE_DAY = 28  # every month has it
DEFINITION = re.compile(r"^(\d{1,3})( +\S)")


@dataclass(frozen=True)
class Chunk:
    """Raw export lines of one article (title to the next title), with its notes."""

    lines: tuple[str, ...]  # physical lines, separators included
    notes: tuple[int, ...]  # footnote numbers defined in these lines, in order
    markers: tuple[tuple[int, int], ...]  # (line index in chunk, note number)


def cut(sample: Path) -> tuple[tuple[str, ...], list[Chunk]]:
    data = sample.read_bytes()
    text = data.decode("utf-8")
    physical = text.split("\n")
    draft = run_passes(data, str(sample))
    assert draft.issue is not None
    layout = read_layout(Source(str(sample), text))
    starts = [article.line - 1 for article in draft.issue.articles]
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
    prefix = tuple(physical[: starts[0]])
    chunks = []
    for begin, end in zip(starts, [*starts[1:], len(physical)], strict=True):
        notes = tuple(
            number for index, number in sorted(note_lines.items()) if begin <= index < end
        )
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=Path, default=Path("archive/2023-07.txt"))
    args = parser.parse_args()
    prefix, chunks = cut(args.sample)
    args.out.mkdir(parents=True, exist_ok=True)
    for ordinal in range(args.count):
        name, text = synthetic_issue(prefix, chunks, ordinal)
        (args.out / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
