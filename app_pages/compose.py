"""Compose: write the ad and see it live.

The page is drawn by `components/ui/pages/compose.py`.
"""

from components.ui.pages.compose import compose_page

compose_page()
