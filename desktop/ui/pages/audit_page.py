"""The audit log as the security auditor reads it (and the secrecy administrator, the auditor's
own entries): filters, the entries newest first, what one entry changed, and the checks that
prove the log was not rewritten (verify, verify against a checkpoint on paper, record a
checkpoint, export a printed extract)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.audit import AuditEntry, AuditFilter, Checkpoint, TreeHead, Verification
from desktop.domain.audit_diff import VALUE_FIELD, EntryLine, FieldChange, changes_in_words
from desktop.domain.audit_diff import field_changes as diff_fields
from desktop.domain.dates import format_cn_date, format_cn_datetime
from desktop.domain.merkle import HASH_SIZE
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.audit import AuditService
from desktop.services.documents import DocumentService
from desktop.services.session import UNKNOWN_ACTOR
from desktop.services.setup import SYSTEM_ACTOR
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import AsyncPagedTableModel, Column
from desktop.ui.tasks import Progress, TaskRunner
from desktop.ui.widgets.field_form import FieldForm

PdfPathChooser = Callable[[QWidget], Path | None]
SUMMARY_LENGTH = 80


def choose_extract_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AuditPage", "Save audit log extract as PDF"),
        "audit-extract.pdf",
        "PDF (*.pdf)",
    )
    return Path(name) if name else None


class AuditWording:
    """Puts entries in words with the UI's labels: for the table, the detail pane and the PDF.
    Plain data only, so the export job may use it on the worker thread."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def person(self, actor_id: str, fallback: str = "") -> str:
        if actor_id == SYSTEM_ACTOR:
            return QCoreApplication.translate("AuditPage", "Transfer Desk (system)")
        if actor_id == UNKNOWN_ACTOR:
            return QCoreApplication.translate("AuditPage", "Unknown (failed sign-in)")
        return self._names.get(actor_id) or fallback or actor_id

    def time(self, entry: AuditEntry) -> str:
        try:
            return format_cn_datetime(datetime.fromisoformat(entry.ts))
        except ValueError:  # a damaged log is shown as it is
            return entry.ts

    def object_text(self, entry: AuditEntry) -> str:
        kind = labels.audit_object_type(entry.object_type)
        if not entry.object_id:
            return kind
        if entry.object_type == "setting":
            return f"{kind} · {labels.audit_field(entry.object_id)}"
        if entry.object_type == "user" and entry.object_id in self._names:
            return f"{kind} {self._names[entry.object_id]}"
        return f"{kind} {entry.object_id}"

    def field(self, entry: AuditEntry, field: str) -> str:
        if field == VALUE_FIELD:
            if entry.object_type == "setting":
                return labels.audit_field(entry.object_id)
            return QCoreApplication.translate("AuditPage", "Value")
        return labels.audit_field(field, entry.object_type)

    def value(self, field: str, value: object) -> str:
        if field.rsplit(".", 1)[-1] == "actor" and isinstance(value, str):
            return self.person(value)
        return labels.audit_value(field, value)

    def changes(self, entry: AuditEntry) -> list[FieldChange]:
        if not entry.content_visible:
            return []
        return diff_fields(entry.before, entry.after, value_text=self.value)

    def changes_text(self, entry: AuditEntry) -> str:
        words = changes_in_words(
            self.changes(entry),
            lambda field: self.field(entry, field),
            separator=QCoreApplication.translate("AuditPage", "; "),
            colon=QCoreApplication.translate("AuditPage", ": "),
        )
        if entry.reason:
            reason = QCoreApplication.translate("AuditPage", "Reason: %1").replace(
                "%1", entry.reason
            )
            words = (
                f"{words}{QCoreApplication.translate('AuditPage', '; ')}{reason}"
                if words
                else reason
            )
        return words

    def summary(self, entry: AuditEntry) -> str:
        if not entry.content_visible:
            return withheld_text()
        text = self.changes_text(entry).replace("\n", " ")
        return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"

    def line(self, entry: AuditEntry) -> EntryLine:
        return EntryLine(
            seq=entry.seq,
            time=self.time(entry),
            person=self.person(entry.actor, entry.actor_name),
            action=labels.audit_action(entry.action),
            object=self.object_text(entry),
            changes=self.changes_text(entry) if entry.content_visible else withheld_text(),
            withheld=not entry.content_visible,
        )


def withheld_text() -> str:
    return QCoreApplication.translate(
        "AuditPage", "The content is classified above your clearance and is not shown."
    )


def parse_checkpoint(size_text: str, root_text: str) -> Checkpoint:
    """A tree head typed from paper: the size, and the root as 64 hex digits (spaces and colons
    allowed) or as the base64 line of a checkpoint."""
    size_clean = size_text.strip().replace(",", "").replace(" ", "")
    if not size_clean.isdigit() or not size_clean.isascii():
        raise ValidationError(
            "size",
            QCoreApplication.translate(
                "AuditPage", "Enter the number of entries: a whole number, 0 or more."
            ),
        )
    root_clean = "".join(root_text.split()).replace(":", "")
    root: bytes | None = None
    if len(root_clean) == 2 * HASH_SIZE:
        try:
            root = bytes.fromhex(root_clean)
        except ValueError:
            root = None
    elif root_clean:
        try:
            decoded = base64.b64decode(root_clean, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        root = decoded if len(decoded) == HASH_SIZE else None
    if root is None:
        raise ValidationError(
            "root",
            QCoreApplication.translate(
                "AuditPage",
                "Enter the tree root: 64 hexadecimal digits, or the base64 line of the checkpoint.",
            ),
        )
    return Checkpoint(
        int(size_clean), root, QCoreApplication.translate("AuditPage", "the checkpoint you entered")
    )


class CheckpointDialog(QDialog):
    """Asks for a tree head held on paper; ``checkpoint`` is set when the user accepts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkpoint_dialog")
        self.setWindowTitle(self.tr("Verify against a checkpoint"))
        self.checkpoint: Checkpoint | None = None
        intro = QLabel(
            self.tr(
                "Type the number of entries and the tree root from an earlier extract or "
                "checkpoint. The log must still contain exactly those entries."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.size_edit = QLineEdit(self)
        self.size_edit.setObjectName("size_edit")
        self.root_edit = QLineEdit(self)
        self.root_edit.setObjectName("root_edit")
        self.root_edit.setMinimumWidth(480)
        self.fields.add_field("size", self.tr("Entries"), self.size_edit)
        self.fields.add_field("root", self.tr("Tree root"), self.root_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Verify"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        self.fields.clear_errors()
        try:
            self.checkpoint = parse_checkpoint(self.size_edit.text(), self.root_edit.text())
        except ValidationError as e:
            self.fields.show_error(e.field, e.message)
            return
        super().accept()


class RecordCheckpointDialog(QDialog):
    """Asks for a note to go with a new checkpoint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_checkpoint_dialog")
        self.setWindowTitle(self.tr("Record checkpoint"))
        intro = QLabel(
            self.tr(
                "A checkpoint keeps the current size and root of the log. Later verifications "
                "compare against it, so a rewrite of older entries is found."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setMaxLength(200)
        self.fields.add_field("note", self.tr("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def note(self) -> str:
        return self.note_edit.text().strip()


class AuditPage(QWidget):
    def __init__(
        self,
        service: AuditService,
        documents: DocumentService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        choose_path: PdfPathChooser = choose_extract_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        self._service = service
        self._documents = documents
        self._runner = runner
        self._actor = actor
        self._choose_path = choose_path
        self._where = AuditFilter()
        self._wording = AuditWording({})
        self._progress: Progress | None = None
        self._loading = False

        note = QLabel(
            self.tr(
                "Every change is recorded here in the same transaction; entries cannot be "
                "edited or deleted."
            ),
            self,
        )
        note.setWordWrap(True)

        # -- filters
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("person_combo")
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("action_combo")
        self.object_type_combo = QComboBox(self)
        self.object_type_combo.setObjectName("object_type_combo")
        self.object_id_edit = QLineEdit(self)
        self.object_id_edit.setObjectName("object_id_edit")
        self.object_id_edit.setPlaceholderText(self.tr("Object number"))
        self.object_id_edit.setClearButtonEnabled(True)
        self.since_check = QCheckBox(self.tr("From date"), self)
        self.since_check.setObjectName("since_check")
        self.since_edit = self._date_edit("since_edit")
        self.until_check = QCheckBox(self.tr("To date"), self)
        self.until_check.setObjectName("until_check")
        self.until_edit = self._date_edit("until_edit")
        self.reset_button = QPushButton(self.tr("Clear filter"), self)
        self.reset_button.setObjectName("reset_button")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Actor"), self), 0, 0)
        filters.addWidget(self.person_combo, 0, 1)
        filters.addWidget(QLabel(self.tr("Action"), self), 0, 2)
        filters.addWidget(self.action_combo, 0, 3)
        filters.addWidget(QLabel(self.tr("Object"), self), 0, 4)
        filters.addWidget(self.object_type_combo, 0, 5)
        filters.addWidget(self.object_id_edit, 0, 6)
        filters.addWidget(self.since_check, 1, 0)
        filters.addWidget(self.since_edit, 1, 1)
        filters.addWidget(self.until_check, 1, 2)
        filters.addWidget(self.until_edit, 1, 3)
        filters.addWidget(self.reset_button, 1, 5)
        filters.addWidget(self.count_label, 1, 6)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(6, 1)

        # -- actions on the log
        self.verify_button = QPushButton(self.tr("Verify the log"), self)
        self.verify_button.setObjectName("verify_button")
        self.checkpoint_verify_button = QPushButton(self.tr("Verify against a checkpoint…"), self)
        self.checkpoint_verify_button.setObjectName("checkpoint_verify_button")
        self.record_checkpoint_button = QPushButton(self.tr("Record checkpoint…"), self)
        self.record_checkpoint_button.setObjectName("record_checkpoint_button")
        self.export_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_button.setObjectName("export_button")
        self.verify_button.setVisible(allowed(actor, "audit.verify"))
        self.checkpoint_verify_button.setVisible(allowed(actor, "audit.verify"))
        self.record_checkpoint_button.setVisible(allowed(actor, "audit.checkpoint"))
        self.export_button.setVisible(allowed(actor, "audit.export"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        for button in (
            self.verify_button,
            self.checkpoint_verify_button,
            self.record_checkpoint_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.progress_bar, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        # -- the entries
        wording = self._current_wording
        columns: list[Column[AuditEntry]] = [
            Column(self.tr("No."), lambda e: str(e.seq)),
            Column(self.tr("Time"), lambda e: wording().time(e)),
            Column(self.tr("Actor"), lambda e: wording().person(e.actor, e.actor_name)),
            Column(self.tr("Action"), lambda e: labels.audit_action(e.action)),
            Column(self.tr("Object"), lambda e: wording().object_text(e)),
            Column(self.tr("Changes"), lambda e: wording().summary(e)),
        ]
        # The fetches run on the worker and read the filter then; the filter changes only with
        # a reload, which makes the model drop whatever an older filter returns.
        self.model: AsyncPagedTableModel[AuditEntry] = AsyncPagedTableModel(
            columns,
            lambda: service.count(actor, self._where),
            lambda o, n: service.page(actor, o, n, self._where),
            runner,
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        # -- one entry
        self.detail = QWidget(self)
        self.detail.setObjectName("detail")
        self.detail_hint = QLabel(self.tr("Select an entry to see what it changed."), self.detail)
        self.detail_hint.setObjectName("detail_hint")
        self.detail_hint.setStyleSheet("color: #666666;")
        self.detail_title = QLabel(self.detail)
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label = QLabel(self.detail)
        self.reason_label.setObjectName("reason_label")
        self.reason_label.setWordWrap(True)
        self.withheld_label = QLabel(withheld_text(), self.detail)
        self.withheld_label.setObjectName("withheld_label")
        self.withheld_label.setWordWrap(True)
        self.withheld_label.setStyleSheet("color: #7a5b00;")
        self.changes_table = QTableWidget(0, 3, self.detail)
        self.changes_table.setObjectName("changes_table")
        self.changes_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.changes_table.verticalHeader().hide()
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.setWordWrap(True)
        self.changes_table.setMinimumHeight(120)
        header = self.changes_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_hint)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.reason_label)
        detail_layout.addWidget(self.withheld_label)
        detail_layout.addWidget(self.changes_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([450, 300])

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.splitter, 1)
        self._show_entry(None)

        self.person_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.action_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.object_type_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.object_id_edit.editingFinished.connect(self._on_filter_changed)
        self.since_check.toggled.connect(self._on_since_check_toggled)
        self.until_check.toggled.connect(self._on_until_check_toggled)
        self.since_edit.dateChanged.connect(self._on_filter_changed)
        self.until_edit.dateChanged.connect(self._on_filter_changed)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.checkpoint_verify_button.clicked.connect(self._on_checkpoint_verify_button_clicked)
        self.record_checkpoint_button.clicked.connect(self._on_record_checkpoint_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_current_changed)
        self.model.modelReset.connect(lambda: self._show_entry(None))
        self.model.loaded.connect(self._on_model_loaded)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_model_failed)

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the filter choices (keeping what is chosen) and the entries, both read on the
        worker: the choices first, so the entries arrive with the names they show."""
        service, actor = self._service, self._actor
        self._runner.run(
            lambda: (service.actors(actor), service.actions(actor), service.object_types(actor)),
            self._on_choices_loaded,
            self._on_task_failed,
        )
        self._apply_filter()

    @property
    def loading(self) -> bool:
        """Between a reload of the entries and the arrival of their count."""
        return self.model.loading

    def current_filter(self) -> AuditFilter:
        def date_text(check: QCheckBox, edit: QDateEdit) -> str | None:
            return edit.date().toString("yyyy-MM-dd") if check.isChecked() else None

        return AuditFilter(
            actor=self.person_combo.currentData(),
            since=date_text(self.since_check, self.since_edit),
            until=date_text(self.until_check, self.until_edit),
            action=self.action_combo.currentData(),
            object_type=self.object_type_combo.currentData(),
            object_id=self.object_id_edit.text().strip() or None,
        )

    def filter_text(self) -> str:
        """The filter in words, as the extract prints it; empty when nothing narrows."""
        where = self.current_filter()
        parts = []
        if where.actor is not None:
            parts.append(self.tr("Actor: %1").replace("%1", self.person_combo.currentText()))
        if where.action is not None:
            parts.append(self.tr("Action: %1").replace("%1", self.action_combo.currentText()))
        if where.object_type is not None or where.object_id is not None:
            kind = self.object_type_combo.currentText() if where.object_type else ""
            what = f"{kind} {where.object_id or ''}".strip()
            parts.append(self.tr("Object: %1").replace("%1", what))
        if where.since is not None:
            since = format_cn_date(date.fromisoformat(where.since))
            parts.append(self.tr("From date: %1").replace("%1", since))
        if where.until is not None:
            until = format_cn_date(date.fromisoformat(where.until))
            parts.append(self.tr("To date: %1").replace("%1", until))
        return self.tr("; ").join(parts)

    def entry_at(self, row: int) -> AuditEntry | None:
        """The entry in ``row`` once its page has been fetched."""
        return self.model.row(row)

    # -- the log's checks -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._progress is not None

    def verify(self, external: Checkpoint | None = None) -> Progress | None:
        """Recompute the tree off the UI thread; the result shows in ``result_label``."""
        if self.busy:
            return None
        service, actor = self._service, self._actor

        def job(progress: Progress) -> tuple[Verification, Checkpoint | None]:
            total = service.head(actor).size
            progress.report(0, total)
            result = service.verify(
                actor,
                external,
                progress=lambda done: progress.report(done, total),
                cancelled=progress.cancelled,
            )
            # Cancelled after the last check: the user asked not to see a result.
            progress.raise_if_cancelled()
            return result, external

        self._set_result("")
        progress = self._runner.run_with_progress(job, self._on_verified, self._on_task_failed)
        self._start_busy(progress, cancellable=True)
        return progress

    def open_checkpoint_dialog(self) -> CheckpointDialog:
        dialog = CheckpointDialog(self)
        dialog.accepted.connect(lambda: self.verify(dialog.checkpoint))
        dialog.open()
        return dialog

    def open_record_checkpoint_dialog(self) -> RecordCheckpointDialog:
        dialog = RecordCheckpointDialog(self)
        dialog.accepted.connect(lambda: self.record_checkpoint(dialog.note))
        dialog.open()
        return dialog

    def record_checkpoint(self, note: str) -> Progress | None:
        if self.busy:
            return None
        service, actor = self._service, self._actor
        self._set_result("")
        progress = self._runner.run_with_progress(
            lambda _p: service.add_checkpoint(actor, note),
            self._on_checkpoint_recorded,
            self._on_task_failed,
        )
        self._start_busy(progress, cancellable=False)
        return progress

    def export_to(self, path: Path) -> Progress | None:
        """Write the extract of the current filter to ``path`` (a PDF), off the UI thread."""
        if self.busy:
            return None
        service, documents, actor = self._service, self._documents, self._actor
        where, filter_text, wording = self.current_filter(), self.filter_text(), self._wording

        def job(_progress: Progress) -> tuple[Path, int, TreeHead]:
            extract = service.extract(actor, where)
            documents.save_audit_extract(
                path, extract, filter_text=filter_text, describe=wording.line
            )
            return path, len(extract.entries), extract.head

        self._set_result("")
        progress = self._runner.run_with_progress(job, self._on_exported, self._on_task_failed)
        self._start_busy(progress, cancellable=False)
        return progress

    # -- slots ----------------------------------------------------------------------------
    def _on_filter_changed(self, *_args: object) -> None:
        if not self._loading:
            self._apply_filter()

    def _on_since_check_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(checked)
        self._on_filter_changed()

    def _on_until_check_toggled(self, checked: bool) -> None:
        self.until_edit.setEnabled(checked)
        self._on_filter_changed()

    def _on_reset_button_clicked(self) -> None:
        self._loading = True
        try:
            for combo in (self.person_combo, self.action_combo, self.object_type_combo):
                combo.setCurrentIndex(0)
            self.object_id_edit.clear()
            self.since_check.setChecked(False)
            self.until_check.setChecked(False)
        finally:
            self._loading = False
        self._apply_filter()

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _on_choices_loaded(
        self, choices: tuple[list[tuple[str, str]], list[str], list[str]]
    ) -> None:
        actors, actions, object_types = choices
        self._loading = True
        try:
            self._wording = AuditWording(dict(actors))
            self._refill(
                self.person_combo,
                self.tr("Everyone"),
                [(self._wording.person(i, name), i) for i, name in actors],
            )
            self._refill(
                self.action_combo,
                self.tr("All actions"),
                [(labels.audit_action(a), a) for a in actions],
            )
            self._refill(
                self.object_type_combo,
                self.tr("All objects"),
                [(labels.audit_object_type(t), t) for t in object_types],
            )
        finally:
            self._loading = False
        if self.current_filter() != self._where:  # a chosen actor, action or object is gone
            self._apply_filter()
        else:
            self.table.viewport().update()  # the names may have changed

    def _on_model_loaded(self) -> None:
        with self.model.fetching_paused():  # fit the rows that came, fetch no others for it
            self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("%1 entries").replace("%1", str(self.model.rowCount())))

    def _on_model_page_loaded(self, _number: int) -> None:
        if self.detail_hint.isVisibleTo(self):
            self._show_current()  # the selected entry may have just arrived

    def _on_model_failed(self, error: AppError) -> None:
        if not self.model.loading and self.count_label.text() == self.tr("Loading…"):
            self.count_label.setText(self.tr("Could not load the list"))  # the count failed
        show_error(self, error)

    def _on_verify_button_clicked(self) -> None:
        self.verify()

    def _on_checkpoint_verify_button_clicked(self) -> None:
        self.open_checkpoint_dialog()

    def _on_record_checkpoint_button_clicked(self) -> None:
        self.open_record_checkpoint_dialog()

    def _on_export_button_clicked(self) -> None:
        path = self._choose_path(self)
        if path is not None:
            self.export_to(path)

    def _on_cancel_button_clicked(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))

    def _on_progress_reported(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, max(total, 1)))

    def _on_progress_finished(self) -> None:
        self._progress = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._set_buttons_enabled(True)

    def _on_verified(self, outcome: tuple[Verification, Checkpoint | None]) -> None:
        result, external = outcome
        checked = format_cn_datetime(datetime.now())
        if result.intact:
            text = (
                self.tr("The log is intact: %1 entries, tree root %2. Checked %3.")
                .replace("%1", str(result.size))
                .replace("%2", result.root.hex())
                .replace("%3", checked)
            )
            if external is not None:
                text += " " + self.tr(
                    "It agrees with the checkpoint you entered (%1 entries)."
                ).replace("%1", str(external.size))
            self._set_result(text, ok=True)
        else:
            if result.first_bad is not None:
                text = (
                    self.tr("The log is NOT intact. First bad entry: No. %1. %2")
                    .replace("%1", str(result.first_bad))
                    .replace("%2", result.problem)
                )
            else:
                text = self.tr("The log is NOT intact. %1").replace("%1", result.problem)
            self._set_result(text + " " + self.tr("Checked %1.").replace("%1", checked), ok=False)
        self.reload()

    def _on_checkpoint_recorded(self, outcome: tuple[int, TreeHead]) -> None:
        checkpoint_id, head = outcome
        self._set_result(
            self.tr("Checkpoint %1 recorded: %2 entries, tree root %3.")
            .replace("%1", str(checkpoint_id))
            .replace("%2", str(head.size))
            .replace("%3", head.root.hex()),
            ok=True,
        )
        self.reload()

    def _on_exported(self, outcome: tuple[Path, int, TreeHead]) -> None:
        path, count, head = outcome
        self._set_result(
            self.tr("Saved %1 entries to %2 (log tree: %3 entries, root %4).")
            .replace("%1", str(count))
            .replace("%2", str(path))
            .replace("%3", str(head.size))
            .replace("%4", head.root.hex()),
            ok=True,
        )
        self.reload()

    def _on_task_failed(self, error: AppError) -> None:
        show_error(self, error)

    # -- internals ------------------------------------------------------------------------
    def _current_wording(self) -> AuditWording:
        return self._wording

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
        edit.setEnabled(False)
        return edit

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _apply_filter(self) -> None:
        self._where = self.current_filter()
        self.model.reload()
        self.count_label.setText(self.tr("Loading…"))

    def _show_current(self) -> None:
        current = self.table.currentIndex()
        self._show_entry(self.model.row(current.row()) if current.isValid() else None)

    def _show_entry(self, entry: AuditEntry | None) -> None:
        self.changes_table.setRowCount(0)
        self.detail_hint.setVisible(entry is None)
        self.detail_title.setVisible(entry is not None)
        if entry is None:
            self.detail_title.clear()
            self.reason_label.clear()
            self.reason_label.hide()
            self.withheld_label.hide()
            self.changes_table.hide()
            return
        wording = self._wording
        parts = [
            self.tr("No. %1").replace("%1", str(entry.seq)),
            wording.time(entry),
            wording.person(entry.actor, entry.actor_name),
            labels.audit_action(entry.action),
            wording.object_text(entry),
        ]
        if entry.level != "public":
            parts.append(labels.clearance(entry.level))
        self.detail_title.setText(" · ".join(p for p in parts if p))
        self.reason_label.setText(
            self.tr("Reason: %1").replace("%1", entry.reason) if entry.reason else ""
        )
        self.reason_label.setVisible(bool(entry.reason))
        self.withheld_label.setVisible(not entry.content_visible)
        changes = wording.changes(entry)
        self.changes_table.setVisible(entry.content_visible)
        self.changes_table.setRowCount(len(changes))
        nothing = "—"
        for row, change in enumerate(changes):
            cells = (
                wording.field(entry, change.field),
                nothing if change.before is None else change.before,
                nothing if change.after is None else change.after,
            )
            for column, text in enumerate(cells):
                self.changes_table.setItem(row, column, QTableWidgetItem(text))
        self.changes_table.resizeRowsToContents()

    def _set_result(self, text: str, *, ok: bool = True) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if ok else "color: #b3261e; font-weight: bold;")
        self.result_label.setVisible(bool(text))

    def _start_busy(self, progress: Progress, *, cancellable: bool) -> None:
        self._progress = progress
        progress.reported.connect(self._on_progress_reported)
        progress.finished.connect(self._on_progress_finished)
        if cancellable:
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
        else:
            self.progress_bar.setRange(0, 0)  # busy, no figures
        self.progress_bar.show()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(cancellable)
        self._set_buttons_enabled(False)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in (
            self.verify_button,
            self.checkpoint_verify_button,
            self.record_checkpoint_button,
            self.export_button,
        ):
            button.setEnabled(enabled)
