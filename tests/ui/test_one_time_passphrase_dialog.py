"""The one-time passphrase is shown once, large, unselectable, and wiped on every way out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from desktop.domain.accounts import User
from desktop.ui.one_time_passphrase_dialog import OneTimePassphraseDialog

USER = User("u-1", "zhang.san", "张三", ("researcher",), "public", True, True)
PASSPHRASE = "ABCD-EFGH-JKLM-NPQR-STUV"


@pytest.fixture
def dialog(zh_app, qtbot) -> OneTimePassphraseDialog:
    dialog = OneTimePassphraseDialog(USER, PASSPHRASE, "账户已创建")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # so the test can look after
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_the_passphrase_with_the_user_and_the_handover_rules(dialog) -> None:
    assert dialog.windowTitle() == "账户已创建"
    assert dialog.login_label.text() == "zhang.san"
    assert dialog.name_label.text() == "张三"
    assert dialog.passphrase_label.text() == PASSPHRASE
    notice = dialog.notice_label.text()
    assert "只显示这一次" in notice
    assert "当面" in notice and "密封信封" in notice
    assert "首次登录时必须修改" in notice


def test_the_default_title(zh_app, qtbot) -> None:
    dialog = OneTimePassphraseDialog(USER, PASSPHRASE)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "一次性口令"


def test_large_monospace_and_not_selectable(dialog) -> None:
    label = dialog.passphrase_label
    info = QFontInfo(label.font())
    assert info.fixedPitch()
    assert label.font().pointSize() >= 2 * QApplication.font().pointSize() - 2
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_there_is_no_copy_button(dialog) -> None:
    buttons = dialog.findChildren(QAbstractButton)
    assert [b.objectName() for b in buttons] == ["done_button"]
    assert dialog.done_button.text() == "我已记下"


CLOSERS: dict[str, Callable[[OneTimePassphraseDialog], object]] = {
    "done button": lambda d: d.done_button.click(),
    "escape": lambda d: QTest.keyClick(d, Qt.Key.Key_Escape),
    "close box": lambda d: d.close(),
}


@pytest.mark.parametrize("close", CLOSERS.values(), ids=CLOSERS.keys())
def test_every_way_out_wipes_the_label(dialog, close) -> None:
    assert dialog.passphrase_label.text() == PASSPHRASE
    close(dialog)
    assert not dialog.isVisible()
    assert dialog.passphrase_label.text() == ""


def test_the_dialog_deletes_itself_when_closed(zh_app, qtbot) -> None:
    dialog = OneTimePassphraseDialog(USER, PASSPHRASE)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    with qtbot.waitSignal(dialog.destroyed, timeout=2000):
        dialog.done_button.click()
