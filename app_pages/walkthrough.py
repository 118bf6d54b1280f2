"""Walkthrough: tell the story of the WhatsApp button to a prospect, in six steps.

The page is drawn by `components/widgets/page_walkthrough.py`.
"""

from components.widgets.page_walkthrough import walkthrough_page

walkthrough_page()
