"""One channel for what the converter has to say about one export.

A ``Diagnostics`` collector is made per export and handed to every pass that can
warn or fail. It knows the export's path, so a pass names only the line: a
``Line``, a ``Paragraph`` or a line number. Warnings are collected in the order
they are made; an error stops the conversion of that export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn, Protocol

from .model import ConversionError, Warning_


class HasLine(Protocol):
    @property
    def line(self) -> int: ...


Where = int | HasLine


def line_of(where: Where) -> int:
    return where if isinstance(where, int) else where.line


@dataclass
class Diagnostics:
    path: str
    warnings: list[Warning_] = field(default_factory=list)

    def warn(self, where: Where, message: str) -> None:
        self.warnings.append(Warning_(self.path, line_of(where), message))

    def fail(self, where: Where, message: str) -> NoReturn:
        raise ConversionError(self.path, line_of(where), message)


# What a message may not carry onto its line: a line break would start a line of its
# own, which GitHub Actions reads as a command when it begins with "::" (a tag
# "x\n::error file=…::" made a fake annotation); other control characters (a
# terminal's escapes) are no text either. Actions' own encoding of a command's data
# (%25, %0D, %0A), extended to every control character.
CONTROL = re.compile(r"[%\x00-\x08\x0a-\x1f\x7f]")


def one_line(message: str) -> str:
    """``message`` on one line, every control character (and ``%``) as ``%XX``."""
    return CONTROL.sub(lambda match: f"%{ord(match.group()):02X}", message)
