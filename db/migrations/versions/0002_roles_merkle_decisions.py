"""Several roles per user, the audit log as an RFC 6962 tree, checkpoints, decision records,
approval requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from desktop.domain.audit import entry_leaf_hash
from desktop.domain.merkle import Frontier

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"
BODIES = "'office_meeting', 'party_committee', 'academic_committee', 'transformation_group', 'other'"
OUTCOMES = "'approved', 'rejected', 'deferred'"


def upgrade() -> None:
    _users_with_several_roles()
    _audit_tree()
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("root", sa.LargeBinary(32), nullable=False),
        sa.Column("ts", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(36), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_checkpoints_no_{event.lower()} BEFORE {event} ON "
            "audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END"
        )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("body", sa.String(32), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("decided_on", sa.String(10), nullable=False),
        sa.Column("participants", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("votes_for", sa.Integer, nullable=True),
        sa.Column("votes_against", sa.Integer, nullable=True),
        sa.Column("votes_abstain", sa.Integer, nullable=True),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint(f"body IN ({BODIES})", name="ck_decisions_body"),
        sa.CheckConstraint(f"outcome IN ({OUTCOMES})", name="ck_decisions_outcome"),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_decisions_level"),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("requested_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("requested_at", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(36), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("decided_at", sa.String(32), nullable=True),
        sa.Column("decision_note", sa.Text, nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'withdrawn')", name="ck_approvals_status"
        ),
    )
    op.create_table(
        "decision_links",
        sa.Column(
            "decision_id", sa.Integer, sa.ForeignKey("decisions.id"), primary_key=True
        ),
        sa.Column("object_type", sa.String(32), primary_key=True),
        sa.Column("object_id", sa.String(64), primary_key=True),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("added_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
    )


def _users_with_several_roles() -> None:
    # SQLite cannot drop a column with a CHECK on it: rebuild the table (nothing references it yet).
    op.create_table(
        "users_new",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("clearance", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column(
            "must_change_passphrase", sa.Boolean, nullable=False, server_default=sa.text("0")
        ),
        sa.CheckConstraint(f"clearance IN ({CLEARANCES})", name="ck_users_clearance"),
    )
    conn = op.get_bind()
    for row in conn.execute(sa.text("SELECT * FROM users")).mappings():
        conn.execute(
            sa.text(
                "INSERT INTO users_new (id, login, display_name, roles, clearance, active, "
                "created_at, must_change_passphrase) VALUES (:id, :login, :display_name, "
                ":roles, :clearance, :active, :created_at, 0)"
            ),
            {**row, "roles": json.dumps([row["role"]])},
        )
    op.drop_table("users")
    op.rename_table("users_new", "users")


def _audit_tree() -> None:
    op.add_column("audit_log", sa.Column("reason", sa.Text, nullable=True))
    op.add_column(
        "audit_log",
        sa.Column("level", sa.String(16), nullable=False, server_default="public"),
    )
    op.add_column(
        "audit_log",
        sa.Column("tree_root", sa.LargeBinary(32), nullable=False, server_default=""),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("root", sa.LargeBinary(32), nullable=False),
        sa.Column("frontier", sa.LargeBinary, nullable=False),
        sa.CheckConstraint("id = 1", name="ck_audit_head_singleton"),
    )
    # The existing entries become the first leaves. Their seq may have gaps only if the log was
    # already damaged; then verification will name the gap, which is what it should do.
    conn = op.get_bind()
    conn.execute(sa.text("DROP TRIGGER audit_log_no_update"))
    frontier = Frontier()
    rows = conn.execute(
        sa.text(
            "SELECT seq, ts, actor, action, object_type, object_id, level, reason, before, after "
            "FROM audit_log ORDER BY seq"
        )
    ).all()
    for row in rows:
        frontier.append(entry_leaf_hash(tuple(row)))
        conn.execute(
            sa.text("UPDATE audit_log SET tree_root = :root WHERE seq = :seq"),
            {"root": frontier.root(), "seq": row[0]},
        )
    if frontier.size:
        conn.execute(
            sa.text("INSERT INTO audit_head (id, size, root, frontier) VALUES (1, :s, :r, :f)"),
            {"s": frontier.size, "r": frontier.root(), "f": frontier.to_bytes()},
        )
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
