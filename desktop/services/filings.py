"""Sealed filings: the unit's keys and key card, the trust store, export to a removable disk,
and verification and import of filings received.

Keys are made inside the vault and never leave it in the clear; the key card carries only the
public halves. A filing is built straight into ``NAME.partial`` on the target disk (so no
plaintext copy lands on the internal disk), read back, verified as a receiver would, and only
then renamed. Encrypted filings are addressed to the recipient office and to ourselves, so the
sender can check what it wrote and read its own copy later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from db import approvals, audit, filings, unit
from db.atomic import require_space, write_atomic, write_stream
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.approvals import ApprovalRequest, clean_reason
from desktop.domain.audit import TreeHead, entry_leaf_hash
from desktop.domain.filings import (
    APPROVAL_KIND,
    CARD_EXTENSION,
    CardBody,
    Filing,
    Item,
    ReceivedRecord,
    TrustedKey,
    UnitKeys,
    card_text,
    file_name,
    filing_id,
    fingerprints_match,
    highest_level,
    items_json,
    needs_approval,
    parse_card,
    validate_items,
)
from desktop.domain.merkle import EMPTY_ROOT, consistency_proof, verify_consistency
from desktop.domain.permissions import can_see, require_level, visible_levels
from desktop.errors import PacketError, PermissionDenied, StorageError, ValidationError
from desktop.sealing import age, minisign, packet
from desktop.sealing.checkpoint import Head
from desktop.sealing.packet import FilingInfo, Rejected
from desktop.services import filing_intake as intake
from desktop.services.base import Service
from desktop.services.filing_contents import Contents, Gathered
from desktop.services.filing_intake import Imported, Verified

OBJECT_TYPE = "filing"
ORIGIN_PREFIX = "transfer-desk/"
PACKET_OVERHEAD = 1024 * 1024


@dataclass(frozen=True)
class OwnKeys:
    key_id: str  # as minisign prints it
    fingerprint: str
    signing_key: str  # minisign's public key line
    recipient: str  # age1…
    created_at: str


@dataclass(frozen=True)
class CardPreview:
    office: str
    credit_code: str
    key_id: str
    fingerprint: str
    recipient: str
    created: str
    known_as: str | None  # the office already trusted with this key, if any


@dataclass(frozen=True)
class Preview:
    items: tuple[Item, ...]
    documents: tuple[tuple[str, int], ...]  # (name in the packet, bytes)
    level: str
    needs_approval: bool
    approved: bool
    recipient: TrustedKey
    sequence: int
    filing_id: str
    file_name: str
    # What was gathered for the preview, so the export seals exactly what the user looked at
    # without rendering every document again. Held by whoever holds the preview (the wizard).
    gathered: Gathered | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Draft:
    filing: Filing
    approval: str  # 'pending' | 'approved' | 'rejected' | 'withdrawn' | ''


@dataclass(frozen=True)
class Exported:
    path: Path
    sha256: str
    size: int
    filing_id: str
    level: str


class FilingService(Service):
    def __init__(self, vault: Any, *, now: Callable[[], dt.datetime], services: Any) -> None:
        super().__init__(vault, now=now)
        self._contents = Contents(services, self._unit_name)

    # -- the unit's keys ---------------------------------------------------------------------
    def own_keys(self, actor: User) -> OwnKeys | None:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            keys = filings.current_keys(conn)
        return None if keys is None else _own(keys)

    def create_keys(self, actor: User, *, reason: str = "") -> OwnKeys:
        """The unit's first keys, or new ones replacing the current (a reason is then needed:
        offices that trust the old key must import the new key card)."""
        self._authorize(actor, "keys.manage")
        signing = minisign.generate()
        receiving = age.Identity.generate()
        with self._vault.transaction() as conn:
            old = filings.current_keys(conn)
            if old is not None:
                reason = clean_reason(reason)
                filings.retire_keys(conn, old.id, at=self._timestamp(), reason=reason)
            row = filings.add_keys(
                conn,
                key_id=signing.key_id,
                signing_secret=signing.raw,
                receiving_secret=receiving.raw,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            keys = filings.current_keys(conn)
            assert keys is not None and keys.id == row
            own = _own(keys)
            self._audit(
                conn,
                actor,
                "filing.keys_created",
                "unit_keys",
                row,
                before=None if old is None else {"key_id": _own(old).key_id},
                after={"key_id": own.key_id, "fingerprint": own.fingerprint},
                reason=reason or None,
            )
        return own

    def key_card(self, actor: User) -> tuple[str, bytes, bytes]:
        """(file name stem, card file, card PDF)."""
        self._authorize(actor, "filing.read")
        from desktop.reports.filing_documents import CardFacts, render_key_card

        with self._vault.read() as conn:
            keys = self._require_keys(conn)
            profile = unit.get(conn)
        own = _own(keys)
        body = CardBody(
            office=profile.name if profile else "",
            credit_code=profile.credit_code if profile else "",
            signing_key=own.signing_key,
            recipient=own.recipient,
            created=keys.created_at[:10],
        )
        signature = minisign.sign(
            _secret(keys), body.canonical(), trusted_comment=f"key card of {own.key_id}"
        )
        facts = CardFacts(
            body.office,
            body.credit_code,
            own.key_id,
            own.fingerprint,
            own.signing_key,
            own.recipient,
            body.created,
        )
        stem = f"密钥卡-{body.office or '本单位'}-{own.key_id}"
        return stem, card_text(body, signature).encode(), render_key_card(facts)

    def save_key_card(self, actor: User, folder: Path) -> tuple[Path, Path]:
        stem, card, pdf = self.key_card(actor)
        card_path = folder / f"{stem}{CARD_EXTENSION}"
        pdf_path = folder / f"{stem}.pdf"
        write_atomic(card_path, card, mode=0o644)
        write_atomic(pdf_path, pdf, mode=0o644)
        with self._vault.transaction() as conn:
            self._audit(
                conn,
                actor,
                "filing.key_card_saved",
                "unit_keys",
                self._require_keys(conn).id,
                after={"file": card_path.name, "sha256": hashlib.sha256(card).hexdigest()},
            )
        return card_path, pdf_path

    # -- the trust store ---------------------------------------------------------------------
    def trusted(self, actor: User) -> list[TrustedKey]:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            return filings.trusted(conn)

    def read_card(self, actor: User, data: bytes) -> CardPreview:
        """What a key card file says, after its self-signature checks out; nothing is stored."""
        self._authorize(actor, "trust.edit")
        body, public = _checked_card(data)
        with self._vault.read() as conn:
            known = filings.trusted_by_key_id(conn, public.key_id)
        return CardPreview(
            body.office,
            body.credit_code,
            public.key_id_hex,
            public.fingerprint(),
            body.recipient,
            body.created,
            None if known is None else known.office,
        )

    def trust(self, actor: User, data: bytes, typed_fingerprint: str) -> TrustedKey:
        """Trust the office on a key card once the fingerprint read from its paper card (or
        over the phone) matches the file's."""
        self._authorize(actor, "trust.edit")
        body, public = _checked_card(data)
        if not fingerprints_match(typed_fingerprint, public.fingerprint()):
            raise ValidationError(
                "fingerprint",
                "输入的指纹与密钥卡文件不一致：文件可能被调换或改动过，不能信任。"
                "请向对方单位核实后重新输入。",
            )
        with self._vault.transaction() as conn:
            own = filings.current_keys(conn)
            if own is not None and own.key_id == public.key_id:
                raise ValidationError("card", "这是本单位自己的密钥卡。")
            if filings.trusted_by_key_id(conn, public.key_id) is not None:
                raise ValidationError("card", "该公钥已在信任名单中。")
            row = filings.add_trusted(
                conn,
                office=body.office,
                credit_code=body.credit_code,
                key_id=public.key_id,
                signing_public=public.raw,
                recipient=body.recipient,
                fingerprint=public.fingerprint(),
                card_created=body.created,
                added_by=actor.id,
                added_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "filing.key_trusted",
                "trusted_key",
                row,
                after={"office": body.office, "fingerprint": public.fingerprint()},
            )
            found = filings.trusted_key(conn, row)
        assert found is not None
        return found

    def retire(self, actor: User, trusted_id: int, reason: str) -> None:
        """Stop trusting a key: its filings are refused from now on; the history stays."""
        self._authorize(actor, "trust.edit")
        reason = clean_reason(reason)
        with self._vault.transaction() as conn:
            found = filings.trusted_key(conn, trusted_id)
            if found is None:
                raise ValidationError("trusted", "没有这个公钥。")
            if not found.active:
                raise ValidationError("trusted", "该公钥已停用。")
            filings.retire_trusted(conn, trusted_id, at=self._timestamp(), reason=reason)
            self._audit(
                conn,
                actor,
                "filing.key_retired",
                "trusted_key",
                trusted_id,
                before={"office": found.office, "active": True},
                after={"active": False},
                reason=reason,
            )

    # -- export ------------------------------------------------------------------------------
    def candidates(self, actor: User) -> list[Item]:
        self._authorize(actor, "filing.export")
        return self._contents.candidates(actor)

    def preview(
        self, actor: User, items: Sequence[Item], recipient_id: int, *, encrypt: bool
    ) -> Preview:
        self._authorize(actor, "filing.export")
        chosen = validate_items(items)
        gathered = self._contents.gather(actor, chosen)
        with self._vault.read() as conn:
            found = self._preview(conn, gathered.items, gathered.files, recipient_id, encrypt)
        return replace(found, gathered=gathered)

    def drafts(self, actor: User) -> list[Draft]:
        """Filings waiting for (or given) the secrecy administrator's approval."""
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            found = []
            for f in filings.list_filings(conn, "out", levels=visible_levels(actor), state="draft"):
                requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(f.id))
                found.append(Draft(f, requests[0].status if requests else ""))
            return found

    def request_approval(
        self, actor: User, items: Sequence[Item], recipient_id: int, *, encrypt: bool, reason: str
    ) -> ApprovalRequest:
        """Keep the filing as a draft and ask the secrecy administrator to approve it."""
        self._authorize(actor, "filing.export")
        reason = clean_reason(reason)
        chosen = validate_items(items)
        gathered = self._contents.gather(actor, chosen)
        with self._vault.transaction() as conn:
            preview = self._preview(conn, gathered.items, gathered.files, recipient_id, encrypt)
            if not preview.needs_approval:
                raise ValidationError("items", "所选内容均不高于内部，无需保密审批，可直接导出。")
            row = filings.add_filing(
                conn,
                direction="out",
                state="draft",
                filing_id="",
                trusted_key_id=recipient_id,
                sequence=0,
                level=preview.level,
                encrypted=encrypt,
                contents=items_json(preview.items),
                file_name="",
                sha256="",
                size=0,
                claimed_time="",
                checkpoint_origin="",
                checkpoint_size=0,
                checkpoint_root=b"",
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            return self._request_approval(
                conn,
                actor,
                kind=APPROVAL_KIND,
                object_type=OBJECT_TYPE,
                object_id=row,
                payload={
                    "office": preview.recipient.office,
                    "level": preview.level,
                    "encrypted": encrypt,
                    "items": [{"title": i.title, "level": i.level} for i in preview.items],
                },
                reason=reason,
                level=preview.level,
            )

    def discard_draft(self, actor: User, draft_id: int) -> None:
        self._authorize(actor, "filing.export")
        with self._vault.transaction() as conn:
            draft = self._draft(conn, actor, draft_id)
            filings.set_filing(conn, draft.id, state="discarded", completed_at=self._timestamp())
            self._audit(conn, actor, "filing.discarded", OBJECT_TYPE, draft.id, level=draft.level)

    def export(
        self,
        actor: User,
        items: Sequence[Item],
        recipient_id: int,
        folder: Path,
        *,
        encrypt: bool,
        draft_id: int | None = None,
        prepared: Preview | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Exported:
        """Seal the records into ``folder`` (a USB stick): built into NAME.partial, read back,
        verified, renamed; then recorded and audited with the packet's hash. A failure leaves no
        file and no record. ``prepared``: the preview of the same records, whose documents are
        sealed as they were shown (otherwise everything is gathered again)."""
        self._authorize(actor, "filing.export")
        chosen = validate_items(items)
        if (
            prepared is not None
            and prepared.gathered is not None
            and [(i.kind, i.id) for i in prepared.items] == [(i.kind, i.id) for i in chosen]
        ):
            gathered = prepared.gathered
        else:
            gathered = self._contents.gather(actor, chosen)
        with self._vault.read() as conn:
            preview = self._preview(conn, gathered.items, gathered.files, recipient_id, encrypt)
            if preview.needs_approval:
                self._require_approved(conn, actor, draft_id, preview)
            keys = self._require_keys(conn)
            profile = unit.get(conn)
            head = audit.head(conn) or TreeHead(0, EMPTY_ROOT)
            last = filings.last_sent(conn, recipient_id)
            consistency = None
            if last is not None and 0 < last.checkpoint_size <= head.size:
                leaves = _leaf_hashes(conn, head.size)
                proof = consistency_proof(leaves, last.checkpoint_size)
                if not verify_consistency(
                    last.checkpoint_size, last.checkpoint_root, head.size, head.root, proof
                ):
                    raise StorageError(
                        "本单位的审计日志与上次报送给该单位时不一致，无法证明日志只增不改。"
                        "请由安全审计员校验审计日志后再报送。"
                    )
                consistency = (last.checkpoint_size, last.checkpoint_root, proof)
        sender = _office_line(profile.credit_code, profile.name) if profile else ""
        recipient = preview.recipient
        info = FilingInfo(
            filing_id=preview.filing_id,
            sender=sender,
            recipient=_office_line(recipient.credit_code, recipient.office),
            sequence=preview.sequence,
            claimed_time=self._timestamp(),
        )
        origin = ORIGIN_PREFIX + (profile.credit_code if profile else "unit")
        checkpoint_head = Head(origin, head.size, head.root)
        filing = {
            "sender": sender,
            "recipient": info.recipient,
            "level": preview.level,
            "items": list(gathered.records),
        }
        secret = _secret(keys)
        own_identity = age.Identity(keys.receiving_secret)
        trusted_self = {secret.key_id: (secret.public(), sender)}

        def seal(out: BinaryIO) -> None:
            packet.seal_to(
                out,
                info,
                filing,
                gathered.files,
                secret,
                checkpoint=checkpoint_head,
                consistency=consistency,
                progress=progress,
                cancelled=cancelled,
            )

        def produce(out: BinaryIO) -> None:
            if not encrypt:
                seal(out)
                return
            with age.Encryptor(out, [recipient.recipient, own_identity.recipient()]) as sink:
                seal(sink)

        def verify(written: BinaryIO) -> None:
            # What a receiver will do, on the bytes read back from the stick.
            stream = age.DecryptingReader(written, own_identity) if encrypt else written
            packet.check_packet(stream, trusted_self)

        path = folder / preview.file_name
        # The packet holds every file once, stored or deflated, plus its small tag files.
        payload = sum(len(c) for _, c in gathered.files) + len(packet.canonical_json(filing))
        require_space(folder, payload + PACKET_OVERHEAD)
        digest = write_stream(path, produce, verify=verify, cancelled=cancelled)
        size = path.stat().st_size
        with self._vault.transaction() as conn:
            values = {
                "state": "sent",
                "filing_id": preview.filing_id,
                "trusted_key_id": recipient_id,
                "sequence": preview.sequence,
                "level": preview.level,
                "encrypted": encrypt,
                "contents": items_json(preview.items),
                "file_name": path.name,
                "sha256": digest,
                "size": size,
                "claimed_time": info.claimed_time,
                "checkpoint_origin": origin,
                "checkpoint_size": head.size,
                "checkpoint_root": head.root,
                "completed_at": self._timestamp(),
            }
            if draft_id is not None and preview.needs_approval:
                filings.set_filing(conn, draft_id, **values)
                row = draft_id
            else:
                row = filings.add_filing(
                    conn,
                    direction="out",
                    created_by=actor.id,
                    created_at=self._timestamp(),
                    **values,
                )
            self._audit(
                conn,
                actor,
                "filing.exported",
                OBJECT_TYPE,
                row,
                after={
                    "filing_id": preview.filing_id,
                    "office": recipient.office,
                    "sequence": preview.sequence,
                    "file": path.name,
                    "sha256": digest,
                    "size": size,
                    "encrypted": encrypt,
                    "items": [i.ref for i in preview.items],
                    "checkpoint_size": head.size,
                },
                level=preview.level,
            )
        return Exported(path, digest, size, preview.filing_id, preview.level)

    def sent(self, actor: User) -> list[Filing]:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            return filings.list_filings(conn, "out", levels=visible_levels(actor), state="sent")

    # -- verify and import -------------------------------------------------------------------
    def verify(self, actor: User, path: Path) -> Verified:
        """Check a filing as design D says; the result (either way) goes to the audit log."""
        self._authorize(actor, "filing.read")
        try:
            with self._vault.read() as conn, intake.opened(conn, path) as found:
                result = found.result
        except Rejected as e:
            self._audit_check(actor, path, reason=e.reason, message=e.message)
            raise
        self._audit_check(actor, path, filing=result)
        return result

    def import_(self, actor: User, path: Path) -> Imported:
        """Store a verified filing's records and documents, keeping their origin. The same
        filing twice adds nothing; a record that differs from the copy received before is kept
        beside it and reported, never written over it."""
        self._authorize(actor, "filing.import")
        with self._vault.transaction() as conn, intake.opened(conn, path) as found:
            if found.result.already_imported:
                return intake.store(conn, found, path, actor_id=actor.id, at=self._timestamp())
            require_level(actor, found.result.level)
            done = intake.store(conn, found, path, actor_id=actor.id, at=self._timestamp())
            self._audit(
                conn,
                actor,
                "filing.imported",
                OBJECT_TYPE,
                done.filing_row,
                after={
                    "filing_id": found.result.filing_id,
                    "office": found.sender.office,
                    "sequence": found.result.sequence,
                    "sha256": found.sha256,
                    "added": done.added,
                    "unchanged": done.unchanged,
                    "differing": list(done.differing),
                    "checkpoint_size": found.head.size,
                },
                level=found.result.level,
            )
        return done

    def received(self, actor: User) -> list[Filing]:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            return filings.list_filings(conn, "in", levels=visible_levels(actor))

    def received_records(self, actor: User, filing_row: int) -> list[ReceivedRecord]:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            found = self._received(conn, actor, filing_row)
            return [r for r in filings.records_of(conn, found.id) if can_see(actor, r.level)]

    def received_document(self, actor: User, filing_row: int, name: str) -> bytes:
        self._authorize(actor, "filing.read")
        with self._vault.read() as conn:
            found = self._received(conn, actor, filing_row)
            content = filings.file_content(conn, found.id, name)
        if content is None:
            raise ValidationError("document", "该报送件中没有这个文件。")
        return content

    def save_received_document(self, actor: User, filing_row: int, name: str, path: Path) -> None:
        content = self.received_document(actor, filing_row, name)
        write_atomic(path, content, mode=0o600)
        with self._vault.transaction() as conn:
            found = self._received(conn, actor, filing_row)
            self._audit(
                conn,
                actor,
                "filing.document_saved",
                OBJECT_TYPE,
                filing_row,
                after={"name": name, "sha256": hashlib.sha256(content).hexdigest()},
                level=found.level,
            )

    # -- internals ---------------------------------------------------------------------------
    def _unit_name(self) -> str:
        with self._vault.read() as conn:
            profile = unit.get(conn)
        return profile.name if profile else ""

    def _require_keys(self, conn: Conn) -> UnitKeys:
        keys = filings.current_keys(conn)
        if keys is None:
            raise ValidationError(
                "keys", "本单位还没有报送密钥：请系统管理员在“报送”页生成密钥并导出密钥卡。"
            )
        return keys

    def _preview(
        self,
        conn: Conn,
        items: Sequence[Item],
        files: Sequence[tuple[str, bytes]],
        recipient_id: int,
        encrypt: bool,
    ) -> Preview:
        recipient = filings.trusted_key(conn, recipient_id)
        if recipient is None or not recipient.active:
            raise ValidationError("recipient", "请选择信任名单中仍有效的收件单位。")
        level = highest_level(i.level for i in items)
        profile = unit.get(conn)
        sequence = filings.next_sequence(conn, recipient_id)
        serial = filings.count_sent(conn) + 1
        fid = filing_id(profile.credit_code if profile else "", self._now().date(), serial)
        return Preview(
            items=tuple(items),
            documents=tuple((name, len(content)) for name, content in files),
            level=level,
            needs_approval=needs_approval(level),
            approved=False,
            recipient=recipient,
            sequence=sequence,
            filing_id=fid,
            file_name=file_name(fid, encrypt),
        )

    def _draft(self, conn: Conn, actor: User, draft_id: int) -> Filing:
        found = filings.filing(conn, draft_id)
        if found is None or found.direction != "out" or found.state != "draft":
            raise ValidationError("draft", "没有这份待导出的报送件。")
        require_level(actor, found.level)
        return found

    def _require_approved(
        self, conn: Conn, actor: User, draft_id: int | None, preview: Preview
    ) -> None:
        if draft_id is None:
            raise PermissionDenied(
                f"报送件含{_level_cn(preview.level)}内容，须先经保密管理员审批（报送页“申请保密审批”）。"
            )
        draft = self._draft(conn, actor, draft_id)
        if draft.items != preview.items or draft.trusted_key_id != preview.recipient.id:
            raise ValidationError(
                "items", "所选内容或收件单位与审批时不同：请按审批的内容导出，或重新申请。"
            )
        requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(draft.id))
        if not requests or requests[0].status != "approved":
            raise PermissionDenied("该报送件的保密审批尚未通过。")

    def _received(self, conn: Conn, actor: User, filing_row: int) -> Filing:
        found = filings.filing(conn, filing_row)
        if found is None or found.direction != "in" or not can_see(actor, found.level):
            raise PermissionDenied("该报送件不存在，或您无权查看。")
        return found

    def _audit_check(
        self,
        actor: User,
        path: Path,
        *,
        filing: Verified | None = None,
        reason: str = "",
        message: str = "",
    ) -> None:
        with self._vault.transaction() as conn:
            if filing is None:
                self._audit(
                    conn,
                    actor,
                    "filing.rejected",
                    OBJECT_TYPE,
                    path.name[:64],
                    after={"file": path.name, "reason": reason, "message": message},
                )
            else:
                self._audit(
                    conn,
                    actor,
                    "filing.verified",
                    OBJECT_TYPE,
                    filing.filing_id[:64],
                    after={
                        "file": path.name,
                        "office": filing.office,
                        "sequence": filing.sequence,
                        "sha256": filing.sha256,
                    },
                    level=filing.level,
                )


def _own(keys: UnitKeys) -> OwnKeys:
    public = _secret(keys).public()
    return OwnKeys(
        key_id=public.key_id_hex,
        fingerprint=public.fingerprint(),
        signing_key=public.file_text().splitlines()[1],
        recipient=age.Identity(keys.receiving_secret).recipient(),
        created_at=keys.created_at,
    )


def _secret(keys: UnitKeys) -> minisign.SecretKey:
    return minisign.SecretKey(keys.key_id, keys.signing_secret)


def _checked_card(data: bytes) -> tuple[CardBody, minisign.PublicKey]:
    body, signature = parse_card(data)
    try:
        public = minisign.read_public_key(body.signing_key)
        minisign.verify(public, body.canonical(), signature)
        age.parse_recipient(body.recipient)
    except PacketError:
        raise ValidationError(
            "card", "密钥卡文件的签名不对：文件在导出后被改动过，不能使用。"
        ) from None
    return body, public


def _office_line(code: str, name: str) -> str:
    return f"{code} {name}".strip()


def _level_cn(level: str) -> str:
    from desktop.domain.secrecy import LEVEL_NAMES

    return LEVEL_NAMES.get(level, level)


def _leaf_hashes(conn: Conn, size: int) -> list[bytes]:
    leaves: list[bytes] = []
    for row in audit.rows_for_verification(conn):
        if len(leaves) == size:
            break
        leaves.append(entry_leaf_hash(row[:-1]))
    return leaves
