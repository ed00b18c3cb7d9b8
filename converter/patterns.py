"""Patterns of the export format that more than one module reads.

Each pattern is defined here once; the passes, the site writer and the editors'
check import it. ``converter/FORMAT.md`` describes the format they come from.
"""

from __future__ import annotations

import re

# Han characters: the CJK Unified Ideographs with Extension A, the compatibility
# ideographs, and Extensions B and beyond (names and rare characters). A character
# class string, to be put inside larger patterns.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = f"[{HAN_RANGES}]"
HAN_CHAR = re.compile(HAN)

# The running header names the issue, in any spacing and among other words:
# "2023 年第 07 期", "标准化动态·2023年第7期". Without its year ("第 7 期") it names
# only the number (``ISSUE_NUMBER_IN_TEXT``).
ISSUE_LABEL = r"(?<!\d)(\d{4})\s*年\s*第\s*(\d{1,2})\s*期"
ISSUE_IN_TEXT = re.compile(ISSUE_LABEL)
ISSUE_NUMBER_IN_TEXT = re.compile(r"第\s*(\d{1,2})\s*期")
# The editors' check (converter/check.py) looks for furniture left in a page: a
# line holding only the issue's name or only a number. The converter itself learns
# each export's furniture (passes/furniture.py) and does not read these two.
RUNNING_HEADER = re.compile(rf"^\s*{ISSUE_LABEL}\s*$")
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# An article's first paragraph opens with its date: "6 月 15 日，".
DATELINE = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日[，,]")
