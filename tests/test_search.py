"""Chinese search as readers type it, in the built site, in real Chromium.

Each query of tests/search_queries.yml is typed into the search box; the test
reports recall@1 and recall@3 (the share of queries whose article is the first
result, or among the first three) and requires recall@3 >= 0.9.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from tools.browser import DESKTOP, search_results, serve

QUERIES = Path(__file__).with_name("search_queries.yml")
MIN_RECALL_AT_3 = 0.9
pytestmark = [pytest.mark.site, pytest.mark.browser]


def load_queries() -> list[dict[str, str]]:
    queries: list[dict[str, str]] = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return queries


def test_there_are_enough_queries() -> None:
    assert len(load_queries()) >= 30


def test_recall_of_the_query_set(
    built_site: Path, browser: Browser, capsys: pytest.CaptureFixture[str]
) -> None:
    ranks: list[tuple[str, str, int | None, list[str]]] = []
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(f"{base}2023/07/")
        for item in load_queries():
            found = [path.lstrip("/") for path in search_results(page, item["query"])]
            rank = found.index(item["expect"]) + 1 if item["expect"] in found else None
            ranks.append((item["query"], item["expect"], rank, found[:3]))
        page.close()
    at_1 = sum(rank == 1 for _, _, rank, _ in ranks) / len(ranks)
    at_3 = sum(rank is not None and rank <= 3 for _, _, rank, _ in ranks) / len(ranks)
    report = [f"search recall@1 = {at_1:.3f}, recall@3 = {at_3:.3f} over {len(ranks)} queries"]
    report += [
        f"  {'miss' if rank is None else f'#{rank}':>5}  {query} → {expect} (got {top})"
        for query, expect, rank, top in ranks
        if rank != 1
    ]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert at_3 >= MIN_RECALL_AT_3, "\n".join(report)
