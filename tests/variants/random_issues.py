"""Seeded random issues: the named variants' pieces in random combinations.

Each seed gives one issue: a random month and year, a summary or none, one to four
sections under random names, one to three articles each (titles ending in Han, a
code, a number or a bracket; one to four paragraphs; markers glued before a comma
or full stop, their definitions at the page's foot), footnote numbering that may
restart per section, and page furniture every one to five pages. Where the page
breaks, footnote areas and furniture fall is whatever the layout makes of that.

``broad_issue`` then varies the forms another issue could print (converter/FORMAT.md
and issue 16): datelines with a year, over a range of days, naming part of a month,
vague or absent; the running header and page number in other forms and order; a
section heading mid-page; titles of one to three lines; one to five authors with
other separators; nested subheadings; a summary opening with a date.

Left out on purpose, because their evidence can be absent by chance: lost headings
(a lost heading after a page that happens to be full leaves no trace; the named
variants place them where the evidence exists) and tables (rows crossing a page
are the named variant ``table-row-across-page``, wrong today).
"""

from __future__ import annotations

import random
from dataclasses import replace

from .catalogue import (
    DATED_SUMMARY,
    NOTE_IEC,
    NOTE_ISO,
    NOTE_NIST,
    NOTE_SAC,
    SUMMARY,
    THREE_LINE_TITLE,
    P,
)
from .spec import MARK, ArticleSpec, Block, IssueSpec, SectionSpec, SubheadingSpec

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


# --- the broad corpus: other forms of the same structure --------------------------------

DATE_FORMS = (
    "{month} 月 {day} 日，",  # the sample's, most often
    "{month} 月 {day} 日，",
    "{month} 月 {day} 日，",
    "{month}月{day}日，",
    "{year} 年 {month} 月 {day} 日，",
    "{month} 月 {day}—{end} 日，",
    "{month} 月 {day} 日至 {end} 日，",
    "{month} 月上旬，",
    "{month} 月中旬，",
    "{month} 月底，",
    "近日，",
    "日前，",
    "",
)
HEADER_FORMS = (
    "{year} 年第 {month:02d} 期",
    "{year} 年第 {month} 期",
    "{year}年第{month}期",
    "标准化动态 {year} 年第 {month} 期",
)
NUMBER_FORMS = ("{}", "— {} —", "- {} -", "第 {} 页")
SEPARATORS = (" ", "\u3000", "   ")
BROAD_NAMES = (*NAMES, "朱传宇", "辛竹琳", "周树斌")
NESTED = (
    SubheadingSpec("一、加强标准供给"),
    SubheadingSpec("（一）数字化转型", 2),
    SubheadingSpec("（二）循环经济", 2),
    SubheadingSpec("二、推动标准国际化"),
)
MID_PAGE_SHARE = 0.25  # sections whose heading is printed mid-page
NESTED_SHARE = 0.15  # articles with two levels of subheadings


def broad_issue(seed: int) -> IssueSpec:
    """``random_issue(seed)`` printed in forms drawn from its own seeded generator."""
    spec = random_issue(seed)
    rng = random.Random(f"broad-{seed}")
    separator = rng.choice(SEPARATORS)  # a house style: the same in the whole issue
    sections = tuple(
        replace(
            section,
            mid_page=index > 0 and rng.random() < MID_PAGE_SHARE,
            articles=tuple(
                broad_article(rng, article, spec.date_of(article).year, separator)
                for article in section.articles
            ),
        )
        for index, section in enumerate(spec.sections)
    )
    summary = spec.summary
    if summary is not None and rng.random() < 0.2:
        summary = DATED_SUMMARY
    return replace(
        spec,
        sections=sections,
        summary=summary,
        header_form=rng.choice(HEADER_FORMS),
        number_form=rng.choice(NUMBER_FORMS),
        header_first=rng.random() < 0.2,
    )


def broad_article(
    rng: random.Random, article: ArticleSpec, year: int, separator: str
) -> ArticleSpec:
    blocks: tuple[Block, ...] = article.blocks
    if len(blocks) >= 4 and rng.random() < NESTED_SHARE:
        first, second, third, *rest = blocks
        blocks = (first, NESTED[0], NESTED[1], second, NESTED[2], third, NESTED[3], *rest)
    form = rng.choice(DATE_FORMS).replace("{year}", str(year))
    title = THREE_LINE_TITLE if rng.random() < 0.1 else article.title
    return replace(
        article,
        title=title,
        blocks=blocks,
        date_form=form,
        authors=tuple(rng.sample(BROAD_NAMES, rng.randint(1, 5))),
        name_separator=separator,
        name_padding=separator,
    )
