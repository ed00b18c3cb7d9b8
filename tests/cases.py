"""Behaviour cases: small exports and what the converter makes of them.

Each folder of ``tests/cases/`` is one case, named for the one behaviour it shows:

- ``export.txt``: a small export, laid out exactly as the extractor lays out a real
  one (FORMAT.md): blocks, blank-line separators, the page indent, page numbers and
  the running header between pages, footnote rules and areas.
- ``README``: one or two lines saying what the case shows.
- ``PINS``: what of the converted pages the behaviour is about, one selector a line
  (``SELECTORS``: ``tables``, ``notes``, ``front-matter title date``…). A case pins
  only that, so a change elsewhere (the tag vocabulary, the landing page) leaves it
  alone; the whole pages are pinned once, by the golden sample (tests/golden/).
- ``expected.md``: what the selectors pick from the converted issue's pages, each
  fragment after a line ``<!-- page: 2023/07/01.md -->``, then a line
  ``<!-- warnings -->`` and the converter's warning lines, so that a case pins both.
  A conversion that fails gives ``<!-- error -->`` and the converter's error lines
  instead.
- ``XFAIL`` (only where the converter is wrong today): why. Its ``expected.md`` is
  the right output, written by hand, and regenerating leaves it alone.

``python -m tests.cases [NAME...]`` (run by ``make golden``) regenerates
``expected.md`` of every case, or of the cases named; read each diff against its
``export.txt`` before committing.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
EXPORT = "export.txt"
EXPECTED = "expected.md"
README = "README"
PINS = "PINS"
XFAIL = "XFAIL"
# The issue's own pages; the archive pages (home, year, navigation, feed, standards
# index) only repeat what these say.
ISSUE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+\.md$")
PAGE_MARK = "<!-- page: {} -->"
WARNINGS_MARK = "<!-- warnings -->"
ERROR_MARK = "<!-- error -->"


def case_folders() -> list[Path]:
    return sorted(path for path in CASES.iterdir() if path.is_dir())


def convert_case(folder: Path) -> str:
    """Convert the case's export (from inside its folder, so that the pages record
    the path ``export.txt``) and give what its ``PINS`` pick, to compare with
    ``expected.md``."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(folder):
        out_dir = Path(scratch) / "docs"
        args = ["convert", EXPORT, "--out", str(out_dir), "--site-url", "https://example.org/"]
        if main(args, out, err) != 0:
            return render_failure(err.getvalue())
        pages = {
            name: (out_dir / name).read_text(encoding="utf-8")
            for name in (p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.md"))
            if ISSUE_PAGE.match(name)
        }
    warnings = [line for line in err.getvalue().splitlines() if line.startswith("warning:")]
    return render_case(pinned_pages(pages, read_pins(folder)), warnings)


# --- what a case pins ---------------------------------------------------------------

LANDING_PAGE = "/index.md"
LANDING_SELECTOR = "contents"
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
Selector = Callable[[str, tuple[str, ...]], list[str]]


def read_pins(folder: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The case's selectors, each with its arguments; none is an error."""
    path = folder / PINS
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    pins = [(name, tuple(args)) for name, *args in (line.split() for line in lines if line)]
    unknown = [name for name, _ in pins if name not in SELECTORS]
    if not pins or unknown:
        raise ValueError(f"{folder.name}/{PINS}: one of {', '.join(SELECTORS)} a line")
    return pins


def body_blocks(page: str) -> list[str]:
    """The page after its front matter, cut at blank lines."""
    body = FRONT_MATTER.sub("", page, count=1)
    return [block.strip("\n") for block in body.split("\n\n") if block.strip()]


def front_matter(page: str, keys: tuple[str, ...]) -> list[str]:
    """Each key's lines in the front matter: ``key: value``, or ``key:`` and its list."""
    match = FRONT_MATTER.match(page)
    lines = match.group(1).splitlines() if match else []
    found = []
    for key in keys:
        for i, line in enumerate(lines):
            if line.startswith(f"{key}:"):
                end = next(
                    (j for j in range(i + 1, len(lines)) if not lines[j].startswith("- ")),
                    len(lines),
                )
                found.append("\n".join(lines[i:end]))
    return found


def blocks_where(test: Callable[[str], bool]) -> Selector:
    return lambda page, _: [block for block in body_blocks(page) if test(block)]


def is_paragraph(block: str) -> bool:
    return not block.startswith(("#", "|", "**表", "[^", "<"))


def contents(page: str, _: tuple[str, ...]) -> list[str]:
    """A landing page's contents: its sections and the articles under them."""
    body = FRONT_MATTER.sub("", page, count=1)
    start = body.find("## 本期目录")
    return [body[start:].strip("\n")] if start >= 0 else []


SELECTORS: dict[str, Selector] = {
    "front-matter": front_matter,
    "contents": contents,
    "tables": blocks_where(lambda block: block.startswith(("|", "**表"))),
    "notes": blocks_where(lambda block: "[^" in block),
    "headings": blocks_where(lambda block: block.startswith("#")),
    "figures": blocks_where(lambda block: block.startswith("<figure")),
    "paragraphs": blocks_where(is_paragraph),
}


def pinned_pages(
    pages: dict[str, str], pins: list[tuple[str, tuple[str, ...]]]
) -> list[tuple[str, str]]:
    """(page, fragment) for every fragment the selectors pick, in page order, each
    page's fragments in the order of ``pins``: ``contents`` from the landing page,
    the others from the articles' pages."""
    return [
        (name, fragment)
        for name in sorted(pages, key=page_order)
        for selector, args in pins
        if (selector == LANDING_SELECTOR) == name.endswith(LANDING_PAGE)
        for fragment in SELECTORS[selector](pages[name], args)
    ]


def page_order(name: str) -> tuple[bool, str]:
    """The landing page first, then the articles in order (01.md, 02.md…)."""
    stem = name.rsplit("/", 1)[1].removesuffix(".md")
    return (stem != "index", stem.zfill(8))


def render_case(fragments: list[tuple[str, str]], warnings: list[str]) -> str:
    parts = [PAGE_MARK.format(name) + "\n" + fragment + "\n" for name, fragment in fragments]
    parts.append(WARNINGS_MARK + "\n" + "".join(line + "\n" for line in warnings))
    return "".join(parts)


def render_failure(stderr: str) -> str:
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    return ERROR_MARK + "\n" + "".join(line + "\n" for line in errors or [stderr.strip()])


def regenerate(names: list[str]) -> int:
    folders = case_folders()
    known = {folder.name for folder in folders}
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"no such case: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for folder in folders:
        if names and folder.name not in names:
            continue
        if (folder / XFAIL).exists():
            print(f"kept {folder.name}/{EXPECTED} (XFAIL: written by hand)")
            continue
        (folder / EXPECTED).write_bytes(convert_case(folder).encode("utf-8"))
        print(f"wrote {folder.name}/{EXPECTED}")
    print(f"review with: git diff {CASES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(regenerate(sys.argv[1:]))
