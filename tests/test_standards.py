import pytest

from converter.passes.standards import find_standards, natural_key
from converter.site.paths import standard_anchor as anchor


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("发布低压开关设备标准（IEC 62208:2023 CMV）", ["IEC 62208:2023"]),
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


def test_anchor_is_stable_and_safe() -> None:
    assert anchor("IEC 62208:2023") == "iec-62208-2023"
    assert anchor("CEN/TS 17834:2022") == "cen-ts-17834-2022"
