"""Convert a perturbed export in-process and say how it differs from its truth.

What is checked, from the description of the change: the issue, the summary, the
number of articles and for each its title, section (and whether inferred), authors,
date, blocks (paragraph texts, subheadings and their relative levels, figures, the
table) and footnotes; that no article's body holds another article's title or author
line (a merge); and that the warnings exceed the unmodified sample's by at most the
change's ``oddities``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from converter.check import check_rendered
from converter.model import ConversionError
from converter.passes import convert_bytes
from converter.site.issue_pages import render_issue

from .catalogue import Perturbation, truth
from .truth import SAMPLE, ArticleTruth, IssueTruth, norm, read_pages

PATH = "archive/2023-07.txt"


@dataclass(frozen=True)
class Result:
    issue: IssueTruth | None
    warnings: tuple[str, ...]
    error: str | None = None
    rejected: tuple[str, ...] = ()  # what the editors' check says of the rendered pages


def convert(text: str, path: str = PATH) -> Result:
    """The export converted under the file name ``path`` (it names the issue), its
    pages rendered, checked and read back."""
    try:
        issue, diagnostics = convert_bytes(text.encode("utf-8"), path)
        pages = render_issue(issue)
    except ConversionError as error:
        return Result(None, (), f"conversion stopped: {error}")
    rejected = tuple(
        str(problem)
        for name, page in sorted(pages.items())
        for problem in check_rendered(name, page)
    )
    warnings = tuple(str(w) for w in diagnostics.warnings)
    try:
        got = read_pages(pages, str(issue.id))
    except (IndexError, KeyError) as error:  # no summary part, no landing page
        return Result(None, warnings, f"pages not readable: {error!r}", rejected)
    return Result(got, warnings, rejected=rejected)


@cache
def sample_warnings() -> int:
    """How many warnings the unmodified sample gives (its lost headings, a table split)."""
    return len(convert(SAMPLE.read_text(encoding="utf-8")).warnings)


def ranked(article: ArticleTruth) -> ArticleTruth:
    """Subheading levels as ranks within the article (1 = outermost), so a page may
    start its subheadings at any Markdown level."""
    levels = sorted({int(str(b[2])) for b in article.blocks if b[0] == "subheading"})
    rank = {level: index for index, level in enumerate(levels, start=1)}
    blocks = tuple(
        (b[0], b[1], rank[int(str(b[2]))]) if b[0] == "subheading" else b for b in article.blocks
    )
    return replace(article, blocks=blocks, line=0)


def differences(want: IssueTruth, got: IssueTruth) -> list[str]:
    found: list[str] = []
    if want.id != got.id:
        found.append(f"issue: expected {want.id}, got {got.id}")
    if want.summary != got.summary:
        found.append(f"summary: expected {len(want.summary)} paragraphs, got {len(got.summary)}")
    titles = [norm(a.title) for a in want.articles]
    got_titles = [norm(a.title) for a in got.articles]
    if titles != got_titles:
        missing = [t for t in titles if t not in got_titles]
        extra = [t for t in got_titles if t not in titles]
        found.append(
            f"articles: expected {len(titles)}, got {len(got_titles)}; "
            f"missing {missing}, unexpected {extra}"
        )
    got_by_title = {norm(a.title): a for a in got.articles}
    for index, a in enumerate(want.articles, start=1):
        b = got_by_title.get(norm(a.title))
        if b is None:
            continue
        a, b = ranked(a), ranked(b)
        for name in ("section", "inferred", "authors", "date", "footnotes"):
            if getattr(a, name) != getattr(b, name):
                found.append(
                    f"article {index} ({a.title}) {name}: "
                    f"expected {getattr(a, name)!r}, got {getattr(b, name)!r}"
                )
        if a.blocks != b.blocks:
            found.append(f"article {index} ({a.title}) blocks: {first_block_difference(a, b)}")
    return found


def first_block_difference(a: ArticleTruth, b: ArticleTruth) -> str:
    for number, (x, y) in enumerate(zip(a.blocks, b.blocks, strict=False), start=1):
        if x != y:
            return f"block {number}: expected {str(x)[:90]}…, got {str(y)[:90]}…"
    return f"expected {len(a.blocks)} blocks, got {len(b.blocks)}"


def merges(want: IssueTruth, got: IssueTruth) -> list[str]:
    """Articles whose body holds another article's title, or an author line (one
    that closes an article, left inside a body)."""
    author_lines = {"（" + "".join(a.authors) + "）" for a in want.articles}
    found: list[str] = []
    for article in got.articles:
        body = "".join(str(block[1]) for block in article.blocks if len(block) > 1)
        for other in want.articles:
            if norm(other.title) != norm(article.title) and norm(other.title) in body:
                found.append(f"'{article.title}' holds the title of '{other.title}'")
        found.extend(
            f"'{article.title}' holds the author line {line}"
            for line in author_lines
            if line in body
        )
    return found


def problems(perturbation: Perturbation, path: str = PATH) -> tuple[list[str], Result]:
    text = perturbation.edit(SAMPLE.read_text(encoding="utf-8"))
    result = convert(text, path)
    if result.issue is None:
        return [str(result.error)], result
    want = perturbation.expect(truth())
    found = list(result.rejected) + merges(want, result.issue) + differences(want, result.issue)
    if perturbation.warns_at:
        line = text.split("\n").index(perturbation.warns_at) + 1
        if not any(w.startswith(f"{path}:{line}: ") for w in result.warnings):
            found.append(f"no warning names line {line} ({perturbation.warns_at.strip()})")
    budget = sample_warnings() + perturbation.oddities
    if len(result.warnings) > budget:
        found.append(
            f"{len(result.warnings)} warnings, at most {budget} expected "
            f"(the sample's {sample_warnings()} + {perturbation.oddities}): "
            + " | ".join(result.warnings[:4])
        )
    return found, result
