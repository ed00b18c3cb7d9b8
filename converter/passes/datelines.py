"""The datelines pass: a check that no article went missing unseen.

Takes the issue (summary and articles) and gives it back unchanged, with a warning
for every paragraph that opens with a dateline ("6 月 15 日，", ``patterns.DATELINE``)
where no article starts and nothing explains it. An article whose title was not
recognised (three lines, say) is merged into the one before it and keeps every
character, so the character accounting cannot see it; its dateline still shows.

A dateline inside an article is explained when the block before it is a paragraph
that closes a sentence, or a subheading: the article goes on with a later date
("6 月 20 日，委员会又…"). A title never closes a sentence, nor does an author line
("…。（孙玉琦）"), so a dateline after either is reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diagnostics import Diagnostics
from ..model import Block, Issue, Paragraph, Subheading
from ..patterns import DATELINE
from .structure import paragraph_authors

# A sentence closes with 。！？ or an ellipsis, possibly inside closing quotes or
# brackets ("…。”", "…。）"); a title or "（孙玉琦）" does not.
SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)]*$")
NO_ARTICLE = "a dateline opens this paragraph but no article starts here"
MERGED = "a title may have been merged into the previous article"


def check_datelines(issue: Issue, diagnostics: Diagnostics) -> None:
    # The summary may open with a date ("7 月 3 日，…"): nothing to continue. Without
    # 本期概要 over it, the structure pass has reported it as text outside any article.
    check_blocks(issue.summary, diagnostics, start=1)
    for article in issue.articles:
        # The first block is the article's own dateline, right after its title.
        check_blocks(article.blocks, diagnostics, start=1)


def check_blocks(blocks: Sequence[Block], diagnostics: Diagnostics, start: int = 0) -> None:
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, Paragraph) and DATELINE.match(block.text.value):
            reason = unexplained(blocks[index - 1] if index > 0 else None)
            if reason:
                diagnostics.warn(block, f"{NO_ARTICLE}: {reason}; {MERGED}")


def unexplained(previous: Block | None) -> str | None:
    """Why a dateline after ``previous`` cannot be the article going on (None: it can)."""
    if isinstance(previous, Subheading):
        return None
    if previous is None:
        return "nothing comes before it to continue"
    if not isinstance(previous, Paragraph):
        return f"it follows a figure or table (line {previous.line}), not a sentence"
    text = previous.text.value
    if paragraph_authors(previous) is not None:
        return f"the paragraph before it (line {previous.line}) closes with an author line"
    if not SENTENCE_END.search(text):
        return f"the paragraph before it (line {previous.line}) does not close a sentence"
    return None
