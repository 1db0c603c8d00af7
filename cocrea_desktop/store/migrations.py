"""Named schema migrations, each in one transaction, recorded in the file.

Add a migration by appending a decorated function; never edit one that has
shipped. A file that records a migration this program does not know was written
by a newer version and is refused (see :func:`cocrea_desktop.store.db.open_process`).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("cocrea")

#: ``PRAGMA application_id`` of every process file ("CoCr").
APPLICATION_ID = 0x436F4372


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE process (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            municipality TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            responsible_body TEXT NOT NULL DEFAULT '',
            ballot_secret TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE session (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            method TEXT NOT NULL,
            question TEXT NOT NULL,
            table_label TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            archived INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            languages TEXT NOT NULL DEFAULT 'es',
            interpreter INTEGER NOT NULL DEFAULT 0,
            participation_level TEXT NOT NULL DEFAULT 'involve',
            participant_count INTEGER NOT NULL DEFAULT 0,
            params TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX session_process ON session(process_id, archived, position)")
    db.execute("""
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            txn TEXT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX journal_object ON journal(object_type, object_id)")
    db.execute("""
        CREATE TABLE device (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            public_key TEXT NOT NULL,
            first_seen TEXT NOT NULL
        )""")
    # The journal is append-only: refuse updates and deletes at the SQL level too.
    db.execute("""
        CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""")
    db.execute("""
        CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""")


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]
