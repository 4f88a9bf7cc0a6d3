"""The first-run wizard, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.domain.recovery_code import parse_code
from tests.support import TEST_PASSPHRASE, VALID_CREDIT_CODE
from tests.ui.conftest import unlock


def fill_unit(qtbot, wizard, credit_code: str = VALID_CREDIT_CODE) -> None:  # type: ignore[no-untyped-def]
    form = wizard.unit_page.form
    form.name_edit.setText("辽宁省示范大学")  # keyClicks takes Latin-1 only
    qtbot.keyClicks(form.credit_code_edit, credit_code)
    form.departments_edit.setPlainText("科技处\n化学学院")


def fill_admin(qtbot, wizard, passphrase: str = TEST_PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    page = wizard.admin_page
    page.name_edit.setText("王管理")
    qtbot.keyClicks(page.passphrase.passphrase_edit, passphrase)
    qtbot.keyClicks(page.passphrase.repeat_edit, passphrase)


def click_next(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_wrong_credit_code_is_shown_at_the_field_while_typing(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = desk.wizard
    wizard.show()
    fill_unit(qtbot, wizard, credit_code="91350100M000100Y44")
    assert "校验" in wizard.unit_page.form.error_text("credit_code")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.unit_page
    assert wizard.unit_page.form.credit_code_edit.text() == "91350100M000100Y44"


def test_weak_passphrase_is_refused_at_the_field(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = desk.wizard
    wizard.show()
    fill_unit(qtbot, wizard)
    click_next(qtbot, wizard)
    fill_admin(qtbot, wizard, passphrase="123456")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.fields.error_text("passphrase")
    assert not Path(desk.services.setup._vault.db_path).exists()


def test_mismatched_repeat_is_refused(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = desk.wizard
    wizard.show()
    fill_unit(qtbot, wizard)
    click_next(qtbot, wizard)
    fill_admin(qtbot, wizard)
    qtbot.keyClicks(wizard.admin_page.passphrase.repeat_edit, "x")
    click_next(qtbot, wizard)
    assert wizard.admin_page.fields.error_text("passphrase_repeat") == "两次输入的口令不一致。"


def test_first_run_creates_vault_shows_code_once_and_unlocks(desk, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = desk.wizard
    pdf_path = tmp_path / "recovery.pdf"
    wizard._choose_path = lambda _parent: pdf_path
    wizard.show()
    fill_unit(qtbot, wizard)
    click_next(qtbot, wizard)
    fill_admin(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10000)

    code = wizard.recovery_page.code_label.text()
    assert len(parse_code(code)) == 20
    assert wizard.admin_page.passphrase.passphrase_edit.text() == ""  # secret cleared
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # the code must be acknowledged first

    qtbot.mouseClick(wizard.recovery_page.save_pdf_button, Qt.MouseButton.LeftButton)
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert code.split("-")[0] in text and "辽宁省示范大学" in text

    wizard.recovery_page.confirm_check.setChecked(True)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    window = desk.window
    qtbot.waitUntil(window.isVisible)
    assert window.stack.currentWidget() is window.lock_screen
    assert window.lock_screen.user_combo.currentText() == "admin"
    unlock(qtbot, window)
    assert window.workspace.unit_page.form.name_edit.text() == "辽宁省示范大学"
    assert "王管理" in window.user_label.text()
    assert window.lock_state_label.text() == "已解锁"
