"""Every table, one source of truth. Migrations must produce exactly this (a test compares)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import COMPLETER_ROLES, ETHICS_STATUSES, FUNDING_TYPES
from desktop.domain.achievements import KINDS as ACHIEVEMENT_KINDS
from desktop.domain.achievements import STATUSES as ACHIEVEMENT_STATUSES
from desktop.domain.approvals import STATUSES as APPROVAL_STATUSES
from desktop.domain.calendar import DAY_KINDS
from desktop.domain.counterparties import OWNERSHIPS, REGIONS, SIZES
from desktop.domain.decisions import DECISION_BODIES, DECISION_OUTCOMES
from desktop.domain.gates import EXPORT_CATEGORIES, PARTY_KINDS
from desktop.domain.ledger import KINDS as LEDGER_KINDS
from desktop.domain.people import LEADER_TYPES
from desktop.domain.pricing import APPRAISALS
from desktop.domain.pricing import EVENTS as PRICING_EVENTS
from desktop.domain.pricing import STATES as PRICING_STATES
from desktop.domain.rewards import KINDS as REWARD_KINDS
from desktop.domain.rewards import STATES as REWARD_STATES
from desktop.domain.rights_grants import AMENDMENT_KINDS, FILING_KINDS, OBJECTION_STATUSES
from desktop.domain.rights_grants import KINDS as GRANT_KINDS
from desktop.domain.rights_grants import STATUSES as GRANT_STATUSES
from desktop.domain.secrecy import MARKED_LEVELS
from desktop.domain.transformations import FORMS, METHODS
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
    Column("roles", Text, nullable=False),  # JSON list, in ROLES order
    Column("clearance", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("must_change_passphrase", Boolean, nullable=False, server_default="0"),
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
    # Added by 0003.
    Column("id_number", Text, nullable=False, server_default=""),
    Column("contact", Text, nullable=False, server_default=""),
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
    # Added by 0002: the reason given where one is required, the secrecy level of the object
    # (content above a reader's clearance is withheld), and the RFC 6962 root of the tree whose
    # last leaf is this entry, so verification names the first entry that no longer fits.
    Column("reason", Text, nullable=True),
    Column("level", String(16), nullable=False, server_default="public"),
    Column("tree_root", LargeBinary(32), nullable=False, server_default=""),
    sqlite_autoincrement=True,
)
# Migration 0001 adds triggers that refuse UPDATE and DELETE on audit_log.

# The tree's current size, root and frontier, updated in the transaction of every append.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("size", Integer, nullable=False),
    Column("root", LargeBinary(32), nullable=False),
    Column("frontier", LargeBinary, nullable=False),
    CheckConstraint("id = 1", name="ck_audit_head_singleton"),
)

# Tree heads the auditor recorded (and printed on extracts): a rewrite of history that also
# recomputed every root still disagrees with a checkpoint held outside the database. Append-only
# like the log (triggers in 0002); only a copy outside the database really resists a rewrite.
audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("size", Integer, nullable=False),
    Column("root", LargeBinary(32), nullable=False),
    Column("ts", String(32), nullable=False),
    Column("actor", String(36), nullable=False),
    Column("note", Text, nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("decided_on", String(10), nullable=False),  # ISO date
    Column("participants", Text, nullable=False),  # JSON list of names
    Column("outcome", String(16), nullable=False),
    Column("votes_for", Integer, nullable=True),
    Column("votes_against", Integer, nullable=True),
    Column("votes_abstain", Integer, nullable=True),
    Column("summary", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("body", DECISION_BODIES), name="ck_decisions_body"),
    CheckConstraint(_in("outcome", DECISION_OUTCOMES), name="ck_decisions_outcome"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_decisions_level"),
)

approvals = Table(
    "approvals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("object_type", String(32), nullable=False),
    Column("object_id", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # JSON: what is asked for
    Column("reason", Text, nullable=False),
    Column("requested_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("requested_at", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("decided_by", String(36), ForeignKey("users.id"), nullable=True),
    Column("decided_at", String(32), nullable=True),
    Column("decision_note", Text, nullable=False),
    CheckConstraint(_in("status", APPROVAL_STATUSES), name="ck_approvals_status"),
)

decision_links = Table(
    "decision_links",
    metadata,
    Column("decision_id", Integer, ForeignKey("decisions.id"), primary_key=True),
    Column("object_type", String(32), primary_key=True),
    Column("object_id", String(64), primary_key=True),
)

# File contents live inside the encrypted database, never beside it.
attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=False),
    Column("filename", Text, nullable=False),
    Column("media_type", String(128), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("added_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("added_at", String(32), nullable=False),
)

# -- achievements (migration 0003) ------------------------------------------------------------
achievements = Table(
    "achievements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("abstract", Text, nullable=False),
    Column("keywords", Text, nullable=False),  # JSON list
    Column("kind", String(32), nullable=False),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=True),
    Column("funding_type", String(16), nullable=False),
    Column("funding_ref", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("secrecy_mark", Text, nullable=False),
    Column("negative_list", Boolean, nullable=False),
    Column("negative_list_reason", Text, nullable=False),
    Column("ethics_status", String(16), nullable=False),
    Column("ethics_approval", Text, nullable=False),
    Column("ethics_approved_on", String(10), nullable=True),  # since 0005
    Column("overseas", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("kind", ACHIEVEMENT_KINDS), name="ck_achievements_kind"),
    CheckConstraint(_in("funding_type", FUNDING_TYPES), name="ck_achievements_funding_type"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_achievements_level"),
    CheckConstraint(_in("ethics_status", ETHICS_STATUSES), name="ck_achievements_ethics_status"),
    CheckConstraint(_in("status", ACHIEVEMENT_STATUSES), name="ck_achievements_status"),
)
Index("ix_achievements_level_id", achievements.c.level, achievements.c.id)

achievement_completers = Table(
    "achievement_completers",
    metadata,
    Column("achievement_id", Integer, ForeignKey("achievements.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("role", String(16), nullable=False),
    Column("share", String(8), nullable=False),  # exact decimal percent, e.g. "33.33"
    CheckConstraint(_in("role", COMPLETER_ROLES), name="ck_achievement_completers_role"),
)
Index("ix_achievement_completers_person", achievement_completers.c.person_id)

achievement_ip = Table(
    "achievement_ip",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("number", String(64), nullable=False),
    Column("applied_on", String(10), nullable=True),
    Column("granted_on", String(10), nullable=True),
    Column("expires_on", String(10), nullable=True),
)
Index("ix_achievement_ip_achievement", achievement_ip.c.achievement_id)
Index("ix_achievement_ip_number", achievement_ip.c.number)
# Certificates, drawings, scans: the bytes live in the encrypted database, never beside it.
achievement_attachments = Table(
    "achievement_attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), nullable=False),
    Column("filename", Text, nullable=False),
    Column("media_type", String(128), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("added_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("added_at", String(32), nullable=False),
)
Index("ix_achievement_attachments_achievement", achievement_attachments.c.achievement_id)

# The pay-later pool: officers' decisions on candidates, and published versions with their contents.
pool_decisions = Table(
    "pool_decisions",
    metadata,
    Column("achievement_id", Integer, ForeignKey("achievements.id"), primary_key=True),
    Column("decision", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("decided_at", String(32), nullable=False),
    CheckConstraint("decision IN ('confirmed', 'excluded')", name="ck_pool_decisions_decision"),
)

pool_versions = Table(
    "pool_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("published_at", String(32), nullable=False),
    Column("published_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("note", Text, nullable=False),
)

pool_version_items = Table(
    "pool_version_items",
    metadata,
    Column("version_id", Integer, ForeignKey("pool_versions.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("achievement_id", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("department", Text, nullable=False),
    Column("grant_number", Text, nullable=False),
    Column("granted_on", String(10), nullable=False),
    Column("reason", Text, nullable=False),
)

# -- agreements (migration 0005) --------------------------------------------------------------
rights_grants = Table(
    "rights_grants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_no", Text, nullable=False, unique=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("unit_share", String(8), nullable=True),  # exact decimal percent
    Column("team_share", String(8), nullable=True),
    Column("term_start", String(10), nullable=True),
    Column("term_end", String(10), nullable=True),
    Column("overseas", Boolean, nullable=False),
    Column("revenue_terms", Text, nullable=False),
    Column("decision_terms", Text, nullable=False),
    Column("cost_terms", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("level", String(16), nullable=False),
    Column("secrecy_mark", Text, nullable=False),
    Column("publicity_start", String(10), nullable=True),
    Column("publicity_days", Integer, nullable=True),
    Column("effective_on", String(10), nullable=True),
    Column("withdrawn_reason", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("kind", GRANT_KINDS), name="ck_rights_grants_kind"),
    CheckConstraint(_in("status", GRANT_STATUSES), name="ck_rights_grants_status"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_rights_grants_level"),
)
Index("ix_rights_grants_achievement", rights_grants.c.achievement_id)

grant_team = Table(
    "grant_team",
    metadata,
    Column("grant_id", Integer, ForeignKey("rights_grants.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("share", String(8), nullable=False),
)

grant_amendments = Table(
    "grant_amendments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("grant_id", Integer, ForeignKey("rights_grants.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("doc_no", Text, nullable=False, unique=True),
    Column("signed_on", String(10), nullable=False),
    Column("new_term_end", String(10), nullable=True),
    Column("unit_share", String(8), nullable=True),
    Column("team_share", String(8), nullable=True),
    Column("note", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(_in("kind", AMENDMENT_KINDS), name="ck_grant_amendments_kind"),
    UniqueConstraint("grant_id", "seq", name="uq_grant_amendments_seq"),
)

grant_objections = Table(
    "grant_objections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("grant_id", Integer, ForeignKey("rights_grants.id"), nullable=False),
    Column("received_on", String(10), nullable=False),
    Column("objector", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("resolved_on", String(10), nullable=True),
    Column("resolution", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(_in("status", OBJECTION_STATUSES), name="ck_grant_objections_status"),
)
Index("ix_grant_objections_grant", grant_objections.c.grant_id)

change_filings = Table(
    "change_filings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("grant_id", Integer, ForeignKey("rights_grants.id"), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("ip_number", String(64), nullable=False),
    Column("opened_on", String(10), nullable=False),
    Column("filed_on", String(10), nullable=True),
    Column("notice_no", Text, nullable=False),
    Column("completed_on", String(10), nullable=True),
    CheckConstraint(_in("kind", FILING_KINDS), name="ck_change_filings_kind"),
)
Index("ix_change_filings_grant", change_filings.c.grant_id)

confidentiality_agreements = Table(
    "confidentiality_agreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_no", Text, nullable=False, unique=True),
    Column("party_kind", String(16), nullable=False),
    Column("party_name", Text, nullable=False),
    Column("party_code", String(18), nullable=False),
    Column("level", String(16), nullable=False),
    Column("scope", Text, nullable=False),
    Column("term_start", String(10), nullable=False),
    Column("term_end", String(10), nullable=False),
    Column("obligations", Text, nullable=False),
    Column("signed_on", String(10), nullable=True),
    Column("approval_body", Text, nullable=False),
    Column("approval_date", String(10), nullable=True),
    Column("approval_doc_no", Text, nullable=False),
    Column("terminated_on", String(10), nullable=True),
    Column("terminated_reason", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("party_kind", PARTY_KINDS), name="ck_confidentiality_party_kind"),
    CheckConstraint(_in("level", MARKED_LEVELS), name="ck_confidentiality_level"),
)
Index("ix_confidentiality_party", confidentiality_agreements.c.party_code)

confidentiality_achievements = Table(
    "confidentiality_achievements",
    metadata,
    Column("agreement_id", Integer, ForeignKey("confidentiality_agreements.id"), primary_key=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), primary_key=True),
)
Index("ix_confidentiality_achievements_achievement", confidentiality_achievements.c.achievement_id)

# The technology-export catalogue check of a cooperation with a party abroad: the current one
# per object (earlier ones are in the audit log).
export_checks = Table(
    "export_checks",
    metadata,
    Column("object_type", String(32), primary_key=True),
    Column("object_id", String(64), primary_key=True),
    Column("category", String(16), nullable=False),
    Column("catalogue_version", Text, nullable=False),
    Column("checked_on", String(10), nullable=False),
    Column("licence_no", Text, nullable=False),
    Column("contract_registration_no", Text, nullable=False),
    Column("recorded_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("recorded_at", String(32), nullable=False),
    CheckConstraint(_in("category", EXPORT_CATEGORIES), name="ck_export_checks_category"),
)

# -- transformations (migration 0006) ---------------------------------------------------------
counterparties = Table(
    "counterparties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("credit_code", String(64), nullable=False),
    Column("ownership", String(16), nullable=False),
    Column("size", String(8), nullable=False),
    Column("region", String(8), nullable=False),
    Column("contact", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("ownership", OWNERSHIPS), name="ck_counterparties_ownership"),
    CheckConstraint(_in("size", SIZES), name="ck_counterparties_size"),
    CheckConstraint(_in("region", REGIONS), name="ck_counterparties_region"),
)
Index("ix_counterparties_credit_code", counterparties.c.credit_code)

# The State Council's holiday notices, a year at a time (legal-rules D1–D2).
calendar_years = Table(
    "calendar_years",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("source", Text, nullable=False),
)
calendar_days = Table(
    "calendar_days",
    metadata,
    Column("day", String(10), primary_key=True),
    Column("kind", String(8), nullable=False),
    CheckConstraint(_in("kind", DAY_KINDS), name="ck_calendar_days_kind"),
)

transformations = Table(
    "transformations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("form", String(24), nullable=False),
    Column("title", Text, nullable=False),
    Column("counterparty_id", Integer, ForeignKey("counterparties.id"), nullable=True),
    Column("price_fen", Integer, nullable=False),
    Column("method", String(16), nullable=True),
    Column("terms", Text, nullable=False),  # JSON: the form's own terms and the surplus terms
    Column("contract_registration_no", Text, nullable=False),
    Column("contract_registration_date", String(10), nullable=True),
    Column("state", String(16), nullable=False),
    Column("appraisal", String(16), nullable=True),
    Column("appraisal_basis", Text, nullable=False),
    Column("appraised_value_fen", Integer, nullable=True),
    Column("notice_start", String(10), nullable=True),
    Column("notice_days", Integer, nullable=True),
    Column("notice_end", String(10), nullable=True),
    Column("listing_start", String(10), nullable=True),
    Column("listing_end", String(10), nullable=True),
    Column("objected", Boolean, nullable=False),
    Column("signed_on", String(10), nullable=True),
    Column("revenue_from", String(10), nullable=True),
    Column("level", String(16), nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("form", FORMS), name="ck_transformations_form"),
    CheckConstraint(_in("state", PRICING_STATES), name="ck_transformations_state"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_transformations_level"),
    CheckConstraint(
        f"method IS NULL OR {_in('method', METHODS)}", name="ck_transformations_method"
    ),
    CheckConstraint(
        f"appraisal IS NULL OR {_in('appraisal', APPRAISALS)}", name="ck_transformations_appraisal"
    ),
)

transformation_achievements = Table(
    "transformation_achievements",
    metadata,
    Column("transformation_id", Integer, ForeignKey("transformations.id"), primary_key=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("share", String(8), nullable=False),
)
Index("ix_transformation_achievements_achievement", transformation_achievements.c.achievement_id)

# The procedure as it happened, step by step: what the evidence file is built from.
pricing_steps = Table(
    "pricing_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("transformation_id", Integer, ForeignKey("transformations.id"), nullable=False),
    Column("event", String(24), nullable=False),
    Column("on_date", String(10), nullable=False),
    Column("state_after", String(16), nullable=False),
    Column("detail", Text, nullable=False),  # JSON
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(_in("event", PRICING_EVENTS), name="ck_pricing_steps_event"),
)
Index("ix_pricing_steps_transformation", pricing_steps.c.transformation_id)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("transformation_id", Integer, ForeignKey("transformations.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("amount_fen", Integer, nullable=False),
    Column("on_date", String(10), nullable=False),
    Column("due_on", String(10), nullable=True),
    Column("condition", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    CheckConstraint(_in("kind", LEDGER_KINDS), name="ck_ledger_entries_kind"),
    CheckConstraint("amount_fen > 0", name="ck_ledger_entries_amount"),
)
Index("ix_ledger_entries_transformation", ledger_entries.c.transformation_id)

ledger_lines = Table(
    "ledger_lines",
    metadata,
    Column("entry_id", Integer, ForeignKey("ledger_entries.id"), primary_key=True),
    Column("achievement_id", Integer, ForeignKey("achievements.id"), primary_key=True),
    Column("amount_fen", Integer, nullable=False),
)
Index("ix_ledger_lines_achievement", ledger_lines.c.achievement_id)

# -- rewards (migration 0007) -------------------------------------------------------------------
# The unit's own reward policy as dated rows: a change is a new row from its date, so a stored
# calculation can be reproduced under the policy of its day.
unit_reward_rules = Table(
    "unit_reward_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rule_id", String(48), nullable=False),
    Column("value", Text, nullable=False),  # JSON
    Column("effective_from", String(10), nullable=False),
    Column("source", Text, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
)
Index("ix_unit_reward_rules_rule", unit_reward_rules.c.rule_id, unit_reward_rules.c.effective_from)

reward_calculations = Table(
    "reward_calculations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("transformation_id", Integer, ForeignKey("transformations.id"), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("input", Text, nullable=False),  # JSON: desktop.domain.rewards.encode(RewardInput)
    Column("result", Text, nullable=False),  # JSON: the result with its steps and rule versions
    Column("pool_fen", Integer, nullable=False),
    Column("level", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("notice_start", String(10), nullable=True),
    Column("notice_end", String(10), nullable=True),
    Column("paid_on", String(10), nullable=True),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint(_in("kind", REWARD_KINDS), name="ck_reward_calculations_kind"),
    CheckConstraint(_in("state", REWARD_STATES), name="ck_reward_calculations_state"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_reward_calculations_level"),
)

reward_lines = Table(
    "reward_lines",
    metadata,
    Column("calculation_id", Integer, ForeignKey("reward_calculations.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("amount_fen", Integer, nullable=False),
    Column("shares", Integer, nullable=False),
    Column("percent", String(12), nullable=False),
    Column("taxable_fen", Integer, nullable=False),
)
Index("ix_reward_lines_person", reward_lines.c.person_id)

reward_objections = Table(
    "reward_objections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("calculation_id", Integer, ForeignKey("reward_calculations.id"), nullable=False),
    Column("received_on", String(10), nullable=False),
    Column("content", Text, nullable=False),
    Column("resolved_on", String(10), nullable=True),
    Column("resolution", Text, nullable=False),
)

# -- sealed filings (0008) ---------------------------------------------------------------------
# The unit's keys live only here, inside the encrypted vault; a rotation retires the old row.
unit_keys = Table(
    "unit_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key_id", LargeBinary, nullable=False, unique=True),  # minisign's 8-byte key id
    Column("signing_secret", LargeBinary, nullable=False),  # Ed25519 seed
    Column("receiving_secret", LargeBinary, nullable=False),  # X25519 secret (age identity)
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("retired_at", String(32), nullable=True),
    Column("retire_reason", Text, nullable=False),
)

trusted_keys = Table(
    "trusted_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("office", Text, nullable=False),
    Column("credit_code", String(18), nullable=False),
    Column("key_id", LargeBinary, nullable=False, unique=True),
    Column("signing_public", LargeBinary, nullable=False),
    Column("recipient", Text, nullable=False),  # age1…
    Column("fingerprint", String(80), nullable=False),
    Column("card_created", String(10), nullable=False),
    Column("added_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("retired_at", String(32), nullable=True),
    Column("retire_reason", Text, nullable=False),
)

filings = Table(
    "filings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("direction", String(3), nullable=False),
    Column("state", String(10), nullable=False),
    Column("filing_id", String(80), nullable=False),
    # the other office: the recipient of a filing sent, the sender of one received
    Column("trusted_key_id", Integer, ForeignKey("trusted_keys.id"), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("level", String(16), nullable=False),
    Column("encrypted", Boolean, nullable=False),
    Column("contents", Text, nullable=False),  # JSON list of the items
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),  # of the file as written / as received
    Column("size", Integer, nullable=False),
    Column("claimed_time", String(32), nullable=False),
    Column("checkpoint_origin", Text, nullable=False),
    Column("checkpoint_size", Integer, nullable=False),
    Column("checkpoint_root", LargeBinary, nullable=False),
    Column("created_by", String(36), ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("completed_at", String(32), nullable=True),
    CheckConstraint("direction IN ('out', 'in')", name="ck_filings_direction"),
    CheckConstraint("state IN ('draft', 'sent', 'received', 'discarded')", name="ck_filings_state"),
    CheckConstraint(_in("level", CLEARANCES), name="ck_filings_level"),
)
Index("ix_filings_office", filings.c.direction, filings.c.trusted_key_id, filings.c.sequence)

received_records = Table(
    "received_records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("filing_row", Integer, ForeignKey("filings.id"), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("origin_id", Integer, nullable=False),  # the record's id in the sender's vault
    Column("title", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("content", Text, nullable=False),  # JSON, as the filing carried it
    Column("content_sha256", String(64), nullable=False),
    Column("documents", Text, nullable=False),  # JSON list of file names in received_files
    # an earlier version of the same record from the same office that says something else
    Column("differs_from", Integer, ForeignKey("received_records.id"), nullable=True),
    CheckConstraint(_in("level", CLEARANCES), name="ck_received_records_level"),
)
Index("ix_received_records_origin", received_records.c.kind, received_records.c.origin_id)

received_files = Table(
    "received_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("filing_row", Integer, ForeignKey("filings.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    UniqueConstraint("filing_row", "name", name="uq_received_files_name"),
)

# The full-text indexes are virtual tables (FTS5) made by migrations 0003 (trigram) and 0004 (short
# terms) and kept by db/achievements.py; SQLAlchemy cannot describe them.
SEARCH_TABLES = ("achievement_search", "achievement_search_short")
