"""What counts as a crisis in the unit's service: a reporting definition, read only by
the recorder (model/sim/metrics.py); it changes no behaviour of the model.

A replication is a crisis run when, in any year of the statistics window, at least one
of these holds (each judged on that year alone):

* the **overdue share**: the share of investigations whose statutory four-month limit
  (socialtjänstlag 2025:400, 20 kap. 3 §, since 1 July 2025; before it SoL 2001:453
  11 kap. 2 §) came in that year while they were still open reaches
  ``overdue_share``;
* the **queue**: the investigations waiting for a caseworker, averaged over the year's
  weeks, reach ``queue_months`` months of that year's investigation intake;
* the **exodus**: the year's exits reach ``turnover_share`` of the year's mean headcount
  (above what chance gives a stable unit in a year; see the parameter);
* **outsourced duty**: the managers had to buy ``bought_share`` or more of the year's
  investigations from an external firm (``model.sim.params.response``): the unit could
  not carry its statutory work itself.
"""

from __future__ import annotations

from .base import P, PosFloat, Share, Strict


class Crisis(Strict):
    overdue_share: Share = P(
        0.20, "share", "Share of investigations past the four-month limit in one year "
        "that makes it a crisis year. Barnbarometern (Humana) 2017: among municipalities "
        "with overdue child investigations, one in five had 20 % or more past four "
        "months; that worst fifth is taken as a unit in crisis (the model's baseline "
        "has about 0.1 %). Stockholm 2018: 33 % across the city, 36 % in Skärholmen "
        "(the city's social services report, Stockholm Direkt 16 May 2019).",
        sv="Andel utredningar över fyramånadersgränsen under ett år "
        "som gör året till ett krisår.", assumption=(0.10, 0.30), gt=0)
    queue_months: PosFloat = P(
        1.0, "months of intake", "Investigations waiting for a caseworker, as months of "
        "the year's investigation intake (mean over the year), that make it a crisis "
        "year. Derived from the four-month limit: with a 12-week investigation, a case "
        "that waits more than about a month (120 - 84 days) cannot be finished in time "
        "at the nominal pace.", sv="Utredningar som väntar på handläggare, i månader av "
        "årets inflöde, som gör året till ett krisår.", assumption=(0.5, 2.0), le=120)
    turnover_share: PosFloat = P(
        0.60, "share of headcount", "Exits in one year, as a share of the year's mean "
        "headcount, that make it a crisis year. Umeå 2014: 18 of 38 social workers "
        "(47 %) left 'within a short time', under a year, so at an annual rate above "
        "47 %; 30 % or more a year is seen in about one municipality in ten "
        "(Barnbarometern 2018) and is not by itself a crisis. In the 40-post baseline "
        "(22 % a year) single years of 50-55 % occur by chance in about one run in "
        "eight over ten years with no strain on the service, so the threshold sits "
        "above them.", sv="Avgångar under ett år, som andel av årets genomsnittliga "
        "antal anställda, som gör året till ett krisår.", assumption=(0.45, 1.0),
        le=10)
    bought_share: PosFloat = P(
        0.15, "share of the year's investigations", "Share of a year's investigations "
        "bought from an external firm that makes it a crisis year (the unit could not "
        "carry its statutory work itself).", assumption=(0.1, 0.4), le=1,
        sv="Andel av årets utredningar som köps av ett externt företag som gör året till "
           "ett krisår.")
