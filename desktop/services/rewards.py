"""Rewards (measure 十二): the unit's dated policy, calculations kept with the rule versions they
used, the public notice (working days, legal-rules D2) and the payment that waits for it.

A calculation is computed by ``desktop.domain.rewards.calculate`` from what the user enters, the
people register (names, leader posts) and the unit's policy as it stood on the calculation day;
what is stored is the input and the result together, so it reads back the same years later
whatever the rules have become since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from db import calendar, people, rewards, settings, transformations, unit
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.approvals import clean_reason
from desktop.domain.calendar import Deadline, working_days
from desktop.domain.permissions import visible_levels
from desktop.domain.rewards import (
    UNIT_RULES,
    Recipient,
    RewardCalculation,
    RewardDraft,
    RewardInput,
    RewardObjection,
    RewardResult,
    UnitPolicy,
    calculate,
)
from desktop.domain.settings import DEFAULTS
from desktop.errors import PermissionDenied, RuleViolation, ValidationError
from desktop.services.base import Service

OBJECT_TYPE = "reward"
NOTICE_SOURCE = "国科发政〔2018〕103号；财税〔2018〕58号 第五条（公示期为单位设置，未经核实）"


class RewardService(Service):
    # -- the unit's policy --------------------------------------------------------------------
    def policy(self, actor: User, on: str) -> UnitPolicy:
        self._authorize(actor, "reward.read")
        with self._vault.read() as conn:
            return self._policy(conn, on)

    def policy_history(self, actor: User) -> list[tuple[str, object, str, str]]:
        self._authorize(actor, "reward.read")
        with self._vault.read() as conn:
            return rewards.policy_history(conn)

    def set_policy(
        self, actor: User, rule_id: str, value: object, *, effective_from: str, source: str
    ) -> None:
        """A new version of one of the unit's rules, from its date on (earlier calculations
        keep the version they used)."""
        self._authorize(actor, "reward.edit")
        if rule_id not in UNIT_RULES:
            raise ValidationError("rule", "未知的单位规则。")
        value = _policy_value(rule_id, value)
        source = source.strip()
        if not source:
            raise ValidationError("source", "请写明依据的单位文件（如“校字〔2024〕8号”）。")
        try:
            dt.date.fromisoformat(effective_from)
        except ValueError:
            raise ValidationError("effective_from", "请填写生效日期。") from None
        with self._vault.transaction() as conn:
            rewards.add_policy_row(
                conn,
                rule_id=rule_id,
                value=value,
                effective_from=effective_from,
                source=source,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "reward.policy_set",
                "unit_reward_rule",
                rule_id,
                after={"value": value, "effective_from": effective_from, "source": source},
            )

    # -- calculating --------------------------------------------------------------------------
    def preview(self, actor: User, draft: RewardDraft) -> RewardResult:
        """The calculation without keeping it (the breakdown the form shows)."""
        self._authorize(actor, "reward.edit")
        with self._vault.read() as conn:
            data, _ = self._input(conn, actor, draft)
        return calculate(data)

    def save(self, actor: User, draft: RewardDraft) -> int:
        self._authorize(actor, "reward.edit")
        title = draft.title.strip()
        if not title:
            raise ValidationError("title", "请填写奖励事项名称。")
        with self._vault.transaction() as conn:
            data, level = self._input(conn, actor, draft)
            result = calculate(data)
            calculation_id = rewards.insert(
                conn,
                title=title,
                transformation_id=draft.transformation_id,
                data=data,
                result=result,
                level=level,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "reward.calculated",
                OBJECT_TYPE,
                calculation_id,
                after={
                    "title": title,
                    "kind": data.kind,
                    "pool_fen": result.pool_fen,
                    "lines": [
                        {
                            "person_id": x.person_id,
                            "amount_fen": x.amount_fen,
                            "shares": x.shares,
                            "percent": f"{x.percent:f}",
                        }
                        for x in result.lines
                    ],
                    "rules_used": [list(r) for r in result.rules_used],
                },
                level=level,
            )
        return calculation_id

    def visible(self, actor: User) -> list[RewardCalculation]:
        self._authorize(actor, "reward.read")
        with self._vault.read() as conn:
            return [
                self._record(conn, row)
                for row in rewards.list_visible(conn, levels=visible_levels(actor))
            ]

    def get(self, actor: User, calculation_id: int) -> RewardCalculation:
        self._authorize(actor, "reward.read")
        with self._vault.read() as conn:
            return self._visible(conn, actor, calculation_id)

    # -- the notice and the payment -------------------------------------------------------------
    def start_notice(self, actor: User, calculation_id: int, start: str) -> Deadline:
        """Publicise the reward (103号 fields) for the unit's period in working days (D2)."""
        self._authorize(actor, "reward.edit")
        try:
            day = dt.date.fromisoformat(start)
        except ValueError:
            raise ValidationError("notice_start", "请填写公示开始日期。") from None
        with self._vault.transaction() as conn:
            c = self._visible(conn, actor, calculation_id)
            if c.state != "calculated":
                raise ValidationError("notice_start", "该奖励已公示、已发放或已作废。")
            days = int(
                settings.get(
                    conn, "publicity_workdays_reward", DEFAULTS["publicity_workdays_reward"]
                )
            )
            deadline = working_days(day, days, calendar.load(conn))
            rewards.set_fields(
                conn,
                c.id,
                state="notice",
                notice_start=day.isoformat(),
                notice_end=deadline.end.isoformat(),
                updated_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "reward.notice_started",
                OBJECT_TYPE,
                c.id,
                before={"state": c.state},
                after={
                    "state": "notice",
                    "notice_start": day.isoformat(),
                    "notice_end": deadline.end.isoformat(),
                    "explanation": deadline.explain(),
                },
                level=c.level,
            )
        return deadline

    def add_objection(
        self, actor: User, calculation_id: int, *, received_on: str, content: str
    ) -> int:
        self._authorize(actor, "reward.edit")
        try:
            received = dt.date.fromisoformat(received_on)
        except (TypeError, ValueError):
            raise ValidationError("received_on", "请填写收到日期。") from None
        if received > self._now().date():
            raise ValidationError("received_on", "收到日期不能晚于今天。")
        received_on = received.isoformat()
        if not content.strip():
            raise ValidationError("content", "请填写异议内容。")
        text = clean_reason(content, field="content")
        with self._vault.transaction() as conn:
            c = self._visible(conn, actor, calculation_id)
            if c.state != "notice":
                raise ValidationError("received_on", "只有公示中的奖励可以登记异议。")
            objection_id = rewards.add_objection(conn, c.id, received_on=received_on, content=text)
            self._audit(
                conn,
                actor,
                "reward.objection_received",
                OBJECT_TYPE,
                c.id,
                after={"objection": objection_id, "received_on": received_on, "content": text},
                level=c.level,
            )
        return objection_id

    def resolve_objection(self, actor: User, objection_id: int, resolution: str) -> None:
        self._authorize(actor, "reward.edit")
        text = clean_reason(resolution, field="resolution")
        with self._vault.transaction() as conn:
            if rewards.objection_resolved(conn, objection_id):
                raise ValidationError("resolution", "该异议已处理。")
            calculation_id = rewards.resolve_objection(
                conn, objection_id, on=self._now().date().isoformat(), resolution=text
            )
            if calculation_id is None:
                raise ValidationError("resolution", "该异议不存在。")
            c = self._visible(conn, actor, calculation_id)
            self._audit(
                conn,
                actor,
                "reward.objection_resolved",
                OBJECT_TYPE,
                c.id,
                after={"objection": objection_id},
                reason=text,
                level=c.level,
            )

    def mark_paid(self, actor: User, calculation_id: int, paid_on: str) -> None:
        """Payment waits for the notice to end with no open objection (103号; 58号 第五条)."""
        self._authorize(actor, "reward.edit")
        try:
            day = dt.date.fromisoformat(paid_on)
        except ValueError:
            raise ValidationError("paid_on", "请填写发放日期。") from None
        if day > self._now().date():
            raise ValidationError("paid_on", "发放日期不能晚于今天。")
        with self._vault.transaction() as conn:
            c = self._visible(conn, actor, calculation_id)
            if c.state != "notice" or c.notice_end is None:
                raise RuleViolation(
                    "奖励须先公示，公示期满后方可发放。", "E_REWARD_NOT_PUBLICISED", NOTICE_SOURCE
                )
            end = dt.date.fromisoformat(c.notice_end)
            if day <= end:
                raise RuleViolation(
                    f"公示期至{end.year}年{end.month}月{end.day}日24时届满，届满前不能发放。",
                    "E_REWARD_NOTICE_RUNNING",
                    NOTICE_SOURCE,
                )
            if any(o.resolved_on is None for o in c.objections):
                raise RuleViolation(
                    "公示期间收到的异议尚未处理完毕，不能发放。",
                    "E_REWARD_OBJECTION_OPEN",
                    NOTICE_SOURCE,
                )
            rewards.set_fields(
                conn, c.id, state="paid", paid_on=day.isoformat(), updated_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "reward.paid",
                OBJECT_TYPE,
                c.id,
                before={"state": "notice"},
                after={"state": "paid", "paid_on": day.isoformat()},
                level=c.level,
            )

    def cancel(self, actor: User, calculation_id: int, reason: str) -> None:
        self._authorize(actor, "reward.edit")
        text = clean_reason(reason)
        with self._vault.transaction() as conn:
            c = self._visible(conn, actor, calculation_id)
            if c.state in ("paid", "cancelled"):
                raise ValidationError("reason", "已发放或已作废的奖励不能作废。")
            rewards.set_fields(conn, c.id, state="cancelled", updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "reward.cancelled",
                OBJECT_TYPE,
                c.id,
                before={"state": c.state},
                after={"state": "cancelled"},
                reason=text,
                level=c.level,
            )

    # -- documents ----------------------------------------------------------------------------
    def save_document(self, actor: User, calculation_id: int, which: str, path: Path) -> None:
        """``which``: "statement" (PDF), "notice" (PDF) or "xlsx" (for the finance office);
        written atomically and audited with its SHA-256."""
        self._authorize(actor, "reward.read")
        content = self.document(actor, calculation_id, which)
        path = Path(path)
        with self._vault.transaction() as conn:
            c = self._visible(conn, actor, calculation_id)
            self._audit(
                conn,
                actor,
                "reward.document_exported",
                OBJECT_TYPE,
                c.id,
                after={
                    "document": which,
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "path": str(path),
                },
                level=c.level,
            )
            write_atomic(path, content)

    def document(self, actor: User, calculation_id: int, which: str) -> bytes:
        self._authorize(actor, "reward.read")
        if which not in ("statement", "notice", "xlsx"):
            raise ValidationError("document", "未知的文书类型。")
        from desktop.reports import reward_documents  # reportlab and openpyxl on first use

        with self._vault.read() as conn:
            c = self._visible(conn, actor, calculation_id)
            profile = unit.get(conn)
            deal = (
                transformations.get(conn, c.transformation_id)
                if c.transformation_id is not None
                else None
            )
            people_by_id = {
                line.person_id: people.get(conn, line.person_id) for line in c.result.lines
            }
            workdays = int(
                settings.get(
                    conn, "publicity_workdays_reward", DEFAULTS["publicity_workdays_reward"]
                )
            )
        context = reward_documents.Context(
            unit_name=profile.name if profile else "",
            calculation=c,
            transformation=deal,
            departments={
                pid: (p.department if p is not None else "") for pid, p in people_by_id.items()
            },
            notice_workdays=workdays,
        )
        if which == "statement":
            return reward_documents.render_statement(context)
        if which == "notice":
            return reward_documents.render_notice(context)
        return reward_documents.allocation_xlsx(context)

    # -- internals ----------------------------------------------------------------------------
    def _policy(self, conn: Conn, on: str) -> UnitPolicy:
        rows = rewards.policy_rows(conn, on)
        profile = unit.get(conn)

        def rate(rule_id: str) -> Decimal | None:
            found = rows.get(rule_id)
            return None if found is None else Decimal(str(found[0]))

        sources = sorted({source for _, source in rows.values() if source})
        tax_type = "state_funded" if profile is not None and profile.non_profit else "other"
        deductions = rows.get("unit.deductions")
        state = rows.get("unit.state_established")
        return UnitPolicy(
            rate_transfer=rate("unit.rate.transfer"),
            rate_equity=rate("unit.rate.equity"),
            rate_implementation=rate("unit.rate.implementation"),
            allowed_deductions=frozenset(deductions[0]) if deductions else frozenset(),  # type: ignore[call-overload]
            state_established=bool(state[0]) if state else True,
            tax_type=tax_type,
            source="；".join(sources),
        )

    def _input(self, conn: Conn, actor: User, draft: RewardDraft) -> tuple[RewardInput, str]:
        try:
            dt.date.fromisoformat(draft.on)
        except ValueError:
            raise ValidationError("on", "请填写计算日期。") from None
        level = "public"
        registered = draft.contract_registered
        if draft.transformation_id is not None:
            deal = transformations.get(conn, draft.transformation_id)
            if deal is None or deal.level not in visible_levels(actor):
                raise ValidationError("transformation", "所选转化项目不存在，或您无权查看。")
            level = deal.level
            registered = registered or bool(deal.draft.contract_registration_no)
        recipients = []
        for share in draft.people:
            person = people.get(conn, share.person_id)
            if person is None:
                raise ValidationError("recipients", "所选人员不存在。")
            recipients.append(
                Recipient(
                    person.id,
                    person.name,
                    share.weight,
                    share.main,
                    True,
                    person.leader_type,
                    share.form,
                )
            )
        data = RewardInput(
            kind=draft.kind,
            recipients=tuple(recipients),
            policy=self._policy(conn, draft.on),
            on=draft.on,
            receipts=draft.receipts,
            deductions=draft.deductions,
            equity_shares=draft.equity_shares,
            equity_percent=draft.equity_percent,
            profits_fen=draft.profits_fen,
            surplus_returns_fen=draft.surplus_returns_fen,
            surplus_share=draft.surplus_share,
            principal_equity_approval=draft.principal_equity_approval,
            contract_registered=registered,
            pay_on=draft.pay_on,
        )
        return data, level

    def _visible(self, conn: Conn, actor: User, calculation_id: int) -> RewardCalculation:
        row = rewards.get(conn, calculation_id)
        if row is None or row.level not in visible_levels(actor):
            raise PermissionDenied("该奖励计算不存在，或您无权查看。")
        return self._record(conn, row)

    @staticmethod
    def _record(conn: Conn, row: Any) -> RewardCalculation:
        data, result = rewards.decoded(row)
        return RewardCalculation(
            id=row.id,
            title=row.title,
            transformation_id=row.transformation_id,
            input=data,
            result=result,
            level=row.level,
            state=row.state,
            created_by=row.created_by,
            created_at=row.created_at,
            notice_start=row.notice_start,
            notice_end=row.notice_end,
            paid_on=row.paid_on,
            objections=tuple(
                RewardObjection(o.id, o.received_on, o.content, o.resolved_on, o.resolution)
                for o in rewards.objections(conn, row.id)
            ),
        )


def _policy_value(rule_id: str, value: object) -> object:
    if rule_id.startswith("unit.rate."):
        try:
            rate = Decimal(str(value))
        except ArithmeticError:
            raise ValidationError("value", "比例须为数字，如 0.7 表示 70%。") from None
        if not Decimal(0) < rate <= 1:
            raise ValidationError("value", "比例须在 0–1 之间（如 0.7 表示 70%）。")
        return f"{rate:f}"
    if rule_id == "unit.deductions":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValidationError("value", "请逐项填写可扣除的费用类别。")
        return sorted({v.strip() for v in value if v.strip()})
    return bool(value)
