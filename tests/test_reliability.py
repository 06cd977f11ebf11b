"""Reliability: determinism, independence, bad input in every typed-input widget, escaping of content text, no
network at run time. Parametrised over the notebooks that exist, so new chapters are covered automatically."""
from __future__ import annotations

import json

import ast
import contextlib
import html
import io
import math
import re
import shutil
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.paths import chapter_notebooks, repo_root

ROOT = repo_root()
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")
IDS = [p.stem for p in NOTEBOOKS]
SANITIZE = Path(__file__).resolve().parent / "nbval_sanitize.cfg"


# --------------------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------------------
def _sanitizers() -> list[tuple[re.Pattern, str]]:
    """The regex/replace pairs of tests/nbval_sanitize.cfg (the same rules nbval applies)."""
    lines = SANITIZE.read_text(encoding="utf-8").splitlines()
    pairs = []
    for a, b in zip(lines, lines[1:]):
        if a.startswith("regex: ") and b.startswith("replace: "):
            pairs.append((re.compile(a[len("regex: "):]), b[len("replace: "):]))
    return pairs


def _text_outputs(nb) -> list[list[str]]:
    """Per code cell, its text outputs (stream text and every textual mime type), sanitised as nbval does."""
    rules = _sanitizers()

    def clean(text: str) -> str:
        for pattern, repl in rules:
            text = pattern.sub(repl, text)
        return text

    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for out in cell.outputs:
            if out.output_type == "stream":
                texts.append(f"{out.name}: {clean(out.text)}")
            elif out.output_type == "error":
                texts.append(f"error: {out.ename}: {out.evalue}")
            for mime, value in sorted((out.get("data") or {}).items()):
                if mime.startswith("image/"):
                    continue  # PNG bytes are not text; alt text and text/plain carry what a figure shows
                value = (value if isinstance(value, str) else "".join(value) if isinstance(value, list)
                         else json.dumps(value, sort_keys=True))  # JSON mime types: key order is not meaningful
                texts.append(f"{mime}: {clean(value)}")
        cells.append(texts)
    return cells


def _code_cells(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and "instructor" not in c.metadata.get("tags", [])]


def run_in_process(path: Path) -> list[object]:
    """Run a notebook's code cells in this process (magics dropped); return the value each cell ends with.

    Notebooks hold no logic (no ``def``), so a cell is a few calls; the value of its last expression is what
    Jupyter displays (the explorer, the quiz, the calculator...).
    """
    namespace: dict = {"__name__": "__main__"}
    results = []
    for source in _code_cells(path):
        code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        tree = ast.parse(code)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, str(path), "exec"), namespace)
            value = eval(compile(last, str(path), "eval"), namespace) if last is not None else None
        results.append(value)
    return results


def walk(widget, parents=()):
    """Every widget under ``widget`` (Box/Stack/Tab/Accordion children too) with its chain of ancestors."""
    yield widget, parents
    for child in getattr(widget, "children", ()) or ():
        if isinstance(child, widgets.Widget):
            yield from walk(child, parents + (widget,))


def shown_text(widget) -> str:
    """Text of the HTML widgets a reader sees under ``widget``: for a Stack, only its selected child."""
    if isinstance(widget, (widgets.HTML, widgets.HTMLMath, widgets.Label)):
        return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))
    if isinstance(widget, widgets.Stack):
        i = widget.selected_index
        return shown_text(widget.children[i]) if i is not None else ""
    return " ".join(shown_text(c) for c in getattr(widget, "children", ()) or () if isinstance(c, widgets.Widget))


def _interactive_roots(path: Path) -> list[widgets.Widget]:
    return [v for v in run_in_process(path) if isinstance(v, widgets.Widget)]


@pytest.fixture(scope="module")
def roots_by_notebook():
    """Widgets returned by each notebook's cells, built once per test module (in process, no kernel)."""
    import matplotlib

    matplotlib.use("Agg")
    return {p.stem: _interactive_roots(p) for p in NOTEBOOKS}


# --------------------------------------------------------------------------------------------------------------------
# Determinism and independence
# --------------------------------------------------------------------------------------------------------------------
def _execute_alone(path: Path, folder: Path):
    """Execute a copy of ``path`` in a fresh kernel, in ``folder`` that holds nothing else (so it depends on no other
    notebook and no file beside it), the same way `make execute` does; return the normalised notebook."""
    from backcare.builders.execute import execute_notebook, normalise

    folder.mkdir()
    shutil.copy(path, folder / path.name)
    nb = nbformat.read(folder / path.name, as_version=4)
    execute_notebook(nb, cwd=folder, timeout=180, store_widget_state=True)
    return normalise(nb)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executing_again_gives_identical_text_outputs(tmp_path, path):
    """Determinism and independence. Chapter 00 is executed twice here; every other chapter once, compared with its
    committed outputs (written by the same `make execute` code path), to keep the suite's time reasonable."""
    fresh = _text_outputs(_execute_alone(path, tmp_path / "run1"))
    if path.stem.startswith("00_"):
        other = _text_outputs(_execute_alone(path, tmp_path / "run2"))
        what = "a second execution"
    else:
        other = _text_outputs(nbformat.read(path, as_version=4))
        what = "the committed outputs (run `make execute` if the chapter changed)"
    for i, texts in enumerate(fresh, 1):
        assert not any(t.startswith(("error:", "stderr:")) for t in texts), f"{path.name}: code cell {i}: {texts}"
    for i, (a, b) in enumerate(zip(fresh, other), 1):
        assert a == b, f"{path.name}: code cell {i} differs from {what}:\n{_first_difference(a, b)}"
    assert len(fresh) == len(other)


def _first_difference(new: list[str], old: list[str]) -> str:
    """Where two lists of outputs first differ, with 80 characters of context (outputs are long HTML)."""
    for x, y in zip(new, old):
        if x != y:
            at = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            return f"  now: ...{x[max(0, at - 80):at + 80]!r}\n  was: ...{y[max(0, at - 80):at + 80]!r}"
    return f"  now {len(new)} outputs, was {len(old)}"


def test_sanitising_rules_are_read():
    """Guard for the helper above: the nbval rules are found, so 'identical' means identical after the same rules."""
    rules = _sanitizers()
    assert len(rules) >= 3
    assert any(p.pattern.startswith(r"\b0x") for p, _ in rules)


# --------------------------------------------------------------------------------------------------------------------
# Bad input in every widget that takes typed input
# --------------------------------------------------------------------------------------------------------------------
BAD_INPUTS = [
    "",  # empty
    "   ",  # blank
    "-1",  # out of range for counts
    "1e400",  # overflows a float
    "99999999999999999999",  # out of range
    "ten",  # non-numeric
    "1,5",  # decimal comma
    "12 apples",  # number with words
    "NaN",
    "inf",
    "x" * 5000,  # very long
    "٣٫٥",  # Arabic-Indic digits and decimal separator
    "１２",  # full-width digits
    "🙂",  # emoji
    "\u200b7",  # zero-width space before a digit
    "<script>alert(1)</script>",  # markup typed into the box
]
TRACEBACK_WORDS = re.compile(r"Traceback|Error\b|Exception|File \"", re.IGNORECASE)


def _typed_inputs(roots) -> list[tuple[widgets.Widget, widgets.Widget, tuple]]:
    found = []
    for root in roots:
        for w, parents in walk(root):
            if isinstance(w, (widgets.Text, widgets.Textarea)) and not isinstance(w, widgets.Password):
                found.append((root, w, parents))
    return found


def _feedback_block(text_widget, parents):
    """The nearest ancestor that shows some HTML: where the widget answers what was typed."""
    for ancestor in reversed(parents):
        if any(isinstance(w, (widgets.HTML, widgets.HTMLMath, widgets.Label)) for w, _ in walk(ancestor)):
            return ancestor
    return parents[0] if parents else text_widget


def _submit(text_widget, parents, value: str) -> None:
    """Type ``value`` and press every button beside the box (Check, Calculate...), as a learner would."""
    text_widget.value = value
    block = _feedback_block(text_widget, parents)
    for w, _ in walk(block):
        if isinstance(w, widgets.Button):
            w.click()


JUNK = ["ten", "🙂", "x" * 5000, "<script>alert(1)</script>"]  # never a valid entry anywhere


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_typed_input_answers_bad_input_with_a_clear_message(roots_by_notebook, path):
    """Every Text box in every widget the notebook builds: each bad entry (the others left at their opening
    values) raises nothing, shows a short message with no traceback, never echoes markup as HTML, and for plain junk
    shows something different from what the opening entry shows (i.e. it answers the bad entry)."""
    inputs = _typed_inputs(roots_by_notebook[path.stem])
    if not inputs:
        pytest.skip(f"{path.name} has no typed-input widget")
    for root, box, parents in inputs:
        block = _feedback_block(box, parents)
        boxes = [w for w, _ in walk(root) if isinstance(w, (widgets.Text, widgets.Textarea))]
        opening = {b: b.value for b in boxes}
        _submit(box, parents, opening[box])
        opening_text = " ".join(shown_text(block).split())
        for bad in BAD_INPUTS:
            for other in boxes:
                other.value = opening[other]
            try:
                _submit(box, parents, bad)
            except Exception as exc:  # noqa: BLE001 - the point is that nothing escapes
                pytest.fail(f"{path.name}: {box.description!r}: typing {bad[:30]!r} raised {type(exc).__name__}: {exc}")
            text = " ".join(shown_text(block).split())
            where = f"{path.name}: {box.description!r}: typed {bad[:30]!r}"
            assert text, f"{where}: nothing shown"
            assert not TRACEBACK_WORDS.search(text), f"{where}: {text[:300]}"
            html_values = [w.value for w, _ in walk(block) if isinstance(w, widgets.HTML)]
            assert not any("<script" in v.lower() for v in html_values), f"{where}: typed markup reached HTML"
            assert max(map(len, html_values), default=0) < 4000, f"{where}: a wall of text"
            if bad in JUNK:
                assert text != opening_text, f"{where}: the widget shows no answer to the bad entry"
        box.value = opening[box]


def test_start_here_numeric_question_shows_check_numeric_for_every_bad_input(roots_by_notebook):
    """The exact message, not just 'some message': what the box shows equals check_numeric's message."""
    from backcare.logic.quiz import check_numeric
    from backcare.widgets.quiz import Quiz

    quiz = next(r for r in roots_by_notebook["00_start_here"] if isinstance(r, Quiz))
    blocks = [b for b in quiz.blocks if b.question.kind == "numeric"]
    assert blocks, "00_start_here has a numeric question"
    for block in blocks:
        for bad in BAD_INPUTS:
            block.answer_box.value = bad
            block.check_button.click()
            expected = check_numeric(block.question, bad).message
            assert " ".join(shown_text(block.result).split()) == " ".join(expected.split()), bad[:30]
            assert expected and "Traceback" not in expected and len(expected) < 200


def test_bad_input_messages_name_the_problem():
    """Each kind of bad input gets its own explanation (not one generic 'invalid')."""
    from backcare.lessons.quiz import load_bank
    from backcare.logic.quiz import check_numeric

    q = next(q for q in load_bank("00_start_here").questions if q.kind == "numeric")
    messages = {bad: check_numeric(q, bad) for bad in ("", "ten", "1,5", "x" * 5000, "1e400")}
    assert messages[""].message == "Type a number, then press Check."
    assert messages["ten"].message == "'ten' is not a number: type digits, for example 12 or 0.5."
    assert messages["1,5"].message.startswith("Please write the number without commas")
    assert messages["x" * 5000].message == "That answer is too long: type just the number, up to 40 characters."
    assert messages["1e400"].message == "That number is too large to check: type a value in ordinary notation."
    assert all(m.correct is None for m in messages.values())
    assert check_numeric(q, "١٢").correct is not None  # Arabic-Indic digits are read as a number


# --------------------------------------------------------------------------------------------------------------------
# Calculators: properties not already covered in tests/test_logic_*.py
# --------------------------------------------------------------------------------------------------------------------
probabilities = st.floats(0, 1, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(probabilities, probabilities)
def test_likelihood_ratios_never_crash_and_agree_with_their_definition(sens, spec):
    from backcare.logic.test_accuracy import likelihood_ratios

    try:
        lr_pos, lr_neg = likelihood_ratios(sens, spec)
    except ValueError as exc:
        assert "undefined (0/0)" in str(exc)
        assert (sens, spec) in ((0.0, 1.0), (1.0, 0.0))
        return
    assert lr_pos >= 0 and lr_neg >= 0
    if spec < 1:
        assert math.isclose(lr_pos, sens / (1 - spec), rel_tol=1e-12)
    if 0 < spec:
        assert math.isclose(lr_neg, (1 - sens) / spec, rel_tol=1e-12)
    # a test that is better than a coin (sens + spec > 1) raises the odds when positive and lowers them when negative
    if sens + spec > 1 + 1e-12:
        assert lr_pos > 1 - 1e-12 and lr_neg < 1 + 1e-12


@settings(max_examples=200, deadline=None)
@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99), st.floats(0.01, 0.99), st.booleans())
def test_post_test_probability_equals_pre_test_odds_times_the_likelihood_ratio(pre, sens, spec, positive):
    from backcare.logic.test_accuracy import likelihood_ratios, post_test_probability

    value = post_test_probability(pre, sens, spec, positive=positive)
    lr = likelihood_ratios(sens, spec)[0 if positive else 1]
    odds = pre / (1 - pre) * lr
    assert math.isclose(value, odds / (1 + odds), rel_tol=1e-9, abs_tol=1e-12)


answer_keys = st.one_of(st.integers(-3, 12), st.booleans(), st.text(max_size=3), st.none(), st.floats(allow_nan=True))
answer_values = st.one_of(st.booleans(), st.integers(-1, 2), st.none(), st.text(max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(answer_keys, answer_values, max_size=12))
def test_start_back_on_any_answers_gives_a_result_or_a_value_error_naming_the_item(answers):
    from backcare.logic.start_back import start_back

    try:
        result = start_back(answers)
    except ValueError as exc:
        assert re.search(r"item|answers", str(exc)), str(exc)
        return
    assert 0 <= result.psychosocial <= 5 and result.psychosocial <= result.total <= 9
    assert result.risk in ("low", "medium", "high")


# --------------------------------------------------------------------------------------------------------------------
# Content text is escaped before it reaches HTML (both layers: the models refuse tags; the builders escape anyway)
# --------------------------------------------------------------------------------------------------------------------
SCRIPT = "<script>alert('x')</script> & <b>bold</b>"


def _all_html(widget) -> list[str]:
    return [w.value for w, _ in walk(widget) if isinstance(w, (widgets.HTML, widgets.HTMLMath))]


def test_explorer_card_escapes_text_that_slipped_past_the_models():
    from backcare.content.models import InvasivenessLevel
    from backcare.lessons.invasiveness import level_card_html

    real = __import__("backcare.content", fromlist=["load_content"]).load_content().invasiveness_levels[0]
    level = real.model_copy(update={"name": SCRIPT, "definition": SCRIPT})
    assert isinstance(level, InvasivenessLevel)
    card = level_card_html(level)
    assert "<script" not in card and "<b>" not in card
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in card


def test_quiz_escapes_text_that_slipped_past_the_models():
    from backcare.content.quiz import Option, Question
    from backcare.lessons.quiz import quiz

    option_ok = Option(text="A", correct=True, feedback="A is right because it is the first letter.")
    bad_option = Option.model_construct(text=SCRIPT, correct=False, feedback=SCRIPT + " is tempting.")
    q = Question.model_construct(id="q1", kind="single", prompt=SCRIPT, objective="x", references=[],
                                 options=[option_ok, bad_option], answer=None, tolerance=None, unit=None,
                                 feedback_correct=None, feedback_low=None, feedback_high=None, worked_answer=None)
    w = quiz([q])
    values = _all_html(w)
    assert values and not any("<script" in v or "<b>" in v for v in values), values
    assert any("&lt;script&gt;" in v for v in values)
    w.blocks[0].control.index = 1
    assert "&lt;script&gt;" in w.blocks[0].feedback.children[1].value


def test_explorer_views_from_content_never_carry_script(roots_by_notebook):
    """Every HTML widget every notebook builds from content/ is free of script tags and event handlers."""
    checked = 0
    for name, roots in roots_by_notebook.items():
        for root in roots:
            for value in _all_html(root):
                checked += 1
                assert "<script" not in value.lower(), f"{name}: script in an HTML widget"
                assert not re.search(r"\son[a-z]+\s*=", value, re.I), f"{name}: event handler attribute in HTML"
                assert "javascript:" not in value.lower(), f"{name}: javascript: URL in HTML"
    assert checked > 0


def test_content_models_refuse_script_in_a_yaml_text_field(tmp_path):
    from backcare.content import ContentError, read_content

    source = (ROOT / "content" / "invasiveness.yaml").read_text(encoding="utf-8")
    broken = re.sub(r"(\n    name: )Self-care and education", r"\1Self-care <script>alert(1)</script>", source, count=1)
    assert broken != source, "fixture: the level-0 name line was not found in content/invasiveness.yaml"
    target = tmp_path / "script.invasiveness.yaml"
    target.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError, match=r"levels\.0\.name.*(HTML|tag|script)"):
        read_content(replace={"invasiveness.yaml": target})


# --------------------------------------------------------------------------------------------------------------------
# No network at run time
# --------------------------------------------------------------------------------------------------------------------
NETWORK_MODULES = {"requests", "urllib.request", "urllib3", "http.client", "socket", "aiohttp", "httpx", "ftplib",
                   "smtplib", "websocket", "websockets", "pycurl"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def _network(names: set[str]) -> set[str]:
    return {n for n in names if n in NETWORK_MODULES or any(n.startswith(m + ".") for m in NETWORK_MODULES)}


def test_the_package_imports_no_network_client():
    """The course never talks to the network. The exceptions are tools apart from the course that start and poll
    servers on 127.0.0.1 and nowhere else: the JupyterLab driver (backcare.dev.labdriver), the class hub
    (backcare.builders.hub) and its load test (backcare.dev.classload)."""
    package = ROOT / "utils" / "backcare"
    loopback_tools = [package / "dev" / "labdriver.py", package / "builders" / "hub.py",
                      package / "dev" / "classload.py"]
    for tool in loopback_tools:
        if tool.exists():
            hosts = set(re.findall(r"https?://([^/:\"'{]+)", tool.read_text(encoding="utf-8")))
            assert hosts <= {"127.0.0.1"}, f"{tool.name} names hosts other than 127.0.0.1: {hosts}"
    offenders = {}
    for path in sorted(package.rglob("*.py")):
        if path in loopback_tools:
            continue
        found = _network(_imports(path))
        if found:
            offenders[str(path.relative_to(ROOT))] = sorted(found)
    assert offenders == {}, f"network clients imported at run time: {offenders}"


def test_the_import_scan_catches_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import socket\nfrom urllib import request\nfrom http.client import HTTPConnection\n"
                      "import importlib\nimportlib.import_module('httpx')\nimport json\nfrom urllib.parse import quote\n")
    assert _network(_imports(sample)) == {"socket", "urllib.request", "http.client", "http.client.HTTPConnection",
                                          "httpx"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebooks_import_no_network_client(path):
    found = set()
    for source in _code_cells(path):
        code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        found |= _network({n for node in ast.walk(ast.parse(code)) if isinstance(node, (ast.Import, ast.ImportFrom))
                           for n in ([a.name for a in node.names] if isinstance(node, ast.Import) else
                                     [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names])})
    assert found == set(), f"{path.name} imports {found}"
