"""Agreements: rights grants with their team, amendments, objections and ownership-change filings;
confidentiality agreements and the achievements they cover; technology-export catalogue checks;
the date of an achievement's ethics approval.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CLEARANCES = "'public', 'internal', 'secret', 'confidential', 'top_secret'"


def _users() -> sa.ForeignKey:
    return sa.ForeignKey("users.id")


def upgrade() -> None:
    op.add_column("achievements", sa.Column("ethics_approved_on", sa.String(10), nullable=True))
    op.create_table(
        "rights_grants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_no", sa.Text, nullable=False, unique=True),
        sa.Column("achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("unit_share", sa.String(8), nullable=True),
        sa.Column("team_share", sa.String(8), nullable=True),
        sa.Column("term_start", sa.String(10), nullable=True),
        sa.Column("term_end", sa.String(10), nullable=True),
        sa.Column("overseas", sa.Boolean, nullable=False),
        sa.Column("revenue_terms", sa.Text, nullable=False),
        sa.Column("decision_terms", sa.Text, nullable=False),
        sa.Column("cost_terms", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("secrecy_mark", sa.Text, nullable=False),
        sa.Column("publicity_start", sa.String(10), nullable=True),
        sa.Column("publicity_days", sa.Integer, nullable=True),
        sa.Column("effective_on", sa.String(10), nullable=True),
        sa.Column("withdrawn_reason", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(36), _users(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("kind IN ('ownership', 'use_right')", name="ck_rights_grants_kind"),
        sa.CheckConstraint(
            "status IN ('draft', 'publicity', 'effective', 'withdrawn')",
            name="ck_rights_grants_status",
        ),
        sa.CheckConstraint(f"level IN ({CLEARANCES})", name="ck_rights_grants_level"),
    )
    op.create_index("ix_rights_grants_achievement", "rights_grants", ["achievement_id"])
    op.create_table(
        "grant_team",
        sa.Column(
            "grant_id", sa.Integer, sa.ForeignKey("rights_grants.id"), primary_key=True
        ),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("share", sa.String(8), nullable=False),
    )
    op.create_table(
        "grant_amendments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("grant_id", sa.Integer, sa.ForeignKey("rights_grants.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("doc_no", sa.Text, nullable=False, unique=True),
        sa.Column("signed_on", sa.String(10), nullable=False),
        sa.Column("new_term_end", sa.String(10), nullable=True),
        sa.Column("unit_share", sa.String(8), nullable=True),
        sa.Column("team_share", sa.String(8), nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(36), _users(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "kind IN ('extension', 'conversion')", name="ck_grant_amendments_kind"
        ),
        sa.UniqueConstraint("grant_id", "seq", name="uq_grant_amendments_seq"),
    )
    op.create_table(
        "grant_objections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("grant_id", sa.Integer, sa.ForeignKey("rights_grants.id"), nullable=False),
        sa.Column("received_on", sa.String(10), nullable=False),
        sa.Column("objector", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolved_on", sa.String(10), nullable=True),
        sa.Column("resolution", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(36), _users(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'dismissed', 'upheld')", name="ck_grant_objections_status"
        ),
    )
    op.create_index("ix_grant_objections_grant", "grant_objections", ["grant_id"])
    op.create_table(
        "change_filings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("grant_id", sa.Integer, sa.ForeignKey("rights_grants.id"), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("ip_number", sa.String(64), nullable=False),
        sa.Column("opened_on", sa.String(10), nullable=False),
        sa.Column("filed_on", sa.String(10), nullable=True),
        sa.Column("notice_no", sa.Text, nullable=False),
        sa.Column("completed_on", sa.String(10), nullable=True),
        sa.CheckConstraint(
            "kind IN ('patent_right', 'application_right', 'other_registration')",
            name="ck_change_filings_kind",
        ),
    )
    op.create_index("ix_change_filings_grant", "change_filings", ["grant_id"])
    op.create_table(
        "confidentiality_agreements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_no", sa.Text, nullable=False, unique=True),
        sa.Column("party_kind", sa.String(16), nullable=False),
        sa.Column("party_name", sa.Text, nullable=False),
        sa.Column("party_code", sa.String(18), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("term_start", sa.String(10), nullable=False),
        sa.Column("term_end", sa.String(10), nullable=False),
        sa.Column("obligations", sa.Text, nullable=False),
        sa.Column("signed_on", sa.String(10), nullable=True),
        sa.Column("approval_body", sa.Text, nullable=False),
        sa.Column("approval_date", sa.String(10), nullable=True),
        sa.Column("approval_doc_no", sa.Text, nullable=False),
        sa.Column("terminated_on", sa.String(10), nullable=True),
        sa.Column("terminated_reason", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(36), _users(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "party_kind IN ('enterprise', 'individual')", name="ck_confidentiality_party_kind"
        ),
        sa.CheckConstraint(
            "level IN ('secret', 'confidential', 'top_secret')", name="ck_confidentiality_level"
        ),
    )
    op.create_index("ix_confidentiality_party", "confidentiality_agreements", ["party_code"])
    op.create_table(
        "confidentiality_achievements",
        sa.Column(
            "agreement_id",
            sa.Integer,
            sa.ForeignKey("confidentiality_agreements.id"),
            primary_key=True,
        ),
        sa.Column(
            "achievement_id", sa.Integer, sa.ForeignKey("achievements.id"), primary_key=True
        ),
    )
    op.create_index(
        "ix_confidentiality_achievements_achievement",
        "confidentiality_achievements",
        ["achievement_id"],
    )
    op.create_table(
        "export_checks",
        sa.Column("object_type", sa.String(32), primary_key=True),
        sa.Column("object_id", sa.String(64), primary_key=True),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("catalogue_version", sa.Text, nullable=False),
        sa.Column("checked_on", sa.String(10), nullable=False),
        sa.Column("licence_no", sa.Text, nullable=False),
        sa.Column("contract_registration_no", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(36), _users(), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "category IN ('prohibited', 'restricted', 'free')", name="ck_export_checks_category"
        ),
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
