namespace Zicht.Indicators;

/// <summary>How the engine turns counting units into a value.</summary>
public enum Berekening { Per1000, Aandeel, Verdeling, Aantal, Mediaan, P90 }

/// <summary>Which way is good: drives the wording of benchmark texts and the order of ranks.</summary>
public enum Richting { HogerIsBeter, LagerIsBeter, Neutraal }

/// <summary>One entry of the catalogue (src/Zicht/Indicators/catalogue.yaml), as a civil servant reads it.</summary>
public sealed record IndicatorDefinition(
    string Id,
    string Naam,
    string Thema,
    string Definitie,
    string Teller,
    string Noemer,
    Berekening Berekening,
    string Eenheid,
    Richting Richting,
    IReadOnlyList<string> Niveaus,
    IReadOnlyList<string> Uitsplitsingen,
    int MinimaleGroep,
    string Duiding,
    string EenhedenSql,
    bool OptelbaarOverKwartalen = false)
{
    /// <summary>The direction as users read it.</summary>
    public string RichtingTekst => Richting switch
    {
        Richting.HogerIsBeter => "hoger is beter",
        Richting.LagerIsBeter => "lager is beter",
        _ => "neutraal",
    };

    /// <summary>True when the value is a share of counted units (so a Wilson interval applies).</summary>
    public bool IsProportion => Berekening is Berekening.Aandeel or Berekening.Verdeling or Berekening.Per1000;

    /// <summary>True when the noemer is itself a count of units (and so falls under disclosure control).</summary>
    public bool NoemerIsCount => Berekening is Berekening.Aandeel or Berekening.Verdeling or Berekening.Mediaan or Berekening.P90;
}
