"""Rewards: the unit's dated reward policy, stored calculations with their lines, and the
objections to a reward notice.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"


def upgrade() -> None:
    op.create_table(
        "unit_reward_rules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.String(48), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("effective_from", sa.String(10), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index(
        "ix_unit_reward_rules_rule", "unit_reward_rules", ["rule_id", "effective_from"]
    )
    op.create_table(
        "reward_calculations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column(
            "transformation_id", sa.Integer, sa.ForeignKey("transformations.id"), nullable=True
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("pool_fen", sa.Integer, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("notice_start", sa.String(10), nullable=True),
        sa.Column("notice_end", sa.String(10), nullable=True),
        sa.Column("paid_on", sa.String(10), nullable=True),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "kind IN ('transfer', 'licence', 'equity', 'implementation', 'surplus')",
            name="ck_reward_calculations_kind",
        ),
        sa.CheckConstraint(
            "state IN ('calculated', 'notice', 'paid', 'cancelled')",
            name="ck_reward_calculations_state",
        ),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_reward_calculations_level"),
    )
    op.create_table(
        "reward_lines",
        sa.Column(
            "calculation_id",
            sa.Integer,
            sa.ForeignKey("reward_calculations.id"),
            primary_key=True,
        ),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("shares", sa.Integer, nullable=False),
        sa.Column("percent", sa.String(12), nullable=False),
        sa.Column("taxable_fen", sa.Integer, nullable=False),
    )
    op.create_index("ix_reward_lines_person", "reward_lines", ["person_id"])
    op.create_table(
        "reward_objections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "calculation_id", sa.Integer, sa.ForeignKey("reward_calculations.id"), nullable=False
        ),
        sa.Column("received_on", sa.String(10), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("resolved_on", sa.String(10), nullable=True),
        sa.Column("resolution", sa.Text, nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
