"""The Streamlit UI: the only package that imports Streamlit.

Each page's body is in `pages/`; `navigation` holds the one `PAGES` table and the navigation
over it; `shell` is what every page shares (page config, the sidebar); `session` holds the
session's campaign and its URL, `accounts` whose drafts these are, `forecast_cache` the
forecasts shared by sessions, `media` the files served to the browser; the other modules are
input groups and dialogs, one per concern. What they return is plain data (a `Campaign`,
settings) for the pure packages below to draw and forecast.
"""

from components.ui.common import url_notes_banner
from components.ui.composer import ad_form, key, seed_form
from components.ui.forecast import forecast_settings, headline_metric_row
from components.ui.preview import hours_editor, preview_options, tap_moment
from components.ui.walkthrough_controls import sample_and_prospect, tour_navigation

__all__ = [
    "ad_form",
    "forecast_settings",
    "headline_metric_row",
    "hours_editor",
    "key",
    "preview_options",
    "sample_and_prospect",
    "seed_form",
    "tap_moment",
    "tour_navigation",
    "url_notes_banner",
]
