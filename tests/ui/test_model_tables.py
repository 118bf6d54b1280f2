"""The Model page's reference tables: sources read as citations with links, every cell is
escaped, headers are words, and every source the data files name is cited readably."""

from __future__ import annotations

import csv
import re

import pytest

from components import SAMPLE_DATA
from components.forecast import default_params
from components.render.citations import citation_html, citation_parts, citation_text, named_sources
from components.ui.pages.model import audience_rows, parameter_rows, rollout_rule_rows
from components.ui.tables import html_table
from components.world.regions import AUDIENCE_ASSUMPTIONS, rollout_rules


def test_a_help_center_number_reads_as_a_linked_citation():
    parts = citation_parts("Meta Help Center 574941489951914")
    assert parts[0].text == "Meta Business Help Center, article 574941489951914"
    assert parts[0].url == "https://www.facebook.com/business/help/574941489951914"
    two = citation_text("Meta Help Center 435270316658768, 4107704079279896")
    assert two.count("https://www.facebook.com/business/help/") == 2


def test_the_product_brief_is_named_not_a_file():
    text = citation_text("product.md (Where the unit is available)")
    assert text == "Button Ad Studio product brief (Where the unit is available)"
    assert "product.md" not in citation_text("product.md")


def test_named_sources_link_and_the_rest_stays_as_written():
    html = citation_html("superads.ai, Facebook CPM by country (2025)")
    assert '<a href="https://www.superads.ai/facebook-ads-costs/cpm-cost-per-mille"' in html
    assert 'rel="noopener noreferrer"' in html
    assert citation_text("twoowls.io, Facebook CPM by country (2024)") == (
        "twoowls.io, Facebook CPM by country (2024)"
    )
    assert citation_text("assumption; ITU").startswith("Our assumption; ITU")


def test_a_citation_is_escaped():
    assert "<script>" not in citation_html("<script>alert(1)</script> Help Center 123456789")
    assert "&lt;script&gt;" in citation_html("<script>")


def _all_sources() -> set[str]:
    sources = {row["Source"] for row in default_params().rows()}
    sources |= {rule["source"] for rule in rollout_rules()}
    sources |= {row["source"] for row in AUDIENCE_ASSUMPTIONS}
    with open(SAMPLE_DATA / "benchmarks.csv", encoding="utf-8") as handle:
        sources |= {row["source"] for row in csv.DictReader(handle)}
    return sources


@pytest.mark.parametrize("source", sorted(_all_sources()))
def test_no_source_reads_as_a_file_name_or_a_bare_article_number(source):
    text = citation_text(source)
    assert "product.md" not in text, source
    assert not re.search(r"Help Center \d", text), source  # always "…, article N <url>"
    assert not text.startswith("assumption"), source


def test_every_named_source_has_a_citation_and_a_safe_address():
    for match, citation, url in named_sources():
        assert match and citation, match
        assert url == "" or url.startswith("https://"), url


def test_tables_escape_cells_and_keep_html_columns_as_built():
    markup = html_table(
        [{"name": "<b>x</b>", "source": "Meta Help Center 123456789"}],
        {"name": "Name", "source": "Source"},
        {"source": citation_html},
    )
    assert "&lt;b&gt;x&lt;/b&gt;" in markup and "<b>x</b>" not in markup
    assert '<th scope="col">Name</th>' in markup
    link = '<a href="https://www.facebook.com/business/help/123456789"'
    assert f'data-label="Source"><span>{link}' in markup


def test_the_page_tables_have_words_for_headers_and_values():
    params = parameter_rows()
    assert {row["Kind"] for row in params} == {"Published", "Assumption"}
    assert all(row["Drawn"][0].isupper() for row in params)
    rules = rollout_rule_rows()
    assert set(rules[0]) == {"Applies to", "Scenario", "Status", "Reason shown", "Source"}
    assert rules[0]["Applies to"] == "Continent: Americas"
    assert {row["Scenario"] for row in rules} == {"Every scenario", "Launch rollout",
                                                  "Europe launched"}  # fmt: skip
    audience = audience_rows()
    assert set(audience[0]) == {"Assumption", "Tier 1", "Tier 2", "Tier 3", "Source"}
    assert all("None" not in value for row in audience for value in row.values())
