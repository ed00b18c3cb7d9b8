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

# Characters that are not text: the C0 and C1 controls (NUL, ESC…) but the line feed
# and the tab, and the two non-characters XML forbids. Left in, they would reach the
# Markdown and make feed.xml ill-formed XML.
NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")

# The running header names the issue: "2023 年第 07 期".
ISSUE_LABEL = r"(\d{4})\s*年第\s*(\d{1,2})\s*期"
ISSUE_IN_TEXT = re.compile(ISSUE_LABEL)
RUNNING_HEADER = re.compile(rf"^\s*{ISSUE_LABEL}\s*$")
# A page number stands alone on its line (a bulletin has fewer than 1000 pages).
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# An article's first paragraph opens with its date: "6 月 15 日，".
DATELINE = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日[，,]")
