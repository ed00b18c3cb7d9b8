import pytest

from converter.diagnostics import Diagnostics
from converter.model import ConversionError
from converter.passes.decode import decode_bytes

SAMPLE = "本期概要 \n\n7 月，国家发展改革委\r\n"


def test_utf8_with_and_without_bom_decode_the_same() -> None:
    plain = decode_bytes(SAMPLE.encode("utf-8"), Diagnostics("a.txt")).text
    with_bom = decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), Diagnostics("a.txt")).text
    assert plain == with_bom
    assert not plain.startswith("\ufeff")


def test_gb18030_decodes_to_the_same_text() -> None:
    assert (
        decode_bytes(SAMPLE.encode("gb18030"), Diagnostics("a.txt")).text
        == decode_bytes(SAMPLE.encode("utf-8"), Diagnostics("a.txt")).text
    )


@pytest.mark.parametrize("line_end", ["\r\n", "\r", "\n"])
def test_line_ends_are_normalised(line_end: str) -> None:
    text = "甲 \n\n乙\n丙 \n".replace("\n", line_end)
    assert decode_bytes(text.encode("utf-8"), Diagnostics("a.txt")).text == "甲 \n\n乙\n丙 \n"


def test_undecodable_bytes_name_file_line_and_offset() -> None:
    data = "第一行\n".encode() + b"\xff\xfe\xff\xfe\x81\x20"
    with pytest.raises(ConversionError) as caught:
        decode_bytes(data, Diagnostics("archive/bad.txt"))
    message = str(caught.value)
    assert message.startswith("archive/bad.txt:2:")
    assert "byte offset 10" in message


def test_control_characters_are_dropped_with_a_warning_naming_their_line() -> None:
    diagnostics = Diagnostics("a.txt")
    text = decode_bytes("甲\n乙\x00丙\x1b\n丁\x01\t戊\n".encode(), diagnostics).text
    assert text == "甲\n乙丙\n丁\t戊\n"
    assert [(w.line, w.message) for w in diagnostics.warnings] == [
        (2, "control characters dropped (not text): U+0000, U+001B"),
        (3, "control characters dropped (not text): U+0001"),
    ]
