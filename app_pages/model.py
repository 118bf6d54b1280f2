"""Model & assumptions: every number the forecast uses, with its source or marked as ours.

- what the simulation is and what each headline figure includes;
- the parameters of the engine (published figure or assumption, with the source);
- base CPM per country: the three published figures and the rule for everyone else;
- audience assumptions, the rollout rules, and the dated exchange rates.
"""

from components.widgets.page_model import model_page

model_page()
