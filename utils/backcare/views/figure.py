"""A chart as HTML: the ``<img>`` with inline PNG and escaped alt text, and the ``<figure>`` with its data table."""
from __future__ import annotations

import base64

from .render import render
from .tables import Table

__all__ = ["img_html", "figure_html"]


def img_html(png: bytes, alt: str, *, width: int | None = None) -> str:
    """An ``<img>`` tag with inline PNG data and escaped alt text.

    >>> img_html(b"x", 'a "b"', width=40)
    '<img src="data:image/png;base64,eA==" alt="a &quot;b&quot;" style="max-width:100%;width:40px">'
    """
    return render("img.html.j2", data=base64.b64encode(png).decode("ascii"), alt=alt, width=width)


def figure_html(png: bytes, alt: str, *, caption: str | None = None, table: Table | None = None) -> str:
    """``<figure>`` (image, optional caption) followed by the folded data table when there is one."""
    from markupsafe import Markup

    return render("figure.html.j2", img=Markup(img_html(png, alt)), caption=caption, table=table)
