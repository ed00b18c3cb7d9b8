"""The structure accounting pass: the check beside the character
accounting that no article went into another unseen.

Takes the issue and gives it back unchanged, with a warning for every piece of
structure that does not fit: an article with no author line (its end was not
seen, so the next article may be inside it), and an author line that does not
close its article (an article starts after it that was not recognised). The
structure pass itself warns of every title-shaped paragraph that some cue says
starts an article but that does not, and of every section whose heading was lost;
the datelines pass of every dateline where no article starts. Together they tell
the editor where an article may have merged into its neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Diagnostics
from ..model import Article, Block, Issue, Paragraph
from .structure import paragraph_authors

NO_AUTHORS = "article has no author line: its end was not seen, another article may be inside it"
AUTHORS_INSIDE = (
    "an author line closes this paragraph but the text goes on: an article may start "
    "after it that was not recognised"
)


def check_structure(issue: Issue, diagnostics: Diagnostics) -> None:
    for problem in structure_problems(issue):
        diagnostics.warn(*problem)


def structure_problems(issue: Issue) -> list[tuple[int, str]]:
    """Each problem as the line it is at and what is wrong, in the issue's order."""
    problems = authors_inside(issue.summary)
    for article in issue.articles:
        problems.extend(article_problems(article))
    return problems


def article_problems(article: Article) -> list[tuple[int, str]]:
    problems = [] if article.authors else [(article.line, NO_AUTHORS)]
    return problems + authors_inside(article.blocks)


def authors_inside(blocks: Sequence[Block]) -> list[tuple[int, str]]:
    """Author lines left in the text: the closing one was taken off already."""
    return [
        (block.line, AUTHORS_INSIDE)
        for block in blocks
        if isinstance(block, Paragraph) and paragraph_authors(block) is not None
    ]
