"""Reusable Streamlit input groups, one module per page's concern.

With `components/ui/session.py`, this package is the only place outside the pages that imports
Streamlit; everything it returns is plain data (an Campaign, settings).
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
