"""Prioritisation's own tables (``prioritisation_*``), one migration set of the method.

- ``prioritisation_setup``: one row per session (id = the session id): the criteria (a
  JSON list, in column order), who scores, how many sheets, the scale;
- ``prioritisation_item``: the proposals on the table, numbered 1..n in the session
  (id = "<session>:<number>"), with the proposal's title as it was put on the table;
- ``prioritisation_score``: one evaluator sheet's row for one proposal (id =
  "<session>:<sheet>:<number>"): the scores in criterion order (JSON, null = missing)
  and how it came in. A sheet is a number, never a name;
- ``prioritisation_agreement``: what the STL decided (id = the session id): the
  cut-off, the proposals that go on, who decided, how a tie at the cut-off was settled.
"""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

KEY = "prioritisation"

migrations = method_migrations(KEY)

_COMMON = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL"


@migrations(name=f"{KEY}_0001_tables")
def m0001_tables(db: Database) -> None:
    db.execute(f"""
        CREATE TABLE prioritisation_setup (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            criteria TEXT NOT NULL DEFAULT '[]',
            preset TEXT NOT NULL DEFAULT '',
            evaluator_group TEXT NOT NULL DEFAULT '',
            evaluators INTEGER NOT NULL DEFAULT 0,
            scale_min INTEGER NOT NULL DEFAULT 1,
            scale_max INTEGER NOT NULL DEFAULT 5,
            {_COMMON}
        )""")
    db.execute(f"""
        CREATE TABLE prioritisation_item (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            proposal_id TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'active',
            {_COMMON}
        )""")
    db.execute("CREATE INDEX prioritisation_item_session ON prioritisation_item(session_id)")
    db.execute(f"""
        CREATE TABLE prioritisation_score (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            sheet INTEGER NOT NULL,
            option INTEGER NOT NULL,
            scores TEXT NOT NULL DEFAULT '[]',
            entry TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'typed',
            serial TEXT NOT NULL DEFAULT '',
            {_COMMON}
        )""")
    db.execute("CREATE INDEX prioritisation_score_session ON prioritisation_score(session_id)")
    db.execute(f"""
        CREATE TABLE prioritisation_agreement (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            cutoff INTEGER NOT NULL,
            selected TEXT NOT NULL DEFAULT '[]',
            decided_by TEXT NOT NULL DEFAULT '',
            tie_note TEXT NOT NULL DEFAULT '',
            {_COMMON}
        )""")




@migrations(name=f"{KEY}_0002_hand_counts")
def m0002_hand_counts(db: Database) -> None:
    """Scores counted by hand per proposal and criterion (how many 1s, 2s... 5s), with
    who counted: id = "<session>:<number>:<criterion>"."""
    db.execute(f"""
        CREATE TABLE prioritisation_count (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            option INTEGER NOT NULL,
            criterion INTEGER NOT NULL,
            counts TEXT NOT NULL DEFAULT '[]',
            counter TEXT NOT NULL DEFAULT '',
            {_COMMON}
        )""")
    db.execute("CREATE INDEX prioritisation_count_session ON prioritisation_count(session_id)")


#: No names are kept: a sheet is a number; who decided is a body ("el STL"), in clear.
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {}

#: Who counted by hand is written in clear (like a vote's counter): never published.
LEAK_CHECKED_FIELDS = {"prioritisation_count": ("counter",)}


#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "prioritisation_setup": (N_("configuración de la priorización"),
                             N_("configuraciones de la priorización")),
    "prioritisation_item": (N_("propuesta por priorizar"), N_("propuestas por priorizar")),
    "prioritisation_score": (N_("calificación"), N_("calificaciones")),
    "prioritisation_count": (N_("conteo de calificaciones"), N_("conteos de calificaciones")),
    "prioritisation_agreement": (N_("acuerdo de la priorización"),
                                 N_("acuerdos de la priorización")),
}
