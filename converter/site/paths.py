"""Where pages live in the docs folder, and the URLs MkDocs gives them.

An issue's pages are ``YYYY/MM/index.md`` (the landing page) and ``YYYY/MM/01.md``…
(its articles); the archive's own pages sit at the top.
"""

from __future__ import annotations

import hashlib
import re

from ..standards import Standard, standard_of

HOME_PAGE = "index.md"
NAV_FILE = ".nav.yml"
TAGS_FOLDER = "tags"
TAGS_PAGE = "tags/index.md"  # every tag; docs/tags/<slug>.md is a tag's articles
STANDARDS_FOLDER = "standards"
STANDARDS_PAGE = "standards/index.md"  # every family; docs/standards/<family>.md its standards
SECTIONS_FOLDER = "sections"
SECTIONS_PAGE = "sections/index.md"  # every section; docs/sections/<slug>.md its articles
AUTHORS_FOLDER = "authors"
AUTHORS_PAGE = "authors/index.md"  # every author; docs/authors/<slug>.md their articles
# The search page (its own generator writes it): the home page links it when present.
SEARCH_PAGE = "search/index.md"
# The offline edition, a rolling release of the repository (CI publishes it).
OFFLINE_DOWNLOAD = "releases/download/offline/bulletin-offline.zip"
# Folders of listing pages, rebuilt every run: a page a run no longer writes goes.
LISTING_FOLDERS = (TAGS_FOLDER, STANDARDS_FOLDER, SECTIONS_FOLDER, AUTHORS_FOLDER)
# Earlier single-page listings, removed when found: the folders above replace them.
RETIRED_PAGES = ("tags.md", "standards.md")
FEED_FILE = "feed.xml"
ISSUE_PAGE = re.compile(r"^(\d{4})/(\d{2})/index\.md$")
ARTICLE_PAGE = re.compile(r"^(\d{4})/(\d{2})/\d{2,}\.md$")
# Any page in an issue's folder: the editors' pages.
ISSUE_FOLDER_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+\.md$")


def issue_folder(issue_id: str) -> str:
    """ "2023-07" → "2023/07"."""
    return issue_id.replace("-", "/")


def article_path(issue_id: str, slug: str) -> str:
    return f"{issue_folder(issue_id)}/{slug}.md"


def year_page(year: str) -> str:
    return f"{year}/index.md"


def is_editable(relative: str) -> bool:
    """An issue's pages are the editors'. The archive listings (home, year pages,
    tags, standards index) and generated data (navigation, feed) are rebuilt every run."""
    return bool(ISSUE_FOLDER_PAGE.match(relative))


def page_url(path: str) -> str:
    """The URL MkDocs gives a page (directory URLs): 2023/07/01.md → 2023/07/01/."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def standard_anchor(code: str) -> str:
    """The standards index's anchor for the standard a code designates, from the code
    alone: "IEC 62208:2023", "IEC 62208" and "ISO/IEC 62208" → "iso-iec-62208"."""
    return standard_slug(standard_of(code))


def standard_slug(standard: Standard) -> str:
    return ascii_slug(standard.key)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; text with none gets a hash of itself."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def part_path(base: str, part: int) -> str:
    """A long listing's numbered pages: "tags/iso.md", then "tags/iso-2.md"…"""
    return base if part == 1 else f"{base.removesuffix('.md')}-{part}.md"


def year_part_path(base: str, year: str) -> str:
    """A long listing's page for one year: "tags/iso.md" → "tags/iso/2023.md"."""
    return f"{base.removesuffix('.md')}/{year}.md"


def name_slug(prefix: str, name: str) -> str:
    """A page name for a name (a section, an author): its ASCII words in lower case
    ("John Smith" → "john-smith"), else ``prefix`` and a hash of the name, stable
    whatever else the archive holds."""
    words = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if name.isascii() and words:
        return words
    return f"{prefix}-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def section_page(name: str) -> str:
    return f"{SECTIONS_FOLDER}/{name_slug('section', name)}.md"


def author_page(name: str) -> str:
    return f"{AUTHORS_FOLDER}/{name_slug('author', name)}.md"


def tag_page(slug: str, part: int = 1) -> str:
    return part_path(f"{TAGS_FOLDER}/{slug}.md", part)


def standard_family_page(family: str) -> str:
    """A family's page: "ISO/IEC" → "standards/iso-iec.md". A family is a number
    space (ISO, IEC and ISO/IEC share one); every standard in it has its anchor
    there, so an article's link depends on the code alone."""
    return f"{STANDARDS_FOLDER}/{ascii_slug(family)}.md"


def standard_page(code: str) -> str:
    """Where an article links a code: its number space's page (at ``standard_anchor``)."""
    return standard_family_page(standard_of(code).space)


def standard_code_page(standard: Standard, part: int = 1) -> str:
    """A standard's own list of articles, for one too often mentioned to list them
    all on its family's page: "standards/iso-iec/iso-iec-9001.md", "…-2.md"…"""
    family = ascii_slug(standard.space)
    return part_path(f"{STANDARDS_FOLDER}/{family}/{standard_slug(standard)}.md", part)


def relative_link(source: str, target: str) -> str:
    """A Markdown link from one page of the docs folder to another (both relative
    to the docs folder): "tags/iso.md" → "2023/07/01.md" is "../2023/07/01.md"."""
    folders, parts = source.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(folders), len(parts) - 1) and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:])
