"""报送 (sealed filings): three tabs.

- 发出: the filings sent, and the drafts waiting for (or given) the secrecy administrator's
  approval, with 继续导出… and 放弃; 新建报送… opens the export wizard (``filing_wizard``).
- 收到: the filings imported; 核验文件… checks a file from a stick and shows what it holds or why
  it is refused, with 导入 once it checked out (``VerificationDialog``). A filing's records are
  listed with their documents (shown by the program's own viewer, or 另存为…); a record that
  differs from the copy received before is marked 与先前版本不同.
- 密钥: the unit's own keys (key id, fingerprint in 4×4 groups, receiving key), 生成密钥 /
  更换密钥… for the system administrator, 导出密钥卡…; and the trust store, where the secrecy
  administrator imports other offices' key cards (typing the fingerprint from the paper card)
  and retires keys.

Only the buttons the actor's roles allow are shown; the service checks again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_iso_date
from desktop.domain.filings import (
    CARD_EXTENSION,
    ENCRYPTED_EXTENSION,
    EXTENSION,
    Filing,
    ReceivedRecord,
    TrustedKey,
)
from desktop.domain.permissions import allowed
from desktop.errors import AppError, StorageError
from desktop.services.bundle import Services
from desktop.services.filings import CardPreview, Draft, OwnKeys
from desktop.ui import labels
from desktop.ui.approval_dialogs import format_time
from desktop.ui.attachment_viewer import AttachmentViewer
from desktop.ui.errors import show_error
from desktop.ui.filing_dialogs import (
    DiscardDraftDialog,
    KeysDialog,
    RetireKeyDialog,
    TrustCardDialog,
    VerificationDialog,
    fill_table,
    fingerprint_lines,
    key_id_text,
    level_text,
    mono_label,
    table,
    value_label,
)
from desktop.ui.filing_wizard import FilingWizard, FolderChooser, choose_folder
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import format_size
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.reason_dialog import ServiceDialog

D = TypeVar("D", bound=ServiceDialog)
OpenFileChooser = Callable[[QWidget, str], Path | None]  # (parent, "card" | "filing")
SavePathChooser = Callable[[QWidget, str], Path | None]  # (parent, suggested name)
SENT_TAB, RECEIVED_TAB, KEYS_TAB = range(3)
DIFFERS_BACKGROUND = QColor("#fff4ce")
TABLE_GROUPS_PER_LINE = 8
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole
Loaded = tuple[list[Filing], list[Draft], list[Filing], OwnKeys | None, list[TrustedKey]]


def choose_open_file(parent: QWidget, which: str) -> Path | None:
    """Ask for a key card (``which`` = "card") or a filing ("filing") to read."""
    translate = QCoreApplication.translate
    if which == "card":
        caption = translate("FilingsPage", "Import a key card")
        filters = translate("FilingsPage", "Key cards (*%1)").replace("%1", CARD_EXTENSION)
    else:
        caption = translate("FilingsPage", "Check a filing")
        filters = translate("FilingsPage", "Sealed filings (*%1 *%2)")
        filters = filters.replace("%1", EXTENSION).replace("%2", ENCRYPTED_EXTENSION)
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(name) if name else None


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("FilingsPage", "Save a copy as"), suggested
    )
    return Path(name) if name else None


def _button(name: str, text: str, parent: QWidget, *, visible: bool = True) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setVisible(visible)
    return button


def _selected_row(widget: QTableWidget) -> int | None:
    rows = widget.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class FilingsPage(QWidget):
    """Signals: ``reloaded`` once the tabs show what the service returned; ``records_shown(id)``
    once a received filing's records are listed; ``key_card_saved((card, pdf))`` and
    ``document_saved(path)`` once written; ``status_changed(text)`` with each message shown."""

    reloaded = Signal()
    records_shown = Signal(int)
    key_card_saved = Signal(object)
    document_saved = Signal(object)
    status_changed = Signal(str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        choose_folder: FolderChooser = choose_folder,
        choose_file: OpenFileChooser = choose_open_file,
        choose_path: SavePathChooser = choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filings_page")
        self._service = services.filings
        self._runner = runner
        self._actor = actor
        self._today = today
        self._choose_folder = choose_folder
        self._choose_file = choose_file
        self._choose_path = choose_path
        self._can_export = allowed(actor, "filing.export")
        self._can_manage_keys = allowed(actor, "keys.manage")
        self._can_trust = allowed(actor, "trust.edit")
        self._sent: list[Filing] = []
        self._drafts: list[Draft] = []
        self._received: list[Filing] = []
        self._records: list[ReceivedRecord] = []
        self._records_of: int | None = None
        self._own: OwnKeys | None = None
        self._trusted: list[TrustedKey] = []
        self._wanted_received: int | None = None
        self.last_folder: Path | None = None
        self.dialog: QWidget | None = None
        self.wizard: FilingWizard | None = None
        self.viewer: AttachmentViewer | None = None

        self.status_label = value_label("", "status_label", self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_sent_tab(), self.tr("Outgoing"))
        self.tabs.addTab(self._build_received_tab(), self.tr("Incoming"))
        self.tabs.addTab(self._build_keys_tab(), self.tr("Keys"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        self._connect()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------
    def _build_sent_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("sent_tab")
        self.new_button = _button(
            "new_button", self.tr("New filing…"), tab, visible=self._can_export
        )
        self.drafts_box = QGroupBox(self.tr("Waiting for the secrecy approval"), tab)
        self.drafts_box.setObjectName("drafts_box")
        self.drafts_table = table(
            "drafts_table",
            [
                self.tr("Recipient office"),
                self.tr("What goes in"),
                self.tr("Secrecy level"),
                self.tr("Requested on"),
                self.tr("Approval"),
            ],
            self.drafts_box,
            1,
        )
        self.continue_button = _button(
            "continue_button", self.tr("Continue export…"), tab, visible=self._can_export
        )
        self.discard_button = _button(
            "discard_button", self.tr("Discard…"), tab, visible=self._can_export
        )
        draft_buttons = QHBoxLayout()
        draft_buttons.addWidget(self.continue_button)
        draft_buttons.addWidget(self.discard_button)
        draft_buttons.addStretch(1)
        box = QVBoxLayout(self.drafts_box)
        box.addWidget(self.drafts_table)
        box.addLayout(draft_buttons)

        self.sent_box = QGroupBox(self.tr("Filings sent"), tab)
        self.sent_box.setObjectName("sent_box")
        self.sent_table = table(
            "sent_table",
            [
                self.tr("Filing ID"),
                self.tr("Recipient office"),
                self.tr("Sequence"),
                self.tr("Records"),
                self.tr("Secrecy level"),
                self.tr("Encrypted"),
                self.tr("File"),
                self.tr("Size"),
                self.tr("Exported on"),
                "SHA-256",
            ],
            self.sent_box,
            6,
        )
        box = QVBoxLayout(self.sent_box)
        box.addWidget(self.sent_table)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.setObjectName("sent_splitter")
        splitter.addWidget(self.drafts_box)
        splitter.addWidget(self.sent_box)
        splitter.setSizes([220, 420])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return tab

    def _build_received_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("received_tab")
        self.verify_button = _button("verify_button", self.tr("Check a file…"), tab)
        self.verify_hint = QLabel(
            self.tr("Check a filing from a USB stick before importing it."), tab
        )
        self.verify_hint.setObjectName("verify_hint")
        self.received_table = table(
            "received_table",
            [
                self.tr("Filing ID"),
                self.tr("Sender"),
                self.tr("Sequence"),
                self.tr("Records"),
                self.tr("Secrecy level"),
                self.tr("Time claimed"),
                self.tr("Imported on"),
            ],
            tab,
            1,
        )
        self.records_table = table(
            "records_table",
            [
                self.tr("Kind of record"),
                self.tr("Record"),
                self.tr("Secrecy level"),
                self.tr("Number at the sender"),
                self.tr("Note"),
            ],
            tab,
            1,
        )
        self.documents_box = QGroupBox(self.tr("Documents of the record"), tab)
        self.documents_box.setObjectName("documents_box")
        self.documents_list = QListWidget(self.documents_box)
        self.documents_list.setObjectName("documents_list")
        self.open_document_button = _button(
            "open_document_button", self.tr("Show"), self.documents_box
        )
        self.save_document_button = _button(
            "save_document_button", self.tr("Save as…"), self.documents_box
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_document_button)
        buttons.addWidget(self.save_document_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.documents_box)
        box.addWidget(self.documents_list, 1)
        box.addLayout(buttons)

        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.verify_hint, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, tab)
        lower.setObjectName("records_splitter")
        lower.addWidget(self.records_table)
        lower.addWidget(self.documents_box)
        lower.setSizes([640, 320])
        lower.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.setObjectName("received_splitter")
        splitter.addWidget(self.received_table)
        splitter.addWidget(lower)
        splitter.setSizes([240, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return tab

    def _build_keys_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("keys_tab")
        self.own_box = QGroupBox(self.tr("This unit's keys"), tab)
        self.own_box.setObjectName("own_box")
        self.no_keys_label = value_label(
            self.tr(
                "This unit has no filing keys yet. The system administrator generates them; "
                "then the key card goes to the offices we file with."
            ),
            "no_keys_label",
            self.own_box,
        )
        self.own_facts = FieldForm(self.own_box)
        self.own_facts.setObjectName("own_facts")
        self.key_id_label = mono_label("", "key_id_label", self.own_box)
        self.fingerprint_label = mono_label("", "fingerprint_label", self.own_box)
        self.fingerprint_label.setStyleSheet("font-size: 15px;")
        self.recipient_label = mono_label("", "recipient_label", self.own_box)
        self.recipient_label.setWordWrap(True)
        self.created_label = value_label("", "created_label", self.own_box)
        self.own_facts.add_field("key_id", self.tr("Key ID"), self.key_id_label)
        self.own_facts.add_field("fingerprint", self.tr("Fingerprint"), self.fingerprint_label)
        self.own_facts.add_field("recipient", self.tr("Receiving key (age)"), self.recipient_label)
        self.own_facts.add_field("created", self.tr("Made on"), self.created_label)
        self.generate_button = _button(
            "generate_button", self.tr("Generate keys…"), self.own_box, visible=False
        )
        self.rotate_button = _button(
            "rotate_button", self.tr("Replace keys…"), self.own_box, visible=False
        )
        self.save_card_button = _button(
            "save_card_button", self.tr("Save key card…"), self.own_box, visible=False
        )
        self.card_label = value_label("", "card_label", self.own_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.rotate_button)
        buttons.addWidget(self.save_card_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.own_box)
        box.addWidget(self.no_keys_label)
        box.addWidget(self.own_facts)
        box.addLayout(buttons)
        box.addWidget(self.card_label)

        self.trust_box = QGroupBox(self.tr("Trusted offices"), tab)
        self.trust_box.setObjectName("trust_box")
        self.trusted_table = table(
            "trusted_table",
            [
                self.tr("Office"),
                self.tr("Credit code"),
                self.tr("Key ID"),
                self.tr("Fingerprint"),
                self.tr("Added on"),
                self.tr("Status"),
            ],
            self.trust_box,
            3,
        )
        self.import_card_button = _button(
            "import_card_button",
            self.tr("Import key card…"),
            self.trust_box,
            visible=self._can_trust,
        )
        self.retire_button = _button(
            "retire_button", self.tr("Retire…"), self.trust_box, visible=self._can_trust
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_card_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.trust_box)
        box.addWidget(self.trusted_table, 1)
        box.addLayout(buttons)

        layout = QVBoxLayout(tab)
        layout.addWidget(self.own_box)
        layout.addWidget(self.trust_box, 1)
        return tab

    def _connect(self) -> None:
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.drafts_table.itemSelectionChanged.connect(self._update_buttons)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.received_table.selectionModel().selectionChanged.connect(
            self._on_received_selection_changed
        )
        self.records_table.itemSelectionChanged.connect(self._on_records_table_selection_changed)
        self.documents_list.currentRowChanged.connect(self._on_documents_list_current_row_changed)
        self.documents_list.itemDoubleClicked.connect(self._on_documents_list_item_double_clicked)
        self.open_document_button.clicked.connect(self._on_open_document_button_clicked)
        self.save_document_button.clicked.connect(self._on_save_document_button_clicked)
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.rotate_button.clicked.connect(self._on_rotate_button_clicked)
        self.save_card_button.clicked.connect(self._on_save_card_button_clicked)
        self.import_card_button.clicked.connect(self._on_import_card_button_clicked)
        self.retire_button.clicked.connect(self._on_retire_button_clicked)
        self.trusted_table.itemSelectionChanged.connect(self._update_buttons)

    # -- public --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the filings, the drafts, the keys and the trust store (off the UI thread)."""
        service, actor = self._service, self._actor
        if self._wanted_received is None:
            self._wanted_received = self._records_of

        def job() -> Loaded:
            return (
                service.sent(actor),
                service.drafts(actor),
                service.received(actor),
                service.own_keys(actor),
                service.trusted(actor),
            )

        self._runner.run(job, self._on_loaded, self._on_error)

    @property
    def sent(self) -> list[Filing]:
        return list(self._sent)

    @property
    def drafts(self) -> list[Draft]:
        return list(self._drafts)

    @property
    def received(self) -> list[Filing]:
        return list(self._received)

    @property
    def records(self) -> list[ReceivedRecord]:
        return list(self._records)

    @property
    def trusted(self) -> list[TrustedKey]:
        return list(self._trusted)

    @property
    def own_keys(self) -> OwnKeys | None:
        return self._own

    def open_wizard(self, draft: Draft | None = None) -> FilingWizard:
        wizard = FilingWizard(
            self._service,
            self._runner,
            self._actor,
            self,
            draft=draft,
            folder=self.last_folder,
            choose_folder=self._choose_folder,
        )
        wizard.exported.connect(self._on_wizard_exported)
        wizard.approval_requested.connect(self._on_wizard_approval_requested)
        wizard.folder_chosen.connect(self._on_wizard_folder_chosen)
        wizard.finished.connect(self._on_wizard_finished)
        self.wizard = wizard
        wizard.open()
        return wizard

    def select_received(self, filing_row: int) -> None:
        """Show that filing's records (now, or once the list has it)."""
        self._wanted_received = filing_row
        for row, f in enumerate(self._received):
            if f.id == filing_row:
                if self.received_table.selectionModel().isRowSelected(row):
                    self._load_records(f.id)
                else:
                    self.received_table.selectRow(row)
                return

    def select_record(self, index: int) -> None:
        self.records_table.selectRow(index)

    def verify_file(self, path: Path) -> VerificationDialog:
        dialog = VerificationDialog(self._service, self._runner, self._actor, path, self)
        dialog.imported.connect(self._on_verification_imported)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_document(self) -> AttachmentViewer | None:
        name = self._current_document()
        filing_row = self._records_of
        if name is None or filing_row is None:
            return None
        if self.viewer is not None and shiboken6.isValid(self.viewer):
            self.viewer.close()
        service, actor = self._service, self._actor
        viewer = AttachmentViewer(
            PurePosixPath(name).name,
            "",
            lambda: service.received_document(actor, filing_row, name),
            self._runner,
            self,
        )
        viewer.finished.connect(self._on_viewer_finished)
        self.viewer = viewer
        viewer.open()
        return viewer

    def save_document(self) -> None:
        name = self._current_document()
        filing_row = self._records_of
        if name is None or filing_row is None:
            return
        path = self._choose_path(self, PurePosixPath(name).name)
        if path is None:
            return
        service, actor = self._service, self._actor

        def done(_result: object) -> None:
            if shiboken6.isValid(self):
                self._set_status(self.tr("Saved to %1").replace("%1", str(path)))
                self.document_saved.emit(path)

        self._runner.run(
            lambda: service.save_received_document(actor, filing_row, name, path),
            done,
            self._on_error,
        )

    # -- slots: sent ---------------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        if self.wizard is None:
            self.open_wizard()

    def _on_continue_button_clicked(self) -> None:
        draft = self._current_draft()
        if draft is not None and draft.approval == "approved" and self.wizard is None:
            self.open_wizard(draft)

    def _on_discard_button_clicked(self) -> None:
        draft = self._current_draft()
        if draft is not None and self.dialog is None:
            self._open(DiscardDraftDialog(self._service, self._runner, self._actor, draft, self))

    def _on_wizard_exported(self, result: object) -> None:
        path = getattr(result, "path", "")
        self._set_status(self.tr("Filing written to %1").replace("%1", str(path)))
        self.reload()

    def _on_wizard_approval_requested(self, _request: object) -> None:
        self._set_status(
            self.tr(
                "The secrecy approval is requested. Once it is granted, continue the export "
                "here (Continue export…)."
            )
        )
        self.reload()

    def _on_wizard_folder_chosen(self, folder: object) -> None:
        if isinstance(folder, Path):
            self.last_folder = folder

    def _on_wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None and shiboken6.isValid(wizard):
            wizard.deleteLater()

    # -- slots: received -----------------------------------------------------------------------
    def _on_verify_button_clicked(self) -> None:
        if self.dialog is not None:
            return
        path = self._choose_file(self, "filing")
        if path is not None:
            self.verify_file(path)

    def _on_verification_imported(self, result: object) -> None:
        row = getattr(result, "filing_row", None)
        if isinstance(row, int):
            self._wanted_received = row
        self.tabs.setCurrentIndex(RECEIVED_TAB)
        self.reload()

    def _on_received_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        row = _selected_row(self.received_table)
        if row is None or row >= len(self._received):
            self._show_records(None, [])
            return
        self._load_records(self._received[row].id)

    def _on_records_table_selection_changed(self) -> None:
        row = _selected_row(self.records_table)
        self.documents_list.clear()
        if row is not None and row < len(self._records):
            for name in self._records[row].documents:
                # Shown without the record's own folder in the packet (achievement-1/…).
                item = QListWidgetItem(name.partition("/")[2] or name)
                item.setData(DOCUMENT_ROLE, name)
                item.setToolTip(name)
                self.documents_list.addItem(item)
            if self.documents_list.count():
                self.documents_list.setCurrentRow(0)
        self._update_buttons()

    def _on_documents_list_current_row_changed(self, _row: int) -> None:
        self._update_buttons()

    def _on_documents_list_item_double_clicked(self, _item: object) -> None:
        self.open_document()

    def _on_open_document_button_clicked(self) -> None:
        self.open_document()

    def _on_save_document_button_clicked(self) -> None:
        self.save_document()

    def _on_viewer_finished(self, _result: int) -> None:
        self.viewer = None

    # -- slots: keys ---------------------------------------------------------------------------
    def _on_generate_button_clicked(self) -> None:
        if self.dialog is None:
            self._open(
                KeysDialog(self._service, self._runner, self._actor, replacing=False, parent=self)
            )

    def _on_rotate_button_clicked(self) -> None:
        if self.dialog is None:
            self._open(
                KeysDialog(self._service, self._runner, self._actor, replacing=True, parent=self)
            )

    def _on_save_card_button_clicked(self) -> None:
        folder = self._choose_folder(self, str(self.last_folder or ""))
        if folder is None:
            return
        self.last_folder = folder
        service, actor = self._service, self._actor

        def done(paths: tuple[Path, Path]) -> None:
            if not shiboken6.isValid(self):
                return
            card, pdf = paths
            self.card_label.setText(
                self.tr("Key card saved:\n%1\n%2 (print it, sign it, and send it on paper)")
                .replace("%1", str(card))
                .replace("%2", str(pdf))
            )
            self.key_card_saved.emit(paths)

        self.card_label.clear()
        self._runner.run(lambda: service.save_key_card(actor, folder), done, self._on_error)

    def _on_import_card_button_clicked(self) -> None:
        if self.dialog is not None:
            return
        path = self._choose_file(self, "card")
        if path is not None:
            self.import_card(path)

    def import_card(self, path: Path) -> None:
        """Read the key card at ``path``; if it checks out, ask for the fingerprint."""
        service, actor = self._service, self._actor

        def job() -> tuple[bytes, CardPreview]:
            try:
                data = path.read_bytes()
            except OSError as e:
                raise StorageError(
                    self.tr("Cannot read %1: %2")
                    .replace("%1", path.name)
                    .replace("%2", e.strerror or str(e))
                ) from e
            return data, service.read_card(actor, data)

        def done(result: tuple[bytes, CardPreview]) -> None:
            if not shiboken6.isValid(self) or self.dialog is not None:
                return
            data, card = result
            self._open(TrustCardDialog(service, self._runner, actor, data, card, self))

        self._runner.run(job, done, self._on_error)

    def _on_retire_button_clicked(self) -> None:
        key = self._current_trusted()
        if key is not None and key.active and self.dialog is None:
            self._open(RetireKeyDialog(self._service, self._runner, self._actor, key, self))

    # -- slots: common -------------------------------------------------------------------------
    def _on_loaded(self, result: Loaded) -> None:
        if not shiboken6.isValid(self):
            return  # the page went (the window locked) while the lists were read
        self._sent, self._drafts, self._received, self._own, self._trusted = result
        self._show_sent()
        self._show_received()
        self._show_keys()
        self._update_buttons()
        self.reloaded.emit()

    def _on_dialog_saved(self, result: object) -> None:
        if isinstance(self.dialog, TrustCardDialog) and isinstance(result, TrustedKey):
            self._set_status(self.tr("The key of %1 is now trusted.").replace("%1", result.office))
        elif isinstance(self.dialog, KeysDialog):
            self._set_status(
                self.tr("The unit's keys are ready. Save the key card and give it to the offices.")
            )
        self.reload()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    # -- internals -----------------------------------------------------------------------------
    def _open(self, dialog: D) -> D:
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_changed.emit(text)

    def _show_sent(self) -> None:
        fill_table(
            self.drafts_table,
            [
                [
                    d.filing.office,
                    "、".join(i.title for i in d.filing.items),
                    level_text(d.filing.level),
                    format_time(d.filing.created_at),
                    labels.approval_status(d.approval) if d.approval else self.tr("Not requested"),
                ]
                for d in self._drafts
            ],
        )
        fill_table(
            self.sent_table,
            [
                [
                    f.filing_id,
                    f.office,
                    str(f.sequence),
                    str(len(f.items)),
                    level_text(f.level),
                    labels.yes_no(f.encrypted),
                    f.file_name,
                    format_size(f.size),
                    format_time(f.completed_at),
                    f.sha256[:16] + "…",
                ]
                for f in self._sent
            ],
        )
        for row, f in enumerate(self._sent):
            cell = self.sent_table.item(row, 9)
            if cell is not None:
                cell.setToolTip(f.sha256)
        self.drafts_box.setTitle(
            self.tr("Waiting for the secrecy approval (%1)").replace("%1", str(len(self._drafts)))
        )
        self.sent_box.setTitle(self.tr("Filings sent (%1)").replace("%1", str(len(self._sent))))

    def _show_received(self) -> None:
        wanted, self._wanted_received = self._wanted_received, None
        self.received_table.blockSignals(True)
        fill_table(
            self.received_table,
            [
                [
                    f.filing_id,
                    f.office,
                    str(f.sequence),
                    str(len(f.items)),
                    level_text(f.level),
                    format_time(f.claimed_time),
                    format_time(f.completed_at),
                ]
                for f in self._received
            ],
        )
        self.received_table.blockSignals(False)
        ids = [f.id for f in self._received]
        if wanted is not None and wanted in ids:
            self.received_table.selectRow(ids.index(wanted))
        else:
            self.received_table.clearSelection()
            self._show_records(None, [])

    def _load_records(self, filing_row: int) -> None:
        service, actor = self._service, self._actor

        def done(records: list[ReceivedRecord]) -> None:
            if shiboken6.isValid(self):
                self._show_records(filing_row, records)

        self._runner.run(lambda: service.received_records(actor, filing_row), done, self._on_error)

    def _show_records(self, filing_row: int | None, records: list[ReceivedRecord]) -> None:
        self._records_of = filing_row
        self._records = records
        differs = self.tr("Differs from the earlier copy")
        fill_table(
            self.records_table,
            [
                [
                    labels.filed_record_kind(r.kind),
                    r.title,
                    labels.clearance(r.level),
                    str(r.origin_id),
                    differs if r.differs_from is not None else "",
                ]
                for r in records
            ],
        )
        for row, r in enumerate(records):
            if r.differs_from is not None:
                for column in range(self.records_table.columnCount()):
                    cell = self.records_table.item(row, column)
                    if cell is not None:
                        cell.setBackground(QBrush(DIFFERS_BACKGROUND))
        self.documents_list.clear()
        if records:
            self.records_table.selectRow(0)
        self._update_buttons()
        if filing_row is not None:
            self.records_shown.emit(filing_row)

    def _show_keys(self) -> None:
        own = self._own
        self.no_keys_label.setVisible(own is None)
        self.own_facts.setVisible(own is not None)
        if own is not None:
            self.key_id_label.setText(own.key_id)
            self.fingerprint_label.setText(fingerprint_lines(own.fingerprint))
            self.recipient_label.setText(own.recipient)
            self.created_label.setText(format_time(own.created_at))
        self.generate_button.setVisible(self._can_manage_keys and own is None)
        self.rotate_button.setVisible(self._can_manage_keys and own is not None)
        self.save_card_button.setVisible(own is not None)
        fill_table(
            self.trusted_table,
            [
                [
                    k.office,
                    k.credit_code,
                    key_id_text(k.key_id),
                    fingerprint_lines(k.fingerprint, TABLE_GROUPS_PER_LINE),
                    format_time(k.added_at),
                    self.tr("In use")
                    if k.active
                    else self.tr("Retired on %1 (%2)")
                    .replace("%1", format_iso_date((k.retired_at or "")[:10]))
                    .replace("%2", k.retire_reason),
                ]
                for k in self._trusted
            ],
        )
        self.trusted_table.resizeRowsToContents()

    def _current_draft(self) -> Draft | None:
        row = _selected_row(self.drafts_table)
        return self._drafts[row] if row is not None and row < len(self._drafts) else None

    def _current_trusted(self) -> TrustedKey | None:
        row = _selected_row(self.trusted_table)
        return self._trusted[row] if row is not None and row < len(self._trusted) else None

    def _current_document(self) -> str | None:
        item = self.documents_list.currentItem()
        return str(item.data(DOCUMENT_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        draft = self._current_draft()
        self.continue_button.setEnabled(draft is not None and draft.approval == "approved")
        self.discard_button.setEnabled(draft is not None)
        key = self._current_trusted()
        self.retire_button.setEnabled(key is not None and key.active)
        has_document = self._current_document() is not None
        self.open_document_button.setEnabled(has_document)
        self.save_document_button.setEnabled(has_document)
