"""The revision list `store.db` keeps by hand matches the migration scripts Alembic reads."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from kyoto_desk.store import db


def test_known_revisions_match_the_migration_scripts() -> None:
    script = ScriptDirectory.from_config(db.alembic_config())
    oldest_first = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(oldest_first) == db.REVISIONS
    assert db.head_revision() == db.HEAD
