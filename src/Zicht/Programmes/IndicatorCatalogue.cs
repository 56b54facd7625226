namespace Zicht.Programmes;

/// <summary>
/// What programmes need from the indicator catalogue: does an id exist, and its Dutch name.
/// Kept this small so the real catalogue (Indicators/) can implement it when it lands.
/// </summary>
public interface IIndicatorCatalogue
{
    bool Contains(string id);
    string? Naam(string id);
}

/// <summary>
/// The ids of the first edition of the indicator catalogue (PRODUCT.md), until Indicators/ provides
/// the real catalogue. The ids are fixed; the names here are placeholders in the users' words.
/// </summary>
public sealed class DefaultIndicatorCatalogue : IIndicatorCatalogue
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["jeugdhulp_per_1000"] = "Jeugdigen met jeugdhulp per 1.000 jeugdigen",
        ["jeugdhulp_verblijf_per_1000"] = "Jeugdigen met jeugdhulp met verblijf per 1.000 jeugdigen",
        ["jeugdbescherming_per_1000"] = "Jeugdigen met jeugdbescherming per 1.000 jeugdigen",
        ["jeugdreclassering_per_1000"] = "Jeugdigen met jeugdreclassering per 1.000 jeugdigen",
        ["aandeel_verblijf"] = "Aandeel jeugdhulp met verblijf",
        ["aandeel_lokaal_team"] = "Aandeel jeugdhulp via het lokale team",
        ["verwijzers_mix"] = "Verwijzers-mix",
        ["uithuisplaatsingen_per_1000"] = "Uithuisplaatsingen per 1.000 jeugdigen",
        ["aandeel_gezinsgericht"] = "Aandeel gezinsgerichte plaatsingen (pleegzorg en gezinshuis)",
        ["doorplaatsingen"] = "Doorplaatsingen",
        ["plaatsingsstabiliteit"] = "Jeugdigen met 3 of meer plaatsingen in 12 maanden",
        ["pleegzorg_voortijdig_eenzijdig"] = "Pleegzorg voortijdig eenzijdig beëindigd",
        ["gesloten_plaatsingen"] = "Gesloten plaatsingen (JeugdzorgPlus)",
        ["gesloten_duur_mediaan"] = "Mediane duur gesloten plaatsing",
        ["wachttijd_mediaan"] = "Mediane wachttijd (dagen)",
        ["wachttijd_p90"] = "Wachttijd, 90e percentiel (dagen)",
        ["wachttijd_binnen_norm"] = "Aandeel gestart binnen de wachttijdnorm",
        ["uitval"] = "Uitval: voortijdig eenzijdig beëindigd",
        ["reden_einde_verdeling"] = "Verdeling reden einde",
        ["clienttevredenheid"] = "Cliënttevredenheid",
        ["zonder_hulp_verder"] = "Zonder hulp verder",
        ["geen_nieuwe_start"] = "Geen nieuwe start jeugdhulp na afsluiting",
        ["herhaald_beroep"] = "Herhaald beroep op jeugdhulp",
        ["probleemafname"] = "Probleemafname",
        ["doelrealisatie_volledig"] = "Doelrealisatie volledig",
        ["doelrealisatie_deels"] = "Doelrealisatie volledig of gedeeltelijk",
        ["trajectduur_mediaan"] = "Mediane trajectduur (dagen)",
        ["crisis"] = "Crisistrajecten",
        ["herhaalde_crisis"] = "Herhaalde crisis binnen 12 maanden",
        ["verlengde_jeugdhulp"] = "Verlengde jeugdhulp (18+)",
        ["draaideur"] = "Draaideur: 3 of meer gestarte trajecten in 12 maanden",
    };

    public bool Contains(string id) => Names.ContainsKey(id);

    public string? Naam(string id) => Names.GetValueOrDefault(id);

    public IEnumerable<string> Ids => Names.Keys;
}
