"""The idea fair's tables: ``fair_stand``, ``fair_authority``, ``fair_visit``,
``fair_interest`` and ``fair_letter``.

They were created by the core's numbered migrations 0003 and 0004
(:mod:`cocrea_desktop.store.migrations`), before a method was a package, and stay
there: a file written by an older program records those names and must open as it
is. This module declares what the program needs to know of those tables (their
personal fields, the names the open data must never publish); a new fair table would
be a migration of this set, named ``idea_fair_0001_...``.
"""

from __future__ import annotations

from cocrea_desktop.i18n import N_
from cocrea_desktop.store.migrations import method_migrations

migrations = method_migrations("idea_fair")

#: A stand's contact person: personal data, salted and kept out of the journal.
PERSONAL_FIELDS = {"fair_stand": ("contact_name", "contact_phone", "salt")}

#: Names written in clear (an authority, who follows a letter up, its witness): the
#: open-data export checks that none of them is published.
LEAK_CHECKED_FIELDS = {"fair_authority": ("name",),
                       "fair_letter": ("follow_up_contact", "witness", "responsible")}


#: What a person calls the rows of this method's tables (singular, plural).
RECORD_NOUNS = {
    "fair_stand": (N_("puesto de la feria"), N_("puestos de la feria")),
    "fair_visit": (N_("visita a un puesto"), N_("visitas a los puestos")),
    "fair_interest": (N_("interés en un puesto"), N_("intereses en los puestos")),
    "fair_authority": (N_("autoridad de la feria"), N_("autoridades de la feria")),
    "fair_letter": (N_("carta de la feria"), N_("cartas de la feria")),
}
