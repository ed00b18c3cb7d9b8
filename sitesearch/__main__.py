"""``python -m sitesearch DOCS SITE``: write the search index of the pages in DOCS
into the built site SITE (``SITE/search/``).

``--urls`` says how MkDocs names pages (``directory``: ``2023/07/01/``; ``file``:
``2023/07/01.html``); without it the built SITE is looked at. With it, SITE may be
any folder, so the index can be written while MkDocs is still building
(``tools/build.py``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .index import (
    PageWeights,
    build_index,
    index_files,
    page_weights,
    uses_directory_urls,
    write_index,
)
from .pages import SearchPage, read_page

# Pages read (Markdown rendered, terms counted) per task in a worker process.
CHUNK = 64


def read_chunk(docs: Path, paths: list[Path]) -> list[tuple[SearchPage, PageWeights]]:
    pages = (read_page(docs, path) for path in paths)
    return [(page, page_weights(page)) for page in pages if page is not None]


def read_pages(docs: Path, chunk: int = CHUNK) -> tuple[list[SearchPage], list[PageWeights]]:
    """Every page to index with its terms' weights, in path order; on every core."""
    paths = sorted(docs.rglob("*.md"))
    chunks = [paths[start : start + chunk] for start in range(0, len(paths), chunk)]
    workers = min(os.cpu_count() or 1, len(chunks))
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(read_chunk, [docs] * len(chunks), chunks))
    else:
        done = [read_chunk(docs, chunk) for chunk in chunks]
    read = [item for chunk in done for item in chunk]
    return [page for page, _ in read], [weights for _, weights in read]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitesearch")
    parser.add_argument("docs", type=Path, help="the docs folder (Markdown pages)")
    parser.add_argument("site", type=Path, help="the built site to add search/ to")
    parser.add_argument(
        "--urls",
        choices=("directory", "file"),
        help="page URLs as MkDocs writes them (default: look at the built SITE)",
    )
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        sys.stderr.write(f"error: {args.site} is not a built site (run mkdocs build first)\n")
        return 2
    started = time.perf_counter()
    pages, weights = read_pages(args.docs)
    index = build_index(pages, weights)
    directory_urls = (
        args.urls == "directory" if args.urls else uses_directory_urls(args.site, pages)
    )
    files = index_files(index, directory_urls)
    write_index(args.site, files)
    size = sum(len(text.encode("utf-8")) for text in files.values())
    sys.stderr.write(
        f"search index: {len(pages)} pages, {len(index.postings)} terms, "
        f"{len(files)} files, {size / 1024:.0f} KB in {time.perf_counter() - started:.1f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
