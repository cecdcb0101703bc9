"""QR codes for the join link: SVG for pages, text for the terminal."""

from __future__ import annotations

import io
import re

import qrcode
import qrcode.image.svg


def qr_svg(url: str) -> str:
    """An inline <svg> (no XML declaration), black on white, scalable."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=2)
    svg = image.to_string(encoding="unicode")
    svg = svg[svg.index("<svg") :]
    # Drop the fixed size so the page's CSS decides how big it is.
    return re.sub(r'^<svg width="[^"]*" height="[^"]*"', "<svg", svg, count=1)


def qr_text(url: str) -> str:
    """The QR code drawn with block characters, for `make run`'s terminal."""
    qr = qrcode.QRCode(border=2)
    qr.add_data(url)
    out = io.StringIO()
    qr.print_ascii(out=out, invert=True)
    return out.getvalue()
