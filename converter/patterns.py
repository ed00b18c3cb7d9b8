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
# An article's first paragraph (its lead) opens with its date, in any of the forms
# Chinese news uses: a day ("6 月 15 日，", "2023 年 6 月 15 日，"), a range of days
# ("6 月 22—23 日，", "6 月 22 日至 24 日，", "6 月 30 日至 7 月 2 日，": the first
# day is the date), a part of a month ("6 月上旬，", "6 月底，") or the month alone
# ("6 月，"), or no date at all ("近日，"). Groups: year, month, day, part, relative.
# A month or day may be set in Han numerals ("六月十五日，", "廿二日"): 一…九, 十…十九,
# 二十…三十一, with 廿 (20) and 卅 (30); ``structure.date_number`` reads either form.
HAN_UNITS = "一二三四五六七八九"
HAN_DATE_NUMBER = rf"(?:[二三]?十[{HAN_UNITS}]?|[廿卅][{HAN_UNITS}]?|[{HAN_UNITS}])"
DATE_NUMBER = rf"(?:\d{{1,2}}|{HAN_DATE_NUMBER})"
DATE_RANGE_END = rf"\s*(?:[—–－~～-]|至|到)\s*(?:{DATE_NUMBER}\s*月\s*)?{DATE_NUMBER}\s*日"
DATE_DAY = rf"(?P<day>{DATE_NUMBER})\s*(?:日(?:{DATE_RANGE_END})?|{DATE_RANGE_END})"
MONTH_PARTS = ("上中旬", "中下旬", "上旬", "中旬", "下旬", "初", "中", "底", "末")  # longest first
DATE_MONTH_PART = rf"(?P<part>{'|'.join(MONTH_PARTS)})?"
# Leads that say "recently" instead of a date: the date is the issue's month.
RELATIVE_DATES = ("近日", "日前", "近期", "近来", "最近", "本月初", "本月", "上月", "本周", "上周")
# "当地时间 6 月 15 日，" and "6 月 15 日（当地时间），": the time zone, said before or after.
DATE_ZONE_BEFORE = r"(?:(?:当地|北京|美国东部|欧洲中部)时间\s*)?"
DATE_ZONE_AFTER = r"(?:\s*[（(][^）)，,]{1,8}[）)])?"
DATELINE = re.compile(
    rf"^{DATE_ZONE_BEFORE}(?:(?:(?P<year>\d{{4}})\s*年\s*)?(?P<month>{DATE_NUMBER})\s*月\s*"
    rf"(?:{DATE_DAY}|{DATE_MONTH_PART})"
    rf"|(?P<relative>{'|'.join(RELATIVE_DATES)})){DATE_ZONE_AFTER}\s*[，,]"
)
