"""Zip a folder deterministically: sorted entries, fixed timestamps, one top folder.

The top folder opens with a guide, ``说明.txt``: which file to open (index.html), what
the edition holds (its issues and articles, counted from the built pages) and that
its search works without a network. Reader's text, so UTF-8 with a byte order mark
and Windows line ends: Notepad on any Windows opens it as Chinese.

Links are never followed: a symbolic link or a special file (device, FIFO) in the
folder is refused, naming it, and no zip is written (a link would put its target,
any file of the machine, into the download).

Usage: python scripts/make_zip.py SOURCE_DIR ZIP_FILE TOP_FOLDER
"""

from __future__ import annotations

import os
import re
import stat
import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980
GUIDE = "说明.txt"
# The offline edition's pages (mkdocs.offline.yml: file URLs): an issue's landing
# page is YYYY/MM/index.html, its articles YYYY/MM/NN.html.
ISSUE_PAGE = re.compile(r"^(\d{4})/(\d{2})/index\.html$")
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/\d+\.html$")


class RefusedEntry(Exception):
    pass


def regular_files(source: Path) -> list[Path]:
    """Every file under ``source``, in path order; a link or special file is refused."""
    files = []
    for parent, folders, names in os.walk(source):
        for name in folders + names:
            path = Path(parent) / name
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                raise RefusedEntry(
                    f"{path} is a symbolic link (to {os.readlink(path)}): links are refused"
                )
            if stat.S_ISREG(mode):
                files.append(path)
            elif not stat.S_ISDIR(mode):
                raise RefusedEntry(
                    f"{path} is not a regular file (a device, FIFO or socket): refused"
                )
    return sorted(files)


def issue_label(year: str, month: str) -> str:
    return f"{year} 年第 {int(month)} 期"


def guide(names: list[str]) -> str:
    """The text of 说明.txt for an edition whose files are ``names`` (relative, with /)."""
    issues = sorted(m.groups() for name in names if (m := ISSUE_PAGE.match(name)))
    articles = sum(1 for name in names if ARTICLE_PAGE.match(name))
    if issues:
        span = issue_label(*issues[0])
        if len(issues) > 1:
            span += f"至 {issue_label(*issues[-1])}"
        held = f"{span}，共 {len(issues)} 期、{articles} 篇文章的全文"
    else:
        held = "各期文章的全文"
    lines = [
        "标准化动态 离线版",
        "",
        "怎样打开：解压后，用浏览器（Edge、Chrome、Firefox、Safari 等）打开本文件夹里的",
        "index.html（双击即可）。不需要联网，也不需要安装任何软件。",
        "",
        f"内容：{held}。每期一个文件夹（年份/月份/），另有按年份、栏目、标签、作者和标准浏览的页面。",
        "",
        "搜索：每页顶部的搜索框在离线时同样可用，不会连接网络。",
        "",
        f"本文件夹共 {len(names) + 1} 个文件；请整个文件夹一起保存或复制，不要只拿走单个网页。",
    ]
    return "".join(line + "\r\n" for line in lines)


def add_file(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def make_zip(source: Path, target: Path, top: str) -> None:
    """Raises ``RefusedEntry`` (and writes nothing) for a link or a special file, or
    for a file of the folder named like the guide."""
    files = regular_files(source)
    names = [path.relative_to(source).as_posix() for path in files]
    if GUIDE in names:
        raise RefusedEntry(f"{source / GUIDE} would be replaced by the zip's own guide")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        add_file(archive, f"{top}/{GUIDE}", guide(names).encode("utf-8-sig"))
        for path, name in zip(files, names, strict=True):
            add_file(archive, f"{top}/{name}", path.read_bytes())
    partial.replace(target)


if __name__ == "__main__":
    try:
        make_zip(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
    except RefusedEntry as refused:
        sys.exit(f"error: {refused}; no zip was written")
