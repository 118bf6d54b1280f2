"""The forecast: a simulated, calibrated Monte Carlo of what a WhatsApp-button ad yields.

Pure Python and numpy (no Streamlit), one concept a module:

- `params`: the model's parameters as data (sample_data/model_parameters.csv), frozen;
- `poisson`: the fast Poisson sampler the engine draws counts with;
- `engine`: the seeded, vectorised simulation of both funnels (message and call);
- `summaries`: totals, quantiles, tables, the spend curve, Message-vs-Call and its planner;
- `rules`: the CPM rule and the creative penalty;
- `inputs`: from a Campaign to the engine's inputs, and the forecasts the pages ask for;
- `report`: what the Engagement page shows (headline figures, funnel, notes, exports);
- `validation`: where the forecast lands against published outcomes.

Every public name is re-exported here, so `from components.forecast import forecast` works.
"""

from components.forecast.engine import (
    CTAS,
    CampaignInputs,
    MarketInputs,
    SimulationResult,
    placement_mix,
    reply_factor,
    simulate_campaign,
)
from components.forecast.inputs import (
    MAX_FORECAST_CELLS,
    ad_placements,
    bounded_runs,
    campaign_inputs,
    compare_buttons,
    cpm_table,
    default_start,
    forecast,
    launch_countries,
    market_inputs,
    spend_curve,
    standard_scenario_ad,
)
from components.forecast.params import ModelParams, Param, default_params, load_params
from components.forecast.report import (
    MONEY_METRICS,
    HeadlineMetric,
    daily_by_country_csv,
    forecast_notes,
    funnel_steps,
    headline_metrics,
    summary_json,
)
from components.forecast.rules import CALIBRATED_CPM, base_cpm, creative_factor
from components.forecast.summaries import (
    TOO_CLOSE,
    Comparison,
    Quantiles,
    by_country,
    compare,
    daily_quantiles,
    delivery_status,
    learning_status,
    metric_totals,
    spend_response_curve,
    summary,
    win_probability,
)

__all__ = [
    "CALIBRATED_CPM",
    "CTAS",
    "MAX_FORECAST_CELLS",
    "MONEY_METRICS",
    "TOO_CLOSE",
    "CampaignInputs",
    "Comparison",
    "HeadlineMetric",
    "MarketInputs",
    "ModelParams",
    "Param",
    "Quantiles",
    "SimulationResult",
    "ad_placements",
    "base_cpm",
    "bounded_runs",
    "by_country",
    "campaign_inputs",
    "compare",
    "compare_buttons",
    "cpm_table",
    "creative_factor",
    "daily_by_country_csv",
    "daily_quantiles",
    "default_params",
    "default_start",
    "delivery_status",
    "forecast",
    "forecast_notes",
    "funnel_steps",
    "headline_metrics",
    "launch_countries",
    "learning_status",
    "load_params",
    "market_inputs",
    "metric_totals",
    "placement_mix",
    "reply_factor",
    "simulate_campaign",
    "spend_curve",
    "spend_response_curve",
    "standard_scenario_ad",
    "summary",
    "summary_json",
    "win_probability",
]
