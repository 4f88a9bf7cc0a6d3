"""Edits one achievement record: what it is, who made it, what protects it, how secret it is.

Checking as the user types: a short timer after each edit runs ``validate_achievement`` on a
probe draft that takes only the edited group of fields from the form (the rest is a known-good
baseline), so the message that appears is always about the field being edited, never about one
the user has not reached yet. Saving shows whatever the service still refuses at its field.

``set_read_only(True)`` shows a record to someone who may read but not edit it: text fields
become read-only (their text can still be selected and copied), each choice is shown as
read-only text in place of its list, the completers as a read-only table, the check boxes
ignore clicks and keys, and the buttons that add or remove rows are hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import (
    COMPLETER_ROLES,
    ETHICS_STATUSES,
    FUNDING_TYPES,
    HUNDRED,
    KINDS,
    SHARE_PLACES,
    TITLE_MAX,
    AchievementDraft,
    Completer,
    IpRight,
    parse_share,
    validate_achievement,
)
from desktop.domain.dates import format_cn_date
from desktop.domain.dates import parse_date as read_date
from desktop.domain.people import Person
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

LIVE_CHECK_MS = 400
DATE_COLUMN_WIDTH = 100
ERROR_COLOUR = "#b3261e"
KEYWORD_SEPARATORS = re.compile(r"[,，、;；]")

# The completers table and the IP rights table: their columns.
PERSON_COLUMN, ROLE_COLUMN, SHARE_COLUMN = range(3)
NUMBER_COLUMN, APPLIED_COLUMN, GRANTED_COLUMN, EXPIRES_COLUMN = range(4)

# A draft every check passes; the live check replaces one group of fields with what is typed.
_BASELINE = AchievementDraft(
    title="成果",
    abstract="",
    keywords=(),
    kind="other",
    department_id=None,
    funding_type="self",
    funding_ref="",
    completers=(Completer(0, "lead", HUNDRED),),
)
# Edited group -> (draft attributes taken from the form, fields whose errors it shows).
_GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "title": (("title",), ("title",)),
    "abstract": (("abstract",), ("abstract",)),
    "keywords": (("keywords",), ("keywords",)),
    "funding": (("funding_type", "funding_ref"), ("funding_type", "funding_ref")),
    "completers": (("completers",), ("completers",)),
    "ip_rights": (("kind", "ip_rights"), ("kind", "ip_rights")),
    "level": (("level", "secrecy_mark"), ("level", "secrecy_mark")),
    "negative_list": (("negative_list", "negative_list_reason"), ("negative_list_reason",)),
    "ethics": (
        ("ethics_status", "ethics_approval", "ethics_approved_on"),
        ("ethics_status", "ethics_approval", "ethics_approved_on"),
    ),
}


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords typed in one line, separated by commas (either width), 、 or semicolons."""
    return tuple(word.strip() for word in KEYWORD_SEPARATORS.split(text) if word.strip())


def parse_date(text: str) -> str | None:
    """An optional typed date (desktop.domain.dates.parse_date) as ISO; None when blank."""
    day = read_date(text)
    return None if day is None else day.isoformat()


def format_share(share: Decimal) -> str:
    """A share as typed back into the form: 50, 33.33, 12.5."""
    text = f"{share.quantize(SHARE_PLACES):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def person_label(person: Person) -> str:
    return f"{person.name} · {person.department}" if person.department else person.name


# What a read-only check box ignores: it must not toggle, by mouse or by key.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
    }
)


class ReadOnlyCellDelegate(QStyledItemDelegate):
    """Opens a table cell as read-only text: it can be selected and copied, never changed."""

    def createEditor(  # noqa: N802 (Qt API)
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setReadOnly(True)
        return editor

    def setModelData(  # noqa: N802 (Qt API)
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        return  # nothing typed reaches the record


class AchievementForm(QWidget):
    """``levels`` are the clearance levels the acting user may give (lowest first);
    ``departments`` are (id, name) pairs; ``people`` is the register completers come from."""

    changed = Signal()

    def __init__(
        self,
        levels: Sequence[str],
        departments: Sequence[tuple[int, str]],
        people: Sequence[Person],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self._read_only = False
        self._pending: set[str] = set()
        self._people_labels = {p.id: person_label(p) for p in people}
        self._choices = [(p.id, person_label(p)) for p in people if p.active]
        # A bare name stands for a person when it is the only one of that name.
        names: dict[str, list[int]] = {}
        for p in people:
            names.setdefault(p.name, []).append(p.id)
        self._unique_names = {name: ids[0] for name, ids in names.items() if len(ids) == 1}

        self._build_record_box(departments)
        self._build_rights_box()
        self._build_control_box(levels)
        self._build_read_only_views()
        left = QVBoxLayout()
        left.addWidget(self.record_box, 1)
        left.addWidget(self.control_box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.rights_box, 1)
        self._forms = (self.record_fields, self.rights_fields, self.control_fields)

        self.live_timer = QTimer(self)
        self.live_timer.setObjectName("live_timer")
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_CHECK_MS)

        self._connect()
        self._loading = True
        self.add_completer_row(role="lead")
        self._loading = False
        self._update_dependent_rows()
        self._update_total()
        self._update_buttons()
        self._baseline = self._state()

    # -- building ---------------------------------------------------------------------------------
    def _build_record_box(self, departments: Sequence[tuple[int, str]]) -> None:
        """What it is: title, abstract, keywords, type, department, funding."""
        self.record_box = QGroupBox(self.tr("The achievement"), self)
        self.record_box.setObjectName("record_box")
        self.record_fields = FieldForm(self.record_box)
        self.record_fields.setObjectName("record_fields")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setMaxLength(TITLE_MAX + 50)  # over-long titles get the domain's message
        self.abstract_edit = QPlainTextEdit(self)
        self.abstract_edit.setObjectName("abstract_edit")
        self.abstract_edit.setTabChangesFocus(True)
        self.abstract_edit.setMinimumHeight(120)
        self.keywords_edit = QLineEdit(self)
        self.keywords_edit.setObjectName("keywords_edit")
        self.keywords_edit.setPlaceholderText(self.tr("Separated by commas or 、"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for code in KINDS:
            self.kind_combo.addItem(labels.achievement_kind(code), code)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        self.department_combo.addItem(self.tr("(none)"), None)
        for dept_id, name in departments:
            self.department_combo.addItem(name, dept_id)
        self.funding_type_combo = QComboBox(self)
        self.funding_type_combo.setObjectName("funding_type_combo")
        for code in FUNDING_TYPES:
            self.funding_type_combo.addItem(labels.funding_type(code), code)
        self.funding_ref_edit = QLineEdit(self)
        self.funding_ref_edit.setObjectName("funding_ref_edit")
        self.record_fields.add_field("title", self.tr("Achievement title"), self.title_edit)
        self.record_fields.add_field("abstract", self.tr("Abstract"), self.abstract_edit)
        self.record_fields.add_field("keywords", self.tr("Keywords"), self.keywords_edit)
        self.record_fields.add_field("kind", self.tr("Achievement type"), self.kind_combo)
        self.record_fields.add_field("department", self.tr("Department"), self.department_combo)
        self.record_fields.add_field("funding_type", self.tr("Funding"), self.funding_type_combo)
        self.record_fields.add_field(
            "funding_ref", self.tr("Project number"), self.funding_ref_edit
        )
        self.funding_ref_label = self._row_label(self.record_fields, self.funding_ref_edit)
        QVBoxLayout(self.record_box).addWidget(self.record_fields)

    def _build_rights_box(self) -> None:
        """Who made it and what protects it: the completers and IP rights tables."""
        self.rights_box = QGroupBox(self.tr("Completers and intellectual property"), self)
        self.rights_box.setObjectName("rights_box")
        self.rights_fields = FieldForm(self.rights_box)
        self.rights_fields.setObjectName("rights_fields")
        self.completers_editor = QWidget(self)
        self.completers_editor.setObjectName("completers_editor")
        self.completers_table = QTableWidget(0, 3, self.completers_editor)
        self.completers_table.setObjectName("completers_table")
        self.completers_table.setHorizontalHeaderLabels(
            [self.tr("Completer"), self.tr("Role"), self.tr("Share (%)")]
        )
        self._table_look(self.completers_table, stretch=PERSON_COLUMN)
        self.add_completer_button = QPushButton(self.tr("Add completer"), self.completers_editor)
        self.add_completer_button.setObjectName("add_completer_button")
        self.remove_completer_button = QPushButton(self.tr("Remove"), self.completers_editor)
        self.remove_completer_button.setObjectName("remove_completer_button")
        self.share_total_label = QLabel(self.completers_editor)
        self.share_total_label.setObjectName("share_total_label")
        completer_buttons = QHBoxLayout()
        completer_buttons.addWidget(self.add_completer_button)
        completer_buttons.addWidget(self.remove_completer_button)
        completer_buttons.addStretch(1)
        completer_buttons.addWidget(self.share_total_label)
        completers_layout = QVBoxLayout(self.completers_editor)
        completers_layout.setContentsMargins(0, 0, 0, 0)
        completers_layout.addWidget(self.completers_table)
        completers_layout.addLayout(completer_buttons)

        self.ip_editor = QWidget(self)
        self.ip_editor.setObjectName("ip_editor")
        self.ip_table = QTableWidget(0, 4, self.ip_editor)
        self.ip_table.setObjectName("ip_table")
        self.ip_table.setHorizontalHeaderLabels(
            [
                self.tr("Registration number"),
                self.tr("Applied on"),
                self.tr("Granted on"),
                self.tr("Expires on"),
            ]
        )
        self._table_look(self.ip_table, stretch=NUMBER_COLUMN)
        for column in (APPLIED_COLUMN, GRANTED_COLUMN, EXPIRES_COLUMN):
            self.ip_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Fixed
            )
            self.ip_table.setColumnWidth(column, DATE_COLUMN_WIDTH)
        self.ip_table.setToolTip(
            self.tr("Dates as 2024-03-15; leave a date empty when there is none yet.")
        )
        self.add_ip_button = QPushButton(self.tr("Add IP right"), self.ip_editor)
        self.add_ip_button.setObjectName("add_ip_button")
        self.remove_ip_button = QPushButton(self.tr("Remove"), self.ip_editor)
        self.remove_ip_button.setObjectName("remove_ip_button")
        ip_buttons = QHBoxLayout()
        ip_buttons.addWidget(self.add_ip_button)
        ip_buttons.addWidget(self.remove_ip_button)
        ip_buttons.addStretch(1)
        ip_layout = QVBoxLayout(self.ip_editor)
        ip_layout.setContentsMargins(0, 0, 0, 0)
        ip_layout.addWidget(self.ip_table)
        ip_layout.addLayout(ip_buttons)
        self.rights_fields.add_field("completers", self.tr("Completers"), self.completers_editor)
        self.rights_fields.add_field("ip_rights", self.tr("IP rights"), self.ip_editor)
        QVBoxLayout(self.rights_box).addWidget(self.rights_fields)

    def _build_control_box(self, levels: Sequence[str]) -> None:
        """Secrecy and compliance: level and mark, negative list, ethics, overseas."""
        self.control_box = QGroupBox(self.tr("Secrecy and compliance"), self)
        self.control_box.setObjectName("control_box")
        self.control_fields = FieldForm(self.control_box)
        self.control_fields.setObjectName("control_fields")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level_combo")
        for code in levels:
            self.level_combo.addItem(labels.clearance(code), code)
        self.secrecy_mark_edit = QLineEdit(self)
        self.secrecy_mark_edit.setObjectName("secrecy_mark_edit")
        self.negative_list_check = QCheckBox(
            self.tr("On the negative list (measure 15)"), self.control_box
        )
        self.negative_list_check.setObjectName("negative_list_check")
        self.negative_list_reason_edit = QLineEdit(self)
        self.negative_list_reason_edit.setObjectName("negative_list_reason_edit")
        self.negative_list_reason_edit.setPlaceholderText(
            self.tr("For example: concerns national security")
        )
        self.ethics_status_combo = QComboBox(self)
        self.ethics_status_combo.setObjectName("ethics_status_combo")
        for code in ETHICS_STATUSES:
            self.ethics_status_combo.addItem(labels.ethics_status(code), code)
        self.ethics_approval_edit = QLineEdit(self)
        self.ethics_approval_edit.setObjectName("ethics_approval_edit")
        self.ethics_approved_on_edit = QLineEdit(self)
        self.ethics_approved_on_edit.setObjectName("ethics_approved_on_edit")
        self.ethics_approved_on_edit.setPlaceholderText(self.tr("For example 2026-01-05"))
        self.overseas_check = QCheckBox(
            self.tr("Concerns cooperation with or provision abroad"), self.control_box
        )
        self.overseas_check.setObjectName("overseas_check")
        self.control_fields.add_field("level", self.tr("Secrecy level"), self.level_combo)
        self.control_fields.add_field(
            "secrecy_mark", self.tr("Secrecy mark"), self.secrecy_mark_edit
        )
        self.control_fields.add_field(
            "negative_list", self.tr("Negative list"), self.negative_list_check
        )
        self.control_fields.add_field(
            "negative_list_reason", self.tr("Reason"), self.negative_list_reason_edit
        )
        self.control_fields.add_field(
            "ethics_status", self.tr("Ethics review"), self.ethics_status_combo
        )
        self.control_fields.add_field(
            "ethics_approval", self.tr("Approval number"), self.ethics_approval_edit
        )
        self.control_fields.add_field(
            "ethics_approved_on", self.tr("Approval date"), self.ethics_approved_on_edit
        )
        self.control_fields.add_field("overseas", self.tr("Overseas"), self.overseas_check)
        QVBoxLayout(self.control_box).addWidget(self.control_fields)

    def _build_read_only_views(self) -> None:
        """What ``set_read_only`` shows instead of the lists and the completers' cells; hidden
        while the form edits."""
        self._combo_views: list[tuple[QComboBox, QLineEdit]] = []
        self.kind_view = self._combo_view(self.kind_combo, "kind_view")
        self.department_view = self._combo_view(self.department_combo, "department_view")
        self.funding_type_view = self._combo_view(self.funding_type_combo, "funding_type_view")
        self.level_view = self._combo_view(self.level_combo, "level_view")
        self.ethics_status_view = self._combo_view(self.ethics_status_combo, "ethics_status_view")
        # One delegate per view: a delegate shared by two views confuses their editors.
        self.ip_read_only_delegate = ReadOnlyCellDelegate(self)
        self.ip_read_only_delegate.setObjectName("ip_read_only_delegate")
        self._ip_delegate: QAbstractItemDelegate = self.ip_table.itemDelegate()
        self.completers_view = QTableWidget(0, 3, self.completers_editor)
        self.completers_view.setObjectName("completers_view")
        self.completers_view.setHorizontalHeaderLabels(
            [self.tr("Completer"), self.tr("Role"), self.tr("Share (%)")]
        )
        self._table_look(self.completers_view, stretch=PERSON_COLUMN)
        self.completers_view.setItemDelegate(ReadOnlyCellDelegate(self.completers_view))
        self.completers_view.hide()
        column = self.completers_editor.layout()
        assert isinstance(column, QBoxLayout)
        column.insertWidget(column.indexOf(self.completers_table) + 1, self.completers_view)
        self._check_focus = {
            check: check.focusPolicy() for check in (self.negative_list_check, self.overseas_check)
        }
        for check in self._check_focus:
            check.installEventFilter(self)

    def _combo_view(self, combo: QComboBox, name: str) -> QLineEdit:
        """A read-only line beside ``combo`` in its field, for the read-only form."""
        view = QLineEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.hide()
        holder = combo.parentWidget()
        assert holder is not None
        column = holder.layout()
        assert isinstance(column, QBoxLayout)
        column.insertWidget(column.indexOf(combo) + 1, view)
        self._combo_views.append((combo, view))
        return view

    def _connect(self) -> None:
        self.title_edit.textEdited.connect(lambda _t: self._edited("title"))
        self.abstract_edit.textChanged.connect(lambda: self._edited("abstract"))
        self.keywords_edit.textEdited.connect(lambda _t: self._edited("keywords"))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._edited("ip_rights"))
        self.department_combo.currentIndexChanged.connect(lambda _i: self._edited(None))
        self.funding_type_combo.currentIndexChanged.connect(
            self._on_funding_type_combo_current_index_changed
        )
        self.funding_ref_edit.textEdited.connect(lambda _t: self._edited("funding"))
        self.add_completer_button.clicked.connect(self._on_add_completer_button_clicked)
        self.remove_completer_button.clicked.connect(self._on_remove_completer_button_clicked)
        self.add_ip_button.clicked.connect(self._on_add_ip_button_clicked)
        self.remove_ip_button.clicked.connect(self._on_remove_ip_button_clicked)
        self.ip_table.itemChanged.connect(lambda _item: self._edited("ip_rights"))
        self.completers_table.itemSelectionChanged.connect(self._update_buttons)
        self.ip_table.itemSelectionChanged.connect(self._update_buttons)
        self.level_combo.currentIndexChanged.connect(self._on_level_combo_current_index_changed)
        self.secrecy_mark_edit.textEdited.connect(lambda _t: self._edited("level"))
        self.negative_list_check.toggled.connect(self._on_negative_list_check_toggled)
        self.negative_list_reason_edit.textEdited.connect(lambda _t: self._edited("negative_list"))
        self.ethics_status_combo.currentIndexChanged.connect(
            self._on_ethics_status_combo_current_index_changed
        )
        self.ethics_approval_edit.textEdited.connect(lambda _t: self._edited("ethics"))
        self.ethics_approved_on_edit.textEdited.connect(lambda _t: self._edited("ethics"))
        self.overseas_check.toggled.connect(lambda _c: self._edited(None))
        self.live_timer.timeout.connect(self._on_live_timer_timeout)

    # -- value ----------------------------------------------------------------------------------
    def value(self) -> AchievementDraft:
        """The draft as typed; raises ``ValidationError`` at "completers" or "ip_rights" for a
        share, person or date that cannot be read at all (the rest is the domain's to judge)."""
        return AchievementDraft(**{name: read() for name, read in self._readers().items()})

    def set_value(self, draft: AchievementDraft) -> None:
        self._loading = True
        try:
            self.clear_errors()
            self.title_edit.setText(draft.title)
            self.abstract_edit.setPlainText(draft.abstract)
            self.keywords_edit.setText(self.tr(", ").join(draft.keywords))
            self._select(self.kind_combo, draft.kind)
            self._select(self.department_combo, draft.department_id)
            self._select(self.funding_type_combo, draft.funding_type)
            self.funding_ref_edit.setText(draft.funding_ref)
            self.completers_table.setRowCount(0)
            for c in draft.completers:
                self.add_completer_row(c.person_id, c.role, format_share(c.share))
            self.ip_table.setRowCount(0)
            for ip in draft.ip_rights:
                self.add_ip_row(ip.number, ip.applied_on, ip.granted_on, ip.expires_on)
            self._select(self.level_combo, draft.level)
            self.secrecy_mark_edit.setText(draft.secrecy_mark)
            self.negative_list_check.setChecked(draft.negative_list)
            self.negative_list_reason_edit.setText(draft.negative_list_reason)
            self._select(self.ethics_status_combo, draft.ethics_status)
            self.ethics_approval_edit.setText(draft.ethics_approval)
            self.ethics_approved_on_edit.setText(
                format_cn_date(date.fromisoformat(draft.ethics_approved_on))
                if draft.ethics_approved_on
                else ""
            )
            self.overseas_check.setChecked(draft.overseas)
        finally:
            self._loading = False
        self._pending.clear()
        self.live_timer.stop()
        self._update_dependent_rows()
        self._update_total()
        self._update_buttons()
        self._refresh_read_only_views()
        self._baseline = self._state()

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Show the record without letting it change (see the module's docstring)."""
        self._read_only = read_only
        for edit in (
            self.title_edit,
            self.keywords_edit,
            self.funding_ref_edit,
            self.secrecy_mark_edit,
            self.negative_list_reason_edit,
            self.ethics_approval_edit,
            self.ethics_approved_on_edit,
        ):
            edit.setReadOnly(read_only)
        self.abstract_edit.setReadOnly(read_only)
        for combo, view in self._combo_views:
            combo.setVisible(not read_only)
            view.setVisible(read_only)
        for check, policy in self._check_focus.items():
            check.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else policy)
        self.completers_table.setVisible(not read_only)
        self.completers_view.setVisible(read_only)
        for button in (
            self.add_completer_button,
            self.remove_completer_button,
            self.add_ip_button,
            self.remove_ip_button,
        ):
            button.setVisible(not read_only)
        self.ip_table.setItemDelegate(
            self.ip_read_only_delegate if read_only else self._ip_delegate
        )
        if read_only:
            self.live_timer.stop()
            self._pending.clear()
            self.clear_errors()
        self._refresh_read_only_views()

    @property
    def modified(self) -> bool:
        """Whether anything differs from the last ``set_value`` (or the empty form)."""
        return self._state() != self._baseline

    def mark_saved(self) -> None:
        self._baseline = self._state()

    # -- errors ---------------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` at ``field``; False when the form has no such field."""
        return any(form.show_error(field, message) for form in self._forms)

    def clear_errors(self) -> None:
        for form in self._forms:
            form.clear_errors()

    def error_text(self, field: str) -> str:
        return next((t for form in self._forms if (t := form.error_text(field))), "")

    # -- the completers table -------------------------------------------------------------------
    def add_completer_row(
        self, person_id: int | None = None, role: str = "member", share: str = ""
    ) -> int:
        table = self.completers_table
        row = table.rowCount()
        table.insertRow(row)
        person = QComboBox(table)
        person.setObjectName("completer_person_combo")
        person.setEditable(True)
        person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        person.addItem("", None)
        for pid, text in self._choices:
            person.addItem(text, pid)
        if person_id is not None and person.findData(person_id) < 0:
            # Someone who has left still shows on the records they completed.
            text = self._people_labels.get(person_id, f"#{person_id}")
            person.addItem(text, person_id)
        person.setCurrentIndex(max(0, person.findData(person_id)) if person_id is not None else 0)
        completer = QCompleter(person.model(), person)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        person.setCompleter(completer)
        person_line = person.lineEdit()
        assert person_line is not None
        person_line.setPlaceholderText(self.tr("Type a name"))
        role_combo = QComboBox(table)
        role_combo.setObjectName("completer_role_combo")
        for code in COMPLETER_ROLES:
            role_combo.addItem(labels.completer_role(code), code)
        self._select(role_combo, role)
        share_edit = QLineEdit(share, table)
        share_edit.setObjectName("completer_share_edit")
        share_edit.setPlaceholderText(self.tr("e.g. 50"))
        share_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setCellWidget(row, PERSON_COLUMN, person)
        table.setCellWidget(row, ROLE_COLUMN, role_combo)
        table.setCellWidget(row, SHARE_COLUMN, share_edit)
        person.currentTextChanged.connect(lambda _t: self._edited("completers"))
        role_combo.currentIndexChanged.connect(lambda _i: self._edited("completers"))
        share_edit.textChanged.connect(self._on_share_edit_text_changed)
        for widget in (person, person_line, role_combo, share_edit):
            widget.installEventFilter(self)
        self._update_buttons()
        return row

    def completer_widgets(self, row: int) -> tuple[QComboBox, QComboBox, QLineEdit]:
        table = self.completers_table
        person = table.cellWidget(row, PERSON_COLUMN)
        role = table.cellWidget(row, ROLE_COLUMN)
        share = table.cellWidget(row, SHARE_COLUMN)
        assert isinstance(person, QComboBox)
        assert isinstance(role, QComboBox)
        assert isinstance(share, QLineEdit)
        return person, role, share

    def set_completer(self, row: int, person_id: int, role: str, share: str) -> None:
        """Fill one row as a user would (for tests and for callers that know the person)."""
        person, role_combo, share_edit = self.completer_widgets(row)
        self._select(person, person_id)
        self._select(role_combo, role)
        share_edit.setText(share)

    @property
    def share_total(self) -> Decimal | None:
        """The shares typed so far, added up; None while one cannot be read."""
        total = Decimal(0)
        for row in range(self.completers_table.rowCount()):
            text = self.completer_widgets(row)[2].text()
            if not text.strip():
                continue
            try:
                share = parse_share(text)
            except ValidationError:
                return None
            if not share.is_finite():
                return None
            total += share
        return total

    @property
    def share_total_ok(self) -> bool:
        return self.share_total == HUNDRED

    # -- the IP rights table --------------------------------------------------------------------
    def add_ip_row(
        self,
        number: str = "",
        applied_on: str | None = None,
        granted_on: str | None = None,
        expires_on: str | None = None,
    ) -> int:
        table = self.ip_table
        row = table.rowCount()
        was_loading, self._loading = self._loading, True
        try:
            table.insertRow(row)
            for column, text in enumerate((number, applied_on, granted_on, expires_on)):
                item = QTableWidgetItem(text or "")
                if column != NUMBER_COLUMN:
                    item.setToolTip(self.tr("For example 2024-03-15"))
                table.setItem(row, column, item)
        finally:
            self._loading = was_loading
        self._update_buttons()
        return row

    def set_ip_cell(self, row: int, column: int, text: str) -> None:
        item = self.ip_table.item(row, column)
        assert item is not None
        item.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            self._read_only
            and event.type() in _INPUT_EVENTS
            and any(watched is check for check in self._check_focus)
        ):
            return True  # a read-only check box does not toggle
        # Typing in a completer's cell makes its row the current one, for "Remove".
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            table = self.completers_table
            for row in range(table.rowCount()):
                for column, cell in enumerate(self.completer_widgets(row)):
                    if cell is watched or cell.isAncestorOf(watched):
                        table.setCurrentCell(row, column)
                        return False
        return super().eventFilter(watched, event)

    # -- slots ----------------------------------------------------------------------------------
    def _on_add_completer_button_clicked(self) -> None:
        row = self.add_completer_row()
        self.completers_table.setCurrentCell(row, PERSON_COLUMN)
        self.completer_widgets(row)[0].setFocus()
        self._edited(None)

    def _on_remove_completer_button_clicked(self) -> None:
        row = self.completers_table.currentRow()
        if row < 0:
            return
        self.completers_table.removeRow(row)
        self._update_total()
        self._update_buttons()
        self._edited("completers")

    def _on_add_ip_button_clicked(self) -> None:
        row = self.add_ip_row()
        self.ip_table.setCurrentCell(row, NUMBER_COLUMN)
        item = self.ip_table.item(row, NUMBER_COLUMN)
        if item is not None:
            self.ip_table.editItem(item)
        self._edited(None)

    def _on_remove_ip_button_clicked(self) -> None:
        row = self.ip_table.currentRow()
        if row < 0:
            return
        self.ip_table.removeRow(row)
        self._update_buttons()
        self._edited("ip_rights")

    def _on_share_edit_text_changed(self, _text: str) -> None:
        self._update_total()
        self._edited("completers")

    def _on_funding_type_combo_current_index_changed(self, _index: int) -> None:
        self._update_dependent_rows()
        self._edited("funding")

    def _on_level_combo_current_index_changed(self, _index: int) -> None:
        self._update_dependent_rows()
        self._edited("level")

    def _on_negative_list_check_toggled(self, _checked: bool) -> None:
        self._update_dependent_rows()
        self._edited("negative_list")

    def _on_ethics_status_combo_current_index_changed(self, _index: int) -> None:
        self._update_dependent_rows()
        self._edited("ethics")

    def _on_live_timer_timeout(self) -> None:
        groups, self._pending = self._pending, set()
        for group in sorted(groups):
            self._check_group(group)

    # -- internals ------------------------------------------------------------------------------
    def _readers(self) -> dict[str, Callable[[], Any]]:
        classified = self._classified()
        negative = self.negative_list_check.isChecked()
        ethics = self.ethics_status_combo.currentData()
        return {
            "title": self.title_edit.text,
            "abstract": self.abstract_edit.toPlainText,
            "keywords": lambda: split_keywords(self.keywords_edit.text()),
            "kind": lambda: str(self.kind_combo.currentData()),
            "department_id": self.department_combo.currentData,
            "funding_type": lambda: str(self.funding_type_combo.currentData()),
            "funding_ref": lambda: "" if self._self_funded() else self.funding_ref_edit.text(),
            "completers": self._read_completers,
            "ip_rights": self._read_ip_rights,
            "level": lambda: str(self.level_combo.currentData()),
            # Hidden fields give nothing: what they still hold comes back if shown again.
            "secrecy_mark": lambda: self.secrecy_mark_edit.text() if classified else "",
            "negative_list": lambda: negative,
            "negative_list_reason": lambda: (
                self.negative_list_reason_edit.text() if negative else ""
            ),
            "ethics_status": lambda: str(ethics),
            "ethics_approval": lambda: (
                "" if ethics == "not_needed" else self.ethics_approval_edit.text()
            ),
            "ethics_approved_on": lambda: (
                self._read_ethics_date() if ethics == "approved" else None
            ),
            "overseas": self.overseas_check.isChecked,
        }

    def _read_ethics_date(self) -> str | None:
        try:
            return parse_date(self.ethics_approved_on_edit.text())
        except ValueError:
            raise ValidationError(
                "ethics_approved_on", self.tr("Type the approval date as 2026-01-05.")
            ) from None

    def _read_completers(self) -> tuple[Completer, ...]:
        completers = []
        for row in range(self.completers_table.rowCount()):
            person, role, share_edit = self.completer_widgets(row)
            share_text = share_edit.text()
            if not person.currentText().strip() and not share_text.strip():
                continue  # an empty row added by mistake
            person_id = self._person_id(person)
            if person_id is None:
                raise ValidationError("completers", self._no_person_message(row, person))
            if not share_text.strip():
                raise ValidationError(
                    "completers",
                    self.tr("Row %1: enter the contribution share.").replace("%1", str(row + 1)),
                )
            completers.append(
                Completer(person_id, str(role.currentData()), parse_share(share_text))
            )
        return tuple(completers)

    def _read_ip_rights(self) -> tuple[IpRight, ...]:
        rights = []
        headers = (self.tr("application date"), self.tr("grant date"), self.tr("expiry date"))
        for row in range(self.ip_table.rowCount()):
            texts = [self._ip_text(row, column) for column in range(4)]
            if not any(t.strip() for t in texts):
                continue
            number = texts[NUMBER_COLUMN].strip()
            if not number:
                raise ValidationError(
                    "ip_rights",
                    self.tr("Row %1: enter the registration number.").replace("%1", str(row + 1)),
                )
            dates: list[str | None] = []
            for header, text in zip(headers, texts[1:], strict=True):
                try:
                    dates.append(parse_date(text))
                except ValueError:
                    raise ValidationError(
                        "ip_rights",
                        self.tr("Row %1: the %2 “%3” is not a date (for example 2024-03-15).")
                        .replace("%1", str(row + 1))
                        .replace("%2", header)
                        .replace("%3", text.strip()),
                    ) from None
            rights.append(IpRight(number, *dates))
        return tuple(rights)

    def _ip_text(self, row: int, column: int) -> str:
        item = self.ip_table.item(row, column)
        return item.text() if item is not None else ""

    def _person_id(self, combo: QComboBox) -> int | None:
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text)
        if index >= 0 and combo.itemData(index) is not None:
            return int(combo.itemData(index))
        return self._unique_names.get(text)

    def _no_person_message(self, row: int, combo: QComboBox) -> str:
        text = combo.currentText().strip()
        if not text:
            return self.tr("Row %1: choose the completer.").replace("%1", str(row + 1))
        return (
            self.tr("Row %1: “%2” is not in the people register; choose a person from the list.")
            .replace("%1", str(row + 1))
            .replace("%2", text)
        )

    def _edited(self, group: str | None) -> None:
        if self._loading:
            return
        if group is not None:
            self._pending.add(group)
            self.live_timer.start()
        self.changed.emit()

    def _check_group(self, group: str) -> None:
        attributes, fields = _GROUPS[group]
        readers = self._readers()
        try:
            probe = replace(_BASELINE, **{name: readers[name]() for name in attributes})
            validate_achievement(probe)
        except ValidationError as error:
            for field in fields:
                if field != error.field:
                    self._clear_field(field)
            if error.field in fields:
                self._show_quietly(error.field, error.message)
            return
        for field in fields:
            self._clear_field(field)

    def _show_quietly(self, field: str, message: str) -> None:
        """Show an error while the user types: the focus stays where they are typing."""
        focused = QApplication.focusWidget()
        self.show_error(field, message)
        if focused is not None:
            focused.setFocus()

    def _clear_field(self, field: str) -> None:
        for form in self._forms:
            form.clear_error(field)

    def _classified(self) -> bool:
        level = self.level_combo.currentData()
        return level in CLEARANCES and CLEARANCES.index(level) > CLEARANCES.index("internal")

    def _self_funded(self) -> bool:
        return self.funding_type_combo.currentData() == "self"

    def _update_dependent_rows(self) -> None:
        funding = self.funding_type_combo.currentData()
        self.funding_ref_label.setText(
            self.tr("Contract number") if funding == "horizontal" else self.tr("Project number")
        )
        self._set_row_visible(self.record_fields, self.funding_ref_edit, not self._self_funded())
        self._set_row_visible(self.control_fields, self.secrecy_mark_edit, self._classified())
        level = self.level_combo.currentData()
        self.secrecy_mark_edit.setPlaceholderText(
            self.tr("For example: %1★10 years").replace("%1", labels.clearance(str(level)))
        )
        self._set_row_visible(
            self.control_fields,
            self.negative_list_reason_edit,
            self.negative_list_check.isChecked(),
        )
        self._set_row_visible(
            self.control_fields,
            self.ethics_approval_edit,
            self.ethics_status_combo.currentData() != "not_needed",
        )
        self._set_row_visible(
            self.control_fields,
            self.ethics_approved_on_edit,
            self.ethics_status_combo.currentData() == "approved",
        )

    def _update_total(self) -> None:
        total = self.share_total
        text = "—" if total is None else f"{total.quantize(SHARE_PLACES):f}"
        self.share_total_label.setText(self.tr("Total %1%").replace("%1", text))
        self.share_total_label.setStyleSheet(
            "font-weight: bold;"
            if total == HUNDRED
            else f"font-weight: bold; color: {ERROR_COLOUR};"
        )

    def _refresh_read_only_views(self) -> None:
        """Put what the lists and the completers' cells hold into their read-only views."""
        if not self._read_only:
            return
        for combo, view in self._combo_views:
            view.setText(combo.currentText())
            view.setCursorPosition(0)
        table = self.completers_view
        table.setRowCount(0)
        for row in range(self.completers_table.rowCount()):
            person, role, share = self.completer_widgets(row)
            if not person.currentText().strip() and not share.text().strip():
                continue  # an empty row, as value() skips it
            at = table.rowCount()
            table.insertRow(at)
            for column, text in enumerate((person.currentText(), role.currentText(), share.text())):
                item = QTableWidgetItem(text)
                if column == SHARE_COLUMN:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(at, column, item)

    def _update_buttons(self) -> None:
        self.remove_completer_button.setEnabled(self.completers_table.currentRow() >= 0)
        self.remove_ip_button.setEnabled(self.ip_table.currentRow() >= 0)

    def _state(self) -> tuple[object, ...]:
        completers = tuple(
            (w[0].currentText(), w[1].currentData(), w[2].text())
            for w in map(self.completer_widgets, range(self.completers_table.rowCount()))
        )
        ip_rights = tuple(
            tuple(self._ip_text(row, column) for column in range(4))
            for row in range(self.ip_table.rowCount())
        )
        return (
            self.title_edit.text(),
            self.abstract_edit.toPlainText(),
            self.keywords_edit.text(),
            self.kind_combo.currentData(),
            self.department_combo.currentData(),
            self.funding_type_combo.currentData(),
            self.funding_ref_edit.text(),
            completers,
            ip_rights,
            self.level_combo.currentData(),
            self.secrecy_mark_edit.text(),
            self.negative_list_check.isChecked(),
            self.negative_list_reason_edit.text(),
            self.ethics_status_combo.currentData(),
            self.ethics_approval_edit.text(),
            self.ethics_approved_on_edit.text(),
            self.overseas_check.isChecked(),
        )

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

    @staticmethod
    def _table_look(table: QTableWidget, *, stretch: int) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(120)
