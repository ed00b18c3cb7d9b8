"""A second held-out corpus: changes an older or other issue of the bulletin could show.

Written by a tester who read only the export's description (converter/FORMAT.md parts
1–2), the golden pages and the two earlier corpora (whose cases are not repeated):
full-width and Han-numeral dates, news-agency and 本刊讯 leads, other running headers
(the bulletin's month, a double issue, a running total), full-width page numbers, a
section printed twice, an article spread over five pages, an author line alone on
the next page or cut by a page turn, authors in half-width parentheses or split by a
full-width comma, a subtitle line '——记…', 「」 quotes, a bulleted summary, Chinese
source notes, a note area of five definitions, note numbers circled, followed by a
dot or a full-width space, superscript markers, full-width caption numbers. The
expected side is the golden structure changed as described, never the converter's
output (tests/test_perturbed_more2.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tests.variants.layout import NOTE_WIDTH, wrap_anywhere

from .catalogue import (
    ALL,
    Perturbation,
    authors_are,
    authors_replaced,
    dateline,
    edited,
    furniture_rows,
    header_as,
    is_rule,
    note_rows,
    renamed_section,
    retitle,
    rows_replaced,
    same_date,
    title_row,
    unchanged,
    with_article,
)
from .edit import Export, once
from .more import (
    MARKER_AT,
    authors_own_line,
    page_turn_before,
    renumber_marker,
    summary_reflow,
    summary_rows,
)
from .truth import IssueTruth, norm

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
HAN_DIGITS = "〇一二三四五六七八九"


def full_width(number: int) -> str:
    return str(number).translate(FULL_WIDTH_DIGITS)


def han_number(number: int) -> str:
    """1–31 in Han numerals: 六, 十五, 二十二."""
    tens, units = divmod(number, 10)
    if tens == 0:
        return HAN_DIGITS[units]
    head = "" if tens == 1 else HAN_DIGITS[tens]
    return head + "十" + (HAN_DIGITS[units] if units else "")


# --- page furniture ------------------------------------------------------------------


def page_numbers_full_width(export: Export) -> None:
    for _, number, _ in furniture_rows(export):
        export.rows[number] = full_width(int(export.rows[number])) + " "


def number_and_header_one_line(export: Export) -> None:
    """Page number and running header on one baseline: one line '11 2023 年第 07 期'."""
    for _, number, header in reversed(furniture_rows(export)):
        export.rows[number] = export.rows[number] + export.rows[header]
        del export.rows[number + 1 : header + 1]


# --- sections, page turns ------------------------------------------------------------


def article_five_pages(export: Export) -> None:
    """Article 6 (the 2022 annual report) set looser: two more page turns inside it,
    so it runs over five pages."""
    page_turn_before("标准化路线图，概述了该领域")(export)
    page_turn_before("标准化活动，全面支持欧洲工业")(export)


def authors_alone_on_next_page(export: Export) -> None:
    """Article 3's author line alone at the top of the next page."""
    authors_own_line(export)
    page_turn_before("（付 豪） ")(export)


def authors_cut_by_page_turn(export: Export) -> None:
    """Article 6's two authors, the line cut between the names by a page turn: the
    second name opens the next page (indented), every later page number one more."""
    row = export.find("有欧洲规范性标准。（邓阿妹 贾宇婷） ")
    export.rows[row : row + 1] = ["有欧洲规范性标准。（邓阿妹 ", " 贾宇婷） "]
    for _, number, _ in furniture_rows(export):
        if number > row:
            export.rows[number] = f"{int(export.rows[number]) + 1} "


# --- titles ----------------------------------------------------------------------------

SUBTITLE = "——记 IEC 2023 年墨西哥战略研讨会"


def subtitle_line(export: Export) -> None:
    """Article 19's title followed by a subtitle on a line of its own."""
    row = title_row(export, 18)
    assert export.rows[row].endswith(" ") and export.rows[row + 1] == ""
    export.rows[row + 1 : row + 1] = ["", SUBTITLE + " "]


def expect_subtitle(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[18]
    return with_article(issue, 18, title=article.title + SUBTITLE)


CORNER_TITLE = "市场监管总局推动「三个平台」建设，促进「一带一路」规则标准软联通"
CORNER = str.maketrans("“”", "「」")


def corner_quotes(export: Export) -> None:
    """The last article printed with 「」 quotes, in its title and body (not its note)."""
    first = title_row(export, 21)
    rule = next(i for i in range(first, len(export.rows)) if is_rule(export.rows[i]))
    for index in range(first, rule):
        export.rows[index] = export.rows[index].translate(CORNER)


def expect_corner_quotes(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[21]
    blocks = tuple(
        (b[0], str(b[1]).translate(CORNER), *b[2:]) if b[0] == "paragraph" else b
        for b in article.blocks
    )
    return with_article(issue, 21, title=CORNER_TITLE, blocks=blocks)


FULL_WIDTH_TITLE = "田世宏参加国际标准化组织第１２１届理事会会议"


# --- body text -------------------------------------------------------------------------


def body_numbers_full_width(export: Export) -> None:
    """The last article's counts in full-width digits ('１４９ 个')."""
    first = title_row(export, 21)
    for old in ("149", "54", "500", "970", "36", "43", "127"):
        row = export.find(f"{old} ", first)
        export.rows[row] = once(export.rows[row], f"{old} ", full_width(int(old)) + " ")


def expect_body_numbers_full_width(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[21]
    blocks = []
    for block in article.blocks:
        text = str(block[1])
        for old in ("149", "54", "500", "970", "36", "43", "127"):
            pattern = re.compile(rf"(?<![0-9]){old}(?![0-9])")
            if block[0] == "paragraph" and pattern.search(text):
                text = pattern.sub(full_width(int(old)), text, count=1)
        blocks.append((block[0], text, *block[2:]))
    return with_article(issue, 21, blocks=tuple(blocks))


# --- authors ---------------------------------------------------------------------------


def authors_half_width(export: Export) -> None:
    row = export.find("（孙玉琦） ", title_row(export, 9))
    export.rows[row] = once(export.rows[row], "（孙玉琦） ", "(孙玉琦) ")


# --- footnotes -----------------------------------------------------------------------

SOURCE = re.compile(r"\[EB/OL\]\. *(\d{4}-\d{2}-\d{2})\. *(\S+)")
CHINESE_NOTES = {
    1: "美国国家标准学会. 美国国家标准学会发布大规模电动汽车标准化路线图",
    3: "国际电信联盟. 标准助力可信技术和绿色包容的未来",
    4: "美国国家标准与技术研究院. 美国国家人工智能咨询委员会发布首份报告",
}


def note_text(export: Export, number: int) -> str:
    rows = note_rows(export, number)
    return "".join(export.rows[i] for i in rows).strip().removeprefix(f"{number} ")


def note_set(export: Export, number: int, text: str) -> None:
    rows = note_rows(export, number)
    export.replace_rows(rows[0], rows[-1], wrap_anywhere(f"{number} {text}", NOTE_WIDTH))


def chinese_note(original: str, number: int) -> str:
    match = SOURCE.search(original)
    assert match, original
    return f"{CHINESE_NOTES[number]}[EB/OL]. {match[1]}. {match[2]}"


def notes_in_chinese(export: Export) -> None:
    for number in CHINESE_NOTES:
        note_set(export, number, chinese_note(note_text(export, number), number))


def expect_notes_in_chinese(issue: IssueTruth) -> IssueTruth:
    for index, article in enumerate(issue.articles):
        notes = tuple(
            (n, norm(chinese_note(text, n))) if n in CHINESE_NOTES else (n, text)
            for n, text in article.footnotes
        )
        issue = with_article(issue, index, footnotes=notes)
    return issue


PRINT_NOTE = "摘编自《标准化动态》编辑部译稿，原文载于美国国家标准学会网站。"


def note_without_url(export: Export) -> None:
    note_set(export, 1, PRINT_NOTE)


def expect_note_without_url(issue: IssueTruth) -> IssueTruth:
    return with_article(issue, 0, footnotes=((1, norm(PRINT_NOTE)),))


# The last article's paragraphs 2–5 each get a note (27–30): its area holds five.
EXTRA_NOTES = {
    27: (
        "功能。",
        "“一带一路”共建国家标准信息平台. 平台简介[EB/OL]. 2023-06-14. https://www.bzxx.example.cn/about",
    ),
    28: (
        "问题。",
        "合格评定服务贸易便利化信息平台. 年度服务报告[EB/OL]. 2023-06-14. https://www.hgpd.example.cn/report",
    ),
    29: (
        "内容。",
        "技术性贸易措施公共服务平台. 行业报告目录[EB/OL]. 2023-06-14. https://www.tbt.example.cn/list",
    ),
    30: (
        "支持。",
        "国家标准化管理委员会. 标准化合作协议一览[EB/OL]. 2023-06-14. https://www.sac.gov.cn/gjhz/list.html",
    ),
}
EXTRA_PARAGRAPHS = {
    27: "最新数据显示",
    28: "合格评定服务贸易便利化",
    29: "技术性贸易措施公共服务",
    30: "截至目前，已与",
}


def marker_added(end: str, number: int) -> Callable[[str], str]:
    """The paragraph's closing ``end`` ('功能。') with the marker before its stop."""
    return lambda text: once(text, end, end[:-1] + f"{number}。")


def five_note_area(export: Export) -> None:
    first = title_row(export, 21)
    for number in sorted(EXTRA_NOTES, reverse=True):
        end = EXTRA_NOTES[number][0]
        row = export.find(EXTRA_PARAGRAPHS[number], first)
        export.reflow(row, marker_added(end, number))
    last = note_rows(export, 26)[-1]
    rows: list[str] = []
    for number, (_, text) in sorted(EXTRA_NOTES.items()):
        for index, line in enumerate(wrap_anywhere(f"{number} {text}", NOTE_WIDTH)):
            rows += ["", line] if index else [line]  # a definition opens a block
    export.rows[last + 1 : last + 1] = rows


def expect_five_note_area(issue: IssueTruth) -> IssueTruth:
    article = issue.articles[21]
    added = tuple((n, norm(text)) for n, (_, text) in sorted(EXTRA_NOTES.items()))
    return with_article(issue, 21, footnotes=article.footnotes + added)


def notes_numbered_as(form: str) -> Callable[[Export], None]:
    """Every definition's number printed as ``form.format(n)`` ('1. ', '1\u3000')."""

    def change(export: Export) -> None:
        for n in MARKER_AT:
            rows = note_rows(export, n)
            lines = wrap_anywhere(form.format(n) + note_text(export, n), NOTE_WIDTH)
            export.replace_rows(rows[0], rows[-1], lines)

    return change


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def markers_superscript(export: Export) -> None:
    """Markers kept as superscript digits ('缺口¹。'), definitions numbered as before."""
    for n in sorted(MARKER_AT, reverse=True):
        renumber_marker(export, n, str(n).translate(SUPERSCRIPT))


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖"


def notes_circled(export: Export) -> None:
    """Markers and definitions numbered ①…㉖, as Chinese print often sets notes."""
    firsts = {n: note_rows(export, n)[0] for n in MARKER_AT}
    for n, row in firsts.items():
        export.rows[row] = f"{CIRCLED[n - 1]} " + export.rows[row].removeprefix(f"{n} ")
    for n in sorted(MARKER_AT, reverse=True):
        renumber_marker(export, n, CIRCLED[n - 1])


# --- summary -------------------------------------------------------------------------

BULLET = "◆ "


def summary_bulleted(export: Export) -> None:
    """Each summary paragraph opened by a bullet, as a table of contents sets them."""
    first, last = summary_rows(export)
    starts = []
    row = first
    while row <= last:
        starts.append(row)
        row = export.piece(row)[-1] + 2
    for row in reversed(starts):
        summary_reflow(export, row, lambda text: BULLET + text)


def expect_summary_bulleted(issue: IssueTruth) -> IssueTruth:
    return replace(issue, summary=tuple(norm(BULLET) + text for text in issue.summary))


# --- the corpus ------------------------------------------------------------------------

MORE2_PERTURBATIONS: tuple[Perturbation, ...] = (
    dateline(
        "datelines-full-width-digits",
        "every dateline in full-width digits, unspaced: '６月１５日，'",
        ALL,
        lambda m, d: f"{full_width(m)}月{full_width(d)}日，",
        same_date,
    ),
    dateline(
        "dateline-han-numerals",
        "datelines in Han numerals: '六月十五日，' (three articles)",
        (0, 3, 9),
        lambda m, d: f"{han_number(m)}月{han_number(d)}日，",
        same_date,
    ),
    dateline(
        "lead-xinhua-parenthesised",
        "a lead opening with the agency's dateline: '（新华社 6 月 19 日电）'",
        (2, 8),
        lambda m, d: f"（新华社 {m} 月 {d} 日电）",
        same_date,
        oddities=2,
    ),
    dateline(
        "lead-xinhua-beijing-dian",
        "a lead '新华社北京 6 月 27 日电 ' (place, date, 电, a space)",
        (7,),
        lambda m, d: f"新华社北京 {m} 月 {d} 日电 ",
        same_date,
    ),
    dateline(
        "lead-benkan-xun",
        "a lead opening '【本刊讯】6 月 30 日，' (the bulletin's own report)",
        (4, 11),
        lambda m, d: f"【本刊讯】{m} 月 {d} 日，",
        same_date,
        oddities=2,
    ),
    dateline(
        "dateline-half-width-comma",
        "datelines closed by a half-width comma: '6 月 15 日, '",
        (0, 6, 13),
        lambda m, d: f"{m} 月 {d} 日, ",
        same_date,
    ),
    Perturbation(
        "summary-bulleted",
        "every summary paragraph opened by a bullet '◆ '",
        edited(summary_bulleted),
        expect_summary_bulleted,
    ),
    Perturbation(
        "authors-fullwidth-comma",
        "two authors separated by a full-width comma: '（邓阿妹，贾宇婷）'",
        authors_replaced(5, "（邓阿妹 贾宇婷）", "（邓阿妹，贾宇婷）"),
        authors_are(5, ("邓阿妹", "贾宇婷")),
    ),
    Perturbation(
        "notes-numbered-with-dot",
        "every definition numbered '1. ' (markers unchanged)",
        edited(notes_numbered_as("{}. ")),
        unchanged,
    ),
    Perturbation(
        "notes-number-ideographic-space",
        "every definition's number followed by a full-width space: '1\u3000ANSI…'",
        edited(notes_numbered_as("{}\u3000")),
        unchanged,
    ),
    dateline(
        "lead-xinhua-with-year",
        "an agency dateline with its year: '（新华社 2023 年 6 月 16 日电）'",
        (6,),
        lambda m, d: f"（新华社 2023 年 {m} 月 {d} 日电）",
        same_date,
    ),
    Perturbation(
        "summary-heading-letter-spaced",
        "the summary heading set letter-spaced: '本 期 概 要'",
        rows_replaced((" 本期概要 ", " 本 期 概 要 ")),
        unchanged,
    ),
    Perturbation(
        "header-bulletin-and-month",
        "the running header as the bulletin's name and month: '标准化动态 2023 年 7 月'",
        header_as("标准化动态 2023 年 7 月"),
        unchanged,
    ),
    Perturbation(
        "header-double-issue",
        "a double issue's running header: '2023 年第 07-08 期' (file named for its first month)",
        header_as("2023 年第 07-08 期"),
        unchanged,
    ),
    Perturbation(
        "header-with-running-total",
        "the running header with the running total: '2023 年第 07 期（总第 235 期）'",
        header_as("2023 年第 07 期（总第 235 期）"),
        unchanged,
    ),
    Perturbation(
        "furniture-number-and-header-one-line",
        "page number and running header on one line: '11 2023 年第 07 期'",
        edited(number_and_header_one_line),
        unchanged,
    ),
    Perturbation(
        "page-numbers-full-width",
        "page numbers in full-width digits: '１１'",
        edited(page_numbers_full_width),
        unchanged,
    ),
    Perturbation(
        "section-printed-twice",
        "a section printed a second time later in the issue (前沿科技 headed 机构评论 again)",
        rows_replaced((" 前沿科技 ", " 机构评论 ")),
        renamed_section("前沿科技", "机构评论"),
    ),
    Perturbation(
        "article-over-five-pages",
        "a long article (the annual report) set over five pages: two more page turns in it",
        edited(article_five_pages),
        unchanged,
    ),
    Perturbation(
        "authors-alone-on-next-page",
        "an author line on a line of its own, alone at the top of the next page",
        edited(authors_alone_on_next_page),
        unchanged,
    ),
    Perturbation(
        "authors-cut-by-page-turn",
        "two authors whose line is cut between the names by a page turn: '（邓阿妹 ' / ' 贾宇婷）'",
        edited(authors_cut_by_page_turn),
        unchanged,
    ),
    Perturbation(
        "authors-half-width-parens",
        "an author line in half-width parentheses: '(孙玉琦)'",
        edited(authors_half_width),
        unchanged,
    ),
    Perturbation(
        "title-subtitle-ji",
        "a title followed by a subtitle line of its own: '——记 IEC 2023 年墨西哥战略研讨会'",
        edited(subtitle_line),
        expect_subtitle,
    ),
    Perturbation(
        "quotes-corner-brackets",
        "an article set with 「」 quotes (title and body), as older issues are",
        edited(corner_quotes),
        expect_corner_quotes,
    ),
    Perturbation(
        "title-full-width-digits",
        "a title with full-width digits: '…第１２１届理事会会议'",
        retitle(20, FULL_WIDTH_TITLE),
        lambda issue: with_article(issue, 20, title=FULL_WIDTH_TITLE),
    ),
    Perturbation(
        "body-numbers-full-width",
        "counts in a body in full-width digits: '１４９ 个'",
        edited(body_numbers_full_width),
        expect_body_numbers_full_width,
    ),
    Perturbation(
        "notes-in-chinese",
        "source notes of foreign bodies written in Chinese: '美国国家标准学会. …[EB/OL]'",
        edited(notes_in_chinese),
        expect_notes_in_chinese,
    ),
    Perturbation(
        "note-without-url",
        "a source note citing print, with no URL or date: '摘编自…译稿，…网站。'",
        edited(note_without_url),
        expect_note_without_url,
    ),
    Perturbation(
        "note-area-five-definitions",
        "four more notes (27–30) in the last article: its page's area holds five definitions",
        edited(five_note_area),
        expect_five_note_area,
    ),
    Perturbation(
        "notes-circled-numbers",
        "markers and definitions numbered ①…㉖ instead of 1…26",
        edited(notes_circled),
        unchanged,
    ),
    Perturbation(
        "markers-superscript-digits",
        "footnote markers extracted as superscript digits: '缺口¹。', '）¹⁰。'",
        edited(markers_superscript),
        unchanged,
    ),
    Perturbation(
        "table-caption-full-width-number",
        "the table caption with a full-width number and stop: '表１．路线图…'",
        rows_replaced(("表 1. 路线图", "表１．路线图")),
        unchanged,
    ),
    Perturbation(
        "figure-caption-full-width-number",
        "a figure caption with a full-width number and stop: '图１．市场监管总局…'",
        rows_replaced(("图 1. 市场监管总局", "图１．市场监管总局")),
        unchanged,
    ),
)
