"""verify() on synthetic logs: each kind of damage is named at the right entry, in Chinese.

The logs here are built with the RFC's recursive ``root_of`` (not the Frontier verify uses), so
the stored roots are an independent reference.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.audit import (
    LEAF_FIELDS,
    Checkpoint,
    Row,
    TreeHead,
    Verification,
    canonical_json,
    entry_leaf_hash,
    leaf_bytes,
    verify,
)
from desktop.domain.merkle import EMPTY_ROOT, leaf_hash, root_of
from desktop.errors import Cancelled

CJK = re.compile(r"[\u4e00-\u9fff]")
FIELD = {name: i for i, name in enumerate(LEAF_FIELDS)}
BOGUS_ROOT = b"\xee" * 32


def entry(seq: int, **changes: object) -> tuple[object, ...]:
    """The LEAF_FIELDS values of a plausible entry."""
    values: dict[str, object] = {
        "seq": seq,
        "ts": f"2026-01-05T08:{seq % 60:02d}:00+00:00",
        "actor": "00000000-0000-4000-8000-00000000a001",
        "action": "person.updated",
        "object_type": "person",
        "object_id": str(seq),
        "level": "internal",
        "reason": None,
        "before": canonical_json({"name": "张三", "title": "研究员"}),
        "after": canonical_json({"name": "张三", "title": f"副研究员{seq}"}),
    }
    values.update(changes)
    return tuple(values[name] for name in LEAF_FIELDS)


@dataclass
class Log:
    rows: list[Row]
    head: TreeHead
    roots: list[bytes]  # roots[n] is the root of the first n entries

    def checkpoint(self, size: int, label: str = "检查点 1") -> Checkpoint:
        return Checkpoint(size, self.roots[size], label)


def build(fields: list[tuple[object, ...]]) -> Log:
    """Rows as db.audit.append stores them: the fields, then the root of the tree they end."""
    leaves = [leaf_hash(leaf_bytes(f)) for f in fields]
    roots = [root_of(leaves[:n]) for n in range(len(leaves) + 1)]
    rows = [(*f, roots[i + 1]) for i, f in enumerate(fields)]
    return Log(rows, TreeHead(len(rows), roots[-1]), roots)


def log_of(n: int) -> Log:
    return build([entry(seq) for seq in range(1, n + 1)])


def with_field(row: Row, name: str, value: object) -> Row:
    changed = list(row)
    changed[FIELD[name]] = value
    return tuple(changed)


def with_root(row: Row, root: bytes) -> Row:
    return (*row[:-1], root)


def renumbered(row: Row, seq: int) -> Row:
    return with_field(row, "seq", seq)


def content_swapped(rows: list[Row], i: int, j: int, *, with_roots: bool) -> list[Row]:
    """Entries i and j (seq) exchange every column but seq (and, unless asked, tree_root)."""
    rows = list(rows)
    a, b = rows[i - 1], rows[j - 1]
    keep = 1 if with_roots else 0
    end = len(a) - 1 + keep
    rows[i - 1] = (a[0], *b[1:end], *a[end:])
    rows[j - 1] = (b[0], *a[1:end], *b[end:])
    return rows


def inserted_after(rows: list[Row], k: int, new: Row) -> list[Row]:
    """A new entry numbered k + 1; the entries after it renumbered, their stored roots kept."""
    later = [renumbered(r, r[0] + 1) for r in rows[k:]]
    return [*rows[:k], new, *later]


def assert_failed(result: Verification, first_bad: int | None, *words: str) -> None:
    assert result.intact is False
    assert result.first_bad == first_bad, result.problem
    assert CJK.search(result.problem), result.problem
    for word in words:
        assert word in result.problem


# -- the leaf format ------------------------------------------------------------------------------


def test_leaf_is_the_compact_json_array_of_the_leaf_fields() -> None:
    fields = (7, "2026-01-05T08:03:00+00:00", "u1", "user.created", "user", "u2", "secret",
              None, None, '{"login":"李四"}')  # fmt: skip
    expected = (
        '[7,"2026-01-05T08:03:00+00:00","u1","user.created","user","u2","secret",'
        'null,null,"{\\"login\\":\\"李四\\"}"]'
    )
    data = leaf_bytes(fields)
    assert data == expected.encode()
    assert entry_leaf_hash(fields) == hashlib.sha256(b"\x00" + data).digest()
    assert LEAF_FIELDS == (
        "seq", "ts", "actor", "action", "object_type", "object_id", "level", "reason",
        "before", "after",
    )  # fmt: skip


def test_canonical_json_is_sorted_compact_and_keeps_chinese() -> None:
    assert canonical_json({"b": 1, "a": ["成果", None]}) == '{"a":["成果",null],"b":1}'
    assert canonical_json(None) is None


# -- intact -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 33])
def test_an_intact_log_verifies(n: int) -> None:
    log = log_of(n)
    result = verify(log.rows, log.head, [log.checkpoint(0), log.checkpoint(n // 2)])
    assert result == Verification(True, n, log.roots[n], None, "")


def test_an_empty_log_without_a_head_is_intact() -> None:
    assert verify([], None) == Verification(True, 0, EMPTY_ROOT, None, "")
    assert verify([], TreeHead(0, EMPTY_ROOT)).intact


def test_a_checkpoint_of_the_whole_log_agrees() -> None:
    log = log_of(12)
    assert verify(log.rows, log.head, [log.checkpoint(12, "外部检查点")]).intact


# -- each kind of damage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ts", "2026-01-04T08:00:00+00:00"),
        ("actor", "mallory"),
        ("action", "person.created"),
        ("object_type", "achievement"),
        ("object_id", "999"),
        ("level", "public"),
        ("reason", "补录"),
        ("before", None),
        ("after", canonical_json({"name": "张三", "title": "研究员"})),
    ],
)
def test_an_edited_field_names_its_entry(name: str, value: object) -> None:
    log = log_of(20)
    rows = list(log.rows)
    assert rows[8][FIELD[name]] != value
    rows[8] = with_field(rows[8], name, value)
    assert_failed(verify(rows, log.head), 9, "第 9 条", "与日志树不符")


def test_an_edited_stored_root_names_its_entry() -> None:
    log = log_of(20)
    rows = list(log.rows)
    rows[4] = with_root(rows[4], BOGUS_ROOT)
    assert_failed(verify(rows, log.head), 5, "第 5 条", "与日志树不符")


@pytest.mark.parametrize("k", [1, 6, 19])
def test_a_deleted_row_is_named_missing(k: int) -> None:
    log = log_of(20)
    rows = [r for r in log.rows if r[0] != k]
    result = verify(rows, log.head)
    assert_failed(result, k, f"第 {k} 条记录缺失")
    assert result.size == k - 1


@pytest.mark.parametrize("k", [0, 5, 20])
def test_an_inserted_row_is_named(k: int) -> None:
    """The new entry k + 1 cannot carry a root that fits unless the rest is rewritten too."""
    log = log_of(20)
    # The attacker copies the root the entry before it stores.
    rows = inserted_after(log.rows, k, (*entry(k + 1, actor="mallory"), log.roots[k]))
    assert_failed(verify(rows, log.head), k + 1, f"第 {k + 1} 条", "与日志树不符")


def test_an_inserted_row_with_a_fitting_root_is_caught_at_the_next_entry() -> None:
    """Computing the right root for the new entry makes it fit; the entry pushed out of its
    place (old 6, now 7) is where the tree breaks."""
    log = log_of(20)
    fields = entry(6, actor="mallory")
    fitting = root_of([*[entry_leaf_hash(r[:-1]) for r in log.rows[:5]], entry_leaf_hash(fields)])
    rows = inserted_after(log.rows, 5, (*fields, fitting))
    assert_failed(verify(rows, log.head), 7, "第 7 条", "与日志树不符")


@pytest.mark.parametrize("with_roots", [False, True], ids=["content", "content-and-root"])
def test_swapped_rows_are_named_at_the_first(with_roots: bool) -> None:
    log = log_of(20)
    rows = content_swapped(log.rows, 4, 11, with_roots=with_roots)
    assert [r[0] for r in rows] == list(range(1, 21))
    assert_failed(verify(rows, log.head), 4, "第 4 条", "与日志树不符")


def test_rows_out_of_order_are_named() -> None:
    """Whole rows (seq included) in the wrong order: the first gap is where it breaks."""
    log = log_of(10)
    rows = list(log.rows)
    rows[2], rows[6] = rows[6], rows[2]
    assert_failed(verify(rows, log.head), 3, "第 3 条记录缺失")


def test_a_repeated_number_is_named() -> None:
    log = log_of(10)
    rows = [*log.rows[:4], log.rows[3], *log.rows[4:]]
    assert_failed(verify(rows, log.head), 4, "第 4 条", "重复或顺序错乱")


@pytest.mark.parametrize("kept", [0, 1, 12, 19])
def test_a_truncated_tail_is_named_from_the_head(kept: int) -> None:
    log = log_of(20)
    result = verify(log.rows[:kept], log.head)
    assert_failed(result, kept + 1, "末尾的记录被删除", "20 条", f"只有 {kept} 条")
    assert result.size == kept
    assert result.root == log.roots[kept]


def test_extra_rows_beyond_the_head_are_named() -> None:
    """Rows appended with fitting roots, but behind the head's back."""
    full = log_of(15)
    result = verify(full.rows, TreeHead(12, full.roots[12]))
    assert_failed(result, 13, "不在日志树中", "第 13 条及以后")


def test_a_missing_head_is_named_at_the_first_entry() -> None:
    log = log_of(5)
    assert_failed(verify(log.rows, None), 1, "当前状态缺失")


def test_a_head_whose_root_disagrees_names_no_entry() -> None:
    log = log_of(9)
    assert_failed(verify(log.rows, TreeHead(9, BOGUS_ROOT)), None, "日志树的根与记录不符")


@pytest.mark.parametrize("size", [0, 1, 6, 10])
def test_a_checkpoint_that_disagrees_names_no_entry_but_the_checkpoint(size: int) -> None:
    """Only a root is known, not the entries it covered, so no entry can be named."""
    log = log_of(10)
    result = verify(log.rows, log.head, [Checkpoint(size, BOGUS_ROOT, "检查点 7")])
    assert_failed(result, None, "检查点 7", f"前 {size} 条记录")


def test_a_consistently_rewritten_log_is_caught_only_by_a_checkpoint() -> None:
    original = log_of(10)
    rewritten = build([entry(s, actor="mallory" if s == 4 else entry(s)[2]) for s in range(1, 11)])
    assert verify(rewritten.rows, rewritten.head).intact, "the log alone cannot tell"
    later = original.checkpoint(2)  # before the rewritten entry: still agrees
    assert verify(rewritten.rows, rewritten.head, [later]).intact
    result = verify(rewritten.rows, rewritten.head, [later, original.checkpoint(6, "外部检查点")])
    assert_failed(result, None, "与外部检查点不一致", "前 6 条记录")


def test_an_external_checkpoint_larger_than_the_log_names_the_first_missing_entry() -> None:
    log = log_of(10)
    bigger = Checkpoint(14, BOGUS_ROOT, "外部检查点")
    result = verify(log.rows, log.head, [bigger])
    assert_failed(result, 11, "外部检查点记录了 14 条", "只有 10 条")


def test_checkpoints_are_checked_smallest_first() -> None:
    log = log_of(10)
    result = verify(
        log.rows,
        log.head,
        [Checkpoint(8, BOGUS_ROOT, "检查点 2"), Checkpoint(3, BOGUS_ROOT, "检查点 1")],
    )
    assert_failed(result, None, "检查点 1", "前 3 条")


def test_the_rows_fail_before_the_head_or_checkpoints_are_looked_at() -> None:
    log = log_of(10)
    rows = list(log.rows)
    rows[1] = with_field(rows[1], "actor", "mallory")
    result = verify(rows, None, [Checkpoint(30, BOGUS_ROOT, "检查点 1")])
    assert_failed(result, 2, "第 2 条", "与日志树不符")


# -- progress and cancelling ------------------------------------------------------------------


def test_progress_is_reported_every_so_many_entries_and_at_the_end() -> None:
    log = log_of(25)
    calls: list[int] = []
    assert verify(log.rows, log.head, progress=calls.append, progress_every=10).intact
    assert calls == [10, 20, 25]


def test_progress_ends_at_the_size_when_it_is_a_multiple() -> None:
    log = log_of(20)
    calls: list[int] = []
    verify(log.rows, log.head, progress=calls.append, progress_every=10)
    assert calls[:2] == [10, 20]
    assert calls[-1] == 20
    assert calls == sorted(calls)


def test_cancelled_raises_cancelled_at_the_next_progress_step() -> None:
    log = log_of(30)
    asked: list[int] = []
    read: list[int] = []

    def rows() -> Iterator[Row]:
        for row in log.rows:
            read.append(row[0])
            yield row

    def cancelled() -> bool:
        asked.append(len(read))
        return len(asked) == 2

    with pytest.raises(Cancelled):
        verify(rows(), log.head, cancelled=cancelled, progress_every=10)
    assert asked == [10, 20]
    assert len(read) == 20, "no more rows are read after cancelling"


def test_not_cancelled_runs_to_the_end() -> None:
    log = log_of(30)
    result = verify(log.rows, log.head, cancelled=lambda: False, progress_every=10)
    assert result.intact


# -- any single tampering is named ------------------------------------------------------------

texts = st.text(alphabet="甲乙丙丁成果转化abc123", max_size=8)
snapshots = st.one_of(st.none(), st.dictionaries(texts, texts, max_size=3).map(canonical_json))


@st.composite
def entries(draw: st.DrawFn, seq: int) -> tuple[object, ...]:
    return entry(
        seq,
        actor=draw(st.sampled_from(["system", "u-admin", "u-officer", "u-auditor"])),
        action=draw(st.sampled_from(["person.created", "person.updated", "user.disabled"])),
        object_id=draw(texts),
        level=draw(st.sampled_from(["public", "internal", "secret"])),
        reason=draw(st.one_of(st.none(), texts)),
        before=draw(snapshots),
        after=draw(snapshots),
    )


@st.composite
def logs(draw: st.DrawFn) -> Log:
    n = draw(st.integers(1, 40))
    return build([draw(entries(seq)) for seq in range(1, n + 1)])


@st.composite
def tamperings(draw: st.DrawFn, log: Log) -> tuple[list[Row], int]:
    """One change to the rows, and the seq verify must name for it."""
    n = len(log.rows)
    rows = list(log.rows)
    kind = draw(st.sampled_from(["edit", "root", "delete", "insert", "swap", "truncate"]))
    if kind == "edit":
        k = draw(st.integers(1, n))
        name = draw(st.sampled_from(LEAF_FIELDS[1:]))
        value = draw(st.one_of(st.none(), texts))
        assume(rows[k - 1][FIELD[name]] != value)
        rows[k - 1] = with_field(rows[k - 1], name, value)
        return rows, k
    if kind == "root":
        k = draw(st.integers(1, n))
        root = draw(st.binary(min_size=32, max_size=32))
        assume(root != rows[k - 1][-1])
        rows[k - 1] = with_root(rows[k - 1], root)
        return rows, k
    if kind == "delete":
        k = draw(st.integers(1, n))
        return [r for r in rows if r[0] != k], k
    if kind == "insert":
        k = draw(st.integers(0, n))
        new = draw(entries(k + 1))
        # Without rewriting the rest, the forger copies the root the entry before it stores.
        # (Copying the root stored at k + 1 would fit when the new entry equals the old one:
        # then nothing was inserted there, and the damage shows at k + 2.)
        root = log.roots[k]
        return inserted_after(rows, k, (*new, root)), k + 1
    if kind == "swap":
        assume(n >= 2)
        i = draw(st.integers(1, n - 1))
        j = draw(st.integers(i + 1, n))
        assume(rows[i - 1][1:-1] != rows[j - 1][1:-1])
        return content_swapped(rows, i, j, with_roots=draw(st.booleans())), i
    kept = draw(st.integers(0, n - 1))
    return rows[:kept], kept + 1


@given(st.data())
def test_any_single_tampering_is_named_at_its_entry(data: st.DataObject) -> None:
    log = data.draw(logs())
    assert verify(log.rows, log.head).intact
    rows, position = data.draw(tamperings(log))
    result = verify(rows, log.head)
    assert result.intact is False
    assert result.first_bad == position, result.problem
    assert CJK.search(result.problem)
