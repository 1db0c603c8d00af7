"""What the relatoría says, computed once without Qt from a session snapshot, so that
the screen and the PDF render the same words ("Fusionada en la 4").

The generic wording is here; a method adds its own through the ``report`` module of
its package (found by name, see :mod:`cocrea_desktop.methods`), which may define:

- ``RELATORIA_HEADINGS``: msgids replacing the titles of the relatoría's fields
  (convergences, dissent, next_steps, notes), for a method whose synthesis means
  something else there;
- ``idea_state(idea) -> str | None``: how an active idea stands in that method (in a
  cluster, left out of the vote...), or None for the generic wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot

#: The relatoría's fields, in order, with their generic titles (msgids).
RELATORIA_FIELDS: tuple[tuple[str, str], ...] = (
    ("convergences", N_("Convergencias")),
    ("dissent", N_("Disensos")),
    ("next_steps", N_("Próximos pasos")),
    ("notes", N_("Notas")),
)


def _report(method_key: str) -> Any:
    try:
        return get_method(method_key).module("report")
    except InvalidInput:  # an unknown method (a file from elsewhere): the generic wording
        return None


def relatoria_headings(method_key: str) -> list[tuple[str, str]]:
    """(field, translated title) of the relatoría's fields for the method ``method_key``."""
    report = _report(method_key)
    own = getattr(report, "RELATORIA_HEADINGS", {}) if report else {}
    return [(key, _(own.get(key, title))) for key, title in RELATORIA_FIELDS]


def absorbed_suffix(idea: dict[str, Any]) -> str:
    """" · reúne 3, 7" for an idea that other ideas were merged into, else ""."""
    if not idea["absorbed"]:
        return ""
    return " · " + _("reúne {numbers}").format(
        numbers=", ".join(str(n) for n in idea["absorbed"]))


def idea_state(method_key: str, idea: dict[str, Any]) -> str:
    """How an idea of the snapshot stands at the end, in the relatoría's words."""
    if idea["status"] == "merged":
        return _("Fusionada en la {number}").format(number=idea["merged_into"])
    if idea["status"] == "withdrawn":
        return _("Retirada: {reason}").format(reason=idea["withdraw_reason"])
    report = _report(method_key)
    hook = getattr(report, "idea_state", None) if report else None
    own = hook(idea) if hook else None
    if own is not None:
        return own
    return _("Vigente") + absorbed_suffix(idea)


def idea_rows(snap: SessionSnapshot) -> list[tuple[str, str, str]]:
    """(number, text as said, state) of every idea of the session, for the relatoría."""
    method_key = snap.session["method"]
    return [(str(idea["number"]), idea["text"], idea_state(method_key, idea))
            for idea in snap.ideas]
