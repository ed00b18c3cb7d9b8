"""The benchmark's synthetic archives (``benchmarks/generate.py``), at N = 3.

Both vocabularies are deterministic and convert as the sample does; the growing one
keeps the sample's layout character for character except its Chinese text, and its
archive holds more distinct words with every issue, while the sample's does not.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import jieba
import pytest

from benchmarks.generate import SAMPLE, generate
from converter.cli import main
from converter.model import Figure, Paragraph, Subheading, Table
from converter.passes import run_passes

COUNT = 3
ARTICLES = 22  # the sample's, in every synthetic issue
CHINESE = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("generated")
    return {
        vocabulary: generate(COUNT, folder / vocabulary, SAMPLE, vocabulary, seed=0)
        for vocabulary in ("sample", "growing")
    }


def contents(paths: list[Path]) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in paths}


def test_same_count_and_seed_give_byte_identical_exports(
    archives: dict[str, list[Path]], tmp_path: Path
) -> None:
    for vocabulary, paths in archives.items():
        again = generate(COUNT, tmp_path / vocabulary, SAMPLE, vocabulary, seed=0)
        assert contents(again) == contents(paths)
    assert [path.name for path in archives["growing"]] == [
        "2004-01.txt",
        "2004-02.txt",
        "2004-03.txt",
    ]


def test_another_seed_draws_other_words(archives: dict[str, list[Path]], tmp_path: Path) -> None:
    other = contents(generate(COUNT, tmp_path, SAMPLE, "growing", seed=1))
    assert other.keys() == contents(archives["growing"]).keys()
    for name, data in contents(archives["growing"]).items():
        assert other[name] != data


def test_growing_changes_only_chinese_characters(archives: dict[str, list[Path]]) -> None:
    """Same lines, same lengths, same spaces, punctuation, Latin text and numbers:
    the export's layout is the sample's; most Chinese characters are new."""
    for sample, growing in zip(archives["sample"], archives["growing"], strict=True):
        old = sample.read_text(encoding="utf-8").split("\n")
        new = growing.read_text(encoding="utf-8").split("\n")
        assert len(new) == len(old)
        changed = chinese = 0
        for before, after in zip(old, new, strict=True):
            assert len(after) == len(before), (before, after)
            for a, b in zip(before, after, strict=True):
                if CHINESE.match(a):
                    assert CHINESE.match(b), (before, after)
                    chinese += 1
                    changed += a != b
                else:
                    assert a == b, (before, after)
        assert changed > 0.9 * chinese


def test_growing_issues_read_as_their_sample_counterparts(
    archives: dict[str, list[Path]],
) -> None:
    """Dates, sections, authors, blocks, the table's grid and the footnotes come out
    as in the sample-vocabulary issue of the same month; the titles are new."""
    for sample, growing in zip(archives["sample"], archives["growing"], strict=True):
        old, new = (read(path) for path in (sample, growing))
        assert len(new) == len(old) == ARTICLES
        for before, after in zip(old, new, strict=True):
            assert after[1:] == before[1:]
            assert after[0] != before[0]


def read(path: Path) -> list[tuple[object, ...]]:
    issue = run_passes(path.read_bytes(), str(path)).issue
    assert issue is not None
    return [
        (
            article.title,
            article.date,
            article.section,
            article.authors,
            tuple(shape(block) for block in article.blocks),
            tuple((note.number, note.linked) for note in article.footnotes),
        )
        for article in issue.articles
    ]


def shape(block: Paragraph | Subheading | Figure | Table) -> tuple[object, ...]:
    if isinstance(block, Table):
        return ("table", block.number, len(block.header), tuple(len(row) for row in block.rows))
    if isinstance(block, Figure):
        return ("figure", block.number)
    if isinstance(block, Paragraph):
        return ("paragraph", len(block.lines), len(block.text.notes))
    return ("subheading",)


def test_growing_vocabulary_adds_words_with_every_issue(archives: dict[str, list[Path]]) -> None:
    jieba.setLogLevel(60)
    counts: dict[str, list[int]] = {}
    for vocabulary, paths in archives.items():
        seen: set[str] = set()
        counts[vocabulary] = []
        for path in paths:
            text = path.read_text(encoding="utf-8")
            seen.update(word for word in jieba.lcut(text) if CHINESE.search(word))
            counts[vocabulary].append(len(seen))
    first, second, third = counts["growing"]
    assert first < second < third
    assert third - second > 0.1 * first  # not a trickle: thousands of new words an issue
    assert counts["sample"] == [counts["sample"][0]] * COUNT


def test_generated_exports_convert_without_errors(
    archives: dict[str, list[Path]], tmp_path: Path
) -> None:
    for vocabulary, paths in archives.items():
        out, err = io.StringIO(), io.StringIO()
        code = main(["convert", *map(str, paths), "--out", str(tmp_path / vocabulary)], out, err)
        assert code == 0, err.getvalue()
        assert "error" not in err.getvalue()
        assert f"{COUNT} issues, {COUNT * ARTICLES} articles" in out.getvalue()


def test_a_draw_the_converter_would_misread_is_not_kept(tmp_path: Path) -> None:
    """With only 一 to draw from, short paragraphs before a 、 would become
    subheadings ("一、…"); those keep the sample's text, and the issue converts."""
    words = tmp_path / "words.txt"
    words.write_text("一 5 m\n", encoding="utf-8")
    [path] = generate(1, tmp_path / "archive", SAMPLE, "growing", words=words)
    [sample] = generate(1, tmp_path / "sample", SAMPLE, "sample")
    new, old = read(path), read(sample)
    assert [article[1:] for article in new] == [article[1:] for article in old]
    assert "一一一一" in path.read_text(encoding="utf-8")
