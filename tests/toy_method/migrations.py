"""The toy method's own table, ``toy_colour``: one row per colour said in a session.

A method's tables are a migration set of its own (names prefixed with its key),
applied after the core's when a process file is created or opened. Each row has
the columns every row of a process has (its id, its session, who wrote it and when),
so that it is journaled, undone, merged and hashed like any other.
"""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.store.migrations import method_migrations

KEY = "toy_colours"

migrations = method_migrations(KEY)


@migrations(name=f"{KEY}_0001_colour")
def m0001_colour(db: Database) -> None:
    db.execute("""
        CREATE TABLE toy_colour (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            said_by TEXT NOT NULL DEFAULT '',
            salt TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            UNIQUE (session_id, number)
        )""")
    db.execute("CREATE INDEX toy_colour_session ON toy_colour(session_id)")


#: Who said a colour is a name: personal data, kept out of the journal and the hash.
PERSONAL_FIELDS = {"toy_colour": ("said_by", "salt")}
