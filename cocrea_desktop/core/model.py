"""What the product knows, as plain dataclasses (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    #: The phase the session is in (a key of its method), empty before it starts.
    phase: str = ""
    #: When the first vote was opened; from then on ideas are locked.
    voting_started_at: str = ""


#: The fields of a session a user edits in the session form.
SESSION_FIELDS = (
    "method", "question", "table_label", "date", "place", "facilitator", "status",
    "languages", "interpreter", "participation_level", "participant_count",
)


# -- running a session ---------------------------------------------------------------

IDEA_STATUSES: dict[str, str] = {
    "active": N_("Vigente"),
    "merged": N_("Fusionada"),
    "withdrawn": N_("Retirada"),
}

#: Vote rounds and their labels.
VOTE_ROUNDS: dict[str, str] = {
    "preliminary": N_("Votación preliminar"),
    "final": N_("Votación final"),
    "vote": N_("Votación"),
}


def round_msgid(round_: str) -> str:
    """The untranslated name of a voting round (for a :class:`Label`)."""
    return VOTE_ROUNDS.get(round_, round_)


def round_label(round_: str) -> str:
    return _(round_msgid(round_))


@dataclass(frozen=True)
class Idea:
    """An idea as said in the room: numbered 1..n in its session, never with an author."""

    id: str
    session_id: str
    number: int
    text: str
    round: int = 0
    turn: int = 0
    group_key: str = ""
    status: str = "active"
    merged_into: str | None = None
    withdraw_reason: str = ""
    cluster_id: str | None = None
    created_at: str = ""
    updated_at: str = ""
    #: Numbers of the ideas merged into this one (filled by the store).
    absorbed: tuple[int, ...] = ()
    #: Number of the idea this one was merged into (filled by the store).
    merged_into_number: int | None = None
    #: How the idea is shown: its number, or "A-3" when two laptops both gave number 3
    #: in this session (filled by the store; see ``store.ideas.number_labels``).
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", str(self.number))

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class MergeProposal:
    id: str
    session_id: str
    into_id: str
    from_ids: tuple[str, ...]
    status: str  # proposed | agreed | rejected | undone
    into_number: int = 0
    from_numbers: tuple[int, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """A label grouping ideas that converge (or, in a fishbowl, the options voted on)."""

    id: str
    session_id: str
    number: int
    label: str


@dataclass(frozen=True)
class Note:
    id: str
    session_id: str
    phase: str
    text: str
    created_at: str = ""


@dataclass(frozen=True)
class VoteRound:
    """How one round is voted: the kind of vote, its parameters, ballots or typed counts."""

    session_id: str
    round: str
    kind: str = "ranked"  # ranked | dots | criteria
    params: dict[str, Any] = field(default_factory=dict)
    mode: str = "ballots"  # ballots | counts
    counter: str = ""
    source: str = ""
    participants: int = 0

    @property
    def k(self) -> int:
        return int(self.params.get("k", 5))


@dataclass(frozen=True)
class VoidNote:
    entry: str
    reason: str
    amount: int = 1


@dataclass(frozen=True)
class Ballot:
    id: str
    session_id: str
    round: str
    serial: str
    entry: str
    status: str  # counted | spoiled
    marks: tuple[tuple[int, int], ...] = ()
    voids: tuple[VoidNote, ...] = ()
    created_at: str = ""
    number: int = 0  # 1..n in the order entered (filled by the store)
    # (number written, idea it counted for): entries naming a merged idea (filled by the store)
    redirects: tuple[tuple[int, int], ...] = ()

    @property
    def has_voids(self) -> bool:
        return bool(self.voids)


@dataclass(frozen=True)
class Relatoria:
    session_id: str
    convergences: str = ""
    dissent: str = ""
    next_steps: str = ""
    notes: str = ""
    updated_at: str = ""
