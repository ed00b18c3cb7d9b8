"""The dateline check: a paragraph opening with "6 月 15 日，" starts an article, or
is explained as the article going on; otherwise it is reported."""

from __future__ import annotations

from converter.passes import convert_bytes
from tests.exports import export

PATH = "2023-07.txt"
OPENING = [" 本期概要 ", "本月要闻。 "]
FIRST = [" 机构评论 ", "甲组织发布报告 ", "6 月 1 日，甲组织发布报告。 "]


def dateline_warnings(*blocks: list[str]) -> tuple[list[str], str]:
    text = export(*blocks)
    _, diagnostics = convert_bytes(text.encode("utf-8"), PATH)
    return [str(w) for w in diagnostics.warnings if "dateline" in w.message], text


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_a_title_too_long_to_recognise_leaves_its_dateline_reported() -> None:
    warnings, text = dateline_warnings(
        OPENING,
        [
            *FIRST[:-1],
            "6 月 1 日，甲组织发布报告。（孙玉琦） ",
            # Four lines: no title has more than three, so this one is not seen and
            # its article is merged into the one before.
            "欧洲标准化委员会发布人工智能与信息通信技术专",
            "业标准化白皮书并说明其第二部分的主要内容和",
            "适用范围以及其第三部分的主要内容和适用范围",
            "及其附录 ",
            "6 月 30 日，欧洲标准化委员会发布白皮书。（贾宇婷） ",
        ],
    )
    dateline = line_of(text, "6 月 30 日")
    title = line_of(text, "欧洲标准化委员会")
    assert warnings == [
        f"{PATH}:{dateline}: a dateline opens this paragraph but no article starts here: "
        f"the paragraph before it (line {title}) does not close a sentence; "
        "a title may have been merged into the previous article"
    ]


def test_a_dateline_right_after_an_author_line_is_reported() -> None:
    warnings, text = dateline_warnings(
        OPENING,
        [
            *FIRST[:-1],
            "6 月 1 日，甲组织发布报告。（孙玉琦） ",
            "6 月 2 日，乙组织发布标准。（辛竹琳） ",
        ],
    )
    authors = line_of(text, "6 月 1 日")
    (warning,) = warnings
    assert warning.startswith(f"{PATH}:{line_of(text, '6 月 2 日')}: ")
    assert f"the paragraph before it (line {authors}) closes with an author line" in warning


def test_a_dateline_continuing_an_article_after_a_full_sentence_is_explained() -> None:
    warnings, _ = dateline_warnings(
        OPENING,
        [*FIRST, "6 月 20 日，该组织又发布了实施指南。（孙玉琦） "],
    )
    assert warnings == []


def test_a_dateline_after_a_subheading_is_explained() -> None:
    warnings, _ = dateline_warnings(
        OPENING,
        [*FIRST, "一、后续进展 ", "6 月 20 日，该组织又发布了实施指南。（孙玉琦） "],
    )
    assert warnings == []


def test_every_article_opening_with_its_dateline_gives_no_warning() -> None:
    warnings, _ = dateline_warnings(
        OPENING,
        [*FIRST[:-1], "6 月 1 日，甲组织发布报告。（孙玉琦） "],
        ["乙组织发布标准 ", "6 月 2 日，乙组织发布标准。（辛竹琳） "],
    )
    assert warnings == []
