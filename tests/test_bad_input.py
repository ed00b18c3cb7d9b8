"""Bad input: a clear message naming file and line, exit 1 and nothing written — or,
where what is there can still be converted, a warning naming the line and no text
lost. Never a traceback, never half a docs folder.

Every case runs the ``convert`` command as the editors do. "No text lost" is this
module's own reading of the export (every visible character except digits — page
numbers, footnote numbers and markers — author parentheses and the running header
must show up on the issue's pages), independent of the converter's own accounting.
"""

from __future__ import annotations

import gc
import html
import io
import re
import sys
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, FrameType
from xml.etree import ElementTree

import pytest

import converter
from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.split("\n")  # SAMPLE_LINES[n - 1] is line n
NAME = "2023-07.txt"
ISSUE = "2023/07"
RUNNING_HEADER = re.compile(r"^\s*\d{4}\s*年第\s*\d{1,2}\s*期\s*$")
NOT_COUNTED = frozenset("0123456789（）")
ANY_LINE = range(1, len(SAMPLE_LINES) + 2)
WARNING = re.compile(r"^warning: (?P<path>.*?):(?P<line>\d+): (?P<message>.*)$")


@dataclass(frozen=True)
class Run:
    code: int | None  # None: the command raised instead of returning
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]

    def warnings(self, path: str | Path) -> list[tuple[int, str]]:
        found = [WARNING.match(line) for line in self.err.splitlines()]
        return [(int(m["line"]), m["message"]) for m in found if m and m["path"] == str(path)]


def convert(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        code: int | None = main(["convert", *map(str, args)], out, err)
    except Exception:  # a crash is a test failure with its traceback in the message
        code = None
        err.write(traceback.format_exc())
    return Run(code, out.getvalue(), err.getvalue())


def line(number: int) -> str:
    return SAMPLE_LINES[number - 1]


def lines_text(lines: list[str]) -> str:
    return "\n".join(lines)


def replace_line(number: int, old: str, new: str) -> str:
    lines = list(SAMPLE_LINES)
    assert lines[number - 1].count(old) == 1, (number, old, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new)
    return lines_text(lines)


def without_lines(first: int, last: int) -> str:
    return lines_text(SAMPLE_LINES[: first - 1] + SAMPLE_LINES[last:])


def cut_in_line(number: int, keep: int) -> str:
    """The sample cut off inside line ``number`` (its first ``keep`` characters), as a
    broken download or a full disk leaves it: no final newline."""
    return lines_text([*SAMPLE_LINES[: number - 1], line(number)[:keep]])


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def issue_pages(docs: Path) -> str:
    """The text of the issue's pages, Markdown and HTML escapes undone."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((docs / ISSUE).glob("*.md"))]
    return html.unescape(re.sub(r"\\(.)", r"\1", "\n".join(texts)))


def lost_text(export: str, docs: Path) -> Counter[str]:
    exported = Counter(
        char
        for export_line in export.splitlines()
        if not RUNNING_HEADER.match(export_line)
        for char in export_line
        if not char.isspace() and char not in NOT_COUNTED
    )
    shown = Counter(char for char in issue_pages(docs) if not char.isspace())
    return exported - shown


def assert_refused(run: Run, path: Path, line_number: int | None, out_dir: Path) -> str:
    """Exit 1, one ``error: path:line: …`` message, and nothing written."""
    assert run.code == 1, run.err
    assert "Traceback" not in run.err, run.err
    assert len(run.errors) == 1, run.err
    prefix = f"error: {path}:" if line_number is None else f"error: {path}:{line_number}: "
    assert run.errors[0].startswith(prefix), run.errors[0]
    assert not out_dir.exists(), "the docs folder was created"
    assert not list(out_dir.parent.glob(f".{out_dir.name}*")), "a staging folder was left"
    return run.errors[0]


def assert_converted(run: Run, export: str, docs: Path) -> None:
    """Exit 0 and every character of the export on the issue's pages."""
    assert run.code == 0, run.err
    assert "Traceback" not in run.err, run.err
    lost = lost_text(export, docs)
    assert not lost, f"text lost: {''.join(sorted(lost.elements()))[:200]}"


def assert_clean_outcome(run: Run, export: str, path: Path, docs: Path, lines: range) -> None:
    """What is right for input that may or may not be convertible: refused with an
    error naming a line in ``lines`` and nothing written, or converted with a
    warning naming a line in ``lines`` and no text lost."""
    assert run.code in (0, 1), f"the converter crashed:\n{run.err}"
    if run.code == 1:
        error = assert_refused(run, path, None, docs)
        number = int(error.removeprefix(f"error: {path}:").split(":", 1)[0])
        assert number in lines, f"error names line {number}, not one of {lines}"
        return
    assert_converted(run, export, docs)
    near = [(n, message) for n, message in run.warnings(path) if n in lines]
    assert near, f"no warning names a line in {lines}: {run.warnings(path)}"


# --- refused outright --------------------------------------------------------------------

README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")
PROSE = (
    "今天天气很好，我们一起去公园散步。 \n\n公园里有很多人在跳舞，还有人在下棋。 \n"
    "这是一段没有日期行的中文文本，也没有标题和作者。 \n"
)
NO_HEADER = lines_text([" " if RUNNING_HEADER.match(text) else text for text in SAMPLE_LINES])


@pytest.mark.parametrize(
    ("name", "data", "line_number", "says"),
    [
        pytest.param(NAME, b"", 1, "empty", id="empty"),
        pytest.param(NAME, b" \n\n  \n", 1, "empty", id="whitespace-only"),
        pytest.param(NAME, README_TEXT, 1, "no articles", id="readme"),
        pytest.param(NAME, PROSE, 1, "no articles", id="prose-without-datelines"),
        pytest.param("bulletin.txt", NO_HEADER, 1, "cannot tell the issue", id="no-issue-number"),
        pytest.param(NAME, SAMPLE_TEXT.encode("utf-16"), 1, "byte offset 0", id="utf-16"),
    ],
)
def test_input_that_is_no_bulletin_export_is_refused(
    tmp_path: Path, name: str, data: str | bytes, line_number: int, says: str
) -> None:
    path = write(tmp_path, name, data)
    docs = tmp_path / "out" / "docs"
    error = assert_refused(convert(path, "--out", docs), path, line_number, docs)
    assert says in error


def test_the_issue_comes_from_the_file_name_when_the_header_is_missing(tmp_path: Path) -> None:
    path = write(tmp_path, NAME, NO_HEADER)
    docs = tmp_path / "docs"
    assert_converted(convert(path, "--out", docs), NO_HEADER, docs)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / NAME
    docs = tmp_path / "out" / "docs"
    run = convert(path, "--out", docs)
    assert run.code == 1 and "Traceback" not in run.err
    assert len(run.errors) == 1 and str(path) in run.errors[0], run.err
    assert not docs.exists()


def test_two_exports_of_one_issue_are_refused_naming_both(tmp_path: Path) -> None:
    first = write(tmp_path, NAME, SAMPLE_TEXT)
    second = write(tmp_path, "2023-07-again.txt", SAMPLE_TEXT)  # same running header
    docs = tmp_path / "out" / "docs"
    error = assert_refused(convert(first, second, "--out", docs), second, 1, docs)
    assert str(first) in error and "2023-07" in error


def test_a_failed_run_leaves_an_existing_docs_folder_as_it_was(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert convert(SAMPLE, "--out", docs).code == 0
    before = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    bad = write(tmp_path, "2023-08.txt", PROSE)

    run = convert(SAMPLE, bad, "--out", docs)

    assert run.code == 1 and any(str(bad) in e for e in run.errors), run.err
    after = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2023-08.txt", "docs"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            "x.txt",
            SAMPLE_TEXT.replace("2023 年第 07 期", "2023 年第 13 期"),
            id="header-13",
        ),
        pytest.param(
            "x.txt",
            SAMPLE_TEXT.replace("2023 年第 07 期", "2023 年第 00 期"),
            id="header-00",
        ),
        pytest.param("2023-13.txt", NO_HEADER, id="file-name-13"),
    ],
)
def test_an_issue_number_that_is_no_month_is_handled(tmp_path: Path, name: str, text: str) -> None:
    path = write(tmp_path, name, text)
    docs = tmp_path / "docs"
    assert_clean_outcome(convert(path, "--out", docs), text, path, docs, ANY_LINE)


# --- truncated exports ---------------------------------------------------------------------

TABLE_CAPTION_LINE = 84
TABLE_HEADER_END = 96  # "等级 ", the last header line of table 1
ROW_14_LINE = 299  # "14 ", the table row cut in the middle


def test_an_export_cut_off_inside_a_table_row_converts_with_a_warning(tmp_path: Path) -> None:
    export = cut_in_line(ROW_14_LINE + 1, 3)  # "网络安" of "网络安全固件"
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    run = convert(path, "--out", docs)
    assert_converted(run, export, docs)
    assert any(n == ROW_14_LINE and "row 14" in m for n, m in run.warnings(path)), run.err


def test_an_export_cut_off_after_a_table_header_is_handled(tmp_path: Path) -> None:
    """No row to learn the columns from: refusing (naming the caption) is as right as
    converting what is there with a warning, as long as nothing is lost."""
    export = lines_text(SAMPLE_LINES[:TABLE_HEADER_END]) + "\n"
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    assert_clean_outcome(
        convert(path, "--out", docs),
        export,
        path,
        docs,
        range(TABLE_CAPTION_LINE, TABLE_HEADER_END + 1),
    )


@pytest.mark.parametrize(
    ("definition_line", "keep"),
    [
        pytest.param(625, 30, id="footnote-2-mid-issue"),
        pytest.param(1687, 30, id="footnote-26-last"),
    ],
)
def test_an_export_cut_off_inside_a_footnote_warns_at_the_cut(
    tmp_path: Path, definition_line: int, keep: int
) -> None:
    assert re.match(r"^\d+ ", line(definition_line))
    export = cut_in_line(definition_line, keep)
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    assert_clean_outcome(
        convert(path, "--out", docs),
        export,
        path,
        docs,
        range(definition_line, definition_line + 1),
    )


def test_an_export_cut_off_inside_a_footnote_keeps_what_is_there(tmp_path: Path) -> None:
    export = cut_in_line(1687, 30)
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    assert_converted(convert(path, "--out", docs), export, docs)
    assert line(1687)[3:30] in issue_pages(docs)


# --- footnotes that do not pair up ---------------------------------------------------------

MARKER_3_LINE = 740  # "来的关键3。 "
DEFINITION_3 = (775, 777)  # "3 ITU. Standards for trustworthy technologies…"
DEFINITION_3_TEXT = "Standards for trustworthy technologies and a green, inclusive future"
MARKER_4_LINE = 770  # "年份报告4。 "
DEFINITION_4_LINE = 778
DEFINITION_4_TEXT = "National Artificial Intelligence Advisory Committee Releases First Report"


def converted(tmp_path: Path, export: str) -> tuple[Run, Path, Path]:
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    return convert(path, "--out", docs), path, docs


def test_a_marker_without_definition_warns_and_keeps_its_digit(tmp_path: Path) -> None:
    assert line(DEFINITION_3[0]).startswith("3 ITU.")
    export = without_lines(*DEFINITION_3)
    run, path, docs = converted(tmp_path, export)
    assert_converted(run, export, docs)
    # The numbering jumps where definition 3 is missing (the next definition now sits
    # on its line); the marker's own line would be as good a place to point at.
    near = [(n, m) for n, m in run.warnings(path) if n in (MARKER_3_LINE, DEFINITION_3[0])]
    assert near and "3" in near[0][1], run.warnings(path)
    assert "来的关键3。" in issue_pages(docs)


def test_a_definition_without_marker_warns_at_the_definition(tmp_path: Path) -> None:
    export = replace_line(MARKER_3_LINE, "关键3。", "关键。")
    run, path, _ = converted(tmp_path, export)
    assert run.code == 0, run.err
    assert any(
        n == DEFINITION_3[0] and m.startswith("footnote 3 has no marker in the text")
        for n, m in run.warnings(path)
    ), run.warnings(path)


def test_a_definition_without_marker_is_still_published(tmp_path: Path) -> None:
    export = replace_line(MARKER_3_LINE, "关键3。", "关键。")
    run, _, docs = converted(tmp_path, export)
    assert_converted(run, export, docs)
    assert DEFINITION_3_TEXT in issue_pages(docs)


def test_skipped_footnote_numbering_warns_and_links(tmp_path: Path) -> None:
    marker_line, definition_line = 1646, 1687
    assert line(definition_line).startswith("26 ")
    lines = list(SAMPLE_LINES)
    lines[marker_line - 1] = lines[marker_line - 1].replace("合作26。", "合作27。")
    lines[definition_line - 1] = "27" + lines[definition_line - 1][2:]
    export = lines_text(lines)
    run, path, docs = converted(tmp_path, export)
    assert_converted(run, export, docs)
    assert (definition_line, "footnote 27 where 26 was expected") in run.warnings(path)
    assert "合作[^27]。" in (docs / ISSUE / "22.md").read_text(encoding="utf-8")


def repeated_number_export() -> str:
    """Footnote 4 (marker and definition) renumbered 3: two footnotes numbered 3."""
    lines = list(SAMPLE_LINES)
    lines[MARKER_4_LINE - 1] = lines[MARKER_4_LINE - 1].replace("报告4。", "报告3。")
    assert lines[DEFINITION_4_LINE - 1].startswith("4 NIST.")
    lines[DEFINITION_4_LINE - 1] = "3" + lines[DEFINITION_4_LINE - 1][1:]
    return lines_text(lines)


def test_repeated_footnote_numbering_warns(tmp_path: Path) -> None:
    run, path, _ = converted(tmp_path, repeated_number_export())
    assert run.code == 0, run.err
    assert (DEFINITION_4_LINE, "footnote 3 where 4 was expected") in run.warnings(path)


def test_repeated_footnote_numbers_keep_both_footnotes(tmp_path: Path) -> None:
    export = repeated_number_export()
    run, _, docs = converted(tmp_path, export)
    assert_converted(run, export, docs)
    itu = (docs / ISSUE / "03.md").read_text(encoding="utf-8")
    naiac = (docs / ISSUE / "04.md").read_text(encoding="utf-8")
    assert "未来的关键[^3]。" in itu and DEFINITION_3_TEXT in itu
    assert "年份报告[^3]。" in naiac and DEFINITION_4_TEXT in naiac


def test_a_misnumbered_definition_does_not_replace_an_earlier_footnote(tmp_path: Path) -> None:
    lines = list(SAMPLE_LINES)
    lines[DEFINITION_3[0] - 1] = "2" + lines[DEFINITION_3[0] - 1][1:]  # "2 ITU. …"
    run, _, docs = converted(tmp_path, lines_text(lines))
    assert run.code == 0, run.err
    ndrc = (docs / ISSUE / "02.md").read_text(encoding="utf-8")
    assert "国家发展和改革委员会" in ndrc.split("[^2]:", 1)[1]
    assert DEFINITION_3_TEXT not in ndrc


# --- structure the converter does not expect -----------------------------------------------

TITLE_LINE = 614  # "国家发改委等发布《工业重点领域能效标杆水平和基准水"
DATELINE_LINES = (618, 620)  # "7 月 4 日，国家发展改革委等发布…该文件提出如下要求： "


def test_a_repeated_dateline_paragraph_is_handled(tmp_path: Path) -> None:
    first, last = DATELINE_LINES
    assert line(first).startswith("7 月 4 日，")
    lines = list(SAMPLE_LINES)
    lines[last:last] = ["", *SAMPLE_LINES[first - 1 : last]]
    export = lines_text(lines)
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    # Right: a warning or error at the title, the datelines or the copy (now 622-624).
    copy_end = last + 1 + (last - first + 1)
    assert_clean_outcome(
        convert(path, "--out", docs), export, path, docs, range(TITLE_LINE, copy_end + 1)
    )


# --- very large exports --------------------------------------------------------------------

# The sample repeated: one issue with 22 articles per copy. These tests assert what a
# large export gives, never how long it takes: the time and peak-memory limits for
# 20 and 50 MB exports are the benchmark's (`make bench`, reported in BENCHMARKS.md).
ARTICLES_PER_COPY = 22
LARGE_COPIES = 60  # about 3.1 MB, 1,320 articles
# Doubling the input must about double the work and the memory, measured by what does
# not depend on how busy the machine is: the Python lines the converter executes, per
# function (line and call events of a trace function), and the peak of the memory
# Python allocates (tracemalloc). Measured at 4 and 8 copies (about 10 s, as the
# trace function slows the converter about fivefold): lines x2.03 in all, no function
# above x2.02 but the one below; memory x1.86 (x2.00 at 32 and 64 copies).
SCALING_COPIES = (4, 8)
MAX_GROWTH_FOR_DOUBLE_INPUT = 2.3  # linear is 2; quadratic would be 4
COMPARED_MIN_LINES = 2000  # functions executing fewer lines at the larger size are not compared
# Functions known to grow faster than the input, each with its defect. The test below
# marked xfail fails (strict) once they are fixed or renamed: then remove them here.
CONVERTER_FILES = str(Path(converter.__file__).parent) + "/"  # as code objects name them


def test_a_large_export_converts_completely(tmp_path: Path) -> None:
    export = SAMPLE_TEXT * LARGE_COPIES
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    run = convert(path, "--out", docs)
    assert run.code == 0 and not run.errors, run.err
    assert "Traceback" not in run.err, run.err
    # Every character reaches a page, but for the summary heading 本期概要 that
    # opens each copy: one issue has one summary, under one heading.
    lost = lost_text(export, docs)
    assert set(lost) <= set("本期概要"), f"text lost: {''.join(sorted(lost.elements()))[:200]}"
    articles = ARTICLES_PER_COPY * LARGE_COPIES
    assert f" {articles} articles" in run.out, run.out
    assert len(list((docs / ISSUE).glob("[0-9]*.md"))) == articles


@dataclass(frozen=True)
class Cost:
    lines: Counter[str]  # Python lines executed (and calls) per converter function
    peak: int  # peak bytes allocated by Python during the conversion

    @property
    def total(self) -> int:
        return sum(self.lines.values())


Tracer = Callable[[FrameType, str, object], object]


def conversion_cost(folder: Path, copies: int) -> Cost:
    """Convert the sample repeated ``copies`` times in this process, counting the
    converter's executed lines per function and the peak of Python's allocations;
    neither depends on the machine's load."""
    path = write(folder, NAME, SAMPLE_TEXT * copies)
    counts: dict[CodeType, list[int]] = {}
    tracers: dict[CodeType, Tracer | None] = {}

    def line_counter(code: CodeType) -> Tracer:
        count = counts[code] = [0]

        def counter(frame: FrameType, event: str, arg: object) -> object:
            count[0] += 1  # a call, a line, a loop's next turn, a return
            return counter

        return counter

    def on_call(frame: FrameType, event: str, arg: object) -> object:
        code = frame.f_code
        if code not in tracers:  # no line events outside the converter
            inside = code.co_filename.startswith(CONVERTER_FILES)
            tracers[code] = line_counter(code) if inside else None
        tracer = tracers[code]
        return tracer and tracer(frame, event, arg)

    gc.collect()
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        run = convert(path, "--out", folder / "docs")
    finally:
        sys.settrace(previous)
        peak = tracemalloc.get_traced_memory()[1] - before
        if not tracing:
            tracemalloc.stop()
    assert run.code == 0, run.err
    assert f" {ARTICLES_PER_COPY * copies} articles" in run.out, run.out
    lines: Counter[str] = Counter()
    for code, count in counts.items():
        lines[f"{Path(code.co_filename).stem}.{code.co_qualname}"] += count[0]
    return Cost(lines, peak)


@pytest.fixture(scope="module")
def scaling(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cost, Cost]:
    folder = tmp_path_factory.mktemp("scaling")
    conversion_cost(folder / "warm-up", 1)  # imports, compiled patterns, vocabularies
    small, large = (conversion_cost(folder / str(copies), copies) for copies in SCALING_COPIES)
    return small, large


def growth(small: Cost, large: Cost) -> dict[str, float]:
    """Each function's growth in lines executed, where it executes enough to compare."""
    return {
        name: count / max(small.lines[name], 1)
        for name, count in large.lines.items()
        if count >= COMPARED_MIN_LINES
    }


@pytest.mark.slow
def test_doubling_the_input_about_doubles_the_work_and_memory(
    scaling: tuple[Cost, Cost],
) -> None:
    small, large = scaling
    faster = {
        name: round(grew, 2)
        for name, grew in growth(small, large).items()
        if grew > MAX_GROWTH_FOR_DOUBLE_INPUT
    }
    assert not faster, f"lines executed grow faster than the input: {faster}"
    lines = large.total / small.total
    assert lines < MAX_GROWTH_FOR_DOUBLE_INPUT, f"lines executed: {small.total} → {large.total}"
    memory = large.peak / small.peak
    assert memory < MAX_GROWTH_FOR_DOUBLE_INPUT, f"peak memory: {small.peak} → {large.peak} bytes"


# --- issue 17, point 6 ------------------------------------------------------------------


def test_a_file_named_for_another_issue_than_its_header_is_refused(tmp_path: Path) -> None:
    # The running header is the evidence of the content; the name is a claim.
    path = write(tmp_path, "2023-11.txt", SAMPLE_TEXT)
    docs = tmp_path / "out" / "docs"
    header = next(n for n, text in enumerate(SAMPLE_LINES, 1) if RUNNING_HEADER.match(text))
    error = assert_refused(convert(path, "--out", docs), path, header, docs)
    assert "header says issue 2023-07" in error and "2023-11.txt" in error


def test_control_characters_never_reach_the_pages_or_the_feed(tmp_path: Path) -> None:
    number = 3
    assert line(number).startswith("7 月，国家")
    export = replace_line(number, "国家", "\x00国\x01家\x1b")
    path = write(tmp_path, NAME, export)
    docs = tmp_path / "docs"
    run = convert(path, "--out", docs)
    assert_converted(run, export.replace("\x00", "").replace("\x01", "").replace("\x1b", ""), docs)
    assert (number, "control characters dropped (not text): U+0000, U+0001, U+001B") in (
        run.warnings(path)
    )
    for written in docs.rglob("*"):
        if written.is_file():
            text = written.read_text(encoding="utf-8")
            assert not re.search("[\x00-\x08\x0b-\x1f]", text), written
    feed = ElementTree.fromstring((docs / "feed.xml").read_bytes())  # well-formed
    assert "国家发展改革委" in "".join(feed.itertext())


def test_a_page_in_another_encoding_is_an_error_naming_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert convert(SAMPLE, "--out", docs).code == 0
    saved = docs / ISSUE / "05.md"
    saved.write_bytes(saved.read_text(encoding="utf-8").encode("gb18030"))
    before = saved.read_bytes()
    run = convert(SAMPLE, "--out", docs, "--reconvert")
    assert run.code == 1 and "Traceback" not in run.err, run.err
    (error,) = run.errors
    assert error.startswith(f"error: {saved}:2: the page is not UTF-8"), error
    assert saved.read_bytes() == before


def test_a_page_saved_with_a_byte_order_mark_reads_as_the_same_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert convert(SAMPLE, "--out", docs).code == 0
    saved = docs / ISSUE / "05.md"
    edited = saved.read_text(encoding="utf-8") + "编辑补充。\n"
    saved.write_bytes(b"\xef\xbb\xbf" + edited.encode("utf-8"))
    run = convert(SAMPLE, "--out", docs, "--reconvert")
    assert run.code == 0, run.err
    assert f"skipped: {saved} was edited by hand" in run.err  # read, and an edit
    assert saved.read_bytes() == b"\xef\xbb\xbf" + edited.encode("utf-8")
