"""What the product knows, as plain dataclasses (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, NewType

from cocrea_desktop.i18n import N_, _

ProcessId = NewType("ProcessId", str)
SessionId = NewType("SessionId", str)
DeviceId = NewType("DeviceId", str)

#: Session status keys and their Spanish labels (translated at display).
SESSION_STATUSES: dict[str, str] = {
    "planned": N_("Planeada"),
    "in_progress": N_("En curso"),
    "closed": N_("Concluida"),
}

#: The participation level promised to the participants (methods.md).
PARTICIPATION_LEVELS: dict[str, str] = {
    "inform": N_("Informar"),
    "consult": N_("Consultar"),
    "involve": N_("Involucrar"),
    "collaborate": N_("Colaborar"),
    "empower": N_("Empoderar"),
}


def status_label(status: str) -> str:
    return _(SESSION_STATUSES.get(status, status))


def level_label(level: str) -> str:
    return _(PARTICIPATION_LEVELS[level]) if level in PARTICIPATION_LEVELS else ""


@dataclass(frozen=True)
class Process:
    """An exercise (*ejercicio*): one process file holds exactly one."""

    id: ProcessId
    name: str
    municipality: str = ""
    state: str = ""
    period: str = ""
    responsible_body: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.municipality, self.state) if p)


#: The fields of a process a user edits.
PROCESS_FIELDS = ("name", "municipality", "state", "period", "responsible_body")


@dataclass(frozen=True)
class Session:
    """A workshop or table (*sesión / taller / mesa*) run with one method."""

    id: SessionId
    process_id: ProcessId
    method: str
    question: str
    table_label: str = ""
    date: str = ""  # ISO date, YYYY-MM-DD, or empty while not fixed
    place: str = ""
    facilitator: str = ""
    status: str = "planned"
    archived: bool = False
    position: int = 0
    languages: str = "es"
    interpreter: bool = False
    participation_level: str = "involve"
    participant_count: int = 0
    params: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    device_id: str = ""


#: The fields of a session a user edits in the session form.
SESSION_FIELDS = (
    "method", "question", "table_label", "date", "place", "facilitator", "status",
    "languages", "interpreter", "participation_level", "participant_count",
)


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
