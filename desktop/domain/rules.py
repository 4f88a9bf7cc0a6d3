"""Policy thresholds as data: each with its source and whether it is verified.

legal-rules.md asks for every threshold in a table (rule id, value, source, status, effective
date), so a policy change is a new row with a date, not a code change. Calculations name the rule
they used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Rule:
    id: str
    value: int | Decimal
    source: str
    status: str  # "verified" (V) or "unverified" (U), as in legal-rules.md
    effective_from: dt.date
    text: str  # the rule in words, for explanations


RULES: tuple[Rule, ...] = (
    Rule(
        id="liaoning.pool.ip_held_years",
        value=3,
        source="辽科发〔2025〕6号 第（五）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="持有知识产权超过三年未转化的成果，原则上纳入先用后付成果池",
    ),
    Rule(
        id="liaoning.use_right.min_years",
        value=10,
        source="辽科发〔2025〕6号 第（一）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="赋予科研人员职务科技成果长期使用权，期限不少于10年",
    ),
    Rule(
        id="liaoning.listing.half_month_days",
        value=15,
        source="辽科发〔2025〕6号 第（四）条（“半个月内无人摘牌”；按15日计算）",
        status="unverified",
        effective_from=dt.date(2025, 1, 1),
        text="协议定价存在异议的，可在技术市场挂牌交易，半个月内无人摘牌，按协议定价交易",
    ),
    Rule(
        id="liaoning.surplus.researcher_share_min",
        value=Decimal(90),
        source="辽科发〔2025〕6号 第（三）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="科研人员用横向科研项目结余经费出资转化的，科研人员收益占比原则上不低于90%",
    ),
)


def rule(rule_id: str, on: dt.date | None = None) -> Rule:
    """The version of the rule in force on ``on`` (the newest when not given)."""
    versions = [r for r in RULES if r.id == rule_id and (on is None or r.effective_from <= on)]
    if not versions:
        raise KeyError(rule_id)
    return max(versions, key=lambda r: r.effective_from)
