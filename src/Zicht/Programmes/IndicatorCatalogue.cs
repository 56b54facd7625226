namespace Zicht.Programmes;

/// <summary>
/// What programmes need from the indicator catalogue: does an id exist, and its Dutch name.
/// Kept small so that tests can hand programmes a catalogue of their own.
/// </summary>
public interface IIndicatorCatalogue
{
    bool Contains(string id);
    string? Naam(string id);
}

/// <summary>The shipped indicator catalogue (Indicators/catalogue.yaml): the one source of indicator ids and names.</summary>
public sealed class ShippedIndicatorCatalogue : IIndicatorCatalogue
{
    private readonly Zicht.Indicators.IndicatorCatalogue _catalogue = Zicht.Indicators.IndicatorCatalogue.Load();

    public bool Contains(string id) => _catalogue.Contains(id);

    public string? Naam(string id) => _catalogue.Contains(id) ? _catalogue.Get(id).Naam : null;
}
