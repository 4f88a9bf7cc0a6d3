"""Reading the audit log."""

from __future__ import annotations

from db import audit
from desktop.domain.audit import AuditEntry
from desktop.services.base import Service


class AuditService(Service):
    def count(self) -> int:
        with self._vault.read() as conn:
            return audit.count(conn)

    def page(self, offset: int, limit: int) -> list[AuditEntry]:
        with self._vault.read() as conn:
            return audit.list_page(conn, offset=offset, limit=limit)
