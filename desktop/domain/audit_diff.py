"""What an audit entry changed, as a person reads it: one row per field, before → after.

Services write ``before`` and ``after`` as canonical JSON snapshots (``desktop.domain.audit``).
``field_changes`` compares the two: nested objects are flattened into dotted paths
(``head.size``), lists are one field shown joined, and a value that is null or missing reads as
``None``. A snapshot that is a bare value (a setting) is the field ``""``. Text that is
not JSON (a damaged or tampered log) is shown as it is rather than refused: the viewer of a
broken log must still open.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# The field path of a snapshot that is a single value rather than an object.
VALUE_FIELD = ""
LIST_SEPARATOR = "、"

ValueText = Callable[[str, Any], str]
"""Turns one leaf value of ``field`` into display text (lists: called once per item)."""


@dataclass(frozen=True)
class FieldChange:
    field: str  # dotted path, VALUE_FIELD for a bare value
    before: str | None  # display text; None when the field is absent or null on that side
    after: str | None


@dataclass(frozen=True)
class EntryLine:
    """One audit entry in words, as the viewer's table and the printed extract show it."""

    seq: int
    time: str
    person: str
    action: str
    object: str
    changes: str
    withheld: bool = False


def plain_value_text(field: str, value: Any) -> str:
    """Booleans as 是/否, structures as compact JSON, everything else as ``str``."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)


def field_changes(
    before_json: str | None,
    after_json: str | None,
    *,
    value_text: ValueText = plain_value_text,
) -> list[FieldChange]:
    """The fields whose value differs between the two snapshots, in path order.

    When both snapshots are objects, a field that only one of them records is left out: the
    other side did not record it, which says nothing about a change (services may snapshot the
    stored record before and the submitted draft after)."""
    old_snapshot, new_snapshot = _load(before_json), _load(after_json)
    before, after = _flatten(old_snapshot), _flatten(new_snapshot)
    if isinstance(old_snapshot, dict) and isinstance(new_snapshot, dict):
        # ... but a field that became an object, or an object that became a value, did change.
        fields = (
            (before.keys() & after.keys()) | _reshaped(before, after) | _reshaped(after, before)
        )
    else:
        fields = before.keys() | after.keys()
    changes = []
    for field in sorted(fields):
        old, new = before.get(field), after.get(field)
        if _same(old, new):
            continue
        changes.append(
            FieldChange(field, _text(field, old, value_text), _text(field, new, value_text))
        )
    return changes


def changes_in_words(
    changes: Iterable[FieldChange],
    label: Callable[[str], str] = lambda field: field,
    *,
    separator: str = "；",
    colon: str = "：",
    arrow: str = " → ",
    nothing: str = "—",
) -> str:
    """``职称：讲师 → 副教授；姓名：张三`` (a new value alone when there was none before)."""
    parts = []
    for change in changes:
        old = nothing if change.before is None else change.before or "“”"
        new = nothing if change.after is None else change.after or "“”"
        value = new if change.before is None else f"{old}{arrow}{new}"
        name = label(change.field)
        parts.append(f"{name}{colon}{value}" if name else value)
    return separator.join(parts)


# -- internals ------------------------------------------------------------------------------
class _Raw(str):
    """Snapshot text that is not JSON: shown verbatim."""


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return _Raw(text)


def _flatten(value: Any) -> dict[str, Any]:
    """Leaf path -> value; a null inside an object is kept (the field is recorded, empty)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return {VALUE_FIELD: value}
    flat: dict[str, Any] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, item in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(item, dict):
                walk(item, path)
            else:
                flat[path] = item

    walk(value, "")
    return flat


def _reshaped(one: dict[str, Any], other: dict[str, Any]) -> set[str]:
    """Paths of ``one`` that lie inside, or contain, a leaf path of ``other``."""
    return {
        path
        for path in one.keys() - other.keys()
        if any(path.startswith(o + ".") or o.startswith(path + ".") for o in other)
    }


def _same(a: Any, b: Any) -> bool:
    # JSON equality (1 and true differ); null and absent are both "no value".
    return _canonical(a) == _canonical(b)


def _canonical(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _Raw):
        return "raw:" + value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _text(field: str, value: Any, value_text: ValueText) -> str | None:
    if value is None:
        return None
    if isinstance(value, _Raw):
        return str(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(
            "" if item is None else value_text(field, item) for item in value
        )
    return value_text(field, value)
