"""What the fishbowl's relatoría says in its own words (read by ``export.session_text``)."""

from __future__ import annotations

from typing import Any

from cocrea_desktop.export.session_text import absorbed_suffix
from cocrea_desktop.i18n import N_, _

#: In a fishbowl, the synthesis sorts the themes by how many positions raised them.
RELATORIA_HEADINGS = {
    "convergences": N_("Temas que plantearon varias posturas"),
    "dissent": N_("Temas que planteó una sola postura"),
}


def idea_state(idea: dict[str, Any]) -> str:
    """An active idea is voted on through its cluster; one left out of every cluster is not."""
    if idea["cluster"] is None:
        return _("Sin grupo de ideas: no se votó")
    return _("Grupo de ideas {number}").format(number=idea["cluster"]) + absorbed_suffix(idea)
