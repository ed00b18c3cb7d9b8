"""The perturbations: the real export changed in one way another issue could show.

Each one is an edit of ``archive/2023-07.txt`` (text → text, laid out as the
extractor writes: ``edit.Export``) and the same change applied to the sample's known
structure (``truth.golden_truth``): what the converted issue must then read as. The
expected side is written from the description of the change, never from what the
converter makes of it. ``oddities`` is how many warnings the change can justify.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from tests.variants.layout import BODY_WIDTH, TITLE_WIDTH, wrap

from .edit import PAGE_INDENT, SAMPLE_DATELINE, Export, once
from .truth import ArticleTruth, IssueTruth, When, golden_truth, norm

Edit = Callable[[str], str]
Expect = Callable[[IssueTruth], IssueTruth]

ISSUE_MONTH = When(2023, 7, None)  # what an article with no date in its text gets
NORM_DATELINE = re.compile(r"^\d{1,2}月\d{1,2}日，")
HEADER = "2023 年第 07 期"
RULE_MIN_SPACES = 20  # the footnote rule is a line of 61 spaces (FORMAT.md §1.5)


@dataclass(frozen=True)
class Perturbation:
    name: str
    why: str
    edit: Edit
    expect: Expect
    oddities: int = 1  # warnings the change may justify, at most
    warns_at: str = ""  # text of a row that a warning must name (the change asks one)


@cache
def truth() -> IssueTruth:
    return golden_truth()


def title_row(export: Export, article: int) -> int:
    """The row of article ``article``'s title (0-based article, golden ``source``)."""
    return truth().articles[article].line - 1


def dateline_row(export: Export, article: int) -> int:
    start = title_row(export, article)
    return next(i for i in range(start, len(export.rows)) if SAMPLE_DATELINE.match(export.rows[i]))


def edited(change: Callable[[Export], None]) -> Edit:
    def apply(text: str) -> str:
        export = Export.of(text)
        change(export)
        return export.text

    return apply


def with_article(issue: IssueTruth, index: int, **changes: object) -> IssueTruth:
    articles = list(issue.articles)
    articles[index] = replace(articles[index], **changes)  # type: ignore[arg-type]
    return replace(issue, articles=tuple(articles))


def with_block(article: ArticleTruth, index: int, block: tuple[object, ...]) -> ArticleTruth:
    blocks = list(article.blocks)
    blocks[index] = block
    return replace(article, blocks=tuple(blocks))


# --- datelines -------------------------------------------------------------------------


def redated(
    articles: tuple[int, ...],
    printed: Callable[[int, int], str],
    when: Callable[[ArticleTruth], When],
) -> tuple[Edit, Expect]:
    """The datelines of ``articles`` printed as ``printed(month, day)`` ("" drops it)."""

    def change(export: Export) -> None:
        for index in sorted(articles, reverse=True):  # later rows first: earlier stay put
            row = dateline_row(export, index)
            export.reflow(
                row,
                lambda text: SAMPLE_DATELINE.sub(
                    lambda m: printed(int(m[1]), int(m[2])), text, count=1
                ),
            )

    def expect(issue: IssueTruth) -> IssueTruth:
        for index in articles:
            article = issue.articles[index]
            kind, text = article.blocks[0]
            assert kind == "paragraph" and isinstance(text, str)
            date = article.date
            new_text = norm(printed(date.month, date.day or 0)) + NORM_DATELINE.sub("", text)
            article = with_block(article, 0, ("paragraph", new_text))
            issue = with_article(issue, index, blocks=article.blocks, date=when(article))
        return issue

    return edited(change), expect


def dateline(
    name: str,
    why: str,
    articles: tuple[int, ...],
    printed: Callable[[int, int], str],
    when: Callable[[ArticleTruth], When],
    oddities: int = 1,
) -> Perturbation:
    edit, expect = redated(articles, printed, when)
    return Perturbation(name, why, edit, expect, oddities)


ALL = tuple(range(22))


def same_date(article: ArticleTruth) -> When:
    return article.date


def month_only(article: ArticleTruth) -> When:
    return When(article.date.year, article.date.month, None)


def undated(article: ArticleTruth) -> When:
    return ISSUE_MONTH


def first_day(day: int) -> Callable[[ArticleTruth], When]:
    return lambda article: When(article.date.year, article.date.month, day)


# --- page furniture ------------------------------------------------------------------


def furniture_rows(export: Export) -> list[tuple[int, int, int]]:
    """(first row, page-number row, header row) of each furniture run."""
    runs = []
    for first, last in export.furniture_runs():
        number = export.next_text(export.next_text(first))
        runs.append((first, number, last))
    return runs


def header_as(printed: str) -> Edit:
    def change(export: Export) -> None:
        for _, _, header in furniture_rows(export):
            export.rows[header] = printed + " "

    return edited(change)


def page_number_as(form: str) -> Edit:
    def change(export: Export) -> None:
        for _, number, _ in furniture_rows(export):
            export.rows[number] = form.format(export.rows[number].strip()) + " "

    return edited(change)


def number_only(export: Export) -> None:
    """Furniture without its running header: blank, number, blank (the run's last
    blank row and the header row go)."""
    for _, number, header in reversed(furniture_rows(export)):
        del export.rows[number + 3 : header + 1]


def header_before_number(export: Export) -> None:
    for _, number, header in furniture_rows(export):
        export.rows[number], export.rows[header] = export.rows[header], export.rows[number]


def furniture_every_page(export: Export) -> None:
    """A run of furniture at every page turn that has none, numbered by the page it
    ends (the sample's three runs end pages 11, 12 and 21)."""
    starts = export.page_starts()
    after_furniture = {export.next_text(last) for _, last in export.furniture_runs()}
    for page, start in reversed(list(enumerate(starts))):
        if page == 0 or start in after_furniture:
            continue
        run = ["", "", "", " ", "", f"{page} ", "", " ", "", HEADER + " ", ""]
        export.rows[start] = export.rows[start].removeprefix(" ")
        export.rows[start:start] = run


# --- structure -----------------------------------------------------------------------


def unindent(text_in_row: str) -> Edit:
    """The page turn before this row removed: it goes on the page before, in a block
    of its own; the page numbers printed after it are one less."""

    def change(export: Export) -> None:
        row = export.find(" " + text_in_row)
        assert export.starts_block(row) and export.rows[row].startswith(" ")
        export.rows[row] = export.rows[row][1:]
        for _, number, _ in furniture_rows(export):
            if number > row:  # one page fewer before it
                export.rows[number] = f"{int(export.rows[number]) - 1} "

    return edited(change)


def renamed_section(old: str, new: str) -> Expect:
    def expect(issue: IssueTruth) -> IssueTruth:
        return replace(
            issue,
            articles=tuple(
                replace(a, section=new) if a.section == old else a for a in issue.articles
            ),
        )

    return expect


def summary_dated(export: Export) -> None:
    row = export.find("7 月，国家发展改革委")
    export.reflow(row, lambda text: once(text, "7 月，", "7 月 3 日，"))


def expect_summary_dated(issue: IssueTruth) -> IssueTruth:
    first = issue.summary[0]
    assert first.startswith("7月，")
    return replace(issue, summary=("7月3日，" + first.removeprefix("7月，"), *issue.summary[1:]))


LONG_TITLE = (
    "欧洲标准化委员会发布《人工智能与信息通信技术专业化：值得信赖和稳健的人工智能基础"
    "确保人工智能和信息通信技术专业标准化的协调》白皮书"
)


def retitle(article: int, title: str) -> Edit:
    """The title set again at the title width: only its last line ends with a space. A
    title opening a page keeps the page's one-space indent (FORMAT.md §1.3)."""

    def change(export: Export) -> None:
        first = title_row(export, article)
        last = dateline_row(export, article) - 2
        lines = [line.rstrip(" ") for line in wrap(title, TITLE_WIDTH)]
        lines[-1] += " "
        if export.rows[first].startswith(PAGE_INDENT):
            lines[0] = PAGE_INDENT + lines[0]
        export.replace_rows(first, last, lines)

    return edited(change)


# --- authors -------------------------------------------------------------------------

AUTHOR_ROWS = re.compile(r"（([\u4e00-\u9fff ]+)） ?$")


def authors_spaced(separator: str) -> Edit:
    """Every author line's names (and a two-character name's padding) separated by
    ``separator`` instead of one ASCII space."""

    def change(export: Export) -> None:
        for index, row in enumerate(export.rows):
            match = AUTHOR_ROWS.search(row)
            if match and " " in match[1]:
                names = match[1].replace(" ", separator)
                export.rows[index] = row[: match.start(1)] + names + row[match.end(1) :]

    return edited(change)


def authors_replaced(article: int, old: str, new: str) -> Edit:
    """The author line of ``article`` (its last row holding ``old``) set as ``new``,
    the paragraph's last line wrapped again."""

    def change(export: Export) -> None:
        row = export.find(old, title_row(export, article))
        export.reflow(row, lambda text: once(text, old, new), opens=False)

    return edited(change)


def authors_split(article: int, old: str, first: str, second: str) -> Edit:
    """The author line of ``article`` (the row ending with ``old``) set over two
    lines, cut at the space between two names: the space stays at the line's end,
    as the extractor leaves a space it met at a wrap (FORMAT.md §2, Latin words)."""

    def change(export: Export) -> None:
        row = export.find(old, title_row(export, article))
        text = export.rows[row]
        assert text.endswith(old + " ")
        export.replace_rows(row, row, [text.removesuffix(old + " ") + first, second + " "])

    return edited(change)


def authors_are(article: int, names: tuple[str, ...]) -> Expect:
    return lambda issue: with_article(issue, article, authors=names)


# --- subheadings, captions -----------------------------------------------------------


def rows_replaced(*pairs: tuple[str, str]) -> Edit:
    def change(export: Export) -> None:
        for old, new in pairs:
            row = export.find(old)
            export.rows[row] = once(export.rows[row], old, new)

    return edited(change)


def nested_subheadings(issue: IssueTruth) -> IssueTruth:
    """Article 2's 四、 and 五、 printed as （一） and （二） under 三、: one level down."""
    article = issue.articles[1]
    blocks = []
    for block in article.blocks:
        if block[0] == "subheading" and str(block[1]).startswith(("四、", "五、")):
            text = str(block[1]).replace("四、", "（一）").replace("五、", "（二）")
            block = ("subheading", text, int(str(block[2])) + 1)
        blocks.append(block)
    return with_article(issue, 1, blocks=tuple(blocks))


def figure_caption(article: int, number: int, caption: str) -> Expect:
    def expect(issue: IssueTruth) -> IssueTruth:
        current = issue.articles[article]
        index = next(i for i, b in enumerate(current.blocks) if b[0] == "figure")
        changed = with_block(current, index, ("figure", number, norm(caption)))
        return with_article(issue, article, blocks=changed.blocks)

    return expect


def wrapped_caption(old: str, new: str) -> Edit:
    """A caption line replaced by a longer one, wrapped at the body width."""

    def change(export: Export) -> None:
        row = export.find(old)
        lines = [line.rstrip(" ") for line in wrap(new, BODY_WIDTH)]
        lines[-1] += " "
        assert len(lines) == 2, lines
        export.replace_rows(row, row, lines)

    return edited(change)


def table_caption(number: int, caption: str) -> Expect:
    def expect(issue: IssueTruth) -> IssueTruth:
        current = issue.articles[0]
        index = next(i for i, b in enumerate(current.blocks) if b[0] == "table")
        block = current.blocks[index]
        changed = with_block(current, index, ("table", number, norm(caption), *block[3:]))
        return with_article(issue, 0, blocks=changed.blocks)

    return expect


def without_number_column(export: Export) -> None:
    """The table printed without its 序号 column: the header loses 序号, every row
    its number (a number alone on its row goes with its row, its page indent to the
    next row; a number sharing a row with the first cell is cut from it)."""
    header = export.find("序号 缺口描述 建议 ")
    export.rows[header] = "缺口描述 建议 "
    end = export.find("评估通信协议和标准之间的互操作性 否 低 ")
    number = 1
    index = header + 1
    while index < end:
        row = export.rows[index]
        indent = " " if row.startswith(" ") else ""
        if row.strip() == str(number) and export.is_text(index):
            nxt = export.next_text(index)
            export.rows[nxt] = indent + export.rows[nxt]
            del export.rows[index:nxt]
            end -= nxt - index
            number += 1
            continue
        if row.lstrip().startswith(f"{number} ") and export.is_text(index):
            export.rows[index] = indent + row.lstrip().removeprefix(f"{number} ")
            number += 1
        index += 1
    assert number == 38, number


def expect_without_number_column(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[0]
    index = next(i for i, b in enumerate(article.blocks) if b[0] == "table")
    kind, number, caption, head, rows = article.blocks[index]
    assert isinstance(head, tuple) and isinstance(rows, tuple)
    block = (kind, number, caption, head[1:], tuple(row[1:] for row in rows))
    return with_article(issue, 0, blocks=with_block(article, index, block).blocks)


# --- footnotes -----------------------------------------------------------------------


def is_rule(row: str) -> bool:
    return len(row) > RULE_MIN_SPACES and not row.strip()


def note_rows(export: Export, number: int) -> list[int]:
    """The rows of footnote ``number``'s definition: the block opening with its
    number in a note area (after a rule)."""
    rule = -1
    for index, row in enumerate(export.rows):
        if is_rule(row):
            rule = index
        elif rule >= 0 and export.starts_block(index) and row.startswith(f"{number} "):
            return export.block_rows(index)
        elif rule >= 0 and export.starts_block(index) and row.startswith(" "):
            rule = -1  # a page start ends the area
    raise AssertionError(f"no definition {number}")


def note_continued(number: int, cut: str, rewrite: tuple[str, str] | None = None) -> Edit:
    """Footnote ``number``'s definition cut before ``cut`` (at a space between words,
    which stays at the line's end): the rest continues at the top of the next page's
    note area, before that page's first definition. Lines keep their wraps."""

    def change(export: Export) -> None:
        rows = note_rows(export, number)
        if rewrite:
            row = next(i for i in rows if rewrite[0] in export.rows[i])
            export.rows[row] = once(export.rows[row], *rewrite)
        at = next(i for i in rows if cut in export.rows[i])
        head, tail = export.rows[at].split(cut, 1)
        assert head.endswith(" "), head
        tail_rows = [cut + tail, *(export.rows[i] for i in rows if i > at)]
        following = next(i for i in range(rows[-1], len(export.rows)) if is_rule(export.rows[i]))
        block: list[str] = []
        for line in tail_rows:
            block.extend(([""] if block else []) + [line])
        export.rows[following + 1 : following + 1] = block
        kept = [export.rows[i] for i in rows if i < at] + [head]
        export.replace_rows(rows[0], rows[-1], kept)

    return edited(change)


def note_text(number: int, old: str, new: str) -> Expect:
    def expect(issue: IssueTruth) -> IssueTruth:
        for index, article in enumerate(issue.articles):
            notes = tuple(
                (n, text.replace(norm(old), norm(new)) if n == number else text)
                for n, text in article.footnotes
            )
            if notes != article.footnotes:
                return with_article(issue, index, footnotes=notes)
        raise AssertionError(f"no footnote {number}")

    return expect


def unchanged(issue: IssueTruth) -> IssueTruth:
    return issue


# --- the catalogue -------------------------------------------------------------------

WRAPPED_FIGURE = "NIST 激光频率梳技术以飞秒精度同步地球上的时钟与相距遥远的光学原子钟比对示意图"
FIVE_NAMES = ("邓阿妹", "孙玉琦", "贾宇婷", "朱传宇", "辛竹琳")

PERTURBATIONS: tuple[Perturbation, ...] = (
    dateline(
        "dateline-with-year",
        "every dateline with its year: '2023 年 6 月 15 日，'",
        ALL,
        lambda m, d: f"2023 年 {m} 月 {d} 日，",
        same_date,
    ),
    dateline(
        "datelines-unspaced",
        "every dateline set without spaces: '6月15日，'",
        ALL,
        lambda m, d: f"{m}月{d}日，",
        same_date,
    ),
    dateline(
        "dateline-day-range-dash",
        "an event over two days: '6 月 22—23 日，' (dated by its first day)",
        (18,),
        lambda m, d: f"{m} 月 22—23 日，",
        first_day(22),
    ),
    dateline(
        "dateline-day-range-zhi",
        "an event over three days: '6 月 27 日至 29 日，' (dated by its first day)",
        (17,),
        lambda m, d: f"{m} 月 27 日至 29 日，",
        first_day(27),
    ),
    dateline(
        "dateline-early-month",
        "a dateline naming part of a month: '6 月上旬，' (June, no day)",
        (12,),
        lambda m, d: f"{m} 月上旬，",
        month_only,
    ),
    dateline(
        "dateline-mid-month",
        "a dateline naming part of a month: '6 月中旬，' (June, no day)",
        (6,),
        lambda m, d: f"{m} 月中旬，",
        month_only,
    ),
    dateline(
        "dateline-end-of-month",
        "a dateline naming the end of a month: '6 月底，' (June, no day)",
        (4,),
        lambda m, d: f"{m} 月底，",
        month_only,
    ),
    dateline(
        "dateline-recently",
        "no date, only '近日，' (recently): the issue's month, marked",
        (9,),
        lambda m, d: "近日，",
        undated,
    ),
    dateline(
        "dateline-the-other-day",
        "no date, only '日前，' (the other day): the issue's month, marked",
        (20,),
        lambda m, d: "日前，",
        undated,
    ),
    dateline(
        "dateline-removed",
        "one article opens with no dateline at all: the issue's month, marked",
        (10,),
        lambda m, d: "",
        undated,
    ),
    dateline(
        "datelines-removed-all",
        "an issue whose articles carry no datelines: every date the issue's month",
        ALL,
        lambda m, d: "",
        undated,
        oddities=22,
    ),
    Perturbation(
        "header-with-title",
        "the running header names the bulletin: '标准化动态 2023 年第 7 期'",
        header_as("标准化动态 2023 年第 7 期"),
        unchanged,
    ),
    Perturbation(
        "header-compact",
        "the running header without spaces or a leading zero: '2023年第7期'",
        header_as("2023年第7期"),
        unchanged,
    ),
    Perturbation(
        "furniture-number-only",
        "page furniture with a page number but no running header",
        edited(number_only),
        unchanged,
    ),
    Perturbation(
        "header-before-number",
        "the furniture read header first, then the page number",
        edited(header_before_number),
        unchanged,
    ),
    Perturbation(
        "page-number-em-dash",
        "page numbers between dashes: '— 11 —'",
        page_number_as("— {} —"),
        unchanged,
    ),
    Perturbation(
        "page-number-hyphen",
        "page numbers between hyphens: '- 11 -'",
        page_number_as("- {} -"),
        unchanged,
    ),
    Perturbation(
        "page-number-chinese",
        "page numbers as '第 11 页'",
        page_number_as("第 {} 页"),
        unchanged,
    ),
    Perturbation(
        "furniture-every-page",
        "page number and running header at every page turn (25 runs, not 3)",
        edited(furniture_every_page),
        unchanged,
    ),
    Perturbation(
        "heading-mid-page-after-figure",
        "a section heading (前沿科技) printed mid-page, after the previous article's figure",
        unindent("前沿科技 "),
        unchanged,
    ),
    Perturbation(
        "heading-mid-page-after-text",
        "a section heading (机构评论) printed mid-page, right after the previous article",
        unindent("机构评论 "),
        unchanged,
    ),
    Perturbation(
        "heading-letter-spaced",
        "a section heading set letter-spaced: '前 沿 科 技'",
        rows_replaced((" 前沿科技 ", " 前 沿 科 技 ")),
        unchanged,
    ),
    Perturbation(
        "heading-not-listed",
        "a section heading not in data/sections.yml ('国际视野' for 信息动态): kept, warned",
        rows_replaced((" 信息动态 ", " 国际视野 ")),
        renamed_section("信息动态", "国际视野"),
        warns_at=" 国际视野 ",
    ),
    Perturbation(
        "summary-first-dated",
        "the summary's first paragraph opens with a dateline: '7 月 3 日，'",
        edited(summary_dated),
        expect_summary_dated,
    ),
    Perturbation(
        "title-three-lines",
        "a title long enough to wrap onto three lines",
        retitle(4, LONG_TITLE),
        lambda issue: with_article(issue, 4, title=LONG_TITLE),
    ),
    Perturbation(
        "authors-fullwidth-space",
        "author names (and a short name's padding) separated by a full-width space",
        authors_spaced("\u3000"),
        unchanged,
    ),
    Perturbation(
        "authors-several-spaces",
        "author names (and a short name's padding) separated by three spaces",
        authors_spaced("   "),
        unchanged,
    ),
    Perturbation(
        "authors-wrapped",
        "a second author whose name wraps onto the next line: '（贾宇婷 邓阿' + '妹）'",
        authors_replaced(7, "（贾宇婷）", "（贾宇婷 邓阿妹）"),
        authors_are(7, ("贾宇婷", "邓阿妹")),
    ),
    Perturbation(
        "authors-wrapped-at-space",
        "two authors whose line wraps between the names: '（贾宇婷 ' + '邓阿妹）'",
        authors_split(7, "（贾宇婷）", "（贾宇婷 ", "邓阿妹）"),
        authors_are(7, ("贾宇婷", "邓阿妹")),
    ),
    Perturbation(
        "authors-five",
        "five authors on the line after the table",
        authors_replaced(0, "（邓阿妹 孙玉琦）", "（" + " ".join(FIVE_NAMES) + "）"),
        authors_are(0, FIVE_NAMES),
    ),
    Perturbation(
        "subheadings-nested",
        "two levels of subheadings: '（一）', '（二）' under '三、'",
        rows_replaced(
            ("四、做好工作统筹衔接", "（一）做好工作统筹衔接"),
            ("五、完善相关配套政策", "（二）完善相关配套政策"),
        ),
        nested_subheadings,
    ),
    Perturbation(
        "figure-caption-colon",
        "a figure caption '图 1：…' (full-width colon)",
        rows_replaced(("图 1. 市场监管总局", "图 1：市场监管总局")),
        unchanged,
    ),
    Perturbation(
        "figure-caption-glued",
        "a figure caption '图3 NIST…' (number glued to 图, a space after it)",
        rows_replaced(("图 3. NIST", "图3 NIST")),
        unchanged,
    ),
    Perturbation(
        "figure-caption-wrapped",
        "a figure caption long enough to wrap onto two lines",
        wrapped_caption(
            "图 4. NIST 激光频率梳技术",
            "图 4. " + WRAPPED_FIGURE,
        ),
        figure_caption(16, 4, WRAPPED_FIGURE),
    ),
    Perturbation(
        "table-caption-colon",
        "the table caption '表 1：…' (full-width colon)",
        rows_replaced(("表 1. 路线图", "表 1：路线图")),
        unchanged,
    ),
    Perturbation(
        "table-caption-wrapped",
        "a table caption long enough to wrap onto two lines",
        wrapped_caption(
            "表 1. 路线图提出的",
            "表 1. 《大规模电动汽车标准化路线图》提出的 37 个标准化缺口及相应的建议",
        ),
        table_caption(1, "《大规模电动汽车标准化路线图》提出的 37 个标准化缺口及相应的建议"),
    ),
    Perturbation(
        "table-without-number-column",
        "the table printed without its 序号 column",
        edited(without_number_column),
        expect_without_number_column,
    ),
    Perturbation(
        "footnote-continues-digit",
        "a footnote continued in the next page's note area, the rest opening with a date",
        note_continued(20, "2023-06-21."),
        unchanged,
    ),
    Perturbation(
        "footnote-continues-latin",
        "a footnote continued in the next page's note area, the rest opening with a word",
        note_continued(21, "Nature. "),
        unchanged,
    ),
    Perturbation(
        "footnote-continues-number",
        "a footnote continued in the next page's note area, the rest opening '21 June 2023'",
        note_continued(21, "21 June", ("June 21, 2023", "21 June 2023")),
        note_text(21, "June 21, 2023", "21 June 2023"),
    ),
)
