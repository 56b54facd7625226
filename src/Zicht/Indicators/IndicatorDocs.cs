using System.Text;

namespace Zicht.Indicators;

/// <summary>Generates docs/indicators.md from the catalogue, so the documentation cannot drift from the definitions.</summary>
public static class IndicatorDocs
{
    public static string Markdown(IndicatorCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.AppendLine("# Indicators");
        text.AppendLine();
        text.AppendLine("<!-- Generated from src/Zicht/Indicators/catalogue.yaml by `zicht indicators --markdown docs/indicators.md`; do not edit by hand. -->");
        text.AppendLine();
        text.AppendLine("Zicht computes every indicator below with `zicht compute` for every municipality (current boundaries), youth-care");
        text.AppendLine("region, the country and (where listed) every provider, per year and per quarter, and stores the results in the");
        text.AppendLine("table `indicator_result` of the store. The web, the API and `zicht export` read them through the view `indicator_value`,");
        text.AppendLine("which adds the Dutch benchmark sentence to the stored numbers.");
        text.AppendLine();
        text.AppendLine("## How a value is counted");
        text.AppendLine();
        text.AppendLine("- **Units.** Each indicator has one SQL query in the catalogue that lists its counting units (a youth or an episode) per period,");
        text.AppendLine("  one row per unit, with flags `in_teller` and `in_noemer`. Episodes are trajectories merged as CBS merges them (same youth,");
        text.AppendLine("  zorgvorm and provider, overlapping or adjoining).");
        text.AppendLine("- **Which municipality.** A youth-based indicator counts a youth at the municipality responsible for the care that started last");
        text.AppendLine("  among the youth's care active in the period (on a tie the highest code), so a youth who moves counts once, at the new");
        text.AppendLine("  municipality, and regions and the country count each youth once. An episode-based indicator counts the episode at the");
        text.AppendLine("  municipality of its start. Municipalities are current ones (`episode.gemeentecode_actueel`): merged municipalities have one series.");
        text.AppendLine("- **Periods.** Years and quarters, from the first start of care up to the quarter of the latest start. Active = at least one day in");
        text.AppendLine("  the period; open-ended care runs on. Age = whole years between the birth month and the day, by month arithmetic.");
        text.AppendLine("- **Breakdowns.** The uitsplitsingen listed per indicator are computed on demand for one period");
        text.AppendLine("  (`zicht export --uitsplitsing ...`, `IndicatorEngine.ComputeBreakdown`) from the same unit query, so they add up to the stored");
        text.AppendLine("  totals; a missing value of the dimension is 'onbekend'. Only dimensions with one value per unit are allowed (a youth has");
        text.AppendLine("  one age group and gender per period, an episode one zorgvorm and verwijzer), so every breakdown is additive. For per 1.000,");
        text.AppendLine("  a category's value is its count per 1.000 of all youths 0-17 (the reference data have no population per group).");
        text.AppendLine("- **per 1.000.** The denominator is the number of youths aged 0-17 in the reference data (`ref_bevolking`, an estimate; see");
        text.AppendLine("  `data/reference/README.md`); for a quarter the population of its year. Not computed for providers.");
        text.AppendLine();
        text.AppendLine("- **After a new delivery** `zicht compute` recomputes only the periods the new care can change, per indicator: from the first");
        text.AppendLine("  new start, or the day after the earlier data end if that is earlier, minus the indicator's look-forward window (only the");
        text.AppendLine("  geen nieuwe start indicators have one), and never later than the day before the first new start. It reads only the care that");
        text.AppendLine("  reaches those periods (what came before or after an episode is derived with it), and replaces exactly");
        text.AppendLine("  the periods it computed. Corrections of earlier deliveries, or a changed birth month or gender, recompute everything. A");
        text.AppendLine("  test checks on generated data that each recompute equals a full one.");
        text.AppendLine("- **How it is computed.** The youths in care per period are a derived table (`youth_period`, built at ingest with the");
        text.AppendLine("  episodes, since they depend on the deliveries only), and so is where each episode stands in the youth's jeugdhulp");
        text.AppendLine("  (columns of `episode`: the latest end of earlier jeugdhulp, the next start after the end, the start two before, the previous");
        text.AppendLine("  crisis start; herhaald beroep, geen nieuwe start, draaideur and herhaalde crisis compare these dates with their");
        text.AppendLine("  windows). Each run builds shared working tables (episodes), then per indicator one pass over");
        text.AppendLine("  its units for all levels at once; indicators whose unit query is a plain selection from the same working table are counted");
        text.AppendLine("  in one pass together, and medians of the same units share their sort. Events that fall in one quarter of their year");
        text.AppendLine("  (`optelbaar_over_kwartalen`) are counted per quarter and the years added up from the quarters. `bench/` measures it.");
        text.AppendLine("- **Areas without units.** A municipality or region without a unit of a count (`aantal`) or a rate per 1.000 has the");
        text.AppendLine("  value 0 (teller 0, noemer its population), ranked and compared like any other, in every period in which the indicator");
        text.AppendLine("  has units somewhere in the country; outside those periods no area has a figure. Shares, medians and distributions have");
        text.AppendLine("  no value without a denominator, so such an area has no row for them (\"geen gegevens\"). Providers have rows only where");
        text.AppendLine("  they have units.");
        text.AppendLine();
        text.AppendLine("## Columns of `indicator_value`");
        text.AppendLine();
        text.AppendLine("| column | content |");
        text.AppendLine("|---|---|");
        foreach (var (column, content) in Columns) text.AppendLine($"| {column} | {content} |");
        text.AppendLine();
        text.AppendLine("## Benchmark texts");
        text.AppendLine();
        text.AppendLine("`benchmark_tekst` compares a municipality with its region, a region or provider with the country, and the country (and plain");
        text.AppendLine("counts) with the previous period, e.g. \"Hoger dan het regionale gemiddelde (12,1 tegen 10,4 per 1.000)\". The wording is");
        text.AppendLine("neutral (\"Niet duidelijk anders dan ...\") when the difference is within the noise of small numbers: for shares and rates, when");
        text.AppendLine("the reference value lies inside the 95% Wilson score interval of the value; for counts against the previous period, when");
        text.AppendLine("the difference is at most 1.96·√(a+b) (Poisson); for medians and percentiles, with fewer than 30 measurements or less than");
        text.AppendLine("10% difference (a rule of thumb: the engine keeps no units to compute an interval for a quantile).");
        text.AppendLine();
        text.AppendLine("## Catalogue parameters");
        text.AppendLine();
        text.AppendLine("| parameter | default |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in catalogue.Parameters) text.AppendLine($"| {name} | {value} |");
        text.AppendLine();
        text.AppendLine("## The catalogue");
        text.AppendLine();
        text.AppendLine("| id | naam | eenheid | richting | niveaus |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var i in catalogue.Indicators)
            text.AppendLine($"| [{i.Id}](#{i.Id}) | {i.Naam} | {i.Eenheid} | {i.RichtingTekst} | {string.Join(", ", i.Niveaus)} |");
        foreach (var group in catalogue.Indicators.GroupBy(i => i.Thema))
        {
            text.AppendLine();
            text.AppendLine($"## {group.Key}");
            foreach (var i in group)
            {
                text.AppendLine();
                text.AppendLine($"### {i.Id}");
                text.AppendLine();
                text.AppendLine($"**{i.Naam}** — {catalogue.Fill(i.Definitie).Trim()}");
                text.AppendLine();
                text.AppendLine($"- Teller: {catalogue.Fill(i.Teller)}");
                text.AppendLine($"- Noemer: {catalogue.Fill(i.Noemer)}");
                text.AppendLine($"- Berekening: {IndicatorSql.BerekeningCode(i.Berekening)}; eenheid: {i.Eenheid}; richting: {i.RichtingTekst}");
                text.AppendLine($"- Niveaus: {string.Join(", ", i.Niveaus)}; uitsplitsingen: {(i.Uitsplitsingen.Count == 0 ? "geen" : string.Join(", ", i.Uitsplitsingen))}; minimale groep: {i.MinimaleGroep}; optelbaar over kwartalen: {(i.OptelbaarOverKwartalen ? "ja" : "nee")}");
                text.AppendLine($"- Duiding: {i.Duiding.Trim()}");
                text.AppendLine();
                text.AppendLine("```sql");
                text.AppendLine(i.EenhedenSql.TrimEnd());
                text.AppendLine("```");
            }
        }
        return text.ToString();
    }

    private static readonly (string, string)[] Columns =
    [
        ("indicator_id", "catalogue id"),
        ("niveau", "'gemeente', 'regio', 'land' or 'aanbieder'"),
        ("gebied_code", "GMxxxx (current boundaries), JZxx, 'NL' or the AGB code"),
        ("periode, periode_soort", "'2023' ('jaar') or '2023Q2' ('kwartaal')"),
        ("categorie", "'totaal', or the category of a verdeling (verwijzer code, reden einde code)"),
        ("teller, noemer", "the counted units; for per 1.000 the noemer is the population 0-17; for medians teller = units measured, noemer = all units"),
        ("waarde, eenheid", "the value in its unit (per 1.000 jeugdigen, procent, dagen, or a count)"),
        ("dekking_procent", "outcome indicators: % of units for which the outcome was measured; medians: % of units with a measurement"),
        ("ci_laag, ci_hoog", "95% Wilson score interval of the value (rates and shares)"),
        ("regio_code, regio_waarde", "municipalities: their region and its value"),
        ("land_waarde", "the national value"),
        ("rang, aantal_gemeenten", "municipalities: rank among the municipalities with a value (1 = most favourable; for neutral indicators 1 = highest)"),
        ("percentiel", "municipalities: % of municipalities with a lower value"),
        ("vorige_periode, vorige_waarde, verandering", "the previous year or quarter, its value, and waarde minus it"),
        ("benchmark_tekst", "the Dutch sentence described below"),
        ("berekend_op", "when the row was computed"),
    ];
}
