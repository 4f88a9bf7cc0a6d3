"""db.decisions on a real SQLCipher vault: rows, level filter, search, links, attachments."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from db import decisions
from db.vault import Vault
from desktop.domain.accounts import CLEARANCES, User
from desktop.domain.decisions import AttachmentInfo, DecisionDraft

TS = "2026-01-05T08:03:00+00:00"
ALL = CLEARANCES


def draft(**changes: object) -> DecisionDraft:
    base = DecisionDraft(
        body="office_meeting",
        title="关于转让“一种催化剂”专利的决定",
        decided_on="2025-12-20",
        participants=("张校长", "李副校长", "王处长"),
        outcome="approved",
        votes_for=3,
        votes_against=0,
        votes_abstain=0,
        summary="同意以 120 万元挂牌转让。",
        level="internal",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def conn(unlocked: tuple[Vault, User]) -> Iterator[Connection]:
    """One transaction for the test, rolled back at the end."""
    vault, _ = unlocked
    with vault.read() as conn:
        yield conn


@pytest.fixture
def admin_id(unlocked: tuple[Vault, User]) -> str:
    return unlocked[1].id


def test_insert_and_get_round_trip(conn: Connection, admin_id: str) -> None:
    d = draft(votes_for=None, votes_against=None, votes_abstain=None)
    decision_id = decisions.insert(conn, d, created_by=admin_id, created_at=TS)
    got = decisions.get(conn, decision_id)
    assert got is not None
    assert got.id == decision_id
    assert got.draft == d
    assert (got.created_by, got.created_at, got.updated_at) == (admin_id, TS, TS)
    assert got.links == ()
    assert decisions.get(conn, decision_id + 1) is None


def test_update_keeps_creation_and_sets_updated_at(conn: Connection, admin_id: str) -> None:
    decision_id = decisions.insert(conn, draft(), created_by=admin_id, created_at=TS)
    changed = draft(outcome="deferred", participants=("赵委员",), level="secret")
    decisions.update(conn, decision_id, changed, updated_at="2026-01-06T09:00:00+00:00")
    got = decisions.get(conn, decision_id)
    assert got is not None
    assert got.draft == changed
    assert got.created_at == TS
    assert got.updated_at == "2026-01-06T09:00:00+00:00"


def test_list_and_count_only_the_given_levels_newest_first(conn: Connection, admin_id: str) -> None:
    ids = {
        (level, day): decisions.insert(
            conn,
            draft(level=level, decided_on=f"2025-12-{day:02d}"),
            created_by=admin_id,
            created_at=TS,
        )
        for level, day in (("public", 1), ("internal", 3), ("secret", 2), ("internal", 2))
    }
    low = ("public", "internal")
    assert decisions.count(conn, levels=low) == 3
    assert decisions.count(conn, levels=ALL) == 4
    assert decisions.count(conn, levels=()) == 0
    listed = decisions.list_page(conn, levels=low, offset=0, limit=10)
    assert [d.id for d in listed] == [ids["internal", 3], ids["internal", 2], ids["public", 1]]
    assert all(d.draft.level in low for d in listed)
    second = decisions.list_page(conn, levels=low, offset=1, limit=1)
    assert [d.id for d in second] == [ids["internal", 2]]


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("催化剂", 1),  # title
        ("挂牌", 1),  # summary
        ("王处长", 1),  # participants
        ("  王处长  ", 1),  # trimmed
        ("", 2),
        ("并购", 0),
        ("%", 0),  # LIKE wildcards are literal
        ("_", 0),
    ],
)
def test_search_over_title_summary_and_participants(
    conn: Connection, admin_id: str, search: str, found: int
) -> None:
    decisions.insert(conn, draft(), created_by=admin_id, created_at=TS)
    decisions.insert(
        conn,
        draft(title="年度计划", summary="通过。", participants=("刘主任",)),
        created_by=admin_id,
        created_at=TS,
    )
    assert decisions.count(conn, levels=ALL, search=search) == found
    assert len(decisions.list_page(conn, levels=ALL, offset=0, limit=10, search=search)) == found


def test_search_never_returns_a_level_outside_the_filter(conn: Connection, admin_id: str) -> None:
    decisions.insert(conn, draft(level="secret"), created_by=admin_id, created_at=TS)
    assert decisions.count(conn, levels=("public", "internal"), search="催化剂") == 0
    assert decisions.list_page(conn, levels=("public",), offset=0, limit=5, search="王") == []


# Any text a user types: no NUL (SQLite text ends there), no lone surrogates (not UTF-8).
TYPED = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=TYPED, title=TYPED, participant=TYPED)
def test_search_finds_exactly_what_contains_the_typed_text(
    unlocked: tuple[Vault, User], typed: str, title: str, participant: str
) -> None:
    """Whatever is typed (wildcards, quotes, CJK) matches literally, in one field; each example
    rolls back."""
    vault, admin = unlocked
    needle = _ascii_lower(typed.strip())
    with vault.read() as conn:
        mine = decisions.insert(
            conn, draft(title=f"议题{typed}结尾"), created_by=admin.id, created_at=TS
        )
        other = draft(title=title, summary="", participants=(participant, "甲"))
        decisions.insert(conn, other, created_by=admin.id, created_at=TS)
        expected = {
            d.id
            for d in decisions.list_page(conn, levels=ALL, offset=0, limit=10)
            if any(
                needle in _ascii_lower(field)
                for field in (d.draft.title, d.draft.summary, *d.draft.participants)
            )
        }
        found = decisions.list_page(conn, levels=ALL, offset=0, limit=10, search=typed)
        assert mine in expected
        assert {d.id for d in found} == expected
        assert decisions.count(conn, levels=ALL, search=typed) == len(expected)
        assert decisions.count(conn, levels=("public",), search=typed) == 0


def _ascii_lower(text: str) -> str:
    """What SQLite's LIKE compares: ASCII letters folded, nothing else."""
    return text.translate({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})


def test_search_does_not_match_the_json_around_participants(
    conn: Connection, admin_id: str
) -> None:
    decisions.insert(conn, draft(participants=("张三", "李四")), created_by=admin_id, created_at=TS)
    for typed in ('"', ",", "[", '张三","李四', "三李"):
        assert decisions.count(conn, levels=ALL, search=typed) == 0, typed
    assert decisions.count(conn, levels=ALL, search="李四") == 1
    other = decisions.insert(
        conn, draft(participants=("王五",)), created_by=admin_id, created_at=TS
    )
    found = decisions.list_page(conn, levels=ALL, offset=0, limit=10, search="王五")
    assert [d.id for d in found] == [other]  # each row's own participants, not any row's


def test_links_add_remove_and_lookup_by_object(conn: Connection, admin_id: str) -> None:
    first = decisions.insert(conn, draft(), created_by=admin_id, created_at=TS)
    hidden = decisions.insert(conn, draft(level="secret"), created_by=admin_id, created_at=TS)
    assert decisions.add_link(conn, first, "agreement", "12") is True
    assert decisions.add_link(conn, first, "agreement", "12") is False
    assert decisions.add_link(conn, first, "achievement", "7") is True
    assert decisions.add_link(conn, hidden, "agreement", "12") is True

    got = decisions.get(conn, first)
    assert got is not None
    assert got.links == (("achievement", "7"), ("agreement", "12"))
    listed = decisions.list_page(conn, levels=ALL, offset=0, limit=10)
    assert {d.id: d.links for d in listed}[hidden] == (("agreement", "12"),)

    linked = decisions.list_for_object(conn, "agreement", "12", levels=("internal",))
    assert [d.id for d in linked] == [first]
    assert len(decisions.list_for_object(conn, "agreement", "12", levels=ALL)) == 2
    assert decisions.list_for_object(conn, "agreement", "13", levels=ALL) == []

    assert decisions.remove_link(conn, first, "agreement", "12") is True
    assert decisions.remove_link(conn, first, "agreement", "12") is False
    got = decisions.get(conn, first)
    assert got is not None and got.links == (("achievement", "7"),)


def test_attachments_store_bytes_and_list_metadata(conn: Connection, admin_id: str) -> None:
    decision_id = decisions.insert(conn, draft(), created_by=admin_id, created_at=TS)
    other = decisions.insert(conn, draft(), created_by=admin_id, created_at=TS)
    content = bytes(range(256)) * 10 + b"\x00\x00"
    digest = hashlib.sha256(content).hexdigest()
    first = decisions.insert_attachment(
        conn,
        decision_id,
        filename="会议纪要.pdf",
        media_type="application/pdf",
        content=content,
        sha256=digest,
        added_by=admin_id,
        added_at=TS,
    )
    second = decisions.insert_attachment(
        conn,
        decision_id,
        filename="表决票.jpg",
        media_type="image/jpeg",
        content=b"\xff\xd8",
        sha256=hashlib.sha256(b"\xff\xd8").hexdigest(),
        added_by=admin_id,
        added_at=TS,
    )
    expected = AttachmentInfo(
        first, decision_id, "会议纪要.pdf", "application/pdf", len(content), digest, admin_id, TS
    )
    assert decisions.get_attachment(conn, first) == expected
    listed = decisions.list_attachments(conn, decision_id)
    assert [a.id for a in listed] == [first, second]
    assert listed[0] == expected
    assert decisions.list_attachments(conn, other) == []
    assert decisions.attachment_content(conn, first) == content

    assert decisions.delete_attachment(conn, first) is True
    assert decisions.delete_attachment(conn, first) is False
    assert decisions.get_attachment(conn, first) is None
    assert decisions.attachment_content(conn, first) is None
    assert [a.id for a in decisions.list_attachments(conn, decision_id)] == [second]
