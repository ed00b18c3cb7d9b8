"""Building a site as `make site` does: MkDocs, then the search index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(project: Path, site: Path, config: str = "mkdocs.yml") -> None:
    """``mkdocs build --strict`` of ``project`` (its ``docs/`` and ``config``) into
    ``site``, then the search index of ``project/docs`` into ``site/search/``."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)],
        check=True,
        cwd=project,
    )
    subprocess.run(
        [sys.executable, "-m", "sitesearch", str(project / "docs"), str(site)],
        check=True,
        cwd=ROOT,
    )
