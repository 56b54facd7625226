using System.Globalization;
using System.Text;

namespace Zicht.Generate;

/// <summary>
/// Writes a trajectory as one format v1 line, straight into UTF-8 bytes (clean rows), or as strings
/// that the error injector can change (dirty rows, a small minority).
/// </summary>
internal sealed class RowFormatter
{
    public const int ColumnCount = 23;

    private readonly Geography _geo;
    private readonly ProviderCatalog _providers;
    private readonly IReadOnlyList<string> _productcategorieen;
    private readonly byte[][] _productUtf8;
    private readonly byte[][] _zorgvormUtf8 = Zv.Codes.Select(Encoding.UTF8.GetBytes).ToArray();
    private readonly byte[][] _verwijzerUtf8 = Codes.Verwijzers.Select(Encoding.UTF8.GetBytes).ToArray();
    private readonly byte[][] _redenUtf8 = Codes.RedenEinde.Select(Encoding.UTF8.GetBytes).ToArray();
    private readonly int _dateTableStart;
    private readonly byte[] _dateTable; // "yyyy-MM-dd" for every day from _dateTableStart, 10 bytes each
    private static readonly byte[] LocalTeamIdPrefix = "WT"u8.ToArray();

    public RowFormatter(Geography geo, ProviderCatalog providers, IReadOnlyList<string> productcategorieen, int firstDay, int lastDay)
    {
        _geo = geo;
        _providers = providers;
        _productcategorieen = productcategorieen;
        _productUtf8 = productcategorieen.Select(Encoding.UTF8.GetBytes).ToArray();
        _dateTableStart = firstDay;
        _dateTable = new byte[(lastDay - firstDay + 1) * 10];
        for (var d = firstDay; d <= lastDay; d++)
            Encoding.ASCII.GetBytes(DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _dateTable.AsSpan((d - firstDay) * 10, 10));
    }

    public static byte[] Header(byte separator) =>
        Encoding.UTF8.GetBytes(string.Join((char)separator, Zicht.Ingest.TrajectoryColumns.All) + "\n");

    /// <summary>The clean line, separator ';', ending in '\n'.</summary>
    public void Write(ByteBuffer o, in TrajectoryRow r, in YouthInfo y)
    {
        const byte sep = (byte)';';
        var provider = r.Provider >= 0 ? _providers.Providers[r.Provider] : null;
        // bron, bron_traject_id
        if (provider is null) { o.Put(_geo.CodeUtf8[r.Gemeente]); o.Put(sep); o.Put(LocalTeamIdPrefix); }
        else { o.Put(provider.AgbUtf8); o.Put(sep); }
        o.PutNumber(TrajectId(y.Index, r.Seq)); o.Put(sep);
        PutPadded(o, y.Bsn, 9); o.Put(sep);
        o.Put(sep); // client_pseudoniem
        PutDate(o, y.BirthDay); o.Put(sep);
        o.Put(y.Geslacht); o.Put(sep);
        o.Put(_geo.CodeUtf8[r.Gemeente]); o.Put(sep);
        if (r.Postcode4 > 0) o.PutNumber(r.Postcode4);
        o.Put(sep);
        if (provider is not null) { o.Put(provider.AgbUtf8); o.Put(sep); o.Put(provider.NaamUtf8); o.Put(sep); }
        else { o.Put(sep); o.Put(_geo.LocalTeamNameUtf8[r.Gemeente]); o.Put(sep); }
        o.Put(_zorgvormUtf8[r.Zorgvorm]); o.Put(sep);
        if (r.Productcategorie >= 0)
        {
            o.Put(_productUtf8[r.Productcategorie]); o.Put(sep);
            o.Put(_productUtf8[r.Productcategorie]); o.Put((byte)('A' + r.Productcode % 26)); PutPadded(o, r.Productcode % 100, 2);
        }
        else o.Put(sep);
        o.Put(sep);
        if (r.Verwijzer >= 0) o.Put(_verwijzerUtf8[r.Verwijzer]);
        o.Put(sep);
        if (r.Aanmeld != TrajectoryRow.None) PutDate(o, r.Aanmeld);
        o.Put(sep);
        PutDate(o, r.Start); o.Put(sep);
        if (r.End != TrajectoryRow.None) PutDate(o, r.End);
        o.Put(sep);
        if (r.Reden >= 0) o.Put(_redenUtf8[r.Reden]);
        o.Put(sep);
        if (r.Tevredenheid != 0) o.Put(r.Tevredenheid);
        o.Put(sep);
        if (r.ZonderHulpVerder != 0) o.Put(r.ZonderHulpVerder);
        o.Put(sep);
        if (r.Probleemafname != 0) o.Put(r.Probleemafname);
        o.Put(sep);
        if (r.Doelrealisatie != 0) o.Put(r.Doelrealisatie);
        o.Put(sep);
        o.Put(r.Crisis ? (byte)'1' : (byte)'0');
        o.Put((byte)'\n');
    }

    /// <summary>The same values as <see cref="Write"/>, as strings in the order of TrajectoryColumns.All.</summary>
    public string[] Fields(in TrajectoryRow r, in YouthInfo y)
    {
        var provider = r.Provider >= 0 ? _providers.Providers[r.Provider] : null;
        var f = new string[ColumnCount];
        var inv = CultureInfo.InvariantCulture;
        f[Col.Bron] = provider?.Agb ?? _geo.Gemeenten[r.Gemeente].Gemeentecode;
        f[Col.BronTrajectId] = (provider is null ? "WT" : "") + TrajectId(y.Index, r.Seq).ToString(inv);
        f[Col.Bsn] = y.Bsn.ToString("D9", inv);
        f[Col.ClientPseudoniem] = "";
        f[Col.Geboortedatum] = Date(y.BirthDay);
        f[Col.Geslacht] = ((char)y.Geslacht).ToString();
        f[Col.Gemeentecode] = _geo.Gemeenten[r.Gemeente].Gemeentecode;
        f[Col.Postcode4] = r.Postcode4 > 0 ? r.Postcode4.ToString(inv) : "";
        f[Col.AanbiederAgb] = provider?.Agb ?? "";
        f[Col.AanbiederNaam] = provider?.Naam ?? _geo.LocalTeamName[r.Gemeente];
        f[Col.Zorgvorm] = Zv.Codes[r.Zorgvorm];
        f[Col.Productcategorie] = r.Productcategorie >= 0 ? _productcategorieen[r.Productcategorie] : "";
        f[Col.Productcode] = r.Productcategorie >= 0
            ? _productcategorieen[r.Productcategorie] + (char)('A' + r.Productcode % 26) + (r.Productcode % 100).ToString("D2", inv) : "";
        f[Col.Verwijzer] = r.Verwijzer >= 0 ? Codes.Verwijzers[r.Verwijzer] : "";
        f[Col.Aanmelddatum] = r.Aanmeld != TrajectoryRow.None ? Date(r.Aanmeld) : "";
        f[Col.Startdatum] = Date(r.Start);
        f[Col.Einddatum] = r.End != TrajectoryRow.None ? Date(r.End) : "";
        f[Col.RedenEinde] = r.Reden >= 0 ? Codes.RedenEinde[r.Reden] : "";
        f[Col.Tevredenheid] = Code(r.Tevredenheid);
        f[Col.ZonderHulpVerder] = Code(r.ZonderHulpVerder);
        f[Col.Probleemafname] = Code(r.Probleemafname);
        f[Col.Doelrealisatie] = Code(r.Doelrealisatie);
        f[Col.Crisis] = r.Crisis ? "1" : "0";
        return f;
    }

    public static void WriteFields(ByteBuffer o, string[] fields, char separator)
    {
        var line = string.Join(separator, fields) + "\n";
        var span = o.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length));
        o.Advance(Encoding.UTF8.GetBytes(line, span));
    }

    /// <summary>Unique over the whole run, so (bron, bron_traject_id) is unique in every file and across files.</summary>
    private static long TrajectId(long youthIndex, int seq) => 10_000_000 + youthIndex * 100 + seq;

    public static string Date(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Code(byte b) => b == 0 ? "" : ((char)b).ToString();

    private void PutDate(ByteBuffer o, int day)
    {
        var i = day - _dateTableStart;
        if ((uint)i < (uint)(_dateTable.Length / 10)) o.Put(_dateTable.AsSpan(i * 10, 10));
        else o.Put(Encoding.ASCII.GetBytes(Date(day)));
    }

    private static void PutPadded(ByteBuffer o, long value, int digits)
    {
        var span = o.GetSpan(digits);
        for (var k = digits - 1; k >= 0; k--) { span[k] = (byte)('0' + value % 10); value /= 10; }
        o.Advance(digits);
    }
}

/// <summary>Column positions of format v1 (TrajectoryColumns.All).</summary>
internal static class Col
{
    public const int Bron = 0, BronTrajectId = 1, Bsn = 2, ClientPseudoniem = 3, Geboortedatum = 4, Geslacht = 5,
        Gemeentecode = 6, Postcode4 = 7, AanbiederAgb = 8, AanbiederNaam = 9, Zorgvorm = 10, Productcategorie = 11,
        Productcode = 12, Verwijzer = 13, Aanmelddatum = 14, Startdatum = 15, Einddatum = 16, RedenEinde = 17,
        Tevredenheid = 18, ZonderHulpVerder = 19, Probleemafname = 20, Doelrealisatie = 21, Crisis = 22;
}
