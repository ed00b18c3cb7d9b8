"""scripts/check_links.py: internal links and anchors of a built site.

Run as the command CI runs (``make links``): on the sample's built site, where every
link must resolve, and on tiny hand-made sites whose broken links are known.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_links.py"
SUMMARY = re.compile(r"checked (\d+) pages, (\d+) internal links: (\d+) broken")


def check_links(site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(site), *options],
        capture_output=True,
        text=True,
        check=False,
    )


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return root


def counts(stderr: str) -> tuple[int, int, int]:
    found = SUMMARY.search(stderr)
    assert found, stderr
    pages, links, broken = (int(group) for group in found.groups())
    return pages, links, broken


@pytest.mark.site
def test_the_built_site_has_no_broken_links(built_site: Path) -> None:
    result = check_links(built_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    pages, links, _ = counts(result.stderr)
    # Every article, the issue, year, home, tags and standards pages, and their links.
    assert pages > 25
    assert links > 500


def test_a_missing_page_and_a_missing_anchor_are_both_reported(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": '<a href="a/">A</a> <a href="gone/">gone</a> <a href="a/#nowhere">x</a>',
            "a/index.html": '<h2 id="here">here</h2>',
        },
    )
    result = check_links(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "index.html: gone/ → missing page gone/index.html",
        'index.html: a/#nowhere → no element with id "nowhere" in a/index.html',
    ]
    assert counts(result.stderr) == (2, 3, 2)


def test_every_kind_of_link_is_resolved_like_a_browser_would(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "index.html": (
                '<a href="#top">top</a> <a href="#">top</a> <a href="#intro">intro</a>'
                '<p id="intro">intro</p>'
                '<a href="a/#here">dir URL</a> <a href="a">dir without slash</a>'
                '<a href="a/index.html?q=1#here">file, query</a>'
                '<a href="tags/#tag:%E5%9B%BD%E9%99%85">encoded CJK anchor</a>'
                '<a href="tags/#tag:国际">raw CJK anchor</a>'
                '<a href="a/#old">a name anchor</a>'
                '<img src="figure.svg#part"> <link rel="alternate" href="feed.xml">'
                '<a href="https://example.org/x#y">web</a> <a href="mailto:a@example.org">mail</a>'
                '<a href="javascript:void(0)">js</a> <img src="data:image/png;base64,AAAA">'
                '<script src="//cdn.example.org/x.js"></script>'
            ),
            "a/index.html": '<h2 id="here">here</h2><a name="old"></a><a href="../#intro">up</a>',
            "tags/index.html": '<h2 id="tag:国际">国际</h2>',
        },
    )
    (site / "figure.svg").write_text("<svg/>", encoding="utf-8")
    (site / "feed.xml").write_text("<feed/>", encoding="utf-8")
    result = check_links(site)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_a_link_leaving_the_site_is_reported(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"index.html": '<a href="../elsewhere.html">x</a>'})
    (tmp_path / "elsewhere.html").write_text("<p>outside</p>", encoding="utf-8")
    result = check_links(site)
    assert result.stdout.splitlines() == ["index.html: ../elsewhere.html → points outside the site"]


def test_root_relative_links_are_read_against_the_base_path_of_site_url(tmp_path: Path) -> None:
    # As MkDocs writes them into 404.html, from site_url (and the home page's canonical link).
    site = write_site(
        tmp_path,
        {
            "index.html": (
                '<link rel="canonical" href="https://example.org/bulletin/">'
                '<a href="/bulletin/a/#here">ok</a> <a href="/bulletin/">home</a>'
                '<a href="/bulletin/b/">missing</a> <a href="/a/">outside the base path</a>'
            ),
            "a/index.html": '<h2 id="here">here</h2>',
        },
    )
    result = check_links(site)
    assert result.stdout.splitlines() == [
        "index.html: /bulletin/b/ → missing page b/index.html",
        "index.html: /a/ → root-relative link outside the site's base path /bulletin/",
    ]
    explicit = check_links(site, "--base-path", "/")
    assert explicit.stdout.splitlines() == [
        "index.html: /bulletin/a/#here → missing page bulletin/a/index.html",
        "index.html: /bulletin/ → missing page bulletin/index.html",
        "index.html: /bulletin/b/ → missing page bulletin/b/index.html",
    ]


def test_a_missing_site_folder_is_an_error(tmp_path: Path) -> None:
    result = check_links(tmp_path / "nowhere")
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
