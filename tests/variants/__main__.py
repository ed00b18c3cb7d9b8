"""Write every variant's export for a look or a conversion by hand, or survey the
random corpus.

``python -m tests.variants OUT [NAME...]`` writes ``OUT/<variant>/<YYYY-MM>.txt``
(the variants named, or all); ``python -m converter convert OUT/<variant>/*.txt
--out /tmp/x --accounting`` then converts one as an editor would.

``python -m tests.variants --random N [--seed S]`` converts the broad random issues
S … S+N-1 (``random_issues.broad_issue``) and prints how many came out right, how
many structural errors were WARNED and how many SILENT (``survey``); it exits 1 if
any error is silent or any conversion crashed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .catalogue import VARIANTS
from .layout import render
from .survey import survey


def random_survey(args: list[str]) -> int:
    try:
        count = int(args[1])
        seed = int(args[3]) if len(args) > 3 and args[2] == "--seed" else 0
    except (IndexError, ValueError):
        print(__doc__, file=sys.stderr)
        return 2
    tally = survey(range(seed, seed + count))
    print("\n".join(tally.lines()))
    return 1 if tally.silent or tally.crashed else 0


def main(args: list[str]) -> int:
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    if args[0] == "--random":
        return random_survey(args)
    out, names = Path(args[0]), set(args[1:])
    unknown = names - {variant.name for variant in VARIANTS}
    if unknown:
        print(f"no such variant: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for variant in VARIANTS:
        if names and variant.name not in names:
            continue
        spec = variant.make()
        path = out / variant.name / spec.file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(spec), encoding="utf-8")
        print(f"{path}  ({variant.why})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
