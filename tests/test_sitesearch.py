"""The search index writer: tokenizer, pages read from docs/, and the index files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from converter.site.archive_pages import archive_pages
from converter.site.paths import SEARCH_PAGE
from sitesearch.__main__ import read_pages
from sitesearch.index import (
    build_index,
    client_contract,
    index_files,
    uses_directory_urls,
    weight,
    write_index,
)
from sitesearch.pages import SearchPage, markdown_text, meta_line, search_pages
from sitesearch.tokens import Kind, fnv1a, shard_of, terms_of, text_terms, tokenize

# --- tokenizer ------------------------------------------------------------------------


def terms(text: str) -> list[str]:
    return terms_of(tokenize(text))


def test_han_text_becomes_characters_and_overlapping_bigrams() -> None:
    assert terms("电动汽车") == ["电", "电动", "动", "动汽", "汽", "汽车", "车"]


def test_punctuation_and_spaces_end_a_han_run() -> None:
    assert terms("标准，化") == ["标", "标准", "准", "化"]
    assert terms("标准 化") == ["标", "标准", "准", "化"]


def test_latin_words_and_numbers_are_tokens_whatever_the_spacing() -> None:
    assert terms("IEC 62208:2023") == ["iec", "62208", "2023"]
    assert terms("IEC62208") == ["iec", "62208"]
    assert terms("ＩＥＣ　６２２０８") == ["iec", "62208"]  # full-width letters and digits


def test_chinese_next_to_latin_is_not_joined() -> None:
    tokens = tokenize("发布IEC标准")
    assert [(t.text, t.kind, t.joined) for t in tokens] == [
        ("发", Kind.HAN, False),
        ("布", Kind.HAN, True),
        ("iec", Kind.LATIN, False),
        ("标", Kind.HAN, False),
        ("准", Kind.HAN, True),
    ]


def test_token_offsets_point_into_the_original_text() -> None:
    text = "见 ＩＳＯ 9001。"
    assert [text[t.start : t.end] for t in tokenize(text)] == ["见", "ＩＳＯ", "9001"]


def test_characters_beyond_the_basic_plane_are_han() -> None:
    assert terms("𠀀𠀁") == ["𠀀", "𠀀𠀁", "𠀁"]


# --- pages ----------------------------------------------------------------------------


def test_markdown_text_keeps_what_a_reader_reads() -> None:
    body = (
        "缺口[^7]。\n\n| 序号 | 名称 |\n| --- | --- |\n| 1 | 甲 |\n\n"
        '<span class="search-keywords" aria-hidden="true">IEC62208</span>\n\n'
        "[^7]: 见 <https://a.org/x>。\n"
    )
    text = markdown_text(body)
    assert "缺口。" in text  # the footnote's number is not text
    assert "序号 名称" in text.replace("\n", " ")
    assert "IEC62208" not in text
    assert "见 https://a.org/x。" in text
    assert "↩" not in text


def test_meta_line_names_issue_date_and_section() -> None:
    fields = {"issue": "2023-07", "date": "2023-06-15", "section": "标准战略"}
    assert meta_line(fields) == "2023 年第 07 期 · 2023-06-15 · 标准战略"
    assert meta_line({}) == ""
    inferred = {**fields, "section_inferred": True}  # flagged to editors, not to readers
    assert meta_line(inferred) == "2023 年第 07 期 · 2023-06-15 · 标准战略"


def test_a_page_brings_the_fields_the_results_page_filters_by(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: 标题\ndate: 2023-06-15\nissue: 2023-07\nsection: 标准战略\n"
        "authors:\n- 周树斌\n- 孙玉琦\ntags:\n- 电池\n---\n\n正文。\n"
    )
    (tmp_path / "b.md").write_text("---\ntitle: 编辑加的页\nauthors: 不是列表\n---\n\n正文。\n")
    first, second = search_pages(tmp_path)
    assert (first.issue, first.date, first.section) == ("2023-07", "2023-06-15", "标准战略")
    assert (first.authors, first.tags) == (("周树斌", "孙玉琦"), ("电池",))
    assert (second.issue, second.date, second.section, second.authors) == ("", "", "", ())


def test_listing_pages_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("---\ntitle: 首页\nsearch:\n  exclude: true\n---\n\n# x\n")
    (tmp_path / "a.md").write_text("---\ntitle: A &amp; B\n---\n\n正文。\n")
    (found,) = search_pages(tmp_path)
    assert (found.path, found.title, found.text) == ("a", "A & B", "正文。")


# --- index ----------------------------------------------------------------------------

PAGES = [
    SearchPage("2023/07/01", "电动汽车路线图", "m1", "电动汽车。" * 3),
    SearchPage(
        "2023/07/02", "另一篇", "m2", "提到电动汽车一次，其余都是别的内容。" + "别的内容。" * 20
    ),
]


def test_weight_puts_the_title_in_the_low_bit_and_density_above() -> None:
    assert weight(1, 10, True) & 1 == 1
    assert weight(5, 100, False) > weight(1, 100, False)
    assert weight(1, 10, False) < weight(1, 10**6, False) + 1000  # capped, never negative


def test_the_client_contract_names_every_rule_the_client_follows() -> None:
    rules = client_contract()
    assert {"han", "latin", "digit", "keyLength", "titleBits"} <= set(rules)
    assert {"densityScale", "densitySmoothing", "densityCap"} <= set(rules)
    bits = rules["titleBits"]
    assert isinstance(bits, int)
    assert weight(3, 0, True) >> bits == weight(3, 0, False) >> bits > 0
    assert weight(3, 0, True) & ((1 << bits) - 1) == 1


def test_density_rounds_half_up_as_the_client_does() -> None:
    assert weight(1, 9_950, False) >> 1 == 1  # 10,000 / 10,000 terms
    assert weight(1, 19_950, False) >> 1 == 1  # 0.5 rounds up (Math.round), not to even


def test_an_authors_name_is_searched_like_the_title() -> None:
    by = SearchPage("2023/07/03", "光学时间传递", "m", "正文没有名字。", authors=("周树斌",))
    index = build_index([*PAGES, by])
    ((page_id, page_weight),) = index.postings_of("树斌")
    assert page_id == 2 and page_weight & 1 == 1
    _, (_, data) = load_script(index_files(index, True)["d/2.js"])
    assert data["a"] == ["周树斌"]  # type: ignore[index]
    _, (_, without) = load_script(index_files(index, True)["d/0.js"])
    assert "a" not in without  # type: ignore[operator]


def test_facets_are_columns_of_numbers_into_tables_of_names() -> None:
    pages = [
        SearchPage(
            "2004/01/01", "甲", "", "", ("李", "王"), "2004-01", "2003-12-30", "要闻", ("电池",)
        ),
        SearchPage("about", "关于", "", ""),
        SearchPage("2023/07/index", "2023 年第 07 期", "", "", issue="2023-07"),
        SearchPage(
            "2023/07/01",
            "乙",
            "",
            "",
            ("王",),
            "2023-07",
            "2023-06-15",
            "标准战略",
            ("电池", "ISO"),
        ),
    ]
    _, (found,) = load_script(index_files(build_index(pages), True)["f.js"])
    assert found == {
        "issues": ["2004-01", "2023-07"],
        "sections": ["标准战略", "要闻"],
        "tagNames": ["ISO", "电池"],
        "authorNames": ["李", "王"],
        "issue": [0, -1, 1, 1],
        "date": [20031230, -1, 20230701, 20230615],
        "section": [1, -1, -1, 0],
        "tags": [[1], [], [], [1, 0]],
        "authors": [[0, 1], [], [], [1]],
    }


def test_postings_hold_every_page_with_a_title_flag_and_density() -> None:
    index = build_index(PAGES)
    (first, first_weight), (second, second_weight) = index.postings_of("电动")
    assert (first, second) == (0, 1)
    assert first_weight & 1 == 1 and second_weight & 1 == 0
    assert first_weight >> 1 > second_weight >> 1


def load_script(text: str) -> tuple[str, list[object]]:
    call = re.fullmatch(r"bulletinSearch\.(\w+)\((.*)\);\n", text, re.DOTALL)
    assert call is not None, text[:80]
    return call.group(1), json.loads(f"[{call.group(2)}]")


def test_index_files_are_scripts_that_hand_their_data_over() -> None:
    files = index_files(build_index(PAGES), directory_urls=True)
    name, (meta,) = load_script(files["meta.js"])
    assert name == "meta" and meta == {
        "version": 2,
        "shards": meta["shards"],  # type: ignore[index]
        "pages": 2,
        "directoryUrls": True,
        "rules": client_contract(),
    }
    shards = meta["shards"]  # type: ignore[index]
    name, (number, terms_found) = load_script(files[f"s/{shard_of('电动', shards)}.js"])
    index = build_index(PAGES)
    expected_weights = [page_weight for _, page_weight in index.postings_of("电动")]
    assert name == "shard" and number == shard_of("电动", shards)
    assert terms_found["电动"][1::2] == expected_weights  # type: ignore[index]
    name, (page_id, page) = load_script(files["d/1.js"])
    assert (name, page_id, page["u"], page["t"]) == ("page", 1, "2023/07/02", "另一篇")  # type: ignore[index]


def test_postings_are_delta_coded() -> None:
    files = index_files(build_index(PAGES), directory_urls=True)
    shards = load_script(files["meta.js"])[1][0]["shards"]  # type: ignore[index]
    _, (_, found) = load_script(files[f"s/{shard_of('电动', shards)}.js"])
    ids = found["电动"][0::2]  # type: ignore[index]
    assert ids == [0, 1]  # page 0, then page 0 + 1


def test_the_same_pages_give_byte_identical_files() -> None:
    assert index_files(build_index(PAGES), True) == index_files(build_index(PAGES), True)


def test_directory_urls_are_read_from_the_built_site(tmp_path: Path) -> None:
    (tmp_path / "2023/07").mkdir(parents=True)
    assert uses_directory_urls(tmp_path, PAGES)
    (tmp_path / "2023/07/01.html").write_text("")
    assert not uses_directory_urls(tmp_path, PAGES)


def test_writing_replaces_the_old_index_whole(tmp_path: Path) -> None:
    write_index(tmp_path, {"meta.js": "a", "s/0.js": "b"})
    write_index(tmp_path, {"meta.js": "c"})
    assert sorted(p.name for p in (tmp_path / "search").rglob("*.js")) == ["meta.js"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".search")]


def test_writing_the_index_keeps_the_results_page_mkdocs_built(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.html").write_text("results page")
    write_index(tmp_path, {"meta.js": "a"})
    assert (tmp_path / "search" / "index.html").read_text() == "results page"
    assert (tmp_path / "search" / "meta.js").read_text() == "a"


def test_a_han_term_is_filed_by_itself_a_word_by_its_first_two_letters() -> None:
    assert shard_of("电动", 97) == fnv1a("电动") % 97
    assert shard_of("iso", 97) == shard_of("isolation", 97) == fnv1a("is") % 97
    assert shard_of("9001", 97) == shard_of("90", 97)


def test_fnv1a_is_the_32_bit_hash_of_utf16_code_units() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert fnv1a("𠀀") == 0xB722598D  # as JavaScript computes it over "\ud840\udc00"


def test_the_writers_fast_terms_are_the_tokenizers() -> None:
    for text in [
        "发布 IEC 62208:2023 标准。",
        "ＩＥＣ６２２０８与ISO/IEC 15118，DC-即服务（DCaaS）",
        "𠀀𠀁 名字 ﬁ ㎏ Ⅻ 2.0 版 e\u0301 café İstanbul",
        "",
    ]:
        fast, length = text_terms(text)
        assert sorted(fast) == sorted(terms_of(tokenize(text))), text
        assert length == len(tokenize(text))


def test_reading_pages_in_workers_gives_the_same_index(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number:02d}.md").write_text(
            f"---\ntitle: 第{number}篇\n---\n\n电动汽车{number}。\n"
        )
    read = list(read_pages(tmp_path, chunk=2))  # two chunks, in order
    pages, weights = [page for page, _ in read], [weights for _, weights in read]
    assert [page.path for page in pages] == ["00", "01", "02"]
    assert index_files(build_index(pages, weights), True) == index_files(build_index(pages), True)


def test_the_results_page_is_made_with_the_archive_pages_and_not_searched() -> None:
    page = archive_pages([], "https://example.org/", [])[SEARCH_PAGE]
    fields = yaml.safe_load(page.split("---\n")[1])
    assert fields["search"] == {"exclude": True} and fields["title"] == "搜索"
    assert "data-bs-page" in page
