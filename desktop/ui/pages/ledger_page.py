"""The separate ledger (单列管理台账, measures 二 and 三): what the transformations formed and every
receipt and payment, kept apart from the unit's ordinary state assets.

Totals per year, per achievement or per department (one row per group: receivables, receipts,
payments and equity, in yuan), a line saying whether the totals reconcile with the ledger entries
themselves (the totals add up the entries' lines per achievement, the check adds up the entries
of every transformation the reader may see), the receivables overdue, and the register of the
equity the unit holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_cn_date
from desktop.domain.ledger import KINDS, LedgerEntry, Receivable
from desktop.domain.transformations import Transformation, yuan
from desktop.errors import AppError
from desktop.services.bundle import Services
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner

GROUPINGS = ("year", "achievement", "department")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class LedgerSnapshot:
    """What one reload fetched (on the worker thread)."""

    by: str
    totals: tuple[tuple[object, str, int], ...]  # (group, kind, fen) as the service gives them
    entry_sums: dict[str, int]  # per kind, the entries themselves (not their lines)
    entry_count: int
    overdue: tuple[tuple[Transformation, Receivable], ...]
    equity: tuple[tuple[Transformation, LedgerEntry], ...]
    titles: dict[int, str]  # achievement id -> title


def fetch(services: Services, actor: User, by: str) -> LedgerSnapshot:
    """The ledger as the actor may see it: the totals grouped ``by``, the overdue receivables,
    and, for the reconciliation, every entry of every visible transformation."""
    service = services.transformations
    totals = service.ledger_totals(actor, by)
    visible = service.visible(actor)
    booked, count = service.ledger_entry_totals(actor)
    sums = dict.fromkeys(KINDS, 0) | booked
    titles = {
        a.achievement_id: title
        for t in visible
        for a, title in zip(t.draft.allocations, t.achievement_titles, strict=False)
    }
    return LedgerSnapshot(
        by=by,
        totals=tuple(totals),
        entry_sums=sums,
        entry_count=count,
        overdue=tuple(service.overdue(actor)),
        equity=tuple(service.equity_register(actor)),
        titles=titles,
    )


class LedgerPage(QWidget):
    """Signals: ``reloaded`` once the ledger has been fetched and shown."""

    reloaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_page")
        self._services = services
        self._runner = runner
        self._actor = actor
        self._today = today
        self._snapshot: LedgerSnapshot | None = None

        self.title_label = QLabel(self.tr("Separate ledger of transformed achievements"), self)
        self.title_label.setObjectName("title_label")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.group_label = QLabel(self.tr("Totals by:"), self)
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group_combo")
        for code, text in (
            ("year", self.tr("Year")),
            ("achievement", self.tr("Achievement")),
            ("department", self.tr("Department")),
        ):
            self.group_combo.addItem(text, code)
        self.group_label.setBuddy(self.group_combo)
        self.refresh_button = QPushButton(self.tr("Refresh the list"), self)
        self.refresh_button.setObjectName("refresh_button")

        self.totals_model = QStandardItemModel(0, 5, self)
        self.totals_table = self._table("totals_table", self.totals_model)
        self.reconcile_label = QLabel(self)
        self.reconcile_label.setObjectName("reconcile_label")
        self.reconcile_label.setWordWrap(True)
        self.reconcile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdue_label")
        self.overdue_model = QStandardItemModel(0, 7, self)
        self.overdue_model.setHorizontalHeaderLabels(
            [
                self.tr("Transformation contract"),
                self.tr("Counterparty"),
                self.tr("Fell due on"),
                self.tr("Receivable (yuan)"),
                self.tr("Received so far (yuan)"),
                self.tr("Still outstanding (yuan)"),
                self.tr("Overdue by"),
            ]
        )
        self.overdue_table = self._table("overdue_table", self.overdue_model)

        self.equity_label = QLabel(self)
        self.equity_label.setObjectName("equity_label")
        self.equity_model = QStandardItemModel(0, 4, self)
        self.equity_model.setHorizontalHeaderLabels(
            [
                self.tr("Transformation contract"),
                self.tr("Company and holding"),
                self.tr("Value (yuan)"),
                self.tr("Booked on"),
            ]
        )
        self.equity_table = self._table("equity_table", self.equity_model)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.group_label)
        top.addWidget(self.group_combo)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals_table, 3)
        layout.addWidget(self.reconcile_label)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.overdue_table, 2)
        layout.addWidget(self.equity_label)
        layout.addWidget(self.equity_table, 1)

        self.group_combo.currentIndexChanged.connect(self._on_group_combo_current_index_changed)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the ledger again (off the UI thread)."""
        by = self.grouping
        services, actor = self._services, self._actor
        self.refresh_button.setEnabled(False)
        self.group_combo.setEnabled(False)
        self._runner.run(lambda: fetch(services, actor, by), self._on_fetched, self._on_error)

    @property
    def grouping(self) -> str:
        return str(self.group_combo.currentData())

    @property
    def snapshot(self) -> LedgerSnapshot | None:
        return self._snapshot

    def totals_row(self, row: int) -> list[str]:
        model = self.totals_model
        return [model.index(row, c).data() for c in range(model.columnCount())]

    def overdue_row(self, row: int) -> list[str]:
        model = self.overdue_model
        return [model.index(row, c).data() for c in range(model.columnCount())]

    def equity_row(self, row: int) -> list[str]:
        model = self.equity_model
        return [model.index(row, c).data() for c in range(model.columnCount())]

    # -- slots ------------------------------------------------------------------------------
    def _on_group_combo_current_index_changed(self, _index: int) -> None:
        self.reload()

    def _on_refresh_button_clicked(self) -> None:
        self.reload()

    def _on_fetched(self, snapshot: LedgerSnapshot) -> None:
        self._snapshot = snapshot
        self._enable()
        if snapshot.by != self.grouping:  # the grouping changed while it was being fetched
            self.reload()
            return
        sums = self._show_totals(snapshot)
        self._show_reconciliation(snapshot, sums)
        self._show_overdue(snapshot)
        self._show_equity(snapshot)
        self.reloaded.emit()

    def _on_error(self, error: AppError) -> None:
        self._enable()
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _table(self, name: str, model: QStandardItemModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _enable(self) -> None:
        self.refresh_button.setEnabled(True)
        self.group_combo.setEnabled(True)

    def _group_header(self, by: str) -> str:
        return {
            "year": self.tr("Year"),
            "achievement": self.tr("Achievement"),
            "department": self.tr("Department"),
        }[by]

    def _group_text(self, by: str, group: object, titles: dict[int, str]) -> str:
        if by == "achievement" and isinstance(group, int):
            return titles.get(group, f"#{group}")
        if by == "department" and not group:
            return self.tr("(no department)")
        return str(group)

    def _show_totals(self, snapshot: LedgerSnapshot) -> dict[str, int]:
        """Fill the totals table; returns the sums per kind over its rows."""
        model = self.totals_model
        model.removeRows(0, model.rowCount())  # not clear(): the header keeps its resize modes
        model.setHorizontalHeaderLabels(
            [
                self._group_header(snapshot.by),
                self.tr("Receivables (yuan)"),
                self.tr("Receipts (yuan)"),
                self.tr("Payments (yuan)"),
                self.tr("Equity (yuan)"),
            ]
        )
        groups: dict[object, dict[str, int]] = {}
        for group, kind, fen in snapshot.totals:
            groups.setdefault(group, dict.fromkeys(KINDS, 0))[kind] = fen
        sums = dict.fromkeys(KINDS, 0)
        for group, amounts in groups.items():
            model.appendRow(
                self._money_row(self._group_text(snapshot.by, group, snapshot.titles), amounts)
            )
            for kind in KINDS:
                sums[kind] += amounts[kind]
        if groups:
            total = self._money_row(self.tr("Ledger total"), sums)
            for item in total:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            model.appendRow(total)
        return sums

    @staticmethod
    def _money_row(label: str, amounts: dict[str, int]) -> list[QStandardItem]:
        row = [QStandardItem(label)]
        for kind in KINDS:
            item = QStandardItem(yuan(amounts[kind]))
            item.setTextAlignment(RIGHT)
            row.append(item)
        return row

    def _show_reconciliation(self, snapshot: LedgerSnapshot, sums: dict[str, int]) -> None:
        entries = snapshot.entry_sums
        if snapshot.entry_count == 0:
            self.reconcile_label.setText(self.tr("Nothing has been booked into the ledger yet."))
            self.reconcile_label.setProperty("reconciled", True)
            return
        differing = [k for k in KINDS if sums.get(k, 0) != entries.get(k, 0)]
        if not differing:
            self.reconcile_label.setText(
                self.tr(
                    "The totals reconcile with the %1 ledger entries: receivables %2, "
                    "receipts %3, payments %4, equity %5 yuan."
                )
                .replace("%1", str(snapshot.entry_count))
                .replace("%2", yuan(entries.get("receivable", 0)))
                .replace("%3", yuan(entries.get("receipt", 0)))
                .replace("%4", yuan(entries.get("payment", 0)))
                .replace("%5", yuan(entries.get("equity", 0)))
            )
            self.reconcile_label.setStyleSheet("")
            self.reconcile_label.setProperty("reconciled", True)
            return
        details = self.tr("; ").join(
            self.tr("%1: totals %2, entries %3")
            .replace("%1", self._kind_name(k))
            .replace("%2", yuan(sums.get(k, 0)))
            .replace("%3", yuan(entries.get(k, 0)))
            for k in differing
        )
        self.reconcile_label.setText(
            self.tr(
                "The totals do NOT reconcile with the ledger entries (%1). Please check the ledger."
            ).replace("%1", details)
        )
        self.reconcile_label.setStyleSheet("color: #b00020;")
        self.reconcile_label.setProperty("reconciled", False)

    def _kind_name(self, kind: str) -> str:
        return {
            "receivable": self.tr("receivables"),
            "receipt": self.tr("receipts"),
            "payment": self.tr("payments"),
            "equity": self.tr("equity"),
        }.get(kind, kind)

    def _show_overdue(self, snapshot: LedgerSnapshot) -> None:
        model = self.overdue_model
        model.removeRows(0, model.rowCount())
        today = self._today()
        for t, receivable in snapshot.overdue:
            entry = receivable.entry
            due = dt.date.fromisoformat(entry.due_on) if entry.due_on else None
            days = (today - due).days if due is not None else 0
            cells = [
                QStandardItem(t.draft.title),
                QStandardItem(t.counterparty_name),
                QStandardItem(format_cn_date(due) if due else ""),
            ]
            for fen in (entry.amount_fen, receivable.received_fen, receivable.outstanding_fen):
                item = QStandardItem(yuan(fen))
                item.setTextAlignment(RIGHT)
                cells.append(item)
            cells.append(QStandardItem(self.tr("%1 days overdue").replace("%1", str(days))))
            model.appendRow(cells)
        count = len(snapshot.overdue)
        if count:
            outstanding = sum(r.outstanding_fen for _, r in snapshot.overdue)
            self.overdue_label.setText(
                self.tr("Overdue receivables: %1, outstanding %2 yuan")
                .replace("%1", str(count))
                .replace("%2", yuan(outstanding))
            )
        else:
            self.overdue_label.setText(self.tr("No receivable is overdue."))
        self.overdue_table.setVisible(bool(count))

    def _show_equity(self, snapshot: LedgerSnapshot) -> None:
        model = self.equity_model
        model.removeRows(0, model.rowCount())
        for t, entry in snapshot.equity:
            value = QStandardItem(yuan(entry.amount_fen))
            value.setTextAlignment(RIGHT)
            booked = format_cn_date(dt.date.fromisoformat(entry.on_date))
            model.appendRow(
                [
                    QStandardItem(t.draft.title),
                    QStandardItem(entry.note),
                    value,
                    QStandardItem(booked),
                ]
            )
        count = len(snapshot.equity)
        if count:
            self.equity_label.setText(
                self.tr("Equity held through transformations: %1 holdings, valued at %2 yuan")
                .replace("%1", str(count))
                .replace("%2", yuan(sum(e.amount_fen for _, e in snapshot.equity)))
            )
        else:
            self.equity_label.setText(self.tr("The unit holds no equity through transformations."))
        self.equity_table.setVisible(bool(count))
