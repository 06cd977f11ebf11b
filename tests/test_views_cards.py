"""views.cards: one pre-rendered card per explorer option, each a region with an accessible name, content escaped."""
from __future__ import annotations

from types import SimpleNamespace

from backcare.views.cards import imaging_age_card, level_card, natural_history_card, nerve_root_card
from backcare.views.tables import Table


def test_nerve_root_card_escapes_content():
    root = SimpleNamespace(root="L5", usual_disc="L4-L5", motor="Big toe <up>", reflex="None", sensory="Foot")
    html = nerve_root_card(root)
    assert html.startswith('<div class="bc-box" role="region" aria-label="Nerve root L5"><h3>L5 root</h3>')
    assert "<li><strong>Weakness:</strong> Big toe &lt;up&gt;</li>" in html


def test_imaging_card_marks_modelled_rows():
    html = imaging_age_card(20)
    assert 'aria-label="Imaging findings at age 20"' in html
    assert "<td>4 of 100</td><td>✔</td><td>modelled, no participants observed</td>" in html


def test_level_card_lists_examples_and_says_it_is_not_a_ladder():
    level = SimpleNamespace(level=3, name="Injections", definition="Needles.")
    html = level_card(level, [SimpleNamespace(name="Epidural", description="a steroid injection")], "high")
    assert '<h3>Level 3: Injections</h3>' in html
    assert "<li><strong>Epidural</strong>: a steroid injection</li>" in html
    assert "A higher level is not a stronger or better treatment." in html


def test_natural_history_card_holds_image_sentence_and_table():
    html = natural_history_card("Acute only", b"\x89PNG", "alt", "It fell.", Table(["a"], [[1]]))
    assert html.startswith('<div class="bc-box" role="region" aria-label="Natural history: Acute only"><img ')
    assert '<p>It fell.</p><details class="bc-data">' in html
