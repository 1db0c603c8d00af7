"""Signed bundles (``*.cocrea``): export, verify, import/merge, safe writing to a USB stick.

A bundle is a standard zip (see ``docs/bundle-format.md``): ``manifest.json``
(what it is, who made it, every other file with its size and SHA-256),
``manifest.sig`` (a detached Ed25519 signature over the exact manifest bytes),
one JSON Lines file per table under ``data/``, the journal (``journal.jsonl``),
and, when the process has an office key, the personal fields sealed to it
(``sealed/personal.jsonl.sealed``).

Reading never trusts the file: every limit and check runs before anything is
parsed as data, and nothing is written until the bundle fully verified.

The package, one job per module:

* ``format``: names, versions, limits, the typed errors, file names;
* ``container``: the one deterministic zip layout;
* ``build``: making a bundle from a snapshot of the process file;
* ``verify``: reading untrusted input (hostile zips, the signature, hashes, the chain);
* ``importing``: the import preview and the all-or-nothing merge;
* ``media``: writing to removable media safely.

Every public name is re-exported here, so ``from cocrea_desktop.export import bundle``
keeps working.
"""

from __future__ import annotations

import os  # noqa: F401  (tests patch ``bundle.os.open``)

from cocrea_desktop.export.bundle.build import ExportResult, export_bundle
from cocrea_desktop.export.bundle.container import _zip
from cocrea_desktop.export.bundle.format import (
    DATA_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    JOURNAL,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_SIGNATURE_BYTES,
    MAX_TOTAL_BYTES,
    MIN_FORMAT_VERSION,
    PERSONAL_CLEAR,
    PERSONAL_OMITTED,
    PERSONAL_SEALED,
    SEALED,
    SIGNATURE,
    SUFFIX,
    BundleError,
    BundleRejected,
    MediaError,
    MediaFull,
    MediaReadOnly,
    NewerBundleFormat,
    OtherProcess,
    UntrustedKey,
    bundle_file_name,
)
from cocrea_desktop.export.bundle.importing import (
    MAX_ID_CHARS,
    MAX_INTEGER,
    MAX_TEXT_CHARS,
    ImportPreview,
    ImportResult,
    PastImport,
    check_bundles,
    import_bundle,
    import_bundles,
    new_process_from_bundle,
    preview_import,
    recognise_imported,
    validate_rows,
)
from cocrea_desktop.export.bundle.media import export_to, write_bundle_file
from cocrea_desktop.export.bundle.verify import (
    Bundle,
    VerifyReport,
    _verify_chain,
    load_bundle,
    open_bundle,
    read_bundle_file,
    verify_bundle,
)

__all__ = [
    "DATA_PREFIX", "FORMAT", "FORMAT_VERSION", "JOURNAL", "MANIFEST", "MAX_BUNDLE_BYTES",
    "MAX_ENTRIES", "MAX_ENTRY_BYTES", "MAX_ID_CHARS", "MAX_INTEGER", "MAX_MANIFEST_BYTES",
    "MAX_RATIO", "MAX_SIGNATURE_BYTES", "MAX_TEXT_CHARS", "MAX_TOTAL_BYTES",
    "MIN_FORMAT_VERSION", "PERSONAL_CLEAR", "PERSONAL_OMITTED", "PERSONAL_SEALED", "SEALED",
    "SIGNATURE", "SUFFIX", "Bundle", "BundleError", "BundleRejected", "ExportResult",
    "ImportPreview", "ImportResult", "PastImport", "MediaError", "MediaFull", "MediaReadOnly",
    "NewerBundleFormat", "OtherProcess", "UntrustedKey", "VerifyReport", "_verify_chain", "_zip",
    "bundle_file_name", "check_bundles", "export_bundle", "export_to", "import_bundle",
    "import_bundles", "load_bundle", "new_process_from_bundle", "open_bundle", "preview_import",
    "read_bundle_file", "recognise_imported", "validate_rows", "verify_bundle", "write_bundle_file",
]
