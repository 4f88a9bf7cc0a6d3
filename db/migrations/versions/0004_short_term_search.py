"""An index for one- and two-character search terms, and planner statistics.

Until now a search term too short for the trigram index scanned every record's text (about two
seconds at 100,000 records). ``achievement_search_short`` holds each record's distinct one- and
two-character pieces as tokens (desktop.domain.search); it stores no text of its own
(contentless) and no positions (detail=none), only which records hold which piece.

ANALYZE gives SQLite's planner the figures it needs to choose the indexes a 100,000-record
register needs (without them it chose a full scan for the first page); later the vault keeps
them fresh with ``PRAGMA optimize``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from desktop.domain.search import short_tokens

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 2000


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE achievement_search_short USING fts5("
        "tokens, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii')"
    )
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            text(
                "SELECT rowid, title, abstract, keywords, ip_numbers, completers "
                "FROM achievement_search WHERE rowid > :last ORDER BY rowid LIMIT :n"
            ),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        conn.execute(
            text("INSERT INTO achievement_search_short (rowid, tokens) VALUES (:id, :tokens)"),
            [{"id": r[0], "tokens": short_tokens(r[1:])} for r in rows],
        )
        last = rows[-1][0]
    op.execute("ANALYZE")


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore the pre-migration backup")
