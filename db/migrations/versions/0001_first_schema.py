"""First schema: unit profile, departments, users, people, settings, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UNIT_TYPES = "'university', 'institute', 'medical', 'central_in_liaoning', 'other'"
ROLES = (
    "'system_admin', 'secrecy_admin', 'security_auditor', 'transfer_officer', "
    "'researcher', 'approver'"
)
CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"


def upgrade() -> None:
    op.create_table(
        "unit_profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("unit_type", sa.String(32), nullable=False),
        sa.Column("non_profit", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_unit_profile_singleton"),
        sa.CheckConstraint(f"unit_type IN ({UNIT_TYPES})", name="ck_unit_profile_unit_type"),
    )
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("clearance", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.CheckConstraint(f"role IN ({ROLES})", name="ck_users_role"),
        sa.CheckConstraint(f"clearance IN ({CLEARANCES})", name="ck_users_clearance"),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("departments.id"), nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("leader_type", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.CheckConstraint(
            "leader_type IN ('none', 'deputy', 'principal')", name="ck_people_leader_type"
        ),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ts", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(36), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(64), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
        sqlite_autoincrement=True,
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
