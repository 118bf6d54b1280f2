"""Preview: the ad in every placement, side by side, and what a tap on its button does.

The page is drawn by `components/ui/pages/preview.py`.
"""

from components.ui.pages.preview import preview_page

preview_page()
