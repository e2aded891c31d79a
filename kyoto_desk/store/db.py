"""Open the SQLite store in the data directory: check its schema revision, back it up, migrate it.

A database whose revision this version does not know (written by a newer Kyoto Desk) is refused
before anything writes to it. Every connection runs in WAL mode with foreign keys on, and each
`Store.session()` block is one transaction: committed whole at the end, rolled back on error.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kyoto_desk.core.annotation import utc_now
from kyoto_desk.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The schema revisions this version knows, oldest first. Kept in step with migrations/versions by a
# test, so that opening an up-to-date database needs no Alembic import (a third of the store's start).
REVISIONS = ("0001", "0002", "0003")
HEAD = REVISIONS[-1]

# The session of one user action, named here so the UI's commands can type it without SQLAlchemy.
StoreSession = Session

DB_NAME = "kyoto-desk.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_CORRUPT_HINT = (
    "Restore a backup copy (kyoto-desk.sqlite3.backup-*) from the data directory, or move the file away."
)


@dataclass(frozen=True, slots=True)
class Store:
    """The open database: an engine and a session factory."""

    path: Path
    engine: Engine
    factory: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back if it raises."""
        with self.factory.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    """The migrations shipped in the package, with no alembic.ini needed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head as Alembic reads it from the migration scripts (tests compare it with HEAD)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package always ships at least the first revision
    return head


def read_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, read without writing; None for a new database."""
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise StoreError(f"{path} holds tables Kyoto Desk did not create.", _CORRUPT_HINT)
                return None
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a readable Kyoto Desk database ({exc}).", _CORRUPT_HINT) from exc
    return str(rows[0][0]) if len(rows) == 1 else None


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling would defer BEGIN and commit around DDL; take it over so a
    # session is a real SQLite transaction (see the SQLAlchemy SQLite dialect notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def backup(path: Path, revision: str | None) -> Path:
    """A consistent copy of the database (WAL included) beside it, named after its revision."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    source_uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(source_uri, uri=True)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    log.info("backed up %s to %s before migrating", path, target)
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_store(data_dir: Path) -> Store:
    """The store in `data_dir`, created or migrated to this version's schema."""
    path = Path(data_dir) / DB_NAME
    current = read_revision(path)
    if current is not None and current not in REVISIONS:
        raise StoreError(
            f"The database {path} was written by a newer version of Kyoto Desk (schema {current}); "
            "it was left untouched.",
            "Install the newer Kyoto Desk, or point --data-dir at another folder.",
        )
    engine = make_engine(path)
    if current != HEAD:
        if path.exists() and current is not None:
            backup(path, current)
        try:
            upgrade(engine)
        except Exception as exc:
            engine.dispose()
            raise StoreError(f"The database {path} could not be migrated: {exc}", _CORRUPT_HINT) from exc
        log.info("database %s migrated from %s to %s", path, current, HEAD)
    return Store(path=path, engine=engine, factory=sessionmaker(engine, expire_on_commit=False))
