"""Edits a new user account: login, name, roles and clearance. Never calls a service."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import CLEARANCES, ROLES, UserDraft
from desktop.domain.permissions import CREATE_CLEARANCE_CEILING, level_rank
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

ADMIN_ROLE_ORDER = ("system_admin", "secrecy_admin", "security_auditor")
BUSINESS_ROLE_ORDER = tuple(r for r in ROLES if r not in ADMIN_ROLE_ORDER)


def creatable_clearances() -> tuple[str, ...]:
    """What the system administrator may give at creation (公开, 内部)."""
    return CLEARANCES[: level_rank(CREATE_CLEARANCE_CEILING) + 1]


class RoleChooser(QWidget):
    """One checkbox per role: the three administrators first, then the business roles.

    The checkboxes are ``checks[role]`` with object names ``<role>_check``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("role_chooser")
        self.checks: dict[str, QCheckBox] = {}
        self.admin_box = QGroupBox(self.tr("Administrators"), self)
        self.admin_box.setObjectName("admin_box")
        admin_layout = QVBoxLayout(self.admin_box)
        self.admin_note = QLabel(
            self.tr(
                "The system administrator, the secrecy administrator and the security auditor "
                "must be three different people: an account holds at most one of them."
            ),
            self.admin_box,
        )
        self.admin_note.setObjectName("admin_note")
        self.admin_note.setWordWrap(True)
        admin_layout.addWidget(self.admin_note)
        for role in ADMIN_ROLE_ORDER:
            admin_layout.addWidget(self._check(role, self.admin_box))
        self.business_box = QGroupBox(self.tr("Business roles"), self)
        self.business_box.setObjectName("business_box")
        business_layout = QVBoxLayout(self.business_box)
        for role in BUSINESS_ROLE_ORDER:
            business_layout.addWidget(self._check(role, self.business_box))
        self.single_role_note = QLabel(self.tr("Your unit allows only one role per account."), self)
        self.single_role_note.setObjectName("single_role_note")
        self.single_role_note.setWordWrap(True)
        self.single_role_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.business_box)
        layout.addWidget(self.single_role_note)

    def _check(self, role: str, parent: QWidget) -> QCheckBox:
        check = QCheckBox(labels.role(role), parent)
        check.setObjectName(f"{role}_check")
        self.checks[role] = check
        return check

    def set_several_roles_allowed(self, allowed: bool) -> None:
        self.single_role_note.setVisible(not allowed)

    def roles(self) -> tuple[str, ...]:
        """The checked roles in ROLES order."""
        return tuple(r for r in ROLES if self.checks[r].isChecked())

    def set_roles(self, roles: Sequence[str]) -> None:
        for role, check in self.checks.items():
            check.setChecked(role in roles)


class AccountForm(QWidget):
    """Login, display name, roles and clearance; ``value()`` gives the ``UserDraft``.

    ``clearances``: the levels offered (by default what the system administrator may give)."""

    def __init__(
        self, clearances: Sequence[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("account_form")
        self.fields = FieldForm(self)
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login_edit")
        self.login_edit.setMaxLength(32)
        self.login_edit.setPlaceholderText(self.tr("e.g. zhang.san"))
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("display_name_edit")
        self.display_name_edit.setMaxLength(50)
        self.role_chooser = RoleChooser(self)
        self.clearance_combo = QComboBox(self)
        self.clearance_combo.setObjectName("clearance_combo")
        for code in clearances if clearances is not None else creatable_clearances():
            self.clearance_combo.addItem(labels.clearance(code), code)
        self.clearance_note = QLabel(
            self.tr(
                "Clearances above Internal are set by the secrecy administrator once the "
                "account exists."
            ),
            self,
        )
        self.clearance_note.setObjectName("clearance_note")
        clearance_holder = QWidget(self)
        clearance_column = QVBoxLayout(clearance_holder)
        clearance_column.setContentsMargins(0, 0, 0, 0)
        clearance_column.addWidget(self.clearance_combo)
        clearance_column.addWidget(self.clearance_note)
        self.fields.add_field("login", self.tr("Login name"), self.login_edit)
        self.fields.add_field("display_name", self.tr("Name"), self.display_name_edit)
        self.fields.add_field("roles", self.tr("Roles"), self.role_chooser)
        self.fields.add_field("clearance", self.tr("Clearance"), clearance_holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)

    def value(self) -> UserDraft:
        return UserDraft(
            login=self.login_edit.text(),
            display_name=self.display_name_edit.text(),
            roles=self.role_chooser.roles(),
            clearance=str(self.clearance_combo.currentData()),
        )

    def set_value(self, draft: UserDraft) -> None:
        self.login_edit.setText(draft.login)
        self.display_name_edit.setText(draft.display_name)
        self.role_chooser.set_roles(draft.roles)
        self.clearance_combo.setCurrentIndex(max(0, self.clearance_combo.findData(draft.clearance)))

    def set_several_roles_allowed(self, allowed: bool) -> None:
        self.role_chooser.set_several_roles_allowed(allowed)

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` at ``field`` (login, display_name, roles, clearance); False when
        the form has no such field."""
        return self.fields.show_error(field, message)

    def clear_errors(self) -> None:
        self.fields.clear_errors()

    def error_text(self, field: str) -> str:
        return self.fields.error_text(field)
