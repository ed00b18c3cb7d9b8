from tests.exports import NOTE_RULE, paragraph_objects, paragraphs_of


def test_wrapped_chinese_lines_join_without_space() -> None:
    assert paragraphs_of(["美国国家标准学会发布由该学会电动汽车", "标准委员会制定的路线图。 "]) == [
        "美国国家标准学会发布由该学会电动汽车标准委员会制定的路线图。"
    ]


def test_line_ending_with_a_space_ends_the_paragraph() -> None:
    assert paragraphs_of(["第一段。 ", "第二段。 "]) == ["第一段。", "第二段。"]


def test_a_space_between_latin_words_at_a_line_end_continues() -> None:
    assert paragraphs_of(["发布一项新标准《IEC ", "62208:2023 CMV》。 "]) == [
        "发布一项新标准《IEC 62208:2023 CMV》。"
    ]


def test_an_open_bracket_continues_past_a_trailing_space() -> None:
    assert paragraphs_of(
        ["发布一项新标准《BS 8646:2023 ", "农业和园艺中自动移动机械的使用》。 "]
    ) == ["发布一项新标准《BS 8646:2023 农业和园艺中自动移动机械的使用》。"]


def test_a_circled_enumerator_at_a_line_end_continues() -> None:
    assert paragraphs_of(["欧洲标准组合；③ ", "CEN-CENELEC 相关技术委员会。 "]) == [
        "欧洲标准组合；③ CEN-CENELEC 相关技术委员会。"
    ]


def test_sentence_cut_by_a_footnote_area_and_page_break_is_rejoined() -> None:
    paragraphs = paragraphs_of(
        ["该白皮书的主要观点包括：人工智能不是一项新技术，而是", NOTE_RULE],
        ["5 CEN-CENELEC. White Paper[EB/OL]. "],
        [" 信息学领域的一部分。 "],
    )
    assert paragraphs == [
        "该白皮书的主要观点包括：人工智能不是一项新技术，而是信息学领域的一部分。"
    ]


def test_sentence_cut_by_page_number_and_header_is_rejoined() -> None:
    paragraphs = paragraphs_of(
        [
            "整合了标准化和研究项目；",
            "",
            " ",
            "11 ",
            " ",
            "2023 年第 07 期 ",
            "制定了标准化操作规程。 ",
        ]
    )
    assert paragraphs == ["整合了标准化和研究项目；制定了标准化操作规程。"]


def test_justified_spacing_inside_chinese_is_removed() -> None:
    assert paragraphs_of(["与 电 池 热 失", "控相关的安全。 "]) == ["与电池热失控相关的安全。"]


def test_space_next_to_fullwidth_punctuation_is_removed() -> None:
    assert paragraphs_of(["被称为“读出谐振器”。 这个拨动开关（ ASTM）可以切换。 "]) == [
        "被称为“读出谐振器”。这个拨动开关（ASTM）可以切换。"
    ]


def test_space_between_chinese_and_latin_is_kept_and_restored_at_a_wrap() -> None:
    # Inside lines this document always spaces Chinese from Latin words, so the
    # space the wrap swallowed between "ITU" and "标准" comes back.
    assert paragraphs_of(["受到国际上越来越多的关注，ITU", "标准有助于使 ITU 技术更安全。 "]) == [
        "受到国际上越来越多的关注，ITU 标准有助于使 ITU 技术更安全。"
    ]


def test_a_glued_footnote_marker_at_a_wrap_gains_no_space() -> None:
    assert paragraphs_of(["由 Menon Economics", "7开展的一项研究。 "]) == [
        "由 Menon Economics7开展的一项研究。"
    ]


def test_url_and_date_broken_across_lines_gain_no_space() -> None:
    assert paragraphs_of(
        ["见 https://www.ansi.org/standards-and-c", "odes 于 2023-0", "6-15 发布。 "]
    ) == ["见 https://www.ansi.org/standards-and-codes 于 2023-06-15 发布。"]


def test_blank_space_on_the_page_ends_a_paragraph() -> None:
    assert paragraphs_of(["没有句号的结尾", " ", "图 1. 图题 "]) == ["没有句号的结尾", "图 1. 图题"]


def test_paragraph_keeps_its_source_lines() -> None:
    (paragraph,) = paragraph_objects(["第一行", "第二行。 "])
    assert [line.number for line in paragraph.lines] == [1, 3]
    assert paragraph.line == 1


def test_a_caption_label_alone_on_its_line_takes_the_next_line_as_its_title() -> None:
    assert paragraphs_of(["表 1 ", "路线图提出的标准化缺口 ", "序号 缺口描述 建议 "]) == [
        "表 1 路线图提出的标准化缺口",
        "序号 缺口描述 建议",
    ]
    assert paragraphs_of(["图 2. "], ["新型量子设备 "]) == ["图 2.", "新型量子设备"]
