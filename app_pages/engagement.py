"""Engagement: a simulated, calibrated forecast of the ad by day and by country.

The page is drawn by `components/ui/pages/engagement.py`.
"""

from components.ui.pages.engagement import engagement_page

engagement_page()
