"""Targeting: where the ad runs, whether the button is available there, and whom it reaches.

The page is drawn by `components/widgets/page_targeting.py`.
"""

from components.widgets.page_targeting import targeting_page

targeting_page()
