"""Chinese first: install the zh_CN translation unless English was chosen; register the font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
FONT_FILE = "fonts/DroidSansFallbackFull.ttf"


def install_translation(app: QCoreApplication, language: str) -> QTranslator | None:
    """The installed translator (keep a reference to it), or None for English."""
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if not translator.load(str(resource_path("translations/transfer_desk_zh_CN.qm"))):
        raise RuntimeError("the zh_CN translation is missing from resources/translations")
    app.installTranslator(translator)
    return translator


def install_font(app: QApplication) -> str:
    """Register the bundled CJK font and make it the application font; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(FONT_FILE)))
    if font_id < 0:
        raise RuntimeError("the bundled CJK font could not be loaded")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family
