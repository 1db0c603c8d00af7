"""Citizens' jury (*jurado ciudadano*): the pool of volunteers, the quotas, the public
draw and its replacements, the witnesses heard, the deliberation and its
recommendations.

A volunteer's name and contact are personal data (salted, only their HMAC enters the
journal), registered with their consent after the privacy notice, as the attendance
list. The draw itself is computed by :mod:`.draw` (outside any transaction, in a child
process) and recorded here in one transaction: the dice, the seed, the quotas, every
volunteer's probability, the panel and the replacement order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import privacy
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.jury import draw as lottery
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

REPO_ATTRIBUTE = "jury"

#: The features every pool records, with their Spanish titles (others may be added).
BASE_FEATURES: dict[str, str] = {
    "comunidad": N_("Comunidad"),
    "sexo": N_("Sexo"),
    "edad": N_("Grupo de edad"),
}

AGREEMENTS: dict[str, str] = {
    "consensus": N_("Consenso"),
    "support": N_("Sin consenso: nivel de apoyo"),
}

STATUSES: dict[str, str] = {
    "pool": N_("En la bolsa"),
    "panel": N_("En el jurado"),
    "replacement": N_("Suplente"),
    "withdrawn": N_("Se retiró"),
}

TABLES = ("jury_volunteer", "jury_quota", "jury_draw", "jury_swap", "jury_witness",
          "jury_note", "jury_recommendation", "session")


@dataclass(frozen=True)
class Volunteer:
    id: str
    session_id: str
    number: int
    name: str
    contact: str
    features: dict[str, str]
    consent: bool
    status: str
    erased: bool = False

    @property
    def key(self) -> str:
        return str(self.number)


@dataclass(frozen=True)
class QuotaRow:
    id: str
    feature: str
    value: str
    min: int
    max: int


@dataclass(frozen=True)
class DrawRecord:
    session_id: str
    size: int
    dice: str
    witnesses: str
    seed: int
    algorithm: str
    quotas: list[dict[str, Any]]
    probabilities: dict[str, float]
    panel: list[int]
    replacements: list[int]
    created_at: str


@dataclass(frozen=True)
class Swap:
    position: int
    withdrawn: int
    replacement: int
    reason: str
    created_at: str


@dataclass(frozen=True)
class Witness:
    id: str
    number: int
    name: str
    role: str
    summary: str
    documents: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    id: str
    number: int
    text: str
    created_at: str


@dataclass(frozen=True)
class Recommendation:
    id: str
    number: int
    text: str
    agreement: str
    support: int
    against: int
    abstain: int

    def agreement_text(self) -> str:
        if self.agreement == "consensus":
            return _("Consenso")
        voters = self.support + self.against + self.abstain
        share = round(100 * self.support / voters) if voters else 0
        return _("Apoyo de {support} de {voters} ({share} %); en contra {against}; "
                 "se abstienen {abstain}").format(support=self.support, voters=voters,
                                                  share=share, against=self.against,
                                                  abstain=self.abstain)


def _clean_text(value: str) -> str:
    return " ".join(str(value or "").split())


def _clean_feature(value: str) -> str:
    return _clean_text(value)[:60]


class JuryStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- the pool ---------------------------------------------------------------------
    def volunteers(self, session_id: str) -> list[Volunteer]:
        rows = self.pf.query("SELECT * FROM jury_volunteer WHERE session_id = ? ORDER BY number",
                             [session_id])
        return [self._volunteer(r) for r in rows]

    def volunteer(self, volunteer_id: str) -> Volunteer:
        row = self.pf.row("jury_volunteer", volunteer_id)
        if row is None:
            raise NotFound(_("No existe esa persona voluntaria."))
        return self._volunteer(row)

    def volunteer_by_number(self, session_id: str, number: int) -> Volunteer:
        for v in self.volunteers(session_id):
            if v.number == int(number):
                return v
        raise NotFound(_("No hay una persona voluntaria con el número {number}.").format(
            number=number))

    @staticmethod
    def _volunteer(row: dict[str, Any]) -> Volunteer:
        return Volunteer(row["id"], row["session_id"], row["number"], row["name"],
                         row["contact"], json.loads(row["features"] or "{}"),
                         bool(row["consent"]), row["status"], bool(row["erased"]))

    def feature_names(self, session_id: str) -> list[str]:
        """The base features, then every other one a volunteer or a quota names."""
        names = list(BASE_FEATURES)
        for v in self.volunteers(session_id):
            names += [f for f in v.features if f not in names]
        for q in self.quotas(session_id):
            if q.feature not in names:
                names.append(q.feature)
        return names

    def add_volunteer(self, session_id: str, *, name: str, contact: str = "",
                      features: dict[str, str], consent: bool) -> tuple[Volunteer, Changes]:
        """Register a volunteer for the draw; only with their consent after the notice."""
        session = self.repo.session(session_id)
        if not consent:
            raise InvalidInput(_("Solo se registra a quien, después de escuchar el aviso de "
                                 "privacidad, acepta entrar al sorteo."))
        name = privacy.clean_person_name(name)
        if not name:
            raise InvalidInput(_("Escriba el nombre de la persona voluntaria."))
        contact = _clean_text(contact)[:80]
        clean = {_clean_feature(k): _clean_feature(v) for k, v in features.items()
                 if _clean_feature(k)}
        missing = [_(title) for key, title in BASE_FEATURES.items() if not clean.get(key)]
        if missing:
            raise InvalidInput(_("Falta: {fields}.").format(fields=", ".join(missing)))
        self._check_not_drawn(session.id)
        number = (self.pf.scalar("SELECT MAX(number) FROM jury_volunteer WHERE session_id = ?",
                                 [session.id]) or 0) + 1
        with self.pf.write("jury.volunteer_add", Label(
                N_("registrar a la persona voluntaria {number}"), number=number)) as unit:
            vid = unit.insert("jury_volunteer", {
                "id": new_id(), "session_id": session.id, "number": number, "name": name,
                "contact": contact, "features": json.dumps(clean, ensure_ascii=False,
                                                           sort_keys=True),
                "consent": True, "status": "pool", "erased": False,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return self.volunteer(vid), unit.changes().made(session_id=session.id, created=vid,
                                                        created_kind="jury_volunteer")

    def remove_volunteer(self, volunteer_id: str) -> Changes:
        """Erase a volunteer's name and contact at their request (ARCO). Before the draw
        they also leave the pool; after it their number, features and place stay, so that
        the draw can still be checked. Final, not undoable."""
        v = self.volunteer(volunteer_id)
        if v.erased:
            raise RuleViolation(_("Los datos de esta persona ya se borraron."))
        drawn = self.record(v.session_id) is not None
        values: dict[str, Any] = {"name": "", "contact": "", "erased": True, "salt": ""}
        if not drawn:
            values["status"] = "withdrawn"
        with self.pf.write("jury.volunteer_remove", Label(
                N_("borrar los datos de la persona voluntaria {number}"), number=v.number),
                undoable=False) as unit:
            unit.update("jury_volunteer", v.id, values, stamp=True)
        for stack in (self.pf.undo_stack, self.pf.redo_stack):  # the old values in memory
            stack[:] = [step for step in stack
                        if not any(op.id == v.id for op in getattr(step, "ops", ()))]
        return Changes(label=unit.changes().label, tables=unit.changes().tables,
                       ids=unit.changes().ids, undoable=False)

    def _check_not_drawn(self, session_id: str) -> None:
        if self.pf.scalar("SELECT 1 FROM jury_draw WHERE session_id = ?", [session_id]):
            raise RuleViolation(_("El sorteo ya se hizo: la bolsa y las cuotas ya no cambian."))

    # -- quotas -----------------------------------------------------------------------
    def quotas(self, session_id: str) -> list[QuotaRow]:
        rows = self.pf.query("SELECT * FROM jury_quota WHERE session_id = ? "
                             "ORDER BY feature, value", [session_id])
        return [QuotaRow(r["id"], r["feature"], r["value"], r["min"], r["max"]) for r in rows]

    def set_quota(self, session_id: str, feature: str, value: str, minimum: int,
                  maximum: int) -> Changes:
        """Set (or change) the quota of one value of one feature: at least and at most."""
        feature, value = _clean_feature(feature), _clean_feature(value)
        if not feature or not value:
            raise InvalidInput(_("Cada cuota necesita una característica y un valor."))
        try:
            minimum, maximum = int(minimum), int(maximum)
        except (TypeError, ValueError) as err:
            raise InvalidInput(_("El mínimo y el máximo deben ser números enteros.")) from err
        if minimum < 0 or maximum < minimum:
            raise InvalidInput(_("La cuota de «{feature}: {value}» no es válida: el mínimo "
                                 "({low}) no puede ser mayor que el máximo ({high}).").format(
                feature=feature, value=value, low=minimum, high=maximum))
        self._check_not_drawn(session_id)
        existing = self.pf.query("SELECT id FROM jury_quota WHERE session_id = ? AND feature = ? "
                                 "AND value = ?", [session_id, feature, value])
        label = Label(N_("fijar la cuota «{feature}: {value}»"), feature=feature, value=value)
        with self.pf.write("jury.quota_set", label) as unit:
            if existing:
                unit.update("jury_quota", existing[0]["id"], {"min": minimum, "max": maximum},
                            stamp=True)
            else:
                unit.insert("jury_quota", {
                    "id": new_id(), "session_id": session_id, "feature": feature,
                    "value": value, "min": minimum, "max": maximum, "created_at": unit.at,
                    "updated_at": unit.at, "device_id": self.pf.device.id})
        return unit.changes().made(session_id=session_id)

    def remove_quota(self, quota_id: str) -> Changes:
        row = self.pf.row("jury_quota", quota_id)
        if row is None:
            raise NotFound(_("No existe esa cuota."))
        self._check_not_drawn(row["session_id"])
        with self.pf.write("jury.quota_remove", Label(
                N_("quitar la cuota «{feature}: {value}»"), feature=row["feature"],
                value=row["value"])) as unit:
            unit.restore("jury_quota", quota_id, row, None)
        return unit.changes().made(session_id=row["session_id"])

    # -- the draw ---------------------------------------------------------------------
    def draw_input(self, session_id: str, size: int, dice: str) -> lottery.DrawInput:
        """What the draw depends on, read from the file (checked, in Spanish)."""
        seed, _text = lottery.seed_from_dice(lottery.parse_dice(dice))
        pool = {v.key: dict(v.features) for v in self.volunteers(session_id)
                if not v.erased and v.status != "withdrawn"}
        quotas = tuple(lottery.Quota(q.feature, q.value, q.min, q.max)
                       for q in self.quotas(session_id))
        if not quotas:
            raise RuleViolation(_("Fije las cuotas antes del sorteo."))
        data = lottery.DrawInput(pool, quotas, int(size), seed)
        lottery.check_quotas(data.volunteers, data.quotas, data.size)
        return data

    def record(self, session_id: str) -> DrawRecord | None:
        row = self.pf.row("jury_draw", f"{session_id}:draw")
        if row is None:
            return None
        return DrawRecord(session_id, row["size"], row["dice"], row["witnesses"],
                          int(row["seed"]), row["algorithm"], json.loads(row["quotas"]),
                          json.loads(row["probabilities"]), json.loads(row["panel"]),
                          json.loads(row["replacements"]), row["created_at"])

    def draw(self, session_id: str, *, size: int, dice: str, witnesses: str,
             progress: Callable[[str], None] | None = None
             ) -> tuple[DrawRecord, Changes]:
        """Run the draw (slow: call it off the GUI thread) and record it."""
        data = self.prepare_draw(session_id, size=size, dice=dice, witnesses=witnesses)
        result = lottery.run_draw(data, progress=progress)
        return self.save_draw(session_id, data, result, dice=dice, witnesses=witnesses)

    def prepare_draw(self, session_id: str, *, size: int, dice: str,
                     witnesses: str) -> lottery.DrawInput:
        """Every check a draw needs before it runs, so that bad input changes nothing."""
        self._check_not_drawn(session_id)
        if len(_clean_text(witnesses)) < 3:
            raise InvalidInput(_("Anote a los testigos que presenciaron las tiradas de los dados."))
        return self.draw_input(session_id, size, dice)

    def save_draw(self, session_id: str, data: lottery.DrawInput, result: lottery.DrawResult,
                  *, dice: str, witnesses: str) -> tuple[DrawRecord, Changes]:
        self._check_not_drawn(session_id)
        _seed, dice_text = lottery.seed_from_dice(lottery.parse_dice(dice))
        by_key = {v.key: v for v in self.volunteers(session_id)}
        panel = sorted(int(k) for k in result.panel)
        replacements = [int(k) for k in result.replacements]
        # A public draw is final: it is not undone (a new one could suit someone better).
        with self.pf.write("jury.draw", Label(N_("sortear el jurado")),
                           undoable=False) as unit:
            unit.insert("jury_draw", {
                "id": f"{session_id}:draw", "session_id": session_id, "size": data.size,
                "dice": dice_text, "witnesses": _clean_text(witnesses)[:300],
                "seed": str(result.seed), "algorithm": result.algorithm,
                "quotas": json.dumps([q.__dict__ for q in data.quotas], ensure_ascii=False),
                "probabilities": json.dumps(
                    {k: round(p, 6) for k, p in sorted(result.probabilities.items(),
                                                       key=lambda kv: int(kv[0]))}),
                "panel": json.dumps(panel), "replacements": json.dumps(replacements),
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
            unit.update_many("jury_volunteer", [
                (by_key[str(n)].id, {"status": "panel", "updated_at": unit.at}) for n in panel]
                + [(by_key[str(n)].id, {"status": "replacement", "updated_at": unit.at})
                   for n in replacements])
        self._forget_pool_steps(session_id)
        changes = unit.changes().made(session_id=session_id)
        return self.record(session_id), Changes(
            label=changes.label, tables=changes.tables, ids=changes.ids, undoable=False,
            session_id=session_id)

    def _forget_pool_steps(self, session_id: str) -> None:
        """After the draw, the pool and the quotas it was drawn from cannot be undone, nor the
        session's creation (which would take the draw with it)."""
        rows = {r["id"] for table in ("jury_volunteer", "jury_quota")
                for r in self.pf.query(f"SELECT id FROM {table} WHERE session_id = ?",
                                       [session_id])}
        for stack in (self.pf.undo_stack, self.pf.redo_stack):
            stack[:] = [step for step in stack
                        if not any((op.table in ("jury_volunteer", "jury_quota")
                                    and op.id in rows)
                                   or (op.table == "session" and op.id == session_id)
                                   for op in step.ops)]

    def swaps(self, session_id: str) -> list[Swap]:
        rows = self.pf.query("SELECT * FROM jury_swap WHERE session_id = ? ORDER BY position",
                             [session_id])
        return [Swap(r["position"], r["withdrawn"], r["replacement"], r["reason"],
                     r["created_at"]) for r in rows]

    def panel(self, session_id: str) -> list[Volunteer]:
        """The jury as it stands: the panel drawn with each replacement made."""
        record = self.record(session_id)
        if record is None:
            return []
        numbers = list(record.panel)
        for swap in self.swaps(session_id):
            numbers[numbers.index(swap.withdrawn)] = swap.replacement
        by_number = {v.number: v for v in self.volunteers(session_id)}
        return [by_number[n] for n in numbers]

    def replace(self, session_id: str, number: int, *, reason: str = ""
                ) -> tuple[Volunteer, Changes]:
        """A jury member withdraws: the next volunteer in the drawn order whose entry keeps
        every quota takes the place. Refused (in Spanish) when nobody can."""
        record = self.record(session_id)
        if record is None:
            raise RuleViolation(_("Aún no hay sorteo."))
        panel = self.panel(session_id)
        leaving = next((v for v in panel if v.number == int(number)), None)
        if leaving is None:
            raise NotFound(_("La persona {number} no está en el jurado.").format(number=number))
        used = {s.replacement for s in self.swaps(session_id)}
        by_number = {v.number: v for v in self.volunteers(session_id)}
        staying = [v for v in panel if v.number != leaving.number]
        quotas = [lottery.Quota(**q) for q in record.quotas]
        chosen = None
        for n in record.replacements:
            candidate = by_number.get(n)
            if n in used or candidate is None or candidate.erased:
                continue
            if _meets(staying + [candidate], quotas):
                chosen = candidate
                break
        if chosen is None:
            raise RuleViolation(_("Ninguna persona suplente mantiene las cuotas si se retira "
                                  "la persona {number}.").format(number=leaving.number))
        position = (self.pf.scalar("SELECT MAX(position) FROM jury_swap WHERE session_id = ?",
                                   [session_id]) or 0) + 1
        with self.pf.write("jury.replace", Label(
                N_("reemplazar a la persona {number} del jurado"),
                number=leaving.number)) as unit:
            unit.insert("jury_swap", {
                "id": f"{session_id}:swap:{position}", "session_id": session_id,
                "position": position, "withdrawn": leaving.number,
                "replacement": chosen.number, "reason": _clean_text(reason)[:200],
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
            unit.update("jury_volunteer", leaving.id, {"status": "withdrawn"}, stamp=True)
            unit.update("jury_volunteer", chosen.id, {"status": "panel"}, stamp=True)
        return self.volunteer(chosen.id), unit.changes().made(session_id=session_id)

    # -- witnesses --------------------------------------------------------------------
    def witnesses(self, session_id: str) -> list[Witness]:
        rows = self.pf.query("SELECT * FROM jury_witness WHERE session_id = ? ORDER BY number",
                             [session_id])
        return [Witness(r["id"], r["number"], r["name"], r["role"], r["summary"],
                        json.loads(r["documents"] or "[]")) for r in rows]

    def add_witness(self, session_id: str, *, name: str, role: str, summary: str,
                    documents: list[str | Path] = ()) -> tuple[Witness, Changes]:
        """A witness heard: name, role, what they said; each document's SHA-256."""
        name, role = _clean_text(name)[:120], _clean_text(role)[:160]
        summary = str(summary or "").strip()[:4000]
        if not name:
            raise InvalidInput(_("Escriba el nombre de quien da su testimonio."))
        if not role:
            raise InvalidInput(_("Escriba el cargo o el papel de quien da su testimonio."))
        docs = []
        for doc in documents:
            path = Path(doc)
            try:
                content = path.read_bytes()
            except OSError as err:
                raise InvalidInput(_("No se pudo leer el documento «{name}».").format(
                    name=path.name)) from err
            docs.append({"name": path.name, "sha256": hashlib.sha256(content).hexdigest(),
                         "size": str(len(content))})
        self.repo.session(session_id)
        number = (self.pf.scalar("SELECT MAX(number) FROM jury_witness WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("jury.witness_add", Label(N_("anotar el testimonio de «{name}»"),
                                                     name=name)) as unit:
            wid = unit.insert("jury_witness", {
                "id": new_id(), "session_id": session_id, "number": number, "name": name,
                "role": role, "summary": summary,
                "documents": json.dumps(docs, ensure_ascii=False),
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        witness = next(w for w in self.witnesses(session_id) if w.id == wid)
        return witness, unit.changes().made(session_id=session_id, created=wid,
                                            created_kind="jury_witness")

    # -- deliberation -----------------------------------------------------------------
    def notes(self, session_id: str) -> list[Note]:
        rows = self.pf.query("SELECT * FROM jury_note WHERE session_id = ? ORDER BY number",
                             [session_id])
        return [Note(r["id"], r["number"], r["text"], r["created_at"]) for r in rows]

    def add_note(self, session_id: str, text: str) -> Changes:
        text = str(text or "").strip()[:4000]
        if not text:
            raise InvalidInput(_("La nota está vacía."))
        self.repo.session(session_id)
        number = (self.pf.scalar("SELECT MAX(number) FROM jury_note WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("jury.note_add", Label(N_("anotar la deliberación"))) as unit:
            unit.insert("jury_note", {
                "id": new_id(), "session_id": session_id, "number": number, "text": text,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return unit.changes().made(session_id=session_id)

    def recommendations(self, session_id: str) -> list[Recommendation]:
        rows = self.pf.query("SELECT * FROM jury_recommendation WHERE session_id = ? "
                             "ORDER BY number", [session_id])
        return [Recommendation(r["id"], r["number"], r["text"], r["agreement"], r["support"],
                               r["against"], r["abstain"]) for r in rows]

    def add_recommendation(self, session_id: str, *, text: str, agreement: str = "consensus",
                           support: int = 0, against: int = 0, abstain: int = 0
                           ) -> tuple[Recommendation, Changes]:
        """A recommendation with the jury's agreement: consensus, or its level of support."""
        text = str(text or "").strip()[:2000]
        if not text:
            raise InvalidInput(_("Escriba la recomendación."))
        if agreement not in AGREEMENTS:
            raise InvalidInput(_("El acuerdo debe ser «consenso» o «nivel de apoyo»."))
        try:
            support, against, abstain = int(support), int(against), int(abstain)
        except (TypeError, ValueError) as err:
            raise InvalidInput(_("Los apoyos deben ser números enteros.")) from err
        if min(support, against, abstain) < 0:
            raise InvalidInput(_("Los apoyos no pueden ser negativos."))
        members = len(self.panel(session_id))
        if agreement == "consensus":
            support, against, abstain = members, 0, 0
        else:
            if support + against + abstain == 0:
                raise InvalidInput(_("Sin consenso, anote cuántas personas del jurado la "
                                     "apoyan, cuántas no y cuántas se abstienen."))
            if members and support + against + abstain > members:
                raise InvalidInput(_("Apoyos, votos en contra y abstenciones suman {total}, "
                                     "más que las {members} personas del jurado.").format(
                    total=support + against + abstain, members=members))
        number = (self.pf.scalar("SELECT MAX(number) FROM jury_recommendation "
                                 "WHERE session_id = ?", [session_id]) or 0) + 1
        with self.pf.write("jury.recommendation_add", Label(
                N_("anotar la recomendación {number}"), number=number)) as unit:
            rid = unit.insert("jury_recommendation", {
                "id": new_id(), "session_id": session_id, "number": number, "text": text,
                "agreement": agreement, "support": support, "against": against,
                "abstain": abstain, "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        rec = next(r for r in self.recommendations(session_id) if r.id == rid)
        return rec, unit.changes().made(session_id=session_id, created=rid,
                                        created_kind="jury_recommendation")

    # -- counts (open data, reports) --------------------------------------------------
    def counts(self, session_id: str) -> dict[str, dict[str, int]]:
        """Counts only: the pool and the jury by feature value; witnesses, recommendations."""
        out: dict[str, dict[str, int]] = {}
        pool = [v for v in self.volunteers(session_id) if not v.erased]
        panel = self.panel(session_id)
        for group, people in (("pool", pool), ("panel", panel)):
            for v in people:
                for feature, value in v.features.items():
                    key = f"{group}:{feature}"
                    out.setdefault(key, {})
                    out[key][value] = out[key].get(value, 0) + 1
            out.setdefault(f"{group}:total", {})["total"] = len(people)
        recs = self.recommendations(session_id)
        out["recommendations"] = {"consensus": sum(r.agreement == "consensus" for r in recs),
                                  "support": sum(r.agreement != "consensus" for r in recs)}
        out["witnesses"] = {"total": len(self.witnesses(session_id))}
        return out


def _meets(people: list[Volunteer], quotas: list[lottery.Quota]) -> bool:
    for q in quotas:
        count = sum(1 for v in people if v.features.get(q.feature) == q.value)
        if not q.min <= count <= q.max:
            return False
    return True


STORE = JuryStore
