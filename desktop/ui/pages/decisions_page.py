"""The decision register (决策记录): collective decisions, their votes and their attachments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_cn_date
from desktop.domain.decisions import AttachmentInfo, Decision, DecisionDraft
from desktop.domain.permissions import allowed, visible_levels
from desktop.errors import AppError, ValidationError
from desktop.services.decisions import DecisionService
from desktop.ui import labels
from desktop.ui.attachment_viewer import AttachmentViewer
from desktop.ui.errors import show_error
from desktop.ui.forms.decision_form import DecisionForm
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import format_size
from desktop.ui.widgets.field_form import FieldForm

SEARCH_DELAY_MS = 250

OpenPathChooser = Callable[[QWidget], Path | None]
SavePathChooser = Callable[[QWidget, str], Path | None]


def choose_attachment(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("DecisionsPage", "Add attachment")
    )
    return Path(name) if name else None


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DecisionsPage", "Save attachment as"), suggested
    )
    return Path(name) if name else None


class DecisionDialog(QDialog):
    """Records or edits a decision; ``accept`` only after the service has saved. When the level
    of an existing decision changes, a reason is asked for."""

    def __init__(
        self,
        service: DecisionService,
        runner: TaskRunner,
        actor: User,
        decision: Decision | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decision_dialog")
        self.setWindowTitle(self.tr("Edit decision") if decision else self.tr("New decision"))
        self._service = service
        self._runner = runner
        self._actor = actor
        self._decision = decision
        self.form = DecisionForm(visible_levels(actor), self)
        self.form.setObjectName("form")
        if decision is not None:
            self.form.set_value(decision.draft)
        self.reason_fields = FieldForm(self)
        self.reason_fields.setObjectName("reason_fields")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_fields.add_field(
            "reason", self.tr("Reason for changing the level"), self.reason_edit
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.reason_fields)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.form.level_combo.currentIndexChanged.connect(
            self._on_level_combo_current_index_changed
        )
        self._on_level_combo_current_index_changed()

    def save(self) -> None:
        self.form.fields.clear_errors()
        self.reason_fields.clear_errors()
        draft: DecisionDraft = self.form.value()
        reason = self.reason_edit.text() if self.reason_fields.isVisibleTo(self) else ""
        decision = self._decision

        def job() -> None:
            if decision is None:
                self._service.create(self._actor, draft)
            else:
                self._service.update(self._actor, decision.id, draft, reason)

        self.save_button.setEnabled(False)
        self._runner.run(job, lambda _r: self.accept(), self._on_error)

    def _on_buttons_accepted(self) -> None:
        self.save()

    def _on_level_combo_current_index_changed(self, _index: int = 0) -> None:
        decision = self._decision
        changed = (
            decision is not None and self.form.level_combo.currentData() != decision.draft.level
        )
        self.reason_fields.setVisible(changed)

    def _on_error(self, error: AppError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and (
            self.form.show_error(error) or self.reason_fields.show_error(error.field, error.message)
        ):
            return
        show_error(self, error)


class RemoveAttachmentDialog(QDialog):
    """Removes one attachment after the user has given a reason (it goes into the audit log)."""

    def __init__(
        self,
        service: DecisionService,
        runner: TaskRunner,
        actor: User,
        attachment: AttachmentInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("remove_attachment_dialog")
        self.setWindowTitle(self.tr("Remove attachment"))
        self._service = service
        self._runner = runner
        self._actor = actor
        self._attachment = attachment
        question = QLabel(
            self.tr("Remove the attachment “%1” from this decision?").replace(
                "%1", attachment.filename
            ),
            self,
        )
        question.setWordWrap(True)
        self.fields = FieldForm(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.fields.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.remove_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button.setObjectName("remove_button")
        self.remove_button.setText(self.tr("Remove"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.fields.clear_errors()
        reason = self.reason_edit.text()
        attachment_id = self._attachment.id
        self.remove_button.setEnabled(False)
        self._runner.run(
            lambda: self._service.remove_attachment(self._actor, attachment_id, reason),
            lambda _r: self.accept(),
            self._on_error,
        )

    def _on_error(self, error: AppError) -> None:
        self.remove_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        show_error(self, error)


class DecisionsPage(QWidget):
    def __init__(
        self,
        service: DecisionService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisions_page")
        self._service = service
        self._runner = runner
        self._actor = actor
        self._can_edit = allowed(actor, "decision.edit")
        self._search = ""
        self._decision: Decision | None = None
        self._attachments: list[AttachmentInfo] = []
        self.viewer: AttachmentViewer | None = None
        # Replaced in tests; the real ones open the platform's file dialogs.
        self.choose_open_path: OpenPathChooser = choose_attachment
        self.choose_save_path: SavePathChooser = choose_save_path

        columns: list[Column[Decision]] = [
            Column(
                self.tr("Date"), lambda d: format_cn_date(date.fromisoformat(d.draft.decided_on))
            ),
            Column(self.tr("Decision body"), lambda d: labels.decision_body(d.draft.body)),
            Column(self.tr("Subject"), lambda d: d.draft.title),
            Column(self.tr("Outcome"), lambda d: labels.decision_outcome(d.draft.outcome)),
            Column(self.tr("Votes"), self._votes_text),
            Column(self.tr("Secrecy level"), lambda d: labels.clearance(d.draft.level)),
        ]
        self.model: PagedTableModel[Decision] = PagedTableModel(
            columns,
            lambda: service.count(actor, self._search),
            lambda o, n: service.page(actor, o, n, self._search),
            self,
        )

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search subject, summary or participants"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.new_button = QPushButton(self.tr("New decision…"), self)
        self.new_button.setObjectName("new_button")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        self.new_button.setVisible(self._can_edit)
        self.edit_button.setVisible(self._can_edit)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.detail_box = QGroupBox(self.tr("Details"), self)
        self.detail_box.setObjectName("detail_box")
        self.participants_label = self._detail_label("participants_label")
        self.summary_label = self._detail_label("summary_label")
        self.links_label = self._detail_label("links_label")
        self.attachments_list = QListWidget(self.detail_box)
        self.attachments_list.setObjectName("attachments_list")
        self.open_attachment_button = QPushButton(self.tr("Open"), self.detail_box)
        self.open_attachment_button.setObjectName("open_attachment_button")
        self.open_attachment_button.setToolTip(
            self.tr("Shows the file in the program's own viewer; nothing is written to disk.")
        )
        self.add_attachment_button = QPushButton(self.tr("Add attachment…"), self.detail_box)
        self.add_attachment_button.setObjectName("add_attachment_button")
        self.save_attachment_button = QPushButton(self.tr("Save as…"), self.detail_box)
        self.save_attachment_button.setObjectName("save_attachment_button")
        self.remove_attachment_button = QPushButton(self.tr("Remove…"), self.detail_box)
        self.remove_attachment_button.setObjectName("remove_attachment_button")
        self.add_attachment_button.setVisible(self._can_edit)
        self.remove_attachment_button.setVisible(self._can_edit)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)

        detail_fields = FieldForm(self.detail_box)
        detail_fields.add_field("participants", self.tr("Participants"), self.participants_label)
        detail_fields.add_field("summary", self.tr("Summary"), self.summary_label)
        detail_fields.add_field("links", self.tr("Linked to"), self.links_label)
        detail_fields.add_field("attachments", self.tr("Attachments"), self.attachments_list)
        attachment_buttons = QHBoxLayout()
        attachment_buttons.addWidget(self.open_attachment_button)
        attachment_buttons.addWidget(self.add_attachment_button)
        attachment_buttons.addWidget(self.save_attachment_button)
        attachment_buttons.addWidget(self.remove_attachment_button)
        attachment_buttons.addStretch(1)
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(detail_fields)
        detail_layout.addLayout(attachment_buttons)
        detail_layout.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self.attachments_list.currentRowChanged.connect(
            self._on_attachments_list_current_row_changed
        )
        self.attachments_list.itemActivated.connect(self._on_attachments_list_item_activated)
        self.open_attachment_button.clicked.connect(self._on_open_attachment_button_clicked)
        self.add_attachment_button.clicked.connect(self._on_add_attachment_button_clicked)
        self.save_attachment_button.clicked.connect(self._on_save_attachment_button_clicked)
        self.remove_attachment_button.clicked.connect(self._on_remove_attachment_button_clicked)
        self._show_detail(None, [])

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        self._search = self.search_edit.text().strip()
        self.model.reload()
        self._show_detail(None, [])

    @property
    def current_decision(self) -> Decision | None:
        return self._decision

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def open_dialog(self, decision: Decision | None) -> DecisionDialog:
        dialog = DecisionDialog(self._service, self._runner, self._actor, decision, self)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.open()
        return dialog

    def open_attachment(self) -> AttachmentViewer | None:
        """Show the current attachment in the program's own viewer, from memory."""
        attachment = self._current_attachment()
        if attachment is None:
            return None
        if self.viewer is not None:
            self.viewer.close()
        service, actor, attachment_id = self._service, self._actor, attachment.id
        viewer = AttachmentViewer(
            attachment.filename,
            attachment.media_type,
            lambda: service.attachment_content(actor, attachment_id),
            self._runner,
            self,
        )
        viewer.finished.connect(self._on_viewer_finished)
        self.viewer = viewer
        viewer.open()
        return viewer

    def add_attachment(self, path: Path) -> None:
        """Attach the file at ``path`` to the current decision; the file is read off the UI
        thread."""
        decision = self._decision
        if decision is None:
            return
        self.status_label.clear()
        self._runner.run(
            lambda: self._service.add_attachment_from_file(self._actor, decision.id, path),
            lambda info: self._after_attachment_change(
                decision.id, self.tr("Attached %1.").replace("%1", info.filename)
            ),
            self._on_error,
        )

    def save_attachment(self, path: Path) -> None:
        """Write the current attachment to ``path`` (atomically, by the service)."""
        attachment = self._current_attachment()
        if attachment is None:
            return
        self.status_label.clear()
        self._runner.run(
            lambda: self._service.save_attachment(self._actor, attachment.id, path),
            lambda _info: self.status_label.setText(
                self.tr("Saved to %1").replace("%1", str(path))
            ),
            self._on_error,
        )

    def open_remove_dialog(self) -> RemoveAttachmentDialog | None:
        attachment = self._current_attachment()
        decision = self._decision
        if attachment is None or decision is None:
            return None
        dialog = RemoveAttachmentDialog(self._service, self._runner, self._actor, attachment, self)
        dialog.accepted.connect(
            lambda: self._after_attachment_change(
                decision.id, self.tr("Removed %1.").replace("%1", attachment.filename)
            )
        )
        dialog.open()
        return dialog

    # -- slots ------------------------------------------------------------------------------
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.reload()

    def _on_new_button_clicked(self) -> None:
        self.open_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        if self._decision is not None and self._can_edit:
            self.open_dialog(self._decision)

    def _on_table_double_clicked(self, _index: object) -> None:
        self._on_edit_button_clicked()

    def _on_dialog_accepted(self) -> None:
        self.reload()

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show_detail(None, [])
            return
        self._load_detail(self.model.row(rows[0].row()).id)

    def _on_attachments_list_current_row_changed(self, _row: int) -> None:
        self._update_buttons()

    def _on_attachments_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.open_attachment()

    def _on_open_attachment_button_clicked(self) -> None:
        self.open_attachment()

    def _on_viewer_finished(self, _result: int) -> None:
        viewer, self.viewer = self.viewer, None
        if viewer is not None:
            viewer.deleteLater()

    def _on_add_attachment_button_clicked(self) -> None:
        path = self.choose_open_path(self)
        if path is not None:
            self.add_attachment(path)

    def _on_save_attachment_button_clicked(self) -> None:
        attachment = self._current_attachment()
        if attachment is None:
            return
        path = self.choose_save_path(self, attachment.filename)
        if path is not None:
            self.save_attachment(path)

    def _on_remove_attachment_button_clicked(self) -> None:
        self.open_remove_dialog()

    # -- internals --------------------------------------------------------------------------
    def _detail_label(self, name: str) -> QLabel:
        label = QLabel(self.detail_box)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _votes_text(self, decision: Decision) -> str:
        draft = decision.draft
        if draft.votes_for is None:
            return self.tr("Not recorded")
        return (
            self.tr("%1 for, %2 against, %3 abstain")
            .replace("%1", str(draft.votes_for))
            .replace("%2", str(draft.votes_against))
            .replace("%3", str(draft.votes_abstain))
        )

    def _load_detail(self, decision_id: int) -> None:
        def job() -> tuple[Decision, list[AttachmentInfo]]:
            return (
                self._service.get(self._actor, decision_id),
                self._service.attachments(self._actor, decision_id),
            )

        self._runner.run(job, self._on_detail_loaded, self._on_error)

    def _on_detail_loaded(self, result: tuple[Decision, list[AttachmentInfo]]) -> None:
        decision, attachments = result
        rows = self.table.selectionModel().selectedRows()
        # A later selection (or a reload) wins over a slower earlier load.
        if not rows or self.model.row(rows[0].row()).id != decision.id:
            return
        self._show_detail(decision, attachments)

    def _after_attachment_change(self, decision_id: int, message: str) -> None:
        self.status_label.setText(message)
        if self._decision is not None and self._decision.id == decision_id:
            self._load_detail(decision_id)

    def _show_detail(self, decision: Decision | None, attachments: list[AttachmentInfo]) -> None:
        self._decision = decision
        self._attachments = attachments
        self.attachments_list.clear()
        if decision is None:
            for label in (self.participants_label, self.summary_label, self.links_label):
                label.clear()
        else:
            draft = decision.draft
            self.participants_label.setText(self.tr(", ").join(draft.participants))
            self.summary_label.setText(draft.summary or self.tr("(none)"))
            self.links_label.setText(
                self.tr(", ").join(f"{kind} {ident}" for kind, ident in decision.links)
                or self.tr("(none)")
            )
            for info in attachments:
                item = QListWidgetItem(f"{info.filename} ({format_size(info.size)})")
                item.setToolTip(f"SHA-256 {info.sha256}")
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                self.attachments_list.addItem(item)
            if attachments:
                self.attachments_list.setCurrentRow(0)
        self._update_buttons()

    def _current_attachment(self) -> AttachmentInfo | None:
        row = self.attachments_list.currentRow()
        if self._decision is None or not 0 <= row < len(self._attachments):
            return None
        return self._attachments[row]

    def _update_buttons(self) -> None:
        has_decision = self._decision is not None
        has_attachment = self._current_attachment() is not None
        self.edit_button.setEnabled(has_decision)
        self.detail_box.setEnabled(has_decision)
        self.add_attachment_button.setEnabled(has_decision)
        self.open_attachment_button.setEnabled(has_attachment)
        self.save_attachment_button.setEnabled(has_attachment)
        self.remove_attachment_button.setEnabled(has_attachment)

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)
