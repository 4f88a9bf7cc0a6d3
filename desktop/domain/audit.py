"""Audit entries and how the log proves itself.

Each entry is a leaf of an RFC 6962 Merkle tree (``desktop.domain.merkle``). The leaf is the
canonical JSON array of the entry's fields, so any change to a field, the order or the numbering
changes the tree. Each stored entry keeps the root of the tree it ends; ``verify`` recomputes the
tree and names the first entry whose root no longer matches.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desktop.domain.merkle import EMPTY_ROOT, Frontier, leaf_hash
from desktop.errors import Cancelled


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    actor: str
    action: str
    object_type: str
    object_id: str
    before: str | None
    after: str | None
    reason: str | None = None
    level: str = "public"
    actor_name: str = ""
    # False when the reader's clearance is below the entry's level: before/after are withheld.
    content_visible: bool = True


@dataclass(frozen=True)
class AuditFilter:
    """What the audit viewer narrows by; None means any. Dates are ISO (inclusive)."""

    actor: str | None = None
    since: str | None = None
    until: str | None = None
    action: str | None = None  # an action code, or a prefix ending in "." ("user.")
    object_type: str | None = None
    object_id: str | None = None
    # Set by the service, not the user: the secrecy administrator reads only these actors.
    actors_within: tuple[str, ...] | None = None


def canonical_json(value: Any) -> str | None:
    """Stable text for before/after snapshots (sorted keys, no whitespace, UTF-8 kept)."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# The leaf's fields, in order. Changing this changes every root: it is part of the format.
LEAF_FIELDS = (
    "seq",
    "ts",
    "actor",
    "action",
    "object_type",
    "object_id",
    "level",
    "reason",
    "before",
    "after",
)


def leaf_bytes(fields: tuple[Any, ...]) -> bytes:
    """The leaf data for one entry: its LEAF_FIELDS values as a compact JSON array in UTF-8."""
    return json.dumps(list(fields), ensure_ascii=False, separators=(",", ":")).encode()


def entry_leaf_hash(fields: tuple[Any, ...]) -> bytes:
    return leaf_hash(leaf_bytes(fields))


@dataclass(frozen=True)
class TreeHead:
    size: int
    root: bytes


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root: bytes
    label: str  # where it came from, for the message ("检查点 3（2026年1月5日）")


@dataclass(frozen=True)
class Verification:
    intact: bool
    size: int  # entries checked
    root: bytes  # recomputed root over all entries read
    first_bad: int | None  # seq of the first entry that does not fit
    problem: str  # plain Chinese, empty when intact


# Rows for verify: LEAF_FIELDS values followed by the stored tree_root.
Row = tuple[Any, ...]


def verify(
    rows: Iterable[Row],
    head: TreeHead | None,
    checkpoints: Iterable[Checkpoint] = (),
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress_every: int = 5000,
) -> Verification:
    """Recompute the tree over ``rows`` (in seq order) and compare with what was stored."""
    wanted: dict[int, list[Checkpoint]] = {}
    for cp in checkpoints:
        wanted.setdefault(cp.size, []).append(cp)
    frontier = Frontier()
    roots_at: dict[int, bytes] = {}

    def failed(first_bad: int | None, problem: str) -> Verification:
        return Verification(False, frontier.size, frontier.root(), first_bad, problem)

    for row in rows:
        fields, stored_root = row[:-1], row[-1]
        seq = fields[0]
        expected = frontier.size + 1
        if seq != expected:
            if seq > expected:
                return failed(expected, f"第 {expected} 条记录缺失（被删除）。")
            return failed(seq, f"第 {seq} 条记录的编号重复或顺序错乱。")
        frontier.append(entry_leaf_hash(fields))
        root = frontier.root()
        if root != stored_root:
            return failed(
                seq, f"第 {seq} 条记录与日志树不符：该条或其位置被改动（修改、插入或调换）。"
            )
        if frontier.size in wanted:
            roots_at[frontier.size] = root
        if progress is not None and frontier.size % progress_every == 0:
            progress(frontier.size)
        if cancelled is not None and frontier.size % progress_every == 0 and cancelled():
            raise Cancelled()
    if head is None:
        if frontier.size:
            return failed(1, "日志树的当前状态缺失，无法确认记录完整。")
    elif head.size > frontier.size:
        return failed(
            frontier.size + 1,
            f"日志树记录了 {head.size} 条，现存只有 {frontier.size} 条：末尾的记录被删除。",
        )
    elif head.size < frontier.size:
        return failed(head.size + 1, f"第 {head.size + 1} 条及以后的记录不在日志树中（被插入）。")
    elif head.root != frontier.root():
        return failed(None, "日志树的根与记录不符。")
    for size in sorted(wanted):
        for cp in wanted[size]:
            if size > frontier.size:
                return failed(
                    frontier.size + 1,
                    f"{cp.label}记录了 {size} 条，现存只有 {frontier.size} 条：记录被删除。",
                )
            actual = roots_at[size] if size else EMPTY_ROOT
            if actual != cp.root:
                return failed(
                    None,
                    f"与{cp.label}不一致：前 {size} 条记录在该检查点之后被改写。",
                )
    if progress is not None:
        progress(frontier.size)
    return Verification(True, frontier.size, frontier.root(), None, "")
