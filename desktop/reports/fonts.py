"""Fonts for PDF reports, embedded so a sheet prints the same on any machine.

Droid Sans Fallback has the CJK glyphs but no Latin letters or digits, so Latin runs are
set in Bitstream Vera, which reportlab ships. ``mixed_markup`` splits text between the two.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

CJK_FONT = "TDSans"
LATIN_FONT = "TDLatin"
LATIN_BOLD_FONT = "TDLatin-Bold"


def _register(name: str, path: str) -> str:
    # reportlab's registry is process-global already; asking it keeps this idempotent.
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def register_cjk_font() -> str:
    return _register(CJK_FONT, str(resource_path("fonts/DroidSansFallbackFull.ttf")))


def register_latin_fonts() -> tuple[str, str]:
    # Found on reportlab's own font path, so no copy lives in resources/.
    return _register(LATIN_FONT, "Vera.ttf"), _register(LATIN_BOLD_FONT, "VeraBd.ttf")


def mixed_markup(text: str) -> str:
    """Paragraph markup that sets CJK in TDSans and everything else in TDLatin."""
    register_cjk_font()
    register_latin_fonts()
    cjk_glyphs = pdfmetrics.getFont(CJK_FONT).face.charToGlyph
    runs: list[tuple[bool, str]] = []
    for char in text:
        # A space joins the run it follows, so "Vault recovery code" stays one run.
        is_cjk = runs[-1][0] if char.isspace() and runs else ord(char) in cjk_glyphs
        if runs and runs[-1][0] == is_cjk:
            runs[-1] = (is_cjk, runs[-1][1] + char)
        else:
            runs.append((is_cjk, char))
    return "".join(
        escape(run) if is_cjk else f'<font face="{LATIN_FONT}">{escape(run)}</font>'
        for is_cjk, run in runs
    )
