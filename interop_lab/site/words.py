"""Every word the site shows, in Dutch and in English; the templates get one set as ``t``.

One set of templates renders both languages. A field is the text itself or a ``str.format``
pattern with named fields ({product}, {n}, ...); patterns holding HTML are ``Markup``, whose
``format`` escapes what it is given. The Dutch site lives at the root, the English one in ``en/``.
Scorecard pages are the lab's own report and exist in Dutch only: the English site links to them
and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from interop_lab.catalogue import STATUS_WORDS, USAGE_WORDS
from interop_lab.catalogue.register import RegisterUsage, StandardStatus
from interop_lab.reporting.html import VERDICTS


@dataclass(frozen=True, slots=True)
class Words:
    lang: str  # the BCP 47 code on <html lang> and hreflang
    folder: str  # where this language's pages live, relative to the site's root: "" or "en/"
    name: str  # the language's own name, on the other language's switch
    cards_in_dutch: str  # after a link to a scorecard ("" in Dutch)
    column: int  # the column in the catalogue's (Dutch, English) word pairs
    verdict_words: Mapping[str, str]
    mode_words: Mapping[str, str]
    no_level: str
    # base.html.j2
    site_name: str
    skip: str
    nav_label: str
    nav_index: str
    nav_matrix: str
    nav_standards: str
    switch_label: str  # the switch's aria-label, in the language it leads to
    footer: str  # {generated}
    empty: str
    # column headers and table words shared by the pages
    vendor: str
    product: str
    release: str
    standard: str
    level: str
    result: str
    date: str
    report: str
    scorecard: str
    scorecard_for: str  # {product} {release} {standard}, read by screen readers only
    # index.html.j2
    index_title: str
    index_heading: str
    search_heading: str
    search_intro: str
    filter_label: str
    all_standards: str
    all_levels: str
    no_level_reached: str
    all_vendors: str
    product_contains: str
    filter_button: str
    results_heading: str
    results: str  # {n}
    shown_of_total: str  # {shown} {total}, filled in by the filter script
    results_caption: str
    # matrix.html.j2
    matrix_title: str
    matrix_heading: str
    matrix_intro: str
    matrix_caption: str
    level_of: str  # {level}
    not_tested: str
    # product.html.j2
    product_title: str  # {product} {vendor}
    used_by: str
    no_municipalities: str
    latest_heading: str
    latest_caption: str
    certified_heading: str
    certified_caption: str
    not_certified: str
    history_heading: str
    plot_title: str  # {standard}
    plot_legend: str  # {description}
    plot_description: str  # {n} {runs} {first} {last} {level}
    plot_run: str
    plot_runs: str
    plot_point: str  # {date} {release} {level} {verdict}
    runs_as_table: str
    runs_caption: str  # {standard}
    kind_of_test: str
    verdict: str
    # standards.html.j2
    standards_title: str
    standards_heading: str
    standards_intro: Markup
    no_register: Markup
    in_register: str
    kind: str
    not_stated: str
    usage: str
    register_says: str  # {text}
    status: str
    responsible: str
    specification: str
    title_not_in_register: str  # {title} {source}
    no_register_entry: str

    def verdict_of(self, verdict: str) -> str:
        return self.verdict_words.get(verdict, verdict)

    def level_text(self, level: str | None) -> str:
        return level or self.no_level

    def mode_of(self, mode: str) -> str:
        return self.mode_words.get(mode, mode)

    def usage_of(self, usage: RegisterUsage) -> str:
        return USAGE_WORDS[usage][self.column]

    def status_of(self, status: StandardStatus) -> str:
        return STATUS_WORDS[status][self.column]

    def href(self, path: str, site_root: str) -> str:
        """This language's version of the page at ``path``, seen from ``site_root``."""
        return f"{site_root}{self.folder}{path}"


DUTCH = Words(
    lang="nl",
    folder="",
    name="Nederlands",
    cards_in_dutch="",
    column=0,
    verdict_words=VERDICTS,  # the words of the scorecard pages themselves
    mode_words={"self-test": "zelftest", "certified": "gecertificeerd"},
    no_level="geen",
    site_name="Catalogus van het interop-lab",
    skip="Naar de inhoud",
    nav_label="Catalogus",
    nav_index="Overzicht en zoeken",
    nav_matrix="Vergelijking per standaard",
    nav_standards="Standaarden",
    switch_label="Deze pagina in het Nederlands",
    footer="Gemaakt op {generated} uit de catalogus van het interop-lab. Elke scorecard vermeldt "
    "zelf\n  of ze een zelftest van de leverancier is of gecertificeerd door het lab.",
    empty="De catalogus is nog leeg.",
    vendor="Leverancier",
    product="Product",
    release="Versie",
    standard="Standaard",
    level="Niveau",
    result="Resultaat",
    date="Datum",
    report="Rapport",
    scorecard="Scorecard",
    scorecard_for=" van {product} {release} voor {standard}",
    index_title="Overzicht",
    index_heading="Software getest op de OSLO-standaarden",
    search_heading="Zoeken en filteren",
    search_intro="Kies een standaard, een niveau of een leverancier: de tabel toont dan alleen wat "
    "past.\n  Zonder JavaScript staan alle resultaten in de tabel.",
    filter_label="Resultaten filteren",
    all_standards="Alle standaarden",
    all_levels="Alle niveaus",
    no_level_reached="geen niveau behaald",
    all_vendors="Alle leveranciers",
    product_contains="Product bevat",
    filter_button="Filteren",
    results_heading="Resultaten",
    results="{n} resultaten",
    shown_of_total="{shown} van {total} resultaten",
    results_caption="Laatste resultaat per productversie en standaard",
    matrix_title="Vergelijking",
    matrix_heading="Vergelijking: producten en standaarden",
    matrix_intro="Per productversie het laatste resultaat voor elke standaard: het behaalde "
    "niveau, het oordeel en\nde datum van de test. Elke cel linkt naar de volledige scorecard.",
    matrix_caption="Productversies (rijen) tegenover standaarden (kolommen)",
    level_of="Niveau {level}",
    not_tested="niet getest",
    product_title="{product} van {vendor}",
    used_by="Gebruikt door",
    no_municipalities="geen gemeenten opgegeven",
    latest_heading="Laatste resultaat per standaard",
    latest_caption="Laatste test per standaard",
    certified_heading="Laatste certificering door het lab",
    certified_caption="Laatste gecertificeerde test per standaard",
    not_certified="Dit product is nog niet gecertificeerd door het lab: alle resultaten zijn "
    "zelftests van de leverancier.",
    history_heading="Geschiedenis per standaard",
    plot_title="Niveau per run voor {standard}",
    plot_legend="{description} (rondje: conform, vierkant: niet conform)",
    plot_description="{n} {runs} van {first} tot {last}; laatste niveau {level}",
    plot_run="run",
    plot_runs="runs",
    plot_point="{date}, versie {release}: niveau {level}, {verdict}",
    runs_as_table="De runs als tabel",
    runs_caption="Alle runs voor {standard}, de oudste eerst",
    kind_of_test="Soort test",
    verdict="Oordeel",
    standards_title="Standaarden",
    standards_heading="De geteste standaarden",
    standards_intro=Markup(
        "Per standaard waartegen het lab test: waarvoor ze dient volgens het\n"
        '<a href="https://data.vlaanderen.be/standaarden/">OSLO-standaardenregister</a> van de '
        "Vlaamse\noverheid, of ze verplicht of aanbevolen is, haar status en wie ervoor "
        "verantwoordelijk is."
    ),
    no_register=Markup(
        "Het standaardenregister is nog niet in de catalogus geladen\n"
        "(<code>interop-lab catalogue standards</code>): hieronder staan alleen de namen van de "
        "standaarden."
    ),
    in_register="In het register",
    kind="Soort",
    not_stated="niet vermeld",
    usage="Gebruik",
    register_says="(register: {text})",
    status="Status",
    responsible="Verantwoordelijk",
    specification="Specificatie",
    title_not_in_register="De testsuite verwijst naar „{title}”, maar die titel staat niet in "
    "het\n  geladen standaardenregister ({source}).",
    no_register_entry="De testsuite noemt geen inschrijving in het standaardenregister.",
)

ENGLISH = Words(
    lang="en",
    folder="en/",
    name="English",
    cards_in_dutch=" (in Dutch)",
    column=1,
    verdict_words={
        "conformant": "Conformant",
        "non-conformant": "Not conformant",
        "error": "Error in the test lab",
    },
    mode_words={"self-test": "self-test", "certified": "certified"},
    no_level="none",
    site_name="Catalogue of the interop lab",
    skip="Skip to the content",
    nav_label="Catalogue",
    nav_index="Overview and search",
    nav_matrix="Comparison by standard",
    nav_standards="Standards",
    switch_label="This page in English",
    footer="Built on {generated} from the catalogue of the interop lab. Each scorecard states "
    "whether it is\n  a self-test by the vendor or certified by the lab. The scorecards are "
    "written in Dutch.",
    empty="The catalogue is still empty.",
    vendor="Vendor",
    product="Product",
    release="Release",
    standard="Standard",
    level="Level",
    result="Result",
    date="Date",
    report="Report",
    scorecard="Scorecard",
    scorecard_for=" of {product} {release} for {standard}",
    index_title="Overview",
    index_heading="Software tested against the OSLO standards",
    search_heading="Search and filter",
    search_intro="Choose a standard, a level or a vendor: the table then shows only what "
    "matches.\n  Without JavaScript the table shows every result.",
    filter_label="Filter the results",
    all_standards="All standards",
    all_levels="All levels",
    no_level_reached="no level reached",
    all_vendors="All vendors",
    product_contains="Product contains",
    filter_button="Filter",
    results_heading="Results",
    results="{n} results",
    shown_of_total="{shown} of {total} results",
    results_caption="Latest result per product release and standard",
    matrix_title="Comparison",
    matrix_heading="Comparison: products and standards",
    matrix_intro="For each product release the latest result for every standard: the level "
    "reached, the verdict and\nthe date of the test. Each cell links to the full scorecard "
    "(in Dutch).",
    matrix_caption="Product releases (rows) against standards (columns)",
    level_of="Level {level}",
    not_tested="not tested",
    product_title="{product} by {vendor}",
    used_by="Used by",
    no_municipalities="no municipalities given",
    latest_heading="Latest result per standard",
    latest_caption="Latest test per standard",
    certified_heading="Latest certification by the lab",
    certified_caption="Latest certified test per standard",
    not_certified="The lab has not certified this product yet: every result is a self-test by "
    "the vendor.",
    history_heading="History per standard",
    plot_title="Level per run for {standard}",
    plot_legend="{description} (circle: conformant, square: not conformant)",
    plot_description="{n} {runs} from {first} to {last}; latest level {level}",
    plot_run="run",
    plot_runs="runs",
    plot_point="{date}, release {release}: level {level}, {verdict}",
    runs_as_table="The runs as a table",
    runs_caption="All runs for {standard}, the oldest first",
    kind_of_test="Kind of test",
    verdict="Verdict",
    standards_title="Standards",
    standards_heading="The tested standards",
    standards_intro=Markup(
        "For each standard the lab tests against: what it is for according to the Flemish\n"
        "government's "
        '<a href="https://data.vlaanderen.be/standaarden/" hreflang="nl">OSLO standards '
        "register</a> (in Dutch), whether it is\nmandatory or recommended, its status and who is "
        "responsible for it."
    ),
    no_register=Markup(
        "The standards register has not been loaded into the catalogue yet\n"
        "(<code>interop-lab catalogue standards</code>): below are only the names of the "
        "standards."
    ),
    in_register="In the register",
    kind="Kind",
    not_stated="not stated",
    usage="Use",
    register_says="(register: {text})",
    status="Status",
    responsible="Responsible",
    specification="Specification",
    title_not_in_register="The test suite refers to “{title}”, but that title is not in the\n"
    "  loaded standards register ({source}).",
    no_register_entry="The test suite names no entry in the standards register.",
)

LANGUAGES: dict[str, Words] = {words.lang: words for words in (DUTCH, ENGLISH)}


def other(words: Words) -> Words:
    """The language the switch on a page in ``words`` leads to."""
    return ENGLISH if words is DUTCH else DUTCH
