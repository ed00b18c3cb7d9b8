"""Write every variant's export for a look or a conversion by hand.

``python -m tests.variants OUT [NAME...]`` writes ``OUT/<variant>/<YYYY-MM>.txt``
(the variants named, or all); ``python -m converter convert OUT/<variant>/*.txt
--out /tmp/x --report`` then converts one as an editor would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .catalogue import VARIANTS
from .layout import render


def main(args: list[str]) -> int:
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
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
