"""The achievement record's rules: shares add up exactly, references and marks are consistent,
and the life cycle moves only by the actions that cause it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.achievements import (
    STATUSES,
    TRANSITIONS,
    AchievementDraft,
    AchievementQuery,
    Completer,
    IpRight,
    next_status,
    parse_share,
    snapshot,
    validate_achievement,
)
from desktop.errors import ValidationError


def draft(**changes: object) -> AchievementDraft:
    base = AchievementDraft(
        title="  一种高强韧镁合金的制备方法 ",
        abstract="摘要",
        keywords=("镁合金", " 热处理 ", "镁合金", ""),
        kind="invention_patent",
        department_id=None,
        funding_type="vertical",
        funding_ref="2023JH1/10400001",
        completers=(
            Completer(1, "lead", Decimal("66.67")),
            Completer(2, "member", Decimal("33.33")),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def field_of(bad: AchievementDraft) -> str:
    with pytest.raises(ValidationError) as raised:
        validate_achievement(bad)
    assert raised.value.message and not raised.value.message.isascii()
    return raised.value.field


def test_a_good_record_is_cleaned() -> None:
    good = validate_achievement(draft())
    assert good.title == "一种高强韧镁合金的制备方法"
    assert good.keywords == ("镁合金", "热处理")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "长" * 201}, "title"),
        ({"abstract": "长" * 5001}, "abstract"),
        ({"keywords": tuple(f"词{i}" for i in range(11))}, "keywords"),
        ({"keywords": ("长" * 31,)}, "keywords"),
        ({"kind": "poem"}, "kind"),
        ({"funding_type": "gift"}, "funding_type"),
        ({"funding_ref": " "}, "funding_ref"),
        ({"funding_type": "horizontal", "funding_ref": ""}, "funding_ref"),
        ({"completers": ()}, "completers"),
        ({"completers": (Completer(1, "lead", Decimal("99")),)}, "completers"),
        ({"completers": (Completer(1, "member", Decimal("100")),)}, "completers"),
        ({"completers": (Completer(1, "lead", Decimal("100.001")),)}, "completers"),
        (
            {
                "completers": (
                    Completer(1, "lead", Decimal("50")),
                    Completer(1, "member", Decimal("50")),
                )
            },
            "completers",
        ),
        ({"completers": (Completer(1, "boss", Decimal("100")),)}, "completers"),
        ({"completers": (Completer(1, "lead", Decimal("NaN")),)}, "completers"),
        ({"kind": "know_how", "ip_rights": (IpRight("202310123456.X"),)}, "ip_rights"),
        ({"ip_rights": (IpRight("202310123456.X", "2024-01-01", "2023-01-01"),)}, "ip_rights"),
        ({"ip_rights": (IpRight("202310123456.X", "2024-13-01"),)}, "ip_rights"),
        ({"level": "cosmic"}, "level"),
        ({"level": "secret"}, "secrecy_mark"),
        ({"secrecy_mark": "秘密★5年"}, "secrecy_mark"),
        ({"negative_list": True}, "negative_list_reason"),
        ({"ethics_status": "maybe"}, "ethics_status"),
        ({"ethics_status": "approved"}, "ethics_approval"),
    ],
)
def test_each_bad_field_is_named(changes: dict[str, object], field: str) -> None:
    assert field_of(draft(**changes)) == field


def test_the_share_message_gives_the_total() -> None:
    with pytest.raises(ValidationError, match=r"现为 99\.5%"):
        validate_achievement(
            draft(
                completers=(
                    Completer(1, "lead", Decimal("66.17")),
                    Completer(2, "member", Decimal("33.33")),
                )
            )
        )


@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=12))
def test_shares_in_hundredths_that_sum_to_100_are_accepted(weights: list[int]) -> None:
    # Largest-remainder split of 100.00 by the weights: always exact, always accepted.
    total = sum(weights)
    cents = [w * 10_000 // total for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: -(weights[i] * 10_000 % total))[
        : 10_000 - sum(cents)
    ]:
        cents[i] += 1
    if 0 in cents:
        return
    completers = tuple(
        Completer(i + 1, "lead" if i == 0 else "member", Decimal(c) / 100)
        for i, c in enumerate(cents)
    )
    assert validate_achievement(draft(completers=completers)).completers == completers


@given(st.integers(min_value=-5000, max_value=5000).filter(lambda n: n != 0))
def test_any_total_other_than_100_is_refused(off_by_cents: int) -> None:
    share = Decimal(10_000 + off_by_cents) / 100
    if share <= 0:
        return
    with pytest.raises(ValidationError):
        validate_achievement(draft(completers=(Completer(1, "lead", share),)))


@pytest.mark.parametrize(
    ("typed", "value"), [("33.33", "33.33"), (" 33.33% ", "33.33"), ("３３．３３％", "33.33")]
)
def test_shares_are_read_as_people_type_them(typed: str, value: str) -> None:
    assert parse_share(typed) == Decimal(value)


def test_a_share_that_is_not_a_number_is_a_field_error() -> None:
    with pytest.raises(ValidationError) as raised:
        parse_share("三分之一")
    assert raised.value.field == "completers"


def test_the_life_cycle_moves_only_by_its_actions() -> None:
    assert next_status("registered", "start_pricing") == "pricing"
    assert next_status("pricing", "start_publicity") == "publicity"
    assert next_status("publicity", "start_trading") == "trading"
    assert next_status("trading", "complete") == "transformed"
    with pytest.raises(ValidationError):
        next_status("registered", "complete")
    with pytest.raises(ValidationError):
        next_status("transformed", "terminate")
    assert set(TRANSITIONS) == set(STATUSES)
    assert {to for moves in TRANSITIONS.values() for to in moves.values()} <= set(STATUSES)


def test_the_snapshot_keeps_exact_shares_as_text() -> None:
    shot = snapshot(validate_achievement(draft()))
    assert shot["completers"] == [
        {"person_id": 1, "role": "lead", "share": "66.67"},
        {"person_id": 2, "role": "member", "share": "33.33"},
    ]


def test_an_unknown_sort_key_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        AchievementQuery(sort="colour")
