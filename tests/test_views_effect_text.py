"""backcare.views.effect_text: every effect's words name its comparator, MID and certainty."""
from __future__ import annotations

from backcare import fmt
from backcare.logic import options, vocabulary
from backcare.views import effect_text, effects_figure


def test_every_plotted_row_names_its_comparator_and_mid_and_certainty():
    effects = options.effects_of([t.id for t in options.tier_options("medicine")])
    alt = effects_figure.effects_alt_text(effects)
    for e in effects:
        words = effect_text.row_words(e)
        assert words in alt
        assert f"vs {effect_text.comparator_text(e)}" in words
        assert ("MID " + fmt.num(e.mid)) in words if e.mid is not None else "MID not stated by the source" in words
        assert vocabulary.CERTAINTY[e.certainty] in words
