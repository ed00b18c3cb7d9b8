"""What a pull request, an export, a page or a file name can make the build do
(issue 20), one section per way in: each attack fails with a clear message, and
nothing leaks or runs.

Pathological input is measured in operations (Python calls and generator steps,
counted by a profile hook), never in seconds: the time limit is ``make bench``'s.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from converter.model import Article, Paragraph, Text
from converter.passes.standards import find_standards
from converter.passes.tags import tag_articles
from converter.vocabulary import Tag

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
