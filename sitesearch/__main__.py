"""``python -m sitesearch DOCS SITE``: write the search index of the pages in DOCS
into the built site SITE (``SITE/search/``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .index import build_index, index_files, uses_directory_urls, write_index
from .pages import search_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitesearch")
    parser.add_argument("docs", type=Path, help="the docs folder (Markdown pages)")
    parser.add_argument("site", type=Path, help="the built site to add search/ to")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        sys.stderr.write(f"error: {args.site} is not a built site (run mkdocs build first)\n")
        return 2
    started = time.perf_counter()
    pages = list(search_pages(args.docs))
    index = build_index(pages)
    files = index_files(index, uses_directory_urls(args.site, pages))
    write_index(args.site, files)
    size = sum(len(text.encode("utf-8")) for text in files.values())
    sys.stderr.write(
        f"search index: {len(pages)} pages, {len(index.postings)} terms, "
        f"{len(files)} files, {size / 1024:.0f} KB in {time.perf_counter() - started:.1f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
