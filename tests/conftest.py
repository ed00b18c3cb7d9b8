"""Session fixtures: the sample export, its converted docs folder and the built site.

The sample is converted once and the site built once per test session; tests that
need a folder of their own (the CLI tests) convert into ``tmp_path`` themselves.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from converter.cli import main
from tools.browser import chromium
from tools.build import build_site, copy_site_files

ROOT = Path(__file__).resolve().parent.parent
# The hand-made parts of the docs folder; everything else in it is generated.
STATIC_DOCS = ("assets", "stylesheets")  # assets/ holds the search client


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the built site or the browser is marked ``site`` or ``browser``
    even if its module forgot to, so that ``make quick`` (``-m "not site and not
    browser and not slow"``) never builds the site or starts Chromium. Tests that build
    a site of their own (or run the benchmark) still need the marker in their module."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "built_site" in fixtures and item.get_closest_marker("site") is None:
            item.add_marker(pytest.mark.site)
        if "browser" in fixtures and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def sample_export() -> Path:
    return ROOT / "archive" / "2023-07.txt"


@pytest.fixture(scope="session")
def converted_docs(sample_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A docs folder with the repository's static files and the sample converted into it."""
    project = tmp_path_factory.mktemp("project")
    docs = project / "docs"
    docs.mkdir()
    for name in STATIC_DOCS:
        source = ROOT / "docs" / name
        if source.is_dir():
            shutil.copytree(source, docs / name)
        else:
            shutil.copy2(source, docs / name)
    # As in the repository: the converter reads site_url (for the feed) from mkdocs.yml.
    copy_site_files(project)
    out, err = io.StringIO(), io.StringIO()
    code = main(["convert", str(sample_export), "--out", str(docs)], out, err)
    assert code == 0, f"converting the sample failed:\n{err.getvalue()}"
    return docs


@pytest.fixture(scope="session")
def built_site(converted_docs: Path) -> Path:
    """The site built with ``mkdocs build --strict`` from the converted docs folder.

    ``mkdocs.yml``, ``overrides/`` and ``hooks/`` sit next to the docs folder as in the
    repository (the configuration inherits ``docs/.nav.yml``; ``converted_docs`` put
    them there). A warning fails the build, and a failed build fails every test that
    uses the site; its output is shown by pytest.
    """
    project = converted_docs.parent
    site = project / "site"
    build_site(project, site)
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the session's browser tests."""
    with chromium() as launched:
        yield launched
