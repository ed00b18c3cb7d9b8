"""More perturbations, written by a held-out tester who did not read the passes.

Each is a change another issue of the bulletin could show and ``catalogue`` does not
name: other forms of titles, author lines, leads and summaries; a page that turns
at another place (a title or an author line opening a page); footnotes numbered
per article, an article without footnotes, a second definition of an area
continuing on the next page; an issue without a summary; a January issue whose
articles are dated in December. The expected side is the golden structure changed
as described, never the converter's output (tests/test_perturbed_more.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tests.variants.layout import BODY_WIDTH, INDENT, TITLE_WIDTH, wrap

from .catalogue import (
    ALL,
    ISSUE_MONTH,
    Perturbation,
    authors_are,
    authors_replaced,
    dateline,
    dateline_row,
    edited,
    furniture_rows,
    is_rule,
    note_continued,
    note_rows,
    redated,
    retitle,
    rows_replaced,
    same_date,
    title_row,
    truth,
    unchanged,
    with_article,
    with_block,
)
from .edit import Export, join_rows, markers_kept, once
from .truth import ArticleTruth, IssueTruth, When, norm

SAMPLE_PATH = "archive/2023-07.txt"


@dataclass(frozen=True)
class Issue(Perturbation):
    """A perturbation of the export converted under another file name (the issue)."""

    path: str = SAMPLE_PATH


# --- page turns ------------------------------------------------------------------------


def page_turn_before(text: str) -> Callable[[Export], None]:
    """A page turn put before the row holding ``text`` (a row inside a block): the
    separator before it goes, so it starts a block, and it gets the page indent;
    every printed page number after it is one more."""

    def change(export: Export) -> None:
        row = export.find(text)
        assert not export.starts_block(row) and export.rows[row - 1] == ""
        export.rows[row] = " " + export.rows[row]
        del export.rows[row - 1]
        for _, number, _ in furniture_rows(export):
            if number > row:
                export.rows[number] = f"{int(export.rows[number]) + 1} "

    return change


def heading_lost(name: str) -> Callable[[Export], None]:
    """The section heading ``name`` printed as an image: its row (and the separator
    after it) is gone, the blank line under it opens the page."""

    def change(export: Export) -> None:
        row = export.find(f" {name} ")
        assert export.rows[row + 1] == "" and export.rows[row + 2] == " "
        del export.rows[row : row + 2]

    return change


def inferred_section(name: str) -> Callable[[IssueTruth], IssueTruth]:
    def expect(issue: IssueTruth) -> IssueTruth:
        articles = tuple(
            replace(a, inferred=True) if a.section == name else a for a in issue.articles
        )
        return replace(issue, articles=articles)

    return expect


def heading_at_page_foot(export: Export) -> None:
    """前沿科技 printed at the foot of the page before (right after the author line),
    its first article opening the next page: one page turn moves, the page numbers
    stay."""
    heading = export.find(" 前沿科技 ")
    assert export.starts_block(heading)
    export.rows[heading] = export.rows[heading][1:]
    title = export.find("美国标准与技术研究院科学家利用激光研究抗穿刺材料 ")
    assert export.rows[title - 1] == ""
    export.rows[title] = " " + export.rows[title]
    del export.rows[title - 1]


# --- authors, leads ------------------------------------------------------------------


def authors_own_line(export: Export) -> None:
    """Article 3's author line (付 豪) on a line of its own after its last paragraph."""
    row = export.find("确保国际标准化满足世界需求。（付 豪） ")
    export.replace_rows(row, row, ["所有相关方合作，确保国际标准化满足世界需求。 ", "（付 豪） "])


def authors_removed(export: Export) -> None:
    """Article 4 (NAIAC) printed with no author line: its last paragraph just ends."""
    row = export.find("人工智能与经济。（贾宇婷） ")
    export.rows[row] = once(export.rows[row], "（贾宇婷）", "")


def last_stop_removed(export: Export) -> None:
    row = export.find("后备解决方案。（贾宇婷） ")
    export.rows[row] = once(export.rows[row], "方案。（", "方案（")


def expect_last_stop_removed(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[7]
    kind, text = article.blocks[-1]
    assert isinstance(text, str) and text.endswith("后备解决方案。")
    changed = with_block(article, len(article.blocks) - 1, (kind, text.removesuffix("。")))
    return with_article(issue, 7, blocks=changed.blocks)


# --- titles ----------------------------------------------------------------------------


def retitled(name: str, why: str, article: int, title: str) -> Perturbation:
    return Perturbation(
        name,
        why,
        retitle(article, title),
        lambda issue: with_article(issue, article, title=title),
    )


def retitle_latin(article: int, title: str) -> Callable[[str], str]:
    """The title set again at the title width, a line broken between two Latin words
    keeping its trailing space, as the extractor leaves it (FORMAT.md §2)."""

    def change(export: Export) -> None:
        first = title_row(export, article)
        last = dateline_row(export, article) - 2
        lines = wrap(title, TITLE_WIDTH)
        assert len(lines) == 2 and lines[0].endswith(" "), lines
        export.replace_rows(first, last, lines)

    return edited(change)


LATIN_TITLE = "英国标准协会发布 BS 8646:2023 Use of autonomous mobile machinery in agriculture"


def body_paragraph_dated(export: Export) -> None:
    row = export.find("会议审议通过了《ISO 战略 2030》")
    export.reflow(row, lambda text: "6 月 21 日，" + text)


def expect_body_paragraph_dated(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[20]
    kind, text = article.blocks[1]
    assert isinstance(text, str) and text.startswith("会议审议通过")
    changed = with_block(article, 1, (kind, "6月21日，" + text))
    return with_article(issue, 20, blocks=changed.blocks)


# --- summary ---------------------------------------------------------------------------

SUMMARY_HEADING = " 本期概要 "
# The summary is set wider than the body (its lines measure 64–71 columns, :3–53).
SUMMARY_WIDTH = 68


def summary_reflow(export: Export, row: int, change: Callable[[str], str]) -> None:
    """The summary paragraph opening at ``row`` changed and wrapped again at its width."""
    rows = export.piece(row)
    text = join_rows([export.rows[i] for i in rows])
    lines = wrap(change(text), SUMMARY_WIDTH, SUMMARY_WIDTH - INDENT)
    export.replace_rows(rows[0], rows[-1], markers_kept(lines))


def summary_rows(export: Export) -> tuple[int, int]:
    """First and last row of the summary's paragraphs (after its heading, before the
    first section heading)."""
    first = export.find(SUMMARY_HEADING) + 2
    last = export.find(" 标准战略 ") - 1
    return first, last


def summary_one_paragraph(export: Export) -> None:
    first, last = summary_rows(export)
    rows = [export.rows[i] for i in range(first, last + 1) if export.rows[i]]
    text = join_rows([row.rstrip(" ") for row in rows])
    lines = wrap(text, SUMMARY_WIDTH, SUMMARY_WIDTH - INDENT)
    export.replace_rows(first, last, markers_kept(lines))


def summary_removed(export: Export) -> None:
    """No summary: the issue opens with its first section heading on page 1."""
    _, last = summary_rows(export)
    del export.rows[: last + 1]


def summary_second_dated(export: Export) -> None:
    row = export.find("国际电信联盟专家表示标准对未来绿色包容至关重要。国际")
    summary_reflow(export, row, lambda text: "6 月，" + text)


def summary_paragraph_full_date(export: Export) -> None:
    row = export.find("国际电信联盟专家表示标准对未来绿色包容至关重要。国际")
    summary_reflow(export, row, lambda text: "6 月 19 日，" + text)


def figure_without_authors(export: Export) -> None:
    """Article 16 ends with its figure's caption: no author line after it."""
    row = export.find("（朱传宇） ", export.find("图 3. NIST"))
    assert export.rows[row - 1] == "" and export.rows[row].strip() == "（朱传宇）"
    del export.rows[row - 1 : row + 1]


# --- footnotes ---------------------------------------------------------------------------

# Where each footnote's marker sits in the sample: the text glued around it.
MARKER_AT = {
    1: "缺口1。",
    2: "》2。该文件",
    3: "关键3。",
    4: "报告4。",
    5: "白皮书5。",
    6: "点6。",
    7: "Economics7开展",
    8: "贸易8。",
    9: "支持9。",
    10: "）10。",
    11: "污染11。",
    12: "管理12。",
    13: "操作13。",
    14: "机会14。",
    15: "》15。",
    16: "方法16。",
    17: "）上发表17。",
    18: "路径18。",
    19: "上发表19。",
    20: "传递20。",
    21: "上发表21。",
    22: "工作22。",
    23: "事项23。",
    24: "试点24。",
    25: "会议25。",
    26: "合作26。",
}


def restarted_numbers() -> dict[int, int]:
    """Each footnote's number when every article numbers its notes from 1."""
    numbers = {}
    for article in truth().articles:
        for new, (old, _) in enumerate(article.footnotes, start=1):
            numbers[old] = new
    return numbers


def renumber_marker(export: Export, old: int, new: str) -> None:
    context = MARKER_AT[old]
    row = export.find(context)
    changed = context.replace(str(old), new, 1)
    export.reflow(row, lambda text: once(text, context, changed), opens=False)


def footnotes_restart(export: Export) -> None:
    numbers = restarted_numbers()
    firsts = {old: note_rows(export, old)[0] for old in numbers}
    for old, row in firsts.items():
        export.rows[row] = f"{numbers[old]} " + export.rows[row].removeprefix(f"{old} ")
    for old in sorted(numbers, reverse=True):
        renumber_marker(export, old, str(numbers[old]))


def expect_footnotes_restart(issue: IssueTruth) -> IssueTruth:
    numbers = restarted_numbers()
    articles = tuple(
        replace(a, footnotes=tuple((numbers[n], text) for n, text in a.footnotes))
        for a in issue.articles
    )
    return replace(issue, articles=articles)


def last_note_removed(export: Export) -> None:
    """The last article cites no source: no marker 26, no note area on its page."""
    renumber_marker(export, 26, "")
    rows = note_rows(export, 26)
    rule = rows[0] - 1
    assert is_rule(export.rows[rule]) and export.rows[rule - 1] == ""
    del export.rows[rule - 1 : rows[-1] + 1]


# --- articles --------------------------------------------------------------------------

SHORT_TITLE = "欧洲标准化委员会发布新版技术委员会名录"
SHORT_LEAD = (
    "6 月 25 日，欧洲标准化委员会（CEN）发布新版技术委员会名录，"
    "列出其现有 337 个技术委员会的工作范围和秘书处。"
)
SHORT_AUTHORS = "（付 豪）"


def short_article(export: Export, lead: str = SHORT_LEAD) -> None:
    """A news item of one paragraph, its author line glued, inserted after article 6."""
    row = export.find("行业和整个社会都获得了显著的利益。（朱传宇） ")
    lines = markers_kept(wrap(lead + SHORT_AUTHORS, BODY_WIDTH, BODY_WIDTH - INDENT))
    new = ["", SHORT_TITLE + " "]
    for line in lines:
        new += ["", line]
    export.rows[row + 1 : row + 1] = new


def expect_short_article(issue: IssueTruth) -> IssueTruth:
    return with_short_article(issue, SHORT_LEAD, When(2023, 6, 25))


def with_short_article(issue: IssueTruth, lead: str, date: When) -> IssueTruth:
    neighbour = issue.articles[6]
    article = ArticleTruth(
        title=SHORT_TITLE,
        section=neighbour.section,
        inferred=False,
        date=date,
        authors=("付豪",),
        blocks=(("paragraph", norm(lead)),),
        footnotes=(),
        line=0,
    )
    articles = list(issue.articles)
    articles.insert(7, article)
    return replace(issue, articles=tuple(articles))


UNDATED_LEAD = SHORT_LEAD.removeprefix("6 月 25 日，")


# --- subheadings, captions -----------------------------------------------------------

SUBHEADINGS = (
    "拓展重点领域范围",
    "强化能效水平引领",
    "推动分类改造升级",
    "做好工作统筹衔接",
    "完善相关配套政策",
)
HAN_NUMBERS = "一二三四五"


def subheadings_numbered(
    form: Callable[[int], str],
) -> tuple[Callable[[str], str], Callable[[IssueTruth], IssueTruth]]:
    """Article 2's five subheadings numbered ``form(n)`` instead of '一、'."""
    pairs = [
        (f"{HAN_NUMBERS[i]}、{text}", f"{form(i + 1)}{text}") for i, text in enumerate(SUBHEADINGS)
    ]

    def expect(issue: IssueTruth) -> IssueTruth:
        article = issue.articles[1]
        renamed = dict((norm(old), norm(new)) for old, new in pairs)
        blocks = tuple(
            (b[0], renamed[str(b[1])], b[2]) if b[0] == "subheading" else b for b in article.blocks
        )
        return with_article(issue, 1, blocks=blocks)

    return rows_replaced(*pairs), expect


PAREN_EDIT, PAREN_EXPECT = subheadings_numbered(lambda n: f"（{HAN_NUMBERS[n - 1]}）")
ARABIC_EDIT, ARABIC_EXPECT = subheadings_numbered(lambda n: f"{n}. ")
BARE_EDIT, BARE_EXPECT = subheadings_numbered(lambda n: "")


def caption_number_own_line(export: Export) -> None:
    row = export.find("表 1. 路线图提出的 37 个标准化缺口及相应的建议 ")
    export.replace_rows(row, row, ["表 1 ", "路线图提出的 37 个标准化缺口及相应的建议 "])


def footnotes_bracketed(export: Export) -> None:
    """Markers and definitions numbered '[n]', as a reference list is (GB/T 7714)."""
    numbers = sorted(MARKER_AT)
    firsts = {n: note_rows(export, n)[0] for n in numbers}
    for n, row in firsts.items():
        export.rows[row] = f"[{n}] " + export.rows[row].removeprefix(f"{n} ")
    for n in sorted(numbers, reverse=True):
        renumber_marker(export, n, f"[{n}]")


def rules_as(rule: str | None) -> Callable[[Export], None]:
    """Every footnote rule printed as ``rule``; None: the rule was drawn, not a run of
    spaces, and leaves no line (its separator goes too, so the first definition
    starts a block after the body's last line)."""

    def change(export: Export) -> None:
        for row in reversed(range(len(export.rows))):
            if is_rule(export.rows[row]):
                if rule is None:
                    assert export.rows[row - 1] == ""
                    del export.rows[row - 1 : row + 1]
                else:
                    export.rows[row] = rule

    return change


# --- figures, tables ---------------------------------------------------------------------


def figure_without_blank(export: Export) -> None:
    """Figure 3's image left no blank line: its caption follows the paragraph."""
    row = export.find("图 3. NIST 新型量子设备")
    assert export.rows[row - 2] == " " and export.rows[row - 1] == ""
    del export.rows[row - 3 : row - 1]


TABLE_NOTE = "注：“/”表示不需要额外研发工作。"


def table_note(export: Export) -> None:
    row = export.find("评估通信协议和标准之间的互操作性 否 低 ")
    export.rows[row + 1 : row + 1] = ["", TABLE_NOTE + " "]


def expect_table_note(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[0]
    blocks = (*article.blocks, ("paragraph", norm(TABLE_NOTE)))
    return with_article(issue, 0, blocks=blocks)


# --- a January issue -------------------------------------------------------------------


def january(month: int) -> int:
    """The sample's months moved to a January issue: July → January, June → December."""
    return {7: 1, 6: 12}[month]


def january_when(article: ArticleTruth) -> When:
    month = january(article.date.month)
    return When(2024 if month == 1 else 2023, month, article.date.day)


JANUARY_DATES, JANUARY_DATES_EXPECT = redated(
    ALL, lambda m, d: f"{january(m)} 月 {d} 日，", january_when
)


def january_issue_edit(text: str) -> str:
    export = Export.of(JANUARY_DATES(text))
    row = export.find("7 月，国家发展改革委")
    summary_reflow(export, row, lambda t: once(t, "7 月，", "1 月，"))
    for _, _, header in furniture_rows(export):
        export.rows[header] = "2024 年第 01 期 "
    return export.text


def january_issue_expect(issue: IssueTruth) -> IssueTruth:
    issue = JANUARY_DATES_EXPECT(issue)
    first = issue.summary[0]
    summary = ("1月，" + first.removeprefix("7月，"), *issue.summary[1:])
    return replace(issue, id="2024-01", summary=summary)


# --- leads -------------------------------------------------------------------------------


def lead(name: str, why: str, article: int, printed: Callable[[int, int], str]) -> Perturbation:
    return dateline(name, why, (article,), printed, same_date)


# --- the catalogue ---------------------------------------------------------------------

MORE_PERTURBATIONS: tuple[Perturbation, ...] = (
    Perturbation(
        "article-very-short",
        "a news item of title and one paragraph, its author line glued, between two articles",
        edited(short_article),
        expect_short_article,
    ),
    Perturbation(
        "authors-missing",
        "an article printed without an author line (the next title follows its last paragraph)",
        edited(authors_removed),
        authors_are(3, ()),
    ),
    Perturbation(
        "authors-own-line",
        "an author line on a line of its own after the last paragraph, not glued to it",
        edited(authors_own_line),
        unchanged,
    ),
    Perturbation(
        "authors-wen-slash",
        "the author line as '（文/孙玉琦）'",
        authors_replaced(9, "（孙玉琦）", "（文/孙玉琦）"),
        unchanged,
    ),
    Perturbation(
        "authors-compiled-colon",
        "the author line as '（编译：辛竹琳）' (a translated item)",
        authors_replaced(8, "（辛竹琳）", "（编译：辛竹琳）"),
        unchanged,
    ),
    Perturbation(
        "authors-compiled-after",
        "the author line as '（辛竹琳 编译）': the role after the name",
        authors_replaced(12, "（辛竹琳）", "（辛竹琳 编译）"),
        unchanged,
    ),
    Perturbation(
        "last-paragraph-no-stop",
        "an article whose last paragraph (a list item) ends without a full stop before its authors",
        edited(last_stop_removed),
        expect_last_stop_removed,
    ),
    retitled(
        "title-ends-with-code",
        "a title ending in a standard's code: '…发布 ASTM D8506-2023'",
        9,
        "美国材料与试验协会发布 ASTM D8506-2023",
    ),
    retitled(
        "title-with-dash",
        "a title with a dash: '国际电工委员会战略研讨会——探讨未来关键机遇和挑战'",
        18,
        "国际电工委员会战略研讨会——探讨未来关键机遇和挑战",
    ),
    retitled(
        "title-quoted-colon",
        "a title opening with a quotation and a colon: '“标准化促进生产力和贸易”：…'",
        6,
        "“标准化促进生产力和贸易”：欧洲标准化组织研究发现",
    ),
    retitled(
        "title-opens-with-book",
        "a title opening with a book title: '《欧盟关键原材料法》提案获欧洲标准化组织支持'",
        7,
        "《欧盟关键原材料法》提案获欧洲标准化组织支持",
    ),
    Perturbation(
        "title-opens-page",
        "an article's title opens a page (the page before ends with the previous author line)",
        edited(page_turn_before("欧洲标准化组织研究发现标准化促进生产力和贸易 ")),
        unchanged,
    ),
    Perturbation(
        "caption-alone-on-page",
        "a page holding only a figure and its caption: the author line opens the next page",
        edited(page_turn_before("（周树斌） ")),
        unchanged,
    ),
    lead(
        "lead-ju-baodao",
        "a lead naming its source before the date: '据报道，6 月 19 日，'",
        2,
        lambda m, d: f"据报道，{m} 月 {d} 日，",
    ),
    lead(
        "lead-local-time",
        "a lead in local time: '当地时间 6 月 28 日，'",
        17,
        lambda m, d: f"当地时间 {m} 月 {d} 日，",
    ),
    Perturbation(
        "summary-one-paragraph",
        "the summary as one paragraph",
        edited(summary_one_paragraph),
        lambda issue: replace(issue, summary=("".join(issue.summary),)),
    ),
    Perturbation(
        "summary-second-dated",
        "a summary paragraph other than the first opening with a month: '6 月，国际电信联盟…'",
        edited(summary_second_dated),
        lambda issue: replace(
            issue, summary=(issue.summary[0], "6月，" + issue.summary[1], *issue.summary[2:])
        ),
    ),
    Perturbation(
        "summary-heading-daodu",
        "the summary headed '本期导读' instead of '本期概要'",
        rows_replaced((SUMMARY_HEADING, " 本期导读 ")),
        unchanged,
    ),
    Perturbation(
        "summary-absent",
        "an issue with no summary: page 1 opens with the first section heading",
        edited(summary_removed),
        lambda issue: replace(issue, summary=()),
    ),
    Perturbation(
        "subheadings-parenthesised",
        "subheadings numbered '（一）' … '（五）' at the top level",
        PAREN_EDIT,
        PAREN_EXPECT,
    ),
    Perturbation(
        "subheadings-arabic",
        "subheadings numbered '1. ' … '5. '",
        ARABIC_EDIT,
        ARABIC_EXPECT,
    ),
    Perturbation(
        "table-caption-number-own-line",
        "the table caption set as '表 1' on a line of its own, its title on the next",
        edited(caption_number_own_line),
        unchanged,
    ),
    Perturbation(
        "footnotes-restart-per-article",
        "footnotes numbered from 1 in each article (markers and definitions)",
        edited(footnotes_restart),
        expect_footnotes_restart,
    ),
    Perturbation(
        "footnote-none-in-last-article",
        "the last article cites no source: no marker, no note area on its last page",
        edited(last_note_removed),
        lambda issue: with_article(issue, 21, footnotes=()),
    ),
    Perturbation(
        "footnote-second-continues",
        "the second of two definitions in an area continued in the next page's area",
        note_continued(4, "2023-06-22."),
        unchanged,
    ),
    Perturbation(
        "article-very-short-undated",
        "a news item of title and one paragraph with no dateline, its author line glued",
        edited(lambda export: short_article(export, UNDATED_LEAD)),
        lambda issue: with_short_article(issue, UNDATED_LEAD, ISSUE_MONTH),
    ),
    Perturbation(
        "authors-four-char-name",
        "an author with a compound surname: '（欧阳明辉）'",
        authors_replaced(9, "（孙玉琦）", "（欧阳明辉）"),
        authors_are(9, ("欧阳明辉",)),
    ),
    Perturbation(
        "authors-two-char-unpadded",
        "a two-character name printed without padding: '（付豪）'",
        authors_replaced(2, "（付 豪）", "（付豪）"),
        unchanged,
    ),
    Perturbation(
        "heading-bracketed",
        "section headings printed in lenticular brackets: '【标准战略】'",
        rows_replaced(
            *(
                (f" {name} ", f" 【{name}】 ")
                for name in ("标准战略", "机构评论", "前沿科技", "信息动态")
            )
        ),
        unchanged,
    ),
    Perturbation(
        "title-split-across-pages",
        "a two-line title whose second line opens the next page",
        edited(page_turn_before("化白皮书 ")),
        unchanged,
    ),
    Perturbation(
        "page-turn-after-title",
        "a title at the foot of a page, its dateline opening the next",
        edited(page_turn_before("6 月 22 日，欧洲标准化委员会（CEN）和欧洲电工")),
        unchanged,
    ),
    Perturbation(
        "summary-across-pages",
        "a summary long enough to go on to page 2",
        edited(page_turn_before("行为研究开辟了新的可能性；")),
        unchanged,
    ),
    Perturbation(
        "figure-without-blank",
        "a figure whose image left no blank line: the caption follows the paragraph",
        edited(figure_without_blank),
        unchanged,
    ),
    Perturbation(
        "table-note-after",
        "a note under the table before the author line: '注：“/”表示…'",
        edited(table_note),
        expect_table_note,
    ),
    Perturbation(
        "footnote-rule-shorter",
        "the footnote rule a run of 30 spaces, not 61 (another page width or font)",
        edited(rules_as(" " * 30)),
        unchanged,
    ),
    Perturbation(
        "footnote-rule-absent",
        "the footnote rule drawn as a line: no rule row, definitions follow the body",
        edited(rules_as(None)),
        unchanged,
    ),
    Perturbation(
        "footnote-markers-bracketed",
        "footnote markers and definitions numbered '[1]' (GB/T 7714 style)",
        edited(footnotes_bracketed),
        unchanged,
    ),
    Perturbation(
        "subheadings-unnumbered",
        "subheadings printed without numbers: '拓展重点领域范围' (set bold, not numbered)",
        BARE_EDIT,
        BARE_EXPECT,
    ),
    Perturbation(
        "authors-dunhao",
        "two authors separated by an enumeration comma: '（邓阿妹、孙玉琦）'",
        authors_replaced(0, "（邓阿妹 孙玉琦）", "（邓阿妹、孙玉琦）"),
        unchanged,
    ),
    Perturbation(
        "authors-translated-suffix",
        "the author line as '（孙玉琦 译）': a translator",
        authors_replaced(9, "（孙玉琦）", "（孙玉琦 译）"),
        unchanged,
    ),
    retitled(
        "title-opens-with-date",
        "a title opening with a date: '6 月 23 日国际电工委员会在墨西哥举办战略研讨会'",
        18,
        "6 月 23 日国际电工委员会在墨西哥举办战略研讨会",
    ),
    retitled(
        "title-question",
        "a title that asks: '标准化能否促进生产力和贸易？'",
        6,
        "标准化能否促进生产力和贸易？",
    ),
    retitled(
        "title-ends-with-quote",
        "a title ending in a closing quotation mark: '…推动“三个平台”建设'",
        21,
        "市场监管总局持续推动“三个平台”建设",
    ),
    retitled(
        "title-ends-with-paren",
        "a title ending in a parenthesis: '国际电工委员会发布组件外壳新标准（IEC 62208:2023）'",
        8,
        "国际电工委员会发布组件外壳新标准（IEC 62208:2023）",
    ),
    retitled(
        "title-ends-with-paren-mid-page",
        "a title mid-page ending in a parenthesis: '…标准体系指南（2023 版）'",
        19,
        "工信部将发布新版智能网联汽车标准体系指南（2023 版）",
    ),
    retitled(
        "title-page-opening-ends-with-book",
        "a title opening a page (after a lost heading) ending in a book title mark: "
        "'国际电工委员会发布《低压开关设备组件空外壳》'",
        8,
        "国际电工委员会发布《低压开关设备组件空外壳》",
    ),
    retitled(
        "title-after-notes-ends-with-paren",
        "a title opening a page after a footnote area, ending in a parenthesis: "
        "'…安全操作标准（ASTM WK86387）'",
        11,
        "美国材料与试验协会制订空间裂变反应堆安全操作标准（ASTM WK86387）",
    ),
    retitled(
        "title-short",
        "a short title of Han characters only: '标准助力绿色包容'",
        2,
        "标准助力绿色包容",
    ),
    Perturbation(
        "title-wrapped-between-latin-words",
        "a title with an English name wrapped between two words: its first line ends with a space",
        retitle_latin(10, LATIN_TITLE),
        lambda issue: with_article(issue, 10, title=LATIN_TITLE),
    ),
    lead(
        "lead-date-in-phrase",
        "a lead whose date sits in a phrase: '在 6 月 19 日举行的会议上，'",
        2,
        lambda m, d: f"在 {m} 月 {d} 日举行的会议上，",
    ),
    Perturbation(
        "body-paragraph-dated",
        "a paragraph inside an article opening with a date: '6 月 21 日，会议审议通过…'",
        edited(body_paragraph_dated),
        expect_body_paragraph_dated,
    ),
    Perturbation(
        "heading-lost-first",
        "the first section heading (标准战略) printed as an image: page 2 opens with blank space",
        edited(heading_lost("标准战略")),
        inferred_section("标准战略"),
        oddities=2,
    ),
    Perturbation(
        "heading-lost-last",
        "the last section heading (信息动态) printed as an image, as two are in the sample",
        edited(heading_lost("信息动态")),
        inferred_section("信息动态"),
        oddities=2,
    ),
    Perturbation(
        "heading-at-page-foot",
        "a section heading (前沿科技) at the foot of a page, its first article on the next",
        edited(heading_at_page_foot),
        unchanged,
    ),
    Perturbation(
        "subheading-opens-page",
        "a subheading ('二、强化能效水平引领') opening a page",
        edited(page_turn_before("二、强化能效水平引领 ")),
        unchanged,
    ),
    Perturbation(
        "summary-paragraph-full-date",
        "a summary paragraph opening with a full date: '6 月 19 日，国际电信联盟…'",
        edited(summary_paragraph_full_date),
        lambda issue: replace(
            issue, summary=(issue.summary[0], "6月19日，" + issue.summary[1], *issue.summary[2:])
        ),
    ),
    Perturbation(
        "figure-then-no-authors",
        "an article ending with its figure's caption and no author line",
        edited(figure_without_authors),
        authors_are(15, ()),
    ),
    Perturbation(
        "authors-organisation",
        "the author line naming an office: '（本刊编辑部）'",
        authors_replaced(9, "（孙玉琦）", "（本刊编辑部）"),
        authors_are(9, ("本刊编辑部",)),
    ),
    Issue(
        "issue-january",
        "a January issue (2024-01): datelines in December and January, header '2024 年第 01 期'",
        january_issue_edit,
        january_issue_expect,
        path="archive/2024-01.txt",
    ),
)
