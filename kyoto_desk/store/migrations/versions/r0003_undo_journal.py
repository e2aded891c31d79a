"""The undo journal: each workspace's undoable actions, so Ctrl+Z works across restarts.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "undo_journal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("workspace", sa.String(420), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("workspace", "position", name="uq_undo_journal_position"),
    )


def downgrade() -> None:
    op.drop_table("undo_journal")
