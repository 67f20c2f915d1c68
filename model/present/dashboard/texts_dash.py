"""The dashboard's texts for its selection, its cost views and its sweep labels, in
Swedish and English (merged into :data:`.i18n.T`)."""

DASHBOARD_TEXTS = {
    "years_short": {"sv": "år", "en": "years"},
    "default_sel": {"sv": "Förval", "en": "Default"},
    "selection_note": {"sv": "Visas: basen och de tre första alternativen i rangordningen. "
                             "Kryssa i fler alternativ, klicka på en rad i tabellen "
                             "ovan, eller välj Alla.",
                       "en": "Shown: the base and the first three options of the ranking. "
                             "Tick more options, click a row of the table above, or "
                             "choose All."},
    "cost_total": {"sv": "Totalt", "en": "Totals"},
    "fig_costs_option": {"sv": "Kostnad per år och alternativ (Mkr)",
                         "en": "Cost per year by option (million SEK)"},
    "cost_category": {"sv": "Per kategori", "en": "By category"},
    "costs_note_total": {"sv": "Kostnad per år i genomsnitt över perioden. Fylld del = Budget "
                               "(kassaflöde), randig del = förlorat arbete som den "
                               "personalekonomiska kalkylen lägger till.",
                         "en": "Cost per year, averaged over the period. Solid = Budget "
                               "(cash flow); hatched = the work lost that the economic view "
                               "adds."},
    "pareto_sizes": {"sv": "Enheter av olika storlek ({sizes}): en front per storlek",
                     "en": "Units of different sizes ({sizes}): one front per size"},
    "pareto_one_size": {"sv": "Alla punkter: samma enhetsstorlek",
                        "en": "All points: the same unit size"},
    "pareto_mixed": {"sv": "Punkterna har olika enhetsstorlek ({sizes}); färgen visar "
                           "storleken. Fronten blandar storlekar.",
                     "en": "The points differ in unit size ({sizes}); the colour shows "
                           "the size. The front mixes sizes."},
    "posts_n": {"sv": "{n} tjänster", "en": "{n} posts"},
    "sens_axis": {"sv": "Index (andel av utfallets variation)",
                  "en": "Index (share of the outcome's variation)"},
    "unit_size": {"sv": "Enhetens storlek (tjänster)", "en": "Unit size (posts)"},
}
