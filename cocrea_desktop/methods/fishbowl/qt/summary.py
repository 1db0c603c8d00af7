"""What the fishbowl's data says, for the synthesis: the vote on the clusters, and the
themes several positions raised and those one raised (the summary above the synthesis
fields is the relatoría's, ``relatoria_panel.summary_html``).
"""

from __future__ import annotations

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.fishbowl.report import ONE_POSITION, SEVERAL_POSITIONS
from cocrea_desktop.store.repo import Repo


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
    return {row.option: row.total for row in result.rows}, result.rule_text


def synthesis_lists(repo: Repo, session_id: str) -> tuple[str, str]:
    """(several positions, one position): the program's lists shown beside the synthesis
    fields as a help for the facilitator, never written into them."""
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points, _rule = cluster_points(repo, session_id)
    ranked = sorted(clusters, key=lambda c: (-points.get(c.number, 0), c.number))

    def line(cluster) -> str:
        groups = shared.get(cluster.id, [])
        text = ngettext("• {label} (grupo de ideas {number}) — lo planteó: {groups}",
                        "• {label} (grupo de ideas {number}) — lo plantearon: {groups}",
                        max(1, len(groups))).format(
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

