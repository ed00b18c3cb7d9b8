"""The archive-scale benchmark: ``make bench`` (or ``python -m benchmarks.run``).

For each size N it makes a scratch project (the repository's configuration,
overrides, vocabularies and hand-made docs, plus N synthetic issue exports from
``benchmarks.generate``) and measures, with the command that reproduces each figure:
the converter on one core and on all cores, the ``make site`` steps (convert,
``mkdocs build --strict``, ``python -m sitesearch docs site``) against a bare MkDocs +
Material build of the same Markdown (with Material's own search), a rebuild after
one page is edited (and the search index written again), page, site and search index
sizes, the offline edition, and (at the largest N) search in Chromium: the site's own
search hosted and offline from file:// (one query repeated, and a set of cold
queries drawn from the archive's pages: ``benchmarks.search_scale``), Material's
search on the bare build, and Pagefind as a comparison. Results go to
``benchmarks/results.json``; ``BENCHMARKS.md`` is rendered from them
(``benchmarks.report``).

Usage: python -m benchmarks.run [--sizes 12 120 240] [--quick] [--results FILE]
       [--markdown FILE] [--work DIR] [--keep] [--large-exports [MB ...]]
       [--vocabulary sample|growing]

``--vocabulary`` is passed to ``benchmarks.generate``: ``sample`` (the default) keeps
the sample's words in every issue; ``growing`` draws the text from a word-frequency
list, so the archive's vocabulary (and its search index) grows with N.

``--quick`` measures every figure once (no repetitions) and skips the very large
exports; with ``--sizes 2`` it is the smoke run that ``tests/test_bench.py`` keeps from
rotting.

After the sizes, the very large exports (``--large-exports``, default 20 and 50 MB):
the sample issue repeated into one export of that size, converted once, its wall
time, CPU time and peak RSS set against the limits in ``benchmarks.report``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import buildprofile, report
from benchmarks.measure import Measured, run
from benchmarks.search import OTHER_QUERY, QUERY, SearchRun, first_result, warm_latency
from benchmarks.search_scale import SEARCH_FILES, Cold, cold, sample_queries, summary
from tools.browser import chromium, serve
from tools.build import SITE_FILES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
# What a scratch project copies from the repository (as `make site` reads them).
PROJECT_FILES = (*SITE_FILES, "data")
STATIC_DOCS = ("assets", "stylesheets")  # assets/ holds the search client
STATIC_COPY = "static-docs"  # the hand-made docs, copied into each fresh docs folder
DEFAULT_SIZES = (12, 120, 240)
# Timed runs of each converter command, of `make site` and the bare build, and of
# each search (the median is reported); --quick runs each once.
REPEATS = 3
# Cold queries (each in a fresh page) of the site's own search at the largest N,
# phrases drawn from the archive's pages; --quick types fewer.
COLD_QUERIES = 12
QUICK_COLD_QUERIES = 3
# The article of the first issue edited for the incremental rebuild, and the edit.
EDITED_PAGE = "01.md"
EDIT = "\n\n（基准测试：编辑后重新构建。）\n"
# The same Markdown built by MkDocs + Material with nothing of the project's own:
# the baseline of "within 1.2× of a bare build". It inherits the converter's nav.
BARE_CONFIG = """\
INHERIT: docs/.nav.yml
site_name: 标准化动态
theme:
  name: material
  language: zh
  features:
    - navigation.prune
plugins:
  - search
"""
# The bare build runs in a venv of requirements/site.txt alone (made here when missing):
# without jieba, Material's search indexes Chinese as a user of Material has it. With
# jieba installed (the bench extra, this venv) it segments Chinese with it and takes
# about twice as long; that build is measured too, for reference, never the verdict.
BARE_VENV = ROOT / ".cache" / "bench-bare"
HAS_JIEBA = "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('jieba') else 1)"
PAGEFIND_PAGE = "pagefind-bench.html"
ZENSICAL_FOLDER = "zensical"  # in the project: where Zensical builds its copy
# The site's search index, written into a built site after `mkdocs build`.
INDEX_FOLDER = "search"


# --- figures ------------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    n: int
    value: float
    unit: str
    command: str
    samples: list[float] = field(default_factory=list)


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(
        self, key: str, n: int, value: float, unit: str, command: str, samples: Sequence[float] = ()
    ) -> None:
        self.figures.append(Figure(key, n, round(value, 3), unit, command, list(samples)))


# --- commands, run and shown --------------------------------------------------------


@dataclass(frozen=True)
class Project:
    """A scratch project: the repository's configuration plus N synthetic exports."""

    folder: Path
    n: int
    log: Path
    vocabulary: str = "sample"

    @property
    def exports(self) -> list[Path]:
        return sorted((self.folder / "archive").glob("*.txt"))

    def shown(self, argv: Sequence[str], prepare: str = "") -> str:
        """The command as a reader reruns it: in $P, the repository's venv python."""
        words = []
        for word in argv:
            if word == sys.executable:
                words.append("python")
            elif word.startswith(str(ROOT) + "/"):
                words.append("$REPO/" + word.removeprefix(str(ROOT) + "/"))
            else:
                words.append(shlex.quote(word.replace(str(self.folder), "$P")))
        exports = " ".join(f"archive/{p.name}" for p in self.exports)
        line = " ".join(words).replace(exports, "archive/*.txt")
        return f"cd $P && {prepare}{line}"

    def run(self, argv: Sequence[str]) -> Measured:
        return run(argv, self.folder, self.log)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def mkdocs(*args: str) -> list[str]:
    return python("-m", "mkdocs", "build", *args)


def sitesearch(site: str) -> list[str]:
    """The search index alone (`make site` writes it while MkDocs builds)."""
    return python("-m", "sitesearch", "docs", site)


def has_jieba(python: str) -> bool:
    return subprocess.run([python, "-c", HAS_JIEBA], check=False).returncode == 0


def bare_python(given: Path | None) -> str:
    """The bare build's python: ``given``, or BARE_VENV's (made from
    requirements/site.txt, with its hashes, when missing). Refused if jieba is there."""
    python = given or BARE_VENV / "bin" / "python"
    if given is None and not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BARE_VENV)], check=True)
        requirements = str(ROOT / "requirements" / "site.txt")
        install = [str(python), "-m", "pip", "install", "--quiet", "--require-hashes"]
        subprocess.run([*install, "-r", requirements], check=True)
    if has_jieba(str(python)):
        raise SystemExit(f"{python}: jieba is installed; the bare baseline must be without it")
    return str(python)


def site_build(*args: str) -> list[str]:
    """`make site`'s build step: `mkdocs build --strict` and the index side by side."""
    return python(str(ROOT / "tools" / "build.py"), *args)


def setup_command(n: int | str, vocabulary: str = "sample") -> str:
    static = " ".join(f"docs/{name}" for name in STATIC_DOCS)
    option = "" if vocabulary == "sample" else f" --vocabulary {vocabulary}"
    return (
        f'P=$(mktemp -d) && cp -r {" ".join(PROJECT_FILES)} "$P"/ && mkdir "$P/{STATIC_COPY}" '
        f'&& cp -r {static} "$P/{STATIC_COPY}"/ '
        f'&& python -m benchmarks.generate {n} "$P/archive"{option}   # in $REPO'
    )


def make_project(work: Path, n: int, vocabulary: str = "sample") -> Project:
    folder = work / f"n{n}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in PROJECT_FILES:
        copy(ROOT / name, folder / name)
    for name in STATIC_DOCS:
        copy(ROOT / "docs" / name, folder / STATIC_COPY / name)
    (folder / "mkdocs.bare.yml").write_text(BARE_CONFIG, encoding="utf-8")
    project = Project(folder, n, work / f"n{n}.log", vocabulary)
    generate = python("-m", "benchmarks.generate", str(n), str(folder / "archive"))
    generate += ["--sample", str(SAMPLE), "--vocabulary", vocabulary]
    run(generate, ROOT, project.log)
    return project


def copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def fresh_docs(project: Project, name: str) -> tuple[Path, str]:
    """A docs folder holding only the hand-made pages; and the shell words that make it."""
    docs = project.folder / name
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(project.folder / STATIC_COPY, docs)
    return docs, f"rm -rf {name} && cp -r {STATIC_COPY} {name} && "


def convert_argv(project: Project, out: str, *options: str) -> list[str]:
    exports = [f"archive/{p.name}" for p in project.exports]
    return python("-m", "converter", "convert", *exports, "--out", out, *options)


# --- the measurements ---------------------------------------------------------------


def bench_converter(project: Project, results: Results, repeats: int) -> None:
    """Issues/s and MB/s with --jobs 1 and --jobs 0, --reconvert into fresh docs."""
    megabytes = sum(p.stat().st_size for p in project.exports) / 1e6
    setup = setup_command(project.n, project.vocabulary)
    results.add("input_mb", project.n, megabytes, "MB", setup)
    for jobs in ("1", "0"):
        name = f"docs-j{jobs}"
        argv = convert_argv(project, name, "--jobs", jobs, "--reconvert")
        runs = []
        for _ in range(repeats):
            _, prepare = fresh_docs(project, name)
            runs.append(project.run(argv))
        shutil.rmtree(project.folder / name)
        command = project.shown(argv, prepare)
        seconds = statistics.median(r.seconds for r in runs)
        samples = [r.seconds for r in runs]
        key = f"convert_j{jobs}"
        results.add(f"{key}_s", project.n, seconds, "s", command, samples)
        results.add(f"{key}_issues_per_s", project.n, project.n / seconds, "issues/s", command)
        results.add(f"{key}_mb_per_s", project.n, megabytes / seconds, "MB/s", command)
        results.add(f"{key}_rss_mb", project.n, max(r.max_rss_mb for r in runs), "MB", command)
        results.add(
            f"{key}_tree_rss_mb", project.n, max(r.tree_rss_mb for r in runs), "MB", command
        )


def bench_site(
    project: Project,
    results: Results,
    repeats: int,
    keep_bare: bool = False,
    bare_with: str = sys.executable,
) -> None:
    """`make site` (convert cold, then a strict build with the search index written
    alongside) against the bare build, which has Material's own search, run by
    ``bare_with`` (a python without jieba: the baseline), and again by this python
    when it has jieba (for reference). The index alone is timed too, for reference
    (it is inside the build step's time).

    All are run in turns, ``repeats`` times each, and their medians compared, so
    that a slow spell of the machine weighs on all alike; wall time and CPU time.
    The bare build's folder (``site-bare``) is kept when ``keep_bare`` (search in
    Chromium uses it), else removed once its search index has been measured."""
    n = project.n
    argv = convert_argv(project, "docs", "--jobs", "0")  # as the Makefile
    build = site_build("--site-dir", "site")
    index = sitesearch("site")
    bare_options = ("build", "--strict", "-f", "mkdocs.bare.yml", "--site-dir")
    bare = [bare_with, "-m", "mkdocs", *bare_options, "site-bare"]
    jieba = mkdocs(*bare_options[1:], "site-bare-jieba") if has_jieba(sys.executable) else None
    converts: list[Measured] = []
    builds: list[Measured] = []
    indexes: list[Measured] = []
    bares: list[Measured] = []
    jiebas: list[Measured] = []
    for _ in range(repeats):
        _, prepare = fresh_docs(project, "docs")
        converts.append(project.run(argv))
        builds.append(project.run(build))
        indexes.append(project.run(index))
        bares.append(project.run(bare))
        if jieba:
            jiebas.append(project.run(jieba))
    bench_material_index(project, results)
    shutil.rmtree(project.folder / "site-bare-jieba", ignore_errors=True)
    if not keep_bare:
        shutil.rmtree(project.folder / "site-bare")
    # The converter again on the converted docs: with its cache (nothing to convert),
    # and without it, as in a fresh clone (the pages are committed, the cache is not).
    cached = project.run(argv)
    results.add("site_convert_cached_s", n, cached.seconds, "s", project.shown(argv))
    (project.folder / "docs" / ".convert-cache.json").unlink()
    uncached = project.run(argv)
    results.add(
        "site_convert_nocache_s",
        n,
        uncached.seconds,
        "s",
        project.shown(argv, "rm docs/.convert-cache.json && "),
    )
    command, build_command = project.shown(argv, prepare), project.shown(build)
    index_command, bare_command = project.shown(index), project.shown(bare)
    jieba_command = project.shown(jieba) if jieba else ""
    both = " && ".join([command, build_command.removeprefix("cd $P && ")])
    converted = statistics.median(m.seconds for m in converts)
    built = statistics.median(m.seconds for m in builds)
    bare_built = statistics.median(m.seconds for m in bares)
    total = converted + built
    for key, runs, shown in (
        ("site_convert", converts, command),
        ("site_build", builds, build_command),
        ("search_index", indexes, index_command),
        ("bare_build", bares, bare_command),
        ("bare_jieba_build", jiebas, jieba_command),
    ):
        if not runs:
            continue
        samples = [m.seconds for m in runs]
        results.add(f"{key}_s", n, statistics.median(samples), "s", shown, samples)
        results.add(f"{key}_rss_mb", n, max(m.max_rss_mb for m in runs), "MB", shown)
        cpu = [m.cpu_seconds for m in runs]
        results.add(f"{key}_cpu_s", n, statistics.median(cpu), "s", shown, cpu)
    cpu_total = statistics.median(m.cpu_seconds for m in converts) + statistics.median(
        m.cpu_seconds for m in builds
    )
    bare_cpu = statistics.median(m.cpu_seconds for m in bares)
    results.add("site_total_cpu_s", n, cpu_total, "s", both)
    results.add(
        "site_vs_bare_cpu_ratio",
        n,
        cpu_total / bare_cpu,
        "×",
        f"site_total_cpu_s / bare_build_cpu_s: {both} ; {bare_command.removeprefix('cd $P && ')}",
    )
    if jiebas:
        results.add(
            "site_vs_bare_jieba_ratio",
            n,
            total / statistics.median(m.seconds for m in jiebas),
            "×",
            f"site_total_s / bare_jieba_build_s: {both} ; "
            + jieba_command.removeprefix("cd $P && "),
        )
    results.add("site_total_s", n, total, "s", both)
    results.add("site_convert_share_pct", n, 100 * converted / total, "%", both)
    results.add(
        "site_vs_bare_ratio",
        n,
        total / bare_built,
        "×",
        f"site_total_s / bare_build_s: {both} ; {bare_command.removeprefix('cd $P && ')}",
    )
    results.add(
        "build_vs_bare_ratio",
        n,
        built / bare_built,
        "×",
        f"site_build_s / bare_build_s: {build_command} ; {bare_command.removeprefix('cd $P && ')}",
    )


MATERIAL_INDEX = "site-bare/search/search_index.json"
INDEXED_PAGES_COMMAND = (
    "cd $P && python -c \"import json; print(len({d['location'].split('#')[0] "
    f"for d in json.load(open('{MATERIAL_INDEX}'))['docs']}}))\""
)


def bench_material_index(project: Project, results: Results) -> None:
    """Material's whole search index, as the bare build writes it: the reference."""
    n = project.n
    index = (project.folder / MATERIAL_INDEX).read_bytes()
    results.add("material_index_mb", n, len(index) / 1e6, "MB", f"cd $P && wc -c {MATERIAL_INDEX}")
    results.add(
        "material_index_gzip_mb",
        n,
        len(gzip.compress(index, 6)) / 1e6,
        "MB",
        f"cd $P && gzip -6 -c {MATERIAL_INDEX} | wc -c",
    )
    results.add("material_index_pages", n, indexed_pages(index), "pages", INDEXED_PAGES_COMMAND)


def indexed_pages(index: bytes) -> int:
    """Pages (not sections) that have an entry in a search_index.json."""
    return len({doc["location"].split("#")[0] for doc in json.loads(index)["docs"]})


# meta.js: bulletinSearch.meta({"directoryUrls":true,"pages":…,"shards":…,"version":1});
META = re.compile(r"bulletinSearch\.meta\((\{.*\})\);", re.S)


def index_meta(site: Path) -> dict[str, Any]:
    """The search index's meta.js, read back: shards, pages, format version."""
    text = (site / INDEX_FOLDER / "meta.js").read_text(encoding="utf-8")
    found = META.search(text)
    if not found:
        raise ValueError(f"{site / INDEX_FOLDER / 'meta.js'}: no bulletinSearch.meta(…)")
    meta: dict[str, Any] = json.loads(found[1])
    return meta


def bench_sizes(project: Project, results: Results, page_limit_kb: float) -> None:
    """Per-page HTML sizes, the site's size and its search index's."""
    n, site = project.n, project.folder / "site"
    pages = sorted(site.rglob("*.html"))
    sizes = {page: page.stat().st_size / 1024 for page in pages}
    largest = max(pages, key=lambda page: sizes[page])
    articles = [page for page in pages if is_article(page.relative_to(site))]
    over = sorted(
        (str(page.relative_to(site)) for page in pages if sizes[page] > page_limit_kb),
        key=lambda name: -sizes[site / name],
    )
    command = (
        "cd $P && find site -name '*.html' -printf '%s %p\\n' | sort -n "
        "| awk '{s[NR]=$1; p[NR]=$2} END {print s[NR]/1024, p[NR]; print s[int((NR+1)/2)]/1024}'"
    )
    results.add("html_pages", n, len(pages), "pages", command)
    results.add("html_max_kb", n, sizes[largest], "KB", command)
    results.add("html_median_kb", n, statistics.median(sizes.values()), "KB", command)
    results.add(
        "html_article_max_kb",
        n,
        max((sizes[page] for page in articles), default=0.0),
        "KB",
        "cd $P && ls -l site/[0-9]*/[0-9]*/[0-9]*/index.html | sort -k5 -n | tail -1",
    )
    results.add("html_over_limit", n, len(over), "pages", command)
    results.details.setdefault("html_largest", {})[str(n)] = {
        "page": str(largest.relative_to(site)),
        "over_limit": [(name, round(sizes[site / name], 1)) for name in over[:10]],
    }
    results.add("site_mb", n, folder_bytes(site) / 1e6, "MB", "cd $P && du -s --bytes site")
    # The site's own index (python -m sitesearch docs site): every file under search/.
    index = site / INDEX_FOLDER
    files = [path for path in index.rglob("*") if path.is_file()]
    shards = [path for path in files if path.parent.name == "s"]
    meta = index_meta(site)
    meta_command = "cd $P && cat site/search/meta.js"
    results.add("index_pages", n, int(meta["pages"]), "pages", meta_command)
    results.add("index_shards", n, int(meta["shards"]), "shards", meta_command)
    results.add("index_files", n, len(files), "files", "cd $P && find site/search -type f | wc -l")
    results.add(
        "index_mb", n, folder_bytes(index) / 1e6, "MB", "cd $P && du -s --bytes site/search"
    )
    results.add(
        "index_largest_shard_kb",
        n,
        max((path.stat().st_size for path in shards), default=0) / 1024,
        "KB",
        "cd $P && ls -S -l site/search/s | sed -n 2p",
    )


def is_article(relative: Path) -> bool:
    """YYYY/MM/NN/index.html: an article page (issue and year pages are not)."""
    parts = relative.parts
    return len(parts) == 4 and all(part.isdigit() for part in parts[:3])


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def bench_offline(project: Project, results: Results) -> None:
    """`make offline`: the offline build with its search index, the zip."""
    n = project.n
    build = site_build("-f", "mkdocs.offline.yml", "--site-dir", "site-offline")
    built = project.run(build)
    command = project.shown(build)
    results.add("offline_build_s", n, built.seconds, "s", command)
    results.add("offline_build_rss_mb", n, built.max_rss_mb, "MB", command)
    results.add(
        "offline_index_mb",
        n,
        folder_bytes(project.folder / "site-offline" / INDEX_FOLDER) / 1e6,
        "MB",
        f"{command} && du -s --bytes site-offline/search",
    )
    archive = "dist/bulletin-offline.zip"
    zip_argv = python(
        str(ROOT / "scripts/make_zip.py"), "site-offline", archive, "bulletin-offline"
    )
    zipped = project.run(zip_argv)
    zip_command = project.shown(zip_argv).replace(str(ROOT), "$REPO")
    results.add("offline_zip_s", n, zipped.seconds, "s", zip_command)
    results.add(
        "offline_zip_mb",
        n,
        (project.folder / archive).stat().st_size / 1e6,
        "MB",
        f"{zip_command} && wc -c {archive}",
    )


def bench_zensical(project: Project, results: Results) -> None:
    """Zensical (the pinned version) builds the same docs/ with the same mkdocs.yml,
    in a copy of the project (it writes ``site/`` and ``.cache/`` where it runs)."""
    n, folder = project.n, project.folder / ZENSICAL_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(project.folder / "docs", folder / "docs")
    for name in SITE_FILES:
        copy(project.folder / name, folder / name)
    argv = [
        str(Path(sys.executable).with_name("zensical")),
        "build",
        "--strict",
        "-f",
        "mkdocs.yml",
    ]
    built = run(argv, folder, project.log)
    copied, there = " ".join(("docs", *SITE_FILES)), ZENSICAL_FOLDER
    setup = f"rm -rf {there} && mkdir {there} && cp -r {copied} {there}/ && cd {there} && "
    command = f"cd $P && {setup}zensical build --strict -f mkdocs.yml"
    results.add("zensical_build_s", n, built.seconds, "s", command)
    results.add("zensical_build_rss_mb", n, built.tree_rss_mb, "MB", command)
    pages = len(list((folder / "site").rglob("*.html")))
    results.add(
        "zensical_html_pages", n, pages, "", f"{command} && find site -name '*.html' | wc -l"
    )
    shutil.rmtree(folder)


def bench_rebuild(project: Project, results: Results) -> None:
    """Edit one article page, build again and write the search index again; then edit
    it again and build with --dirty (and the index again)."""
    n = project.n
    first_issue = sorted(project.folder.glob("docs/[0-9]*/[0-9]*/"))[0]
    page = first_issue / EDITED_PAGE
    shown_page = str(page.relative_to(project.folder))
    edit = f"printf '\\n\\nedit\\n' >> {shown_page} && "
    index = sitesearch("site")
    reindexed: list[float] = []
    # --dirty always warns ("inaccurate navigation"), so it cannot be strict.
    for key, options in (("rebuild_s", ("--strict",)), ("rebuild_dirty_s", ("--dirty",))):
        with page.open("a", encoding="utf-8") as text:
            text.write(EDIT)
        argv = mkdocs(*options, "--site-dir", "site")
        measured = project.run(argv)
        results.add(key, n, measured.seconds, "s", project.shown(argv, edit))
        reindexed.append(project.run(index).seconds)
    results.add(
        "reindex_s",
        n,
        statistics.median(reindexed),
        "s",
        project.shown(index) + "   # after each rebuild",
        reindexed,
    )


# --- search in Chromium (largest N only) --------------------------------------------


PAGEFIND_HTML = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><ul id="results"></ul>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
const query = new URLSearchParams(location.search).get("q") || %s;
const search = await pagefind.search(query);
const item = document.createElement("li");
item.className = "pagefind-result";
item.dataset.count = search.results.length;
if (search.results.length) {
  const first = await search.results[0].data();
  item.textContent = first.meta.title + " " + first.url;
} else {
  item.textContent = "(no results)";
}
document.getElementById("results").append(item);
</script></body></html>
"""


def search_bytes(run: SearchRun) -> int:
    """Bytes of the search files among those fetched before the first result."""
    return sum(f.bytes for f in run.fetched if SEARCH_FILES.match(f.path))


def bench_search(project: Project, results: Results, repeats: int, cold_queries: int) -> None:
    """The site's own search hosted and offline (QUERY, ``repeats`` loads each, and
    ``cold_queries`` phrases of the archive, one cold load each), Material's search
    on the bare build (hosted, QUERY), Pagefind on the built site (comparison)."""
    n, site = project.n, project.folder / "site"
    bare_site = project.folder / "site-bare"
    pagefind_argv = python("-m", "pagefind", "--site", "site")
    indexed = project.run(pagefind_argv)
    (site / PAGEFIND_PAGE).write_text(PAGEFIND_HTML % json.dumps(QUERY), encoding="utf-8")

    def record(prefix: str, runs: list[SearchRun], command: str) -> None:
        median = sorted(runs, key=lambda r: r.first_result_ms)[len(runs) // 2]
        samples = [r.first_result_ms for r in runs]
        results.add(f"{prefix}_first_result_ms", n, median.first_result_ms, "ms", command, samples)
        results.add(f"{prefix}_results", n, median.results, "results", command)
        if median.index_loaded_ms:
            results.add(f"{prefix}_index_loaded_ms", n, median.index_loaded_ms, "ms", command)
        results.add(f"{prefix}_load_event_ms", n, median.load_event_ms, "ms", command)
        results.add(f"{prefix}_bytes_kb", n, median.bytes_before_result / 1024, "KB", command)
        results.add(f"{prefix}_gzip_kb", n, median.gzip_bytes_before_result / 1024, "KB", command)
        results.add(f"{prefix}_search_kb", n, search_bytes(median) / 1024, "KB", command)
        results.add(
            f"{prefix}_longest_task_ms",
            n,
            max(r.longest_task_ms for r in runs),
            "ms",
            command,
            [r.longest_task_ms for r in runs],
        )
        results.details[f"{prefix}_search"] = {
            "first_result": median.first_result_text,
            "long_tasks": median.long_tasks,
            "fetched": [asdict(f) for f in median.fetched],
        }

    shown_url = "benchmarks/search.py first_result({url}), as python -m benchmarks.run runs it"
    offline_site = project.folder / "site-offline"
    kinds = (
        (
            "hosted",
            lambda base, _: (base, site, True),
            f"cd $P && python -m http.server -d site; in Chromium open / and type {QUERY}: "
            + shown_url.format(url="http://127.0.0.1:PORT/"),
        ),
        (
            "offline",
            lambda base, _: ((offline_site / "index.html").as_uri(), offline_site, True),
            f"in Chromium open file://$P/site-offline/index.html and type {QUERY}: "
            + shown_url.format(url="file://$P/site-offline/index.html"),
        ),
        (
            "material_hosted",
            lambda _, bare: (bare, bare_site, True),
            f"cd $P && python -m http.server -d site-bare; in Chromium open / and type "
            f"{QUERY}: " + shown_url.format(url="http://127.0.0.1:PORT/"),
        ),
        (
            "pagefind",
            lambda base, _: (base + PAGEFIND_PAGE, site, False),
            f"cd $P && python -m pagefind --site site; open /{PAGEFIND_PAGE}, which runs "
            f"pagefind.search({QUERY!r}) and shows the first result (or that there is none): "
            + shown_url.format(url=f"http://127.0.0.1:PORT/{PAGEFIND_PAGE}"),
        ),
        (
            "pagefind_other",
            lambda base, _: (f"{base}{PAGEFIND_PAGE}?q={OTHER_QUERY}", site, False),
            f"as for Pagefind, with /{PAGEFIND_PAGE}?q={OTHER_QUERY}",
        ),
    )
    queries, start = sample_queries(project.folder / "docs", cold_queries)
    with chromium() as browser, serve(site) as base, serve(bare_site) as bare_base:
        results.details["chromium"] = browser.version
        first_result(browser, base, site)  # warm-up, not counted: Chromium's first load
        for prefix, where, command in kinds:
            url, served, typed = where(base, bare_base)
            try:
                runs = [first_result(browser, url, served, typed) for _ in range(repeats)]
            except Exception as error:  # one kind failing must not lose the others
                results.details.setdefault("errors", []).append(f"{prefix}: {error}")
                continue
            record(prefix, runs, command)
        colds: dict[str, list[Cold]] = {"hosted": [], "offline": []}
        for query in queries:
            for edition, url, served in (
                ("hosted", f"{base}{start}/", site),
                ("offline", (offline_site / f"{start}.html").as_uri(), offline_site),
            ):
                try:
                    answered = first_result(browser, url, served, query=query)
                except Exception as error:
                    results.details.setdefault("errors", []).append(
                        f"{edition}, cold query {query}: {error}"
                    )
                    continue
                colds[edition].append(cold(answered, query))
        warms: dict[str, list[float]] = {"hosted": [], "offline": []}
        for query in queries:
            for edition, url in (
                ("hosted", f"{base}{start}/"),
                ("offline", (offline_site / f"{start}.html").as_uri()),
            ):
                try:
                    warms[edition].append(warm_latency(browser, url, query))
                except Exception as error:
                    results.details.setdefault("errors", []).append(
                        f"{edition}, warm query {query}: {error}"
                    )
    cold_command = (
        f"cd $REPO && python -m benchmarks.search_scale $P/docs $P/site $P/site-offline "
        f"--queries {cold_queries}"
    )
    for edition, loads in colds.items():
        if not loads:
            continue
        found = summary(loads)
        times = [r.first_result_ms for r in loads]
        kilobytes = [r.search_bytes / 1024 for r in loads]
        tasks = [r.longest_task_ms for r in loads]
        prefix = f"{edition}_cold"
        results.add(f"{prefix}_queries", n, len(loads), "queries", cold_command)
        results.add(f"{prefix}_median_ms", n, found["median_ms"], "ms", cold_command, times)
        results.add(f"{prefix}_worst_ms", n, found["worst_ms"], "ms", cold_command)
        results.add(f"{prefix}_median_kb", n, found["median_kb"], "KB", cold_command, kilobytes)
        results.add(f"{prefix}_worst_kb", n, found["worst_kb"], "KB", cold_command)
        results.add(
            f"{prefix}_longest_task_ms", n, found["longest_task_ms"], "ms", cold_command, tasks
        )
    warm_command = (
        "benchmarks/search.py warm_latency(): each cold query typed (one input event) into a "
        "fresh, loaded page of the same article (load event and network idle)"
    )
    for edition, times in warms.items():
        if times:
            key = f"{edition}_warm"
            results.add(f"{key}_median_ms", n, statistics.median(times), "ms", warm_command, times)
            results.add(f"{key}_worst_ms", n, max(times), "ms", warm_command)
    results.details["cold_search"] = {
        "start": start,
        "runs": {edition: [asdict(r) for r in loads] for edition, loads in colds.items()},
    }
    pagefind_command = project.shown(pagefind_argv)
    results.add("pagefind_index_s", n, indexed.seconds, "s", pagefind_command)
    results.add(
        "pagefind_index_mb",
        n,
        folder_bytes(site / "pagefind") / 1e6,
        "MB",
        f"{pagefind_command} && du -s --bytes site/pagefind",
    )
    shutil.rmtree(bare_site)


# --- where the build time goes (largest N only) ----------------------------------------


def bench_profile(project: Project, results: Results, bare_with: str = sys.executable) -> None:
    """cProfile one site build and one bare build (without jieba); each part's share."""
    for name, config, interpreter in (
        ("site", "mkdocs.yml", sys.executable),
        ("bare", "mkdocs.bare.yml", bare_with),
    ):
        stats = project.folder / f"profile-{name}.out"
        argv = [interpreter, "-m", "cProfile", "-o", stats.name, "-m", "mkdocs", "build", "-q"]
        argv += ["-f", config, "--site-dir", "site-profile"]
        project.run(argv)
        found = buildprofile.parts(stats)
        command = (
            project.shown(argv)
            + f" && (cd $REPO && python -m benchmarks.buildprofile $P/{stats.name})"
        )
        results.add(f"profile_{name}_build_s", project.n, found["build"], "s", command)
        for part, seconds in found.items():
            if part != "build":
                share = 100 * seconds / found["build"]
                results.add(f"profile_{name}_{part}_pct", project.n, share, "%", command)
        shutil.rmtree(project.folder / "site-profile")


# --- very large exports (not in --quick mode) ----------------------------------------

# The converter's summary line: "1 issues, 8448 articles, …".
CONVERTED_ARTICLES = re.compile(r"issues, (\d+) articles")


def children_cpu_s() -> float:
    """CPU time (user + system) of this process's finished children so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def bench_large_export(work: Path, megabytes: int, results: Results) -> None:
    """The sample repeated into one ``megabytes`` MB (MiB) export, converted once into
    a fresh docs folder: wall time, CPU time and peak RSS, for the limits in
    ``report.LARGE_EXPORT_TIME_LIMITS_S``. The figures have n = 1 (one issue)."""
    folder = work / f"large-{megabytes}mb"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sample = SAMPLE.read_bytes()
    copies = max(1, round(megabytes * 2**20 / len(sample)))
    export = folder / SAMPLE.name
    export.write_bytes(sample * copies)
    argv = python("-m", "converter", "convert", export.name, "--out", "docs")
    log = work / f"large-{megabytes}mb.log"
    cpu_before = children_cpu_s()
    measured = run(argv, folder, log)
    cpu = children_cpu_s() - cpu_before
    articles = CONVERTED_ARTICLES.findall(log.read_text(encoding="utf-8"))
    command = (
        f"L=$(mktemp -d) && python -c \"import sys; open(sys.argv[2], 'wb')"
        f".write(open(sys.argv[1], 'rb').read() * {copies})\" "
        f"$REPO/archive/{SAMPLE.name} $L/{SAMPLE.name} "
        f"&& cd $L && python -m converter convert {SAMPLE.name} --out docs"
    )
    key = f"large_{megabytes}mb"
    results.add(f"{key}_input_mb", 1, export.stat().st_size / 2**20, "MB", command)
    results.add(f"{key}_articles", 1, int(articles[-1]) if articles else 0, "articles", command)
    results.add(f"{key}_s", 1, measured.seconds, "s", command)
    results.add(f"{key}_cpu_s", 1, cpu, "s", command)
    results.add(f"{key}_rss_mb", 1, measured.max_rss_mb, "MB", command)
    shutil.rmtree(folder)


# --- the whole run ------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout
    total = next((line.split()[1] for line in memory.splitlines() if line.startswith("Mem:")), "?")
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return {"nproc": cores, "memory_gib": total, "cpu": cpu, "os": platform.platform()}


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    # jieba: the bare build's search plugin segments Chinese with it when installed, and
    # --vocabulary growing draws its words from jieba's dict.txt; the site does not use it.
    for name in ("mkdocs", "mkdocs-material", "jieba", "pagefind", "playwright"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


# The steps of one size, by the name --skip takes.
STEPS = ("converter", "site", "sizes", "offline", "search", "profile", "zensical", "rebuild")


def bench_size(
    work: Path,
    n: int,
    largest: bool,
    repeats: int,
    results: Results,
    say: Callable[[str], None],
    keep: bool = False,
    vocabulary: str = "sample",
    cold_queries: int = COLD_QUERIES,
    bare_with: str = sys.executable,
    skip: Sequence[str] = (),
) -> None:
    project = make_project(work, n, vocabulary)
    steps: list[tuple[str, str, Callable[[], None]]] = [
        ("converter", "converter", lambda: bench_converter(project, results, repeats)),
        (
            "site",
            "make site and the bare builds",
            lambda: bench_site(
                project, results, repeats, largest and "search" not in skip, bare_with
            ),
        ),
        ("sizes", "sizes", lambda: bench_sizes(project, results, report.PAGE_LIMIT_KB)),
        ("offline", "offline edition", lambda: bench_offline(project, results)),
    ]
    if largest:
        steps += [
            (
                "search",
                "search in Chromium",
                lambda: bench_search(project, results, repeats, cold_queries),
            ),
            (
                "profile",
                "where the build time goes",
                lambda: bench_profile(project, results, bare_with),
            ),
            ("zensical", "Zensical", lambda: bench_zensical(project, results)),
        ]
    steps.append(("rebuild", "rebuild after an edit", lambda: bench_rebuild(project, results)))
    for key, name, step in steps:
        if key in skip:
            continue
        load = os.getloadavg()[0]
        results.details.setdefault("load", []).append([n, name, round(load, 2)])
        say(f"N={n}: {name} (load average {load:.2f})")
        step()
    if not keep:
        shutil.rmtree(project.folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--quick", action="store_true", help="measure each figure once")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch projects")
    parser.add_argument(
        "--large-exports",
        type=int,
        nargs="*",
        metavar="MB",
        default=list(report.LARGE_EXPORT_TIME_LIMITS_S),
        help="sizes of the very large one-issue exports (none: skip them; --quick skips them)",
    )
    parser.add_argument(
        "--vocabulary",
        choices=("sample", "growing"),
        default="sample",
        help="the synthetic issues' text (benchmarks.generate --vocabulary; default sample)",
    )
    parser.add_argument(
        "--bare-python",
        type=Path,
        help=f"python of a venv without jieba for the bare build (default: {BARE_VENV}, "
        "made from requirements/site.txt when missing)",
    )
    parser.add_argument(
        "--skip",
        nargs="*",
        choices=STEPS,
        default=[],
        help="steps not run (their figures are missing, and BENCHMARKS.md says so)",
    )
    parser.add_argument("--repeats", type=int, help=f"timed runs of each (default {REPEATS})")
    args = parser.parse_args(argv)
    bare_with = bare_python(args.bare_python)
    repeats = args.repeats or (1 if args.quick else REPEATS)
    sizes = sorted(set(args.sizes))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    results = Results()
    started = dt.datetime.now(dt.UTC)

    def say(message: str) -> None:
        elapsed = (dt.datetime.now(dt.UTC) - started).total_seconds()
        print(f"[{elapsed:7.1f} s] {message}", file=sys.stderr, flush=True)

    for n in sizes:
        bench_size(
            work,
            n,
            n == sizes[-1],
            repeats,
            results,
            say,
            args.keep,
            args.vocabulary,
            QUICK_COLD_QUERIES if args.quick else COLD_QUERIES,
            bare_with,
            args.skip,
        )
        write(args, results, sizes, repeats, started)  # what is measured so far
    for megabytes in [] if args.quick else sorted(set(args.large_exports)):
        load = os.getloadavg()[0]
        results.details.setdefault("large_load", {})[str(megabytes)] = round(load, 2)
        say(f"very large export, {megabytes} MB (load average {load:.2f})")
        bench_large_export(work, megabytes, results)
        write(args, results, sizes, repeats, started)
    say(f"done: {args.results}, {args.markdown}")
    if args.work is None and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def write(
    args: argparse.Namespace, results: Results, sizes: list[int], repeats: int, started: dt.datetime
) -> None:
    data = {
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "repeats": repeats,
        "sizes": sizes,
        "vocabulary": args.vocabulary,
        "skipped": args.skip,
        "machine": machine(),
        "versions": {**versions(), "chromium": results.details.get("chromium", "?")},
        "setup": setup_command("N", args.vocabulary),
        "figures": [asdict(figure) for figure in results.figures],
        "details": results.details,
    }
    data["targets"] = report.targets(data)
    data["limits"] = report.limits(data)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    args.markdown.write_text(report.render(data), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
