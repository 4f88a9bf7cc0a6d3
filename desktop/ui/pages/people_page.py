"""The register of researchers and staff."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.people import Person, PersonDraft
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.forms.person_form import PersonForm
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner


class PersonDialog(QDialog):
    """Edits a person; ``accept`` only after the service has saved."""

    def __init__(
        self,
        service: PeopleService,
        runner: TaskRunner,
        actor: User,
        departments: list[tuple[int, str]],
        person: Person | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_dialog")
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self._service = service
        self._runner = runner
        self._actor = actor
        self._person = person
        self.form = PersonForm(departments, self)
        if person is not None:
            self.form.set_value(person)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        self.form.fields.clear_errors()
        draft: PersonDraft = self.form.value()
        person = self._person

        def job() -> None:
            if person is None:
                self._service.add(self._actor, draft)
            else:
                self._service.update(self._actor, person.id, draft)

        self._runner.run(job, lambda _r: self.accept(), self._on_error)

    def _on_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError) and self.form.show_error(error):
            return
        show_error(self, error)


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
        columns: list[Column[Person]] = [
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Department"), lambda p: p.department),
            Column(self.tr("Title"), lambda p: p.title),
            Column(self.tr("Leadership post"), lambda p: labels.leader_type(p.leader_type)),
        ]
        self.model: PagedTableModel[Person] = PagedTableModel(
            columns, lambda: service.count(actor), lambda o, n: service.page(actor, o, n), self
        )
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("New person…"), self)
        self.add_button.setObjectName("add_button")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        can_edit = allowed(actor, "person.edit")
        self.add_button.setVisible(can_edit)
        self.edit_button.setVisible(can_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.doubleClicked.connect(lambda _i: self._on_edit_button_clicked())

    def reload(self) -> None:
        self.model.reload()

    def open_dialog(self, person: Person | None) -> PersonDialog:
        dialog = PersonDialog(
            self._service,
            self._runner,
            self._actor,
            self._units.departments(self._actor),
            person,
            self,
        )
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def _on_edit_button_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and allowed(self._actor, "person.edit"):
            self.open_dialog(self.model.row(rows[0].row()))
