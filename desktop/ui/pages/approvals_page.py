"""Approvals (审批事项): one person asks, another decides.

Everyone sees what they asked for and what is about them, and may ask for their own clearance
to change; whoever holds a kind's permission (the secrecy administrator for clearances) also sees
the requests of that kind and approves or rejects them. Nobody decides their own request or one
about themselves: the service refuses, and the page shows the refusal as a message. Every call
runs through the TaskRunner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.approvals import KINDS, ApprovalRequest
from desktop.domain.permissions import allowed
from desktop.errors import AppError
from desktop.services.approvals import ApprovalService
from desktop.ui import labels
from desktop.ui.approval_dialogs import (
    ClearanceRequestDialog,
    DecideDialog,
    describe_change,
    format_time,
)
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner

# Columns whose text may be long get a fixed starting width (the tooltip shows all of it).
REASON_COLUMN = 4
NOTE_COLUMN = 10
LONG_TEXT_WIDTH = 180


class ApprovalsPage(QWidget):
    def __init__(
        self,
        service: ApprovalService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvals_page")
        self._service = service
        self._runner = runner
        self._actor = actor
        self._requests: list[ApprovalRequest] = []
        self._names: dict[str, str] = {}
        self._loaded = False
        self._select_after_reload: int | None = None
        self._can_decide = any(allowed(actor, action) for action in KINDS.values())

        columns: list[Column[ApprovalRequest]] = [
            Column(self.tr("Number"), lambda r: str(r.id)),
            Column(self.tr("Kind"), lambda r: labels.approval_kind(r.kind)),
            Column(self.tr("Concerns"), self.subject_name),
            Column(self.tr("Asked for"), describe_change),
            Column(self.tr("Reason"), lambda r: r.reason),
            Column(self.tr("Requested by"), lambda r: r.requester_name),
            Column(self.tr("Requested at"), lambda r: format_time(r.requested_at)),
            Column(self.tr("Status"), lambda r: labels.approval_status(r.status)),
            Column(self.tr("Decided by"), lambda r: r.decider_name),
            Column(self.tr("Decided at"), lambda r: format_time(r.decided_at)),
            Column(self.tr("Decision note"), lambda r: r.decision_note),
        ]
        self.model: PagedTableModel[ApprovalRequest] = PagedTableModel(
            columns, lambda: len(self._requests), lambda o, n: self._requests[o : o + n], self
        )
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (REASON_COLUMN, NOTE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, LONG_TEXT_WIDTH)
        header.setStretchLastSection(True)

        self.request_button = QPushButton(self.tr("Request a clearance change for myself…"), self)
        self.request_button.setObjectName("request_button")
        self.request_button.setVisible(allowed(actor, "approval.request"))
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.approve_button.setObjectName("approve_button")
        self.approve_button.setVisible(self._can_decide)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.setObjectName("reject_button")
        self.reject_button.setVisible(self._can_decide)
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.withdraw_button.setObjectName("withdraw_button")
        self.withdraw_button.setVisible(allowed(actor, "approval.request"))
        buttons = QHBoxLayout()
        for button in (
            self.request_button,
            self.approve_button,
            self.reject_button,
            self.withdraw_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.intro_label = QLabel(
            self.tr(
                "Requests you made, requests about you and, if you decide them, the requests "
                "waiting for a decision. Nobody decides their own request or one about "
                "themselves."
            ),
            self,
        )
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.empty_label = QLabel(self.tr("There are no requests."), self)
        self.empty_label.setObjectName("empty_label")
        self.empty_label.hide()
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.hint_label)

        self.request_button.clicked.connect(self._on_request_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._update_buttons()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected_request()
        if selected is not None and self._select_after_reload is None:
            self._select_after_reload = selected.id
        service, actor = self._service, self._actor
        self._runner.run(
            lambda: (service.visible(actor), service.subject_names(actor)),
            self._on_loaded,
            self._on_error,
        )

    def _on_loaded(self, result: tuple[list[ApprovalRequest], dict[str, str]]) -> None:
        self._requests, self._names = result
        self._loaded = True
        self.model.reload()
        self.empty_label.setVisible(not self._requests)
        wanted, self._select_after_reload = self._select_after_reload, None
        if wanted is not None:
            self.select_request(wanted)
        self._update_buttons()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self._requests, self._names = [], {}
        self._loaded = False
        self.model.clear()
        self.empty_label.hide()
        self._update_buttons()

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def requests(self) -> list[ApprovalRequest]:
        return list(self._requests)

    def subject_name(self, request: ApprovalRequest) -> str:
        """Whom a request is about: the person's name, or the stored id if it is unknown."""
        if request.object_type == "user":
            return self._names.get(request.object_id, request.object_id)
        if request.object_type == "rights_grant":
            return str(request.payload.get("doc_no", request.object_id))
        return request.object_id

    # -- selection ----------------------------------------------------------------------------
    def selected_request(self) -> ApprovalRequest | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._requests):
            return None
        return self._requests[rows[0].row()]

    def select_request(self, request_id: int) -> bool:
        for row, request in enumerate(self._requests):
            if request.id == request_id:
                self.table.selectRow(row)
                return True
        return False

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        request = self.selected_request()
        pending = request is not None and request.status == "pending"
        action = KINDS.get(request.kind) if request is not None else None
        decidable = pending and action is not None and allowed(self._actor, action)
        self.approve_button.setEnabled(decidable)
        self.reject_button.setEnabled(decidable)
        own = request is not None and request.requested_by == self._actor.id
        self.withdraw_button.setEnabled(pending and own)
        about_me = request is not None and self._is_about_actor(request)
        self.hint_label.setText(
            self.tr(
                "You made this request or it is about you: another person with the right to "
                "decide has to decide it."
            )
            if decidable and (own or about_me)
            else ""
        )

    def _is_about_actor(self, request: ApprovalRequest) -> bool:
        return request.object_type == "user" and request.object_id == self._actor.id

    # -- actions ------------------------------------------------------------------------------
    def _on_request_button_clicked(self) -> None:
        self.open_request_dialog()

    def open_request_dialog(self) -> ClearanceRequestDialog:
        dialog = ClearanceRequestDialog(self._service, self._runner, self._actor, self._actor, self)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.open()
        return dialog

    def _on_approve_button_clicked(self) -> None:
        self.open_decide_dialog(approve=True)

    def _on_reject_button_clicked(self) -> None:
        self.open_decide_dialog(approve=False)

    def open_decide_dialog(self, *, approve: bool) -> DecideDialog | None:
        request = self.selected_request()
        if request is None:
            return None
        dialog = DecideDialog(
            self._service,
            self._runner,
            self._actor,
            request,
            self.subject_name(request),
            approve=approve,
            parent=self,
        )
        dialog.saved.connect(self._on_dialog_saved)
        dialog.open()
        return dialog

    def _on_withdraw_button_clicked(self) -> None:
        request = self.selected_request()
        if request is None:
            return
        service, actor, request_id = self._service, self._actor, request.id
        self._run(lambda: service.withdraw(actor, request_id), request_id)

    def _on_dialog_saved(self, request: ApprovalRequest) -> None:
        self._select_after_reload = request.id
        self.reload()

    # -- results ------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], object], select: int) -> None:
        def done(_result: object) -> None:
            self._select_after_reload = select
            self.reload()

        self._runner.run(fn, done, self._on_error)

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)
