"""Every code of issue 6 has a Chinese name; the procedure's states are named as the domain's
own messages name them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.domain import counterparties, ledger, pricing, transformations
from desktop.ui import transformation_labels as tl


@pytest.mark.parametrize(
    ("label", "codes"),
    [
        (tl.form, transformations.FORMS),
        (tl.method, transformations.METHODS),
        (tl.state, pricing.STATES),
        (tl.event, pricing.EVENTS),
        (tl.licence_scope, transformations.LICENCE_SCOPES),
        (tl.condition, transformations.CONDITIONS),
        (tl.share_transfer_mode, transformations.SHARE_TRANSFER_MODES),
        (tl.stage, transformations.STAGES),
        (tl.ownership, counterparties.OWNERSHIPS),
        (tl.size, counterparties.SIZES),
        (tl.region, counterparties.REGIONS),
        (tl.ledger_kind, ledger.KINDS),
        (tl.appraisal, pricing.APPRAISALS),
    ],
)
def test_every_code_has_a_distinct_chinese_name(  # type: ignore[no-untyped-def]
    zh_app, label: Callable[[str], str], codes: tuple[str, ...]
) -> None:
    names = [label(code) for code in codes]
    assert all(name != code and not name.isascii() for name, code in zip(names, codes, strict=True))
    assert len(set(names)) == len(names)


def test_states_are_named_as_the_domain_names_them(zh_app) -> None:  # type: ignore[no-untyped-def]
    assert {s: tl.state(s) for s in pricing.STATES} == pricing.STATE_NAMES


def test_the_rules_of_issue_6_have_names_and_the_gates_keep_theirs(zh_app) -> None:  # type: ignore[no-untyped-def]
    assert tl.rule_name("E_PAY_LATER_SIZE") == "先使用后付费限中小微企业"
    assert tl.rule_name("E_NEGATIVE_LIST") == "负面清单"
    assert tl.rule_name("E_SOMETHING_NEW") == "E_SOMETHING_NEW"
    for rule_id in (
        "E_PRICING_NOT_DONE",
        "E_NOTICE_RUNNING",
        "E_LISTING_RUNNING",
        "E_APPRAISAL_NOT_EXEMPT",
        "E_SURPLUS_SHARE_BELOW_90",
        "E_SHARE_TRANSFER_NEEDS_GRANT",
        "E_CALENDAR_MISSING",
    ):
        assert not tl.rule_name(rule_id).isascii(), rule_id
