"""The conversion cache: what each conversion depended on, read back safely."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from converter.cli import main
from converter.site.cache import (
    CACHE_FILE,
    converter_hash,
    export_hash,
    recorded_exports,
    render_cache,
)

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


def test_hashes_are_short_and_stable() -> None:
    assert export_hash(b"abc") == export_hash(b"abc") != export_hash(b"abd")
    assert len(converter_hash()) == 16 and converter_hash() == converter_hash()
