"""Write the perturbed exports, or say how today's converter does on each.

``python -m tests.perturbed OUT [NAME...]`` writes ``OUT/<name>/2023-07.txt``;
``python -m tests.perturbed --check [NAME...]`` converts each and prints PASS or
FAIL with the first differences.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .catalogue import PERTURBATIONS
from .check import problems
from .truth import SAMPLE


def main(args: list[str]) -> int:
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    check = args[0] == "--check"
    names = set(args[1:])
    unknown = names - {p.name for p in PERTURBATIONS}
    if unknown:
        print(f"no such perturbation: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    sample = SAMPLE.read_text(encoding="utf-8")
    for perturbation in PERTURBATIONS:
        if names and perturbation.name not in names:
            continue
        if check:
            found, result = problems(perturbation)
            verdict = "FAIL" if found else "PASS"
            print(f"{verdict} {perturbation.name} ({len(result.warnings)} warnings)")
            for problem in found[:3]:
                print(f"    {problem[:300]}")
            continue
        path = Path(args[0]) / perturbation.name / SAMPLE.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(perturbation.edit(sample), encoding="utf-8")
        print(f"{path}  ({perturbation.why})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
