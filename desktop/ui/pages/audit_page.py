"""The audit log, newest first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.domain.accounts import User
from desktop.domain.audit import AuditEntry
from desktop.domain.dates import format_cn_datetime
from desktop.services.audit import AuditService
from desktop.ui import labels
from desktop.ui.models.paged_table_model import Column, PagedTableModel


class AuditPage(QWidget):
    def __init__(self, service: AuditService, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        columns: list[Column[AuditEntry]] = [
            Column(self.tr("No."), lambda e: str(e.seq)),
            Column(self.tr("Time"), lambda e: format_cn_datetime(datetime.fromisoformat(e.ts))),
            Column(self.tr("Actor"), lambda e: e.actor_name or e.actor),
            Column(self.tr("Action"), lambda e: labels.audit_action(e.action)),
            Column(self.tr("Object"), lambda e: f"{e.object_type} {e.object_id}".strip()),
            Column(self.tr("After"), lambda e: e.after or ""),
        ]
        self.model: PagedTableModel[AuditEntry] = PagedTableModel(
            columns, lambda: service.count(actor), lambda o, n: service.page(actor, o, n), self
        )
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        note = QLabel(
            self.tr(
                "Every change is recorded here in the same transaction; entries cannot be "
                "edited or deleted."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.reload()
        self.table.resizeColumnsToContents()
