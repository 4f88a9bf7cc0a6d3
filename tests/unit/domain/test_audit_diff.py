from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.audit import canonical_json
from desktop.domain.audit_diff import (
    VALUE_FIELD,
    FieldChange,
    changes_in_words,
    field_changes,
    plain_value_text,
)

PERSON_BEFORE = {"name": "张三", "department_id": 1, "title": "讲师", "leader_type": "none"}
PERSON_AFTER = {"name": "张三", "department_id": 2, "title": "副教授", "leader_type": "none"}


def j(value: Any) -> str | None:
    return canonical_json(value)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        pytest.param(
            PERSON_BEFORE,
            PERSON_AFTER,
            [FieldChange("department_id", "1", "2"), FieldChange("title", "讲师", "副教授")],
            id="person updated",
        ),
        pytest.param(
            None,
            {"login": "li", "roles": ["security_auditor"], "active": True},
            [
                FieldChange("active", None, "是"),
                FieldChange("login", None, "li"),
                FieldChange("roles", None, "security_auditor"),
            ],
            id="created: nothing before",
        ),
        pytest.param(
            {"departments": ["科技处", "化学学院"], "non_profit": True},
            {"departments": ["科技处"], "non_profit": False},
            [
                FieldChange("departments", "科技处、化学学院", "科技处"),
                FieldChange("non_profit", "是", "否"),
            ],
            id="lists joined, booleans in words",
        ),
        pytest.param(5, 12, [FieldChange(VALUE_FIELD, "5", "12")], id="a setting's bare value"),
        pytest.param(
            None,
            {"filter": {"action": "person.created"}, "head": {"size": 7, "root": "ab"}},
            [
                FieldChange("filter.action", None, "person.created"),
                FieldChange("head.root", None, "ab"),
                FieldChange("head.size", None, "7"),
            ],
            id="nested objects as dotted paths",
        ),
        pytest.param(
            {"department_id": None, "title": ""},
            {"department_id": None, "title": ""},
            [],
            id="equal values are no change",
        ),
        pytest.param(
            {"id": 3, "department": "科技处", "department_id": None, "title": "讲师"},
            {"department_id": 2, "title": "讲师"},
            [FieldChange("department_id", None, "2")],
            id="a field only one side records is not a change; null to a value is",
        ),
        pytest.param(
            {"head": {"size": 3}, "note": "a"},
            {"head": 5, "note": "a"},
            [FieldChange("head", None, "5"), FieldChange("head.size", "3", None)],
            id="an object that became a value",
        ),
        pytest.param(
            {"department_id": 2},
            {"department_id": None},
            [FieldChange("department_id", "2", None)],
            id="a value to null",
        ),
        pytest.param({"votes_for": 1}, {"votes_for": True}, [FieldChange("votes_for", "1", "是")]),
        pytest.param(
            {"participants": []},
            {"participants": ["甲"]},
            [FieldChange("participants", "", "甲")],
            id="empty list is an empty text, not nothing",
        ),
    ],
)
def test_golden_changes(before: Any, after: Any, expected: list[FieldChange]) -> None:
    assert field_changes(j(before), j(after)) == expected


def test_text_that_is_not_json_is_shown_as_it_is() -> None:
    # A tampered log must still open in the viewer.
    assert field_changes("{broken", '"x"') == [FieldChange(VALUE_FIELD, "{broken", "x")]
    assert field_changes("{broken", "{broken") == []


def test_value_text_formats_every_leaf_and_each_list_item() -> None:
    seen: list[tuple[str, Any]] = []

    def words(field: str, value: Any) -> str:
        seen.append((field, value))
        return f"<{value}>"

    changes = field_changes(None, j({"roles": ["a", "b"], "head": {"size": 3}}), value_text=words)
    assert changes == [
        FieldChange("head.size", None, "<3>"),
        FieldChange("roles", None, "<a>、<b>"),
    ]
    assert ("roles", "a") in seen and ("head.size", 3) in seen


def test_changes_in_words() -> None:
    changes = [
        FieldChange("title", "讲师", "副教授"),
        FieldChange("name", None, "张三"),
        FieldChange("note", "旧", None),
        FieldChange("summary", "", "有"),
    ]
    labels = {"title": "职称", "name": "姓名", "note": "备注", "summary": "摘要"}
    assert (
        changes_in_words(changes, labels.__getitem__)
        == "职称：讲师 → 副教授；姓名：张三；备注：旧 → —；摘要：“” → 有"
    )
    assert changes_in_words([FieldChange(VALUE_FIELD, "5", "12")], lambda f: f) == "5 → 12"
    assert changes_in_words([]) == ""


# -- properties -----------------------------------------------------------------------------
keys = st.text(alphabet="abcdefg_", min_size=1, max_size=6)
scalars = st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=5)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
objects = st.dictionaries(keys, json_values, max_size=5)


@given(json_values)
def test_a_snapshot_compared_with_itself_has_no_changes(value: Any) -> None:
    assert field_changes(j(value), j(value)) == []


@given(objects, objects)
def test_swapping_sides_swaps_every_change(before: dict, after: dict) -> None:
    forward = field_changes(j(before), j(after))
    backward = field_changes(j(after), j(before))
    assert backward == [FieldChange(c.field, c.after, c.before) for c in forward]


@given(objects, objects)
def test_fields_are_unique_sorted_and_each_really_changed(before: dict, after: dict) -> None:
    changes = field_changes(j(before), j(after))
    fields = [c.field for c in changes]
    assert fields == sorted(set(fields))
    for change in changes:
        assert j(lookup(before, change.field)) != j(lookup(after, change.field))


@given(
    st.dictionaries(keys, scalars.filter(lambda v: v is not None), min_size=1, max_size=5),
    st.data(),
)
def test_changing_one_leaf_reports_exactly_that_field(flat: dict, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(sorted(flat)))
    new_value = data.draw(
        scalars.filter(lambda v: v is not None and json.dumps(v) != json.dumps(flat[key]))
    )
    nested_before = {"outer": flat}
    nested_after = {"outer": {**flat, key: new_value}}
    changes = field_changes(j(nested_before), j(nested_after))
    assert changes == [
        FieldChange(
            f"outer.{key}",
            plain_value_text(key, flat[key]),
            plain_value_text(key, new_value),
        )
    ]


@given(objects)
def test_creation_lists_every_leaf_with_nothing_before(after: dict) -> None:
    changes = field_changes(None, j(after))
    assert all(c.before is None and c.after is not None for c in changes)
    assert {c.field for c in changes} == set(leaves(after))


@given(objects, objects)
def test_between_two_records_only_fields_both_record_are_compared(
    before: dict, after: dict
) -> None:
    ours, theirs = set(leaves(before, keep_null=True)), set(leaves(after, keep_null=True))
    for change in field_changes(j(before), j(after)):
        assert change.field in ours & theirs or any(
            other.startswith(change.field + ".") or change.field.startswith(other + ".")
            for other in ours ^ theirs
        )


def lookup(value: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def leaves(value: dict, prefix: str = "", *, keep_null: bool = False) -> list[str]:
    found = []
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(item, dict):
            found += leaves(item, path, keep_null=keep_null)
        elif item is not None or keep_null:
            found.append(path)
    return found
