"""What every user action shares: the one ``changed`` signal, the error box, ``_run``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _

T = TypeVar("T")


class ChangesBus(QObject):
    """The one signal that tells every view what changed."""

    changed = Signal(object)  # Changes


_bus: ChangesBus | None = None


def bus() -> ChangesBus:
    global _bus
    if _bus is None:
        _bus = ChangesBus()
    return _bus


def show_error(parent: QWidget | None, err: CocreaError) -> None:
    """Tell the user what went wrong, in their language; tests may replace this."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("CoCrea"), err.message,
                      QMessageBox.StandardButton.Ok, parent)
    if err.detail:
        box.setDetailedText(err.detail)
    box.exec()


def _run(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    """Run one store call; show a user error, or emit its Changes on the bus."""
    try:
        result = call()
    except CocreaError as err:
        # Looked up on the package, so that ``ops.show_error`` replaced by a test applies.
        sys.modules[__package__].show_error(parent, err)
        return None
    changes = result[1] if isinstance(result, tuple) else result
    if isinstance(changes, Changes):
        bus().changed.emit(changes)
    return result
