"""The achievement register: records, completers, IP rights and the full-text index; people
gain an identity-card number and contact.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"
KINDS = (
    "'invention_patent', 'utility_model', 'design', 'software_copyright', 'ic_layout', "
    "'plant_variety', 'biomedical_variety', 'know_how', 'other'"
)
STATUSES = "'registered', 'pricing', 'publicity', 'trading', 'transformed', 'terminated'"


def upgrade() -> None:
    op.add_column(
        "people", sa.Column("id_number", sa.Text, nullable=False, server_default="")
    )
    op.add_column("people", sa.Column("contact", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "achievements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("abstract", sa.Text, nullable=False),
        sa.Column("keywords", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("departments.id"), nullable=True),
        sa.Column("funding_type", sa.String(16), nullable=False),
        sa.Column("funding_ref", sa.Text, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("secrecy_mark", sa.Text, nullable=False),
        sa.Column("negative_list", sa.Boolean, nullable=False),
        sa.Column("negative_list_reason", sa.Text, nullable=False),
        sa.Column("ethics_status", sa.String(16), nullable=False),
        sa.Column("ethics_approval", sa.Text, nullable=False),
        sa.Column("overseas", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="ck_achievements_kind"),
        sa.CheckConstraint(
            "funding_type IN ('vertical', 'horizontal', 'self')",
            name="ck_achievements_funding_type",
        ),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_achievements_level"),
        sa.CheckConstraint(
            "ethics_status IN ('not_needed', 'pending', 'approved', 'rejected')",
            name="ck_achievements_ethics_status",
        ),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="ck_achievements_status"),
    )
    op.create_index("ix_achievements_level_id", "achievements", ["level", "id"])
    op.create_table(
        "achievement_completers",
        sa.Column(
            "achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), primary_key=True
        ),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("share", sa.String(8), nullable=False),
        sa.CheckConstraint("role IN ('lead', 'member')", name="ck_achievement_completers_role"),
    )
    op.create_index(
        "ix_achievement_completers_person", "achievement_completers", ["person_id"]
    )
    op.create_table(
        "achievement_ip",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("applied_on", sa.String(10), nullable=True),
        sa.Column("granted_on", sa.String(10), nullable=True),
        sa.Column("expires_on", sa.String(10), nullable=True),
    )
    op.create_index("ix_achievement_ip_achievement", "achievement_ip", ["achievement_id"])
    op.create_index("ix_achievement_ip_number", "achievement_ip", ["number"])
    op.create_table(
        "achievement_attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), nullable=False
        ),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("added_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
    )
    op.create_index(
        "ix_achievement_attachments_achievement", "achievement_attachments", ["achievement_id"]
    )
    op.create_table(
        "pool_decisions",
        sa.Column(
            "achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), primary_key=True
        ),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "decision IN ('confirmed', 'excluded')", name="ck_pool_decisions_decision"
        ),
    )
    op.create_table(
        "pool_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("published_at", sa.String(32), nullable=False),
        sa.Column("published_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "pool_version_items",
        sa.Column("version_id", sa.Integer, sa.ForeignKey("pool_versions.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("achievement_id", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("department", sa.Text, nullable=False),
        sa.Column("grant_number", sa.Text, nullable=False),
        sa.Column("granted_on", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    # A published version is a record of what was published: it is never edited.
    for table in ("pool_versions", "pool_version_items"):
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    # Chinese has no spaces between words: a trigram index finds any substring of three or more
    # characters; shorter queries scan the same table (db/achievements.py).
    op.execute(
        "CREATE VIRTUAL TABLE achievement_search USING fts5("
        "title, abstract, keywords, ip_numbers, completers, tokenize = 'trigram')"
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
