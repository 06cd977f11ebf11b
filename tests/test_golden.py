"""Golden numbers: critical figures typed by hand from the clinical fact sheet (§13-§15 win), compared with content/.

If one of these fails, either content/ was edited by mistake or the fact sheet changed: check the source, never
"fix" the number here to match content without reading the fact sheet.
"""
from __future__ import annotations

import pytest

from backcare.content import load_content


@pytest.fixture(scope="module")
def c():
    return load_content()


# fact id -> (value, low, high, confidence, approximate)
GOLDEN_FACTS = {
    "gbd_prevalent_cases_2020": (619, 554, 694, "✔", False),
    "gbd_prevalent_cases_2050": (843, 759, 933, "✔", False),
    "gbd_yld_rank_2020": (1, None, None, "✔", False),
    "henschke2009_serious_pathology": (0.9, None, None, "✔", False),
    "henschke2009_any_red_flag": (80.4, None, None, "✔", False),
    "costa_acute_pain_baseline": (52, None, None, "✔", False),
    "costa_acute_pain_6_weeks": (23, None, None, "✔", False),
    "costa_acute_pain_26_weeks": (12, None, None, "✔", False),
    "costa_acute_pain_52_weeks": (6, None, None, "✔", False),
    "costa_persistent_pain_52_weeks": (23, None, None, "✔", False),
    "slr_sensitivity": (0.92, 0.87, 0.95, "✔", False),
    "slr_specificity": (0.28, 0.18, 0.40, "✔", False),
    "crossed_slr_sensitivity": (0.28, 0.22, 0.35, "✔", False),
    "crossed_slr_specificity": (0.90, 0.85, 0.94, "✔", False),
    "pace_recovery_regular_days": (17, None, None, "✔", False),
    "pace_recovery_as_needed_days": (17, None, None, "✔", False),
    "pace_recovery_placebo_days": (16, None, None, "✔", False),
    "mic_nrs_pain": (2, None, None, "✔", False),
    "mic_vas_pain": (15, None, None, "✔", False),
    "mic_rmdq": (5, None, None, "✔", False),
    "mic_odi": (10, None, None, "✔", False),
    "mic_quebec": (20, None, None, "✔", False),
    "jarvikdeyo_malignancy_share": (0.7, None, None, "~", True),
    "deyo1992_cauda_equina_share": (0.04, None, None, "~", True),
    "walker_lifetime_prevalence": (None, 11, 84, "✔", True),
}

# effect id -> (estimate, low, high, comparator, certainty, approximate)
GOLDEN_EFFECTS = {
    "nsaids_chronic_pain": (-3.30, -5.33, -1.27, "placebo", "low", False),
    "nsaids_acute_pain": (-7.29, -10.98, -3.61, "placebo", "moderate", False),
    "exercise_chronic_pain": (-15, -18, -12, "no_treatment", "moderate", False),
    "exercise_chronic_function": (-7, -8, -5, "no_treatment", "moderate", False),
    "muscle_relaxants_acute_pain": (-7.7, -12.1, -3.3, "placebo", "very_low", False),
    "opioids_chronic_pain": (-10.1, -12.8, -7.4, "placebo", "not_stated", False),
    "rf_facet_pain_3_months": (-0.18, -0.76, 0.40, "exercise_alone", "not_stated", False),
    "rf_si_joint_pain_3_months": (-0.71, -1.35, -0.06, "exercise_alone", "not_stated", False),
    "rf_combination_pain_3_months": (-0.99, -1.73, -0.25, "exercise_alone", "not_stated", False),
    "esi_leg_pain_short_term": (-4.93, -8.77, -1.09, "placebo", "moderate", True),
    "pregabalin_sciatica_leg_pain_8_weeks": (0.5, -0.2, 1.2, "placebo", "not_stated", False),
    "oral_steroids_function_3_weeks": (6.4, 1.9, 10.9, "placebo", "not_stated", False),
    "discectomy_peul_recovery": (1.97, 1.72, 2.22, "delayed_surgery", "not_stated", False),
    "cft_3y_disability": (-3.5, -4.9, -2.0, "usual_care", "not_stated", True),
    "stratified_care_4_months": (1.81, 1.06, 2.57, "usual_care", "not_stated", False),
}


@pytest.mark.parametrize("fact_id", sorted(GOLDEN_FACTS))
def test_golden_fact(c, fact_id):
    value, low, high, confidence, approximate = GOLDEN_FACTS[fact_id]
    f = c.fact(fact_id)
    assert (f.value, f.low, f.high, f.confidence, f.approximate) == (value, low, high, confidence, approximate)


@pytest.mark.parametrize("effect_id", sorted(GOLDEN_EFFECTS))
def test_golden_effect(c, effect_id):
    estimate, low, high, comparator, certainty, approximate = GOLDEN_EFFECTS[effect_id]
    e = c.effect(effect_id)
    assert (e.estimate, e.low, e.high, e.comparator, e.certainty, e.approximate) == (
        estimate, low, high, comparator, certainty, approximate)


def test_golden_scales_and_thresholds(c):
    assert (c.effect("nsaids_chronic_pain").scale, c.effect("nsaids_chronic_pain").reference) == (
        "pain 0-100 (VAS)", "Enthoven2016")
    assert (c.effect("nsaids_acute_pain").mid, c.effect("nsaids_acute_pain").reference) == (10, "vanderGaag2020")
    assert (c.effect("rf_facet_pain_3_months").scale, c.effect("rf_facet_pain_3_months").mid) == ("pain 0-10", 2)
    assert (c.effect("exercise_chronic_pain").mid, c.effect("exercise_chronic_function").mid) == (15, 10)
    assert c.effect("opioids_chronic_pain").mid == 20
    assert sum(e.participants for e in c.effects if e.id.startswith("rf_")) == 681
