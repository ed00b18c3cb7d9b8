"""Golden Markdown of the sample issue: ``python -m tests.golden`` regenerates it.

The golden tree is what the converter writes for ``archive/2023-07.txt``. It was
read against the export line by line; regenerate it only on purpose and review the
diff (``git diff tests/golden``) before committing.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from converter.cli import main
from converter.run import configured_site_url
from converter.site.cache import CACHE_FILE

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
GOLDEN = ROOT / "tests" / "golden" / "2023-07"


def convert_sample(out_dir: Path) -> None:
    site_url = configured_site_url(ROOT / "mkdocs.yml")
    code = main(
        ["convert", str(SAMPLE.relative_to(ROOT)), "--out", str(out_dir), "--site-url", site_url],
        io.StringIO(),
        io.StringIO(),
    )
    if code != 0:
        raise RuntimeError(f"converting the sample failed with exit code {code}")


def tree(folder: Path) -> dict[str, bytes]:
    """The pages of a docs folder (the conversion cache is state, not output)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != CACHE_FILE
    }


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = Path(scratch) / "docs"
        convert_sample(out_dir)
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(out_dir, GOLDEN, ignore=shutil.ignore_patterns(CACHE_FILE))
    print(f"wrote {GOLDEN.relative_to(ROOT)}; review with: git diff {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    regenerate()
    sys.exit(0)
