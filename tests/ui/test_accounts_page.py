"""The accounts page over a real vault, driven as the administrators would."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db import audit, keyslots
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import AuditFilter
from desktop.errors import WrongPassphrase
from desktop.services.accounts import AccountService
from desktop.services.session import SessionService
from desktop.ui.one_time_passphrase_dialog import OneTimePassphraseDialog
from desktop.ui.pages.accounts_page import (
    AccountsPage,
    ClearanceDialog,
    DisableDialog,
    NewAccountDialog,
    RolesDialog,
)
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock

LEFT = Qt.MouseButton.LeftButton
ONE_TIME = re.compile(r"^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$")
NEW_PASSPHRASE = "Shenyang-2026-zhuanhua"
COLUMNS = ("login", "name", "roles", "clearance", "status", "must_change")


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> AccountService:
    return AccountService(unlocked[0], now=clock, kdf=lambda: TEST_KDF)


@pytest.fixture
def open_page(
    zh_app, qtbot, service: AccountService, unlocked: tuple[Vault, User]
) -> Iterator[Callable[[User], AccountsPage]]:
    """``open_page(actor)``: the page, shown and loaded, with its own runner."""
    runners: list[TaskRunner] = []

    def make(actor: User) -> AccountsPage:
        runner = TaskRunner()
        runners.append(runner)
        page = AccountsPage(service, runner, actor)
        qtbot.addWidget(page)
        page.resize(900, 420)
        page.show()
        page.reload()
        qtbot.waitUntil(lambda: len(page.users) > 0, timeout=5000)
        return page

    yield make
    for runner in runners:
        runner.wait()


@pytest.fixture
def admin(unlocked: tuple[Vault, User]) -> User:
    return unlocked[1]


@pytest.fixture
def vault(unlocked: tuple[Vault, User]) -> Vault:
    return unlocked[0]


def colleague(
    service: AccountService, admin: User, vault: Vault, clock: FixedClock, login: str, role: str
) -> User:
    """An account whose holder has already replaced the one-time passphrase."""
    issued = service.create(admin, UserDraft(login, f"同事{login}", (role,), "internal"))
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    return session.change_passphrase(issued.user, issued.passphrase, NEW_PASSPHRASE, NEW_PASSPHRASE)


def row_texts(page: AccountsPage, login: str) -> dict[str, str]:
    model = page.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == login:
            return {name: model.index(row, c).data() for c, name in enumerate(COLUMNS)}
    raise AssertionError(f"{login} not in the table")


def wait_for_child(qtbot, parent: QWidget, kind: type, name: str):
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None, timeout=5000)
    return parent.findChild(kind, name)


def audit_rows(vault: Vault) -> int:
    with vault.read() as conn:
        return audit.count(conn)


def passphrase_opens_slot(vault: Vault, user_id: str, passphrase: str) -> bool:
    slots = vault.read_slots()
    slot = slots.passphrase_slot(user_id)
    if slot is None:
        return False
    try:
        keyslots.open_slot(slots.vault_id, slot, passphrase.encode())
    except WrongPassphrase:
        return False
    return True


# -- the system administrator -------------------------------------------------------------------
def test_admin_creates_an_account_and_sees_the_one_time_passphrase(
    open_page, admin, vault, qtbot, tmp_path: Path
) -> None:
    page = open_page(admin)
    assert row_texts(page, "admin")["roles"] == "系统管理员"
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = wait_for_child(qtbot, page, NewAccountDialog, "new_account_dialog")
    form = dialog.form
    assert [form.clearance_combo.itemText(i) for i in range(form.clearance_combo.count())] == [
        "公开",
        "内部",
    ]
    qtbot.keyClicks(form.login_edit, "zhang.san")
    form.display_name_edit.setText("张三")
    for role in ("researcher", "transfer_officer"):
        check = form.role_chooser.checks[role]
        qtbot.mouseClick(check, LEFT, pos=QPoint(8, check.height() // 2))  # on the box itself
    form.clearance_combo.setCurrentIndex(form.clearance_combo.findData("internal"))
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "new_account_dialog.png"))
    qtbot.mouseClick(dialog.save_button, LEFT)

    shown = wait_for_child(qtbot, page, OneTimePassphraseDialog, "one_time_passphrase_dialog")
    passphrase = shown.passphrase_label.text()
    assert ONE_TIME.match(passphrase)
    assert shown.login_label.text() == "zhang.san"
    assert shown.name_label.text() == "张三"
    assert shown.windowTitle() == "账户已创建"
    assert "只显示这一次" in shown.notice_label.text()
    assert "密封信封" in shown.notice_label.text()
    assert "首次登录时必须修改" in shown.notice_label.text()
    shown.grab().save(str(tmp_path / "one_time_passphrase_dialog.png"))

    qtbot.waitUntil(lambda: "zhang.san" in [u.login for u in page.users], timeout=5000)
    assert row_texts(page, "zhang.san") == {
        "login": "zhang.san",
        "name": "张三",
        "roles": "成果转化专员、科研人员",
        "clearance": "内部",
        "status": "在用",
        "must_change": "是",
    }
    assert page.selected_user() is not None
    assert page.selected_user().login == "zhang.san"
    new_user = page.selected_user()
    assert new_user is not None
    assert passphrase_opens_slot(vault, new_user.id, passphrase)
    page.grab().save(str(tmp_path / "accounts_page.png"))

    qtbot.mouseClick(shown.done_button, LEFT)
    assert shown.passphrase_label.text() == ""


@pytest.mark.parametrize(
    ("login", "message"),
    [
        ("1abc", "登录名须以字母开头，由 2–32 位小写字母、数字、点、下划线或连字符组成。"),
        ("admin", "该登录名已被使用。"),
    ],
)
def test_a_bad_login_is_shown_at_the_field_and_nothing_is_saved(
    open_page, admin, vault, qtbot, login, message
) -> None:
    page = open_page(admin)
    before = audit_rows(vault)
    page.new_button.click()
    dialog = wait_for_child(qtbot, page, NewAccountDialog, "new_account_dialog")
    qtbot.keyClicks(dialog.form.login_edit, login)
    dialog.form.display_name_edit.setText("张三")
    dialog.form.role_chooser.checks["researcher"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.form.error_text("login") != "", timeout=5000)
    assert dialog.form.error_text("login") == message
    assert dialog.isVisible()
    assert dialog.form.login_edit.text() == login  # the typing is kept
    assert dialog.save_button.isEnabled()
    assert page.findChild(OneTimePassphraseDialog) is None
    assert audit_rows(vault) == before
    assert [u.login for u in page.users] == ["admin"]


def test_two_administrator_roles_are_refused_at_the_roles_field(open_page, admin, qtbot) -> None:
    page = open_page(admin)
    page.new_button.click()
    dialog = wait_for_child(qtbot, page, NewAccountDialog, "new_account_dialog")
    dialog.form.login_edit.setText("li")
    dialog.form.display_name_edit.setText("李四")
    dialog.form.role_chooser.checks["system_admin"].setChecked(True)
    dialog.form.role_chooser.checks["security_auditor"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.form.error_text("roles") != "", timeout=5000)
    assert "三员分立" in dialog.form.error_text("roles")
    assert dialog.form.error_text("login") == ""


def test_disabling_yourself_is_refused_with_a_message(open_page, admin, service, qtbot) -> None:
    page = open_page(admin)
    assert page.select_login("admin")
    assert page.hint_label.text() == "这是您本人的账户，须由其他管理员修改。"
    qtbot.mouseClick(page.disable_button, LEFT)
    box = wait_for_child(qtbot, page, QMessageBox, "error_box")
    assert "本人" in box.text()
    assert page.findChild(DisableDialog) is None
    assert [u.active for u in service.list(admin)] == [True]


def test_admin_disables_enables_and_resets_an_account(
    open_page, admin, service, vault, qtbot
) -> None:
    issued = service.create(admin, UserDraft("zhang", "张三", ("researcher",), "public"))
    page = open_page(admin)
    assert page.select_login("zhang")
    assert (page.disable_button.isEnabled(), page.enable_button.isEnabled()) == (True, False)

    qtbot.mouseClick(page.disable_button, LEFT)
    dialog = wait_for_child(qtbot, page, DisableDialog, "disable_dialog")
    assert "张三（zhang）" in dialog.intro_label.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") != "", timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写停用原因。"
    qtbot.keyClicks(dialog.reason_edit, "left the unit")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: row_texts(page, "zhang")["status"] == "已停用", timeout=5000)
    assert not passphrase_opens_slot(vault, issued.user.id, issued.passphrase)
    assert page.selected_user() is not None  # the row stays selected after the reload
    assert (page.disable_button.isEnabled(), page.enable_button.isEnabled()) == (False, True)
    assert not page.reset_button.isEnabled()

    qtbot.mouseClick(page.enable_button, LEFT)
    shown = wait_for_child(qtbot, page, OneTimePassphraseDialog, "one_time_passphrase_dialog")
    enabled_with = shown.passphrase_label.text()
    assert shown.windowTitle() == "账户已启用"
    assert passphrase_opens_slot(vault, issued.user.id, enabled_with)
    qtbot.waitUntil(lambda: row_texts(page, "zhang")["status"] == "在用", timeout=5000)
    shown.accept()

    assert page.select_login("zhang")
    qtbot.mouseClick(page.reset_button, LEFT)
    box = wait_for_child(qtbot, page, QMessageBox, "reset_confirm")
    assert "张三（zhang）" in box.text()
    box.findChild(QWidget, "confirm_button").click()
    qtbot.waitUntil(
        lambda: any(
            d.windowTitle() == "口令已重设" for d in page.findChildren(OneTimePassphraseDialog)
        ),
        timeout=5000,
    )
    [reset] = [
        d for d in page.findChildren(OneTimePassphraseDialog) if d.windowTitle() == "口令已重设"
    ]
    assert reset.passphrase_label.text() != enabled_with
    assert passphrase_opens_slot(vault, issued.user.id, reset.passphrase_label.text())
    assert not passphrase_opens_slot(vault, issued.user.id, enabled_with)


def test_cancelling_the_reset_changes_nothing(open_page, admin, service, vault, qtbot) -> None:
    issued = service.create(admin, UserDraft("zhang", "张三", ("researcher",), "public"))
    page = open_page(admin)
    before = audit_rows(vault)
    page.select_login("zhang")
    page.reset_button.click()
    box = wait_for_child(qtbot, page, QMessageBox, "reset_confirm")
    box.findChild(QWidget, "cancel_button").click()
    page._runner.wait()
    assert audit_rows(vault) == before
    assert passphrase_opens_slot(vault, issued.user.id, issued.passphrase)


def test_admin_edits_roles(open_page, admin, service, qtbot) -> None:
    service.create(admin, UserDraft("zhang", "张三", ("researcher",), "public"))
    page = open_page(admin)
    page.select_login("zhang")
    qtbot.mouseClick(page.roles_button, LEFT)
    dialog = wait_for_child(qtbot, page, RolesDialog, "roles_dialog")
    checks = dialog.role_chooser.checks
    assert [r for r, c in checks.items() if c.isChecked()] == ["researcher"]
    checks["secrecy_admin"].setChecked(True)
    checks["security_auditor"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("roles") != "", timeout=5000)
    assert "三员分立" in dialog.fields.error_text("roles")
    checks["security_auditor"].setChecked(False)
    checks["researcher"].setChecked(False)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: row_texts(page, "zhang")["roles"] == "安全保密管理员", timeout=5000)


def test_the_system_admin_sees_no_clearance_button(open_page, admin) -> None:
    page = open_page(admin)
    assert page.new_button.isVisible()
    assert page.disable_button.isVisible()
    assert not page.clearance_button.isVisible()
    assert not page.readonly_label.isVisible()


# -- the secrecy administrator and the auditor --------------------------------------------------
def test_secrecy_admin_sets_a_clearance_with_a_reason(
    open_page, admin, service, vault, clock, qtbot, tmp_path: Path
) -> None:
    target = service.create(admin, UserDraft("zhang", "张三", ("researcher",), "internal")).user
    secrecy = colleague(service, admin, vault, clock, "baomi", "secrecy_admin")
    page = open_page(secrecy)
    visible = [
        b.objectName()
        for b in (
            page.new_button,
            page.roles_button,
            page.disable_button,
            page.enable_button,
            page.reset_button,
            page.clearance_button,
        )
        if b.isVisible()
    ]
    assert visible == ["clearance_button"]
    assert page.select_login("zhang")
    qtbot.mouseClick(page.clearance_button, LEFT)
    dialog = wait_for_child(qtbot, page, ClearanceDialog, "clearance_dialog")
    assert dialog.current_label.text() == "内部"
    dialog.clearance_combo.setCurrentIndex(dialog.clearance_combo.findData("secret"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") != "", timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写调整涉密等级的依据（如审批文号）。"
    qtbot.keyClicks(dialog.reason_edit, "2026-3")
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "clearance_dialog.png"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: row_texts(page, "zhang")["clearance"] == "秘密", timeout=5000)
    with vault.read() as conn:
        [entry] = audit.list_page(
            conn, offset=0, limit=1, where=AuditFilter(action="user.clearance_changed")
        )
    assert (entry.object_id, entry.actor, entry.reason) == (target.id, secrecy.id, "2026-3")


def test_secrecy_admin_cannot_set_their_own_clearance(
    open_page, admin, service, vault, clock, qtbot
) -> None:
    secrecy = colleague(service, admin, vault, clock, "baomi", "secrecy_admin")
    page = open_page(secrecy)
    before = audit_rows(vault)
    page.select_login("baomi")
    qtbot.mouseClick(page.clearance_button, LEFT)
    box = wait_for_child(qtbot, page, QMessageBox, "error_box")
    assert "本人" in box.text()
    assert page.findChild(ClearanceDialog) is None
    assert audit_rows(vault) == before


def test_the_auditor_only_looks(open_page, admin, service, vault, clock) -> None:
    auditor = colleague(service, admin, vault, clock, "shenji", "security_auditor")
    page = open_page(auditor)
    assert [u.login for u in page.users] == ["admin", "shenji"]
    for button in (
        page.new_button,
        page.roles_button,
        page.disable_button,
        page.enable_button,
        page.reset_button,
        page.clearance_button,
    ):
        assert not button.isVisible(), button.objectName()
    assert page.readonly_label.isVisible()
    page.select_login("admin")
    assert page.hint_label.text() == ""


def test_the_single_role_note_follows_the_unit_setting(  # type: ignore[no-untyped-def]
    open_page, admin, service, vault, qtbot
) -> None:
    from db import settings

    service.create(admin, UserDraft("zhang", "张三", ("researcher",), "public"))
    with vault.transaction() as conn:
        settings.put(conn, "several_roles_allowed", False)
    page = open_page(admin)
    page.new_button.click()
    dialog = wait_for_child(qtbot, page, NewAccountDialog, "new_account_dialog")
    assert dialog.form.role_chooser.single_role_note.isVisible()
    assert dialog.form.role_chooser.single_role_note.text() == "本单位规定每个账户只担任一个角色。"
    dialog.reject()
    page.select_login("zhang")
    page.roles_button.click()
    roles = wait_for_child(qtbot, page, RolesDialog, "roles_dialog")
    assert roles.role_chooser.single_role_note.isVisible()


def test_the_dialog_cannot_be_cancelled_while_saving(open_page, admin, qtbot) -> None:
    page = open_page(admin)
    page.new_button.click()
    dialog = wait_for_child(qtbot, page, NewAccountDialog, "new_account_dialog")
    dialog.form.login_edit.setText("zhang")
    dialog.form.display_name_edit.setText("张三")
    dialog.form.role_chooser.checks["researcher"].setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
        assert not dialog.cancel_button.isEnabled()
        dialog.reject()  # Esc or the close box while the service works
        assert dialog.isVisible()
    wait_for_child(qtbot, page, OneTimePassphraseDialog, "one_time_passphrase_dialog")


def test_the_system_admin_asks_for_a_clearance_change_for_an_account(
    zh_app, admin, service, vault, clock, qtbot
) -> None:
    from desktop.services.approvals import ApprovalService
    from desktop.ui.approval_dialogs import ClearanceRequestDialog

    approvals = ApprovalService(vault, now=clock)
    target = service.create(admin, UserDraft("zhang", "张三", ("researcher",), "internal")).user
    secrecy = colleague(service, admin, vault, clock, "baomi", "secrecy_admin")
    runner = TaskRunner()
    page = AccountsPage(service, runner, admin, approvals=approvals)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: len(page.users) == 3, timeout=5000)
    assert page.request_clearance_button.isVisible()
    assert page.request_clearance_button.text() == "申请调整涉密等级…"
    assert not page.request_clearance_button.isEnabled()  # nothing selected

    assert page.select_login("zhang")
    qtbot.mouseClick(page.request_clearance_button, LEFT)
    dialog = wait_for_child(qtbot, page, ClearanceRequestDialog, "clearance_request_dialog")
    assert dialog.account_label.text() == "张三（zhang）"
    dialog.clearance_combo.setCurrentIndex(dialog.clearance_combo.findData("confidential"))
    dialog.reason_edit.setPlainText("承担涉密项目 B")
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = wait_for_child(qtbot, page, QMessageBox, "request_sent_box")
    assert "安全保密管理员" in box.text()

    [request] = approvals.visible(secrecy)
    assert (request.object_id, request.requested_by, request.payload) == (
        target.id,
        admin.id,
        {"clearance": "confidential", "before": "internal"},
    )
    assert row_texts(page, "zhang")["clearance"] == "内部"  # changes only once approved
    runner.wait()

    # The secrecy administrator keeps the direct button and does not see this one.
    other = AccountsPage(service, TaskRunner(), secrecy, approvals=approvals)
    qtbot.addWidget(other)
    other.show()
    assert other.clearance_button.isVisible()
    assert not other.request_clearance_button.isVisible()
    # Without the approval service (as wired before this button existed) it stays hidden.
    plain = AccountsPage(service, TaskRunner(), admin)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.request_clearance_button.isVisible()
