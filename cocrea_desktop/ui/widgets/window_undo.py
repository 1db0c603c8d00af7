"""«Deshacer» in an office window (proposals, route, actors...): it takes back only what was
done in that window.

The undo stack is one per file, so the window's button undid the last action of any window
(a commitment saved in the plan, a report written in a session) without a word. Now it
undoes the last action only when it is one of the window's own; otherwise it is off and
its tooltip says where that action was undone (Editar › Deshacer of the main window).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from cocrea_desktop.i18n import _


def own_undo(repo, actions: tuple[str, ...]) -> str | None:
    """The label of the action the next undo takes back, when this window did it (its kind
    starts with one of ``actions``, e.g. ``("proposal.",)``); else None."""
    if repo is None or repo.closed or repo.read_only:
        return None
    label, action = repo.undo_label(), repo.undo_action()
    if not label or action is None or not action.startswith(actions):
        return None
    return label


def show_undo(button: QAbstractButton, repo, actions: tuple[str, ...]) -> None:
    """Enable ``button`` for this window's own last action and say in its tooltip what it
    undoes, or why it is off."""
    label = own_undo(repo, actions)
    button.setEnabled(label is not None)
    other = None if label or repo is None or repo.closed else repo.undo_label()
    if label:
        button.setToolTip(_("Deshacer: {action}").format(action=label))
    elif other:
        button.setToolTip(_("La última acción se hizo en otra ventana ({action}): deshágala "
                            "con Editar › Deshacer de la ventana principal.").format(
            action=other))
    else:
        button.setToolTip("")
