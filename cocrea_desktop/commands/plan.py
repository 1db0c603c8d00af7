"""`cocrea stl ...` and `cocrea commitments ...`: the Local Action Plan at the office.

The STL's members and decisions (by consensus, each member's position with its
reason, or by vote), the list of agencies, and the commitments with their
milestones, SMART check, origin trace and versions. The same store calls (and so
the same checks) as the Plan de Acción window.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _


def show_date(value: str) -> str:
    """A stored ISO date as people write it in the language in force."""
    from cocrea_desktop.store.stl import show_date as shown

    return shown(value)

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
JSON = click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")


@cli.group()
def stl() -> None:
    """El STL (Secretariado Técnico Local): integrantes, dependencias, decisiones, actas."""


def _member_options(func):
    for name, text in (("--organisation", "Organización."), ("--role", "Cargo en el STL."),
                       ("--phone", "Teléfono (dato personal)."),
                       ("--email", "Correo (dato personal)."),
                       ("--start", "Fecha de inicio, DD/MM/AAAA o AAAA-MM-DD."),
                      ("--end", "Fecha de término, DD/MM/AAAA o AAAA-MM-DD.")):
        func = click.option(name, default=None, help=text)(func)
    return func


def _member_values(**opts: Any) -> dict[str, Any]:
    names = {"organisation": "organisation", "role": "role", "phone": "phone",
             "email": "email", "start": "start_date", "end": "end_date"}
    return {names[k]: v for k, v in opts.items() if k in names and v is not None}


def _member_json(m) -> dict[str, Any]:
    data = asdict(m)
    data["sector_text"] = m.sector_text
    return data


@stl.command("add")
@FILE
@click.argument("name")
@click.option("--sector", required=True,
              type=click.Choice(["government", "civil_society", "guarantor"]),
              help="Sector: government (gobierno), civil_society (sociedad civil), guarantor "
                   "(órgano garante).")
@click.option("--facilitator", is_flag=True, help="La persona facilitadora: con voz, sin voto.")
@_member_options
@JSON
@fail_cleanly
def stl_add(file: str, name: str, sector: str, facilitator: bool, as_json: bool,
            **opts: Any) -> None:
    """Agrega un integrante del STL."""
    with open_repo(file) as repo:
        member, _c = repo.stl.add_member(name, sector, facilitator=facilitator,
                                         **_member_values(**opts))
        if as_json:
            echo_json(_member_json(member))
        else:
            click.echo(_("Integrante agregado: {name} ({sector}).").format(
                name=member.name, sector=member.sector_text))


@stl.command("edit")
@FILE
@click.argument("member")
@click.option("--name", default=None, help="Nombre nuevo.")
@_member_options
@fail_cleanly
def stl_edit(file: str, member: str, name: str | None, **opts: Any) -> None:
    """Cambia a un integrante (MEMBER: su número en la lista, su nombre o id); --end cuando
    deja el STL."""
    values = _member_values(**opts)
    if name is not None:
        values["name"] = name
    with open_repo(file) as repo:
        found = repo.stl.find_member(member)
        repo.stl.edit_member(found.id, **values)
        click.echo(_("Integrante actualizado: {name}.").format(name=found.name))


@stl.command("list")
@FILE
@click.option("--on", default=None, help="Solo los integrantes en esta fecha (DD/MM/AAAA).")
@JSON
@fail_cleanly
def stl_list(file: str, on: str | None, as_json: bool) -> None:
    """Los integrantes del STL, con su sector, organización y fechas."""
    with open_repo(file, read_only=True) as repo:
        members = repo.stl.members(on=on)
        if as_json:
            echo_json([_member_json(m) for m in members])
            return
        for i, m in enumerate(members, 1):
            voice = " · " + _("voz sin voto") if m.facilitator else ""
            dates = f"{show_date(m.start_date) or '…'} – {show_date(m.end_date) or '…'}"
            click.echo(f"{i:>3}. {m.name} · {m.sector_text} · {m.organisation} · {m.role}"
                       f"{voice} · {dates}")


@stl.command("agency")
@FILE
@click.argument("name", required=False)
@JSON
@fail_cleanly
def stl_agency(file: str, name: str | None, as_json: bool) -> None:
    """Sin NAME, enlista las dependencias que pueden encabezar compromisos; con NAME, agrega una."""
    with open_repo(file, read_only=name is None) as repo:
        if name is not None:
            repo.commitments.add_agency(name)
        agencies = repo.commitments.agencies()
        if as_json:
            echo_json(agencies)
        else:
            for a in agencies:
                click.echo(a)


def _decision_json(repo, d) -> dict[str, Any]:
    names = {m.id: m.name for m in repo.stl.members()}
    return {"id": d.id, "label": d.label, "date": d.date, "agenda_item": d.agenda_item,
            "proposal": d.proposal, "kind": d.kind, "kind_text": d.kind_text,
            "subject_id": d.subject_id, "mode": d.mode, "outcome": d.outcome,
            "outcome_text": d.outcome_text, "tally": d.tally_text(),
            "present": [names.get(i, i) for i in d.present],
            "positions": [{"member": names.get(p.member_id, p.member_id),
                           "position": p.position, "reason": p.reason} for p in d.positions],
            "votes": dict(d.votes), "notes": d.notes}


@stl.command("decide")
@FILE
@click.option("--date", required=True, help="DD/MM/AAAA o AAAA-MM-DD.")
@click.option("--item", "agenda_item", required=True, help="El punto del orden del día.")
@click.option("--proposal", default="", help="Qué se propuso.")
@click.option("--kind", default="other",
              type=click.Choice(["participation_strategy", "commitment_count", "selection",
                                 "consultation_ready", "draft_approved", "other"]),
              help="Tipo de decisión.")
@click.option("--commitment", "subject", default="", help="El compromiso del que trata.")
@click.option("--present", required=True, help="Integrantes presentes: números o nombres, "
                                               "separados por comas.")
@click.option("--position", "positions", multiple=True,
              help="MEMBER=agree|abstain|block[:motivo] (de acuerdo, se abstiene, bloquea), una "
                   "vez por integrante (consenso).")
@click.option("--vote", "by_vote", is_flag=True, help="Se decidió por votación, no por consenso.")
@click.option("--for", "votes_for", type=int, default=0, help="Votos a favor (con --vote).")
@click.option("--against", "votes_against", type=int, default=0, help="Votos en contra.")
@click.option("--abstain", "votes_abstain", type=int, default=0, help="Abstenciones.")
@click.option("--notes", default="", help="Notas del acta.")
@JSON
@fail_cleanly
def stl_decide(file: str, date: str, agenda_item: str, proposal: str, kind: str, subject: str,
               present: str, positions: tuple[str, ...], by_vote: bool, votes_for: int,
               votes_against: int, votes_abstain: int, notes: str, as_json: bool) -> None:
    """Registra una decisión del STL."""
    parsed: dict[str, tuple[str, str]] = {}
    for text in positions:
        who, sep, rest = text.partition("=")
        if not sep:
            raise InvalidInput(_("Escriba cada postura como INTEGRANTE=de-acuerdo, por ejemplo "
                                 "«2=block:falta presupuesto»."))
        position, _sep, reason = rest.partition(":")
        parsed[who.strip()] = (position.strip(), reason.strip())
    with open_repo(file) as repo:
        if subject:
            subject = repo.commitments.get(subject).id
        decision, _c = repo.stl.decide(
            date=date, agenda_item=agenda_item, proposal=proposal, kind=kind,
            subject_id=subject, mode="vote" if by_vote else "consensus",
            present=[p for p in present.split(",") if p.strip()], positions=parsed,
            votes={"for": votes_for, "against": votes_against, "abstain": votes_abstain},
            notes=notes)
        if as_json:
            echo_json(_decision_json(repo, decision))
        else:
            click.echo(_("Acuerdo {label}: {outcome} ({tally}).").format(
                label=decision.label, outcome=decision.outcome_text,
                tally=decision.tally_text()))


@stl.command("decisions")
@FILE
@JSON
@fail_cleanly
def stl_decisions(file: str, as_json: bool) -> None:
    """Las decisiones del STL, por fecha."""
    with open_repo(file, read_only=True) as repo:
        found = [_decision_json(repo, d) for d in repo.stl.decisions()]
        if as_json:
            echo_json(found)
            return
        for d in found:
            click.echo(f"{d['label']:>4}. {show_date(d['date'])} · {d['agenda_item']} · "
                       f"{d['outcome_text']} ({d['tally']})")


@stl.command("minutes")
@FILE
@click.argument("decision")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def stl_minutes(file: str, decision: str, output: str, paper: str) -> None:
    """El acta de una decisión, para firmar (PDF)."""
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pal import write_minutes

    with open_repo(file, read_only=True) as repo:
        path = write_minutes(repo, repo.stl.decision(decision).id, output, paper=paper)
        written(path, process_digest(repo))


# -- commitments -------------------------------------------------------------------
@cli.group()
def commitments() -> None:
    """Compromisos del Plan de Acción Local: agregar, enlistar, ver, editar, revisión SMART."""


_TEXT_OPTIONS = (
    ("--start", "start_date", "Fecha de inicio, DD/MM/AAAA o AAAA-MM-DD."),
    ("--end", "end_date", "Fecha de término, DD/MM/AAAA o AAAA-MM-DD."),
    ("--agency", "lead_agency", "La dependencia que lo encabeza."),
    ("--responsible", "responsible", "La persona responsable."),
    ("--other-actors", "other_actors", "Otros actores que participan."),
    ("--problem", "problem", "El problema que atiende."),
    ("--baseline", "baseline", "Línea base del problema."),
    ("--description", "description", "En qué consiste."),
    ("--objective", "objective", "El objetivo."),
    ("--how", "how_it_helps", "Cómo ayuda a resolver el problema."),
    ("--axis", "axis", "Eje estratégico."),
    ("--budget", "budget", "El presupuesto."),
    ("--plans", "plan_links", "Vínculo con planes y programas."),
    ("--public-input", "public_input", "Cómo responde a lo que propuso la ciudadanía."),
    ("--reason", "office_reason", "Por qué se redacta en la oficina (sin propuesta)."))


def _commitment_options(func):
    for name, key, text in _TEXT_OPTIONS:
        func = click.option(name, key, default=None, help=text)(func)
    func = click.option("--proposal", "proposals", multiple=True,
                        help="Una propuesta que lo respalda (su etiqueta, p. ej. A-1); se "
                             "puede repetir.")(func)
    func = click.option("--pillar", "pillars", multiple=True,
                        help="transparency (transparencia), participation (participación), "
                             "accountability (rendición de cuentas), integrity "
                             "(integridad), capacities (capacidades); se puede repetir.")(func)
    func = click.option("--milestone", "milestones", multiple=True,
                        help="DESCRIPCIÓN|PRODUCTO|RESPONSABLE|DD/MM/AAAA; se puede "
                             "repetir.")(func)
    return func


def _commitment_values(opts: dict[str, Any]) -> dict[str, Any]:
    values = {key: opts[key] for _n, key, _h in _TEXT_OPTIONS if opts.get(key) is not None}
    if opts.get("proposals"):
        values["proposals"] = list(opts["proposals"])
    if opts.get("pillars"):
        values["pillars"] = list(opts["pillars"])
    if opts.get("milestones"):
        stones = []
        for text in opts["milestones"]:
            parts = [p.strip() for p in text.split("|")] + ["", "", ""]
            stones.append({"description": parts[0], "output": parts[1],
                           "responsible": parts[2], "due_date": parts[3]})
        values["milestones"] = stones
    return values


def commitment_json(repo, c) -> dict[str, Any]:
    from cocrea_desktop.store.commitments import findings

    data = asdict(c)
    data["stage_text"] = c.stage_text
    data["pillars_text"] = c.pillars_text
    labels = {p.id: p.label for p in repo.proposals.list(include_inactive=True)}
    data["proposal_labels"] = [labels.get(p, p) for p in c.proposals]
    data["findings"] = findings(c)
    data["trace"] = [asdict(link) for link in repo.commitments.trace(c.id)]
    return data


@commitments.command("add")
@FILE
@click.argument("name")
@_commitment_options
@JSON
@fail_cleanly
def commitments_add(file: str, name: str, as_json: bool, **opts: Any) -> None:
    """Redacta un compromiso a partir de propuestas (--proposal) o en la oficina (--reason)."""
    with open_repo(file) as repo:
        c, _c = repo.commitments.add(name, **_commitment_values(opts))
        if as_json:
            echo_json(commitment_json(repo, c))
        else:
            click.echo(_("Compromiso {label} redactado: {name}.").format(label=c.label,
                                                                        name=c.name))


@commitments.command("edit")
@FILE
@click.argument("commitment")
@click.option("--name", default=None, help="Nombre nuevo.")
@_commitment_options
@JSON
@fail_cleanly
def commitments_edit(file: str, commitment: str, name: str | None, as_json: bool,
                     **opts: Any) -> None:
    """Cambia los campos de un compromiso; --milestone reemplaza todos sus hitos."""
    values = _commitment_values(opts)
    if name is not None:
        values["name"] = name
    with open_repo(file) as repo:
        c = repo.commitments.get(commitment)
        repo.commitments.edit(c.id, **values)
        if as_json:
            echo_json(commitment_json(repo, repo.commitments.get(c.id)))
        else:
            click.echo(_("Compromiso {label} actualizado.").format(label=c.label))


@commitments.command("list")
@FILE
@JSON
@fail_cleanly
def commitments_list(file: str, as_json: bool) -> None:
    """Los compromisos, con su etapa y lo que ve la revisión SMART."""
    from cocrea_desktop.store.commitments import findings

    with open_repo(file, read_only=True) as repo:
        found = repo.commitments.list()
        if as_json:
            echo_json([commitment_json(repo, c) for c in found])
            return
        for c in found:
            seen = findings(c)
            note = "  " + _("{n} observaciones").format(n=len(seen)) if seen else ""
            click.echo(f"{c.label:>4}. {c.name} [{c.stage_text}]{note}")


@commitments.command("show")
@FILE
@click.argument("commitment")
@JSON
@fail_cleanly
def commitments_show(file: str, commitment: str, as_json: bool) -> None:
    """Un compromiso con su plantilla, hitos, rastro de origen y versiones comparadas."""
    from cocrea_desktop.store.commitments import SMART, TEXT_FIELDS, field_title, findings, word

    with open_repo(file, read_only=True) as repo:
        c = repo.commitments.get(commitment)
        if as_json:
            data = commitment_json(repo, c)
            data["compare"] = [{"field": k, "texts": v}
                               for k, v in repo.commitments.compare(c.id)]
            echo_json(data)
            return
        click.echo(f"{c.label}. {c.name} [{c.stage_text}]")
        for key in TEXT_FIELDS[1:]:
            value = getattr(c, key)
            if value:
                if key in ("start_date", "end_date"):
                    value = show_date(value)
                click.echo(f"  {field_title(key)}: {value}")
        if c.pillars:
            click.echo(f"  {field_title('pillars')}: {c.pillars_text}")
        click.echo("  " + field_title("milestones") + ":")
        for i, m in enumerate(c.milestones, 1):
            click.echo(f"    {i}. {m.description} → {m.output or '—'} · "
                       f"{m.responsible or '—'} · {show_date(m.due_date) or '—'}")
        click.echo("  SMART:")
        for key in SMART:
            mark = c.smart.get(key, {})
            click.echo(f"    [{'x' if mark.get('ok') else ' '}] {word(SMART, key)}"
                       f"{': ' + mark['note'] if mark.get('note') else ''}")
        for text in findings(c):
            click.echo("  ! " + text)
        click.echo("  " + _("Origen:"))
        for link in repo.commitments.trace(c.id):
            click.echo("    - " + link.text)


@commitments.command("smart")
@FILE
@click.argument("commitment")
@click.argument("criterion", type=click.Choice(["specific", "measurable", "achievable",
                                                "relevant", "time_bound"]))
@click.option("--ok/--no", "ok", default=True, help="Si cumple el criterio.")
@click.option("--note", default="", help="Una nota.")
@JSON
@fail_cleanly
def commitments_smart(file: str, commitment: str, criterion: str, ok: bool, note: str,
                      as_json: bool) -> None:
    """Marca (o desmarca con --no) un criterio SMART, con una nota."""
    with open_repo(file) as repo:
        c = repo.commitments.get(commitment)
        repo.commitments.set_smart(c.id, criterion, ok, note)
        if as_json:
            from cocrea_desktop.store.commitments import findings

            c = repo.commitments.get(c.id)
            echo_json({"smart": dict(c.smart), "findings": findings(c)})
        else:
            click.echo(_("Compromiso {label}: SMART actualizado.").format(label=c.label))


@commitments.command("advance")
@FILE
@click.argument("commitment")
@click.argument("stage", type=click.Choice(["approved", "final"]))
@click.argument("decision")
@fail_cleanly
def commitments_advance(file: str, commitment: str, stage: str, decision: str) -> None:
    """Marca un compromiso como aprobado o final, por una decisión del STL (su número)."""
    with open_repo(file) as repo:
        c = repo.commitments.get(commitment)
        repo.commitments.advance(c.id, stage, repo.stl.decision(decision).id)
        click.echo(_("Compromiso {label}: {stage}.").format(
            label=c.label, stage=repo.commitments.get(c.id).stage_text))


# -- follow-up ------------------------------------------------------------------------
@cli.group()
def followup() -> None:
    """Seguimiento de los compromisos: avance de cada hito, evidencias, lo que vence."""


def _state_json(s) -> dict[str, Any]:
    return {"milestone": s.label, "milestone_id": s.milestone.id,
            "commitment": s.commitment.label, "description": s.milestone.description,
            "due_date": s.milestone.due_date, "status": s.status,
            "status_text": s.status_text, "recorded_status": s.recorded_status,
            "percent": s.percent,
            "history": [asdict(r) for r in s.history]}


def _state_line(s) -> str:
    from cocrea_desktop.core.dates import format_date

    due = format_date(s.milestone.due_date, "numeric") if s.milestone.due_date else "—"
    return f"{s.label:>5}  {s.status_text:<11} {s.percent:>3} %  {due:<11}  " \
           f"{s.milestone.description}"


@followup.command("progress")
@FILE
@click.argument("milestone")
@click.argument("status", type=click.Choice(
    ["not_started", "in_progress", "done", "late", "cancelled"]))
@click.option("--percent", default=None, help="De 0 a 100 (hecho: 100).")
@click.option("--date", "date", default="", help="dd/mm/aaaa o AAAA-MM-DD (predeterminado: hoy).")
@click.option("--note", default="", help="Una nota.")
@click.option("--reason", default="", help="Por qué se cancela (obligatorio para cancelar).")
@click.option("--evidence", type=click.Path(dir_okay=False), default=None,
              help="Un archivo adjunto como evidencia (su SHA-256 queda en la bitácora).")
@click.option("--agreement", "agreement", default=None, metavar="FOLIO",
              help="Usa como evidencia la copia firmada de un acuerdo del compromiso (su "
                   "folio, p. ej. la carta compromiso CC-002).")
@JSON
@fail_cleanly
def followup_progress(file: str, milestone: str, status: str, percent: str | None, date: str,
                      note: str, reason: str, evidence: str | None, agreement: str | None,
                      as_json: bool) -> None:
    """Registra el avance de un hito (MILESTONE: compromiso.hito, p. ej. 1.2)."""
    with open_repo(file) as repo:
        if agreement:
            if evidence:
                raise InvalidInput(_("Use --evidence o --agreement, no los dos."))
            evidence = repo.followup.agreement_evidence(milestone, agreement)
        rec, _c = repo.followup.record(milestone, status=status, percent=percent, date=date,
                                       note=note, reason=reason, evidence=evidence)
        s = repo.followup.state(rec.milestone_id)
        if as_json:
            echo_json(_state_json(s))
        else:
            click.echo(_("Hito {label}: {status}, {pct} %.").format(
                label=s.label, status=rec.status_text, pct=rec.percent))
            if rec.evidence_sha256:
                click.echo(f"SHA-256 {rec.evidence_sha256}  {rec.evidence_name}")


@followup.command("list")
@FILE
@JSON
@fail_cleanly
def followup_list(file: str, as_json: bool) -> None:
    """Cada hito con su estado (el retraso se calcula) y su porcentaje."""
    with open_repo(file, read_only=True) as repo:
        states = repo.followup.states()
        if as_json:
            echo_json({"milestones": [_state_json(s) for s in states],
                       "summary": repo.followup.summary()})
            return
        for s in states:
            click.echo(_state_line(s))
        if not states:
            click.echo(_("El plan todavía no tiene compromisos con hitos."))


@followup.command("due")
@FILE
@click.option("--by", "by", required=True, help="Fecha de corte, dd/mm/aaaa o AAAA-MM-DD.")
@JSON
@fail_cleanly
def followup_due(file: str, by: str, as_json: bool) -> None:
    """Los hitos que vencen a una fecha y no están hechos: la lista que revisa una reunión de
    seguimiento."""
    with open_repo(file, read_only=True) as repo:
        states = repo.followup.due(by)
        if as_json:
            echo_json([_state_json(s) for s in states])
            return
        for s in states:
            click.echo(_state_line(s))
        if not states:
            click.echo(_("Ningún hito pendiente vence para esa fecha."))


@followup.command("evidence")
@FILE
@click.argument("milestone")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@click.option("--save", "save_dir", default=None, type=click.Path(file_okay=False),
              help="Copia los archivos de evidencia del hito en esta carpeta.")
@click.option("--agreement", "agreement", default=None, metavar="FOLIO",
              help="Adjunta la copia firmada de un acuerdo del compromiso (su folio, p. ej. "
                   "la carta compromiso CC-002).")
@JSON
@fail_cleanly
def followup_evidence(file: str, milestone: str, path: str | None, save_dir: str | None,
                      agreement: str | None, as_json: bool) -> None:
    """Enlista las evidencias de un hito (con PATH: primero adjunta ese archivo)."""
    from pathlib import Path

    with open_repo(file, read_only=path is None and not agreement) as repo:
        if path and agreement:
            raise InvalidInput(_("Dé un archivo o --agreement, no los dos."))
        if path or agreement:
            digest, _c = repo.followup.attach(
                milestone, path or repo.followup.agreement_evidence(milestone, agreement))
            click.echo(_("Evidencia adjunta: SHA-256 {sha}.").format(sha=digest))
        items = repo.followup.evidence(milestone)
        if save_dir:
            folder = Path(save_dir)
            folder.mkdir(parents=True, exist_ok=True)
            for e in items:
                (folder / Path(e["file_name"]).name).write_bytes(
                    repo.followup.evidence_content(e["id"]))
        if as_json:
            echo_json(items)
            return
        for e in items:
            click.echo(f"{e['sha256']}  {e['size']:>9}  {e['file_name']}")
        if not items and not path:
            click.echo(_("Ese hito no tiene evidencias."))


@followup.command("agreements")
@FILE
@click.option("--commitment", default=None, help="Solo los acuerdos de ese compromiso.")
@JSON
@fail_cleanly
def followup_agreements(file: str, commitment: str | None, as_json: bool) -> None:
    """Los acuerdos firmados (como las cartas compromiso de la feria), el compromiso del plan
    que lleva cada uno y los que ninguno lleva."""
    from cocrea_desktop.store.followup import agreement_lines, loose_lines

    with open_repo(file, read_only=True) as repo:
        carried = repo.followup.carried()
        if commitment:
            label = repo.commitments.get(commitment).label
            carried = [x for x in carried if label in x.commitments]
        if as_json:
            echo_json([{**asdict(x.agreement), "proposals": list(x.proposals),
                        "commitments": list(x.commitments)} for x in carried])
            return
        for x in carried:
            lines = agreement_lines(x.agreement)
            where = ", ".join(x.commitments)
            click.echo(lines[0])
            for line in lines[1:]:
                click.echo("    " + line)
            click.echo("    " + (_("En el compromiso {labels}.").format(labels=where) if where
                                 else _("En ningún compromiso del plan.")))
        loose = [x for x in carried if not x.commitments and not x.agreement.closed]
        for line in loose_lines(loose):
            click.echo(line)
        if not carried and commitment:
            click.echo(_("El compromiso {label} no viene de ningún acuerdo firmado (como una "
                         "carta compromiso).").format(label=label))
        elif not carried:
            click.echo(_("No hay acuerdos firmados (como cartas compromiso) en este proceso."))
