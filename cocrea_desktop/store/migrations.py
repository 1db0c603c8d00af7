"""Named schema migrations, each in one transaction, recorded in the file.

Add a migration by appending a decorated function; never edit one that has
shipped. A file that records a migration this program does not know was written
by a newer version (or by a program with a method this one lacks) and is refused
(see :func:`cocrea_desktop.store.db.open_process`).

The core's migrations are the numbered ones below. A method package adds its own
tables in its ``migrations`` module: a set made by :func:`method_migrations`, whose
names start with the method's key (``toy_colours_0001_colour``), applied after the
core's when a file is created or opened (:func:`apply_all`), and recorded in the same
``_sqlite_migrations`` set, so a file says which methods' tables it holds.

History: the fishbowl and idea-fair tables were made by the numbered migrations
0003, 0004 and 0006, before methods were packages. They stay here, unchanged and in
their order: a file written by an older program records those names, and must still
open as it is (renaming or moving them would make it look like a newer file, or make
the program create the tables twice). Their packages declare the tables' personal
fields; new tables of those methods would go in their own ``migrations`` module.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from cocrea_desktop.core.methods import generation, method_modules

#: The name of the migration set every migration is recorded under, the core's and
#: the methods' alike.
MIGRATION_SET = "cocrea"

migrations = Migrations(MIGRATION_SET)

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


def method_migrations(key: str) -> Migrations:
    """The migration set of the method ``key``: its ``migrations`` module makes one with
    this, names each migration ``<key>_<number>_<what>``, and keeps it as ``migrations``."""
    return Migrations(MIGRATION_SET)


def method_sets() -> list[Migrations]:
    """Every method's migration set, in the methods' order; each name checked for its
    method's prefix (two methods can never record the same name)."""
    sets = []
    for method, module in method_modules("migrations"):
        found = getattr(module, "migrations", None)
        if found is None:
            continue
        for m in found._migrations:
            if not m.name.startswith(method.key + "_"):
                raise ValueError(f"migration {m.name!r} of method {method.key!r} must start "
                                 f"with {method.key + '_'!r}")
        sets.append(found)
    return sets


def known_names() -> list[str]:
    """Every migration this program knows: the core's, then each method's."""
    version = (generation(), len(migrations._migrations))
    if _KNOWN and _KNOWN[0][0] == version:
        return list(_KNOWN[0][1])  # asked for each bundle an import checks
    names = [m.name for m in migrations._migrations]
    for found in method_sets():
        names += [m.name for m in found._migrations]
    _KNOWN[:] = [(version, tuple(names))]
    return names


_KNOWN: list[tuple[tuple[int, int], tuple[str, ...]]] = []


def applied_names(db: Database) -> list[str]:
    """The migrations recorded in a file, in the order they were applied."""
    return [m.name for m in migrations.applied(db)]


def pending(db: Database) -> bool:
    """Whether the file lacks a migration (the core's or a method's).

    One read of the record for every set (sqlite-utils reads it once per set: 17 reads,
    most of the check made each time a process opens)."""
    sets = [migrations, *method_sets()]
    table = migrations.migrations_table
    try:
        applied = set(db.execute(f"SELECT migration_set, name FROM [{table}]").fetchall())
    except sqlite3.OperationalError:  # no record yet, or an older one: ask each set
        return any(s.pending(db) for s in sets)
    return any((s.name, m.name) not in applied for s in sets for m in s._migrations)


def apply_all(db: Database) -> None:
    """Apply what is pending: the core's migrations first, then each method's."""
    migrations.apply(db)
    for found in method_sets():
        found.apply(db)


@migrations(name="0002_running_sessions")
def m0002_running_sessions(db: Database) -> None:
    """Phases, timers, ideas, merges, votes, relatoría; ballot register; bundles; attendance."""
    # Where each session is in its method, and when voting started (ideas lock then).
    db.execute("ALTER TABLE session ADD COLUMN phase TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE session ADD COLUMN voting_started_at TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE session ADD COLUMN notice_read_aloud INTEGER NOT NULL DEFAULT 0")
    # Per process: the office key (bundles) and the privacy notice (attendance sheets).
    db.execute("ALTER TABLE process ADD COLUMN office_public_key TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE process ADD COLUMN privacy_body TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE process ADD COLUMN privacy_notice TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE process ADD COLUMN privacy_full_notice_at TEXT NOT NULL DEFAULT ''")
    common = ("created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
              "device_id TEXT NOT NULL")
    db.execute(f"""
        CREATE TABLE timer (
            id TEXT PRIMARY KEY,  -- "<session id>:<phase key>"
            session_id TEXT NOT NULL REFERENCES session(id),
            phase TEXT NOT NULL,
            state TEXT NOT NULL,  -- core.timers.Timer.to_dict() as JSON
            {common},
            UNIQUE (session_id, phase)
        )""")
    db.execute(f"""
        CREATE TABLE idea (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 0,
            turn INTEGER NOT NULL DEFAULT 0,
            group_key TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active',  -- active | merged | withdrawn
            merged_into TEXT REFERENCES idea(id),
            withdraw_reason TEXT NOT NULL DEFAULT '',
            cluster_id TEXT,
            {common},
            UNIQUE (session_id, number)
        )""")
    db.execute(f"""
        CREATE TABLE idea_pass (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            round INTEGER NOT NULL,
            turn INTEGER NOT NULL,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE merge_proposal (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            into_id TEXT NOT NULL REFERENCES idea(id),
            from_ids TEXT NOT NULL,  -- JSON list of idea ids
            status TEXT NOT NULL DEFAULT 'proposed',  -- proposed | agreed | rejected | undone
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE cluster (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            label TEXT NOT NULL,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE note (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            phase TEXT NOT NULL,
            text TEXT NOT NULL,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE vote_round (
            id TEXT PRIMARY KEY,  -- "<session id>:<round>"
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,  -- preliminary | final | vote
            kind TEXT NOT NULL,  -- ranked | dots | criteria
            params TEXT NOT NULL DEFAULT '{{}}',  -- k; dots_per_person, max_per_option ...
            mode TEXT NOT NULL DEFAULT 'ballots',  -- ballots | counts
            counter TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            participants INTEGER NOT NULL DEFAULT 0,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE ballot (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,
            serial TEXT NOT NULL DEFAULT '',
            entry TEXT NOT NULL DEFAULT '',  -- as typed or scanned
            status TEXT NOT NULL DEFAULT 'counted',  -- counted | spoiled
            voids TEXT NOT NULL DEFAULT '[]',  -- JSON list of {{entry, reason, amount}}
            {common}
        )""")
    db.execute("CREATE UNIQUE INDEX ballot_serial ON ballot(session_id, round, serial) "
               "WHERE serial != ''")
    db.execute("""
        CREATE TABLE mark (
            id TEXT PRIMARY KEY,
            ballot_id TEXT NOT NULL REFERENCES ballot(id),
            session_id TEXT NOT NULL,
            round TEXT NOT NULL,
            option INTEGER NOT NULL,
            value INTEGER NOT NULL,  -- points, dots, or a score
            criterion INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("CREATE INDEX mark_tally ON mark(session_id, round, ballot_id, option, value)")
    db.execute(f"""
        CREATE TABLE typed_count (
            id TEXT PRIMARY KEY,  -- "<session id>:<round>:<option>"
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,
            option INTEGER NOT NULL,
            count INTEGER NOT NULL,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE relatoria (
            id TEXT PRIMARY KEY,  -- the session id
            session_id TEXT NOT NULL REFERENCES session(id),
            convergences TEXT NOT NULL DEFAULT '',
            dissent TEXT NOT NULL DEFAULT '',
            next_steps TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            {common}
        )""")
    # Paper ballots issued (printed), for the register and reconciliation.
    db.execute(f"""
        CREATE TABLE ballot_issue (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,
            serial TEXT NOT NULL,
            batch TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'issued',  -- issued | returned | spoiled | void
            {common},
            UNIQUE (session_id, round, serial)
        )""")
    # Bundles: keys seen, bundles imported, conflicts kept for a person to decide.
    db.execute("""
        CREATE TABLE key_trust (
            id TEXT PRIMARY KEY,  -- the key's fingerprint
            device_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            public_key TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',  -- pending | trusted | revoked
            first_seen TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE bundle_import (
            id TEXT PRIMARY KEY,  -- SHA-256 of the bundle's manifest
            device_id TEXT NOT NULL,
            bundle_created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}'
        )""")
    db.execute("""
        CREATE TABLE merge_conflict (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            local TEXT,
            incoming TEXT,
            bundle_id TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open',  -- open | resolved
            resolution TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    # Attendance: anonymous counts always; people only when the process requires it.
    db.execute(f"""
        CREATE TABLE attendance_count (
            id TEXT PRIMARY KEY,  -- "<session id>:<dimension>:<category>"
            session_id TEXT NOT NULL REFERENCES session(id),
            dimension TEXT NOT NULL,  -- sector | sex | age_band | community | language
            category TEXT NOT NULL,
            count INTEGER NOT NULL,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE person (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            consent_contact INTEGER NOT NULL DEFAULT 0,
            consent_photos INTEGER NOT NULL DEFAULT 0,
            erased INTEGER NOT NULL DEFAULT 0,
            {common}
        )""")
    for table in ("idea", "idea_pass", "merge_proposal", "cluster", "note", "ballot",
                  "typed_count", "ballot_issue", "attendance_count", "person"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")


#: The core tables' fields holding personal data (the methods declare their own).
CORE_PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {"person": ("name", "phone", "salt")}


class _PersonalFields(Mapping[str, tuple[str, ...]]):
    """Fields holding personal data, table -> fields: the journal keeps only a hash of
    their values, so that erasing a person (ARCO rights) leaves no copy in the evidence
    trail. The union of the core's (:data:`CORE_PERSONAL_FIELDS`) and of what each
    method's ``migrations`` module declares as ``PERSONAL_FIELDS`` for its own tables."""

    def __init__(self) -> None:
        self._cache: tuple[int, dict[str, tuple[str, ...]]] | None = None

    def _fields(self) -> dict[str, tuple[str, ...]]:
        version = generation()
        if self._cache is None or self._cache[0] != version:
            union = dict(CORE_PERSONAL_FIELDS)
            for _method, module in method_modules("migrations"):
                for table, fields in getattr(module, "PERSONAL_FIELDS", {}).items():
                    union[table] = tuple(dict.fromkeys((*union.get(table, ()), *fields)))
            self._cache = (version, union)
        return self._cache[1]

    def __getitem__(self, table: str) -> tuple[str, ...]:
        return self._fields()[table]

    def get(self, table: str, default: Any = None) -> Any:  # type: ignore[override]
        # Asked for every row a merge journals: one lookup, not Mapping's three calls.
        return self._fields().get(table, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields())

    def __len__(self) -> int:
        return len(self._fields())


PERSONAL_FIELDS: Mapping[str, tuple[str, ...]] = _PersonalFields()


def leak_checked_fields() -> dict[str, tuple[str, ...]]:
    """Fields that may hold a name though they are not salted personal data (who signs,
    who follows up), which the open-data export checks it never publishes: the core's
    and each method's ``LEAK_CHECKED_FIELDS``."""
    union: dict[str, tuple[str, ...]] = {"session": ("facilitator",), "vote_round": ("counter",)}
    for _method, module in method_modules("migrations"):
        for table, fields in getattr(module, "LEAK_CHECKED_FIELDS", {}).items():
            union[table] = tuple(dict.fromkeys((*union.get(table, ()), *fields)))
    return union


@migrations(name="0003_fishbowl_and_idea_fair")
def m0003_fishbowl_and_idea_fair(db: Database) -> None:
    """Fishbowl groups and turns; idea-fair stands, authorities, visits, interest, letters."""
    common = ("created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
              "device_id TEXT NOT NULL")
    db.execute(f"""
        CREATE TABLE fishbowl_group (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            label TEXT NOT NULL,  -- the position or label of the group
            size INTEGER NOT NULL DEFAULT 0,
            members TEXT NOT NULL DEFAULT '',  -- optional names
            turn_order INTEGER NOT NULL DEFAULT 0,  -- 1.. once drawn, 0 before
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE fishbowl_turn (
            id TEXT PRIMARY KEY,  -- "<session id>:<group id>"
            session_id TEXT NOT NULL REFERENCES session(id),
            group_id TEXT NOT NULL REFERENCES fishbowl_group(id),
            started_at TEXT NOT NULL DEFAULT '',
            ended_at TEXT NOT NULL DEFAULT '',
            overrun_seconds REAL NOT NULL DEFAULT 0,
            pauses INTEGER NOT NULL DEFAULT 0,
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE fair_stand (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,  -- the stand number
            title TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            problem TEXT NOT NULL DEFAULT '',
            theme TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            contact_name TEXT NOT NULL DEFAULT '',
            contact_phone TEXT NOT NULL DEFAULT '',
            asks TEXT NOT NULL DEFAULT '',
            {common},
            UNIQUE (session_id, number)
        )""")
    db.execute(f"""
        CREATE TABLE fair_authority (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            post TEXT NOT NULL DEFAULT '',
            agency TEXT NOT NULL DEFAULT '',
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE fair_visit (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            stand_id TEXT NOT NULL REFERENCES fair_stand(id),
            authority_id TEXT NOT NULL REFERENCES fair_authority(id),
            visited_at TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE fair_interest (
            id TEXT PRIMARY KEY,  -- "<stand id>:<authority id>"
            session_id TEXT NOT NULL REFERENCES session(id),
            stand_id TEXT NOT NULL REFERENCES fair_stand(id),
            authority_id TEXT NOT NULL REFERENCES fair_authority(id),
            level TEXT NOT NULL,  -- interested | meeting | commit
            note TEXT NOT NULL DEFAULT '',
            {common}
        )""")
    db.execute(f"""
        CREATE TABLE fair_letter (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            folio TEXT NOT NULL,
            stand_id TEXT NOT NULL REFERENCES fair_stand(id),
            authority_id TEXT NOT NULL REFERENCES fair_authority(id),
            letter_date TEXT NOT NULL,
            team_commits TEXT NOT NULL DEFAULT '',
            authority_commits TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            next_step_date TEXT NOT NULL DEFAULT '',
            follow_up_contact TEXT NOT NULL DEFAULT '',
            witness TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending',  -- pending | in_progress | in_pal | dropped
            status_reason TEXT NOT NULL DEFAULT '',
            next_meeting TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            {common},
            UNIQUE (session_id, folio)
        )""")
    db.execute(f"""
        CREATE TABLE attachment (
            id TEXT PRIMARY KEY,
            owner_table TEXT NOT NULL,
            owner_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            {common}
        )""")
    for table in ("fishbowl_group", "fishbowl_turn", "fair_stand", "fair_authority",
                  "fair_visit", "fair_interest", "fair_letter"):
        db.execute(f"CREATE INDEX {table}_session ON {table}(session_id)")
    db.execute("CREATE INDEX attachment_owner ON attachment(owner_table, owner_id)")


# (fair_stand's personal fields are declared by the idea fair's package.)
# Not personal, but secret: the key of the ballots' MACs travels sealed like personal
# data (or not at all), so that a lost stick does not let anyone forge ballots.
CORE_PERSONAL_FIELDS["process"] = ("ballot_secret",)


@migrations(name="0004_personal_salts")
def m0004_personal_salts(db: Database) -> None:
    """A random salt per row holding personal data: the journal keeps only HMACs under it,
    and erasing the person erases the salt, so the journal's values can no longer be
    matched against a list of names or numbers."""
    for table in ("person", "fair_stand"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN salt TEXT NOT NULL DEFAULT ''")


@migrations(name="0005_mark_tally_by_option")
def m0005_mark_tally_by_option(db: Database) -> None:
    """Tallies group marks by option and value: an index in that order reads them fast."""
    db.execute("CREATE INDEX mark_by_option ON mark(session_id, round, option, value, ballot_id)")


@migrations(name="0006_fishbowl_member_names")
def m0006_fishbowl_member_names(db: Database) -> None:
    """A fishbowl group's optional member names are personal data: salted like the others."""
    db.execute("ALTER TABLE fishbowl_group ADD COLUMN salt TEXT NOT NULL DEFAULT ''")

    # (fishbowl_group's personal fields are declared by the fishbowl's package.)


@migrations(name="0007_ballot_issue_print_and_void")
def m0007_ballot_issue_print_and_void(db: Database) -> None:
    """Each issued serial records the PDF it was printed in (SHA-256 of the file written
    and read back, issued in the same transaction); a serial voided unprinted keeps why."""
    db.execute("ALTER TABLE ballot_issue ADD COLUMN pdf_sha256 TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE ballot_issue ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''")


@migrations(name="0008_ballot_layout_and_reading")
def m0008_ballot_layout_and_reading(db: Database) -> None:
    """Reading the marks by machine: each issued serial points to the layout it was printed
    with (the box grid in millimetres, recorded at print time, shared by a print's ballots),
    and each ballot says how its marks came in: typed (''), read by the machine ('machine'),
    or read by the machine and confirmed or corrected by a person ('person')."""
    db.execute("""
        CREATE TABLE ballot_layout (
            id TEXT PRIMARY KEY,  -- SHA-256 of the layout JSON (first 32 hex digits)
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,
            layout TEXT NOT NULL,  -- JSON: corners, boxes, qr, mark_side, circles
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("ALTER TABLE ballot_issue ADD COLUMN layout_id TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE ballot ADD COLUMN read_by TEXT NOT NULL DEFAULT ''")


@migrations(name="0009_concurrent_numbers_and_serials", transactional=False)
def m0009_concurrent_numbers_and_serials(db: Database) -> None:
    """Work done at the same time on two laptops merges whole, in any order.

    An idea's number belongs to the laptop that gave it (``origin``): two laptops
    capturing in one session both have an idea 3, kept as two ideas (shown "A-3"
    and "B-3"), so a number shown to the room never changes. Two ballots with the
    same serial from two laptops are both kept; at most one per serial may count.
    """
    # Rebuilding a table that others reference needs foreign keys off, which SQLite
    # allows only outside a transaction: so this migration runs its own, and is
    # idempotent (a crash before it is recorded leaves it done, and it is skipped).
    if "origin" in [c[1] for c in db.execute("PRAGMA table_info(idea)").fetchall()]:
        return
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            _rebuild_idea_and_ballot_serial(db)
            if db.execute("PRAGMA foreign_key_check").fetchall():
                raise RuntimeError("foreign keys broken by 0009")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def _rebuild_idea_and_ballot_serial(db: Database) -> None:
    db.execute("""
        CREATE TABLE idea_new (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 0,
            turn INTEGER NOT NULL DEFAULT 0,
            group_key TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active',  -- active | merged | withdrawn
            merged_into TEXT REFERENCES idea(id),
            withdraw_reason TEXT NOT NULL DEFAULT '',
            cluster_id TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT '',  -- the device that gave the idea its number
            UNIQUE (session_id, origin, number)
        )""")
    db.execute("""
        INSERT INTO idea_new (id, session_id, number, text, round, turn, group_key, status,
                              merged_into, withdraw_reason, cluster_id, created_at, updated_at,
                              device_id, origin)
        SELECT id, session_id, number, text, round, turn, group_key, status, merged_into,
               withdraw_reason, cluster_id, created_at, updated_at, device_id, device_id
        FROM idea""")
    db.execute("DROP TABLE idea")
    db.execute("ALTER TABLE idea_new RENAME TO idea")
    db.execute("CREATE INDEX idea_session ON idea(session_id)")
    db.execute("DROP INDEX ballot_serial")
    db.execute("CREATE UNIQUE INDEX ballot_serial ON ballot(session_id, round, serial) "
               "WHERE serial != '' AND status = 'counted'")
    db.execute("CREATE INDEX ballot_by_serial ON ballot(session_id, round, serial)")


@migrations(name="0010_ballot_review")
def m0010_ballot_review(db: Database) -> None:
    """The review queue of ballots read by machine with a doubt: what the reader read (the
    entry line, each box's state, the reasons), where the page came from, and the hash of
    the straightened image kept in the data folder (never the image itself: a picture of a
    secret ballot beside its serial stays on this laptop and is deleted once reviewed).
    ``status``: waiting, entered (a person confirmed or corrected it) or spoiled (a person
    said it does not count, ``outcome`` says why)."""
    db.execute("""
        CREATE TABLE ballot_review (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES session(id),
            round TEXT NOT NULL,
            serial TEXT NOT NULL,
            entry TEXT NOT NULL DEFAULT '',      -- the marks read for sure, as typed
            boxes TEXT NOT NULL DEFAULT '[]',    -- JSON: [option, column, state] per box
            reasons TEXT NOT NULL DEFAULT '[]',  -- JSON: why a person must look
            source TEXT NOT NULL DEFAULT '',     -- the scanned file (or the camera)
            page INTEGER NOT NULL DEFAULT 0,
            crop_sha256 TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'waiting',  -- waiting | entered | spoiled
            outcome TEXT NOT NULL DEFAULT '',    -- the entry saved, or why it does not count
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX ballot_review_waiting ON ballot_review(session_id, round, status)")


@migrations(name="0011_bundle_import_file_hash")
def m0011_bundle_import_file_hash(db: Database) -> None:
    """Each imported bundle keeps the SHA-256 of its whole file: the same file again is
    recognised before it is verified again (nothing to check, nothing to merge)."""
    db.execute("ALTER TABLE bundle_import ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX bundle_import_file ON bundle_import(file_sha256) "
               "WHERE file_sha256 != ''")


@migrations(name="0012_proposals")
def m0012_proposals(db: Database) -> None:
    """Proposals pooled across the process's tables (issue 14).

    A proposal is promoted from a session's result (an idea, a cluster, a stand, a
    letter...) or typed at the office. Its origin is kept: the session, the table, what
    it came from (``source_kind``, ``source_id``) and a JSON ``source`` with the
    numbers, votes or letters behind it. Numbers belong to the laptop that gave them
    (``origin``), as the ideas' numbers do: two table laptops both have a proposal 1,
    kept as two. Two duplicates are joined, never deleted: the one joined points to
    the one kept (``joined_into``), and both origins stay."""
    db.execute("""
        CREATE TABLE proposal (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            number INTEGER NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            problem TEXT NOT NULL DEFAULT '',
            theme TEXT NOT NULL DEFAULT '',
            session_id TEXT REFERENCES session(id),
            table_label TEXT NOT NULL DEFAULT '',
            source_kind TEXT NOT NULL DEFAULT 'office',  -- office | option | letter ...
            source_id TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '{}',  -- JSON: what the origin said (number, votes...)
            status TEXT NOT NULL DEFAULT 'active',  -- active | joined | withdrawn
            joined_into TEXT REFERENCES proposal(id),
            withdraw_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            UNIQUE (process_id, origin, number)
        )""")
    db.execute("CREATE INDEX proposal_session ON proposal(session_id, source_id)")


@migrations(name="0013_table_laptops")
def m0013_table_laptops(db: Database) -> None:
    """Table laptops prepared at the office for one day (issue "A day of many tables").

    Each row is one laptop's starting file: the table's name, the sessions assigned to
    it (a JSON list of ids), the file written for it, when it was prepared. The ballots'
    secret travels in ``secret_box``, encrypted under the table's 8-character code (the
    code is printed on the office's sheet, never written to the stick). The laptop that
    opens the file records itself (``laptop_device_id``, ``opened_at``); the office
    knows the laptop came back when it has imported a bundle from that device."""
    db.execute("""
        CREATE TABLE table_laptop (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            name TEXT NOT NULL,
            sessions TEXT NOT NULL DEFAULT '[]',  -- JSON: the session ids assigned
            file_name TEXT NOT NULL DEFAULT '',
            secret_box TEXT NOT NULL DEFAULT '',  -- base64: the ballots' secret under the code
            prepared_at TEXT NOT NULL,
            laptop_device_id TEXT NOT NULL DEFAULT '',
            opened_at TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")


@migrations(name="0014_stl_and_commitments")
def m0014_stl_and_commitments(db: Database) -> None:
    """The office's Local Action Plan (issue «Commitments and the Local Action Plan»).

    The STL (Secretariado Técnico Local): its members, who rotate (start and end dates
    kept; the facilitator has a voice and no vote), and its decisions, each with the
    agenda item, the proposal, who was present and the outcome by consensus (each
    member's position: agree / stand aside / block, with a reason) or by vote. A
    decision the PAL needs names its ``kind`` (participation strategy, number of
    commitments, selection, draft approved, ready for consultation).

    Commitments follow the OGP template; their milestones are rows of their own; the
    proposals behind one are a JSON list of ids (the origin trace is read from them).
    ``commitment_version`` keeps a copy of a commitment at each stage (the draft that
    went to consultation, the approved, the final), to compare side by side. Agencies
    are the process's list of the bodies that may lead a commitment."""
    db.execute("""
        CREATE TABLE stl_member (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            name TEXT NOT NULL,
            sector TEXT NOT NULL,  -- government | civil_society | guarantor
            organisation TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            facilitator INTEGER NOT NULL DEFAULT 0,  -- a voice, no vote
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            salt TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL DEFAULT '',
            end_date TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE stl_decision (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            number INTEGER NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            agenda_item TEXT NOT NULL,
            proposal TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'other',
            subject_id TEXT NOT NULL DEFAULT '',  -- the commitment a decision is about
            mode TEXT NOT NULL DEFAULT 'consensus',  -- consensus | vote
            present TEXT NOT NULL DEFAULT '[]',  -- JSON: member ids
            positions TEXT NOT NULL DEFAULT '{}',  -- JSON: member id -> {position, reason}
            votes TEXT NOT NULL DEFAULT '{}',  -- JSON: {for, against, abstain}
            outcome TEXT NOT NULL DEFAULT '',  -- approved | rejected
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            UNIQUE (process_id, origin, number)
        )""")
    db.execute("""
        CREATE TABLE agency (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'government',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE commitment (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            number INTEGER NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            start_date TEXT NOT NULL DEFAULT '',
            end_date TEXT NOT NULL DEFAULT '',
            lead_agency TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            other_actors TEXT NOT NULL DEFAULT '',
            problem TEXT NOT NULL DEFAULT '',
            baseline TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            objective TEXT NOT NULL DEFAULT '',
            how_it_helps TEXT NOT NULL DEFAULT '',
            pillars TEXT NOT NULL DEFAULT '[]',  -- JSON list
            axis TEXT NOT NULL DEFAULT '',
            budget TEXT NOT NULL DEFAULT '',
            plan_links TEXT NOT NULL DEFAULT '',
            public_input TEXT NOT NULL DEFAULT '',
            proposals TEXT NOT NULL DEFAULT '[]',  -- JSON: proposal ids behind it
            office_reason TEXT NOT NULL DEFAULT '',  -- why written at the office
            smart TEXT NOT NULL DEFAULT '{}',  -- JSON: criterion -> {ok, note}
            stage TEXT NOT NULL DEFAULT 'draft',  -- draft | consultation | approved | final
            ready_decision TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            UNIQUE (process_id, origin, number)
        )""")
    db.execute("""
        CREATE TABLE commitment_milestone (
            id TEXT PRIMARY KEY,
            commitment_id TEXT NOT NULL REFERENCES commitment(id),
            position INTEGER NOT NULL,
            description TEXT NOT NULL,
            output TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            due_date TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE commitment_version (
            id TEXT PRIMARY KEY,
            commitment_id TEXT NOT NULL REFERENCES commitment(id),
            stage TEXT NOT NULL,  -- consultation | approved | final
            snapshot TEXT NOT NULL,  -- JSON: the commitment and its milestones then
            decision_id TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX commitment_milestone_commitment ON "
               "commitment_milestone(commitment_id)")
    db.execute("CREATE INDEX commitment_version_commitment ON commitment_version(commitment_id)")


CORE_PERSONAL_FIELDS["stl_member"] = ("phone", "email", "salt")


@migrations(name="0015_session_events")
def m0015_session_events(db: Database) -> None:
    """A session's history (phases begun, timers, the privacy notice) as rows that travel.

    These events are journal entries on the laptop where they happened; the journal is
    local, so a table laptop's bundle merged at the office brought the rows but not the
    story of the session, and the office's acta lacked it. At import, each such entry of
    the bundle's journal becomes a row here (``id`` is the entry's hash, so the same event
    is one row wherever it is merged), and the acta reads the journal and these rows."""
    db.execute("""
        CREATE TABLE session_event (
            id TEXT PRIMARY KEY,  -- the journal entry's hash on the laptop where it happened
            session_id TEXT NOT NULL REFERENCES session(id),
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            before TEXT,  -- JSON, as the journal entry held it
            after TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX session_event_session ON session_event(session_id)")


@migrations(name="0016_consultation")
def m0016_consultation(db: Database) -> None:
    """The public consultation of the draft PAL and the reasoned responses.

    A consultation names the draft consulted (``draft``, and the commitments' versions
    then, a JSON list of ``commitment_version`` ids), its period and channels, and the
    criteria used to answer. Each comment keeps its date, channel, the commitment (or a
    section of the plan) it is about, its text and theme; a duplicate points to the
    comment it was joined to and stays. The response (incorporated / partly / not
    incorporated / not applicable), its reason and the change it made (with the
    commitment version it led to) live on the comment. Who commented is personal data,
    kept apart in ``consultation_commenter`` and never published."""
    db.execute("""
        CREATE TABLE consultation (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            draft TEXT NOT NULL DEFAULT '',
            versions TEXT NOT NULL DEFAULT '[]',  -- JSON: commitment_version ids consulted
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            channels TEXT NOT NULL DEFAULT '[]',  -- JSON list
            criteria TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open',  -- open | closed
            closed_at TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE consultation_comment (
            id TEXT PRIMARY KEY,
            consultation_id TEXT NOT NULL REFERENCES consultation(id),
            number INTEGER NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            channel TEXT NOT NULL,
            commitment_id TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            theme TEXT NOT NULL DEFAULT '',
            duplicate_of TEXT NOT NULL DEFAULT '',
            response TEXT NOT NULL DEFAULT '',  -- '' | incorporated | partly | not | na
            reason TEXT NOT NULL DEFAULT '',
            change TEXT NOT NULL DEFAULT '',
            version_id TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            UNIQUE (consultation_id, origin, number)
        )""")
    db.execute("""
        CREATE TABLE consultation_commenter (
            id TEXT PRIMARY KEY,
            comment_id TEXT NOT NULL REFERENCES consultation_comment(id),
            name TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            salt TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX consultation_comment_consultation ON "
               "consultation_comment(consultation_id)")


CORE_PERSONAL_FIELDS["consultation_commenter"] = ("name", "contact", "salt")


@migrations(name="0017_followup")
def m0017_followup(db: Database) -> None:
    """The follow-up of the Local Action Plan's commitments (issue «Follow-up»).

    Each row is one progress record of a milestone: its status (not started, in
    progress, done, late, cancelled with a reason), percentage, the date it speaks
    of, a note and, optionally, the evidence: an ``attachment`` row (owner_table
    ``commitment_milestone``) whose SHA-256 goes into the journal with it. Records are
    never edited: the latest by date is the milestone's state, the others its
    history; two laptops' records merge side by side."""
    db.execute("""
        CREATE TABLE milestone_progress (
            id TEXT PRIMARY KEY,
            milestone_id TEXT NOT NULL REFERENCES commitment_milestone(id),
            commitment_id TEXT NOT NULL REFERENCES commitment(id),
            status TEXT NOT NULL,  -- not_started | in_progress | done | late | cancelled
            percent INTEGER NOT NULL DEFAULT 0,
            date TEXT NOT NULL,  -- ISO: the day the record speaks of
            reason TEXT NOT NULL DEFAULT '',  -- why cancelled
            note TEXT NOT NULL DEFAULT '',
            evidence_id TEXT NOT NULL DEFAULT '',  -- attachment id, or ''
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX milestone_progress_milestone ON milestone_progress(milestone_id)")


@migrations(name="0018_route_and_actors")
def m0018_route_and_actors(db: Database) -> None:
    """The process route (the CEPAL phases of the exercise) and the actor map.

    ``route_phase`` holds what was written of a phase of the route: planned and actual
    dates, who is responsible, the expected products and a note. A phase never edited
    has no row (the route shows it with its defaults); a row's id is
    ``<process id>:<phase key>`` so that two laptops editing one phase agree on it.
    ``session.route_phase`` is the phase a session belongs to ('' = the default of its
    method). ``actor`` is one organisation of the diagnosis' actor map (interest and
    influence on the topic, 1 to 5); its contact person and phone are personal data, in
    ``actor_contact`` (one per actor, its id is the actor's)."""
    db.execute("""
        CREATE TABLE route_phase (
            id TEXT PRIMARY KEY,  -- <process id>:<key>
            process_id TEXT NOT NULL REFERENCES process(id),
            key TEXT NOT NULL,
            planned_start TEXT NOT NULL DEFAULT '',
            planned_end TEXT NOT NULL DEFAULT '',
            actual_start TEXT NOT NULL DEFAULT '',
            actual_end TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            products TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("ALTER TABLE session ADD COLUMN route_phase TEXT NOT NULL DEFAULT ''")
    db.execute("""
        CREATE TABLE actor (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            organisation TEXT NOT NULL,
            sector TEXT NOT NULL DEFAULT 'civil_society',
            territory TEXT NOT NULL DEFAULT '',
            interest INTEGER NOT NULL DEFAULT 3,
            influence INTEGER NOT NULL DEFAULT 3,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE actor_contact (
            id TEXT PRIMARY KEY,  -- the actor's id
            actor_id TEXT NOT NULL REFERENCES actor(id),
            name TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            salt TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX actor_process ON actor(process_id)")


CORE_PERSONAL_FIELDS["actor_contact"] = ("name", "phone", "salt")


@migrations(name="0019_consultation_forms")
def m0019_consultation_forms(db: Database) -> None:
    """Paper comment forms of the public consultation, each with a QR code.

    A row is a form printed: its serial (drawn from the ballots' pool, unique in the
    process), the commitment (or the section of the plan) it was printed for, the print
    (``batch``) and the SHA-256 of the PDF written and read back. A form enters this
    register only once its PDF exists; when it comes back filled in, ``comment_id`` names
    the comment it was registered as, so that a form is registered once."""
    db.execute("""
        CREATE TABLE consultation_form (
            id TEXT PRIMARY KEY,
            consultation_id TEXT NOT NULL REFERENCES consultation(id),
            serial TEXT NOT NULL UNIQUE,
            commitment_id TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            batch TEXT NOT NULL DEFAULT '',
            pdf_sha256 TEXT NOT NULL DEFAULT '',
            comment_id TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX consultation_form_consultation ON "
               "consultation_form(consultation_id)")


@migrations(name="0020_initiatives")
def m0020_initiatives(db: Database) -> None:
    """The existing initiatives of the diagnosis (CEPAL's first report).

    An ``initiative`` is a programme, project, policy or citizen initiative already under
    way on the topic (a government programme, an NGO's project, a committee's work): its
    name, kind, who runs it (an office or an organisation, public), theme, territory,
    status, years and a note. Nothing in it is personal data."""
    db.execute("""
        CREATE TABLE initiative (
            id TEXT PRIMARY KEY,
            process_id TEXT NOT NULL REFERENCES process(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'programme',
            responsible TEXT NOT NULL DEFAULT '',
            theme TEXT NOT NULL DEFAULT '',
            territory TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'running',
            years TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX initiative_process ON initiative(process_id)")
