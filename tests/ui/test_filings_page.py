"""The 报送 page in Chinese over two real vaults: office A (辽宁省示范大学, the sender) and
office B (辽宁省科学技术厅, the receiver). They exchange key cards as people would (the secrecy
administrator types the fingerprint read from the paper card), A's transfer officer exports a
filing through the wizard into a folder standing for the USB stick, and B checks and imports it
on its own page: the records show with their documents, a second import adds nothing, a copy
with one byte changed is refused with its reason, and classified content goes out only after
A's secrecy administrator has approved it.

The world (``Exchange``) is shared with tests/ui/test_filing_wizard.py.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from db import audit
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.services.session import SessionService
from desktop.services.setup import SetupService
from desktop.ui import labels
from desktop.ui.approval_dialogs import describe_change
from desktop.ui.attachment_viewer import PDF, AttachmentViewer
from desktop.ui.filing_dialogs import (
    DiscardDraftDialog,
    KeysDialog,
    RetireKeyDialog,
    TrustCardDialog,
    VerificationDialog,
    fingerprint_lines,
)
from desktop.ui.filing_wizard import FilingWizard
from desktop.ui.pages.filings_page import FilingsPage
from desktop.ui.tasks import TaskRunner
from tests.support import (
    TEST_KDF,
    TEST_PASSPHRASE,
    VALID_CREDIT_CODE,
    FixedClock,
    first_run_draft,
)
from tests.ui.grants_world import GrantWorld, delete_later
from tests.ui.transformations_world import credit_code

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")  # a folder to keep the screenshots in
B_NAME = "辽宁省科学技术厅"
B_CODE = credit_code(7)


# -- the world ------------------------------------------------------------------------------------
class Office(GrantWorld):
    """One unit's vault with its system administrator (``admin``), secrecy administrator
    (``secrecy``), transfer officer (``officer``) and a reader holding only 审批 (``reader``)."""

    def __init__(self, vault: Vault, clock: FixedClock, admin: User) -> None:
        super().__init__(vault, clock)
        self.admin = admin
        self.filings = self.services.filings

    def card(self, folder: Path) -> Path:
        """The unit's key card file, saved into ``folder`` (keys made first if need be)."""
        if self.filings.own_keys(self.admin) is None:
            self.filings.create_keys(self.admin)
        folder.mkdir(parents=True, exist_ok=True)
        card, _pdf = self.filings.save_key_card(self.admin, folder)
        return card

    def trust(self, card: Path) -> int:
        data = card.read_bytes()
        preview = self.filings.read_card(self.secrecy, data)
        return self.filings.trust(self.secrecy, data, preview.fingerprint).id

    def classified(self, title: str = "一种涉密镁合金") -> int:
        return self.achievement(title=title, level="secret", secrecy_mark="秘密★10年", ip_rights=())


class Exchange:
    """Office A in the ``unlocked`` vault, office B in a second vault beside it."""

    def __init__(self, a: Office, b: Office, folder: Path) -> None:
        self.a = a
        self.b = b
        self.cards = folder / "cards"
        self.usb = folder / "usb"
        self.usb.mkdir()

    def keys_exchanged(self) -> tuple[int, int]:
        """Both offices have keys and trust each other: (A's id for B, B's id for A)."""
        a_card, b_card = self.a.card(self.cards / "a"), self.b.card(self.cards / "b")
        return self.a.trust(b_card), self.b.trust(a_card)


def second_vault(folder: Path, clock: FixedClock) -> tuple[Vault, User]:
    vault = Vault(folder / "vault.db")
    draft = first_run_draft()
    draft = replace(draft, unit=replace(draft.unit, name=B_NAME, credit_code=B_CODE))
    created = SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom).create(
        draft
    )
    admin = SessionService(vault, now=clock, kdf=lambda: TEST_KDF).unlock(
        created.admin_id, TEST_PASSPHRASE
    )
    return vault, admin


@pytest.fixture
def exchange(unlocked: tuple[Vault, User], clock: FixedClock, tmp_path: Path) -> Iterator[Exchange]:
    with two_offices(unlocked, clock, tmp_path) as offices:
        yield offices


@contextmanager
def two_offices(
    unlocked: tuple[Vault, User], clock: FixedClock, folder: Path
) -> Iterator[Exchange]:
    """A in the ``unlocked`` vault, B in a new one under ``folder`` (locked afterwards)."""
    vault_b, admin_b = second_vault(folder / "b", clock)
    try:
        a = Office(unlocked[0], clock, unlocked[1])
        b = Office(vault_b, clock, admin_b)
        yield Exchange(a, b, folder)
    finally:
        vault_b.lock()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


class Chooser:
    """Stands in for the file dialogs: answers with the paths set beforehand and remembers what
    it was asked."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.file: Path | None = None
        self.save_to: Path | None = None
        self.asked: list[tuple[str, str]] = []

    def choose_folder(self, _parent: QWidget, start: str) -> Path | None:
        self.asked.append(("folder", start))
        return self.folder

    def choose_file(self, _parent: QWidget, which: str) -> Path | None:
        self.asked.append(("file", which))
        return self.file

    def choose_path(self, _parent: QWidget, suggested: str) -> Path | None:
        self.asked.append(("save", suggested))
        return None if self.save_to is None else self.save_to / suggested


@pytest.fixture
def chooser() -> Chooser:
    return Chooser()


@pytest.fixture
def make_page(  # type: ignore[no-untyped-def]
    zh_app, runner: TaskRunner, chooser: Chooser, qtbot
) -> Iterator[Callable[[Office, User], FilingsPage]]:
    made: list[QWidget] = []

    def make(office: Office, actor: User) -> FilingsPage:
        page = FilingsPage(
            office.services,
            runner,
            actor,
            today=office.today,
            choose_folder=chooser.choose_folder,
            choose_file=chooser.choose_file,
            choose_path=chooser.choose_path,
        )
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        with qtbot.waitSignal(page.reloaded, timeout=10000):
            page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    delete_later(made)


# -- helpers ------------------------------------------------------------------------------------
def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))


def click(button, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, LEFT)


def open_dialog(page: FilingsPage, button, kind: type, qtbot):  # type: ignore[no-untyped-def]
    click(button, qtbot)
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind), timeout=10000)
    return page.dialog


def save_dialog(page: FilingsPage, dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Save the dialog; it closes and the page reloads."""
    with qtbot.waitSignal(page.reloaded, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)


def cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def error_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "error_box") is not None, timeout=10000)
    box = parent.findChild(QMessageBox, "error_box")
    assert box is not None
    return box


def actions(vault: Vault, limit: int = 5) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=limit)]


def next_button(wizard: QWizard):  # type: ignore[no-untyped-def]
    page = wizard.currentPage()
    which = (
        QWizard.WizardButton.CommitButton
        if page.isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    return wizard.button(which)


def go_next(wizard: QWizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = wizard.currentId()
    button = next_button(wizard)
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=10000)


def export_through_wizard(  # type: ignore[no-untyped-def]
    page: FilingsPage,
    titles: list[str],
    folder: Path,
    qtbot,
    *,
    encrypt: bool = True,
    tmp_path: Path | None = None,
) -> FilingWizard:
    """新建报送…, tick ``titles``, the first office, preview, the folder, export: the wizard on
    its done page. With ``tmp_path`` a screenshot of every page is kept."""
    click(page.new_button, qtbot)
    qtbot.waitUntil(lambda: page.wizard is not None, timeout=10000)
    wizard = page.wizard
    assert wizard is not None
    choose = wizard.choose_page
    qtbot.waitUntil(lambda: choose.items_tree.topLevelItemCount() > 0, timeout=10000)
    for child in choose.record_items():
        if child.text(0) in titles:
            child.setCheckState(0, Qt.CheckState.Checked)
    assert sorted(i.title for i in choose.chosen()) == sorted(titles)
    if tmp_path is not None:
        shot(wizard, tmp_path, "fl-wizard-1-choose.png")
    go_next(wizard, qtbot)
    wizard.recipient_page.encrypt_check.setChecked(encrypt)
    if tmp_path is not None:
        shot(wizard, tmp_path, "fl-wizard-2-recipient.png")
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    if tmp_path is not None:
        shot(wizard, tmp_path, "fl-wizard-3-preview.png")
    go_next(wizard, qtbot)
    wizard.folder_page.folder_edit.setText(str(folder))
    if tmp_path is not None:
        shot(wizard, tmp_path, "fl-wizard-5-folder.png")
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.exported_result is not None, timeout=20000)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10000)
    return wizard


def finish(page: FilingsPage, wizard: FilingWizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    qtbot.waitUntil(lambda: page.wizard is None, timeout=10000)


def verify(page: FilingsPage, path: Path, chooser: Chooser, qtbot) -> VerificationDialog:  # type: ignore[no-untyped-def]
    chooser.file = path
    page.tabs.setCurrentIndex(1)
    dialog = open_dialog(page, page.verify_button, VerificationDialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    return dialog


def close_dialog(page: FilingsPage, dialog: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10000)


# -- keys -----------------------------------------------------------------------------------------
def test_the_system_administrator_generates_the_keys_and_saves_the_key_card(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a = exchange.a
    page = make_page(a, a.admin)
    page.tabs.setCurrentIndex(2)
    assert page.no_keys_label.isVisible()
    assert not page.own_facts.isVisible()
    assert not page.rotate_button.isVisible() and not page.save_card_button.isVisible()
    # Whom to trust is the secrecy administrator's decision, not the system administrator's.
    assert not page.import_card_button.isVisible() and not page.retire_button.isVisible()
    assert not page.new_button.isVisible()

    dialog = open_dialog(page, page.generate_button, KeysDialog, qtbot)
    assert dialog.save_button.text() == "生成密钥"
    assert dialog.reason_edit is None
    save_dialog(page, dialog, qtbot)

    own = a.filings.own_keys(a.admin)
    assert own is not None and page.own_keys == own
    assert page.key_id_label.text() == own.key_id
    lines = page.fingerprint_label.text().split("\n")
    assert len(lines) == 4 and all(len(line.split()) == 4 for line in lines)
    assert " ".join(lines) == own.fingerprint
    assert page.recipient_label.text() == own.recipient and own.recipient.startswith("age1")
    assert page.created_label.text() == "2026年1月5日 08:03"
    assert not page.generate_button.isVisible() and page.rotate_button.isVisible()
    assert page.status_label.text().startswith("本单位密钥已生成")
    shot(page, tmp_path, "fl-keys-own.png")

    folder = tmp_path / "stick"
    folder.mkdir()
    chooser.folder = folder
    with qtbot.waitSignal(page.key_card_saved, timeout=10000) as saved:
        click(page.save_card_button, qtbot)
    card, pdf = saved.args[0]
    assert card.parent == folder and card.suffix == ".tdkey" and pdf.suffix == ".pdf"
    assert str(card) in page.card_label.text() and str(pdf) in page.card_label.text()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "辽宁省示范大学" in text and own.fingerprint.split()[0] in text
    assert actions(a.vault, 2) == ["filing.key_card_saved", "filing.keys_created"]


def test_replacing_the_keys_needs_a_reason(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, qtbot
) -> None:
    a = exchange.a
    first = a.filings.create_keys(a.admin)
    page = make_page(a, a.admin)
    page.tabs.setCurrentIndex(2)
    dialog = open_dialog(page, page.rotate_button, KeysDialog, qtbot)
    assert dialog.reason_edit is not None
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") == "请填写理由。", timeout=10000)
    assert a.filings.own_keys(a.admin) == first

    dialog.reason_edit.setText("旧密钥卡随笔记本电脑遗失")
    save_dialog(page, dialog, qtbot)
    second = a.filings.own_keys(a.admin)
    assert second is not None and second.key_id != first.key_id
    assert page.key_id_label.text() == second.key_id


def test_the_secrecy_administrator_trusts_a_key_card_by_its_typed_fingerprint(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    card = a.card(exchange.cards)
    a_keys = a.filings.own_keys(a.admin)
    assert a_keys is not None
    page = make_page(b, b.secrecy)
    page.tabs.setCurrentIndex(2)
    assert not page.generate_button.isVisible()  # keys are the system administrator's
    chooser.file = card
    dialog = open_dialog(page, page.import_card_button, TrustCardDialog, qtbot)
    assert chooser.asked[-1] == ("file", "card")
    assert dialog.office_label.text() == f"辽宁省示范大学（{VALID_CREDIT_CODE}）"
    assert dialog.key_id_label.text() == a_keys.key_id
    assert dialog.file_fingerprint_label.text() == fingerprint_lines(a_keys.fingerprint)
    assert dialog.created_label.text() == "2026年1月5日"
    assert not dialog.known_label.isVisible()
    shot(dialog, tmp_path, "fl-trust-card.png")

    # Nothing typed, then a fingerprint that differs in one group: shown at the field.
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("fingerprint") != "", timeout=10000)
    assert dialog.fields.error_text("fingerprint") == "请输入对方单位密钥卡上印的指纹。"
    groups = a_keys.fingerprint.split()
    groups[5] = "0000" if groups[5] != "0000" else "1111"
    dialog.fingerprint_edit.setText(" ".join(groups))
    dialog.save()
    qtbot.waitUntil(
        lambda: dialog.fields.error_text("fingerprint").startswith("输入的指纹与密钥卡文件不一致"),
        timeout=10000,
    )
    shot(dialog, tmp_path, "fl-trust-card-mismatch.png")
    assert b.filings.trusted(b.secrecy) == []

    # Typed from paper: lower case, without the spaces, is the same fingerprint.
    dialog.fingerprint_edit.setText(a_keys.fingerprint.replace(" ", "").lower())
    save_dialog(page, dialog, qtbot)
    assert cells(page.trusted_table, 0) == [
        "辽宁省示范大学",
        VALID_CREDIT_CODE,
        a_keys.key_id,
        fingerprint_lines(a_keys.fingerprint, 8),
        "2026年1月5日 08:03",
        "在用",
    ]
    assert page.status_label.text() == "已信任“辽宁省示范大学”的公钥。"
    assert actions(b.vault, 1) == ["filing.key_trusted"]

    # The same card again: the dialog says it is known; the service refuses it.
    dialog = open_dialog(page, page.import_card_button, TrustCardDialog, qtbot)
    assert dialog.known_label.isVisible()
    assert "辽宁省示范大学" in dialog.known_label.text()
    dialog.fingerprint_edit.setText(a_keys.fingerprint)
    dialog.save()
    qtbot.waitUntil(
        lambda: dialog.fields.error_text("card") == "该公钥已在信任名单中。", timeout=10000
    )
    dialog.reject()


def test_a_key_card_changed_after_export_is_refused(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot
) -> None:
    a, b = exchange.a, exchange.b
    card = a.card(exchange.cards)
    forged = card.with_name("forged.tdkey")
    forged.write_text(card.read_text("utf-8").replace("辽宁省示范大学", "辽宁省某某公司"), "utf-8")
    page = make_page(b, b.secrecy)
    page.tabs.setCurrentIndex(2)
    chooser.file = forged
    click(page.import_card_button, qtbot)
    box = error_box(page, qtbot)
    assert box.text() == "密钥卡文件的签名不对：文件在导出后被改动过，不能使用。"
    assert page.dialog is None
    box.close()

    chooser.file = exchange.cards / "missing.tdkey"
    click(page.import_card_button, qtbot)
    qtbot.waitUntil(
        lambda: any(
            "missing.tdkey" in box.text() for box in page.findChildren(QMessageBox, "error_box")
        ),
        timeout=10000,
    )


def test_retiring_a_trusted_key_needs_a_reason(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    b.trust(a.card(exchange.cards))
    page = make_page(b, b.secrecy)
    page.tabs.setCurrentIndex(2)
    assert not page.retire_button.isEnabled()
    page.trusted_table.selectRow(0)
    dialog = open_dialog(page, page.retire_button, RetireKeyDialog, qtbot)
    assert "辽宁省示范大学" in dialog.question_label.text()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") == "请填写理由。", timeout=10000)
    dialog.reason_edit.setText("对方单位已更换密钥")
    save_dialog(page, dialog, qtbot)
    assert cells(page.trusted_table, 0)[5] == "已于2026年1月5日停用（对方单位已更换密钥）"
    page.trusted_table.selectRow(0)
    assert not page.retire_button.isEnabled()
    shot(page, tmp_path, "fl-keys-trusted.png")


def test_buttons_follow_the_roles(exchange: Exchange, make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    a = exchange.a
    reader = make_page(a, a.reader)  # 审批人: may read, not export, import or manage keys
    assert not reader.new_button.isVisible()
    assert not reader.continue_button.isVisible() and not reader.discard_button.isVisible()
    reader.tabs.setCurrentIndex(1)
    assert reader.verify_button.isVisible()
    reader.tabs.setCurrentIndex(2)
    assert not reader.generate_button.isVisible() and not reader.import_card_button.isVisible()

    officer = make_page(a, a.officer)
    assert officer.new_button.isVisible() and officer.continue_button.isVisible()
    assert not officer.continue_button.isEnabled() and not officer.discard_button.isEnabled()
    officer.tabs.setCurrentIndex(2)
    assert not officer.generate_button.isVisible() and not officer.import_card_button.isVisible()
    assert [officer.tabs.tabText(i) for i in range(3)] == ["发出", "收到", "密钥"]


# -- the exchange ---------------------------------------------------------------------------------
def test_a_filing_goes_from_office_a_to_office_b(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    exchange.keys_exchanged()
    a.achievement(title="一种高强度镁合金", ip_rights=())
    a.achievement(title="一种耐腐蚀涂层", ip_rights=())

    sender = make_page(a, a.officer)
    wizard = export_through_wizard(
        sender, ["一种高强度镁合金"], exchange.usb, qtbot, tmp_path=tmp_path
    )
    result = wizard.exported_result
    assert result is not None
    assert result.path.parent == exchange.usb and result.path.name.endswith(".sfp.age")
    assert sorted(p.name for p in exchange.usb.iterdir()) == [result.path.name]  # no .partial
    done = wizard.done_page
    assert done.file_label.text() == str(result.path)
    assert done.sha_label.text().replace(" ", "") == result.sha256
    assert done.size_label.text().endswith(f"（{result.size:,} 字节）")
    assert "安全弹出" in done.eject_label.text()
    shot(wizard, tmp_path, "fl-wizard-7-done.png")
    finish(sender, wizard, qtbot)
    qtbot.waitUntil(lambda: len(sender.sent) == 1, timeout=10000)
    row = cells(sender.sent_table, 0)
    assert row[:7] == [
        result.filing_id,
        B_NAME,
        "1",
        "1",
        "公开",
        "是",
        result.path.name,
    ]
    assert sender.status_label.text() == f"报送件已写入 {result.path}"
    assert sender.last_folder == exchange.usb
    shot(sender, tmp_path, "fl-sent.png")

    receiver = make_page(b, b.officer)
    dialog = verify(receiver, result.path, chooser, qtbot)
    assert dialog.result_label.text() == "报送件核验通过。"
    assert dialog.sender_label.text() == f"辽宁省示范大学（{VALID_CREDIT_CODE}）"
    a_keys = a.filings.own_keys(a.admin)
    assert a_keys is not None
    assert dialog.fingerprint_label.text() == fingerprint_lines(a_keys.fingerprint)
    assert dialog.time_label.text() == "2026年1月5日 08:03"
    assert dialog.sequence_label.text() == "1"
    assert dialog.level_label.text() == "公开；已加密给本单位"
    assert dialog.filing_label.text() == result.filing_id
    assert dialog.sha_label.text() == result.sha256
    assert cells(dialog.items_table, 0) == ["科技成果登记", "一种高强度镁合金", "公开"]
    assert cells(dialog.documents_table, 0)[0] == "achievement-1/科技成果登记表.pdf"
    assert dialog.import_button.isVisible() and dialog.import_button.isEnabled()
    shot(dialog, tmp_path, "fl-verify-ok.png")

    with qtbot.waitSignal(receiver.records_shown, timeout=10000):
        click(dialog.import_button, qtbot)
    assert dialog.status_label.text() == "已导入：新增 1 条，未变 0 条。"
    assert not dialog.import_button.isEnabled()
    close_dialog(receiver, dialog, qtbot)
    assert cells(receiver.received_table, 0)[:5] == [
        result.filing_id,
        "辽宁省示范大学",
        "1",
        "1",
        "公开",
    ]
    assert cells(receiver.records_table, 0) == ["科技成果登记", "一种高强度镁合金", "公开", "1", ""]
    assert receiver.documents_list.currentItem().text() == "科技成果登记表.pdf"
    shot(receiver, tmp_path, "fl-received.png")

    # The PDF in the program's own viewer, from memory; and a copy saved where asked.
    click(receiver.open_document_button, qtbot)
    viewer = receiver.viewer
    assert isinstance(viewer, AttachmentViewer)
    qtbot.waitUntil(lambda: viewer.kind == PDF and viewer.shown_page == 0, timeout=20000)
    viewer.close()
    qtbot.waitUntil(lambda: receiver.viewer is None, timeout=10000)
    chooser.save_to = tmp_path
    with qtbot.waitSignal(receiver.document_saved, timeout=10000) as saved:
        click(receiver.save_document_button, qtbot)
    copy = saved.args[0]
    assert copy == tmp_path / "科技成果登记表.pdf"
    text = "".join(p.extract_text() for p in PdfReader(copy).pages)
    assert "一种高强度镁合金" in text
    assert actions(b.vault, 1) == ["filing.document_saved"]

    # The same file again: checked, known, and importing it adds nothing.
    again = verify(receiver, result.path, chooser, qtbot)
    assert again.status_label.text() == "该报送件已经导入过，再次导入不会添加任何内容。"
    assert not again.import_button.isEnabled()
    close_dialog(receiver, again, qtbot)
    assert len(receiver.received) == 1


def test_importing_twice_says_it_was_already_imported(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot
) -> None:
    a, b = exchange.a, exchange.b
    a_for_b, _ = exchange.keys_exchanged()
    a.achievement(ip_rights=())
    items = a.filings.candidates(a.officer)
    sent = a.filings.export(a.officer, items, a_for_b, exchange.usb, encrypt=False)
    receiver = make_page(b, b.officer)
    # Two checks of the same file; the first one imports, the second is then too late.
    first = verify(receiver, sent.path, chooser, qtbot)
    receiver.dialog = None  # open a second one beside it
    second = receiver.verify_file(sent.path)
    qtbot.waitUntil(lambda: not second.busy, timeout=20000)
    assert second.import_button.isEnabled()
    with qtbot.waitSignal(first.imported, timeout=20000):
        first.import_filing()
    with qtbot.waitSignal(second.imported, timeout=20000):
        second.import_filing()
    assert second.outcome is not None and second.outcome.already
    assert second.status_label.text() == "该报送件此前已经导入，本次没有添加任何内容。"
    qtbot.waitUntil(lambda: len(receiver.received) == 1, timeout=10000)
    first.close()
    second.close()


def test_a_copy_with_one_byte_changed_is_refused(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    a_for_b, _ = exchange.keys_exchanged()
    a.achievement(ip_rights=())
    items = a.filings.candidates(a.officer)
    sent = a.filings.export(a.officer, items, a_for_b, exchange.usb, encrypt=False)
    data = bytearray(sent.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / ("copy-" + sent.path.name)
    tampered.write_bytes(bytes(data))

    receiver = make_page(b, b.officer)
    dialog = verify(receiver, tampered, chooser, qtbot)
    assert dialog.rejection is not None
    assert dialog.result_label.text() == "报送件未通过核验，不予接收。"
    reason = dialog.rejection.reason  # type: ignore[attr-defined]
    assert reason in {"payload_changed", "corrupt", "tag_changed", "not_zip", "ratio"}
    assert dialog.message_label.text().startswith(dialog.rejection.message)
    assert re.search(rf"原因代码：{reason}（.+）$", dialog.message_label.text())
    assert not dialog.facts.isVisible() and not dialog.import_button.isEnabled()
    assert actions(b.vault, 1) == ["filing.rejected"]
    shot(dialog, tmp_path, "fl-verify-rejected.png")
    close_dialog(receiver, dialog, qtbot)
    assert receiver.received == []

    # Not addressed to us at all: a filing of A's to A's own key is refused as well.
    dialog = verify(make_page(a, a.officer), sent.path, chooser, qtbot)
    assert dialog.rejection is not None


def test_a_record_that_changed_is_marked_beside_the_earlier_copy(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    a_for_b, _ = exchange.keys_exchanged()
    record = a.achievement(title="一种高强度镁合金", ip_rights=())
    items = a.filings.candidates(a.officer)
    first = a.filings.export(a.officer, items, a_for_b, exchange.usb, encrypt=True)
    b.filings.import_(b.officer, first.path)
    a.put_on_negative_list(record, "涉及国家安全")  # the record changes at A
    second = a.filings.export(a.officer, items, a_for_b, exchange.usb, encrypt=True)

    receiver = make_page(b, b.officer)
    dialog = verify(receiver, second.path, chooser, qtbot)
    assert dialog.sequence_label.text() == "2"
    with qtbot.waitSignal(receiver.records_shown, timeout=10000):
        click(dialog.import_button, qtbot)
    assert dialog.status_label.text() == (
        "已导入：新增 1 条，未变 0 条。\n与先前收到的版本不同（两份都保留）：一种高强度镁合金"
    )
    close_dialog(receiver, dialog, qtbot)
    assert len(receiver.received) == 2
    assert receiver.records[0].differs_from is not None
    assert cells(receiver.records_table, 0)[4] == "与先前版本不同"
    shot(receiver, tmp_path, "fl-received-differs.png")
    # The earlier filing still shows its own copy, unmarked.
    earlier = next(f for f in receiver.received if f.filing_id == first.filing_id)
    with qtbot.waitSignal(receiver.records_shown, timeout=10000):
        receiver.select_received(earlier.id)
    assert cells(receiver.records_table, 0)[4] == ""


# -- classified content ---------------------------------------------------------------------------
def test_classified_content_needs_the_secrecy_approval(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, chooser: Chooser, qtbot, tmp_path: Path
) -> None:
    a, b = exchange.a, exchange.b
    exchange.keys_exchanged()
    a.classified()
    page = make_page(a, a.officer)
    click(page.new_button, qtbot)
    qtbot.waitUntil(lambda: page.wizard is not None, timeout=10000)
    wizard = page.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.choose_page.items_tree.topLevelItemCount() > 0, timeout=10000)
    wizard.choose_page.set_checked("achievement", 1)
    go_next(wizard, qtbot)
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    assert wizard.preview_page.level_label.text() == "秘密（秘密★）——须经保密管理员审批"
    go_next(wizard, qtbot)
    gate = wizard.gate_page
    assert wizard.currentPage() is gate
    assert not next_button(wizard).isEnabled()
    assert "保密管理员" in gate.explain_label.text()
    assert not gate.approved_label.isVisible()
    shot(wizard, tmp_path, "fl-wizard-4-gate.png")
    gate.request()
    qtbot.waitUntil(lambda: gate.fields.error_text("reason") == "请填写理由。", timeout=10000)
    gate.reason_edit.setPlainText("向省科技厅年度报送涉密成果")
    with qtbot.waitSignal(page.reloaded, timeout=10000):
        click(gate.request_button, qtbot)
    qtbot.waitUntil(lambda: page.wizard is None, timeout=10000)
    assert page.status_label.text().startswith("已申请保密审批")
    assert cells(page.drafts_table, 0) == [
        B_NAME,
        "一种涉密镁合金",
        "秘密（秘密★）",
        "2026年1月5日 08:03",
        "待审批",
    ]
    page.drafts_table.selectRow(0)
    assert not page.continue_button.isEnabled() and page.discard_button.isEnabled()
    assert list(exchange.usb.iterdir()) == []

    # The secrecy administrator approves; the officer continues the export.
    (request,) = a.services.approvals.visible(a.secrecy)
    assert request.kind == "classified_filing" and request.status == "pending"
    # As the approvals page and its decision dialog show the request:
    assert labels.approval_kind(request.kind) == "涉密内容对外报送"
    assert describe_change(request) == f"报送至{B_NAME}（秘密），共 1 项，加密"
    a.services.approvals.decide(a.secrecy, request.id, approve=True, note="同意")
    with qtbot.waitSignal(page.reloaded, timeout=10000):
        page.reload()
    page.drafts_table.selectRow(0)
    assert cells(page.drafts_table, 0)[4] == "已批准"
    assert page.continue_button.isEnabled()
    shot(page, tmp_path, "fl-sent-drafts.png")
    click(page.continue_button, qtbot)
    qtbot.waitUntil(lambda: page.wizard is not None, timeout=10000)
    wizard = page.wizard
    assert wizard is not None
    choose = wizard.choose_page
    qtbot.waitUntil(lambda: choose.items_tree.topLevelItemCount() > 0, timeout=10000)
    assert [i.title for i in choose.chosen()] == ["一种涉密镁合金"]
    assert not choose.filter_edit.isEnabled()
    assert choose.note_label.text() == "这些内容已按原样审批，现在不能更改。"
    go_next(wizard, qtbot)
    assert not wizard.recipient_page.recipient_combo.isEnabled()
    assert not wizard.recipient_page.encrypt_check.isEnabled()
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    go_next(wizard, qtbot)
    assert wizard.currentPage() is wizard.gate_page
    assert wizard.gate_page.approved_label.isVisible()
    assert wizard.gate_page.approved_label.text() == "已批准"
    assert not wizard.gate_page.request_button.isVisible()
    shot(wizard, tmp_path, "fl-wizard-4-gate-approved.png")
    go_next(wizard, qtbot)
    wizard.folder_page.folder_edit.setText(str(exchange.usb))
    go_next(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20000)
    assert wizard.done_page.level_label.text() == "秘密（秘密★）"
    finish(page, wizard, qtbot)
    qtbot.waitUntil(lambda: len(page.sent) == 1 and not page.drafts, timeout=10000)
    assert cells(page.sent_table, 0)[4] == "秘密（秘密★）"

    # B checks it: the level and its mark travel with the filing.
    result = wizard.exported_result
    assert result is not None
    receiver = make_page(b, b.officer)
    dialog = verify(receiver, result.path, chooser, qtbot)
    assert dialog.level_label.text() == "秘密（秘密★）；已加密给本单位"
    dialog.close()


def test_a_draft_can_be_discarded(  # type: ignore[no-untyped-def]
    exchange: Exchange, make_page, qtbot
) -> None:
    a = exchange.a
    a_for_b, _ = exchange.keys_exchanged()
    a.classified()
    items = a.filings.candidates(a.officer)
    a.filings.request_approval(a.officer, items, a_for_b, encrypt=True, reason="年度报送")
    page = make_page(a, a.officer)
    assert page.drafts_box.title() == "等待保密审批（1）"
    page.drafts_table.selectRow(0)
    dialog = open_dialog(page, page.discard_button, DiscardDraftDialog, qtbot)
    assert B_NAME in dialog.question_label.text()
    save_dialog(page, dialog, qtbot)
    assert page.drafts == [] and page.drafts_table.rowCount() == 0
    assert actions(a.vault, 1) == ["filing.discarded"]
