"""Compose: write the ad and see it live.

The page is drawn by `components/widgets/page_compose.py`.
"""

from components.widgets.page_compose import compose_page

compose_page()
