"""The register of researchers and staff (人员名册): the list, its search, and marking a person
as having left.

Nobody is deleted: records refer to people, so a person who leaves is marked as left (with a
reason, which goes into the audit log) and can be marked back in post.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.people import Person, PersonDraft, mask_id_number
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.forms.person_form import PersonForm
from desktop.ui.models.paged_table_model import PAGE_SIZE, Column, PagedTableModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog, SaveDialog

SEARCH_DELAY_MS = 250
NAME_COLUMN = 0


class PersonDialog(SaveDialog):
    """Adds or edits a person. It closes only after the service has saved; when saving fails,
    what was typed stays and the message appears at its field."""

    saved = Signal(int)  # the person's id

    def __init__(
        self,
        service: PeopleService,
        runner: TaskRunner,
        actor: User,
        departments: list[tuple[int, str]],
        person: Person | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("person_dialog")
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self._service = service
        self._actor = actor
        self._person = person
        self.form = PersonForm(departments, self)
        self.form.setObjectName("form")
        if person is not None:
            self.form.set_value(person)  # the full identity number: only lists mask it
        self._finish_layout(self.form)
        self.resize(520, self.sizeHint().height())

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def _job(self) -> Callable[[], int]:
        draft: PersonDraft = self.form.value()
        service, actor, person = self._service, self._actor, self._person

        def job() -> int:
            if person is None:
                return service.add(actor, draft)
            service.update(actor, person.id, draft)
            return person.id

        return job

    def _succeeded(self, person_id: int) -> None:
        self.saved.emit(person_id)


class LeaveDialog(ReasonDialog):
    """Marks a person as having left the unit, after the user has given a reason."""

    saved = Signal(int)  # the person's id

    def __init__(
        self,
        service: PeopleService,
        runner: TaskRunner,
        actor: User,
        person: Person,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("leave_dialog")
        self.setWindowTitle(self.tr("Mark as left"))
        self._service = service
        self._actor = actor
        self._person = person
        self.question_label = self._question(
            self.tr(
                "Mark “%1” as having left the unit? The person stays in the register and in "
                "every record that names them, but is no longer offered for new records."
            ).replace("%1", person.name)
        )
        self.reason_edit = self._reason(
            self.tr("Reason for leaving"), self.tr("e.g. transferred, retired")
        )
        self.confirm_button.setText(self.tr("Mark as left"))
        self._finish_layout(self.question_label, self.fields)
        self.resize(460, self.sizeHint().height())

    def _job(self) -> Callable[[], object]:
        service, actor, person_id = self._service, self._actor, self._person.id
        reason = self.reason_edit.text()
        return lambda: service.set_left(actor, person_id, True, reason)

    def _succeeded(self, _result: object) -> None:
        self.saved.emit(self._person.id)


class PeoplePage(QWidget):
    def __init__(
        self,
        service: PeopleService,
        units: UnitService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self._service = service
        self._units = units
        self._runner = runner
        self._actor = actor
        self._can_edit = allowed(actor, "person.edit")
        self._search = ""
        self._active_only = False
        self._opening = False
        self._select_after_reload: int | None = None
        self.dialog: PersonDialog | None = None
        self.leave_dialog: LeaveDialog | None = None

        columns: list[Column[Person]] = [
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Department"), lambda p: p.department),
            Column(self.tr("Title"), lambda p: p.title),
            Column(self.tr("Leadership post"), lambda p: labels.leader_type(p.leader_type)),
            Column(self.tr("Identity card number"), lambda p: mask_id_number(p.id_number)),
            Column(self.tr("Contact"), lambda p: p.contact),
            Column(self.tr("Status"), self._status_text),
        ]
        self.model: PagedTableModel[Person] = PagedTableModel(
            columns,
            lambda: service.count(actor, self._search, active_only=self._active_only),
            lambda o, n: service.page(actor, o, n, self._search, active_only=self._active_only),
            self,
        )

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Search name, department, title, contact or identity card number")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.active_only_check = QCheckBox(self.tr("Only people in post"), self)
        self.active_only_check.setObjectName("active_only_check")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")

        self.add_button = QPushButton(self.tr("New person…"), self)
        self.add_button.setObjectName("add_button")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        self.leave_button = QPushButton(self.tr("Mark as left…"), self)
        self.leave_button.setObjectName("leave_button")
        self.return_button = QPushButton(self.tr("Back in post"), self)
        self.return_button.setObjectName("return_button")
        for button in (self.add_button, self.edit_button, self.leave_button, self.return_button):
            button.setVisible(self._can_edit)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths, not ResizeToContents: that would read every row of a lazy model.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 140, 110, 110, 170, 170)):
            self.table.setColumnWidth(column, width)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.active_only_check)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.leave_button, self.return_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.active_only_check.toggled.connect(self._on_active_only_check_toggled)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.leave_button.clicked.connect(self._on_leave_button_clicked)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self._update_buttons()

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the list for what is typed and ticked now."""
        self.search_timer.stop()
        self._reload_list()

    def selected_person(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_person(self, person_id: int) -> bool:
        """Select the person among the first rows of the list; False when not there."""
        for row in range(min(self.model.rowCount(), PAGE_SIZE)):
            if self.model.row(row).id == person_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, NAME_COLUMN))
                return True
        return False

    def open_dialog(
        self, person: Person | None, departments: list[tuple[int, str]] | None = None
    ) -> PersonDialog:
        """Open the dialog for a new person (None) or for ``person``.

        The buttons read the departments through the runner first and pass them in; without
        them (callers that need the dialog at once) they are read here.
        """
        if departments is None:
            departments = self._units.departments(self._actor)
        dialog = PersonDialog(self._service, self._runner, self._actor, departments, person, self)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_leave_dialog(self, person: Person) -> LeaveDialog:
        dialog = LeaveDialog(self._service, self._runner, self._actor, person, self)
        dialog.saved.connect(self._on_leave_dialog_saved)
        dialog.finished.connect(self._on_leave_dialog_finished)
        self.leave_dialog = dialog
        dialog.open()
        return dialog

    # -- slots ------------------------------------------------------------------------------
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._reload_list()

    def _on_active_only_check_toggled(self, _checked: bool) -> None:
        self.reload()

    def _on_add_button_clicked(self) -> None:
        self._open(None)

    def _on_edit_button_clicked(self) -> None:
        person = self.selected_person()
        if person is not None:
            self._open(person)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    def _on_leave_button_clicked(self) -> None:
        person = self.selected_person()
        if (
            person is not None
            and person.active
            and self._can_edit
            and self.leave_dialog is None
            and self.dialog is None
        ):
            self.open_leave_dialog(person)

    def _on_return_button_clicked(self) -> None:
        person = self.selected_person()
        if person is None or person.active or not self._can_edit:
            return
        person_id = person.id
        actor = self._actor
        self.return_button.setEnabled(False)  # one click, one request
        self._runner.run(
            lambda: self._service.set_left(actor, person_id, False),
            lambda _r: self._on_person_changed(person_id),
            self._on_action_failed,
        )

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self._update_buttons()

    def _on_departments_loaded(
        self, person: Person | None, departments: list[tuple[int, str]]
    ) -> None:
        self._opening = False
        self.open_dialog(person, departments)

    def _on_open_failed(self, error: AppError) -> None:
        self._opening = False
        show_error(self, error)

    def _on_dialog_saved(self, person_id: int) -> None:
        self._on_person_changed(person_id)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_leave_dialog_saved(self, person_id: int) -> None:
        self._on_person_changed(person_id)

    def _on_leave_dialog_finished(self, _result: int) -> None:
        self.leave_dialog = None

    def _on_person_changed(self, person_id: int) -> None:
        self._select_after_reload = person_id
        self.reload()

    def _on_action_failed(self, error: AppError) -> None:
        self._update_buttons()
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _open(self, person: Person | None) -> None:
        if self._opening or self.dialog is not None or not self._can_edit:
            return
        self._opening = True
        actor = self._actor
        self._runner.run(
            lambda: self._units.departments(actor),
            lambda departments: self._on_departments_loaded(person, departments),
            self._on_open_failed,
        )

    def _reload_list(self) -> None:
        self._search = self.search_edit.text().strip()
        self._active_only = self.active_only_check.isChecked()
        self.model.reload()
        count = self.model.rowCount()
        narrowed = bool(self._search) or self._active_only
        text = self.tr("%1 people found") if narrowed else self.tr("%1 people")
        self.count_label.setText(text.replace("%1", str(count)))
        wanted, self._select_after_reload = self._select_after_reload, None
        if wanted is not None:
            self.select_person(wanted)
        self._update_buttons()

    def _status_text(self, person: Person) -> str:
        return self.tr("In post") if person.active else self.tr("Left")

    def _update_buttons(self) -> None:
        person = self.selected_person()
        self.edit_button.setEnabled(person is not None)
        self.leave_button.setEnabled(person is not None and person.active)
        self.return_button.setEnabled(person is not None and not person.active)
