namespace Zicht.Ingest;

public enum Severity { Fout, Waarschuwing }

/// <summary>A validation rule: a stable code, its severity and a message a provider can act on.</summary>
public sealed record ValidationRule(string Code, Severity Severity, string Scope, string Melding);

/// <summary>
/// Every validation rule of format v1. Codes are stable: providers and the generator's error
/// injection refer to them. F = file, S = structure of a line, V = value, D = duplicate,
/// H = history (checked against the store). A `Fout` rejects the row (or, for F, the file);
/// a `Waarschuwing` is reported but the row is stored.
/// </summary>
public static class ValidationRules
{
    public static readonly ValidationRule F01 = new("F01", Severity.Fout, "bestand", "Het bestand bestaat niet of kan niet gelezen worden.");
    public static readonly ValidationRule F02 = new("F02", Severity.Fout, "bestand", "Het bestand is leeg.");
    public static readonly ValidationRule F03 = new("F03", Severity.Fout, "bestand", "Het bestand bevat alleen een kopregel en geen gegevensregels.");
    public static readonly ValidationRule F04 = new("F04", Severity.Fout, "bestand", "Het bestand is geen tekstbestand (het bevat NUL-bytes); lever een CSV-bestand aan.");
    public static readonly ValidationRule F05 = new("F05", Severity.Fout, "bestand", "Het bestand is geen geldige UTF-8; sla het op als UTF-8 of geef de codering op met --encoding (bijv. windows-1252).");
    public static readonly ValidationRule F06 = new("F06", Severity.Fout, "kopregel", "Een verplichte kolom ontbreekt in de kopregel.");
    public static readonly ValidationRule F07 = new("F07", Severity.Waarschuwing, "kopregel", "Onbekende kolom in de kopregel; de kolom wordt genegeerd.");
    public static readonly ValidationRule F08 = new("F08", Severity.Fout, "kopregel", "Dubbele kolomnaam in de kopregel.");
    public static readonly ValidationRule F09 = new("F09", Severity.Fout, "kopregel", "Het scheidingsteken is niet te bepalen, of de eerste regel is geen kopregel; gebruik ';', ',', tab of '|' tussen de kolomnamen.");
    public static readonly ValidationRule F10 = new("F10", Severity.Fout, "bestand", "Geen enkele regel is goedgekeurd; de levering is niet opgeslagen en een eerdere levering blijft staan. Zie het validatierapport.");
    public static readonly ValidationRule F11 = new("F11", Severity.Fout, "bestand", "De pseudonimiseringssleutel hoort niet bij deze opslag: met deze sleutel zouden jeugdigen niet meer koppelen. Gebruik de sleutel waarmee de opslag is gevuld.");

    public static readonly ValidationRule S01 = new("S01", Severity.Fout, "regel", "Het aantal velden wijkt af van het aantal kolommen in de kopregel (verkeerd scheidingsteken of ontbrekende/extra velden?).");
    public static readonly ValidationRule S02 = new("S02", Severity.Fout, "regel", "Los of niet afgesloten aanhalingsteken; een veld tussen aanhalingstekens moet op dezelfde regel eindigen met een aanhalingsteken.");
    public static readonly ValidationRule S03 = new("S03", Severity.Fout, "regel", "De regel is langer dan 65.536 bytes.");

    public static readonly ValidationRule V01 = new("V01", Severity.Fout, "veld", "Verplicht veld is leeg.");
    public static readonly ValidationRule V02 = new("V02", Severity.Fout, "veld", "Ongeldige code voor de bron of het traject-id (1 tot 64 tekens, geen scheidingstekens of stuurtekens).");
    public static readonly ValidationRule V03 = new("V03", Severity.Fout, "bsn", "BSN bestaat niet uit 9 cijfers.");
    public static readonly ValidationRule V04 = new("V04", Severity.Fout, "bsn", "BSN voldoet niet aan de 11-proef.");
    public static readonly ValidationRule V05 = new("V05", Severity.Fout, "client_pseudoniem", "client_pseudoniem bestaat niet uit 64 hexadecimale tekens.");
    public static readonly ValidationRule V06 = new("V06", Severity.Fout, "bsn", "Zowel bsn als client_pseudoniem ontbreken; een van beide is verplicht.");
    public static readonly ValidationRule V07 = new("V07", Severity.Fout, "veld", "Ongeldige datum; gebruik JJJJ-MM-DD (geboortedatum mag ook JJJJ-MM).");
    public static readonly ValidationRule V08 = new("V08", Severity.Fout, "geslacht", "Onbekende code voor geslacht; toegestaan: M, V, X, O.");
    public static readonly ValidationRule V09 = new("V09", Severity.Fout, "gemeentecode", "Gemeentecode heeft niet de vorm GM gevolgd door 4 cijfers (of 4 cijfers).");
    public static readonly ValidationRule V10 = new("V10", Severity.Fout, "gemeentecode", "Onbekende gemeentecode.");
    public static readonly ValidationRule V11 = new("V11", Severity.Fout, "gemeentecode", "De gemeente bestond niet op de startdatum (gemeentelijke herindeling); gebruik de gemeente die toen verantwoordelijk was.");
    public static readonly ValidationRule V12 = new("V12", Severity.Fout, "postcode4", "Postcode4 bestaat niet uit 4 cijfers (1000-9999).");
    public static readonly ValidationRule V13 = new("V13", Severity.Fout, "aanbieder_agb", "AGB-code van de aanbieder bestaat niet uit 8 cijfers.");
    public static readonly ValidationRule V14 = new("V14", Severity.Fout, "zorgvorm", "Onbekende zorgvorm.");
    public static readonly ValidationRule V15 = new("V15", Severity.Waarschuwing, "productcategorie", "Onbekende productcategorie (iJw JZ020); het veld wordt leeg opgeslagen.");
    public static readonly ValidationRule V16 = new("V16", Severity.Fout, "verwijzer", "Onbekende verwijzerscode (iJw COD327: 01-06, 08).");
    public static readonly ValidationRule V17 = new("V17", Severity.Fout, "verwijzer", "Verwijzer is verplicht bij jeugdhulp (JH_*) en jeugdhulp met verblijf (JV_*).");
    public static readonly ValidationRule V18 = new("V18", Severity.Fout, "aanmelddatum", "Aanmelddatum ligt na de startdatum.");
    public static readonly ValidationRule V19 = new("V19", Severity.Fout, "einddatum", "Einddatum ligt voor de startdatum.");
    public static readonly ValidationRule V20 = new("V20", Severity.Fout, "reden_einde", "Reden einde is verplicht als er een einddatum is.");
    public static readonly ValidationRule V21 = new("V21", Severity.Fout, "reden_einde", "Onbekende reden einde; toegestaan: 01-05, 99.");
    public static readonly ValidationRule V22 = new("V22", Severity.Waarschuwing, "reden_einde", "Reden einde is ingevuld maar er is geen einddatum; de reden wordt genegeerd.");
    public static readonly ValidationRule V23 = new("V23", Severity.Fout, "veld", "Onbekende waarde voor een uitkomstveld; toegestaan: J, N, O (doelrealisatie: V, G, N, O).");
    public static readonly ValidationRule V24 = new("V24", Severity.Fout, "crisis", "Crisis moet 0 of 1 zijn.");
    public static readonly ValidationRule V25 = new("V25", Severity.Fout, "aanbieder_agb", "AGB-code van de aanbieder is verplicht, behalve bij JH_WIJKTEAM.");
    public static readonly ValidationRule V26 = new("V26", Severity.Fout, "geboortedatum", "Geboortedatum ligt na de startdatum.");
    public static readonly ValidationRule V27 = new("V27", Severity.Fout, "geboortedatum", "De jeugdige is bij de start 23 jaar of ouder; de Jeugdwet geldt tot 18 jaar (verlengd tot 23).");
    public static readonly ValidationRule V28 = new("V28", Severity.Fout, "startdatum", "Startdatum ligt in de toekomst.");
    public static readonly ValidationRule V29 = new("V29", Severity.Waarschuwing, "einddatum", "Einddatum ligt in de toekomst; het traject telt als lopend tot die datum.");

    public static readonly ValidationRule V30 = new("V30", Severity.Fout, "veld", "Het veld bevat het BSN van deze regel; een BSN hoort alleen in de kolom bsn (gebruik een eigen traject-id).");

    public static readonly ValidationRule D01 = new("D01", Severity.Fout, "bron_traject_id", "Dubbel traject: de combinatie bron en bron_traject_id komt eerder in dit bestand voor.");

    public static readonly ValidationRule H01 = new("H01", Severity.Waarschuwing, "startdatum", "Dit verblijf (JV_*) overlapt met een verblijf van dezelfde jeugdige bij een andere aanbieder.");

    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        F01, F02, F03, F04, F05, F06, F07, F08, F09, F10, F11,
        S01, S02, S03,
        V01, V02, V03, V04, V05, V06, V07, V08, V09, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V20,
        V21, V22, V23, V24, V25, V26, V27, V28, V29, V30,
        D01, H01,
    ];

    public static ValidationRule ByCode(string code) => All.First(r => r.Code == code);
}
