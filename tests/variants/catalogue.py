"""The variants: each a plausible difference from the sample, with a one-line reason.

``base()`` is an ordinary issue (summary, three sections, footnotes, no table);
every variant changes one thing. Texts are invented, written as the converter must
give them back (spaced Chinese/Latin, ``MARK`` where a footnote marker is glued).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .spec import (
    MARK,
    ArticleSpec,
    Block,
    FigureSpec,
    IssueSpec,
    SectionSpec,
    SubheadingSpec,
    TableSpec,
)

# --- texts ---------------------------------------------------------------------------

P = (
    "国际标准化组织（ISO）发布一项关于碳足迹核算的新标准，旨在为企业提供统一的"
    "温室气体排放量化方法，帮助其在全球供应链中开展减排工作。",
    "该标准规定了产品生命周期各阶段排放数据的收集、计算和报告要求，并给出了"
    "数据质量评估和不确定性分析的指南，适用于各类规模的组织。",
    "国际电工委员会（IEC）第 8 技术委员会召开全体会议，讨论了电力系统互联、"
    "储能并网和需求响应等领域的 12 项标准提案，并确定了下一阶段的工作重点。",
    "会议指出，随着可再生能源占比不断提高，电网运行方式正在发生深刻变化，"
    "标准化工作需要更加关注灵活性资源的接入和调度问题。",
    "欧洲标准化委员会（CEN）与欧洲电工标准化委员会（CENELEC）联合发布年度工作"
    "计划，提出将在数字化转型、循环经济和网络安全三个方向加大标准供给力度。",
    "计划还提出要加强与中小企业的沟通，简化标准获取渠道，降低企业参与标准"
    "制定的成本，并推动更多青年专家加入技术委员会的工作。",
    "美国国家标准与技术研究院（NIST）发布人工智能风险管理框架的配套指南，"
    "介绍了在系统设计、开发、部署和使用各环节识别和处置风险的实践做法。",
    "指南强调，组织应建立覆盖全生命周期的治理机制，明确各方职责，并定期"
    "评估风险管理措施的有效性，确保人工智能系统可信、可靠。",
    "国家标准化管理委员会召开专题会议，部署下半年标准化重点工作，要求加快"
    "推进重点领域国家标准的研制，强化标准实施情况的统计分析和监督检查。",
    "会议要求各技术委员会进一步优化标准立项评估机制，缩短标准制定周期，"
    "提高标准的适用性和有效性，更好地服务经济社会高质量发展。",
)
SUMMARY = (
    "本月，国际标准化组织发布碳足迹核算标准，国际电工委员会讨论电力系统"
    "互联标准提案，欧洲标准化组织发布年度工作计划。",
    "美国国家标准与技术研究院发布人工智能风险管理配套指南，国家标准化管理"
    "委员会部署下半年标准化重点工作。",
)
NOTE_ISO = (
    "ISO. New standard for carbon footprint of products[EB/OL]. 2024-02-20. "
    "https://www.iso.org/news/2024/02/new-standard-for-carbon-footprint-of-products"
)
NOTE_IEC = (
    "IEC. TC 8 plenary meeting discusses grid integration[EB/OL]. 2024-02-27. "
    "https://www.iec.ch/blog/tc-8-plenary-meeting-discusses-grid-integration-and-storage"
)
NOTE_NIST = (
    "NIST. AI Risk Management Framework companion guide[EB/OL]. 2024-02-14. "
    "https://www.nist.gov/itl/ai-risk-management-framework/companion-guide-2024"
)
NOTE_SAC = "国家标准化管理委员会. 国家标准委部署下半年标准化重点工作[EB/OL]. 2024-02-08."


def article(title: str, date: tuple[int, int], *blocks: Block, **kw: object) -> ArticleSpec:
    return ArticleSpec(title, date[0], date[1], tuple(blocks), **kw)  # type: ignore[arg-type]


def base() -> IssueSpec:
    """An ordinary March issue: summary, three sections, six articles, four footnotes."""
    return IssueSpec(
        year=2024,
        month=3,
        summary=SUMMARY,
        sections=(
            SectionSpec(
                "标准战略",
                (
                    article(
                        "国际标准化组织发布产品碳足迹核算标准",
                        (2, 20),
                        P[0].replace("量化方法，", "量化方法" + MARK + "，"),
                        P[1],
                        authors=("孙玉琦",),
                        notes=(NOTE_ISO,),
                    ),
                    article(
                        "国家标准委部署下半年标准化重点工作",
                        (2, 8),
                        P[8].replace("检查。", "检查" + MARK + "。"),
                        P[9],
                        authors=("贾宇婷", "邓阿妹"),
                        notes=(NOTE_SAC,),
                    ),
                ),
            ),
            SectionSpec(
                "机构评论",
                (
                    article(
                        "国际电工委员会召开电力系统互联全体会议",
                        (2, 27),
                        P[2].replace("标准提案，", "标准提案" + MARK + "，"),
                        P[3],
                        notes=(NOTE_IEC,),
                    ),
                    article("欧洲标准化组织发布年度工作计划", (2, 16), P[4], P[5]),
                ),
            ),
            SectionSpec(
                "信息动态",
                (
                    article(
                        "美国国家标准与技术研究院发布人工智能风险管理指南",
                        (2, 14),
                        P[6] + P[7].replace("各方职责，", "各方职责" + MARK + "，"),
                        P[3],
                        authors=("付豪",),
                        notes=(NOTE_NIST,),
                    ),
                    article("国家标准委召开标准立项评估工作会议", (2, 2), P[9], P[1]),
                ),
            ),
        ),
    )


# --- what variants change ------------------------------------------------------------


def with_article(spec: IssueSpec, section: int, index: int, **changes: object) -> IssueSpec:
    sections = list(spec.sections)
    articles = list(sections[section].articles)
    articles[index] = replace(articles[index], **changes)  # type: ignore[arg-type]
    sections[section] = replace(sections[section], articles=tuple(articles))
    return replace(spec, sections=tuple(sections))


def with_blocks(spec: IssueSpec, section: int, index: int, *blocks: Block) -> IssueSpec:
    current = spec.sections[section].articles[index].blocks
    return with_article(spec, section, index, blocks=(*current, *blocks))


def retitled(title: str) -> IssueSpec:
    return with_article(base(), 1, 1, title=title)


def gap_table(caption: str = "表 1. 路线图提出的标准化缺口及建议", **kw: object) -> TableSpec:
    """The sample's shape: 序号, two wrapped text columns, two short columns."""
    values: dict[str, object] = {
        "caption": caption,
        "number": 1,
        "title": "路线图提出的标准化缺口及建议",
        "header": ("序号", "缺口描述", "建议", "是否需要额外研发工作", "优先等级"),
        "rows": (
            (
                "1",
                "与电池热失控和抗振动相关的安全",
                "积极参与电动汽车安全全球技术法规的编制，继续推进电池安全。",
                "是",
                "高",
            ),
            (
                "2",
                "延迟的电池热事件",
                "在未来制定规则和修订 SAE J2929 和 J2990 以及讨论延迟的热事件问题。",
                "是",
                "高",
            ),
            (
                "3",
                "损坏的锂离子电池的安全储存",
                "制定电动汽车电池安全储存实践的标准或指南，以解决损坏电池的各种储存情况。",
                "否",
                "中",
            ),
        ),
        "widths": (4, 14, 40, 8, 4),
    }
    values.update(kw)
    return TableSpec(**values)  # type: ignore[arg-type]


def charging_table() -> TableSpec:
    """A second table: the first's shape, other rows."""
    title = "充电基础设施的标准化缺口"
    return gap_table(
        caption=f"表 2. {title}",
        number=2,
        title=title,
        rows=(
            (
                "1",
                "充电接口的互操作性",
                "制定统一的充电接口测试方法，开展互操作性测试。",
                "否",
                "高",
            ),
            (
                "2",
                "充电站的网络安全",
                "参照 IEC 62443 制定充电站网络安全要求和评估方法。",
                "是",
                "中",
            ),
            ("3", "无线充电的电磁兼容", "开展无线充电系统电磁兼容限值和测量方法研究。", "是", "低"),
        ),
    )


def with_table(table: TableSpec, section: int = 0, index: int = 0) -> IssueSpec:
    lead = "在 3 个标准化缺口中，2 个缺口被确定为高优先等级（如表 1）。"
    return with_blocks(base(), section, index, lead, table)


# The warning a lost heading deserves (the evidence, a part-empty page, is a guess).
LOST_HEADING = "heading"


@dataclass(frozen=True)
class Variant:
    name: str
    why: str
    make: Callable[[], IssueSpec]
    warnings: tuple[str, ...] = ()  # warnings the evidence justifies (message parts)


def lost_heading(*lost: int, spec: IssueSpec | None = None) -> IssueSpec:
    spec = spec or base()
    sections = list(spec.sections)
    for index in lost or (1,):
        sections[index] = replace(sections[index], lost=True)
    return replace(spec, sections=tuple(sections))


def subheadings_and_figure() -> IssueSpec:
    """The sample's other blocks: '一、…' subheadings, and a figure closing an article."""
    return with_blocks(
        base(),
        1,
        1,
        SubheadingSpec("一、加强标准供给"),
        P[3],
        SubheadingSpec("二、推动标准国际化"),
        P[7],
        FigureSpec(
            "图 1. 欧洲标准化组织年度工作计划发布会现场", 1, "欧洲标准化组织年度工作计划发布会现场"
        ),
    )


def two_tables_in_one_article() -> IssueSpec:
    lead = "充电基础设施方面的缺口见表 2。"
    return with_blocks(with_table(gap_table()), 0, 0, lead, charging_table())


def table_then_text() -> IssueSpec:
    """The table is followed by more text in its article."""
    after = "路线图还建议，各标准制定组织应加强协调，避免重复制定内容相近的标准。"
    return with_blocks(with_table(gap_table()), 0, 0, after)


def dateline_spacing() -> IssueSpec:
    spec = with_article(base(), 0, 0, date_form="{month}月 {day} 日，")
    spec = with_article(spec, 1, 0, date_form="{month}月{day}日，")
    return with_article(spec, 2, 0, date_form="{month} 月 {day} 日,")


def marker_after_latin_word() -> IssueSpec:
    text = "该研究由 Menon Economics" + MARK + "开展，评估了标准对生产率和贸易的影响。"
    spec = with_blocks(base(), 1, 1, text)
    note = "Menon Economics 以其在经济政策实证分析方面的专业知识而闻名。"
    return with_article(spec, 1, 1, notes=(note,))


def sections_added() -> IssueSpec:
    spec = base()
    extra = SectionSpec(
        "标准动态",
        (article("市场监管总局发布新版计量技术规范目录", (2, 22), P[8], P[5]),),
    )
    return replace(spec, sections=(*spec.sections, extra))


def sections_missing() -> IssueSpec:
    spec = base()
    return replace(spec, sections=(spec.sections[0],))


def sections_renamed() -> IssueSpec:
    spec = base()
    names = ("国际视野", "专家观点", "简讯")
    sections = tuple(
        replace(section, heading=name) for section, name in zip(spec.sections, names, strict=True)
    )
    return replace(spec, sections=sections)


def without_footnotes() -> IssueSpec:
    spec = base()
    sections = tuple(
        replace(
            section,
            articles=tuple(
                replace(
                    item,
                    notes=(),
                    blocks=tuple(
                        block.replace(MARK, "") if isinstance(block, str) else block
                        for block in item.blocks
                    ),
                )
                for item in section.articles
            ),
        )
        for section in spec.sections
    )
    return replace(spec, sections=sections)


def enumerated_list() -> IssueSpec:
    listing = (
        "会议明确了三项任务：（1）加快重点领域标准研制；（2）强化标准实施监督；"
        "（3）推动 ISO 和 IEC 国际标准转化，提高国际标准转化率。"
    )
    return with_blocks(base(), 0, 1, listing)


def english_paragraph() -> IssueSpec:
    english = (
        "The standard provides requirements and guidelines for the quantification "
        "and communication of the carbon footprint of a product, consistent with "
        "ISO 14040 and ISO 14044."
    )
    return with_blocks(base(), 0, 0, english, P[3])


def redated(spec: IssueSpec, month: int) -> IssueSpec:
    """Every dateline moved to ``month``, keeping its day."""
    sections = tuple(
        replace(section, articles=tuple(replace(item, month=month) for item in section.articles))
        for section in spec.sections
    )
    return replace(spec, sections=sections)


def january() -> IssueSpec:
    """A January issue reports December's news: those datelines are last year's."""
    spec = redated(replace(base(), year=2024, month=1), 12)
    spec = with_article(spec, 0, 1, month=1, day=3)
    return with_article(spec, 2, 1, month=1, day=31)


def december() -> IssueSpec:
    """A December issue: its November and December datelines are this year's."""
    spec = redated(replace(base(), year=2023, month=12), 11)
    spec = with_article(spec, 0, 0, month=11, day=30)
    return with_article(spec, 1, 1, month=12, day=1)


def two_tables() -> IssueSpec:
    second = charging_table()
    spec = with_table(gap_table())
    lead = "充电基础设施方面的缺口见表 2。"
    return with_blocks(spec, 2, 0, lead, second)


def wider_table() -> IssueSpec:
    return with_table(
        gap_table(
            header=("序号", "领域", "缺口描述", "建议", "研发", "优先等级"),
            rows=tuple(
                (row[0], "电池", row[1], row[2], row[3], row[4]) for row in gap_table().rows
            ),
            widths=(4, 8, 14, 34, 4, 4),
        )
    )


def narrower_table() -> IssueSpec:
    return with_table(
        gap_table(
            header=("序号", "缺口描述", "建议"),
            rows=tuple(row[:3] for row in gap_table().rows),
            widths=(4, 20, 40),
        ),
        section=1,
        index=1,  # where no row crosses a page
    )


def wrapped_header() -> IssueSpec:
    return with_table(
        gap_table(header=("序号", "标准化缺口的具体描述内容", *gap_table().header[2:])),
        section=1,
        index=1,  # where no row crosses a page
    )


def shared_line_cells() -> IssueSpec:
    """Every row's short last cells share one line, in the header too."""
    return with_table(
        gap_table(header=("序号", "缺口描述", "建议", "研发", "优先"), widths=(4, 14, 40, 4, 4))
    )


def row_across_page() -> IssueSpec:
    long_row = (
        "4",
        "动态无线功率传输（WPT）的电磁兼容和电磁场测量",
        "开发解决动态无线功率传输的标准，类似于 ANSI C63.30 的部分，其中包括静态 WPT "
        "主题，并评估车辆在行驶中充电时的电磁兼容性能和对人体的电磁暴露水平。",
        "是",
        "中",
    )
    table = gap_table()
    rows = (*table.rows, long_row, *table.rows)
    rows = tuple((str(number), *row[1:]) for number, row in enumerate(rows, start=1))
    return with_table(replace(table, rows=rows))


def header_across_page() -> IssueSpec:
    """The header row is cut by the page: its last line ('工作') opens the next page."""
    lead = "在 3 个标准化缺口中，2 个缺口被确定为高优先等级（如表 1）。"
    return with_blocks(base(), 0, 1, lead, gap_table())


def no_number_column() -> IssueSpec:
    table = gap_table()
    return with_table(
        replace(
            table,
            header=table.header[1:],
            rows=tuple(row[1:] for row in table.rows),
            widths=table.widths[1:],
        )
    )


def date_forms(form: str, *where: tuple[int, int]) -> Callable[[], IssueSpec]:
    """Datelines printed as ``form`` in the articles ``where`` (section, index), or all."""

    def make() -> IssueSpec:
        spec = base()
        places = where or tuple(
            (s, i) for s, section in enumerate(spec.sections) for i in range(len(section.articles))
        )
        for section, index in places:
            spec = with_article(spec, section, index, date_form=form)
        return spec

    return make


def names_spaced(separator: str) -> IssueSpec:
    """Every author line's names and paddings separated by ``separator``."""
    spec = base()
    for s, section in enumerate(spec.sections):
        for i in range(len(section.articles)):
            spec = with_article(spec, s, i, name_separator=separator, name_padding=separator)
    return spec


def five_authors() -> IssueSpec:
    return with_article(base(), 0, 1, authors=("邓阿妹", "孙玉琦", "贾宇婷", "朱传宇", "付豪"))


def nested_subheadings() -> IssueSpec:
    """'一、' subheadings with '（一）' ones under the first."""
    return with_blocks(
        base(),
        1,
        1,
        SubheadingSpec("一、加强标准供给"),
        SubheadingSpec("（一）数字化转型", 2),
        P[3],
        SubheadingSpec("（二）循环经济", 2),
        P[7],
        SubheadingSpec("二、推动标准国际化"),
        P[9],  # not P[5]: the article already opens with it (a repeat is warned)
    )


def heading_mid_page() -> IssueSpec:
    spec = base()
    sections = list(spec.sections)
    sections[1] = replace(sections[1], mid_page=True)
    return replace(spec, sections=tuple(sections))


DATED_SUMMARY = ("3 月 5 日，" + SUMMARY[0].removeprefix("本月，"), *SUMMARY[1:])
THREE_LINE_TITLE = (
    "欧洲标准化委员会与欧洲电工标准化委员会联合发布数字化转型与循环经济年度工作计划"
    "并提出加强中小企业参与标准制定的具体措施"
)
# The warning a heading that data/sections.yml does not list deserves: its name.
UNLISTED = ("国际视野", "专家观点", "简讯")


def caption(text: str) -> Callable[[], IssueSpec]:
    return lambda: with_table(gap_table(caption=text))


VARIANTS: tuple[Variant, ...] = (
    Variant("base", "an ordinary issue laid out by the generator", base),
    Variant(
        "title-ends-with-code",
        "a title ending in a standard code runs into the dateline after it",
        lambda: retitled("国际电工委员会发布低压开关设备外壳标准 IEC 62208"),
    ),
    Variant(
        "title-ends-with-version",
        "a title ending in a version number ('路线图 2.0')",
        lambda: retitled("美国国家标准学会发布电动汽车标准化路线图 2.0"),
    ),
    Variant(
        "title-ends-with-latin-word",
        "a title ending in a Latin word",
        lambda: retitled("欧洲标准化委员会发布年度报告 Annual Review"),
    ),
    Variant("section-added", "a fourth section the sample does not have", sections_added),
    Variant("section-missing", "an issue with one section only", sections_missing),
    Variant(
        "section-renamed",
        "sections under names data/sections.yml does not list: kept, each warned",
        sections_renamed,
        warnings=UNLISTED,
    ),
    Variant(
        "section-heading-lost",
        "a heading that was an image: the article opens a page after a part-empty one",
        lost_heading,
        warnings=(LOST_HEADING,),
    ),
    Variant(
        "two-sections-lost",
        "two headings in a row were images: two sections, each of its own",
        lambda: lost_heading(1, 2),
        warnings=(LOST_HEADING,),
    ),
    Variant(
        "section-heading-lost-after-furniture",
        "a lost heading after a part-empty page that ends with furniture and no footnotes",
        lambda: lost_heading(1, spec=replace(without_footnotes(), furniture_every=1)),
        warnings=(LOST_HEADING,),
    ),
    Variant(
        "title-two-lines",
        "a title that wraps onto a second line",
        lambda: retitled(
            "欧洲标准化委员会与欧洲电工标准化委员会联合发布数字化转型与循环经济年度工作计划"
        ),
    ),
    Variant(
        "furniture-every-page",
        "a page number and running header on every page",
        lambda: replace(base(), furniture_every=1),
    ),
    Variant(
        "subheadings-and-figure",
        "'一、…' subheadings and a figure caption with its authors alone after it",
        subheadings_and_figure,
    ),
    Variant(
        "marker-after-latin-word",
        "a footnote marker glued to a Latin word ('Menon Economics7开展')",
        marker_after_latin_word,
    ),
    Variant(
        "dateline-spacing",
        "datelines spaced otherwise ('6月 30 日，', '6月30日，', a half-width comma)",
        dateline_spacing,
    ),
    Variant("no-footnotes", "articles without footnotes", without_footnotes),
    Variant(
        "footnotes-restart",
        "footnote numbers start again at 1 in every section",
        lambda: replace(base(), notes_restart=True),
    ),
    Variant("enumerated-list", "a list '（1）…（2）…' inside a paragraph", enumerated_list),
    Variant("english-paragraph", "a paragraph in English only", english_paragraph),
    Variant("no-summary", "an issue without 本期概要", lambda: replace(base(), summary=None)),
    Variant("january-issue", "a January issue reporting December's news", january),
    Variant("december-issue", "a December issue", december),
    Variant("table", "a table of the sample's shape", lambda: with_table(gap_table())),
    Variant("table-more-columns", "a table of six columns", wider_table),
    Variant("table-fewer-columns", "a table of three columns", narrower_table),
    Variant("table-wrapped-header", "a header cell that wraps onto two lines", wrapped_header),
    Variant("table-shared-line", "short cells sharing a line in every row", shared_line_cells),
    Variant("table-row-across-page", "a row that crosses a page break", row_across_page),
    Variant(
        "table-header-across-page",
        "a header row that crosses a page break, a short cell opening the page",
        header_across_page,
    ),
    Variant("two-tables", "two tables in one issue", two_tables),
    Variant(
        "two-tables-in-one-article",
        "two tables in one article, text between them",
        two_tables_in_one_article,
    ),
    Variant("table-then-text", "a paragraph after the table in the same article", table_then_text),
    Variant("table-no-number-column", "a table without a 序号 column", no_number_column),
    Variant(
        "caption-colon",
        "a caption '表1：…' (no space, full-width colon)",
        caption("表1：路线图提出的标准化缺口及建议"),
    ),
    Variant(
        "caption-fullwidth-digit",
        "a caption with a full-width digit '表 １． …'",
        caption("表 １． 路线图提出的标准化缺口及建议"),
    ),
    Variant(
        "caption-no-separator",
        "a caption '表 1 …' with no separator after the number",
        caption("表 1 路线图提出的标准化缺口及建议"),
    ),
    Variant(
        "dateline-with-year",
        "every dateline with its year: '2024 年 2 月 20 日，'",
        date_forms("2024 年 {month} 月 {day} 日，"),
    ),
    Variant(
        "dateline-range-dash",
        "an event over two days: '2 月 16—17 日，' (dated by its first day)",
        date_forms("{month} 月 {day}—{end} 日，", (1, 1)),
    ),
    Variant(
        "dateline-range-zhi",
        "an event over two days: '2 月 16 日至 17 日，' (dated by its first day)",
        date_forms("{month} 月 {day} 日至 {end} 日，", (1, 1)),
    ),
    Variant(
        "dateline-early-month",
        "a dateline naming part of a month: '2 月上旬，' (month only, marked)",
        date_forms("{month} 月上旬，", (1, 1)),
    ),
    Variant(
        "dateline-end-of-month",
        "a dateline naming the end of a month: '2 月底，' (month only, marked)",
        date_forms("{month} 月底，", (2, 1)),
    ),
    Variant(
        "dateline-recently",
        "no date, only '近日，': the issue's month, marked",
        date_forms("近日，", (0, 1)),
    ),
    Variant(
        "dateline-the-other-day",
        "no date, only '日前，': the issue's month, marked",
        date_forms("日前，", (2, 1)),
    ),
    Variant(
        "dateline-none",
        "one article with no dateline at all: the issue's month, marked",
        date_forms("", (1, 1)),
    ),
    Variant(
        "datelines-none",
        "no article has a dateline: every one dated by the issue's month, marked",
        date_forms(""),
    ),
    Variant(
        "header-with-title",
        "the running header names the bulletin: '标准化动态 2024 年第 3 期'",
        lambda: replace(base(), header_form="标准化动态 {year} 年第 {month} 期", furniture_every=1),
    ),
    Variant(
        "header-compact",
        "the running header without spaces or a leading zero: '2024年第3期'",
        lambda: replace(base(), header_form="{year}年第{month}期", furniture_every=1),
    ),
    Variant(
        "header-before-number",
        "the furniture reads header first, then the page number",
        lambda: replace(base(), header_first=True, furniture_every=1),
    ),
    Variant(
        "page-number-em-dash",
        "page numbers between dashes: '— 3 —'",
        lambda: replace(base(), number_form="— {} —", furniture_every=1),
    ),
    Variant(
        "page-number-hyphen",
        "page numbers between hyphens: '- 3 -'",
        lambda: replace(base(), number_form="- {} -", furniture_every=1),
    ),
    Variant(
        "page-number-chinese",
        "page numbers as '第 3 页'",
        lambda: replace(base(), number_form="第 {} 页", furniture_every=1),
    ),
    Variant(
        "section-heading-mid-page",
        "a section heading printed mid-page, after the previous article",
        heading_mid_page,
    ),
    Variant(
        "summary-dated",
        "the summary's first paragraph opens with a dateline: '3 月 5 日，'",
        lambda: replace(base(), summary=DATED_SUMMARY),
    ),
    Variant(
        "title-three-lines",
        "a title long enough to wrap onto three lines",
        lambda: retitled(THREE_LINE_TITLE),
    ),
    Variant(
        "authors-fullwidth-space",
        "author names and a short name's padding separated by a full-width space",
        lambda: names_spaced("\u3000"),
    ),
    Variant(
        "authors-several-spaces",
        "author names and a short name's padding separated by three spaces",
        lambda: names_spaced("   "),
    ),
    Variant("authors-five", "an article by five authors", five_authors),
    Variant(
        "subheadings-nested",
        "two levels of subheadings: '（一）', '（二）' under '一、'",
        nested_subheadings,
    ),
)
