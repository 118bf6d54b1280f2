"""Engagement: a simulated, calibrated forecast of the ad by day and by country.

The page is drawn by `components/widgets/page_engagement.py`.
"""

from components.widgets.page_engagement import engagement_page

engagement_page()
