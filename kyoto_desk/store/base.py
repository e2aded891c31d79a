"""The declarative base and the column types every table shares (UTC timestamps, JSON string lists)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    """Base of every mapped table; the Alembic migrations are the schema's source of truth."""


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as naive UTC (SQLite has no zones) and read back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # callers use aware UTC; a naive value is taken as UTC already
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class StringList(TypeDecorator[list[str]]):
    """A list of strings as a JSON array, so SQLite's json_each can filter and count its items."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str:
        return json.dumps(list(value or ()), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str]:
        loaded = json.loads(value) if value else []
        return [str(item) for item in loaded]
