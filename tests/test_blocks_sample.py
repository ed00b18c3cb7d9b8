"""Edits of the real export (archive/2023-07.txt) that number its subheadings on two
levels and print its captions in other forms: each converts as the unmodified
export does, except for the deliberate change."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.model import Article, Block, Figure, Issue, Paragraph, Subheading
from converter.passes import convert_bytes

SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"
Shape = tuple[object, ...]


def convert(text: str) -> tuple[Issue, list[str]]:
    issue, diagnostics = convert_bytes(text.encode("utf-8"), "2023-07.txt")
    return issue, [warning.message for warning in diagnostics.warnings]


def block_shape(block: Block) -> Shape:
    if isinstance(block, Paragraph):
        return ("paragraph", block.text)
    if isinstance(block, Subheading):
        return ("subheading", block.text, block.level)
    if isinstance(block, Figure):
        return ("figure", block.number, block.printed_number, block.caption)
    return ("table", block.number, block.printed_number, block.caption, block.header, block.rows)


def article_shape(article: Article) -> Shape:
    notes = tuple((note.number, note.text, note.linked) for note in article.footnotes)
    blocks = tuple(block_shape(block) for block in article.blocks)
    return (article.title, article.date, article.section, article.authors, blocks, notes)


def issue_shapes(issue: Issue) -> list[Shape]:
    summary = tuple(block_shape(block) for block in issue.summary)
    return [("summary", summary), *(article_shape(article) for article in issue.articles)]


def edited(replacements: dict[int, str]) -> str:
    """The sample with lines (1-based) replaced; a replacement may hold several lines."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    for number, text in replacements.items():
        assert lines[number - 1].strip(), f"line {number} is not a text line"
        lines[number - 1] = text
    return "\n".join(lines)


def wrapped(first: str, second: str) -> str:
    """Two lines of one extractor block: an empty line between them (FORMAT.md §1)."""
    return f"{first}\n\n{second}"


def retouched(shapes: list[Shape], article: int, block: int, shape: Shape) -> list[Shape]:
    """``shapes`` with one block of one article (both 1-based) replaced."""
    result = list(shapes)
    title, date, section, authors, blocks, notes = result[article]
    assert isinstance(blocks, tuple)
    changed = (*blocks[: block - 1], shape, *blocks[block:])
    result[article] = (title, date, section, authors, changed, notes)
    return result


def block_index(shapes: list[Shape], article: int, kind: str, text: str) -> int:
    blocks = shapes[article][4]
    assert isinstance(blocks, tuple)
    return next(i for i, b in enumerate(blocks, start=1) if b[0] == kind and text in str(b))


def test_two_level_subheadings_nest_and_nothing_else_changes() -> None:
    original, original_warnings = convert(SAMPLE.read_text(encoding="utf-8"))
    changes = {
        622: ("一、拓展重点领域范围 ", "一、拓展重点领域范围", 1),
        646: ("（一）强化能效水平引领 ", "（一）强化能效水平引领", 2),
        662: ("（二）推动分类改造升级 ", "（二）推动分类改造升级", 2),
        697: ("二、做好工作统筹衔接 ", "二、做好工作统筹衔接", 1),
        715: ("（一）完善相关配套政策 ", "（一）完善相关配套政策", 2),
    }
    issue, warnings = convert(edited({line: new for line, (new, _, _) in changes.items()}))
    expected = issue_shapes(original)
    old_texts = ["一、拓展重点领域范围", "二、强化能效水平引领", "三、推动分类改造升级"]
    old_texts += ["四、做好工作统筹衔接", "五、完善相关配套政策"]
    for old, (_, text, level) in zip(old_texts, changes.values(), strict=True):
        at = block_index(expected, 2, "subheading", old)
        expected = retouched(expected, 2, at, ("subheading", text, level))
    assert issue_shapes(issue) == expected
    assert warnings == original_warnings


def test_captions_in_other_forms_and_wrapped_convert_as_the_sample() -> None:
    original, original_warnings = convert(SAMPLE.read_text(encoding="utf-8"))
    text = edited(
        {
            84: wrapped("表1：路线图提出的 37 个标准化缺口", "及相应的建议 "),
            1285: "图１、市场监管总局与广西壮族自治区人民政府签署战略合作协议 ",
            1345: " 图 2-1 NIST 科学家利用 LIPIT 方法测试材料抗穿刺行为示意图 ",
            1406: wrapped("图 3．NIST 新型量子设备的中心", "工作区域示意图 "),
            1461: "图 4.1：NIST 激光频率梳技术以飞秒精度同步地球上的时钟示意图 ",
        }
    )
    issue, warnings = convert(text)
    expected = issue_shapes(original)
    at = block_index(expected, 15, "figure", "LIPIT")
    figure = expected[15][4][at - 1]  # type: ignore[index]
    expected = retouched(expected, 15, at, (*figure[:2], "2-1", *figure[3:]))
    at = block_index(expected, 17, "figure", "飞秒")
    figure = expected[17][4][at - 1]  # type: ignore[index]
    expected = retouched(expected, 17, at, (*figure[:2], "4.1", *figure[3:]))
    assert issue_shapes(issue) == expected
    assert warnings == original_warnings


@pytest.mark.parametrize(
    "caption",
    [
        "表 1 路线图提出的 37 个标准化缺口及相应的建议 ",
        "表1路线图提出的 37 个标准化缺口及相应的建议 ",
        "表１、路线图提出的 37 个标准化缺口及相应的建议 ",
        wrapped("表 1．路线图提出的 37 个标准化", "缺口及相应的建议 "),
    ],
)
def test_the_table_caption_in_other_forms_gives_the_same_table(caption: str) -> None:
    original, original_warnings = convert(SAMPLE.read_text(encoding="utf-8"))
    issue, warnings = convert(edited({84: caption}))
    assert issue_shapes(issue) == issue_shapes(original)
    assert warnings == original_warnings
