"""Article identity (converter/site/identity.py): a page keeps its article when the
export gains an article, corrects a title or an editor deletes a page.

Each test converts a variant export (tests/variants) into a docs folder with
``python -m converter convert``, changes the export or the pages as an editor or a
new export would, converts again, and reads back which article each page holds.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from benchmarks.generate import cut, renumber
from converter.check import check_docs
from converter.cli import main
from converter.site.front_matter import read_fields, split_page
from converter.site.identity import (
    MANIFEST,
    Evidence,
    Known,
    ManifestError,
    Page,
    fingerprint,
    match_articles,
    match_by_position,
    read_manifest,
)
from scripts.preview import changed_files, changed_pages
from tests.golden import SAMPLE
from tests.variants.catalogue import article, base, january, with_article
from tests.variants.layout import render
from tests.variants.spec import ArticleSpec, IssueSpec

FOLDER = "2024/03"
EDITOR_FIX = "（编辑注：本段经编辑核对。）"
INSERTED = article(
    "国际电信联盟发布新一代网络标准化路线图",
    (2, 25),
    "国际电信联盟（ITU）发布新一代网络标准化路线图，梳理了未来五年在移动通信、"
    "卫星互联网和算力网络等方向需要制定的标准，并提出了分阶段的工作安排。",
    "路线图建议各成员加强在频谱规划和安全评估方面的合作。",
)
IEC_TITLE = "国际电工委员会召开电力系统互联全体会议"
CEN_TITLE = "欧洲标准化组织发布年度工作计划"


def with_inserted(spec: IssueSpec, section: int, index: int) -> IssueSpec:
    sections = list(spec.sections)
    articles = list(sections[section].articles)
    articles.insert(index, INSERTED)
    sections[section] = replace(sections[section], articles=tuple(articles))
    return replace(spec, sections=tuple(sections))


def retitled(spec: IssueSpec, section: int, index: int, title: str) -> IssueSpec:
    sections = list(spec.sections)
    articles = list(sections[section].articles)
    articles[index] = replace(articles[index], title=title)
    sections[section] = replace(sections[section], articles=tuple(articles))
    return replace(spec, sections=tuple(sections))


def convert(spec: IssueSpec, tmp: Path, docs: Path, *flags: str, also: Path | None = None) -> str:
    export = tmp / "exports" / spec.file_name
    export.parent.mkdir(exist_ok=True)
    export.write_text(render(spec), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    inputs = [str(export), *([str(also)] if also else [])]
    code = main(["convert", *inputs, "--out", str(docs), *flags], out, err)
    assert code == 0, err.getvalue()
    return err.getvalue()


def titles(docs: Path) -> dict[str, str]:
    """Page name → the title its front matter gives."""
    return {
        path.name: str(read_fields(path.read_text(encoding="utf-8"))["title"])
        for path in sorted((docs / FOLDER).glob("[0-9]*.md"))
    }


def body(docs: Path, name: str) -> str:
    return split_page((docs / FOLDER / name).read_text(encoding="utf-8")).body


def contents(docs: Path, page: str = f"{FOLDER}/index.md") -> list[tuple[str, str]]:
    """The (title, link) pairs of the articles a listing page links, in order."""
    text = (docs / page).read_text(encoding="utf-8")
    # Not the sections' pages (the contents' headings link them).
    return re.findall(r"\[([^\]]+)\]\((?!(?:\.\./)*sections/)([^)]+\.md)\)", text)


def nav_pages(docs: Path) -> list[str]:
    """The article pages of 2024-03 in the navigation, in order."""
    text = (docs / ".nav.yml").read_text(encoding="utf-8")
    return re.findall(rf"^\s*- ({FOLDER}/\d+\.md)$", text, re.MULTILINE)


def manifest(docs: Path) -> dict[str, dict[str, object]]:
    loaded = yaml.safe_load((docs / FOLDER / MANIFEST).read_text(encoding="utf-8"))
    return {str(entry["page"]): entry for entry in loaded["articles"]}


def edit(docs: Path, name: str) -> str:
    """An editor's fix in a page's first paragraph; the page's new text."""
    path = docs / FOLDER / name
    text = path.read_text(encoding="utf-8")
    fixed = text.replace("，", EDITOR_FIX + "，", 1)
    assert fixed != text
    path.write_text(fixed, encoding="utf-8")
    return fixed


def assert_own_text(docs: Path, name: str, spec: ArticleSpec) -> None:
    """The page holds the article: its text opens with the article's dateline
    paragraph."""
    first = spec.texts()[0]
    assert isinstance(first, str)
    assert body(docs, name).replace(EDITOR_FIX, "").lstrip().startswith(first[:20])


def assert_each_page_holds_its_article(docs: Path, spec: IssueSpec) -> None:
    """Every article page opens with the text of the article its title names."""
    by_title = {a.title: a for section in spec.sections for a in section.articles}
    for name, title in titles(docs).items():
        assert_own_text(docs, name, by_title[title])


def test_first_conversion_numbers_articles_in_order(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    assert list(titles(docs)) == [f"{n:02d}.md" for n in range(1, 7)]
    assert [entry["page"] for entry in manifest(docs).values()] == [f"{n:02d}" for n in range(1, 7)]
    assert check_docs(docs) == []


@pytest.mark.parametrize("without_manifest", [False, True], ids=["manifest", "legacy-docs"])
def test_an_inserted_article_gets_its_own_page_and_an_edit_stays_with_its_article(
    tmp_path: Path, without_manifest: bool
) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    before = titles(docs)
    assert before["03.md"] == IEC_TITLE
    edited = edit(docs, "03.md")
    if without_manifest:  # docs converted before manifests: the pages are the evidence
        (docs / FOLDER / MANIFEST).unlink()
    convert(with_inserted(base(), 1, 0), tmp_path, docs)
    after = titles(docs)
    assert (docs / FOLDER / "03.md").read_text(encoding="utf-8") == edited
    assert {name: after[name] for name in before} == before
    assert after["07.md"] == INSERTED.title
    assert_own_text(docs, "07.md", INSERTED)
    assert_own_text(docs, "04.md", base().sections[1].articles[1])
    assert [link for _, link in contents(docs)] == [
        "01.md",
        "02.md",
        "07.md",
        "03.md",
        "04.md",
        "05.md",
        "06.md",
    ]
    assert dict(contents(docs))[INSERTED.title] == "07.md"
    assert_each_page_holds_its_article(docs, with_inserted(base(), 1, 0))
    home = dict(contents(docs, "index.md"))
    assert home[INSERTED.title] == f"{FOLDER}/07.md"
    assert home[IEC_TITLE] == f"{FOLDER}/03.md"
    assert dict(contents(docs, "tags/iec.md"))[IEC_TITLE] == f"../{FOLDER}/03.md"
    assert nav_pages(docs) == [f"{FOLDER}/{link}" for _, link in contents(docs)]
    assert check_docs(docs) == []


def test_the_archive_lists_an_issue_not_converted_again_in_the_exports_order(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    convert(with_inserted(base(), 1, 0), tmp_path, docs)  # numbered 01..07 in order
    convert(with_inserted(base(), 0, 0), tmp_path, docs)  # 03 moves to the front
    assert [link for _, link in contents(docs)][:2] == ["03.md", "01.md"]
    # Another issue converted alone: 2024-03 is read back from the docs folder.
    convert(january(), tmp_path, docs)
    assert nav_pages(docs) == [f"{FOLDER}/{link}" for _, link in contents(docs)]


def test_workers_number_articles_after_the_docs_folder_too(tmp_path: Path) -> None:
    """With --jobs each export is converted in a worker process, which reads the
    issue's manifest and pages itself."""
    docs = tmp_path / "docs"
    other = tmp_path / "exports" / january().file_name
    convert(january(), tmp_path, docs)
    convert(base(), tmp_path, docs, "--jobs", "2", also=other)
    edited = edit(docs, "03.md")
    convert(with_inserted(base(), 1, 0), tmp_path, docs, "--jobs", "2", "--reconvert", also=other)
    assert (docs / FOLDER / "03.md").read_text(encoding="utf-8") == edited
    assert titles(docs)["07.md"] == INSERTED.title
    assert check_docs(docs) == []


def test_a_corrected_title_keeps_the_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    corrected = CEN_TITLE + "（修订）"
    convert(retitled(base(), 1, 1, corrected), tmp_path, docs)
    after = titles(docs)
    assert after["04.md"] == corrected
    assert len(after) == 6
    assert dict(contents(docs))[corrected] == "04.md"
    assert_each_page_holds_its_article(docs, retitled(base(), 1, 1, corrected))
    assert check_docs(docs) == []


def corrected(spec: IssueSpec, section: int, index: int, closing: str | None = None) -> IssueSpec:
    """The article's title and dateline corrected (its first sentence changes), and
    its last paragraph too when ``closing`` is given."""
    sections = list(spec.sections)
    articles = list(sections[section].articles)
    old = articles[index]
    blocks = old.blocks if closing is None else (*old.blocks[:-1], closing)
    articles[index] = replace(old, title=old.title + "（修订）", day=old.day + 1, blocks=blocks)
    sections[section] = replace(sections[section], articles=tuple(articles))
    return replace(spec, sections=tuple(sections))


@pytest.mark.parametrize("edited", [False, True], ids=["converted", "edited"])
def test_a_corrected_title_and_dateline_keep_the_page(tmp_path: Path, edited: bool) -> None:
    """Nothing of the article's start or title is left to match: it is the only
    unmatched article between 03.md and 05.md, where 04.md is the only unmatched page."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    before = edit(docs, "04.md") if edited else ""
    new_spec = corrected(base(), 1, 1)
    said = convert(new_spec, tmp_path, docs)
    assert (
        "article 04.md's title and opening both changed; kept its page as the only "
        "article between 03.md and 05.md" in said
    )
    assert len(titles(docs)) == 6
    if edited:  # the editor's page follows its article and is not overwritten
        assert (docs / FOLDER / "04.md").read_text(encoding="utf-8") == before
    else:
        assert titles(docs)["04.md"] == CEN_TITLE + "（修订）"
        assert_each_page_holds_its_article(docs, new_spec)
        assert check_docs(docs) == []
    assert dict(contents(docs))[CEN_TITLE + "（修订）"] == "04.md"


def test_the_first_article_corrected_keeps_its_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    said = convert(corrected(base(), 0, 0), tmp_path, docs)
    assert "as the only article between the start of the issue and 02.md\n" in said
    assert len(titles(docs)) == 6
    assert_each_page_holds_its_article(docs, corrected(base(), 0, 0))
    # A second export corrects the next article's end too: still paired, and said
    # what of its text still agrees (its footnote and its author line).
    closing = "该标准将于年内发布。"
    said = convert(corrected(corrected(base(), 0, 0), 0, 1, closing), tmp_path, docs)
    assert (
        "article 02.md's title and opening both changed; kept its page as the only article "
        "between 01.md and 03.md; the end of its text changed too, but 2 of its paragraphs, "
        "notes or author line are the same" in said
    )
    assert titles(docs)["02.md"] == base().sections[0].articles[1].title + "（修订）"


@pytest.mark.parametrize("edited", [False, True], ids=["converted", "edited"])
def test_the_last_article_corrected_keeps_its_page(tmp_path: Path, edited: bool) -> None:
    """The end of the issue is a neighbour too: the last article, its title and
    opening corrected, is the only one between 05.md and the end of the issue."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    before = edit(docs, "06.md") if edited else ""
    said = convert(corrected(base(), 2, 1), tmp_path, docs)
    assert (
        "article 06.md's title and opening both changed; kept its page as the only article "
        "between 05.md and the end of the issue\n" in said
    )
    assert "removed" not in said
    assert sorted(titles(docs)) == [f"{n:02d}.md" for n in range(1, 7)]
    if edited:  # the editor's page follows its article and is not overwritten
        assert (docs / FOLDER / "06.md").read_text(encoding="utf-8") == before
    else:
        assert_each_page_holds_its_article(docs, corrected(base(), 2, 1))
        assert check_docs(docs) == []
    assert dict(contents(docs))[base().sections[2].articles[1].title + "（修订）"] == "06.md"
    # Changed throughout (its end too): position alone keeps the page, and asks.
    docs = tmp_path / "other"
    convert(base(), tmp_path, docs)
    said = convert(corrected(base(), 2, 1, "该会议还审议了下一年度的立项计划。"), tmp_path, docs)
    assert (
        "kept its page as the only article between 05.md and the end of the issue; the end "
        "of its text changed too: check that it is" in said
    )
    assert len(titles(docs)) == 6


def test_a_page_whose_article_left_the_export_is_no_neighbour(tmp_path: Path) -> None:
    """An edited page whose article left the export is kept, recorded as out of the
    export: an article added later at the end of the issue gets its own page."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "06.md")
    shorter = without(base(), 2, 1)
    convert(shorter, tmp_path, docs)
    assert manifest(docs)["06"]["in_export"] is False
    longer = with_inserted(shorter, 2, 1)  # a new last article
    said = convert(longer, tmp_path, docs)
    assert "06.md's title and opening" not in said
    assert (docs / FOLDER / "06.md").read_text(encoding="utf-8") == edited
    assert titles(docs)["07.md"] == INSERTED.title
    assert manifest(docs)["06"]["in_export"] is False
    assert "in_export" not in manifest(docs)["07"]


def test_two_corrected_articles_in_one_gap_pair_by_the_end_of_their_text(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "03.md")
    new_spec = corrected(corrected(base(), 1, 0), 1, 1)
    said = convert(new_spec, tmp_path, docs)
    for name in ("03.md", "04.md"):
        assert (
            f"article {name}'s title and opening both changed; kept its page, as the end "
            "of its text is the same (between 02.md and 05.md)" in said
        )
    assert len(titles(docs)) == 6
    assert (docs / FOLDER / "03.md").read_text(encoding="utf-8") == edited
    assert titles(docs)["04.md"] == CEN_TITLE + "（修订）"
    assert [link for _, link in contents(docs)] == [f"{n:02d}.md" for n in range(1, 7)]


def test_two_corrected_articles_in_one_gap_pair_by_a_footnote_then_position(
    tmp_path: Path,
) -> None:
    """Both ends changed: 03's footnote is in no other page, so it pairs 03; 04 is
    then the only article and page left in the gap."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "03.md")
    closing = "该计划将在年底前完成评估，并向社会公开征求意见。"
    said = convert(
        corrected(corrected(base(), 1, 0, closing + "甲"), 1, 1, closing + "乙"), tmp_path, docs
    )
    assert (
        "article 03.md's title and opening both changed; kept its page, as 1 of its "
        "paragraphs, notes or author line are the same (between 02.md and 05.md)" in said
    )
    assert (
        "article 04.md's title and opening both changed; kept its page as the only article "
        "left between 02.md and 05.md; the end of its text changed too: check that it is" in said
    )
    assert (docs / FOLDER / "03.md").read_text(encoding="utf-8") == edited
    assert sorted(titles(docs)) == [f"{n:02d}.md" for n in range(1, 7)]
    assert titles(docs)["04.md"] == CEN_TITLE + "（修订）"


def test_two_articles_changed_throughout_in_one_gap_get_new_pages(tmp_path: Path) -> None:
    """Two unmatched pages and two unmatched articles between the same neighbours,
    and no end of text in common: no evidence tells which is which, so nothing is
    guessed: new pages, warned; the unedited old pages go, the edited one stays."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "03.md")
    closing = "该计划将在年底前完成评估，并向社会公开征求意见。"
    new_spec = corrected(corrected(base(), 1, 0, closing + "甲"), 1, 1, closing + "乙")
    new_spec = with_article(
        new_spec, 1, 0, notes=("国际电工委员会. 全体会议纪要（修订）[EB/OL]. 2024-03-01.",)
    )
    said = convert(new_spec, tmp_path, docs)
    assert said.count("no evidence tells which (if any) is this article") == 2
    assert "pages 03, 04 between 02.md and 05.md were not matched" in said
    assert (
        "2024/03/03.md: no article of the export matches it by text or title; kept, as an "
        "editor changed it (recorded in_export: false); if an article of the export is this "
        "page's, carry the fix to the page written for it and delete this one" in said
    )
    assert (docs / FOLDER / "03.md").read_text(encoding="utf-8") == edited
    assert not (docs / FOLDER / "04.md").exists()
    assert titles(docs)["07.md"] == IEC_TITLE + "（修订）"
    assert titles(docs)["08.md"] == CEN_TITLE + "（修订）"


def test_a_corrected_title_keeps_an_edited_page_and_its_edit(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "04.md")
    convert(retitled(base(), 1, 1, CEN_TITLE + "（修订）"), tmp_path, docs)
    assert (docs / FOLDER / "04.md").read_text(encoding="utf-8") == edited
    assert len(titles(docs)) == 6


def test_a_deleted_page_stays_deleted_until_restored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    original = (docs / FOLDER / "02.md").read_text(encoding="utf-8")
    deleted_title = titles(docs)["02.md"]
    edited = edit(docs, "05.md")
    (docs / FOLDER / "02.md").unlink()
    problems = [(Path(p.path).name, p.message) for p in check_docs(docs)]
    assert len(problems) == 2
    assert problems[0][0] == MANIFEST and "02.md is listed but missing" in problems[0][1]
    assert problems[1] == ("index.md", "02.md is not there: remove this link")

    said = []
    for flags in ((), ("--reconvert",), ("--reconvert",)):
        said.append(convert(base(), tmp_path, docs, *flags))
        assert not (docs / FOLDER / "02.md").exists(), flags
        assert manifest(docs)["02"]["deleted"] is True
        assert deleted_title not in dict(contents(docs))
        assert deleted_title not in dict(contents(docs, "index.md"))
        assert (docs / FOLDER / "05.md").read_text(encoding="utf-8") == edited
        assert_each_page_holds_its_article(docs, base())
        assert check_docs(docs) == []
    assert "2024/03/02.md was deleted by an editor" in said[0]
    assert "deleted by an editor" not in said[1]  # recorded: nothing new to say

    # An article inserted while 02 is deleted takes a number never given: 07.
    convert(with_inserted(base(), 0, 0), tmp_path, docs)
    assert titles(docs)["07.md"] == INSERTED.title
    assert not (docs / FOLDER / "02.md").exists()
    assert_each_page_holds_its_article(docs, with_inserted(base(), 0, 0))

    path = docs / FOLDER / MANIFEST
    path.write_text(
        path.read_text(encoding="utf-8").replace("deleted: true", "deleted: false"),
        encoding="utf-8",
    )
    assert check_docs(docs) == []
    convert(with_inserted(base(), 0, 0), tmp_path, docs)  # no flag: the cache sees it
    # Its own text again (its source line moved with the inserted article).
    assert body(docs, "02.md") == split_page(original).body
    assert titles(docs)["02.md"] == deleted_title
    assert "deleted" not in manifest(docs)["02"]
    assert dict(contents(docs))[deleted_title] == "02.md"
    assert_each_page_holds_its_article(docs, with_inserted(base(), 0, 0))
    assert (docs / FOLDER / "05.md").read_text(encoding="utf-8") == edited
    assert check_docs(docs) == []


def without(spec: IssueSpec, section: int, index: int) -> IssueSpec:
    sections = list(spec.sections)
    articles = list(sections[section].articles)
    del articles[index]
    sections[section] = replace(sections[section], articles=tuple(articles))
    return replace(spec, sections=tuple(sections))


def test_an_article_gone_from_the_export_takes_its_page_unless_edited(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    edited = edit(docs, "06.md")
    shorter = without(without(base(), 2, 1), 0, 1)  # 02 and 06 gone from the export
    said = convert(shorter, tmp_path, docs)
    assert "2024/03/02.md: no article of the export matches it by text or title; removed" in said
    assert "2024/03/06.md: no article of the export matches it" in said
    assert not (docs / FOLDER / "02.md").exists()
    assert (docs / FOLDER / "06.md").read_text(encoding="utf-8") == edited
    assert sorted(manifest(docs)) == ["01", "03", "04", "05", "06"]
    # Kept, but in no contents: check asks the editor to link it or delete it.
    assert [p.message.split(":")[0] for p in check_docs(docs)] == ["the contents do not link 06.md"]
    # A number once given is not given again: the new article is 07, not 02.
    convert(with_inserted(shorter, 0, 0), tmp_path, docs)
    assert titles(docs)["07.md"] == INSERTED.title
    assert "02.md" not in titles(docs)


def test_a_deleted_page_put_back_is_restored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    page = docs / FOLDER / "03.md"
    original = page.read_text(encoding="utf-8")
    page.unlink()
    convert(base(), tmp_path, docs)
    page.write_text(original, encoding="utf-8")  # git checkout of the old page
    assert "recorded as deleted but is there" in check_docs(docs)[0].message
    convert(base(), tmp_path, docs)
    assert page.read_text(encoding="utf-8") == original
    assert "deleted" not in manifest(docs)["03"]
    assert check_docs(docs) == []


def test_check_reports_pages_and_manifest_that_disagree(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    folder = docs / FOLDER
    (folder / "09.md").write_text((folder / "01.md").read_text(encoding="utf-8"), "utf-8")
    messages = [(Path(p.path).name, p.message) for p in check_docs(docs)]
    assert (
        "09.md",
        f"the page is not listed in {MANIFEST}: add an entry (page: '09') or remove the page",
    ) in messages
    (folder / MANIFEST).write_text("articles: [\n", encoding="utf-8")
    problems = [p for p in check_docs(docs) if p.path.endswith(MANIFEST)]
    assert len(problems) == 1 and "not valid YAML" in problems[0].message


def test_a_broken_manifest_stops_the_conversion_naming_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    (docs / FOLDER / MANIFEST).write_text("highest: 6\narticles:\n- page: x\n", "utf-8")
    export = tmp_path / "exports" / base().file_name
    out, err = io.StringIO(), io.StringIO()
    assert main(["convert", str(export), "--out", str(docs), "--reconvert"], out, err) == 1
    assert f"{MANIFEST}:1: an entry's page must be its number" in err.getvalue()


def test_the_preview_lists_a_deleted_page_once_as_deleted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", "docs")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "issue")
    base_commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.strip()
    (docs / FOLDER / "02.md").unlink()  # the editor's pull request
    convert(base(), tmp_path, docs, "--reconvert")  # CI's build
    pages = changed_pages(changed_files(base_commit, tmp_path), docs)
    assert [(page.status, page.path) for page in pages if page.path.endswith("02.md")] == [
        ("D", f"{FOLDER}/02.md")
    ]


# --- the evidence --------------------------------------------------------------------


def test_fingerprint_reads_the_words_not_the_markup() -> None:
    plain = "2 月 8 日，国家标准委（SAC）部署下半年重点工作。"
    marked = "2月8日， 国家标准委（SAC）[^1]部署下半年**重点**工作。\n\n[^1]: 注释"
    assert fingerprint(plain) == fingerprint(marked)
    assert fingerprint(plain) != fingerprint(plain.replace("下半年", "上半年"))
    assert fingerprint(plain + "x" * 200) == fingerprint(plain + "x" * 200 + "后文的修改")


def known(number: int, fingerprint_: str, title: str) -> Known:
    return Known(number, None, Page(number, title, fingerprint_))


def test_matching_prefers_text_then_title_and_reports_what_is_shared() -> None:
    pages = [known(1, "a", "甲"), known(2, "b", "乙"), known(3, "c", "丙")]
    articles = [Evidence("x", "乙"), Evidence("a", "改过的甲"), Evidence("c", "乙")]
    reported: list[tuple[int, str]] = []
    matched = match_articles(articles, pages, lambda i, m: reported.append((i, m)))
    assert matched == {1: 1, 2: 3, 0: 2}
    assert reported == []
    twins = [Evidence("t", "同"), Evidence("t", "同")]
    matched = match_articles(
        twins, [known(4, "t", "同"), known(5, "t", "同")], lambda i, m: reported.append((i, m))
    )
    assert matched == {0: 4, 1: 5}
    assert len(reported) == 1 and "share one page text" in reported[0][1]


def test_position_pairs_only_between_neighbours_in_their_recorded_order() -> None:
    pages = [known(n, f"f{n}", f"t{n}") for n in (1, 2, 3, 4)]
    articles = [Evidence("f1", ""), Evidence("x", ""), Evidence("f3", ""), Evidence("y", "")]
    reported: list[tuple[int, str]] = []

    def said(index: int, message: str) -> None:
        reported.append((index, message))

    assert match_by_position(articles, pages, [1, 2, 3, 4], {0: 1, 2: 3}, said) == {
        0: 1,
        1: 2,
        2: 3,
        3: 4,
    }  # 4 stands between 3 and the end of the issue
    assert [index for index, _ in reported] == [1, 3]
    reported.clear()
    # A number out of the recorded order (its article left the export) is in no gap.
    assert match_by_position(articles, pages, [1, 2, 3], {0: 1, 2: 3}, said) == {
        0: 1,
        1: 2,
        2: 3,
    }
    reported.clear()
    # The neighbours swapped places in the export: the gap between them means nothing.
    swapped = [Evidence("f3", ""), Evidence("x", ""), Evidence("f1", "")]
    assert match_by_position(swapped, pages, [1, 2, 3, 4], {0: 3, 2: 1}, said) == {0: 3, 2: 1}
    assert reported == []


def test_manifest_errors_name_the_line() -> None:
    text = "highest: 3\narticles:\n- page: '01'\n  title: a\n- page: '01'\n  title: b\n"
    with pytest.raises(ManifestError) as duplicate:
        read_manifest(text)
    assert "listed twice" in duplicate.value.message
    with pytest.raises(ManifestError) as bad:
        read_manifest("articles:\n- page: '02'\n  deleted: yes please\n")
    assert bad.value.line == 2


# --- the sample ----------------------------------------------------------------------

SAMPLE_FOLDER = "2023/07"


def sample_export(
    tmp: Path, leave_out: int | None = None, title: tuple[str, str] = ("", "")
) -> Path:
    """The sample export rebuilt from its articles' own lines (benchmarks.generate),
    without the article at index ``leave_out``, with a title line corrected."""
    prefix, chunks = cut(SAMPLE)
    kept = [chunk for index, chunk in enumerate(chunks) if index != leave_out]
    text = "\n".join([*prefix, *renumber(kept)])
    if title[0]:
        assert text.count(title[0]) == 1
        text = text.replace(title[0], title[1])
    path = tmp / "exports" / "2023-07.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def convert_sample_export(export: Path, docs: Path, *flags: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["convert", str(export), "--out", str(docs), *flags], out, err) == 0, err.getvalue()
    return err.getvalue()


def sample_bodies(docs: Path) -> dict[str, str]:
    """Page → its title and the start of its text: which article it holds. (Not the
    whole text: the generator's exports place some footnotes differently.)"""
    return {
        path.name: str(read_fields(text := path.read_text(encoding="utf-8"))["title"])
        + split_page(text).body.strip()[:40]
        for path in sorted((docs / SAMPLE_FOLDER).glob("[0-9]*.md"))
    }


def test_the_sample_gaining_an_article_before_an_edited_one(tmp_path: Path) -> None:
    """The sample without its 5th article, converted and edited; then the whole
    sample: the 5th article gets page 23, every other page keeps its article."""
    docs = tmp_path / "docs"
    convert_sample_export(sample_export(tmp_path, leave_out=4), docs)
    before = sample_bodies(docs)
    assert len(before) == 21
    edited = (docs / SAMPLE_FOLDER / "05.md").read_text(encoding="utf-8")
    edited = edited.replace("，", "，" + EDITOR_FIX, 1)
    (docs / SAMPLE_FOLDER / "05.md").write_text(edited, encoding="utf-8")

    convert_sample_export(sample_export(tmp_path), docs, "--reconvert")

    after = sample_bodies(docs)
    assert (docs / SAMPLE_FOLDER / "05.md").read_text(encoding="utf-8") == edited
    assert {name: after[name] for name in before if name != "05.md"} == {
        name: text for name, text in before.items() if name != "05.md"
    }
    whole = tmp_path / "whole"
    convert_sample_export(sample_export(tmp_path), whole)
    assert after["22.md"] == sample_bodies(whole)["05.md"]
    links = [link for _, link in contents(docs, f"{SAMPLE_FOLDER}/index.md")]
    assert links[:6] == ["01.md", "02.md", "03.md", "04.md", "22.md", "05.md"]
    assert check_docs(docs) == []


def test_the_sample_with_a_corrected_title_and_a_deleted_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert_sample_export(sample_export(tmp_path), docs)
    before = sample_bodies(docs)
    (docs / SAMPLE_FOLDER / "10.md").unlink()
    old, new = "首份年度报告", "首份年度总结"
    convert_sample_export(sample_export(tmp_path, title=(old, new)), docs, "--reconvert")
    after = sample_bodies(docs)
    assert "10.md" not in after
    expected = {name: text for name, text in before.items() if name != "10.md"}
    expected["04.md"] = expected["04.md"].replace(old, new, 1)
    assert after == expected
    assert titles_of(docs)["04.md"] == "美国国家人工智能咨询委员会发布首份年度总结"
    assert check_docs(docs) == []


def titles_of(docs: Path) -> dict[str, str]:
    return {
        path.name: str(read_fields(path.read_text(encoding="utf-8"))["title"])
        for path in sorted((docs / SAMPLE_FOLDER).glob("[0-9]*.md"))
    }


def test_check_names_what_an_edited_contents_page_lacks(tmp_path: Path) -> None:
    """An editor's contents page is kept (converter/site/writer.py): after an
    insertion or a deletion, check says which link to add or remove."""
    docs = tmp_path / "docs"
    convert(base(), tmp_path, docs)
    index = docs / FOLDER / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n编辑补记。\n", encoding="utf-8")
    (docs / FOLDER / "02.md").unlink()
    convert(with_inserted(base(), 1, 0), tmp_path, docs)
    messages = [(p.line > 1, p.message) for p in check_docs(docs) if p.path.endswith("index.md")]
    assert messages == [
        (True, "02.md is not there: remove this link"),
        (
            False,
            f"the contents do not link 07.md: add '- [{INSERTED.title}](07.md)' under its section",
        ),
    ]
