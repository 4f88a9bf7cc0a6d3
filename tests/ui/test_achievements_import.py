"""Excel in and out on the achievements page: the import dialog (every problem with its row,
column and Chinese reason; import nothing, only the good rows, or all), the export of the
filtered list, and the import template. Real vault, real services, real widgets, in Chinese."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import audit, unit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, AchievementQuery, Completer
from desktop.domain.audit import AuditEntry
from desktop.domain.people import PersonDraft
from desktop.exchange import achievements_xlsx as x
from desktop.resources import resource_path
from desktop.services.achievements import AchievementService
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.pages.achievements_page import AchievementsPage
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")
TEMPLATE = "templates/achievements-import.xlsx"


@dataclass(frozen=True)
class World:
    vault: Vault
    service: AchievementService
    people: PeopleService
    units: UnitService
    officer: User  # transfer officer, cleared for 秘密
    zhang: int
    li: int
    chem: int  # 化学学院


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
    chem = departments["化学学院"]
    return World(
        vault=vault,
        service=AchievementService(vault, now=clock),
        people=people,
        units=units,
        officer=make_user(vault, "officer", ("transfer_officer",), "secret"),
        zhang=people.add(admin, PersonDraft("张三", chem, "教授", "none")),
        li=people.add(admin, PersonDraft("李四", chem, "副教授", "none")),
        chem=chem,
    )


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


class Choosers:
    """Stands in for the file dialogs: hands out the paths a test sets, records the asks."""

    def __init__(self) -> None:
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.asked: list[tuple[str, str]] = []  # (caption, suggested name) of each save

    def open(self, _parent: Any) -> Path | None:
        return self.open_path

    def save(self, _parent: Any, caption: str, suggested: str) -> Path | None:
        self.asked.append((caption, suggested))
        return self.save_path


@pytest.fixture
def choosers() -> Choosers:
    return Choosers()


@pytest.fixture
def make_page(zh_app, world: World, runner: TaskRunner, choosers: Choosers, qtbot):  # type: ignore[no-untyped-def]
    made: list[AchievementsPage] = []

    def make(actor: User | None = None) -> AchievementsPage:
        page = AchievementsPage(
            world.service,
            world.people,
            world.units,
            runner,
            actor or world.officer,
            choose_open_path=choosers.open,
            choose_save_path=choosers.save,
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
    for page in made:
        if shiboken6.isValid(page):
            shiboken6.delete(page)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def titles(page: AchievementsPage) -> list[str]:
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def log(vault: Vault) -> list[AuditEntry]:
    with vault.read() as conn:
        return audit.list_page(conn, offset=0, limit=1000)


def count(world: World) -> int:
    return world.service.count(world.officer, AchievementQuery())


def row(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        x.TITLE: "一种高强韧镁合金的制备方法",
        x.KIND: "发明专利",
        x.DEPARTMENT: "化学学院",
        x.FUNDING: "自筹",
        x.COMPLETERS: "张三:负责人:60、李四:成员:40",
        x.IP_NUMBERS: "201710601862.3",
        x.APPLIED: "2017-07-26",
        x.LEVEL: "公开",
    }
    values.update(changes)
    return values


def workbook(path: Path, rows: list[dict[str, Any]]) -> Path:
    """The shipped template filled in as a user would, from row 2 down."""
    book = load_workbook(resource_path(TEMPLATE))
    sheet = book[x.SHEET]
    for number, values in enumerate(rows, start=2):
        for column, header in enumerate(x.COLUMNS, start=1):
            sheet.cell(row=number, column=column, value=values.get(header))
    book.save(path)
    return path


GOOD_TITLES = ["一种高强韧镁合金的制备方法", "一种加氢催化剂"]
# A second record's own patent: an IP right is registered once, in one record.
SECOND_IP = {x.IP_NUMBERS: "202310397744.0", x.APPLIED: "2023-04-14"}


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    """Rows 2 and 5 are good; row 3 has one problem, row 4 three."""
    return workbook(
        tmp_path / "成果.xlsx",
        [
            row(),
            row(**{x.TITLE: "份额不足的成果", x.COMPLETERS: "张三:负责人:99"}),
            row(
                **{
                    x.TITLE: "三处错误的成果",
                    x.KIND: "论文",
                    x.COMPLETERS: "赵六:负责人:100",
                    x.LEVEL: "特密",
                }
            ),
            row(**{x.TITLE: "一种加氢催化剂", x.IP_NUMBERS: None, x.APPLIED: None}),
        ],
    )


def open_import(page: AchievementsPage, choosers: Choosers, path: Path, qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    choosers.open_path = path
    qtbot.mouseClick(page.import_button, LEFT)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(dialog.error_label.text()))
    return dialog


def shot(widget: Any, tmp_path: Path, name: str) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))
    return folder / name


# -- import -----------------------------------------------------------------------------------
def test_an_import_with_bad_rows_shows_each_problem_with_row_column_and_reason(  # type: ignore[no-untyped-def]
    make_page, world, choosers, mixed_file, qtbot, qtmodeltester, tmp_path
) -> None:
    page = make_page()
    choosers.open_path = mixed_file
    qtbot.mouseClick(page.import_button, LEFT)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "从 Excel 导入成果"
    # The file is being checked: a busy bar, nothing to choose yet.
    assert dialog.busy_bar.isVisible() and dialog.busy_label.text() == "正在检查文件…"
    assert dialog.busy_bar.maximum() == 0  # no figures: the service reports none
    assert not dialog.import_good_button.isEnabled() and not dialog.import_all_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)

    assert not dialog.busy_bar.isVisible()
    assert dialog.file_label.text() == "文件：成果.xlsx"
    assert dialog.summary_label.text() == "共 4 行，其中 2 行有问题"
    model = dialog.problems_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "行",
        "列",
        "原因",
    ]
    assert dialog.problem_rows() == [
        ("3", "完成人", "贡献份额合计须恰好为 100%，现为 99%。"),
        (
            "4",
            "成果类型",
            "“论文”不是可选的成果类型；只能是 发明专利、实用新型、外观设计、软件著作权、"
            "集成电路布图设计、植物新品种、生物医药新品种、技术秘密、其他。",
        ),
        ("4", "完成人", "“赵六”不在人员名册中（或已标记为离开）；请先在“人员”中添加。"),
        ("4", "密级", "“特密”不是可选的密级；只能是 公开、内部、秘密、机密、绝密。"),
    ]
    assert dialog.problems_table.isVisible()
    assert dialog.discard_button.text() == "全部不导入" and dialog.discard_button.isEnabled()
    assert dialog.import_good_button.text() == "只导入无问题的行（2 行）"
    assert dialog.import_good_button.isEnabled()
    assert dialog.import_all_button.text() == "全部导入"
    assert not dialog.import_all_button.isEnabled()  # there are problems
    qtmodeltester.check(model)
    shot(dialog, tmp_path, "import-dialog-problems.png")
    qtbot.mouseClick(dialog.discard_button, LEFT)


def test_import_nothing_leaves_the_vault_unchanged(  # type: ignore[no-untyped-def]
    make_page, world, choosers, mixed_file, qtbot
) -> None:
    page = make_page()
    entries = log(world.vault)
    dialog = open_import(page, choosers, mixed_file, qtbot)
    assert dialog.preview is not None
    qtbot.mouseClick(dialog.discard_button, LEFT)
    assert page.import_dialog is None
    idle(qtbot, page._runner)
    assert count(world) == 0
    assert log(world.vault) == entries
    assert page.model.rowCount() == 0
    assert page.status_label.text() == ""


def test_import_only_the_good_rows_registers_exactly_those(  # type: ignore[no-untyped-def]
    make_page, world, choosers, mixed_file, qtbot
) -> None:
    page = make_page()
    entries = len(log(world.vault))
    dialog = open_import(page, choosers, mixed_file, qtbot)
    with qtbot.waitSignal(dialog.imported, timeout=5000) as imported:
        qtbot.mouseClick(dialog.import_good_button, LEFT)
        # The import runs: a busy label, no way to close the dialog half-way.
        assert dialog.busy_label.text() == "正在导入 2 条成果…"
        assert not dialog.discard_button.isEnabled()
        assert not dialog.import_good_button.isEnabled()
        dialog.reject()
        assert dialog.isVisible()
    assert imported.args == [2]
    assert page.import_dialog is None
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert page.status_label.text() == "已导入 2 条成果"
    assert sorted(titles(page)) == sorted(GOOD_TITLES)
    assert page.count_label.text() == "共 2 项成果"
    stored = world.service.page(world.officer, 0, 10, AchievementQuery(sort="id", descending=False))
    first = world.service.get(world.officer, stored[0].id).draft
    assert first.completers == (
        Completer(world.zhang, "lead", Decimal(60)),
        Completer(world.li, "member", Decimal(40)),
    )
    assert first.department_id == world.chem
    new = log(world.vault)[: len(log(world.vault)) - entries]
    assert sorted((e.action, e.reason) for e in new) == [
        ("achievement.created", "导入：成果.xlsx 第 2 行"),
        ("achievement.created", "导入：成果.xlsx 第 5 行"),
    ]


def test_a_file_without_problems_is_imported_whole(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    path = workbook(
        tmp_path / "全部正确.xlsx", [row(), row(**{x.TITLE: "第二项成果", **SECOND_IP})]
    )
    page = make_page()
    dialog = open_import(page, choosers, path, qtbot)
    assert dialog.summary_label.text() == "共 2 行，未发现问题"
    assert not dialog.problems_table.isVisible()
    assert not dialog.import_good_button.isEnabled()  # no problems: nothing to leave out
    assert dialog.import_all_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_all_button, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert page.status_label.text() == "已导入 2 条成果"
    assert count(world) == 2


def test_an_import_that_fails_writes_nothing_and_says_why(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    # Row 2 is in 科技处, row 3 in 化学学院, which is closed after the check: the first record
    # would be written before the second fails, so only the one transaction keeps it out.
    path = workbook(
        tmp_path / "成果.xlsx",
        [row(**{x.DEPARTMENT: "科技处"}), row(**{x.TITLE: "第二项成果", **SECOND_IP})],
    )
    page = make_page()
    dialog = open_import(page, choosers, path, qtbot)
    assert dialog.import_all_button.isEnabled()
    with world.vault.transaction() as conn:
        unit.sync_departments(conn, ("科技处",))
    entries = log(world.vault)
    qtbot.mouseClick(dialog.import_all_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=5000)
    assert dialog.error_label.text() == "第 3 行：所选部门不存在或已停用。"
    assert dialog.error_label.isVisible()
    assert dialog.isVisible() and page.import_dialog is dialog
    assert dialog.import_all_button.isEnabled() and dialog.discard_button.isEnabled()
    assert count(world) == 0
    assert log(world.vault) == entries
    qtbot.mouseClick(dialog.discard_button, LEFT)
    assert page.import_dialog is None


def test_a_file_that_cannot_be_read_is_reported_in_the_dialog(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    path = tmp_path / "成果.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old Excel")
    page = make_page()
    dialog = open_import(page, choosers, path, qtbot)
    assert dialog.preview is None
    assert "xlsx" in dialog.error_label.text() and not dialog.error_label.text().isascii()
    assert dialog.error_label.isVisible()
    assert not dialog.summary_label.isVisible()
    assert dialog.discard_button.text() == "关闭"
    assert not dialog.import_good_button.isEnabled() and not dialog.import_all_button.isEnabled()
    assert dialog.findChild(QMessageBox) is None  # at its place, not in a message box
    qtbot.mouseClick(dialog.discard_button, LEFT)
    assert page.import_dialog is None
    assert count(world) == 0


def test_closing_while_the_file_is_checked_drops_the_result(  # type: ignore[no-untyped-def]
    make_page, world, choosers, mixed_file, qtbot
) -> None:
    page = make_page()
    choosers.open_path = mixed_file
    qtbot.mouseClick(page.import_button, LEFT)
    dialog = page.import_dialog
    assert dialog is not None and dialog.busy
    assert dialog.discard_button.text() == "取消"
    qtbot.mouseClick(dialog.discard_button, LEFT)  # the check's result has not arrived yet
    assert page.import_dialog is None and not dialog.isVisible()
    idle(qtbot, page._runner)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # deleted, not leaked
    assert count(world) == 0
    dialog = open_import(page, choosers, mixed_file, qtbot)  # a new one opens as usual
    assert dialog.preview is not None


def test_the_import_button_asks_for_a_file_and_does_nothing_when_cancelled(  # type: ignore[no-untyped-def]
    make_page, choosers, qtbot
) -> None:
    page = make_page()
    choosers.open_path = None
    qtbot.mouseClick(page.import_button, LEFT)
    assert page.import_dialog is None


# -- export -----------------------------------------------------------------------------------
def exported_rows(path: Path) -> list[dict[str, Any]]:
    """The table of an exported list, below its header row (found by its 成果名称 cell)."""
    book = load_workbook(path, read_only=True)  # read-only keeps the file open until closed
    try:
        rows = [list(r) for r in book[x.SHEET].iter_rows(values_only=True)]
    finally:
        book.close()
    start = next(i for i, r in enumerate(rows) if x.TITLE in r)
    header = rows[start]
    return [dict(zip(header, r, strict=False)) for r in rows[start + 1 :] if any(r)]


def add(world: World, title: str, kind: str, level: str = "public") -> int:
    return world.service.create(
        world.officer,
        AchievementDraft(
            title=title,
            abstract="",
            keywords=(),
            kind=kind,
            department_id=world.chem,
            funding_type="self",
            funding_ref="",
            completers=(Completer(world.zhang, "lead", Decimal(100)),),
            level=level,
            secrecy_mark="秘密★10年" if level == "secret" else "",
        ),
    )


def test_export_writes_the_filtered_list_as_shown(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    add(world, "一种加氢催化剂", "know_how")
    add(world, "肺结节检测软件", "software_copyright")
    add(world, "一种镁合金", "know_how", level="secret")
    page = make_page()
    assert page.export_button.isVisible() and page.export_button.text() == "导出 Excel…"
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("know_how"))
    assert page.count_label.text() == "正在加载…"
    idle(qtbot, page._runner)
    assert titles(page) == ["一种镁合金", "一种加氢催化剂"]
    choosers.save_path = tmp_path / "清单.xlsx"
    qtbot.mouseClick(page.export_button, LEFT)
    assert choosers.asked == [("将成果清单导出为 Excel 文件", "科技成果清单.xlsx")]
    assert page.status_label.text() == "正在导出…"
    assert not page.export_button.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=5000)
    assert page.status_label.text() == f"已导出 2 条成果到 {tmp_path / '清单.xlsx'}"
    written = exported_rows(tmp_path / "清单.xlsx")
    assert [r[x.TITLE] for r in written] == titles(page)
    assert [r[x.ID] for r in written] == [
        int(page.model.data(page.model.index(i, 0))) for i in (0, 1)
    ]
    assert [r[x.LEVEL] for r in written] == ["秘密", "公开"]
    entry = log(world.vault)[0]
    assert entry.action == "achievement.exported"
    assert entry.after is not None and entry.level == "secret"
    assert json.loads(entry.after)["count"] == 2
    assert json.loads(entry.after)["filter"] == {"kind": "know_how"}


def test_an_export_that_cannot_be_written_says_so(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    add(world, "一种加氢催化剂", "know_how")
    page = make_page()
    entries = log(world.vault)
    choosers.save_path = tmp_path / "没有这个文件夹" / "清单.xlsx"
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "error_box") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "error_box")
    assert box is not None and box.text().startswith("无法写入文件")
    box.close()
    assert page.export_button.isEnabled() and page.status_label.text() == ""
    assert log(world.vault) == entries  # nothing written, nothing recorded


# -- the template -----------------------------------------------------------------------------
def test_the_template_is_saved_where_chosen(make_page, choosers, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.template_button.isVisible() and page.template_button.text() == "下载导入模板…"
    target = tmp_path / "模板.xlsx"
    choosers.save_path = target
    qtbot.mouseClick(page.template_button, LEFT)
    assert choosers.asked == [("保存导入模板", "成果导入模板.xlsx")]
    qtbot.waitUntil(lambda: target.exists() and page.template_button.isEnabled(), timeout=5000)
    assert target.read_bytes() == resource_path(TEMPLATE).read_bytes()
    assert page.status_label.text() == f"导入模板已保存到 {target}"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("模板")] == ["模板.xlsx"]


def test_the_saved_template_imports_back_once_filled(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    page = make_page()
    target = tmp_path / "模板.xlsx"
    choosers.save_path = target
    qtbot.mouseClick(page.template_button, LEFT)
    qtbot.waitUntil(lambda: target.exists() and page.template_button.isEnabled(), timeout=5000)
    book = load_workbook(target)
    for column, header in enumerate(x.COLUMNS, start=1):
        book[x.SHEET].cell(row=2, column=column, value=row().get(header))
    book.save(target)
    dialog = open_import(page, choosers, target, qtbot)
    assert dialog.summary_label.text() == "共 1 行，未发现问题"


# -- who may do what --------------------------------------------------------------------------
def test_a_reader_without_edit_rights_may_export_but_not_import(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    add(world, "一种加氢催化剂", "know_how")
    approver = make_user(world.vault, "approver", ("approver",), "internal")
    page = make_page(approver)
    assert not page.import_button.isVisible()
    assert not page.template_button.isVisible()
    assert page.export_button.isVisible()
    assert page.open_import(tmp_path / "x.xlsx") is None  # not even by calling it
    choosers.save_path = tmp_path / "清单.xlsx"
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=5000)
    assert [r[x.TITLE] for r in exported_rows(tmp_path / "清单.xlsx")] == ["一种加氢催化剂"]


def test_an_empty_workbook_has_nothing_to_import(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path
) -> None:
    path = workbook(tmp_path / "空.xlsx", [])
    page = make_page()
    dialog = open_import(page, choosers, path, qtbot)
    assert dialog.summary_label.text() == "文件中没有成果数据行。"
    assert not dialog.import_good_button.isEnabled() and not dialog.import_all_button.isEnabled()
    assert dialog.discard_button.text() == "全部不导入"


def test_a_long_export_shows_how_far_it_is_and_can_be_cancelled(  # type: ignore[no-untyped-def]
    make_page, world, choosers, qtbot, tmp_path, monkeypatch
) -> None:
    import threading

    add(world, "一种加氢催化剂", "know_how")
    page = make_page()
    idle(qtbot, page._runner)
    before = len(log(world.vault))
    release = threading.Event()
    real = page._service.export_xlsx

    def slow(actor, path, query, *, progress, cancelled):  # type: ignore[no-untyped-def]
        progress(30_000, 200_000)  # as after reading 30,000 of 100,000 records
        release.wait(10)
        return real(actor, path, query, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(page._service, "export_xlsx", slow)
    choosers.save_path = tmp_path / "清单.xlsx"
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: page.export_progress.maximum() == 200_000, timeout=5000)
    assert page.export_progress.isVisible() and page.export_progress.value() == 30_000
    assert page.cancel_export_button.isVisible() and page.cancel_export_button.text() == "取消"
    qtbot.mouseClick(page.cancel_export_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=5000)
    assert page.status_label.text() == "已取消导出，未写入任何文件。"
    assert not (tmp_path / "清单.xlsx").exists()
    assert len(log(world.vault)) == before  # nothing exported, nothing recorded
    assert not page.export_progress.isVisible() and not page.cancel_export_button.isVisible()
