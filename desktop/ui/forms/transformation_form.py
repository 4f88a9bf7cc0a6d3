"""Edits a transformation contract (measures 二 to 七): its form, the counterparty, the
achievements it covers with their income shares, the price and the pricing method, the terms of
its own form, the industry-project surplus that financed it (measure 三) and the technology
contract registration.

The form switches a stacked area to the terms of the chosen form: a licence's scope, term and
territory (also asked for a pay-later licence); an equity investment's company and shares or
capital percentage; a pay-later licence's free-use period and instalments, each with its
condition; a retained-share transfer's mode, trigger and agreed return; an invest-then-equity
project's stages, trigger and exit plan.

The form never calls a service. Whoever holds it answers ``counterparty_search_edited`` and
``achievement_search_edited`` with ``set_counterparties`` and ``set_achievements``, and
``new_counterparty_requested`` by registering one and handing it to ``add_counterparty``.
Running totals (the shares must add up to exactly 100.00%, the instalments or the stages to the
price) and the 90% rule of measure 三 are shown as the user types; the rules themselves are the
domain's (``validate_transformation``), which the service applies on saving. Amounts are typed
in yuan and shown with thousands separators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.achievements import AchievementRow
from desktop.domain.counterparties import Counterparty
from desktop.domain.dates import format_cn_date
from desktop.domain.rules import rule
from desktop.domain.transformations import (
    CONDITIONS,
    FORMS,
    HUNDRED,
    LICENCE_SCOPES,
    MEASURE_3,
    MEASURE_5,
    METHODS,
    PRICED_FORMS,
    SHARE_PLACES,
    SHARE_TRANSFER_MODES,
    STAGES,
    Allocation,
    EquityTerms,
    Installment,
    InvestTerms,
    LicenceTerms,
    PayLaterTerms,
    ShareTransferTerms,
    Stage,
    SurplusTerms,
    TransformationDraft,
    parse_yuan,
    yuan,
)
from desktop.errors import ValidationError
from desktop.ui import transformation_labels as tl
from desktop.ui.forms.grant_form import achievement_text, format_percent, read_iso_date
from desktop.ui.forms.grant_form import read_percent as _read_percent
from desktop.ui.widgets.field_form import FieldForm

ERROR_COLOUR = "#b3261e"
GOOD_COLOUR = "#1e7b34"
TEXT_LINES = 3
TABLE_ROWS_SHOWN = 4
SURPLUS_RULE = "liaoning.surplus.researcher_share_min"
# Allocation table columns
TITLE_COLUMN, SHARE_COLUMN = range(2)
# Instalment table columns
AMOUNT_COLUMN, CONDITION_COLUMN, DUE_COLUMN, MONTHS_COLUMN = range(4)
# Stage table columns
STAGE_COLUMN, STAGE_AMOUNT_COLUMN = range(2)
# The pages of the terms stack: forms with no terms of their own share the empty page.
N = TypeVar("N", int, Decimal)
# Forms whose price is one receivable, due on a day the contract may name.
PRICE_DUE_FORMS = ("transfer", "licence", "share_transfer")
TERMS_PAGES = ("none", "equity", "pay_later", "share_transfer", "invest_then_equity")


def read_percent(text: str, field: str) -> Decimal | None:
    return _read_percent(text, field)


def read_yuan(text: str, field: str) -> int | None:
    """An amount typed in yuan as fen; None when blank."""
    return parse_yuan(text, field) if text.strip() else None


def format_yuan(fen: int | None) -> str:
    return "" if fen is None else yuan(fen)


def money_text(text: str) -> str | None:
    """``text`` as the amount it reads as ("500000" → "500,000.00"); None when it is blank or
    does not read as money (the field's own check says so when the form is saved)."""
    try:
        fen = read_yuan(text, "amount")
    except ValidationError:
        return None
    return format_yuan(fen) or None


def _label_at(fields: FieldForm, row: int) -> QLabel:
    item = fields.layout_.itemAt(row, QFormLayout.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    assert isinstance(label, QLabel)
    return label


def _cn(iso: str | None) -> str:
    return format_cn_date(dt.date.fromisoformat(iso)) if iso else ""


class TransformationForm(QWidget):
    """The contract editor (see the module's docstring).

    Signals:
        counterparty_search_edited: the counterparty search text, as typed.
        achievement_search_edited: the achievement search text, as typed.
        new_counterparty_requested: the user wants to register a counterparty.
    """

    counterparty_search_edited = Signal(str)
    achievement_search_edited = Signal(str)
    new_counterparty_requested = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._loading = False
        self._counterparties: dict[int, Counterparty] = {}
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")

        # -- what and with whom ----------------------------------------------------------------
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("form_combo")
        for code in FORMS:
            self.form_combo.addItem(tl.form(code), code)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Patent transfer contract for a high-strength magnesium alloy")
        )

        counterparty_picker = QWidget(self)
        self.counterparty_search_edit = QLineEdit(counterparty_picker)
        self.counterparty_search_edit.setObjectName("counterparty_search_edit")
        self.counterparty_search_edit.setPlaceholderText(self.tr("Search counterparties"))
        self.counterparty_search_edit.setClearButtonEnabled(True)
        self.counterparty_combo = QComboBox(counterparty_picker)
        self.counterparty_combo.setObjectName("counterparty_combo")
        self.counterparty_combo.setPlaceholderText(self.tr("No counterparty chosen"))
        self.counterparty_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.counterparty_combo.setMinimumContentsLength(24)
        self.new_counterparty_button = QPushButton(
            self.tr("New counterparty…"), counterparty_picker
        )
        self.new_counterparty_button.setObjectName("new_counterparty_button")
        self.counterparty_label = QLabel(counterparty_picker)
        self.counterparty_label.setObjectName("counterparty_label")
        self.counterparty_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.counterparty_combo, 1)
        row.addWidget(self.new_counterparty_button)
        column = QVBoxLayout(counterparty_picker)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.counterparty_search_edit)
        column.addLayout(row)
        column.addWidget(self.counterparty_label)

        # -- the achievements and their income shares ------------------------------------------
        self.allocation_editor = QWidget(self)
        self.allocation_editor.setObjectName("allocation_editor")
        self.achievement_search_edit = QLineEdit(self.allocation_editor)
        self.achievement_search_edit.setObjectName("achievement_search_edit")
        self.achievement_search_edit.setPlaceholderText(self.tr("Search achievements by title"))
        self.achievement_search_edit.setClearButtonEnabled(True)
        self.achievement_combo = QComboBox(self.allocation_editor)
        self.achievement_combo.setObjectName("achievement_combo")
        self.achievement_combo.setPlaceholderText(self.tr("Choose an achievement to add"))
        self.achievement_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.achievement_combo.setMinimumContentsLength(24)
        self.add_achievement_button = QPushButton(self.tr("Add"), self.allocation_editor)
        self.add_achievement_button.setObjectName("add_achievement_button")
        self.allocations_table = self._table(
            "allocations_table",
            [self.tr("Achievement"), self.tr("Income share (%)")],
            self.allocation_editor,
        )
        self.remove_achievement_button = QPushButton(
            self.tr("Remove achievement"), self.allocation_editor
        )
        self.remove_achievement_button.setObjectName("remove_achievement_button")
        self.allocations_total_label = QLabel(self.allocation_editor)
        self.allocations_total_label.setObjectName("allocations_total_label")
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.achievement_combo, 1)
        picker_row.addWidget(self.add_achievement_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_achievement_button)
        buttons.addStretch(1)
        buttons.addWidget(self.allocations_total_label)
        column = QVBoxLayout(self.allocation_editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.achievement_search_edit)
        column.addLayout(picker_row)
        column.addWidget(self.allocations_table)
        column.addLayout(buttons)

        # -- price and method ------------------------------------------------------------------
        price_row = QWidget(self)
        self.price_edit = self._money_edit("price_edit", price_row)
        self.price_hint_label = QLabel(price_row)
        self.price_hint_label.setObjectName("price_hint_label")
        self.price_hint_label.setWordWrap(True)
        row = QHBoxLayout(price_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.price_edit)
        row.addWidget(QLabel(self.tr("yuan"), price_row))
        row.addWidget(self.price_hint_label, 1)
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method_combo")
        self.method_combo.setPlaceholderText(self.tr("Choose the pricing method"))
        for code in METHODS:
            self.method_combo.addItem(tl.method(code), code)
        self.method_combo.setCurrentIndex(0)

        add = self.fields.add_field
        add("form", self.tr("Form of transformation"), self.form_combo)
        add("title", self.tr("Contract title"), self.title_edit)
        self._counterparty_row = self._row(self.fields)
        add("counterparty", self.tr("Counterparty"), counterparty_picker)
        add("allocations", self.tr("Achievements covered"), self.allocation_editor)
        self._price_row = self._row(self.fields)
        add("price", self.tr("Contract price"), price_row)
        self._price_due_row = self._row(self.fields)
        due_row = QWidget(self)
        self.price_due_edit = self._short_edit(
            "price_due_edit", due_row, self.tr("e.g. 2026-03-31")
        )
        self.price_due_hint_label = QLabel(
            self.tr("optional: without it the receivable has no due date"), due_row
        )
        self.price_due_hint_label.setObjectName("price_due_hint_label")
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.price_due_edit)
        row.addWidget(self.price_due_hint_label, 1)
        add("price_due_on", self.tr("Price due on"), due_row)
        self._method_row = self._row(self.fields)
        add("method", self.tr("Pricing method"), self.method_combo)
        self.price_label = _label_at(self.fields, self._price_row)
        self.price_label.setObjectName("price_label")

        self.licence_box = self._build_licence()
        self.terms_stack = QStackedWidget(self)
        self.terms_stack.setObjectName("terms_stack")
        self._pages: dict[str, QWidget] = {
            "none": self._build_no_terms(),
            "equity": self._build_equity(),
            "pay_later": self._build_pay_later(),
            "share_transfer": self._build_share_transfer(),
            "invest_then_equity": self._build_invest(),
        }
        for name in TERMS_PAGES:
            self.terms_stack.addWidget(self._pages[name])
        self.surplus_box = self._build_surplus()
        self.registration_box = self._build_registration()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addWidget(self.licence_box)
        layout.addWidget(self.terms_stack)
        layout.addWidget(self.surplus_box)
        layout.addWidget(self.registration_box)
        layout.addStretch(1)

        self.form_combo.currentIndexChanged.connect(self._on_form_combo_current_index_changed)
        self.counterparty_search_edit.textEdited.connect(
            self._on_counterparty_search_edit_text_edited
        )
        self.counterparty_combo.currentIndexChanged.connect(
            self._on_counterparty_combo_current_index_changed
        )
        self.new_counterparty_button.clicked.connect(self._on_new_counterparty_button_clicked)
        self.achievement_search_edit.textEdited.connect(
            self._on_achievement_search_edit_text_edited
        )
        self.achievement_combo.currentIndexChanged.connect(
            self._on_achievement_combo_current_index_changed
        )
        self.add_achievement_button.clicked.connect(self._on_add_achievement_button_clicked)
        self.remove_achievement_button.clicked.connect(self._on_remove_achievement_button_clicked)
        self.allocations_table.itemChanged.connect(self._on_allocations_table_item_changed)
        self.allocations_table.itemSelectionChanged.connect(self._update_buttons)
        self.price_edit.editingFinished.connect(self._on_price_edit_editing_finished)
        self.price_edit.textChanged.connect(self._on_price_edit_text_changed)
        self.capital_radio.toggled.connect(self._on_capital_radio_toggled)
        self.add_installment_button.clicked.connect(self._on_add_installment_button_clicked)
        self.remove_installment_button.clicked.connect(self._on_remove_installment_button_clicked)
        self.installments_table.itemChanged.connect(self._on_installments_table_item_changed)
        self.installments_table.itemSelectionChanged.connect(self._update_buttons)
        self.share_transfer_mode_combo.currentIndexChanged.connect(
            self._on_share_transfer_mode_combo_current_index_changed
        )
        self.add_stage_button.clicked.connect(self._on_add_stage_button_clicked)
        self.remove_stage_button.clicked.connect(self._on_remove_stage_button_clicked)
        self.stages_table.itemChanged.connect(self._on_stages_table_item_changed)
        self.stages_table.itemSelectionChanged.connect(self._update_buttons)
        self.surplus_box.toggled.connect(self._on_surplus_box_toggled)
        self.researcher_share_edit.textChanged.connect(self._on_researcher_share_edit_text_changed)

        self.licence_start_edit.setText(format_cn_date(today))
        self._on_form_combo_current_index_changed()
        self._on_capital_radio_toggled(False)
        self._on_share_transfer_mode_combo_current_index_changed()
        self._on_researcher_share_edit_text_changed()
        self._update_allocations_total()
        self._update_installments_total()
        self._update_stages_total()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------
    @staticmethod
    def _row(fields: FieldForm) -> int:
        return fields.layout_.rowCount()

    def _money_edit(self, name: str, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("e.g. 500,000.00"))
        edit.setMaximumWidth(200)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def _short_edit(self, name: str, parent: QWidget, placeholder: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(180)
        return edit

    def _text_edit(self, name: str, parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        line = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(line * TEXT_LINES + 2 * edit.frameWidth() + 8)
        return edit

    def _table(self, name: str, headers: Sequence[str], parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        row_height = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(header.sizeHint().height() + row_height * TABLE_ROWS_SHOWN + 4)
        return table

    def _group(self, name: str, title: str) -> tuple[QGroupBox, FieldForm]:
        box = QGroupBox(title, self)
        box.setObjectName(name)
        fields = FieldForm(box)
        fields.setObjectName(name.replace("_box", "_fields"))
        column = QVBoxLayout(box)
        column.addWidget(fields)
        return box, fields

    def _page(self, name: str, title: str) -> tuple[QGroupBox, FieldForm]:
        """A page of the terms stack: a group box holding a FieldForm."""
        box = QGroupBox(title)
        box.setObjectName(name)
        fields = FieldForm(box)
        fields.setObjectName(name.replace("_page", "_fields"))
        column = QVBoxLayout(box)
        column.addWidget(fields)
        return box, fields

    def _build_licence(self) -> QGroupBox:
        box, self.licence_fields = self._group("licence_box", self.tr("Licence terms"))
        self.licence_scope_combo = QComboBox(box)
        self.licence_scope_combo.setObjectName("licence_scope_combo")
        self.licence_scope_combo.setPlaceholderText(self.tr("Choose the scope"))
        for code in LICENCE_SCOPES:
            self.licence_scope_combo.addItem(tl.licence_scope(code), code)
        self.licence_scope_combo.setCurrentIndex(-1)
        self.licence_start_edit = self._short_edit(
            "licence_start_edit", box, self.tr("e.g. 2026-01-05")
        )
        self.licence_end_edit = self._short_edit(
            "licence_end_edit", box, self.tr("e.g. 2031-01-04")
        )
        self.territory_edit = QLineEdit(box)
        self.territory_edit.setObjectName("territory_edit")
        self.territory_edit.setPlaceholderText(self.tr("e.g. mainland China"))
        add = self.licence_fields.add_field
        add("licence_scope", self.tr("Licence scope"), self.licence_scope_combo)
        add("licence_start", self.tr("Licensed from"), self.licence_start_edit)
        add("licence_end", self.tr("Licensed until"), self.licence_end_edit)
        add("territory", self.tr("Territory"), self.territory_edit)
        return box

    def _build_no_terms(self) -> QWidget:
        page = QWidget()
        page.setObjectName("no_terms_page")
        self.no_terms_label = QLabel(page)
        self.no_terms_label.setObjectName("no_terms_label")
        self.no_terms_label.setWordWrap(True)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.no_terms_label)
        return page

    def _build_equity(self) -> QWidget:
        page, self.equity_fields = self._page("equity_page", self.tr("Equity investment"))
        self.company_edit = QLineEdit(page)
        self.company_edit.setObjectName("company_edit")
        self.company_edit.setPlaceholderText(self.tr("The company the achievement is invested in"))
        holding = QWidget(page)
        self.shares_radio = QRadioButton(self.tr("Number of shares"), holding)
        self.shares_radio.setObjectName("shares_radio")
        self.capital_radio = QRadioButton(self.tr("Percentage of registered capital"), holding)
        self.capital_radio.setObjectName("capital_radio")
        self.holding_group = QButtonGroup(self)
        self.holding_group.addButton(self.shares_radio)
        self.holding_group.addButton(self.capital_radio)
        self.shares_radio.setChecked(True)
        row = QHBoxLayout(holding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.shares_radio)
        row.addWidget(self.capital_radio)
        row.addStretch(1)
        self.shares_edit = self._short_edit("shares_edit", page, self.tr("e.g. 1000000"))
        self.capital_percent_edit = self._short_edit(
            "capital_percent_edit", page, self.tr("e.g. 12.5")
        )
        add = self.equity_fields.add_field
        add("company", self.tr("Company"), self.company_edit)
        add("holding", self.tr("Holding as"), holding)
        self._shares_row = self._row(self.equity_fields)
        add("shares", self.tr("Shares held"), self.shares_edit)
        self._capital_row = self._row(self.equity_fields)
        add("capital_percent", self.tr("Capital (%)"), self.capital_percent_edit)
        return page

    def _build_pay_later(self) -> QWidget:
        page, self.pay_later_fields = self._page(
            "pay_later_page", self.tr("Use first, pay later (measure 5)")
        )
        self.pay_later_hint_label = QLabel(
            self.tr(
                "Open to small, medium and micro enterprises only. Each instalment falls due "
                "only once its condition is met."
            ),
            page,
        )
        self.pay_later_hint_label.setObjectName("pay_later_hint_label")
        self.pay_later_hint_label.setWordWrap(True)
        self.pay_later_party_label = QLabel(page)
        self.pay_later_party_label.setObjectName("pay_later_party_label")
        self.pay_later_party_label.setWordWrap(True)
        self.pay_later_party_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.free_months_spin = QSpinBox(page)
        self.free_months_spin.setObjectName("free_months_spin")
        self.free_months_spin.setRange(0, 120)
        self.free_months_spin.setSuffix(self.tr(" months"))
        self.free_months_spin.setMaximumWidth(140)
        editor = QWidget(page)
        self.installments_table = self._table(
            "installments_table",
            [
                self.tr("Amount (yuan)"),
                self.tr("Condition"),
                self.tr("Due on"),
                self.tr("Months"),
            ],
            editor,
        )
        header = self.installments_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONDITION_COLUMN, QHeaderView.ResizeMode.Stretch)
        for at, width in ((AMOUNT_COLUMN, 150), (DUE_COLUMN, 140), (MONTHS_COLUMN, 70)):
            self.installments_table.setColumnWidth(at, width)
        self.add_installment_button = QPushButton(self.tr("Add instalment"), editor)
        self.add_installment_button.setObjectName("add_installment_button")
        self.remove_installment_button = QPushButton(self.tr("Remove instalment"), editor)
        self.remove_installment_button.setObjectName("remove_installment_button")
        self.installments_total_label = QLabel(editor)
        self.installments_total_label.setObjectName("installments_total_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_installment_button)
        buttons.addWidget(self.remove_installment_button)
        buttons.addStretch(1)
        buttons.addWidget(self.installments_total_label)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.installments_table)
        column.addLayout(buttons)
        self.pay_later_fields.layout_.addRow(self.pay_later_hint_label)
        self.pay_later_fields.layout_.addRow(self.pay_later_party_label)
        add = self.pay_later_fields.add_field
        add("free_months", self.tr("Free use for"), self.free_months_spin)
        add("installments", self.tr("Instalments"), editor)
        return page

    def _build_share_transfer(self) -> QWidget:
        page, self.share_transfer_fields = self._page(
            "share_transfer_page", self.tr("Retained-share transfer (measure 6)")
        )
        self.share_transfer_mode_combo = QComboBox(page)
        self.share_transfer_mode_combo.setObjectName("share_transfer_mode_combo")
        for code in SHARE_TRANSFER_MODES:
            self.share_transfer_mode_combo.addItem(tl.share_transfer_mode(code), code)
        self.share_trigger_edit = QLineEdit(page)
        self.share_trigger_edit.setObjectName("share_trigger_edit")
        self.share_trigger_edit.setPlaceholderText(
            self.tr("e.g. the company's listing or a sale of its shares")
        )
        self.return_percent_edit = self._short_edit("return_percent_edit", page, self.tr("e.g. 20"))
        add = self.share_transfer_fields.add_field
        add("share_transfer_mode", self.tr("Mode"), self.share_transfer_mode_combo)
        self._share_trigger_row = self._row(self.share_transfer_fields)
        add("trigger", self.tr("Return triggered by"), self.share_trigger_edit)
        self._return_row = self._row(self.share_transfer_fields)
        add("return_percent", self.tr("Agreed return (%)"), self.return_percent_edit)
        return page

    def _build_invest(self) -> QWidget:
        page, self.invest_fields = self._page(
            "invest_page", self.tr("Invest first, equity later (measure 7)")
        )
        editor = QWidget(page)
        self.stages_table = self._table(
            "stages_table", [self.tr("Stage"), self.tr("Public funds (yuan)")], editor
        )
        self.add_stage_button = QPushButton(self.tr("Add stage"), editor)
        self.add_stage_button.setObjectName("add_stage_button")
        self.remove_stage_button = QPushButton(self.tr("Remove stage"), editor)
        self.remove_stage_button.setObjectName("remove_stage_button")
        self.stages_total_label = QLabel(editor)
        self.stages_total_label.setObjectName("stages_total_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_stage_button)
        buttons.addWidget(self.remove_stage_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stages_total_label)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stages_table)
        column.addLayout(buttons)
        self.invest_trigger_edit = QLineEdit(page)
        self.invest_trigger_edit.setObjectName("invest_trigger_edit")
        self.invest_trigger_edit.setPlaceholderText(
            self.tr("e.g. the company's first round of outside financing")
        )
        self.exit_plan_edit = self._text_edit("exit_plan_edit", page)
        self.exit_plan_edit.setPlaceholderText(
            self.tr("How and when the unit leaves, at an appropriate return")
        )
        add = self.invest_fields.add_field
        add("stages", self.tr("Stages"), editor)
        add("trigger", self.tr("Converted to equity when"), self.invest_trigger_edit)
        add("exit_plan", self.tr("Exit plan"), self.exit_plan_edit)
        return page

    def _build_surplus(self) -> QGroupBox:
        box, self.surplus_fields = self._group(
            "surplus_box", self.tr("Financed from the surplus of an industry project (measure 3)")
        )
        box.setCheckable(True)
        box.setChecked(False)
        self.surplus_project_edit = QLineEdit(box)
        self.surplus_project_edit.setObjectName("surplus_project_edit")
        self.surplus_project_edit.setPlaceholderText(self.tr("Contract number of the project"))
        share_row = QWidget(box)
        self.researcher_share_edit = self._short_edit(
            "researcher_share_edit", share_row, self.tr("e.g. 90")
        )
        self.surplus_check_label = QLabel(share_row)
        self.surplus_check_label.setObjectName("surplus_check_label")
        self.surplus_check_label.setWordWrap(True)
        row = QHBoxLayout(share_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.researcher_share_edit)
        row.addWidget(self.surplus_check_label, 1)
        self.surplus_reason_edit = QLineEdit(box)
        self.surplus_reason_edit.setObjectName("surplus_reason_edit")
        self.surplus_reason_edit.setPlaceholderText(
            self.tr("Required below the minimum: why the researchers get less")
        )
        add = self.surplus_fields.add_field
        add("surplus_project", self.tr("Industry project"), self.surplus_project_edit)
        add("researcher_share", self.tr("Researchers' share (%)"), share_row)
        self._surplus_reason_row = self._row(self.surplus_fields)
        add("surplus_reason", self.tr("Reason for less"), self.surplus_reason_edit)
        return box

    def _build_registration(self) -> QGroupBox:
        box, self.registration_fields = self._group(
            "registration_box", self.tr("Technology contract registration")
        )
        self.registration_no_edit = QLineEdit(box)
        self.registration_no_edit.setObjectName("registration_no_edit")
        self.registration_no_edit.setPlaceholderText(self.tr("May be recorded later"))
        self.registration_date_edit = self._short_edit(
            "registration_date_edit", box, self.tr("e.g. 2026-01-05")
        )
        add = self.registration_fields.add_field
        add(
            "contract_registration_no",
            self.tr("Technology contract registration number"),
            self.registration_no_edit,
        )
        add("contract_registration_date", self.tr("Registered on"), self.registration_date_edit)
        return box

    # -- for the holder ------------------------------------------------------------------------
    @property
    def form(self) -> str:
        return str(self.form_combo.currentData())

    @property
    def counterparty_id(self) -> int | None:
        data = self.counterparty_combo.currentData()
        return int(data) if data is not None else None

    @property
    def counterparty(self) -> Counterparty | None:
        chosen = self.counterparty_id
        return None if chosen is None else self._counterparties.get(chosen)

    def set_counterparties(self, found: Sequence[Counterparty]) -> None:
        """The counterparties found for the search text; the one chosen stays chosen."""
        chosen = self.counterparty_id
        chosen_text = self.counterparty_combo.currentText()
        for c in found:
            self._counterparties[c.id] = c
        self.counterparty_combo.blockSignals(True)
        try:
            self.counterparty_combo.clear()
            for c in found:
                self.counterparty_combo.addItem(c.name, c.id)
            if chosen is not None and self.counterparty_combo.findData(chosen) < 0:
                self.counterparty_combo.insertItem(0, chosen_text, chosen)
            self.counterparty_combo.setCurrentIndex(
                self.counterparty_combo.findData(chosen) if chosen is not None else -1
            )
        finally:
            self.counterparty_combo.blockSignals(False)
        self._show_counterparty()

    def add_counterparty(self, counterparty: Counterparty) -> None:
        """A counterparty just registered: listed and chosen."""
        self._counterparties[counterparty.id] = counterparty
        at = self.counterparty_combo.findData(counterparty.id)
        if at < 0:
            self.counterparty_combo.addItem(counterparty.name, counterparty.id)
            at = self.counterparty_combo.count() - 1
        self.counterparty_combo.setCurrentIndex(at)
        self._show_counterparty()

    def set_achievements(self, rows: Sequence[AchievementRow]) -> None:
        """The achievements found for the search text, to add to the contract."""
        self.achievement_combo.blockSignals(True)
        try:
            self.achievement_combo.clear()
            for r in rows:
                self.achievement_combo.addItem(achievement_text(r), r.id)
                self.achievement_combo.setItemData(
                    self.achievement_combo.count() - 1, r.title, Qt.ItemDataRole.UserRole + 1
                )
            self.achievement_combo.setCurrentIndex(0 if len(rows) == 1 else -1)
        finally:
            self.achievement_combo.blockSignals(False)
        self._update_buttons()

    def add_allocation(self, achievement_id: int, title: str, share: Decimal | None = None) -> None:
        """Add an achievement to the contract; its share defaults to what is left of 100%."""
        if self._allocation_row(achievement_id) is not None:
            return
        if share is None:
            total = self.allocations_total or Decimal(0)
            share = HUNDRED - total if total < HUNDRED else None
        loading, self._loading = self._loading, True
        try:
            row = self.allocations_table.rowCount()
            self.allocations_table.insertRow(row)
            item = QTableWidgetItem(title)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, achievement_id)
            item.setToolTip(title)
            self.allocations_table.setItem(row, TITLE_COLUMN, item)
            share_item = QTableWidgetItem("" if share is None else format_percent(share))
            share_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.allocations_table.setItem(row, SHARE_COLUMN, share_item)
        finally:
            self._loading = loading
        self.fields.clear_error("allocations")
        self._update_allocations_total()
        self._update_buttons()

    def add_installment(self, installment: Installment | None = None) -> None:
        loading, self._loading = self._loading, True
        try:
            table = self.installments_table
            row = table.rowCount()
            table.insertRow(row)
            amount = QTableWidgetItem(format_yuan(installment.amount_fen) if installment else "")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, AMOUNT_COLUMN, amount)
            combo = QComboBox(table)
            combo.setObjectName(f"condition_combo_{row}")
            for code in CONDITIONS:
                combo.addItem(tl.condition(code), code)
            condition = installment.condition if installment else "after_effect"
            combo.setCurrentIndex(max(0, combo.findData(condition)))
            table.setCellWidget(row, CONDITION_COLUMN, combo)
            table.setItem(
                row, DUE_COLUMN, QTableWidgetItem(_cn(installment.due_on) if installment else "")
            )
            months = installment.months if installment and installment.months is not None else ""
            months_item = QTableWidgetItem(str(months))
            months_item.setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            table.setItem(row, MONTHS_COLUMN, months_item)
            combo.currentIndexChanged.connect(self._on_condition_combo_current_index_changed)
            self._show_condition(row)
        finally:
            self._loading = loading
        self._update_installments_total()
        self._update_buttons()

    def add_stage(self, stage: Stage | None = None) -> None:
        loading, self._loading = self._loading, True
        try:
            table = self.stages_table
            row = table.rowCount()
            table.insertRow(row)
            combo = QComboBox(table)
            combo.setObjectName(f"stage_combo_{row}")
            for code in STAGES:
                combo.addItem(tl.stage(code), code)
            used = {self._stage_code(r) for r in range(row)}
            code = stage.stage if stage else next((s for s in STAGES if s not in used), STAGES[0])
            combo.setCurrentIndex(max(0, combo.findData(code)))
            table.setCellWidget(row, STAGE_COLUMN, combo)
            amount = QTableWidgetItem(format_yuan(stage.amount_fen) if stage else "")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, STAGE_AMOUNT_COLUMN, amount)
        finally:
            self._loading = loading
        self._update_stages_total()
        self._update_buttons()

    def value(self) -> TransformationDraft:
        """The draft as typed; raises ``ValidationError`` at its field for an amount, a share or
        a date that cannot be read at all (everything else is the domain's to judge)."""
        form = self.form
        allocations = []
        for row in range(self.allocations_table.rowCount()):
            title = self._item(self.allocations_table, row, TITLE_COLUMN)
            text = self._item(self.allocations_table, row, SHARE_COLUMN).text()
            share = read_percent(text, "allocations")
            if share is None:
                raise ValidationError(
                    "allocations",
                    self.tr("Enter the income share of “%1”.").replace("%1", title.text()),
                )
            allocations.append(Allocation(int(title.data(Qt.ItemDataRole.UserRole)), share))
        price = read_yuan(self.price_edit.text(), "price") or 0
        licence = equity = pay_later = share_transfer = invest = surplus = None
        if form in ("licence", "pay_later"):
            licence = LicenceTerms(
                scope=str(self.licence_scope_combo.currentData() or ""),
                term_start=read_iso_date(self.licence_start_edit.text(), "licence_start") or "",
                term_end=read_iso_date(self.licence_end_edit.text(), "licence_end") or "",
                territory=self.territory_edit.text(),
            )
        if form == "equity":
            shares = percent = None
            if self.shares_radio.isChecked():
                shares = self._read_int(self.shares_edit.text(), "shares")
            else:
                percent = read_percent(self.capital_percent_edit.text(), "capital_percent")
            equity = EquityTerms(self.company_edit.text(), shares, percent)
        elif form == "pay_later":
            pay_later = PayLaterTerms(self.free_months_spin.value(), self._installments())
        elif form == "share_transfer":
            mode = str(self.share_transfer_mode_combo.currentData())
            share_transfer = ShareTransferTerms(
                mode,
                self.share_trigger_edit.text() if mode == "agreed_return" else "",
                read_percent(self.return_percent_edit.text(), "return_percent")
                if mode == "agreed_return"
                else None,
            )
        elif form == "invest_then_equity":
            invest = InvestTerms(
                self._stages(),
                self.invest_trigger_edit.text(),
                self.exit_plan_edit.toPlainText(),
            )
        if self.surplus_box.isChecked():
            share = read_percent(self.researcher_share_edit.text(), "researcher_share")
            if share is None:
                raise ValidationError(
                    "researcher_share", self.tr("Enter the researchers' share of the returns.")
                )
            surplus = SurplusTerms(
                self.surplus_project_edit.text(), share, self.surplus_reason_edit.text()
            )
        return TransformationDraft(
            form=form,
            title=self.title_edit.text(),
            counterparty_id=None if form == "share_transfer" else self.counterparty_id,
            allocations=tuple(allocations),
            price_fen=price,
            method=(
                str(self.method_combo.currentData())
                if form in PRICED_FORMS and self.method_combo.currentIndex() >= 0
                else None
            ),
            licence=licence,
            equity=equity,
            pay_later=pay_later,
            share_transfer=share_transfer,
            invest=invest,
            surplus=surplus,
            contract_registration_no=self.registration_no_edit.text(),
            contract_registration_date=read_iso_date(
                self.registration_date_edit.text(), "contract_registration_date"
            ),
            price_due_on=(
                read_iso_date(self.price_due_edit.text(), "price_due_on")
                if form in PRICE_DUE_FORMS
                else None
            ),
        )

    def set_value(
        self,
        draft: TransformationDraft,
        *,
        counterparty_name: str = "",
        achievement_titles: Sequence[str] = (),
    ) -> None:
        """A saved contract to correct. Its form cannot change (the service refuses it)."""
        self._loading = True
        try:
            self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(draft.form)))
            self.form_combo.setEnabled(False)
            self.title_edit.setText(draft.title)
            self.counterparty_combo.blockSignals(True)
            if draft.counterparty_id is not None:
                at = self.counterparty_combo.findData(draft.counterparty_id)
                if at < 0:
                    self.counterparty_combo.addItem(counterparty_name, draft.counterparty_id)
                    at = self.counterparty_combo.count() - 1
                self.counterparty_combo.setCurrentIndex(at)
            self.counterparty_combo.blockSignals(False)
            self.allocations_table.setRowCount(0)
            titles = list(achievement_titles)
            for i, a in enumerate(draft.allocations):
                title = titles[i] if i < len(titles) else str(a.achievement_id)
                self.add_allocation(a.achievement_id, title, a.share)
            self.price_edit.setText(format_yuan(draft.price_fen))
            if draft.method is not None:
                self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(draft.method)))
            if draft.licence is not None:
                terms = draft.licence
                self.licence_scope_combo.setCurrentIndex(
                    self.licence_scope_combo.findData(terms.scope)
                )
                self.licence_start_edit.setText(_cn(terms.term_start))
                self.licence_end_edit.setText(_cn(terms.term_end))
                self.territory_edit.setText(terms.territory)
            if draft.equity is not None:
                e = draft.equity
                self.company_edit.setText(e.company)
                if e.capital_percent is not None:
                    self.capital_radio.setChecked(True)
                    self.capital_percent_edit.setText(format_percent(e.capital_percent))
                else:
                    self.shares_radio.setChecked(True)
                    self.shares_edit.setText("" if e.shares is None else str(e.shares))
            if draft.pay_later is not None:
                self.free_months_spin.setValue(draft.pay_later.free_months)
                self.installments_table.setRowCount(0)
                for item in draft.pay_later.installments:
                    self.add_installment(item)
            if draft.share_transfer is not None:
                s = draft.share_transfer
                self.share_transfer_mode_combo.setCurrentIndex(
                    max(0, self.share_transfer_mode_combo.findData(s.mode))
                )
                self.share_trigger_edit.setText(s.trigger)
                self.return_percent_edit.setText(
                    "" if s.return_percent is None else format_percent(s.return_percent)
                )
            if draft.invest is not None:
                self.stages_table.setRowCount(0)
                for stage in draft.invest.stages:
                    self.add_stage(stage)
                self.invest_trigger_edit.setText(draft.invest.trigger)
                self.exit_plan_edit.setPlainText(draft.invest.exit_plan)
            self.surplus_box.setChecked(draft.surplus is not None)
            if draft.surplus is not None:
                self.surplus_project_edit.setText(draft.surplus.project_ref)
                self.researcher_share_edit.setText(format_percent(draft.surplus.researcher_share))
                self.surplus_reason_edit.setText(draft.surplus.exception_reason)
            self.registration_no_edit.setText(draft.contract_registration_no)
            self.registration_date_edit.setText(_cn(draft.contract_registration_date))
            self.price_due_edit.setText(_cn(draft.price_due_on))
        finally:
            self._loading = False
        self._on_form_combo_current_index_changed()
        self._on_share_transfer_mode_combo_current_index_changed()
        self._on_capital_radio_toggled(self.capital_radio.isChecked())
        self._on_researcher_share_edit_text_changed()
        self._update_allocations_total()
        self._update_installments_total()
        self._update_stages_total()
        self._show_counterparty()

    def show_error(self, error: ValidationError) -> bool:
        """Show ``error`` at its field, on the part of the form in use; False when the form has
        no such field."""
        return any(f.show_error(error.field, error.message) for f in self._field_forms())

    def clear_errors(self) -> None:
        for fields in (
            self.fields,
            self.licence_fields,
            self.equity_fields,
            self.pay_later_fields,
            self.share_transfer_fields,
            self.invest_fields,
            self.surplus_fields,
            self.registration_fields,
        ):
            fields.clear_errors()

    def error_text(self, field: str) -> str:
        for fields in self._field_forms():
            text = fields.error_text(field)
            if text:
                return text
        return ""

    @property
    def allocations_total(self) -> Decimal | None:
        """The income shares as typed; None while one cannot be read."""
        return self._column_total(
            self.allocations_table, SHARE_COLUMN, lambda t: read_percent(t, "allocations")
        )

    @property
    def installments_total(self) -> int | None:
        """The instalments in fen; None while one cannot be read."""
        return self._column_total(
            self.installments_table, AMOUNT_COLUMN, lambda t: read_yuan(t, "installments")
        )

    @property
    def stages_total(self) -> int | None:
        return self._column_total(
            self.stages_table, STAGE_AMOUNT_COLUMN, lambda t: read_yuan(t, "stages")
        )

    # -- slots ---------------------------------------------------------------------------------
    def _on_form_combo_current_index_changed(self, _index: int = 0) -> None:
        form = self.form
        layout = self.fields.layout_
        layout.setRowVisible(self._counterparty_row, form != "share_transfer")
        layout.setRowVisible(self._method_row, form in PRICED_FORMS)
        layout.setRowVisible(self._price_due_row, form in PRICE_DUE_FORMS)
        self.licence_box.setVisible(form in ("licence", "pay_later"))
        page = form if form in TERMS_PAGES else "none"
        self.terms_stack.setCurrentIndex(TERMS_PAGES.index(page))
        for name in TERMS_PAGES:
            policy = QSizePolicy.Policy.Preferred if name == page else QSizePolicy.Policy.Ignored
            self._pages[name].setSizePolicy(policy, policy)
        self.terms_stack.adjustSize()
        self.no_terms_label.setText(
            ""
            if form == "licence"
            else self.tr("A transfer has no terms beyond the price and the parties.")
        )
        self.terms_stack.setVisible(form != "licence")
        price_label = {
            "pay_later": self.tr("Licence fee"),
            "equity": self.tr("Value of the investment"),
            "share_transfer": self.tr("Fee or price"),
            "invest_then_equity": self.tr("Public funds invested"),
        }.get(form, self.tr("Contract price"))
        self.price_label.setText(price_label)
        self.price_hint_label.setText(
            {
                "pay_later": self.tr("the sum of the instalments"),
                "share_transfer": self.tr("may be 0 when only a return is agreed"),
                "invest_then_equity": self.tr("the sum of the stages"),
            }.get(form, "")
        )
        if form == "pay_later" and self.installments_table.rowCount() == 0:
            self.add_installment()
        if form == "invest_then_equity" and self.stages_table.rowCount() == 0:
            self.add_stage()
        self._show_counterparty()
        self._update_installments_total()
        self._update_stages_total()

    def _on_counterparty_search_edit_text_edited(self, text: str) -> None:
        self.counterparty_search_edited.emit(text)

    def _on_counterparty_combo_current_index_changed(self, _index: int) -> None:
        self.fields.clear_error("counterparty")
        self._show_counterparty()

    def _on_new_counterparty_button_clicked(self) -> None:
        self.new_counterparty_requested.emit()

    def _on_achievement_search_edit_text_edited(self, text: str) -> None:
        self.achievement_search_edited.emit(text)

    def _on_achievement_combo_current_index_changed(self, _index: int) -> None:
        self._update_buttons()

    def _on_add_achievement_button_clicked(self) -> None:
        index = self.achievement_combo.currentIndex()
        if index < 0:
            return
        achievement_id = int(self.achievement_combo.itemData(index))
        title = str(self.achievement_combo.itemData(index, Qt.ItemDataRole.UserRole + 1))
        self.add_allocation(achievement_id, title)

    def _on_remove_achievement_button_clicked(self) -> None:
        self._remove_selected(self.allocations_table)
        self._update_allocations_total()

    def _on_allocations_table_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._update_allocations_total()

    def _on_price_edit_editing_finished(self) -> None:
        self._reformat(self.price_edit)

    def _on_price_edit_text_changed(self, _text: str) -> None:
        self._update_installments_total()
        self._update_stages_total()

    def _on_capital_radio_toggled(self, _checked: bool) -> None:
        capital = self.capital_radio.isChecked()
        self.equity_fields.layout_.setRowVisible(self._shares_row, not capital)
        self.equity_fields.layout_.setRowVisible(self._capital_row, capital)

    def _on_add_installment_button_clicked(self) -> None:
        self.add_installment()

    def _on_remove_installment_button_clicked(self) -> None:
        self._remove_selected(self.installments_table)
        self._update_installments_total()

    def _on_installments_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == AMOUNT_COLUMN:
            self._reformat_item(item)
        self._update_installments_total()

    def _on_condition_combo_current_index_changed(self, _index: int) -> None:
        for row in range(self.installments_table.rowCount()):
            self._show_condition(row)

    def _on_share_transfer_mode_combo_current_index_changed(self, _index: int = 0) -> None:
        agreed = self.share_transfer_mode_combo.currentData() == "agreed_return"
        layout = self.share_transfer_fields.layout_
        layout.setRowVisible(self._share_trigger_row, agreed)
        layout.setRowVisible(self._return_row, agreed)

    def _on_add_stage_button_clicked(self) -> None:
        self.add_stage()

    def _on_remove_stage_button_clicked(self) -> None:
        self._remove_selected(self.stages_table)
        self._update_stages_total()

    def _on_stages_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._reformat_item(item)
        self._update_stages_total()

    def _on_surplus_box_toggled(self, _checked: bool) -> None:
        self._on_researcher_share_edit_text_changed()

    def _on_researcher_share_edit_text_changed(self, _text: str = "") -> None:
        """The 90% rule of measure 三, checked as typed."""
        minimum = Decimal(rule(SURPLUS_RULE).value)
        try:
            share = read_percent(self.researcher_share_edit.text(), "researcher_share")
        except ValidationError:
            share = None
        below = share is not None and share < minimum
        if share is None:
            text = self.tr("At least %1% in principle (%2)")
            colour = ""
        elif below:
            text = self.tr("Below %1%: allowed only with the reason recorded (%2)")
            colour = ERROR_COLOUR
        else:
            text = self.tr("At least %1%: as %2 asks")
            colour = GOOD_COLOUR
        self.surplus_check_label.setText(
            text.replace("%1", format_percent(minimum)).replace("%2", MEASURE_3)
        )
        self.surplus_check_label.setStyleSheet(
            f"font-weight: bold; color: {colour};" if colour else ""
        )
        self.surplus_fields.layout_.setRowVisible(self._surplus_reason_row, below)

    # -- internals -----------------------------------------------------------------------------
    def _field_forms(self) -> list[FieldForm]:
        """The FieldForms in use for the current form, the main one first."""
        form = self.form
        found = [self.fields]
        if form in ("licence", "pay_later"):
            found.append(self.licence_fields)
        found += {
            "equity": [self.equity_fields],
            "pay_later": [self.pay_later_fields],
            "share_transfer": [self.share_transfer_fields],
            "invest_then_equity": [self.invest_fields],
        }.get(form, [])
        found += [self.surplus_fields, self.registration_fields]
        return found

    @staticmethod
    def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
        item = table.item(row, column)
        assert item is not None
        return item

    def _allocation_row(self, achievement_id: int) -> int | None:
        for row in range(self.allocations_table.rowCount()):
            item = self._item(self.allocations_table, row, TITLE_COLUMN)
            if int(item.data(Qt.ItemDataRole.UserRole)) == achievement_id:
                return row
        return None

    @staticmethod
    def _column_total(
        table: QTableWidget, column: int, read: Callable[[str], N | None]
    ) -> N | None:
        total: N | None = None
        for row in range(table.rowCount()):
            item = table.item(row, column)
            try:
                value = read(item.text() if item is not None else "")
            except ValidationError:
                return None
            if value is not None:
                total = value if total is None else total + value
        return total

    def _remove_selected(self, table: QTableWidget) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            table.removeRow(rows[0].row())
        self._update_buttons()

    def _reformat(self, edit: QLineEdit) -> None:
        """An amount that reads as money is shown again with thousands separators."""
        if (text := money_text(edit.text())) is not None:
            edit.setText(text)

    def _reformat_item(self, item: QTableWidgetItem) -> None:
        text = money_text(item.text())
        if text is not None and item.text() != text:
            loading, self._loading = self._loading, True
            try:
                item.setText(text)
            finally:
                self._loading = loading

    def _read_int(self, text: str, field: str) -> int | None:
        cleaned = text.strip().replace(",", "").replace("，", "")
        if not cleaned:
            return None
        try:
            return int(cleaned)
        except ValueError:
            raise ValidationError(
                field, self.tr("“%1” is not a whole number.").replace("%1", text.strip())
            ) from None

    def _condition(self, row: int) -> str:
        combo = self.installments_table.cellWidget(row, CONDITION_COLUMN)
        assert isinstance(combo, QComboBox)
        return str(combo.currentData())

    def _show_condition(self, row: int) -> None:
        """A date for an instalment on a date, a number of months for the others."""
        on_date = self._condition(row) == "on_date"
        loading, self._loading = self._loading, True
        try:
            for column, used in ((DUE_COLUMN, on_date), (MONTHS_COLUMN, not on_date)):
                item = self._item(self.installments_table, row, column)
                flags = item.flags()
                item.setFlags(
                    flags | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled
                    if used
                    else flags & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsEnabled
                )
                if not used:
                    item.setText("")
                item.setToolTip("" if used else self.tr("Not used with this condition"))
        finally:
            self._loading = loading

    def _installments(self) -> tuple[Installment, ...]:
        found = []
        for row in range(self.installments_table.rowCount()):
            amount = read_yuan(
                self._item(self.installments_table, row, AMOUNT_COLUMN).text(), "installments"
            )
            condition = self._condition(row)
            due_on = months = None
            if condition == "on_date":
                due_on = read_iso_date(
                    self._item(self.installments_table, row, DUE_COLUMN).text(), "installments"
                )
            else:
                months = self._read_int(
                    self._item(self.installments_table, row, MONTHS_COLUMN).text(),
                    "installments",
                )
            found.append(Installment(amount or 0, condition, due_on, months))
        return tuple(found)

    def _stage_code(self, row: int) -> str:
        combo = self.stages_table.cellWidget(row, STAGE_COLUMN)
        assert isinstance(combo, QComboBox)
        return str(combo.currentData())

    def _stages(self) -> tuple[Stage, ...]:
        return tuple(
            Stage(
                self._stage_code(row),
                read_yuan(self._item(self.stages_table, row, STAGE_AMOUNT_COLUMN).text(), "stages")
                or 0,
            )
            for row in range(self.stages_table.rowCount())
        )

    def _show_counterparty(self) -> None:
        counterparty = self.counterparty
        if counterparty is None:
            self.counterparty_label.setText("")
        else:
            d = counterparty.draft
            parts = [tl.size(d.size), tl.ownership(d.ownership), tl.region(d.region)]
            if d.credit_code:
                parts.insert(0, d.credit_code)
            self.counterparty_label.setText(" · ".join(parts))
        large = (
            self.form == "pay_later"
            and counterparty is not None
            and counterparty.draft.size == "large"
        )
        self.pay_later_party_label.setText(
            self.tr("%1 is registered as a large enterprise: a pay-later licence is refused (%2).")
            .replace("%1", counterparty.name if counterparty else "")
            .replace("%2", MEASURE_5)
            if large
            else ""
        )
        self.pay_later_party_label.setVisible(large)

    def _price_fen(self) -> int | None:
        try:
            return read_yuan(self.price_edit.text(), "price")
        except ValidationError:
            return None

    def _update_allocations_total(self) -> None:
        total = self.allocations_total
        text = "—" if total is None else f"{Decimal(total).quantize(SHARE_PLACES):f}"
        self.allocations_total_label.setText(self.tr("Total: %1%").replace("%1", text))
        self._colour(self.allocations_total_label, total == HUNDRED)

    def _update_installments_total(self) -> None:
        self._sum_label(self.installments_total_label, self.installments_total)

    def _update_stages_total(self) -> None:
        self._sum_label(self.stages_total_label, self.stages_total)

    def _sum_label(self, label: QLabel, total: int | None) -> None:
        price = self._price_fen()
        text = "—" if total is None else yuan(total)
        label.setText(
            self.tr("Total: %1 yuan of %2 yuan")
            .replace("%1", text)
            .replace("%2", "—" if price is None else yuan(price))
        )
        self._colour(label, total is not None and total == price)

    @staticmethod
    def _colour(label: QLabel, good: bool) -> None:
        label.setStyleSheet(
            "font-weight: bold;" if good else f"font-weight: bold; color: {ERROR_COLOUR};"
        )

    def _update_buttons(self) -> None:
        self.add_achievement_button.setEnabled(self.achievement_combo.currentIndex() >= 0)
        for table, button in (
            (self.allocations_table, self.remove_achievement_button),
            (self.installments_table, self.remove_installment_button),
            (self.stages_table, self.remove_stage_button),
        ):
            button.setEnabled(bool(table.selectionModel().selectedRows()))
