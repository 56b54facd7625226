namespace Zicht.Ingest;

/// <summary>The columns of format v1, in the order the generator writes them.</summary>
public static class TrajectoryColumns
{
    public const string Bron = "bron";
    public const string BronTrajectId = "bron_traject_id";
    public const string Bsn = "bsn";
    public const string ClientPseudoniem = "client_pseudoniem";
    public const string Geboortedatum = "geboortedatum";
    public const string Geslacht = "geslacht";
    public const string Gemeentecode = "gemeentecode";
    public const string Postcode4 = "postcode4";
    public const string AanbiederAgb = "aanbieder_agb";
    public const string AanbiederNaam = "aanbieder_naam";
    public const string Zorgvorm = "zorgvorm";
    public const string Productcategorie = "productcategorie";
    public const string Productcode = "productcode";
    public const string Verwijzer = "verwijzer";
    public const string Aanmelddatum = "aanmelddatum";
    public const string Startdatum = "startdatum";
    public const string Einddatum = "einddatum";
    public const string RedenEinde = "reden_einde";
    public const string Tevredenheid = "tevredenheid";
    public const string ZonderHulpVerder = "zonder_hulp_verder";
    public const string Probleemafname = "probleemafname";
    public const string Doelrealisatie = "doelrealisatie";
    public const string Crisis = "crisis";

    public static IReadOnlyList<string> All { get; } =
    [
        Bron, BronTrajectId, Bsn, ClientPseudoniem, Geboortedatum, Geslacht, Gemeentecode, Postcode4,
        AanbiederAgb, AanbiederNaam, Zorgvorm, Productcategorie, Productcode, Verwijzer, Aanmelddatum,
        Startdatum, Einddatum, RedenEinde, Tevredenheid, ZonderHulpVerder, Probleemafname, Doelrealisatie, Crisis,
    ];

    /// <summary>Columns that must be in the header (bsn or client_pseudoniem is checked separately).</summary>
    public static IReadOnlyList<string> RequiredInHeader { get; } =
        [Bron, BronTrajectId, Geboortedatum, Geslacht, Gemeentecode, Zorgvorm, Startdatum];
}
