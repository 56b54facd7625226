namespace Zicht.Generate;

/// <summary>One generated trajectory, before it is written. Days are <see cref="DateOnly.DayNumber"/>s.</summary>
internal struct TrajectoryRow
{
    public const int None = int.MinValue;

    public int Youth;            // index into the chunk's youths
    public int Seq;              // trajectory number within the youth
    public int Gemeente;         // index into Geography.Gemeenten
    public int Postcode4;        // 0 = empty
    public int Provider;         // -1 = local team
    public int Zorgvorm;
    public int Productcategorie; // index into the product list, -1 = empty
    public int Productcode;      // 0..999 suffix
    public int Verwijzer;        // index into Codes.Verwijzers, -1 = empty
    public int Aanmeld, Start, End; // None = empty
    public int Reden;            // index into Codes.RedenEinde, -1 = empty
    public byte Tevredenheid, ZonderHulpVerder, Probleemafname, Doelrealisatie; // 0 = empty, else the ASCII code
    public bool Crisis;

    public readonly bool Ended => End != None;
}

/// <summary>A youth: its BSN, birth date and gender; a youth keeps these across all its trajectories.</summary>
internal struct YouthInfo
{
    public long Index;
    public long Bsn;
    public int BirthDay;
    public byte Geslacht;
}

internal static class Codes
{
    public static readonly string[] Verwijzers = ["01", "02", "03", "04", "05", "06", "08"];
    public static readonly string[] RedenEinde = ["01", "02", "03", "04", "05", "99"];
}

/// <summary>
/// Simulates the care career of one youth at a time: entry via the local team, a GP or child protection,
/// steps up to ambulant care and out-of-home placements, placement changes, crises, steps down,
/// re-entries after months or years, extended care after 18, a move to another municipality.
/// One instance per chunk (it keeps scratch state of the current youth); not thread-safe.
/// </summary>
internal sealed class YouthSimulator
{
    private readonly Geography _geo;
    private readonly ProviderCatalog _providers;
    private readonly int _firstDay, _extractDay, _careerWindowStart;
    private readonly int[][] _productsByZv;

    // distributions, built once per instance
    private static readonly double[] AgeWeights = [2.0, 2.2, 2.6, 3.0, 3.6, 4.4, 5.2, 5.8, 6.2, 6.4, 6.6, 7.0, 7.6, 8.2, 8.6, 8.6, 7.8, 6.4];
    private readonly Weighted _age = new(AgeWeights);
    private readonly Weighted _template = new(
        36,   // 0 local team only
        47,   // 1 ambulant
        4.5,  // 2 daghulp
        5,    // 3 out-of-home care
        3.5,  // 4 child protection
        3,    // 5 juvenile probation
        5.5); // 6 crisis
    private readonly Weighted _placement = new(47, 16, 28, 5); // pleegzorg, gezinshuis, residentieel, gesloten
    private readonly Weighted _geslacht = new(515, 470, 5, 10); // M, V, X, O
    private static readonly byte[] GeslachtCodes = "MVXO"u8.ToArray();
    private readonly Weighted[] _verwijzer = new Weighted[Zv.Count];
    private readonly Weighted _verwijzerUnderProtection = new(10, 0, 0, 80, 1, 1, 8, 0);
    private readonly Weighted _verwijzerCrisis = new(45, 6, 1, 20, 10, 8, 10, 0);
    private readonly Weighted _redenBase = new(61, 15, 8, 3, 6, 7);
    private readonly Weighted _redenVerblijf = new(52, 17, 9, 9, 6, 7);
    private readonly Weighted _redenCrisis = new(70, 12, 5, 3, 5, 5);
    private readonly Weighted _tevredenGood = new(85, 8, 7), _tevredenBad = new(55, 35, 10);
    private readonly Weighted _zhvGood = new(70, 22, 8), _zhvBad = new(30, 60, 10);
    private readonly Weighted _probleemGood = new(72, 18, 10), _probleemBad = new(40, 45, 15);
    private readonly Weighted _doelGood = new(55, 33, 5, 7), _doelBad = new(15, 40, 35, 10);
    private static readonly byte[] Jno = "JNO"u8.ToArray();
    private static readonly byte[] Vgno = "VGNO"u8.ToArray();

    // (median days, 90th percentile days)
    private static readonly (double Median, double P90)[] Duration =
    [
        (90, 300), (150, 450), (180, 540), (420, 1800), (365, 1200), (150, 600), (110, 270),
        (365, 1100), (1500, 3600), (180, 400), (240, 540),
    ];
    private static readonly (double Median, double P90)[] Wait =
    [
        (12, 45), (35, 140), (35, 140), (21, 100), (35, 150), (35, 150), (7, 28),
        (10, 45), (14, 60), (10, 40), (10, 40),
    ];

    // state of the current youth
    private List<TrajectoryRow> _rows = null!;
    private int _youth, _seq, _birthDay, _day12, _day18, _day23;
    private bool _extended;
    private int _gemeenteA, _predecessorA, _postcodeA, _gemeenteB, _predecessorB, _postcodeB, _moveDay;
    private readonly int[] _lastProvider = new int[Zv.Count];
    private int _protectionUntil; // an OTS or voogdij runs until this day

    public YouthSimulator(Geography geo, ProviderCatalog providers, GeneratorOptions options, IReadOnlyList<string> productcategorieen)
    {
        _geo = geo;
        _providers = providers;
        _firstDay = new DateOnly(options.FirstYear, 1, 1).DayNumber;
        _extractDay = options.ExtractionDate.DayNumber;
        _careerWindowStart = _firstDay - WarmUpYears * 365;
        //                               01  02  03  04  05  06  08  empty
        _verwijzer[Zv.Wijkteam] = new(75, 4, 6, 0, 0, 15, 0, 0);
        _verwijzer[Zv.Ambulant] = new(28, 40, 4, 6, 9, 10, 3, 0);
        _verwijzer[Zv.Daghulp] = new(40, 20, 5, 8, 15, 8, 4, 0);
        for (var zv = Zv.Pleegzorg; zv <= Zv.Gesloten; zv++) _verwijzer[zv] = new(42, 3, 1, 36, 6, 2, 10, 0);
        _verwijzer[Zv.Gesloten] = new(10, 0, 0, 45, 5, 0, 40, 0);
        _verwijzer[Zv.Ots] = new(0, 0, 0, 20, 0, 0, 55, 25);
        _verwijzer[Zv.Voogdij] = new(0, 0, 0, 0, 0, 0, 60, 40);
        _verwijzer[Zv.Drang] = new(0, 0, 0, 45, 0, 0, 0, 55);
        _verwijzer[Zv.Jr] = new(0, 0, 0, 15, 0, 0, 55, 30);

        // iJw product categories that fit each zorgvorm (only those in the reference list are used)
        string[][] fitting =
        [
            ["31", "45"], ["45", "54", "51", "52", "32", "34"], ["41", "33"], ["43", "44", "35"], ["43", "36"],
            ["43", "44", "38"], ["43", "37"], ["48"], ["48"], ["48"], ["47"],
        ];
        var known = productcategorieen.ToList();
        _productsByZv = fitting.Select(list => list.Select(c => known.IndexOf(c)).Where(i => i >= 0).ToArray()).ToArray();
        _crisisProduct = known.IndexOf("46");
    }

    private readonly int _crisisProduct;

    public void Simulate(int youthInChunk, ref YouthInfo youth, ref Rng rng, List<TrajectoryRow> rows)
    {
        _rows = rows;
        _youth = youthInChunk;
        _seq = 0;
        _protectionUntil = int.MinValue;
        Array.Fill(_lastProvider, -1);

        var careerStart = _careerWindowStart + rng.Next(_extractDay - _careerWindowStart + 1);
        _extended = rng.Chance(0.028);
        var ageDays = _extended ? rng.Between(16 * 365, 18 * 365 - 30) : _age.Draw(ref rng) * 365 + rng.Next(365);
        var birth = DateOnly.FromDayNumber(careerStart - ageDays);
        _birthDay = birth.DayNumber;
        _day12 = birth.AddYears(12).DayNumber;
        _day18 = birth.AddYears(18).DayNumber;
        _day23 = birth.AddYears(23).DayNumber;
        youth.BirthDay = _birthDay;
        youth.Geslacht = GeslachtCodes[_geslacht.Draw(ref rng)];

        _gemeenteA = _geo.DrawCurrent(ref rng);
        _predecessorA = DrawPredecessor(_gemeenteA, ref rng);
        _postcodeA = DrawPostcode(_gemeenteA, ref rng);
        _moveDay = int.MaxValue;
        if (rng.Chance(0.2))
        {
            _moveDay = careerStart + rng.Between(30, 3 * 365);
            _gemeenteB = _gemeenteA;
            var sameRegion = rng.Chance(0.5);
            for (var attempt = 0; attempt < 20 && (_gemeenteB == _gemeenteA || (sameRegion && _geo.RegionOf[_gemeenteB] != _geo.RegionOf[_gemeenteA])); attempt++)
                _gemeenteB = _geo.DrawCurrent(ref rng);
            _predecessorB = DrawPredecessor(_gemeenteB, ref rng);
            _postcodeB = DrawPostcode(_gemeenteB, ref rng);
        }

        var t = careerStart;
        for (var career = 0; career < 4; career++)
        {
            var end = RunCareer(t, career, ref rng);
            if (end > _extractDay || _seq >= 99) break;
            // re-entry (herhaald beroep) after months or years
            if (!rng.Chance(career == 0 ? 0.35 : 0.4)) break;
            t = end + 30 + (int)rng.LogNormal(330, 1400);
        }
        if (_extended)
        {
            // verlengde jeugdhulp: care that starts at 18–22
            var s = Math.Max(_day18 + rng.Next(3 * 365), LastEnd() + rng.Between(1, 60));
            var zv = rng.Next(10) switch { < 5 => Zv.Ambulant, < 7 => Zv.Pleegzorg, < 8 => Zv.Gezinshuis, _ => Zv.Residentieel };
            var e = Add(zv, s, Dur(zv, ref rng), ref rng);
            if (e != NotAdded && rng.Chance(0.4)) Add(Zv.Ambulant, e + rng.Between(1, 200), Dur(Zv.Ambulant, ref rng), ref rng);
        }
    }

    private int LastEnd()
    {
        var last = _birthDay;
        for (var i = _rows.Count - 1; i >= 0 && _rows[i].Youth == _youth; i--)
            last = Math.Max(last, _rows[i].Ended ? _rows[i].End : _extractDay);
        return last;
    }

    /// <summary>One care career from day <paramref name="t"/>; returns the day the last trajectory ends.</summary>
    private int RunCareer(int t, int career, ref Rng rng)
    {
        var template = _template.Draw(ref rng);
        if (career > 0 && template == 0 && rng.Chance(0.3)) template = 1; // returning youths need more than the local team
        switch (template)
        {
            case 0: return LocalTeam(t, ref rng);
            case 1: return AmbulantPath(t, ref rng);
            case 2: return DaghulpPath(t, ref rng);
            case 3: return OutOfHome(t, ref rng);
            case 4: return ChildProtection(t, ref rng);
            case 5: return t < _day12 ? AmbulantPath(t, ref rng) : JuvenileProbation(t, ref rng);
            default: return CrisisPath(t, ref rng);
        }
    }

    private int LocalTeam(int t, ref Rng rng)
    {
        var end = Add(Zv.Wijkteam, t, Dur(Zv.Wijkteam, ref rng), ref rng);
        if (end != NotAdded && rng.Chance(0.3))
            end = Max(end, Add(Zv.Wijkteam, end + 1, Dur(Zv.Wijkteam, ref rng), ref rng, provider: _lastProvider[Zv.Wijkteam]));
        return end == NotAdded ? t : end;
    }

    private int AmbulantPath(int t, ref Rng rng)
    {
        var start = t;
        var verwijzer = -1;
        var end = t;
        if (rng.Chance(0.6))
        {
            // the local team helps first and refers on, often while its own trajectory still runs
            var wijkDuration = Dur(Zv.Wijkteam, ref rng);
            end = Max(end, Add(Zv.Wijkteam, t, wijkDuration, ref rng));
            start = t + (rng.Chance(0.5) ? rng.Between(7, Math.Max(7, wijkDuration)) : wijkDuration + rng.Between(1, 60));
            verwijzer = rng.Chance(0.85) ? 0 : -1;
        }
        var count = 1 + Geometric(0.62, 8, ref rng);
        end = Max(end, Chain(Zv.Ambulant, start, count, verwijzer, ref rng));
        // a second provider alongside, e.g. youth mental health care (GGZ) next to parenting support
        if (rng.Chance(0.22)) end = Max(end, Chain(Zv.Ambulant, start + rng.Between(0, 180), 1 + Geometric(0.4, 3, ref rng), -1, ref rng));
        if (rng.Chance(0.08)) end = Max(end, Add(Zv.Daghulp, start + rng.Between(0, 120), Dur(Zv.Daghulp, ref rng), ref rng));
        return end;
    }

    private int DaghulpPath(int t, ref Rng rng)
    {
        var end = t;
        var start = t;
        if (rng.Chance(0.5))
        {
            var d = Dur(Zv.Wijkteam, ref rng);
            end = Max(end, Add(Zv.Wijkteam, t, d, ref rng));
            start = t + rng.Between(14, Math.Max(14, d));
        }
        end = Max(end, Chain(Zv.Daghulp, start, 1 + Geometric(0.6, 3, ref rng), -1, ref rng));
        if (rng.Chance(0.5)) end = Max(end, Add(Zv.Ambulant, start + rng.Between(-30, 90), Dur(Zv.Ambulant, ref rng), ref rng));
        return end;
    }

    private int OutOfHome(int t, ref Rng rng)
    {
        var end = t;
        var placementStart = t;
        if (rng.Chance(0.6))
        {
            // ambulant help first (after the local team for some), then the step to out-of-home care
            if (rng.Chance(0.4)) { end = Max(end, Add(Zv.Wijkteam, t, Dur(Zv.Wijkteam, ref rng), ref rng)); t += rng.Between(14, 120); }
            var ambulantEnd = Add(Zv.Ambulant, t, Dur(Zv.Ambulant, ref rng), ref rng);
            if (ambulantEnd == NotAdded) return end;
            end = Max(end, ambulantEnd);
            placementStart = ambulantEnd + (rng.Chance(0.3) ? 0 : rng.Between(1, 200));
        }
        if (rng.Chance(0.45))
        {
            // an OTS (ondertoezichtstelling) that starts before the placement and spans it
            var otsStart = placementStart - rng.Between(0, 90);
            var otsEnd = Add(Zv.Ots, otsStart, Dur(Zv.Ots, ref rng) + 200, ref rng);
            if (otsEnd != NotAdded) { _protectionUntil = otsEnd; end = Max(end, otsEnd); }
        }

        var unstable = rng.Chance(0.07); // a youth whose placements break down quickly, one after another
        var placements = unstable ? rng.Between(3, 5) : 1 + Geometric(0.55, 4, ref rng);
        var s = placementStart;
        var previousZv = -1;
        var pleegzorgLong = false;
        for (var p = 0; p < placements; p++)
        {
            var crisis = p == 0 && rng.Chance(0.22);
            int zv;
            if (crisis) zv = rng.Chance(0.5) ? Zv.Residentieel : Zv.Pleegzorg;
            else
            {
                zv = Zv.Pleegzorg + _placement.Draw(ref rng);
                if (zv == Zv.Gesloten && s < _day12) zv = Zv.Residentieel;
            }
            var duration = crisis ? (int)rng.LogNormal(21, 56) : unstable ? (int)rng.LogNormal(60, 150) : Dur(zv, ref rng);
            var provider = -2;
            if (previousZv >= 0 && rng.Chance(0.25) && _lastProvider[previousZv] >= 0 && _providers.Offers(_lastProvider[previousZv], RegionAt(s), zv))
                provider = _lastProvider[previousZv]; // a move within the same organisation
            var e = Add(zv, s, Math.Max(1, duration), ref rng, crisis: crisis, provider: provider);
            if (e == NotAdded) break;
            end = Max(end, e);
            if (zv == Zv.Pleegzorg && e - s > 700) pleegzorgLong = true;
            previousZv = zv;
            // doorplaatsing: same day, next day or within 30 days; or during the previous one at the same provider
            var r = rng.Next(100);
            if (r < 8 && provider == -2 && _lastProvider[zv] >= 0 && e - s > 20)
            {
                var next = zv == Zv.Pleegzorg ? Zv.Gezinshuis : Zv.Residentieel;
                if (next != zv && _providers.Offers(_lastProvider[zv], RegionAt(s), next))
                {
                    // a second, overlapping stay at the same provider (e.g. a respite week, a new indication)
                    // it ends with the main stay at the latest, so the next placement elsewhere never overlaps it
                    var overlapStart = s + rng.Between(1, e - s);
                    end = Max(end, Add(next, overlapStart, Math.Min(Dur(next, ref rng) / 2 + 1, e - overlapStart), ref rng, provider: _lastProvider[zv]));
                }
            }
            // never the same day at another provider: two stays on one day would overlap (rule H01)
            s = e + (r < 55 ? 1 : r < 92 ? rng.Between(2, 30) : rng.Between(31, 300));
        }
        if (pleegzorgLong && _protectionUntil != int.MinValue && rng.Chance(0.5))
        {
            // the OTS is converted into voogdij for a child who will not return home
            var v = Add(Zv.Voogdij, _protectionUntil, Dur(Zv.Voogdij, ref rng), ref rng);
            if (v != NotAdded) { _protectionUntil = v; end = Max(end, v); }
        }
        if (rng.Chance(0.5)) end = Max(end, Add(Zv.Ambulant, end + rng.Between(-30, 60), Dur(Zv.Ambulant, ref rng), ref rng));
        return end;
    }

    private int ChildProtection(int t, ref Rng rng)
    {
        var end = t;
        int protectionStart;
        if (rng.Chance(0.45))
        {
            var d = Add(Zv.Drang, t, Dur(Zv.Drang, ref rng), ref rng);
            if (d == NotAdded) return t;
            end = d;
            if (!rng.Chance(0.2)) { AddAlongside(t, ref rng, ref end); return end; }
            protectionStart = d + rng.Between(0, 90); // drang did not work: the court orders an OTS
        }
        else protectionStart = t;
        var ots = Add(Zv.Ots, protectionStart, Dur(Zv.Ots, ref rng), ref rng);
        if (ots == NotAdded) return end;
        _protectionUntil = ots;
        end = Max(end, ots);
        AddAlongside(protectionStart, ref rng, ref end);
        if (rng.Chance(0.12))
        {
            // parents cannot resume their authority: the OTS becomes voogdij
            var v = Add(Zv.Voogdij, ots, Dur(Zv.Voogdij, ref rng), ref rng);
            if (v != NotAdded) { _protectionUntil = v; end = Max(end, v); }
        }
        return end;
    }

    private void AddAlongside(int t, ref Rng rng, ref int end)
    {
        if (rng.Chance(0.6)) end = Max(end, Add(Zv.Ambulant, t + rng.Between(0, 60), Dur(Zv.Ambulant, ref rng), ref rng));
    }

    private int JuvenileProbation(int t, ref Rng rng)
    {
        var end = Add(Zv.Jr, t, Dur(Zv.Jr, ref rng), ref rng);
        if (end == NotAdded) return t;
        if (rng.Chance(0.4)) end = Max(end, Add(Zv.Ambulant, t + rng.Between(0, 60), Dur(Zv.Ambulant, ref rng), ref rng));
        if (rng.Chance(0.05)) end = Max(end, Add(Zv.Gesloten, t + rng.Between(10, 120), Dur(Zv.Gesloten, ref rng), ref rng));
        return end;
    }

    private int CrisisPath(int t, ref Rng rng)
    {
        var end = t;
        var s = t;
        var crises = rng.Chance(0.2) ? 2 : 1; // some youths have a second crisis within 12 months
        for (var c = 0; c < crises; c++)
        {
            var zv = rng.Next(10) switch { < 5 => Zv.Ambulant, < 8 => Zv.Residentieel, _ => Zv.Pleegzorg };
            var e = Add(zv, s, Math.Max(1, (int)rng.LogNormal(21, 60)), ref rng, crisis: true);
            if (e == NotAdded) return end;
            end = Max(end, e);
            if (rng.Chance(0.6)) end = Max(end, Add(Zv.Ambulant, e + rng.Between(0, 21), Dur(Zv.Ambulant, ref rng), ref rng));
            s = e + rng.Between(30, 300);
        }
        return end;
    }

    /// <summary>A run of trajectories of one zorgvorm: re-indications, transfers, gaps.</summary>
    private int Chain(int zv, int start, int count, int verwijzer, ref Rng rng)
    {
        var end = start;
        var s = start;
        for (var k = 0; k < count; k++)
        {
            var provider = -2;
            var r = rng.Next(100);
            if (k > 0)
            {
                if (r < 15) { }                                                             // same-day transfer: s = previous end
                else if (r < 32) { provider = _lastProvider[zv]; s += 1; }                  // re-indication, continues the next day
                else if (r < 40) { provider = _lastProvider[zv]; s -= rng.Between(1, 20); } // overlapping new indication
                else { s += rng.Between(2, 30) + (int)rng.LogNormal(60, 400); if (rng.Chance(0.5)) provider = _lastProvider[zv]; }
            }
            var e = Add(zv, s, Dur(zv, ref rng), ref rng, provider: provider, verwijzer: k == 0 ? verwijzer : -1);
            if (e == NotAdded) break;
            end = Max(end, e);
            s = e;
        }
        return end;
    }

    private const int NotAdded = int.MinValue;

    /// <summary>
    /// Careers start up to this many years before the first year, so re-entries and long careers are in
    /// a steady state from the second year on; their trajectories before the first year are not written.
    /// </summary>
    internal const int WarmUpYears = 5;

    private static int Max(int a, int b) => b == NotAdded ? a : Math.Max(a, b);

    private static int Geometric(double pContinue, int max, ref Rng rng)
    {
        var n = 0;
        while (n < max && rng.Chance(pContinue)) n++;
        return n;
    }

    private static int Dur(int zv, ref Rng rng) => Math.Max(1, (int)rng.LogNormal(Duration[zv].Median, Duration[zv].P90));

    /// <summary>Responsible municipality on a day: the residence then, or its predecessor before a merger.</summary>
    private int GemeenteAt(int day)
    {
        var (g, pred) = day >= _moveDay ? (_gemeenteB, _predecessorB) : (_gemeenteA, _predecessorA);
        return pred >= 0 && day <= _geo.ValidToDay[pred] ? pred : g;
    }

    private int RegionAt(int day) => _geo.RegionOf[GemeenteAt(day)];

    private int DrawPredecessor(int gemeente, ref Rng rng)
    {
        var predecessors = _geo.Predecessors[gemeente];
        if (predecessors.Length == 0) return -1;
        // a new municipality (Eemsdelta): every youth lived in one of the merged ones;
        // a municipality that absorbed another (Amsterdam ← Weesp): a small share lived in the absorbed one
        if (_geo.ValidFromDay[gemeente] != int.MinValue) return predecessors[rng.Next(predecessors.Length)];
        foreach (var p in predecessors)
            if (rng.Chance(0.03)) return p;
        return -1;
    }

    private int DrawPostcode(int gemeente, ref Rng rng) =>
        rng.Chance(0.93) ? rng.Between(_geo.PostcodeLow[gemeente], _geo.PostcodeHigh[gemeente]) : 0;

    /// <summary>Adds a trajectory; returns its (planned) end day, or NotAdded when it cannot start (too old, after the extract).</summary>
    private int Add(int zv, int start, int durationDays, ref Rng rng, bool crisis = false, int provider = -2, int verwijzer = -1)
    {
        if (start > _extractDay || _seq >= 99) return NotAdded;
        if (start >= (_extended ? _day23 : _day18)) return NotAdded;
        if (start < _birthDay) start = _birthDay;
        var end = start + Math.Max(0, durationDays);
        // child protection ends at 18; other care ends at 18 unless the youth is in extended care
        if (Zv.IsJustice(zv) && zv != Zv.Jr || !_extended) end = Math.Min(end, Math.Max(start, _day18 - 1));
        if (start < _firstDay) return end; // before the first year of the extract: not delivered, but the career goes on

        var gemeente = GemeenteAt(start);
        if (!_geo.ExistsOn(gemeente, start)) return end; // cannot happen with the shipped data; never write an invalid row
        if (provider == -2 || provider == -1 && zv != Zv.Wijkteam) provider = _providers.Draw(_geo.RegionOf[gemeente], zv, ref rng);
        if (zv == Zv.Wijkteam) provider = -1;
        _lastProvider[zv] = provider;

        var row = new TrajectoryRow
        {
            Youth = _youth,
            Seq = _seq++,
            Gemeente = gemeente,
            Postcode4 = start >= _moveDay ? _postcodeB : _postcodeA,
            Provider = provider,
            Zorgvorm = zv,
            Start = start,
            Crisis = crisis,
            Aanmeld = TrajectoryRow.None,
            End = TrajectoryRow.None,
            Reden = -1,
            Productcategorie = -1,
        };

        if (rng.Chance(0.8))
        {
            var wait = crisis ? rng.Between(0, 2) : (int)rng.LogNormal(Wait[zv].Median, Wait[zv].P90);
            row.Aanmeld = Math.Max(_birthDay, start - wait);
        }

        if (verwijzer < 0)
        {
            var table = crisis ? _verwijzerCrisis
                : Zv.IsVerblijf(zv) && start <= _protectionUntil ? _verwijzerUnderProtection
                : _verwijzer[zv];
            verwijzer = table.Draw(ref rng);
        }
        row.Verwijzer = verwijzer < Codes.Verwijzers.Length ? verwijzer : -1;
        if (Zv.IsJeugdhulp(zv) && row.Verwijzer < 0) row.Verwijzer = 5; // required for JH/JV: "geen verwijzer"

        if (rng.Chance(0.35))
        {
            var products = _productsByZv[zv];
            row.Productcategorie = crisis && _crisisProduct >= 0 ? _crisisProduct : products.Length > 0 ? products[rng.Next(products.Length)] : -1;
            row.Productcode = rng.Next(1000);
        }

        if (end <= _extractDay)
        {
            row.End = end;
            row.Reden = (crisis ? _redenCrisis : Zv.IsVerblijf(zv) ? _redenVerblijf : _redenBase).Draw(ref rng);
            if (rng.Chance(0.55))
            {
                var good = row.Reden == 0;
                if (rng.Chance(0.9)) row.Tevredenheid = Jno[(good ? _tevredenGood : _tevredenBad).Draw(ref rng)];
                if (rng.Chance(0.9)) row.ZonderHulpVerder = Jno[(good ? _zhvGood : _zhvBad).Draw(ref rng)];
                if (rng.Chance(0.9)) row.Probleemafname = Jno[(good ? _probleemGood : _probleemBad).Draw(ref rng)];
                if (rng.Chance(0.9)) row.Doelrealisatie = Vgno[(good ? _doelGood : _doelBad).Draw(ref rng)];
            }
        }
        _rows.Add(row);
        return end;
    }
}
