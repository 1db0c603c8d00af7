"""This computer's settings (its name, carried by its bundles)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cocrea_desktop.store.device import Device, set_device_name
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run


def name_device(*, parent: QWidget | None, repo: Repo | None, name: str) -> Device | None:
    """Name this computer (device.json); the open process's bundles carry the new name."""
    device = _run(parent, lambda: set_device_name(name))
    if device is not None and repo is not None and repo.pf.device.id == device.id:
        repo.pf.device = device
    return device
