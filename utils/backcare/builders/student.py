"""Student copies: ``python -m backcare student`` (``make student``) writes ``student/`` from the same sources.

A student copy is the committed, executed notebook without its instructor cells (tag ``instructor``: timings, model
answers, debriefs). Notebooks whose metadata says ``"backcare": {"role": "instructor"}`` (the instructor guide) are
left out entirely. Nothing is written twice: teachers edit ``notebooks/``, students get what this module derives.

Examples
--------
>>> import nbformat.v4 as v4
>>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("# Chapter"),
...                             v4.new_markdown_cell("Model answer: ...", metadata={"tags": ["instructor"]})])
>>> [c.source for c in student_notebook(nb).cells]
['# Chapter']
>>> len(nb.cells)  # the source is not changed
2
>>> notebook_role({"metadata": {"backcare": {"role": "teacher"}}}, "99_x.ipynb")
Traceback (most recent call last):
...
ValueError: 99_x.ipynb: metadata backcare.role must be 'chapter' or 'instructor', not 'teacher'
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat

from ..notebook_meta import ROLES, is_instructor, is_instructor_notebook, notebook_role  # noqa: F401
from ..paths import chapter_notebooks, notebooks_dir, repo_root
from .audience import add_audience_argument, audience_notebook, check_audience, notebook_visible


def student_notebook(nb):
    """A copy of ``nb`` without instructor cells; outputs and everything else are kept."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not is_instructor(c)]
    return nb


def write_student_copies(out: str | Path | None = None, source: str | Path | None = None,
                         audience: str = "self-study") -> list[Path]:
    """Write a student copy of every chapter notebook in ``source`` (default ``notebooks/``) to ``out`` (default
    ``student/``) for ``audience`` (``backcare.builders.audience``; the default, ``self-study``, leaves out
    instructor cells and notebooks, ``class`` also the model answers); remove stale ``NN_*.ipynb`` files from ``out``;
    return the paths.

    Examples
    --------
    >>> import tempfile
    >>> write_student_copies(tempfile.mkdtemp(), source=tempfile.mkdtemp())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileNotFoundError: no notebooks named NN_*.ipynb in ...: nothing to copy
    """
    check_audience(audience)
    source = Path(source) if source is not None else notebooks_dir()
    out = Path(out) if out is not None else repo_root() / "student"
    paths = chapter_notebooks(source)
    if not paths:
        raise FileNotFoundError(f"no notebooks named NN_*.ipynb in {source}: nothing to copy")
    out.mkdir(parents=True, exist_ok=True)
    for old in chapter_notebooks(out):
        old.unlink()
    written = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        notebook_role(nb, path.name)  # a bad role is an error, whatever the audience
        if not notebook_visible(nb, audience):
            continue
        target = out / path.name
        nbformat.write(audience_notebook(nb, audience), target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m backcare student",
        description="Write student notebooks (no instructor cells, no instructor guide) to student/.")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default student/)")
    parser.add_argument("--source", type=Path, default=None, help="notebook folder (default notebooks/)")
    parser.add_argument("--git", type=Path, default=None, metavar="DIR",
                        help="publish the student copy as a git repository in DIR (for nbgitpuller)")
    add_audience_argument(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.git is not None:
        from .student_repo import publish_student_repo

        try:
            commit = publish_student_repo(args.git, args.source)
        except (FileNotFoundError, FileExistsError, ValueError, RuntimeError) as exc:
            print(f"student repository not published: {exc}", file=sys.stderr)
            return 1
        print(f"student copy committed in {args.git} (branch main, commit {commit[:12]}); "
              f"nbgitpuller repo URL: file://{args.git.resolve()}")
        return 0
    try:
        written = write_student_copies(args.out, args.source, args.audience)
    except (FileNotFoundError, ValueError) as exc:
        print(f"student copies not written: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"  {path}")
    left_out = {"self-study": "instructor cells and the instructor guide left out",
                "class": "instructor cells, model answers and the instructor guide left out",
                "teacher": "everything kept, the instructor guide included"}[args.audience]
    print(f"wrote {len(written)} notebook{'s' if len(written) != 1 else ''} for the {args.audience} audience "
          f"({left_out})")
    return 0
