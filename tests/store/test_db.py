"""Opening the store: pragmas, migrations with a backup, and refusal of unknown databases."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from kyoto_desk.errors import StoreError
from kyoto_desk.store.base import Base
from kyoto_desk.store.db import DB_NAME, Store, head_revision, make_engine, open_store, read_revision, upgrade
from kyoto_desk.store.documents import find_document


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_is_at_head_with_wal_and_foreign_keys(store: Store) -> None:
    assert read_revision(store.path) == head_revision()
    with store.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert not list(store.path.parent.glob(f"{DB_NAME}.backup-*"))  # nothing to back up


def test_models_match_migrations(store: Store) -> None:
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_session_rolls_back_whole_action(store: Store) -> None:
    with pytest.raises(RuntimeError), store.session() as session:
        session.execute(
            text(
                "INSERT INTO documents (key, sha256, symbol, title, language, congress, source, text, "
                "imported_at, alias) VALUES ('k', 's', 'S', 't', 'en', '', '', 'x', '2021-01-01', '')"
            )
        )
        raise RuntimeError("the action fails half-way")
    with store.session() as session:
        assert find_document(session, "k") is None


def _store_at_first_revision_with_data(data: Path) -> Path:
    path = data / DB_NAME
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (key, sha256, symbol, title, language, congress, source, text, "
                "imported_at) VALUES ('abc:S/1', 'abc', 'S/1', 'SYNTHETIC', 'en', '', '', "
                "'SYNTHETIC TEST TEXT', '2021-03-07 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO annotations VALUES ('a1', 'abc:S/1', '1', 0, 9, 'SYNTHETIC', '', ' TEST', "
                "'#fff176', 'kept note', 'support', '[\"rule of law\"]', '', 'ana', "
                "'2021-03-07 10:00:00', '2021-03-07 10:00:00', 0)"
            )
        )
    engine.dispose()
    return path


def test_migration_from_first_schema_keeps_data_and_backs_up(tmp_path: Path) -> None:
    path = _store_at_first_revision_with_data(tmp_path)
    assert read_revision(path) == "0001"
    store = open_store(tmp_path)
    try:
        from kyoto_desk.store.annotations import get_annotation

        with store.session() as session:
            record = find_document(session, "S/1")
            assert record is not None and record.alias == "" and record.title == "SYNTHETIC"
            annotation = get_annotation(session, "a1")
            assert annotation is not None and annotation.note == "kept note"
            assert annotation.themes == ("rule of law",)
        assert read_revision(path) == head_revision()
    finally:
        store.close()
    backups = list(tmp_path.glob(f"{DB_NAME}.backup-0001-*"))
    assert len(backups) == 1
    with closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("SELECT note FROM annotations").fetchall() == [("kept note",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    path = tmp_path / DB_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    with pytest.raises(StoreError, match="newer version") as caught:
        open_store(tmp_path)
    assert caught.value.hint
    assert _digest(path) == before
    assert not list(tmp_path.glob(f"{DB_NAME}.backup-*"))


@pytest.mark.parametrize(
    "content",
    [b"this is not a database, only text" * 10, b""],
)
def test_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(content)
    if not content:  # an empty file is a new database for SQLite: it is created in place
        open_store(tmp_path).close()
        assert read_revision(path) == head_revision()
        return
    with pytest.raises(StoreError, match="not a readable"):
        open_store(tmp_path)
    assert path.read_bytes() == content


def test_foreign_tables_are_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE other (x)")
        connection.commit()
    before = _digest(path)
    with pytest.raises(StoreError, match="did not create"):
        open_store(tmp_path)
    assert _digest(path) == before


def test_failed_migration_leaves_the_old_schema(tmp_path: Path) -> None:
    path = _store_at_first_revision_with_data(tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        # Revision 0002 adds a column, then this index: make the second step fail.
        connection.execute("CREATE INDEX ix_documents_alias ON documents (symbol)")
        connection.commit()
    with pytest.raises(StoreError, match="could not be migrated"):
        open_store(tmp_path)
    assert read_revision(path) == "0001"
    with closing(sqlite3.connect(path)) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(documents)")]
        assert "alias" not in columns
        assert connection.execute("SELECT note FROM annotations").fetchall() == [("kept note",)]
    assert len(list(tmp_path.glob(f"{DB_NAME}.backup-0001-*"))) == 1
