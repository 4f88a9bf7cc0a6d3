"""The sealed-filing rows of the permission table (tests/unit/services/test_permission_table.py):
every FilingService method and the approval of a classified filing, with the records each call
needs made directly in the database, so no other permission is involved."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from db import approvals, filings, unit
from desktop.domain.achievements import AchievementDraft, Completer
from desktop.domain.filings import CardBody, Item, card_text, items_json
from desktop.domain.identifiers import credit_code_check_char
from desktop.sealing import age, minisign, packet
from desktop.sealing.checkpoint import Head

TS = "2026-01-05T08:03:00+00:00"


def _code(n: int) -> str:
    first = f"12210000MB{n:07d}"
    return first + credit_code_check_char(first)


def _keys(w: Any) -> None:
    with w.vault.transaction() as conn:
        if filings.current_keys(conn) is None:
            signing = minisign.generate()
            filings.add_keys(
                conn,
                key_id=signing.key_id,
                signing_secret=signing.raw,
                receiving_secret=age.Identity.generate().raw,
                created_by=w.actor.id,
                created_at=TS,
            )


def _office(w: Any) -> tuple[int, minisign.SecretKey, str]:
    """A trusted office with fresh keys: (row, its signing key, its credit code)."""
    signing = minisign.generate()
    code = _code(w.counter + 1000)
    w.fresh("office")
    with w.vault.transaction() as conn:
        row = filings.add_trusted(
            conn,
            office=f"某科技局{w.counter}",
            credit_code=code,
            key_id=signing.key_id,
            signing_public=signing.public().raw,
            recipient=age.Identity.generate().recipient(),
            fingerprint=signing.public().fingerprint(),
            card_created="2026-01-05",
            added_by=w.actor.id,
            added_at=TS,
        )
    return row, signing, code


def _card(w: Any) -> tuple[bytes, str]:
    signing = minisign.generate()
    body = CardBody(
        f"卡片单位{w.fresh('c')}",
        _code(7),
        signing.public().file_text().splitlines()[1],
        age.Identity.generate().recipient(),
        "2026-01-05",
    )
    text = card_text(body, minisign.sign(signing, body.canonical(), trusted_comment="card"))
    return text.encode(), signing.public().fingerprint()


def _item(w: Any, level: str = "internal") -> Item:
    draft = AchievementDraft(
        title="报送成果",
        abstract="",
        keywords=(),
        kind="other",
        department_id=None,
        funding_type="self",
        funding_ref="",
        completers=(Completer(1, "lead", 100),),  # type: ignore[arg-type]
        level=level,
        secrecy_mark="秘密★5年" if level == "secret" else "",
    )
    from db import achievements

    with w.vault.transaction() as conn:
        found = achievements.insert_achievement(conn, draft, created_by=w.actor.id, created_at=TS)
    return Item("achievement", found, "报送成果", level)


def _draft(w: Any) -> int:
    office, _, _ = _office(w)
    with w.vault.transaction() as conn:
        return filings.add_filing(
            conn,
            direction="out",
            state="draft",
            filing_id="",
            trusted_key_id=office,
            sequence=0,
            level="secret",
            encrypted=True,
            contents=items_json([_item(w, "secret")]),
            file_name="",
            sha256="",
            size=0,
            claimed_time="",
            checkpoint_origin="",
            checkpoint_size=0,
            checkpoint_root=b"",
            created_by=w.actor.id,
            created_at=TS,
        )


def _filing_request(w: Any) -> int:
    draft = _draft(w)
    admin = _admin(w)
    with w.vault.transaction() as conn:
        return approvals.insert_request(
            conn,
            kind="classified_filing",
            object_type="filing",
            object_id=str(draft),
            payload={"office": "x", "level": "secret", "items": []},
            reason="报送",
            requested_by=admin,
            requested_at=TS,
        )


def _admin(w: Any) -> str:
    from db import users

    with w.vault.read() as conn:
        return next(u.id for u in users.list_all(conn) if "system_admin" in u.roles)


def _packet(w: Any) -> Any:
    """A plain filing from a newly trusted office to this unit, as a file."""
    _, signing, code = _office(w)
    with w.vault.read() as conn:
        ours = unit.get(conn)
    assert ours is not None
    info = packet.FilingInfo(
        f"FILING-{code}-20260105-{w.counter:06d}",
        f"{code} 某科技局",
        f"{ours.credit_code} {ours.name}",
        1,
        TS,
    )
    record = {
        "kind": "achievement",
        "id": 3,
        "title": "来文",
        "level": "internal",
        "record": {"title": "来文"},
        "documents": ["achievement-3/a.pdf"],
    }
    data = packet.seal(
        info,
        {"level": "internal", "items": [record]},
        [("achievement-3/a.pdf", b"%PDF-1.4")],
        signing,
        checkpoint=Head(f"transfer-desk/{code}", 3, bytes(32)),
    )
    path = w.tmp / f"{w.fresh('packet')}.sfp"
    path.write_bytes(data)
    return path


def _received(w: Any) -> int:
    office, _, _ = _office(w)
    with w.vault.transaction() as conn:
        row = filings.add_filing(
            conn,
            direction="in",
            state="received",
            filing_id=f"F{w.fresh('r')}",
            trusted_key_id=office,
            sequence=1,
            level="internal",
            encrypted=False,
            contents="[]",
            file_name="f.sfp",
            sha256="0" * 64,
            size=1,
            claimed_time=TS,
            checkpoint_origin="o",
            checkpoint_size=1,
            checkpoint_root=bytes(32),
            created_by=w.actor.id,
            created_at=TS,
        )
        filings.add_file(
            conn, row, name="a.pdf", sha256=hashlib.sha256(b"x").hexdigest(), content=b"x"
        )
    return row


def _folder(w: Any) -> Any:
    folder = w.tmp / w.fresh("stick")
    folder.mkdir()
    return folder


Call = Callable[[Any], Any]
ROWS: list[tuple[str, str, str, Call]] = [
    ("filings", "own_keys", "filing.read", lambda w: w.services.filings.own_keys(w.actor)),
    (
        "filings",
        "create_keys",
        "keys.manage",
        lambda w: w.services.filings.create_keys(w.actor, reason="年度更换"),
    ),
    (
        "filings",
        "key_card",
        "filing.read",
        lambda w: (_keys(w), w.services.filings.key_card(w.actor)),
    ),
    (
        "filings",
        "save_key_card",
        "filing.read",
        lambda w: (_keys(w), w.services.filings.save_key_card(w.actor, _folder(w))),
    ),
    ("filings", "trusted", "filing.read", lambda w: w.services.filings.trusted(w.actor)),
    (
        "filings",
        "read_card",
        "trust.edit",
        lambda w: w.services.filings.read_card(w.actor, _card(w)[0]),
    ),
    ("filings", "trust", "trust.edit", lambda w: w.services.filings.trust(w.actor, *_card(w))),
    (
        "filings",
        "retire",
        "trust.edit",
        lambda w: w.services.filings.retire(w.actor, _office(w)[0], "对方停用"),
    ),
    ("filings", "candidates", "filing.export", lambda w: w.services.filings.candidates(w.actor)),
    (
        "filings",
        "preview",
        "filing.export",
        lambda w: w.services.filings.preview(w.actor, [_item(w)], _office(w)[0], encrypt=True),
    ),
    (
        "filings",
        "request_approval",
        "filing.export",
        lambda w: w.services.filings.request_approval(
            w.actor, [_item(w, "secret")], _office(w)[0], encrypt=True, reason="年度报送"
        ),
    ),
    ("filings", "drafts", "filing.read", lambda w: w.services.filings.drafts(w.actor)),
    (
        "filings",
        "discard_draft",
        "filing.export",
        lambda w: w.services.filings.discard_draft(w.actor, _draft(w)),
    ),
    (
        "filings",
        "export",
        "filing.export",
        lambda w: (
            _keys(w),
            w.services.filings.export(w.actor, [_item(w)], _office(w)[0], _folder(w), encrypt=True),
        ),
    ),
    ("filings", "sent", "filing.read", lambda w: w.services.filings.sent(w.actor)),
    ("filings", "verify", "filing.read", lambda w: w.services.filings.verify(w.actor, _packet(w))),
    (
        "filings",
        "import_",
        "filing.import",
        lambda w: w.services.filings.import_(w.actor, _packet(w)),
    ),
    ("filings", "received", "filing.read", lambda w: w.services.filings.received(w.actor)),
    (
        "filings",
        "received_records",
        "filing.read",
        lambda w: w.services.filings.received_records(w.actor, _received(w)),
    ),
    (
        "filings",
        "received_document",
        "filing.read",
        lambda w: w.services.filings.received_document(w.actor, _received(w), "a.pdf"),
    ),
    (
        "filings",
        "save_received_document",
        "filing.read",
        lambda w: w.services.filings.save_received_document(
            w.actor, _received(w), "a.pdf", w.tmp / f"{w.fresh('doc')}.pdf"
        ),
    ),
    (
        "approvals",
        "decide",
        "secrecy.approve_filing",
        lambda w: w.services.approvals.decide(w.actor, _filing_request(w), approve=True, note=""),
    ),
]
