"""backcare.lessons.cases: the chapter 07 explorers show exactly the feedback view of the chosen person and choice."""
from __future__ import annotations


from backcare.lessons import cases as lessons
from backcare.logic import cases as logic
from backcare.views import cases as views


def test_explorers_show_the_chosen_feedback():
    ex = lessons.triage_exercise("tomasz", "non_specific")
    assert "Tomasz: ✓ You chose non-specific low back pain. Right." in ex.visible_html()
    ex.outer.index = [v.id for v in logic.load_vignettes().vignettes].index("hannah")
    ex.inner.index = list(logic.TRIAGE_LABELS).index("non_specific")
    assert ex.visible_html() == views.triage_view_html("hannah", "non_specific")
    assert "Hannah: ✗ You chose non-specific low back pain. Not quite" in ex.visible_html()
    ex = lessons.plan_exercise("priya", "Plan D")
    assert "Priya: ✗ Plan D." in ex.visible_html() and "Reasonable plans for Priya: Plan A, Plan B" in ex.visible_html()
    ex = lessons.stratify_exercise("kwame", "high")
    assert "Kwame: ✓ You chose high risk. Right. Total 8 of 9" in ex.visible_html()
