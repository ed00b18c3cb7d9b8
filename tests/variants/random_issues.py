"""Seeded random issues: the named variants' pieces in random combinations.

Each seed gives one issue: a random month and year, a summary or none, one to four
sections under random names, one to three articles each (titles ending in Han, a
code, a number or a bracket; one to four paragraphs; markers glued before a comma
or full stop, their definitions at the page's foot), footnote numbering that may
restart per section, and page furniture every one to five pages. Where the page
breaks, footnote areas and furniture fall is whatever the layout makes of that.

Left out on purpose, because their evidence can be absent by chance: lost headings
(a lost heading after a page that happens to be full leaves no trace; the named
variants place them where the evidence exists) and tables (rows crossing a page
are the named variant ``table-row-across-page``, wrong today).
"""

from __future__ import annotations

import random

from .catalogue import NOTE_IEC, NOTE_ISO, NOTE_NIST, NOTE_SAC, SUMMARY, P
from .spec import MARK, ArticleSpec, IssueSpec, SectionSpec

TITLES = (
    "国际标准化组织发布产品碳足迹核算标准",
    "国家标准委部署下半年标准化重点工作",
    "国际电工委员会发布低压开关设备外壳标准 IEC 62208",
    "美国国家标准学会发布电动汽车标准化路线图 2.0",
    "英国标准协会发布农业机器人标准《BS 8646:2023》",
    "欧洲标准化委员会与欧洲电工标准化委员会联合发布数字化转型与循环经济年度工作计划",
)
HEADINGS = ("标准战略", "机构评论", "前沿科技", "信息动态", "国际视野", "简讯")
NAMES = ("孙玉琦", "贾宇婷", "付豪", "邓阿妹", "欧阳娜娜")
NOTES = (NOTE_ISO, NOTE_IEC, NOTE_NIST, NOTE_SAC)
MARK_SHARE = 0.3  # paragraphs that carry a footnote marker
RECENT_SHARE = 0.6  # datelines in the issue's own month; the rest the month before


def random_issue(seed: int) -> IssueSpec:
    rng = random.Random(seed)
    month = rng.randint(1, 12)
    headings = rng.sample(HEADINGS, rng.randint(1, 4))
    sections = tuple(
        SectionSpec(heading, tuple(random_article(rng, month) for _ in range(rng.randint(1, 3))))
        for heading in headings
    )
    return IssueSpec(
        year=rng.randint(2020, 2025),
        month=month,
        summary=SUMMARY if rng.random() < 0.7 else None,
        sections=sections,
        notes_restart=rng.random() < 0.2,
        furniture_every=rng.choice((1, 2, 3, 5)),
    )


def random_article(rng: random.Random, month: int) -> ArticleSpec:
    paragraphs: list[str] = []
    notes: list[str] = []
    for text in rng.sample(P, rng.randint(1, 4)):  # no paragraph twice in an article
        if rng.random() < MARK_SHARE:
            text = with_marker(rng, text)
            notes.append(rng.choice(NOTES))
        paragraphs.append(text)
    dated = month if rng.random() < RECENT_SHARE else (month - 2) % 12 + 1
    return ArticleSpec(
        rng.choice(TITLES),
        dated,
        rng.randint(1, 28),
        tuple(paragraphs),
        authors=tuple(rng.sample(NAMES, rng.randint(1, 2))),
        notes=tuple(notes),
    )


def with_marker(rng: random.Random, text: str) -> str:
    """A marker glued before one of the paragraph's commas or full stops."""
    place = rng.choice([i for i, char in enumerate(text) if char in "，。"])
    return text[:place] + MARK + text[place:]
