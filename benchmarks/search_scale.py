"""Cold queries against the site's own search at archive scale, hosted and offline.

``python -m benchmarks.search_scale DOCS SITE SITE_OFFLINE [--queries 12]``: phrases
drawn (seeded) from the archive's own pages, each typed at once into a fresh page
(cold cache) of the site served on loopback and of the offline edition opened from
file://. Reports per edition the median and worst time from navigation start to the
first result, the bytes fetched for search before it (the index's files, the client
and the pages' data; not the page's own HTML, styles or Material's bundle), and the
longest main-thread task.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.search import SearchRun, first_result
from sitesearch.pages import search_pages
from tools.browser import chromium, serve

# The files a search fetches: the site's own index (search/) and client
# (assets/search/); for the designs it is compared with, Material's index (also under
# search/) and its search worker, and Pagefind's folder.
SEARCH_FILES = re.compile(r"^(search/|assets/search/|assets/javascripts/workers/search|pagefind/)")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


@dataclass
class Cold:
    query: str
    first_result_ms: float
    search_bytes: int
    search_requests: int
    longest_task_ms: float
    results: int


def sample_queries(docs: Path, count: int, seed: int = 0) -> tuple[list[str], str]:
    """Phrases of 2-5 Chinese characters from random article pages, and one article's
    path (the page the reader starts from)."""
    pages = [page for page in search_pages(docs) if re.search(r"/\d{2}$", page.path)]
    chooser = random.Random(seed)
    queries: list[str] = []
    while len(queries) < count:
        runs = HAN_RUN.findall(chooser.choice(pages).text)
        if not runs:
            continue
        run = chooser.choice(runs)
        length = chooser.randint(2, min(5, len(run)))
        start = chooser.randrange(len(run) - length + 1)
        phrase = run[start : start + length]
        if phrase not in queries:
            queries.append(phrase)
    return queries, pages[len(pages) // 2].path


def cold(run: SearchRun, query: str) -> Cold:
    searched = [f for f in run.fetched if SEARCH_FILES.match(f.path)]
    return Cold(
        query=query,
        first_result_ms=run.first_result_ms,
        search_bytes=sum(f.bytes for f in searched),
        search_requests=len(searched),
        longest_task_ms=run.longest_task_ms,
        results=run.results,
    )


def summary(runs: list[Cold]) -> dict[str, float]:
    times = [r.first_result_ms for r in runs]
    sizes = [r.search_bytes for r in runs]
    return {
        "median_ms": statistics.median(times),
        "worst_ms": max(times),
        "median_kb": statistics.median(sizes) / 1024,
        "worst_kb": max(sizes) / 1024,
        "longest_task_ms": max(r.longest_task_ms for r in runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("offline", type=Path)
    parser.add_argument("--queries", type=int, default=12)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries, start = sample_queries(args.docs, args.queries)
    results: dict[str, list[Cold]] = {"hosted": [], "offline": []}
    with chromium() as browser, serve(args.site) as base:
        for query in queries:
            hosted = first_result(browser, f"{base}{start}/", args.site, query=query)
            results["hosted"].append(cold(hosted, query))
            page = (args.offline / f"{start}.html").resolve()
            offline = first_result(browser, page.as_uri(), args.offline.resolve(), query=query)
            results["offline"].append(cold(offline, query))
    report = {edition: summary(runs) for edition, runs in results.items()}
    for edition, runs in results.items():
        print(f"{edition}: " + json.dumps(report[edition]))
        for r in runs:
            print(
                f"  {r.query}: {r.first_result_ms:.0f} ms, {r.search_bytes / 1024:.0f} KB "
                f"in {r.search_requests} files, task {r.longest_task_ms:.0f} ms, {r.results}"
            )
    if args.json:
        data = {
            e: {"summary": report[e], "runs": [asdict(r) for r in runs]}
            for e, runs in results.items()
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
