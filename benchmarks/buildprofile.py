"""Where ``mkdocs build`` spends its time: a cProfile run read back by part.

Takes a ``python -m cProfile -o FILE -m mkdocs build`` output and gives the
cumulative seconds of the build's parts, each named by the functions that make it.
A profiled build runs about twice as slowly as a plain one; the parts' shares of the
build are what to read, not their seconds.
"""

from __future__ import annotations

import pstats
from pathlib import Path

# part → (module path inside site-packages, function names whose cumulative time counts).
# Hooks of one plugin never call each other, so their times add up; the same holds
# for the page steps of MkDocs' build.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "build": ("mkdocs/commands/build.py", ("build",)),
    "markdown": ("mkdocs/commands/build.py", ("_populate_page",)),
    "templates": ("jinja2/environment.py", ("render",)),
    "templates_nav": ("material/templates/partials/nav.html", ("root",)),
    # Material's search plugin: only the bare build has it (the site's search index is
    # written after the build, by python -m sitesearch).
    "search_plugin": (
        "material/plugins/search/plugin.py",
        ("on_config", "on_page_context", "on_post_build", "on_pre_build", "on_serve"),
    ),
    "write_files": ("mkdocs/utils/__init__.py", ("write_file",)),
}


def parts(stats_file: Path) -> dict[str, float]:
    """Cumulative seconds of each part of PARTS (0 for a part that did not run)."""
    stats = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
    found = dict.fromkeys(PARTS, 0.0)
    for (path, _, function), (_, _, _, cumulative, _) in stats.items():
        module = path.split("site-packages/")[-1]
        for part, (where, functions) in PARTS.items():
            if module == where and function in functions:
                found[part] += cumulative
    return found


if __name__ == "__main__":
    import sys

    for part, seconds in parts(Path(sys.argv[1])).items():
        print(f"{part:15} {seconds:8.2f} s")
