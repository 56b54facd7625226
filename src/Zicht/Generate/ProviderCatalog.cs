using System.Text;

namespace Zicht.Generate;

/// <summary>A youth-care provider: AGB code, name, the regions it works in and the zorgvormen it offers.</summary>
internal sealed record Provider(string Agb, string Naam, int[] Regions, int[] Zorgvormen, double Size)
{
    public byte[] AgbUtf8 { get; } = Encoding.UTF8.GetBytes(Agb);
    public byte[] NaamUtf8 { get; } = Encoding.UTF8.GetBytes(Naam);
}

/// <summary>
/// About 2,500 invented providers. Sizes follow a heavy tail (a few large organisations, many small
/// practices), as in the real market. Every region has at least one provider for every zorgvorm.
/// </summary>
internal sealed class ProviderCatalog
{
    public Provider[] Providers { get; }
    // [region][zorgvorm] → providers and cumulative size weights
    private readonly int[][][] _byRegionZv;
    private readonly double[][][] _cumulative;

    private static readonly string[] Nouns =
    [
        "De Linde", "Het Anker", "Kompas", "De Horizon", "De Brug", "De Kiem", "Het Baken", "De Wissel", "Zonnehuis",
        "De Vlinder", "Klimop", "De Eik", "Het Palet", "De Boei", "Vuurtoren", "Groeikracht", "Samen Verder",
        "Opvoedpunt", "De Regenboog", "Kindkracht", "Thuisbasis", "De Waaier", "Het Veer", "De Notenboom",
        "Lindenhof", "De Bongerd", "Het Kruispunt", "Sterk Huis", "De Hoeksteen", "Het Leerhuis", "De Oever",
        "Zevensprong", "De Meander", "Het Groene Hart", "De Wilg", "Perspectief", "Vitaal Gezin", "Jong Leven",
        "De Toekomst", "Het Ankerpunt", "De Zeven Zeeën", "Ontwikkelhuis", "Kleurrijk", "De Kapstok",
    ];
    private static readonly string[] Surnames =
    [
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
        "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg", "van Dijk", "Willems", "Hoekstra",
        "Koster", "Prins", "Huisman", "Postma", "Kuipers", "Veenstra", "van Wijk", "Scholten", "Boersma", "Timmermans",
    ];

    private static readonly string[] Quarters = ["Noord", "Zuid", "Oost", "West", "Centrum"];

    private enum Kind { Practice, Ggz, Jeugdhulp, Residential, Foster, FamilyHome, Secure, Certified }

    public ProviderCatalog(Geography geography, int seed, int targetCount = 2500)
    {
        var rng = new Rng(Rng.Derive(seed, 0, 11));
        var regionCount = geography.Regions.Length;
        var regionWeight = new double[regionCount];
        foreach (var g in geography.Current) regionWeight[geography.RegionOf[g]] += 1;
        var regionPlaces = Enumerable.Range(0, regionCount)
            .Select(r => geography.Current.Where(g => geography.RegionOf[g] == r)
                .Select(g => CleanPlace(geography.Gemeenten[g].Gemeentenaam)).Where(n => n is not null).Cast<string>().ToArray())
            .ToArray();
        var regionDraw = new Weighted(Enumerable.Range(0, regionCount).Select(r => Math.Max(1.0, regionPlaces[r].Length)).ToArray());

        var kinds = new Weighted(64, 14, 9, 5, 2, 4, 0.6, 0.9); // shares of Kind, by count
        var providers = new List<Provider>(targetCount + 200);
        var usedAgb = new HashSet<int>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);

        Provider Make(Kind kind, int homeRegion, int extraRegions, int[] zorgvormen)
        {
            var regions = new List<int> { homeRegion };
            for (var k = 0; k < extraRegions && regions.Count < regionCount; k++)
            {
                // mostly a neighbouring region (adjacent codes are mostly adjacent areas), sometimes anywhere
                var r = rng.Chance(0.7) ? Math.Clamp(homeRegion + rng.Between(-2, 2), 0, regionCount - 1) : regionDraw.Draw(ref rng);
                if (!regions.Contains(r)) regions.Add(r);
            }
            int agb;
            do agb = 98_000_000 + rng.Next(1_000_000); while (!usedAgb.Add(agb));
            var place = regionPlaces[homeRegion].Length > 0 ? regionPlaces[homeRegion][rng.Next(regionPlaces[homeRegion].Length)] : "Nederland";
            var name = Name(kind, place, ref rng);
            for (var attempt = 0; !usedNames.Add(name) && attempt < 12; attempt++)
            {
                // a name that is taken: draw again, then add a location that is not in the name yet
                name = Name(kind, place, ref rng);
                if (attempt < 4 || usedNames.Contains(name) is false) continue;
                var other = regionPlaces[homeRegion].Length > 0 ? regionPlaces[homeRegion][rng.Next(regionPlaces[homeRegion].Length)] : "Nederland";
                var suffix = name.Contains(other, StringComparison.Ordinal) ? Quarters[rng.Next(Quarters.Length)] : other;
                name += " " + suffix;
            }
            // Pareto(1.2)-like sizes: a few providers take a large share
            var size = Math.Min(200.0, Math.Pow(1.0 - rng.NextDouble(), -1.0 / 1.2)) * kind switch
            {
                Kind.Practice => 0.6, Kind.Ggz => 3, Kind.Jeugdhulp => 3, Kind.Residential => 2, Kind.Certified => 6,
                _ => 1.5,
            };
            var provider = new Provider(agb.ToString(System.Globalization.CultureInfo.InvariantCulture), name, regions.ToArray(), zorgvormen, size);
            providers.Add(provider);
            return provider;
        }

        // Certified institutions (GI): one or two per region, plus two national ones working everywhere.
        int[] justice = [Zv.Ots, Zv.Voogdij, Zv.Drang, Zv.Jr];
        for (var r = 0; r < regionCount; r++)
            if (r % 3 == 0 || regionPlaces[r].Length > 12) Make(Kind.Certified, r, 2, justice);
        foreach (var name in (string[])["Landelijke Jeugdbescherming Nederland", "Stichting Jeugdreclassering en Voogdij Nederland"])
        {
            int agb;
            do agb = 98_000_000 + rng.Next(1_000_000); while (!usedAgb.Add(agb));
            providers.Add(new Provider(agb.ToString(System.Globalization.CultureInfo.InvariantCulture), name,
                Enumerable.Range(0, regionCount).ToArray(), justice, 4));
        }
        // JeugdzorgPlus: a dozen organisations, each serving a few regions.
        for (var k = 0; k < 12; k++) Make(Kind.Secure, (k * 7 + 3) % regionCount, rng.Between(3, 5), [Zv.Gesloten, Zv.Residentieel]);

        while (providers.Count < targetCount)
        {
            var kind = (Kind)kinds.Draw(ref rng);
            var home = regionDraw.Draw(ref rng);
            switch (kind)
            {
                case Kind.Practice: Make(kind, home, rng.Chance(0.2) ? 1 : 0, rng.Chance(0.15) ? [Zv.Ambulant, Zv.Daghulp] : [Zv.Ambulant]); break;
                case Kind.Ggz: Make(kind, home, rng.Between(0, 3), rng.Chance(0.5) ? [Zv.Ambulant, Zv.Daghulp] : [Zv.Ambulant, Zv.Daghulp, Zv.Residentieel]); break;
                case Kind.Jeugdhulp: Make(kind, home, rng.Between(0, 3), [Zv.Ambulant, Zv.Daghulp, Zv.Residentieel, Zv.Gezinshuis, Zv.Pleegzorg]); break;
                case Kind.Residential: Make(kind, home, rng.Between(1, 4), rng.Chance(0.5) ? [Zv.Residentieel, Zv.Ambulant] : [Zv.Residentieel, Zv.Gezinshuis, Zv.Daghulp]); break;
                case Kind.Foster: Make(kind, home, rng.Between(0, 2), [Zv.Pleegzorg, Zv.Gezinshuis]); break;
                case Kind.FamilyHome: Make(kind, home, rng.Between(0, 1), [Zv.Gezinshuis]); break;
                case Kind.Secure: Make(kind, home, rng.Between(2, 4), [Zv.Gesloten, Zv.Residentieel]); break;
                case Kind.Certified: Make(kind, home, rng.Between(1, 3), justice); break;
            }
        }

        // Every region needs at least one provider for each zorgvorm (except the local team).
        for (var r = 0; r < regionCount; r++)
            for (var zv = Zv.Ambulant; zv < Zv.Count; zv++)
                if (!providers.Any(p => p.Regions.Contains(r) && p.Zorgvormen.Contains(zv)))
                    Make(zv is Zv.Gesloten ? Kind.Secure : Zv.IsJustice(zv) ? Kind.Certified : Kind.Jeugdhulp, r, 0,
                        Zv.IsJustice(zv) ? justice : zv is Zv.Gesloten ? [Zv.Gesloten, Zv.Residentieel] : [Zv.Ambulant, Zv.Daghulp, zv]);

        Providers = providers.ToArray();
        _byRegionZv = new int[regionCount][][];
        _cumulative = new double[regionCount][][];
        for (var r = 0; r < regionCount; r++)
        {
            _byRegionZv[r] = new int[Zv.Count][];
            _cumulative[r] = new double[Zv.Count][];
            for (var zv = 0; zv < Zv.Count; zv++)
            {
                var members = Enumerable.Range(0, Providers.Length)
                    .Where(i => Providers[i].Regions.Contains(r) && Providers[i].Zorgvormen.Contains(zv)).ToArray();
                _byRegionZv[r][zv] = members;
                var cumulative = new double[members.Length];
                double sum = 0;
                // a provider is stronger in its home region than in the regions it also serves
                for (var k = 0; k < members.Length; k++)
                {
                    var p = Providers[members[k]];
                    sum += p.Size * (p.Regions[0] == r ? 1.0 : 0.35);
                    cumulative[k] = sum;
                }
                _cumulative[r][zv] = cumulative;
            }
        }
    }

    /// <summary>A provider for this zorgvorm in this region, drawn by size; -1 for the local team.</summary>
    public int Draw(int region, int zorgvorm, ref Rng rng) =>
        zorgvorm == Zv.Wijkteam ? -1 : _byRegionZv[region][zorgvorm][rng.Pick(_cumulative[region][zorgvorm])];

    public bool Offers(int provider, int region, int zorgvorm) =>
        provider >= 0 && Array.IndexOf(Providers[provider].Zorgvormen, zorgvorm) >= 0 && Array.IndexOf(Providers[provider].Regions, region) >= 0;

    private static string Name(Kind kind, string place, ref Rng rng)
    {
        var noun = Nouns[rng.Next(Nouns.Length)];
        var surname = Surnames[rng.Next(Surnames.Length)];
        return kind switch
        {
            Kind.Practice => rng.Next(4) switch
            {
                0 => $"Praktijk {surname}",
                1 => $"Kinderpraktijk {noun}",
                2 => $"{surname} Kind en Jeugd",
                _ => $"Jeugdpraktijk {place}",
            },
            Kind.Ggz => rng.Chance(0.5) ? $"GGZ {noun}" : $"Jeugd-GGZ {place}",
            Kind.Jeugdhulp => rng.Chance(0.5) ? $"Stichting {noun}" : $"{noun} Jeugdhulp {place}",
            Kind.Residential => rng.Chance(0.5) ? $"Zorggroep {noun}" : $"Stichting {noun} {place}",
            Kind.Foster => $"Pleegzorg {place}",
            Kind.FamilyHome => $"Gezinshuis {surname}",
            Kind.Secure => $"JeugdzorgPlus {noun}",
            _ => $"Jeugdbescherming {place}",
        };
    }

    /// <summary>A municipality name usable in a provider name: without "(NH.)" and without commas.</summary>
    private static string? CleanPlace(string gemeentenaam)
    {
        var name = gemeentenaam;
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0) name = name[..paren];
        return name.Contains(',') || name.Contains(';') || name.Contains('"') ? null : name;
    }
}
