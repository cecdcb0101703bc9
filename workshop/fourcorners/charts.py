"""Fyra hörn's chart: how many people ended in each corner.

Drawn with the shared helpers in workshop.render.charts. Corner labels are
user text: they reach matplotlib only through ``literal_label``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.font_manager import FontProperties

from workshop.fourcorners.domain import corner_letter
from workshop.i18n import translator
from workshop.render.charts import INK, counted, figure, literal_label, save, style


def corners_chart(
    labels: Sequence[str], counts: Sequence[int], passes: int, lang: str, fmt: str = "svg"
) -> bytes:
    """One bar per corner (solid), then the passes (hatched), top to bottom."""
    tr = translator(lang)
    values = [*counts, passes]
    with style():
        fig = figure(6.5, 2.0)
        ax = fig.add_axes((0.4, 0.2, 0.54, 0.74))
        room = _label_room(fig, ax)
        names = [
            literal_label(_fitted(f"{corner_letter(i)}  ", label, fig, room))
            for i, label in enumerate(labels)
        ]
        names.append(tr("Pass"))
        y = np.arange(len(values))
        corners = ax.barh(y[:-1], counts, height=0.62, facecolor=INK, edgecolor=INK)
        passed = ax.barh(
            y[-1:], [passes], height=0.62, facecolor="white", edgecolor=INK, hatch="////", linewidth=0.8
        )
        for bars in (corners, passed):
            ax.bar_label(bars, padding=2, fontsize=7.5)
        ax.set_yticks(y, names)
        ax.set_ylim(len(values) - 0.5, -0.5)  # A on top
        ax.set_xlim(0, max([1, *values]) * 1.15)
        ax.set_xlabel(tr("People"))
        ax.xaxis.get_major_locator().set_params(integer=True)
        for side in ("right", "top"):
            ax.spines[side].set_visible(False)
        return save(fig, fmt)


def _label_room(fig, ax) -> float:
    """Pixels left of the axes for a tick label (less the tick and its pad)."""
    return ax.get_position().x0 * fig.bbox.width - 12 * fig.dpi / 72


def _fitted(prefix: str, label: str, fig, room: float) -> str:
    """prefix + label, cut with "…" until it fits in room pixels: labels
    are up to 80 characters, and "WWW…" is wider than "iii…"."""
    label = " ".join(label.split())
    renderer = fig.canvas.get_renderer()
    font = FontProperties(size="medium")  # the tick labels' size, inside style()
    n = len(label)
    while True:
        text = prefix + (label if n >= len(label) else label[:n].rstrip() + "…")
        width, _, _ = renderer.get_text_width_height_descent(text, font, ismath=False)
        if width <= room or n <= 1:
            return text
        n -= 2


def alt_text(labels: Sequence[str], counts: Sequence[int], passes: int, lang: str) -> str:
    """One sentence: every corner's count, then the passes."""
    tr = translator(lang)
    corners = "; ".join(
        tr("{corner} ({label}): {count}").format(corner=corner_letter(i), label=label, count=n)
        for i, (label, n) in enumerate(zip(labels, counts))
    )
    return tr("Bar chart of the four corners: {corners}; {passes}.").format(
        corners=corners, passes=counted(passes, tr("{n} pass"), tr("{n} passes"))
    )
