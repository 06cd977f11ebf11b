"""Chapter 01, how common back pain is and what it is called: the burden chart and summary, how sources define
acute / subacute / chronic, and the approximate causes seen in primary care (numbers from content)."""
from __future__ import annotations

from ..fmt import number
from ..logic.facts import fact, fact_value
from ..charts.burden import plot_burden
from ..charts.show import ShownFigure, render_chart
from ..content.chapter_understanding import chapter_data
from ..views.render import Html
from ..views.tables import Table, table_block

__all__ = ["show_burden", "burden_alt_text", "burden_summary", "age_pattern_text", "definitions_table",
           "APPROXIMATE_CAUSES", "approximate_causes_table"]

_YEARS = (("2020", "2020 (estimate)", "gbd_prevalent_cases_2020"),
          ("2050 (projection)", "2050 (projection)", "gbd_prevalent_cases_2050"))


def _interval(fact_id: str) -> str:
    f = fact(fact_id)
    return f"{number(f.value)} {f.unit} (95% uncertainty interval {number(f.low)} to {number(f.high)})"


def burden_alt_text() -> str:
    f20, f50 = fact("gbd_prevalent_cases_2020"), fact("gbd_prevalent_cases_2050")
    return (f"Bar chart of people living with low back pain worldwide: {number(f20.value)} million in 2020 "
            f"(uncertainty interval {number(f20.low)} to {number(f20.high)} million) and a projected "
            f"{number(f50.value)} million in 2050 ({number(f50.low)} to {number(f50.high)} million), "
            "GBD 2021 estimates; the rise comes mainly from population growth and ageing.")


def show_burden() -> ShownFigure:
    """The burden chart with its alt text and data table.

    Examples
    --------
    >>> shown = show_burden()
    >>> shown.alt[:60]
    'Bar chart of people living with low back pain worldwide: 619'
    >>> shown.table.rows[1]
    ['2050 (projection)', 843, 759, 933]
    """
    facts = [(row, tick, fact(fid)) for row, tick, fid in _YEARS]
    table = Table(["Year", "People (millions)", "Lower bound", "Upper bound"],
                  [[y, number(f.value), number(f.low), number(f.high)] for y, _, f in facts])
    return render_chart(plot_burden, [(tick, f.value, f.low, f.high) for _, tick, f in facts], alt=burden_alt_text(),
                        table=table)


def age_pattern_text() -> str:
    """One sentence on how back pain varies with age (WHO 2023 / WHO fact sheet), from content."""
    a = chapter_data().age_pattern
    return (f"The share of people with low back pain climbs from about age {a.prevalence_rises_from_age} and is "
            f"highest at about {a.prevalence_peak_ages[0]} to {a.prevalence_peak_ages[1]} years, but the largest "
            f"number of people with it are aged about {a.cases_peak_ages[0]} to {a.cases_peak_ages[1]}. "
            + a.note)


def burden_summary() -> Html:
    """Key burden numbers as a short list (facts with their intervals) plus the age pattern.

    Examples
    --------
    >>> burden_summary().text.splitlines()[0]
    'People with low back pain in 2020: 619 million people (95% uncertainty interval 554 to 694) [GBD 2021]'
    """
    rows = [
        ("People with low back pain in 2020", _interval("gbd_prevalent_cases_2020"), "GBD 2021"),
        ("Projected for 2050", _interval("gbd_prevalent_cases_2050"), "GBD 2021"),
        ("Rank among causes of years lived with disability",
         f"{fact_value('gbd_yld_rank_2020')} (the leading cause); about {fact_value('gbd_share_of_all_ylds_2020')}% "
         "of all years lived with disability", "GBD 2021"),
        ("Age pattern", age_pattern_text(), "WHO 2023"),
    ]
    return table_block("Burden of low back pain", ["What", "Estimate", "Source"], rows,
                       text="\n".join(f"{a}: {b} [{c}]" for a, b, c in rows))


def definitions_table() -> Html:
    """Acute / subacute / chronic as each source defines them, side by side.

    Examples
    --------
    >>> definitions_table().text.splitlines()[1]
    'ACP 2017 | under 4 weeks | 4 to 12 weeks | over 12 weeks'
    """
    rows = []
    for d in chapter_data().definitions:
        chronic = d.chronic if d.case_definition is None else f"{d.chronic}. Case definition: {d.case_definition}"
        rows.append([d.source, d.acute, d.subacute, chronic])
    return table_block("How sources define acute, subacute and chronic low back pain",
                       ["Source", "Acute", "Subacute", "Chronic"], rows)


#: (label, fact id) for the approximate shares of causes in adult primary care; every share is an estimate (~).
APPROXIMATE_CAUSES = (
    ("Lumbar strain or sprain (a presumptive label, not confirmed by imaging)", "jarvikdeyo_strain_share"),
    ("Age-related changes of discs and facet joints", "jarvikdeyo_age_related_disc_facet_share"),
    ("Disc herniation (other sources give lower figures: teach as a few per cent)", "jarvikdeyo_disc_herniation_share"),
    ("Osteoporotic compression fracture", "jarvikdeyo_compression_fracture_share"),
    ("Spinal stenosis", "jarvikdeyo_stenosis_share"),
    ("Spondylolisthesis", "jarvikdeyo_spondylolisthesis_share"),
    ("Disease of organs (pelvic, kidney, aortic aneurysm, gut)", "jarvikdeyo_visceral_share"),
    ("Cancer", "jarvikdeyo_malignancy_share"),
    ("Inflammatory arthritis (for example ankylosing spondylitis)", "jarvikdeyo_inflammatory_arthritis_share"),
    ("Cauda equina syndrome", "deyo1992_cauda_equina_share"),
    ("Spinal infection", "jarvikdeyo_infection_share"),
)


def _share(fact_id: str) -> str:
    f = fact(fact_id)
    return f"about {number(f.value)}%" if f.value is not None else f"about {number(f.low)} to {number(f.high)}%"


def approximate_causes_table() -> Html:
    """Estimated shares of causes among adults with low back pain in primary care, all marked approximate.

    Examples
    --------
    >>> approximate_causes_table().text.splitlines()[1]
    'Lumbar strain or sprain (a presumptive label, not confirmed by imaging) | about 70% | Jarvik and Deyo 2002 | ~ approximate'
    """
    refs = {"JarvikDeyo2002": "Jarvik and Deyo 2002", "Deyo1992": "Deyo 1992"}
    rows = []
    for label, fid in APPROXIMATE_CAUSES:
        f = fact(fid)
        rows.append([label, _share(fid), refs.get(f.reference, f.reference),
                     f"{f.confidence} approximate" if f.approximate else f.confidence])
    columns = ["Cause", "Estimated share", "Source", "Confidence"]
    return table_block("Estimated causes of low back pain in adult primary care (approximate; they vary with the "
                       "population)", columns, rows,
                       note="~ means the figure was seen only in later reproductions of the original table or is "
                            "recalled rather than checked: treat every share as a rough guide.",
                       text="\n".join([" | ".join(columns)] + [" | ".join(r) for r in rows]))
