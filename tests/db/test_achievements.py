"""The register's queries over a real vault: filters, sorting, and Chinese substring search."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import achievements, people
from db.vault import Vault
from desktop.domain.accounts import CLEARANCES, User
from desktop.domain.achievements import AchievementDraft, AchievementQuery, Completer, IpRight
from desktop.domain.people import PersonDraft

TS = "2026-01-05T08:03:00+00:00"


def _person(vault: Vault, name: str) -> int:
    with vault.transaction() as conn:
        return people.insert_person(conn, PersonDraft(name, None, "研究员", "none"))


def _add(
    vault: Vault,
    user: User,
    title: str,
    *,
    lead: int,
    level: str = "public",
    kind: str = "invention_patent",
    abstract: str = "",
    ip: str | None = None,
    created_at: str = TS,
) -> int:
    draft = AchievementDraft(
        title=title,
        abstract=abstract,
        keywords=("关键词",),
        kind=kind,
        department_id=None,
        funding_type="self",
        funding_ref="",
        completers=(Completer(lead, "lead", Decimal(100)),),
        ip_rights=(IpRight(ip),) if ip else (),
        level=level,
        secrecy_mark="秘密★10年" if level == "secret" else "",
    )
    with vault.transaction() as conn:
        return achievements.insert_achievement(
            conn, draft, created_by=user.id, created_at=created_at
        )


def _titles(
    vault: Vault, query: AchievementQuery, levels: tuple[str, ...] = CLEARANCES
) -> list[str]:
    with vault.read() as conn:
        rows = achievements.list_page(conn, query, levels=levels, offset=0, limit=100)
        assert achievements.count(conn, query, levels=levels) == len(rows)
    return [r.title for r in rows]


@pytest.fixture
def register(unlocked: tuple[Vault, User]) -> tuple[Vault, User, int, int]:
    vault, user = unlocked
    zhang, li = _person(vault, "张三丰"), _person(vault, "李四")
    _add(vault, user, "一种高强韧镁合金的制备方法", lead=zhang, ip="202310123456.X")
    _add(vault, user, "锂电池正极材料回收工艺", lead=li, abstract="湿法冶金回收钴镍")
    _add(
        vault,
        user,
        "Mg alloy casting die",
        lead=li,
        kind="design",
        created_at="2025-06-01T00:00:00",
    )
    _add(vault, user, "涉密镁合金装甲", lead=zhang, level="secret")
    return vault, user, zhang, li


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("镁合金", ["涉密镁合金装甲", "一种高强韧镁合金的制备方法"]),
        ("镁", ["涉密镁合金装甲", "一种高强韧镁合金的制备方法"]),  # one character: scanned
        ("钴镍", ["锂电池正极材料回收工艺"]),  # in the abstract, two characters
        ("张三丰", ["涉密镁合金装甲", "一种高强韧镁合金的制备方法"]),  # a completer's name
        ("202310123456", ["一种高强韧镁合金的制备方法"]),  # an IP number
        ("ALLOY", ["Mg alloy casting die"]),  # Latin letters ignore case
        ("mg", ["Mg alloy casting die"]),
        ("镁合金 制备", ["一种高强韧镁合金的制备方法"]),  # every term must match
        ('"镁合金', []),  # a quote is text, not syntax
        ("不存在的成果", []),
    ],
)
def test_search(register: tuple[Vault, User, int, int], text: str, titles: list[str]) -> None:
    vault = register[0]
    assert _titles(vault, AchievementQuery(text=text)) == titles


def test_records_above_the_levels_given_are_not_listed_found_or_counted(
    register: tuple[Vault, User, int, int],
) -> None:
    vault = register[0]
    visible = ("public", "internal")
    assert "涉密镁合金装甲" not in _titles(vault, AchievementQuery(), visible)
    assert _titles(vault, AchievementQuery(text="装甲"), visible) == []
    with vault.read() as conn:
        assert achievements.years(conn, levels=visible) == [2026, 2025]


def test_filters_and_sorting(register: tuple[Vault, User, int, int]) -> None:
    vault = register[0]
    assert _titles(vault, AchievementQuery(kind="design")) == ["Mg alloy casting die"]
    assert _titles(vault, AchievementQuery(year=2025)) == ["Mg alloy casting die"]
    assert _titles(vault, AchievementQuery(level="secret")) == ["涉密镁合金装甲"]
    by_level = _titles(vault, AchievementQuery(sort="level", descending=True))
    assert by_level[0] == "涉密镁合金装甲"
    by_lead = _titles(vault, AchievementQuery(sort="lead", descending=False))
    # Binary order of the names (张 U+5F20 before 李 U+674E), ties by number.
    assert by_lead == [
        "一种高强韧镁合金的制备方法",
        "涉密镁合金装甲",
        "锂电池正极材料回收工艺",
        "Mg alloy casting die",
    ]
    oldest_first = _titles(vault, AchievementQuery(sort="year", descending=False))
    assert oldest_first[0] == "Mg alloy casting die"


def test_renaming_a_person_is_found_after_reindexing(
    register: tuple[Vault, User, int, int],
) -> None:
    vault, _, zhang, _ = register
    with vault.transaction() as conn:
        people.update_person(conn, zhang, PersonDraft("张君宝", None, "研究员", "none"))
        for achievement_id in achievements.ids_for_person(conn, zhang):
            achievements.reindex(conn, achievement_id)
    assert _titles(vault, AchievementQuery(text="张三丰")) == []
    assert _titles(vault, AchievementQuery(text="三丰")) == []  # the short-term index too
    assert len(_titles(vault, AchievementQuery(text="张君宝"))) == 2
    assert len(_titles(vault, AchievementQuery(text="君宝"))) == 2


_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(_CHINESE, min_size=1, max_size=30),
    start=st.integers(min_value=0, max_value=29),
    length=st.integers(min_value=1, max_value=8),
)
def test_any_substring_of_a_title_finds_it(
    unlocked: tuple[Vault, User], title: str, start: int, length: int
) -> None:
    vault, user = unlocked
    lead = _person(vault, "王五")
    achievement_id = _add(vault, user, title, lead=lead)
    needle = title[start : start + length] or title
    with vault.read() as conn:
        rows = achievements.list_page(
            conn, AchievementQuery(text=needle), levels=CLEARANCES, offset=0, limit=1000
        )
    assert achievement_id in [r.id for r in rows]


_SMALL = (
    "镁合金钴镍aB1-，. "  # few letters, so that terms often match, with case, digits, punctuation
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(
        st.tuples(st.text(_SMALL, min_size=1, max_size=12), st.text(_SMALL, max_size=12)),
        min_size=1,
        max_size=5,
    ),
    typed=st.lists(st.text(_SMALL.strip(), min_size=1, max_size=4), min_size=1, max_size=3),
)
def test_search_finds_exactly_the_records_holding_every_term(
    unlocked: tuple[Vault, User], texts: list[tuple[str, str]], typed: list[str]
) -> None:
    """Both indexes at once (terms of 1-2 and of 3+ characters) against the plain rule: every
    term is a substring, ignoring case, of one of the record's texts."""
    vault, user = unlocked
    lead = _person(vault, "王五")
    ids = {}
    for title, abstract in texts:
        title = title.strip() or "题"
        ids[_add(vault, user, title, lead=lead, abstract=abstract)] = (title, abstract)
    query = " ".join(typed)
    with vault.read() as conn:
        rows = achievements.list_page(
            conn, AchievementQuery(text=query), levels=CLEARANCES, offset=0, limit=10_000
        )
    found = {r.id for r in rows} & ids.keys()

    def holds(fields: tuple[str, ...], term: str) -> bool:
        return any(term.lower() in f.lower() for f in fields)

    expected = {
        i for i, fields in ids.items() if all(holds((*fields, "关键词", "王五"), t) for t in typed)
    }
    assert found == expected


def test_the_planner_gets_statistics_for_a_register_that_grew(
    unlocked: tuple[Vault, User],
) -> None:
    """A new vault has no figures for its empty tables; after records come in, optimize (run
    after an import and at lock) gives the planner figures for them."""
    vault, user = unlocked
    with vault.transaction() as conn:
        draft = AchievementDraft("题", "", (), "other", None, "self", "", ())
        ids = achievements.insert_many(conn, [draft] * 50, created_by=user.id, created_at=TS)
    assert len(ids) == len(set(ids)) == 50

    def stats() -> list[str]:
        with vault.read() as conn:
            rows = conn.exec_driver_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'achievements'")
            return sorted(str(r[0]) for r in rows)

    assert "ix_achievements_level_id" not in stats()
    vault.optimize()
    assert "ix_achievements_level_id" in stats()
