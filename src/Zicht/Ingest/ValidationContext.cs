using System.Text;
using Zicht.Privacy;
using Zicht.Reference;

namespace Zicht.Ingest;

/// <summary>Immutable lookups shared by all parsing threads of one ingest.</summary>
public sealed class ValidationContext
{
    public ReferenceData Reference { get; }
    public Pseudonymiser Pseudonymiser { get; }
    public DateOnly Today { get; }
    public int TodayDayNumber { get; }

    /// <summary>Municipality by its 4-digit number (GM0014 → 14), or null.</summary>
    internal readonly Gemeente?[] GemeenteByNumber = new Gemeente?[10000];
    internal readonly (byte[] Code, Zorgvorm Zorgvorm)[] Zorgvormen;
    internal readonly byte[][] Verwijzers;
    internal readonly byte[][] RedenenEinde;
    internal readonly byte[][] Productcategorieen;

    public ValidationContext(ReferenceData reference, Pseudonymiser pseudonymiser, DateOnly today)
    {
        Reference = reference;
        Pseudonymiser = pseudonymiser;
        Today = today;
        TodayDayNumber = today.DayNumber;
        foreach (var g in reference.Gemeenten)
            GemeenteByNumber[int.Parse(g.Gemeentecode.AsSpan(2))] = g;
        Zorgvormen = reference.Zorgvormen.Select(z => (Encoding.ASCII.GetBytes(z.Code), z)).ToArray();
        Verwijzers = reference.Verwijzers.Select(c => Encoding.ASCII.GetBytes(c.Value)).ToArray();
        RedenenEinde = reference.RedenenEinde.Select(c => Encoding.ASCII.GetBytes(c.Value)).ToArray();
        Productcategorieen = reference.Productcategorieen.Select(c => Encoding.ASCII.GetBytes(c.Value)).ToArray();
    }

    internal static bool Contains(byte[][] codes, ReadOnlySpan<byte> value)
    {
        foreach (var code in codes)
            if (value.SequenceEqual(code)) return true;
        return false;
    }

    /// <summary>The zorgvorm of a code in any letter case ('jh_ambulant' is JH_AMBULANT).</summary>
    internal Zorgvorm? FindZorgvorm(ReadOnlySpan<byte> value)
    {
        foreach (var (code, zorgvorm) in Zorgvormen)
            if (System.Text.Ascii.EqualsIgnoreCase(value, code)) return zorgvorm;
        return null;
    }
}
