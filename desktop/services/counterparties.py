"""Counterparties: registered once, reused by every transformation; one per credit code."""

from __future__ import annotations

from db import counterparties
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.counterparties import Counterparty, CounterpartyDraft, validate_counterparty
from desktop.errors import ValidationError
from desktop.services.base import Service

OBJECT_TYPE = "counterparty"


class CounterpartyService(Service):
    def search(self, actor: User, text: str = "") -> list[Counterparty]:
        self._authorize(actor, "counterparty.read")
        with self._vault.read() as conn:
            return counterparties.search(conn, text)

    def get(self, actor: User, counterparty_id: int) -> Counterparty:
        self._authorize(actor, "counterparty.read")
        with self._vault.read() as conn:
            return _get(conn, counterparty_id)

    def create(self, actor: User, draft: CounterpartyDraft) -> int:
        self._authorize(actor, "counterparty.edit")
        draft = validate_counterparty(draft)
        with self._vault.transaction() as conn:
            _free(conn, draft.credit_code, None)
            counterparty_id = counterparties.insert(conn, draft, created_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "counterparty.created",
                OBJECT_TYPE,
                counterparty_id,
                after=_snapshot(draft),
            )
        return counterparty_id

    def update(self, actor: User, counterparty_id: int, draft: CounterpartyDraft) -> None:
        self._authorize(actor, "counterparty.edit")
        draft = validate_counterparty(draft)
        with self._vault.transaction() as conn:
            before = _get(conn, counterparty_id)
            _free(conn, draft.credit_code, counterparty_id)
            counterparties.update(conn, counterparty_id, draft, updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "counterparty.updated",
                OBJECT_TYPE,
                counterparty_id,
                before=_snapshot(before.draft),
                after=_snapshot(draft),
            )


def _get(conn: Conn, counterparty_id: int) -> Counterparty:
    found = counterparties.get(conn, counterparty_id)
    if found is None:
        raise ValidationError("counterparty", "该合作方不存在。")
    return found


def _free(conn: Conn, code: str, own_id: int | None) -> None:
    if not code:
        return
    holder = counterparties.with_code(conn, code)
    if holder is not None and holder.id != own_id:
        raise ValidationError(
            "credit_code", f"统一社会信用代码 {code} 已登记为合作方“{holder.name}”，请直接选用。"
        )


def _snapshot(draft: CounterpartyDraft) -> dict[str, str]:
    return {
        "name": draft.name,
        "credit_code": draft.credit_code,
        "ownership": draft.ownership,
        "size": draft.size,
        "region": draft.region,
        "contact": draft.contact,
    }
