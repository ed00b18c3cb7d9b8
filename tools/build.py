"""Building a site as `make site` does: MkDocs, then the search index."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def checkout_env() -> dict[str, str]:
    """The environment for a site build in another folder: this checkout first on the
    import path, so the build loads this checkout's Markdown extension
    (``converter.site.footnote_numbers``), as the tests import its converter, rather
    than the copy an editable install of another checkout points to."""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def build_site(project: Path, site: Path, config: str = "mkdocs.yml") -> None:
    """``mkdocs build --strict`` of ``project`` (its ``docs/`` and ``config``) into
    ``site``, then the search index of ``project/docs`` into ``site/search/``."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)],
        check=True,
        cwd=project,
        env=checkout_env(),
    )
    subprocess.run(
        [sys.executable, "-m", "sitesearch", str(project / "docs"), str(site)],
        check=True,
        cwd=ROOT,
    )
