"""The decision register page and form, in Chinese, over a real vault and real services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt

from db import users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.decisions import DecisionDraft
from desktop.services.decisions import DecisionService
from desktop.ui.forms.decision_form import DecisionForm
from desktop.ui.pages.decisions_page import DecisionDialog, DecisionsPage
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import RemoveFileDialog
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
T = TypeVar("T")


def draft(**changes: object) -> DecisionDraft:
    base = DecisionDraft(
        body="party_committee",
        title="关于转让“一种催化剂”专利的决定",
        decided_on="2025-12-20",
        participants=("张书记", "李副书记", "王委员"),
        outcome="approved",
        votes_for=2,
        votes_against=1,
        votes_abstain=0,
        summary="同意以 120 万元挂牌转让。",
        level="internal",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def make_user(vault: Vault, user_id: str, roles: tuple[str, ...], clearance: str) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft(user_id, f"用户{user_id}", roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> DecisionService:
    return DecisionService(unlocked[0], now=clock)


@pytest.fixture
def officer(unlocked: tuple[Vault, User]) -> User:
    return make_user(unlocked[0], "officer", ("transfer_officer",), "internal")


@pytest.fixture
def secret_officer(unlocked: tuple[Vault, User]) -> User:
    return make_user(unlocked[0], "secret.officer", ("transfer_officer",), "secret")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(zh_app, service, runner, qtbot):  # type: ignore[no-untyped-def]
    made: list[DecisionsPage] = []

    def make(actor: User) -> DecisionsPage:
        page = DecisionsPage(service, runner, actor)
        qtbot.addWidget(page)
        page.show()
        page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    # Delete the pages now, while their Python side is whole: left to the garbage collector, a
    # page's view can outlive the closures its model calls.
    for page in made:
        shiboken6.delete(page)


def only_child(page: DecisionsPage, kind: type[T]) -> T:
    found = page.findChildren(kind)
    assert len(found) == 1
    return found[0]


def select_first_row(page: DecisionsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.select_row(0)
    qtbot.waitUntil(lambda: page.current_decision is not None, timeout=5000)


# -- the form ---------------------------------------------------------------------------------
def test_form_round_trips_a_draft_and_shows_the_date_in_chinese(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = DecisionForm(("public", "internal"))
    qtbot.addWidget(form)
    form.set_value(draft())
    assert form.value() == draft()
    assert form.date_edit.text() == "2025年12月20日"
    assert [form.level_combo.itemText(i) for i in range(form.level_combo.count())] == [
        "公开",
        "内部",
    ]
    assert form.body_combo.currentText() == "党委会"


def test_form_without_a_recorded_vote_has_no_votes(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = DecisionForm(("public",))
    qtbot.addWidget(form)
    form.set_value(draft(votes_for=None, votes_against=None, votes_abstain=None, level="public"))
    assert not form.votes_check.isChecked()
    assert not form.votes_for_spin.isEnabled()
    value = form.value()
    assert (value.votes_for, value.votes_against, value.votes_abstain) == (None, None, None)
    qtbot.mouseClick(form.votes_check, LEFT)
    assert form.votes_for_spin.isEnabled()
    assert form.value().votes_for == 0


# -- new and edit -----------------------------------------------------------------------------
def test_filling_the_form_and_saving_shows_the_decision_in_the_table(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot, qtmodeltester
) -> None:
    page = make_page(officer)
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = only_child(page, DecisionDialog)
    form = dialog.form
    form.body_combo.setCurrentIndex(form.body_combo.findData("academic_committee"))
    form.title_edit.setText("关于作价投资的决定")  # QTest types only Latin-1
    form.date_edit.setDate(QDate(2025, 12, 30))
    form.participants_edit.insertPlainText("张教授")
    qtbot.keyClick(form.participants_edit, Qt.Key.Key_Return)
    form.participants_edit.insertPlainText("李教授\n")
    form.outcome_combo.setCurrentIndex(form.outcome_combo.findData("deferred"))
    qtbot.mouseClick(form.votes_check, LEFT)
    form.votes_for_spin.setValue(1)
    form.votes_abstain_spin.setValue(1)
    form.summary_edit.setPlainText("待评估报告完成后再议。")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    row = [page.model.data(page.model.index(0, c)) for c in range(6)]
    assert row == [
        "2025年12月30日",
        "学术委员会",
        "关于作价投资的决定",
        "暂缓",
        "赞成 1，反对 0，弃权 1",
        "公开",
    ]
    saved = service.page(officer, 0, 10)[0]
    assert saved.draft.participants == ("张教授", "李教授")
    assert saved.draft.summary == "待评估报告完成后再议。"
    qtmodeltester.check(page.model)


@pytest.mark.parametrize(
    ("fill", "field", "message"),
    [
        (lambda f: f.participants_edit.clear(), "participants", "请填写参会人员。"),
        (lambda f: f.title_edit.setText("   "), "title", "请填写议题。"),
        (lambda f: f.date_edit.setDate(QDate(2026, 1, 6)), "decided_on", "决策日期不能晚于今天。"),
        (lambda f: f.votes_for_spin.setValue(3), "votes", "表决票数之和不能超过参会人数。"),
    ],
)
def test_bad_input_shows_the_message_at_the_field_and_saves_nothing(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot, fill, field, message
) -> None:
    page = make_page(officer)
    dialog = page.open_dialog(None)
    dialog.form.set_value(draft())
    fill(dialog.form)
    typed_title = dialog.form.title_edit.text()
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.form.fields.error_text(field)), timeout=5000)
    assert dialog.form.fields.error_text(field) == message
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.form.title_edit.text() == typed_title  # the user's typing is kept
    assert service.count(officer) == 0
    assert page.model.rowCount() == 0


def test_changing_the_level_asks_for_a_reason(  # type: ignore[no-untyped-def]
    make_page, secret_officer, service, qtbot
) -> None:
    decision_id = service.create(secret_officer, draft(level="secret"))
    page = make_page(secret_officer)
    select_first_row(page, qtbot)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = only_child(page, DecisionDialog)
    assert dialog.form.title_edit.text() == draft().title
    assert not dialog.reason_fields.isVisibleTo(dialog)
    dialog.form.level_combo.setCurrentIndex(dialog.form.level_combo.findData("internal"))
    assert dialog.reason_fields.isVisibleTo(dialog)
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.reason_fields.error_text("reason")), timeout=5000)
    assert dialog.reason_fields.error_text("reason") == "修改密级须说明理由。"
    assert service.get(secret_officer, decision_id).draft.level == "secret"

    dialog.reason_edit.setText("保密办批准降密")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert service.get(secret_officer, decision_id).draft.level == "internal"
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 5)) == "内部", timeout=5000)


# -- who sees what ----------------------------------------------------------------------------
def test_internal_user_does_not_see_find_or_count_a_secret_decision(  # type: ignore[no-untyped-def]
    make_page, officer, secret_officer, service, qtbot
) -> None:
    service.create(secret_officer, draft(title="秘密议题甲", level="secret"))
    service.create(officer, draft(title="内部议题乙", level="internal"))
    page = make_page(officer)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "内部议题乙"
    page.search_edit.setText("秘密议题")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert service.count(officer, "秘密议题") == 0

    cleared = make_page(secret_officer)
    assert cleared.model.rowCount() == 2
    cleared.search_edit.setText("秘密议题")
    qtbot.waitUntil(lambda: cleared.model.rowCount() == 1, timeout=5000)
    assert cleared.model.data(cleared.model.index(0, 5)) == "秘密"


def test_reader_without_edit_rights_sees_no_edit_buttons(  # type: ignore[no-untyped-def]
    make_page, unlocked, officer, service, qtbot
) -> None:
    service.create(officer, draft())
    auditor = make_user(unlocked[0], "auditor", ("security_auditor",), "internal")
    page = make_page(auditor)
    for button in (
        page.new_button,
        page.edit_button,
        page.attachments.add_button,
        page.attachments.remove_button,
    ):
        assert not button.isVisibleTo(page)
    assert page.attachments.save_button.isVisibleTo(page)
    editor = make_page(officer)
    assert editor.new_button.isVisibleTo(editor)
    assert editor.attachments.add_button.isVisibleTo(editor)
    assert editor.attachments.remove_button.isVisibleTo(editor)


# -- detail and attachments -------------------------------------------------------------------
def test_detail_shows_participants_summary_and_links(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot
) -> None:
    decision_id = service.create(officer, draft())
    service.link(officer, decision_id, "agreement", "12")
    page = make_page(officer)
    assert not page.detail_box.isEnabled()
    select_first_row(page, qtbot)
    assert page.detail_box.isEnabled()
    assert page.participants_label.text() == "张书记、李副书记、王委员"
    label = page.participants_label  # all of it shows, however it wraps
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    assert page.summary_label.text() == "同意以 120 万元挂牌转让。"
    assert page.links_label.text() == "agreement 12"
    assert page.attachments.list_widget.count() == 0
    assert not page.attachments.save_button.isEnabled()


def test_attachment_is_added_saved_byte_exact_and_removed_with_a_reason(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot, tmp_path
) -> None:
    service.create(officer, draft())
    page = make_page(officer)
    select_first_row(page, qtbot)
    content = b"%PDF-1.7\n" + bytes(range(256)) * 4
    source = tmp_path / "党委会纪要.pdf"
    source.write_bytes(content)
    attachments = page.attachments
    attachments.choose_open_path = lambda _parent: source
    qtbot.mouseClick(attachments.add_button, LEFT)
    qtbot.waitUntil(lambda: attachments.list_widget.count() == 1, timeout=5000)
    assert attachments.list_widget.item(0).text() == "党委会纪要.pdf (1.0 KB)"
    assert attachments.status_label.text() == "已添加附件 党委会纪要.pdf。"

    target = tmp_path / "saved" / "copy.pdf"
    target.parent.mkdir()
    suggested: list[str] = []

    def choose_save(_parent, name):  # type: ignore[no-untyped-def]
        suggested.append(name)
        return target

    attachments.choose_save_path = choose_save
    qtbot.mouseClick(attachments.save_button, LEFT)
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
    assert suggested == ["党委会纪要.pdf"]
    assert target.read_bytes() == content
    qtbot.waitUntil(lambda: attachments.status_label.text() == f"已保存到 {target}", timeout=5000)

    qtbot.mouseClick(attachments.remove_button, LEFT)
    dialog = only_child(page, RemoveFileDialog)
    assert "党委会纪要.pdf" in dialog.question_label.text()
    qtbot.mouseClick(dialog.remove_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert dialog.fields.error_text("reason") == "删除附件须说明理由。"
    assert len(service.attachments(officer, page.current_decision.id)) == 1

    dialog.reason_edit.setText("上传错了版本")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.remove_button, LEFT)
    qtbot.waitUntil(lambda: attachments.list_widget.count() == 0, timeout=5000)
    assert attachments.status_label.text() == "已删除附件 党委会纪要.pdf。"
    assert service.attachments(officer, page.current_decision.id) == []


def test_cancelled_file_choice_does_nothing(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot
) -> None:
    service.create(officer, draft())
    page = make_page(officer)
    select_first_row(page, qtbot)
    page.attachments.choose_open_path = lambda _parent: None
    qtbot.mouseClick(page.attachments.add_button, LEFT)
    assert not page._runner.busy
    assert page.attachments.list_widget.count() == 0


def test_unreadable_file_shows_a_message_not_a_crash(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot, tmp_path
) -> None:
    service.create(officer, draft())
    page = make_page(officer)
    select_first_row(page, qtbot)
    crashes: list[str] = []
    page._runner.crashed.connect(crashes.append)
    page.attachments.add_file(tmp_path / "gone.pdf")
    qtbot.waitUntil(lambda: page.findChild(object, "error_box") is not None, timeout=5000)
    box = page.findChild(object, "error_box")
    assert box.text().startswith("无法读取文件")
    assert crashes == []
    box.close()


def test_open_shows_the_attachment_in_the_programs_own_viewer(  # type: ignore[no-untyped-def]
    make_page, unlocked, officer, service, qtbot
) -> None:
    decision_id = service.create(officer, draft())
    text = "党委会纪要\n同意以 120 万元挂牌转让。\n"
    service.add_attachment(officer, decision_id, "纪要.txt", "text/plain", text.encode("gb18030"))
    auditor = make_user(unlocked[0], "auditor", ("security_auditor",), "internal")
    page = make_page(auditor)  # reading is enough to open
    attachments = page.attachments
    assert attachments.open_button.text() == "打开"
    assert not attachments.open_button.isEnabled()
    select_first_row(page, qtbot)
    qtbot.waitUntil(lambda: attachments.list_widget.count() == 1, timeout=5000)
    assert attachments.open_button.isVisibleTo(page)
    assert attachments.open_button.isEnabled()
    qtbot.mouseClick(attachments.open_button, LEFT)
    viewer = attachments.viewer
    assert viewer is not None and viewer.windowTitle() == "纪要.txt"
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_edit, timeout=5000)
    assert viewer.text_edit.toPlainText() == text
    qtbot.mouseClick(viewer.close_button, LEFT)
    assert attachments.viewer is None
    assert not viewer.holds_content


def test_each_decision_shows_its_own_attachments_and_adds_to_the_one_shown(  # type: ignore[no-untyped-def]
    make_page, officer, service, qtbot, tmp_path
) -> None:
    first = service.create(officer, draft(title="议题甲"))
    second = service.create(officer, draft(title="议题乙"))
    service.add_attachment(officer, first, "甲.txt", "text/plain", b"jia")
    page = make_page(officer)
    attachments = page.attachments
    rows = {page.model.data(page.model.index(r, 2)): r for r in range(page.model.rowCount())}

    page.select_row(rows["议题甲"])
    qtbot.waitUntil(lambda: getattr(page.current_decision, "id", None) == first, timeout=5000)
    assert [f.filename for f in attachments.files] == ["甲.txt"]
    page.select_row(rows["议题乙"])
    qtbot.waitUntil(lambda: getattr(page.current_decision, "id", None) == second, timeout=5000)
    assert attachments.files == [] and attachments.list_widget.count() == 0

    source = tmp_path / "乙.txt"
    source.write_bytes(b"yi")
    attachments.choose_open_path = lambda _parent: source
    with qtbot.waitSignal(attachments.changed, timeout=5000):
        qtbot.mouseClick(attachments.add_button, LEFT)
    qtbot.waitUntil(lambda: attachments.list_widget.count() == 1, timeout=5000)
    assert [a.filename for a in service.attachments(officer, second)] == ["乙.txt"]
    assert [a.filename for a in service.attachments(officer, first)] == ["甲.txt"]

    page.table.clearSelection()
    assert attachments.files == [] and not page.detail_box.isEnabled()
