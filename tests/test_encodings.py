"""One issue, however it was saved, converts to the same pages.

The sample is re-encoded (UTF-8, UTF-8 with a byte-order mark, GB18030, GBK) with
LF, CRLF and CR line ends; every variant is converted through the command line
from the same relative path (pages record ``source: 2023-07.txt:line``) and must
give a docs tree byte-identical to the plain UTF-8/LF conversion. Bytes that no
encoding accepts are an error naming the file, line and byte offset, and nothing
is written.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from converter.cli import main
from converter.site.cache import CACHE_FILE
from tests.golden import tree

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = (ROOT / "archive" / "2023-07.txt").read_text(encoding="utf-8")
NAME = "2023-07.txt"
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk")
LINE_ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}
REFERENCE = ("utf-8", "LF")
BAD_BYTE = b"\xff"  # starts no character in UTF-8, GBK or GB18030
BAD_LINE = 301  # the bad byte is put at the start of this line


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def convert(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", *args], out, err)
    return Run(code, out.getvalue(), err.getvalue())


def encoded(encoding: str, line_end: str) -> bytes:
    return SAMPLE_TEXT.replace("\n", line_end).encode(encoding)


def convert_variant(folder: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Convert ``data`` saved as ``folder/2023-07.txt``, run from ``folder``."""
    folder.mkdir(parents=True)
    (folder / NAME).write_bytes(data)
    monkeypatch.chdir(folder)
    run = convert(NAME, "--out", "docs")
    assert run.code == 0, run.err
    return folder / "docs"


def pages(docs: Path) -> dict[str, bytes]:
    """The docs tree without the conversion cache, which records the export's hash."""
    return {name: data for name, data in tree(docs).items() if name != CACHE_FILE}


def cache_entries(docs: Path) -> list[dict[str, object]]:
    recorded = json.loads((docs / CACHE_FILE).read_text(encoding="utf-8"))
    return list(recorded["exports"].values())


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        folder = tmp_path_factory.mktemp("reference") / "variant"
        encoding, end = REFERENCE
        yield convert_variant(folder, encoded(encoding, LINE_ENDS[end]), monkeypatch)


def test_the_sample_encodes_losslessly_in_gbk() -> None:
    """GBK is only among the variants because the sample fits it (no GB18030-only
    character); if this fails, drop "gbk" from ENCODINGS rather than lose text."""
    data = SAMPLE_TEXT.encode("gbk")
    assert data.decode("gbk") == SAMPLE_TEXT


def test_the_variants_really_differ_in_bytes() -> None:
    variants = {encoded(e, end) for e in ENCODINGS for end in LINE_ENDS.values()}
    # GBK and GB18030 agree on every character the sample has.
    assert len(variants) == (len(ENCODINGS) - 1) * len(LINE_ENDS)
    assert encoded("utf-8-sig", "\n").startswith(codecs.BOM_UTF8)


VARIANTS = [
    pytest.param(encoding, end, id=f"{encoding}-{end}")
    for encoding in ENCODINGS
    for end in LINE_ENDS
    if (encoding, end) != REFERENCE
]


@pytest.mark.parametrize(("encoding", "end"), VARIANTS)
def test_every_encoding_and_line_end_gives_byte_identical_pages(
    encoding: str,
    end: str,
    reference: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = convert_variant(tmp_path / "variant", encoded(encoding, LINE_ENDS[end]), monkeypatch)
    got, want = pages(docs), pages(reference)
    assert "2023/07/01.md" in want
    assert sorted(got) == sorted(want)
    differing = [name for name in want if got[name] != want[name]]
    assert not differing, f"{encoding}/{end}: pages differ from UTF-8/LF: {differing}"
    # The cache keys on the export's bytes (they differ); what it records does not.
    assert cache_entries(docs) == cache_entries(reference)


# --- bytes no encoding accepts ------------------------------------------------------


def with_bad_byte(encoding: str, line_end: str) -> tuple[bytes, int]:
    """The variant with BAD_BYTE at the start of line BAD_LINE, and its file offset."""
    lines = SAMPLE_TEXT.split("\n")
    before = line_end.join(lines[: BAD_LINE - 1]) + line_end
    offset = len(before.encode(encoding))  # counts the byte-order mark, if any
    data = encoded(encoding, line_end)
    assert data[:offset] == before.encode(encoding)
    return data[:offset] + BAD_BYTE + data[offset:], offset


BAD_BYTE_VARIANTS = [
    pytest.param("utf-8", "LF", id="utf-8-LF"),
    pytest.param("utf-8", "CRLF", id="utf-8-CRLF"),
    pytest.param(
        "utf-8",
        "CR",
        id="utf-8-CR",
    ),
    pytest.param(
        "utf-8-sig",
        "LF",
        id="utf-8-sig-LF",
    ),
    pytest.param(
        "gb18030",
        "LF",
        id="gb18030-LF",
    ),
]


@pytest.mark.parametrize(("encoding", "end"), BAD_BYTE_VARIANTS)
def test_an_undecodable_byte_is_an_error_naming_file_line_and_offset(
    encoding: str, end: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, offset = with_bad_byte(encoding, LINE_ENDS[end])
    (tmp_path / NAME).write_bytes(data)
    monkeypatch.chdir(tmp_path)

    run = convert(NAME, "--out", "docs")

    assert run.code == 1
    errors = [line for line in run.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.err
    assert errors[0].startswith(f"error: {NAME}:{BAD_LINE}: "), errors[0]
    assert f"byte offset {offset} " in errors[0], errors[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME], "something was written"
