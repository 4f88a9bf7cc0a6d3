"""Edits a rights grant in draft (赋权, measure 一): the achievement, ownership shares or a use
right's term, the team's split among the achievement's completers, and the terms the written
agreement settles (revenue, decisions, costs).

The form never calls a service. Whoever holds it searches the achievements when
``search_edited`` fires and hands the rows to ``set_achievements``; when ``achievement_chosen``
fires it fetches the achievement's completers and hands them to ``set_candidates``, which
prefills the team with their contribution shares.

Running totals show as the user types (unit + team = 100, the team's split = 100.00%); the
rules themselves are the domain's (``validate_grant``), which the service applies on saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.achievements import AchievementRow
from desktop.domain.dates import format_cn_date, parse_date
from desktop.domain.rights_grants import (
    HUNDRED,
    KINDS,
    SHARE_PLACES,
    GrantDraft,
    TeamShare,
    min_term_end,
    parse_percent,
)
from desktop.domain.rules import rule
from desktop.errors import ValidationError
from desktop.services.rights_grants import TeamCandidate
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

ERROR_COLOUR = "#b3261e"
TEXT_LINES = 3
TEAM_ROWS_SHOWN = 5
NAME_COLUMN, CONTRIBUTION_COLUMN, ID_COLUMN, SHARE_COLUMN = range(4)
MIN_YEARS_RULE = "liaoning.use_right.min_years"

# The standard wording the officer starts from. It is the agreement's own text, which is written
# in Chinese whatever language the program shows, so it is not translated.
DEFAULT_TERMS: dict[str, tuple[str, str, str]] = {
    "ownership": (
        "转化收益在扣除相关费用后，按单位与成果完成团队的所有权份额分配。",
        "成果转化的方式、对象和价格等重大事项由单位与成果完成团队协商一致后决定；"
        "团队内部事项由成果完成团队负责人召集团队成员按份额表决。",
        "专利申请费、年费等知识产权维持费用及转化过程中发生的费用，"
        "由单位与成果完成团队按所有权份额分担。",
    ),
    "use_right": (
        "转化收益在扣除相关费用后，由单位与成果完成团队按单位科技成果转化收益分配办法分配。",
        "成果完成团队在赋权期限内自主决定成果转化的方式、对象和价格，重大事项报单位备案。",
        "赋权期限内的知识产权维持费用及转化过程中发生的费用由成果完成团队承担。",
    ),
}


def read_iso_date(text: str, field: str) -> str | None:
    """A typed date (2026-01-05, 2026年1月5日 …) as ISO; None when blank; ValidationError at
    ``field`` when it cannot be read."""
    try:
        day = parse_date(text)
    except ValueError:
        raise ValidationError(
            field,
            QCoreApplication.translate(
                "GrantForm", "“%1” is not a date: type it as 2026-01-05 or 2026年1月5日."
            ).replace("%1", text.strip()),
        ) from None
    return None if day is None else day.isoformat()


def read_percent(text: str, field: str) -> Decimal | None:
    """A typed percentage (30, 33.33, 33.33%); None when blank."""
    return parse_percent(text, field) if text.strip() else None


def format_percent(value: Decimal) -> str:
    """A percentage as typed back into the form: 30, 33.33, 12.5."""
    text = f"{value.quantize(SHARE_PLACES):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def achievement_text(row: AchievementRow) -> str:
    """An achievement as the picker lists it: 一种高强度镁合金（发明专利 · 内部）."""
    return f"{row.title}（{labels.achievement_kind(row.kind)} · {labels.clearance(row.level)}）"


class GrantForm(QWidget):
    """The draft editor (see the module's docstring).

    Signals:
        search_edited: the achievement search text, as typed.
        achievement_chosen: the id of the achievement now chosen.
    """

    search_edited = Signal(str)
    achievement_chosen = Signal(int)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._candidates: list[TeamCandidate] = []
        self._loading = False
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")

        # -- the achievement ------------------------------------------------------------------
        picker = QWidget(self)
        self.search_edit = QLineEdit(picker)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search achievements by title"))
        self.search_edit.setClearButtonEnabled(True)
        self.achievement_combo = QComboBox(picker)
        self.achievement_combo.setObjectName("achievement_combo")
        self.achievement_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.achievement_combo.setMinimumContentsLength(30)
        self.achievement_combo.setPlaceholderText(self.tr("No achievement chosen"))
        column = QVBoxLayout(picker)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_edit)
        column.addWidget(self.achievement_combo)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for code in KINDS:
            self.kind_combo.addItem(labels.grant_kind(code), code)

        # -- ownership: the shares ------------------------------------------------------------
        self.unit_share_edit = self._percent_edit("unit_share_edit")
        team_share_row = QWidget(self)
        self.team_share_edit = self._percent_edit("team_share_edit", team_share_row)
        self.shares_total_label = QLabel(team_share_row)
        self.shares_total_label.setObjectName("shares_total_label")
        row = QHBoxLayout(team_share_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.team_share_edit)
        row.addWidget(self.shares_total_label, 1)

        # -- use right: the term --------------------------------------------------------------
        self.term_start_edit = self._date_edit("term_start_edit")
        term_end_row = QWidget(self)
        self.term_end_edit = self._date_edit("term_end_edit", term_end_row)
        self.min_term_end_label = QLabel(term_end_row)
        self.min_term_end_label.setObjectName("min_term_end_label")
        self.min_term_end_label.setWordWrap(True)
        row = QHBoxLayout(term_end_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.term_end_edit)
        row.addWidget(self.min_term_end_label, 1)

        # -- the team -------------------------------------------------------------------------
        self.team_editor = QWidget(self)
        self.team_editor.setObjectName("team_editor")
        self.team_table = QTableWidget(0, 4, self.team_editor)
        self.team_table.setObjectName("team_table")
        self.team_table.setHorizontalHeaderLabels(
            [
                self.tr("Completer"),
                self.tr("Contribution (%)"),
                self.tr("ID number"),
                self.tr("Share in the team (%)"),
            ]
        )
        self.team_table.verticalHeader().hide()
        self.team_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.team_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        row_height = self.team_table.verticalHeader().defaultSectionSize()
        self.team_table.setFixedHeight(
            header.sizeHint().height() + row_height * TEAM_ROWS_SHOWN + 4
        )
        self.team_table.setToolTip(
            self.tr("Only the achievement's completers may receive the grant.")
        )
        self.remove_member_button = QPushButton(self.tr("Remove from the team"), self.team_editor)
        self.remove_member_button.setObjectName("remove_member_button")
        self.reset_team_button = QPushButton(self.tr("All completers again"), self.team_editor)
        self.reset_team_button.setObjectName("reset_team_button")
        self.team_total_label = QLabel(self.team_editor)
        self.team_total_label.setObjectName("team_total_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_member_button)
        buttons.addWidget(self.reset_team_button)
        buttons.addStretch(1)
        buttons.addWidget(self.team_total_label)
        team_column = QVBoxLayout(self.team_editor)
        team_column.setContentsMargins(0, 0, 0, 0)
        team_column.addWidget(self.team_table)
        team_column.addLayout(buttons)

        self.overseas_check = QCheckBox(
            self.tr("A party abroad (the technology export check applies)"), self
        )
        self.overseas_check.setObjectName("overseas_check")
        self.revenue_terms_edit = self._text_edit("revenue_terms_edit")
        self.decision_terms_edit = self._text_edit("decision_terms_edit")
        self.cost_terms_edit = self._text_edit("cost_terms_edit")

        add = self.fields.add_field
        add("achievement", self.tr("Achievement"), picker)
        add("kind", self.tr("Grant of"), self.kind_combo)
        unit_row = self._row()
        add("unit_share", self.tr("Unit's share (%)"), self.unit_share_edit)
        team_row = self._row()
        add("team_share", self.tr("Team's share (%)"), team_share_row)
        start_row = self._row()
        add("term_start", self.tr("Term from"), self.term_start_edit)
        end_row = self._row()
        add("term_end", self.tr("Term until"), term_end_row)
        add("team", self.tr("Team"), self.team_editor)
        add("overseas", self.tr("Overseas"), self.overseas_check)
        add("revenue_terms", self.tr("Revenue split"), self.revenue_terms_edit)
        add("decision_terms", self.tr("Decision making"), self.decision_terms_edit)
        add("cost_terms", self.tr("Cost sharing"), self.cost_terms_edit)
        self._ownership_rows = (unit_row, team_row)
        self._term_rows = (start_row, end_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addStretch(1)  # room left over goes below the fields, not between them

        self.search_edit.textEdited.connect(self._on_search_edit_text_edited)
        self.achievement_combo.currentIndexChanged.connect(
            self._on_achievement_combo_current_index_changed
        )
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.unit_share_edit.textChanged.connect(self._on_share_edit_text_changed)
        self.team_share_edit.textChanged.connect(self._on_share_edit_text_changed)
        self.term_start_edit.textChanged.connect(self._on_term_start_edit_text_changed)
        self.team_table.itemChanged.connect(self._on_team_table_item_changed)
        self.team_table.itemSelectionChanged.connect(self._on_team_table_item_selection_changed)
        self.remove_member_button.clicked.connect(self._on_remove_member_button_clicked)
        self.reset_team_button.clicked.connect(self._on_reset_team_button_clicked)

        self.term_start_edit.setText(format_cn_date(today))
        self._set_terms_text("ownership")
        self._show_kind_rows()
        self._update_share_total()
        self._update_team_total()
        self._on_term_start_edit_text_changed()
        self._on_team_table_item_selection_changed()

    # -- building ---------------------------------------------------------------------------
    def _row(self) -> int:
        """The index the next row of ``fields`` gets."""
        return self.fields.layout_.rowCount()

    def _percent_edit(self, name: str, parent: QWidget | None = None) -> QLineEdit:
        edit = QLineEdit(parent or self)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("e.g. 30"))
        edit.setMaximumWidth(120)
        return edit

    def _date_edit(self, name: str, parent: QWidget | None = None) -> QLineEdit:
        edit = QLineEdit(parent or self)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        edit.setMaximumWidth(160)
        return edit

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        line = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(line * TEXT_LINES + 2 * edit.frameWidth() + 8)
        return edit

    # -- for the holder ---------------------------------------------------------------------
    @property
    def achievement_id(self) -> int | None:
        data = self.achievement_combo.currentData()
        return int(data) if data is not None else None

    def set_achievements(self, rows: Sequence[AchievementRow]) -> None:
        """The achievements found for the search text; the one chosen stays chosen."""
        chosen = self.achievement_id
        chosen_text = self.achievement_combo.currentText()
        self.achievement_combo.blockSignals(True)
        try:
            self.achievement_combo.clear()
            for row in rows:
                self.achievement_combo.addItem(achievement_text(row), row.id)
                at = self.achievement_combo.count() - 1
                self.achievement_combo.setItemData(
                    at, achievement_text(row), Qt.ItemDataRole.ToolTipRole
                )
            if chosen is not None and self.achievement_combo.findData(chosen) < 0:
                self.achievement_combo.insertItem(0, chosen_text, chosen)
            self.achievement_combo.setCurrentIndex(
                self.achievement_combo.findData(chosen) if chosen is not None else -1
            )
        finally:
            self.achievement_combo.blockSignals(False)
        if chosen is None and len(rows) == 1:
            self.achievement_combo.setCurrentIndex(0)  # the one found: chosen at once

    def set_candidates(self, candidates: Sequence[TeamCandidate], *, prefill: bool) -> None:
        """The chosen achievement's completers. ``prefill``: the team becomes all of them with
        their contribution shares; otherwise only their contributions are filled in."""
        self._candidates = list(candidates)
        if prefill:
            self._fill_team(
                [(c.person_id, c.name, format_percent(c.share)) for c in self._candidates]
            )
        else:
            self._fill_contributions()

    def value(self) -> GrantDraft:
        """The draft as typed; raises ``ValidationError`` at its field for a share or a date
        that cannot be read at all (everything else is the domain's to judge)."""
        achievement_id = self.achievement_id
        if achievement_id is None:
            raise ValidationError("achievement", self.tr("Choose the achievement to grant."))
        kind = str(self.kind_combo.currentData())
        unit_share = team_share = None
        term_start = term_end = None
        if kind == "ownership":
            unit_share = read_percent(self.unit_share_edit.text(), "unit_share")
            team_share = read_percent(self.team_share_edit.text(), "team_share")
        else:
            term_start = read_iso_date(self.term_start_edit.text(), "term_start")
            term_end = read_iso_date(self.term_end_edit.text(), "term_end")
        team = []
        for row in range(self.team_table.rowCount()):
            name = self._item(row, NAME_COLUMN)
            text = self._item(row, SHARE_COLUMN).text()
            if not text.strip():
                raise ValidationError(
                    "team",
                    self.tr("Enter %1's share in the team.").replace("%1", name.text()),
                )
            share = read_percent(text, "team")
            assert share is not None
            team.append(TeamShare(int(name.data(Qt.ItemDataRole.UserRole)), share))
        return GrantDraft(
            achievement_id=achievement_id,
            kind=kind,
            team=tuple(team),
            unit_share=unit_share,
            team_share=team_share,
            term_start=term_start,
            term_end=term_end,
            overseas=self.overseas_check.isChecked(),
            revenue_terms=self.revenue_terms_edit.toPlainText(),
            decision_terms=self.decision_terms_edit.toPlainText(),
            cost_terms=self.cost_terms_edit.toPlainText(),
        )

    def set_value(self, draft: GrantDraft, title: str, team_names: dict[int, str]) -> None:
        """A saved draft to edit: its achievement (``title``) stays, the search is hidden."""
        self._loading = True
        try:
            self.achievement_combo.blockSignals(True)
            self.achievement_combo.clear()
            self.achievement_combo.addItem(title, draft.achievement_id)
            self.achievement_combo.setCurrentIndex(0)
            self.achievement_combo.blockSignals(False)
            self.achievement_combo.setEnabled(False)
            self.search_edit.hide()
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(draft.kind)))
            self.unit_share_edit.setText(
                format_percent(draft.unit_share) if draft.unit_share is not None else ""
            )
            self.team_share_edit.setText(
                format_percent(draft.team_share) if draft.team_share is not None else ""
            )
            self.term_start_edit.setText(_cn(draft.term_start))
            self.term_end_edit.setText(_cn(draft.term_end))
            self._fill_team(
                [
                    (
                        m.person_id,
                        team_names.get(m.person_id, str(m.person_id)),
                        format_percent(m.share),
                    )
                    for m in draft.team
                ]
            )
            self.overseas_check.setChecked(draft.overseas)
            self.revenue_terms_edit.setPlainText(draft.revenue_terms)
            self.decision_terms_edit.setPlainText(draft.decision_terms)
            self.cost_terms_edit.setPlainText(draft.cost_terms)
        finally:
            self._loading = False
        self._show_kind_rows()

    def show_error(self, error: ValidationError) -> bool:
        return self.fields.show_error(error.field, error.message)

    def clear_errors(self) -> None:
        self.fields.clear_errors()

    @property
    def share_total(self) -> Decimal | None:
        """Unit + team share as typed; None while either cannot be read."""
        try:
            unit = read_percent(self.unit_share_edit.text(), "unit_share")
            team = read_percent(self.team_share_edit.text(), "team_share")
        except ValidationError:
            return None
        if unit is None or team is None:
            return None
        return unit + team

    @property
    def team_total(self) -> Decimal | None:
        """The team's split as typed; None while a share cannot be read."""
        total = Decimal(0)
        for row in range(self.team_table.rowCount()):
            try:
                share = read_percent(self._item(row, SHARE_COLUMN).text(), "team")
            except ValidationError:
                return None
            total += share or Decimal(0)
        return total

    # -- slots ------------------------------------------------------------------------------
    def _on_search_edit_text_edited(self, text: str) -> None:
        self.search_edited.emit(text)

    def _on_achievement_combo_current_index_changed(self, _index: int) -> None:
        achievement_id = self.achievement_id
        if achievement_id is not None and not self._loading:
            self.fields.clear_error("achievement")
            self.achievement_chosen.emit(achievement_id)

    def _on_kind_combo_current_index_changed(self, _index: int = 0) -> None:
        self._show_kind_rows()
        if not self._loading:
            self._swap_default_terms(str(self.kind_combo.currentData()))

    def _on_share_edit_text_changed(self, _text: str) -> None:
        self._update_share_total()

    def _on_term_start_edit_text_changed(self, _text: str = "") -> None:
        try:
            start = parse_date(self.term_start_edit.text())
        except ValueError:
            start = None
        years = rule(MIN_YEARS_RULE).value
        try:
            earliest = min_term_end(start) if start is not None else None
        except ValueError:  # ten years past the year 9999
            earliest = None
        if earliest is None:
            text = self.tr("At least %1 years from the start").replace("%1", str(years))
        else:
            text = (
                self.tr("At least %1 years: the end may not be before %2")
                .replace("%1", str(years))
                .replace("%2", format_cn_date(earliest))
            )
        self.min_term_end_label.setText(text)

    def _on_team_table_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._update_team_total()

    def _on_team_table_item_selection_changed(self) -> None:
        self.remove_member_button.setEnabled(bool(self.team_table.selectionModel().selectedRows()))

    def _on_remove_member_button_clicked(self) -> None:
        rows = self.team_table.selectionModel().selectedRows()
        if rows:
            self.team_table.removeRow(rows[0].row())
            self._update_team_total()

    def _on_reset_team_button_clicked(self) -> None:
        self._fill_team([(c.person_id, c.name, format_percent(c.share)) for c in self._candidates])

    # -- internals --------------------------------------------------------------------------
    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.team_table.item(row, column)
        assert item is not None
        return item

    def _fill_team(self, members: Sequence[tuple[int, str, str]]) -> None:
        loading, self._loading = self._loading, True
        try:
            self.team_table.setRowCount(0)
            for person_id, name, share in members:
                row = self.team_table.rowCount()
                self.team_table.insertRow(row)
                for column, text in (
                    (NAME_COLUMN, name),
                    (CONTRIBUTION_COLUMN, ""),
                    (ID_COLUMN, ""),
                ):
                    item = QTableWidgetItem(text)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.team_table.setItem(row, column, item)
                self._item(row, NAME_COLUMN).setData(Qt.ItemDataRole.UserRole, person_id)
                share_item = QTableWidgetItem(share)
                share_item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self.team_table.setItem(row, SHARE_COLUMN, share_item)
            self._fill_contributions()
        finally:
            self._loading = loading
        self._update_team_total()

    def _fill_contributions(self) -> None:
        known = {c.person_id: c for c in self._candidates}
        loading, self._loading = self._loading, True
        try:
            for row in range(self.team_table.rowCount()):
                person_id = int(self._item(row, NAME_COLUMN).data(Qt.ItemDataRole.UserRole))
                candidate = known.get(person_id)
                contribution = self._item(row, CONTRIBUTION_COLUMN)
                contribution.setText(format_percent(candidate.share) if candidate else "")
                contribution.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                recorded = self._item(row, ID_COLUMN)
                if candidate is None:
                    recorded.setText("")
                elif candidate.id_number_recorded:
                    recorded.setText(self.tr("On file"))
                else:
                    recorded.setText(self.tr("Not on file"))
                    recorded.setForeground(Qt.GlobalColor.darkRed)
        finally:
            self._loading = loading

    def _update_share_total(self) -> None:
        total = self.share_total
        text = "—" if total is None else f"{total.quantize(SHARE_PLACES):f}"
        self.shares_total_label.setText(self.tr("Unit + team: %1%").replace("%1", text))
        self._colour(self.shares_total_label, total == HUNDRED)

    def _update_team_total(self) -> None:
        total = self.team_total
        text = "—" if total is None else f"{total.quantize(SHARE_PLACES):f}"
        self.team_total_label.setText(self.tr("Team total: %1%").replace("%1", text))
        self._colour(self.team_total_label, total == HUNDRED)

    @staticmethod
    def _colour(label: QLabel, good: bool) -> None:
        label.setStyleSheet(
            "font-weight: bold;" if good else f"font-weight: bold; color: {ERROR_COLOUR};"
        )

    def _show_kind_rows(self) -> None:
        """The shares for ownership, the term for a use right."""
        kind = str(self.kind_combo.currentData())
        for row in self._ownership_rows:
            self.fields.layout_.setRowVisible(row, kind == "ownership")
        for row in self._term_rows:
            self.fields.layout_.setRowVisible(row, kind == "use_right")

    def _set_terms_text(self, kind: str) -> None:
        revenue, decision, cost = DEFAULT_TERMS[kind]
        self.revenue_terms_edit.setPlainText(revenue)
        self.decision_terms_edit.setPlainText(decision)
        self.cost_terms_edit.setPlainText(cost)

    def _swap_default_terms(self, kind: str) -> None:
        """A text still as prefilled for the other kind becomes this kind's standard text."""
        for index, edit in enumerate(
            (self.revenue_terms_edit, self.decision_terms_edit, self.cost_terms_edit)
        ):
            text = edit.toPlainText()
            if any(text == DEFAULT_TERMS[other][index] for other in KINDS if other != kind):
                edit.setPlainText(DEFAULT_TERMS[kind][index])


def _cn(iso: str | None) -> str:
    return format_cn_date(dt.date.fromisoformat(iso)) if iso else ""
