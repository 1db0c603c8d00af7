"""The launch's tables: the agenda, the commitments presented, who signed.

Who signed is named on the acta: officials and representatives signing an official,
public act (often the same people the plan names as responsible, whose names the plan's
open data publishes; so they are not leak-checked). The launch's own open data still
publishes no name: neither who signed nor who presented an item.
"""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("launch")

_STAMP = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"


@migrations(name="launch_0001_tables")
def m0001_tables(db: Database) -> None:
    db.execute(f"""
        CREATE TABLE launch_item (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            presenter TEXT NOT NULL DEFAULT '',
            minutes REAL NOT NULL DEFAULT 5,
            opened_at TEXT NOT NULL DEFAULT '',
            closed_at TEXT NOT NULL DEFAULT '',
            seconds REAL NOT NULL DEFAULT 0,
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    db.execute(f"""
        CREATE TABLE launch_presented (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            commitment_id TEXT NOT NULL REFERENCES commitment(id),
            label TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT '',
            milestones INTEGER NOT NULL DEFAULT 0,
            first_shown_at TEXT NOT NULL DEFAULT '',
            shown_seq INTEGER NOT NULL DEFAULT 0,
            {_STAMP},
            UNIQUE (session_id, commitment_id)
        )""")
    db.execute(f"""
        CREATE TABLE launch_signature (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            post TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            signed INTEGER NOT NULL DEFAULT 1,
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    for table in ("launch_item", "launch_presented", "launch_signature"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")


PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {}

LEAK_CHECKED_FIELDS: dict[str, tuple[str, ...]] = {}

#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "launch_item": (N_("punto del orden del día del lanzamiento"),
                    N_("puntos del orden del día del lanzamiento")),
    "launch_presented": (N_("compromiso presentado"), N_("compromisos presentados")),
    "launch_signature": (N_("firma del lanzamiento"), N_("firmas del lanzamiento")),
}
