"""The index writer: search pages → script files in the built site's ``search/``.

Every file is a script that hands its data to ``bulletinSearch`` (a global the
client defines), so the browser loads it with a ``<script>`` tag: that works over
http and from ``file://``, where fetch does not. Files:

- ``meta.js``: the format version, the number of shards, the number of pages,
  whether the site uses directory URLs (``2023/07/01/``) or files (``01.html``), and
  the contract the client follows (``client_contract``): how text is cut into terms
  and terms filed in shards (``tokens.contract``), and how a weight is packed and
  its density computed. The client has no copy of these rules' numbers.
- ``s/K.js``: shard K, the terms whose key hashes to K (``tokens.shard_of``: a
  Han term by itself, a word by its first two letters), with their postings: page
  ids (delta-coded) and a weight each.
- ``d/N.js``: page N's title, path, meta line, authors and text (for checking a
  phrase, ranking by its density, and the excerpt).
- ``f.js``: what the results page filters and sorts by, for every page (issue,
  date, section, tags, authors), as columns of small numbers into tables of names;
  loaded only by the results page, never before the first results in the box.

A posting's weight is ``density << TITLE_BITS | in_title``: the term's occurrences
per 10,000 terms of the page (smoothed for short pages, capped), shifted, plus one if
the term is in the title or an author's name (a name is a field, searched like the
title). The client ranks by it before it has read any page, and
computes a confirmed phrase's density by the same formula.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from converter.site.durable import replace_folder

from .pages import SearchPage
from .tokens import contract, shard_of, text_terms

FORMAT_VERSION = 2
# Aim for shards about this size: a query reads one shard per term it looks up.
SHARD_TARGET_BYTES = 24_000
DENSITY_SCALE = 10_000  # occurrences per this many terms of the page
DENSITY_SMOOTHING = 50  # terms added to every page's length, so a short page's one
DENSITY_CAP = 999  # mention does not outweigh a long page about the subject
TITLE_BITS = 1  # a weight's low bit: the term is in the title or an author's name
INDEX_FOLDER = "search"


@dataclass
class Index:
    """The pages (their ids are their places) and each term's postings: page id and
    weight, one after the other in a flat array of unsigned ints (at 240 issues, 11
    million postings: as tuples of ints they took ~900 MB, as arrays ~90 MB)."""

    pages: list[SearchPage] = field(default_factory=list)
    postings: dict[str, array[int]] = field(default_factory=dict)  # term → id, w, id, w…

    def add(self, page: SearchPage, weights: PageWeights) -> None:
        """The next page (its id is its place) with its terms' weights."""
        page_id = len(self.pages)
        self.pages.append(page)
        postings = self.postings
        for term, page_weight in weights.items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = array("I")
            found.append(page_id)
            found.append(page_weight)

    def postings_of(self, term: str) -> list[tuple[int, int]]:
        """(page id, weight) of each page holding ``term``, by page id."""
        found = self.postings.get(term, array("I"))
        return list(zip(found[0::2], found[1::2], strict=True))


def density(count: int, length: int) -> int:
    """Occurrences per ``DENSITY_SCALE`` terms, rounded half up (as the client's
    ``Math.round``), capped."""
    return min(DENSITY_CAP, math.floor(count * DENSITY_SCALE / (length + DENSITY_SMOOTHING) + 0.5))


def weight(count: int, length: int, in_title: bool) -> int:
    return density(count, length) << TITLE_BITS | int(in_title)


def client_contract() -> dict[str, object]:
    """The rules the client shares with this writer, for ``meta.js``."""
    return {
        **contract(),
        "titleBits": TITLE_BITS,
        "densityScale": DENSITY_SCALE,
        "densitySmoothing": DENSITY_SMOOTHING,
        "densityCap": DENSITY_CAP,
    }


PageWeights = dict[str, int]  # term → weight, for one page


def page_weights(page: SearchPage) -> PageWeights:
    """Every term of the page with its weight (title flag and density); an author's
    name counts as the title does."""
    title_terms, title_length = text_terms("\n".join([page.title, *page.authors]))
    body_terms, body_length = text_terms(page.text)
    counts = Counter(title_terms) + Counter(body_terms)
    length = title_length + body_length
    in_title = set(title_terms)
    return {term: weight(count, length, term in in_title) for term, count in counts.items()}


def build_index(pages: Iterable[SearchPage], weights: Iterable[PageWeights] | None = None) -> Index:
    """The index of ``pages`` (in order: their ids); ``weights``, if given, are their
    ``page_weights`` computed beforehand (in worker processes)."""
    if weights is None:
        return index_weighed((page, page_weights(page)) for page in pages)
    return index_weighed(zip(pages, weights, strict=True))


def index_weighed(weighed: Iterable[tuple[SearchPage, PageWeights]]) -> Index:
    """The index of pages that come with their weights, in order (their ids); each
    page's weights are let go once its postings are added."""
    index = Index()
    for page, weights in weighed:
        index.add(page, weights)
    return index


def encoded_postings(postings: array[int]) -> list[int]:
    """[id delta, weight, id delta, weight, …]: small numbers, short JSON."""
    encoded = postings.tolist()
    ids = encoded[0::2]
    encoded[2::2] = [after - before for before, after in pairwise(ids)]
    return encoded


def compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def shard_count(index: Index) -> int:
    size = sum(len(term) * 3 + 2 * len(postings) + 6 for term, postings in index.postings.items())
    return max(1, math.ceil(size / SHARD_TARGET_BYTES))


def index_files(index: Index, directory_urls: bool) -> dict[str, str]:
    """Every file of the index, keyed by path inside ``search/``."""
    shards = shard_count(index)
    grouped: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term, postings in index.postings.items():
        grouped[shard_of(term, shards)][term] = encoded_postings(postings)
    meta = {
        "version": FORMAT_VERSION,
        "shards": shards,
        "pages": len(index.pages),
        "directoryUrls": directory_urls,
        "rules": client_contract(),
    }
    files = {"meta.js": f"bulletinSearch.meta({compact(meta)});\n"}
    for number, terms in enumerate(grouped):
        files[f"s/{number}.js"] = f"bulletinSearch.shard({number},{compact(terms)});\n"
    for page_id, page in enumerate(index.pages):
        data: dict[str, object] = {"t": page.title, "u": page.path, "m": page.meta, "x": page.text}
        if page.authors:
            data["a"] = list(page.authors)
        files[f"d/{page_id}.js"] = f"bulletinSearch.page({page_id},{compact(data)});\n"
    files[FACETS_FILE] = f"bulletinSearch.facets({compact(facets(index.pages))});\n"
    return files


FACETS_FILE = "f.js"
NO_VALUE = -1  # a page without an issue, date or section (a page an editor added)


def date_number(date: str) -> int:
    """ "2023-06-15" → 20230615 (sorts as the date does); not a date: ``NO_VALUE``."""
    digits = date.replace("-", "")
    return int(digits) if len(date) == len("2023-06-15") and digits.isdigit() else NO_VALUE


def facets(pages: list[SearchPage]) -> dict[str, object]:
    """What the results page filters and sorts by, as columns (one entry per page, in
    page order) of numbers into sorted tables of names: ``issue`` and ``section``
    an index each (``NO_VALUE`` for none), ``date`` as YYYYMMDD (a page without a
    date, an issue's contents: the first of its issue's month), ``tags`` and
    ``authors`` a list of indexes each."""
    tables = {
        "issues": sorted({page.issue for page in pages if page.issue}),
        "sections": sorted({page.section for page in pages if page.section}),
        "tagNames": sorted({tag for page in pages for tag in page.tags}),
        "authorNames": sorted({name for page in pages for name in page.authors}),
    }
    places = {name: {value: i for i, value in enumerate(table)} for name, table in tables.items()}
    return {
        **tables,
        "issue": [places["issues"].get(page.issue, NO_VALUE) for page in pages],
        "date": [date_number(page.date or f"{page.issue}-01") for page in pages],
        "section": [places["sections"].get(page.section, NO_VALUE) for page in pages],
        "tags": [[places["tagNames"][tag] for tag in page.tags] for page in pages],
        "authors": [[places["authorNames"][name] for name in page.authors] for page in pages],
    }


def uses_directory_urls(site: Path, pages: list[SearchPage]) -> bool:
    """Did MkDocs build ``2023/07/01.md`` as ``2023/07/01/index.html`` (hosted) or as
    ``2023/07/01.html`` (the offline edition)?"""
    for page in pages:
        if not page.path.endswith("index"):
            return not (site / f"{page.path}.html").exists()
    return True


def keep_pages(built: Path, index: Path) -> None:
    """Move the pages MkDocs built in ``search/`` (the results page, ``index.html``)
    from the folder ``built`` into the index folder ``index`` that replaces it."""
    if built.is_dir():
        for page in sorted(built.glob("*.html")):
            page.replace(index / page.name)


def write_index(site: Path, files: dict[str, str]) -> None:
    """Replace ``site/search/`` with ``files`` in one step, keeping the results page
    that MkDocs built there."""
    target = site / INDEX_FOLDER
    staging = Path(tempfile.mkdtemp(prefix=".search.", dir=site))
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        keep_pages(target, staging)
        replace_folder(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
