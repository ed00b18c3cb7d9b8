"""The conversion cache: what each conversion depended on, read back safely."""

from __future__ import annotations

from pathlib import Path

from converter.site.cache import (
    CACHE_FILE,
    converter_hash,
    export_hash,
    recorded_exports,
    render_cache,
)


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


def test_hashes_are_short_and_stable() -> None:
    assert export_hash(b"abc") == export_hash(b"abc") != export_hash(b"abd")
    assert len(converter_hash()) == 16 and converter_hash() == converter_hash()
