"""What a pull request, an export, a page or a file name can make the build do
(issue 20), one section per way in: each attack fails with a clear message, and
nothing leaks or runs.

Pathological input is measured in operations (Python calls and generator steps,
counted by a profile hook), never in seconds: the time limit is ``make bench``'s.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, Dialog

from converter.cli import main
from converter.diagnostics import Diagnostics
from converter.files import FilesRefused
from converter.model import Article, Paragraph, Text
from converter.passes import run_passes
from converter.passes.tags import tag_articles
from converter.run import configured_site_url
from converter.site.entries import IssueEntry
from converter.site.feed import render_feed
from converter.standards import find_standards
from converter.vocabulary import Tag
from scripts import pr_comment
from scripts.pr_comment import (
    BadChanges,
    ChangedPage,
    changes_json,
    comment_text,
    inline_code,
    preview_url,
    site_url_of,
)
from sitesearch.index import index_files, index_weighed, page_weights, write_index
from sitesearch.pages import SearchPage
from tools.browser import RESULT_LINKS, search_results, serve
from tools.build import build_site

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "archive" / "2023-07.txt"
NAME = "2023-07.txt"
SECRET = "token-ghs_0123456789"  # what a link must never carry into a page or the site


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return (self.out + self.err).splitlines()


def cli(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main([*map(str, args)], out, err)
    return Run(code, out.getvalue(), err.getvalue())


def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "config"
    secret.parent.mkdir()
    secret.write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")
    return secret


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target."""
    found: dict[str, bytes | str] = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent) / name
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = f"-> {os.readlink(path)}"
            elif path.is_file():
                found[relative] = path.read_bytes()
    return found


@pytest.fixture
def docs(converted_docs: Path, tmp_path: Path) -> Path:
    """A copy of the converted sample's docs folder, to spoil."""
    copy = tmp_path / "project" / "docs"
    shutil.copytree(converted_docs, copy)
    return copy


# --- 1. symbolic links and devices: nothing outside the repository is read -----------


def test_the_check_refuses_a_linked_file_and_page_naming_them(docs: Path, tmp_path: Path) -> None:
    secret = secret_file(tmp_path)
    (docs / "assets" / "notes.txt").symlink_to(secret)
    (docs / "2023" / "07" / "99.md").symlink_to(secret)
    run = cli("check", docs)
    assert run.code == 1
    for name in ("assets/notes.txt", "2023/07/99.md"):
        assert f"{docs / name}:1: a symbolic link (to {secret})" in run.out, run.out
    assert SECRET not in run.out + run.err


def test_the_check_refuses_a_linked_folder_and_never_reads_a_fifo(docs: Path) -> None:
    (docs / "elsewhere").symlink_to(ROOT / ".github")
    os.mkfifo(docs / "2023" / "07" / "98.md")  # reading it would block forever
    run = cli("check", docs)
    assert run.code == 1
    assert f"{docs / 'elsewhere'}:1: a symbolic link" in run.out
    assert f"{docs / '2023/07/98.md'}:1: not a regular file (a device, a FIFO" in run.out


def test_convert_refuses_a_docs_folder_with_a_link_and_writes_nothing(
    docs: Path, tmp_path: Path
) -> None:
    (docs / "2023" / "07" / "01.md").unlink()
    (docs / "2023" / "07" / "01.md").symlink_to(secret_file(tmp_path))
    before = tree(docs)
    run = cli("convert", SAMPLE, "--out", docs, "--force")
    assert run.code == 1
    assert f"error: {docs / '2023/07/01.md'}:1: a symbolic link" in run.err
    assert "nothing was written" in run.err
    assert tree(docs) == before


@pytest.mark.parametrize("how", ["file", "folder"])
def test_an_export_that_is_a_link_is_refused(tmp_path: Path, how: str) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "2023-07.txt").symlink_to(SAMPLE)
    given = archive / "2023-07.txt" if how == "file" else archive
    run = cli("convert", given, "--out", tmp_path / "docs")
    assert run.code == 1
    assert f"error: {archive / '2023-07.txt'}:1: a symbolic link" in run.err
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("how", ["file", "folder"])
def test_an_export_that_is_a_fifo_is_never_read(tmp_path: Path, how: str) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    os.mkfifo(archive / "2023-08.txt")  # opened for reading, it would wait for a writer
    given = archive / "2023-08.txt" if how == "file" else archive
    run = cli("convert", given, "--out", tmp_path / "docs")
    assert run.code == 1
    assert f"error: {archive / '2023-08.txt'}:1: not a regular file" in run.err
    assert not (tmp_path / "docs").exists()


def test_an_export_linked_to_a_device_is_refused_unread(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "2023-08.txt").symlink_to("/dev/zero")  # read, it never ends
    run = cli("convert", archive, "--out", tmp_path / "docs")
    assert run.code == 1
    assert f"error: {archive / '2023-08.txt'}:1: a symbolic link (to /dev/zero)" in run.err


@pytest.mark.parametrize("folder", ["docs/assets", "overrides"])
def test_the_build_refuses_a_link_before_mkdocs_runs(
    docs: Path, tmp_path: Path, folder: str
) -> None:
    project = docs.parent
    (project / folder).mkdir(parents=True, exist_ok=True)
    (project / folder / "notes.txt").symlink_to(secret_file(tmp_path))
    with pytest.raises(FilesRefused) as refused:
        build_site(project, project / "site")
    assert [str(p) for p in refused.value.problems] == [
        f"{project / folder / 'notes.txt'}:1: a symbolic link (to {tmp_path / 'outside/config'}): "
        "links are refused, commit the file itself"
    ]
    assert not (project / "site").exists()


def test_the_offline_zip_refuses_a_link(tmp_path: Path) -> None:
    site = tmp_path / "site-offline"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>ok</p>")
    (site / "assets" / "notes.txt").symlink_to(secret_file(tmp_path))
    target = tmp_path / "dist" / "bulletin-offline.zip"
    result = subprocess.run(
        [sys.executable, ROOT / "scripts" / "make_zip.py", site, target, "bulletin"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"error: {site / 'assets/notes.txt'} is a symbolic link" in result.stderr
    assert not target.exists() and not target.with_suffix(".partial").exists()


# --- 2. file names are data, never shell text ----------------------------------------


@pytest.mark.parametrize(
    "name", ["2023-08 (1).txt", "x;id>PWNED;.txt", "2023-13.txt", "2023-8.txt", "$(id).txt"]
)
def test_an_archive_name_that_is_no_issue_is_refused_saying_what_it_should_be(
    tmp_path: Path, name: str
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(SAMPLE, archive / "2023-07.txt")
    shutil.copy(SAMPLE, archive / name)
    run = cli("convert", archive, "--out", tmp_path / "docs")
    assert run.code == 1
    expected = f"error: {archive / name}:1: expected a name like 2023-08.txt"
    assert any(line.startswith(expected) for line in run.lines), run.err
    assert not (tmp_path / "docs").exists()


def test_the_archive_folder_converts_its_exports(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(SAMPLE, archive / "2023-07.txt")
    (archive / "README.md").write_text("not an export: only *.txt are read")
    run = cli("convert", archive, "--out", tmp_path / "docs")
    assert run.code == 0, run.err
    assert (tmp_path / "docs" / "2023" / "07" / "01.md").is_file()


def test_make_convert_hands_names_to_the_converter_as_data(tmp_path: Path) -> None:
    # The Makefile in a scratch project whose archive holds a name that is shell text;
    # the venv is this one (-o: its install step is taken as done).
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "archive").mkdir()
    shutil.copy(SAMPLE, tmp_path / "archive" / "2023-07.txt")
    hostile = "x;touch PWNED;.txt"
    (tmp_path / "archive" / hostile).write_text("")
    result = subprocess.run(
        ["make", "-o", ".venv/.site", "convert", f"BIN={Path(sys.executable).parent}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"archive/{hostile}:1: expected a name like 2023-08.txt" in result.stderr
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "docs").exists()


def test_make_convert_hands_the_site_url_to_the_converter_as_data(tmp_path: Path) -> None:
    # `make preview` passes the address it computed from mkdocs.yml as SITE_URL.
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "archive").mkdir()
    shutil.copy(SAMPLE, tmp_path / "archive" / "2023-07.txt")
    hostile = "https://x/'; touch PWNED; echo '"
    subprocess.run(
        [
            "make",
            "-o",
            ".venv/.site",
            "convert",
            f"BIN={Path(sys.executable).parent}",
            f"SITE_URL={hostile}",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert not (tmp_path / "PWNED").exists()
    assert f'href="{hostile}/"' in (tmp_path / "docs/feed.xml").read_text(encoding="utf-8")


# --- 4. output for other interpreters is escaped -------------------------------------


def test_a_tag_with_a_line_break_makes_no_workflow_command(docs: Path) -> None:
    page = docs / "2023" / "07" / "01.md"
    # YAML's "\n" in double quotes: the tag holds a line break.
    hostile = '- "x\\n::error file=.github/workflows/pr.yml,line=1::forged%0A"\n'
    text = page.read_text(encoding="utf-8").replace("- ANSI\n", hostile, 1)
    page.write_text(text, encoding="utf-8")
    run = cli("check", docs)
    assert run.code == 1
    assert not [line for line in run.lines if line.lstrip().startswith("::")], run.out
    (line,) = [line for line in run.lines if "forged" in line]
    assert line.startswith(f"{page}:")
    assert "x%0A::error file=.github/workflows/pr.yml,line=1::forged%250A" in line


# --- 5. pathological input: linear in its size ----------------------------------------

ISO = Tag("ISO", ("ISO", "国际标准化组织"), "organizations")
# The old tags pass took 67 s on a line this long (quadratic); linear, it is a blink.
MANY_CODES = 20_000


def codes_line(count: int) -> str:
    return "、".join(f"ISO {1000 + number}" for number in range(count)) + "。"


def article(*paragraphs: str) -> Article:
    blocks = tuple(
        Paragraph(lines=(), text=Text(text)) for text in ("某日，某机构开会。", *paragraphs)
    )
    return Article(1, "标题", None, "", (), blocks, 1)


def tags_of(*paragraphs: str) -> tuple[str, ...]:
    (tagged,) = tag_articles((article(*paragraphs),), (ISO,))
    return tagged.tags


def operations(work: Callable[[], object]) -> int:
    """Python calls (and generator steps) that ``work`` makes: a measure of its
    cost that no machine's speed changes."""
    count = 0

    def count_event(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(count_event)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_twenty_thousand_codes_in_one_line_are_no_mention_of_their_publisher() -> None:
    line = codes_line(MANY_CODES)
    assert tags_of(line) == ()
    assert tags_of(line + "ISO 发布了新规则。ISO 还开了会。") == ("ISO",)


def test_twenty_thousand_codes_in_one_line_are_all_found_in_order() -> None:
    found = list(find_standards(codes_line(MANY_CODES)))
    assert found == [f"ISO {1000 + number}" for number in range(MANY_CODES)]


def test_tagging_grows_linearly_with_the_codes_in_a_line() -> None:
    # Four times the codes: about four times the operations (n log n at most),
    # where the quadratic pass made sixteen times as many.
    small, large = 500, 2_000
    ratio = operations(lambda: tags_of(codes_line(large))) / operations(
        lambda: tags_of(codes_line(small))
    )
    assert ratio < 6, f"{large / small:.0f}× the codes cost {ratio:.1f}× the operations"


# --- 4. (continued) the feed is XML 1.0 whatever a title holds --------------------------


def test_the_feed_parses_with_control_characters_in_a_title_and_summary() -> None:
    entry = IssueEntry(
        issue="2023-07",
        title="2023 年第 07 期\x00\x1b[31m\x0c\ufffe",
        articles=(),
        summary="概要\x08\x7f\x85。\t\n",
    )
    feed = render_feed([entry], "https://example.org/bulletin/", "标准化动态\x01")
    root = ElementTree.fromstring(feed)  # a control character is a parse error
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.findtext(f"{atom}title") == "标准化动态"
    (item,) = root.iter(f"{atom}entry")
    assert item.findtext(f"{atom}title") == "2023 年第 07 期[31m"
    assert item.findtext(f"{atom}summary") == "概要\x7f\x85。\t\n"


# --- 4. (continued) the pull request's comment: outside text is text -------------------

PREVIEW = "https://example.org/bulletin/pr/12/"
HOSTILE_TITLE = (
    "标题\n# 注入的标题\r\n- 注入的列表 @octocat <img src=x onerror=alert(1)> "
    "| a | [点我](javascript:alert(1)) `code` #12 <!-- x"
)


def comment_lines(title: str, address: str = "2023/07/01/") -> list[str]:
    page = ChangedPage("M", "2023/07/01.md", title, address)
    return comment_text(PREVIEW, "0123456789abcdef", [page], []).splitlines()


def test_a_hostile_title_stays_one_line_of_text_in_the_comment() -> None:
    lines = comment_lines(HOSTILE_TITLE)
    (line,) = [line for line in lines if "注入" in line]
    assert line.startswith("- 修改：[标题 ")
    assert line.endswith(f"]({PREVIEW}2023/07/01/) · `docs/2023/07/01.md`")
    assert [line for line in lines if line.startswith("#")] == ["### 网站预览"]
    # No raw HTML, no link of its own, no mention, no reference to another issue.
    assert "<" not in line.replace("\\<", "")
    assert "](javascript" not in line and "\\]\\(javascript\\:" in line
    assert "@octocat" not in line and "@\u200boctocat" in line
    assert "#12" not in line and "#\u200b12" in line
    assert "|" not in line.replace("\\|", "")


def test_a_page_address_outside_the_preview_is_refused() -> None:
    for address in ("javascript:alert(1)", "//evil.example/", "/elsewhere/", "../../x/", "a b/"):
        with pytest.raises(BadChanges):
            comment_lines("标题", address)


def test_a_path_with_backticks_stays_one_code_span() -> None:
    assert inline_code("docs/a``b.md") == "```docs/a``b.md```"
    assert inline_code("`x") == "`` `x ``"
    assert inline_code("a\nb") == "`a b`"


def test_the_comment_job_reads_the_build_jobs_list_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changes = tmp_path / "changes.json"
    page = ChangedPage("M", "2023/07/01.md", HOSTILE_TITLE, "2023/07/01/")
    changes.write_text(changes_json([page], ["overrides/main.html"]), encoding="utf-8")
    args = ["preview", "12", "--changes", str(changes), "--dry-run"]
    assert pr_comment.main([*args, "--commit", "0123456789abcdef"]) == 0
    text = capsys.readouterr().out
    assert f"**预览地址：** {preview_url(configured_site_url(ROOT / 'mkdocs.yml'), 12)}" in text
    assert "@\u200boctocat" in text
    # A commit that is not one, or a list that is not a list of pages: refused.
    assert pr_comment.main([*args, "--commit", "HEAD\n# 注入"]) == 1
    assert "error: 'HEAD\\n# 注入' is not a commit" in capsys.readouterr().err
    changes.write_text('{"pages": [{"status": "M", "path": 1}], "site_wide": []}')
    assert pr_comment.main([*args, "--commit", "0123456789abcdef"]) == 1
    assert "error: expected the text fields status, path, title, address" in (
        capsys.readouterr().err
    )
    changes.write_text("[]")
    assert pr_comment.main([*args, "--commit", "0123456789abcdef"]) == 1
    assert "error: the list of changes is malformed" in capsys.readouterr().err


def test_the_comment_job_reads_site_url_as_the_build_does() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert site_url_of(config) == configured_site_url(ROOT / "mkdocs.yml")


# --- 3. dependencies: every one locked with its hashes ----------------------------------

REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"\A([A-Za-z0-9._-]+)==(\S+) \\$")


def locked(name: str) -> dict[str, str]:
    """Package → version of a lock file, each entry checked: a pin, then its hashes."""
    text = (REQUIREMENTS / name).read_text(encoding="utf-8")
    assert "--index-url" not in text and "--find-links" not in text and "file://" not in text
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    versions: dict[str, str] = {}
    for number, line in enumerate(lines):
        if line.startswith(" "):
            continue
        pin = PIN.match(line)
        assert pin, f"{name}: {line!r} is not a pin"
        assert lines[number + 1].strip().startswith("--hash=sha256:"), f"{name}: {line} has no hash"
        versions[pin.group(1).lower().replace("_", "-")] = pin.group(2)
    return versions


def pinned(*extras: str) -> dict[str, str]:
    """pyproject.toml's pins: the build backend, the dependencies and ``extras``."""
    loaded = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = loaded["project"]
    wanted = [*loaded["build-system"]["requires"], *project["dependencies"]]
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    pins = (re.sub(r"\[[^\]]*\]", "", spec).split("==") for spec in wanted)
    return {package.lower(): version for package, version in pins}


@pytest.mark.parametrize(
    ("name", "extras"),
    [
        ("site.txt", ("site",)),
        ("test.txt", ("site", "test")),
        ("bench.txt", ("site", "test", "bench")),
    ],
)
def test_every_requirement_is_pinned_with_hashes_as_pyproject_pins_it(
    name: str, extras: tuple[str, ...]
) -> None:
    versions = locked(name)
    for package, version in pinned(*extras).items():
        assert versions.get(package) == version, f"{name}: {package} is not at {version}"


def test_the_venv_installs_only_what_the_locks_name() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    for requirements in (
        "requirements/site.txt",
        "requirements/test.txt",
        "requirements/bench.txt",
    ):
        assert f"$(BIN)/pip install --quiet --require-hashes -r {requirements}" in installs
    project = [line for line in installs if line.endswith("-e .")]
    assert project and all("--no-deps --no-build-isolation" in line for line in project)
    assert all(
        "--require-hashes" in line or line in project for line in installs if "$(BIN)" in line
    )


# --- 4. (continued) search results link only the site's own pages ------------------------

HOSTILE_PAGE = "javascript:alert(document.domain)%2F/index.md"


def test_a_page_whose_address_is_a_scheme_is_refused_by_check_build_and_index(
    docs: Path, tmp_path: Path
) -> None:
    page = docs / HOSTILE_PAGE
    page.parent.mkdir()
    page.write_text("---\ntitle: 点我\n---\n\n独特词语。\n", encoding="utf-8")
    expected = f"{docs / 'javascript:alert(document.domain)%2F'}:1: a ':', '\\' or control"
    run = cli("check", docs)  # its output encodes "%" as "%25" (one line, Actions' way)
    assert run.code == 1 and expected.replace("%", "%25") in run.out, run.out
    with pytest.raises(FilesRefused) as refused:
        build_site(docs.parent, docs.parent / "site")
    assert any(str(problem).startswith(expected) for problem in refused.value.problems)
    # The index, run on its own, leaves the page out and says so.
    site = tmp_path / "site"
    site.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "sitesearch", docs, site, "--urls", "directory"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"warning: {str(page).replace('%', '%25')}: not indexed" in result.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in (site / "search").rglob("*.js"))
    assert "javascript:" not in written and "独特词语" not in written


@pytest.mark.site
@pytest.mark.browser
def test_the_search_client_never_links_a_page_address_with_a_scheme(
    built_site: Path, browser: Browser, tmp_path: Path
) -> None:
    # An index written by another tool (or an old one): the client refuses the page.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    pages = [
        SearchPage("javascript:alert(document.domain)%2F/index", "点我", "", "独特词语在此。"),
        SearchPage("//evil.example/x", "别处", "", "独特词语在彼。"),
        SearchPage("2023/07/01", "本站的页面", "", "独特词语在本站。"),
    ]
    index = index_weighed((page, page_weights(page)) for page in pages)
    write_index(site, index_files(index, directory_urls=True))
    with serve(site) as base:
        visit = browser.new_page()
        dialogs: list[str] = []

        def refuse(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        visit.on("dialog", refuse)
        visit.goto(f"{base}2023/07/")
        assert search_results(visit, "独特词语") == ["/2023/07/01/"]
        hrefs = visit.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
        assert all(href.startswith(base) for href in hrefs), hrefs
        visit.keyboard.press("Enter")  # opens the first result: the site's own page
        # The site's own page, carrying the query to highlight (?h=).
        visit.wait_for_url(lambda url: url.split("?")[0] == f"{base}2023/07/01/")
        assert dialogs == []
        visit.close()


# A line as long as a whole archive's worth of text, in the sample's first article.
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
AFTER = "理现有和正在制定的标准，并评估标准缺口1。 \n"  # the end of article 01's lead
TWO_MEGABYTES = 2 * 1024 * 1024


def with_line(line: str) -> bytes:
    assert SAMPLE_TEXT.count(AFTER) == 1
    return SAMPLE_TEXT.replace(AFTER, f"{AFTER}\n{line} \n").encode("utf-8")


def paragraphs(data: bytes) -> list[str]:
    draft = run_passes(data, NAME, Diagnostics(NAME))
    assert draft.issue is not None
    return [
        block.text.value
        for article in draft.issue.articles
        for block in article.blocks
        if isinstance(block, Paragraph)
    ]


def test_a_two_megabyte_line_is_converted_whole() -> None:
    sentence = "标准化工作很重要，"
    line = sentence * (TWO_MEGABYTES // len(sentence.encode("utf-8")) + 1) + "。"
    assert len(line.encode("utf-8")) >= TWO_MEGABYTES
    assert line in paragraphs(with_line(line))


@pytest.mark.slow
def test_every_pass_grows_linearly_with_the_codes_in_a_line() -> None:
    # The passes' own work (the regular expressions run in C, unseen here) for each
    # doubling of the codes: twice the operations, where a quadratic pass makes four.
    def cost(count: int) -> int:
        data = with_line(codes_line(count))
        return operations(lambda: run_passes(data, NAME, Diagnostics(NAME)))

    cost(2_000)  # once first: the caches (patterns, vocabulary, citations) fill
    small, medium, large = cost(2_000), cost(4_000), cost(8_000)
    growth = (large - medium) / (medium - small)
    assert growth < 3, f"doubling the codes again cost {growth:.1f}× the first doubling"
