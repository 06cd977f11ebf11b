"""Images of the site stored once, as files beside the pages, instead of inline in every page (issue 19).

nbconvert inlines every PNG as a ``data:`` URI: the static figures, and, inside the saved widget state, every view of
every explorer (most of them hidden until chosen). :func:`share_images` writes each distinct PNG once to
``_images/<sha256 prefix>.png`` (content-addressed: a figure shown on two pages is one file) and points the pages at
it. Images inside the widget state also get ``loading="lazy"``, so a browser fetches a hidden view's chart only when a
reader chooses that view. It handles both contexts a PNG appears in: HTML (``src="data:image/png;base64,..."``) and
the widget state's JSON inside a ``<script>`` (``src=\\"data:image\\/png;base64,...\\"``, slashes escaped).

Examples
--------
>>> import tempfile, base64
>>> out = Path(tempfile.mkdtemp())
>>> png = base64.b64encode(b"\\x89PNG fake").decode()
>>> page = f'<img src="data:image/png;base64,{png}" alt="A"><img alt="C" src="data:image/png;base64,{png}"><script>{{"v": "<img src=\\\\"data:image\\\\/png;base64,{png}\\\\" alt=\\\\"B\\\\">"}}</script>'
>>> shared = share_images(page, out)
>>> print(shared.replace(shared[shared.index("_images/") + 8:shared.index(".png")], "HASH"))
<img src="_images/HASH.png" alt="A"><img alt="C" src="_images/HASH.png"><script>{"v": "<img loading=\\"lazy\\" src=\\"_images/HASH.png\\" alt=\\"B\\">"}</script>
>>> [p.name.endswith(".png") for p in (out / "_images").iterdir()]
[True]
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

IMAGES = "_images"
# An <img src=...> whose source is an inline PNG, in HTML or in JSON (quotes and slashes escaped with a backslash).
_INLINE = re.compile(r'(?P<open><img[ ])(?P<pre>[^>]*?)src=(?P<q>\\?")data:image\\?/png;base64,(?P<data>(?:[A-Za-z0-9+=]|\\?/)+)(?P=q)')
# A <script> element (the widget state lives in one). Both patterns parse the page; this module writes no HTML of its
# own: a matched image tag is rewritten from its own parts.
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script[>]", re.S)


def _script_spans(page: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SCRIPT.finditer(page)]


def _name(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()[:20] + ".png"


def default_view_images(nb) -> set[str]:
    """File names of the charts the notebook's interactives show by default: those in their static fallbacks
    (``text/html`` beside each widget view, which shows the default view). These load eagerly, like any figure, so a
    printed page has them; only the hidden views' charts are lazy."""
    names = set()
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if "application/vnd.jupyter.widget-view+json" not in data:
                continue
            text = data.get("text/html", "")
            text = "".join(text) if isinstance(text, list) else text
            names |= {_name(base64.b64decode(b)) for b in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)}
    return names


def share_images(page: str, out: Path, eager: set[str] = frozenset()) -> str:
    """``page`` with every inline PNG written once to ``out/_images/`` and referenced from there; images in the
    widget state load lazily unless their file name is in ``eager`` (see :func:`default_view_images`)."""
    folder = Path(out) / IMAGES
    scripts = _script_spans(page)

    def replace(match: re.Match) -> str:
        quote = match.group("q")
        png = base64.b64decode(match.group("data").replace("\\/", "/"))
        name = _name(png)
        target = folder / name
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
        in_state = any(a <= match.start() < b for a, b in scripts)
        lazy = f"loading={quote}lazy{quote} " if in_state and name not in eager else ""
        return f"{match.group('open')}{lazy}{match.group('pre')}src={quote}{IMAGES}/{name}{quote}"

    return _INLINE.sub(replace, page)


def images_of(page: str) -> list[str]:
    """The names of the shared image files a page refers to (each once), e.g. ``["ab12….png"]``."""
    return sorted(set(re.findall(rf"{IMAGES}(?:\\?/)([0-9a-f]{{20}}\.png)", page)))
