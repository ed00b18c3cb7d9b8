"""The dictionary of domain words jieba keeps whole when the search index is built."""

from __future__ import annotations

from pathlib import Path

from converter.site.search_dict import WORD_FREQUENCY, render_search_dict, search_words
from converter.vocabulary import load_tags_file

TAGS = """\
organizations:
  - name: ISO
    aliases: [ISO, 国际标准化组织]
topics:
  - name: 电动汽车
    aliases: [电动汽车, EV charging]
"""


def vocabulary(folder: Path, extra: str | None = None) -> Path:
    (folder / "tags.yml").write_text(TAGS, encoding="utf-8")
    if extra is not None:
        (folder / "search-words.txt").write_text(extra, encoding="utf-8")
    load_tags_file.cache_clear()
    return folder


def test_chinese_aliases_are_words_latin_ones_are_not(tmp_path: Path) -> None:
    assert search_words(vocabulary(tmp_path)) == ["国际标准化组织", "电动汽车"]


def test_extra_words_are_added_without_comments_or_blank_lines(tmp_path: Path) -> None:
    folder = vocabulary(tmp_path, "# 说明\n\n智能网联汽车\n电动汽车\n有 空格\n")
    assert search_words(folder) == ["国际标准化组织", "智能网联汽车", "电动汽车"]


def test_every_word_gets_the_frequency_that_keeps_it_whole(tmp_path: Path) -> None:
    lines = render_search_dict(vocabulary(tmp_path)).splitlines()
    assert lines == [f"国际标准化组织 {WORD_FREQUENCY}", f"电动汽车 {WORD_FREQUENCY}"]
