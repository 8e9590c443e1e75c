"""A failure's explanation on the scorecard: JSON-LD that reads back and maps onto the lab
vocabulary, a Dutch HTML block under each failure, and the fix line on the terminal."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pyoxigraph as ox
from pyld import jsonld

from interop_lab.model.outcomes import Blame, Outcome
from interop_lab.reporting.explanation_text import explanation_block, fix_lines
from interop_lab.reporting.html import CANT_TELL_FIX, EXCUSED_FIX, scorecard_to_html
from interop_lab.reporting.jsonld import scorecard_from_jsonld, scorecard_json, scorecard_to_jsonld
from tests.reporting.cards import RULES, card, explained_card, explanation

PREFIXES = """
PREFIX lab: <urn:interop-lab:vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def _offline_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    raise AssertionError(f"the context is inline; nothing may be fetched ({url})")


def test_failed_and_undecided_assertions_carry_their_explanation_in_json_ld() -> None:
    assertions = scorecard_to_jsonld(explained_card())["assertions"]

    with_explanation = {a["result"]["outcome"] for a in assertions if "explanation" in a}
    assert with_explanation == {"failed", "cantTell"}
    first = next(a for a in assertions if "explanation" in a)
    assert first["explanation"] == {
        "meaning": "Elke dienst heeft een naam.",
        "cause": "De naam ontbreekt in de export.",
        "fix": "Vul de naam in voor elke dienst.",
        "en": {
            "meaning": "Every service has a name.",
            "cause": "The name is missing from the export.",
            "fix": "Fill in the name of every service.",
        },
        "link": first["requirement"],
    }


def test_explanations_survive_the_round_trip() -> None:
    the_card = explained_card()
    text = scorecard_json(the_card)

    read = scorecard_from_jsonld(json.loads(text))

    assert read == the_card
    assert scorecard_json(read) == text
    assert read.assertions[2].explanation == explanation()


def test_a_scorecard_without_explanations_reads_and_writes_as_before() -> None:
    text = scorecard_json(card())

    assert all("explanation" not in item for item in json.loads(text)["assertions"])
    assert scorecard_json(scorecard_from_jsonld(json.loads(text))) == text


def test_an_explanation_maps_onto_the_lab_vocabulary_in_both_languages() -> None:
    document = scorecard_to_jsonld(explained_card())
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _offline_loader}
    )
    store = ox.Store()
    store.load(nquads, ox.RdfFormat.N_QUADS)

    rows = store.query(
        PREFIXES
        + """SELECT ?fix ?fixEn ?link WHERE {
             ?assertion lab:explanation ?explanation .
             ?explanation lab:fix ?fix ; lab:translation ?english ; rdfs:seeAlso ?link .
             ?english lab:fix ?fixEn .
           }"""
    )
    assert isinstance(rows, ox.QuerySolutions)
    found = {(row["fix"], row["fixEn"], row["link"]) for row in rows}

    assert (
        ox.Literal("Vul de naam in voor elke dienst.", language="nl"),
        ox.Literal("Fill in the name of every service.", language="en"),
        ox.NamedNode(f"{RULES}naam-verplicht"),
    ) in found


def test_the_html_shows_meaning_cause_fix_and_the_rule_under_a_failure() -> None:
    page = scorecard_to_html(explained_card())
    failure = page[page.index("Regel naam-verplicht") : page.index("Regel bevoegde-overheid")]

    assert "<h4>Wat betekent deze regel</h4>" in failure
    assert '<p class="meaning">Elke dienst heeft een naam.</p>' in failure
    assert "<h4>Gebruikelijke oorzaak</h4>" in failure
    assert '<p class="cause">De naam ontbreekt in de export.</p>' in failure
    assert "<h4>Zo los je het op</h4>" in failure
    assert '<p class="fix">Vul de naam in voor elke dienst.</p>' in failure
    assert f'<a href="{RULES}naam-verplicht">Regel in de standaard</a>' in failure
    assert "verplichte regel van de standaard" not in failure, "no level text beside its own fix"


def test_an_undecided_test_first_says_to_make_it_judgeable_then_what_the_rule_asks() -> None:
    page = scorecard_to_html(explained_card())
    doubt = page[page.index("Regel bevoegde-overheid") :]
    doubt = doubt[: doubt.index("</article>")]

    assert doubt.index(CANT_TELL_FIX) < doubt.index("Vul de naam in voor elke dienst.")


def test_a_failure_the_vendor_need_not_fix_gets_no_fix_of_the_rule() -> None:
    excused = replace(
        card().assertions[3],
        explanation=explanation(),
        blame=Blame.STANDARD,
        outcome=Outcome.FAILED,
    )
    page = scorecard_to_html(card(assertions=(excused,)))

    assert "<h4>Wat betekent deze regel</h4>" in page
    assert f'<p class="fix">{EXCUSED_FIX}</p>' in page
    assert "Vul de naam in voor elke dienst." not in page


def test_passed_tests_show_no_explanation() -> None:
    passed = replace(card().assertions[0], explanation=explanation())

    page = scorecard_to_html(card(assertions=(passed,)))

    assert "Wat betekent deze regel" not in page


def test_hostile_explanation_text_is_escaped() -> None:
    hostile = replace(explanation(), link="javascript:alert(1)")
    record = replace(card().assertions[2], explanation=hostile)
    record = replace(record, explanation=replace(hostile, nl=replace(hostile.nl, fix="<b>x</b>")))

    page = scorecard_to_html(card(assertions=(record,)))

    assert "<b>x</b>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert 'href="javascript:' not in page
    assert "Regel in de standaard: <code>javascript:alert(1)</code>" in page


def test_the_terminal_gets_the_fix_and_the_rule() -> None:
    assert fix_lines(explanation()) == (
        "Zo los je het op: Vul de naam in voor elke dienst.\n"
        f"Regel in de standaard: {RULES}naam-verplicht"
    )


def test_explain_prints_the_headings_of_the_language_asked() -> None:
    dutch = explanation_block(explanation(), "nl")
    english = explanation_block(explanation(), "en")

    assert dutch.startswith("Wat betekent deze regel\n    Elke dienst heeft een naam.")
    assert "Zo los je het op\n    Vul de naam in voor elke dienst." in dutch
    assert english.startswith("What the rule means\n    Every service has a name.")
    assert english.endswith(f"Rule in the standard\n    {RULES}naam-verplicht")
