"""One atomic file write for settings, device.json, reports and ballots (core/files.py)."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.files import write_atomically, write_temp_beside
from cocrea_desktop.store.device import load_or_create_device, set_device_name
from cocrea_desktop.store.settings import load_settings, save_settings, settings_path


def test_a_write_replaces_the_whole_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "sub" / "report.pdf"
    write_atomically(b"old", target)
    write_atomically(b"new content", target, prefix=".report-")
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.pdf"]


def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary_one(tmp_path):
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically("not bytes", target)  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_temporary_file_is_written_beside_its_target_and_synced(tmp_path):
    temp = write_temp_beside(b"pdf", tmp_path / "boletas.pdf", prefix=".ballots-",
                             suffix=".pdf.tmp")
    assert temp.parent == tmp_path and temp.name.startswith(".ballots-")
    assert temp.read_bytes() == b"pdf" and temp.stat().st_mode & 0o077 == 0


def test_settings_are_saved_even_when_a_stale_temporary_name_is_in_the_way(data_dir):
    # The settings were written through a fixed "settings.tmp": anything left under that
    # name (here a folder) made every later save fail silently.
    settings_path().with_suffix(".tmp").mkdir()
    settings = load_settings()
    settings.language = "en"
    save_settings(settings)
    assert load_settings().language == "en"


def test_the_computer_is_named_even_when_a_stale_temporary_name_is_in_the_way(data_dir):
    load_or_create_device()
    (data_dir / "device.tmp").mkdir()  # the fixed temporary name device.json was written to
    assert set_device_name("Laptop de la mesa 3").name == "Laptop de la mesa 3"
    assert load_or_create_device().name == "Laptop de la mesa 3"
    assert (data_dir / "device.json").stat().st_mode & 0o077 == 0
