"""Alembic environment: migrations run on the connection `open_store` hands over, never from a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "Kyoto Desk migrations run through kyoto_desk.store.db.open_store, not the alembic CLI."
    )

# Batch mode lets later revisions alter columns on SQLite, which has a limited ALTER TABLE.
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
