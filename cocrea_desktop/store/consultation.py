"""The public consultation of the draft Local Action Plan and its reasoned responses.

One consultation at a time per process: the draft consulted (the commitments'
versions kept when the STL marked them ready), the period (ten days by default) and
the channels. Comments are typed fast or imported from a spreadsheet (all or
nothing); each names the commitment or the section it is about. A duplicate is
joined to the comment it repeats and kept; it takes that comment's response. Every
comment gets a response (incorporated, partly, not incorporated, not applicable)
with its reason (required unless incorporated) and the change it made. The
consultation cannot be closed while a comment is unanswered. Who commented is
personal data, kept apart (``consultation_commenter``) and never published.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.ideas import number_labels
from cocrea_desktop.store.stl import clean, one_line, word

if TYPE_CHECKING:
    from cocrea_desktop.store.commitments import Commitment
    from cocrea_desktop.store.repo import Repo

DEFAULT_DAYS = 10
CHANNELS: dict[str, str] = {"meeting": N_("reunión"), "form": N_("formato impreso"),
                            "box": N_("buzón en la presidencia"), "email": N_("correo"),
                            "web": N_("web")}
RESPONSES: dict[str, str] = {"incorporated": N_("incorporado"),
                             "partly": N_("incorporado en parte"),
                             "not": N_("no incorporado"), "na": N_("no aplica")}
STATUSES: dict[str, str] = {"open": N_("abierta"), "closed": N_("cerrada")}
DEFAULT_CRITERIA = N_(
    "Se incorpora lo que ayuda a resolver el problema del compromiso y cabe en su plazo y "
    "presupuesto; se incorpora en parte lo que mejora el compromiso pero no cabe completo; no "
    "se incorpora lo que no está en manos del municipio o contradice lo acordado por el STL; "
    "no aplica lo que no trata del Plan de Acción Local.")


def _key(table: Mapping[str, str], value: Any, what: str) -> str:
    text = " ".join(str(value or "").split())
    if text in table:
        return text
    folded = text.casefold()
    for key, words in table.items():
        if folded in (key, _(words).casefold(), words.casefold()):
            return key
    raise InvalidInput(_("«{value}» no es un {what} válido ({choices}).").format(
        value=text, what=what, choices=", ".join(_(w) for w in table.values())))


def typed_date(value: Any, what: str) -> str:
    """A date typed dd/mm/aaaa (or ISO), as ISO text; required."""
    from cocrea_desktop.core.dates import parse_typed

    text = parse_typed(str(value or ""))
    if not text:
        raise InvalidInput(_("Falta la fecha: {what}.").format(what=what))
    return text


def show_date(iso: str) -> str:
    from cocrea_desktop.core.dates import format_date

    return format_date(iso, "numeric")


@dataclass(frozen=True)
class Consultation:
    id: str
    draft: str
    versions: tuple[str, ...]
    start_date: str
    end_date: str
    channels: tuple[str, ...]
    criteria: str
    status: str
    closed_at: str

    @property
    def status_text(self) -> str:
        return word(STATUSES, self.status)

    @property
    def channels_text(self) -> str:
        return ", ".join(word(CHANNELS, c) for c in self.channels)


@dataclass(frozen=True)
class Comment:
    id: str
    number: int
    label: str
    date: str
    channel: str
    commitment_id: str
    commitment_label: str
    section: str
    text: str
    theme: str
    duplicate_of: str
    duplicate_label: str
    response: str
    reason: str
    change: str
    version_id: str

    @property
    def answered(self) -> bool:
        return bool(self.response)

    @property
    def response_text(self) -> str:
        return word(RESPONSES, self.response) if self.response else _("sin respuesta")

    @property
    def channel_text(self) -> str:
        return word(CHANNELS, self.channel)

    @property
    def about(self) -> str:
        """The commitment or section the comment is about, in words."""
        if self.commitment_label:
            return _("Compromiso {label}").format(label=self.commitment_label)
        return self.section or _("El plan en general")


MAX_FORMS = 2000


@dataclass(frozen=True)
class PaperForm:
    """A paper comment form printed (or planned): its serial, QR text and what it is about."""

    serial: str
    payload: str
    commitment_id: str
    commitment_label: str
    commitment_name: str
    section: str
    comment_id: str = ""
    comment_label: str = ""

    @property
    def shown_serial(self) -> str:
        from cocrea_desktop.core.voting.payload import format_serial

        return format_serial(self.serial)

    @property
    def registered(self) -> bool:
        return bool(self.comment_id)

    @property
    def about(self) -> str:
        if self.commitment_label:
            return _("Compromiso {label}").format(label=self.commitment_label)
        return self.section or _("El plan en general")


@dataclass(frozen=True)
class FormPlan:
    """Serials drawn for a print of forms, with their codes; not in the register yet."""

    consultation_id: str
    forms: tuple[PaperForm, ...]


@dataclass(frozen=True)
class FormReading:
    """What a scanned code or a typed serial says: the form, or why it cannot be used."""

    text: str
    form: PaperForm | None
    message: str

    @property
    def ready(self) -> bool:
        return self.form is not None and not self.form.registered


class ConsultationStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- the consultation ------------------------------------------------------
    def current(self) -> Consultation | None:
        """The latest consultation of the process (open or closed), or None."""
        rows = self.pf.query("SELECT * FROM consultation WHERE process_id = ? ORDER BY "
                             "created_at DESC LIMIT 1", [self.repo.process().id])
        if not rows:
            return None
        row = rows[0]
        return Consultation(row["id"], row["draft"], tuple(json.loads(row["versions"])),
                            row["start_date"], row["end_date"],
                            tuple(json.loads(row["channels"])), row["criteria"],
                            row["status"], row["closed_at"])

    def require(self) -> Consultation:
        c = self.current()
        if c is None:
            raise NotFound(_("No hay una consulta pública abierta; ábrala primero."))
        return c

    def open(self, *, start: str, end: str = "", channels: Iterable[str] = ("meeting",),
             draft: str = "", criteria: str = "") -> tuple[Consultation, Changes]:
        """Open the consultation of the draft: the commitments listos para consulta."""
        current = self.current()
        if current is not None and current.status == "open":
            raise RuleViolation(_("Ya hay una consulta pública abierta (del {start} al "
                                  "{end}).").format(start=show_date(current.start_date),
                                                    end=show_date(current.end_date)))
        start_iso = typed_date(start, _("inicio de la consulta"))
        end_iso = (typed_date(end, _("fin de la consulta")) if str(end or "").strip() else
                   (dt.date.fromisoformat(start_iso) + dt.timedelta(days=DEFAULT_DAYS - 1)
                    ).isoformat())
        if end_iso < start_iso:
            raise InvalidInput(_("La consulta termina ({end}) antes de empezar ({start}).").format(
                end=show_date(end_iso), start=show_date(start_iso)))
        keys = []
        for ch in channels:
            if str(ch).strip():
                key = _key(CHANNELS, ch, _("canal"))
                if key not in keys:
                    keys.append(key)
        if not keys:
            raise InvalidInput(_("Indique al menos un canal de la consulta."))
        consulted = [c for c in self.repo.commitments.list() if c.stage == "consultation"]
        if not consulted:
            raise RuleViolation(_("Ningún compromiso está listo para consulta; el STL debe "
                                  "marcarlo primero."))
        versions = [r["id"] for c in consulted for r in self.pf.query(
            "SELECT id FROM commitment_version WHERE commitment_id = ? AND stage = "
            "'consultation'", [c.id])]
        draft_text = one_line(draft) or _("Borrador del Plan de Acción Local")
        with self.pf.write("consultation.open", Label(N_("abrir la consulta pública"))) as unit:
            unit.insert("consultation", {
                "id": new_id(), "process_id": self.repo.process().id, "draft": draft_text,
                "versions": json.dumps(versions), "start_date": start_iso, "end_date": end_iso,
                "channels": json.dumps(keys), "criteria": clean(criteria) or _(DEFAULT_CRITERIA),
                "status": "open", "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        return self.require(), unit.changes()

    def close(self) -> Changes:
        c = self._open()
        missing = self.unanswered()
        if missing:
            raise RuleViolation(ngettext(
                "No se puede cerrar la consulta: el comentario {label} no tiene respuesta.",
                "No se puede cerrar la consulta: {n} comentarios sin respuesta (el primero, "
                "{label}).", len(missing)).format(n=len(missing), label=missing[0].label))
        with self.pf.write("consultation.close", Label(N_("cerrar la consulta pública"))) as unit:
            unit.update("consultation", c.id, {"status": "closed", "closed_at": unit.at},
                        stamp=True)
        return unit.changes()

    def _open(self) -> Consultation:
        c = self.require()
        if c.status != "open":
            raise RuleViolation(_("La consulta pública ya está cerrada."))
        return c

    # -- comments ---------------------------------------------------------------
    def comments(self, *, unanswered: bool = False) -> list[Comment]:
        c = self.current()
        if c is None:
            return []
        rows = self.pf.query("SELECT * FROM consultation_comment WHERE consultation_id = ? "
                             "ORDER BY created_at, number", [c.id])
        labels = number_labels(rows)
        commitments = {x.id: x.label for x in self.repo.commitments.list()}
        by_id = {r["id"]: r for r in rows}
        out = []
        for r in rows:
            main = by_id.get(r["duplicate_of"]) if r["duplicate_of"] else None
            source = main if main is not None else r
            out.append(Comment(
                r["id"], r["number"], labels[r["id"]], r["date"], r["channel"],
                r["commitment_id"], commitments.get(r["commitment_id"], ""), r["section"],
                r["text"], r["theme"], r["duplicate_of"],
                labels.get(r["duplicate_of"], "") if r["duplicate_of"] else "",
                source["response"], source["reason"], source["change"], source["version_id"]))
        if unanswered:
            out = [x for x in out if not x.answered]
        return out

    def unanswered(self) -> list[Comment]:
        return self.comments(unanswered=True)

    def comment(self, comment_id: str) -> Comment:
        text = str(comment_id).strip()
        for x in self.comments():
            if x.id == text or x.label == text.upper():
                return x
        raise NotFound(_("No existe el comentario «{id}».").format(id=text))

    def _commitment(self, text: Any) -> Commitment | None:
        text = str(text or "").strip()
        return self.repo.commitments.get(text) if text else None

    def check_comment(self, values: Mapping[str, Any], consultation: Consultation
                      ) -> dict[str, Any]:
        """One comment's values checked (nothing written): the row's values."""
        unknown = set(values) - {"date", "channel", "commitment", "section", "text", "theme",
                                 "name", "contact", "duplicate_of"}
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en un comentario.").format(
                field=sorted(unknown)[0]))
        text = clean(values.get("text"))
        if not text:
            raise InvalidInput(_("Escriba el texto del comentario."))
        date = typed_date(values.get("date"), _("fecha del comentario"))
        if not consultation.start_date <= date <= consultation.end_date:
            raise InvalidInput(_("El comentario tiene fecha {date}, fuera del periodo de la "
                                 "consulta ({start} a {end}).").format(
                date=show_date(date), start=show_date(consultation.start_date),
                end=show_date(consultation.end_date)))
        channel = _key(CHANNELS, values.get("channel") or consultation.channels[0],
                       _("canal"))
        commitment = self._commitment(values.get("commitment"))
        section = one_line(values.get("section"))
        return {"date": date, "channel": channel,
                "commitment_id": commitment.id if commitment else "", "section": section,
                "text": text, "theme": one_line(values.get("theme"), 100),
                "name": one_line(values.get("name")), "contact": one_line(values.get("contact"))}

    def add(self, **values: Any) -> tuple[Comment, Changes]:
        """Record one comment (date typed dd/mm/aaaa). ``form``: the serial (or the
        scanned code) of the paper form it was written on; its commitment or section is
        taken from the form unless given, its channel is "form", and a form is registered
        once."""
        consultation = self._open()
        paper = None
        form_text = str(values.pop("form", "") or "").strip()
        if form_text:
            paper = self.form(form_text)
            if paper.registered:
                raise RuleViolation(_("El formato {serial} ya se registró: es el comentario "
                                      "{label}.").format(serial=paper.shown_serial,
                                                         label=paper.comment_label))
            if not str(values.get("commitment") or "").strip() and \
                    not str(values.get("section") or "").strip():
                values["commitment"] = paper.commitment_label
                values["section"] = paper.section
            values["channel"] = "form"
        row = self.check_comment(values, consultation)
        duplicate = ""
        if str(values.get("duplicate_of") or "").strip():
            duplicate = self._main(self.comment(values["duplicate_of"])).id
        label = (Label(N_("registrar el formato {serial}"), serial=paper.shown_serial)
                 if paper else Label(N_("registrar un comentario de la consulta")))
        with self.pf.write("consultation.comment", label) as unit:
            cid = self._insert(unit, consultation, row, duplicate)
            if paper is not None:
                form_id = self.pf.scalar("SELECT id FROM consultation_form WHERE serial = ?",
                                         [paper.serial])
                unit.update("consultation_form", form_id, {"comment_id": cid}, stamp=True)
        return self.comment(cid), unit.changes().made(created=cid,
                                                      created_kind="consultation_comment")

    def add_many(self, items: Sequence[Mapping[str, Any]]) -> tuple[int, Changes]:
        """Record many comments in one transaction, all or nothing: every bad row is
        reported (numbered from the spreadsheet's second line) and nothing is written."""
        consultation = self._open()
        rows, errors = [], []
        for i, item in enumerate(items, 2):
            try:
                rows.append(self.check_comment(item, consultation))
            except (InvalidInput, NotFound, RuleViolation) as err:
                errors.append(_("Renglón {n}: {message}").format(n=i, message=str(err)))
        if errors:
            raise InvalidInput("\n".join(errors))
        if not rows:
            raise InvalidInput(_("El archivo no tiene comentarios."))
        with self.pf.write("consultation.import", Label(N_("importar {n} comentarios de la "
                                                           "consulta"), n=len(rows))) as unit:
            for row in rows:
                self._insert(unit, consultation, row, "")
        return len(rows), unit.changes()

    def _insert(self, unit: Any, consultation: Consultation, row: dict[str, Any],
                duplicate: str) -> str:
        number = (self.pf.scalar("SELECT MAX(number) FROM consultation_comment WHERE "
                                 "consultation_id = ? AND origin = ?",
                                 [consultation.id, self.pf.device.id]) or 0) + 1
        values = dict(row)
        name, contact = values.pop("name"), values.pop("contact")
        cid = unit.insert("consultation_comment", {
            "id": new_id(), "consultation_id": consultation.id, "number": number,
            "origin": self.pf.device.id, **values, "duplicate_of": duplicate,
            "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        if name or contact:
            unit.insert("consultation_commenter", {
                "id": new_id(), "comment_id": cid, "name": name, "contact": contact,
                "salt": secrets.token_hex(16), "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        return cid

    def _main(self, comment: Comment) -> Comment:
        return self.comment(comment.duplicate_of) if comment.duplicate_of else comment

    def join(self, comment_id: str, into: str) -> Changes:
        """Join a duplicate to the comment it repeats (both kept; it takes that response)."""
        self._open()
        dup = self.comment(comment_id)
        main = self._main(self.comment(into))
        if main.id == dup.id:
            raise InvalidInput(_("Un comentario no se une consigo mismo."))
        if any(x.duplicate_of == dup.id for x in self.comments()):
            raise RuleViolation(_("Otros comentarios están unidos a {label}; únalos "
                                  "directamente a {main}.").format(label=dup.label,
                                                                    main=main.label))
        with self.pf.write("consultation.join", Label(N_("unir el comentario {a} al {b}"),
                                                       a=dup.label, b=main.label)) as unit:
            unit.update("consultation_comment", dup.id, {"duplicate_of": main.id}, stamp=True)
        return unit.changes()

    def answer(self, comment_id: str, response: str, reason: str = "", change: str = "",
               version: str = "") -> Changes:
        """The reasoned response to a comment (and to those joined to it). ``version``:
        the stage of the commitment's version the change led to (approved, final), or
        a version id."""
        self._open()
        comment = self._main(self.comment(comment_id))
        key = _key(RESPONSES, response, _("tipo de respuesta"))
        reason = clean(reason, 2000)
        if key != "incorporated" and not reason:
            raise InvalidInput(_("Escriba la razón de la respuesta: es obligatoria salvo "
                                 "cuando el comentario se incorpora."))
        change = clean(change, 2000)
        version_id = ""
        if str(version or "").strip():
            if not comment.commitment_id:
                raise InvalidInput(_("El comentario {label} no trata de un compromiso; no "
                                     "tiene versión.").format(label=comment.label))
            version_id = self._version(comment.commitment_id, str(version).strip())
        with self.pf.write("consultation.answer", Label(N_("responder el comentario {label}"),
                                                         label=comment.label)) as unit:
            unit.update("consultation_comment", comment.id, {
                "response": key, "reason": reason, "change": change,
                "version_id": version_id, "answered_at": unit.at}, stamp=True)
        return unit.changes()

    def _version(self, commitment_id: str, version: str) -> str:
        rows = self.pf.query("SELECT id, stage FROM commitment_version WHERE commitment_id = ? "
                             "ORDER BY created_at", [commitment_id])
        for r in rows:
            if version in (r["id"], r["stage"]):
                return r["id"]
        c = self.repo.commitments.get(commitment_id)
        raise NotFound(_("El compromiso {label} no tiene la versión «{version}».").format(
            label=c.label, version=version))

    def version_stage(self, version_id: str) -> str:
        if not version_id:
            return ""
        stage = self.pf.scalar("SELECT stage FROM commitment_version WHERE id = ?",
                               [version_id])
        from cocrea_desktop.store.commitments import STAGES

        return word(STAGES, stage) if stage else ""

    # -- paper forms ----------------------------------------------------------------
    def short_id(self, consultation: Consultation) -> str:
        from cocrea_desktop.core.voting.payload import short_id_for

        return short_id_for(consultation.id)

    def _consulted(self, consultation: Consultation) -> list[Commitment]:
        ids = {r["commitment_id"] for r in self.pf.query(
            "SELECT commitment_id FROM commitment_version WHERE id IN (SELECT value FROM "
            "json_each(?))", [json.dumps(list(consultation.versions))])}
        return [c for c in self.repo.commitments.list() if c.id in ids]

    def plan_forms(self, *, commitments: Sequence[str] = (), sections: Sequence[str] = (),
                   count: int = 1) -> FormPlan:
        """Serials and codes for ``count`` forms of each commitment named (default: every
        commitment consulted) and of each section; nothing is written: the forms enter
        the register with :meth:`issue_forms` once their PDF has been read back."""
        from cocrea_desktop.core import form_payload as fp
        from cocrea_desktop.core.voting import payload as qr

        consultation = self._open()
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InvalidInput(_("Indique cuántos formatos imprimir de cada compromiso (1 o "
                                 "más)."))
        chosen = [self.repo.commitments.get(x) for x in commitments if str(x).strip()]
        topics: list[tuple[Commitment | None, str]] = [(c, "") for c in chosen]
        topics += [(None, one_line(s)) for s in sections if one_line(s)]
        if not topics:
            topics = [(c, "") for c in self._consulted(consultation)] or [(None, "")]
        total = len(topics) * count
        if total > MAX_FORMS:
            raise InvalidInput(_("Son {n} formatos; se imprimen a lo más {most} a la "
                                 "vez.").format(n=total, most=MAX_FORMS))
        taken = {r["serial"] for r in self.pf.query("SELECT serial FROM ballot_issue UNION "
                                                    "SELECT serial FROM consultation_form")}
        serials = iter(qr.generate_serials(total, taken=taken))
        secret = self.repo.ballot_secret()
        process = qr.short_id_for(self.repo.process().id)
        short = self.short_id(consultation)
        forms = []
        for commitment, section in topics:
            for _n in range(count):
                serial = next(serials)
                forms.append(PaperForm(
                    serial=serial, payload=fp.encode_form_payload(
                        process_id=process, consultation_id=short,
                        commitment=commitment.label if commitment else "", serial=serial,
                        secret=secret),
                    commitment_id=commitment.id if commitment else "",
                    commitment_label=commitment.label if commitment else "",
                    commitment_name=commitment.name if commitment else "", section=section))
        return FormPlan(consultation.id, tuple(forms))

    def issue_forms(self, plan: FormPlan, *, pdf_sha256: str) -> Changes:
        """Enter a plan's forms in the register, as printed in the PDF whose SHA-256 is
        given (written and read back), in one transaction."""
        consultation = self._open()
        if not pdf_sha256:
            raise InvalidInput(_("Los formatos no se registraron: falta el PDF impreso."))
        if plan.consultation_id != consultation.id:
            raise RuleViolation(_("La consulta cambió mientras se imprimía: imprima de "
                                  "nuevo."))
        serials = [f.serial for f in plan.forms]
        clash = self.pf.query(
            "SELECT serial FROM consultation_form WHERE serial IN (SELECT value FROM "
            "json_each(?)) UNION SELECT serial FROM ballot_issue WHERE serial IN (SELECT "
            "value FROM json_each(?))", [json.dumps(serials)] * 2)
        if clash:
            raise RuleViolation(_("Otro folio igual se emitió mientras tanto: imprima de "
                                  "nuevo."))
        batch = new_id()[:8]
        label = Label.plural("imprimir {count} formato de comentarios",
                             "imprimir {count} formatos de comentarios", len(serials),
                             count=len(serials))
        with self.pf.write("consultation.forms", label) as unit:
            for f in plan.forms:
                unit.insert("consultation_form", {
                    "id": new_id(), "consultation_id": consultation.id, "serial": f.serial,
                    "commitment_id": f.commitment_id, "section": f.section, "batch": batch,
                    "pdf_sha256": pdf_sha256, "comment_id": "", "created_at": unit.at,
                    "updated_at": unit.at, "device_id": self.pf.device.id})
        return unit.changes()

    def forms(self) -> list[PaperForm]:
        """The forms printed for the current consultation, in printing order."""
        from cocrea_desktop.core.voting import payload as qr

        c = self.current()
        if c is None:
            return []
        rows = self.pf.query("SELECT * FROM consultation_form WHERE consultation_id = ? "
                             "ORDER BY created_at, rowid", [c.id])
        labels = {x.id: x.label for x in self.comments()}
        commitments = {x.id: x for x in self.repo.commitments.list()}
        process = qr.short_id_for(self.repo.process().id)
        secret = self.repo.ballot_secret()
        return [self._paper(c, r, labels, commitments, process, secret) for r in rows]

    def _paper(self, consultation: Consultation, r: Mapping[str, Any],
               labels: Mapping[str, str] | None = None,
               commitments: Mapping[str, Commitment] | None = None, process: str = "",
               secret: bytes = b"") -> PaperForm:
        from cocrea_desktop.core import form_payload as fp
        from cocrea_desktop.core.voting import payload as qr

        if commitments is None:
            commitments = {x.id: x for x in self.repo.commitments.list()}
        commitment = commitments.get(r["commitment_id"]) if r["commitment_id"] else None
        comment_label = ""
        if r["comment_id"]:
            if labels is None:
                labels = {x.id: x.label for x in self.comments()}
            comment_label = labels.get(r["comment_id"], "")
        payload = fp.encode_form_payload(
            process_id=process or qr.short_id_for(self.repo.process().id),
            consultation_id=self.short_id(consultation),
            commitment=commitment.label if commitment else "", serial=r["serial"],
            secret=secret or self.repo.ballot_secret())
        return PaperForm(r["serial"], payload, r["commitment_id"],
                         commitment.label if commitment else "",
                         commitment.name if commitment else "", r["section"],
                         r["comment_id"], comment_label)

    def form(self, text: str) -> PaperForm:
        """The form a scanned code or a typed serial names (registered or not)."""
        from cocrea_desktop.core import form_payload as fp
        from cocrea_desktop.core.voting import payload as qr

        consultation = self.require()
        serial = fp.read_form_entry(str(text or ""), self.repo.ballot_secret(),
                                    process_id=qr.short_id_for(self.repo.process().id))
        if qr.looks_like_payload(str(text)):
            code = fp.verify_form_payload(str(text), self.repo.ballot_secret())
            if code.consultation_id != self.short_id(consultation):
                raise RuleViolation(_("El formato {serial} es de otra consulta pública.")
                                    .format(serial=qr.format_serial(serial)))
        rows = self.pf.query("SELECT * FROM consultation_form WHERE serial = ?", [serial])
        if not rows:
            if self.pf.scalar("SELECT 1 FROM ballot_issue WHERE serial = ?", [serial]):
                raise NotFound(_("El folio {serial} es de una boleta, no de un formato de "
                                 "comentarios.").format(serial=qr.format_serial(serial)))
            raise NotFound(_("No se imprimió ningún formato con el folio {serial}.").format(
                serial=qr.format_serial(serial)))
        if rows[0]["consultation_id"] != consultation.id:
            raise RuleViolation(_("El formato {serial} es de otra consulta pública.").format(
                serial=qr.format_serial(serial)))
        return self._paper(consultation, rows[0])

    def read_form(self, text: str) -> FormReading:
        """What a code or serial says, as a sentence; never raises on bad input."""
        try:
            paper = self.form(text)
        except (InvalidInput, NotFound, RuleViolation) as err:
            return FormReading(text, None, str(err))
        if paper.registered:
            return FormReading(text, paper, _("Formato {serial} ({about}): ya se registró "
                                              "como el comentario {label}.").format(
                serial=paper.shown_serial, about=paper.about, label=paper.comment_label))
        return FormReading(text, paper, _("Formato {serial} ({about}): listo para "
                                          "registrar.").format(serial=paper.shown_serial,
                                                               about=paper.about))

    # -- the accountability report's reading ------------------------------------
    def by_commitment(self) -> list[tuple[str, list[Comment]]]:
        """The comments grouped: each commitment (in order), then the plan's sections."""
        comments = self.comments()
        groups: list[tuple[str, list[Comment]]] = []
        for c in self.repo.commitments.list():
            mine = [x for x in comments if x.commitment_id == c.id]
            if mine:
                groups.append((_("Compromiso {label}. {name}").format(label=c.label,
                                                                      name=c.name), mine))
        rest = [x for x in comments if not x.commitment_id]
        if rest:
            groups.append((_("Otras secciones del plan"), rest))
        return groups

    def counts(self) -> dict[str, int]:
        found = {k: 0 for k in (*RESPONSES, "")}
        for x in self.comments():
            found[x.response] += 1
        return found


__all__ = ["CHANNELS", "DEFAULT_DAYS", "RESPONSES", "Comment", "Consultation",
           "ConsultationStore", "FormPlan", "FormReading", "PaperForm", "typed_date"]
