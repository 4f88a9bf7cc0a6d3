"""Confidentiality agreements: the parties' codes, the term, the approval record, the status."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.domain.confidentiality import (
    ConfidentialityAgreement,
    ConfidentialityDraft,
    require_level_covers,
    status,
    validate_agreement,
)
from desktop.domain.identifiers import credit_code_check_char, id_number_check_char
from desktop.errors import ValidationError

TODAY = dt.date(2026, 1, 5)
ID = "210102198001010011"[:17]
ID_NUMBER = ID + id_number_check_char(ID)
WRONG_ID = ID + ("1" if id_number_check_char(ID) != "1" else "2")
CODE = "91350100M000100Y4"
CREDIT_CODE = CODE + credit_code_check_char(CODE)


def draft(**changes: object) -> ConfidentialityDraft:
    base = ConfidentialityDraft(
        party_kind="individual",
        party_name=" 张三 ",
        party_code=ID_NUMBER.lower(),
        achievement_ids=(3, 3, 4),
        level="confidential",
        scope="配方",
        term_start="2026-01-01",
        term_end="2030-12-31",
        obligations="不得披露。",
        signed_on="2026-01-01",
        approval_body="省保密局",
        approval_date="2026-01-02",
        approval_doc_no="辽保〔2026〕1号",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_valid_agreement_is_normalised() -> None:
    cleaned = validate_agreement(draft(), today=TODAY)
    assert cleaned.party_name == "张三" and cleaned.party_code == ID_NUMBER
    assert cleaned.achievement_ids == (3, 4)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"party_code": WRONG_ID}, "id_number"),
        ({"party_code": ""}, "id_number"),
        ({"party_kind": "enterprise", "party_code": CREDIT_CODE[:-1] + "0"}, "credit_code"),
        ({"party_kind": "robot"}, "party_kind"),
        ({"party_name": " "}, "party_name"),
        ({"achievement_ids": ()}, "achievements"),
        ({"level": "internal"}, "level"),
        ({"scope": ""}, "scope"),
        ({"term_end": "2026-01-01"}, "term_end"),
        ({"term_start": "soon"}, "term_start"),
        ({"obligations": ""}, "obligations"),
        ({"signed_on": "2026-01-06"}, "signed_on"),
        ({"signed_on": None}, "signed_on"),  # an approval cannot precede the signing
        ({"approval_body": ""}, "approval_body"),
        ({"approval_date": None}, "approval_date"),
        ({"approval_doc_no": ""}, "approval_doc_no"),
        ({"approval_date": "2026-01-06"}, "approval_date"),
    ],
)
def test_each_wrong_field_is_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_agreement(draft(**changes), today=TODAY)
    assert raised.value.field == field


def test_an_enterprise_with_a_good_credit_code() -> None:
    cleaned = validate_agreement(
        draft(party_kind="enterprise", party_code=CREDIT_CODE.lower()), today=TODAY
    )
    assert cleaned.party_code == CREDIT_CODE


def test_a_draft_without_its_approval_is_allowed_but_does_not_count() -> None:
    cleaned = validate_agreement(
        draft(signed_on=None, approval_body="", approval_date=None, approval_doc_no=""),
        today=TODAY,
    )
    assert status(agreement(cleaned), TODAY) == "draft"


def agreement(d: ConfidentialityDraft | None = None, **changes: object) -> ConfidentialityAgreement:
    base = ConfidentialityAgreement(
        id=1,
        doc_no="保密〔2026〕1号",
        draft=d or draft(),
        terminated_on=None,
        created_by="u",
        created_at="t",
        updated_at="t",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "in_force"),
        ({"term_end": "2026-02-04"}, "expiring"),  # 30 days ahead
        ({"term_end": "2026-02-05"}, "in_force"),  # 31 days ahead
        ({"term_end": "2026-01-05"}, "expiring"),  # ends today: still in force
        ({"term_start": "2025-01-01", "term_end": "2026-01-04"}, "expired"),
        ({"term_start": "2026-01-06"}, "pending"),
    ],
)
def test_status(changes: dict[str, object], expected: str) -> None:
    assert status(agreement(draft(**changes)), TODAY) == expected
    assert agreement(draft(**changes)).in_force(TODAY) is (expected in ("in_force", "expiring"))


def test_a_terminated_agreement_is_no_longer_in_force() -> None:
    ended = agreement(terminated_on="2026-01-03")
    assert status(ended, TODAY) == "terminated" and not ended.in_force(TODAY)


def test_the_agreement_is_at_least_as_secret_as_what_it_covers() -> None:
    require_level_covers(draft(), {3: "confidential", 4: "secret"})
    with pytest.raises(ValidationError) as raised:
        require_level_covers(draft(), {3: "top_secret", 4: "secret"})
    assert raised.value.field == "level"
    with pytest.raises(ValidationError) as raised:
        require_level_covers(draft(), {3: "internal", 4: "secret"})
    assert raised.value.field == "achievements"
