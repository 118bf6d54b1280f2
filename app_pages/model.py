"""Model & assumptions: every number the forecast uses, with its source or marked as ours.

The page is drawn by `components/widgets/page_model.py`.
"""

from components.widgets.page_model import model_page

model_page()
