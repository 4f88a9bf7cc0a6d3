"""The dialogs of the approvals (审批事项): asking for a clearance change, and deciding a request.

Both are ``ServiceDialog``s: they save through the ``ApprovalService`` on the TaskRunner and
close only once the service has accepted. A ``ValidationError`` is shown at its field; any other
refusal (deciding one's own request, say) as a message over the dialog, which stays open so nothing
typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.accounts import CLEARANCES, User
from desktop.domain.approvals import ApprovalRequest
from desktop.domain.dates import format_cn_datetime
from desktop.services.approvals import ApprovalService
from desktop.ui import labels
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog, ServiceDialog

TEXT_LINES = 4


def describe_change(request: ApprovalRequest) -> str:
    """What a request asks for, in words: for a clearance change ``内部 → 秘密``."""
    if request.kind == "user_clearance":
        before = labels.clearance(str(request.payload.get("before", "")))
        after = labels.clearance(str(request.payload.get("clearance", "")))
        return f"{before} → {after}"
    if request.kind == "classified_cooperation":
        # The payload carries the document number and the level, never the achievement's title.
        level = labels.clearance(str(request.payload.get("level", "")))
        text = QCoreApplication.translate("ApprovalDialogs", "%1 (%2)")
        text = text.replace("%1", str(request.payload.get("doc_no", ""))).replace("%2", level)
        if request.payload.get("overseas"):
            text += QCoreApplication.translate("ApprovalDialogs", ", party abroad")
        return text
    if request.kind == "classified_filing":
        # A sealed filing to another office: where it goes, its level and how many records.
        level = labels.clearance(str(request.payload.get("level", "")))
        items = request.payload.get("items", [])
        text = QCoreApplication.translate("ApprovalDialogs", "Filing to %1 (%2), %3 records")
        text = (
            text.replace("%1", str(request.payload.get("office", "")))
            .replace("%2", level)
            .replace("%3", str(len(items) if isinstance(items, list) else 0))
        )
        if request.payload.get("encrypted"):
            text += QCoreApplication.translate("ApprovalDialogs", ", encrypted")
        return text
    return ""


def format_time(value: str | None) -> str:
    """An ISO timestamp from the data as Chinese date and time; empty stays empty."""
    if not value:
        return ""
    try:
        return format_cn_datetime(datetime.fromisoformat(value))
    except ValueError:
        return value


def who(user: User) -> str:
    """An account as the dialogs name it: ``张三（zhang）``."""
    return f"{user.display_name}（{user.login}）"


def _text_edit(name: str, placeholder: str, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * TEXT_LINES + 2 * edit.frameWidth() + 8)
    return edit


def clearance_fields(
    dialog: ReasonDialog, subject: User, label: str, chosen: str
) -> tuple[QLabel, QLabel, QComboBox]:
    """The account, its clearance and a choice of clearances (``chosen`` at first), added to
    ``dialog``'s form as ``account``, ``current`` and ``clearance``; ``label`` names the choice.
    Returns ``account_label``, ``current_label`` and ``clearance_combo``."""
    account = QLabel(who(subject), dialog)
    account.setObjectName("account_label")
    current = QLabel(labels.clearance(subject.clearance), dialog)
    current.setObjectName("current_label")
    combo = QComboBox(dialog)
    combo.setObjectName("clearance_combo")
    for code in CLEARANCES:
        combo.addItem(labels.clearance(code), code)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    dialog.fields.add_field(
        "account", QCoreApplication.translate("ClearanceFields", "Account"), account
    )
    dialog.fields.add_field(
        "current", QCoreApplication.translate("ClearanceFields", "Current clearance"), current
    )
    dialog.fields.add_field("clearance", label, combo)
    return account, current, combo


class ClearanceRequestDialog(ServiceDialog):
    """Asks for ``subject``'s clearance to change (one's own, or the system administrator for
    anyone); the secrecy administrator decides. ``saved`` carries the new request."""

    def __init__(
        self,
        service: ApprovalService,
        runner: TaskRunner,
        actor: User,
        subject: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("clearance_request_dialog")
        self.setWindowTitle(self.tr("Request a clearance change"))
        self._service = service
        self._actor = actor
        self._subject = subject
        self.intro_label = self._question(
            self.tr(
                "The secrecy administrator decides this request. The clearance changes only "
                "once it is approved."
            ),
            "intro_label",
        )
        # Most requests ask for the next level up.
        current = CLEARANCES.index(subject.clearance) if subject.clearance in CLEARANCES else 0
        self.account_label, self.current_label, self.clearance_combo = clearance_fields(
            self,
            subject,
            self.tr("Requested clearance"),
            CLEARANCES[min(current + 1, len(CLEARANCES) - 1)],
        )
        self.reason_edit = _text_edit(
            "reason_edit", self.tr("e.g. works on classified project A from March 2026"), self
        )
        self.fields.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.save_button.setText(self.tr("Submit request"))
        self._finish_layout(self.intro_label, self.fields)
        self.clearance_combo.currentIndexChanged.connect(
            self._on_clearance_combo_current_index_changed
        )

    def _on_clearance_combo_current_index_changed(self, _index: int) -> None:
        # A new choice answers the old complaint; the service judges it again on saving.
        self.fields.clear_error("clearance")

    def _job(self) -> Callable[[], ApprovalRequest]:
        service, actor, subject_id = self._service, self._actor, self._subject.id
        clearance = str(self.clearance_combo.currentData())
        reason = self.reason_edit.toPlainText()
        return lambda: service.request_clearance(actor, subject_id, clearance, reason)


class DecideDialog(ServiceDialog):
    """Approves or rejects one request; a note is optional to approve and required to reject.
    ``saved`` carries the decided request."""

    def __init__(
        self,
        service: ApprovalService,
        runner: TaskRunner,
        actor: User,
        request: ApprovalRequest,
        subject_name: str,
        *,
        approve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("decide_dialog")
        self._service = service
        self._actor = actor
        self._request = request
        self._approve = approve
        self.setWindowTitle(self.tr("Approve request") if approve else self.tr("Reject request"))
        self.request_label = self._label(
            "request_label", f"{request.id} · {labels.approval_kind(request.kind)}"
        )
        self.subject_label = self._label("subject_label", subject_name)
        self.change_label = self._label("change_label", describe_change(request))
        self.reason_label = self._label("reason_label", request.reason)
        self.reason_label.setWordWrap(True)  # up to 500 characters
        self.requester_label = self._label(
            "requester_label",
            f"{request.requester_name}，{format_time(request.requested_at)}",
        )
        self.note_edit = _text_edit(
            "note_edit",
            self.tr("e.g. agreed by the secrecy committee on 2026-01-05")
            if approve
            else self.tr("Why the request is turned down"),
            self,
        )
        self.fields.add_field("request", self.tr("Request"), self.request_label)
        self.fields.add_field("subject", self.tr("Concerns"), self.subject_label)
        self.fields.add_field("change", self.tr("Asked for"), self.change_label)
        self.fields.add_field("reason", self.tr("Reason"), self.reason_label)
        self.fields.add_field("requester", self.tr("Requested by"), self.requester_label)
        self.fields.add_field(
            "decision_note",
            self.tr("Note (optional)") if approve else self.tr("Reason for rejecting"),
            self.note_edit,
        )
        self.save_button.setText(self.tr("Approve") if approve else self.tr("Reject"))
        self._finish_layout(self.fields)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def approve(self) -> bool:
        return self._approve

    def _job(self) -> Callable[[], ApprovalRequest]:
        service, actor, request_id = self._service, self._actor, self._request.id
        approve, note = self._approve, self.note_edit.toPlainText()
        return lambda: service.decide(actor, request_id, approve=approve, note=note)
