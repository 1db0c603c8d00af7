"""The fishbowl's tables: ``fishbowl_group`` and ``fishbowl_turn``.

They were created by the core's numbered migrations 0003 and 0006
(:mod:`cocrea_desktop.store.migrations`), before a method was a package, and stay
there: a file written by an older program records those names and must open as it
is. This module declares what the program needs to know of those tables (their
personal fields); a new fishbowl table would be a migration of this set, named
``fishbowl_0001_...``.
"""

from __future__ import annotations

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("fishbowl")

#: A group's optional member names: personal data, salted and kept out of the journal.
PERSONAL_FIELDS = {"fishbowl_group": ("members", "salt")}


#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "fishbowl_group": (N_("grupo de la pecera"), N_("grupos de la pecera")),
    "fishbowl_turn": (N_("turno de la pecera"), N_("turnos de la pecera")),
}
