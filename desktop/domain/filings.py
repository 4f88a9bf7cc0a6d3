"""Sealed filings as the office sees them: what may go in one, how it is named, the gate on
classified content, and the key card by which offices exchange public keys.

A filing goes to one office whose key card is in the trust store. Its sequence counts the filings
sent to that office (1, 2, …), so a receiver refuses an older one replayed. Anything above 内部
inside needs the secrecy administrator's recorded approval, and the packet carries the highest
level of what it holds.

The key card binds an office's name, its signing key and its receiving (age) key: the card is
signed by the signing key, and the signing key's fingerprint is compared on paper or by phone.
A card whose office or receiving key was altered fails its signature; a card made by someone else
has another fingerprint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.accounts import CLEARANCES
from desktop.errors import ValidationError

# What a filing may hold, in the order a preview lists them.
KINDS: dict[str, str] = {
    "achievement": "科技成果登记",
    "grant": "赋权协议",
    "confidentiality": "保密协议",
    "transformation": "成果转化（含尽职免责证明材料）",
    "reward": "奖励计算",
}
# Above this, the secrecy administrator approves the filing first.
OPEN_CEILING = "internal"
APPROVAL_KIND = "classified_filing"
EXTENSION = ".sfp"
ENCRYPTED_EXTENSION = ".sfp.age"
CARD_FORMAT = "transfer-desk-key-card-1"
CARD_EXTENSION = ".tdkey"


@dataclass(frozen=True, order=True)
class Item:
    """One record chosen for a filing."""

    kind: str
    id: int
    title: str = ""
    level: str = "public"

    @property
    def ref(self) -> str:
        return f"{self.kind}-{self.id}"


def validate_items(items: Sequence[Item]) -> tuple[Item, ...]:
    if not items:
        raise ValidationError("items", "请至少选择一项要报送的内容。")
    seen: set[tuple[str, int]] = set()
    for item in items:
        if item.kind not in KINDS:
            raise ValidationError("items", f"不能报送这类内容：{item.kind}。")
        if (item.kind, item.id) in seen:
            raise ValidationError("items", f"“{item.title or item.ref}”选了两次。")
        seen.add((item.kind, item.id))
    return tuple(sorted(items, key=lambda i: (list(KINDS).index(i.kind), i.id)))


def highest_level(levels: Iterable[str]) -> str:
    found = [CLEARANCES.index(level) for level in levels]
    return CLEARANCES[max(found)] if found else CLEARANCES[0]


def needs_approval(level: str) -> bool:
    return CLEARANCES.index(level) > CLEARANCES.index(OPEN_CEILING)


def filing_id(office_code: str, day: dt.date, sequence: int) -> str:
    """FILING-<office>-<yyyymmdd>-<seq6>, the name the security design gives; the office is the
    sender's 统一社会信用代码 (letters and digits only)."""
    code = re.sub(r"[^0-9A-Za-z]", "", office_code) or "UNIT"
    return f"FILING-{code}-{day:%Y%m%d}-{sequence:06d}"


def file_name(filing: str, encrypted: bool) -> str:
    return filing + (ENCRYPTED_EXTENSION if encrypted else EXTENSION)


def normalize_fingerprint(text: str) -> str:
    return re.sub(r"[\s\-:]", "", text).upper()


def fingerprints_match(typed: str, actual: str) -> bool:
    return bool(typed.strip()) and normalize_fingerprint(typed) == normalize_fingerprint(actual)


# -- the key card -------------------------------------------------------------------------------
@dataclass(frozen=True)
class CardBody:
    office: str
    credit_code: str
    signing_key: str  # minisign's public key line (base64), as `minisign -P` takes it
    recipient: str  # age1…
    created: str  # ISO date

    def canonical(self) -> bytes:
        return json.dumps(
            {"format": CARD_FORMAT, **self.__dict__},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ).encode()


def card_text(body: CardBody, signature: str) -> str:
    """The card file: JSON with the body and the minisign signature over its canonical form."""
    doc = {"card": json.loads(body.canonical()), "signature": signature}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def parse_card(data: bytes) -> tuple[CardBody, str]:
    """The body and signature of a card file; the caller checks the signature."""
    bad = ValidationError("card", "这不是本程序导出的密钥卡文件（格式不对）。")
    if len(data) > 64 * 1024:
        raise bad
    try:
        doc = json.loads(data.decode("utf-8"))
        card = doc["card"]
        signature = doc["signature"]
        if card.get("format") != CARD_FORMAT or not isinstance(signature, str):
            raise bad
        body = CardBody(
            office=str(card["office"]).strip(),
            credit_code=str(card["credit_code"]).strip(),
            signing_key=str(card["signing_key"]).strip(),
            recipient=str(card["recipient"]).strip(),
            created=str(card["created"]),
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise bad from None
    if not body.office:
        raise ValidationError("card", "密钥卡没有写明单位名称。")
    return body, signature


# -- what the vault keeps -----------------------------------------------------------------------
@dataclass(frozen=True)
class UnitKeys:
    """The unit's own keys. The secrets never leave the vault and are never shown."""

    id: int
    key_id: bytes
    signing_secret: bytes
    receiving_secret: bytes
    created_at: str
    retired_at: str | None = None


@dataclass(frozen=True)
class TrustedKey:
    id: int
    office: str
    credit_code: str
    key_id: bytes
    signing_public: bytes
    recipient: str
    fingerprint: str
    card_created: str
    added_by: str
    added_at: str
    retired_at: str | None
    retire_reason: str

    @property
    def active(self) -> bool:
        return self.retired_at is None


@dataclass(frozen=True)
class Filing:
    id: int
    direction: str  # 'out' | 'in'
    state: str  # 'draft' | 'sent' | 'received' | 'discarded'
    filing_id: str
    trusted_key_id: int
    office: str  # the other office
    sequence: int
    level: str
    encrypted: bool
    items: tuple[Item, ...]
    file_name: str
    sha256: str
    size: int
    claimed_time: str
    checkpoint_origin: str
    checkpoint_size: int
    checkpoint_root: bytes
    created_by: str
    created_at: str
    completed_at: str | None


@dataclass(frozen=True)
class ReceivedRecord:
    id: int
    filing_row: int
    kind: str
    origin_id: int
    title: str
    level: str
    content: dict[str, object]
    content_sha256: str
    documents: tuple[str, ...]
    differs_from: int | None


def items_json(items: Sequence[Item]) -> str:
    return json.dumps(
        [{"kind": i.kind, "id": i.id, "title": i.title, "level": i.level} for i in items],
        ensure_ascii=False,
    )


def items_from_json(text: str) -> tuple[Item, ...]:
    return tuple(Item(d["kind"], int(d["id"]), d["title"], d["level"]) for d in json.loads(text))


def jsonable(value: object) -> object:
    """A record as plain JSON values: dataclasses as objects, Decimal as text (exact), tuples
    as lists, bytes as hex; dict keys as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def safe_file_name(name: str) -> str:
    """A stored attachment's name made safe as one path segment of a packet."""
    cleaned = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned[:120] or "file"
