"""The failed-login record beside the vault (``vault.db.throttle``).

Failures happen before anyone knows the key, so they cannot go into the encrypted database; they
are appended here in clear (user id and time only) and read back to compute the wait. To make
editing the file noticeable, the records form a SHA-256 chain from an anchor line, and the anchor
carries an HMAC under a key derived from the vault key together with a generation number that the
database also stores. At each successful login the program (now holding the key) checks anchor,
generation and chain, moves the failures into the audit log, and writes a fresh anchor.

What this does not stop, and the threat model says so: someone who can write the file may cut the
records after the anchor (resetting the wait) without the key; the cut is not detectable offline.
Deleting or replacing the file, editing a record or the anchor, or restoring an older file is.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path

from db.atomic import write_atomic
from desktop.errors import StorageError

MAGIC = "TDTHROTTLE 1"


def throttle_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".throttle")


@dataclass(frozen=True)
class Failure:
    user_id: str
    ts: str  # ISO


@dataclass(frozen=True)
class Anchor:
    generation: int
    # Failures carried over from before the anchor, per user: [count, last ISO time].
    carried: dict[str, tuple[int, str]]
    mac: str  # hex HMAC-SHA256 over the canonical anchor body; "" before the first login


@dataclass
class ThrottleState:
    anchor: Anchor | None
    failures: list[Failure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # found while reading, before the key

    def count_for(self, user_id: str) -> tuple[int, str | None]:
        """Consecutive failures for the user and the time of the last one."""
        count, last = 0, None
        if self.anchor is not None and user_id in self.anchor.carried:
            count, last = self.anchor.carried[user_id]
        for failure in self.failures:
            if failure.user_id == user_id:
                count, last = count + 1, failure.ts
        return count, last


def _anchor_body(vault_id: str, generation: int, carried: dict[str, tuple[int, str]]) -> bytes:
    payload = {
        "vault_id": vault_id,
        "generation": generation,
        "carried": {k: list(v) for k, v in sorted(carried.items())},
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


def anchor_mac(
    key: bytes, vault_id: str, generation: int, carried: dict[str, tuple[int, str]]
) -> str:
    return hmac.new(key, _anchor_body(vault_id, generation, carried), hashlib.sha256).hexdigest()


def read(path: Path) -> ThrottleState:
    """Parse what is there; never fails on a damaged file (that is a finding, not an error)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        return ThrottleState(None)
    except (OSError, UnicodeDecodeError) as e:
        return ThrottleState(None, problems=[f"无法读取登录失败记录文件：{e}"])
    if not lines or lines[0] != MAGIC:
        return ThrottleState(None, problems=["登录失败记录文件的格式不对。"])
    state = ThrottleState(None)
    previous = ""
    for number, line in enumerate(lines[1:], start=2):
        try:
            item = json.loads(line)
            if number == 2:
                carried = {k: (int(v[0]), str(v[1])) for k, v in item["carried"].items()}
                state.anchor = Anchor(int(item["generation"]), carried, str(item["mac"]))
            else:
                if item["prev"] != previous:
                    state.problems.append(f"登录失败记录文件第 {number} 行与上一行不衔接。")
                state.failures.append(Failure(str(item["user"]), str(item["ts"])))
        except (ValueError, KeyError, TypeError, IndexError):
            state.problems.append(f"登录失败记录文件第 {number} 行无法识别。")
            continue
        previous = hashlib.sha256(line.encode()).hexdigest()
    if state.anchor is None:
        state.problems.append("登录失败记录文件缺少起始记录。")
    return state


def append_failure(path: Path, user_id: str, ts: str) -> None:
    """Add one failure, chained to the last line (creating the file if it is missing)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        text = MAGIC + "\n" + json.dumps({"generation": 0, "carried": {}, "mac": ""}) + "\n"
    except OSError as e:
        raise StorageError(f"无法读取登录失败记录文件：{e}") from e
    lines = text.splitlines()
    previous = hashlib.sha256(lines[-1].encode()).hexdigest() if len(lines) > 1 else ""
    record = json.dumps({"user": user_id, "ts": ts, "prev": previous}, separators=(",", ":"))
    write_atomic(
        path, (text if text.endswith("\n") else text + "\n").encode() + record.encode() + b"\n"
    )


def write_anchor(
    path: Path,
    *,
    key: bytes,
    vault_id: str,
    generation: int,
    carried: dict[str, tuple[int, str]],
) -> None:
    mac = anchor_mac(key, vault_id, generation, carried)
    anchor = {
        "generation": generation,
        "carried": {k: list(v) for k, v in carried.items()},
        "mac": mac,
    }
    write_atomic(path, f"{MAGIC}\n{json.dumps(anchor, sort_keys=True)}\n".encode())


def check_anchor(
    state: ThrottleState, *, key: bytes, vault_id: str, expected_generation: int | None
) -> list[str]:
    """Problems with the file as found, now that the key is known. ``expected_generation`` is
    what the database recorded at the last login (None: never recorded, e.g. a new vault)."""
    problems = list(state.problems)
    anchor = state.anchor
    if expected_generation is None:
        return problems
    if anchor is None:
        if not state.problems:
            problems.append("登录失败记录文件缺失或被删除。")
        return problems
    good = anchor.mac and hmac.compare_digest(
        anchor.mac, anchor_mac(key, vault_id, anchor.generation, anchor.carried)
    )
    if not good:
        problems.append("登录失败记录文件的起始记录被改动（校验码不符）。")
    elif anchor.generation != expected_generation:
        problems.append(
            f"登录失败记录文件是旧的或被替换（第 {anchor.generation} 版，应为第 "
            f"{expected_generation} 版）；也可能是程序上次异常退出，或保管库是从备份恢复的。"
        )
    return problems
