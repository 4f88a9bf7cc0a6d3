"""What an unlocked user sees: the navigation list and the module pages."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from desktop.domain.accounts import User
from desktop.domain.permissions import allowed
from desktop.services.bundle import Services, local_now
from desktop.ui.pages.accounts_page import AccountsPage
from desktop.ui.pages.achievements_page import AchievementsPage
from desktop.ui.pages.approvals_page import ApprovalsPage
from desktop.ui.pages.audit_page import AuditPage
from desktop.ui.pages.confidentiality_page import ConfidentialityPage
from desktop.ui.pages.counterparties_page import CounterpartiesPage
from desktop.ui.pages.decisions_page import DecisionsPage
from desktop.ui.pages.filings_page import FilingsPage
from desktop.ui.pages.grants_page import GrantsPage
from desktop.ui.pages.ledger_page import LedgerPage
from desktop.ui.pages.people_page import PeoplePage
from desktop.ui.pages.pool_page import PoolPage
from desktop.ui.pages.rewards_page import RewardsPage
from desktop.ui.pages.settings_page import SettingsPage
from desktop.ui.pages.todo_page import TodoPage
from desktop.ui.pages.transformations_page import TransformationsPage
from desktop.ui.pages.unit_page import UnitPage
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner


class Page(Protocol):
    def reload(self) -> None: ...


class Workspace(QWidget):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        prefs: Preferences,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stack")
        # A page appears only for users whose roles may read it; the services check again.
        self.unit_page = UnitPage(services.unit, runner, actor, self)
        self.people_page = PeoplePage(services.people, services.unit, runner, actor, self)
        self.achievements_page = (
            AchievementsPage(
                services.achievements,
                services.people,
                services.unit,
                runner,
                actor,
                self,
                files=services.achievement_files,
            )
            if allowed(actor, "achievement.read")
            else None
        )
        self.pool_page = (
            PoolPage(services.pool, services.documents, runner, actor, self)
            if allowed(actor, "pool.read")
            else None
        )
        today = lambda: local_now().date()  # noqa: E731 (the services' clock, for the pages)
        self.grants_page = (
            GrantsPage(services, runner, actor, self, today=today)
            if allowed(actor, "grant.read")
            else None
        )
        self.transformations_page = (
            TransformationsPage(services, runner, actor, self, today=today)
            if allowed(actor, "transformation.read")
            else None
        )
        self.ledger_page = (
            LedgerPage(services, runner, actor, self, today=today)
            if allowed(actor, "transformation.read")
            else None
        )
        self.rewards_page = (
            RewardsPage(services, runner, actor, self, today=today)
            if allowed(actor, "reward.read")
            else None
        )
        self.counterparties_page = (
            CounterpartiesPage(services, runner, actor, self)
            if allowed(actor, "counterparty.read")
            else None
        )
        self.confidentiality_page = (
            ConfidentialityPage(services, runner, actor, self, today=today)
            if allowed(actor, "confidentiality.read")
            else None
        )
        self.filings_page = (
            FilingsPage(services, runner, actor, self, today=today)
            if allowed(actor, "filing.read")
            else None
        )
        # Shown to whoever may read grants or agreements: the list is theirs.
        self.todo_page = (
            TodoPage(services.todo, runner, actor, self)
            if any(
                allowed(actor, a)
                for a in ("grant.read", "confidentiality.read", "transformation.read")
            )
            else None
        )
        self.decisions_page = (
            DecisionsPage(services.decisions, runner, actor, self)
            if allowed(actor, "decision.read")
            else None
        )
        self.accounts_page = (
            AccountsPage(services.accounts, runner, actor, self, approvals=services.approvals)
            if allowed(actor, "user.read")
            else None
        )
        # Everyone may ask for things and sees what concerns them.
        self.approvals_page = ApprovalsPage(services.approvals, runner, actor, self)
        self.audit_page = (
            AuditPage(services.audit, services.documents, runner, actor, self)
            if allowed(actor, "audit.read")
            else None
        )
        self.settings_page = SettingsPage(
            services.settings, prefs, runner, actor, self, calendar=services.calendar
        )
        candidates: list[tuple[str, QWidget | None]] = [
            (self.tr("Unit"), self.unit_page),
            (self.tr("Achievements"), self.achievements_page),
            (self.tr("Rights grants"), self.grants_page),
            (self.tr("Transformations"), self.transformations_page),
            (self.tr("Separate ledger"), self.ledger_page),
            (self.tr("Rewards"), self.rewards_page),
            (self.tr("Counterparties"), self.counterparties_page),
            (self.tr("Confidentiality agreements"), self.confidentiality_page),
            (self.tr("Sealed filings"), self.filings_page),
            (self.tr("To do"), self.todo_page),
            (self.tr("Pay-later pool"), self.pool_page),
            (self.tr("People"), self.people_page),
            (self.tr("Decisions"), self.decisions_page),
            (self.tr("Accounts"), self.accounts_page),
            (self.tr("Approvals"), self.approvals_page),
            (self.tr("Audit log"), self.audit_page),
            (self.tr("Settings"), self.settings_page),
        ]
        self._pages: list[tuple[str, QWidget]] = [(t, p) for t, p in candidates if p is not None]
        for title, page in self._pages:
            self.nav.addItem(title)
            self.stack.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        if self.todo_page is not None:
            self.todo_page.open_requested.connect(self._on_todo_page_open_requested)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(max(0, min(index, self.nav.count() - 1)))

    def index_of(self, page: QWidget) -> int:
        return [p for _, p in self._pages].index(page)

    @property
    def current_index(self) -> int:
        return self.nav.currentRow()

    def _on_todo_page_open_requested(self, object_type: str, object_id: int) -> None:
        """Open the record a to-do item is about, on its own page."""
        if object_type == "confidentiality" and self.confidentiality_page is not None:
            self.show_page(self.index_of(self.confidentiality_page))
            self.confidentiality_page.select(object_id)
        elif object_type == "rights_grant" and self.grants_page is not None:
            self.show_page(self.index_of(self.grants_page))
            self.grants_page.select_grant(object_id)
        elif object_type == "transformation" and self.transformations_page is not None:
            self.show_page(self.index_of(self.transformations_page))
            self.transformations_page.select_transformation(object_id)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page: Page = self._pages[row][1]  # type: ignore[assignment]
        page.reload()
