"""The whole sample issue against its reviewed golden Markdown."""

import os
from pathlib import Path

import pytest

from tests.golden import GOLDEN, ROOT, convert_sample, tree


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out_dir = tmp_path_factory.mktemp("golden") / "docs"
    previous = Path.cwd()
    os.chdir(ROOT)  # the pages record the export's path as given, relative to the repo
    try:
        convert_sample(out_dir)
    finally:
        os.chdir(previous)
    return tree(out_dir)


def test_same_pages_as_the_golden_tree(converted: dict[str, bytes]) -> None:
    assert sorted(converted) == sorted(tree(GOLDEN))


def test_every_page_matches_the_golden_page(converted: dict[str, bytes]) -> None:
    golden = tree(GOLDEN)
    for name, content in converted.items():
        assert content.decode() == golden[name].decode(), (
            f"{name} differs from tests/golden/2023-07/{name}; "
            "if the change is intended, run `make golden` and review the diff"
        )
