"""The export wizard of a sealed filing (报送件), page by page:

1. 选择内容 — the records to send, grouped by kind, with a filter;
2. 收件单位 — an office from the trust store, and 加密（age）(on by default);
3. 预览 — what goes in: the records with their levels, the documents with their sizes, the
   filing number, the file name, and the highest level with the mark the packet carries;
4. 保密审批 — only when something above 内部 is inside: a reason and 申请保密审批, which keeps
   the filing as a draft for the secrecy administrator and ends the wizard; a draft continued
   after its approval just shows 已批准;
5. 目标文件夹 — the USB stick;
6. 导出 — the packet is sealed, written, read back and verified off the UI thread, with a
   progress bar and 取消;
7. 完成 — the file's name, size and SHA-256, and the advice to eject the stick safely.

The office comes before the preview because the service computes the preview (the sequence and
the file name) for one recipient, and an approval is given for one recipient.

A refusal is shown on the page it belongs to: a full, pulled or read-only stick on the folder
page, a missing approval on the approval page, a retired recipient on the recipient page. Nothing
is left on the stick after a failure or a cancel (the service sees to that).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.accounts import User
from desktop.domain.approvals import ApprovalRequest
from desktop.domain.filings import KINDS, Item, TrustedKey
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.services.filings import Draft, Exported, FilingService, OwnKeys, Preview
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.filing_dialogs import (
    ERROR_STYLE,
    document_headers,
    fill_table,
    item_headers,
    item_rows,
    level_text,
    mono_label,
    table,
    value_label,
)
from desktop.ui.tasks import Progress, TaskRunner
from desktop.ui.widgets.attachment_list import format_size
from desktop.ui.widgets.field_form import FieldForm

CHOOSE, RECIPIENT, PREVIEW, GATE, FOLDER, EXPORT, DONE = range(7)
ITEM_ROLE = Qt.ItemDataRole.UserRole
REASON_LINES = 3

FolderChooser = Callable[[QWidget, str], Path | None]


def choose_folder(parent: QWidget, start: str) -> Path | None:
    """Ask for the folder to write to (the USB stick); ``start`` is where the dialog opens."""
    name = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("FilingWizard", "Choose the folder to write the filing to"),
        start,
    )
    return Path(name) if name else None


def office_text(key: TrustedKey) -> str:
    return key.office + (f"（{key.credit_code}）" if key.credit_code else "")


class ChoosePage(QWizardPage):
    """The records to send: a checkable tree grouped by kind, with a filter box."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("choose_page")
        self._wizard = wizard
        self.setTitle(self.tr("What to file"))
        self.setSubTitle(
            self.tr("Tick the records to send. Each goes in with its data and its documents.")
        )
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title"))
        self.filter_edit.setClearButtonEnabled(True)
        self.select_shown_button = QPushButton(self.tr("Tick all shown"), self)
        self.select_shown_button.setObjectName("select_shown_button")
        self.clear_button = QPushButton(self.tr("Untick all"), self)
        self.clear_button.setObjectName("clear_button")
        self.items_tree = QTreeWidget(self)
        self.items_tree.setObjectName("items_tree")
        self.items_tree.setHeaderLabels(
            [self.tr("Record"), self.tr("Secrecy level"), self.tr("Number")]
        )
        self.items_tree.setRootIsDecorated(True)
        self.items_tree.setUniformRowHeights(True)
        self.items_tree.header().setStretchLastSection(False)
        self.items_tree.setColumnWidth(0, 480)
        self.note_label = value_label(self.tr("Reading the records…"), "note_label", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")

        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 1)
        tools.addWidget(self.select_shown_button)
        tools.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.items_tree, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.count_label)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.select_shown_button.clicked.connect(self._on_select_shown_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.items_tree.itemChanged.connect(self._on_items_tree_item_changed)
        self._update_count()

    # -- public -------------------------------------------------------------------------------
    def show_items(self, items: list[Item], *, fixed: bool) -> None:
        """List ``items`` grouped by kind; ``fixed``: all ticked and unchangeable (a draft)."""
        self.items_tree.blockSignals(True)
        self.items_tree.clear()
        for kind in KINDS:
            of_kind = [i for i in items if i.kind == kind]
            if not of_kind:
                continue
            group = QTreeWidgetItem(self.items_tree, [labels.filed_record_kind(kind)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFirstColumnSpanned(False)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for item in of_kind:
                child = QTreeWidgetItem(
                    group, [item.title, labels.clearance(item.level), str(item.id)]
                )
                child.setData(0, ITEM_ROLE, item)
                child.setToolTip(0, item.title)
                flags = Qt.ItemFlag.ItemIsEnabled
                if not fixed:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                child.setFlags(flags)
                child.setCheckState(0, Qt.CheckState.Checked if fixed else Qt.CheckState.Unchecked)
        self.items_tree.expandAll()
        for column in (1, 2):
            self.items_tree.resizeColumnToContents(column)
        self.items_tree.blockSignals(False)
        self.filter_edit.setEnabled(not fixed)
        self.select_shown_button.setVisible(not fixed)
        self.clear_button.setVisible(not fixed)
        if fixed:
            self.note_label.setText(
                self.tr("These records were approved as they are; they cannot be changed now.")
            )
        elif not items:
            self.note_label.setText(self.tr("There are no records you could file."))
        else:
            self.note_label.clear()
        self.note_label.setVisible(bool(self.note_label.text()))
        self._apply_filter()
        self._update_count()

    def chosen(self) -> list[Item]:
        return [
            child.data(0, ITEM_ROLE)
            for child in self.record_items()
            if child.checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, kind: str, record_id: int, checked: bool = True) -> None:
        for child in self.record_items():
            item: Item = child.data(0, ITEM_ROLE)
            if item.kind == kind and item.id == record_id:
                child.setCheckState(
                    0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )

    def record_items(self) -> list[QTreeWidgetItem]:
        """The rows of the records (not of their kinds), shown or filtered out."""
        found = []
        iterator = QTreeWidgetItemIterator(self.items_tree)
        while iterator.value():
            node = iterator.value()
            if node.parent() is not None:
                found.append(node)
            iterator += 1
        return found

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.chosen())

    # -- slots --------------------------------------------------------------------------------
    def _on_filter_edit_text_changed(self, _text: str) -> None:
        self._apply_filter()

    def _on_select_shown_button_clicked(self) -> None:
        for child in self.record_items():
            if not child.isHidden():
                child.setCheckState(0, Qt.CheckState.Checked)

    def _on_clear_button_clicked(self) -> None:
        for child in self.record_items():
            child.setCheckState(0, Qt.CheckState.Unchecked)

    def _on_items_tree_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._update_count()
            self.completeChanged.emit()

    # -- internals ----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        needle = self.filter_edit.text().strip().casefold()
        for g in range(self.items_tree.topLevelItemCount()):
            group = self.items_tree.topLevelItem(g)
            assert group is not None
            shown = 0
            for c in range(group.childCount()):
                child = group.child(c)
                assert child is not None
                item: Item = child.data(0, ITEM_ROLE)
                hide = bool(needle) and needle not in item.title.casefold()
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 chosen").replace("%1", str(len(self.chosen()))))


class RecipientPage(QWizardPage):
    """The office the filing goes to, and whether it is encrypted to it."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("recipient_page")
        self._wizard = wizard
        self._has_keys = False
        self.setTitle(self.tr("Recipient"))
        self.setSubTitle(
            self.tr("The office that receives the filing. Only offices in the trust store can.")
        )
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setObjectName("recipient_combo")
        self.encrypt_check = QCheckBox(self.tr("Encrypt (age)"), self)
        self.encrypt_check.setObjectName("encrypt_check")
        self.encrypt_check.setChecked(True)
        self.fields.add_field("recipient", self.tr("Recipient office"), self.recipient_combo)
        self.fields.add_field("encrypt", self.tr("Protection in transit"), self.encrypt_check)
        self.encrypt_note = value_label(
            self.tr(
                "An encrypted filing can be read only by the recipient office (and by this unit, "
                "to check what it wrote). Without encryption anyone holding the stick can read "
                "it; the signature still shows any change."
            ),
            "encrypt_note",
            self,
        )
        self.keys_label = value_label("", "keys_label", self)
        self.keys_label.setStyleSheet(ERROR_STYLE)
        self.keys_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.encrypt_note)
        layout.addWidget(self.keys_label)
        layout.addStretch(1)
        self.recipient_combo.currentIndexChanged.connect(
            self._on_recipient_combo_current_index_changed
        )
        self.encrypt_check.toggled.connect(self._on_encrypt_check_toggled)

    def show_offices(
        self, trusted: list[TrustedKey], own: OwnKeys | None, draft: Draft | None
    ) -> None:
        self.recipient_combo.clear()
        active = [k for k in trusted if k.active]
        if draft is not None:
            active = [k for k in active if k.id == draft.filing.trusted_key_id]
        for key in active:
            self.recipient_combo.addItem(office_text(key), key.id)
        self._has_keys = own is not None
        problems = []
        if own is None:
            problems.append(
                self.tr(
                    "This unit has no filing keys yet: the system administrator generates them "
                    "on the Keys tab of the Filings page."
                )
            )
        if not active:
            problems.append(
                self.tr(
                    "No office in the trust store can receive this filing: the secrecy "
                    "administrator imports the office's key card on the Keys tab first."
                )
            )
        self.keys_label.setText("\n".join(problems))
        self.keys_label.setVisible(bool(problems))
        if draft is not None:
            self.recipient_combo.setEnabled(False)
            self.encrypt_check.setChecked(draft.filing.encrypted)
            self.encrypt_check.setEnabled(False)
        self.completeChanged.emit()

    @property
    def recipient_id(self) -> int | None:
        data = self.recipient_combo.currentData()
        return int(data) if data is not None else None

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self._has_keys and self.recipient_id is not None

    def _on_recipient_combo_current_index_changed(self, _index: int) -> None:
        self.fields.clear_error("recipient")
        self.completeChanged.emit()

    def _on_encrypt_check_toggled(self, _on: bool) -> None:
        self.fields.clear_error("encrypt")


class PreviewPage(QWizardPage):
    """What goes in, computed by the service for the records and the office chosen."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("preview_page")
        self._wizard = wizard
        self._token = 0
        self.preview: Preview | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What the filing will hold, as the recipient will see it."))
        self.facts = FieldForm(self)
        self.facts.setObjectName("facts")
        self.recipient_label = value_label("", "recipient_label", self)
        self.filing_label = mono_label("", "filing_label", self)
        self.file_label = mono_label("", "file_label", self)
        self.level_label = value_label("", "level_label", self)
        self.facts.add_field("recipient", self.tr("Recipient office"), self.recipient_label)
        self.facts.add_field("filing", self.tr("Filing ID"), self.filing_label)
        self.facts.add_field("file", self.tr("File name"), self.file_label)
        self.facts.add_field("level", self.tr("Highest secrecy level (mark)"), self.level_label)
        self.status_label = value_label("", "status_label", self)
        self.items_table = table("items_table", item_headers(), self, 1)
        self.documents_table = table("documents_table", document_headers(), self, 0)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("total_label")
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.status_label)
        layout.addWidget(self.items_table, 1)
        layout.addWidget(self.documents_table, 1)
        layout.addWidget(self.total_label)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self._token += 1
        token = self._token
        self.preview = None
        self.completeChanged.emit()
        for label in (self.recipient_label, self.filing_label, self.file_label, self.level_label):
            label.clear()
        self.total_label.clear()
        self.items_table.setRowCount(0)
        self.documents_table.setRowCount(0)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Gathering the records and their documents…"))
        w = self._wizard
        service, actor = w.service, w.actor
        items, recipient, encrypt = w.items(), w.recipient_id(), w.encrypt()
        if recipient is None:
            return

        def done(result: Preview) -> None:
            if shiboken6.isValid(self) and token == self._token:
                self._show(result)

        def failed(error: AppError) -> None:
            if shiboken6.isValid(self) and token == self._token:
                self.status_label.setStyleSheet(ERROR_STYLE)
                self.status_label.setText(error.message)
                show_error(self, error)

        w.runner.run(
            lambda: service.preview(actor, items, recipient, encrypt=encrypt), done, failed
        )

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.preview is not None

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        if self.preview is not None and self.preview.needs_approval:
            return GATE
        return FOLDER

    def _show(self, preview: Preview) -> None:
        self.preview = preview
        self.recipient_label.setText(office_text(preview.recipient))
        self.filing_label.setText(
            self.tr("%1 (number %2 to this office)")
            .replace("%1", preview.filing_id)
            .replace("%2", str(preview.sequence))
        )
        self.file_label.setText(preview.file_name)
        level = level_text(preview.level)
        if preview.needs_approval:
            level += self.tr(" — needs the secrecy administrator's approval")
        self.level_label.setText(level)
        self.status_label.clear()
        fill_table(self.items_table, item_rows(preview.items))
        fill_table(
            self.documents_table,
            [[name, format_size(size)] for name, size in preview.documents],
        )
        total = sum(size for _, size in preview.documents)
        self.total_label.setText(
            self.tr("%1 records, %2 documents, %3 in all")
            .replace("%1", str(len(preview.items)))
            .replace("%2", str(len(preview.documents)))
            .replace("%3", format_size(total))
        )
        self._wizard.previewed.emit(preview)
        self.completeChanged.emit()


class GatePage(QWizardPage):
    """The classification gate: classified content goes out only with the secrecy
    administrator's recorded approval."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("gate_page")
        self._wizard = wizard
        self._busy = False
        self.setTitle(self.tr("Secrecy approval"))
        self.explain_label = value_label("", "explain_label", self)
        self.approved_label = QLabel(self.tr("Approval granted"), self)
        self.approved_label.setObjectName("approved_label")
        self.approved_label.setStyleSheet("font-weight: bold; font-size: 15px; color: #1b6e20;")
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. annual report of classified achievements to the provincial department")
        )
        line = self.reason_edit.fontMetrics().lineSpacing()
        self.reason_edit.setFixedHeight(line * REASON_LINES + 2 * self.reason_edit.frameWidth() + 8)
        self.fields.add_field("reason", self.tr("Reason for the filing"), self.reason_edit)
        self.request_button = QPushButton(self.tr("Request secrecy approval"), self)
        self.request_button.setObjectName("request_button")
        self.status_label = value_label("", "status_label", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.approved_label)
        layout.addWidget(self.fields)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.request_button.clicked.connect(self._on_request_button_clicked)

    @property
    def approved(self) -> bool:
        draft = self._wizard.draft
        return draft is not None and draft.approval == "approved"

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        preview = self._wizard.preview_page.preview
        level = labels.clearance(preview.level) if preview is not None else ""
        if self.approved:
            self.setSubTitle(self.tr("The secrecy administrator has approved this filing."))
            self.explain_label.setText(
                self.tr(
                    "The filing holds %1 content. It was approved as it stands: the same records "
                    "to the same office."
                ).replace("%1", level)
            )
        else:
            self.setSubTitle(self.tr("Classified content needs the secrecy administrator."))
            self.explain_label.setText(
                self.tr(
                    "The filing holds %1 content. Content classified 秘密 or 机密 (or above) may "
                    "leave the unit only with the secrecy administrator's recorded approval. "
                    "Give the reason and request the approval: the filing is kept as a draft, "
                    "and once it is approved you continue the export from the Sent tab "
                    "(继续导出…)."
                ).replace("%1", level)
            )
        self.approved_label.setVisible(self.approved)
        self.fields.setVisible(not self.approved)
        self.request_button.setVisible(not self.approved)
        self.status_label.clear()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.approved

    def show_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(error.message)
        show_error(self, error)

    def request(self) -> None:
        """What 申请保密审批 does."""
        if self._busy:
            return
        self.fields.clear_errors()
        self.status_label.setStyleSheet("")
        w = self._wizard
        service, actor = w.service, w.actor
        items, recipient, encrypt = w.items(), w.recipient_id(), w.encrypt()
        reason = self.reason_edit.toPlainText()
        if recipient is None:
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Submitting the request…"))

        def done(request: ApprovalRequest) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                w.request_done(request)

        def failed(error: AppError) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.status_label.clear()
                self.show_error(error)

        w.runner.run(
            lambda: service.request_approval(
                actor, items, recipient, encrypt=encrypt, reason=reason
            ),
            done,
            failed,
        )

    def _on_request_button_clicked(self) -> None:
        self.request()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.request_button.setEnabled(not busy)
        self._wizard.set_busy(busy)


class FolderPage(QWizardPage):
    """The folder to write to, normally the USB stick."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("folder_page")
        self._wizard = wizard
        self.setTitle(self.tr("Target folder"))
        self.setSubTitle(self.tr("Where the filing is written: normally the USB stick."))
        self.setCommitPage(True)
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("folder_edit")
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("choose_button")
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder_edit, 1)
        row_layout.addWidget(self.choose_button)
        self.fields.add_field("folder", self.tr("Folder"), row)
        self.target_label = value_label("", "target_label", self)
        self.hint_label = value_label(
            self.tr(
                "The filing is first written under a temporary name, read back and checked, and "
                "only then given its name: a stick pulled out, full or read-only keeps no "
                "half-written filing. Leave the stick in until the wizard says it is done."
            ),
            "hint_label",
            self,
        )
        self.status_label = value_label("", "status_label", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.target_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.folder_edit.textChanged.connect(self._on_folder_edit_text_changed)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        if not self.folder_edit.text() and self._wizard.folder is not None:
            self.folder_edit.setText(str(self._wizard.folder))
        self._update_target()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        self.status_label.clear()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.folder_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        self.fields.clear_errors()
        self.status_label.clear()
        folder = Path(self.folder_edit.text().strip())
        if not folder.is_dir():
            self.fields.show_error("folder", self.tr("This folder does not exist."))
            return False
        self._wizard.set_folder(folder)
        return True

    def show_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(error.message)
        show_error(self, error)

    def show_note(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    def _on_choose_button_clicked(self) -> None:
        chosen = self._wizard.choose_folder(self, self.folder_edit.text())
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def _on_folder_edit_text_changed(self, _text: str) -> None:
        self.fields.clear_error("folder")
        self._update_target()
        self.completeChanged.emit()

    def _update_target(self) -> None:
        preview = self._wizard.preview_page.preview
        text = self.folder_edit.text().strip()
        if preview is None or not text:
            self.target_label.clear()
            return
        self.target_label.setText(
            self.tr("Will be written as %1").replace("%1", str(Path(text) / preview.file_name))
        )


class ExportPage(QWizardPage):
    """Sealing and writing, off the UI thread, with a progress bar and 取消."""

    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("export_page")
        self._wizard = wizard
        self.progress: Progress | None = None
        self.setTitle(self.tr("Exporting"))
        self.setSubTitle(
            self.tr("Sealing the filing, writing it, reading it back and checking it.")
        )
        self.status_label = value_label("", "status_label", self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progress_bar")
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.setObjectName("cancel_button")
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.status_label)
        layout.addLayout(row)
        layout.addStretch(2)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    @property
    def running(self) -> bool:
        return self.progress is not None and not self.progress.done

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        w = self._wizard
        service, actor = w.service, w.actor
        items, recipient, encrypt = w.items(), w.recipient_id(), w.encrypt()
        folder, draft = w.folder, w.draft
        if recipient is None or folder is None:
            return
        draft_id = draft.filing.id if draft is not None else None
        prepared = w.preview_page.preview  # its documents are sealed as shown, not rendered again
        self.status_label.setText(self.tr("Writing %1…").replace("%1", str(folder)))
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)

        def job(progress: Progress) -> Exported:
            return service.export(
                actor,
                items,
                recipient,
                folder,
                encrypt=encrypt,
                draft_id=draft_id,
                prepared=prepared,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        self.progress = w.runner.run_with_progress(
            job, self._on_exported, self._on_failed, self._on_cancelled
        )
        self.progress.reported.connect(self._on_progress_reported)
        w.set_busy(True)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def cancel(self) -> None:
        if self.running and self.progress is not None:
            self.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()

    def _on_progress_reported(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_exported(self, result: Exported) -> None:
        if shiboken6.isValid(self):
            self._wizard.set_busy(False)
            self._wizard.export_done(result)

    def _on_failed(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            self._wizard.set_busy(False)
            self._wizard.export_failed(error)

    def _on_cancelled(self) -> None:
        if shiboken6.isValid(self):
            self._wizard.set_busy(False)
            self._wizard.export_cancelled()


class DonePage(QWizardPage):
    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.setObjectName("done_page")
        self._wizard = wizard
        self.setTitle(self.tr("Filing written"))
        self.setSubTitle(self.tr("The filing was written, read back and checked."))
        self.facts = FieldForm(self)
        self.facts.setObjectName("facts")
        self.file_label = value_label("", "file_label", self)
        self.size_label = value_label("", "size_label", self)
        self.sha_label = mono_label("", "sha_label", self)
        self.level_label = value_label("", "level_label", self)
        self.facts.add_field("file", self.tr("File"), self.file_label)
        self.facts.add_field("size", self.tr("Size"), self.size_label)
        self.facts.add_field("sha256", "SHA-256", self.sha_label)
        self.facts.add_field("level", self.tr("Highest secrecy level (mark)"), self.level_label)
        self.eject_label = value_label(
            self.tr(
                "Eject the USB stick safely (in the system's tray or file manager) before you "
                "pull it out; otherwise the filing may not be completely on it. Keep the SHA-256 "
                "above: the recipient can compare it."
            ),
            "eject_label",
            self,
        )
        self.eject_label.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.eject_label)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        result = self._wizard.exported_result
        if result is None:
            return
        self.file_label.setText(str(result.path))
        self.size_label.setText(
            self.tr("%1 (%2 bytes)")
            .replace("%1", format_size(result.size))
            .replace("%2", f"{result.size:,}")
        )
        self.sha_label.setText(
            " ".join(result.sha256[i : i + 16] for i in range(0, len(result.sha256), 16))
        )
        self.level_label.setText(level_text(result.level))


class FilingWizard(QWizard):
    """Exports one sealed filing; ``draft``: continue an approved draft (its records and office
    are fixed). ``folder``: where the folder choice starts (the last one used).

    Signals:
        loaded: the records and the offices are listed.
        previewed: a ``Preview`` is shown.
        approval_requested: an ``ApprovalRequest`` was made; the wizard then closes.
        exported: an ``Exported``; the done page follows.
        failed: an ``AppError`` ended the export (shown on the page it belongs to).
        folder_chosen: a ``Path`` chosen to write to.
    """

    loaded = Signal()
    previewed = Signal(object)
    approval_requested = Signal(object)
    exported = Signal(object)
    failed = Signal(object)
    folder_chosen = Signal(object)

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        draft: Draft | None = None,
        folder: Path | None = None,
        choose_folder: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filing_wizard")
        self.setWindowTitle(self.tr("New filing") if draft is None else self.tr("Continue filing"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Export"))
        self.resize(860, 660)
        self.service = service
        self.runner = runner
        self.actor = actor
        self.draft = draft
        self.folder = folder
        self.choose_folder = choose_folder
        self.exported_result: Exported | None = None
        self.request: ApprovalRequest | None = None
        self._busy = False

        self.choose_page = ChoosePage(self)
        self.recipient_page = RecipientPage(self)
        self.preview_page = PreviewPage(self)
        self.gate_page = GatePage(self)
        self.folder_page = FolderPage(self)
        self.export_page = ExportPage(self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate(
            (
                self.choose_page,
                self.recipient_page,
                self.preview_page,
                self.gate_page,
                self.folder_page,
                self.export_page,
                self.done_page,
            )
        ):
            self.setPage(page_id, page)
        self._load()

    # -- what the pages read ------------------------------------------------------------------
    def items(self) -> list[Item]:
        return self.choose_page.chosen()

    def recipient_id(self) -> int | None:
        return self.recipient_page.recipient_id

    def encrypt(self) -> bool:
        return self.recipient_page.encrypt_check.isChecked()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy or self._exporting())

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_chosen.emit(folder)

    # -- the ends -----------------------------------------------------------------------------
    def request_done(self, request: ApprovalRequest) -> None:
        self.request = request
        self.approval_requested.emit(request)
        self.accept()

    def export_done(self, result: Exported) -> None:
        self.exported_result = result
        self.exported.emit(result)
        if self.currentId() == EXPORT:
            self.next()

    def export_failed(self, error: AppError) -> None:
        """Back to the page the error belongs to, and show it there."""
        target = self._page_for(error)
        self._back_to(target)
        page = self.page(target)
        if isinstance(page, FolderPage | GatePage):
            page.show_error(error)
        elif isinstance(error, ValidationError) and isinstance(page, RecipientPage):
            if not page.fields.show_error(error.field, error.message):
                show_error(page, error)
        else:
            show_error(page, error)
        self.failed.emit(error)

    def export_cancelled(self) -> None:
        self._back_to(FOLDER)
        self.folder_page.show_note(
            self.tr("The export was cancelled; nothing was left in the folder.")
        )

    def reject(self) -> None:
        """Cancel, Esc, the window's close button: while exporting, they cancel the export;
        while the service answers anything else, nothing."""
        if self._exporting():
            self.export_page.cancel()
            return
        if not self._busy:
            super().reject()

    # -- internals ----------------------------------------------------------------------------
    def _exporting(self) -> bool:
        return self.currentId() == EXPORT and self.export_page.running

    def _page_for(self, error: AppError) -> int:
        if isinstance(error, ValidationError):
            return {
                "items": CHOOSE,
                "draft": CHOOSE,
                "recipient": RECIPIENT,
                "keys": RECIPIENT,
            }.get(error.field, FOLDER)
        if isinstance(error, PermissionDenied) and GATE in self.visitedIds():
            return GATE
        return FOLDER

    def _back_to(self, page_id: int) -> None:
        if page_id not in self.visitedIds():
            page_id = FOLDER
        while self.currentId() != page_id and len(self.visitedIds()) > 1:
            self.back()

    def _load(self) -> None:
        service, actor, draft = self.service, self.actor, self.draft

        def job() -> tuple[list[Item], list[TrustedKey], OwnKeys | None]:
            items = list(draft.filing.items) if draft is not None else service.candidates(actor)
            return items, service.trusted(actor), service.own_keys(actor)

        self.set_busy(True)
        self.runner.run(job, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: tuple[list[Item], list[TrustedKey], OwnKeys | None]) -> None:
        if not shiboken6.isValid(self):
            return
        self.set_busy(False)
        items, trusted, own = result
        self.choose_page.show_items(items, fixed=self.draft is not None)
        self.recipient_page.show_offices(trusted, own, self.draft)
        self.loaded.emit()

    def _on_load_failed(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        self.set_busy(False)
        self.choose_page.note_label.setText(error.message)
        self.choose_page.note_label.show()
        show_error(self, error)
