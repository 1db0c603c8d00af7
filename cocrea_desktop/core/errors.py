"""Errors a user can cause. Each carries a message the GUI and the CLI show as is.

Messages are written in Spanish through ``_()`` when the error is raised, so
they follow the language in force.
"""

from __future__ import annotations


class CocreaError(Exception):
    """Base of every error meant for the user; ``str(err)`` is the message to show."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InvalidInput(CocreaError):
    """A value typed or imported by the user is not acceptable."""


class NotFound(CocreaError):
    """The object asked for does not exist (a wrong id, number or serial)."""


class RuleViolation(CocreaError):
    """The action breaks a rule of the method (e.g. adding an idea once voting started)."""


class StorageError(CocreaError):
    """The process file cannot be used as asked."""


class NotAProcessFile(StorageError):
    """The file is not a CoCrea process (or it is damaged beyond its header)."""


class CorruptFile(StorageError):
    """The integrity check failed."""


class NewerFileVersion(StorageError):
    """The file was written by a newer version of the program."""


class FileLocked(StorageError):
    """Another running copy of the program has the file open."""


class ReadOnlyFile(StorageError):
    """The file (or its folder) cannot be written."""


class StorageFull(StorageError):
    """The disk (or the medium) is full."""
