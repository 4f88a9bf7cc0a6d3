"""The gates of measure (十五): each rule with its boundary cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.gates import (
    ACTIONS,
    RULES,
    AgreementCover,
    Cooperation,
    ExportCheck,
    Party,
    Subject,
    enforce,
    findings,
    refuse_negative_listed,
    validate_export_check,
)
from desktop.errors import RuleViolation, ValidationError

TODAY = dt.date(2026, 1, 5)
ZHANG = Party("individual", "张三", "21010219800101001X")
FIRM = Party("enterprise", "辽宁某科技有限公司", "91350100M000100Y43")
PUBLIC = Subject("一种镁合金", "public")
SECRET = Subject("一种镁合金", "confidential")


def cover(party: Party = ZHANG, **changes: object) -> AgreementCover:
    agreement = AgreementCover(
        doc_no="保密〔2026〕1号",
        party=party,
        level="confidential",
        term_start="2025-01-01",
        term_end="2030-12-31",
        approval_recorded=True,
    )
    return replace(agreement, **changes)  # type: ignore[arg-type]


def rules(coop: Cooperation, today: dt.date = TODAY) -> list[str]:
    return [f.rule_id for f in findings(coop, today=today)]


def test_every_rule_names_a_source() -> None:
    for rule in RULES.values():
        assert rule.source and rule.status in ("verified", "unverified")


@pytest.mark.parametrize(
    ("action", "refused"),
    [("grant", True), ("pay_later", True), ("ledger", True), ("transformation", False)],
)
def test_the_negative_list_keeps_out_grants_ledger_and_pay_later(
    action: str, refused: bool
) -> None:
    subject = replace(PUBLIC, negative_list=True, negative_list_reason="涉及国防安全")
    assert ("E_NEGATIVE_LIST" in rules(Cooperation(action, subject))) is refused
    if refused:
        with pytest.raises(RuleViolation) as raised:
            refuse_negative_listed(action, subject)
        assert raised.value.rule_id == "E_NEGATIVE_LIST"
        assert "第（十五）条" in raised.value.source and "涉及国防安全" in raised.value.message


def test_public_cooperation_passes() -> None:
    assert enforce(Cooperation("grant", PUBLIC, parties=(ZHANG,)), today=TODAY) == []


def test_classified_needs_approval_and_an_agreement_with_each_party() -> None:
    coop = Cooperation("grant", SECRET, parties=(ZHANG,))
    assert rules(coop) == ["E_SECRET_NO_APPROVAL", "E_CONFIDENTIALITY_AGREEMENT"]
    coop = replace(coop, secrecy_approved=True, agreements=(cover(),))
    assert rules(coop) == []


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"term_end": "2026-01-04"}, "2026年1月4日到期"),  # expired yesterday
        ({"term_start": "2026-01-06"}, "2026年1月6日起才生效"),  # starts tomorrow
        ({"approval_recorded": False}, "尚未记录审批备案"),
        ({"terminated": True}, "已终止"),
    ],
)
def test_an_agreement_not_in_force_does_not_open_the_gate(
    changes: dict[str, object], why: str
) -> None:
    coop = Cooperation(
        "transformation",
        SECRET,
        parties=(FIRM,),
        secrecy_approved=True,
        agreements=(cover(FIRM, **changes),),
    )
    (found,) = findings(coop, today=TODAY)
    assert found.rule_id == "E_CONFIDENTIALITY_AGREEMENT" and why in found.message


def test_an_agreement_ending_today_still_counts() -> None:
    coop = Cooperation(
        "grant",
        SECRET,
        parties=(ZHANG,),
        secrecy_approved=True,
        agreements=(cover(term_end="2026-01-05"),),
    )
    assert rules(coop) == []


@pytest.mark.parametrize(
    ("party", "agreement_level", "covered"),
    [
        (ZHANG, "confidential", True),
        (ZHANG, "top_secret", True),
        (ZHANG, "secret", False),  # below the achievement's level
        (Party("individual", "张三", ""), "confidential", False),  # no id number to match
        (Party("enterprise", "张三", ZHANG.code), "confidential", False),  # kind differs
    ],
)
def test_an_agreement_covers_its_own_party_at_its_level_or_above(
    party: Party, agreement_level: str, covered: bool
) -> None:
    coop = Cooperation(
        "grant",
        SECRET,
        parties=(party,),
        secrecy_approved=True,
        agreements=(cover(level=agreement_level),),
    )
    assert (rules(coop) == []) is covered


def test_top_secret_is_not_provided_abroad() -> None:
    subject = replace(SECRET, level="top_secret")
    coop = Cooperation(
        "grant",
        subject,
        overseas=True,
        secrecy_approved=True,
        export_check=ExportCheck("free", "2023年版", "2026-01-01", contract_registration_no="X"),
    )
    assert rules(coop) == ["E_TOP_SECRET_ABROAD"]


def test_classified_abroad_needs_the_secrecy_review_first() -> None:
    coop = Cooperation("transformation", SECRET, overseas=True)
    assert rules(coop)[:2] == ["E_EXPORT_SECRET_REVIEW", "E_EXPORT_CHECK_MISSING"]


@pytest.mark.parametrize(
    ("status", "number", "day", "refused", "words"),
    [
        ("not_needed", "", None, False, ""),
        ("pending", "", None, True, "审查通过"),
        ("rejected", "", None, True, "未获通过"),
        ("approved", "伦审2025-01", None, True, "批准日期"),
        ("approved", "", "2025-01-01", True, "批件号"),
        ("approved", "伦审2025-01", "2025-01-01", False, ""),
    ],
)
def test_ethics_review_is_recorded_with_number_and_date(
    status: str, number: str, day: str | None, refused: bool, words: str
) -> None:
    subject = replace(PUBLIC, ethics_status=status, ethics_approval=number, ethics_approved_on=day)
    found = findings(Cooperation("transformation", subject), today=TODAY)
    assert bool(found) is refused
    if refused:
        assert found[0].rule_id == "E_ETHICS_REVIEW" and words in found[0].message


@pytest.mark.parametrize(
    ("check", "rule", "blocking"),
    [
        (None, "E_EXPORT_CHECK_MISSING", True),
        (ExportCheck("prohibited", "2023年版", "2026-01-01"), "E_EXPORT_PROHIBITED", True),
        (ExportCheck("restricted", "2023年版", "2026-01-01"), "E_EXPORT_LICENSE_MISSING", True),
        (ExportCheck("restricted", "2023年版", "2026-01-01", licence_no="01XK"), None, False),
        (ExportCheck("free", "2023年版", "2026-01-01"), "W_EXPORT_CONTRACT_REGISTRATION", False),
        (ExportCheck("free", "2023年版", "2026-01-01", contract_registration_no="X1"), None, False),
    ],
)
def test_the_export_gate(check: ExportCheck | None, rule: str | None, blocking: bool) -> None:
    coop = Cooperation("grant", PUBLIC, overseas=True, export_check=check)
    found = findings(coop, today=TODAY)
    assert [f.rule_id for f in found] == ([rule] if rule else [])
    if rule is None:
        return
    assert found[0].blocking is blocking
    if blocking:
        with pytest.raises(RuleViolation) as raised:
            enforce(coop, today=TODAY)
        assert raised.value.rule_id == rule and raised.value.source == found[0].source
    else:
        assert enforce(coop, today=TODAY) == found


def test_no_export_check_without_a_party_abroad() -> None:
    coop = Cooperation("grant", PUBLIC, export_check=ExportCheck("prohibited", "v", "2026-01-01"))
    assert rules(coop) == []


def test_export_check_is_validated() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_export_check(ExportCheck("maybe", "v", "2026-01-01"), today=TODAY)
    assert raised.value.field == "category"
    with pytest.raises(ValidationError) as raised:
        validate_export_check(ExportCheck("free", " ", "2026-01-01"), today=TODAY)
    assert raised.value.field == "catalogue_version"
    with pytest.raises(ValidationError) as raised:
        validate_export_check(ExportCheck("free", "v", "2026-01-06"), today=TODAY)
    assert raised.value.field == "checked_on"
    # A licence number means nothing for a free technology: it is not kept.
    kept = validate_export_check(
        ExportCheck("free", " 2023年版 ", "2026-01-05", licence_no="L"), today=TODAY
    )
    assert (kept.catalogue_version, kept.licence_no) == ("2023年版", "")


@given(
    action=st.sampled_from(ACTIONS),
    level=st.sampled_from(["public", "internal", "secret", "confidential", "top_secret"]),
    negative=st.booleans(),
    overseas=st.booleans(),
    approved=st.booleans(),
    ethics=st.sampled_from(["not_needed", "pending", "approved", "rejected"]),
)
def test_blocking_findings_come_first_and_enforce_raises_the_first(
    action: str,
    level: str,
    negative: bool,
    overseas: bool,
    approved: bool,
    ethics: str,
) -> None:
    subject = Subject("t", level, negative, "r", ethics, "n", "2025-01-01")
    coop = Cooperation(action, subject, (ZHANG,), overseas, approved)
    found = findings(coop, today=TODAY)
    flags = [f.blocking for f in found]
    assert flags == sorted(flags, reverse=True)
    if any(flags):
        with pytest.raises(RuleViolation) as raised:
            enforce(coop, today=TODAY)
        assert raised.value.rule_id == found[0].rule_id
    else:
        assert enforce(coop, today=TODAY) == found
