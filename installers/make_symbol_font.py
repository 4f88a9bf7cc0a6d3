"""Cut resources/fonts/TDSymbols.ttf out of DejaVu Sans: the few symbols our PDFs print that
neither Droid Sans Fallback nor Bitstream Vera has (★ of secrecy marks such as 机密★10年, arrows,
check marks).

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python installers/make_symbol_font.py  # default: Debian's DejaVuSans.ttf

Run once and commit the output (a few KB), so neither the program nor the build needs fontTools.
The Bitstream Vera licence lets a modified font be distributed under a name without "Bitstream"
or "Vera": the subset is named "TD Symbols" (resources/fonts/LICENSE-DejaVu.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SYMBOLS = "★☆→←↑↓↔●○■□◆◇▲△▼▽✓✔✗✘"
NAME = "TD Symbols"


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=SYMBOLS)
    subsetter.subset(font)
    missing = [c for c in SYMBOLS if ord(c) not in font.getBestCmap()]
    if missing:
        raise SystemExit(f"{source} lacks {''.join(missing)}")
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 21):
            names.setName(NAME, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 6, 20):
            names.setName(
                NAME.replace(" ", ""),
                record.nameID,
                record.platformID,
                record.platEncID,
                record.langID,
            )
    target = FONTS / "TDSymbols.ttf"
    font.save(target)
    print(f"wrote {target} ({target.stat().st_size} bytes): {SYMBOLS}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
