"""Alembic migrations of the store, run programmatically by `kyoto_desk.store.db.open_store`."""
