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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from converter.diagnostics import one_line
from converter.lifetime import die_with_parent

from .index import (
    PageWeights,
    index_files,
    index_weighed,
    page_weights,
    uses_directory_urls,
    write_index,
)
from .pages import SearchPage, page_files, read_page

# Pages read (text taken from the Markdown, terms weighed) per task in a worker process.
CHUNK = 64


def read_chunk(docs: Path, paths: list[Path]) -> list[tuple[SearchPage, PageWeights]]:
    pages = (read_page(docs, path) for path in paths)
    return [(page, page_weights(page)) for page in pages if page is not None]


def refuse(path: Path) -> None:
    sys.stderr.write(
        f"warning: {one_line(str(path))}: not indexed: its address would not be a path "
        "of this site (a ':' before the first '/', a '\\' or a control character)\n"
    )


def read_pages(docs: Path, chunk: int = CHUNK) -> Iterator[tuple[SearchPage, PageWeights]]:
    """Every page to index with its terms' weights, in path order, read on every core
    and handed on chunk by chunk (the index keeps the postings, not the weights)."""
    paths = page_files(docs, refuse)
    chunks = [paths[start : start + chunk] for start in range(0, len(paths), chunk)]
    workers = min(os.cpu_count() or 1, len(chunks))
    if workers > 1:
        pool = ProcessPoolExecutor(
            max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
        )
        with pool:
            for done in pool.map(read_chunk, [docs] * len(chunks), chunks):
                yield from done
    else:
        for paths_of_chunk in chunks:
            yield from read_chunk(docs, paths_of_chunk)


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
    index = index_weighed(read_pages(args.docs))
    pages = index.pages
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
