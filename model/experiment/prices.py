"""One price year for every amount: the model's wages are 2023 SEK, so the
literature's replacement costs (about 2015 SEK) are converted to 2023 before any
comparison.

The conversion factor is a labour-cost index, because Johrén's and Vision's figures are
almost all labour cost (time of managers, HR, mentors, colleagues and the newcomer, and
the work not done while a post stands empty). The exact values of SCB's labour cost
index for municipal employees (AKI) were not available to this project, so the factor is
an assumption built from figures DOMAIN.md cites, with a range:

* the wage growth of socialsekreterare: SKL's median of November 2017 (32,500 SEK a
  month) to SCB's average of 2023 (38,800): x1.19 in six years, about 3.0 % a year, so
  about x1.27 over the eight years 2015-2023;
* the employer's on-cost (PO-pålägg, SKR): about 38.5 % in 2014-2015 to about 44.5 % in
  2023: x1.045 on the salary.

Together about x1.32; a median against an average overstates the growth a little, so
the factor is 1.30 (range 1.20-1.40).
"""

from __future__ import annotations

PRICE_YEAR = 2023                       # the year of the model's wages (SCB 2023)
LITERATURE_YEAR = 2015                  # Johrén's and Vision's figures, about 2015 SEK
LABOUR_COST_2015_TO_2023 = 1.30         # assumption, range below (module docstring)
LABOUR_COST_FACTOR_RANGE = (1.20, 1.40)
INDEX_NAME = ("labour cost of a socialsekreterare: wage growth (SKL 2017 median to SCB "
              "2023 average) times the rise in municipal on-cost (SKR); assumption 1.20-1.40")

# replacement cost per socialsekreterare in the literature, SEK of LITERATURE_YEAR
REPLACEMENT_LITERATURE = {"Johrén": 340_000, "Vision 2015": 542_700}


def in_price_year(sek_2015: float) -> float:
    """An amount of about 2015 SEK in the model's price year (``PRICE_YEAR``)."""
    return sek_2015 * LABOUR_COST_2015_TO_2023


def replacement_range() -> tuple[float, float]:
    """The literature's replacement cost per socialsekreterare, lowest and highest, in
    SEK of ``PRICE_YEAR``."""
    v = sorted(REPLACEMENT_LITERATURE.values())
    return in_price_year(v[0]), in_price_year(v[-1])
