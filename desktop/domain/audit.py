"""Audit entries: who did what, when, to which object, with the state before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


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
    actor_name: str = ""


def canonical_json(value: Any) -> str | None:
    """Stable text for before/after snapshots (sorted keys, no whitespace, UTF-8 kept)."""
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
