"""The audit page over a real vault, used by the auditor and the secrecy administrator."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from db import audit, users
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import AuditFilter, Checkpoint, Verification
from desktop.domain.people import PersonDraft
from desktop.errors import AppError, PermissionDenied, StorageError
from desktop.services.audit import AuditService
from desktop.services.bundle import Services
from desktop.ui.models.paged_table_model import PAGE_SIZE
from desktop.ui.pages.audit_page import AuditPage
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock

LEFT = Qt.MouseButton.LeftButton
WITHHELD = "内容密级高于您的涉密等级，不予显示"
NOT_A_LEADER, DEPUTY = "非领导", "副职领导"


def make_user(
    vault: Vault, user_id: str, name: str, roles: tuple[str, ...], clearance: str
) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft(user_id.replace("-", "."), name, roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    services: Services
    clock: FixedClock
    admin: User
    auditor: User
    secrecy: User
    updated_seq: int  # the person.updated entry


@pytest.fixture
def world(zh_app, unlocked: tuple[Vault, User], clock: FixedClock) -> World:  # type: ignore[no-untyped-def]
    vault, admin = unlocked
    services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
    auditor = make_user(vault, "aud-1", "李审计", ("security_auditor",), "internal")
    secrecy = make_user(vault, "sec-1", "赵保密", ("secrecy_admin",), "secret")
    clock.value = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    person_id = services.people.add(admin, PersonDraft("张三", None, "讲师", "none"))
    clock.value = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
    services.people.update(admin, person_id, PersonDraft("张三", None, "副教授", "deputy"))
    updated_seq = services.audit.head(auditor).size
    clock.value = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
    services.settings.update(admin, {"idle_lock_minutes": 12})
    return World(vault, services, clock, admin, auditor, secrecy, updated_seq)


PageFactory = Callable[..., AuditPage]


@pytest.fixture
def make_page(world: World, qtbot) -> Iterator[PageFactory]:  # type: ignore[no-untyped-def]
    runners: list[TaskRunner] = []

    def make(actor: User | None = None, service: AuditService | None = None, **kw) -> AuditPage:  # type: ignore[no-untyped-def]
        runner = TaskRunner()
        runners.append(runner)
        page = AuditPage(
            service or world.services.audit,
            world.services.documents,
            runner,
            actor or world.auditor,
            **kw,
        )
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        page.reload()
        loaded(qtbot, page)
        return page

    yield make
    for runner in runners:
        runner.wait()
        qtbot.waitUntil(lambda r=runner: not r.busy, timeout=5000)  # type: ignore[misc]


def loaded(qtbot, page: AuditPage) -> None:  # type: ignore[no-untyped-def]
    """Wait until the filter choices and the entries (count and pages) have arrived."""
    qtbot.waitUntil(lambda: not page._runner.busy and not page.loading, timeout=5000)


def column(page: AuditPage, col: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index > 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def changes_shown(page: AuditPage) -> dict[str, tuple[str, str]]:
    table = page.changes_table
    return {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }


def select_seq(page: AuditPage, seq: int) -> None:
    row = column(page, 0).index(str(seq))
    page.table.selectRow(row)


# -- filters --------------------------------------------------------------------------------
def test_auditor_filters_by_person(world: World, make_page, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    everything = page.model.rowCount()
    assert everything == world.services.audit.count(world.auditor)
    assert page.count_label.text() == f"共 {everything} 条"
    choose(page.person_combo, world.admin.id)
    assert page.count_label.text() == "正在加载…"  # until the count arrives
    loaded(qtbot, page)
    assert page.person_combo.currentText() == "王管理"
    names = column(page, 2)
    assert names and set(names) == {"王管理"}
    assert len(names) < everything
    assert page.count_label.text() == f"共 {len(names)} 条"
    qtmodeltester.check(page.model)
    page.reset_button.click()
    loaded(qtbot, page)
    assert page.model.rowCount() == everything


def test_auditor_filters_by_action(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.action_combo.itemText(0) == "全部操作"
    choose(page.action_combo, "person.updated")
    loaded(qtbot, page)
    assert page.action_combo.currentText() == "修改人员"
    assert column(page, 0) == [str(world.updated_seq)]
    assert column(page, 3) == ["修改人员"]
    assert column(page, 4) == ["人员 1"]


def test_auditor_filters_by_date(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    page.since_check.setChecked(True)
    page.since_edit.setDate(QDate(2026, 1, 9))
    page.until_check.setChecked(True)
    page.until_edit.setDate(QDate(2026, 1, 11))
    loaded(qtbot, page)
    assert set(column(page, 3)) == {"新增人员"}
    assert column(page, 1) == ["2026年1月10日 09:00"]
    assert page.filter_text() == "起始日期：2026年1月9日；截止日期：2026年1月11日"
    page.until_check.setChecked(False)  # open-ended: everything from the 9th
    loaded(qtbot, page)
    assert set(column(page, 3)) == {"新增人员", "修改人员", "修改设置"}


def test_filter_by_object(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    choose(page.object_type_combo, "setting")
    loaded(qtbot, page)
    assert page.object_type_combo.currentText() == "设置"
    assert column(page, 4) == ["设置 · 自动锁定时间（分钟）"]
    page.reset_button.click()
    page.object_id_edit.setText("1")
    page.object_id_edit.editingFinished.emit()
    loaded(qtbot, page)
    assert set(column(page, 4)) >= {"人员 1", "单位信息 1"}


# -- one entry ------------------------------------------------------------------------------
def test_selecting_an_entry_shows_chinese_field_changes(world: World, make_page) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.detail_hint.isVisible() and page.changes_table.isHidden()
    select_seq(page, world.updated_seq)
    assert page.detail_hint.isHidden() and page.changes_table.isVisible()
    # Codes are shown by their labels.
    assert changes_shown(page) == {"职称": ("讲师", "副教授"), "领导职务": (NOT_A_LEADER, DEPUTY)}
    assert page.detail_title.text().startswith(f"第 {world.updated_seq} 条 · 2026年1月12日 09:00")
    assert "王管理" in page.detail_title.text() and "修改人员" in page.detail_title.text()
    assert page.withheld_label.isHidden() and page.reason_label.isHidden()
    summary = column(page, 5)[column(page, 0).index(str(world.updated_seq))]
    assert "职称：讲师 → 副教授" in summary


def test_a_setting_and_a_creation_read_as_fields(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    choose(page.action_combo, "settings.updated")
    loaded(qtbot, page)
    page.table.selectRow(0)
    assert changes_shown(page) == {"自动锁定时间（分钟）": ("5", "12")}
    choose(page.action_combo, "person.created")
    loaded(qtbot, page)
    page.table.selectRow(0)
    shown = changes_shown(page)
    assert shown["姓名"] == ("—", "张三")
    assert shown["职称"] == ("—", "讲师")


def test_reason_and_withheld_content(world: World, make_page) -> None:  # type: ignore[no-untyped-def]
    with world.vault.transaction() as conn:
        reason_seq = audit.append(
            conn,
            ts="2026-01-21T10:00:00+00:00",
            actor=world.admin.id,
            action="person.updated",
            object_type="person",
            object_id="1",
            before={"title": "副教授"},
            after={"title": "教授"},
            reason="职称评审结果",
        )
        secret_seq = audit.append(
            conn,
            ts="2026-01-21T11:00:00+00:00",
            actor=world.admin.id,
            action="decision.created",
            object_type="decision",
            object_id="9",
            after={"title": "涉密议题"},
            level="confidential",
        )
    page = make_page()
    select_seq(page, reason_seq)
    assert page.reason_label.isVisible()
    assert page.reason_label.text() == "理由：职称评审结果"
    assert changes_shown(page) == {"职称": ("副教授", "教授")}
    select_seq(page, secret_seq)
    assert page.withheld_label.isVisible()
    assert page.withheld_label.text() == WITHHELD
    assert page.changes_table.isHidden()
    assert "涉密议题" not in page.detail_title.text()
    assert column(page, 5)[column(page, 0).index(str(secret_seq))] == WITHHELD


# -- verification ---------------------------------------------------------------------------
def wait_idle(qtbot, page: AuditPage) -> None:  # type: ignore[no-untyped-def]
    """The check has ended and the list it reloads has arrived."""
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    loaded(qtbot, page)


def test_verify_says_the_log_is_intact(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    head = world.services.audit.head(world.auditor)
    qtbot.mouseClick(page.verify_button, LEFT)
    assert page.busy and not page.verify_button.isEnabled()
    wait_idle(qtbot, page)
    text = page.result_label.text()
    assert text.startswith(f"日志完整：共 {head.size} 条记录，树根 {head.root.hex()}。")
    assert "校验时间：" in text
    assert page.result_label.isVisible() and page.progress_bar.isHidden()
    assert page.verify_button.isEnabled()
    # The verification itself is now in the log, and the table shows it.
    assert column(page, 3)[0] == "校验审计日志"


def test_verify_names_the_tampered_entry(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    with world.vault.transaction() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        conn.exec_driver_sql(
            "UPDATE audit_log SET after = ? WHERE seq = ?",
            ('{"title":"教授"}', world.updated_seq),
        )
    page = make_page()
    qtbot.mouseClick(page.verify_button, LEFT)
    wait_idle(qtbot, page)
    text = page.result_label.text()
    assert text.startswith(f"日志不完整。首条问题记录：第 {world.updated_seq} 条。")
    assert f"第 {world.updated_seq} 条记录与日志树不符" in text
    # The viewer still reads the tampered entry.
    select_seq(page, world.updated_seq)
    assert changes_shown(page)["职称"] == ("讲师", "教授")


class GatedAudit(AuditService):
    """The real service, paused at its first progress report until the test lets it go."""

    def __init__(self, inner: AuditService) -> None:
        super().__init__(inner._vault, now=inner._now)
        self.reached = threading.Event()
        self.go = threading.Event()

    def verify(self, actor, external=None, *, progress=None, cancelled=None) -> Verification:  # type: ignore[no-untyped-def,override]
        def gated(done: int) -> None:
            if progress is not None:
                progress(done)
            self.reached.set()
            self.go.wait(10)

        return super().verify(actor, external, progress=gated, cancelled=cancelled)


def test_cancel_during_verify_leaves_no_result_and_no_crash(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    gated = GatedAudit(world.services.audit)
    page = make_page(service=gated)
    crashes: list[str] = []
    page._runner.crashed.connect(crashes.append)
    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(gated.reached.is_set, timeout=5000)
    size = world.services.audit.head(world.auditor).size
    qtbot.waitUntil(lambda: page.progress_bar.value() == size, timeout=5000)
    assert page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, LEFT)
    assert not page.cancel_button.isEnabled() and page.cancel_button.text() == "正在取消…"
    gated.go.set()
    wait_idle(qtbot, page)
    assert page.result_label.text() == "" and page.result_label.isHidden()
    assert page.progress_bar.isHidden() and page.cancel_button.isHidden()
    assert page.verify_button.isEnabled()
    assert crashes == []
    assert page.findChildren(QMessageBox) == []


def test_verify_against_a_checkpoint_from_paper(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    head = world.services.audit.head(world.auditor)
    dialog = page.open_checkpoint_dialog()
    dialog.size_edit.setText("三十")
    dialog.root_edit.setText("abc")
    dialog.accept()
    assert dialog.isVisible() and not page.busy
    assert dialog.fields.error_text("size") == "请输入记录条数：不小于 0 的整数。"
    dialog.size_edit.setText(str(head.size))
    dialog.accept()
    assert dialog.fields.error_text("size") == ""
    assert dialog.fields.error_text("root").startswith("请输入树根：64 位十六进制数字")
    dialog.root_edit.setText(" ".join(head.root.hex()[i : i + 8] for i in range(0, 64, 8)).upper())
    dialog.accept()
    assert dialog.checkpoint == Checkpoint(head.size, head.root, "您输入的检查点")
    wait_idle(qtbot, page)
    assert page.result_label.text().startswith("日志完整")
    assert f"与您输入的检查点（{head.size} 条）一致" in page.result_label.text()


def test_a_checkpoint_that_does_not_match_is_reported(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = page.open_checkpoint_dialog()
    dialog.size_edit.setText("3")
    dialog.root_edit.setText("00" * 32)
    dialog.accept()
    wait_idle(qtbot, page)
    text = page.result_label.text()
    assert text.startswith("日志不完整。")
    assert "与您输入的检查点不一致：前 3 条记录在该检查点之后被改写。" in text


def test_record_a_checkpoint(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    head = world.services.audit.head(world.auditor)
    dialog = page.open_record_checkpoint_dialog()
    dialog.note_edit.setText("2026年1月季度检查")
    dialog.accept()
    wait_idle(qtbot, page)
    assert (
        page.result_label.text()
        == f"已记录检查点 1：共 {head.size} 条记录，树根 {head.root.hex()}。"
    )
    ((_, _, note, checkpoint),) = world.services.audit.checkpoints(world.auditor)
    assert note == "2026年1月季度检查" and checkpoint.size == head.size


# -- export ---------------------------------------------------------------------------------
def test_export_writes_the_filtered_extract(world: World, make_page, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "摘录.pdf"
    page = make_page(choose_path=lambda _parent: target)
    choose(page.action_combo, "person.updated")
    loaded(qtbot, page)
    head = world.services.audit.head(world.auditor)
    qtbot.mouseClick(page.export_button, LEFT)
    wait_idle(qtbot, page)
    assert target.exists()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(target.read_bytes())).pages)
    assert head.root.hex() in text
    assert f"transfer-desk/{world.vault.vault_id}" in text
    assert "审计日志摘录" in text and "李审计" in text and "操作：修改人员" in text
    assert "职称：讲师 改为 副教授" in text.replace("\n", "")  # the cell wraps
    assert "新增人员" not in text  # only the filtered entries
    assert page.result_label.text().startswith(f"已将 1 条记录导出到 {target}")
    newest = world.services.audit.page(world.auditor, 0, 1)[0]
    assert newest.action == "audit.exported"


def test_export_cancelled_in_the_file_dialog_does_nothing(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(choose_path=lambda _parent: None)
    size = world.services.audit.head(world.auditor).size
    qtbot.mouseClick(page.export_button, LEFT)
    assert not page.busy
    assert world.services.audit.head(world.auditor).size == size


# -- reading off the UI thread --------------------------------------------------------------
class WatchedAudit(AuditService):
    """The real service, noting the threads that read it; ``page`` can be held at a gate and
    ``count`` made to fail."""

    def __init__(self, inner: AuditService) -> None:
        super().__init__(inner._vault, now=inner._now)
        self.threads: set[threading.Thread] = set()
        self.gate: threading.Event | None = None
        self.reached = threading.Event()
        self.fail: AppError | None = None

    def actors(self, actor):  # type: ignore[no-untyped-def,override]
        self.threads.add(threading.current_thread())
        return super().actors(actor)

    def count(self, actor, where=None):  # type: ignore[no-untyped-def,override]
        self.threads.add(threading.current_thread())
        if self.fail is not None:
            raise self.fail
        return super().count(actor, where)

    def page(self, actor, offset, limit, where=None):  # type: ignore[no-untyped-def,override]
        self.threads.add(threading.current_thread())
        entries = super().page(actor, offset, limit, where)
        gate = self.gate
        if gate is not None:
            self.reached.set()
            assert gate.wait(10)
        return entries


def test_the_log_is_read_on_the_worker_and_an_older_filter_never_lands(  # type: ignore[no-untyped-def]
    world: World, make_page, qtbot
) -> None:
    watched = WatchedAudit(world.services.audit)
    page = make_page(service=watched)
    assert watched.threads and threading.main_thread() not in watched.threads
    everything = page.model.rowCount()
    gate = watched.gate = threading.Event()
    choose(page.action_combo, "person.created")
    qtbot.waitUntil(watched.reached.is_set, timeout=5000)
    assert page.count_label.text() == "正在加载…"
    assert page.model.rowCount() == everything  # the entries shown stay until the new ones come
    choose(page.action_combo, "settings.updated")  # while the first filter's entries are held
    shown: list[list[str]] = []
    page.model.loaded.connect(lambda: shown.append(column(page, 3)))
    gate.set()
    loaded(qtbot, page)
    assert shown == [["修改设置"]]
    assert page.count_label.text() == "共 1 条"
    assert threading.main_thread() not in watched.threads


def test_a_failed_read_shows_an_error_and_the_page_stays_usable(  # type: ignore[no-untyped-def]
    world: World, make_page, qtbot
) -> None:
    watched = WatchedAudit(world.services.audit)
    page = make_page(service=watched)
    everything = page.model.rowCount()
    watched.fail = StorageError("无法读取数据库文件。")
    choose(page.action_combo, "person.created")
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "error_box") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "error_box")
    assert box is not None and box.text() == "无法读取数据库文件。"
    loaded(qtbot, page)
    assert page.model.rowCount() == 0 and page.count_label.text() == "未能加载列表"
    box.close()
    box.deleteLater()
    watched.fail = None
    page.reset_button.click()
    loaded(qtbot, page)
    assert page.model.rowCount() == everything
    assert page.count_label.text() == f"共 {everything} 条"


def test_a_selected_entry_is_shown_once_its_page_arrives(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    with world.vault.transaction() as conn:
        for number in range(PAGE_SIZE + 10):
            audit.append(
                conn,
                ts="2026-01-21T10:00:00+00:00",
                actor=world.admin.id,
                action="person.updated",
                object_type="person",
                object_id="1",
                before={"title": "讲师"},
                after={"title": f"职称{number}"},
            )
    watched = WatchedAudit(world.services.audit)
    page = make_page(service=watched)
    last = page.model.rowCount() - 1  # newest first: the oldest entry is on the second page
    assert page.entry_at(last) is None
    gate = watched.gate = threading.Event()
    page.table.selectRow(last)  # the view scrolls there and asks for the page
    qtbot.waitUntil(watched.reached.is_set, timeout=5000)
    assert page.detail_hint.isVisible() and page.detail_title.isHidden()
    with qtbot.waitSignal(page.model.page_loaded, timeout=5000):
        gate.set()
    entry = page.entry_at(last)
    assert entry is not None and entry.seq == 1
    assert page.detail_title.isVisible() and page.detail_title.text().startswith("第 1 条 · ")


# -- who sees what --------------------------------------------------------------------------
def test_buttons_follow_the_roles(world: World, make_page) -> None:  # type: ignore[no-untyped-def]
    auditor_page = make_page(world.auditor)
    for button in ("verify_button", "checkpoint_verify_button", "record_checkpoint_button"):
        assert getattr(auditor_page, button).isVisible()
    assert auditor_page.export_button.isVisible()
    secrecy_page = make_page(world.secrecy)
    assert secrecy_page.verify_button.isVisible()
    assert secrecy_page.checkpoint_verify_button.isVisible()
    assert secrecy_page.record_checkpoint_button.isHidden()
    assert secrecy_page.export_button.isHidden()


def test_the_secrecy_administrator_reads_only_the_auditors_entries(
    world: World, make_page, qtbot
) -> None:  # type: ignore[no-untyped-def]
    world.services.audit.verify(world.auditor)
    page = make_page(world.secrecy)
    assert set(column(page, 2)) == {"李审计"}
    assert [page.person_combo.itemText(i) for i in range(page.person_combo.count())] == [
        "全部人员",
        "李审计",
    ]


def test_a_system_administrator_never_gets_an_audit_page(
    zh_app, services, qtbot, tmp_path: Path, request
) -> None:  # type: ignore[no-untyped-def]
    import os

    from desktop.app import build_desk, start
    from desktop.services.setup import SetupService
    from desktop.ui.prefs import Preferences
    from tests.support import first_run_draft
    from tests.ui.conftest import unlock

    SetupService(
        services.setup._vault, now=services.unit._now, kdf=lambda: TEST_KDF, randbytes=os.urandom
    ).create(first_run_draft())
    desk = build_desk(zh_app, services, Preferences(tmp_path / "prefs.json"))
    qtbot.addWidget(desk.window)
    start(desk)

    def teardown() -> None:
        desk.runner.wait()
        zh_app.removeEventFilter(desk.window._idle)
        services.session.lock()

    request.addfinalizer(teardown)
    unlock(qtbot, desk.window)
    workspace = desk.window.workspace
    assert "system_admin" in desk.window.actor.roles
    assert workspace.audit_page is None
    assert desk.window.findChildren(AuditPage) == []
    titles = [workspace.nav.item(i).text() for i in range(workspace.nav.count())]
    assert "审计日志" not in titles
    with pytest.raises(PermissionDenied):
        services.audit.page(desk.window.actor, 0, 10)


def test_screenshot(world: World, make_page, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    qtbot.mouseClick(page.verify_button, LEFT)
    wait_idle(qtbot, page)
    select_seq(page, world.updated_seq)
    image = page.grab()
    assert not image.isNull() and image.width() >= 1000
    assert image.save(str(tmp_path / "audit-page.png"))


def test_filter_words_cover_every_filter(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.filter_text() == ""
    choose(page.person_combo, world.admin.id)
    choose(page.action_combo, "person.updated")
    choose(page.object_type_combo, "person")
    page.object_id_edit.setText("1")
    page.object_id_edit.editingFinished.emit()
    loaded(qtbot, page)
    assert page.filter_text() == "操作人：王管理；操作：修改人员；对象：人员 1"
    assert page.current_filter() == AuditFilter(
        actor=world.admin.id, action="person.updated", object_type="person", object_id="1"
    )
