"""Student copies (``python -m backcare student``): no instructor cell, no instructor guide, outputs kept."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from backcare.notebook_meta import is_instructor
from backcare.builders.student import main, notebook_role, student_notebook, write_student_copies
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")


def _role(path: Path) -> str:
    return notebook_role(nbformat.read(path, as_version=4), path.name)


CHAPTERS = [p for p in NOTEBOOKS if _role(p) == "chapter"]
GUIDES = [p for p in NOTEBOOKS if _role(p) == "instructor"]


def _instructor_lines() -> list[tuple[str, str]]:
    lines = []
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if is_instructor(cell):
                lines += [(path.name, ln.strip()) for ln in cell.source.splitlines() if len(ln.strip()) > 30]
    return lines


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    write_student_copies(out)
    return out


def test_every_chapter_and_no_guide_is_copied(student_dir):
    assert GUIDES, "the instructor guide (metadata backcare.role = instructor) is missing"
    assert sorted(p.name for p in student_dir.glob("*.ipynb")) == [p.name for p in CHAPTERS]


def test_no_instructor_text_reaches_a_student_copy(student_dir):
    lines = _instructor_lines()
    assert lines, "no instructor cells in the series: this test would prove nothing"
    for path in student_dir.glob("*.ipynb"):
        raw = path.read_text(encoding="utf-8")
        nb = nbformat.read(path, as_version=4)
        assert not any(is_instructor(c) for c in nb.cells), f"{path.name} keeps an instructor cell"
        text = "\n".join(c.source for c in nb.cells)
        for source, line in lines:
            # the start of a line of its own instructor cells; a whole line of another notebook's (short phrases
            # may legitimately recur in another chapter's prose)
            needle = line[:60] if source == path.name else line
            if source != path.name and len(line) < 60:
                continue
            assert needle not in text and needle not in raw, (
                f"instructor text from {source} reached student/{path.name}: {needle!r}")


def test_student_copies_keep_everything_else(student_dir):
    for source in CHAPTERS:
        original = nbformat.read(source, as_version=4)
        copy = nbformat.read(student_dir / source.name, as_version=4)
        nbformat.validate(copy)
        kept = [c for c in original.cells if not is_instructor(c)]
        assert [c.source for c in copy.cells] == [c.source for c in kept]
        assert [c.get("outputs") for c in copy.cells] == [c.get("outputs") for c in kept]
        assert copy.metadata == original.metadata


def test_fixture_notebooks(tmp_path):
    src = tmp_path / "notebooks"
    src.mkdir()
    chapter = new_notebook(cells=[new_markdown_cell("# Ch"), new_code_cell("1 + 1"),
                                  new_markdown_cell("Model answer: 2.", metadata={"tags": ["instructor"]})])
    guide = new_notebook(cells=[new_markdown_cell("# Guide")])
    guide.metadata["backcare"] = {"role": "instructor"}
    nbformat.write(chapter, src / "10_ch.ipynb")
    nbformat.write(guide, src / "99_guide.ipynb")
    out = tmp_path / "student"
    out.mkdir()
    (out / "98_stale.ipynb").write_text("{}")  # a copy whose source is gone is removed
    written = write_student_copies(out, src)
    assert [p.name for p in written] == ["10_ch.ipynb"]
    assert sorted(p.name for p in out.iterdir()) == ["10_ch.ipynb"]
    assert [c.source for c in nbformat.read(out / "10_ch.ipynb", as_version=4).cells] == ["# Ch", "1 + 1"]


def test_student_notebook_does_not_change_its_input():
    nb = new_notebook(cells=[new_markdown_cell("x", metadata={"tags": ["instructor"]})])
    assert student_notebook(nb).cells == []
    assert len(nb.cells) == 1


def test_bad_role_and_empty_folder_are_clear_errors(tmp_path, capsys):
    with pytest.raises(ValueError, match=r"^x.ipynb: metadata backcare.role must be 'chapter' or 'instructor', "
                                         r"not 'student'$"):
        notebook_role({"metadata": {"backcare": {"role": "student"}}}, "x.ipynb")
    assert main(["--source", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "student copies not written: no notebooks named NN_*.ipynb in" in capsys.readouterr().err


def test_command_line_writes_the_copies(tmp_path):
    out = tmp_path / "student"
    result = subprocess.run([sys.executable, "-m", "backcare", "student", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"wrote {len(CHAPTERS)} notebooks for the self-study audience" in result.stdout
    assert sorted(p.name for p in out.glob("*.ipynb")) == [p.name for p in CHAPTERS]


def test_the_audience_option_is_the_builders_one(tmp_path):
    """`student --audience`: class copies lose the model answers too; a teacher copy keeps everything, guide included."""
    from backcare.builders.audience import TAG_ANSWER, TAG_INSTRUCTOR

    def tagged(folder, tag):
        return sum(tag in (c.get("metadata", {}).get("tags") or []) for p in folder.glob("*.ipynb")
                   for c in nbformat.read(p, as_version=4).cells)

    copies = {}
    for audience in ("self-study", "class", "teacher"):
        copies[audience] = tmp_path / audience
        assert main(["--out", str(copies[audience]), "--audience", audience]) == 0
    everything = [p.name for p in chapter_notebooks(ROOT / "notebooks")]
    assert sorted(p.name for p in copies["teacher"].glob("*.ipynb")) == everything
    assert sorted(p.name for p in copies["class"].glob("*.ipynb")) == [p.name for p in CHAPTERS]
    assert tagged(copies["self-study"], TAG_ANSWER) > 0 and tagged(copies["class"], TAG_ANSWER) == 0
    assert tagged(copies["self-study"], TAG_INSTRUCTOR) == 0 and tagged(copies["teacher"], TAG_INSTRUCTOR) > 0
