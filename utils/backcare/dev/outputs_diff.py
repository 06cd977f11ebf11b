"""Developer check for refactors ("students see no change"): compare the outputs of two copies of a notebook, cell by
cell: ``text/plain`` must be equal, and each ``text/html`` output equal byte for byte or at least READING the same
(its text content, whitespace collapsed, entities decoded), so a template that tidies markup passes and a changed
word does not. Images are not compared (alt text and ``text/plain`` carry what a figure shows); inline PNG data, widget
model ids and memory addresses are masked as nbval's sanitising does.

``python -m backcare diff-outputs before.ipynb after.ipynb`` compares two files; ``--execute NOTEBOOK`` re-executes
the committed notebook into memory with the current package and compares it with the committed outputs.

Examples
--------
>>> html_text('<p>it&#x27;s <b>bold</b></p>\\n<ul><li>a</li>  <li>b</li></ul>') == html_text("<p>it&#39;s <b>bold</b></p><ul><li>a</li><li>b</li></ul>")
True
>>> import nbformat.v4 as v4
>>> a = v4.new_notebook(cells=[v4.new_code_cell("x", outputs=[v4.new_output("display_data",
...     data={"text/plain": "T", "text/html": "<p>Hello  <em>you</em></p>"})])])
>>> b = v4.new_notebook(cells=[v4.new_code_cell("x", outputs=[v4.new_output("display_data",
...     data={"text/plain": "T", "text/html": "<div><p>Hello <em>you</em></p></div>"})])])
>>> [d.kind for d in compare(a, b)]
['html-markup']
>>> b.cells[0].outputs[0].data["text/html"] = "<p>Goodbye</p>"
>>> print(compare(a, b)[0])
cell 1, output 1: text/html reads differently: 'Hello you' != 'Goodbye'
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat

_MASKS = (
    (re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=]+"), r"data:image/\1;base64,IMAGE"),
    (re.compile(r"\b0x[0-9a-fA-F]{6,16}\b"), "0xADDRESS"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "UUID"),
    (re.compile(r"<Figure size \d+x\d+ with (\d+) Axes>"), r"<Figure with \1 Axes>"),
)


def _mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag, attrs) -> None:  # alt text and labels are read too
        for name, value in attrs:
            if name in ("alt", "aria-label", "title") and value:
                self.parts.append(f" [{name}: {value}] ")


def html_text(markup: str) -> str:
    """What an HTML output reads as: its text (with alt, aria-label and title), whitespace collapsed."""
    parser = _Text()
    parser.feed(_mask(markup))
    parser.close()
    return " ".join(" ".join(parser.parts).split())


@dataclass(frozen=True)
class Difference:
    cell: int
    output: int
    kind: str          # "count", "text/plain", "html-text" (reads differently) or "html-markup" (reads the same)
    detail: str

    def __str__(self) -> str:
        return f"cell {self.cell}, output {self.output}: {self.detail}"


def _data(output) -> dict:
    if output.get("output_type") == "stream":
        return {"text/plain": output.get("text", "")}
    if output.get("output_type") == "error":
        return {"text/plain": f"{output.get('ename')}: {output.get('evalue')}"}
    data = output.get("data", {})
    return {k: (v if isinstance(v, str) else "".join(v)) for k, v in data.items() if k in ("text/plain", "text/html")}


def compare(before, after) -> list[Difference]:
    """Every difference between the code-cell outputs of two notebooks (nbformat nodes), in cell order."""
    found: list[Difference] = []
    code_a = [c for c in before.cells if c.cell_type == "code"]
    code_b = [c for c in after.cells if c.cell_type == "code"]
    if len(code_a) != len(code_b):
        return [Difference(0, 0, "count", f"{len(code_a)} code cells before, {len(code_b)} after")]
    for i, (ca, cb) in enumerate(zip(code_a, code_b), 1):
        if len(ca.outputs) != len(cb.outputs):
            found.append(Difference(i, 0, "count", f"{len(ca.outputs)} outputs before, {len(cb.outputs)} after"))
            continue
        for j, (oa, ob) in enumerate(zip(ca.outputs, cb.outputs), 1):
            da, db = _data(oa), _data(ob)
            pa, pb = _mask(da.get("text/plain", "")), _mask(db.get("text/plain", ""))
            if pa != pb:
                found.append(Difference(i, j, "text/plain", f"text/plain differs: {pa[:80]!r} != {pb[:80]!r}"))
            ha, hb = _mask(da.get("text/html", "")), _mask(db.get("text/html", ""))
            if ha == hb:
                continue
            ta, tb = html_text(ha), html_text(hb)
            if ta != tb:
                at = next((k for k, (x, y) in enumerate(zip(ta, tb)) if x != y), min(len(ta), len(tb)))
                found.append(Difference(i, j, "html-text", f"text/html reads differently: "
                                                           f"{ta[max(0, at - 30):at + 50]!r} != {tb[max(0, at - 30):at + 50]!r}"))
            else:
                found.append(Difference(i, j, "html-markup", "text/html markup differs, reads the same"))
    return found


def _executed_copy(path: Path):
    from ..builders.execute import execute_notebook, normalise

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    return normalise(execute_notebook(nb, cwd=path.parent, store_widget_state=True))


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when every output reads the same (markup-only differences are listed), 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m backcare diff-outputs", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path,
                        help="BEFORE AFTER, or with --execute one or more committed notebooks")
    parser.add_argument("--execute", action="store_true",
                        help="re-execute each notebook with the current package and compare with its stored outputs")
    args = parser.parse_args(argv)
    if args.execute:
        pairs = [(p, nbformat.read(p, as_version=4), _executed_copy(p)) for p in args.notebooks]
    elif len(args.notebooks) == 2:
        a, b = args.notebooks
        pairs = [(b, nbformat.read(a, as_version=4), nbformat.read(b, as_version=4))]
    else:
        parser.error("give BEFORE and AFTER notebooks, or --execute with committed notebooks")
    status = 0
    for path, before, after in pairs:
        diffs = compare(before, after)
        bad = [d for d in diffs if d.kind != "html-markup"]
        tidy = len(diffs) - len(bad)
        print(f"{path.name}: {'reads the same' if not bad else f'{len(bad)} difference(s)'}"
              + (f" ({tidy} output(s) with tidier markup, same text)" if tidy else ""))
        for d in bad:
            print(f"  {d}")
        status = status or (1 if bad else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
