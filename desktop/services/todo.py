"""The to-do list (待办): open ownership-change filings with their age, grants ready to take
effect or waiting on objections, and confidentiality agreements ending within 30 days."""

from __future__ import annotations

from db import confidentiality, rights_grants
from desktop.domain import todo
from desktop.domain.accounts import User
from desktop.domain.permissions import allowed, visible_levels
from desktop.domain.todo import TodoItem
from desktop.services.base import Service


class TodoService(Service):
    def items(self, actor: User) -> list[TodoItem]:
        """What the actor may see and act on; an empty list for roles that see neither."""
        levels = visible_levels(actor)
        with self._vault.read() as conn:
            grants = (
                rights_grants.list_visible(conn, levels=levels)
                if allowed(actor, "grant.read") and not actor.must_change_passphrase
                else []
            )
            agreements = (
                confidentiality.list_visible(conn, levels=levels)
                if allowed(actor, "confidentiality.read") and not actor.must_change_passphrase
                else []
            )
        return todo.items(grants, agreements, today=self._now().date())
