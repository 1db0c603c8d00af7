"""`cocrea assembly ...`: run or read a community assembly from the command line (found
by ``commands.load_all`` as this package's ``cli`` module). Proposals are named by their
number, as on the acta."""

from __future__ import annotations

from pathlib import Path

import click

from cocrea_desktop.cli import PAPER, cli, echo_json, fail_cleanly, open_repo, written
from cocrea_desktop.i18n import _

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))
SESSION = click.argument("session_id")


@cli.group()
def assembly() -> None:
    """Asambleas comunitarias: orden del día, oradores, conteo a mano alzada, acuerdos, acta."""


def _item_rows(repo, sid: str) -> list[dict]:
    a = repo.assembly
    rows = []
    for item in a.items(sid):
        spoke = [s for s in a.speakers(item.id) if s.ended_at]
        rows.append({
            "number": item.number, "title": item.title, "vote_mode": item.vote_mode,
            "status": "closed" if item.closed else ("open" if item.open else "pending"),
            "turns": len(spoke), "seconds": round(sum(s.seconds for s in spoke), 1),
            "proposals": [{
                "number": p.number, "text": p.text,
                "vote": (lambda v: None if v is None else {
                    "mode": v.mode, "for": v.votes_for, "against": v.votes_against,
                    "abstentions": v.abstentions, "present": v.present, "quorum": v.quorum,
                    "outcome": v.outcome})(a.last_vote(p.id))}
                for p in a.proposals(sid, item.id)],
        })
    return rows


@assembly.command("items")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def assembly_items(file: str, session_id: str, as_json: bool) -> None:
    """El orden del día: estado de cada punto, turnos, propuestas y sus votaciones."""
    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        rows = _item_rows(repo, sid)
        agreements = [{"number": g.number, "text": g.text}
                      for g in repo.assembly.agreements(sid)]
    if as_json:
        echo_json({"items": rows, "agreements": agreements})
        return
    for row in rows:
        click.echo(_("{number}. {title} ({status}): {turns} turnos").format(**row))
        for p in row["proposals"]:
            vote = p["vote"]
            result = _("sin votar") if vote is None else _(
                "{outcome}: {yes} a favor, {no} en contra, {abstain} abstenciones").format(
                outcome=vote["outcome"], yes=vote["for"], no=vote["against"],
                abstain=vote["abstentions"])
            click.echo(f"   P{p['number']}. {p['text']} — {result}")
    for g in agreements:
        click.echo(_("Acuerdo {number}: {text}").format(**g))


@assembly.command("add-item")
@FILE
@SESSION
@click.argument("title")
@click.option("--ballot", is_flag=True, help="Se vota con boleta de papel (predeterminado: a "
                                             "mano alzada).")
@fail_cleanly
def assembly_add_item(file: str, session_id: str, title: str, ballot: bool) -> None:
    """Agrega un punto al orden del día."""
    with open_repo(file) as repo:
        item, _c = repo.assembly.add_item(repo.session(session_id).id, title,
                                          vote_mode="ballot" if ballot else "hands")
    click.echo(_("Punto {number}: {title}").format(number=item.number, title=item.title))


@assembly.command("rules")
@FILE
@SESSION
@click.option("--minutes", type=float, default=None, help="Minutos por orador.")
@click.option("--quorum", type=int, default=None, help="Personas necesarias para votar.")
@fail_cleanly
def assembly_rules(file: str, session_id: str, minutes: float | None,
                   quorum: int | None) -> None:
    """Fija el mismo tiempo para cada orador y el quórum."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        repo.assembly.set_rules(sid, speaker_minutes=minutes, quorum=quorum)
        click.echo(_("Tiempo por orador: {minutes} min · quórum: {quorum} · presentes: "
                     "{present}").format(minutes=f"{repo.assembly.speaker_minutes(sid):g}",
                                         quorum=repo.assembly.quorum(sid),
                                         present=repo.assembly.present(sid)))


@assembly.command("open")
@FILE
@SESSION
@click.option("--item", "number", type=int, default=None, help="Número del punto "
                                                               "(predeterminado: el siguiente).")
@fail_cleanly
def assembly_open(file: str, session_id: str, number: int | None) -> None:
    """Abre el siguiente punto del orden del día (o el indicado)."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        item_id = None
        if number is not None:
            found = [i for i in repo.assembly.items(sid) if i.number == number]
            if not found:
                from cocrea_desktop.core.errors import NotFound
                raise NotFound(_("No existe el punto {number}.").format(number=number))
            item_id = found[0].id
        repo.assembly.open_item(sid, item_id)
        item = repo.assembly.current_item(sid)
    click.echo(_("Abierto el punto {number}: {title}").format(number=item.number,
                                                              title=item.title))


@assembly.command("close")
@FILE
@SESSION
@fail_cleanly
def assembly_close(file: str, session_id: str) -> None:
    """Cierra el punto abierto."""
    with open_repo(file) as repo:
        repo.assembly.close_item(repo.session(session_id).id)
    click.echo(_("Punto cerrado."))


@assembly.command("speaker")
@FILE
@SESSION
@click.option("--name", default="", help="Nombre (si se omite, solo el número de turno).")
@click.option("--sector", default="", help="Sector de quien habla.")
@click.option("--sex", type=click.Choice(["mujer", "hombre", "otro", ""]), default="",
              help="Sexo de quien habla.")
@click.option("--second-round", is_flag=True, help="En la segunda ronda de oradores.")
@fail_cleanly
def assembly_speaker(file: str, session_id: str, name: str, sector: str, sex: str,
                     second_round: bool) -> None:
    """Anota a alguien en la lista de oradores del punto abierto."""
    with open_repo(file) as repo:
        speaker, _c = repo.assembly.add_speaker(repo.session(session_id).id, name=name,
                                                sector=sector, sex=sex,
                                                second_round=second_round)
    click.echo(_("Anotado: turno {number} ({round}.ª ronda).").format(
        number=speaker.position, round=speaker.speaking_round))


@assembly.command("next")
@FILE
@SESSION
@fail_cleanly
def assembly_next(file: str, session_id: str) -> None:
    """Termina el turno de quien habla y da la palabra al siguiente."""
    with open_repo(file) as repo:
        speaker, _c = repo.assembly.next_speaker(repo.session(session_id).id)
    click.echo(_("Tiene la palabra el turno {number}.").format(number=speaker.position)
               if speaker else _("Terminó la lista de oradores de este punto."))


@assembly.command("propose")
@FILE
@SESSION
@click.argument("text")
@fail_cleanly
def assembly_propose(file: str, session_id: str, text: str) -> None:
    """Agrega una propuesta al punto abierto."""
    with open_repo(file) as repo:
        proposal, _c = repo.assembly.add_proposal(repo.session(session_id).id, text)
    click.echo(_("Guardada la propuesta {number}.").format(number=proposal.number))


@assembly.command("vote")
@FILE
@SESSION
@click.argument("proposal", type=int)
@click.option("--for", "votes_for", type=int, required=True, help="Votos a favor.")
@click.option("--against", "votes_against", type=int, required=True, help="Votos en contra.")
@click.option("--abstain", "abstentions", type=int, default=0, help="Abstenciones.")
@click.option("--counter", required=True, help="Quién contó las manos.")
@click.option("--present", type=int, default=None,
              help="Personas presentes (predeterminado: el conteo de asistencia).")
@click.option("--standing", is_flag=True, help="Votación de pie en lugar de mano alzada.")
@fail_cleanly
def assembly_vote(file: str, session_id: str, proposal: int, votes_for: int,
                  votes_against: int, abstentions: int, counter: str, present: int | None,
                  standing: bool) -> None:
    """Registra un conteo a mano alzada (o de pie) de una propuesta, cotejado con los presentes."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        found = repo.assembly.proposal_by_number(sid, proposal)
        vote, _c = repo.assembly.record_hand_vote(
            found.id, votes_for=votes_for, votes_against=votes_against,
            abstentions=abstentions, counter=counter, present=present,
            mode="standing" if standing else "hands")
        click.echo(_("Propuesta {number}: {outcome} ({summary}).").format(
            number=proposal, outcome=vote.outcome_text(), summary=vote.summary()))


@assembly.command("ballot-result")
@FILE
@SESSION
@click.argument("proposal", type=int)
@fail_cleanly
def assembly_ballot_result(file: str, session_id: str, proposal: int) -> None:
    """Toma el resultado de la boleta de papel para una propuesta de un punto votado con boleta."""
    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        vote, _c = repo.assembly.record_ballot_vote(
            repo.assembly.proposal_by_number(sid, proposal).id)
        click.echo(_("Propuesta {number}: {outcome} ({summary}).").format(
            number=proposal, outcome=vote.outcome_text(), summary=vote.summary()))


@assembly.command("agree")
@FILE
@SESSION
@click.argument("proposal", type=int)
@click.option("--text", default="", help="La redacción del acuerdo (predeterminada: la de la "
                                         "propuesta).")
@fail_cleanly
def assembly_agree(file: str, session_id: str, proposal: int, text: str) -> None:
    """Registra el acuerdo que sale de la última votación (aprobatoria) de una propuesta."""
    from cocrea_desktop.core.errors import RuleViolation

    with open_repo(file) as repo:
        sid = repo.session(session_id).id
        found = repo.assembly.proposal_by_number(sid, proposal)
        vote = repo.assembly.last_vote(found.id)
        if vote is None:
            raise RuleViolation(_("Primero vote la propuesta {number}.").format(number=proposal))
        agreement, _c = repo.assembly.add_agreement(vote.id, text)
    click.echo(_("Acuerdo {number}: {text}").format(number=agreement.number,
                                                    text=agreement.text))


@assembly.command("share")
@FILE
@SESSION
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def assembly_share(file: str, session_id: str, as_json: bool) -> None:
    """Tiempo de palabra por sector y sexo (turnos y segundos; nunca nombres)."""
    from cocrea_desktop.methods.assembly.report import share_lines

    with open_repo(file, read_only=True) as repo:
        share = repo.assembly.speaking_share(repo.session(session_id).id)
    if as_json:
        echo_json({dim: {cat: {"turns": n, "seconds": round(sec, 1)}
                         for cat, (n, sec) in cats.items()} for dim, cats in share.items()})
        return
    for line in share_lines(share):
        click.echo(line)


@assembly.command("acta")
@FILE
@SESSION
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="El PDF que se escribe.")
@click.option("--paper", type=PAPER, default="letter", help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def assembly_acta(file: str, session_id: str, out: str, paper: str) -> None:
    """Escribe el acta de asamblea (PDF, lista para firmar)."""
    from cocrea_desktop.export import evidence
    from cocrea_desktop.methods.assembly.pdf import write_acta

    with open_repo(file, read_only=True) as repo:
        sid = repo.session(session_id).id
        path = write_acta(repo, sid, Path(out), paper=paper)
        written(path, evidence.session_digest(repo, sid))


@assembly.command("forget-names")
@FILE
@SESSION
@fail_cleanly
def assembly_forget_names(file: str, session_id: str) -> None:
    """Borra el nombre de cada orador de la sesión (sus números de turno se quedan)."""
    with open_repo(file) as repo:
        repo.assembly.forget_names(repo.session(session_id).id)
    click.echo(_("Nombres de los oradores borrados."))
