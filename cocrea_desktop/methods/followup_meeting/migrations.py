"""The follow-up meeting's tables: the milestones reviewed (their status and progress as
the meeting saw them, kept even when the follow-up moves on) and the agreements.

Who is responsible for an agreement is usually an office or a post; it is printed on the
acta and, as the plan's own responsible people, not leak-checked. The open data
publishes the agreements without it.
"""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("followup_meeting")

_STAMP = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"


@migrations(name="followup_meeting_0001_tables")
def m0001_tables(db: Database) -> None:
    db.execute(f"""
        CREATE TABLE followup_meeting_review (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            milestone_id TEXT NOT NULL REFERENCES commitment_milestone(id),
            label TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            due_date TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            percent INTEGER NOT NULL DEFAULT 0,
            cutoff TEXT NOT NULL DEFAULT '',
            {_STAMP},
            UNIQUE (session_id, milestone_id)
        )""")
    db.execute(f"""
        CREATE TABLE followup_meeting_agreement (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            milestone_id TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            responsible TEXT NOT NULL DEFAULT '',
            due_date TEXT NOT NULL DEFAULT '',
            new_status TEXT NOT NULL DEFAULT '',
            new_percent INTEGER,
            progress_id TEXT NOT NULL DEFAULT '',
            {_STAMP},
            UNIQUE (session_id, number)
        )""")
    for table in ("followup_meeting_review", "followup_meeting_agreement"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")


PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {}
LEAK_CHECKED_FIELDS: dict[str, tuple[str, ...]] = {}

#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "followup_meeting_review": (N_("hito revisado"), N_("hitos revisados")),
    "followup_meeting_agreement": (N_("acuerdo de seguimiento"),
                                   N_("acuerdos de seguimiento")),
}
