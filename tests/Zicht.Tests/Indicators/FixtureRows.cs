using Zicht.Tests.Support;

namespace Zicht.Tests.Indicators;

/// <summary>Short-hand for fixture rows: youth, trajectory id, zorgvorm, start, end (empty = open), more overrides.</summary>
internal static class FixtureRows
{
    public static Dictionary<string, string> R(int youth, string id, string zorgvorm, string start, string end, params (string, string)[] more)
    {
        var overrides = new List<(string, string)>
        {
            ("bron_traject_id", id), ("zorgvorm", zorgvorm), ("startdatum", start), ("einddatum", end),
            ("reden_einde", end == "" ? "" : "01"), ("aanmelddatum", ""),
        };
        if (end == "") overrides.AddRange([("tevredenheid", ""), ("zonder_hulp_verder", ""), ("probleemafname", ""), ("doelrealisatie", "")]);
        overrides.AddRange(more);
        return Fixture.Row(youth, overrides.ToArray());
    }
}
