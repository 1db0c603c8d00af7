"""The participation methods, one package each.

A method package is everything a method is: its ``Method`` (phases, vote kind,
what it votes on) registered in :mod:`cocrea_desktop.core.methods` by the
package's ``__init__``, and beside it, by convention, the optional modules the
rest of the program looks up by name (never by importing a method by hand):

- ``store``      its own records (a ``STORE`` class, reachable as
                 ``repo.<REPO_ATTRIBUTE>``, by default ``repo.<key>``), and
                 ``options(repo, session_id, vote_on)`` when it votes on its own things
- ``migrations`` its own tables (named migrations, prefixed with the method key) and
                 their ``PERSONAL_FIELDS``
- ``report``     what its relatoría and reports add, computed without Qt
- ``room``       what the room view shows in its own phase kinds, without Qt
- ``cli``        its ``cocrea`` sub-commands
- ``demo``       ``seed(repo, session_id)``: its session of the demo process
- ``opendata``   its own open-data tables (``TABLES``, ``rows(repo, session_id)``), counts
                 only, written beside the core's
- ``qt``         its panels, registered per phase kind (the only module with Qt)

``docs/architecture.md`` ("How to add a method") walks through them.

The built-in methods are the subpackages of this package; a method living
elsewhere (the toy method of the tests) registers the same way, naming its
package in ``Method.package``.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_builtin() -> None:
    """Import every method package of this folder, so that each registers itself."""
    for info in pkgutil.iter_modules(__path__, prefix=__name__ + "."):
        if info.ispkg:
            importlib.import_module(info.name)
