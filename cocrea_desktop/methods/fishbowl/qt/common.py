"""What the fishbowl's panels share: the tables they follow, the drawn order in words."""

from __future__ import annotations

FISHBOWL_TABLES = ("fishbowl_group", "fishbowl_turn", "timer", "idea", "cluster", "session")


def order_text(groups) -> str:
    """The drawn order in one line: "1. Ejidatarios · 2. Comerciantes · 3. Mujeres"."""
    # no-break spaces inside an item: a line wraps between groups, never inside one
    return "   ".join(f"{g.turn_order}. {g.label}".replace(" ", "\u00a0")
                      for g in groups if g.turn_order)
