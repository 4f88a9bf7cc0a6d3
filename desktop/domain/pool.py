"""The pay-later pool (先用后付成果池, measure 五): computed from the register, not typed.

An achievement is a candidate when its IP was granted at least the rule's number of years ago, it
has not been transformed or terminated, it is not on the negative list, and it is not classified
(a published list cannot carry classified records). Officers confirm or exclude candidates with a
reason; a published version keeps its contents so it can be shown again as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.dates import add_years, format_cn_date
from desktop.domain.rules import Rule, rule
from desktop.errors import ValidationError

RULE_ID = "liaoning.pool.ip_held_years"
PUBLISHABLE_LEVELS = ("public", "internal")
OPEN_STATUSES = ("registered", "pricing", "publicity", "trading")
DECISIONS = ("confirmed", "excluded")


@dataclass(frozen=True)
class PoolFacts:
    """What the rule looks at, read from the register."""

    achievement_id: int
    title: str
    status: str
    level: str
    negative_list: bool
    first_grant: str | None  # ISO date of the earliest granted IP right
    grant_number: str  # the IP number granted on that date
    kind: str = ""
    department: str = ""


@dataclass(frozen=True)
class Candidate:
    facts: PoolFacts
    reason: str  # why it is a candidate, with the rule's source
    decision: str | None = None  # confirmed / excluded / None (not yet decided)
    decision_reason: str = ""


def held_long_enough(granted: dt.date, today: dt.date) -> bool:
    """The rule's years have passed since the grant (nominal date, no holiday roll-over, as
    legal-rules D3 says for eligibility cut-offs; 29 February + 3 years = 28 February)."""
    held: Rule = rule(RULE_ID, today)
    return add_years(granted, int(held.value)) <= today


def cutoff(today: dt.date) -> dt.date:
    """The latest grant date that has been held long enough today: exactly the dates for which
    ``held_long_enough`` is true are those on or before it (29 February included)."""
    held: Rule = rule(RULE_ID, today)
    latest = add_years(today, -int(held.value))
    while not held_long_enough(latest, today):
        latest -= dt.timedelta(days=1)
    while held_long_enough(latest + dt.timedelta(days=1), today):
        latest += dt.timedelta(days=1)
    return latest


def candidate_reason(facts: PoolFacts, today: dt.date) -> str | None:
    """The reason ``facts`` make a candidate, or None when they do not."""
    if facts.first_grant is None or facts.negative_list:
        return None
    if facts.status not in OPEN_STATUSES or facts.level not in PUBLISHABLE_LEVELS:
        return None
    granted = dt.date.fromisoformat(facts.first_grant)
    if not held_long_enough(granted, today):
        return None
    held = rule(RULE_ID, today)
    return (
        f"{facts.grant_number} 于 {format_cn_date(granted)} 授权，持有已满 {held.value} 年，"
        f"尚未转化（{held.source}）"
    )


def check_decision(decision: str, reason: str) -> str:
    if decision not in DECISIONS:
        raise ValidationError("decision", "请选择纳入或排除。")
    reason = reason.strip()
    if decision == "excluded" and not reason:
        raise ValidationError("reason", "排除出成果池须写明理由。")
    if len(reason) > 500:
        raise ValidationError("reason", "理由不能超过 500 个字。")
    return reason
