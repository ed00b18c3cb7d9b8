"""Behaviour cases: small exports and what the converter makes of them.

Each folder of ``tests/cases/`` is one case, named for the one behaviour it shows:

- ``export.txt``: a small export, laid out exactly as the extractor lays out a real
  one (FORMAT.md): blocks, blank-line separators, the page indent, page numbers and
  the running header between pages, footnote rules and areas.
- ``README``: one or two lines saying what the case shows.
- ``expected.md``: the converted issue's pages (``index.md``, then ``01.md``…), each
  after a line ``<!-- page: 2023/07/01.md -->``, then a line ``<!-- warnings -->``
  and the converter's warning lines, so that a case pins both. A conversion that
  fails gives ``<!-- error -->`` and the converter's error lines instead.
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
from pathlib import Path

from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
EXPORT = "export.txt"
EXPECTED = "expected.md"
README = "README"
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
    the path ``export.txt``) and give the text to compare with ``expected.md``."""
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
    return render_case(pages, warnings)


def page_order(name: str) -> tuple[bool, str]:
    """The landing page first, then the articles in order (01.md, 02.md…)."""
    stem = name.rsplit("/", 1)[1].removesuffix(".md")
    return (stem != "index", stem.zfill(8))


def render_case(pages: dict[str, str], warnings: list[str]) -> str:
    parts = []
    for name in sorted(pages, key=page_order):
        text = pages[name]
        parts.append(PAGE_MARK.format(name) + "\n" + text + ("" if text.endswith("\n") else "\n"))
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
