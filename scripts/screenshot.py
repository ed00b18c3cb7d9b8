"""Screenshot pages of a built site at desktop and phone widths (for reviewing).

Usage: python -m scripts.screenshot SITE_DIR OUT_DIR PAGE...   (PAGE like 2023/07/01/)
Uses the shared browser helpers (tools/browser.py): Debian's Chromium, a local server.
Each page at both widths, in the light and the dark scheme (the site follows the
system's), full length: OUT_DIR/<page>-<width>-<scheme>.png.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from tools.browser import DESKTOP, PHONE, chromium, serve

SIZES = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = ("light", "dark")


def main() -> None:
    site, out, pages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for (name, viewport), scheme in itertools.product(SIZES.items(), SCHEMES):
            tab = browser.new_page(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
            for path in pages:
                tab.goto(base + path)
                tab.wait_for_load_state("networkidle")
                slug = path.strip("/").replace("/", "-") or "home"
                tab.screenshot(path=str(out / f"{slug}-{name}-{scheme}.png"), full_page=True)
            tab.close()


if __name__ == "__main__":
    main()
