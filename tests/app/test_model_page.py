"""The Model & assumptions page: every parameter with a source, the CPM basis per country."""

from components.forecast import default_params
from tests.app.conftest import assert_clean, run_app


def test_model_page_lists_sources_and_the_cpm_rule():
    at = run_app("app_pages/model.py")
    assert_clean(at)
    parameters = at.dataframe[0].value
    # The page shows the very table the engine reads, each row with a source.
    assert parameters["Parameter"].tolist() == list(default_params().table)
    assert parameters["Source"].str.len().min() > 0
    assert {"published", "assumption"} <= set(parameters["Kind"])
    checks = at.dataframe[1].value  # the forecast against published figures
    assert set(checks["Verdict"]) <= {"inside", "outside"} and len(checks) >= 10
    assert checks["Source"].str.len().min() > 0
    cpm = at.dataframe[2].value
    published = cpm[cpm["Basis"] == "published figure"]["Code"].tolist()
    assert sorted(published) == ["BR", "IN", "US"]
    assert cpm.loc[cpm["Code"] == "US", "Base CPM (USD)"].item() == 22.7
    assert any("not a prediction from Meta" in m.value for m in at.markdown)
