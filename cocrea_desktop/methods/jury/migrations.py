"""The citizens' jury's tables: the volunteers' pool, the quotas, the draw and its
replacements, the witnesses heard, the deliberation notes and the recommendations."""

from __future__ import annotations

from sqlite_utils import Database

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("jury")

_STAMPS = """
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            device_id TEXT NOT NULL"""


@migrations(name="jury_0001_tables")
def jury_0001_tables(db: Database) -> None:
    """A volunteer's name and contact are personal data (salted); their features (community,
    sex, age band and the others the STL chose) are what the quotas count."""
    db.execute(f"""
        CREATE TABLE jury_volunteer (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            features TEXT NOT NULL DEFAULT '{{}}',
            consent INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pool',
            erased INTEGER NOT NULL DEFAULT 0,
            salt TEXT NOT NULL DEFAULT '',{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_quota (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            feature TEXT NOT NULL,
            value TEXT NOT NULL,
            min INTEGER NOT NULL,
            max INTEGER NOT NULL,{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_draw (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            size INTEGER NOT NULL,
            dice TEXT NOT NULL,
            witnesses TEXT NOT NULL DEFAULT '',
            seed TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            quotas TEXT NOT NULL,
            probabilities TEXT NOT NULL,
            panel TEXT NOT NULL,
            replacements TEXT NOT NULL,{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_swap (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            position INTEGER NOT NULL,
            withdrawn INTEGER NOT NULL,
            replacement INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_witness (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            documents TEXT NOT NULL DEFAULT '[]',{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_note (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,{_STAMPS}
        )""")
    db.execute(f"""
        CREATE TABLE jury_recommendation (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            agreement TEXT NOT NULL DEFAULT 'consensus',
            support INTEGER NOT NULL DEFAULT 0,
            against INTEGER NOT NULL DEFAULT 0,
            abstain INTEGER NOT NULL DEFAULT 0,{_STAMPS}
        )""")
    for table in ("jury_volunteer", "jury_quota", "jury_draw", "jury_swap", "jury_witness",
                  "jury_note", "jury_recommendation"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")


#: A volunteer's name and contact: personal data, salted and kept out of the journal.
PERSONAL_FIELDS = {"jury_volunteer": ("name", "contact", "salt")}

#: Witnesses speak in a public role and are recorded by name; the open data publishes
#: counts only, and checks that no name is in it.
LEAK_CHECKED_FIELDS = {"jury_witness": ("name",)}

#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "jury_volunteer": (N_("persona voluntaria"), N_("personas voluntarias")),
    "jury_quota": (N_("cuota del sorteo"), N_("cuotas del sorteo")),
    "jury_draw": (N_("sorteo del jurado"), N_("sorteos del jurado")),
    "jury_swap": (N_("sustitución en el jurado"), N_("sustituciones en el jurado")),
    "jury_witness": (N_("testigo ante el jurado"), N_("testigos ante el jurado")),
    "jury_note": (N_("nota del jurado"), N_("notas del jurado")),
    "jury_recommendation": (N_("recomendación del jurado"), N_("recomendaciones del jurado")),
}
