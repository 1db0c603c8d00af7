"""What the room sees in the toy's own phase: the colours said so far."""

from __future__ import annotations

from cocrea_desktop.core.room import RoomItem


def colours(repo, session_id, phase) -> dict:
    items = tuple(RoomItem(str(c.number), c.name) for c in repo.toy.colours(session_id))
    return {"mode": "ideas" if items else "empty", "items": items, "items_title": "Colores dichos",
                "footer": "" if items else "Aún no se dice ningún color.", "follow_last": True}


#: The toy's phase kind and its view (the vote phase is generic).
VIEWS = {"toy_colours": colours}
