"""The conversion cache: what each conversion depended on, read back safely."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from converter.cli import main
from converter.site.cache import (
    CACHE_FILE,
    PACKAGE_DIR,
    converter_hash,
    export_hash,
    inputs_hash,
    recorded_exports,
    render_cache,
)
from converter.vocabulary import DATA_DIR

SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"


def test_records_survive_a_round_trip(tmp_path: Path) -> None:
    recorded = {export_hash(b"a"): ("2023-07", converter_hash(), 23)}
    (tmp_path / CACHE_FILE).write_text(render_cache(recorded), encoding="utf-8")
    assert recorded_exports(tmp_path) == recorded


def test_the_cache_is_written_the_same_whatever_the_order(tmp_path: Path) -> None:
    one = {"b": ("2023-08", "c", 2), "a": ("2023-07", "c", 1)}
    assert render_cache(one) == render_cache(dict(reversed(list(one.items()))))


def test_a_missing_or_damaged_cache_only_costs_a_conversion(tmp_path: Path) -> None:
    assert recorded_exports(tmp_path) == {}
    (tmp_path / CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert recorded_exports(tmp_path) == {}
    (tmp_path / CACHE_FILE).write_text('{"exports": {"x": 3}}', encoding="utf-8")
    assert recorded_exports(tmp_path) == {}


@pytest.mark.parametrize(
    "damaged",
    [
        b'{"exports": []}',
        b"[]",
        b'{"exports": {"x": {"issue": "2023-07", "pages": "many"}}}',
        b'{"exports": {"x": {"pages": null}}}',
        '{"exports": {}}'.encode("gb18030") + b"\xff\xfe",
        b"\x00\x00",
    ],
)
def test_a_cache_of_any_shape_reads_as_empty(tmp_path: Path, damaged: bytes) -> None:
    (tmp_path / CACHE_FILE).write_bytes(damaged)
    assert recorded_exports(tmp_path) == {}


def test_a_damaged_cache_costs_a_conversion_not_the_run(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / CACHE_FILE).write_text('{"exports": []}', encoding="utf-8")
    err = io.StringIO()
    assert main(["convert", str(SAMPLE), "--out", str(docs)], io.StringIO(), err) == 0, err
    assert recorded_exports(docs)  # written again, whole


def test_hashes_are_short_and_follow_the_bytes() -> None:
    assert export_hash(b"abc") == export_hash(b"abc") != export_hash(b"abd")
    assert len(converter_hash()) == 16


@pytest.fixture
def converter_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The converter's package and vocabularies copied, to be edited."""
    package, data = tmp_path / "converter", tmp_path / "data"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DATA_DIR, data)
    return package, data


def test_the_copy_hashes_as_the_converter_does(converter_copy: tuple[Path, Path]) -> None:
    assert inputs_hash(*converter_copy) == converter_hash()


@pytest.mark.parametrize(
    "edited",
    ["data/tags.yml", "data/sections.yml", "converter/passes/tags.py", "converter/model.py"],
)
def test_editing_a_vocabulary_or_the_code_changes_the_hash(
    converter_copy: tuple[Path, Path], edited: str
) -> None:
    before = inputs_hash(*converter_copy)
    path = converter_copy[0].parent / edited
    path.write_bytes(path.read_bytes() + b"\n# edited\n")
    assert inputs_hash(*converter_copy) != before


def test_a_new_module_changes_the_hash(converter_copy: tuple[Path, Path]) -> None:
    before = inputs_hash(*converter_copy)
    (converter_copy[0] / "passes" / "new_pass.py").write_text("X = 1\n", encoding="utf-8")
    assert inputs_hash(*converter_copy) != before


def test_a_file_the_output_does_not_depend_on_leaves_the_hash(
    converter_copy: tuple[Path, Path],
) -> None:
    before = inputs_hash(*converter_copy)
    format_notes = converter_copy[0] / "FORMAT.md"
    format_notes.write_text(format_notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert inputs_hash(*converter_copy) == before
