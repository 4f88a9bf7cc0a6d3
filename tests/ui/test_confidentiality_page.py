"""The confidentiality agreements page and its dialogs, in Chinese, over a real vault and the
real services (the clock says 2026-01-05)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from db import achievements, audit, people, users
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.identifiers import id_number_check_char
from desktop.domain.people import PersonDraft
from desktop.services.bundle import Services
from desktop.ui import labels
from desktop.ui.forms.confidentiality_form import ConfidentialityForm
from desktop.ui.pages.confidentiality_page import (
    ConfidentialityDialog,
    ConfidentialityPage,
    TerminateDialog,
)
from desktop.ui.pages.todo_page import TodoPage
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, VALID_CREDIT_CODE, FixedClock

LEFT = Qt.MouseButton.LeftButton
ALLOY, COATING = "一种高强度镁合金", "一种雷达隐身涂层"
DOC_NO, PARTY, KIND, LEVEL, TERM, STATUS, COVERED = range(7)
T = TypeVar("T")


def id_number(serial: int, *, wrong: bool = False) -> str:
    first = f"21010219800101{serial:03d}"
    check = id_number_check_char(first)
    if wrong:
        check = "1" if check != "1" else "2"
    return first + check


def make_user(vault: Vault, name: str, roles: tuple[str, ...], clearance: str) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(
            conn, user_id, UserDraft(name, name, roles, clearance), created_at="2026-01-05"
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    clock: FixedClock
    services: Services
    officer: User  # transfer officer, 绝密
    reader: User  # approver, 机密: reads, edits nothing
    low_officer: User  # transfer officer, 内部: sees no classified agreement
    alloy: int  # 机密
    coating: int  # 秘密

    def today(self) -> dt.date:
        return self.clock().date()

    def draft(self, **changes: object) -> ConfidentialityDraft:
        draft = ConfidentialityDraft(
            party_kind="individual",
            party_name="张三",
            party_code=id_number(1),
            achievement_ids=(self.alloy,),
            level="confidential",
            scope="镁合金配方及工艺参数",
            term_start="2025-01-01",
            term_end="2030-12-31",
            obligations="不得向第三方披露。",
            signed_on="2025-01-01",
            approval_body="省国家保密局",
            approval_date="2025-01-02",
            approval_doc_no="辽保〔2025〕1号",
        )
        return replace(draft, **changes)  # type: ignore[arg-type]

    def create(self, **changes: object) -> int:
        return self.services.confidentiality.create(self.officer, self.draft(**changes))


def add_achievement(vault: Vault, officer: User, title: str, level: str, mark: str) -> int:
    with vault.transaction() as conn:
        person = people.insert_person(conn, PersonDraft("李四", None, "研究员", "none"))
        draft = AchievementDraft(
            title=title,
            abstract="",
            keywords=(),
            kind="invention_patent",
            department_id=None,
            funding_type="self",
            funding_ref="",
            completers=(Completer(person, "lead", Decimal(100)),),
            level=level,
            secrecy_mark=mark,
        )
        return achievements.insert_achievement(
            conn, draft, created_by=officer.id, created_at="2026-01-01T00:00:00"
        )


@pytest.fixture
def world(zh_app, unlocked: tuple[Vault, User], clock: FixedClock) -> World:  # type: ignore[no-untyped-def]
    vault, _ = unlocked
    services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
    officer = make_user(vault, "刘专员", ("transfer_officer",), "top_secret")
    reader = make_user(vault, "陈审批", ("approver",), "confidential")
    low = make_user(vault, "王专员", ("transfer_officer",), "internal")
    alloy = add_achievement(vault, officer, ALLOY, "confidential", "机密★10年")
    coating = add_achievement(vault, officer, COATING, "secret", "秘密★5年")
    public = add_achievement(vault, officer, "一种公开的催化剂", "public", "")
    assert public
    return World(vault, clock, services, officer, reader, low, alloy, coating)


PageFactory = Callable[..., ConfidentialityPage]


@dataclass
class Chooser:
    """Stands in for the save dialog: answers ``folder / suggested`` and keeps the ask."""

    folder: Path | None
    asked: list[str]

    def __call__(self, _parent: object, suggested: str) -> Path | None:
        self.asked.append(suggested)
        return None if self.folder is None else self.folder / suggested


@pytest.fixture
def make_page(world: World, qtbot) -> Iterator[PageFactory]:  # type: ignore[no-untyped-def]
    made: list[tuple[QWidget, TaskRunner]] = []

    def make(actor: User | None = None, chooser: Chooser | None = None) -> ConfidentialityPage:
        runner = TaskRunner()
        page = ConfidentialityPage(
            world.services,
            runner,
            actor or world.officer,
            today=world.today,
            choose_path=chooser or Chooser(None, []),
        )
        qtbot.addWidget(page)
        page.resize(1200, 600)
        page.show()
        made.append((page, runner))
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        return page

    yield make
    for _, runner in made:
        runner.wait()
    qtbot.wait(1)  # deliver the callbacks still queued before the pages go
    for page, _ in made:
        for dialog in page.findChildren(QDialog):
            dialog.done(0)
        shiboken6.delete(page)


def only_child(parent: QWidget, kind: type[T]) -> T:
    found = parent.findChildren(kind)
    assert len(found) == 1
    return found[0]


def cells(page: ConfidentialityPage, row: int = 0) -> list[str]:
    model = page.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def new_dialog(page: ConfidentialityPage, qtbot) -> ConfidentialityDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = only_child(page, ConfidentialityDialog)
    # The dialog lists the classified achievements the actor may see, without being asked.
    results = dialog.form.achievement_results_list
    qtbot.waitUntil(lambda: results.count() == 2, timeout=5000)
    return dialog


def pick(form: ConfidentialityForm, title: str) -> None:
    results = form.achievement_results_list
    row = next(i for i in range(results.count()) if results.item(i).text().startswith(title))
    results.setCurrentRow(row)
    form.add_achievement_button.click()


def fill(form: ConfidentialityForm, world: World, *, approval: bool = True) -> None:
    """Everything right for an individual, 张三, covering the alloy (机密)."""
    form.set_party_kind("individual")
    form.party_name_edit.setText("张三")
    form.id_number_edit.setText(id_number(1))
    pick(form, ALLOY)
    form.level_combo.setCurrentIndex(form.level_combo.findData("confidential"))
    form.scope_edit.setPlainText("镁合金配方及工艺参数")
    form.term_start_edit.setText("2025-01-01")
    form.term_end_edit.setText("2030年12月31日")
    form.signed_on_edit.setText("2025-01-01")
    if approval:
        form.approval_body_edit.setText("省国家保密局")
        form.approval_date_edit.setText("2025-01-02")
        form.approval_doc_no_edit.setText("辽保〔2025〕1号")


def save_and_wait_for_error(dialog: ConfidentialityDialog, field: str, qtbot) -> str:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.form.error_text(field)), timeout=5000)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5000)
    return dialog.form.error_text(field)


# -- the proof --------------------------------------------------------------------------
def test_a_wrong_id_number_check_digit_is_shown_at_its_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    page = make_page()
    dialog = new_dialog(page, qtbot)
    form = dialog.form
    fill(form, world)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    form.id_number_edit.setFocus()
    qtbot.waitUntil(form.id_number_edit.hasFocus, timeout=5000)
    form.id_number_edit.clear()
    qtbot.keyClicks(form.id_number_edit, id_number(1, wrong=True))
    form.party_name_edit.setFocus()  # leaving the field judges it
    qtbot.waitUntil(lambda: bool(form.error_text("id_number")), timeout=5000)
    assert form.error_text("id_number") == "居民身份证号校验位不正确，请核对。"

    # Saving anyway: the service refuses it again, at the same field, and keeps the typing.
    form.clear_errors()
    message = save_and_wait_for_error(dialog, "id_number", qtbot)
    assert message == "居民身份证号校验位不正确，请核对。"
    assert dialog.isVisible()
    assert form.id_number_edit.text() == id_number(1, wrong=True)
    assert form.findChild(QWidget, "id_number_error").isVisible()
    assert world.services.confidentiality.visible(world.officer) == []
    assert page.model.rowCount() == 0
    with world.vault.read() as conn:
        actions = {e.action for e in audit.list_page(conn, offset=0, limit=1000)}
    assert "confidentiality.created" not in actions


# -- saving -------------------------------------------------------------------------------------
def test_an_agreement_saved_with_its_approval_record_is_in_force(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.empty_label.isVisible() and not page.table.isVisible()
    dialog = new_dialog(page, qtbot)
    fill(dialog.form, world)
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert cells(page) == [
        "保密〔2026〕1号",
        "张三",
        "个人",
        "机密",
        "2025年1月1日至2030年12月31日",
        "有效",
        ALLOY,
    ]
    assert page.table.isVisible() and not page.empty_label.isVisible()
    # The new agreement is selected, its details below the list.
    assert page.current_agreement is not None
    assert page.current_agreement.doc_no == "保密〔2026〕1号"
    detail = page.detail_label.text()
    assert "审批备案：省国家保密局，2025年1月2日，辽保〔2025〕1号" in detail
    assert "签订日期：2025年1月1日" in detail
    assert page.model.data(page.model.index(0, STATUS), Qt.ItemDataRole.BackgroundRole) is None
    (saved,) = world.services.confidentiality.visible(world.officer)
    assert saved.draft == world.draft(obligations=saved.draft.obligations)
    assert "不得以任何方式向第三方泄露" in saved.draft.obligations  # the standard wording


def test_without_the_approval_record_it_is_saved_but_does_not_count(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    page = make_page()
    dialog = new_dialog(page, qtbot)
    note = dialog.form.approval_note_label
    assert note.isVisible() and "不计为有效" in note.text()
    fill(dialog.form, world, approval=False)
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        dialog.save()
    assert cells(page)[STATUS] == "未完成审批备案"
    assert "未记录审批备案：本协议不计为有效。" in page.detail_label.text()


def test_an_enterprise_with_a_bad_credit_code_is_refused_at_the_credit_code(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    page = make_page()
    dialog = new_dialog(page, qtbot)
    form = dialog.form
    fill(form, world)
    form.set_party_kind("enterprise")
    form.party_name_edit.setText("沈阳某某科技有限公司")
    bad = VALID_CREDIT_CODE[:-1] + ("4" if VALID_CREDIT_CODE[-1] != "4" else "5")
    form.credit_code_edit.setText(bad)
    message = save_and_wait_for_error(dialog, "credit_code", qtbot)
    assert message == "统一社会信用代码校验位不正确，请核对。"
    assert form.error_text("id_number") == ""
    assert world.services.confidentiality.visible(world.officer) == []

    form.credit_code_edit.setText(VALID_CREDIT_CODE)
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        dialog.save()
    assert cells(page)[PARTY : LEVEL + 1] == ["沈阳某某科技有限公司", "企业", "机密"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda f: f.level_combo.setCurrentIndex(f.level_combo.findData("secret")),
            "level",
            "协议密级低于所涵盖成果的密级（机密），请提高协议密级。",
        ),
        (lambda f: f.achievements_list.clear(), "achievements", "请至少选择一项协议涵盖的成果。"),
        (
            lambda f: f.term_end_edit.setText("2024-12-31"),
            "term_end",
            "保密期限的终止日应晚于起始日。",
        ),
        (
            lambda f: f.signed_on_edit.setText("2月30日"),
            "signed_on",
            "“2月30日”不是有效日期，请按“2026-01-05”或“2026年1月5日”的格式填写。",
        ),
        (lambda f: f.approval_doc_no_edit.clear(), "approval_doc_no", "请填写审批备案文号。"),
    ],
)
def test_what_the_service_refuses_is_shown_at_its_field(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, change, field, message
) -> None:
    page = make_page()
    dialog = new_dialog(page, qtbot)
    fill(dialog.form, world)
    change(dialog.form)
    assert save_and_wait_for_error(dialog, field, qtbot) == message
    assert dialog.isVisible()
    assert world.services.confidentiality.visible(world.officer) == []


def test_the_achievement_search_finds_by_title(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = new_dialog(page, qtbot)
    form = dialog.form
    results = form.achievement_results_list
    texts = {results.item(i).text() for i in range(results.count())}
    assert texts == {f"{ALLOY} · 机密", f"{COATING} · 秘密"}  # not the public one
    form.achievement_search_edit.setText("隐身")
    form.request_search()
    qtbot.waitUntil(lambda: results.count() == 1, timeout=5000)
    assert results.item(0).text() == f"{COATING} · 秘密"
    form.achievement_search_edit.setText("没有这个")
    form.request_search()
    qtbot.waitUntil(lambda: results.item(0).text() == "没有符合条件的涉密成果。", timeout=5000)


def test_editing_records_the_approval_and_the_agreement_comes_into_force(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.create(approval_body="", approval_date=None, approval_doc_no="")
    page = make_page()
    assert cells(page)[STATUS] == "未完成审批备案"
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = only_child(page, ConfidentialityDialog)
    form = dialog.form
    assert dialog.windowTitle() == "编辑保密协议 保密〔2026〕1号"
    assert form.id_number_edit.text() == id_number(1)
    assert form.achievements_list.item(0).text() == ALLOY
    form.approval_body_edit.setText("省国家保密局")
    form.approval_date_edit.setText("2025年1月2日")
    form.approval_doc_no_edit.setText("辽保〔2025〕1号")
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        dialog.save()
    assert cells(page)[STATUS] == "有效"
    assert page.current_agreement is not None and page.current_agreement.approval_recorded


# -- ending soon, terminating ---------------------------------------------------------------------
def test_an_agreement_ending_in_20_days_is_highlighted_and_on_the_to_do_page(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.create(term_end="2026-01-25")
    world.create(party_name="李四", party_code=id_number(2))
    page = make_page()
    assert [cells(page, r)[PARTY] for r in range(2)] == ["李四", "张三"]  # newest first
    assert cells(page, 1)[STATUS] == "即将到期"
    assert cells(page, 0)[STATUS] == "有效"
    model = page.model
    assert model.data(model.index(1, STATUS), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, STATUS), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, STATUS), Qt.ItemDataRole.BackgroundRole) is None
    page.table.selectRow(1)
    assert "保密期限：将于2026年1月25日到期（还有 20 天）" in page.detail_label.text()

    runner = TaskRunner()
    todo = TodoPage(world.services.todo, runner, world.officer)
    qtbot.addWidget(todo)
    with qtbot.waitSignal(todo.reloaded, timeout=5000):
        todo.reload()
    tm = todo.model
    assert tm.rowCount() == 1
    assert [tm.data(tm.index(0, c)) for c in range(5)] == [
        "保密协议到期",
        "保密〔2026〕1号 张三",
        "保密协议将于2026年1月25日到期（还有 20 天），请续签或办理终止",
        "2026年1月25日到期",
        "还剩 20 天",
    ]
    runner.wait()


def test_terminating_asks_a_reason_and_the_agreement_ends(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    agreement_id = world.create()
    page = make_page()
    page.table.selectRow(0)
    assert page.terminate_button.isEnabled()
    qtbot.mouseClick(page.terminate_button, LEFT)
    dialog = only_child(page, TerminateDialog)
    assert "保密〔2026〕1号" in dialog.question_label.text()
    assert dialog.terminated_on_edit.text() == "2026年1月5日"
    qtbot.mouseClick(dialog.terminate_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写理由。"
    assert world.services.confidentiality.get(world.officer, agreement_id).terminated_on is None

    dialog.terminated_on_edit.setText("2026-01-06")
    dialog.reason_edit.setText("合作项目提前结束")
    qtbot.mouseClick(dialog.terminate_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("terminated_on")), timeout=5000)
    assert dialog.fields.error_text("terminated_on") == "终止日期不能晚于今天。"

    dialog.terminated_on_edit.setText("2026年1月4日")
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(dialog.terminate_button, LEFT)
    assert cells(page)[STATUS] == labels.agreement_status("terminated")
    assert "已于2026年1月4日终止。" in page.detail_label.text()
    assert not page.terminate_button.isEnabled()
    assert not page.edit_button.isEnabled()
    assert page.save_pdf_button.isEnabled()
    assert world.services.confidentiality.get(world.officer, agreement_id).terminated_on == (
        "2026-01-04"
    )
    with world.vault.read() as conn:
        entry = next(
            e
            for e in audit.list_page(conn, offset=0, limit=1000)
            if e.action == "confidentiality.terminated"
        )
    assert entry.reason == "合作项目提前结束"


def test_a_terminated_agreement_reads_yi_zhongzhi(zh_app) -> None:  # type: ignore[no-untyped-def]
    assert labels.agreement_status("terminated") == "已终止"


def test_a_terminate_date_that_cannot_be_read_is_refused_at_its_field(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.create()
    page = make_page()
    page.table.selectRow(0)
    dialog = page.open_terminate_dialog(page.current_agreement)
    dialog.terminated_on_edit.setText("下个月")
    dialog.reason_edit.setText("合作结束")
    dialog.confirm()
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("terminated_on")), timeout=5000)
    assert dialog.fields.error_text("terminated_on") == "请按“2026-01-05”的格式填写终止日期。"
    assert cells(page)[STATUS] == "有效"


# -- the PDF --------------------------------------------------------------------------------------
def test_save_agreement_pdf_writes_the_agreement(make_page, world, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world.create()
    chooser = Chooser(tmp_path, [])
    page = make_page(chooser=chooser)
    assert not page.save_pdf_button.isEnabled()
    page.table.selectRow(0)
    qtbot.mouseClick(page.save_pdf_button, LEFT)
    target = tmp_path / "保密〔2026〕1号.pdf"
    qtbot.waitUntil(lambda: page.status_label.text() != "", timeout=10000)
    assert chooser.asked == ["保密〔2026〕1号.pdf"]
    assert page.status_label.text() == f"已保存到 {target}"
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "保密协议" in text and "张三" in text and ALLOY in text
    assert "辽保〔2025〕1号" in text


def test_cancelling_the_save_dialog_writes_nothing(make_page, world, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world.create()
    chooser = Chooser(None, [])
    page = make_page(chooser=chooser)
    page.table.selectRow(0)
    qtbot.mouseClick(page.save_pdf_button, LEFT)
    assert chooser.asked == ["保密〔2026〕1号.pdf"]
    assert page.status_label.text() == ""
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failed_save_is_reported(make_page, world, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world.create()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    page = make_page(chooser=Chooser(blocked, []))
    page.table.selectRow(0)
    qtbot.mouseClick(page.save_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "error_box") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "error_box")
    assert box.isVisible() and box.text()
    assert page.status_label.text() == ""
    assert page.save_pdf_button.isEnabled()
    box.done(0)


# -- who sees and does what -----------------------------------------------------------------------
def test_a_reader_sees_the_agreements_but_no_buttons_to_change_them(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.create()
    page = make_page(world.reader)
    assert cells(page)[DOC_NO] == "保密〔2026〕1号"
    for button in (page.new_button, page.edit_button, page.terminate_button):
        assert not button.isVisible()
    page.table.selectRow(0)
    assert page.save_pdf_button.isEnabled()
    page.table.doubleClicked.emit(page.model.index(0, 0))
    assert page.findChildren(ConfidentialityDialog) == []


def test_an_officer_below_secret_sees_no_agreement_and_cannot_register_one(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.create()
    page = make_page(world.low_officer)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.new_button.isVisible() and not page.new_button.isEnabled()
    assert page.new_button.toolTip() == "您的涉密等级低于秘密，不能登记保密协议。"


def test_the_level_list_stops_at_the_officers_clearance(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    secret_officer = make_user(world.vault, "赵专员", ("transfer_officer",), "secret")
    page = make_page(secret_officer)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = only_child(page, ConfidentialityDialog)
    combo = dialog.form.level_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["秘密"]
    results = dialog.form.achievement_results_list
    qtbot.waitUntil(lambda: results.count() == 1, timeout=5000)
    assert results.item(0).text() == f"{COATING} · 秘密"


def test_select_finds_an_agreement_the_to_do_page_opens(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = world.create()
    world.create(party_name="李四", party_code=id_number(2))
    page = make_page()
    assert page.select(first)
    assert page.current_agreement is not None and page.current_agreement.id == first
    assert not page.select(999)
