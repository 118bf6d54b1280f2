"""Targeting: where the ad runs, whether the button is available there, and whom it reaches.

The page is drawn by `components/ui/pages/targeting.py`.
"""

from components.ui.pages.targeting import targeting_page

targeting_page()
