"""Every code the agreements store or raise has a Chinese label (an untranslated code in the UI
is a defect nobody would notice until a user does)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.domain import gates, rights_grants, todo
from desktop.domain.confidentiality import PARTY_KIND_NAMES
from desktop.ui import labels

GRANT_RULES = (
    "E_GRANT_NOT_PUBLICISED",
    "E_GRANT_PUBLICITY_RUNNING",
    "E_GRANT_OBJECTION_OPEN",
    "E_GRANT_OBJECTION_UPHELD",
    "E_CONVERSION_OUTSIDE_TERM",
)


def chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@pytest.mark.parametrize("rule_id", [*gates.RULES, *GRANT_RULES])
def test_every_rule_has_a_name(zh_app, rule_id: str) -> None:  # type: ignore[no-untyped-def]
    assert chinese(labels.rule_name(rule_id))


def test_the_grant_rules_listed_here_are_the_ones_the_domain_raises() -> None:
    source = Path(rights_grants.__file__).read_text(encoding="utf-8")
    assert set(re.findall(r'"(E_[A-Z_]+)"', source)) == set(GRANT_RULES)


@pytest.mark.parametrize(
    ("label", "codes"),
    [
        (labels.grant_kind, rights_grants.KINDS),
        (labels.grant_status, rights_grants.STATUSES),
        (labels.objection_status, rights_grants.OBJECTION_STATUSES),
        (labels.amendment_kind, rights_grants.AMENDMENT_KINDS),
        (labels.filing_kind, rights_grants.FILING_KINDS),
        (labels.party_kind, tuple(PARTY_KIND_NAMES)),
        (labels.export_category, gates.EXPORT_CATEGORIES),
        (
            labels.agreement_status,
            ("draft", "pending", "in_force", "expiring", "expired", "terminated"),
        ),
        (labels.todo_kind, todo.KINDS),
    ],
)
def test_every_code_has_a_chinese_label(zh_app, label, codes) -> None:  # type: ignore[no-untyped-def]
    names = [label(code) for code in codes]
    assert all(chinese(n) for n in names), names
    assert len(set(names)) == len(names)


REWARD_RULES = (
    "E_RATE_BELOW_MIN",
    "E_DEDUCTION_TYPE_NOT_ALLOWED",
    "E_MAIN_CONTRIBUTOR_SHARE",
    "E_PRINCIPAL_LEADER_EQUITY",
    "E_IMPL_YEARS_OUT_OF_RANGE",
    "E_NOT_CONTRIBUTOR",
    "E_REWARD_NOT_PUBLICISED",
    "E_REWARD_NOTICE_RUNNING",
    "E_REWARD_OBJECTION_OPEN",
)


def test_the_reward_rules_have_names_and_are_the_ones_raised(zh_app) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain import rewards
    from desktop.services import rewards as reward_service

    raised = set()
    for module in (rewards, reward_service):
        source = Path(module.__file__).read_text(encoding="utf-8")
        raised |= set(re.findall(r'"(E_[A-Z_0-9]+)"', source))
    assert raised - {"E_NET_INCOME_NEGATIVE", "E_LEADER_PUBLICITY_MISSING"} == set(REWARD_RULES)
    assert all(chinese(labels.rule_name(r)) for r in REWARD_RULES)
