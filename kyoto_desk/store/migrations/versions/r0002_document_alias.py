"""Documents get a short alias ("kyoto", "doha-draft-2") so CSV files and the CLI can name them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("alias", sa.String(60), nullable=False, server_default=""))
    op.create_index("ix_documents_alias", "documents", ["alias"])


def downgrade() -> None:
    op.drop_index("ix_documents_alias", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("alias")
