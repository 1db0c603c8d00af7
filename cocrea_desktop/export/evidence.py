"""What the reports and the open data are made from, read once from a process.

Each report is built from a plain snapshot (dicts and lists) read here, and
carries a short hash of the stored rows it came from (:func:`session_digest`,
:func:`process_digest`): the same data always gives the same hash, whatever the
language, so a printed report can be matched with the file it came from.
Names and contacts of people are never part of a snapshot.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates, privacy
from cocrea_desktop.core import journal as journal_core
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.methods import get_method, method_title
from cocrea_desktop.core.model import level_label, round_label, status_label
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.ballots import redirect_notes
from cocrea_desktop.i18n import _
from cocrea_desktop.store import session_events

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SHORT_HASH = 12


def session_tables(repo: Repo) -> tuple[str, ...]:
    """The tables whose rows (of one session) a session's data hash covers, read from the
    schema: every table with a ``session_id`` column. A new method's tables are covered
    the day their migration creates them, without a list here to forget them in."""
    pf = repo.pf
    names = [r["name"] for r in pf.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name")]
    return tuple(name for name in names if "session_id" in {
        r["name"] for r in pf.query(f"PRAGMA table_info({name})")})


def _rows_digest(repo: Repo, session_id: str, tables: tuple[str, ...] | None = None
                 ) -> hashlib._Hash:
    """SHA-256 of the session row and of its rows in every session table. Personal fields
    (``PERSONAL_FIELDS``: participants' names and phones, a stand's contact, a fishbowl
    group's members, their salts) are left out: the hash printed on a report must not
    depend on them, and erasing a person only changes the rows' other fields."""
    from cocrea_desktop.store.migrations import PERSONAL_FIELDS

    pf = repo.pf
    digest = hashlib.sha256()
    session = pf.row("session", session_id) or {}
    digest.update(journal_core.canonical_json(session).encode("utf-8"))
    tables = session_tables(repo) if tables is None else tables
    for table in tables:
        if table == "session_event":  # covered below, wherever each event is stored
            continue
        personal = set(PERSONAL_FIELDS.get(table, ()))
        for row in pf.query(f"SELECT * FROM {table} WHERE session_id = ? ORDER BY id",
                            [session_id]):
            row = {k: v for k, v in row.items() if k not in personal}
            digest.update(table.encode("utf-8"))
            digest.update(journal_core.canonical_json(row).encode("utf-8"))
    # The session's history (phases, timers, notice): the same on the laptop that ran it
    # and at the office that imported its bundle, whichever holds it in its journal.
    digest.update(b"session_event")
    digest.update(journal_core.canonical_json(
        session_events.digest_items(pf, session_id)).encode("utf-8"))
    # Files attached to those rows (a signed letter's scan): by their SHA-256, not content.
    for row in pf.query("SELECT id, owner_table, owner_id, file_name, media_type, sha256, "
                        "size, created_at, updated_at, device_id FROM attachment "
                        "ORDER BY id"):
        owner = row["owner_table"]
        if owner in tables and pf.scalar(f"SELECT 1 FROM {owner} WHERE id = ? AND "
                                         "session_id = ?", [row["owner_id"], session_id]):
            digest.update(b"attachment")
            digest.update(journal_core.canonical_json(row).encode("utf-8"))
    return digest


def session_digest(repo: Repo, session_id: str) -> str:
    """Short SHA-256 of the session's stored rows (people excluded), language-independent."""
    digest = _rows_digest(repo, session_id)
    process = repo.pf.query("SELECT id, name, privacy_body, privacy_notice, "
                            "privacy_full_notice_at, responsible_body FROM process LIMIT 1")
    digest.update(journal_core.canonical_json(process).encode("utf-8"))
    return digest.hexdigest()[:SHORT_HASH]


def process_digest(repo: Repo) -> str:
    """Short SHA-256 of the process row, every session's rows and the journal's head."""
    digest = hashlib.sha256()
    for row in repo.pf.query("SELECT * FROM process"):
        row = {k: v for k, v in row.items() if k != "ballot_secret"}
        digest.update(journal_core.canonical_json(row).encode("utf-8"))
    tables = session_tables(repo)
    for session in repo.sessions(include_archived=True):
        digest.update(_rows_digest(repo, session.id, tables).digest())
    head = repo.pf.scalar("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1") or ""
    digest.update(head.encode("ascii"))
    return digest.hexdigest()[:SHORT_HASH]


def local_time(iso: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC instant shown in this computer's time zone."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime(fmt)


@dataclass
class RoundResult:
    """One vote round as the reports show it."""

    round: str
    label: str
    kind: str
    mode: str
    rule_text: str
    unit: str  # the column title of the totals (the tally's ``unit.title()``)
    breadth_label: str  # its breadth's title, or "" for typed counts
    k: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    tie_breaks: list[str] = field(default_factory=list)
    near_ties: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # usage / count checks
    counted: list[dict[str, Any]] = field(default_factory=list)  # public annex
    spoiled: list[dict[str, Any]] = field(default_factory=list)
    counter: str = ""
    error: str = ""


@dataclass
class SessionSnapshot:
    process: dict[str, Any]
    session: dict[str, Any]
    ideas: list[dict[str, Any]]
    merges: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    rounds: list[RoundResult]
    relatoria: dict[str, str]
    attendance: dict[str, dict[str, int]]
    people_recorded: int
    notice_read_aloud: bool
    passes: int
    digest: str
    #: The round whose result stands (``votes.result_round``), "" before any vote.
    result_round: str = ""
    #: The warning about an optional round short of ballots ("" when none).
    result_warning: str = ""

    #: What the vote is on (``repo.votes.options_for``): option number -> its label
    #: (an idea's text, a cluster's label, a stand's project title), and their noun.
    option_labels: dict[int, str] = field(default_factory=dict)
    option_noun_key: str = "idea"
    #: Made for a public document: no facilitator's or counter's name (a method's own
    #: summary leaves its counters out too).
    public: bool = False

    @property
    def option_noun(self) -> str:
        """The options' column title: Idea, Grupo de ideas, Puesto."""
        return wording.capital(wording.NOUNS[self.option_noun_key].bare())

    def option_text(self, number: int) -> str:
        return self.option_labels.get(number, "")

    def final_round(self) -> RoundResult | None:
        """The round whose result stands (``votes.result_round``: the chosen one, else the
        last one with votes), the same round the screen, the projector and the CLI show."""
        for r in self.rounds:
            if r.round == self.result_round:
                return r
        return None


def _process_dict(repo: Repo) -> dict[str, Any]:
    p = repo.process()
    return {"id": p.id, "name": p.name, "municipality": p.municipality, "state": p.state,
            "period": p.period, "responsible_body": p.responsible_body, "place": p.place}


def session_snapshot(repo: Repo, session_id: str, *, public: bool = False) -> SessionSnapshot:
    """Everything the session's reports show. ``public``: no facilitator, no counter names."""
    s = repo.session(session_id)
    ideas = [{
        "number": i.number, "text": i.text, "round": i.round, "turn": i.turn,
        "status": i.status, "merged_into": i.merged_into_number, "absorbed": list(i.absorbed),
        "withdraw_reason": i.withdraw_reason, "group_key": i.group_key,
        "cluster": None,
    } for i in repo.ideas.list(s.id)]
    clusters = [{"number": c.number, "label": c.label, "id": c.id}
                for c in repo.ideas.clusters(s.id)]
    cluster_numbers = {c["id"]: c["number"] for c in clusters}
    for idea, stored in zip(ideas, repo.ideas.list(s.id)):
        idea["cluster"] = cluster_numbers.get(stored.cluster_id) if stored.cluster_id else None
    merges = [{"into": m.into_number, "from": list(m.from_numbers), "status": m.status}
              for m in repo.ideas.merges(s.id)]
    notes = [{"phase": n.phase, "text": n.text, "at": n.created_at}
             for n in repo.ideas.notes(s.id)]
    rounds = [_round_result(repo, s.id, r, public=public)
              for r in get_method(s.method).vote_rounds() if repo.votes.has_votes(s.id, r)]
    rel = repo.relatoria.get(s.id)
    options = repo.votes.options_for(s.id)
    session = {
        "id": s.id, "method": s.method, "method_name": method_title(s.method),
        "question": s.question, "table": s.table_label, "date": s.date, "place": s.place,
        "facilitator": "" if public else s.facilitator, "languages": s.languages,
        "interpreter": s.interpreter, "participation_level": s.participation_level,
        "participation_level_name": level_label(s.participation_level),
        "participant_count": s.participant_count, "status": s.status,
        "status_name": status_label(s.status), "title": repo.session_title(s),
    }
    return SessionSnapshot(
        process=_process_dict(repo), session=session, ideas=ideas, merges=merges,
        clusters=[{k: v for k, v in c.items() if k != "id"} for c in clusters], notes=notes,
        rounds=rounds,
        relatoria={"convergences": rel.convergences, "dissent": rel.dissent,
                   "next_steps": rel.next_steps, "notes": rel.notes},
        attendance=repo.attendance.counts(s.id),
        people_recorded=len(repo.attendance.people(s.id, include_erased=False)),
        notice_read_aloud=repo.attendance.notice_read_aloud(s.id),
        passes=repo.ideas.passes(s.id),
        digest=session_digest(repo, s.id),
        result_round=repo.votes.result_round(s.id) or "",
        result_warning=repo.votes.optional_round_warning(s.id),
        option_labels=options.labels(), option_noun_key=options.noun.key, public=public,
    )


def _round_result(repo: Repo, session_id: str, round_: str, *, public: bool) -> RoundResult:
    vr = repo.votes.round(session_id, round_)
    result = RoundResult(round=round_, label=round_label(round_), kind=vr.kind, mode=vr.mode,
                         rule_text="", unit="", breadth_label="",
                         k=vr.k if vr.kind == "ranked" else 0,
                         counter="" if public else vr.counter)
    for ballot in sorted(repo.votes.ballots(session_id, round_),
                         key=lambda b: (b.serial == "", b.serial, b.number)):
        item = {"serial": ballot.serial, "number": ballot.number,
                "marks": [list(m) for m in ballot.marks],
                "voids": [v.reason for v in ballot.voids],
                # a merged idea's number that counted for the idea that absorbed it
                "notes": redirect_notes(ballot.redirects)}
        (result.counted if ballot.status == "counted" else result.spoiled).append(item)
    try:
        tally = repo.votes.tally(session_id, round_)
    except CocreaError as err:
        result.error = err.message
        return result
    text = tally.rule_text
    if public and vr.mode == "counts" and vr.counter:
        text = text.replace(vr.counter, _("la persona designada"))
    result.rule_text = text
    result.unit, result.breadth_label = tally.unit.title(), tally.unit.breadth_title()
    for row in tally.rows:
        result.rows.append({"rank": row.rank, "option": row.option, "total": row.total,
                            "breadth": row.breadth, "distribution": list(row.distribution),
                            "total_words": row.total_words()})
    result.tie_breaks = [step.text for step in tally.tie_breaks]
    result.near_ties = [near.text for near in tally.near_ties]
    result.notes.extend(tally.notes)
    return result


# -- the acta: what the journal says happened ------------------------------------------


def timeline(repo: Repo, session_id: str) -> list[tuple[str, str]]:
    """(local time, event) for phases, timers, the notice and the first/last capture."""
    s = repo.session(session_id)
    method = get_method(s.method)

    def phase_title(key: str) -> str:
        try:
            return method.phase(key).title_text()
        except KeyError:
            return key

    events: list[tuple[str, int, str]] = []  # (instant, journal entry, what)
    # This laptop's journal and the history imported from the laptop that ran it.
    rows = session_events.events(repo.pf, s.id)
    timer_words = {
        "timer.start": _("se inició el tiempo de «{phase}» ({minutes} min)"),
        "timer.pause": _("se pausó el tiempo de «{phase}»"),
        "timer.resume": _("se reanudó el tiempo de «{phase}»"),
        "timer.add": _("se agregó tiempo a «{phase}» ({minutes} min en total)"),
        "timer.reset": _("se reinició el tiempo de «{phase}»"),
    }
    for row in rows:
        action = row["action"]
        after, before = row["after"], row["before"]
        when = row["at"]
        if row["object_type"] == "session":
            if action.startswith(("phase.", "undo:phase.", "redo:phase.")) and after and \
                    before and after.get("phase") != before.get("phase"):
                word = _("se volvió a la fase «{phase}»") if "back" in action else \
                    _("comenzó la fase «{phase}»")
                events.append((when, row["seq"],
                               word.format(phase=phase_title(after.get("phase", "")))))
            elif action == "attendance.notice_read" and after and before:
                events.append((when, row["seq"], _("se leyó en voz alta el aviso de privacidad")
                               if after.get("notice_read_aloud") else
                               _("se anotó que el aviso de privacidad no se leyó")))
        elif row["object_type"] == "timer" and action in timer_words and after:
            phase = row["object_id"].split(":", 1)[-1]
            try:
                state = json.loads(after.get("state") or "{}")
            except ValueError:
                state = {}
            minutes = (float(state.get("duration", 0)) + float(state.get("added", 0))) / 60
            events.append((when, row["seq"], timer_words[action].format(
                phase=phase_title(phase), minutes=f"{round(minutes, 1):g}")))
    first = repo.pf.query("SELECT COUNT(*) AS n FROM idea WHERE session_id = ?", [s.id])[0]
    if first["n"]:
        ends = _creations(repo, "idea", "session_id = ?", [s.id])
        events.append((*ends[0], _("se capturó la primera idea")))
        events.append((*ends[1], _("se capturó la última idea ({n} en total)")
                       .format(n=first["n"])))
    for round_ in method.vote_rounds():
        stats = repo.pf.query("SELECT COUNT(*) AS n FROM ballot WHERE session_id = ? AND "
                              "round = ?", [s.id, round_])[0]
        if stats["n"]:
            ends = _creations(repo, "ballot", "session_id = ? AND round = ?", [s.id, round_])
            events.append((*ends[0], _("{round}: primera boleta capturada")
                           .format(round=round_label(round_))))
            events.append((*ends[1], _("{round}: última boleta capturada ({n} en total)")
                           .format(round=round_label(round_), n=stats["n"])))
    # In the order they happened, to the millisecond (sorting by the minute shown put a
    # phase begun after the first idea before it), then in the journal's order (one
    # instant: a demo, a file made by a script).
    events.sort(key=lambda e: (_instant(e[0]), e[1]))
    return [(dates.format_datetime(local_time(when), "numeric"), text)
            for when, _seq, text in events]


def _creations(repo: Repo, table: str, where: str, params: list[Any]
               ) -> tuple[tuple[str, int], tuple[str, int]]:
    """(instant, journal entry) of the first and the last row of ``table`` made (``where``);
    the journal entry that made it orders rows made in the same instant."""
    ends = []
    for order in ("ASC", "DESC"):
        row = repo.pf.query(f"SELECT id, created_at FROM {table} WHERE {where} "
                            f"ORDER BY created_at {order}, rowid {order} LIMIT 1", params)[0]
        seq = repo.pf.scalar("SELECT MIN(seq) FROM journal WHERE object_type = ? AND "
                             "object_id = ?", [table, row["id"]])
        ends.append((row["created_at"], seq if seq is not None else 1 << 62))
    return ends[0], ends[1]


def _instant(iso: str) -> dt.datetime:
    """A stored UTC instant, to sort by (an unreadable one sorts first)."""
    try:
        moment = dt.datetime.fromisoformat((iso or "").replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# -- the process ------------------------------------------------------------------------


@dataclass
class ProcessSnapshot:
    process: dict[str, Any]
    privacy_body: str
    sessions: list[dict[str, Any]]
    inclusion: dict[str, dict[str, int]]
    journal_ok: bool
    journal_entries: int
    journal_head: str
    journal_bad_seq: int | None
    integrity: str
    digest: str


def process_snapshot(repo: Repo, *, progress=None) -> ProcessSnapshot:
    sessions = repo.sessions()
    items = []
    for i, s in enumerate(sessions):
        snap = session_snapshot(repo, s.id)
        final = snap.final_round()
        items.append({
            "id": s.id, "title": snap.session["title"], "question": s.question,
            "date": s.date, "place": s.place, "status_name": snap.session["status_name"],
            "method_name": snap.session["method_name"],
            "ideas": sum(1 for i_ in snap.ideas if i_["status"] == "active"),
            "ballots": sum(len(r.counted) for r in snap.rounds),
            "attendance": max(sum(c.values()) for c in snap.attendance.values())
            if snap.attendance else 0,
            "participant_count": s.participant_count,
            "top": [(row["rank"], row["option"], snap.option_text(row["option"]), row["total"],
                     final.unit) for row in final.rows[:3]] if final else [],
            "final_label": final.label if final else "",
            "digest": snap.digest,
        })
        if progress:
            progress(i + 1, len(sessions) + 1)
    report = repo.pf.verify_journal()
    body = repo.attendance.privacy().effective_body(repo.process().responsible_body)
    return ProcessSnapshot(
        process=_process_dict(repo), privacy_body=body, sessions=items,
        inclusion=repo.attendance.inclusion(), journal_ok=report.ok,
        journal_entries=report.count, journal_head=report.head,
        journal_bad_seq=report.bad_seq, integrity=repo.pf.integrity(),
        digest=process_digest(repo))


def personal_values(repo: Repo) -> list[str]:
    """Every personal value stored in the process (for the leak checks), in clear."""
    from cocrea_desktop.store.migrations import PERSONAL_FIELDS, leak_checked_fields

    pf = repo.pf
    tables = {r["name"] for r in pf.query("SELECT name FROM sqlite_master WHERE type='table'")}
    values: set[str] = set()
    wanted = {t: list(f) for t, f in PERSONAL_FIELDS.items()}
    for table, columns in leak_checked_fields().items():
        wanted.setdefault(table, [])
        wanted[table] += [c for c in columns if c not in wanted[table]]
    for table, columns in wanted.items():
        if table not in tables:
            continue
        known = {r["name"] for r in pf.query(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in known:
                continue
            for (value,) in pf.conn.execute(f"SELECT {column} FROM {table}"):
                for part in str(value or "").replace(";", ",").replace("\n", ",").split(","):
                    if part.strip():
                        values.add(part.strip())
    return sorted(values)


def attendance_total(repo: Repo, session: Any) -> int:
    """People at a session: the largest dimension of its anonymous counts (each dimension
    counts the same people, once), else the count typed with the session."""
    totals = repo.attendance.totals(session.id)
    return max(totals.values(), default=0) or session.participant_count or 0


def dimension_rows(counts: dict[str, dict[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """(dimension label, [(category label, count)]) for display."""
    return [(privacy.dimension_label(d), [(privacy.category_label(d, c), n)
                                          for c, n in cats.items()])
            for d, cats in counts.items() if cats]
