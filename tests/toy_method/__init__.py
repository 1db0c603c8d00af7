"""A toy participation method that lives in the tests, to prove that a method is one package.

It has two phases: the room names some colours (its own phase kind, its own
records in its own table, its own panel), then votes on those colours (the
generic vote panel, on options the method itself names). Nothing in
``cocrea_desktop`` knows it exists: a test registers it with :func:`install` and
removes it afterwards with :func:`uninstall`.
"""

from __future__ import annotations

import sys

from cocrea_desktop.core.methods import register, unregister
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

KEY = "toy_colours"

TOY = Method(
    key=KEY,
    package=__name__,
    order=900,
    title=N_("Colores (método de prueba)"),
    summary=N_("La sala nombra colores y vota por ellos."),
    vote_kind="dots",
    vote_on="own",
    option_noun="option",
    phases=(
        Phase("colours", N_("Colores"), N_("Cada quien dice un color."),
              N_("Anote cada color que se diga."), kind="toy_colours"),
        Phase("vote", N_("Votación"), N_("Cada quien reparte sus puntos entre los colores."),
              N_("Anote las boletas."), kind="vote", vote_round="vote"),
    ),
)


def install() -> Method:
    return register(TOY)


def uninstall() -> None:
    unregister(KEY)
    # Its panel too, if a screen loaded it; the next install imports it afresh.
    qt = sys.modules.pop(__name__ + ".qt", None)
    if qt is not None:
        qt.unregister()
