"""The user dictionary jieba reads when MkDocs builds the search index.

Domain terms stay whole in the index ("智能网联汽车", not "智能网/联/汽车"), so a
reader's query for them, which Material cuts along the index's own words, matches.
Written by the converter into the docs folder as a hidden file (MkDocs does not
publish it); mkdocs.yml points ``search.jieba_dict_user`` at it.
"""

from __future__ import annotations

from pathlib import Path

from ..patterns import HAN_CHAR
from ..vocabulary import DATA_DIR, load_tags

SEARCH_DICT_FILE = ".search-dict.txt"
EXTRA_WORDS_FILE = "search-words.txt"
# jieba's frequency for a user word: high enough to win over the general
# dictionary's split of the same characters.
WORD_FREQUENCY = 100_000


def search_words(data_dir: Path | None = None) -> list[str]:
    folder = data_dir or DATA_DIR
    words = {alias for tag in load_tags(folder) for alias in tag.aliases if HAN_CHAR.search(alias)}
    extra = folder / EXTRA_WORDS_FILE
    if extra.exists():
        for line in extra.read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if word and not word.startswith("#"):
                words.add(word)
    return sorted(word for word in words if " " not in word)


def render_search_dict(data_dir: Path | None = None) -> str:
    return "".join(f"{word} {WORD_FREQUENCY}\n" for word in search_words(data_dir))
