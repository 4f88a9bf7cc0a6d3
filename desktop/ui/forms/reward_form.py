"""The reward calculation form (奖励和报酬, measure 十二) and the breakdown that explains a result
("为什么是这个数？").

The form asks what a calculation needs: its title and kind, the transformation it rewards (if
any), the calculation day (which rule versions apply) and the planned payment day, the people
from the register with their contribution weights, who is a main contributor and who takes
equity; then, by kind, the receipts and the deductions the unit allows (transfer, licence), the
shares or capital percentage formed (equity investment), three to five years of operating
profit (own or joint implementation), or the surplus returns and the researchers' share. A
principal leader who takes equity needs the approval document, asked for only then.

The form never calls a service. Whoever holds it answers ``people_search_edited`` with
``set_people``, gives it the transformations (``set_transformations``) and the unit's policy as
of the calculation day (``set_policy``, again after ``calculation_date_changed``), and answers
``preview_requested`` by calculating ``value()`` and handing the result to ``show_result``. The
rules themselves are the domain's (``desktop.domain.rewards.calculate``); the form only reads
what was typed, in yuan and percent, and reports what it cannot read at its field.

``RewardBreakdown`` shows a result: the pool, each person's part adding up to it, and every step
with its rule, its source and whether the source is verified; the warnings; each person's notes
(tax treatment, leaders' publicity); the rule versions used. The rewards page shows it too.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_cn_date
from desktop.domain.dates import format_iso_date as cn_date
from desktop.domain.identifiers import to_half_width
from desktop.domain.people import Person
from desktop.domain.rewards import (
    FORMS,
    KINDS,
    Deduction,
    Line,
    Receipt,
    RewardDraft,
    RewardResult,
    Share,
    Step,
    UnitPolicy,
    percent_text,
    yuan,
)
from desktop.domain.rules import rule
from desktop.domain.transformations import Transformation
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.forms.transformation_form import money_text, read_percent, read_yuan
from desktop.ui.widgets.field_form import FieldForm

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"
GOOD_COLOUR = "#1e7b34"
NOTE_COLOUR = "#5f6368"
TABLE_ROWS_SHOWN = 4
IMPL_YEARS_DEFAULT = int(rule("national.reward.impl_years_min").value)
IMPL_YEARS_MAX = int(rule("national.reward.impl_years_max").value)
MAIN_RULE = "national.reward.main_contributor_min"
INCOME_KINDS = ("transfer", "licence")
# The kind a linked transformation suggests, by its form.
KIND_OF_FORM = {
    "transfer": "transfer",
    "licence": "licence",
    "pay_later": "licence",
    "equity": "equity",
}
# Where the transformation combo keeps each transformation's form
FORM_ROLE = Qt.ItemDataRole.UserRole + 1
# People table columns
NAME_COLUMN, POST_COLUMN, WEIGHT_COLUMN, MAIN_COLUMN, FORM_COLUMN = range(5)
# Receipts, deductions and profits tables: the first column and the amount
FIRST_COLUMN, AMOUNT_COLUMN = range(2)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Breakdown table columns
LINE_NAME, LINE_MAIN, LINE_POST, LINE_REWARD, LINE_TAXABLE = range(5)


# -- labels ---------------------------------------------------------------------------------------
def kind_name(code: str) -> str:
    return {
        "transfer": QCoreApplication.translate("RewardLabels", "Transfer"),
        "licence": QCoreApplication.translate("RewardLabels", "Licence"),
        "equity": QCoreApplication.translate("RewardLabels", "Equity investment"),
        "implementation": QCoreApplication.translate("RewardLabels", "Own or joint implementation"),
        "surplus": QCoreApplication.translate(
            "RewardLabels", "Transformation financed from industry-project surplus"
        ),
    }.get(code, code)


def state_name(code: str) -> str:
    return {
        "calculated": QCoreApplication.translate("RewardLabels", "Calculated"),
        "notice": QCoreApplication.translate("RewardLabels", "Under public notice"),
        "paid": QCoreApplication.translate("RewardLabels", "Paid out"),
        "cancelled": QCoreApplication.translate("RewardLabels", "Cancelled"),
    }.get(code, code)


def form_name(code: str) -> str:
    return {
        "cash": QCoreApplication.translate("RewardLabels", "Cash"),
        "equity": QCoreApplication.translate("RewardLabels", "Equity"),
    }.get(code, code)


def unit_rule_name(rule_id: str) -> str:
    return {
        "unit.rate.transfer": QCoreApplication.translate(
            "RewardLabels", "Reward rate for transfers and licences"
        ),
        "unit.rate.equity": QCoreApplication.translate(
            "RewardLabels", "Reward rate for equity investment"
        ),
        "unit.rate.implementation": QCoreApplication.translate(
            "RewardLabels", "Reward rate for own or joint implementation"
        ),
        "unit.deductions": QCoreApplication.translate(
            "RewardLabels", "Costs deducted before the reward"
        ),
        "unit.state_established": QCoreApplication.translate(
            "RewardLabels", "Established by the state"
        ),
    }.get(rule_id, rule_id)


def status_note(status: str) -> str:
    """How far a step's source can be trusted, when it is not simply verified."""
    return {
        "secondary": QCoreApplication.translate("RewardLabels", "secondary source"),
        "unverified": QCoreApplication.translate("RewardLabels", "not verified"),
    }.get(status, "")


def fraction_text(value: Decimal) -> str:
    """12.3400 -> 12.34; 5 -> 5."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def reward_unit(result: RewardResult) -> str:
    """What the pool is counted in: "fen", "shares" or "percent"."""
    if result.kind != "equity":
        return "fen"
    return "shares" if result.pool_shares or not result.pool_percent else "percent"


def line_reward(result: RewardResult, line: Line) -> str:
    unit = reward_unit(result)
    if unit == "fen":
        return yuan(line.amount_fen)
    if unit == "shares":
        return str(line.shares)
    return fraction_text(line.percent)


def total_reward(result: RewardResult) -> str:
    """The sum of the lines, in the pool's unit (it equals the pool: the split is exact)."""
    unit = reward_unit(result)
    if unit == "fen":
        return yuan(sum(line.amount_fen for line in result.lines))
    if unit == "shares":
        return str(sum(line.shares for line in result.lines))
    return fraction_text(sum((line.percent for line in result.lines), Decimal(0)))


def pool_text(result: RewardResult) -> str:
    """The pool in a line: 490,000.00 元（净收入 980,000.00 元 × 50%）."""
    translate = QCoreApplication.translate
    rate = percent_text(result.rate)
    if result.kind in INCOME_KINDS:
        return (
            translate("RewardLabels", "%1 yuan (net income %2 yuan × %3)")
            .replace("%1", yuan(result.pool_fen))
            .replace("%2", yuan(max(result.net_income_fen, 0)))
            .replace("%3", rate)
        )
    if result.kind == "implementation":
        return (
            translate("RewardLabels", "%1 yuan (%2 of each year's operating profit)")
            .replace("%1", yuan(result.pool_fen))
            .replace("%2", rate)
        )
    if result.kind == "surplus":
        return (
            translate("RewardLabels", "%1 yuan (the researchers' %2 of the returns)")
            .replace("%1", yuan(result.pool_fen))
            .replace("%2", rate)
        )
    if reward_unit(result) == "shares":
        return (
            translate("RewardLabels", "%1 shares (%2 of the shares formed)")
            .replace("%1", str(result.pool_shares))
            .replace("%2", rate)
        )
    return (
        translate("RewardLabels", "%1% of the capital (%2 of the capital formed)")
        .replace("%1", fraction_text(result.pool_percent))
        .replace("%2", rate)
    )


def pool_summary(result: RewardResult) -> str:
    """The pool for a list: 490,000.00 元, 5000 股 or 6.25%."""
    unit = reward_unit(result)
    if unit == "fen":
        return QCoreApplication.translate("RewardLabels", "%1 yuan").replace(
            "%1", yuan(result.pool_fen)
        )
    if unit == "shares":
        return QCoreApplication.translate("RewardLabels", "%1 shares").replace(
            "%1", str(result.pool_shares)
        )
    return f"{fraction_text(result.pool_percent)}%"


def basis_text(step: Step) -> str:
    """规则 C1 · 依据：… · 未经核实"""
    translate = QCoreApplication.translate
    parts = []
    if step.rule_id:
        parts.append(translate("RewardLabels", "Rule %1").replace("%1", step.rule_id))
    if step.source:
        parts.append(translate("RewardLabels", "Source: %1").replace("%1", step.source))
    note = status_note(step.status)
    if note:
        parts.append(note)
    return " · ".join(parts)


def _step_html(step: Step, colour: str = "") -> str:
    style = f' style="color: {colour};"' if colour else ""
    basis = html.escape(basis_text(step))
    note = status_note(step.status)
    if note:
        # The unverified (or second-hand) source stands out from the rest of the basis.
        escaped = html.escape(note)
        basis = basis.replace(escaped, f'<b style="color: {WARNING_COLOUR};">【{escaped}】</b>')
    return (
        f"<li><span{style}>{html.escape(step.text)}</span>"
        + (f'<br><span style="color: {NOTE_COLOUR};">{basis}</span>' if basis else "")
        + "</li>"
    )


def explanation_html(result: RewardResult) -> str:
    """The steps, the warnings, each person's notes and the rule versions, as HTML."""
    translate = QCoreApplication.translate
    steps = translate("RewardLabels", "How it was calculated")
    parts = [f"<h4>{html.escape(steps)}</h4><ol>"]
    parts += [_step_html(step) for step in result.steps]
    parts.append("</ol>")
    if result.warnings:
        heading = translate("RewardLabels", "To be seen to")
        parts.append(f"<h4>{html.escape(heading)}</h4><ul>")
        parts += [_step_html(step, WARNING_COLOUR) for step in result.warnings]
        parts.append("</ul>")
    if any(line.notes for line in result.lines):
        heading = translate("RewardLabels", "For each person")
        parts.append(f"<h4>{html.escape(heading)}</h4>")
        for line in result.lines:
            if not line.notes:
                continue
            parts.append(f"<p><b>{html.escape(line.name)}</b></p><ul>")
            parts += [_step_html(step) for step in line.notes]
            parts.append("</ul>")
    if result.rules_used:
        heading = translate("RewardLabels", "Rule versions used")
        parts.append(f"<h4>{html.escape(heading)}</h4><ul>")
        for rule_id, since, value in result.rules_used:
            text = (
                translate("RewardLabels", "%1 = %2 (version in force from %3)")
                .replace("%1", rule_id)
                .replace("%2", value)
                .replace("%3", cn_date(since))
            )
            parts.append(f"<li>{html.escape(text)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def _table(name: str, headers: Sequence[str], parent: QWidget, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fixed_rows(table: QTableWidget, rows: int = TABLE_ROWS_SHOWN) -> None:
    row_height = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + row_height * rows + 2 * table.frameWidth() + 2)


def _amount_cell(text: str) -> QTableWidgetItem:
    item = _cell(text)
    item.setTextAlignment(RIGHT)
    return item


def _cell(text: str, *, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


# -- the breakdown --------------------------------------------------------------------------------
class RewardBreakdown(QWidget):
    """A result explained: "为什么是这个数？" (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakdown")
        self._result: RewardResult | None = None
        self.title_label = QLabel(self.tr("Why this figure?"), self)
        self.title_label.setObjectName("title_label")
        self.title_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.pool_label = QLabel(self)
        self.pool_label.setObjectName("pool_label")
        self.pool_label.setWordWrap(True)
        self.pool_label.setStyleSheet("font-weight: bold;")
        self.pool_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines_table = _table(
            "lines_table",
            [
                self.tr("Name"),
                self.tr("Main contributor"),
                self.tr("Leader post"),
                self.tr("Reward (yuan)"),
                self.tr("Counted into wages (yuan)"),
            ],
            self,
            LINE_NAME,
        )
        self.lines_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.explanation_browser = QTextBrowser(self)
        self.explanation_browser.setObjectName("explanation_browser")
        self.explanation_browser.setOpenLinks(False)
        self.explanation_browser.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.pool_label)
        layout.addWidget(self.lines_table)
        layout.addWidget(self.explanation_browser, 1)
        self.show_result(None)

    @property
    def result(self) -> RewardResult | None:
        return self._result

    def show_result(self, result: RewardResult | None, empty: str = "") -> None:
        """Show ``result``; None shows ``empty`` (or nothing) instead."""
        self._result = result
        self.lines_table.setRowCount(0)
        if result is None:
            self.pool_label.setText(empty)
            self.explanation_browser.clear()
            _fixed_rows(self.lines_table, 1)
            self._relayout()
            return
        self.pool_label.setText(self.tr("Reward pool: %1").replace("%1", pool_text(result)))
        unit = reward_unit(result)
        header = {
            "fen": self.tr("Reward (yuan)"),
            "shares": self.tr("Reward (shares)"),
            "percent": self.tr("Reward (% of the capital)"),
        }[unit]
        header_item = self.lines_table.horizontalHeaderItem(LINE_REWARD)
        assert header_item is not None
        header_item.setText(header)
        cash = unit == "fen"
        rows = [
            (
                line.name,
                labels.yes_no(line.main),
                labels.leader_type(line.leader_type),
                line_reward(result, line),
                yuan(line.taxable_fen) if cash else "—",
            )
            for line in result.lines
        ]
        total = sum(line.taxable_fen for line in result.lines)
        rows.append((self.tr("Total"), "", "", total_reward(result), yuan(total) if cash else "—"))
        for cells in rows:
            at = self.lines_table.rowCount()
            self.lines_table.insertRow(at)
            for column, text in enumerate(cells):
                item = _cell(text, editable=False)
                if column in (LINE_REWARD, LINE_TAXABLE):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if at == len(result.lines):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.lines_table.setItem(at, column, item)
        for at, line in enumerate(result.lines):
            notes = "\n".join(step.text for step in line.notes)
            for column in range(self.lines_table.columnCount()):
                cell = self.lines_table.item(at, column)
                if cell is not None:
                    cell.setToolTip(notes)
        _fixed_rows(self.lines_table, min(len(rows), 8))
        self.explanation_browser.setHtml(explanation_html(result))
        self._relayout()

    def _relayout(self) -> None:
        """Place the browser below the table now, not at the next turn of the event loop (the
        table's new height is set at once)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def lines(self) -> list[list[str]]:
        """The table as shown (the total row last), for whoever checks it."""
        table = self.lines_table
        rows = []
        for r in range(table.rowCount()):
            items = [table.item(r, c) for c in range(table.columnCount())]
            rows.append([item.text() if item is not None else "" for item in items])
        return rows


# -- the form -------------------------------------------------------------------------------------
class RewardForm(QWidget):
    """The calculation editor (see the module's docstring).

    Signals:
        people_search_edited: the people search text, as typed.
        calculation_date_changed: the calculation day (ISO) once one can be read; the unit's
            policy of that day applies.
        preview_requested: the user pressed Preview.
    """

    people_search_edited = Signal(str)
    calculation_date_changed = Signal(str)
    preview_requested = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._loading = False
        self._people: dict[int, Person] = {}
        self._deduction_types: tuple[str, ...] = ()
        self._policy: UnitPolicy | None = None
        self._last_date = today.isoformat()

        inputs = QWidget(self)
        inputs.setObjectName("inputs")
        self.fields = FieldForm(inputs)
        self.fields.setObjectName("fields")

        # -- what ------------------------------------------------------------------------------
        self.title_edit = QLineEdit(inputs)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Reward for the magnesium alloy patent transfer")
        )
        self.kind_combo = QComboBox(inputs)
        self.kind_combo.setObjectName("kind_combo")
        for code in KINDS:
            self.kind_combo.addItem(kind_name(code), code)
        self.transformation_combo = QComboBox(inputs)
        self.transformation_combo.setObjectName("transformation_combo")
        self.transformation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.transformation_combo.setMinimumContentsLength(24)
        self.transformation_combo.addItem(self.tr("Not linked to a transformation"), None)
        self.on_edit = self._short_edit("on_edit", inputs, self.tr("e.g. 2026-01-05"))
        self.on_edit.setText(format_cn_date(today))
        pay_row = QWidget(inputs)
        self.pay_on_edit = self._short_edit("pay_on_edit", pay_row, self.tr("e.g. 2026-03-31"))
        self.pay_on_hint_label = QLabel(
            self.tr("optional: the 36-month window of the tax relief is counted to it"), pay_row
        )
        self.pay_on_hint_label.setObjectName("pay_on_hint_label")
        self.pay_on_hint_label.setWordWrap(True)
        self.pay_on_hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        row = QHBoxLayout(pay_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pay_on_edit)
        row.addWidget(self.pay_on_hint_label, 1)
        self.policy_label = QLabel(inputs)
        self.policy_label.setObjectName("policy_label")
        self.policy_label.setWordWrap(True)
        self.policy_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.policy_label.setStyleSheet(f"color: {NOTE_COLOUR};")

        # -- who -------------------------------------------------------------------------------
        self.people_editor = QWidget(inputs)
        self.people_editor.setObjectName("people_editor")
        self.people_search_edit = QLineEdit(self.people_editor)
        self.people_search_edit.setObjectName("people_search_edit")
        self.people_search_edit.setPlaceholderText(self.tr("Search the people register"))
        self.people_search_edit.setClearButtonEnabled(True)
        self.person_combo = QComboBox(self.people_editor)
        self.person_combo.setObjectName("person_combo")
        self.person_combo.setPlaceholderText(self.tr("Choose a person to add"))
        self.person_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person_combo.setMinimumContentsLength(20)
        self.add_person_button = QPushButton(self.tr("Add"), self.people_editor)
        self.add_person_button.setObjectName("add_person_button")
        self.people_table = _table(
            "people_table",
            [
                self.tr("Name"),
                self.tr("Leader post"),
                self.tr("Contribution weight"),
                self.tr("Main contributor"),
                self.tr("Reward form"),
            ],
            self.people_editor,
            NAME_COLUMN,
        )
        _fixed_rows(self.people_table)
        self.remove_person_button = QPushButton(self.tr("Remove person"), self.people_editor)
        self.remove_person_button.setObjectName("remove_person_button")
        self.people_total_label = QLabel(self.people_editor)
        self.people_total_label.setObjectName("people_total_label")
        self.people_total_label.setWordWrap(True)
        picker = QHBoxLayout()
        picker.addWidget(self.person_combo, 1)
        picker.addWidget(self.add_person_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_person_button)
        buttons.addWidget(self.people_total_label, 1)
        column = QVBoxLayout(self.people_editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.people_search_edit)
        column.addLayout(picker)
        column.addWidget(self.people_table)
        column.addLayout(buttons)
        self.approval_edit = QLineEdit(inputs)
        self.approval_edit.setObjectName("approval_edit")
        self.approval_edit.setPlaceholderText(
            self.tr("The approval and its document, e.g. 省委组织部批复〔2026〕3号")
        )

        add = self.fields.add_field
        add("title", self.tr("Reward item"), self.title_edit)
        add("kind", self.tr("Kind of reward"), self.kind_combo)
        add("transformation", self.tr("Transformation"), self.transformation_combo)
        add("on", self.tr("Calculation date"), self.on_edit)
        add("pay_on", self.tr("Planned payment date"), pay_row)
        add("policy", self.tr("Unit policy"), self.policy_label)
        add("recipients", self.tr("People rewarded"), self.people_editor)
        self._approval_row = self.fields.layout_.rowCount()
        add(
            "principal_equity_approval",
            self.tr("Approval for a principal leader's equity"),
            self.approval_edit,
        )

        # -- by kind ---------------------------------------------------------------------------
        self.income_box = self._build_income(inputs)
        self.equity_box = self._build_equity(inputs)
        self.profits_box = self._build_profits(inputs)
        self.surplus_box = self._build_surplus(inputs)

        column = QVBoxLayout(inputs)
        column.addWidget(self.fields)
        for box in (self.income_box, self.equity_box, self.profits_box, self.surplus_box):
            column.addWidget(box)
        column.addStretch(1)
        self.inputs_scroll = QScrollArea(self)
        self.inputs_scroll.setObjectName("inputs_scroll")
        self.inputs_scroll.setWidgetResizable(True)
        self.inputs_scroll.setWidget(inputs)

        # -- the preview -----------------------------------------------------------------------
        preview = QWidget(self)
        preview.setObjectName("preview")
        self.preview_button = QPushButton(self.tr("Preview"), preview)
        self.preview_button.setObjectName("preview_button")
        self.preview_status_label = QLabel(preview)
        self.preview_status_label.setObjectName("preview_status_label")
        self.preview_status_label.setWordWrap(True)
        self.breakdown = RewardBreakdown(preview)
        top = QHBoxLayout()
        top.addWidget(self.preview_button)
        top.addWidget(self.preview_status_label, 1)
        column = QVBoxLayout(preview)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.breakdown, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inputs_scroll, 11)
        layout.addWidget(preview, 10)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.transformation_combo.currentIndexChanged.connect(
            self._on_transformation_combo_current_index_changed
        )
        self.on_edit.editingFinished.connect(self._on_on_edit_editing_finished)
        self.pay_on_edit.editingFinished.connect(self._on_pay_on_edit_editing_finished)
        self.people_search_edit.textEdited.connect(self._on_people_search_edit_text_edited)
        self.person_combo.currentIndexChanged.connect(self._on_person_combo_current_index_changed)
        self.add_person_button.clicked.connect(self._on_add_person_button_clicked)
        self.remove_person_button.clicked.connect(self._on_remove_person_button_clicked)
        self.people_table.itemChanged.connect(self._on_people_table_item_changed)
        self.people_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_receipt_button.clicked.connect(self._on_add_receipt_button_clicked)
        self.remove_receipt_button.clicked.connect(self._on_remove_receipt_button_clicked)
        self.receipts_table.itemChanged.connect(self._on_receipts_table_item_changed)
        self.receipts_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_deduction_button.clicked.connect(self._on_add_deduction_button_clicked)
        self.remove_deduction_button.clicked.connect(self._on_remove_deduction_button_clicked)
        self.deductions_table.itemChanged.connect(self._on_deductions_table_item_changed)
        self.deductions_table.itemSelectionChanged.connect(self._update_buttons)
        self.percent_radio.toggled.connect(self._on_percent_radio_toggled)
        self.add_year_button.clicked.connect(self._on_add_year_button_clicked)
        self.remove_year_button.clicked.connect(self._on_remove_year_button_clicked)
        self.profits_table.itemChanged.connect(self._on_profits_table_item_changed)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        for edit in (
            self.title_edit,
            self.on_edit,
            self.pay_on_edit,
            self.approval_edit,
            self.shares_edit,
            self.capital_percent_edit,
            self.surplus_returns_edit,
            self.surplus_share_edit,
        ):
            edit.textEdited.connect(self._on_input_edited)
        self.contract_registered_check.toggled.connect(self._on_input_edited)

        for _ in range(IMPL_YEARS_DEFAULT):
            self.add_profit_year()
        self._on_kind_combo_current_index_changed()
        self._on_percent_radio_toggled(False)
        self._update_people_total()
        self._update_receipts_total()
        self._update_deductions_hint()
        self._update_buttons()
        self.preview_status_label.setText(
            self.tr("Press Preview to see the calculation before saving it.")
        )

    # -- building ------------------------------------------------------------------------------
    def _short_edit(self, name: str, parent: QWidget, placeholder: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(180)
        return edit

    def _money_edit(self, name: str, parent: QWidget) -> QLineEdit:
        edit = self._short_edit(name, parent, self.tr("e.g. 500,000.00"))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.editingFinished.connect(lambda: self._reformat(edit))
        return edit

    def _group(self, name: str, title: str, parent: QWidget) -> tuple[QGroupBox, FieldForm]:
        box = QGroupBox(title, parent)
        box.setObjectName(name)
        fields = FieldForm(box)
        fields.setObjectName(name.replace("_box", "_fields"))
        QVBoxLayout(box).addWidget(fields)
        return box, fields

    def _editor(
        self, parent: QWidget, table: QTableWidget, *buttons: QPushButton, total: QLabel
    ) -> QWidget:
        holder = QWidget(parent)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(total, 1)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table)
        column.addLayout(row)
        return holder

    def _button(self, name: str, text: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        return button

    def _label(self, name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _build_income(self, parent: QWidget) -> QGroupBox:
        box, self.income_fields = self._group(
            "income_box", self.tr("Income received and costs deducted"), parent
        )
        self.receipts_table = _table(
            "receipts_table", [self.tr("Received on"), self.tr("Amount (yuan)")], box, FIRST_COLUMN
        )
        _fixed_rows(self.receipts_table, 3)
        self.add_receipt_button = self._button("add_receipt_button", self.tr("Add receipt"), box)
        self.remove_receipt_button = self._button(
            "remove_receipt_button", self.tr("Remove receipt"), box
        )
        self.receipts_total_label = self._label("receipts_total_label", box)
        receipts = self._editor(
            box,
            self.receipts_table,
            self.add_receipt_button,
            self.remove_receipt_button,
            total=self.receipts_total_label,
        )
        self.deductions_table = _table(
            "deductions_table", [self.tr("Cost"), self.tr("Amount (yuan)")], box, FIRST_COLUMN
        )
        _fixed_rows(self.deductions_table, 3)
        self.add_deduction_button = self._button(
            "add_deduction_button", self.tr("Add deduction"), box
        )
        self.remove_deduction_button = self._button(
            "remove_deduction_button", self.tr("Remove deduction"), box
        )
        self.deductions_hint_label = self._label("deductions_hint_label", box)
        self.deductions_hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        deductions = self._editor(
            box,
            self.deductions_table,
            self.add_deduction_button,
            self.remove_deduction_button,
            total=self.deductions_hint_label,
        )
        self.contract_registered_check = QCheckBox(
            self.tr("The technology contract is registered (needed for the tax relief)"), box
        )
        self.contract_registered_check.setObjectName("contract_registered_check")
        add = self.income_fields.add_field
        add("receipts", self.tr("Receipts"), receipts)
        add("deductions", self.tr("Deductions"), deductions)
        add("contract_registered", self.tr("Registration"), self.contract_registered_check)
        return box

    def _build_equity(self, parent: QWidget) -> QGroupBox:
        box, self.equity_fields = self._group(
            "equity_box", self.tr("Equity formed by the investment"), parent
        )
        holding = QWidget(box)
        self.shares_radio = QRadioButton(self.tr("Number of shares"), holding)
        self.shares_radio.setObjectName("shares_radio")
        self.percent_radio = QRadioButton(self.tr("Percentage of registered capital"), holding)
        self.percent_radio.setObjectName("percent_radio")
        self.holding_group = QButtonGroup(self)
        self.holding_group.addButton(self.shares_radio)
        self.holding_group.addButton(self.percent_radio)
        self.shares_radio.setChecked(True)
        self.shares_edit = self._short_edit("shares_edit", holding, self.tr("e.g. 1000000"))
        self.capital_percent_edit = self._short_edit(
            "capital_percent_edit", holding, self.tr("e.g. 12.5")
        )
        row = QHBoxLayout(holding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.shares_radio)
        row.addWidget(self.shares_edit)
        row.addSpacing(12)
        row.addWidget(self.percent_radio)
        row.addWidget(self.capital_percent_edit)
        row.addStretch(1)
        self.equity_fields.add_field("equity", self.tr("Formed"), holding)
        return box

    def _build_profits(self, parent: QWidget) -> QGroupBox:
        box, self.profits_fields = self._group(
            "profits_box", self.tr("Operating profit in the years after production began"), parent
        )
        self.profits_table = _table(
            "profits_table", [self.tr("Year"), self.tr("Operating profit (yuan)")], box, 1
        )
        _fixed_rows(self.profits_table, IMPL_YEARS_MAX)
        self.add_year_button = self._button("add_year_button", self.tr("Add year"), box)
        self.remove_year_button = self._button(
            "remove_year_button", self.tr("Remove last year"), box
        )
        self.profits_hint_label = self._label("profits_hint_label", box)
        self.profits_hint_label.setText(
            self.tr("%1 to %2 consecutive years")
            .replace("%1", str(IMPL_YEARS_DEFAULT))
            .replace("%2", str(IMPL_YEARS_MAX))
        )
        self.profits_hint_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        editor = self._editor(
            box,
            self.profits_table,
            self.add_year_button,
            self.remove_year_button,
            total=self.profits_hint_label,
        )
        self.profits_fields.add_field("profits", self.tr("Operating profit"), editor)
        return box

    def _build_surplus(self, parent: QWidget) -> QGroupBox:
        box, self.surplus_fields = self._group(
            "surplus_box", self.tr("Returns on the surplus invested"), parent
        )
        returns = QWidget(box)
        self.surplus_returns_edit = self._money_edit("surplus_returns_edit", returns)
        row = QHBoxLayout(returns)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.surplus_returns_edit)
        row.addWidget(QLabel(self.tr("yuan"), returns))
        row.addStretch(1)
        self.surplus_share_edit = self._short_edit("surplus_share_edit", box, self.tr("e.g. 90"))
        self.surplus_share_edit.setText("90")
        add = self.surplus_fields.add_field
        add("surplus_returns", self.tr("Returns"), returns)
        add("surplus_share", self.tr("Researchers' share (%)"), self.surplus_share_edit)
        return box

    # -- for the holder ------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    @property
    def transformation_id(self) -> int | None:
        data = self.transformation_combo.currentData()
        return int(data) if data is not None else None

    @property
    def calculation_date(self) -> str | None:
        """The calculation day (ISO) as typed, None when it cannot be read."""
        try:
            return read_date(self.on_edit.text(), "on")
        except ValidationError:
            return None

    def set_people(self, found: Sequence[Person]) -> None:
        """The people found for the search text, to choose from."""
        self.person_combo.blockSignals(True)
        try:
            self.person_combo.clear()
            for person in found:
                self._people.setdefault(person.id, person)
                self.person_combo.addItem(person_text(person), person.id)
            self.person_combo.setCurrentIndex(0 if found else -1)
        finally:
            self.person_combo.blockSignals(False)
        self._update_buttons()

    def set_transformations(self, found: Sequence[Transformation]) -> None:
        """The transformations the calculation may be linked to; the one chosen stays."""
        chosen = self.transformation_id
        self.transformation_combo.blockSignals(True)
        try:
            while self.transformation_combo.count() > 1:
                self.transformation_combo.removeItem(1)
            for t in found:
                text = t.draft.title + (f"（{t.counterparty_name}）" if t.counterparty_name else "")
                self.transformation_combo.addItem(text, t.id)
                self.transformation_combo.setItemData(
                    self.transformation_combo.count() - 1,
                    t.draft.form,
                    Qt.ItemDataRole.UserRole + 1,
                )
            at = self.transformation_combo.findData(chosen) if chosen is not None else 0
            self.transformation_combo.setCurrentIndex(max(at, 0))
        finally:
            self.transformation_combo.blockSignals(False)

    def set_policy(self, policy: UnitPolicy) -> None:
        """The unit's policy as of the calculation day: its rates and the costs it allows."""
        self._policy = policy
        self._deduction_types = tuple(sorted(policy.allowed_deductions))
        for row in range(self.deductions_table.rowCount()):
            combo = self._type_combo(row)
            current = combo.currentText()
            combo.blockSignals(True)
            try:
                combo.clear()
                combo.addItems(list(self._deduction_types))
                if current and current not in self._deduction_types:
                    combo.addItem(current)  # the unit no longer allows it: the rule will say
                combo.setCurrentIndex(combo.findText(current) if current else -1)
            finally:
                combo.blockSignals(False)
        self._update_policy_label()
        self._update_deductions_hint()
        self._update_buttons()

    def add_person(
        self,
        person: Person,
        weight: Decimal = Decimal(1),
        *,
        main: bool = False,
        form: str = "cash",
    ) -> None:
        """A person from the register, once (a second add selects the row)."""
        self._people[person.id] = person
        for row in range(self.people_table.rowCount()):
            if self.person_id(row) == person.id:
                self.people_table.selectRow(row)
                return
        loading, self._loading = self._loading, True
        try:
            row = self.people_table.rowCount()
            self.people_table.insertRow(row)
            name = _cell(person.name, editable=False)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            name.setToolTip(person_text(person))
            self.people_table.setItem(row, NAME_COLUMN, name)
            self.people_table.setItem(
                row, POST_COLUMN, _cell(labels.leader_type(person.leader_type), editable=False)
            )
            self.people_table.setItem(row, WEIGHT_COLUMN, _cell(fraction_text(weight)))
            tick = QTableWidgetItem(self.tr("main"))
            tick.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            tick.setCheckState(Qt.CheckState.Checked if main else Qt.CheckState.Unchecked)
            self.people_table.setItem(row, MAIN_COLUMN, tick)
            self.people_table.setItem(row, FORM_COLUMN, _cell("", editable=False))
            combo = QComboBox(self.people_table)
            combo.setObjectName("reward_form_combo")
            for code in FORMS:
                combo.addItem(form_name(code), code)
            combo.setCurrentIndex(max(combo.findData(form), 0))
            combo.currentIndexChanged.connect(self._on_input_edited)
            self.people_table.setCellWidget(row, FORM_COLUMN, combo)
        finally:
            self._loading = loading
        self._people_changed()

    def person_id(self, row: int) -> int:
        item = self.people_table.item(row, NAME_COLUMN)
        assert item is not None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def set_weight(self, row: int, weight: str) -> None:
        self._item(self.people_table, row, WEIGHT_COLUMN).setText(weight)

    def set_main(self, row: int, main: bool) -> None:
        self._item(self.people_table, row, MAIN_COLUMN).setCheckState(
            Qt.CheckState.Checked if main else Qt.CheckState.Unchecked
        )

    def set_reward_form(self, row: int, form: str) -> None:
        combo = self.people_table.cellWidget(row, FORM_COLUMN)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(form))

    def add_receipt(self, on: str = "", amount: str = "") -> None:
        """A receipt row: the day (typed as 2025-12-01 or 2025年12月1日) and the amount in yuan."""
        loading, self._loading = self._loading, True
        try:
            row = self.receipts_table.rowCount()
            self.receipts_table.insertRow(row)
            date_item = _cell(on)
            self.receipts_table.setItem(row, FIRST_COLUMN, date_item)
            amount_item = _amount_cell(amount)
            self.receipts_table.setItem(row, AMOUNT_COLUMN, amount_item)
            self._redate_item(date_item)
            self._reformat_item(amount_item)
        finally:
            self._loading = loading
        self._update_receipts_total()
        self._update_buttons()

    def add_deduction(self, kind: str = "", amount: str = "") -> None:
        """A deduction row: the cost (one the unit allows) and the amount in yuan."""
        loading, self._loading = self._loading, True
        try:
            row = self.deductions_table.rowCount()
            self.deductions_table.insertRow(row)
            self.deductions_table.setItem(row, FIRST_COLUMN, _cell("", editable=False))
            combo = QComboBox(self.deductions_table)
            combo.setObjectName("deduction_type_combo")
            combo.setPlaceholderText(self.tr("Choose the cost"))
            combo.addItems(list(self._deduction_types))
            if kind and kind not in self._deduction_types:
                combo.addItem(kind)
            combo.setCurrentIndex(combo.findText(kind) if kind else (0 if combo.count() else -1))
            combo.currentIndexChanged.connect(self._on_input_edited)
            self.deductions_table.setCellWidget(row, FIRST_COLUMN, combo)
            amount_item = _amount_cell(amount)
            self.deductions_table.setItem(row, AMOUNT_COLUMN, amount_item)
            self._reformat_item(amount_item)
        finally:
            self._loading = loading
        self._on_input_edited()
        self._update_buttons()

    def add_profit_year(self, amount: str = "") -> None:
        if self.profits_table.rowCount() >= IMPL_YEARS_MAX:
            return
        loading, self._loading = self._loading, True
        try:
            row = self.profits_table.rowCount()
            self.profits_table.insertRow(row)
            self.profits_table.setItem(
                row,
                FIRST_COLUMN,
                _cell(self.tr("Year %1").replace("%1", str(row + 1)), editable=False),
            )
            amount_item = _amount_cell(amount)
            self.profits_table.setItem(row, AMOUNT_COLUMN, amount_item)
            self._reformat_item(amount_item)
        finally:
            self._loading = loading
        self._on_input_edited()
        self._update_buttons()

    def set_profit(self, row: int, amount: str) -> None:
        self._item(self.profits_table, row, AMOUNT_COLUMN).setText(amount)

    def value(self) -> RewardDraft:
        """What was typed; a ValidationError at its field when something cannot be read."""
        kind = self.kind
        people = []
        for row in range(self.people_table.rowCount()):
            name = self._item(self.people_table, row, NAME_COLUMN).text()
            weight_text = to_half_width(self._item(self.people_table, row, WEIGHT_COLUMN).text())
            try:
                weight = Decimal(weight_text.strip())
            except InvalidOperation:
                raise ValidationError(
                    "recipients",
                    self.tr("The contribution weight of %1 is not a number.").replace("%1", name),
                ) from None
            main = self._main(row)
            combo = self.people_table.cellWidget(row, FORM_COLUMN)
            assert isinstance(combo, QComboBox)
            people.append(Share(self.person_id(row), weight, main, str(combo.currentData())))
        draft = RewardDraft(
            title=self.title_edit.text(),
            kind=kind,
            on=read_date(self.on_edit.text(), "on") or "",
            people=tuple(people),
            transformation_id=self.transformation_id,
            pay_on=read_date(self.pay_on_edit.text(), "pay_on"),
            principal_equity_approval=self.approval_edit.text().strip()
            if self._has_principal()
            else "",
        )
        if kind in INCOME_KINDS:
            return replace(
                draft,
                receipts=self._receipts(),
                deductions=self._deductions(),
                contract_registered=self.contract_registered_check.isChecked(),
            )
        if kind == "equity":
            if self.shares_radio.isChecked():
                shares = self._read_int(self.shares_edit.text(), "equity")
                if shares is None:
                    raise ValidationError("equity", self.tr("Type the number of shares formed."))
                return replace(draft, equity_shares=shares)
            percent = read_percent(self.capital_percent_edit.text(), "equity")
            if percent is None:
                raise ValidationError(
                    "equity", self.tr("Type the percentage of the capital formed.")
                )
            return replace(draft, equity_percent=percent)
        if kind == "implementation":
            return replace(draft, profits_fen=self._profits())
        returns = read_yuan(self.surplus_returns_edit.text(), "surplus_returns")
        if returns is None:
            raise ValidationError("surplus_returns", self.tr("Type the returns in yuan."))
        share = read_percent(self.surplus_share_edit.text(), "surplus_share")
        return replace(draft, surplus_returns_fen=returns, surplus_share=share)

    def show_result(self, result: RewardResult) -> None:
        """The preview of what was typed."""
        self.breakdown.show_result(result)
        self.preview_status_label.setText(
            self.tr("Calculated from what is typed now; nothing is saved yet.")
        )
        self.preview_status_label.setStyleSheet(f"color: {GOOD_COLOUR};")

    def set_previewing(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        if busy:
            self.preview_status_label.setText(self.tr("Calculating…"))
            self.preview_status_label.setStyleSheet("")

    def show_error(self, error: ValidationError) -> bool:
        return any(form.show_error(error.field, error.message) for form in self._field_forms())

    def clear_errors(self) -> None:
        for form in (
            self.fields,
            self.income_fields,
            self.equity_fields,
            self.profits_fields,
            self.surplus_fields,
        ):
            form.clear_errors()

    def error_text(self, field: str) -> str:
        for form in self._field_forms():
            text = form.error_text(field)
            if text:
                return text
        return ""

    # -- slots ---------------------------------------------------------------------------------
    def _on_kind_combo_current_index_changed(self, _index: int = 0) -> None:
        kind = self.kind
        self.income_box.setVisible(kind in INCOME_KINDS)
        self.equity_box.setVisible(kind == "equity")
        self.profits_box.setVisible(kind == "implementation")
        self.surplus_box.setVisible(kind == "surplus")
        # An equity investment rewards in equity: there is no form to choose.
        self.people_table.setColumnHidden(FORM_COLUMN, kind == "equity")
        self._update_policy_label()
        self._update_approval_row()
        self._on_input_edited()

    def _on_transformation_combo_current_index_changed(self, index: int) -> None:
        form = self.transformation_combo.itemData(index, FORM_ROLE)
        suggested = KIND_OF_FORM.get(str(form)) if form else None
        if suggested is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(suggested))
        self._on_input_edited()

    def _on_on_edit_editing_finished(self) -> None:
        day = self.calculation_date
        if day is not None:
            self.on_edit.setText(format_cn_date(dt.date.fromisoformat(day)))
            if day != self._last_date:
                self._last_date = day
                self.calculation_date_changed.emit(day)

    def _on_pay_on_edit_editing_finished(self) -> None:
        try:
            day = read_date(self.pay_on_edit.text(), "pay_on")
        except ValidationError:
            return
        if day is not None:
            self.pay_on_edit.setText(format_cn_date(dt.date.fromisoformat(day)))

    def _on_people_search_edit_text_edited(self, text: str) -> None:
        self.people_search_edited.emit(text)

    def _on_person_combo_current_index_changed(self, _index: int) -> None:
        self._update_buttons()

    def _on_add_person_button_clicked(self) -> None:
        data = self.person_combo.currentData()
        if data is not None and int(data) in self._people:
            self.add_person(self._people[int(data)])

    def _on_remove_person_button_clicked(self) -> None:
        self._remove_selected(self.people_table)
        self._people_changed()

    def _on_people_table_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._people_changed()

    def _on_add_receipt_button_clicked(self) -> None:
        self.add_receipt()
        self.receipts_table.setCurrentCell(self.receipts_table.rowCount() - 1, FIRST_COLUMN)

    def _on_remove_receipt_button_clicked(self) -> None:
        self._remove_selected(self.receipts_table)
        self._update_receipts_total()

    def _on_receipts_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == AMOUNT_COLUMN:
            self._reformat_item(item)
        else:
            self._redate_item(item)
        self._update_receipts_total()
        self._on_input_edited()

    def _on_add_deduction_button_clicked(self) -> None:
        self.add_deduction()
        self.deductions_table.setCurrentCell(self.deductions_table.rowCount() - 1, AMOUNT_COLUMN)

    def _on_remove_deduction_button_clicked(self) -> None:
        self._remove_selected(self.deductions_table)
        self._on_input_edited()

    def _on_deductions_table_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self._reformat_item(item)
            self._on_input_edited()

    def _on_percent_radio_toggled(self, _checked: bool) -> None:
        percent = self.percent_radio.isChecked()
        self.shares_edit.setEnabled(not percent)
        self.capital_percent_edit.setEnabled(percent)
        self._on_input_edited()

    def _on_add_year_button_clicked(self) -> None:
        self.add_profit_year()

    def _on_remove_year_button_clicked(self) -> None:
        if self.profits_table.rowCount():
            self.profits_table.removeRow(self.profits_table.rowCount() - 1)
        self._on_input_edited()
        self._update_buttons()

    def _on_profits_table_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self._reformat_item(item)
            self._on_input_edited()

    def _on_preview_button_clicked(self) -> None:
        self.preview_requested.emit()

    def _on_input_edited(self, *_args: object) -> None:
        """What is typed changed: a preview shown is no longer of it."""
        if self._loading or self.breakdown.result is None:
            return
        self.preview_status_label.setText(
            self.tr("Changed since the preview: press Preview again to see the new figures.")
        )
        self.preview_status_label.setStyleSheet(f"color: {WARNING_COLOUR};")

    # -- internals -----------------------------------------------------------------------------
    def _field_forms(self) -> list[FieldForm]:
        kind = self.kind
        found = [self.fields]
        if kind in INCOME_KINDS:
            found.append(self.income_fields)
        found += {
            "equity": [self.equity_fields],
            "implementation": [self.profits_fields],
            "surplus": [self.surplus_fields],
        }.get(kind, [])
        return found

    @staticmethod
    def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
        item = table.item(row, column)
        assert item is not None
        return item

    def _main(self, row: int) -> bool:
        tick = self._item(self.people_table, row, MAIN_COLUMN)
        return tick.checkState() == Qt.CheckState.Checked

    def _type_combo(self, row: int) -> QComboBox:
        combo = self.deductions_table.cellWidget(row, FIRST_COLUMN)
        assert isinstance(combo, QComboBox)
        return combo

    def _has_principal(self) -> bool:
        return any(
            self._people[self.person_id(row)].leader_type == "principal"
            for row in range(self.people_table.rowCount())
            if self.person_id(row) in self._people
        )

    def _receipts(self) -> tuple[Receipt, ...]:
        found = []
        for row in range(self.receipts_table.rowCount()):
            on_text = self._item(self.receipts_table, row, FIRST_COLUMN).text()
            amount_text = self._item(self.receipts_table, row, AMOUNT_COLUMN).text()
            if not on_text.strip() and not amount_text.strip():
                continue
            on = read_date(on_text, "receipts")
            if on is None:
                raise ValidationError(
                    "receipts",
                    self.tr("Type the day receipt %1 was received.").replace("%1", str(row + 1)),
                )
            amount = read_yuan(amount_text, "receipts")
            if amount is None:
                raise ValidationError(
                    "receipts",
                    self.tr("Type the amount of receipt %1.").replace("%1", str(row + 1)),
                )
            found.append(Receipt(on, amount))
        return tuple(found)

    def _deductions(self) -> tuple[Deduction, ...]:
        found = []
        for row in range(self.deductions_table.rowCount()):
            kind = self._type_combo(row).currentText()
            amount_text = self._item(self.deductions_table, row, AMOUNT_COLUMN).text()
            if not kind and not amount_text.strip():
                continue
            if not kind:
                raise ValidationError(
                    "deductions",
                    self.tr("Choose the cost of deduction %1.").replace("%1", str(row + 1)),
                )
            amount = read_yuan(amount_text, "deductions")
            if amount is None:
                raise ValidationError(
                    "deductions",
                    self.tr("Type the amount of deduction %1.").replace("%1", str(row + 1)),
                )
            found.append(Deduction(kind, amount))
        return tuple(found)

    def _profits(self) -> tuple[int, ...]:
        found = []
        for row in range(self.profits_table.rowCount()):
            amount = read_yuan(self._item(self.profits_table, row, AMOUNT_COLUMN).text(), "profits")
            if amount is None:
                raise ValidationError(
                    "profits",
                    self.tr(
                        "Type the operating profit of year %1 (0 or less when there was none)."
                    ).replace("%1", str(row + 1)),
                )
            found.append(amount)
        return tuple(found)

    def _read_int(self, text: str, field: str) -> int | None:
        cleaned = to_half_width(text).strip().replace(",", "").replace("，", "")
        if not cleaned:
            return None
        try:
            return int(cleaned)
        except ValueError:
            raise ValidationError(
                field, self.tr("“%1” is not a whole number.").replace("%1", text.strip())
            ) from None

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
        if item.column() != AMOUNT_COLUMN:
            return
        text = money_text(item.text())
        if text is not None and item.text() != text:
            self._set_quietly(item, text)

    def _redate_item(self, item: QTableWidgetItem) -> None:
        try:
            day = read_date(item.text(), "receipts")
        except ValidationError:
            return
        if day is not None:
            self._set_quietly(item, format_cn_date(dt.date.fromisoformat(day)))

    def _set_quietly(self, item: QTableWidgetItem, text: str) -> None:
        loading, self._loading = self._loading, True
        try:
            item.setText(text)
        finally:
            self._loading = loading

    def _people_changed(self) -> None:
        self._update_people_total()
        self._update_approval_row()
        self._on_input_edited()
        self._update_buttons()

    def _update_people_total(self) -> None:
        whole = main = Decimal(0)
        for row in range(self.people_table.rowCount()):
            try:
                weight = Decimal(
                    to_half_width(self._item(self.people_table, row, WEIGHT_COLUMN).text()).strip()
                )
            except InvalidOperation:
                self.people_total_label.setText(self.tr("A weight is not a number."))
                self._colour(self.people_total_label, False)
                return
            whole += weight
            if (
                self._item(self.people_table, row, MAIN_COLUMN).checkState()
                == Qt.CheckState.Checked
            ):
                main += weight
        if not self.people_table.rowCount() or whole <= 0:
            self.people_total_label.setText("")
            return
        minimum = Decimal(rule(MAIN_RULE).value)
        share = main / whole
        self.people_total_label.setText(
            self.tr("Main contributors: %1 of the weights (at least %2)")
            .replace("%1", percent_text(share.quantize(Decimal("0.0001"))))
            .replace("%2", percent_text(minimum))
        )
        self._colour(self.people_total_label, share >= minimum)

    def _update_receipts_total(self) -> None:
        total = 0
        for row in range(self.receipts_table.rowCount()):
            item = self.receipts_table.item(row, AMOUNT_COLUMN)
            try:
                fen = read_yuan(item.text() if item is not None else "", "receipts")
            except ValidationError:
                self.receipts_total_label.setText(self.tr("Total: —"))
                return
            total += fen or 0
        self.receipts_total_label.setText(self.tr("Total: %1 yuan").replace("%1", yuan(total)))

    def _update_deductions_hint(self) -> None:
        if self._deduction_types:
            text = self.tr("The unit allows: %1").replace("%1", "、".join(self._deduction_types))
        elif self._policy is None:
            text = ""
        else:
            text = self.tr("The unit's policy allows no deductions.")
        self.deductions_hint_label.setText(text)

    def _update_policy_label(self) -> None:
        policy = self._policy
        if policy is None:
            self.policy_label.setText("")
            return
        rate = {
            "transfer": policy.rate_transfer,
            "licence": policy.rate_transfer,
            "equity": policy.rate_equity,
            "implementation": policy.rate_implementation,
        }.get(self.kind)
        if self.kind == "surplus":
            text = self.tr("The researchers' share is typed below (in principle at least 90%).")
        elif rate is None:
            text = self.tr("The unit has set no rate of its own: the statutory rate applies.")
        else:
            text = self.tr("The unit's rate: %1").replace("%1", percent_text(rate))
            if policy.source:
                text = self.tr("%1 (%2)").replace("%1", text).replace("%2", policy.source)
        self.policy_label.setText(text)

    def _update_approval_row(self) -> None:
        self.fields.layout_.setRowVisible(self._approval_row, self._has_principal())

    @staticmethod
    def _colour(label: QLabel, good: bool) -> None:
        label.setStyleSheet(
            f"color: {GOOD_COLOUR};" if good else f"font-weight: bold; color: {ERROR_COLOUR};"
        )

    def _update_buttons(self) -> None:
        self.add_person_button.setEnabled(self.person_combo.currentIndex() >= 0)
        for table, button in (
            (self.people_table, self.remove_person_button),
            (self.receipts_table, self.remove_receipt_button),
            (self.deductions_table, self.remove_deduction_button),
        ):
            button.setEnabled(bool(table.selectionModel().selectedRows()))
        self.add_deduction_button.setEnabled(bool(self._deduction_types))
        years = self.profits_table.rowCount()
        self.add_year_button.setEnabled(years < IMPL_YEARS_MAX)
        self.remove_year_button.setEnabled(years > 0)


def person_text(person: Person) -> str:
    """张三（化学学院 · 研究员）"""
    details = " · ".join(p for p in (person.department, person.title) if p)
    return f"{person.name}（{details}）" if details else person.name


def read_date(text: str, field: str) -> str | None:
    """A typed date as ISO; None when blank; ValidationError at ``field`` when unreadable."""
    return read_iso_date(text, field)
