"""The pay-later pool page in Chinese, over a real vault and the real services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
import shiboken6
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import achievements, audit, people, unit, users
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer, IpRight
from desktop.domain.ip_numbers import patent_check_digit
from desktop.domain.people import PersonDraft
from desktop.services.bundle import Services
from desktop.ui.pages.pool_page import ExcludeDialog, PoolPage, PublishDialog
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock

LEFT = Qt.MouseButton.LeftButton
# The clock says 2026-01-05: grants on or before 2023-01-05 have been held three years.
MAGNESIUM, SEPARATOR, YOUNG = (
    "一种高强度镁合金的制备方法",
    "一种锂电池隔膜及其制备方法",
    "一种新型催化剂",
)
COLUMNS = ("title", "kind", "department", "number", "granted", "reason", "decision", "why")


def patent_number(serial: str) -> str:
    digits = f"2019101{serial}"
    return f"{digits}.{patent_check_digit(digits)}"


def make_user(vault: Vault, user_id: str, name: str, roles: tuple[str, ...]) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft(user_id, name, roles, "internal"),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    services: Services
    officer: User
    approver: User
    magnesium: int
    separator: int


def add_achievement(
    vault: Vault, officer: User, title: str, number: str, granted: str, department: int | None
) -> int:
    with vault.transaction() as conn:
        person = people.insert_person(conn, PersonDraft("张三", None, "", "none"))
        draft = AchievementDraft(
            title=title,
            abstract="",
            keywords=(),
            kind="invention_patent",
            department_id=department,
            funding_type="self",
            funding_ref="",
            completers=(Completer(person, "lead", Decimal(100)),),
            ip_rights=(IpRight(number, "2019-01-01", granted),),
        )
        return achievements.insert_achievement(
            conn, draft, created_by=officer.id, created_at="2026-01-05T08:00:00+00:00"
        )


@pytest.fixture
def world(zh_app, unlocked: tuple[Vault, User], clock: FixedClock) -> World:  # type: ignore[no-untyped-def]
    vault, _ = unlocked
    services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
    officer = make_user(vault, "officer", "刘专员", ("transfer_officer",))
    approver = make_user(vault, "approver", "陈审批", ("approver",))
    with vault.read() as conn:
        chemistry = dict((name, i) for i, name in unit.department_choices(conn))["化学学院"]
    magnesium = add_achievement(
        vault, officer, MAGNESIUM, patent_number("23456"), "2020-01-01", chemistry
    )
    separator = add_achievement(
        vault, officer, SEPARATOR, patent_number("23457"), "2022-06-30", None
    )
    add_achievement(vault, officer, YOUNG, patent_number("23458"), "2025-01-01", chemistry)
    return World(vault, services, officer, approver, magnesium, separator)


@dataclass
class Chooser:
    """Stands in for the save dialog: answers with ``folder / suggested`` and keeps the ask."""

    folder: Path | None
    asked: list[str]

    def __call__(self, _parent: object, suggested: str) -> Path | None:
        self.asked.append(suggested)
        return None if self.folder is None else self.folder / suggested


PageFactory = Callable[..., PoolPage]


@pytest.fixture
def make_page(world: World, qtbot) -> Iterator[PageFactory]:  # type: ignore[no-untyped-def]
    made: list[tuple[PoolPage, TaskRunner]] = []

    def make(actor: User | None = None, chooser: Chooser | None = None) -> PoolPage:
        runner = TaskRunner()
        page = PoolPage(
            world.services.pool,
            world.services.documents,
            runner,
            actor or world.officer,
            choose_path=chooser or Chooser(None, []),
        )
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        made.append((page, runner))
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        return page

    yield make
    for page, runner in made:
        runner.wait()
        qtbot.waitUntil(lambda r=runner: not r.busy, timeout=5000)  # type: ignore[misc]
        # Delete the pages now, while their Python side is whole (see test_decisions_page).
        shiboken6.delete(page)


def candidate_rows(page: PoolPage) -> dict[str, dict[str, str]]:
    model = page.candidates_model
    rows = {}
    for row in range(model.rowCount()):
        cells = [model.data(model.index(row, col)) for col in range(model.columnCount())]
        rows[cells[0]] = dict(zip(COLUMNS, cells, strict=True))
    return rows


def item_rows(page: PoolPage) -> list[list[str]]:
    model = page.items_model
    return [
        [model.data(model.index(row, col)) for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def audit_actions(world: World, limit: int = 5) -> list[str]:
    with world.vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=limit)]


def publish(world: World, note: str = "2026年第一期") -> int:
    return world.services.pool.publish(world.officer, note)


# -- candidates -------------------------------------------------------------------------------
def test_a_candidate_is_shown_with_its_reason(world: World, make_page, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    rows = candidate_rows(page)
    assert set(rows) == {MAGNESIUM, SEPARATOR}  # the 2025 grant is too young
    magnesium = rows[MAGNESIUM]
    assert magnesium["kind"] == "发明专利"
    assert magnesium["department"] == "化学学院"
    assert magnesium["number"] == patent_number("23456")
    assert magnesium["granted"] == "2020年1月1日"
    assert "于 2020年1月1日 授权，持有已满 3 年，尚未转化" in magnesium["reason"]
    assert "辽科发〔2025〕6号 第（五）条" in magnesium["reason"]
    assert (magnesium["decision"], magnesium["why"]) == ("待定", "")
    assert rows[SEPARATOR]["granted"] == "2022年6月30日"
    assert page.candidates_count_label.text() == "共 2 项候选成果：待定 2 项，排除 0 项"
    assert "持有知识产权超过三年未转化的成果" in page.rule_label.text()
    assert page.tabs.tabText(0) == "候选成果" and page.tabs.tabText(1) == "已发布版本"
    headers = [
        page.candidates_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(page.candidates_model.columnCount())
    ]
    assert headers[:2] == ["成果名称", "成果类型"] and "纳入理由" in headers
    qtmodeltester.check(page.candidates_model)


def test_the_decision_buttons_need_a_selected_candidate(world: World, make_page) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    assert page.confirm_button.text() == "纳入" and page.exclude_button.text() == "排除…"
    assert not page.confirm_button.isEnabled() and not page.exclude_button.isEnabled()
    page.select_candidate(world.magnesium)
    assert page.confirm_button.isEnabled() and page.exclude_button.isEnabled()


def test_confirming_a_candidate(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    page.select_candidate(world.magnesium)
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(page.confirm_button, LEFT)
    assert candidate_rows(page)[MAGNESIUM]["decision"] == "纳入"
    assert candidate_rows(page)[SEPARATOR]["decision"] == "待定"
    assert page.status_label.text() == f"已确认“{MAGNESIUM}”纳入成果池。"
    # The selection survives the reload.
    current = page.current_candidate
    assert current is not None and current.facts.achievement_id == world.magnesium
    assert audit_actions(world, 1) == ["pool.confirmed"]


def test_excluding_without_a_reason_shows_the_message_at_the_field(
    world: World, make_page, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    page.select_candidate(world.separator)
    qtbot.mouseClick(page.exclude_button, LEFT)
    dialog = page.findChild(ExcludeDialog, "exclude_dialog")
    assert dialog is not None and dialog.isVisible()
    assert SEPARATOR in dialog.findChild(type(page.status_label), "question_label").text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") != "", timeout=5000)
    assert dialog.fields.error_text("reason") == "排除出成果池须写明理由。"
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert all(c.decision is None for c in world.services.pool.candidates(world.officer))

    dialog.reason_edit.setText("已与沈阳某企业洽谈许可")
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible()
    row = candidate_rows(page)[SEPARATOR]
    assert (row["decision"], row["why"]) == ("排除", "已与沈阳某企业洽谈许可")
    assert page.candidates_count_label.text() == "共 2 项候选成果：待定 1 项，排除 1 项"
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert (entry.action, entry.reason) == ("pool.excluded", "已与沈阳某企业洽谈许可")


# -- versions ---------------------------------------------------------------------------------
def test_publishing_shows_the_new_version_with_its_items(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.services.pool.decide(world.officer, world.separator, "excluded", "已洽谈")
    page = make_page()
    assert page.version_label.text() == "尚未发布任何版本。"
    qtbot.mouseClick(page.publish_button, LEFT)
    dialog = page.findChild(PublishDialog, "publish_dialog")
    assert dialog is not None and dialog.isVisible()
    assert "列出 1 项成果" in dialog.findChild(type(page.status_label), "intro_label").text()
    dialog.note_edit.setText("2026年第一期")
    with qtbot.waitSignal(page.items_shown, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert page.tabs.currentWidget() is page.versions_tab
    (version,) = page.versions
    assert (version.number, version.note, version.count) == (1, "2026年第一期", 1)
    assert page.shown_version_id == version.id == dialog.version_id
    model = page.versions_model
    assert [model.data(model.index(0, c)) for c in range(model.columnCount())] == [
        "第 1 期",
        "2026年1月5日 08:03",
        "刘专员",
        "1",
        "2026年第一期",
    ]
    assert item_rows(page) == [
        [
            "1",
            MAGNESIUM,
            "发明专利",
            "化学学院",
            patent_number("23456"),
            "2020年1月1日",
            page.items[0]["reason"],
        ]
    ]
    assert "第 1 期" in page.version_label.text() and "刘专员" in page.version_label.text()
    assert audit_actions(world, 1) == ["pool.published"]


def test_a_version_is_shown_again_exactly_as_published(
    world: World, make_page, qtbot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    first = publish(world, "第一期")
    world.services.pool.decide(world.officer, world.magnesium, "excluded", "已转让意向")
    second = publish(world, "第二期")
    # The register moves on after publication.
    with world.vault.transaction() as conn:
        achievements.set_status(conn, world.separator, "transformed", updated_at="2026")
    page = make_page()
    assert candidate_rows(page).keys() == {MAGNESIUM}
    assert [(v.id, v.number) for v in page.versions] == [(second, 2), (first, 1)]
    qtbot.waitUntil(lambda: page.shown_version_id == second, timeout=5000)  # newest first
    assert [row[1] for row in item_rows(page)] == [SEPARATOR]
    with qtbot.waitSignal(page.items_shown, timeout=5000):
        page.select_version(first)
    assert [row[1] for row in item_rows(page)] == [MAGNESIUM, SEPARATOR]
    assert "第 1 期" in page.version_label.text() and "第一期" in page.version_label.text()
    qtmodeltester.check(page.versions_model)
    qtmodeltester.check(page.items_model)


def test_export_pdf_parsed_back(world: World, make_page, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    version = publish(world)
    chooser = Chooser(tmp_path, [])
    page = make_page(chooser=chooser)
    qtbot.waitUntil(lambda: page.shown_version_id == version, timeout=5000)
    target = tmp_path / "先用后付成果池-第1期.pdf"
    qtbot.mouseClick(page.export_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.status_label.text() == f"已保存到 {target}", timeout=10000)
    assert chooser.asked == ["先用后付成果池-第1期.pdf"]
    reader = PdfReader(BytesIO(target.read_bytes()))
    text = "".join(p.extract_text() for p in reader.pages)
    for expected in ("先用后付成果池（第 1 期）", "辽宁省示范大学", MAGNESIUM, SEPARATOR):
        assert expected in text
    assert "2026年1月5日" in text and "2026年第一期" in text and "发明专利" in text
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert (entry.action, entry.object_type, entry.object_id) == (
        "pool.exported",
        "pool_version",
        str(version),
    )
    assert entry.after is not None and '"pdf"' in entry.after
    assert page.export_pdf_button.isEnabled()


def test_export_xlsx_read_back(world: World, make_page, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    version = publish(world)
    page = make_page(chooser=Chooser(tmp_path, []))
    qtbot.waitUntil(lambda: page.shown_version_id == version, timeout=5000)
    target = tmp_path / "先用后付成果池-第1期.xlsx"
    qtbot.mouseClick(page.export_xlsx_button, LEFT)
    qtbot.waitUntil(lambda: page.status_label.text() == f"已保存到 {target}", timeout=10000)
    sheet = load_workbook(target).active
    assert sheet is not None
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "先用后付成果池（第 1 期）"
    titles = [row[1] for row in values if isinstance(row[0], int)]
    assert titles == [MAGNESIUM, SEPARATOR]
    assert audit_actions(world, 1) == ["pool.exported"]
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert entry.after is not None and '"xlsx"' in entry.after


def test_a_cancelled_save_dialog_exports_nothing(world: World, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    version = publish(world)
    chooser = Chooser(None, [])
    page = make_page(chooser=chooser)
    qtbot.waitUntil(lambda: page.shown_version_id == version, timeout=5000)
    qtbot.mouseClick(page.export_xlsx_button, LEFT)
    assert chooser.asked == ["先用后付成果池-第1期.xlsx"]
    # No job was started (one would have disabled the buttons until it ended).
    assert page.export_xlsx_button.isEnabled() and page.export_pdf_button.isEnabled()
    assert audit_actions(world, 1) == ["pool.published"]
    assert page.status_label.text() == ""


def test_a_failed_export_says_so_and_leaves_no_file(
    world: World, make_page, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    version = publish(world)
    page = make_page(chooser=Chooser(tmp_path / "gone", []))
    qtbot.waitUntil(lambda: page.shown_version_id == version, timeout=5000)
    qtbot.mouseClick(page.export_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "error_box") is not None, timeout=10000)
    box = page.findChild(QMessageBox, "error_box")
    assert "无法写入文件" in box.text()
    assert not (tmp_path / "gone").exists()
    assert page.export_pdf_button.isEnabled()
    box.close()


# -- permissions ------------------------------------------------------------------------------
def test_a_user_without_pool_edit_sees_no_decision_or_publish_buttons(
    world: World, make_page, qtbot
) -> None:  # type: ignore[no-untyped-def]
    publish(world)
    page = make_page(world.approver)
    assert set(candidate_rows(page)) == {MAGNESIUM, SEPARATOR}
    for button in (page.confirm_button, page.exclude_button, page.publish_button):
        assert button.isHidden()
    page.select_candidate(world.magnesium)
    assert page.open_exclude_dialog() is None and page.open_publish_dialog() is None
    page.confirm()
    assert page.export_pdf_button.isEnabled()  # no job was started
    assert audit_actions(world, 1) == ["pool.published"]
    # Reading and exporting stay open to whoever may read the pool.
    assert not page.export_pdf_button.isHidden() and not page.export_xlsx_button.isHidden()
    qtbot.waitUntil(lambda: page.shown_version_id is not None, timeout=5000)
    assert [row[1] for row in item_rows(page)] == [MAGNESIUM, SEPARATOR]


def test_the_officer_sees_every_button(world: World, make_page) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    for button in (
        page.confirm_button,
        page.exclude_button,
        page.publish_button,
        page.export_pdf_button,
        page.export_xlsx_button,
    ):
        assert not button.isHidden()
    assert page.publish_button.text() == "发布新版本…"
    assert page.export_pdf_button.text() == "导出 PDF…"
    assert page.export_xlsx_button.text() == "导出 Excel…"


def test_a_long_pdf_export_shows_its_pages_and_can_be_cancelled(  # type: ignore[no-untyped-def]
    world: World, make_page, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Thousands of pages take minutes: the page shows how far it is, and Cancel stops it
    with no file written."""
    import threading

    version = publish(world)
    page = make_page(chooser=Chooser(tmp_path, []))
    qtbot.waitUntil(lambda: page.shown_version_id == version, timeout=5000)
    documents = world.services.documents
    real = documents.save_pool_version_pdf
    release = threading.Event()

    def slow(path, export, *, progress, cancelled):  # type: ignore[no-untyped-def]
        progress(3, 40)  # as the renderer reports after laying out page 3 of about 40
        release.wait(10)
        real(path, export, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(documents, "save_pool_version_pdf", slow)
    qtbot.mouseClick(page.export_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.export_progress.maximum() == 40, timeout=5000)
    assert page.export_progress.isVisible() and page.export_progress.value() == 3
    assert page.export_progress.text() == "正在写第 3 页，共约 40 页"
    assert not page.export_pdf_button.isEnabled()
    qtbot.mouseClick(page.cancel_export_button, LEFT)
    assert not page.cancel_export_button.isEnabled()
    release.set()
    qtbot.waitUntil(
        lambda: page.status_label.text() == "已取消导出，未写入任何文件。", timeout=10000
    )
    assert not (tmp_path / "先用后付成果池-第1期.pdf").exists()
    assert not list(tmp_path.glob("*.partial"))
    assert not page.export_progress.isVisible() and not page.cancel_export_button.isVisible()
    assert page.export_pdf_button.isEnabled()
