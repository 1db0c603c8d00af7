"""The program's own settings (recent files, language), as a small JSON file.

Kept out of Qt so that the CLI and the tests share it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cocrea_desktop.core.files import write_atomically
from cocrea_desktop.store.paths import data_dir

SETTINGS_FILE = "settings.json"
MAX_RECENT = 8


@dataclass
class Settings:
    language: str = ""
    recent: list[str] = field(default_factory=list)
    backup_every_minutes: int = 10
    backups_kept: int = 10
    room_page_seconds: int = 8
    #: The method chosen last in the new-session form (offered first next time).
    last_method: str = ""

    @property
    def last_file(self) -> str | None:
        return self.recent[0] if self.recent else None

    def remember(self, path: str | os.PathLike[str]) -> None:
        text = str(Path(path).resolve())
        self.recent = [text] + [p for p in self.recent if p != text]
        del self.recent[MAX_RECENT:]

    def forget(self, path: str | os.PathLike[str]) -> None:
        text = str(Path(path).resolve())
        self.recent = [p for p in self.recent if p != text]


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def load_settings() -> Settings:
    try:
        data = json.loads(settings_path().read_text("utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {k: v for k, v in data.items() if k in Settings.__dataclass_fields__}
    try:
        return Settings(**known)
    except TypeError:
        return Settings()


def save_settings(settings: Settings) -> None:
    """Write the settings atomically (a temporary file, then rename)."""
    data = json.dumps(asdict(settings), indent=2, ensure_ascii=False).encode("utf-8")
    try:
        write_atomically(data, settings_path(), prefix=".settings-")
    except OSError:
        pass  # settings are a convenience; never fail an action because of them
