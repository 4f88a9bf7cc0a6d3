"""The to-do list (待办): open ownership-change filings with their age, grants ready to take
effect or waiting on objections, confidentiality agreements ending within 30 days, price notices
and listings that have run out, and overdue receivables."""

from __future__ import annotations

from db import confidentiality, ledger, rights_grants, transformations
from desktop.domain import todo
from desktop.domain.accounts import User
from desktop.domain.ledger import settle
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
            deals = (
                transformations.list_visible(conn, levels=levels)
                if allowed(actor, "transformation.read") and not actor.must_change_passphrase
                else []
            )
            entries = ledger.entries_of(conn, [t.id for t in deals if t.signed_on])
        receivables = {t_id: settle(found) for t_id, found in entries.items()}
        return todo.items(
            grants, agreements, today=self._now().date(), deals=deals, receivables=receivables
        )
