"""Model & assumptions: every number the forecast uses, with its source or marked as ours.

The page is drawn by `components/ui/pages/model.py`.
"""

from components.ui.pages.model import model_page

model_page()
