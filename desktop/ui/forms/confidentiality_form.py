"""Edits one confidentiality agreement (保密协议, measure 十五): with whom, covering which
classified achievements, how secret, for how long, with what obligations, and the approval /
filing record (审批备案) without which the agreement does not count.

The party's code is checked as the user leaves its field: a 统一社会信用代码 for an enterprise
(errors at "credit_code"), a 身份证号 for an individual ("id_number"); the service checks it
again on save. Each kind keeps what was typed for it, so switching back and forth loses nothing.

The form never calls a service: searching for achievements emits
``achievement_search_requested(text)``, and whoever runs the search hands the rows back with
``show_achievement_candidates``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.achievements import AchievementRow
from desktop.domain.confidentiality import (
    APPROVAL_FIELD_MAX,
    NAME_MAX,
    PARTY_KIND_NAMES,
    ConfidentialityDraft,
    normalise_party_code,
)
from desktop.domain.dates import add_years, format_cn_date, parse_date
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

SEARCH_DELAY_MS = 250
DEFAULT_TERM_YEARS = 5
NOTE_COLOUR = "#7a4b00"

# The standard obligations a new agreement starts with. They are the agreement's own wording,
# printed in its Chinese text (desktop/reports/confidentiality_agreement.py), not program text to
# translate; the officer adapts them to the case.
STANDARD_OBLIGATIONS = "\n".join(
    (
        "一、乙方对合作中知悉的涉密成果及相关资料承担保密责任，不得以任何方式向第三方泄露，"
        "不得在论文、专利申请、宣传材料等公开载体中涉及涉密内容。",
        "二、乙方仅为本协议约定的合作目的使用涉密成果；未经甲方书面同意，不得复制、摘抄或者"
        "留存涉密载体。",
        "三、乙方接触涉密事项的人员应当经甲方审查同意并签订保密承诺书，乙方负责对其进行保密"
        "教育和管理。",
        "四、涉密载体的制作、收发、传递、使用、保存和销毁应当符合国家保密规定；合作结束或者"
        "本协议终止时，乙方应当将涉密载体全部退还甲方。",
        "五、乙方发现涉密事项已经泄露或者可能泄露的，应当立即采取补救措施并及时告知甲方。",
    )
)


def default_term_end(start: date) -> date:
    """The day before the same date ``DEFAULT_TERM_YEARS`` later."""
    return add_years(start, DEFAULT_TERM_YEARS) - timedelta(days=1)


class ConfidentialityForm(QWidget):
    """``levels``: the marked levels (秘密, 机密, 绝密) the actor may give, lowest first;
    ``today``: the day the party's code is judged against (an 身份证号 born later is wrong).

    Signals:
        achievement_search_requested: the text to search achievement titles for (possibly
            empty: every classified achievement the actor may see).
    """

    achievement_search_requested = Signal(str)

    def __init__(self, levels: Sequence[str], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._checking = False
        self._build_party_box()
        self._build_content_box(levels)
        self._build_term_box()
        self._build_approval_box()
        self._forms = (
            self.party_fields,
            self.content_fields,
            self.term_fields,
            self.approval_fields,
        )
        left = QVBoxLayout()
        left.addWidget(self.party_box)
        left.addWidget(self.content_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.term_box, 1)
        right.addWidget(self.approval_box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self._connect()
        self.term_start_edit.setText(format_cn_date(today))
        self.term_end_edit.setText(format_cn_date(default_term_end(today)))
        self.obligations_edit.setPlainText(STANDARD_OBLIGATIONS)
        self._update_party_rows()
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------------
    def _build_party_box(self) -> None:
        self.party_box = QGroupBox(self.tr("Other party"), self)
        self.party_box.setObjectName("party_box")
        self.party_fields = FieldForm(self.party_box)
        self.party_fields.setObjectName("party_fields")
        self.party_kind_combo = QComboBox(self)
        self.party_kind_combo.setObjectName("party_kind_combo")
        for code in PARTY_KIND_NAMES:
            self.party_kind_combo.addItem(labels.party_kind(code), code)
        self.party_name_edit = QLineEdit(self)
        self.party_name_edit.setObjectName("party_name_edit")
        self.party_name_edit.setMaxLength(NAME_MAX + 20)  # over-long: the domain's message
        self.credit_code_edit = QLineEdit(self)
        self.credit_code_edit.setObjectName("credit_code_edit")
        self.credit_code_edit.setPlaceholderText(self.tr("18 characters"))
        self.id_number_edit = QLineEdit(self)
        self.id_number_edit.setObjectName("id_number_edit")
        self.id_number_edit.setPlaceholderText(self.tr("18 characters"))
        self.party_fields.add_field("party_kind", self.tr("Party type"), self.party_kind_combo)
        self.party_fields.add_field("party_name", self.tr("Enterprise name"), self.party_name_edit)
        self.party_fields.add_field(
            "credit_code", self.tr("Unified social credit code"), self.credit_code_edit
        )
        self.party_fields.add_field(
            "id_number", self.tr("Identity card number"), self.id_number_edit
        )
        self.party_name_label = self._row_label(self.party_fields, self.party_name_edit)
        QVBoxLayout(self.party_box).addWidget(self.party_fields)

    def _build_content_box(self, levels: Sequence[str]) -> None:
        self.content_box = QGroupBox(self.tr("Classified achievements and secret matters"), self)
        self.content_box.setObjectName("content_box")
        self.content_fields = FieldForm(self.content_box)
        self.content_fields.setObjectName("content_fields")

        self.achievements_editor = QWidget(self)
        self.achievements_editor.setObjectName("achievements_editor")
        self.achievement_search_edit = QLineEdit(self.achievements_editor)
        self.achievement_search_edit.setObjectName("achievement_search_edit")
        self.achievement_search_edit.setPlaceholderText(
            self.tr("Search classified achievements by title")
        )
        self.achievement_search_edit.setClearButtonEnabled(True)
        self.achievement_results_list = QListWidget(self.achievements_editor)
        self.achievement_results_list.setObjectName("achievement_results_list")
        self.achievement_results_list.setMaximumHeight(96)
        self.add_achievement_button = QPushButton(
            self.tr("Add to the agreement"), self.achievements_editor
        )
        self.add_achievement_button.setObjectName("add_achievement_button")
        self.achievements_list = QListWidget(self.achievements_editor)
        self.achievements_list.setObjectName("achievements_list")
        self.achievements_list.setMaximumHeight(96)
        self.achievements_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.remove_achievement_button = QPushButton(
            self.tr("Remove from the agreement"), self.achievements_editor
        )
        self.remove_achievement_button.setObjectName("remove_achievement_button")
        self.chosen_label = QLabel(self.tr("Covered by the agreement:"), self.achievements_editor)
        self.chosen_label.setObjectName("chosen_label")
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_achievement_button)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_achievement_button)
        editor = QVBoxLayout(self.achievements_editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addWidget(self.achievement_search_edit)
        editor.addWidget(self.achievement_results_list)
        editor.addLayout(add_row)
        editor.addWidget(self.chosen_label)
        editor.addWidget(self.achievements_list)
        editor.addLayout(remove_row)

        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level_combo")
        for code in levels:
            self.level_combo.addItem(labels.clearance(code), code)
        self.scope_edit = QPlainTextEdit(self)
        self.scope_edit.setObjectName("scope_edit")
        self.scope_edit.setTabChangesFocus(True)
        self.scope_edit.setPlaceholderText(
            self.tr("For example: formulation and process parameters of the alloy")
        )
        self.scope_edit.setMaximumHeight(80)
        self.content_fields.add_field(
            "achievements", self.tr("Achievements covered"), self.achievements_editor
        )
        self.content_fields.add_field("level", self.tr("Secrecy level"), self.level_combo)
        self.content_fields.add_field("scope", self.tr("Secret matters covered"), self.scope_edit)
        QVBoxLayout(self.content_box).addWidget(self.content_fields)

    def _build_term_box(self) -> None:
        self.term_box = QGroupBox(self.tr("Term and obligations"), self)
        self.term_box.setObjectName("term_box")
        self.term_fields = FieldForm(self.term_box)
        self.term_fields.setObjectName("term_fields")
        self.term_start_edit = self._date_edit("term_start_edit")
        self.term_end_edit = self._date_edit("term_end_edit")
        self.obligations_edit = QPlainTextEdit(self)
        self.obligations_edit.setObjectName("obligations_edit")
        self.obligations_edit.setTabChangesFocus(True)
        self.obligations_edit.setMinimumHeight(150)
        self.signed_on_edit = self._date_edit("signed_on_edit")
        self.signed_on_edit.setToolTip(self.tr("Leave empty while the agreement is not signed."))
        self.term_fields.add_field("term_start", self.tr("Term from"), self.term_start_edit)
        self.term_fields.add_field("term_end", self.tr("Term to"), self.term_end_edit)
        self.term_fields.add_field("obligations", self.tr("Obligations"), self.obligations_edit)
        self.term_fields.add_field("signed_on", self.tr("Signed on"), self.signed_on_edit)
        QVBoxLayout(self.term_box).addWidget(self.term_fields)

    def _build_approval_box(self) -> None:
        self.approval_box = QGroupBox(self.tr("Approval and filing record"), self)
        self.approval_box.setObjectName("approval_box")
        self.approval_note_label = QLabel(
            self.tr(
                "Cooperation on classified achievements must be approved and filed. Until the "
                "approving body, date and document number are recorded here, the agreement does "
                "not count as in force, and it opens no cooperation."
            ),
            self.approval_box,
        )
        self.approval_note_label.setObjectName("approval_note_label")
        self.approval_note_label.setWordWrap(True)
        self.approval_note_label.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.approval_fields = FieldForm(self.approval_box)
        self.approval_fields.setObjectName("approval_fields")
        self.approval_body_edit = QLineEdit(self)
        self.approval_body_edit.setObjectName("approval_body_edit")
        self.approval_body_edit.setMaxLength(APPROVAL_FIELD_MAX + 20)
        self.approval_date_edit = self._date_edit("approval_date_edit")
        self.approval_doc_no_edit = QLineEdit(self)
        self.approval_doc_no_edit.setObjectName("approval_doc_no_edit")
        self.approval_doc_no_edit.setMaxLength(APPROVAL_FIELD_MAX + 20)
        self.approval_fields.add_field(
            "approval_body", self.tr("Approving body"), self.approval_body_edit
        )
        self.approval_fields.add_field(
            "approval_date", self.tr("Approved on"), self.approval_date_edit
        )
        self.approval_fields.add_field(
            "approval_doc_no", self.tr("Approval document number"), self.approval_doc_no_edit
        )
        box = QVBoxLayout(self.approval_box)
        box.addWidget(self.approval_note_label)
        box.addWidget(self.approval_fields)

    def _date_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("For example 2026-01-05"))
        return edit

    def _connect(self) -> None:
        self.party_kind_combo.currentIndexChanged.connect(
            self._on_party_kind_combo_current_index_changed
        )
        self.credit_code_edit.editingFinished.connect(self._on_credit_code_edit_editing_finished)
        self.id_number_edit.editingFinished.connect(self._on_id_number_edit_editing_finished)
        self.credit_code_edit.textEdited.connect(self._on_credit_code_edit_text_edited)
        self.id_number_edit.textEdited.connect(self._on_id_number_edit_text_edited)
        self.achievement_search_edit.textChanged.connect(
            self._on_achievement_search_edit_text_changed
        )
        # Return in the search field searches at once; it must not press the dialog's Save.
        self.achievement_search_edit.installEventFilter(self)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.achievement_results_list.itemDoubleClicked.connect(
            self._on_achievement_results_list_item_double_clicked
        )
        self.achievement_results_list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.achievements_list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_achievement_button.clicked.connect(self._on_add_achievement_button_clicked)
        self.remove_achievement_button.clicked.connect(self._on_remove_achievement_button_clicked)

    # -- value ------------------------------------------------------------------------------------
    def value(self) -> ConfidentialityDraft:
        """The draft as typed; raises ``ValidationError`` at a date field whose text is not a
        date (the rest is the domain's to judge)."""
        kind = str(self.party_kind_combo.currentData())
        code_edit = self.credit_code_edit if kind == "enterprise" else self.id_number_edit
        level = self.level_combo.currentData()
        return ConfidentialityDraft(
            party_kind=kind,
            party_name=self.party_name_edit.text(),
            party_code=code_edit.text(),
            achievement_ids=self.achievement_ids,
            level="" if level is None else str(level),
            scope=self.scope_edit.toPlainText(),
            term_start=self._read_date("term_start", self.term_start_edit) or "",
            term_end=self._read_date("term_end", self.term_end_edit) or "",
            obligations=self.obligations_edit.toPlainText(),
            signed_on=self._read_date("signed_on", self.signed_on_edit),
            approval_body=self.approval_body_edit.text(),
            approval_date=self._read_date("approval_date", self.approval_date_edit),
            approval_doc_no=self.approval_doc_no_edit.text(),
        )

    def set_value(self, draft: ConfidentialityDraft, titles: Sequence[str] = ()) -> None:
        """``titles``: those of ``draft.achievement_ids``, in the same order."""
        self.clear_errors()
        self._select(self.party_kind_combo, draft.party_kind)
        self.party_name_edit.setText(draft.party_name)
        self.credit_code_edit.clear()
        self.id_number_edit.clear()
        code_edit = (
            self.credit_code_edit if draft.party_kind == "enterprise" else self.id_number_edit
        )
        code_edit.setText(draft.party_code)
        self.achievements_list.clear()
        names = list(titles) + [""] * (len(draft.achievement_ids) - len(titles))
        for achievement_id, title in zip(draft.achievement_ids, names, strict=False):
            self._add_chosen(achievement_id, title or str(achievement_id))
        self._select(self.level_combo, draft.level)
        self.scope_edit.setPlainText(draft.scope)
        self.term_start_edit.setText(self._show_date(draft.term_start))
        self.term_end_edit.setText(self._show_date(draft.term_end))
        self.obligations_edit.setPlainText(draft.obligations)
        self.signed_on_edit.setText(self._show_date(draft.signed_on))
        self.approval_body_edit.setText(draft.approval_body)
        self.approval_date_edit.setText(self._show_date(draft.approval_date))
        self.approval_doc_no_edit.setText(draft.approval_doc_no)
        self._update_party_rows()
        self._update_buttons()

    @property
    def achievement_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.achievements_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.achievements_list.count())
        )

    def set_party_kind(self, kind: str) -> None:
        self._select(self.party_kind_combo, kind)

    # -- achievements -----------------------------------------------------------------------------
    def request_search(self) -> None:
        """Ask for the achievements matching the search text now."""
        self.search_timer.stop()
        self.achievement_search_requested.emit(self.achievement_search_edit.text().strip())

    def show_achievement_candidates(self, rows: Sequence[AchievementRow]) -> None:
        """The search's answer: classified achievements the actor may see."""
        results = self.achievement_results_list
        results.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.title} · {labels.clearance(row.level)}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, row.title)
            item.setData(Qt.ItemDataRole.UserRole + 2, row.level)
            item.setToolTip(item.text())
            results.addItem(item)
        if not rows:
            empty = QListWidgetItem(self.tr("No classified achievement matches."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            results.addItem(empty)
        self._update_buttons()

    def add_candidate(self, row: int) -> bool:
        """Add the search result at ``row`` to the agreement; False if it is not one."""
        item = self.achievement_results_list.item(row)
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return False
        achievement_id = int(item.data(Qt.ItemDataRole.UserRole))
        if achievement_id not in self.achievement_ids:
            self._add_chosen(achievement_id, str(item.data(Qt.ItemDataRole.UserRole + 1)))
            self.clear_error("achievements")
            self._raise_level_to(str(item.data(Qt.ItemDataRole.UserRole + 2)))
        self._update_buttons()
        return True

    def _raise_level_to(self, level: str) -> None:
        """An agreement is at least as secret as what it covers: a higher achievement raises
        the level chosen (never lowers it)."""
        wanted = self.level_combo.findData(level)
        if wanted > self.level_combo.currentIndex():
            self.level_combo.setCurrentIndex(wanted)

    def _add_chosen(self, achievement_id: int, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, achievement_id)
        item.setToolTip(title)
        self.achievements_list.addItem(item)

    # -- errors -----------------------------------------------------------------------------------
    def show_error(self, error: ValidationError) -> bool:
        """Show ``error`` at its field; False when the form has no such field."""
        if error.field in ("credit_code", "id_number"):
            # The service judged the code of the kind chosen: show it there whatever it says.
            kind = self.party_kind_combo.currentData()
            field = "credit_code" if kind == "enterprise" else "id_number"
            return self._fields_show(field, error.message)
        return self._fields_show(error.field, error.message)

    def clear_error(self, field: str) -> None:
        for form in self._forms:
            form.clear_error(field)

    def clear_errors(self) -> None:
        for form in self._forms:
            form.clear_errors()

    def error_text(self, field: str) -> str:
        return next((t for form in self._forms if (t := form.error_text(field))), "")

    def _fields_show(self, field: str, message: str) -> bool:
        return any(form.show_error(field, message) for form in self._forms)

    def check_party_code(self, field: str) -> None:
        """What leaving a code field does: judge a non-empty code for its kind, write it back
        in its standard form, or show why it is wrong (the focus stays where the user went)."""
        kind, edit = (
            ("enterprise", self.credit_code_edit)
            if field == "credit_code"
            else ("individual", self.id_number_edit)
        )
        if self._checking:
            return
        if not edit.text().strip():
            self.clear_error(field)
            return
        try:
            code = normalise_party_code(kind, edit.text(), today=self._today)
        except ValidationError as error:
            # Showing an error focuses its field; giving the focus back makes the field emit
            # editingFinished again, which must not check (and focus) once more.
            focused = QApplication.focusWidget()
            self._checking = True
            try:
                self._fields_show(field, error.message)
                if focused is not None and focused is not edit:
                    focused.setFocus()
            finally:
                self._checking = False
            return
        self.clear_error(field)
        if code != edit.text():
            edit.setText(code)

    # -- slots ------------------------------------------------------------------------------------
    def _on_party_kind_combo_current_index_changed(self, _index: int) -> None:
        self.clear_error("credit_code")
        self.clear_error("id_number")
        self._update_party_rows()

    def _on_credit_code_edit_editing_finished(self) -> None:
        self.check_party_code("credit_code")

    def _on_id_number_edit_editing_finished(self) -> None:
        self.check_party_code("id_number")

    def _on_credit_code_edit_text_edited(self, _text: str) -> None:
        self.clear_error("credit_code")

    def _on_id_number_edit_text_edited(self, _text: str) -> None:
        self.clear_error("id_number")

    def _on_achievement_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.request_search()

    def _on_achievement_results_list_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.add_candidate(self.achievement_results_list.row(item))

    def _on_add_achievement_button_clicked(self) -> None:
        self.add_candidate(self.achievement_results_list.currentRow())

    def _on_remove_achievement_button_clicked(self) -> None:
        row = self.achievements_list.currentRow()
        if row >= 0:
            self.achievements_list.takeItem(row)
        self._update_buttons()

    def _on_list_current_row_changed(self, _row: int) -> None:
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.achievement_search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.request_search()
            return True
        return super().eventFilter(watched, event)

    # -- internals --------------------------------------------------------------------------------
    def _update_party_rows(self) -> None:
        enterprise = self.party_kind_combo.currentData() == "enterprise"
        self._set_row_visible(self.party_fields, self.credit_code_edit, enterprise)
        self._set_row_visible(self.party_fields, self.id_number_edit, not enterprise)
        self.party_name_label.setText(
            self.tr("Enterprise name") if enterprise else self.tr("Full name")
        )

    def _update_buttons(self) -> None:
        item = self.achievement_results_list.currentItem()
        self.add_achievement_button.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        )
        self.remove_achievement_button.setEnabled(self.achievements_list.currentRow() >= 0)

    def _read_date(self, field: str, edit: QLineEdit) -> str | None:
        text = edit.text()
        try:
            day = parse_date(text)
        except ValueError:
            raise ValidationError(
                field,
                self.tr("“%1” is not a date; type it like 2026-01-05.").replace("%1", text.strip()),
            ) from None
        return None if day is None else day.isoformat()

    @staticmethod
    def _show_date(iso: str | None) -> str:
        if not iso:
            return ""
        try:
            return format_cn_date(date.fromisoformat(iso))
        except ValueError:
            return iso

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(data)))

    @staticmethod
    def _row_label(form: FieldForm, widget: QWidget) -> QLabel:
        holder = widget.parentWidget()
        assert holder is not None
        label = form.layout_.labelForField(holder)
        assert isinstance(label, QLabel)
        return label

    @staticmethod
    def _set_row_visible(form: FieldForm, widget: QWidget, visible: bool) -> None:
        holder = widget.parentWidget()
        assert holder is not None
        form.layout_.setRowVisible(holder, visible)
