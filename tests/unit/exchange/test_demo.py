"""Sample data: deterministic, every type and level, and valid by the register's own rules."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import KINDS, validate_registration
from desktop.domain.identifiers import validate_credit_code, validate_id_number
from desktop.domain.people import validate_person
from desktop.domain.unit import validate_profile
from desktop.exchange import demo

TODAY = date(2026, 1, 5)


def test_the_same_seed_gives_the_same_data() -> None:
    one, two = demo.generate(40, seed=7, today=TODAY), demo.generate(40, seed=7, today=TODAY)
    assert one.people == two.people
    assert list(one.achievements()) == list(two.achievements())
    other = demo.generate(40, seed=8, today=TODAY)
    assert [a.draft.title for a in other.achievements()] != [
        a.draft.title for a in one.achievements()
    ]


def test_a_small_set_still_has_every_type_and_level() -> None:
    achievements = list(demo.generate(10, today=TODAY).achievements())
    assert {a.draft.kind for a in achievements} == set(KINDS)
    assert {a.draft.level for a in achievements} == set(CLEARANCES)


def test_every_record_passes_the_registers_checks_on_its_registration_day() -> None:
    data = demo.generate(1500, today=TODAY)
    validate_credit_code(data.unit.credit_code)
    validate_profile(data.unit)
    ids = [p.id_number for p in data.people if p.id_number]
    assert ids and all(validate_id_number(n, today=TODAY) == n for n in ids)
    assert all(validate_person(p, today=TODAY) == p for p in data.people)
    departments = list(range(1, len(data.unit.departments) + 1))
    people = list(range(1, len(data.people) + 1))
    previous = datetime.min
    kinds: Counter[str] = Counter()
    numbers: list[str] = []
    for achievement in data.achievements():
        assert achievement.registered_at >= previous  # in order of registration
        previous = achievement.registered_at
        assert achievement.registered_at.date() < TODAY
        draft = demo.bind(achievement.draft, departments, people)
        checked = validate_registration(draft, today=achievement.registered_at.date())
        assert sum(c.share for c in checked.completers) == Decimal(100)
        assert [ip.number for ip in checked.ip_rights] == [ip.number for ip in draft.ip_rights]
        numbers += [ip.number for ip in draft.ip_rights]
        kinds[draft.kind] += 1
    assert len(numbers) == len(set(numbers))  # no IP number twice
    assert kinds.most_common(1)[0][0] == "invention_patent"
    assert len(kinds) == len(KINDS)


def test_bind_replaces_positions_with_ids() -> None:
    first = next(demo.generate(1, today=TODAY).achievements()).draft
    bound = demo.bind(first, [100 + i for i in range(12)], [1000 + i for i in range(100)])
    assert bound.department_id == 100 + (first.department_id or 0) - 1
    assert [c.person_id for c in bound.completers] == [
        1000 + c.person_id - 1 for c in first.completers
    ]


@given(st.integers(1, 10**6), st.lists(st.integers(1, 50), min_size=1, max_size=10))
def test_split_adds_up_and_stays_within_one_of_the_exact_share(
    total: int, weights: list[int]
) -> None:
    parts = demo._split(total, weights)
    assert sum(parts) == total
    whole = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part * whole - total * weight) < whole


def test_the_clock_never_runs_backwards() -> None:
    clock = demo.DemoClock()
    clock.set(datetime(2020, 1, 2, 9))
    clock.set(datetime(2019, 1, 1))
    assert clock().replace(tzinfo=None) == datetime(2020, 1, 2, 9)
    assert clock().tzinfo is not None
