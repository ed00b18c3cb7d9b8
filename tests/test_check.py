import io
from pathlib import Path

import pytest

from converter.check import check_docs, check_docs_findings
from converter.cli import main
from converter.site.front_matter import page

GOOD_FRONT: dict[str, object] = {
    "title": "美国国家标准学会发布电动汽车标准化路线图",
    "date": "2023-06-15",
    "issue": "2023-07",
    "section": "标准战略",
    "authors": ["邓阿妹"],
    "tags": ["ANSI"],
    "slug": 1,
}


def write(docs: Path, relative: str, text: str) -> None:
    target = docs / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def messages(docs: Path) -> list[str]:
    return [str(problem) for problem in check_docs(docs)]


def test_a_good_page_passes(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "正文[^1]。\n\n[^1]: 来源。\n"))
    assert messages(tmp_path) == []


def test_dangling_footnote_reference_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "第一段。\n\n正文[^2]。\n\n[^1]: 来源。\n"))
    path = (tmp_path / "2023/07/01.md").as_posix()
    found = messages(tmp_path)
    line = (tmp_path / "2023/07/01.md").read_text("utf-8").split("\n").index("正文[^2]。") + 1
    assert f"{path}:{line}: footnote [^2] has no definition on this page" in found
    assert any("footnote [^1] is defined but never referenced" in m for m in found)


def test_broken_front_matter_is_reported_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", "---\ntitle: 标题\ndate: [2023\n---\n\n正文。\n")
    (message,) = messages(tmp_path)
    assert message.startswith((tmp_path / "2023/07/01.md").as_posix() + ":")
    assert "front matter is not valid YAML" in message


def test_front_matter_fields_are_checked(tmp_path: Path) -> None:
    front = {
        **GOOD_FRONT,
        "date": "6 月 15 日",
        "issue": "2023-7",
        "section": "杂谈",
        "tags": ["不存在"],
    }
    del front["authors"]
    write(tmp_path, "2023/07/01.md", page(front, "正文。\n"))
    found = "\n".join(messages(tmp_path))
    assert "lacks the field 'authors'" in found
    assert "date must be an ISO date" in found
    assert "issue must look like 2023-07" in found
    assert "unknown section '杂谈'" in found
    assert "tag '不存在' is not in the vocabulary" in found


def test_duplicate_slugs_furniture_and_ragged_tables(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "正文。\n\n2023 年第 07 期\n\n11\n"))
    body = "| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 |\n"
    write(tmp_path, "2023/07/02.md", page(GOOD_FRONT, body))
    found = "\n".join(messages(tmp_path))
    assert "slug '1' is also used by" in found
    assert "leftover running header" in found
    assert "a line holding only a number" in found
    assert "table row has 1 cells where the header has 2" in found


def test_a_slug_is_unique_within_its_issue_only(tmp_path: Path) -> None:
    """A slug is the article's number in its issue: 1 of 2023-07 and 1 of 2023-08 are
    two articles. A page converted before slugs were numbers keeps its old slug."""
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "正文。\n"))
    write(tmp_path, "2023/08/01.md", page({**GOOD_FRONT, "issue": "2023-08"}, "正文。\n"))
    write(tmp_path, "2023/07/02.md", page({**GOOD_FRONT, "slug": "2023-07-02"}, "正文。\n"))
    assert messages(tmp_path) == []


def test_a_standards_link_that_misses_its_entry_is_reported(tmp_path: Path) -> None:
    body = (
        "正文。\n\n**本文提及的标准**：[IEC 12345:2020](../../standards/iso-iec.md#iso-iec-12345)、"
        "[IEC 12345](../../standards/iec.md#iec-12345)、"
        "[GB/T 9.1-2020](../../standards/gb-t.md#gb-t-9-1)\n"
    )
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, body))
    path = (tmp_path / "2023/07/01.md").as_posix()
    line = page(GOOD_FRONT, body).split("\n").index(body.split("\n")[2]) + 1
    assert messages(tmp_path) == [
        f"{path}:{line}: the link of IEC 12345 goes to standards/iec.md#iec-12345; "
        "its entry in the standards index is standards/iso-iec.md#iso-iec-12345"
    ]


def test_cli_exit_code_is_one_when_there_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "正文[^9]。\n"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path)], out, err) == 1
    assert "footnote [^9] has no definition" in out.getvalue()
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "正文。\n"))
    assert main(["check", str(tmp_path)], io.StringIO(), io.StringIO()) == 0


INFERRED_FRONT = {**GOOD_FRONT, "section": "标准动态", "section_inferred": True}


def test_an_inferred_section_is_listed_to_confirm_without_failing(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(INFERRED_FRONT, "正文。\n"))
    path = (tmp_path / "2023/07/01.md").as_posix()
    line = page(INFERRED_FRONT, "").split("\n").index("section_inferred: true") + 1
    findings = check_docs_findings(tmp_path)
    assert findings.problems == []
    assert [str(item) for item in findings.to_confirm] == [
        f"{path}:{line}: section 标准动态 was inferred (the export lost its heading): "
        "confirm it by deleting the line 'section_inferred: true', or correct the section"
    ]
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path)], out, err) == 0
    assert out.getvalue() == f"warning: {findings.to_confirm[0]}\n"
    summary = "0 problems, 1 to confirm (inferred sections and dates, signs of merged articles)"
    assert summary in err.getvalue()


def test_a_section_confirmed_by_hand_is_accepted(tmp_path: Path) -> None:
    confirmed = {**GOOD_FRONT, "section": "标准动态"}
    write(tmp_path, "2023/07/01.md", page(confirmed, "正文。\n"))
    findings = check_docs_findings(tmp_path)
    assert findings.problems == [] and findings.to_confirm == []


def test_the_table_of_contents_still_marking_a_section_inferred_is_listed(tmp_path: Path) -> None:
    landing = {"title": "2023 年第 07 期", "issue": "2023-07"}
    write(tmp_path, "2023/07/index.md", page(landing, "## 本期目录\n\n### 标准动态（推测）\n"))
    (item,) = check_docs_findings(tmp_path).to_confirm
    assert "delete '（推测）' from this heading" in item.message
    write(tmp_path, "2023/07/index.md", page(landing, "## 本期目录\n\n### 标准动态\n"))
    assert check_docs_findings(tmp_path).to_confirm == []


def test_section_marks_must_be_well_formed(tmp_path: Path) -> None:
    front = {**GOOD_FRONT, "section_inferred": "yes", "section_position": 0}
    write(tmp_path, "2023/07/01.md", page(front, "正文。\n"))
    lost = {**GOOD_FRONT, "section": "", "section_inferred": True, "slug": "2023-07-02"}
    write(tmp_path, "2023/07/02.md", page(lost, "正文。\n"))
    found = "\n".join(messages(tmp_path))
    assert "section_inferred must be true" in found
    assert "section_position must be the section's place in the issue" in found
    assert "section_inferred is set but section is empty" in found


def test_a_page_in_another_encoding_is_reported_not_a_crash(tmp_path: Path) -> None:
    text = page(GOOD_FRONT, "正文。\n")
    (tmp_path / "2023/07").mkdir(parents=True)
    (tmp_path / "2023/07/01.md").write_bytes(text.encode("gb18030"))
    (message,) = messages(tmp_path)
    assert message.startswith(f"{(tmp_path / '2023/07/01.md').as_posix()}:2: the page is not UTF-8")


def test_a_page_starting_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "2023/07").mkdir(parents=True)
    text = page(GOOD_FRONT, "正文[^1]。\n\n[^1]: 来源。\n")
    (tmp_path / "2023/07/01.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert messages(tmp_path) == []


def test_control_characters_are_reported_with_their_line(tmp_path: Path) -> None:
    write(tmp_path, "2023/07/01.md", page(GOOD_FRONT, "第一段。\n\n正\x01文\x1b。\n"))
    path = (tmp_path / "2023/07/01.md").as_posix()
    line = (tmp_path / "2023/07/01.md").read_text("utf-8").split("\n").index("正\x01文\x1b。") + 1
    assert messages(tmp_path) == [
        f"{path}:{line}: control character U+0001, U+001B (not text): delete it"
    ]


@pytest.mark.parametrize(
    ("front", "bad_line"),
    [
        ('title: "标题\ndate: 2023-06-15\nissue: 2023-07\ntags:\n- ANSI\n', 2),  # never closed
        ("title: 标题\ntags: [ANSI, IEC\nissue: 2023-07\ndate: 2023-06-15\n", 3),
        ("title: 标题\ndate: 2023-06-15\n  issue: 2023-07\nslug: 1\n", 4),
        ("title: 标题\ndate: 2023-06-15\nissue: 2023-07\nsection: 机构\x01评论\n", 5),  # U+0001
    ],
)
def test_broken_yaml_is_reported_at_its_own_line(tmp_path: Path, front: str, bad_line: int) -> None:
    write(tmp_path, "2023/07/01.md", f"---\n{front}---\n\n正文。\n")
    (message,) = messages(tmp_path)
    assert message.startswith(f"{(tmp_path / '2023/07/01.md').as_posix()}:{bad_line}: "), message
    assert "front matter is not valid YAML" in message
