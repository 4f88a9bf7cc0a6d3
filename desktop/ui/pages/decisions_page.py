"""The decision register (决策记录): collective decisions, their votes and their attachments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
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
from desktop.ui.errors import show_error
from desktop.ui.forms.decision_form import DecisionForm
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import AttachmentList
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.reason_dialog import SaveDialog

SEARCH_DELAY_MS = 250


class DecisionDialog(SaveDialog):
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
        super().__init__(runner, parent)
        self.setObjectName("decision_dialog")
        self.setWindowTitle(self.tr("Edit decision") if decision else self.tr("New decision"))
        self._service = service
        self._actor = actor
        self._decision = decision
        self.form = DecisionForm(visible_levels(actor), self)
        self.form.setObjectName("form")
        if decision is not None:
            self.form.set_value(decision.draft)
        # The base's form holds only the reason, shown when the level changes.
        self.reason_fields = self.fields
        self.reason_fields.setObjectName("reason_fields")
        self.reason_edit = self._reason(self.tr("Reason for changing the level"))
        self._finish_layout(self.form, self.reason_fields)
        self.form.level_combo.currentIndexChanged.connect(
            self._on_level_combo_current_index_changed
        )
        self._on_level_combo_current_index_changed()

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error) or super().show_field_error(error)

    def clear_errors(self) -> None:
        self.form.fields.clear_errors()
        super().clear_errors()

    def _job(self) -> Callable[[], object]:
        service, actor, decision = self._service, self._actor, self._decision
        draft: DecisionDraft = self.form.value()
        reason = self.reason_edit.text() if self.reason_fields.isVisibleTo(self) else ""
        if decision is None:
            return lambda: service.create(actor, draft)
        decision_id = decision.id
        return lambda: service.update(actor, decision_id, draft, reason)

    def _on_level_combo_current_index_changed(self, _index: int = 0) -> None:
        decision = self._decision
        changed = (
            decision is not None and self.form.level_combo.currentData() != decision.draft.level
        )
        self.reason_fields.setVisible(changed)


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
        # One list for the decision shown: ``_show_detail`` hands it each decision's files.
        self.attachments = AttachmentList(
            runner,
            content=lambda file_id: service.attachment_content(actor, file_id),
            save_copy=lambda file_id, path: service.save_attachment(actor, file_id, path),
            remove=(
                (lambda file_id, reason: service.remove_attachment(actor, file_id, reason))
                if self._can_edit
                else None
            ),
            can_edit=self._can_edit,
            parent=self.detail_box,
        )

        detail_fields = FieldForm(self.detail_box)
        detail_fields.add_field("participants", self.tr("Participants"), self.participants_label)
        detail_fields.add_field("summary", self.tr("Summary"), self.summary_label)
        detail_fields.add_field("links", self.tr("Linked to"), self.links_label)
        detail_fields.add_field("attachments", self.tr("Attachments"), self.attachments)
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(detail_fields)
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

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
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

    # -- internals --------------------------------------------------------------------------
    def _detail_label(self, name: str) -> QLabel:
        label = QLabel(self.detail_box)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # As wide as the box allows: at its own width a wrapped line was cut off.
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
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

    def _show_detail(self, decision: Decision | None, attachments: list[AttachmentInfo]) -> None:
        self._decision = decision
        if decision is None:
            for label in (self.participants_label, self.summary_label, self.links_label):
                label.clear()
            self.attachments.show_record(None)
        else:
            draft = decision.draft
            self.participants_label.setText(self.tr(", ").join(draft.participants))
            self.summary_label.setText(draft.summary or self.tr("(none)"))
            self.links_label.setText(
                self.tr(", ").join(f"{kind} {ident}" for kind, ident in decision.links)
                or self.tr("(none)")
            )
            service, actor, decision_id = self._service, self._actor, decision.id
            self.attachments.show_record(
                lambda: service.attachments(actor, decision_id),
                add_from_file=(
                    (lambda path: service.add_attachment_from_file(actor, decision_id, path))
                    if self._can_edit
                    else None
                ),
                files=attachments,
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_decision = self._decision is not None
        self.edit_button.setEnabled(has_decision)
        self.detail_box.setEnabled(has_decision)

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)
