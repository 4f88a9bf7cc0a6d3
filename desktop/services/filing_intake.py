"""Receiving a sealed filing: open the file (decrypting on the fly when it is addressed to us),
run the packet's checks against the trust store, then the receiver's own (addressed to us, the
sender the key belongs to, no replay, the sender's log only grows), and store what it holds.

Functions over one connection, so ``FilingService.verify`` and ``import_`` run the same checks in
their own transactions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from db import filings, unit
from db.vault import Conn
from desktop.domain.filings import Item, TrustedKey, highest_level, items_json
from desktop.errors import PacketError
from desktop.sealing import age, minisign, packet
from desktop.sealing.checkpoint import Head, require_consistent
from desktop.sealing.packet import Rejected

READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Verified:
    filing_id: str
    office: str  # the trusted sender
    sender: str  # as the packet names it
    sequence: int
    claimed_time: str
    level: str
    encrypted: bool
    fingerprint: str
    items: tuple[Item, ...]
    documents: tuple[tuple[str, int], ...]
    checkpoint_size: int
    sha256: str
    already_imported: bool


@dataclass(frozen=True)
class Imported:
    filing_row: int
    added: int  # records new or changed
    unchanged: int  # records the same as the copy received before
    differing: tuple[str, ...]  # titles that differ from the copy received before
    already: bool  # the same filing was imported before: nothing was added
    filing: Verified  # what the checks found, as verify() reports it


@dataclass(frozen=True)
class Opened:
    stream: BinaryIO  # the packet's plaintext, seekable
    checked: packet.Checked
    head: Head
    sender: TrustedKey
    sha256: str  # of the file as received
    encrypted: bool
    result: Verified


@contextmanager
def opened(conn: Conn, path: Path) -> Iterator[Opened]:
    """The file checked as design D says, or ``Rejected`` with its reason."""
    sha = file_sha256(path)
    with _plaintext(conn, path) as (stream, encrypted):
        known = filings.trusted(conn)
        ring = {k.key_id: (minisign.PublicKey(k.key_id, k.signing_public), k.office) for k in known}
        try:
            checked = packet.check_packet(stream, ring)
        except Rejected as e:
            if e.reason == "encryption":  # a chunk of the age file was changed
                raise Rejected("damaged", e.message) from None
            raise
        sender = next(k for k in known if k.key_id == checked.key_id)
        if not sender.active:
            raise Rejected(
                "retired_key",
                f"签名所用的“{sender.office}”公钥已于 {(sender.retired_at or '')[:10]} 停用"
                f"（{sender.retire_reason}），不再接受用它签名的报送件。",
            )
        head, result = _receiver_checks(conn, checked, sender, sha, encrypted)
        yield Opened(stream, checked, head, sender, sha, encrypted, result)


def store(conn: Conn, found: Opened, path: Path, *, actor_id: str, at: str) -> Imported:
    """Keep a checked filing: its row, every data file, and each record beside any earlier copy
    of it from the same office."""
    result, sender = found.result, found.sender
    if result.already_imported:
        (row,) = [
            f.id for f in filings.received_from(conn, sender.id) if f.filing_id == result.filing_id
        ]
        return Imported(row, 0, len(result.items), (), True, result)
    row = filings.add_filing(
        conn,
        direction="in",
        state="received",
        filing_id=result.filing_id,
        trusted_key_id=sender.id,
        sequence=result.sequence,
        level=result.level,
        encrypted=found.encrypted,
        contents=items_json(result.items),
        file_name=path.name,
        sha256=found.sha256,
        size=path.stat().st_size,
        claimed_time=result.claimed_time,
        checkpoint_origin=found.head.origin,
        checkpoint_size=found.head.size,
        checkpoint_root=found.head.root,
        created_by=actor_id,
        created_at=at,
        completed_at=at,
    )
    members = found.checked.members
    for name in sorted(members):
        content = packet.read_member(found.stream, name, members[name])
        sha = hashlib.sha256(content).hexdigest()
        if sha != found.checked.digests.get(name):  # the file changed since it was checked
            raise Rejected("payload_changed", f"{name} 在核验之后被改动过，未导入。")
        filings.add_file(conn, row, name=name, sha256=sha, content=content)
    added = unchanged = 0
    differing: list[str] = []
    for record in _records(found.checked):
        data = record.get("record", {})
        digest = hashlib.sha256(
            json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        ).hexdigest()
        before = filings.latest_version(conn, sender.id, str(record["kind"]), int(record["id"]))  # type: ignore[call-overload]
        same = before is not None and before.content_sha256 == digest
        if same:
            unchanged += 1
        else:
            added += 1
            if before is not None:
                differing.append(str(record["title"]))
        filings.add_record(
            conn,
            filing_row=row,
            kind=record["kind"],
            origin_id=int(record["id"]),  # type: ignore[call-overload]
            title=str(record["title"]),
            level=record["level"],
            content=data,
            content_sha256=digest,
            documents=tuple(record.get("documents", [])),  # type: ignore[arg-type]
            differs_from=None if before is None or same else before.id,
        )
    return Imported(row, added, unchanged, tuple(differing), False, result)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(READ_CHUNK):
                digest.update(chunk)
    except OSError as e:
        raise Rejected("unreadable", f"无法读取文件 {path.name}：{e.strerror or e}。") from e
    return digest.hexdigest()


# -- internals ------------------------------------------------------------------------------
@contextmanager
def _plaintext(conn: Conn, path: Path) -> Iterator[tuple[BinaryIO, bool]]:
    try:
        raw = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as e:
        raise Rejected("unreadable", f"无法读取文件 {path.name}：{e.strerror or e}。") from e
    with raw:
        if raw.read(len(age.INTRO)) != age.INTRO:
            raw.seek(0)
            yield raw, False
            return
        for keys in reversed(filings.all_keys(conn)):  # newest first; retired keys still open
            raw.seek(0)
            try:
                # Every chunk is authenticated as it is read, and a cut file is refused here.
                reader = age.DecryptingReader(raw, age.Identity(keys.receiving_secret))
            except age.NotAddressed:
                continue
            except PacketError as e:
                raise Rejected("damaged", e.message) from None
            yield cast(BinaryIO, reader), True
            return
        raise Rejected(
            "not_for_us", "这份加密的报送件不是发给本单位的（本单位的接收私钥无法解密）。"
        )


def _records(checked: packet.Checked) -> list[dict[str, object]]:
    items = checked.filing.get("items", [])
    if not isinstance(items, list) or not all(
        isinstance(r, dict) and {"kind", "id", "title", "level"} <= set(r) for r in items
    ):
        raise Rejected("filing", "data/filing.json 中的记录格式不对。")
    return items


def _receiver_checks(
    conn: Conn, checked: packet.Checked, sender: TrustedKey, sha: str, encrypted: bool
) -> tuple[Head, Verified]:
    info = checked.info
    profile = unit.get(conn)
    ours = profile.credit_code if profile else ""
    if info.recipient.split(" ", 1)[0] != ours:
        raise Rejected(
            "wrong_recipient", f"报送件的收件单位是“{info.recipient}”，不是本单位，不予接收。"
        )
    if sender.credit_code and info.sender.split(" ", 1)[0] != sender.credit_code:
        raise Rejected(
            "sender_mismatch",
            f"报送件自称来自“{info.sender}”，与签名公钥所属的“{sender.office}”不符。",
        )
    earlier = filings.received_from(conn, sender.id)
    same = [f for f in earlier if f.filing_id == info.filing_id]
    if same and same[0].sha256 != sha:
        raise Rejected(
            "duplicate_id", f"编号为 {info.filing_id} 的报送件已经导入过，而这份文件的内容不同。"
        )
    if not same and earlier and info.sequence <= earlier[-1].sequence:
        raise Rejected(
            "replay",
            f"报送件序号 {info.sequence} 不大于已收到的序号 {earlier[-1].sequence}："
            "这是一份旧的或重放的报送件。",
        )
    head = checked.checkpoint
    if head is None:
        raise Rejected("no_checkpoint", "报送件缺少审计日志检查点（META-INF/checkpoint.txt）。")
    if not same and earlier:
        last = max(earlier, key=lambda f: f.checkpoint_size)
        previous = Head(last.checkpoint_origin, last.checkpoint_size, last.checkpoint_root)
        require_consistent(previous, head, checked.proven_from)
    records = _records(checked)
    items = tuple(
        Item(str(r["kind"]), int(r["id"]), str(r["title"]), str(r["level"]))  # type: ignore[call-overload]
        for r in records
    )
    levels = [str(checked.filing.get("level", "public")), *(i.level for i in items)]
    try:
        level = highest_level(levels)
    except ValueError:
        raise Rejected("filing", "data/filing.json 中的密级不对。") from None
    result = Verified(
        filing_id=info.filing_id,
        office=sender.office,
        sender=info.sender,
        sequence=info.sequence,
        claimed_time=info.claimed_time,
        level=level,
        encrypted=encrypted,
        fingerprint=sender.fingerprint,
        items=items,
        documents=tuple(sorted(checked.members.items())),
        checkpoint_size=head.size,
        sha256=sha,
        already_imported=bool(same),
    )
    return head, result
