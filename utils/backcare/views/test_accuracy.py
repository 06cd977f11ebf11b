"""Test accuracy as HTML: the post-test report for typed inputs and one pre-computed scenario of a test."""
from __future__ import annotations

from ..logic.exam_tests import SCENARIOS, exam_test, exam_tests
from ..logic.natural_frequencies import natural_frequencies
from ..logic.test_accuracy import parse_probability, post_test_probability
from .render import Html, render

__all__ = ["accuracy_report", "accuracy_scenario"]


def accuracy_report(pre_test: str | float, sensitivity: str | float, specificity: str | float,
                    positive: bool = True, *, test_name: str = "the test",
                    condition: str | None = None) -> Html:
    """Post-test probability and natural frequencies for typed or numeric inputs; a bad entry gives a message.

    >>> accuracy_report("30%", 0.92, 0.28).text.splitlines()[0]
    'After a positive result on the test: 35.4% (pre-test 30.0%).'
    >>> accuracy_report("thirty", 0.92, 0.28).text
    "Pre-test probability: 'thirty' is not a number. Enter a probability between 0 and 1 (for example 0.25) or a percentage (for example 25%)."
    """
    values = {}
    for label, raw in (("Pre-test probability", pre_test), ("Sensitivity", sensitivity),
                       ("Specificity", specificity)):
        try:
            values[label] = parse_probability(raw) if isinstance(raw, str) else float(raw)
        except ValueError as exc:
            msg = f"{label}: {exc}"
            return Html(render("accuracy_report.html.j2", entry_error=msg), msg)
    pre, sens, spec = values["Pre-test probability"], values["Sensitivity"], values["Specificity"]
    try:
        post = post_test_probability(pre, sens, spec, positive=positive)
        freq = natural_frequencies(pre, sens, spec)
    except ValueError as exc:
        return Html(render("accuracy_report.html.j2", entry_error=None, error=str(exc)), str(exc))
    result = "positive" if positive else "negative"
    head = f"After a {result} result on {test_name}: {post:.1%} (pre-test {pre:.1%})."
    html = render("accuracy_report.html.j2", entry_error=None, error=None, result=result, test_name=test_name,
                  post=f"{post:.1%}", pre=f"{pre:.1%}", sentence=freq.sentence(), condition=condition)
    return Html(html, head + "\n" + freq.sentence() + (f"\nThe condition here: {condition}." if condition else ""))


def accuracy_scenario(test_index: int, scenario_index: int) -> str:
    """Test ``test_index`` (content order) at synthetic pre-test scenario ``scenario_index`` of :data:`SCENARIOS`."""
    test = exam_tests()[test_index]
    name, sens, spec = exam_test(test.id)
    label, pre = SCENARIOS[scenario_index]
    return render("accuracy_scenario.html.j2", name=name, label=label, target=test.target,
                  population=test.population, sens=f"{sens:g}", spec=f"{spec:g}", pre=f"{pre:.0%}",
                  pos=f"{post_test_probability(pre, sens, spec, positive=True):.1%}",
                  neg=f"{post_test_probability(pre, sens, spec, positive=False):.1%}",
                  sentence=natural_frequencies(pre, sens, spec).sentence())
