"""Confidentiality agreements (保密协议, measure 十五): register, amend, record the approval and
filing, terminate. An agreement is listed when the reader may see its level; it covers only
classified achievements, at or below its own level."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from db import confidentiality, unit
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.approvals import clean_reason
from desktop.domain.confidentiality import (
    ConfidentialityAgreement,
    ConfidentialityDraft,
    require_level_covers,
    snapshot,
    validate_agreement,
)
from desktop.domain.doc_numbers import PREFIXES, doc_no
from desktop.domain.permissions import level_rank, require_level, visible_levels
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.achievements import visible_achievement
from desktop.services.base import Service

OBJECT_TYPE = "confidentiality"


class ConfidentialityService(Service):
    def visible(self, actor: User) -> list[ConfidentialityAgreement]:
        self._authorize(actor, "confidentiality.read")
        with self._vault.read() as conn:
            return confidentiality.list_visible(conn, levels=visible_levels(actor))

    def get(self, actor: User, agreement_id: int) -> ConfidentialityAgreement:
        self._authorize(actor, "confidentiality.read")
        with self._vault.read() as conn:
            return self._visible(conn, actor, agreement_id)

    def create(self, actor: User, draft: ConfidentialityDraft) -> int:
        self._authorize(actor, "confidentiality.edit")
        draft = validate_agreement(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            self._check_cover(conn, actor, draft)
            year = self._now().year
            prefix = f"{PREFIXES['confidentiality']}〔{year}〕"
            number = doc_no("confidentiality", year, confidentiality.next_number(conn, prefix))
            agreement_id = confidentiality.insert(
                conn, draft, doc_no=number, created_by=actor.id, created_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "confidentiality.created",
                OBJECT_TYPE,
                agreement_id,
                after={"doc_no": number, **snapshot(draft)},
                level=draft.level,
            )
        return agreement_id

    def update(self, actor: User, agreement_id: int, draft: ConfidentialityDraft) -> None:
        """Correct the agreement or record its signing and approval. A terminated agreement
        stays as it ended."""
        self._authorize(actor, "confidentiality.edit")
        draft = validate_agreement(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, agreement_id)
            if before.terminated_on is not None:
                raise ValidationError("scope", "该保密协议已终止，不能修改。")
            self._check_cover(conn, actor, draft)
            confidentiality.update(conn, agreement_id, draft, updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "confidentiality.updated",
                OBJECT_TYPE,
                agreement_id,
                before=snapshot(before.draft),
                after=snapshot(draft),
                level=max(before.draft.level, draft.level, key=level_rank),
            )

    def terminate(self, actor: User, agreement_id: int, *, on: str, reason: str) -> None:
        self._authorize(actor, "confidentiality.edit")
        reason = clean_reason(reason)
        try:
            day = dt.date.fromisoformat(on)
        except ValueError:
            raise ValidationError("terminated_on", "请填写终止日期。") from None
        if day > self._now().date():
            raise ValidationError("terminated_on", "终止日期不能晚于今天。")
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, agreement_id)
            if before.terminated_on is not None:
                raise ValidationError("terminated_on", "该保密协议已终止。")
            confidentiality.terminate(
                conn, agreement_id, on=day.isoformat(), reason=reason, updated_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "confidentiality.terminated",
                OBJECT_TYPE,
                agreement_id,
                before={"terminated_on": None},
                after={"terminated_on": day.isoformat()},
                reason=reason,
                level=before.draft.level,
            )

    # -- documents --------------------------------------------------------------------------
    def document(self, actor: User, agreement_id: int) -> bytes:
        """The agreement as a PDF; the same record gives the same bytes."""
        self._authorize(actor, "confidentiality.read")
        from desktop.reports.agreements import AchievementFacts, UnitParty
        from desktop.reports.confidentiality_agreement import render_confidentiality_agreement

        with self._vault.read() as conn:
            agreement = self._visible(conn, actor, agreement_id)
            profile = unit.get(conn)
            facts = []
            for achievement_id in agreement.draft.achievement_ids:
                found = visible_achievement(conn, actor, achievement_id)
                facts.append(
                    AchievementFacts(
                        found.draft.title,
                        found.draft.kind,
                        tuple(ip.number for ip in found.draft.ip_rights),
                        found.draft.secrecy_mark,
                    )
                )
        party = UnitParty(profile.name, profile.credit_code) if profile else UnitParty("", "")
        return render_confidentiality_agreement(unit=party, agreement=agreement, achievements=facts)

    def save_document(self, actor: User, agreement_id: int, path: Path) -> None:
        """Write the agreement to ``path`` atomically, audited; nothing is recorded when the
        write fails."""
        path = Path(path)
        pdf = self.document(actor, agreement_id)
        with self._vault.transaction() as conn:
            agreement = self._visible(conn, actor, agreement_id)
            self._audit(
                conn,
                actor,
                "confidentiality.document_exported",
                OBJECT_TYPE,
                agreement_id,
                after={
                    "doc_no": agreement.doc_no,
                    "sha256": hashlib.sha256(pdf).hexdigest(),
                    "path": str(path),
                },
                level=agreement.draft.level,
            )
            write_atomic(path, pdf)

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _visible(conn: Conn, actor: User, agreement_id: int) -> ConfidentialityAgreement:
        found = confidentiality.get(conn, agreement_id)
        if found is None or found.draft.level not in visible_levels(actor):
            raise PermissionDenied("该保密协议不存在，或您无权查看。")
        return found

    @staticmethod
    def _check_cover(conn: Conn, actor: User, draft: ConfidentialityDraft) -> None:
        levels = {}
        for achievement_id in draft.achievement_ids:
            try:
                achievement = visible_achievement(conn, actor, achievement_id)
            except PermissionDenied:
                raise ValidationError("achievements", "所选成果不存在，或您无权查看。") from None
            levels[achievement_id] = achievement.draft.level
        require_level_covers(draft, levels)
