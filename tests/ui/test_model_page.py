"""The Model & assumptions page: every parameter with a source, the CPM basis per country,
short tables drawn whole with human headers and sources as linked citations."""

from components.forecast import default_params
from components.ui.navigation import page_path
from tests.ui.conftest import assert_clean, run_app


def tables(at) -> list[str]:
    """The page's HTML tables (components/ui/tables.py), in order."""
    found = [element.value for element in at.get("html")]
    return [value for value in found if value.startswith('<div class="bas-table-wrap"')]


def test_model_page_lists_sources_and_the_cpm_rule():
    at = run_app(page_path("model"))
    assert_clean(at)
    parameters, checks, audience, rules, rates = tables(at)
    # The page shows the very table the engine reads, each row with a source.
    for name in default_params().table:
        assert f"<code>{name}</code>" in parameters
    assert parameters.count("<tr>") == len(default_params().table) + 1
    assert ">Published<" in parameters and ">Assumption<" in parameters
    assert '<th scope="col">Range (p10–p90)</th>' in parameters
    # Sources are citations: linked where there is a page, never a file name.
    assert 'href="https://www.superads.ai/' in parameters
    assert "product.md" not in rules and "Button Ad Studio product brief" in rules
    assert '<th scope="col">Applies to</th>' in rules and ">Continent: Americas<" in rules
    assert checks.count(">inside<") + checks.count(">outside<") >= 10
    assert 'href="https://www.facebook.com/business/help/435270316658768"' in checks
    assert '<th scope="col">Tier 1</th>' in audience
    assert '<th scope="col">Units per US dollar</th>' in rates
    cpm = at.dataframe[0].value  # the long table stays a searchable grid
    published = cpm[cpm["Basis"] == "published figure"]["Code"].tolist()
    assert sorted(published) == ["BR", "IN", "US"]
    assert cpm.loc[cpm["Code"] == "US", "Base CPM (USD)"].item() == 22.7
    assert any("not a prediction from Meta" in m.value for m in at.markdown)
