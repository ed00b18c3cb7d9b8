"""``converter check`` lists, for an editor, what the converter's structure accounting
warns of: an article page with no authors, an author line left in the text, a
title-shaped paragraph followed by a dateline (two articles on one page), and a
date the text does not give to the day. Listed to confirm; the check still passes."""

from __future__ import annotations

from pathlib import Path

from converter.check import check_docs_findings
from converter.site.front_matter import page
from tests.test_check import GOOD_FRONT, write


def notes(tmp_path: Path, body: str, **front: object) -> list[str]:
    write(tmp_path, "2023/07/01.md", page({**GOOD_FRONT, **front}, body))
    findings = check_docs_findings(tmp_path)
    assert findings.problems == []
    return [item.message for item in findings.to_confirm]


def test_a_well_formed_article_has_nothing_to_confirm(tmp_path: Path) -> None:
    assert notes(tmp_path, "6 月 15 日，学会发布路线图。\n\n第二段。\n") == []


def test_an_author_line_inside_the_text_is_listed(tmp_path: Path) -> None:
    body = "6 月 15 日，学会发布路线图。（邓阿妹　孙玉琦）\n\n另一篇的正文。\n"
    assert notes(tmp_path, body) == [
        "an author line closes this paragraph but the text goes on: "
        "is another article merged into this page here?"
    ]


def test_a_title_followed_by_a_dateline_inside_the_text_is_listed(tmp_path: Path) -> None:
    body = "6 月 15 日，学会发布路线图。\n\n欧盟发布新的标准化战略\n\n近日，欧盟发布战略。\n"
    [message] = notes(tmp_path, body)
    assert message.startswith("this paragraph looks like a title and a dateline follows it")


def test_a_subheading_before_a_dateline_is_not_a_title(tmp_path: Path) -> None:
    body = "6 月 15 日，学会发布路线图。\n\n## 会议成果\n\n6 月 20 日，委员会又发布。\n"
    assert notes(tmp_path, body) == []


def test_an_article_without_authors_is_listed(tmp_path: Path) -> None:
    assert notes(tmp_path, "6 月 15 日，学会发布路线图。\n", authors=[]) == [
        "the article has no authors"
    ]


def test_an_inferred_date_is_listed_to_confirm(tmp_path: Path) -> None:
    [message] = notes(tmp_path, "近日，学会发布路线图。\n", date_inferred=True)
    assert message.startswith("the date is inferred from the issue")


def test_a_date_mark_that_is_not_true_is_listed(tmp_path: Path) -> None:
    [message] = notes(tmp_path, "6 月上旬，学会发布路线图。\n", date_approximate="yes")
    assert message == "date_approximate must be true (delete the line once confirmed)"
