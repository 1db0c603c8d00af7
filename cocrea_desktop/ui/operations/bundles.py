"""Bundles brought from other laptops: merging them, deciding conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run, bus


def import_bundle(*, parent: QWidget | None, repo: Repo, bundle: Any, accept_key: bool = False,
                  office_key: Any = None) -> Any | None:
    """Merge one verified bundle (export.bundle.Bundle); returns its ImportResult."""
    from cocrea_desktop.export.bundle import import_bundle as merge_bundle

    result = _run(parent, lambda: merge_bundle(repo.pf, bundle, accept_key=accept_key,
                                               office_key=office_key))
    if result is not None and result.changes is not None:
        bus().changed.emit(result.changes)
    return result


def import_bundles(*, parent: QWidget | None, repo: Repo, bundles: list[Any],
                   accepted: list[str] = (), office_key: Any = None) -> list[Any] | None:
    """Merge verified bundles all or nothing (one transaction); returns their ImportResults."""
    from cocrea_desktop.export.bundle import import_bundles as merge_bundles

    results = _run(parent, lambda: merge_bundles(repo.pf, bundles, accepted=accepted,
                                                 office_key=office_key))
    if results:
        changes = next((r.changes for r in results if r.changes is not None), None)
        if changes is not None:
            bus().changed.emit(changes)
    return results


def resolve_conflict(*, parent: QWidget | None, repo: Repo, conflict_id: str,
                     choice: str) -> Changes | None:
    from cocrea_desktop.store.merge import resolve_conflict as decide

    return _run(parent, lambda: decide(repo.pf, conflict_id, choice))
