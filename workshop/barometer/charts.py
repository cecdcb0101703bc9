"""The barometer's charts: final positions on the line, and who moved.

Drawn with the shared helpers in workshop.render.charts (style, figure,
encoding). Nothing here draws user text; the frames' labels still go
through ``literal_label``, as any label must that a caller hands in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from workshop.barometer.domain_summary import DISAGREE_MAX, MIDDLE_MAX, MOVE_THRESHOLD
from workshop.i18n import translator
from workshop.render.charts import INK, MID_GREY, counted, figure, format_number, literal_label, save, style

# Region boundaries drawn between the last disagree and first middle value.
_BOUNDS = (DISAGREE_MAX + 0.5, MIDDLE_MAX + 0.5)


def _scale_axis(ax, tr, axis: str = "x") -> None:
    """0..100 axis labelled at the ends (and the middle) in words."""
    ticks, labels = [0, 50, 100], [tr("Disagree"), tr("Middle"), tr("Agree")]
    if axis == "x":
        ax.set_xlim(-3, 103)
        ax.set_xticks(ticks, labels)
        ax.get_xticklabels()[0].set_horizontalalignment("left")
        ax.get_xticklabels()[-1].set_horizontalalignment("right")
    else:
        ax.set_ylim(-3, 103)
        ax.set_yticks(ticks, labels)


def _shade_middle(ax, axis: str = "x") -> None:
    span = ax.axvspan if axis == "x" else ax.axhspan
    # Plain light fill (a hatch here would cost ~60 kB per SVG); the dashed
    # boundaries and the word "Middle" carry the meaning in grayscale.
    span(*_BOUNDS, facecolor="0.93", linewidth=0, zorder=0)
    line = ax.axvline if axis == "x" else ax.axhline
    for b in _BOUNDS:
        line(b, color=MID_GREY, linestyle=(0, (2, 2)), linewidth=0.7, zorder=1)


def _swarm(values: Sequence[int], width_pt: float, height_pt: float):
    """x, y and marker size (pt) so that dots at the same spot do not cover
    each other: dots in a bin one diameter wide stack outwards from the
    centre line (0, +1, -1, +2, ...); the diameter shrinks until the tallest
    stack fits in the axes."""
    x = np.sort(np.asarray(values, dtype=float))
    pt_per_unit_x = width_pt / 106.0
    diameter = 6.0
    for _ in range(8):
        bins = np.round(x / (diameter / pt_per_unit_x)).astype(int)
        rank = np.arange(len(x)) - np.searchsorted(bins, bins, side="left")
        level = (rank + 1) // 2
        if len(x) == 0 or (level.max() + 0.5) * diameter <= height_pt / 2 or diameter <= 1.5:
            break
        diameter = max(1.5, diameter * 0.8)
    sign = np.where(rank % 2 == 1, 1.0, -1.0)
    y = sign * level * diameter / (height_pt / 2)  # data units: axes run -1..1
    return x, y, diameter


def _dots_on_line(fig, rect, values: Sequence[int], tr) -> None:
    """One 0..100 line with the values as non-overlapping dots, in ``rect`` of ``fig``."""
    ax = fig.add_axes(rect)
    _shade_middle(ax)
    ax.axhline(0, color=MID_GREY, linewidth=0.6, zorder=1)
    width_in, height_in = fig.get_size_inches()
    bbox = ax.get_position()
    x, y, d = _swarm(values, bbox.width * width_in * 72, bbox.height * height_in * 72 * 0.95)
    ax.scatter(
        x, y, s=d * d, marker="o", facecolor=INK, edgecolor="white", linewidth=max(0.3, d / 12), zorder=3
    )
    ax.set_ylim(-1.05, 1.05)
    ax.set_yticks([])
    _scale_axis(ax, tr)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)


def statement_strip(values: Sequence[int], passes: int, lang: str, fmt: str = "svg") -> bytes:
    """Final positions as dots on the 0..100 line."""
    tr = translator(lang)
    with style():
        fig = figure(6.5, 1.9)
        _dots_on_line(fig, (0.03, 0.27, 0.94, 0.58), values, tr)
        fig.text(
            0.03, 0.9, counted(len(values), tr("{n} position"), tr("{n} positions")), ha="left", fontsize=8.5
        )
        fig.text(0.97, 0.9, tr("Pass / Don't know: {n}").format(n=passes), ha="right", fontsize=8.5)
        return save(fig, fmt)


# The replay's three frames, top to bottom, in rows of equal height above
# one shared scale. One axes and few texts: drawn for every statement of
# every PDF, it must cost about what a strip costs. The HTML export crops
# the figure to one row at a time (templates/barometer/appendix.html).
FRAMES_WIDTH, FRAME_ROW_HEIGHT, FRAMES_SCALE_HEIGHT = 6.5, 0.85, 0.3


def frames_chart(frames: Sequence[tuple[str, Sequence[int], int]], lang: str, fmt: str = "svg") -> bytes:
    """Small multiples: (label, values, passes) per frame, one row each."""
    tr = translator(lang)
    rows = len(frames)
    height = FRAME_ROW_HEIGHT * rows + FRAMES_SCALE_HEIGHT
    with style():
        fig = figure(FRAMES_WIDTH, height)
        ax = fig.add_axes((0.03, FRAMES_SCALE_HEIGHT / height, 0.94, 1 - FRAMES_SCALE_HEIGHT / height))
        ax.set_ylim(0, rows)
        _shade_middle(ax)
        centres = [rows - i - 0.6 for i in range(rows)]  # row i spans rows-i-1 .. rows-i
        ax.hlines(centres, 0, 100, color=MID_GREY, linewidth=0.6, zorder=1)
        band_pt = FRAME_ROW_HEIGHT * 72 * 0.62
        # One dot size for every row (the smallest any row needs): frames
        # compare at a glance, and one size is one fast marker draw.
        swarms = [_swarm(values, 0.94 * FRAMES_WIDTH * 72, band_pt) for _, values, _ in frames]
        d = min(sw[2] for sw in swarms)
        for centre, (x, y, _), (label, values, _passes) in zip(centres, swarms, frames):
            ax.scatter(
                x,
                centre + y * 0.31,
                s=d * d,
                marker="o",
                facecolor=INK,
                edgecolor="white",
                linewidth=max(0.3, d / 12),
                zorder=3,
            )
            # Short labels: every glyph costs (this chart is drawn once per statement
            # of every PDF); the passes are in the alt text and under the strip.
            ax.text(
                0,
                centre + 0.4,
                literal_label(label) + " · " + counted(len(values), tr("{n} position"), tr("{n} positions")),
                ha="left",
                va="bottom",
                fontsize=8.5,
            )
        ax.set_yticks([])
        _scale_axis(ax, tr)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        return save(fig, fmt)


def movement_chart(pairs: Sequence[tuple[int, int]], lang: str, fmt: str = "svg") -> bytes:
    """Slope lines from first to final position, one per participant."""
    tr = translator(lang)
    with style():
        fig = figure(4.6, 2.6)
        ax = fig.add_axes((0.27, 0.1, 0.4, 0.8))
        _shade_middle(ax, axis="y")
        _scale_axis(ax, tr, axis="y")
        ax.set_xlim(-0.12, 1.12)
        ax.set_xticks([0, 1], [tr("First"), tr("Final")])
        for side in ("right", "top"):
            ax.spines[side].set_visible(False)
        handles = []  # the legend lists only the line styles drawn
        if pairs:
            arr = np.asarray(pairs, dtype=float)
            shift = arr[:, 1] - arr[:, 0]
            styles = [
                (shift >= MOVE_THRESHOLD, INK, "solid", 1.0, tr("Towards agree")),
                (shift <= -MOVE_THRESHOLD, INK, (0, (4, 2)), 1.0, tr("Towards disagree")),
                (np.abs(shift) < MOVE_THRESHOLD, "0.65", (0, (1, 2)), 0.8, tr("Unchanged")),
            ]
            alpha = 1.0 if len(arr) <= 60 else 0.35  # many lines: let density show
            for mask, color, line_style, width, label in styles:
                if not mask.any():
                    continue
                segs = np.stack(
                    [
                        np.stack([np.zeros(mask.sum()), arr[mask, 0]], 1),
                        np.stack([np.ones(mask.sum()), arr[mask, 1]], 1),
                    ],
                    1,
                )
                ax.add_collection(
                    LineCollection(
                        segs, colors=color, linestyles=line_style, linewidths=width, alpha=alpha, zorder=2
                    )
                )
                handles.append(Line2D([], [], color=color, linestyle=line_style, label=label))
            ax.scatter(
                np.zeros(len(arr)), arr[:, 0], s=12, facecolor="white", edgecolor=INK, linewidth=0.7, zorder=3
            )
            ax.scatter(np.ones(len(arr)), arr[:, 1], s=12, facecolor=INK, edgecolor=INK, zorder=3)
        else:
            ax.text(0.5, 50, tr("No movement recorded."), ha="center", va="center")
        if handles:
            fig.legend(
                handles=handles, loc="center right", frameon=False, fontsize=7.5, bbox_to_anchor=(1.0, 0.5)
            )
        return save(fig, fmt)


# --- Alt texts: one sentence each, in the export's language ---------------
def alt_text_strip(values: Sequence[int], passes: int, lang: str) -> str:
    tr = translator(lang)
    positions = counted(len(values), tr("{n} position"), tr("{n} positions"))
    passed = counted(passes, tr("{n} pass"), tr("{n} passes"))
    if not values:
        return tr("Dot plot: {positions}, {passes}.").format(positions=positions, passes=passed)
    return tr("Dot plot: {positions}, {passes}, mean {mean}.").format(
        positions=positions, passes=passed, mean=format_number(float(np.mean(values)), lang)
    )


def alt_text_movement(pairs: Sequence[tuple[int, int]], lang: str) -> str:
    tr = translator(lang)
    shifts = [b - a for a, b in pairs]
    return tr(
        "Slope chart: {moved} of {participants} moved, {up} towards agree and {down} towards disagree."
    ).format(
        moved=sum(1 for s in shifts if abs(s) >= MOVE_THRESHOLD),
        participants=len(pairs),
        up=sum(1 for s in shifts if s >= MOVE_THRESHOLD),
        down=sum(1 for s in shifts if s <= -MOVE_THRESHOLD),
    )


def alt_text_frames(frames: Sequence[tuple[str, Sequence[int], int]], lang: str) -> str:
    tr = translator(lang)
    parts = []
    for label, values, passes in frames:
        positions = counted(len(values), tr("{n} position"), tr("{n} positions"))
        part = f"{label}: {positions}"
        if passes:
            part += ", " + counted(passes, tr("{n} pass"), tr("{n} passes"))
        if values:
            part += ", " + tr("mean {mean}").format(mean=format_number(float(np.mean(values)), lang))
        parts.append(part)
    return tr("The replay in three frames: {frames}.").format(frames="; ".join(parts))


def format_shift(x: float, lang: str) -> str:
    """Signed number in the language's style: '+5,5' (sv), '+5.5' (en)."""
    return format_number(x, lang, signed=True)
