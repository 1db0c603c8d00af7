"""This laptop's identity and the program's settings."""

from __future__ import annotations

from cocrea_desktop.store.device import load_or_create_device
from cocrea_desktop.store.settings import MAX_RECENT, load_settings, save_settings


def test_device_is_created_once_and_signs(data_dir):
    first = load_or_create_device()
    second = load_or_create_device()
    assert first == second
    assert (data_dir / "device.json").stat().st_mode & 0o077 == 0  # private to the user
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    signature = first.sign(b"manifest")
    Ed25519PublicKey.from_public_bytes(first.public_key_bytes()).verify(signature, b"manifest")
    assert len(first.fingerprint().split()) == 5


def test_recent_files_are_remembered_newest_first(tmp_path):
    settings = load_settings()
    for i in range(MAX_RECENT + 3):
        settings.remember(tmp_path / f"p{i}.cocrea.db")
    settings.remember(tmp_path / "p2.cocrea.db")
    save_settings(settings)
    again = load_settings()
    assert len(again.recent) == MAX_RECENT
    assert again.last_file.endswith("p2.cocrea.db")
    assert again.recent.count(again.last_file) == 1


def test_broken_settings_file_falls_back_to_defaults(data_dir):
    (data_dir / "settings.json").write_text("{not json", "utf-8")
    assert load_settings().recent == []
