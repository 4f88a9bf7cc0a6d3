from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from desktop.reports.fonts import (
    LATIN_FONT,
    SYMBOL_FONT,
    mixed_markup,
    register_cjk_font,
    register_latin_fonts,
    register_symbol_font,
)
from desktop.resources import resource_path


def test_font_file_and_licence_are_bundled() -> None:
    assert resource_path("fonts/DroidSansFallbackFull.ttf").stat().st_size > 1_000_000
    licence = resource_path("fonts/LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")
    assert "Google" in licence
    assert "Apache License" in licence


def test_register_is_idempotent() -> None:
    assert register_cjk_font() == "TDSans"
    assert register_cjk_font() == "TDSans"
    assert pdfmetrics.getRegisteredFontNames().count("TDSans") == 1
    assert register_latin_fonts() == register_latin_fonts() == ("TDLatin", "TDLatin-Bold")


def test_cjk_font_has_the_sheet_glyphs() -> None:
    glyphs = pdfmetrics.getFont(register_cjk_font()).face.charToGlyph
    assert all(ord(c) in glyphs for c in "保管库恢复码单位名称须知，。（）：")


def test_mixed_markup_puts_latin_runs_in_the_latin_font() -> None:
    assert mixed_markup("2026年") == f'<font face="{LATIN_FONT}">2026</font>年'
    assert mixed_markup("恢复码 Vault code") == (
        f'恢复码 <font face="{LATIN_FONT}">Vault code</font>'
    )


def test_mixed_markup_escapes() -> None:
    assert mixed_markup("a<b>&") == f'<font face="{LATIN_FONT}">a&lt;b&gt;&amp;</font>'
    assert mixed_markup("中<文>") == (
        f'中<font face="{LATIN_FONT}">&lt;</font>文<font face="{LATIN_FONT}">&gt;</font>'
    )


def test_the_symbols_neither_text_font_has_come_from_td_symbols() -> None:
    assert mixed_markup("机密★10年") == (
        f'机密<font face="{SYMBOL_FONT}">★</font><font face="{LATIN_FONT}">10</font>年'
    )
    symbols = pdfmetrics.getFont(register_symbol_font()).face.charToGlyph
    cjk = pdfmetrics.getFont(register_cjk_font()).face.charToGlyph
    for char in "★☆→✓✗":
        assert ord(char) in symbols and ord(char) not in cjk
    licence = resource_path("fonts/LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "DejaVu changes are in public domain" in licence
