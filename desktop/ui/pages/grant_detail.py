"""One rights grant in detail, below the grants page's list: the terms as they stand, what the
checks of measure 15 say today, the secrecy approval and the export check, the publicity and its
objections, the supplementary agreements, and the ownership-change filings.

It only shows; the page connects its buttons. Buttons the user may not use at all are hidden;
those that do not apply to the grant as it stands are disabled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_iso_date as cn_date
from desktop.domain.rights_grants import (
    Amendment,
    ChangeFiling,
    Objection,
    RightsGrant,
    Terms,
    age_days,
    current,
)
from desktop.services.rights_grants import GrantView, describe_publicity
from desktop.ui import labels
from desktop.ui.grant_dialogs import publicity_period_text
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.gate_checks import GateChecks

OPEN_STATUSES = ("draft", "publicity")
T = TypeVar("T")


def percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shares_text(unit: Decimal | None, team: Decimal | None) -> str:
    """单位 30%，团队 70%"""
    return (
        QCoreApplication.translate("GrantDetail", "Unit %1%, team %2%")
        .replace("%1", percent(unit))
        .replace("%2", percent(team))
    )


def term_text(start: str | None, end: str | None) -> str:
    """2026年1月1日至2036年1月1日"""
    return (
        QCoreApplication.translate("GrantDetail", "%1 to %2")
        .replace("%1", cn_date(start))
        .replace("%2", cn_date(end))
    )


def terms_summary(terms: Terms) -> str:
    """What the list shows of the terms: the shares of ownership, or a use right's term."""
    if terms.kind == "ownership":
        return shares_text(terms.unit_share, terms.team_share)
    return term_text(terms.term_start, terms.term_end)


def amendment_change(amendment: Amendment) -> str:
    if amendment.kind == "extension":
        return QCoreApplication.translate("GrantDetail", "Term extended to %1").replace(
            "%1", cn_date(amendment.new_term_end)
        )
    return QCoreApplication.translate("GrantDetail", "Became ownership: %1").replace(
        "%1", shares_text(amendment.unit_share, amendment.team_share)
    )


def filing_age(filing: ChangeFiling, today: dt.date) -> int:
    """Days the filing has been open, or took when done."""
    if filing.completed_on:
        return (
            dt.date.fromisoformat(filing.completed_on) - dt.date.fromisoformat(filing.opened_on)
        ).days
    return age_days(filing, today)


def _table(name: str, headers: Sequence[str], parent: QWidget, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.clearSelection()
    table.setRowCount(0)
    for cells in rows:
        at = table.rowCount()
        table.insertRow(at)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(at, column, item)
    table.resizeRowsToContents()


class GrantDetail(QWidget):
    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self._can_edit = can_edit
        self._view: GrantView | None = None
        self._unit_days = 0
        self._value_labels: list[QLabel] = []

        self.header_label = QLabel(self)
        self.header_label.setObjectName("header_label")
        self.header_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = self._button("edit_button", self.tr("Edit draft…"), edit=True)
        self.publicity_button = self._button(
            "publicity_button", self.tr("Start the publicity…"), edit=True
        )
        self.take_effect_button = self._button(
            "take_effect_button", self.tr("Take effect…"), edit=True
        )
        self.withdraw_button = self._button("withdraw_button", self.tr("Withdraw…"), edit=True)
        self.save_pdf_button = self._button(
            "save_pdf_button", self.tr("Save agreement PDF…"), edit=False
        )
        actions = QHBoxLayout()
        for button in (
            self.edit_button,
            self.publicity_button,
            self.take_effect_button,
            self.withdraw_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_pdf_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_overview(), self.tr("Terms and checks"))
        self.tabs.addTab(self._build_publicity(), self.tr("Publicity and objections"))
        self.tabs.addTab(self._build_amendments(), self.tr("Supplementary agreements"))
        self.tabs.addTab(self._build_filings(), self.tr("Ownership change filings"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header_label)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

        self.objections_table.itemSelectionChanged.connect(self._update_buttons)
        self.amendments_table.itemSelectionChanged.connect(self._update_buttons)
        self.filings_table.itemSelectionChanged.connect(self._update_buttons)
        self.show_view(None, 0, dt.date.today())

    # -- building ---------------------------------------------------------------------------
    def _button(
        self, name: str, text: str, *, edit: bool, parent: QWidget | None = None
    ) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setObjectName(name)
        if edit:
            button.setVisible(self._can_edit)
        return button

    def _label(self, name: str, parent: QWidget) -> QLabel:
        """A label that shows one value of the grant (cleared when no grant is shown)."""
        label = QLabel(parent)
        self._value_labels.append(label)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    def _build_overview(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("overview_scroll")
        scroll.setWidgetResizable(True)
        tab = QWidget(scroll)
        tab.setObjectName("overview_tab")

        terms_box = QGroupBox(self.tr("Terms as they stand"), tab)
        terms_box.setObjectName("terms_box")
        self.terms_fields = FieldForm(terms_box)
        self.terms_fields.setObjectName("terms_fields")
        add = self.terms_fields.add_field
        self.achievement_label = self._label("achievement_label", terms_box)
        self.kind_label = self._label("kind_label", terms_box)
        self.shares_label = self._label("shares_label", terms_box)
        self.term_label = self._label("term_label", terms_box)
        self.team_label = self._label("team_label", terms_box)
        self.overseas_label = self._label("overseas_label", terms_box)
        self.revenue_label = self._label("revenue_label", terms_box)
        self.decision_label = self._label("decision_label", terms_box)
        self.cost_label = self._label("cost_label", terms_box)
        add("achievement", self.tr("Achievement"), self.achievement_label)
        add("kind", self.tr("Grant of"), self.kind_label)
        self._shares_row = self.terms_fields.layout_.rowCount()
        add("shares", self.tr("Shares"), self.shares_label)
        self._term_row = self.terms_fields.layout_.rowCount()
        add("term", self.tr("Term"), self.term_label)
        add("team", self.tr("Team"), self.team_label)
        add("overseas", self.tr("Party abroad"), self.overseas_label)
        add("revenue_terms", self.tr("Revenue split"), self.revenue_label)
        add("decision_terms", self.tr("Decision making"), self.decision_label)
        add("cost_terms", self.tr("Cost sharing"), self.cost_label)
        QVBoxLayout(terms_box).addWidget(self.terms_fields)

        checks_box = GateChecks(
            self.tr("Checks of measure 15 today"), can_edit=self._can_edit, parent=tab
        )
        self.checks = checks_box
        self.findings_label, self.secrecy_label, self.export_label = checks_box.value_labels
        self.secrecy_button = checks_box.secrecy_button
        self.export_button = checks_box.export_button
        self._value_labels.extend(checks_box.value_labels)

        column = QVBoxLayout(tab)
        column.addWidget(checks_box)
        column.addWidget(terms_box)
        column.addStretch(1)
        scroll.setWidget(tab)
        return scroll

    def _build_publicity(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("publicity_tab")
        self.publicity_label = self._label("publicity_label", tab)
        self.period_label = self._label("period_label", tab)
        fields = FieldForm(tab)
        fields.setObjectName("publicity_fields")
        fields.add_field("publicity", self.tr("Publicity"), self.publicity_label)
        fields.add_field("period", self.tr("Publicity period"), self.period_label)
        self.objections_table = _table(
            "objections_table",
            [
                self.tr("Received on"),
                self.tr("Objector"),
                self.tr("Objection"),
                self.tr("Status"),
                self.tr("Settled on"),
                self.tr("Reasons"),
            ],
            tab,
            stretch=2,
        )
        self.add_objection_button = self._button(
            "add_objection_button", self.tr("Record objection…"), edit=True, parent=tab
        )
        self.settle_objection_button = self._button(
            "settle_objection_button", self.tr("Settle objection…"), edit=True, parent=tab
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_objection_button)
        buttons.addWidget(self.settle_objection_button)
        buttons.addStretch(1)
        column = QVBoxLayout(tab)
        column.addWidget(fields)
        column.addWidget(self.objections_table, 1)
        column.addLayout(buttons)
        return tab

    def _build_amendments(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("amendments_tab")
        self.amendments_table = _table(
            "amendments_table",
            [
                self.tr("Supplementary agreement"),
                self.tr("Kind"),
                self.tr("Signed on"),
                self.tr("What changed"),
                self.tr("Note"),
            ],
            tab,
            stretch=3,
        )
        self.extend_button = self._button(
            "extend_button", self.tr("Extend the term…"), edit=True, parent=tab
        )
        self.convert_button = self._button(
            "convert_button", self.tr("Convert into ownership…"), edit=True, parent=tab
        )
        self.save_amendment_pdf_button = self._button(
            "save_amendment_pdf_button",
            self.tr("Save supplementary agreement PDF…"),
            edit=False,
            parent=tab,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.convert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_amendment_pdf_button)
        column = QVBoxLayout(tab)
        column.addWidget(self.amendments_table, 1)
        column.addLayout(buttons)
        return tab

    def _build_filings(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("filings_tab")
        self.filings_hint_label = QLabel(tab)
        self.filings_hint_label.setObjectName("filings_hint_label")
        self.filings_hint_label.setWordWrap(True)
        self.filings_hint_label.setText(
            self.tr(
                "A grant of ownership changes who holds the registered rights: each change is "
                "filed with CNIPA and followed until its notice arrives."
            )
        )
        self.filings_table = _table(
            "filings_table",
            [
                self.tr("Filing"),
                self.tr("IP number"),
                self.tr("Open since"),
                self.tr("Submitted on"),
                self.tr("CNIPA notice number"),
                self.tr("Completed on"),
                self.tr("Days"),
            ],
            tab,
            stretch=0,
        )
        self.filing_step_button = self._button(
            "filing_step_button", self.tr("Record a step…"), edit=True, parent=tab
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.filing_step_button)
        buttons.addStretch(1)
        column = QVBoxLayout(tab)
        column.addWidget(self.filings_hint_label)
        column.addWidget(self.filings_table, 1)
        column.addLayout(buttons)
        return tab

    # -- public -----------------------------------------------------------------------------
    @property
    def view(self) -> GrantView | None:
        return self._view

    @property
    def unit_publicity_days(self) -> int:
        """The unit's publicity period for grants, as of the last ``show_view``."""
        return self._unit_days

    @property
    def grant(self) -> RightsGrant | None:
        return self._view.grant if self._view is not None else None

    def selected_objection(self) -> Objection | None:
        return self._selected(self.objections_table, self.grant.objections if self.grant else ())

    def selected_amendment(self) -> Amendment | None:
        return self._selected(self.amendments_table, self.grant.amendments if self.grant else ())

    def selected_filing(self) -> ChangeFiling | None:
        return self._selected(self.filings_table, self.grant.filings if self.grant else ())

    def show_view(self, view: GrantView | None, publicity_days: int, today: dt.date) -> None:
        """Show ``view`` (None: nothing); ``publicity_days`` is the unit's period, for a grant
        not yet publicised."""
        self._view = view
        self._unit_days = publicity_days
        grant = view.grant if view is not None else None
        self.tabs.setEnabled(grant is not None)
        if view is None or grant is None:
            self.header_label.setText(self.tr("Choose a grant in the list."))
            for label in self._value_labels:
                label.clear()
            for table in (self.objections_table, self.amendments_table, self.filings_table):
                _fill(table, [])
            self._update_buttons()
            return
        status = labels.grant_status(grant.status)
        if grant.status == "effective":
            status += self.tr(" (since %1)").replace("%1", cn_date(grant.effective_on))
        self.header_label.setText(f"{grant.doc_no}　{grant.achievement_title}　·　{status}")
        self._show_terms(grant)
        self._show_checks(view)
        self._show_publicity(grant, publicity_days)
        _fill(
            self.objections_table,
            [
                (
                    cn_date(o.received_on),
                    o.objector or self.tr("(anonymous)"),
                    o.content,
                    labels.objection_status(o.status),
                    cn_date(o.resolved_on),
                    o.resolution,
                )
                for o in grant.objections
            ],
        )
        _fill(
            self.amendments_table,
            [
                (
                    a.doc_no,
                    labels.amendment_kind(a.kind),
                    cn_date(a.signed_on),
                    amendment_change(a),
                    a.note,
                )
                for a in grant.amendments
            ],
        )
        _fill(
            self.filings_table,
            [
                (
                    labels.filing_kind(f.kind),
                    f.ip_number,
                    cn_date(f.opened_on),
                    cn_date(f.filed_on),
                    f.notice_no,
                    cn_date(f.completed_on),
                    str(filing_age(f, today)),
                )
                for f in grant.filings
            ],
        )
        self._update_buttons()

    # -- internals --------------------------------------------------------------------------
    def _show_terms(self, grant: RightsGrant) -> None:
        terms = current(grant)
        self.achievement_label.setText(grant.achievement_title)
        kind = labels.grant_kind(terms.kind)
        if terms.converted_on:
            kind += self.tr(" (converted from a use right on %1)").replace(
                "%1", cn_date(terms.converted_on)
            )
        self.kind_label.setText(kind)
        ownership = terms.kind == "ownership"
        self.terms_fields.layout_.setRowVisible(self._shares_row, ownership)
        self.terms_fields.layout_.setRowVisible(self._term_row, not ownership)
        self.shares_label.setText(
            shares_text(terms.unit_share, terms.team_share) if ownership else ""
        )
        self.term_label.setText("" if ownership else term_text(terms.term_start, terms.term_end))
        self.team_label.setText(
            self.tr(", ").join(
                f"{grant.team_names.get(m.person_id, str(m.person_id))} {percent(m.share)}%"
                for m in grant.draft.team
            )
        )
        self.overseas_label.setText(labels.yes_no(grant.draft.overseas))
        self.revenue_label.setText(grant.draft.revenue_terms)
        self.decision_label.setText(grant.draft.decision_terms)
        self.cost_label.setText(grant.draft.cost_terms)

    def _show_checks(self, view: GrantView) -> None:
        grant = view.grant
        closed = None
        if grant.status == "withdrawn":
            closed = self.tr("Withdrawn: %1").replace("%1", grant.withdrawn_reason)
        elif grant.status not in OPEN_STATUSES:
            closed = self.tr("Checked when the grant took effect.")
        self.checks.show_checks(
            closed=closed,
            findings=view.findings,
            classified=view.classified,
            approval=view.secrecy_approval,
            overseas=grant.draft.overseas,
            check=view.export_check,
        )

    def _show_publicity(self, grant: RightsGrant, unit_days: int) -> None:
        described = describe_publicity(grant)
        self.publicity_label.setText(described or self.tr("Not publicised yet."))
        self.period_label.setText(publicity_period_text(grant.publicity_days or unit_days))

    def _update_buttons(self) -> None:
        grant = self.grant
        view = self._view
        status = grant.status if grant else ""
        self.edit_button.setEnabled(status == "draft")
        self.publicity_button.setEnabled(status == "draft")
        self.take_effect_button.setEnabled(status == "publicity")
        self.withdraw_button.setEnabled(status in OPEN_STATUSES)
        self.save_pdf_button.setEnabled(grant is not None and status != "withdrawn")
        self.add_objection_button.setEnabled(status == "publicity")
        objection = self.selected_objection()
        self.settle_objection_button.setEnabled(
            status == "publicity" and objection is not None and objection.status == "open"
        )
        use_right = (
            grant is not None and status == "effective" and current(grant).kind == "use_right"
        )
        self.extend_button.setEnabled(use_right)
        self.convert_button.setEnabled(use_right)
        self.save_amendment_pdf_button.setEnabled(self.selected_amendment() is not None)
        filing = self.selected_filing()
        self.filing_step_button.setEnabled(filing is not None and not filing.done)
        approval = view.secrecy_approval if view else None
        self.secrecy_button.setEnabled(
            view is not None
            and view.classified
            and status in OPEN_STATUSES
            and (approval is None or approval.status not in ("pending", "approved"))
        )
        self.export_button.setEnabled(
            grant is not None and grant.draft.overseas and status != "withdrawn"
        )

    @staticmethod
    def _selected(table: QTableWidget, items: Sequence[T]) -> T | None:
        rows = table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(items):
            return None
        return items[rows[0].row()]
