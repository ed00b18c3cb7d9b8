from dataclasses import replace
from pathlib import Path

import pytest

from converter.diagnostics import Diagnostics
from converter.model import ConversionError, Figure, Paragraph, Table
from converter.passes import run_passes
from converter.passes.accounting import account, block_texts, check_nothing_lost

SAMPLE = Path(__file__).resolve().parent.parent / "archive" / "2023-07.txt"


@pytest.fixture(scope="module")
def draft():  # type: ignore[no-untyped-def]
    return run_passes(SAMPLE.read_bytes(), "archive/2023-07.txt")


def test_every_character_of_the_sample_is_accounted_for(draft) -> None:  # type: ignore[no-untyped-def]
    result = account(draft.layout, draft.issue)
    assert sum(result.lost.values()) == 0
    assert sum(result.unexpected.values()) == 0
    assert result.exported == result.kept + sum(result.removed.values())
    assert result.removed["page number"] == len("11") + len("12") + len("21")
    assert result.removed["running header"] == 3 * len("2023年第07期")
    assert result.removed["footnote marker"] == result.removed["footnote number"]
    assert "lost: 0" in draft.accounting


def drop_first_paragraph(draft, index: int) -> tuple[Paragraph, ConversionError]:  # type: ignore[no-untyped-def]
    """Remove article ``index``'s first paragraph from the issue; the error it gives."""
    issue = draft.issue
    article = issue.articles[index]
    dropped = next(block for block in article.blocks if isinstance(block, Paragraph))
    blocks = tuple(block for block in article.blocks if block is not dropped)
    articles = (
        *issue.articles[:index],
        replace(article, blocks=blocks),
        *issue.articles[index + 1 :],
    )
    with pytest.raises(ConversionError) as caught:
        check_nothing_lost(draft.layout, replace(issue, articles=articles), Diagnostics(draft.path))
    return dropped, caught.value


def test_a_dropped_paragraph_is_an_error(draft) -> None:  # type: ignore[no-untyped-def]
    _, error = drop_first_paragraph(draft, 2)
    assert error.path == "archive/2023-07.txt"
    assert "went nowhere" in error.message


def test_a_dropped_paragraph_is_an_error_naming_its_line(draft) -> None:  # type: ignore[no-untyped-def]
    dropped, error = drop_first_paragraph(draft, 2)
    assert error.line in [line.number for line in dropped.lines]


def test_a_dropped_footnote_is_an_error(draft) -> None:  # type: ignore[no-untyped-def]
    first = draft.issue.articles[0]
    articles = (replace(first, footnotes=()), *draft.issue.articles[1:])
    issue = replace(draft.issue, articles=articles)
    with pytest.raises(ConversionError, match="went nowhere"):
        check_nothing_lost(draft.layout, issue, Diagnostics(draft.path))


@pytest.mark.parametrize("label", ["表 1. ", "表1：", "表 １． ", "图 2、", "表 1 "])
def test_a_caption_counts_its_number_as_printed(label: str) -> None:
    """The issue keeps a caption's number as a number; the separator and the
    digits' printed form ("１", "：") are text of the export all the same."""
    caption = label + "标题"
    block = (
        Table(1, "标题", (), (), line=7) if label.startswith("表") else Figure(2, "标题", line=7)
    )
    assert "".join(block_texts((block,), {7: caption + " "})) == caption


@pytest.mark.parametrize("label", ["1：", " ２．", "１、"])
def test_a_caption_label_written_otherwise_is_accounted_for(label: str) -> None:
    # Pages show every label as "表 1."; the characters the export wrote are the kept ones.
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("表 1. 路线图", f"表{label}路线图").replace("图 1. ", f"图{label}")
    draft = run_passes(text.encode("utf-8"), "archive/2023-07.txt")
    result = account(draft.layout, draft.issue)
    assert sum(result.lost.values()) == 0
    assert [type(b).__name__ for b in draft.issue.articles[0].blocks].count("Table") == 1


def test_furniture_in_another_form_is_accounted_as_furniture() -> None:
    """The sample's three runs reprinted ("— 11 —" above "标准化动态·2023年第7期"): every
    character of them is removed as page number or running header, none lost."""
    text = SAMPLE.read_text(encoding="utf-8")
    for number in (11, 12, 21):
        old = f"\n\n{number} \n\n \n\n2023 年第 07 期 \n\n"
        assert text.count(old) == 1
        text = text.replace(old, f"\n\n标准化动态·2023年第7期 \n\n \n\n— {number} — \n\n")
    draft = run_passes(text.encode(), "archive/2023-07.txt")
    assert "lost: 0" in draft.accounting
    assert "removed (page number): 12" in draft.accounting  # "—11—", "—12—", "—21—"
    assert "removed (running header): 42" in draft.accounting  # 3 × 14: "标准化动态·2023年第7期"
