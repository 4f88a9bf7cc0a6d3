"""What every service shares: the vault, the clock, the permission check and the audit append."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from db import approvals, audit
from db.vault import Conn, Vault
from desktop.domain.accounts import User
from desktop.domain.approvals import ApprovalRequest
from desktop.domain.permissions import authorize


class Service:
    def __init__(self, vault: Vault, *, now: Callable[[], datetime]) -> None:
        self._vault = vault
        self._now = now

    def _timestamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    @staticmethod
    def _authorize(actor: User, action: str) -> None:
        authorize(actor, action)

    def _audit(
        self,
        conn: Conn,
        actor: User | str,
        action: str,
        object_type: str,
        object_id: str | int,
        *,
        before: Any = None,
        after: Any = None,
        reason: str | None = None,
        level: str = "public",
    ) -> int:
        return audit.append(
            conn,
            ts=self._timestamp(),
            actor=actor if isinstance(actor, str) else actor.id,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            before=before,
            after=after,
            reason=reason,
            level=level,
        )

    def _request_approval(
        self,
        conn: Conn,
        actor: User,
        *,
        kind: str,
        object_type: str,
        object_id: str | int,
        payload: dict[str, Any],
        reason: str,
        level: str,
    ) -> ApprovalRequest:
        """File a request for another person's approval, audited in the same transaction."""
        request_id = approvals.insert_request(
            conn,
            kind=kind,
            object_type=object_type,
            object_id=str(object_id),
            payload=payload,
            reason=reason,
            requested_by=actor.id,
            requested_at=self._timestamp(),
        )
        self._audit(
            conn,
            actor,
            "approval.requested",
            "approval",
            request_id,
            after={"kind": kind, object_type: object_id},
            reason=reason,
            level=level,
        )
        request = approvals.get(conn, request_id)
        assert request is not None
        return request
