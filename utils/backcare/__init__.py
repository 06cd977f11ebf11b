"""backcare: the course package behind the back pain care teaching notebooks.

Content lives in ``content/`` as validated data, logic lives here, notebooks are narrative: a notebook does
``import backcare as bc`` and calls the functions below. Attributes are imported lazily so a kernel starts fast.
"""
from __future__ import annotations

import importlib

__version__ = "0.3.0"

#: public name -> "module:attribute"
_API = {
    # content and references
    "load_content": "content:load_content",
    "references_for": "lessons.references:references_for",
    # figures and widgets
    "course_style": "charts.style:course_style",
    "show_figure": "charts.show:show_figure",
    "Table": "views.tables:Table",
    "explorer": "widgets.explorer:explorer",
    "nested_explorer": "widgets.explorer:nested_explorer",
    # chapter 00
    "show_invasiveness_scale": "lessons.invasiveness:show_invasiveness_scale",
    "invasiveness_explorer": "lessons.invasiveness:invasiveness_explorer",
    # treatment tiers (chapters 03-06)
    "tier_options": "lessons.treatments:tier_options",
    "options": "lessons.treatments:options",
    "options_table": "lessons.treatments:options_table",
    "plot_effects": "lessons.treatments:plot_effects",
    "show_effects": "lessons.treatments:show_effects",
    "positions_matrix": "lessons.treatments:positions_matrix",
    "why_guidelines_disagree": "lessons.treatments:why_guidelines_disagree",
    "tier_explorer": "lessons.treatments:tier_explorer",
    "evidence_box": "lessons.treatments:evidence_box",
    "benefit_and_harm": "lessons.treatments:benefit_and_harm",
    "guideline_disagreements": "lessons.treatments:guideline_disagreements",
    # chapter 01: understanding back pain
    "show_burden": "lessons.burden:show_burden",
    "burden_summary": "lessons.burden:burden_summary",
    "definitions_table": "lessons.burden:definitions_table",
    "approximate_causes_table": "lessons.burden:approximate_causes_table",
    "triage_counts": "logic.triage:triage_counts",
    "show_triage": "lessons.triage:show_triage",
    "show_spine_schematic": "lessons.spine:show_spine_schematic",
    "natural_history": "logic.natural_history:natural_history",
    "show_natural_history": "lessons.natural_history:show_natural_history",
    "natural_history_explorer": "lessons.natural_history:natural_history_explorer",
    "recovery_milestones": "lessons.natural_history:recovery_milestones",
    # chapter 02: assessment and diagnosis
    "red_flag_table": "lessons.red_flags:red_flag_table",
    "red_flag_report": "logic.red_flags:red_flag_report",
    "red_flag_checker": "lessons.red_flags:red_flag_checker",
    "show_red_flag_paradox": "lessons.red_flags:show_red_flag_paradox",
    "start_back_calculator": "lessons.start_back:start_back_calculator",
    "start_back_explorer": "lessons.start_back:start_back_explorer",
    "nerve_root_table": "lessons.examination:nerve_root_table",
    "nerve_root_explorer": "lessons.examination:nerve_root_explorer",
    "accuracy_report": "lessons.test_accuracy:accuracy_report",
    "accuracy_calculator": "lessons.test_accuracy:accuracy_calculator",
    "accuracy_explorer": "lessons.test_accuracy:accuracy_explorer",
    "imaging_explorer": "lessons.imaging:imaging_explorer",
    "show_imaging_findings": "lessons.imaging:show_imaging_findings",
    "outcome_measures_table": "lessons.examination:outcome_measures_table",
    # chapters 03 and 05: care team, procedure risks, when invasive care is right
    "care_team_table": "lessons.procedures:care_team_table",
    "care_team_explorer": "lessons.procedures:care_team_explorer",
    "show_procedure_risks": "lessons.procedures:show_procedure_risks",
    "procedure_risk_explorer": "lessons.procedures:procedure_risk_explorer",
    "when_invasive_care_is_right": "lessons.procedures:when_invasive_care_is_right",
    # chapter 06: comparing options
    "select_options": "lessons.comparing:select_options",
    "options_explorer": "lessons.comparing:options_explorer",
    "show_options_on_scale": "lessons.comparing:show_options_on_scale",
    "show_benefit_and_harm": "lessons.comparing:show_benefit_and_harm",
    "benefit_and_harm_explorer": "lessons.comparing:benefit_and_harm_explorer",
    "show_care_pathways": "lessons.comparing:show_care_pathways",
    "show_disagreements": "lessons.comparing:show_disagreements",
    "time_to_effect_explorer": "lessons.comparing:time_to_effect_explorer",
    "show_access_and_coverage": "lessons.comparing:show_access_and_coverage",
    # invasiveness, benefit and harm at a glance (chapters 00 and 06, site index)
    "glance_explorer": "lessons.glance:glance_explorer",
    "show_glance": "lessons.glance:show_glance",
    "predict_then_reveal": "lessons.glance:predict_then_reveal",
    "glance_page_html": "views.glance:glance_page_html",
    # chapter 07: case studies
    "vignette_explorer": "lessons.cases:vignette_explorer",
    "triage_exercise": "lessons.cases:triage_exercise",
    "stratify_exercise": "lessons.cases:stratify_exercise",
    "plan_exercise": "lessons.cases:plan_exercise",
    "option_grid_explorer": "lessons.cases:option_grid_explorer",
    "patient_voice": "views.cases:patient_voice",
    "triage_case": "logic.cases:triage",
    "stratify_case": "logic.cases:stratify",
    # model answers ("Compare your answer") and your-turn cells
    "compare_answer": "lessons.answers:compare_answer",
    # chapter 01: regression to the mean (predict, then reveal; your turn)
    "predict_care_seeking": "lessons.care_seeking:predict_care_seeking",
    "show_care_seeking": "lessons.care_seeking:show_care_seeking",
    "simulate_care_seeking": "logic.care_seeking:simulate_care_seeking",
    "options_with_effects": "lessons.effect_choices:options_with_effects",
    "chapter_terms": "lessons.chapter_terms:chapter_terms",
    # chapter 03a: averages hide who responds
    "predict_responders": "lessons.responders:predict_responders",
    "responders_explorer": "lessons.responders:responders_explorer",
    "show_individual_changes": "lessons.responders:show_individual_changes",
    # self-checks
    "self_check": "lessons.quiz:self_check",
    # calculators (pure functions)
    "start_back": "logic.start_back:start_back",
    "post_test_probability": "logic.test_accuracy:post_test_probability",
    "likelihood_ratios": "logic.test_accuracy:likelihood_ratios",
    "natural_frequencies": "logic.natural_frequencies:natural_frequencies",
    # glossary and teaching kit
    "define": "lessons.glossary:define",
    "instructor_notes": "lessons.teaching:instructor_notes",
    "teaching_by_profession": "lessons.teaching:teaching_by_profession",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'backcare' has no attribute {name!r}")
    module, attr = target.split(":")
    value = getattr(importlib.import_module(f"backcare.{module}"), attr)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_API))
