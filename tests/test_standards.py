from pathlib import Path

import pytest

from converter.passes import convert_bytes
from converter.site.paths import standard_anchor as anchor
from converter.site.paths import standard_page
from converter.standards import (
    Standard,
    by_standard,
    find_standards,
    natural_key,
    number_spaces,
    read_citation,
    standard_of,
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the form IEC sells the edition in is part of what the text cites
        ("发布低压开关设备标准（IEC 62208:2023 CMV）", ["IEC 62208:2023 CMV"]),
        ("IEC 61000-4-2:2008 RLV 与 UL 1741 SB 补充要求", ["IEC 61000-4-2:2008 RLV", "UL 1741 SB"]),
        ("如 EN 16234-1:2019 和 CEN/TS 17834:2022。", ["EN 16234-1:2019", "CEN/TS 17834:2022"]),
        ("新标准《BS 8646:2023 农业》", ["BS 8646:2023"]),
        ("（ASTM D8506-2023），拟议标准 ASTM WK86387", ["ASTM D8506-2023", "ASTM WK86387"]),
        ("完成 SAE J2954/2 和其他", ["SAE J2954/2"]),
        ("修订 SAE J2929 和 J2990", ["SAE J2929", "SAE J2990"]),
        ("在 IEEE P2030.5 和 IEEE P2030.13 的背景下", ["IEEE P2030.5", "IEEE P2030.13"]),
        ("关于 OpenADR 和 IEEE 2030.5 的指南", ["IEEE 2030.5"]),
        ("类似于 ANSI C63.30 的部分", ["ANSI C63.30"]),
        ("通信协议，如 ISO/IEC 15118。", ["ISO/IEC 15118"]),
        ("GB/T 1.1-2020 与 GB 17859-1999", ["GB/T 1.1-2020", "GB 17859-1999"]),
        ("UL 2251（耦合器）和 UL 2202（充电器）", ["UL 2251", "UL 2202"]),
        ("检索 IEC62208 时不带空格", ["IEC 62208"]),
        ("草案 ISO/DIS 21434-2 与 ISO/IEC FDIS 27099", ["ISO/DIS 21434-2", "ISO/IEC FDIS 27099"]),
        ("IEC CDV 61234 已提交投票", ["IEC CDV 61234"]),
        ("修正 ISO 9001:2015/Amd 1:2024 发布", ["ISO 9001:2015/Amd 1:2024"]),
        ("合订本 IEC 60601-1:2005+AMD1:2012", ["IEC 60601-1:2005+AMD1:2012"]),
        ("欧洲草案 prEN 17999 与 EN 50001:2019/A1:2021", ["prEN 17999", "EN 50001:2019/A1:2021"]),
        ("IEEE Std 1547-2018 与 IEEE 2030.5-2018", ["IEEE Std 1547-2018", "IEEE 2030.5-2018"]),
        ("SAE J1772_201710 修订版", ["SAE J1772_201710"]),
        ("ANSI C12.20-2015 电表", ["ANSI C12.20-2015"]),
    ],
)
def test_standard_codes_are_found(text: str, codes: list[str]) -> None:
    assert list(find_standards(text)) == codes


@pytest.mark.parametrize(
    "text",
    [
        "6 月 15 日，2023-06-15 发布",
        "2023 年第 07 期",
        "第 121 届理事会会议",
        "共确定了 37 个标准化缺口",
        "联系电话 010-68001234 或 13800138000",
        "由 IEC/TC 121 制定，IEC TC 8 及其小组委员会",
        "CEN/TC 428 白皮书",
        "《ISO 战略 2030》",
        "ISOLATION 1234 与 ULTRA 5000",
        "第 5 页，共 32 页",
    ],
)
def test_numbers_that_are_not_standards(text: str) -> None:
    assert list(find_standards(text)) == []


def test_codes_sort_naturally() -> None:
    codes = ["IEC 61851", "IEC 8", "IEC 62208:2023", "IEC 15118"]
    assert sorted(codes, key=natural_key) == ["IEC 8", "IEC 15118", "IEC 61851", "IEC 62208:2023"]


def test_anchor_is_stable_readable_and_safe() -> None:
    assert anchor("IEC 62208:2023") == anchor("IEC 62208") == "iso-iec-62208"
    assert anchor("CEN/TS 17834:2022") == "cen-ts-17834"
    assert anchor("IEEE P2030.5") == "ieee-2030-5"
    assert anchor("GB/T 1.1-2020") == "gb-t-1-1"
    assert standard_page("IEC 62208:2023") == "standards/iso-iec.md"


# --- which standard a code designates ----------------------------------------------


@pytest.mark.parametrize(
    ("codes", "standard"),
    [
        # an edition year is a state of the standard, not another standard
        (["ISO 9001", "ISO 9001:2015", "ISO 9001:2008"], Standard("ISO/IEC", "9001")),
        (["GB/T 4754-2017", "GB/T 4754-2011"], Standard("GB/T", "4754")),
        (["ASTM D1234", "ASTM D1234-23", "ASTM D1234-2023"], Standard("ASTM", "D1234")),
        (["SAE J1772", "SAE J1772_201710"], Standard("SAE", "J1772")),
        # so is a draft stage, an amendment or a corrigendum
        (["IEEE 1234.5", "IEEE P1234.5", "IEEE Std 1234.5-2020"], Standard("IEEE", "1234.5")),
        (
            ["ISO/DIS 12345", "ISO DIS 12345", "ISO 12345:2020/Amd 1:2022"],
            Standard("ISO/IEC", "12345"),
        ),
        (["IEC CD 61234-2", "IEC 61234-2:2019+AMD1:2021"], Standard("ISO/IEC", "61234-2")),
        (["prEN 17999", "EN 17999:2024/A1:2025", "EN 17999:2024/AC:2024"], Standard("EN", "17999")),
        # a version of an edition (commented, redline) and a supplement
        (["IEC 62208:2023 CMV", "IEC 62208:2023 RLV", "IEC 62208"], Standard("ISO/IEC", "62208")),
        (["UL 1741 SB", "UL 1741"], Standard("UL", "1741")),
        # a joint designation and either publisher's citation of the same number
        (
            ["ISO/IEC 23456", "IEC 23456", "ISO 23456", "ISO/IEC DIS 23456"],
            Standard("ISO/IEC", "23456"),
        ),
    ],
)
def test_qualifiers_and_joint_publishers_designate_one_standard(
    codes: list[str], standard: Standard
) -> None:
    assert {standard_of(code) for code in codes} == {standard}
    assert len({anchor(code) for code in codes}) == 1
    assert len({standard_page(code) for code in codes}) == 1


@pytest.mark.parametrize(
    "codes",
    [
        ["IEC 60601-1", "IEC 60601-1-2", "IEC 60601"],  # parts, and the whole series
        ["GB 1234.1-2020", "GB/T 1234.1-2020", "GB/Z 1234.1-2020"],  # mandatory, recommended, guide
        ["GB/T 1.1-2020", "GB/T 1.2-2020", "GB/T 1-2020"],
        ["IEEE 1234", "IEEE 1234.5", "IEEE P1234.13"],  # a dotted number is its own standard
        ["SAE J1234", "SAE J1234/2"],
        ["EN 12345", "CEN/TS 12345", "CEN/TR 12345"],  # other kinds of deliverable
        ["ISO 12345", "EN 12345", "BS 12345"],  # other publishers' number spaces
        ["ASTM WK12345", "ASTM D12345"],  # a work item is not yet its standard
    ],
)
def test_parts_statuses_and_publishers_stay_apart(codes: list[str]) -> None:
    assert len({standard_of(code) for code in codes}) == len(codes)
    assert len({anchor(code) for code in codes}) == len(codes)


def test_a_code_no_family_reads_is_a_standard_of_its_own() -> None:
    assert standard_of("JIS C 8201") == Standard("JIS", "C 8201")
    assert standard_of("  IEC   62208:2023 ") == Standard("ISO/IEC", "62208")
    assert read_citation("ISO/IEC  DIS 27001").cited == "ISO/IEC DIS 27001"


def test_a_joint_name_of_two_publishers_makes_one_number_space() -> None:
    spaces = number_spaces(["AB/CD", "AB", "CD", "EF", "EF/X", "CD/EF"])
    assert spaces == {name: "AB/CD" for name in ("AB/CD", "AB", "CD", "EF", "CD/EF")}
    assert "EF/X" not in spaces  # X is no publisher: a kind of deliverable ("CEN/TS")


def test_citations_are_grouped_by_standard_in_order_of_mention() -> None:
    codes = ["IEC 12345:2023", "SAE J1234", "IEC 12345", "ISO/IEC 12345", "IEC 12345:2023"]
    assert by_standard(codes) == {
        Standard("ISO/IEC", "12345"): ("IEC 12345:2023", "IEC 12345", "ISO/IEC 12345"),
        Standard("SAE", "J1234"): ("SAE J1234",),
    }


def test_the_sample_cites_four_standards_in_two_forms_each(sample_export: Path) -> None:
    issue, _ = convert_bytes(sample_export.read_bytes(), "archive/2023-07.txt")
    codes = [code for article in issue.articles for code in article.standards]
    forms: dict[Standard, set[str]] = {}
    for code in codes:
        forms.setdefault(standard_of(code), set()).add(code)
    assert forms[Standard("ISO/IEC", "62208")] == {"IEC 62208", "IEC 62208:2023 CMV"}
    assert forms[Standard("IEEE", "2030.5")] == {"IEEE 2030.5", "IEEE P2030.5"}
    assert forms[Standard("ISO/IEC", "15118")] == {"IEC 15118", "ISO/IEC 15118"}
    assert forms[Standard("UL", "1741")] == {"UL 1741", "UL 1741 SB"}
    assert len(set(codes)) - len(forms) == 4
