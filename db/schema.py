"""Every table, one source of truth. Migrations must produce exactly this (a test compares)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from desktop.domain.accounts import CLEARANCES, ROLES
from desktop.domain.people import LEADER_TYPES
from desktop.domain.unit import UNIT_TYPES

metadata = MetaData()


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


unit_profile = Table(
    "unit_profile",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("credit_code", String(18), nullable=False),
    Column("unit_type", String(32), nullable=False),
    Column("non_profit", Boolean, nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint("id = 1", name="ck_unit_profile_singleton"),
    CheckConstraint(_in("unit_type", UNIT_TYPES), name="ck_unit_profile_unit_type"),
)

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("active", Boolean, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("login", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(32), nullable=False),
    Column("clearance", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(_in("role", ROLES), name="ck_users_role"),
    CheckConstraint(_in("clearance", CLEARANCES), name="ck_users_clearance"),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=True),
    Column("title", Text, nullable=False),
    Column("leader_type", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    CheckConstraint(_in("leader_type", LEADER_TYPES), name="ck_people_leader_type"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("ts", String(32), nullable=False),
    Column("actor", String(36), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(32), nullable=False),
    Column("object_id", String(64), nullable=False),
    Column("before", Text, nullable=True),  # canonical JSON
    Column("after", Text, nullable=True),
    sqlite_autoincrement=True,
)
# Migration 0001 adds triggers that refuse UPDATE and DELETE on audit_log.
