"""Fonts for PDF reports, embedded so a sheet prints the same on any machine.

Droid Sans Fallback has the CJK glyphs but no Latin letters or digits, so Latin runs are
set in Bitstream Vera, which reportlab ships; the few symbols neither has (★ of secrecy marks,
arrows, check marks) come from TD Symbols, a subset of DejaVu Sans (resources/fonts/README.md).
``mixed_markup`` splits text between the three.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

CJK_FONT = "TDSans"
LATIN_FONT = "TDLatin"
LATIN_BOLD_FONT = "TDLatin-Bold"
SYMBOL_FONT = "TDSymbols"


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


def register_symbol_font() -> str:
    return _register(SYMBOL_FONT, str(resource_path("fonts/TDSymbols.ttf")))


def mixed_markup(text: str) -> str:
    """Paragraph markup that sets CJK in TDSans, the symbols only TD Symbols has in it, and
    everything else in TDLatin."""
    register_cjk_font()
    register_latin_fonts()
    register_symbol_font()
    cjk_glyphs = pdfmetrics.getFont(CJK_FONT).face.charToGlyph
    symbol_glyphs = pdfmetrics.getFont(SYMBOL_FONT).face.charToGlyph
    runs: list[tuple[str | None, str]] = []  # (font face, or None for TDSans; text)
    for char in text:
        # A space joins the run it follows, so "Vault recovery code" stays one run.
        if char.isspace() and runs:
            face = runs[-1][0]
        elif ord(char) in cjk_glyphs:
            face = None
        elif ord(char) in symbol_glyphs:
            face = SYMBOL_FONT
        else:
            face = LATIN_FONT
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return "".join(
        escape(run) if face is None else f'<font face="{face}">{escape(run)}</font>'
        for face, run in runs
    )
