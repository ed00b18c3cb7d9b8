"""Fuzzing of the whole converter on a fixed set of random mutations of the sample.

Every mutated export must either convert or be refused with a ``ConversionError``
(which the command line prints as ``path:line: message``); any other exception is a
crash with a traceback, and the test fails naming the seed and the mutations so the
case can be replayed: ``mutate(random.Random(seed), SAMPLE_BYTES)``.

The seeds are fixed (``MUTANTS`` of them from ``FIRST_SEED``), so every run tries the
same mutants whatever the machine's load: about 25 s on a quiet 2-core machine.
"""

from __future__ import annotations

import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from converter.model import ConversionError
from converter.passes import convert_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_BYTES = (ROOT / "archive" / "2023-07.txt").read_bytes()
PATH = "archive/2023-07.txt"
# Seeds FIRST_SEED … FIRST_SEED + MUTANTS - 1: about 30 ms of conversion each.
MUTANTS = 800
FIRST_SEED = 0
MUTATIONS_PER_MUTANT = (1, 4)
MAX_LINES_MOVED = 20
MAX_BYTES_INSERTED = 8

Lines = list[bytes]


# --- mutations: each takes the lines and returns them with a description ----------


def delete_lines(rng: random.Random, lines: Lines) -> str:
    start, count = rng.randrange(len(lines)), rng.randint(1, MAX_LINES_MOVED)
    del lines[start : start + count]
    return f"delete {count} lines from line {start + 1}"


def duplicate_lines(rng: random.Random, lines: Lines) -> str:
    start, count = rng.randrange(len(lines)), rng.randint(1, MAX_LINES_MOVED)
    lines[start:start] = lines[start : start + count]
    return f"duplicate {count} lines at line {start + 1}"


def swap_lines(rng: random.Random, lines: Lines) -> str:
    first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[first], lines[second] = lines[second], lines[first]
    return f"swap lines {first + 1} and {second + 1}"


def insert_bytes(rng: random.Random, lines: Lines) -> str:
    index = rng.randrange(len(lines))
    line = lines[index]
    at = rng.randint(0, len(line))
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, MAX_BYTES_INSERTED)))
    lines[index] = line[:at] + junk + line[at:]
    return f"insert {junk!r} at byte {at} of line {index + 1}"


def truncate(rng: random.Random, lines: Lines) -> str:
    index = rng.randrange(len(lines))
    cut = rng.randint(0, len(lines[index]))
    lines[index] = lines[index][:cut]
    del lines[index + 1 :]
    return f"truncate at byte {cut} of line {index + 1}"


def join_blocks(rng: random.Random, lines: Lines) -> str:
    """Delete one empty separator line: two lines of a block become two blocks."""
    empty = [i for i, line in enumerate(lines) if not line]
    if not empty:
        return "no empty line to delete"
    index = rng.choice(empty)
    del lines[index]
    return f"delete the empty line {index + 1}"


def toggle_trailing_space(rng: random.Random, lines: Lines) -> str:
    index = rng.randrange(len(lines))
    line = lines[index]
    lines[index] = line[:-1] if line.endswith(b" ") else line + b" "
    return f"toggle the trailing space of line {index + 1}"


def change_digits(rng: random.Random, lines: Lines) -> str:
    """Renumber: a footnote, a table row, a date or the issue number changes."""
    candidates = [i for i, line in enumerate(lines) if any(48 <= b <= 57 for b in line)]
    if not candidates:
        return "no digit to change"
    index = rng.choice(candidates)
    line = bytearray(lines[index])
    positions = [k for k, b in enumerate(line) if 48 <= b <= 57]
    at = rng.choice(positions)
    line[at] = rng.choice(b"0123456789")
    lines[index] = bytes(line)
    return f"change the digit at byte {at} of line {index + 1} to {chr(line[at])}"


Mutation = Callable[[random.Random, Lines], str]
MUTATIONS: tuple[Mutation, ...] = (
    delete_lines,
    duplicate_lines,
    swap_lines,
    insert_bytes,
    truncate,
    join_blocks,
    toggle_trailing_space,
    change_digits,
)
LINE_ENDS = (b"\n", b"\r\n", b"\r")


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    """Apply 1–4 random mutations, then maybe flip the line ends."""
    lines = data.split(b"\n")
    steps = []
    for _ in range(rng.randint(*MUTATIONS_PER_MUTANT)):
        if not lines:
            break
        steps.append(rng.choice(MUTATIONS)(rng, lines))
    end = rng.choice(LINE_ENDS)
    if end != b"\n":
        steps.append(f"line ends {end!r}")
    return end.join(lines), steps


@dataclass(frozen=True)
class Crash:
    seed: int
    steps: list[str]
    error: str

    def __str__(self) -> str:
        return (
            f"seed {self.seed}: {'; '.join(self.steps)}\n"
            f"  replay: mutate(random.Random({self.seed}), SAMPLE_BYTES)\n"
            f"  {self.error}"
        )


def run_one(seed: int) -> Crash | None:
    data, steps = mutate(random.Random(seed), SAMPLE_BYTES)
    try:
        convert_bytes(data, PATH)
    except ConversionError as error:
        assert str(error).startswith(f"{PATH}:"), f"seed {seed}: message lacks path:line: {error}"
    except Exception as error:  # a crash: any exception but the converter's own
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return Crash(seed, steps, f"{type(error).__name__} at {where}: {error}")
    return None


@pytest.mark.slow
def test_mutated_exports_convert_or_are_refused_cleanly() -> None:
    seeds = range(FIRST_SEED, FIRST_SEED + MUTANTS)
    crashes = [crash for seed in seeds if (crash := run_one(seed))]
    assert not crashes, f"{len(crashes)} of {MUTANTS} mutants crashed the converter:\n" + "\n".join(
        map(str, crashes)
    )


def test_a_crash_names_its_seed_and_its_replay_gives_the_same_export(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The harness's own contract: a crash is reported, not raised, with the seed and
    the mutations, and its replay line rebuilds exactly the export that crashed (no
    randomness but the seeded ``rng`` reaches ``mutate``)."""
    crashed: list[bytes] = []

    def crash(data: bytes, path: str) -> None:
        crashed.append(data)
        raise KeyError("planted")

    monkeypatch.setattr(f"{__name__}.convert_bytes", crash)
    found = run_one(7)
    assert found is not None and found.seed == 7
    assert found.error.startswith("KeyError at test_fuzz.py:") and "planted" in found.error
    assert "replay: mutate(random.Random(7), SAMPLE_BYTES)" in str(found)
    assert crashed == [mutate(random.Random(7), SAMPLE_BYTES)[0]]
    assert found.steps == mutate(random.Random(7), SAMPLE_BYTES)[1]


def test_a_refusal_is_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes, path: str) -> None:
        raise ConversionError(path, 3, "not an export")

    monkeypatch.setattr(f"{__name__}.convert_bytes", refuse)
    assert run_one(7) is None


# Mutants that crashed the converter in longer runs (seeds up to 3000), kept so the
# fix is checked; test_bad_input.py has the same bug as a minimal case.
@pytest.mark.parametrize(
    "seed",
    [
        1296,  # a duplicated dateline paragraph
    ],
)
def test_mutants_that_crashed_longer_runs(seed: int) -> None:
    crash = run_one(seed)
    assert crash is None, str(crash)
