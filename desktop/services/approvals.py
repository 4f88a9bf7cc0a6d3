"""Approval requests: one person asks, another decides, and the decision takes effect in the same
transaction. Today's kind is a change of a user's clearance (asked by the user or the system
administrator, decided by the secrecy administrator); later work adds its own kinds."""

from __future__ import annotations

from db import approvals, users
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.approvals import (
    KINDS,
    ApprovalRequest,
    clean_reason,
    require_decider,
    validate_clearance_request,
)
from desktop.domain.permissions import allowed
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.base import Service


class ApprovalService(Service):
    def visible(self, actor: User) -> list[ApprovalRequest]:
        """What the actor asked for, what is about them, and what they may decide."""
        self._authorize(actor, "approval.read")
        decidable = [kind for kind, action in KINDS.items() if allowed(actor, action)]
        with self._vault.read() as conn:
            return approvals.list_visible(conn, user_id=actor.id, decidable_kinds=decidable)

    def subject_names(self, actor: User) -> dict[str, str]:
        """The display names of the people the actor's visible requests are about (user id ->
        name), so a list can say whom a request concerns without reading the accounts."""
        self._authorize(actor, "approval.read")
        decidable = [kind for kind, action in KINDS.items() if allowed(actor, action)]
        names: dict[str, str] = {}
        with self._vault.read() as conn:
            requests = approvals.list_visible(conn, user_id=actor.id, decidable_kinds=decidable)
            for user_id in {r.object_id for r in requests if r.object_type == "user"}:
                user = users.get(conn, user_id)
                if user is not None:
                    names[user_id] = user.display_name
        return names

    def request_clearance(
        self, actor: User, user_id: str, clearance: str, reason: str
    ) -> ApprovalRequest:
        """Ask for a user's clearance to change: one's own, or (system administrator) anyone's."""
        self._authorize(actor, "approval.request")
        if user_id != actor.id:
            self._authorize(actor, "user.edit")
        reason = clean_reason(reason)
        with self._vault.transaction() as conn:
            subject = self._user(conn, user_id)
            clearance = validate_clearance_request(subject, clearance)
            if approvals.pending_for_object(conn, "user_clearance", "user", user_id):
                raise ValidationError("clearance", "该账户已有待审批的涉密等级申请。")
            request_id = approvals.insert_request(
                conn,
                kind="user_clearance",
                object_type="user",
                object_id=user_id,
                payload={"clearance": clearance, "before": subject.clearance},
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
                after={"kind": "user_clearance", "user": user_id, "clearance": clearance},
                reason=reason,
            )
            request = approvals.get(conn, request_id)
        assert request is not None
        return request

    def decide(self, actor: User, request_id: int, *, approve: bool, note: str) -> ApprovalRequest:
        note = note.strip() if approve else clean_reason(note, field="decision_note")
        with self._vault.transaction() as conn:
            request = self._request(conn, request_id)
            require_decider(actor, request)
            status = "approved" if approve else "rejected"
            approvals.set_status(
                conn,
                request_id,
                status=status,
                decided_by=actor.id,
                decided_at=self._timestamp(),
                note=note,
            )
            self._audit(
                conn,
                actor,
                f"approval.{status}",
                "approval",
                request_id,
                before={"status": "pending"},
                after={"status": status},
                reason=note or None,
            )
            if approve:
                self._apply(conn, actor, request)
            decided = approvals.get(conn, request_id)
        assert decided is not None
        return decided

    def withdraw(self, actor: User, request_id: int) -> None:
        self._authorize(actor, "approval.request")
        with self._vault.transaction() as conn:
            request = self._request(conn, request_id)
            if request.requested_by != actor.id:
                raise PermissionDenied("只有申请人可以撤回申请。")
            if request.status != "pending":
                raise ValidationError("decision_note", "该申请已处理，不能撤回。")
            approvals.set_status(
                conn,
                request_id,
                status="withdrawn",
                decided_by=None,
                decided_at=self._timestamp(),
                note="",
            )
            self._audit(
                conn,
                actor,
                "approval.withdrawn",
                "approval",
                request_id,
                before={"status": "pending"},
                after={"status": "withdrawn"},
            )

    # -- internals --------------------------------------------------------------------------
    def _apply(self, conn: Conn, actor: User, request: ApprovalRequest) -> None:
        if request.kind == "user_clearance":
            before = self._user(conn, request.object_id)
            users.update_user(conn, before.id, clearance=request.payload["clearance"])
            after = self._user(conn, before.id)
            self._audit(
                conn,
                actor,
                "user.clearance_changed",
                "user",
                before.id,
                before=before.snapshot(),
                after=after.snapshot(),
                reason=f"审批单 {request.id}：{request.reason}",
            )

    @staticmethod
    def _request(conn: Conn, request_id: int) -> ApprovalRequest:
        request = approvals.get(conn, request_id)
        if request is None:
            raise ValidationError("decision_note", "该申请不存在。")
        return request

    @staticmethod
    def _user(conn: Conn, user_id: str) -> User:
        user = users.get(conn, user_id)
        if user is None:
            raise ValidationError("clearance", "该账户不存在。")
        return user
