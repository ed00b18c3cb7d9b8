"""One channel for what the converter has to say about one export.

A ``Diagnostics`` collector is made per export and handed to every pass that can
warn or fail. It knows the export's path, so a pass names only the line: a
``Line``, a ``Paragraph`` or a line number. Warnings are collected in the order
they are made; an error stops the conversion of that export.
"""

from __future__ import annotations

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
