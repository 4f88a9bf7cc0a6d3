"""The achievement register's page and dialog, in Chinese, over a real vault and real services."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from reportlab.pdfgen import canvas

from db import achievements, audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import (
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
    Completer,
    IpRight,
)
from desktop.domain.people import PersonDraft
from desktop.errors import AppError, StorageError
from desktop.services.achievement_files import AchievementFileService
from desktop.services.achievements import AchievementService
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui.models.paged_table_model import PAGE_SIZE, PLACEHOLDER
from desktop.ui.pages.achievements_page import TITLE_COLUMN, AchievementDialog, AchievementsPage
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
# Where the screenshots go: the test's tmp_path, or a folder named by the person running it.
SHOTS = os.environ.get("TD_SCREENSHOTS")
COLUMNS = 9


@dataclass(frozen=True)
class World:
    vault: Vault
    service: AchievementService
    people: PeopleService
    units: UnitService
    files: AchievementFileService
    officer: User  # transfer officer, cleared for 秘密
    zhang: int
    li: int
    wang: int
    chem: int  # 化学学院
    office: int  # 科技处


def make_user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            login,
            UserDraft(login, f"用户{login}", roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, login)
    assert user is not None
    return user


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, admin = unlocked
    units = UnitService(vault, now=clock)
    people = PeopleService(vault, now=clock)
    departments = {name: dept_id for dept_id, name in units.departments(admin)}
    chem, office = departments["化学学院"], departments["科技处"]
    zhang = people.add(admin, PersonDraft("张三", chem, "教授", "none"))
    li = people.add(admin, PersonDraft("李四", chem, "副教授", "none"))
    wang = people.add(admin, PersonDraft("王五", office, "工程师", "none"))
    return World(
        vault=vault,
        service=AchievementService(vault, now=clock),
        people=people,
        units=units,
        files=AchievementFileService(vault, now=clock),
        officer=make_user(vault, "officer", ("transfer_officer",), "secret"),
        zhang=zhang,
        li=li,
        wang=wang,
        chem=chem,
        office=office,
    )


def draft(world: World, **changes: object) -> AchievementDraft:
    base = AchievementDraft(
        title="一种高强韧镁合金的制备方法",
        abstract="通过微合金化与形变热处理提高强度和韧性。",
        keywords=("镁合金", "热处理"),
        kind="invention_patent",
        department_id=world.chem,
        funding_type="vertical",
        funding_ref="2023YFB3701000",
        completers=(
            Completer(world.zhang, "lead", Decimal("70")),
            Completer(world.li, "member", Decimal("30")),
        ),
        ip_rights=(IpRight("202310397744.0", "2023-04-14", "2024-09-20"),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(zh_app, world: World, runner: TaskRunner, qtbot):  # type: ignore[no-untyped-def]
    made: list[AchievementsPage] = []

    def make(
        actor: User | None = None, service: AchievementService | None = None
    ) -> AchievementsPage:
        page = AchievementsPage(
            service or world.service,
            world.people,
            world.units,
            runner,
            actor or world.officer,
            files=world.files,
        )
        qtbot.addWidget(page)
        page.resize(1400, 700)
        page.show()
        page.reload()
        made.append(page)
        idle(qtbot, runner)
        return page

    yield make
    runner.wait()
    # Delete the pages now, while their Python side is whole: left to the garbage collector, a
    # page's view can outlive the closures its model calls.
    for page in made:
        shiboken6.delete(page)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def open_dialog(page: AchievementsPage, qtbot, button=None) -> AchievementDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button or page.new_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog is not None
    return page.dialog


def titles(page: AchievementsPage) -> list[str]:
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def click_header(qtbot, page: AchievementsPage, column: int) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))


def actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=100)]


# -- register a record ------------------------------------------------------------------------
def test_filling_the_form_and_saving_lists_and_selects_the_record(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, qtmodeltester
) -> None:
    page = make_page()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "共 0 项成果"
    dialog = open_dialog(page, qtbot)
    assert dialog.windowTitle() == "登记成果"
    form = dialog.form
    form.title_edit.setText("一种高强韧镁合金的制备方法")  # QTest types only Latin-1
    form.abstract_edit.setPlainText("通过微合金化与形变热处理提高强度和韧性。")
    form.keywords_edit.setText("镁合金、热处理")
    choose(form.kind_combo, "invention_patent")
    choose(form.department_combo, world.chem)
    choose(form.funding_type_combo, "vertical")
    qtbot.keyClicks(form.funding_ref_edit, "2023YFB3701000")
    form.set_completer(0, world.zhang, "lead", "70")
    qtbot.mouseClick(form.add_completer_button, LEFT)
    person, _role, share = form.completer_widgets(1)
    choose(person, world.li)
    qtbot.keyClicks(share, "30")
    assert form.share_total_label.text() == "合计 100.00%"
    qtbot.mouseClick(form.add_ip_button, LEFT)
    form.set_ip_cell(0, 0, "202310397744.0")
    form.set_ip_cell(0, 1, "2023-04-14")
    form.set_ip_cell(0, 2, "2024年9月20日")
    choose(form.level_combo, "secret")
    form.secrecy_mark_edit.insert("秘密★10年")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    row = [page.model.data(page.model.index(0, c)) for c in range(COLUMNS)]
    assert row[1:] == [
        "一种高强韧镁合金的制备方法",
        "发明专利",
        "登记",
        "秘密",
        "化学学院",
        "2026",
        "张三",
        "202310397744.0",
    ]
    assert page.count_label.text() == "共 1 项成果"
    selected = page.selected_row()
    assert selected is not None and str(selected.id) == row[0]
    saved = world.service.get(world.officer, selected.id)
    assert saved.draft == draft(
        world,
        level="secret",
        secrecy_mark="秘密★10年",
        ip_rights=(IpRight("202310397744.0", "2023-04-14", "2024-09-20"),),
    )
    assert actions(world.vault)[0] == "achievement.created"
    idle(qtbot, page._runner)
    assert page.year_filter.findData(2026) >= 0  # the new year is offered as a filter
    qtmodeltester.check(page.model)


@pytest.mark.parametrize(
    ("spoil", "field", "message"),
    [
        (lambda f: f.title_edit.setText("   "), "title", "请填写成果名称。"),
        (
            lambda f: f.completer_widgets(1)[2].setText("29"),
            "completers",
            "贡献份额合计须恰好为 100%，现为 99%。",
        ),
        (
            lambda f: f.completer_widgets(1)[2].setText("三十"),
            "completers",
            "贡献份额“三十”不是数字。",
        ),
        (lambda f: f.set_ip_cell(0, 2, "2024-09-31"), "ip_rights", None),
    ],
)
def test_bad_input_is_shown_at_its_field_keeps_the_typing_and_saves_nothing(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, spoil, field, message
) -> None:
    page = make_page()
    dialog = open_dialog(page, qtbot)
    dialog.form.set_value(draft(world))
    spoil(dialog.form)
    typed = dialog.form._state()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.form.error_text(field)), timeout=5000)
    if message is not None:
        assert dialog.form.error_text(field) == message
    idle(qtbot, page._runner)
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.form._state() == typed  # what was typed is all still there
    assert world.service.count(world.officer, AchievementQuery()) == 0
    assert page.model.rowCount() == 0


def test_editing_a_record_changes_its_row(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    achievement_id = world.service.create(world.officer, draft(world))
    page = make_page()
    assert not page.edit_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    dialog = open_dialog(page, qtbot, page.edit_button)
    assert dialog.windowTitle() == f"编辑成果 {achievement_id}（登记）"
    assert dialog.form.title_edit.text() == draft(world).title
    assert not dialog.form.modified
    dialog.form.title_edit.setText("一种高强韧镁合金及其制备方法")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: titles(page) == ["一种高强韧镁合金及其制备方法"], timeout=5000)
    assert world.service.get(world.officer, achievement_id).draft.title.endswith("及其制备方法")
    assert actions(world.vault)[0] == "achievement.updated"


# -- attachments ------------------------------------------------------------------------------
def test_an_attachment_opens_in_the_viewer_from_the_edit_dialog(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, tmp_path
) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in (1, 2):
        pdf.drawString(72, 720, f"Certificate page {number}")
        pdf.showPage()
    pdf.save()
    achievement_id = world.service.create(world.officer, draft(world))
    world.files.add(
        world.officer, achievement_id, "专利证书.pdf", "application/pdf", buffer.getvalue()
    )
    page = make_page()

    new = open_dialog(page, qtbot)
    assert new.attachments is None and new.attachments_box is None  # not saved yet: no files
    qtbot.mouseClick(new.cancel_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)

    page.table.selectRow(0)
    dialog = open_dialog(page, qtbot, page.edit_button)
    files = dialog.attachments
    assert files is not None and dialog.attachments_box is not None
    assert dialog.attachments_box.title() == "附件"
    qtbot.waitUntil(lambda: files.list_widget.count() == 1, timeout=5000)
    assert files.list_widget.item(0).text().startswith("专利证书.pdf (")
    assert files.add_button.isVisible() and files.remove_button.isVisible()
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    qtbot.mouseClick(files.open_button, LEFT)
    viewer = files.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.shown_page == 0, timeout=5000)
    assert viewer.page_label.text() == "第 1 页 / 共 2 页"
    assert not viewer.image_label.pixmap().isNull()
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing written beside the vault
    qtbot.mouseClick(viewer.close_button, LEFT)
    assert files.viewer is None
    assert dialog.isVisible() and not dialog.form.modified
    assert "achievement.attachment_exported" not in actions(world.vault)


# -- unsaved changes --------------------------------------------------------------------------
def test_closing_with_unsaved_changes_asks_first(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = open_dialog(page, qtbot)
    qtbot.mouseClick(dialog.cancel_button, LEFT)  # nothing typed: closes at once
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert not dialog.isVisible()

    dialog = open_dialog(page, qtbot)
    qtbot.keyClicks(dialog.form.title_edit, "Mg alloy")
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    assert box.text() == "该记录有尚未保存的修改。关闭并放弃这些修改吗？"
    keep = box.findChild(QWidget, "keep_button")
    assert keep is not None and keep.text() == "继续编辑"
    qtbot.mouseClick(keep, LEFT)
    qtbot.waitUntil(lambda: dialog.discard_box is None, timeout=5000)
    assert dialog.isVisible()
    assert dialog.form.title_edit.text() == "Mg alloy"

    dialog.close()  # the window's close button takes the same way
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    discard = box.findChild(QWidget, "discard_button")
    assert discard is not None and discard.text() == "放弃修改"
    qtbot.mouseClick(discard, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert page.dialog is None
    assert world.service.count(world.officer, AchievementQuery()) == 0


# -- finding records --------------------------------------------------------------------------
@pytest.fixture
def three(world: World) -> World:
    service, officer = world.service, world.officer
    service.create(officer, draft(world))
    service.create(
        officer,
        draft(
            world,
            title="基于深度学习的肺结节检测软件",
            keywords=("深度学习",),
            kind="software_copyright",
            department_id=world.office,
            funding_type="horizontal",
            funding_ref="HX-2025-031",
            completers=(Completer(world.li, "lead", Decimal(100)),),
            ip_rights=(IpRight("2023SR0123456", "2023-02-01", "2023-05-10"),),
            level="internal",
        ),
    )
    service.create(
        officer,
        draft(
            world,
            title="一种加氢催化剂",
            keywords=("催化剂",),
            funding_type="self",
            funding_ref="",
            completers=(Completer(world.wang, "lead", Decimal(100)),),
            ip_rights=(),
            level="secret",
            secrecy_mark="秘密★10年",
        ),
    )
    return world


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("镁合金", ["一种高强韧镁合金的制备方法"]),
        ("肺结节", ["基于深度学习的肺结节检测软件"]),
        ("王五", ["一种加氢催化剂"]),  # a completer's name, shorter than three characters
        ("2023SR0123456", ["基于深度学习的肺结节检测软件"]),
        ("一种", ["一种加氢催化剂", "一种高强韧镁合金的制备方法"]),
        ("不存在的成果", []),
    ],
)
def test_the_search_box_narrows_the_list(make_page, three, qtbot, text, found) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.model.rowCount() == 3
    page.search_edit.setText(text)
    assert page.search_timer.isActive()  # typing waits for a pause
    qtbot.waitUntil(lambda: page.query.text == text, timeout=5000)
    idle(qtbot, page._runner)
    assert titles(page) == found
    assert page.count_label.text() == f"找到 {len(found)} 项成果"
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert page.count_label.text() == "共 3 项成果"


def test_filters_narrow_the_list(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    runner = page._runner
    assert page.department_filter.itemText(0) == "全部部门"
    assert page.year_filter.findData(2026) >= 0
    choose(page.kind_filter, "software_copyright")
    idle(qtbot, runner)
    assert titles(page) == ["基于深度学习的肺结节检测软件"]
    choose(page.kind_filter, None)
    choose(page.level_filter, "secret")
    idle(qtbot, runner)
    assert titles(page) == ["一种加氢催化剂"]
    choose(page.level_filter, None)
    choose(page.department_filter, three.chem)
    idle(qtbot, runner)
    assert titles(page) == ["一种加氢催化剂", "一种高强韧镁合金的制备方法"]
    choose(page.year_filter, 2026)
    idle(qtbot, runner)
    assert page.model.rowCount() == 2
    choose(page.status_filter, "terminated")
    idle(qtbot, runner)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "找到 0 项成果"
    assert page.query == AchievementQuery(status="terminated", department_id=three.chem, year=2026)


def test_the_pool_filter_narrows_the_list(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Granted 2020-01-01, open, public and not negative-listed: in the pool on 2026-01-05
    (three years held). Granted in 2024, classified or without IP: not in it."""
    old_grant = (IpRight("201710601862.3", "2017-07-26", "2020-01-01"),)
    with world.vault.transaction() as conn:
        for title, changes in (
            ("一种早年授权的专利", {"ip_rights": old_grant}),
            ("一种近年授权的专利", {}),  # granted 2024-09-20
            (
                "一种早年授权的涉密专利",
                {"ip_rights": old_grant, "level": "secret", "secrecy_mark": "秘密★10年"},
            ),
            ("一种技术秘密", {"kind": "know_how", "ip_rights": ()}),
        ):
            achievements.insert_achievement(
                conn,
                draft(world, title=title, **changes),
                created_by=world.officer.id,
                created_at="2026-01-05T08:03:00+00:00",
            )
    page = make_page()
    assert page.pool_label.text() == "先用后付成果池"
    combo = page.pool_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "池中成果", "非池中成果"]
    assert page.model.rowCount() == 4
    choose(combo, True)
    idle(qtbot, page._runner)
    assert titles(page) == ["一种早年授权的专利"]
    assert page.query.pool is True
    assert page.count_label.text() == "找到 1 项成果"
    choose(combo, False)
    idle(qtbot, page._runner)
    assert titles(page) == ["一种技术秘密", "一种早年授权的涉密专利", "一种近年授权的专利"]
    assert page.query.pool is False
    choose(combo, None)
    idle(qtbot, page._runner)
    assert page.model.rowCount() == 4
    assert page.query == AchievementQuery()
    assert page.count_label.text() == "共 4 项成果"


def test_a_header_click_sorts_through_the_service(make_page, three, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    header = page.table.horizontalHeader()
    # Newest first until the user asks otherwise.
    assert titles(page) == [
        "一种加氢催化剂",
        "基于深度学习的肺结节检测软件",
        "一种高强韧镁合金的制备方法",
    ]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    click_header(qtbot, page, 1)
    assert (page.query.sort, page.query.descending) == ("title", False)
    idle(qtbot, page._runner)
    by_title = sorted(titles(page))
    assert titles(page) == by_title
    click_header(qtbot, page, 1)
    assert (page.query.sort, page.query.descending) == ("title", True)
    idle(qtbot, page._runner)
    assert titles(page) == list(reversed(by_title))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    click_header(qtbot, page, 7)
    assert page.query.sort == "lead"
    idle(qtbot, page._runner)
    # The IP numbers cannot be sorted: the order and its indicator stay.
    click_header(qtbot, page, 8)
    assert page.query.sort == "lead"
    assert header.sortIndicatorSection() == 7
    qtmodeltester.check(page.model)


# -- who sees what ----------------------------------------------------------------------------
def double_click_row(qtbot, page: AchievementsPage, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = page.table.visualRect(page.model.index(row, TITLE_COLUMN))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=rect.center())


def attach_text(world: World, achievement_id: int) -> None:
    world.files.add(
        world.officer, achievement_id, "说明.txt", "text/plain", "成果说明：镁合金".encode()
    )


@pytest.mark.parametrize(
    ("login", "roles"),
    [("approver", ("approver",)), ("auditor", ("security_auditor",))],
)
def test_a_reader_double_clicks_and_sees_the_record_read_only(  # type: ignore[no-untyped-def]
    make_page, three, qtbot, tmp_path, login, roles
) -> None:
    record = three.service.page(three.officer, 0, 10, AchievementQuery(text="镁合金"))[0]
    attach_text(three, record.id)
    entries = len(actions(three.vault))
    reader = make_user(three.vault, login, roles, "internal")
    page = make_page(reader)
    assert not page.new_button.isVisible() and not page.import_button.isVisible()
    assert page.edit_button.isVisible() and page.edit_button.text() == "查看"
    assert page.model.rowCount() == 2  # the 秘密 record is above the clearance
    assert [page.level_filter.itemData(i) for i in range(page.level_filter.count())] == [
        None,
        "public",
        "internal",
    ]
    row = titles(page).index(record.title)
    double_click_row(qtbot, page, row)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog is not None and dialog.read_only
    assert dialog.windowTitle() == f"查看成果 {record.id}（登记）"
    # No Save: only Close.
    assert dialog.save_button is None and dialog.cancel_button is None
    assert dialog.buttons.findChild(QPushButton, "save_button") is None
    assert dialog.close_button is not None and dialog.close_button.text() == "关闭"
    assert [b.text() for b in dialog.buttons.buttons()] == ["关闭"]
    assert dialog.read_only_label is not None
    assert dialog.read_only_label.text() == "您可以查看此记录，但不能修改。"

    form = dialog.form
    title = "一种高强韧镁合金的制备方法"
    # Text fields show their value, take no typing, and can still be selected (and copied).
    for edit, value in (
        (form.title_edit, title),
        (form.keywords_edit, "镁合金、热处理"),
        (form.funding_ref_edit, "2023YFB3701000"),
    ):
        assert edit.isVisibleTo(form) and edit.isReadOnly() and edit.isEnabled()
        assert edit.text() == value
        qtbot.keyClicks(edit, "x")
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        assert edit.text() == value
    form.title_edit.selectAll()
    assert form.title_edit.selectedText() == title
    assert form.abstract_edit.isReadOnly()
    qtbot.keyClicks(form.abstract_edit, "x")
    assert form.abstract_edit.toPlainText() == "通过微合金化与形变热处理提高强度和韧性。"
    # Each choice as read-only text in place of its list.
    for combo, view, text in (
        (form.kind_combo, form.kind_view, "发明专利"),
        (form.department_combo, form.department_view, "化学学院"),
        (form.funding_type_combo, form.funding_type_view, "纵向项目"),
        (form.level_combo, form.level_view, "公开"),
        (form.ethics_status_combo, form.ethics_status_view, "无需伦理审查"),
    ):
        assert not combo.isVisibleTo(form)
        assert view.isVisibleTo(form) and view.isReadOnly() and view.text() == text
        qtbot.keyClicks(view, "x")
        assert view.text() == text
    # The completers as a read-only table; no adding or removing rows.
    table = form.completers_view
    assert not form.completers_table.isVisibleTo(form) and table.isVisibleTo(form)
    assert [
        [table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ] == [["张三 · 化学学院", "负责人", "70"], ["李四 · 化学学院", "成员", "30"]]
    for button in (
        form.add_completer_button,
        form.remove_completer_button,
        form.add_ip_button,
        form.remove_ip_button,
    ):
        assert not button.isVisibleTo(form)
    form.ip_table.setCurrentCell(0, 0)
    qtbot.keyClicks(form.ip_table, "9")
    qtbot.keyClick(form.ip_table, Qt.Key.Key_Return)
    assert form.ip_table.item(0, 0).text() == "202310397744.0"  # type: ignore[union-attr]
    # Check boxes do not toggle, by mouse or by key.
    for check in (form.negative_list_check, form.overseas_check):
        qtbot.mouseClick(check, LEFT)
        qtbot.keyClick(check, Qt.Key.Key_Space)
        assert not check.isChecked()
    assert not form.modified

    # The attachments can be opened, not added or removed.
    files = dialog.attachments
    assert files is not None
    qtbot.waitUntil(lambda: files.list_widget.count() == 1, timeout=5000)
    assert files.open_button.isVisibleTo(files) and files.open_button.isEnabled()
    assert not files.add_button.isVisibleTo(files) and not files.remove_button.isVisibleTo(files)
    assert dialog.findChild(QWidget, "attachments_note") is None
    qtbot.mouseClick(files.open_button, LEFT)
    viewer = files.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: "成果说明" in viewer.text_edit.toPlainText(), timeout=5000)
    qtbot.mouseClick(viewer.close_button, LEFT)
    shot(dialog, tmp_path, f"achievement-dialog-read-only-{login}.png")

    qtbot.mouseClick(dialog.close_button, LEFT)  # closes at once: nothing to lose
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert not dialog.isVisible() and dialog.discard_box is None
    idle(qtbot, page._runner)
    assert len(actions(three.vault)) == entries  # reading writes nothing
    assert three.service.get(three.officer, record.id).draft.title == title


def test_a_reader_opens_nothing_new(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    approver = make_user(three.vault, "approver", ("approver",), "internal")
    page = make_page(approver)
    page.open_new()
    idle(qtbot, page._runner)
    assert page.dialog is None
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=5000)
    assert page.dialog is not None and page.dialog.read_only


def test_an_editor_double_clicks_and_edits(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.edit_button.text() == "编辑…"
    double_click_row(qtbot, page, 0)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog is not None and not dialog.read_only
    assert dialog.windowTitle().startswith("编辑成果 ")
    assert dialog.save_button is not None and dialog.close_button is None
    assert dialog.read_only_label is None
    form = dialog.form
    assert not form.title_edit.isReadOnly() and form.kind_combo.isVisibleTo(form)
    assert not form.kind_view.isVisibleTo(form) and not form.completers_view.isVisibleTo(form)
    qtbot.keyClicks(form.title_edit, "X")
    assert form.modified
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: titles(page)[0] == "一种加氢催化剂X", timeout=5000)


def test_a_researcher_may_register_and_sees_only_their_own(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    researcher = make_user(three.vault, "researcher", ("researcher",), "internal")
    three.service.create(
        researcher, draft(three, title="一种可降解镁合金骨钉", kind="know_how", ip_rights=())
    )
    page = make_page(researcher)
    assert page.new_button.isVisible() and page.edit_button.isVisible()
    assert titles(page) == ["一种可降解镁合金骨钉"]
    page.search_edit.setText("镁合金")
    qtbot.waitUntil(lambda: page.query.text == "镁合金", timeout=5000)
    idle(qtbot, page._runner)
    assert titles(page) == ["一种可降解镁合金骨钉"]


def test_the_dialog_offers_only_the_levels_the_user_may_give(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    internal = make_user(world.vault, "internal.officer", ("transfer_officer",), "internal")
    page = make_page(internal)
    dialog = open_dialog(page, qtbot)
    combo = dialog.form.level_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["公开", "内部"]
    people = dialog.form.completer_widgets(0)[0]
    assert [people.itemText(i) for i in range(people.count())] == [
        "",
        "张三 · 化学学院",
        "李四 · 化学学院",
        "王五 · 科技处",
    ]


# -- fetching off the UI thread ---------------------------------------------------------------
class GatedAchievements(AchievementService):
    """The real service, whose ``page`` can be held at a gate (after reading its rows) and
    whose ``count`` can be made to fail."""

    def __init__(self, inner: AchievementService) -> None:
        super().__init__(inner._vault, now=inner._now)
        self.gate: threading.Event | None = None
        self.reached = threading.Event()
        self.fail: AppError | None = None
        self.returned: list[list[str]] = []  # the titles each page call read

    def count(self, actor: User, query: AchievementQuery) -> int:
        if self.fail is not None:
            raise self.fail
        return super().count(actor, query)

    def page(
        self, actor: User, offset: int, limit: int, query: AchievementQuery
    ) -> list[AchievementRow]:
        rows = super().page(actor, offset, limit, query)
        self.returned.append([r.title for r in rows])
        gate = self.gate
        if gate is not None:
            self.reached.set()
            assert gate.wait(10)
        return rows


def test_the_list_says_it_is_loading_until_its_rows_arrive(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    gated = GatedAchievements(three.service)
    page = make_page(service=gated)
    assert len(titles(page)) == 3
    gate = gated.gate = threading.Event()
    choose(page.kind_filter, "software_copyright")  # returns at once: the count is on the worker
    assert page.count_label.text() == "正在加载…"
    qtbot.waitUntil(gated.reached.is_set, timeout=5000)
    assert page.model.loading
    assert len(titles(page)) == 3  # the list shown stays until the new one has come
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        gate.set()
    assert titles(page) == ["基于深度学习的肺结节检测软件"]
    assert page.count_label.text() == "找到 1 项成果"


def test_a_reload_while_the_list_is_fetched_never_shows_the_old_query(  # type: ignore[no-untyped-def]
    make_page, three, qtbot
) -> None:
    gated = GatedAchievements(three.service)
    page = make_page(service=gated)
    gate = gated.gate = threading.Event()
    choose(page.kind_filter, "software_copyright")
    qtbot.waitUntil(gated.reached.is_set, timeout=5000)  # its rows are read, held at the gate
    # Meanwhile the user changes the filters twice.
    choose(page.kind_filter, None)
    choose(page.level_filter, "secret")
    shown: list[list[str]] = []
    page.model.loaded.connect(lambda: shown.append(titles(page)))
    gate.set()
    idle(qtbot, page._runner)
    assert gated.returned[1] == ["基于深度学习的肺结节检测软件"]  # fetched, then dropped
    assert shown == [["一种加氢催化剂"]]
    assert titles(page) == ["一种加氢催化剂"]
    assert page.count_label.text() == "找到 1 项成果"


def test_a_failed_fetch_shows_an_error_and_the_list_stays_usable(make_page, three, qtbot) -> None:  # type: ignore[no-untyped-def]
    gated = GatedAchievements(three.service)
    page = make_page(service=gated)
    gated.fail = StorageError("无法读取数据库文件。")
    choose(page.kind_filter, "software_copyright")
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "error_box") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "error_box")
    assert box is not None and box.text() == "无法读取数据库文件。"
    idle(qtbot, page._runner)
    assert page.model.rowCount() == 0 and not page.model.loading
    assert page.count_label.text() == "未能加载列表"
    box.close()
    box.deleteLater()
    gated.fail = None
    page.search_edit.setText("镁合金")
    qtbot.waitUntil(lambda: page.query.text == "镁合金", timeout=5000)
    idle(qtbot, page._runner)
    assert titles(page) == []  # still the software filter: nothing about 镁合金
    choose(page.kind_filter, None)
    idle(qtbot, page._runner)
    assert titles(page) == ["一种高强韧镁合金的制备方法"]
    assert page.count_label.text() == "找到 1 项成果"


def test_a_saved_record_beyond_the_first_page_is_selected_when_its_page_arrives(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    with world.vault.transaction() as conn:
        for number in range(PAGE_SIZE + 5):
            achievements.insert_achievement(
                conn,
                draft(world, title=f"技术秘密 {number:03d}", kind="know_how", ip_rights=()),
                created_by=world.officer.id,
                created_at="2026-01-05T08:03:00+00:00",
            )
    page = make_page()
    oldest = page.model.rowCount() - 1  # newest first: the first record is on the second page
    assert page.model.row(oldest) is None
    page.open_edit(1)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog is not None and dialog.save_button is not None
    dialog.form.title_edit.setText("技术秘密 000（修订）")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert page.selected_row() is None  # its page has not been fetched
    assert page.model.data(page.model.index(oldest, TITLE_COLUMN)) == PLACEHOLDER
    with qtbot.waitSignal(page.model.page_loaded, timeout=5000):
        pass  # the view painting the placeholder asked for the page
    selected = page.selected_row()
    assert selected is not None and selected.id == 1
    assert selected.title == "技术秘密 000（修订）"
    assert page.table.selectionModel().selectedRows()[0].row() == oldest
    assert page.edit_button.isEnabled()


# -- screenshots ------------------------------------------------------------------------------
def test_screenshots_of_the_page_and_the_dialog(make_page, three, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    page.table.selectRow(1)
    shot(page, tmp_path, "achievements-page.png")
    dialog = open_dialog(page, qtbot, page.edit_button)
    dialog.form.completer_widgets(0)[2].setText("99")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("completers")), timeout=5000)
    shot(dialog, tmp_path, "achievement-dialog.png")
