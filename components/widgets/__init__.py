"""Reusable Streamlit input groups, one module per page's concern.

With `components/session.py`, this package is the only place outside the pages that imports
Streamlit; everything it returns is plain data (an AdSpec, settings).
"""

from components.widgets.common import url_notes_banner
from components.widgets.compose import ad_form, key, seed_form
from components.widgets.forecast import forecast_settings, headline_metric_row
from components.widgets.preview import hours_editor, preview_options, tap_moment
from components.widgets.tour import sample_and_prospect, tour_navigation

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
