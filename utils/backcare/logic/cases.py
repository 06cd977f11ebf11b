"""Case reasoning on the synthetic vignettes (pure: no widgets, no HTML): triage, STarT Back stratification, and the
feedback text for a learner's triage, risk-group and plan choices.

The people come from ``content/chapters/vignettes.yaml`` (all synthetic). Red flags are read by
:func:`backcare.logic.red_flags.red_flag_report` (chapter 02) and STarT Back is scored by
:func:`backcare.logic.start_back.start_back`. Teaching material, not medical advice.

Triage rule (the course's teaching rule, not a validated decision rule; clinical reasoning comes first):

1. any finding that can mean an emergency (cauda equina features, new weakness, fever) -> serious pathology,
   same-day emergency;
2. otherwise several flags pointing to one condition (a combination a source reports), or one flag whose reported
   post-test probability is at least 1 in 10 -> serious pathology, prompt assessment (older age alone, 9%, stays
   below it: most people have some red flag);
3. otherwise the leg symptoms decide: radicular pain (sciatica), neurogenic claudication, or non-specific low back
   pain.

Examples
--------
>>> triage("leila").group, triage("leila").urgency
('serious_pathology', 'emergency')
>>> triage("emeka").group
'claudication'
>>> stratify("kwame")
StartBackResult(total=8, psychosocial=5, risk='high')
>>> triage("nobody")
Traceback (most recent call last):
...
ValueError: 'nobody' is not a valid vignette; supported values are tomasz, priya, emeka, leila, hannah, kwame
"""
from __future__ import annotations

from dataclasses import dataclass

from ..choices import check_choice
from .red_flags import red_flag_report
from .start_back import start_back
from ..content import load, read
from ..content.vignettes import Vignette, VignettesFile

__all__ = ["PLAN_LABELS", "RISKS", "TRIAGE_LABELS", "URGENCY_LABELS", "Triage", "load_vignettes", "plan_feedback",
           "start_back_answers", "stratify", "stratify_feedback", "triage", "triage_feedback", "vignette",
           "vignette_ids"]

VIGNETTES_FILE = "vignettes.yaml"
#: single-flag post-test probability (percent) from which the course's teaching rule asks for prompt assessment
PROMPT_ASSESSMENT_AT = 10
TRIAGE_LABELS: dict[str, str] = {
    "serious_pathology": "Possible serious pathology",
    "radicular": "Sciatica (radicular leg pain)",
    "claudication": "Neurogenic claudication (spinal stenosis)",
    "non_specific": "Non-specific low back pain",
}
URGENCY_LABELS = {"emergency": "same-day emergency assessment", "prompt": "prompt assessment (soon, not routine; the same day if an urgent symptom appears)",
                  "routine": "routine care with safety-netting"}
RISKS = ("low", "medium", "high")
PLAN_LABELS = ("Plan A", "Plan B", "Plan C", "Plan D")


def load_vignettes(path=None) -> VignettesFile:
    """The synthetic vignettes, validated strictly (cached for the default file); ``ContentError`` lists bad ids."""
    name = f"chapters/{VIGNETTES_FILE}"
    return load(name) if path is None else read(name, path=path)


def vignette(vignette_id: str) -> Vignette:
    """One vignette by id (``ValueError`` in the one message format, naming the ids)."""
    found = {v.id: v for v in load_vignettes().vignettes}
    return found[check_choice(vignette_id, found, what="vignette")]


def vignette_ids() -> list[str]:
    """The vignettes' ids, in file order."""
    return [v.id for v in load_vignettes().vignettes]


@dataclass(frozen=True)
class Triage:
    group: str
    urgency: str
    reason: str


def triage(vignette_id: str) -> Triage:
    """Triage a vignette with the course's teaching rule (module docstring), reading red flags via chapter 02.

    Examples
    --------
    >>> t = triage("hannah")
    >>> t.group, t.urgency
    ('serious_pathology', 'prompt')
    >>> triage("tomasz").reason
    'No red flag; no leg symptoms.'
    """
    v = vignette(vignette_id)
    report = red_flag_report(v.red_flags)
    if report.emergency:
        names = "; ".join(f.finding.lower() for f in report.findings if f.emergency)
        return Triage("serious_pathology", "emergency", f"Emergency findings: {names}.")
    strong = [f for f in report.findings if f.post_test is not None and f.post_test.value >= PROMPT_ASSESSMENT_AT]
    if report.combined or strong:
        why = []
        if report.combined:
            why.append("several flags point to one condition (a reported combination: "
                       + ", ".join(f"{c.value}%" for c in report.combined) + ")")
        why += [f"{f.finding.lower()} alone: {f.post_test.value}%" for f in strong]
        return Triage("serious_pathology", "prompt", "; ".join(why).capitalize() + ".")
    weak = "; ".join(f"{f.finding.lower()} alone: {f.post_test.value}%" if f.post_test else f.finding.lower()
                     for f in report.findings)
    flags = f"Red flag below the prompt-assessment level ({weak})" if report.findings else "No red flag"
    legs = {"none": "no leg symptoms", "radicular": "leg pain in a nerve-root pattern",
            "claudication": "leg pain on walking, eased by sitting"}[v.leg_symptoms]
    group = {"none": "non_specific", "radicular": "radicular", "claudication": "claudication"}[v.leg_symptoms]
    return Triage(group, "routine", f"{flags}; {legs}.")


def start_back_answers(vignette_id: str) -> dict[int, bool]:
    """The vignette's STarT Back answers as ``{item: answer}`` for :func:`backcare.logic.start_back.start_back`."""
    return {i + 1: a for i, a in enumerate(vignette(vignette_id).start_back)}


def stratify(vignette_id: str):
    """STarT Back score of the vignette, computed by :func:`backcare.logic.start_back.start_back`.

    Examples
    --------
    >>> stratify("tomasz").risk, stratify("priya").risk
    ('low', 'medium')
    """

    return start_back(start_back_answers(vignette_id))


def triage_feedback(vignette_id: str, choice: str) -> tuple[bool, str]:
    """(right?, explanation) for a learner's triage choice (a key of ``TRIAGE_LABELS``).

    Examples
    --------
    >>> triage_feedback("emeka", "serious_pathology")[0]
    False
    >>> triage_feedback("emeka", "urgent")
    Traceback (most recent call last):
    ...
    ValueError: 'urgent' is not a valid triage choice; supported values are serious_pathology, radicular, claudication, \
non_specific
    """
    check_choice(choice, tuple(TRIAGE_LABELS), what="triage choice")
    t = triage(vignette_id)
    right = choice == t.group
    head = "Right." if right else f"Not quite: the course's triage is {TRIAGE_LABELS[t.group].lower()}."
    return right, f"You chose {TRIAGE_LABELS[choice].lower()}. {head} {t.reason} Next step: {URGENCY_LABELS[t.urgency]}."


def stratify_feedback(vignette_id: str, choice: str) -> tuple[bool, str]:
    """(right?, explanation) for a learner's STarT Back risk group guess (low, medium or high)."""
    check_choice(choice, RISKS, what="risk group")
    r = stratify(vignette_id)
    right = choice == r.risk
    head = (f"You chose {choice} risk. " + ("Right." if right else f"Not quite: the score gives {r.risk} risk."))
    body = (f"{head} Total {r.total} of 9, psychosocial subscale (items 5 to 9) {r.psychosocial} of 5: "
            "high when the subscale is 4 or 5, otherwise medium when the total is 4 or more, otherwise low.")
    if triage(vignette_id).group == "serious_pathology":
        body += (" But the questionnaire sorts people by risk of persistent disabling pain; it does not look for "
                 "serious pathology, so here it waits until that has been dealt with.")
    return right, body


def plan_feedback(vignette_id: str, index: int) -> tuple[bool, str]:
    """(reasonable?, explanation) for plan ``index`` (0 to 3) of a vignette."""
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= 3:
        raise ValueError(f"plan index must be 0, 1, 2 or 3 (Plan A to D), got {index!r}")
    p = vignette(vignette_id).plans[index]
    head = "A reasonable plan." if p.reasonable else "Not a reasonable plan here."
    return p.reasonable, f"{head} {p.feedback}"
