"""The bundle format: names, versions, limits, the typed errors, file names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from cocrea_desktop.core.errors import InvalidInput, StorageError
from cocrea_desktop.store import merge

FORMAT = "cocrea-bundle"
FORMAT_VERSION = 4
#: In a version 4 journal, the ``after`` of an insert whose image is, character for
#: character, the row's line in ``data/<object_type>.jsonl``.
DATA_IMAGE = "$data"
#: The oldest format this program reads: version 1 did not state its journal's length and
#: last hash in the signed manifest, so a journal cut short could not be told apart.
MIN_FORMAT_VERSION = 2
SUFFIX = ".cocrea"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
JOURNAL = "journal.jsonl"
SEALED = "sealed/personal.jsonl.sealed"
DATA_PREFIX = "data/"

PERSONAL_SEALED = "sealed"
PERSONAL_OMITTED = "omitted"
PERSONAL_CLEAR = "clear"

# Limits on what a bundle may hold (far above a real process: 40 sessions,
# 2,000 ideas and 20,000 marks make about 15 MB uncompressed).
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 500
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 768 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIGNATURE_BYTES = 256
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MiB

_TABLE_FILE = re.compile(r"^data/([a-z][a-z0-9_]{0,62})\.jsonl$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


# -- errors -------------------------------------------------------------------------
class BundleError(InvalidInput):
    """A bundle that cannot be used; ``check`` names the check, ``file`` the file."""

    def __init__(self, message: str, *, check: str = "", file: str = "",
                 detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.check = check
        self.file = file


class BundleRejected(BundleError):
    """The bundle failed verification: damaged, altered, hostile or not a bundle."""


class NewerBundleFormat(BundleRejected):
    """The bundle was written in a format version this program does not know."""


class UntrustedKey(BundleError):
    """The bundle is intact but its key is new (not yet accepted) or revoked."""

    def __init__(self, message: str, *, fingerprint: str, revoked: bool) -> None:
        super().__init__(message, check="key")
        self.fingerprint = fingerprint
        self.revoked = revoked


class OtherProcess(BundleError):
    """The bundle belongs to another process than the one open."""


class MediaError(StorageError):
    """The bundle could not be written safely to the chosen place."""


class MediaFull(MediaError):
    pass


class MediaReadOnly(MediaError):
    pass


def _reject(check: str, message: str, file: str = "", cls: type = BundleRejected, *,
            detail: str | None = None) -> BundleError:
    return cls(message, check=check, file=file, detail=detail)



def _jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    return "".join(merge.canonical(r) + "\n" for r in rows).encode("utf-8")


def _slug(text: str, fallback: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    return plain[:40] or fallback


def bundle_file_name(municipality: str, created_at: str, device_name: str) -> str:
    """``<municipio>_<fecha>_<dispositivo>.cocrea``, in plain ASCII for any stick."""
    return "{m}_{d}_{p}{suffix}".format(
        m=_slug(municipality, "proceso"), d=(created_at[:10] or "sin-fecha"),
        p=_slug(device_name, "equipo"), suffix=SUFFIX)
