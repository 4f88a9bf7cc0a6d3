"""The approvals page over a real vault: one person asks, another decides, nobody decides their
own request."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.approvals import ApprovalRequest
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.session import SessionService
from desktop.ui.approval_dialogs import ClearanceRequestDialog, DecideDialog
from desktop.ui.pages.approvals_page import ApprovalsPage
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock

LEFT = Qt.MouseButton.LeftButton
NEW_PASSPHRASE = "Shenyang-2026-zhuanhua"
COLUMNS = (
    "number",
    "kind",
    "concerns",
    "asked",
    "reason",
    "requester",
    "requested_at",
    "status",
    "decider",
    "decided_at",
    "note",
)
# Where the screenshots go: the test's tmp_path, or a folder named by the person running it.
SHOTS = os.environ.get("TD_SCREENSHOTS")


@pytest.fixture
def vault(unlocked: tuple[Vault, User]) -> Vault:
    return unlocked[0]


@pytest.fixture
def admin(unlocked: tuple[Vault, User]) -> User:
    return unlocked[1]


@pytest.fixture
def service(vault: Vault, clock: FixedClock) -> ApprovalService:
    return ApprovalService(vault, now=clock)


@pytest.fixture
def make_user(
    vault: Vault, admin: User, clock: FixedClock
) -> Callable[[str, str, tuple[str, ...]], User]:
    """``make_user(login, name, roles)``: an account whose holder has replaced the one-time
    passphrase, as the lock screen makes them."""
    accounts = AccountService(vault, now=clock, kdf=lambda: TEST_KDF)
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)

    def make(login: str, name: str, roles: tuple[str, ...]) -> User:
        issued = accounts.create(admin, UserDraft(login, name, roles, "internal"))
        return session.change_passphrase(
            issued.user, issued.passphrase, NEW_PASSPHRASE, NEW_PASSPHRASE
        )

    return make


@pytest.fixture
def officer(make_user) -> User:
    return make_user("zhang", "张三", ("transfer_officer",))


@pytest.fixture
def secrecy(make_user) -> User:
    return make_user("baomi", "李保密", ("secrecy_admin",))


@pytest.fixture
def open_page(zh_app, qtbot, service: ApprovalService) -> Iterator[Callable[[User], ApprovalsPage]]:
    """``open_page(actor)``: the page, shown and loaded, with its own runner."""
    runners: list[TaskRunner] = []

    def make(actor: User) -> ApprovalsPage:
        runner = TaskRunner()
        runners.append(runner)
        page = ApprovalsPage(service, runner, actor)
        qtbot.addWidget(page)
        page.resize(1100, 420)
        page.show()
        page.reload()
        qtbot.waitUntil(lambda: page.loaded, timeout=5000)
        return page

    yield make
    for runner in runners:
        runner.wait()


def rows(page: ApprovalsPage) -> list[dict[str, str]]:
    model = page.model
    return [
        {name: model.index(row, c).data() for c, name in enumerate(COLUMNS)}
        for row in range(model.rowCount())
    ]


def row_of(page: ApprovalsPage, number: int) -> dict[str, str]:
    [found] = [r for r in rows(page) if r["number"] == str(number)]
    return found


def wait_for_child(qtbot, parent: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None, timeout=5000)
    return parent.findChild(kind, name)


def clearance_of(vault: Vault, user_id: str) -> str:
    with vault.read() as conn:
        user = users.get(conn, user_id)
    assert user is not None
    return user.clearance


def audit_actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=100)]


def audit_rows(vault: Vault) -> int:
    with vault.read() as conn:
        return audit.count(conn)


def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))


def visible_buttons(page: ApprovalsPage) -> list[str]:
    return [
        b.objectName()
        for b in (
            page.request_button,
            page.approve_button,
            page.reject_button,
            page.withdraw_button,
        )
        if b.isVisible()
    ]


def ask(service: ApprovalService, who: User, clearance: str = "secret") -> ApprovalRequest:
    return service.request_clearance(who, who.id, clearance, "承担涉密项目 A")


# -- asking -------------------------------------------------------------------------------------
def test_an_officer_asks_for_a_higher_clearance_and_sees_it_pending(
    open_page, officer, vault, qtbot, tmp_path: Path
) -> None:
    page = open_page(officer)
    assert visible_buttons(page) == ["request_button", "withdraw_button"]
    assert page.request_button.text() == "为本人申请调整涉密等级…"
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "暂无审批事项。"

    qtbot.mouseClick(page.request_button, LEFT)
    dialog = wait_for_child(qtbot, page, ClearanceRequestDialog, "clearance_request_dialog")
    assert dialog.windowTitle() == "申请调整涉密等级"
    assert dialog.account_label.text() == "张三（zhang）"
    assert dialog.current_label.text() == "内部"
    combo = dialog.clearance_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "公开",
        "内部",
        "秘密",
        "机密",
        "绝密",
    ]
    assert combo.currentData() == "secret"  # the next level up is offered first

    before = audit_rows(vault)
    qtbot.mouseClick(dialog.save_button, LEFT)  # no reason yet
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") != "", timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写理由。"
    assert dialog.isVisible()
    assert audit_rows(vault) == before

    combo.setCurrentIndex(combo.findData("internal"))
    dialog.reason_edit.setPlainText("承担涉密项目 A")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("clearance") != "", timeout=5000)
    assert dialog.fields.error_text("clearance") == "申请的涉密等级与现有等级相同。"
    assert dialog.fields.error_text("reason") == ""
    assert audit_rows(vault) == before

    combo.setCurrentIndex(combo.findData("secret"))
    assert dialog.fields.error_text("clearance") == ""  # a new choice clears the complaint
    qtbot.waitExposed(dialog)
    shot(dialog, tmp_path, "clearance_request_dialog.png")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: len(page.requests) == 1, timeout=5000)

    [request] = page.requests
    assert rows(page) == [
        {
            "number": str(request.id),
            "kind": "涉密等级调整",
            "concerns": "张三",
            "asked": "内部 → 秘密",
            "reason": "承担涉密项目 A",
            "requester": "张三",
            "requested_at": "2026年1月5日 08:03",
            "status": "待审批",
            "decider": "",
            "decided_at": "",
            "note": "",
        }
    ]
    assert not page.empty_label.isVisible()
    assert page.selected_request() == request  # the new request is selected
    assert page.withdraw_button.isEnabled()
    assert clearance_of(vault, officer.id) == "internal"  # nothing changes before the decision
    assert audit_actions(vault)[0] == "approval.requested"
    shot(page, tmp_path, "approvals_page_pending.png")


def test_a_second_request_while_one_is_pending_is_refused_at_the_field(
    open_page, officer, service, qtbot
) -> None:
    ask(service, officer)
    page = open_page(officer)
    dialog = page.open_request_dialog()
    dialog.reason_edit.setPlainText("再申请一次")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("clearance") != "", timeout=5000)
    assert dialog.fields.error_text("clearance") == "该账户已有待审批的涉密等级申请。"
    assert len(service.visible(officer)) == 1


# -- deciding -----------------------------------------------------------------------------------
def test_the_secrecy_administrator_approves_with_a_note_and_the_clearance_changes(
    open_page, officer, secrecy, service, vault, qtbot, tmp_path: Path
) -> None:
    request = ask(service, officer)
    page = open_page(secrecy)
    assert visible_buttons(page) == [
        "request_button",
        "approve_button",
        "reject_button",
        "withdraw_button",
    ]
    assert row_of(page, request.id)["concerns"] == "张三"
    assert not page.approve_button.isEnabled()  # nothing selected yet
    assert page.select_request(request.id)
    assert page.approve_button.isEnabled() and page.reject_button.isEnabled()
    assert not page.withdraw_button.isEnabled()  # not theirs
    assert page.hint_label.text() == ""

    qtbot.mouseClick(page.approve_button, LEFT)
    dialog = wait_for_child(qtbot, page, DecideDialog, "decide_dialog")
    assert dialog.windowTitle() == "批准申请"
    assert dialog.save_button.text() == "批准"
    assert dialog.subject_label.text() == "张三"
    assert dialog.change_label.text() == "内部 → 秘密"
    assert dialog.reason_label.text() == "承担涉密项目 A"
    assert dialog.requester_label.text() == "张三，2026年1月5日 08:03"
    dialog.note_edit.setPlainText("保密委员会同意")
    qtbot.waitExposed(dialog)
    shot(dialog, tmp_path, "decide_dialog.png")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: row_of(page, request.id)["status"] == "已批准", timeout=5000)

    row = row_of(page, request.id)
    assert (row["decider"], row["decided_at"], row["note"]) == (
        "李保密",
        "2026年1月5日 08:03",
        "保密委员会同意",
    )
    assert clearance_of(vault, officer.id) == "secret"
    assert audit_actions(vault)[:3] == [
        "user.clearance_changed",
        "approval.approved",
        "approval.requested",
    ]
    assert not page.approve_button.isEnabled()  # decided: nothing more to decide
    shot(page, tmp_path, "approvals_page_decided.png")


def test_rejecting_needs_a_note_at_the_note_field(
    open_page, officer, secrecy, service, vault, qtbot
) -> None:
    request = ask(service, officer)
    page = open_page(secrecy)
    page.select_request(request.id)
    before = audit_rows(vault)
    qtbot.mouseClick(page.reject_button, LEFT)
    dialog = wait_for_child(qtbot, page, DecideDialog, "decide_dialog")
    assert dialog.windowTitle() == "驳回申请"
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("decision_note") != "", timeout=5000)
    assert dialog.fields.error_text("decision_note") == "请填写理由。"
    assert dialog.isVisible()
    assert audit_rows(vault) == before
    assert row_of(page, request.id)["status"] == "待审批"

    dialog.note_edit.setPlainText("项目尚未立项")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: row_of(page, request.id)["status"] == "已驳回", timeout=5000)
    assert row_of(page, request.id)["note"] == "项目尚未立项"
    assert clearance_of(vault, officer.id) == "internal"
    assert audit_actions(vault)[0] == "approval.rejected"


def test_nobody_approves_their_own_request_and_the_refusal_is_a_message(
    open_page, make_user, service, vault, qtbot
) -> None:
    both = make_user("shuang", "王双", ("secrecy_admin", "transfer_officer"))
    request = ask(service, both)
    page = open_page(both)
    page.select_request(request.id)
    assert page.approve_button.isEnabled()  # the service decides, and says why not
    assert page.hint_label.text() == (
        "这是您本人提出或与您本人有关的申请，须由其他有审批权限的人员审批。"
    )
    before = audit_rows(vault)
    qtbot.mouseClick(page.approve_button, LEFT)
    dialog = wait_for_child(qtbot, page, DecideDialog, "decide_dialog")
    dialog.note_edit.setPlainText("同意")
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = wait_for_child(qtbot, page, QMessageBox, "error_box")
    assert box.text() == "不能审批或决定本人提出的事项（职责分离）。"
    assert dialog.fields.error_text("decision_note") == ""
    assert dialog.save_button.isEnabled()  # the dialog stays, ready to be cancelled
    assert clearance_of(vault, both.id) == "internal"
    assert audit_rows(vault) == before
    assert service.visible(both)[0].status == "pending"


def test_decided_requests_follow_the_pending_ones(
    open_page, officer, secrecy, make_user, service
) -> None:
    first = ask(service, officer)
    service.decide(secrecy, first.id, approve=False, note="材料不全")
    researcher = make_user("zhao", "赵研", ("researcher",))
    second = ask(service, researcher, "public")
    page = open_page(secrecy)
    assert [(r["number"], r["status"], r["concerns"], r["asked"]) for r in rows(page)] == [
        (str(second.id), "待审批", "赵研", "内部 → 公开"),
        (str(first.id), "已驳回", "张三", "内部 → 秘密"),
    ]


def test_each_person_sees_only_what_concerns_them(open_page, officer, make_user, service) -> None:
    ask(service, officer)
    researcher = make_user("zhao", "赵研", ("researcher",))
    page = open_page(researcher)
    assert page.requests == []
    assert page.empty_label.isVisible()


# -- withdrawing --------------------------------------------------------------------------------
def test_the_requester_withdraws_and_nobody_else_can(
    open_page, officer, secrecy, service, vault, qtbot
) -> None:
    request = ask(service, officer)

    other = open_page(secrecy)
    other.select_request(request.id)
    assert not other.withdraw_button.isEnabled()
    # Even if the button were pressed, the service refuses and the page shows why.
    other._on_withdraw_button_clicked()
    box = wait_for_child(qtbot, other, QMessageBox, "error_box")
    assert box.text() == "只有申请人可以撤回申请。"
    assert service.visible(officer)[0].status == "pending"

    page = open_page(officer)
    page.select_request(request.id)
    assert page.withdraw_button.isEnabled()
    qtbot.mouseClick(page.withdraw_button, LEFT)
    qtbot.waitUntil(lambda: row_of(page, request.id)["status"] == "已撤回", timeout=5000)
    row = row_of(page, request.id)
    assert (row["decider"], row["decided_at"]) == ("", "2026年1月5日 08:03")
    assert page.selected_request() is not None
    assert not page.withdraw_button.isEnabled()
    assert audit_actions(vault)[0] == "approval.withdrawn"
    assert clearance_of(vault, officer.id) == "internal"


def test_clear_forgets_every_row(open_page, officer, service) -> None:
    ask(service, officer)
    page = open_page(officer)
    assert page.model.rowCount() == 1
    page.clear()
    assert page.model.rowCount() == 0
    assert page.requests == []
    assert not page.loaded


def test_the_model_passes_the_model_tester(open_page, officer, service, qtmodeltester) -> None:
    ask(service, officer)
    page = open_page(officer)
    qtmodeltester.check(page.model)


def test_a_classified_grant_request_shows_its_number_and_level_not_its_title(
    open_page, vault: Vault, officer: User, secrecy: User
) -> None:
    from db import approvals

    with vault.transaction() as conn:
        request_id = approvals.insert_request(
            conn,
            kind="classified_cooperation",
            object_type="rights_grant",
            object_id="7",
            payload={"doc_no": "赋权〔2026〕3号", "level": "secret", "overseas": True},
            reason="拟向团队赋予所有权",
            requested_by=officer.id,
            requested_at="2026-01-05T08:03:00+00:00",
        )
    page = open_page(secrecy)
    row = row_of(page, request_id)
    assert row["kind"] == "涉密成果赋权、转化审批"
    assert row["concerns"] == "赋权〔2026〕3号"
    assert row["asked"] == "赋权〔2026〕3号（秘密），涉及境外当事人"
