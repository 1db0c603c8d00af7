"""The process route and the actor map: each action is one store call, one undo step
(erasing a contact at the person's request is final)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def set_route_phase(*, parent: QWidget | None, repo: Repo, key: str,
                    **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.route.set(key, **values))


def start_route_phase(*, parent: QWidget | None, repo: Repo, key: str,
                      day: str = "") -> Changes | None:
    return _run(parent, lambda: repo.route.start(key, day))


def end_route_phase(*, parent: QWidget | None, repo: Repo, key: str,
                    day: str = "") -> Changes | None:
    return _run(parent, lambda: repo.route.end(key, day))


def set_session_route_phase(*, parent: QWidget | None, repo: Repo, session_id: str,
                            key: str) -> Changes | None:
    return _run(parent, lambda: repo.route.set_session_phase(session_id, key))


def add_actor(*, parent: QWidget | None, repo: Repo, organisation: str,
              **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.actors.add(organisation, **values))
    return result[0] if result else None


def edit_actor(*, parent: QWidget | None, repo: Repo, actor_id: str,
               **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.actors.edit(actor_id, **values))


def remove_actor(*, parent: QWidget | None, repo: Repo, actor_id: str) -> Changes | None:
    return _run(parent, lambda: repo.actors.remove(actor_id))


def erase_actor_contact(*, parent: QWidget | None, repo: Repo,
                        actor_id: str) -> Changes | None:
    return _run(parent, lambda: repo.actors.erase_contact(actor_id))


def import_actors(*, parent: QWidget | None, repo: Repo, path: str) -> int | None:
    def call():
        from cocrea_desktop.commands.csv_input import read_table

        return repo.actors.import_rows(read_table(path))

    result = _run(parent, call)
    return result[0] if result else None



def add_initiative(*, parent: QWidget | None, repo: Repo, name: str,
                   **values: Any) -> Any | None:
    result = _run(parent, lambda: repo.initiatives.add(name, **values))
    return result[0] if result else None


def edit_initiative(*, parent: QWidget | None, repo: Repo, initiative_id: str,
                    **values: Any) -> Changes | None:
    return _run(parent, lambda: repo.initiatives.edit(initiative_id, **values))


def remove_initiative(*, parent: QWidget | None, repo: Repo,
                      initiative_id: str) -> Changes | None:
    return _run(parent, lambda: repo.initiatives.remove(initiative_id))


def import_initiatives(*, parent: QWidget | None, repo: Repo, path: str) -> int | None:
    def call():
        from cocrea_desktop.commands.csv_input import read_table

        return repo.initiatives.import_rows(read_table(path))

    result = _run(parent, call)
    return result[0] if result else None
