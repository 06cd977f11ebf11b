"""backcare.charts.effects (through bc.plot_effects): one panel per scale, MID on the estimate's scale, alt text with the numbers."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from backcare import fmt  # noqa: E402
from backcare.content import load_content  # noqa: E402
from backcare.lessons import treatments  # noqa: E402
from backcare.logic import effects as logic_effects  # noqa: E402
from backcare.logic import options  # noqa: E402
from backcare.views import effect_text, effects_figure  # noqa: E402

C = load_content()


def test_different_scales_are_kept_in_separate_panels():
    effects = options.effects_of(["nsaids"])
    fig = treatments.plot_effects(effects)
    titles = [a.get_title(loc="left") for a in fig.axes]
    assert titles == ["pain 0-100 (mean difference; lower favours the treatment)",
                      "RMDQ 0-24 (mean difference; lower favours the treatment)"]
    assert "2 different scales, one panel each" in fig._suptitle.get_text()
    plt.close(fig)
    alt = effects_figure.effects_alt_text(effects)
    assert "on 2 scales, one panel each, kept apart because they cannot be compared" in alt
    with pytest.raises(ValueError, match=r"on 2 different scales \(pain 0-100; RMDQ 0-24\)"):
        _, ax = plt.subplots()
        treatments.plot_effects(effects, ax=ax)
    plt.close("all")


def test_mid_is_drawn_on_the_same_scale_as_the_estimate():
    e = C.effect("opioids_chronic_pain")
    fig = treatments.plot_effects([e])
    ax = fig.axes[0]
    dashed = [c for c in ax.collections if c.get_linestyle()[0][1] is not None]
    xs = {round(float(seg[0][0]), 6) for coll in dashed for seg in coll.get_segments()}
    assert xs == {-20.0}
    lo, hi = ax.get_xlim()
    assert lo < -20 and hi > 0
    plt.close(fig)


def test_effects_without_interval_say_so():
    e = C.effect("oral_steroids_leg_pain_3_weeks")
    alt = effects_figure.effects_alt_text([e])
    assert "0.3 (interval not reported)" in alt and "MID not stated by the source" in alt
    plt.close(treatments.plot_effects([e]))


def test_plot_effects_refuses_empty_and_foreign_input():
    with pytest.raises(ValueError, match="no effect estimates to plot: a gap in the evidence is shown as a gap"):
        treatments.plot_effects([])
    with pytest.raises(TypeError, match="plot_effects takes Effect records"):
        treatments.plot_effects([{"estimate": 1}])


@pytest.mark.parametrize("effect_id", [e.id for e in C.effects])
def test_every_effect_in_content_plots_with_its_numbers_in_the_alt_text(effect_id):
    e = C.effect(effect_id)
    alt = effects_figure.effects_alt_text([e])
    assert f"{fmt.num(e.estimate)} ({effect_text.interval_text(e)})" in alt
    assert f"vs {effect_text.comparator_text(e)}" in alt
    assert (f"MID {fmt.num(e.mid)}" if e.mid is not None else "MID not stated by the source") in alt
    fig = treatments.plot_effects([e])
    assert len(fig.axes) == 1
    plt.close(fig)


_PAIN_100 = [e for e in C.effects if logic_effects.scale_key(e) == ("pain 0-100", "mean_difference", "lower")]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_PAIN_100), min_size=1, max_size=6, unique_by=lambda e: e.id))
def test_one_scale_fits_one_axis_and_alt_names_every_row(effects):
    _, ax = plt.subplots()
    fig = treatments.plot_effects(effects, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == [effect_text.row_label(e) for e in reversed(effects)]
    plt.close(fig)
    alt = effects_figure.effects_alt_text(effects)
    assert alt.startswith(f"Forest chart of {len(effects)} effect estimates on one scale.")
    assert all(fmt.num(e.estimate) in alt for e in effects)
