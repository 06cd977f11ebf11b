"""The course's words for content codes: tiers, conditions, populations, guideline directions, certainty, strength,
effect measures (one place, so a table, a chart and a sentence say the same thing).

Examples
--------
>>> TIER_LABELS["injection_procedure"], DIRECTIONS["against"], CERTAINTY["very_low"]
('Injections and procedures', ('✗', 'against'), 'very low certainty')
"""
from __future__ import annotations

TIER_LABELS = {
    "self_care": "Self-care and education",
    "non_invasive": "Non-invasive therapies",
    "medicine": "Medicines",
    "injection_procedure": "Injections and procedures",
    "implanted_device": "Implanted devices",
    "surgery": "Surgery",
}
CONDITION_LABELS = {
    "acute_nonspecific_lbp": "Acute non-specific low back pain",
    "chronic_lbp": "Chronic low back pain",
    "sciatica": "Sciatica",
    "stenosis": "Spinal stenosis",
}
#: condition id -> the longer name chapter 06 uses (the four conditions the invasiveness scale is drawn for).
CONDITIONS: dict[str, str] = {
    "acute_nonspecific_lbp": "Acute non-specific low back pain",
    "chronic_lbp": "Chronic low back pain",
    "sciatica": "Sciatica (radicular leg pain)",
    "stenosis": "Spinal stenosis with neurogenic claudication",
}
POPULATION_SHORT = {"any_lbp": "all low back pain", "acute_nonspecific_lbp": "acute low back pain",
                    "chronic_lbp": "chronic low back pain", "sciatica": "sciatica", "stenosis": "spinal stenosis"}
#: direction -> (symbol, word); None is an unconfirmed position (verified: false).
DIRECTIONS = {
    "for": ("✓", "for"),
    "against": ("✗", "against"),
    "only_if": ("◐", "only if"),
    "no_recommendation": ("○", "no recommendation"),
    "out_of_scope": ("—", "out of scope"),
    "not_addressed": ("·", "not addressed"),
    None: ("?", "unconfirmed"),
    "other_population": ("–", "no position for this group"),
    "not_recorded": ("·", "not recorded in this series"),
}
LEGEND = {
    "for": "recommended (as an option, or to consider)",
    "against": "recommended against (do not offer, or not for routine use)",
    "only_if": "other care is preferred; this option only in the circumstances stated beside it",
    "no_recommendation": "no graded recommendation either way; the words beside it say what the guideline found",
    "out_of_scope": "outside what the guideline covers",
    "not_addressed": "within scope but not discussed",
    None: "the fact sheet could not confirm this position; check the guideline itself",
    "other_population": "the guideline speaks to this option only for other groups of people",
    "not_recorded": "no position is held in this series' content",
}
#: statuses an option row of chapter 06 can have: a guideline direction, or why there is none.
STATUS_LABELS: dict[str, str] = {
    "for": "for",
    "against": "against",
    "only_if": "only if",
    "no_recommendation": "no recommendation",
    "out_of_scope": "out of scope",
    "not_addressed": "not addressed",
    "unconfirmed": "not confirmed (check the guideline)",
    "no_position": "no position for this condition",
}
CERTAINTY = {"high": "high certainty", "moderate": "moderate certainty", "low": "low certainty",
             "very_low": "very low certainty", "not_stated": "certainty not graded by the source"}
STRENGTH = {"strong": "strong", "weak": "weak", "conditional": "conditional", "good_practice": "good practice",
            "offer": "offer", "consider": "consider", "do_not_offer": "do not offer", "research_only": "research only"}
MEASURES = {"mean_difference": "mean difference", "standardised_mean_difference": "standardised mean difference",
            "hazard_ratio": "hazard ratio", "risk_ratio": "risk ratio", "odds_ratio": "odds ratio",
            "difference_in_medians": "difference in medians"}
RATIO_MEASURES = {"hazard_ratio", "risk_ratio", "odds_ratio"}
NO_ESTIMATE = "— no pooled estimate in this series"
#: The one provenance/certainty badge of the series: key -> (symbol, short words shown, full wording for the legend,
#: the title and the aria-label). Views print the badge where they used to repeat the sentence; the text twins keep
#: the full wording. Every key used in content views is explained by :func:`backcare.views.badges.legend_html`.
BADGES: dict[str, tuple[str, str, str]] = {
    "course_estimate": ("✎", "course estimate",
                        "Course estimate, not from a source: the course's own reading, given where no source states "
                        "a figure (it records where the figure came from)."),
    "approximate": ("≈", "approximate",
                    "Approximate: the figure or its details are approximate (read on a secondary copy, or rounded); "
                    "teach it as a range."),
    "unconfirmed": ("◇", "unconfirmed",
                    "Not confirmed in a primary source: the course could not check this against the source itself."),
    "varies": ("≋", "varies", "Estimates vary widely between sources."),
    "ungraded": ("◌", "ungraded", "Certainty not graded by the source: it gives no certainty grade (such as GRADE)."),
    "no_mid": ("⊘", "no MID",
               "MID not stated by the source: it gives no minimal important difference for this scale, so whether "
               "the effect is large enough to matter cannot be judged from it."),
    "no_estimate": ("∅", "no estimate",
                    "No pooled estimate in this series: a gap in the evidence the course holds, not a zero effect."),
}
DEFAULT_GUIDELINES = ("NICE", "ACP", "WHO")
#: the guidelines chapter 06 compares
GUIDELINES: tuple[str, ...] = ("NICE", "ACP", "WHO", "CDC")
#: time-to-effect band -> words
BANDS = {"hours": "hours", "days": "days", "days_to_weeks": "days to weeks", "weeks": "weeks", "months": "months",
         "not_applicable": "no onset time (no benefit shown, or not a treatment of pain)",
         "not_for_condition": "not estimated for this condition"}
#: a chapter-06 status -> the DIRECTIONS key whose symbol it shares (one vocabulary of symbols across the series)
STATUS_SYMBOL_KEY = {"unconfirmed": None, "no_position": "other_population"}


def status_symbol(status: str) -> str:
    """The symbol for a chapter-06 option status.

    >>> status_symbol("for"), status_symbol("no_position"), status_symbol("unconfirmed")
    ('✓', '–', '?')
    """
    return DIRECTIONS[STATUS_SYMBOL_KEY.get(status, status)][0]
