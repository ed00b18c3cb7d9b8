"""The one reading of Markdown (``converter/site/reading.py``) against what MkDocs
renders: Python-Markdown with mkdocs.yml's extensions. The editors' check, the feed
and search read pages through it, so on the tricky cases they agree with the site."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from converter.check import check_docs
from converter.site.front_matter import page
from converter.site.reading import EXTENSIONS, LEFT_OUT, read
from sitesearch.pages import markdown_text

ROOT = Path(__file__).resolve().parent.parent


class IgnoreTags(yaml.SafeLoader):
    pass


IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def site_extensions() -> list[str | dict[str, object]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=IgnoreTags)
    return list(config["markdown_extensions"])


def names(extensions: list[str | dict[str, object]]) -> list[str]:
    return [item if isinstance(item, str) else next(iter(item)) for item in extensions]


def rendered_words(body: str) -> str:
    """The characters a reader sees on the page MkDocs renders from ``body``, in
    order (whitespace left out: the renderer's and the reading's line ends differ)."""
    configs = {
        name: options
        for item in site_extensions()
        if isinstance(item, dict)
        for name, options in item.items()
    }
    html = markdown.markdown(
        body, extensions=names(site_extensions()), extension_configs=configs or {}
    )
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select(
        'sup[id^="fnref"], a.footnote-backref, a.headerlink, [aria-hidden="true"], img'
    ):
        hidden.decompose()
    return "".join(soup.get_text().split())


def test_the_reading_uses_mkdocs_extensions_but_toc() -> None:
    site = names(site_extensions())
    assert [name for name in site if name not in LEFT_OUT] == list(EXTENSIONS)


TRICKY = {
    "inline code with a pipe in a table": (
        "| 代码 | 说明 |\n| --- | --- |\n| `a | b` | 竖线在代码里 |\n| c \\| d | 转义 |\n"
    ),
    "backticks and tildes open no fence here": (
        "```\n| a | b |\n[^2] 在代码里\n```\n\n~~~\n波浪线\n~~~\n"
    ),
    "footnotes": "正文[^1]，再次[^1]。\n\n[^1]: 见 <https://a.org/x>。\n",
    "raw HTML": (
        '<div class="note" markdown>\n**粗体** 与 [链接](a.md)\n</div>\n\n'
        '正文 <span class="search-keywords" aria-hidden="true">IEC62208</span> 续。\n\n'
        "<p>原样 <i>HTML</i> &amp; 实体</p>\n"
    ),
    "indented code": "段落。\n\n    [^3] 缩进的代码\n",
    "escapes": "\\*不是强调\\* 与 2022\\. 与 \\[^4]\n",
}


@pytest.mark.parametrize("body", TRICKY.values(), ids=TRICKY.keys())
def test_search_text_is_the_words_the_site_shows(body: str) -> None:
    assert "".join(markdown_text(body).split()) == rendered_words(body)


def test_a_pipe_in_inline_code_or_escaped_splits_no_cell() -> None:
    (rows,) = read(TRICKY["inline code with a pipe in a table"]).tables
    assert [row.cells for row in rows] == [2, 2, 2]


def test_backticks_and_tildes_are_text_not_fences_as_the_site_renders_them() -> None:
    reading = read(TRICKY["backticks and tildes open no fence here"])
    assert reading.tables == ()  # the "table" inside ``` is inline code
    assert list(reading.undefined_references()) == []  # so is its [^2]
    assert "~~~ 波浪线 ~~~" in " ".join(reading.plain_text().split())


GOOD_FRONT = {
    "title": "标题",
    "date": "2023-06-15",
    "issue": "2023-07",
    "section": "",
    "authors": ["甲"],
    "tags": [],
    "slug": 1,
}


def problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "2023/07/01.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page(GOOD_FRONT, body), encoding="utf-8")
    return [str(problem) for problem in check_docs(tmp_path)]


def test_check_agrees_with_the_site_on_the_tricky_cases(tmp_path: Path) -> None:
    for name in ("inline code with a pipe in a table", "backticks and tildes open no fence here"):
        assert problems(tmp_path, TRICKY[name]) == [], name
    # Indented code is code: its [^3] is no reference.
    assert problems(tmp_path, TRICKY["indented code"]) == []
    # An escaped bracket is text the site shows as "[^4]": a reference it never links.
    (found,) = problems(tmp_path, TRICKY["escapes"])
    assert "footnote [^4] has no definition" in found


def test_a_footnote_defined_twice_is_named_at_its_second_definition(tmp_path: Path) -> None:
    body = "正文[^1]。\n\n[^1]: 第一个。\n[^1]: 第二个，网站只显示它。\n"
    (found,) = problems(tmp_path, body)
    lines = page(GOOD_FRONT, body).split("\n")
    assert found.endswith(
        f":{lines.index('[^1]: 第二个，网站只显示它。') + 1}: footnote [^1] is defined twice"
    )


def test_a_ragged_row_is_named_at_its_line(tmp_path: Path) -> None:
    body = "| a | b |\n| --- | --- |\n| `x | y` | 2 |\n| 3 |\n"
    (found,) = problems(tmp_path, body)
    lines = page(GOOD_FRONT, body).split("\n")
    assert f":{lines.index('| 3 |') + 1}: table row has 1 cells where the header has 2" in found
