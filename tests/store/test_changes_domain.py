"""Changes say what changed in domain terms: the session concerned, the record created."""

from __future__ import annotations

from cocrea_desktop.core.changes import Changes


def test_creating_says_what_was_created_and_in_which_session(repo):
    sid, changes = repo.add_session(method="nominal_group", question="¿Qué mejorar?")
    assert (changes.created, changes.created_kind, changes.session_id) == (sid, "session", sid)
    assert changes.touches("session")  # views that subscribe to tables keep working

    idea, changes = repo.ideas.add(sid, "Alumbrado en la calle principal")
    assert (changes.created, changes.created_kind, changes.session_id) == (idea.id, "idea", sid)
    repo.ideas.add(sid, "Bancas en el parque")
    merge, changes = repo.ideas.propose_merge(sid, [1, 2])
    assert (changes.created, changes.created_kind) == (merge.id, "merge_proposal")
    cluster, changes = repo.ideas.add_cluster(sid, "Espacios públicos")
    assert (changes.created, changes.created_kind) == (cluster.id, "cluster")

    copy, changes = repo.duplicate_session(sid)
    assert (changes.created, changes.session_id) == (copy, copy) and copy != sid


def test_a_change_says_which_session_it_concerns(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué mejorar?")
    other, _ = repo.add_session(method="nominal_group", question="¿Y el agua?")
    changes = repo.update_session(sid, place="Cancha techada")
    assert changes.created is None and changes.session_id == sid
    assert changes.concerns(sid) and not changes.concerns(other)
    assert repo.phases.forward(sid).session_id == sid
    assert Changes(tables=frozenset({"process"})).concerns(other)  # unknown: may concern it
    assert Changes.all().concerns(other)


def test_joined_changes_keep_what_they_share():
    a = Changes(tables=frozenset({"idea"}), session_id="s1", created="i1", created_kind="idea")
    b = Changes(tables=frozenset({"cluster"}), session_id="s1")
    assert (a | b).session_id == "s1" and (a | b).created == "i1"
    assert (a | Changes(session_id="s2")).session_id is None
    assert (a | b).touches("cluster") and (a | b).touches("idea")
