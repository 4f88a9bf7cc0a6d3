"""The export wizard of a sealed filing, page by page, over the two vaults of
tests/ui/test_filings_page.py: choosing and filtering the records, the recipient page without
keys or offices, the progress, and the ways an export ends early — cancelled, a file already on
the stick, the stick pulled out, the recipient's key retired meanwhile — each shown on the page
it belongs to, with nothing left in the folder."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.ui.filing_wizard import CHOOSE, FOLDER, RECIPIENT, FilingWizard
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock
from tests.ui.grants_world import delete_later
from tests.ui.test_filings_page import (
    B_NAME,
    Chooser,
    Exchange,
    Office,
    actions,
    go_next,
    next_button,
    shot,
    two_offices,
)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def exchange(unlocked: tuple[Vault, User], clock: FixedClock, tmp_path: Path) -> Iterator[Exchange]:
    with two_offices(unlocked, clock, tmp_path) as offices:
        yield offices


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def chooser() -> Chooser:
    return Chooser()


@pytest.fixture
def make_wizard(  # type: ignore[no-untyped-def]
    zh_app, runner: TaskRunner, chooser: Chooser, qtbot
) -> Iterator[Callable[..., FilingWizard]]:
    made: list[FilingWizard] = []

    def make(office: Office, actor: User | None = None, **options: object) -> FilingWizard:
        wizard = FilingWizard(
            office.filings,
            runner,
            actor or office.officer,
            choose_folder=chooser.choose_folder,
            **options,  # type: ignore[arg-type]
        )
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
        made.append(wizard)
        return wizard

    yield make
    runner.wait()
    delete_later(made)  # type: ignore[arg-type]


def to_folder_page(wizard: FilingWizard, titles: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    for child in wizard.choose_page.record_items():
        child.setCheckState(
            0, Qt.CheckState.Checked if child.text(0) in titles else Qt.CheckState.Unchecked
        )
    go_next(wizard, qtbot)
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    go_next(wizard, qtbot)
    assert wizard.currentId() == FOLDER


def hold_runner(runner: TaskRunner) -> threading.Event:
    """Keep the worker busy until the returned event is set: what is submitted meanwhile waits."""
    release = threading.Event()
    runner.run(lambda: release.wait(10), lambda _r: None, lambda _e: None)
    return release


def error_boxes(parent) -> list[str]:  # type: ignore[no-untyped-def]
    return [box.text() for box in parent.findChildren(QMessageBox, "error_box")]


# -- choosing -------------------------------------------------------------------------------------
def test_the_records_are_grouped_by_kind_and_filtered(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(title="一种高强度镁合金", ip_rights=())
    a.achievement(title="一种耐腐蚀涂层", ip_rights=())
    a.achievement(title="镁合金的热处理方法", ip_rights=())
    wizard = make_wizard(a)
    page = wizard.choose_page
    tree = page.items_tree
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(0) == "科技成果登记"
    assert tree.topLevelItem(0).childCount() == 3
    assert page.count_label.text() == "已选 0 项"
    assert not next_button(wizard).isEnabled()

    page.filter_edit.setText("镁合金")
    shown = [c.text(0) for c in page.record_items() if not c.isHidden()]
    assert shown == ["一种高强度镁合金", "镁合金的热处理方法"]
    qtbot.mouseClick(page.select_shown_button, LEFT)
    assert sorted(i.title for i in page.chosen()) == ["一种高强度镁合金", "镁合金的热处理方法"]
    assert page.count_label.text() == "已选 2 项"
    assert next_button(wizard).isEnabled()

    page.filter_edit.setText("不存在的标题")
    assert tree.topLevelItem(0).isHidden()
    page.filter_edit.clear()
    assert not tree.topLevelItem(0).isHidden()
    qtbot.mouseClick(page.clear_button, LEFT)
    assert page.chosen() == [] and not next_button(wizard).isEnabled()


def test_without_keys_or_offices_the_recipient_page_says_what_is_missing(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot, tmp_path: Path
) -> None:
    a = exchange.a
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    wizard.choose_page.set_checked("achievement", 1)
    go_next(wizard, qtbot)
    page = wizard.recipient_page
    assert page.keys_label.isVisible()
    assert page.keys_label.text() == (
        "本单位还没有报送密钥：请系统管理员在“报送”页的“密钥”中生成。\n"
        "信任名单中没有可以接收的单位：请保密管理员先在“密钥”中导入对方单位的密钥卡。"
    )
    assert page.recipient_combo.count() == 0
    assert not next_button(wizard).isEnabled()
    shot(wizard, tmp_path, "fl-wizard-2-recipient-missing.png")


def test_the_encryption_is_on_by_default_and_names_the_file(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    wizard.choose_page.set_checked("achievement", 1)
    go_next(wizard, qtbot)
    page = wizard.recipient_page
    assert page.encrypt_check.isChecked() and page.encrypt_check.text() == "加密（age）"
    assert page.recipient_combo.currentText().startswith(B_NAME + "（")
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    assert wizard.preview_page.file_label.text().endswith(".sfp.age")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), LEFT)
    page.encrypt_check.setChecked(False)
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    preview = wizard.preview_page
    assert preview.file_label.text().endswith(".sfp")
    assert preview.filing_label.text().endswith("（发往该单位的第 1 份）")
    assert preview.total_label.text().startswith("共 1 项记录、1 个文件，合计 ")


# -- exporting ------------------------------------------------------------------------------------
def test_the_export_reports_its_progress_and_remembers_the_folder(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    assert wizard.folder_page.folder_edit.text() == ""
    assert not next_button(wizard).isEnabled()
    assert next_button(wizard).text() == "导出"
    chooser.folder = exchange.usb
    with qtbot.waitSignal(wizard.folder_page.folder_edit.textChanged, timeout=10000):
        qtbot.mouseClick(wizard.folder_page.choose_button, LEFT)
    assert chooser.asked[-1] == ("folder", "")
    assert wizard.folder_page.target_label.text().startswith(f"将写入为 {exchange.usb}")
    with qtbot.waitSignal(wizard.folder_chosen, timeout=10000) as chosen:
        go_next(wizard, qtbot)
    assert chosen.args == [exchange.usb]
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20000)
    bar = wizard.export_page.progress_bar
    assert bar.maximum() > 1 and bar.value() == bar.maximum()
    assert actions(a.vault, 1) == ["filing.exported"]

    # The next wizard starts in the folder used last.
    second = make_wizard(a, folder=exchange.usb)
    to_folder_page(second, ["一种高强度镁合金"], qtbot)
    assert second.folder_page.folder_edit.text() == str(exchange.usb)


def test_a_folder_that_does_not_exist_is_shown_at_its_field(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    wizard.folder_page.folder_edit.setText(str(exchange.usb / "nowhere"))
    qtbot.mouseClick(next_button(wizard), LEFT)
    assert wizard.currentId() == FOLDER
    assert wizard.folder_page.fields.error_text("folder") == "该文件夹不存在。"
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    assert wizard.folder_page.fields.error_text("folder") == ""


def test_a_cancelled_export_leaves_nothing_behind(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, runner: TaskRunner, qtbot, tmp_path: Path
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    release = hold_runner(runner)
    go_next(wizard, qtbot)
    export = wizard.export_page
    assert wizard.currentPage() is export and export.running
    assert export.status_label.text() == f"正在写入 {exchange.usb}…"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    shot(wizard, tmp_path, "fl-wizard-6-export.png")
    # The wizard's own Cancel stops the export instead of closing the wizard.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert wizard.isVisible()
    assert export.status_label.text() == "正在取消…" and not export.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == FOLDER, timeout=10000)
    assert wizard.folder_page.status_label.text() == "导出已取消，文件夹中没有留下任何文件。"
    assert list(exchange.usb.iterdir()) == []
    assert "filing.exported" not in actions(a.vault, 3)
    assert not wizard.busy

    # Exporting again from there works.
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20000)
    assert [p.name for p in exchange.usb.iterdir()] == [wizard.exported_result.path.name]  # type: ignore[union-attr]


def test_a_file_of_the_same_name_on_the_stick_is_not_overwritten(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot, tmp_path: Path
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    preview = wizard.preview_page.preview
    assert preview is not None
    there = exchange.usb / preview.file_name
    there.write_bytes(b"an older copy")
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == FOLDER, timeout=20000)
    message = f"目标文件夹中已有同名文件 {there.name}，未写入。请换一个文件名或文件夹。"
    qtbot.waitUntil(lambda: message in error_boxes(wizard.folder_page), timeout=10000)
    assert wizard.folder_page.status_label.text() == message
    assert there.read_bytes() == b"an older copy"
    assert [p.name for p in exchange.usb.iterdir()] == [there.name]
    shot(wizard, tmp_path, "fl-wizard-5-folder-error.png")


def test_a_stick_pulled_out_ends_with_a_message_and_no_file(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, runner: TaskRunner, qtbot
) -> None:
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    release = hold_runner(runner)
    go_next(wizard, qtbot)
    exchange.usb.rmdir()  # pulled out after the folder was chosen
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == FOLDER, timeout=20000)
    qtbot.waitUntil(lambda: bool(error_boxes(wizard.folder_page)), timeout=10000)
    assert wizard.folder_page.status_label.text() == error_boxes(wizard.folder_page)[0]
    assert wizard.folder_page.status_label.text() != ""
    assert not exchange.usb.exists()
    assert "filing.exported" not in actions(a.vault, 3)


def test_a_recipient_retired_meanwhile_is_shown_on_the_recipient_page(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot
) -> None:
    a = exchange.a
    b_at_a, _ = exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    a.filings.retire(a.secrecy, b_at_a, "对方单位已更换密钥")
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == RECIPIENT, timeout=20000)
    assert wizard.recipient_page.fields.error_text("recipient") == (
        "请选择信任名单中仍有效的收件单位。"
    )
    assert list(exchange.usb.iterdir()) == []


def test_choosing_nothing_again_sends_the_wizard_back_to_the_records(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_wizard, qtbot
) -> None:
    """A record deleted or hidden after it was chosen: the service says so for the items."""
    a = exchange.a
    exchange.keys_exchanged()
    a.achievement(ip_rights=())
    wizard = make_wizard(a)
    to_folder_page(wizard, ["一种高强度镁合金"], qtbot)
    for child in wizard.choose_page.record_items():
        child.setCheckState(0, Qt.CheckState.Unchecked)  # as if the list changed under it
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.currentId() == CHOOSE, timeout=20000)
    qtbot.waitUntil(
        lambda: "请至少选择一项要报送的内容。" in error_boxes(wizard.choose_page), timeout=10000
    )
