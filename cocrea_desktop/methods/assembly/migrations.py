"""The assembly's tables: agenda items, speakers' lists, proposals, votes, agreements.

A speaker's name is personal data (``PERSONAL_FIELDS``): the journal keeps only its
salted hash, the facilitator may type a number instead, and
``AssemblyStore.forget_names`` clears every name of a session once the process no
longer needs them.
"""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("assembly")

_STAMP = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"


@migrations(name="assembly_0001_tables")
def m0001_tables(db: Database) -> None:
    db.execute(f"""
        CREATE TABLE assembly_item (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            vote_mode TEXT NOT NULL DEFAULT 'hands',
            opened_at TEXT NOT NULL DEFAULT '',
            closed_at TEXT NOT NULL DEFAULT '',
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    db.execute(f"""
        CREATE TABLE assembly_speaker (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            item_id TEXT NOT NULL REFERENCES assembly_item(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            salt TEXT NOT NULL DEFAULT '',
            sector TEXT NOT NULL DEFAULT '',
            sex TEXT NOT NULL DEFAULT '',
            speaking_round INTEGER NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL DEFAULT '',
            ended_at TEXT NOT NULL DEFAULT '',
            seconds REAL NOT NULL DEFAULT 0,
            overrun_seconds REAL NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            {_STAMP},
            UNIQUE (item_id, position)
        )""")
    db.execute(f"""
        CREATE TABLE assembly_proposal (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            item_id TEXT NOT NULL REFERENCES assembly_item(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    db.execute(f"""
        CREATE TABLE assembly_vote (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            proposal_id TEXT NOT NULL REFERENCES assembly_proposal(id),
            mode TEXT NOT NULL,
            votes_for INTEGER NOT NULL DEFAULT 0,
            votes_against INTEGER NOT NULL DEFAULT 0,
            abstentions INTEGER NOT NULL DEFAULT 0,
            present INTEGER NOT NULL DEFAULT 0,
            quorum INTEGER NOT NULL DEFAULT 0,
            counter TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT '',
            {_STAMP}
        )""")
    db.execute(f"""
        CREATE TABLE assembly_agreement (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            item_id TEXT NOT NULL REFERENCES assembly_item(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            vote_id TEXT NOT NULL REFERENCES assembly_vote(id),
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    for table in ("assembly_item", "assembly_speaker", "assembly_proposal", "assembly_vote",
                  "assembly_agreement"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")


#: A speaker's name (or the number the facilitator gives instead): personal data.
PERSONAL_FIELDS = {"assembly_speaker": ("name", "salt")}

#: Who counted the hands is named in clear on the minutes: the open data never
#: publishes it.
LEAK_CHECKED_FIELDS = {"assembly_vote": ("counter",)}


#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "assembly_item": (N_("punto de la asamblea"), N_("puntos de la asamblea")),
    "assembly_speaker": (N_("persona en la lista de palabra"),
                         N_("personas en la lista de palabra")),
    "assembly_proposal": (N_("propuesta de la asamblea"), N_("propuestas de la asamblea")),
    "assembly_vote": (N_("votación de la asamblea"), N_("votaciones de la asamblea")),
    "assembly_agreement": (N_("acuerdo de la asamblea"), N_("acuerdos de la asamblea")),
}
