"""Transformations (measures 二 to 七): the contract, its pricing procedure (measure 四) step by
step, the gates of measure 十五 at signing, and the separate ledger the signing books into.

Each step is one transaction: the state moves as ``desktop.domain.pricing`` allows, the step is
kept in ``pricing_steps`` (what the evidence file reads) and in the audit log. Deadlines are
computed over the holiday table and stored with the step, with their explanation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from db import (
    approvals,
    calendar,
    confidentiality,
    counterparties,
    export_checks,
    ledger,
    rights_grants,
    settings,
    transformations,
)
from db.vault import Conn
from desktop.domain import gates, pricing
from desktop.domain.accounts import CLEARANCES, User
from desktop.domain.achievements import Achievement
from desktop.domain.approvals import ApprovalRequest, clean_reason
from desktop.domain.calendar import Deadline
from desktop.domain.counterparties import Counterparty
from desktop.domain.gates import Cooperation, ExportCheck, Finding, Party, Subject
from desktop.domain.ledger import LedgerEntry, Receivable, settle, split, validate_entry
from desktop.domain.permissions import level_rank, require_level, visible_levels
from desktop.domain.secrecy import MARKED_LEVELS
from desktop.domain.settings import DEFAULTS
from desktop.domain.transformations import (
    Due,
    EquityTerms,
    Transformation,
    TransformationDraft,
    check_pay_later_party,
    encode_terms,
    installment_dues,
    validate_equity,
    validate_transformation,
)
from desktop.errors import PermissionDenied, RuleViolation, ValidationError
from desktop.services.achievements import visible_achievement
from desktop.services.base import Service

OBJECT_TYPE = "transformation"
APPROVAL_KIND = "classified_cooperation"
MEASURE_6 = "辽科发〔2025〕6号 第（六）条"


@dataclass(frozen=True)
class TransformationView:
    transformation: Transformation
    next_step: str
    allowed_events: tuple[str, ...]
    findings: tuple[Finding, ...]  # the gates today, until signed
    entries: tuple[LedgerEntry, ...]
    receivables: tuple[Receivable, ...]
    dues: tuple[Due, ...]  # pay-later instalments and their conditions
    secrecy_approval: ApprovalRequest | None
    export_check: ExportCheck | None
    classified: bool
    overseas: bool


class TransformationService(Service):
    # -- reading ----------------------------------------------------------------------------
    def visible(self, actor: User, achievement_id: int | None = None) -> list[Transformation]:
        self._authorize(actor, "transformation.read")
        with self._vault.read() as conn:
            return transformations.list_visible(
                conn, levels=visible_levels(actor), achievement_id=achievement_id
            )

    def get(self, actor: User, transformation_id: int) -> TransformationView:
        self._authorize(actor, "transformation.read")
        today = self._now().date()
        with self._vault.read() as conn:
            t = self._visible(conn, actor, transformation_id)
            records = self._achievements(conn, actor, t)
            cp = self._counterparty(conn, t.draft.counterparty_id)
            findings: list[Finding] = []
            if t.state not in ("signed", "completed", "terminated"):
                for coop in self._cooperations(conn, t, records, cp):
                    findings += [f for f in gates.findings(coop, today=today) if f not in findings]
            entries = ledger.entries(conn, t.id)
            requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(t.id))
            check = export_checks.get(conn, OBJECT_TYPE, str(t.id))
        dues: list[Due] = []
        if t.draft.pay_later is not None:
            dues = installment_dues(
                t.draft.pay_later,
                effective_on=_day(t.signed_on),
                revenue_from=_day(t.revenue_from),
            )
        return TransformationView(
            transformation=t,
            next_step=pricing.next_step(t.procedure(), today),
            allowed_events=tuple(pricing.allowed_events(t.procedure())),
            findings=tuple(findings),
            entries=tuple(entries),
            receivables=tuple(settle(entries)),
            dues=tuple(dues),
            secrecy_approval=requests[0] if requests else None,
            export_check=check,
            classified=any(a.draft.level in MARKED_LEVELS for a in records),
            overseas=cp is not None and cp.draft.region == "overseas",
        )

    def ledger_totals(self, actor: User, by: str) -> list[tuple[object, str, int]]:
        """(year | achievement id | department, kind, fen) over what the actor may see."""
        self._authorize(actor, "transformation.read")
        with self._vault.read() as conn:
            return ledger.totals(conn, by=by, levels=visible_levels(actor))

    def overdue(self, actor: User) -> list[tuple[Transformation, Receivable]]:
        """Receivables past their due date and not fully received, oldest first."""
        self._authorize(actor, "transformation.read")
        today = self._now().date()
        found = []
        with self._vault.read() as conn:
            deals = transformations.list_visible(conn, levels=visible_levels(actor))
            by_deal = ledger.entries_of(conn, [t.id for t in deals if t.signed_on])
        for t in deals:
            for r in settle(by_deal.get(t.id, [])):
                if r.overdue(today):
                    found.append((t, r))
        return sorted(found, key=lambda pair: (pair[1].entry.due_on or "", pair[0].id))

    def ledger_entry_totals(self, actor: User) -> tuple[dict[str, int], int]:
        """Per kind, the sum of the entries themselves (what the totals per year, achievement or
        department must add up to), and how many entries there are."""
        self._authorize(actor, "transformation.read")
        with self._vault.read() as conn:
            levels = visible_levels(actor)
            return ledger.grand_total(conn, levels=levels), ledger.count(conn, levels=levels)

    def equity_register(self, actor: User) -> list[tuple[Transformation, LedgerEntry]]:
        """The equity the unit holds through transformations (作价投资, or funded from
        industry-project surplus), newest first: the deal and its equity entry (company and
        holding in the note, value in fen)."""
        self._authorize(actor, "transformation.read")
        with self._vault.read() as conn:
            deals = transformations.list_visible(conn, levels=visible_levels(actor))
            by_deal = ledger.entries_of(conn, [t.id for t in deals if t.signed_on])
        return [(t, e) for t in deals for e in by_deal.get(t.id, []) if e.kind == "equity"]

    # -- drafting ---------------------------------------------------------------------------
    def create(self, actor: User, draft: TransformationDraft) -> int:
        self._authorize(actor, "transformation.edit")
        draft = validate_transformation(draft)
        with self._vault.transaction() as conn:
            level = self._check(conn, actor, draft)
            transformation_id = transformations.insert(
                conn,
                draft,
                state="appraisal",
                level=level,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "transformation.created",
                OBJECT_TYPE,
                transformation_id,
                after=_snapshot(draft),
                level=level,
            )
        return transformation_id

    def update(self, actor: User, transformation_id: int, draft: TransformationDraft) -> None:
        """Correct the contract while its price is not fixed yet (before any notice, listing or
        auction)."""
        self._authorize(actor, "transformation.edit")
        draft = validate_transformation(draft)
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, transformation_id)
            if before.state not in ("appraisal", "priced"):
                raise ValidationError("title", "定价程序已开始，合同要素不能再修改。")
            if draft.form != before.draft.form:
                raise ValidationError("form", "不能改变转化方式；请终止后重新登记。")
            level = self._check(conn, actor, draft)
            transformations.update(
                conn, transformation_id, draft, level=level, updated_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "transformation.updated",
                OBJECT_TYPE,
                transformation_id,
                before=_snapshot(before.draft),
                after=_snapshot(draft),
                level=max(level, before.level, key=level_rank),
            )

    def set_registration(
        self, actor: User, transformation_id: int, number: str, registered_on: str | None
    ) -> None:
        """The technology-contract registration (技术合同认定登记), at any time after drafting."""
        self._authorize(actor, "transformation.edit")
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            checked = validate_transformation(
                replace(
                    t.draft,
                    contract_registration_no=number,
                    contract_registration_date=registered_on,
                )
            )
            transformations.set_fields(
                conn,
                transformation_id,
                contract_registration_no=checked.contract_registration_no,
                contract_registration_date=checked.contract_registration_date,
                updated_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "transformation.registered",
                OBJECT_TYPE,
                transformation_id,
                before={
                    "contract_registration_no": t.draft.contract_registration_no,
                    "contract_registration_date": t.draft.contract_registration_date,
                },
                after={
                    "contract_registration_no": checked.contract_registration_no,
                    "contract_registration_date": checked.contract_registration_date,
                },
                level=t.level,
            )

    # -- the pricing procedure -----------------------------------------------------------------
    def record_appraisal(
        self,
        actor: User,
        transformation_id: int,
        *,
        decision: str,
        basis: str,
        value_fen: int | None = None,
        on: str,
    ) -> None:
        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            cp = self._counterparty(conn, t.draft.counterparty_id)
            pricing.check_appraisal(
                decision,
                basis,
                state_owned_buyer=cp is not None and cp.draft.ownership == "state_wholly",
                value_fen=value_fen,
            )
            fields: dict[str, object] = {
                "appraisal": decision,
                "appraisal_basis": basis.strip(),
                "appraised_value_fen": value_fen if decision == "appraised" else None,
            }
            transformations.set_fields(conn, t.id, updated_at=self._timestamp(), **fields)
            return fields

        self._step(actor, transformation_id, "record_appraisal", on, act)

    def start_notice(self, actor: User, transformation_id: int, start: str) -> Deadline:
        """Publicise the achievement's name and the proposed price (协议定价公示) for the unit's
        period, counted as D1 counts."""
        found: list[Deadline] = []

        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            days = int(
                settings.get(conn, "publicity_days_pricing", DEFAULTS["publicity_days_pricing"])
            )
            deadline = pricing.notice_deadline(day, days, calendar.load(conn))
            found.append(deadline)
            transformations.set_fields(
                conn,
                t.id,
                notice_start=day.isoformat(),
                notice_days=days,
                notice_end=deadline.end.isoformat(),
                updated_at=self._timestamp(),
            )
            return {
                "price_fen": t.draft.price_fen,
                "notice_days": days,
                "notice_end": deadline.end.isoformat(),
                "explanation": deadline.explain(),
            }

        self._step(actor, transformation_id, "start_notice", start, act, future_ok=True)
        return found[0]

    def record_objection(
        self, actor: User, transformation_id: int, *, received_on: str, content: str
    ) -> None:
        """An objection to the negotiated price: the deal goes to a market listing."""
        text = clean_reason(content, field="content")

        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            assert t.notice_start is not None
            if day < dt.date.fromisoformat(t.notice_start):
                raise ValidationError("received_on", "收到异议的日期不能早于公示开始日期。")
            transformations.set_fields(conn, t.id, objected=True, updated_at=self._timestamp())
            return {"content": text}

        self._step(actor, transformation_id, "object", received_on, act, field="received_on")

    def close_notice(self, actor: User, transformation_id: int, on: str) -> None:
        self._step(actor, transformation_id, "close_notice", on, lambda c, t, d: {})

    def start_listing(self, actor: User, transformation_id: int, start: str) -> Deadline:
        """List the achievement on a technology market; half a month (D1) for someone to take
        it."""
        found: list[Deadline] = []

        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            deadline = pricing.listing_deadline(day, calendar.load(conn))
            found.append(deadline)
            transformations.set_fields(
                conn,
                t.id,
                listing_start=day.isoformat(),
                listing_end=deadline.end.isoformat(),
                updated_at=self._timestamp(),
            )
            return {"listing_end": deadline.end.isoformat(), "explanation": deadline.explain()}

        self._step(actor, transformation_id, "start_listing", start, act, future_ok=True)
        return found[0]

    def listing_taken(
        self,
        actor: User,
        transformation_id: int,
        *,
        on: str,
        counterparty_id: int,
        price_fen: int,
    ) -> None:
        """Someone took the listing (摘牌): the deal is with them, at the listing's price."""
        self._winner(actor, transformation_id, "listing_taken", on, counterparty_id, price_fen)

    def listing_lapsed(self, actor: User, transformation_id: int, on: str) -> None:
        """Half a month without a taker: after an objection, the deal proceeds at the
        negotiated price (measure 四)."""
        self._step(actor, transformation_id, "listing_lapsed", on, lambda c, t, d: {})

    def record_auction(
        self,
        actor: User,
        transformation_id: int,
        *,
        on: str,
        counterparty_id: int,
        price_fen: int,
    ) -> None:
        self._winner(actor, transformation_id, "record_auction", on, counterparty_id, price_fen)

    def sign(self, actor: User, transformation_id: int, signed_on: str) -> list[Finding]:
        """Mark the contract signed once the procedure allows it and every gate is open; the
        transformation books its receivables (or its equity) into the separate ledger.
        Returns the warnings."""
        warnings: list[Finding] = []

        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            records = self._achievements(conn, actor, t)
            cp = self._counterparty(conn, t.draft.counterparty_id)
            if t.draft.form == "pay_later":
                assert cp is not None
                check_pay_later_party(cp)
            if t.draft.form == "share_transfer":
                self._require_grants(conn, records)
            for coop in self._cooperations(conn, t, records, cp):
                warnings.extend(w for w in gates.enforce(coop, today=day) if w not in warnings)
            transformations.set_fields(
                conn, t.id, signed_on=day.isoformat(), updated_at=self._timestamp()
            )
            negative = [a for a in records if a.draft.negative_list]
            if negative:
                warnings.append(
                    Finding(
                        "E_NEGATIVE_LIST",
                        "涉及负面清单成果，不纳入单列管理台账，按一般国有资产管理。",
                        False,
                    )
                )
                return {"ledger": "not_booked"}
            booked = self._book(conn, actor, replace(t, signed_on=day.isoformat()), day)
            return {"ledger": booked}

        self._step(actor, transformation_id, "sign", signed_on, act)
        return warnings

    def complete(self, actor: User, transformation_id: int, on: str) -> None:
        self._step(actor, transformation_id, "complete", on, lambda c, t, d: {})

    def terminate(self, actor: User, transformation_id: int, *, on: str, reason: str) -> None:
        text = clean_reason(reason)
        self._step(
            actor,
            transformation_id,
            "terminate",
            on,
            lambda c, t, d: {"reason": text},
            reason=text,
        )

    # -- the gates --------------------------------------------------------------------------
    def request_secrecy_approval(
        self, actor: User, transformation_id: int, reason: str
    ) -> ApprovalRequest:
        self._authorize(actor, "transformation.edit")
        reason = clean_reason(reason)
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            if t.level not in MARKED_LEVELS:
                raise ValidationError("reason", "所涉成果不涉密，无需保密审批。")
            if t.state in ("signed", "completed", "terminated"):
                raise ValidationError("reason", "合同已签订或已终止，不能再申请保密审批。")
            requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(t.id))
            if any(r.status in ("pending", "approved") for r in requests):
                raise ValidationError("reason", "已有待审批或已批准的保密审批。")
            cp = self._counterparty(conn, t.draft.counterparty_id)
            return self._request_approval(
                conn,
                actor,
                kind=APPROVAL_KIND,
                object_type=OBJECT_TYPE,
                object_id=t.id,
                payload={
                    "doc_no": f"转化合同 {t.id}",
                    "action": "transformation",
                    "level": t.level,
                    "overseas": cp is not None and cp.draft.region == "overseas",
                },
                reason=reason,
                level=t.level,
            )

    def record_export_check(self, actor: User, transformation_id: int, check: ExportCheck) -> None:
        self._authorize(actor, "transformation.edit")
        check = gates.validate_export_check(check, today=self._now().date())
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            cp = self._counterparty(conn, t.draft.counterparty_id)
            if cp is None or cp.draft.region != "overseas":
                raise ValidationError("category", "合作方在境内，无需技术出口核查。")
            export_checks.put(
                conn,
                OBJECT_TYPE,
                str(t.id),
                check,
                recorded_by=actor.id,
                recorded_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "transformation.export_checked",
                OBJECT_TYPE,
                t.id,
                after={
                    "category": check.category,
                    "catalogue_version": check.catalogue_version,
                    "checked_on": check.checked_on,
                    "licence_no": check.licence_no,
                    "contract_registration_no": check.contract_registration_no,
                },
                level=t.level,
            )

    # -- the ledger -------------------------------------------------------------------------
    def record_revenue_start(self, actor: User, transformation_id: int, on: str) -> None:
        """A pay-later licensee's revenue started: the instalments due N months after it get
        their due dates."""
        self._authorize(actor, "transformation.edit")
        day = _parse(on, "on_date")
        if day > self._now().date():
            raise ValidationError("on_date", "日期不能晚于今天。")
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            if t.draft.pay_later is None or t.signed_on is None:
                raise ValidationError(
                    "on_date", "只有已签订的“先使用后付费”许可需要记录收入起始日。"
                )
            transformations.set_fields(
                conn, t.id, revenue_from=day.isoformat(), updated_at=self._timestamp()
            )
            self._refresh_dues(conn, replace(t, revenue_from=day.isoformat()))
            self._audit(
                conn,
                actor,
                "transformation.revenue_started",
                OBJECT_TYPE,
                t.id,
                after={"revenue_from": day.isoformat()},
                level=t.level,
            )

    def record_money(
        self,
        actor: User,
        transformation_id: int,
        *,
        kind: str,
        amount_fen: int,
        on: str,
        note: str = "",
    ) -> int:
        """A receipt (收款) or a payment (支出) into the ledger, split across the achievements."""
        self._authorize(actor, "transformation.edit")
        if kind not in ("receipt", "payment"):
            raise ValidationError("kind", "请选择收款或支出。")
        kind, amount, day, note = validate_entry(
            kind, amount_fen, on, note, today=self._now().date()
        )
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            if t.signed_on is None or t.state == "terminated":
                raise ValidationError("amount", "合同签订后方可登记收付款。")
            records = self._achievements(conn, actor, t)
            for a in records:
                gates.refuse_negative_listed("ledger", _subject(a))
            entry_id = ledger.insert(
                conn,
                t.id,
                kind=kind,
                amount_fen=amount,
                on_date=day,
                lines=split(amount, t.draft.allocations),
                note=note,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                f"ledger.{kind}",
                OBJECT_TYPE,
                t.id,
                after={"entry": entry_id, "amount_fen": amount, "on_date": day, "note": note},
                level=t.level,
            )
        return entry_id

    def convert_to_equity(
        self,
        actor: User,
        transformation_id: int,
        *,
        on: str,
        equity: EquityTerms,
        value_fen: int,
    ) -> int:
        """Invest-then-equity (measure 七): once the agreed trigger is met, the public funds put
        in become equity, which enters the separate ledger as a holding. Returns the entry."""
        self._authorize(actor, "transformation.edit")
        day = _parse(on, "on_date")
        if day > self._now().date():
            raise ValidationError("on_date", "日期不能晚于今天。")
        terms = validate_equity(equity)
        if not isinstance(value_fen, int) or value_fen <= 0:
            raise ValidationError("value", "请填写所持股权的价值（通常为累计投入金额）。")
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            if t.draft.form != "invest_then_equity" or t.state != "signed":
                raise ValidationError("on_date", "只有已签订的“先投后股”项目可以转为股权。")
            assert t.signed_on is not None and t.draft.invest is not None
            if day < dt.date.fromisoformat(t.signed_on):
                raise ValidationError("on_date", "转股日期不能早于合同签订日期。")
            if any(e.kind == "equity" for e in ledger.entries(conn, t.id)):
                raise ValidationError("on_date", "该项目已转为股权。")
            for a in self._achievements(conn, actor, t):
                gates.refuse_negative_listed("ledger", _subject(a))
            holding = (
                f"{terms.shares}股" if terms.shares is not None else f"{terms.capital_percent}%出资"
            )
            note = f"{terms.company}，{holding}；触发条件：{t.draft.invest.trigger}"
            entry_id = ledger.insert(
                conn,
                t.id,
                kind="equity",
                amount_fen=value_fen,
                on_date=day.isoformat(),
                lines=split(value_fen, t.draft.allocations),
                note=note,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "transformation.converted",
                OBJECT_TYPE,
                t.id,
                after={
                    "entry": entry_id,
                    "on_date": day.isoformat(),
                    "company": terms.company,
                    "holding": holding,
                    "amount_fen": value_fen,
                },
                level=t.level,
            )
        return entry_id

    # -- internals --------------------------------------------------------------------------
    def _step(
        self,
        actor: User,
        transformation_id: int,
        event: str,
        on: str,
        act: object,
        *,
        field: str = "on_date",
        future_ok: bool = False,
        reason: str | None = None,
    ) -> None:
        self._authorize(actor, "transformation.edit")
        day = _parse(on, field)
        today = self._now().date()
        if day > today and not future_ok:
            raise ValidationError(field, "日期不能晚于今天。")
        with self._vault.transaction() as conn:
            t = self._visible(conn, actor, transformation_id)
            state = pricing.apply(t.procedure(), event, on=day)
            detail = act(conn, t, day)  # type: ignore[operator]
            transformations.set_fields(conn, t.id, state=state, updated_at=self._timestamp())
            transformations.add_step(
                conn,
                t.id,
                event=event,
                on_date=day.isoformat(),
                state_after=state,
                detail=detail,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                f"transformation.{event}",
                OBJECT_TYPE,
                t.id,
                before={"state": t.state},
                after={"state": state, "on_date": day.isoformat(), **detail},
                reason=reason,
                level=t.level,
            )

    def _winner(
        self,
        actor: User,
        transformation_id: int,
        event: str,
        on: str,
        counterparty_id: int,
        price_fen: int,
    ) -> None:
        def act(conn: Conn, t: Transformation, day: dt.date) -> dict[str, object]:
            cp = self._counterparty(conn, counterparty_id)
            assert cp is not None
            draft = validate_transformation(
                replace(t.draft, counterparty_id=cp.id, price_fen=price_fen)
            )
            if draft.form == "pay_later":
                check_pay_later_party(cp)
            transformations.set_fields(
                conn,
                t.id,
                counterparty_id=cp.id,
                price_fen=draft.price_fen,
                updated_at=self._timestamp(),
            )
            return {"counterparty": cp.name, "price_fen": draft.price_fen}

        self._step(actor, transformation_id, event, on, act)

    @staticmethod
    def _visible(conn: Conn, actor: User, transformation_id: int) -> Transformation:
        found = transformations.get(conn, transformation_id)
        if found is None or found.level not in visible_levels(actor):
            raise PermissionDenied("该转化项目不存在，或您无权查看。")
        return found

    @staticmethod
    def _achievements(conn: Conn, actor: User, t: Transformation) -> list[Achievement]:
        return [visible_achievement(conn, actor, a.achievement_id) for a in t.draft.allocations]

    @staticmethod
    def _counterparty(conn: Conn, counterparty_id: int | None) -> Counterparty | None:
        if counterparty_id is None:
            return None
        found = counterparties.get(conn, counterparty_id)
        if found is None:
            raise ValidationError("counterparty", "该合作方不存在。")
        return found

    def _check(self, conn: Conn, actor: User, draft: TransformationDraft) -> str:
        """The achievements exist, are visible and not terminated; the counterparty exists and
        may take this form. Returns the transformation's level (the most secret achievement's)."""
        levels = []
        for allocation in draft.allocations:
            try:
                record = visible_achievement(conn, actor, allocation.achievement_id)
            except PermissionDenied:
                raise ValidationError("allocations", "所选成果不存在，或您无权查看。") from None
            if record.status == "terminated":
                raise ValidationError(
                    "allocations", f"成果“{record.draft.title}”已终止，不能转化。"
                )
            if draft.form == "pay_later":
                gates.refuse_negative_listed("pay_later", _subject(record))
            levels.append(record.draft.level)
        cp = self._counterparty(conn, draft.counterparty_id)
        if draft.form == "pay_later":
            assert cp is not None
            check_pay_later_party(cp)
        level = max(levels, key=level_rank)
        require_level(actor, level)
        return level

    def _cooperations(
        self,
        conn: Conn,
        t: Transformation,
        records: Iterable[Achievement],
        cp: Counterparty | None,
    ) -> list[Cooperation]:
        requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(t.id))
        approved = any(r.status == "approved" for r in requests)
        check = export_checks.get(conn, OBJECT_TYPE, str(t.id))
        parties = () if cp is None else (Party("enterprise", cp.name, cp.draft.credit_code),)
        action = "pay_later" if t.draft.form == "pay_later" else "transformation"
        return [
            Cooperation(
                action=action,
                subject=_subject(a),
                parties=parties,
                overseas=cp is not None and cp.draft.region == "overseas",
                secrecy_approved=approved,
                agreements=tuple(c.cover() for c in confidentiality.covering(conn, a.id)),
                export_check=check,
            )
            for a in records
        ]

    @staticmethod
    def _require_grants(conn: Conn, records: Iterable[Achievement]) -> None:
        for a in records:
            grants = rights_grants.list_visible(conn, levels=CLEARANCES, achievement_id=a.id)
            if not any(g.status == "effective" for g in grants):
                raise RuleViolation(
                    f"“权益让渡”须在赋权的基础上进行：成果“{a.draft.title}”尚无已生效的赋权。",
                    "E_SHARE_TRANSFER_NEEDS_GRANT",
                    MEASURE_6,
                )

    def _book(
        self, conn: Conn, actor: User, t: Transformation, day: dt.date
    ) -> list[dict[str, object]]:
        """What the signing forms, into the ledger: receivables, or the equity held."""
        d = t.draft
        booked: list[dict[str, object]] = []

        def add(kind: str, amount: int, due: dt.date | None, condition: str, note: str) -> None:
            ledger.insert(
                conn,
                t.id,
                kind=kind,
                amount_fen=amount,
                on_date=day.isoformat(),
                lines=split(amount, d.allocations),
                due_on=None if due is None else due.isoformat(),
                condition=condition,
                note=note,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            booked.append({"kind": kind, "amount_fen": amount})

        if d.form == "equity":
            assert d.equity is not None
            holding = (
                f"{d.equity.shares}股"
                if d.equity.shares is not None
                else f"{d.equity.capital_percent}%出资"
            )
            add("equity", d.price_fen, None, "", f"{d.equity.company}，{holding}")
        elif d.form == "pay_later":
            assert d.pay_later is not None
            for due in installment_dues(d.pay_later, effective_on=day, revenue_from=None):
                add(
                    "receivable",
                    due.amount_fen,
                    due.due_on,
                    "" if due.due_on else due.why,
                    f"第{due.installment}期：{due.why}",
                )
        elif d.form in ("transfer", "licence") or (d.form == "share_transfer" and d.price_fen > 0):
            price_due = _day(d.price_due_on)
            condition = "" if price_due else "合同未约定付款日期"
            add("receivable", d.price_fen, price_due, condition, "合同价款")
        return booked

    def _refresh_dues(self, conn: Conn, t: Transformation) -> None:
        assert t.draft.pay_later is not None
        dues = installment_dues(
            t.draft.pay_later, effective_on=_day(t.signed_on), revenue_from=_day(t.revenue_from)
        )
        receivables = [e for e in ledger.entries(conn, t.id) if e.kind == "receivable"]
        for entry, due in zip(receivables, dues, strict=False):
            ledger.set_due(
                conn,
                entry.id,
                due_on=None if due.due_on is None else due.due_on.isoformat(),
                condition="" if due.due_on else due.why,
            )


def _subject(a: Achievement) -> Subject:
    d = a.draft
    return Subject(
        d.title,
        d.level,
        d.negative_list,
        d.negative_list_reason,
        d.ethics_status,
        d.ethics_approval,
        d.ethics_approved_on,
    )


def _parse(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValidationError(field, "请填写日期。") from None


def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _snapshot(draft: TransformationDraft) -> dict[str, object]:
    return {
        "form": draft.form,
        "title": draft.title,
        "counterparty_id": draft.counterparty_id,
        "allocations": [
            {"achievement_id": a.achievement_id, "share": f"{a.share:f}"} for a in draft.allocations
        ],
        "price_fen": draft.price_fen,
        "method": draft.method,
        "terms": encode_terms(draft),
        "contract_registration_no": draft.contract_registration_no,
        "contract_registration_date": draft.contract_registration_date,
    }
