"""The offline zip's guide, 说明.txt (scripts/make_zip.py): at the top of the zip,
saying which file to open, what the edition holds and that search works offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scripts.make_zip import GUIDE, RefusedEntry, make_zip

PAGES = ["index.html", "2022/12/index.html", "2022/12/01.html", "2023/07/index.html"]
PAGES += [f"2023/07/{n:02d}.html" for n in range(1, 4)] + ["tags/index.html"]


def edition(folder: Path, pages: list[str]) -> Path:
    for name in pages:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("<p>x</p>", encoding="utf-8")
    return folder


def zipped(tmp_path: Path, pages: list[str] = PAGES) -> zipfile.ZipFile:
    target = tmp_path / "dist" / "edition.zip"
    make_zip(edition(tmp_path / "site", pages), target, "bulletin")
    return zipfile.ZipFile(target)


def guide_text(archive: zipfile.ZipFile) -> str:
    return archive.read(f"bulletin/{GUIDE}").decode("utf-8-sig")


def test_the_guide_is_the_first_entry_of_the_top_folder(tmp_path: Path) -> None:
    with zipped(tmp_path) as archive:
        assert archive.namelist()[0] == f"bulletin/{GUIDE}"
        assert f"bulletin/{GUIDE}".count("/") == 1


def test_the_guide_names_the_file_to_open_and_that_it_exists(tmp_path: Path) -> None:
    with zipped(tmp_path) as archive:
        text = guide_text(archive)
        assert "打开" in text and "index.html" in text
        assert "bulletin/index.html" in archive.namelist()


def test_the_guide_counts_the_issues_and_articles_it_holds(tmp_path: Path) -> None:
    with zipped(tmp_path) as archive:
        text = guide_text(archive)
    assert "2022 年第 12 期至 2023 年第 7 期，共 2 期、4 篇文章" in text
    assert f"共 {len(PAGES) + 1} 个文件" in text


def test_the_guide_says_search_works_offline(tmp_path: Path) -> None:
    with zipped(tmp_path) as archive:
        text = guide_text(archive)
    assert "搜索" in text and "离线时同样可用" in text


def test_the_guide_opens_in_any_notepad(tmp_path: Path) -> None:
    """UTF-8 with a byte order mark, Windows line ends."""
    with zipped(tmp_path) as archive:
        data = archive.read(f"bulletin/{GUIDE}")
    assert data.startswith("\ufeff".encode())
    assert data.count(b"\r\n") == data.count(b"\n") > 0


def test_the_zip_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    site = edition(tmp_path / "site", PAGES)
    make_zip(site, tmp_path / "a.zip", "bulletin")
    make_zip(site, tmp_path / "b.zip", "bulletin")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_a_site_file_named_like_the_guide_is_refused(tmp_path: Path) -> None:
    site = edition(tmp_path / "site", [*PAGES, GUIDE])
    with pytest.raises(RefusedEntry, match=GUIDE):
        make_zip(site, tmp_path / "dist" / "edition.zip", "bulletin")
    assert not (tmp_path / "dist" / "edition.zip").exists()
