"""The benchmark's quick mode, so that `make bench` cannot rot between its runs.

Runs ``python -m benchmarks.run --sizes 2 --quick`` into a temporary folder (about
15 s: every step of the real run, at N=2, measured once) and checks that
results.json has every figure BENCHMARKS.md shows, each a number with the command
that reproduces it, and a verdict for every target.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import report
from benchmarks.run import QUICK_COLD_QUERIES, bare_python

ROOT = Path(__file__).resolve().parent.parent
QUICK_SIZE = 2
pytestmark = [pytest.mark.site, pytest.mark.browser]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], str]:
    folder = tmp_path_factory.mktemp("bench")
    results, markdown = folder / "results.json", folder / "BENCHMARKS.md"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--sizes",
            str(QUICK_SIZE),
            "--quick",
            "--results",
            str(results),
            "--markdown",
            str(markdown),
            "--work",
            str(folder / "work"),
        ],
        check=True,
        cwd=ROOT,
    )
    return json.loads(results.read_text(encoding="utf-8")), markdown.read_text(encoding="utf-8")


def expected_keys() -> list[str]:
    keys = list(report.SIZE_ROWS)
    for column in report.SEARCH_COLUMNS:
        keys += [f"{column}_{row}" for row in report.SEARCH_ROWS if row != "index_loaded_ms"]
    # Only Material loads a whole index, whose arrival is timed.
    keys += ["material_hosted_index_loaded_ms", *report.EXTRA_ROWS]
    for column in report.COLD_COLUMNS:
        keys += [f"{column}_cold_{row}" for row in report.COLD_ROWS]
        keys += [f"{column}_warm_{row}" for row in report.WARM_ROWS]
    for name in ("site", "bare"):
        keys += [f"profile_{name}_build_s"]
        keys += [f"profile_{name}_{part}_pct" for part in report.PROFILE_ROWS]
    return keys


def test_every_figure_is_a_number_with_its_command(quick_run: tuple[dict, str]) -> None:
    data, _ = quick_run
    figures = {(f["key"], f["n"]): f for f in data["figures"]}
    missing = [key for key in expected_keys() if (key, QUICK_SIZE) not in figures]
    assert missing == [], f"results.json lacks {missing}"
    for figure in data["figures"]:
        value = figure["value"]
        assert isinstance(value, int | float) and math.isfinite(value), figure
        assert figure["command"].strip(), f"{figure['key']} has no command"


def test_sizes_are_plausible(quick_run: tuple[dict, str]) -> None:
    data, _ = quick_run
    value = {f["key"]: f["value"] for f in data["figures"]}
    assert value["html_pages"] > 2 * 22  # two issues of 22 articles, and more
    assert value["zensical_html_pages"] > 2 * 22
    assert value["index_pages"] > 2 * 22
    assert value["material_index_pages"] > 2 * 22
    assert value["site_build_s"] > 0 and value["bare_build_s"] > 0
    # The baseline without jieba, and the build with it (this venv has the bench extra).
    assert value["bare_build_cpu_s"] > 0 and value["bare_jieba_build_cpu_s"] > 0
    assert value["site_total_cpu_s"] > value["site_build_cpu_s"] > 0
    assert value["search_index_s"] > 0 and value["reindex_s"] > 0
    assert value["site_total_s"] > value["site_build_s"]  # conversion, then the build
    assert value["index_files"] > value["index_pages"] >= value["index_shards"] >= 1
    assert 0 < value["index_largest_shard_kb"] < value["index_mb"] * 1e6 / 1024
    assert value["offline_index_mb"] > 0 and value["offline_zip_mb"] > 0
    # Material fetches its whole index; the site's own search only part of its own.
    assert value["material_hosted_search_kb"] >= value["material_index_mb"] * 1e6 / 1024
    for edition in ("hosted", "offline"):
        assert value[f"{edition}_results"] > 0
        assert value[f"{edition}_search_kb"] > 0
        assert value[f"{edition}_cold_queries"] == QUICK_COLD_QUERIES  # every one answered
        assert 0 < value[f"{edition}_cold_median_kb"] <= value[f"{edition}_cold_worst_kb"]
        assert 0 < value[f"{edition}_warm_median_ms"] <= value[f"{edition}_warm_worst_ms"]
    assert value["material_hosted_results"] > 0


def test_every_target_has_a_verdict(quick_run: tuple[dict, str]) -> None:
    data, markdown = quick_run
    assert len(data["targets"]) == 11
    for target in data["targets"]:
        assert isinstance(target["met"], bool), target
        assert target["target"] in markdown
    for name in ("nproc", "memory_gib", "cpu"):
        assert data["machine"][name]
    for name in ("python", "mkdocs", "mkdocs-material", "chromium"):
        assert data["versions"][name] not in ("", "?", "not installed"), name


def test_quick_mode_skips_the_very_large_exports(quick_run: tuple[dict, str]) -> None:
    """Their limits are listed, not measured: the 20 and 50 MB conversions take minutes."""
    data, markdown = quick_run
    assert [f["key"] for f in data["figures"] if f["key"].startswith("large_")] == []
    listed = {limit["figure"] for limit in data["limits"]}
    for megabytes in report.LARGE_EXPORT_TIME_LIMITS_S:
        assert {report.large_key(megabytes, "s"), report.large_key(megabytes, "rss_mb")} <= listed
    assert all(limit["met"] is None for limit in data["limits"])
    assert "not run (`--quick`)" in markdown


def test_the_bare_baseline_refuses_a_python_with_jieba() -> None:
    """This venv has jieba (the bench extra): Material's search would segment with it."""
    with pytest.raises(SystemExit, match="jieba is installed"):
        bare_python(Path(sys.executable))
