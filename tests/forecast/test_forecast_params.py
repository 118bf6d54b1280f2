"""The parameter table: every row sourced, drawn ones well formed, overrides, the rules."""

import numpy as np
import pytest

from components.forecast import base_cpm, creative_factor, default_params, load_params
from components.forecast.params import PARAMETERS_CSV, REQUIRED

P = default_params()


def test_every_parameter_has_a_source_and_assumptions_say_why():
    assert set(REQUIRED) <= set(P.table)
    for name, param in P.table.items():
        assert param.source, name
        assert param.unit, name
        if param.is_assumption:
            assert param.note, f"{name}: an assumption says why"
    kinds = {param.is_assumption for param in P.table.values()}
    assert kinds == {True, False}


def test_drawn_parameters_have_their_percentiles():
    rng = np.random.default_rng(5)
    for name, param in P.table.items():
        if param.drawn not in ("run", "run-country", "button"):
            continue
        draws = P.draw(name, rng, (40_000,))
        p10, p50, p90 = np.quantile(draws, [0.1, 0.5, 0.9])
        assert p50 == pytest.approx(param.value, rel=0.03), name
        assert p10 == pytest.approx(param.low, rel=0.05), name
        assert p90 == pytest.approx(param.high, rel=0.05), name
        if param.is_share:
            assert draws.min() > 0 and draws.max() < 1, name


def test_with_values_overrides_one_run_without_touching_the_table():
    other = P.with_values(call_answer_rate=0.5, reply_floor=0.1)
    assert other.value("call_answer_rate") == 0.5 and other.value("reply_floor") == 0.1
    assert P.value("call_answer_rate") == 0.60
    assert other["call_answer_rate"].low == P["call_answer_rate"].low  # still inside its range
    outside = P.with_values(call_answer_rate=0.95)
    assert outside["call_answer_rate"].low is None  # a value outside the range is fixed
    with pytest.raises(KeyError):
        P.with_values(no_such_parameter=1.0)


def test_a_broken_table_names_its_line(tmp_path):
    text = PARAMETERS_CSV.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join([text[0], "cpm_us,abc,,,x,rule,src,", *text[2:]]), "utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_params(broken)
    missing = tmp_path / "missing.csv"
    missing.write_text("\n".join(text[:-1]), "utf-8")
    with pytest.raises(ValueError, match="lacks"):
        load_params(missing)
    unsourced = tmp_path / "unsourced.csv"
    unsourced.write_text("\n".join([text[0], "cpm_us,22.7,,,x,rule,,", *text[2:]]), "utf-8")
    with pytest.raises(ValueError, match="source"):
        load_params(unsourced)


def test_the_rows_the_model_page_shows_are_the_table():
    rows = P.rows()
    assert [row["Parameter"] for row in rows] == list(P.table)
    assert {row["Kind"] for row in rows} == {"published", "assumption"}


def test_published_figures():
    assert P.value("cpm_us") == 22.70 and P.value("cpm_in") == 1.81 and P.value("cpm_br") == 3.20
    assert P.value("ctr_median") == 0.0181
    assert P.value("learning_events") == 50 and P.value("learning_window_days") == 7
    assert P["call_answer_rate"].low == 0.38  # 411 Locals' 37.8% answered live


def test_us_season_curve_matches_the_source():
    season = np.array(P.curve("cpm_season_us"))
    assert season.shape == (12,) and season.mean() == pytest.approx(1.0, abs=1e-3)
    assert 22.70 * season[0] == pytest.approx(20.43, abs=0.01)
    assert 22.70 * season[10] == pytest.approx(28.35, abs=0.01)


def test_base_cpm_rule():
    assert base_cpm("us", 3, "Asia") == 22.70  # a published figure wins
    assert base_cpm("NG", 3, "Africa") == pytest.approx(2.75 * 0.70)
    assert base_cpm("AU", 1, "Oceania") == 16.50
    assert base_cpm("GB", 1, "Europe") == pytest.approx(16.50 * 0.75)
    assert base_cpm("ZZ", 9, "Atlantis") == 2.75  # clamped tier, unknown region
    for tier in (1, 2, 3):
        for region in ("Americas", "Europe", "Asia", "Africa", "Oceania", "Northern America"):
            assert 1.50 <= base_cpm("XX", tier, region) <= 23.0


def test_creative_factor():
    assert creative_factor(125, 40, 25, has_image=True) == 1.0
    assert creative_factor(300, 60, 40, has_image=False) == pytest.approx(0.9 * 0.95 * 0.97 * 0.6)


def test_the_placement_columns_are_the_apps_placements_in_order():
    """placement_share and placement_ctr list one value per placement in PLACEMENT_ORDER;
    that order must be components.campaign.placements' own, or a value lands on the wrong one."""
    from components.campaign.placements import PLACEMENTS
    from components.forecast.params import PLACEMENT_ORDER

    assert tuple(PLACEMENTS) == PLACEMENT_ORDER
    assert len(P.curve("placement_share")) == len(P.curve("placement_ctr")) == len(PLACEMENTS)
