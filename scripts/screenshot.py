"""Screenshot pages of a built site at desktop and phone widths (for reviewing).

Usage: python -m scripts.screenshot SITE_DIR OUT_DIR PAGE...   (PAGE like 2023/07/01/)
Uses the shared browser helpers (tools/browser.py): Debian's Chromium, a local server.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.browser import DESKTOP, PHONE, chromium, serve

SIZES = {"desktop": DESKTOP, "phone": PHONE}


def main() -> None:
    site, out, pages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for name, viewport in SIZES.items():
            tab = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
            for path in pages:
                tab.goto(base + path)
                tab.wait_for_load_state("networkidle")
                slug = path.strip("/").replace("/", "-") or "home"
                tab.screenshot(path=str(out / f"{slug}-{name}.png"))
            tab.close()


if __name__ == "__main__":
    main()
