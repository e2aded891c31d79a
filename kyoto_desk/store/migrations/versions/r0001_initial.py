"""The first schema: documents, annotations with their selectors, unit relations, alignment pins.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("symbol", sa.String(120), nullable=False, index=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("congress", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=True),
        sa.Column("original_sha256", sa.String(64), nullable=True),
        sa.Column("original_path", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column(
            "version_of",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
    )


def _annotations() -> None:
    op.create_table(
        "annotations",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_key", sa.String(200), nullable=False),
        sa.Column("unit_id", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("stance", sa.String(60), nullable=False, index=True),
        sa.Column("themes", sa.Text(), nullable=False),
        sa.Column("amendment", sa.Text(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False, index=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("modified", sa.DateTime(), nullable=False),
        sa.Column("orphaned", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_annotations_document_unit", "annotations", ["document_key", "unit_id"])


def _relations_and_pins() -> None:
    op.create_table(
        "unit_relations",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("old_document_key", sa.String(200), nullable=False),
        sa.Column("old_unit", sa.String(40), nullable=False),
        sa.Column("new_document_key", sa.String(200), nullable=False),
        sa.Column("new_unit", sa.String(40), nullable=False),
        sa.Column("relation", sa.String(60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("modified", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_unit_relations_keys", "unit_relations", ["old_document_key", "new_document_key"])
    op.create_table(
        "alignment_pins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("old_document_key", sa.String(200), nullable=False),
        sa.Column("new_document_key", sa.String(200), nullable=False),
        sa.Column("old_units", sa.Text(), nullable=False),
        sa.Column("new_units", sa.Text(), nullable=False),
        sa.Column("linked", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("old_document_key", "new_document_key", "old_units", "new_units", name="uq_pin"),
    )


def upgrade() -> None:
    _documents()
    _annotations()
    _relations_and_pins()


def downgrade() -> None:
    for table in ("alignment_pins", "unit_relations", "annotations", "documents"):
        op.drop_table(table)
