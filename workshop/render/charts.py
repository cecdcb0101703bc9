"""What every appendix chart shares: style, figure, encoding, labels.

The charts themselves belong to their methods (workshop/barometer/charts.py,
workshop/openspace/charts.py, workshop/fourcorners/charts.py) and are drawn
with the helpers here.

Uses matplotlib's object API (``Figure`` + the Agg canvas) and never pyplot:
pyplot keeps global figure state, which is neither thread-safe nor needed for
rendering in a worker thread. Every chart is readable in grayscale: dark ink,
hatching and line styles carry the meaning, never colour alone. Text is set
in DejaVu Sans (bundled with matplotlib), which has å, ä and ö.

Speed matters (20 statements x 500 participants must render in seconds), so
each chart draws its dots with one scatter call and its lines with one
LineCollection, never one artist per person.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib
from babel.numbers import format_decimal
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

INK = "#1a1a1a"
MID_GREY = "0.45"
# 110 dpi: sharp on screen and in print at the ~16 cm width the exports use,
# and about half the pixels (and encode time) of 150 dpi.
PNG_DPI = 110
FORMATS = ("svg", "png")
# Fixed salt and no timestamps: the same data gives byte-identical charts.
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "svg.hashsalt": "workshop-appendix",
    "axes.edgecolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.color": MID_GREY,
}
_METADATA = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}


@dataclass(frozen=True)
class Chart:
    """One chart of the appendix, drawn when an export asks, in its format."""

    file: str  # path in the Markdown zip ("charts/….png"): unique, so also its key in templates
    alt: str  # one sentence in the export's language
    draw: Callable[[str], bytes]  # "png" | "svg" -> the image
    narrow: bool = False  # beside the text rather than across the full width


def literal_label(text: str) -> str:
    """User text as a matplotlib label that is drawn exactly as written.

    matplotlib reads text between two "$" as mathtext: "x^2 $^$" or
    "a ${ b $" would raise while drawing and take the whole export down.
    With every "$" escaped the label is plain text again, and matplotlib
    drops the backslashes when it draws. Every label that comes from user
    text (a topic title, ...) must pass through here.
    """
    return text.replace("$", r"\$")


def counted(n: int, one: str, many: str) -> str:
    """'1 position' / '14 positions': pass both already-translated forms.

    Swedish and English both have just singular and plural, so this is
    enough for our two languages.
    """
    return (one if n == 1 else many).format(n=n)


def format_number(x: float, lang: str, signed: bool = False) -> str:
    """One decimal at most, in the language's style: '15,5' (sv), '15.5' (en)."""
    pattern = "+#,##0.#;-#,##0.#" if signed else "#,##0.#"
    return format_decimal(round(x, 1), format=pattern, locale="sv_SE" if lang == "sv" else "en_GB")


def style():
    """The shared look; draw every chart inside ``with style():``."""
    return matplotlib.rc_context(_RC)


def figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=PNG_DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def save(fig: Figure, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}")
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=PNG_DPI, metadata=_METADATA[fmt], facecolor="white")
    return buf.getvalue()
