"""Chapter 07, case studies: synthetic vignettes, triage, stratification, plans and a shared-decision option grid.

The people come from ``content/chapters/vignettes.yaml`` (all synthetic). The logic is pure and reuses the course's
calculators: red flags are read by :func:`backcare.logic.red_flags.red_flag_report` (chapter 02) and STarT Back is
scored by :func:`backcare.logic.start_back.start_back`. Explorers pre-render the feedback for every choice, so the page works
with no kernel. Teaching material, not medical advice.

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
ValueError: unknown vignette 'nobody'; choose one of: tomasz, priya, emeka, leila, hannah, kwame
"""
from __future__ import annotations

from dataclasses import dataclass

from .content.vignettes import PatientVoice, Plan, Prompts, Vignette, VignettesFile

VIGNETTES_FILE = "vignettes.yaml"
#: single-flag post-test probability (percent) from which the course's teaching rule asks for prompt assessment
PROMPT_ASSESSMENT_AT = 10
TRIAGE_LABELS: dict[str, str] = {
    "serious_pathology": "Possible serious pathology",
    "radicular": "Sciatica (radicular leg pain)",
    "claudication": "Neurogenic claudication (spinal stenosis)",
    "non_specific": "Non-specific low back pain",
}
URGENCY_LABELS = {"emergency": "same-day emergency assessment", "prompt": "prompt assessment (days, not weeks)",
                  "routine": "routine care with safety-netting"}
RISKS = ("low", "medium", "high")
PLAN_LABELS = ("Plan A", "Plan B", "Plan C", "Plan D")


def _content():
    from .content import load_content

    return load_content()


def load_vignettes(path=None) -> VignettesFile:
    """The synthetic vignettes, validated strictly (cached for the default file); ``ContentError`` lists bad ids."""
    from .content import load, read

    name = f"chapters/{VIGNETTES_FILE}"
    return load(name) if path is None else read(name, path=path)


def vignette(vignette_id: str) -> Vignette:
    """One vignette by id (``ValueError`` naming the allowed ids)."""
    found = {v.id: v for v in load_vignettes().vignettes}
    if vignette_id not in found:
        raise ValueError(f"unknown vignette {vignette_id!r}; choose one of: {', '.join(found)}")
    return found[vignette_id]


# ---- triage and stratification (pure) ---------------------------------------------------------------------------

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
    from .logic.red_flags import red_flag_report

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
    from .logic.start_back import start_back

    return start_back(start_back_answers(vignette_id))


# ---- feedback for each choice (pure: returns text) ----------------------------------------------------------------

def _check(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}")


def triage_feedback(vignette_id: str, choice: str) -> tuple[bool, str]:
    """(right?, explanation) for a learner's triage choice (a key of ``TRIAGE_LABELS``).

    Examples
    --------
    >>> triage_feedback("emeka", "serious_pathology")[0]
    False
    >>> triage_feedback("emeka", "urgent")
    Traceback (most recent call last):
    ...
    ValueError: unknown triage choice 'urgent'; choose one of: serious_pathology, radicular, claudication, non_specific
    """
    _check("triage choice", choice, tuple(TRIAGE_LABELS))
    t = triage(vignette_id)
    right = choice == t.group
    head = "Right." if right else f"Not quite: the course's triage is {TRIAGE_LABELS[t.group].lower()}."
    return right, f"You chose {TRIAGE_LABELS[choice].lower()}. {head} {t.reason} Next step: {URGENCY_LABELS[t.urgency]}."


def stratify_feedback(vignette_id: str, choice: str) -> tuple[bool, str]:
    """(right?, explanation) for a learner's STarT Back risk group guess (low, medium or high)."""
    _check("risk group", choice, RISKS)
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


# ---- display: vignette cards and choice explorers (pre-rendered, work with no kernel) ------------------------------

NOT_ADVICE = ("Teaching material, not medical advice. Urgent symptoms (new bladder or bowel problems, numbness "
              "around the genitals or back passage, new or worsening leg weakness, fever with back pain, or back "
              "pain after a major injury): seek emergency care the same day.")


def _refs(keys) -> str:
    from .logic.reference_labels import reference_label

    refs = _content().references
    return "; ".join(reference_label(refs[k]) for k in keys)


def _block(html_: str, text: str):
    from .views.render import Html

    return Html(html_, text)


def _ids() -> list[str]:
    return [v.id for v in load_vignettes().vignettes]


def _label(v: Vignette) -> str:
    return f"{v.name}, {v.age}"


def vignette_card_html(vignette_id: str) -> str:
    """The case as a learner meets it: the person, the story, goals, preferences, findings and the four plans."""
    from .logic.red_flags import red_flag_report
    from .logic.start_back import START_BACK_ITEMS
    from .widgets import escape

    v = vignette(vignette_id)
    report = red_flag_report(v.red_flags)
    flags = ("".join(f"<li>{escape(f.finding)}</li>" for f in report.findings)
             or "<li>None of the red flags in chapter 02.</li>")
    agreed = [f"{i.number}. {i.text}" for i, a in zip(START_BACK_ITEMS, v.start_back) if a]
    sb = "".join(f"<li>{escape(x)}</li>" for x in agreed) or "<li>None.</li>"
    plans = "".join(f"<li><strong>{PLAN_LABELS[i]}:</strong> {escape(p.text)}</li>" for i, p in enumerate(v.plans))
    prof = v.for_your_profession
    return (f'<div class="bc-box" role="region" aria-label="Case: {escape(v.name)}">'
            f"<h3>{escape(v.name)}, {v.age}, {escape(v.sex)} <em>(synthetic case)</em></h3>"
            f"<p><strong>Work:</strong> {escape(v.work)} <strong>Caring:</strong> {escape(v.caring)}<br>"
            f"<strong>Access to care:</strong> {escape(v.access)}<br>"
            f"<strong>Health literacy:</strong> {escape(v.health_literacy)}</p>"
            f"<p>{escape(v.story)}</p>"
            f"<p><strong>What matters to {escape(v.name)}:</strong> {escape(v.goals)} "
            f"<strong>Preferences:</strong> {escape(v.preferences)}</p>"
            f"<p><strong>Red-flag findings:</strong></p><ul>{flags}</ul>"
            f"<p><strong>STarT Back: statements {escape(v.name)} agreed with</strong> (teaching paraphrase):</p>"
            f"<ul>{sb}</ul><p><strong>Plans on the table:</strong></p><ul>{plans}</ul>"
            "<p><strong>For your profession:</strong></p><ul>"
            f"<li><em>Medicine:</em> {escape(prof.medicine)}</li>"
            f"<li><em>Physiotherapy:</em> {escape(prof.physiotherapy)}</li>"
            f"<li><em>Nursing:</em> {escape(prof.nursing)}</li>"
            f"<li><em>Pharmacy:</em> {escape(prof.pharmacy)}</li></ul></div>")


def vignette_explorer(vignette_id: str = "tomasz"):
    """Choose a person to read their case (works on the static page)."""
    from .widgets import explorer

    ids = _ids()
    vignette(vignette_id)
    views = [(_label(vignette(i)), vignette_card_html(i)) for i in ids]
    return explorer("Case studies (synthetic)", views, description="Person", index=ids.index(vignette_id))


def _feedback_html(v: Vignette, step: str, right: bool, text: str) -> str:
    from .widgets import escape

    mark = "✓" if right else "✗"
    return (f'<div class="bc-box" role="status" aria-label="{escape(step)} feedback for {escape(v.name)}">'
            f"<p><strong>{escape(v.name)}: {mark} {escape(text)}</strong></p>"
            f"<p><em>{escape(NOT_ADVICE)}</em></p></div>")


def _nested(title: str, inner: list[str], render, vignette_id: str, inner_index: int, description: str):
    from .widgets import nested_explorer

    ids = _ids()
    vignette(vignette_id)
    ex = nested_explorer(title, [_label(vignette(i)) for i in ids], inner,
                         lambda i, j: render(ids[i], j), outer_description="Person",
                         inner_description=description)
    ex.outer.index = ids.index(vignette_id)
    ex.inner.index = inner_index
    return ex


def triage_view_html(vignette_id: str, choice: str) -> str:
    v = vignette(vignette_id)
    right, text = triage_feedback(vignette_id, choice)
    return _feedback_html(v, "Triage", right, text)


def triage_exercise(vignette_id: str = "tomasz", choice: str = "non_specific"):
    """Person x triage choice -> feedback for that choice (nested Stacks; every answer pre-rendered)."""
    _check("triage choice", choice, tuple(TRIAGE_LABELS))
    keys = list(TRIAGE_LABELS)
    return _nested("Step 1: triage", list(TRIAGE_LABELS.values()),
                   lambda vid, j: triage_view_html(vid, keys[j]), vignette_id, keys.index(choice), "Triage")


def stratify_view_html(vignette_id: str, choice: str) -> str:
    v = vignette(vignette_id)
    right, text = stratify_feedback(vignette_id, choice)
    return _feedback_html(v, "Stratification", right, text)


def stratify_exercise(vignette_id: str = "tomasz", choice: str = "low"):
    """Person x STarT Back risk guess -> feedback with the score from backcare.logic.start_back."""
    _check("risk group", choice, RISKS)
    return _nested("Step 2: stratify with STarT Back", [f"{r} risk" for r in RISKS],
                   lambda vid, j: stratify_view_html(vid, RISKS[j]), vignette_id, RISKS.index(choice), "Risk")


def plan_view_html(vignette_id: str, index: int) -> str:
    from .widgets import escape

    v = vignette(vignette_id)
    right, text = plan_feedback(vignette_id, index)
    good = [PLAN_LABELS[i] for i, p in enumerate(v.plans) if p.reasonable and i != index]
    if good:
        lead = "Also reasonable" if right else "Reasonable plans"
        extra = f"<p>{lead} for {escape(v.name)}: {', '.join(good)}. More than one good plan can exist.</p>"
    else:
        extra = ""
    extra += f"<p><small>Sources: {escape(_refs(v.plans[index].references))}</small></p>"
    box = _feedback_html(v, "Plan", right, f"{PLAN_LABELS[index]}. {text}")
    return box[: -len("</div>")] + extra + "</div>"


def plan_exercise(vignette_id: str = "tomasz", plan: str = "Plan A"):
    """Person x Plan A to D -> whether that plan is reasonable and why (a range of plans can be reasonable)."""
    _check("plan", plan, PLAN_LABELS)
    return _nested("Step 3: choose a plan", list(PLAN_LABELS), plan_view_html, vignette_id,
                   PLAN_LABELS.index(plan), "Plan")


# ---- shared decision: an option grid built from content/ ---------------------------------------------------------

_GRID_GUIDELINES = ("NICE", "ACP", "WHO")


def _harms(t) -> str:
    def one(h):
        return h.text + (" (not confirmed)" if h.confidence in ("M", "?") else "")

    parts = []
    if t.harms.common:
        parts.append("Common: " + " ".join(one(h) for h in t.harms.common))
    if t.harms.serious:
        parts.append("Serious: " + " ".join(one(h) for h in t.harms.serious))
    return " ".join(parts) or "None recorded in this series (not the same as none)."


def grid_rows(vignette_id: str) -> list[tuple[str, list[str]]]:
    """The option grid as (question, one answer per option) rows, every answer read from content/.

    Examples
    --------
    >>> rows = dict(grid_rows("priya"))
    >>> rows["Invasiveness level"]
    ['1', '3', '5']
    >>> grid_rows("leila")
    []
    """
    from .logic.positions import applicable_position
    from .views.effect_text import effect_summary

    v = vignette(vignette_id)
    c = _content()
    ts = [c.treatments[t] for t in v.grid]
    if not ts:
        return []

    def benefit(t) -> str:
        es = [e for e in c.effects_for(t.id) if e.population in (v.condition, "any_lbp")]
        if not es:
            return "No pooled estimate for this condition in this series (a gap in the evidence, not zero)."
        return " | ".join(effect_summary(e) + f" [{_refs([e.reference])}]" for e in es)

    def when(t) -> str:
        tte = t.time_to_effect
        return tte.text + (" (course estimate)" if tte.editorial else f" [{_refs(tte.references)}]")

    def says(t) -> str:
        out = []
        for g in _GRID_GUIDELINES:
            p = applicable_position(t.id, g, v.condition)
            if p is None:
                out.append(f"{g}: no position for this condition")
            elif not p.verified:
                out.append(f"{g}: not confirmed")
            else:
                out.append(f"{g}: {p.direction.replace('_', ' ')}" + (f" ({p.condition})" if p.condition else ""))
        return "; ".join(out)

    def resource(t) -> str:
        ru = t.resource_use
        return ru.low if ru.low == ru.high else f"{ru.low} to {ru.high}"

    return [
        ("Invasiveness level", [str(t.invasiveness) for t in ts]),
        ("What it is", [t.description for t in ts]),
        ("How soon might it help?", [when(t) for t in ts]),
        ("How much does it help, compared with what?", [benefit(t) for t in ts]),
        ("What are the harms?", [_harms(t) for t in ts]),
        ("What do guidelines say for this condition?", [says(t) for t in ts]),
        ("Relative resource use (illustrative)", [resource(t) for t in ts]),
    ]


def option_grid_html(vignette_id: str) -> str:
    from .widgets import escape

    v = vignette(vignette_id)
    rows = grid_rows(vignette_id)
    head = f'<div class="bc-box" role="region" aria-label="Option grid for {escape(v.name)}">'
    if not rows:
        t = triage(vignette_id)
        return (head + f"<h3>{escape(v.name)}: no option grid now</h3><p>{escape(t.reason)} The next step is "
                f"{escape(URGENCY_LABELS[t.urgency])}, not a choice between treatments. Shared decisions come "
                "after serious pathology has been dealt with.</p></div>")
    c = _content()
    cell = 'style="text-align:left;vertical-align:top"'
    cols = "".join(f'<th scope="col" {cell}>{escape(c.treatments[t].name)}</th>' for t in v.grid)
    body = "".join(f'<tr><th scope="row" {cell}>{escape(q)}</th>'
                   + "".join(f"<td {cell}>{'<br>'.join(escape(x) for x in a.split(' | '))}</td>" for a in answers)
                   + "</tr>" for q, answers in rows)
    return (head + f"<h3>Deciding together with {escape(v.name)}</h3>"
            f'<table class="bc-table"><caption>Option grid: {escape(CONDITION_NAMES[v.condition])}</caption>'
            f'<thead><tr><th scope="col" {cell}>Question</th>{cols}</tr></thead><tbody>{body}</tbody></table>'
            f"<p><strong>What matters to {escape(v.name)}:</strong> {escape(v.goals)} {escape(v.preferences)}</p>"
            "<p>Talk it through: which option fits these goals, which harms would matter most to this person, "
            "and what would make them change their mind? Doing nothing more than the first-line care is also an "
            f"option.</p><p><em>{escape(NOT_ADVICE)}</em></p></div>")


CONDITION_NAMES = {"acute_nonspecific_lbp": "acute non-specific low back pain", "chronic_lbp": "chronic low back pain",
                   "sciatica": "sciatica", "stenosis": "spinal stenosis"}


def option_grid_explorer(vignette_id: str = "priya"):
    """Shared-decision exercise: choose a person to see an option grid built from content/ (static page too)."""
    from .widgets import explorer

    ids = _ids()
    vignette(vignette_id)
    views = [(_label(vignette(i)), option_grid_html(i)) for i in ids]
    return explorer("Deciding together: option grids", views, description="Person", index=ids.index(vignette_id))


def patient_voice():
    """What people with back pain said in published qualitative work: paraphrased and cited, never invented."""
    from .widgets import escape

    items, text = [], []
    for pv in load_vignettes().patient_voice:
        facts = "".join(f" ({_content().fact(f).value:g} {escape(_content().fact(f).unit)})" for f in pv.fact_ids)
        items.append(f"<li>{escape(pv.text)}{facts} [{escape(_refs([pv.reference]))}]</li>")
        text.append(f"- {pv.text[:60]}... [{_refs([pv.reference])}]")
    html_ = ('<div class="bc-box" role="note" aria-label="What people with back pain have said">'
             "<h3>What people with back pain have said (published research, paraphrased)</h3>"
             f"<ul>{''.join(items)}</ul></div>")
    return _block(html_, "Patient voice (paraphrased, cited):\n" + "\n".join(text))
