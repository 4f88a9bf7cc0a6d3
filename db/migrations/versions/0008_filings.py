"""Sealed filings: the unit's own keys, the trust store of other offices' keys, the filings sent
and received, and the records and files received in them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"


def upgrade() -> None:
    op.create_table(
        "unit_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key_id", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("signing_secret", sa.LargeBinary, nullable=False),
        sa.Column("receiving_secret", sa.LargeBinary, nullable=False),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("retired_at", sa.String(32), nullable=True),
        sa.Column("retire_reason", sa.Text, nullable=False),
    )
    op.create_table(
        "trusted_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office", sa.Text, nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("key_id", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("signing_public", sa.LargeBinary, nullable=False),
        sa.Column("recipient", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("card_created", sa.String(10), nullable=False),
        sa.Column("added_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.Column("retired_at", sa.String(32), nullable=True),
        sa.Column("retire_reason", sa.Text, nullable=False),
    )
    op.create_table(
        "filings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("filing_id", sa.String(80), nullable=False),
        sa.Column("trusted_key_id", sa.Integer, sa.ForeignKey("trusted_keys.id"), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("encrypted", sa.Boolean, nullable=False),
        sa.Column("contents", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("claimed_time", sa.String(32), nullable=False),
        sa.Column("checkpoint_origin", sa.Text, nullable=False),
        sa.Column("checkpoint_size", sa.Integer, nullable=False),
        sa.Column("checkpoint_root", sa.LargeBinary, nullable=False),
        sa.Column("created_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("completed_at", sa.String(32), nullable=True),
        sa.CheckConstraint("direction IN ('out', 'in')", name="ck_filings_direction"),
        sa.CheckConstraint(
            "state IN ('draft', 'sent', 'received', 'discarded')", name="ck_filings_state"
        ),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_filings_level"),
    )
    op.create_index("ix_filings_office", "filings", ["direction", "trusted_key_id", "sequence"])
    op.create_table(
        "received_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("filing_row", sa.Integer, sa.ForeignKey("filings.id"), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("origin_id", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("documents", sa.Text, nullable=False),
        sa.Column("differs_from", sa.Integer, sa.ForeignKey("received_records.id"), nullable=True),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_received_records_level"),
    )
    op.create_index("ix_received_records_origin", "received_records", ["kind", "origin_id"])
    op.create_table(
        "received_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("filing_row", sa.Integer, sa.ForeignKey("filings.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("filing_row", "name", name="uq_received_files_name"),
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
