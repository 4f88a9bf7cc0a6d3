"""The reusable attachment list, bound to the decision service over a real vault, in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.decisions import DecisionDraft
from desktop.domain.permissions import allowed
from desktop.services.decisions import DecisionService
from desktop.ui.attachment_viewer import AttachmentViewer
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import AttachmentList, RemoveFileDialog, format_size
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
NOTE = "专利权转让合同\n甲方：辽宁某某大学\n".encode("gb18030")


def make_user(vault: Vault, login: str, roles: tuple[str, ...]) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            login,
            UserDraft(login, f"用户{login}", roles, "internal"),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, login)
    assert user is not None
    return user


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> DecisionService:
    return DecisionService(unlocked[0], now=clock)


@pytest.fixture
def officer(unlocked: tuple[Vault, User]) -> User:
    return make_user(unlocked[0], "officer", ("transfer_officer",))


@pytest.fixture
def decision_id(service: DecisionService, officer: User) -> int:
    return service.create(
        officer,
        DecisionDraft(
            body="party_committee",
            title="关于转让“一种催化剂”专利的决定",
            decided_on="2025-12-20",
            participants=("张书记", "李副书记"),
            outcome="approved",
            votes_for=None,
            votes_against=None,
            votes_abstain=None,
            summary="",
            level="internal",
        ),
    )


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    crashes: list[str] = []
    runner.crashed.connect(crashes.append)
    yield runner
    runner.wait()
    assert crashes == []


@pytest.fixture
def make_list(zh_app, service, decision_id, runner, qtbot):  # type: ignore[no-untyped-def]
    made: list[AttachmentList] = []

    def make(actor: User) -> AttachmentList:
        widget = AttachmentList(
            runner,
            list_files=lambda: service.attachments(actor, decision_id),
            content=lambda file_id: service.attachment_content(actor, file_id),
            save_copy=lambda file_id, path: service.save_attachment(actor, file_id, path),
            add_from_file=lambda path: service.add_attachment_from_file(actor, decision_id, path),
            remove=lambda file_id, reason: service.remove_attachment(actor, file_id, reason),
            can_edit=allowed(actor, "decision.edit"),
        )
        qtbot.addWidget(widget)
        widget.resize(600, 240)
        widget.show()
        widget.reload()
        qtbot.waitUntil(lambda: widget.loaded, timeout=5000)
        made.append(widget)
        return widget

    yield make
    runner.wait()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    for widget in made:
        shiboken6.delete(widget)


def actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=100)]


def test_sizes_read_as_people_say_them() -> None:
    assert [format_size(n) for n in (512, 1536, 5 * 1024 * 1024)] == ["512 B", "1.5 KB", "5.0 MB"]


def test_the_list_shows_the_files_and_the_buttons_follow_the_selection(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    service.add_attachment(officer, decision_id, "表决票.png", "image/png", b"\x89PNG" * 300)
    widget = make_list(officer)
    texts = [widget.list_widget.item(i).text() for i in range(widget.list_widget.count())]
    assert sorted(texts) == [f"会议纪要.txt ({len(NOTE)} B)", "表决票.png (1.2 KB)"]
    assert "SHA-256 " in widget.list_widget.item(0).toolTip()
    assert widget.list_widget.item(0).toolTip().startswith("添加于 2026年1月5日")
    assert [widget.open_button.text(), widget.add_button.text()] == ["打开", "添加…"]
    assert [widget.save_button.text(), widget.remove_button.text()] == ["另存副本…", "删除…"]
    assert widget.current_file() is not None
    assert widget.open_button.isEnabled() and widget.save_button.isEnabled()
    widget.list_widget.setCurrentRow(-1)
    assert not widget.open_button.isEnabled()
    assert not widget.save_button.isEnabled()
    assert not widget.remove_button.isEnabled()


def test_a_reader_may_open_and_save_but_not_add_or_remove(  # type: ignore[no-untyped-def]
    make_list, unlocked, service, officer, decision_id
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    auditor = make_user(unlocked[0], "auditor", ("security_auditor",))
    assert allowed(auditor, "decision.read") and not allowed(auditor, "decision.edit")
    widget = make_list(auditor)
    assert widget.list_widget.count() == 1
    assert widget.open_button.isVisibleTo(widget) and widget.save_button.isVisibleTo(widget)
    assert not widget.add_button.isVisibleTo(widget)
    assert not widget.remove_button.isVisibleTo(widget)
    editor = make_list(officer)
    assert editor.add_button.isVisibleTo(editor) and editor.remove_button.isVisibleTo(editor)


def test_open_shows_the_file_in_the_viewer(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    qtbot.mouseClick(widget.open_button, LEFT)
    viewer = widget.viewer
    assert isinstance(viewer, AttachmentViewer)
    assert viewer.windowTitle() == "会议纪要.txt"
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_edit, timeout=5000)
    assert viewer.text_edit.toPlainText() == NOTE.decode("gb18030")
    viewer.close()
    assert widget.viewer is None
    # Opening is not an export: nothing about it goes into the audit log.
    assert "decision.attachment_exported" not in actions(service._vault)


def test_double_clicking_a_file_opens_it(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    widget.list_widget.itemActivated.emit(widget.list_widget.item(0))
    assert widget.viewer is not None
    qtbot.waitUntil(lambda: widget.viewer.kind == "text", timeout=5000)
    widget.viewer.close()


def test_add_attaches_the_chosen_file(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot, tmp_path
) -> None:
    source = tmp_path / "评估报告.txt"
    source.write_bytes(NOTE)
    widget = make_list(officer)
    assert widget.list_widget.count() == 0
    widget.choose_open_path = lambda _parent: source
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.mouseClick(widget.add_button, LEFT)
    qtbot.waitUntil(lambda: widget.list_widget.count() == 1, timeout=5000)
    assert widget.status_label.text() == "已添加附件 评估报告.txt。"
    assert widget.current_file() is not None
    assert widget.current_file().filename == "评估报告.txt"
    assert [a.filename for a in service.attachments(officer, decision_id)] == ["评估报告.txt"]


def test_a_cancelled_file_choice_does_nothing(make_list, officer, runner) -> None:  # type: ignore[no-untyped-def]
    widget = make_list(officer)
    widget.choose_open_path = lambda _parent: None
    widget.add_button.click()
    assert not runner.busy
    assert widget.list_widget.count() == 0


def test_an_empty_file_is_refused_with_a_message(  # type: ignore[no-untyped-def]
    make_list, officer, qtbot, tmp_path
) -> None:
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    widget = make_list(officer)
    widget.add_file(empty)
    qtbot.waitUntil(lambda: widget.findChild(object, "error_box") is not None, timeout=5000)
    box = widget.findChild(object, "error_box")
    assert box.text() == "附件是空文件。"
    box.close()
    assert widget.list_widget.count() == 0


def test_save_a_copy_writes_the_bytes_and_is_audited(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot, tmp_path
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    target = tmp_path / "copy.txt"
    suggested: list[str] = []

    def choose(_parent, name):  # type: ignore[no-untyped-def]
        suggested.append(name)
        return target

    widget.choose_save_path = choose
    qtbot.mouseClick(widget.save_button, LEFT)
    qtbot.waitUntil(lambda: widget.status_label.text() == f"已保存到 {target}", timeout=5000)
    assert suggested == ["会议纪要.txt"]
    assert target.read_bytes() == NOTE
    assert actions(service._vault)[0] == "decision.attachment_exported"


def test_remove_asks_for_a_reason_at_its_field(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    qtbot.mouseClick(widget.remove_button, LEFT)
    dialog = widget.remove_dialog
    assert isinstance(dialog, RemoveFileDialog)
    assert "会议纪要.txt" in dialog.question_label.text()
    qtbot.mouseClick(dialog.remove_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert dialog.fields.error_text("reason") == "删除附件须说明理由。"
    assert dialog.isVisible() and dialog.remove_button.isEnabled()
    assert len(service.attachments(officer, decision_id)) == 1

    dialog.reason_edit.setText("上传错了版本")
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.mouseClick(dialog.remove_button, LEFT)
    qtbot.waitUntil(lambda: widget.list_widget.count() == 0, timeout=5000)
    assert widget.status_label.text() == "已删除附件 会议纪要.txt。"
    assert service.attachments(officer, decision_id) == []
    assert widget.remove_dialog is None
    assert actions(service._vault)[0] == "decision.attachment_removed"


# -- one list for one record after another (the decisions page) --------------------------------
def test_show_record_switches_what_the_list_reads_and_adds_to(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, qtbot, tmp_path
) -> None:
    other = service.create(officer, service.get(officer, decision_id).draft)
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    assert widget.list_widget.count() == 1

    shown = service.attachments(officer, other)
    widget.show_record(
        lambda: service.attachments(officer, other),
        add_from_file=lambda path: service.add_attachment_from_file(officer, other, path),
        files=shown,
    )
    assert widget.list_widget.count() == 0  # shown at once, nothing read
    assert widget.add_button.isEnabled()
    source = tmp_path / "评估报告.txt"
    source.write_bytes(NOTE)
    with qtbot.waitSignal(widget.changed, timeout=5000):
        widget.add_file(source)
    qtbot.waitUntil(lambda: widget.list_widget.count() == 1, timeout=5000)
    assert widget.current_file().filename == "评估报告.txt"
    assert [a.filename for a in service.attachments(officer, other)] == ["评估报告.txt"]
    assert [a.filename for a in service.attachments(officer, decision_id)] == ["会议纪要.txt"]

    widget.show_record(None)
    assert widget.list_widget.count() == 0
    assert not widget.add_button.isEnabled()  # no record to add to
    assert widget.status_label.isHidden()  # the message was about the other record


def test_an_answer_for_the_record_shown_before_is_dropped(  # type: ignore[no-untyped-def]
    make_list, service, officer, decision_id, runner, qtbot
) -> None:
    service.add_attachment(officer, decision_id, "会议纪要.txt", "text/plain", NOTE)
    widget = make_list(officer)
    widget.reload()  # still on its way when the record changes
    widget.show_record(None)
    runner.wait()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert widget.list_widget.count() == 0
    assert widget.files == []
