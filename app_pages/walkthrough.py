"""Walkthrough: tell the story of the WhatsApp button to a prospect, in six steps.

The page is drawn by `components/ui/pages/walkthrough.py`.
"""

from components.ui.pages.walkthrough import walkthrough_page

walkthrough_page()
