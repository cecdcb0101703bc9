"""Open Space's chart: peak headcount and interest per topic.

Drawn with the shared helpers in workshop.render.charts. Topic titles are
user text: they reach matplotlib only through ``literal_label``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib.patches import Patch

from workshop.i18n import translator
from workshop.openspace.record import Topic
from workshop.render.charts import INK, counted, figure, literal_label, save, style


def headcount_chart(topics: Sequence[Topic], lang: str, fmt: str = "svg") -> bytes:
    """Peak headcount (solid) and interest (hatched) per topic."""
    tr = translator(lang)
    n = len(topics)
    labels = [_label(tp.title) for tp in topics]
    # Two-line titles get a taller row, so neighbouring labels never touch.
    row = 0.44 if any("\n" in label for label in labels) else 0.34
    height = 1.0 + row * max(n, 1)
    with style():
        fig = figure(6.5, height)
        ax = fig.add_axes((0.38, 0.55 / height, 0.58, 1 - 0.95 / height))
        y = np.arange(n)
        peak = [tp.peak for tp in topics]
        interest = [tp.interest for tp in topics]
        bars_peak = ax.barh(
            y - 0.19, peak, height=0.36, facecolor=INK, edgecolor=INK, label=tr("Peak headcount")
        )
        bars_interest = ax.barh(
            y + 0.19,
            interest,
            height=0.36,
            facecolor="white",
            edgecolor=INK,
            hatch="////",
            linewidth=0.8,
            label=tr("Interest"),
        )
        ax.bar_label(bars_peak, padding=2, fontsize=7)
        ax.bar_label(bars_interest, padding=2, fontsize=7)
        ax.set_yticks(y, [literal_label(label) for label in labels])
        ax.set_ylim(n - 0.5, -0.5)  # first topic on top, as on the wall
        ax.set_xlim(0, max([1, *peak, *interest]) * 1.15)
        ax.set_xlabel(tr("People"))
        ax.xaxis.get_major_locator().set_params(integer=True)
        for side in ("right", "top"):
            ax.spines[side].set_visible(False)
        fig.legend(
            handles=[
                Patch(facecolor=INK, edgecolor=INK, label=tr("Peak headcount")),
                Patch(facecolor="white", edgecolor=INK, hatch="////", label=tr("Interest")),
            ],
            loc="upper left",
            bbox_to_anchor=(0.37, 1.0),
            ncols=2,
            frameon=False,
            fontsize=7.5,
        )
        return save(fig, fmt)


def _label(title: str, width: int = 36, lines: int = 2) -> str:
    """A topic title in the label column: wrapped onto at most two lines of
    ``width`` characters (what fits left of the bars), and shortened with
    "…" only when two lines cannot hold it."""
    wrapped = textwrap.wrap(" ".join(title.split()), width) or [""]
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], rest[: width - 1].rstrip() + "…"]
    return "\n".join(wrapped)


def alt_text_headcount(topics: Sequence[Topic], lang: str) -> str:
    tr = translator(lang)
    if not topics:
        return tr("Bar chart: no topics.")
    busiest = max(topics, key=lambda tp: (tp.peak, tp.interest))
    return tr(
        "Bar chart: peak headcount and interest for {topics}; most people at “{title}” ({peak})."
    ).format(
        topics=counted(len(topics), tr("{n} topic"), tr("{n} topics")), title=busiest.title, peak=busiest.peak
    )
