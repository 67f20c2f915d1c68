"""The committee brief's STRESS-DES checklist (Monks et al. 2019; ``brief.stress_*``):
each item's heading (``..._h``) and its text, filled from the run's manifest and base
scenario (``model.present.dashboard.stress``)."""

from __future__ import annotations

from ..text import Text

STRESS: dict[str, Text] = {
    "brief.stress_purpose_h": Text("Syfte", "Purpose"),
    "brief.stress_purpose": Text(
        "Jämföra åtgärder mot personalomsättning på omsättning, verksamhet och kostnad i "
        "en enhet inom socialtjänsten.",
        "Compare retention measures on turnover, service and cost for a social-services "
        "unit."),
    "brief.stress_outputs_h": Text("Utfall", "Model outputs"),
    "brief.stress_outputs": Text(
        "personalomsättning, avgångar, anställningar, vakanser, konsulter, utredningar "
        "över tidsgränsen, kostnad per år i två kalkyler (budget och personalekonomisk); "
        "enhetens läge varje vecka; händelser; kostnader per år, kategori och kalkyl",
        "turnover, exits, hires, vacancies, consultants, investigations over the "
        "legal limit, cost per year in two views (budget and economic); the unit's state "
        "each week; events; costs by year, category and view"),
    "brief.stress_aims_h": Text("Experimentets syfte", "Experimentation aims"),
    "brief.stress_aims": Text("Alternativ: {names}", "Options: {names}"),
    "brief.stress_overview_h": Text("Modellöversikt", "Base model overview"),
    "brief.stress_overview": Text(
        "docs/MODEL.md (ODD-protokollet): enhetens läge uppdateras varje vecka; händelser "
        "för uppsägning, rekrytering och konsulter",
        "docs/MODEL.md (ODD protocol): the unit's state is updated each week; events for "
        "notice, recruitment and consultants"),
    "brief.stress_logic_h": Text("Modellogik", "Base model logic"),
    "brief.stress_logic": Text(
        "ärenden kommer in (Poisson) → kö → fördelning till den med mest ledig tid → "
        "arbete delas mellan ärendena; krav, kontroll och stöd → utmattning → avsikt att "
        "sluta och risk att sluta → uppsägningstid → avgång → rekrytering",
        "cases arrive (Poisson) → queue → assignment to whoever has most spare hours → "
        "work shared between cases; demand, control and support → exhaustion → intention "
        "and hazard of quitting → notice → exit → recruitment"),
    "brief.stress_scenarios_h": Text("Scenariologik", "Scenario logic"),
    "brief.stress_scenarios": Text(
        "Varje alternativ är en ändring av basscenariot; åtgärderna verkar genom "
        "kapacitet, krav, kontroll, stöd, återhämtning, lönegap och rekrytering",
        "Each option is a change of the base scenario; the measures act through capacity, "
        "demand, control, support, recovery, the pay gap and recruitment"),
    "brief.stress_algorithms_h": Text("Algoritmer", "Algorithms"),
    "brief.stress_algorithms": Text(
        "veckovisa slumpdragningar med p = 1 − exp(−h·dt); gammafördelade ärendestorlekar; "
        "lognormal rekryteringstid; bootstrap-intervall för nivåer, t-intervall för "
        "parvisa skillnader, Wilson-intervall för sannolikheter",
        "weekly draws with p = 1 − exp(−h·dt); gamma case sizes; lognormal time to hire; "
        "bootstrap intervals for levels, Student-t intervals for paired differences, "
        "Wilson intervals for probabilities"),
    "brief.stress_components_h": Text("Komponenter", "Components"),
    "brief.stress_components": Text(
        "handläggare och ärenden; tjänster: {posts}, chefer: {managers}; köer: "
        "utredningar, pågående ärenden; avgång: egen uppsägning, annan arbetsgivare, "
        "pension",
        "workers and cases; posts: {posts}, managers: {managers}; queues: investigations, "
        "ongoing cases; exit: resignation, another employer, retirement"),
    "brief.stress_data_h": Text("Datakällor", "Data sources"),
    "brief.stress_preprocessing_h": Text("Förbehandling", "Pre-processing"),
    "brief.stress_preprocessing": Text("ingen vid körning", "none at run time"),
    "brief.stress_inputs_h": Text("Indataparametrar", "Input parameters"),
    "brief.stress_inputs": Text(
        "{inv} utredningar och {ong} pågående ärenden per år; grundrisk att sluta "
        "{hazard} per år; personalomkostnader (PO-pålägg: arbetsgivaravgifter, pension "
        "och försäkringar) {oncost}; alla parametrar i docs/MODEL.md",
        "{inv} investigations and {ong} ongoing cases a year; baseline quit hazard "
        "{hazard} a year; employer on-costs (payroll taxes, pension and insurance) "
        "{oncost}; every parameter in docs/MODEL.md"),
    "brief.stress_assumptions_h": Text("Antaganden", "Assumptions"),
    "brief.stress_assumptions": Text(
        "parametrar utan direkt källa är märkta som antaganden i docs/MODEL.md, var och en "
        "med ett intervall",
        "parameters without a direct source are marked as assumptions in docs/MODEL.md, "
        "each with a range"),
    "brief.stress_warmup_h": Text("Initiering", "Initialisation"),
    "brief.stress_warmup": Text("{n} års insvängning räknas inte",
                                "{n} warm-up years discarded"),
    "brief.stress_length_h": Text("Körlängd", "Run length"),
    "brief.stress_length": Text("{n} år", "{n} years"),
    "brief.stress_estimation_h": Text("Skattning", "Estimation approach"),
    "brief.stress_estimation": Text(
        "{n} replikeringar, 95 % intervall, samma slumptal för alla alternativ (parvisa "
        "jämförelser)",
        "{n} replications, 95% intervals, the same random numbers for every option "
        "(paired comparisons)"),
    "brief.stress_estimation_psa": Text(
        "{d} dragningar av de osäkra antagandena (PERT- eller likformiga fördelningar "
        "över deras dokumenterade intervall) med {runs} var, samma dragningar "
        "och slumptal för alla alternativ (parvisa jämförelser); {x} av {n} dragningar "
        "uteslöts när basens personalomsättning låg utanför det enheten visar; "
        "intervallen är spannet där 95 % av framtiderna hamnar (2,5:e till 97,5:e "
        "percentilen av dragningarnas medelvärden)",
        "{d} draws of the uncertain assumptions (PERT or uniform distributions over "
        "their documented ranges) with {runs} each, the same draws and random "
        "numbers for every option (paired comparisons); {x} of {n} draws were left out "
        "where the base's turnover lay outside what the unit shows; the intervals are "
        "the span in which 95% of the futures fall (2.5th to 97.5th percentile of the "
        "draws' means)"),
    "brief.stress_algorithms_psa": Text(
        "veckovisa slumpdragningar med p = 1 − exp(−h·dt); gammafördelade ärendestorlekar; "
        "lognormal rekryteringstid; probabilistisk känslighetsanalys med spannet av "
        "framtiderna som intervall, Wilson-intervall för sannolikheter, EVPPI för värdet "
        "av säker kunskap",
        "weekly draws with p = 1 − exp(−h·dt); gamma case sizes; lognormal time to hire; "
        "probabilistic sensitivity analysis with the span of the futures as intervals, "
        "Wilson intervals for probabilities, EVPPI for the value of knowing"),
    "brief.stress_software_h": Text("Programvara", "Software"),
    "brief.stress_sampling_h": Text("Slumptal", "Random sampling"),
    "brief.stress_sampling": Text(
        "numpy SeedSequence, namngivna slumpströmmar per replikering, slumpfrö {seed}",
        "numpy SeedSequence, named streams per replication, seed {seed}"),
    "brief.stress_execution_h": Text("Körning", "Model execution"),
    "brief.stress_execution": Text(
        "händelsestyrd simulering (SimPy) i dagar; belastningen uppdateras varje vecka",
        "discrete-event simulation (SimPy) in days; weekly strain update"),
    "brief.stress_system_h": Text("Systemspecifikation", "System specification"),
    "brief.stress_code_h": Text("Kod", "Code access"),
}
