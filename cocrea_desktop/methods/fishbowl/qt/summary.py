"""What the fishbowl's data says, for the synthesis: the vote on the clusters, the themes
several positions raised and those one raised, and the summary shown above the synthesis
fields.
"""

from __future__ import annotations

import html

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.fishbowl.qt.models import (
    ClustersModel,
    turn_status,
)
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.models.results import row_total


def vote_result(repo: Repo, session_id: str):
    """The tally of the session's vote on the clusters, or None before any vote."""
    round_ = repo.votes.result_round(session_id)
    if round_ is None:
        return None
    try:
        return repo.votes.tally(session_id, round_)
    except CocreaError:
        return None


def cluster_points(repo: Repo, session_id: str) -> tuple[dict[int, int], str]:
    """Dots per cluster number from the vote (empty when there is no vote yet), and its rule."""
    result = vote_result(repo, session_id)
    if result is None:
        return {}, ""
    return {row.option: row_total(row) for row in result.rows}, result.rule_text


#: What the program knows for the synthesis: the clusters several positions raised, and
#: those only one raised. Raising the same theme is not agreeing on it (the ideas may be
#: opposite), and a theme of one position is not a disagreement: so these are their names.
SEVERAL_POSITIONS = N_("Temas que plantearon varias posturas")
ONE_POSITION = N_("Temas que planteó una sola postura")


def synthesis_lists(repo: Repo, session_id: str) -> tuple[str, str]:
    """(several positions, one position): the program's lists shown beside the synthesis
    fields as a help for the facilitator, never written into them."""
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points, _rule = cluster_points(repo, session_id)
    ranked = sorted(clusters, key=lambda c: (-points.get(c.number, 0), c.number))

    def line(cluster) -> str:
        groups = shared.get(cluster.id, [])
        text = _("• {label} (grupo de ideas {number}) — lo plantearon: {groups}").format(
            label=cluster.label, number=cluster.number, groups=", ".join(groups) or "—")
        if points:
            text += " · " + wording.points(points.get(cluster.number, 0))
        return text

    common = [line(c) for c in ranked if len(shared.get(c.id, [])) > 1]
    apart = [line(c) for c in ranked if len(shared.get(c.id, [])) == 1]
    several = "\n".join([_(SEVERAL_POSITIONS) + ":"] + (common or [
        _("• Ningún grupo de ideas fue planteado por más de una postura.")]))
    one = "\n".join([_(ONE_POSITION) + ":"] + (apart or [
        _("• Ninguno: todos los grupos de ideas los plantearon varias posturas.")]))
    loose = repo.ideas.unclustered(session_id)
    if loose:
        one += "\n" + "\n".join([_("Ideas que no quedaron en ningún grupo (no se "
                                    "votaron):")] + [
            _("• {number}. {text}").format(number=i.number, text=i.text) for i in loose])
    return several, one


def fishbowl_summary_html(repo: Repo, session_id: str) -> str:
    """What the data says: the question, the turns, the clusters with their groups, the vote."""
    esc = html.escape
    session = repo.session(session_id)
    out = ["<h3>{}</h3><p><b>{}</b></p>".format(esc(_("Pregunta detonadora")),
                                                esc(session.question))]
    turns = repo.fishbowl.turns(session_id)
    out.append("<h3>{}</h3><ol>".format(esc(_("Turnos ({minutes} min por grupo)").format(
        minutes=int(repo.fishbowl.turn_minutes(session_id))))))
    for t in turns:
        out.append("<li>{} — {}</li>".format(esc(t.group.label), esc(turn_status(t))))
    out.append("</ol>")
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points, rule = cluster_points(repo, session_id)
    out.append("<h3>{}</h3><ul>".format(esc(_("Grupos de ideas"))))
    for c in sorted(clusters, key=lambda c: (-points.get(c.number, 0), c.number)):
        groups = shared.get(c.id, [])
        tag = ClustersModel.shared_text(groups)
        extra = " · {}".format(esc(wording.points(points.get(c.number, 0)))) if points else ""
        out.append("<li>{n}. <b>{label}</b> — {groups} <i>({tag})</i>{extra}</li>".format(
            n=c.number, label=esc(c.label), groups=esc(", ".join(groups) or "—"),
            tag=esc(tag), extra=extra))
    out.append("</ul>")
    loose = repo.ideas.unclustered(session_id)
    if loose:
        groups = {g.id: g.label for g in repo.fishbowl.groups(session_id)}
        out.append("<h3>{}</h3><ul>".format(esc(_("Ideas sin grupo de ideas (no se "
                                                  "votaron)"))))
        for idea in loose:
            out.append("<li>{n}. {text} — {group}</li>".format(
                n=idea.number, text=esc(idea.text),
                group=esc(groups.get(idea.group_key, "—"))))
        out.append("</ul>")
    result = vote_result(repo, session_id)
    if result is not None:
        labels = {c.number: c.label for c in clusters}
        out.append("<h3>{}</h3><p>{}</p>".format(esc(round_label("vote")),
                                                 esc(_("Regla: {rule}").format(rule=rule))))
        out.append("<table cellpadding='3'><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                   "</tr>".format(esc(_("Lugar")), esc(_("Grupo de ideas")),
                                  esc(_("Puntos")), esc(_("Personas"))))
        for row in result.rows:
            out.append("<tr><td align='center'>{}</td><td>{}. {}</td><td align='center'>{}"
                       "</td><td align='center'>{}</td></tr>".format(
                           row.rank, row.option, esc(labels.get(row.option, "")),
                           row_total(row), getattr(row, "voters", "—")))
        out.append("</table>")
        usage = getattr(result, "usage_text", "") or getattr(result, "check_text", "")
        if usage:
            out.append("<p>{}</p>".format(esc(usage)))
        for step in result.tie_breaks:
            out.append("<p>• {}</p>".format(esc(step.text)))
        for tie in result.near_ties:
            out.append("<p>≈ {}</p>".format(esc(tie.text)))
    return "\n".join(out)
