using System.Buffers.Text;
using System.Text;
using Zicht.Privacy;
using Zicht.Reference;

namespace Zicht.Ingest;

/// <summary>What one chunk of a delivery produced: clean rows (no raw identifiers), findings, keys for the duplicate check.</summary>
public sealed class ChunkOutput
{
    /// <summary>Clean rows of this chunk, in the parsing thread's reusable buffer until they are written out.</summary>
    public ByteBuffer CleanRows { get; set; } = ByteBuffer.Empty;
    public List<Finding> Findings { get; } = [];
    /// <summary>(line, key hash) of every accepted row, for the duplicate check across chunks.</summary>
    public List<(int Line, UInt128 Key)> Keys { get; } = [];
    /// <summary>The last aanbieder_naam per AGB in this chunk (UTF-8).</summary>
    public Dictionary<long, byte[]> AanbiederNamen { get; } = [];
    public int RowsRead;
    public int RowsRejected;
    public int BlankLines;
    public int MinStartYear = int.MaxValue;
    /// <summary>The bron of the accepted rows when they all share one, else null with <see cref="MixedBronnen"/> set.</summary>
    public byte[]? Bron;
    public bool MixedBronnen;
    public int MaxStartYear = int.MinValue;
}

/// <summary>
/// Parses and validates the data lines of one chunk. A line is one record (format v1 fields never
/// contain line breaks). Hand-written over UTF-8 bytes because no fast CSV parser is available from
/// this project's package registry, and because every finding needs its exact line and column.
/// </summary>
public sealed class ChunkParser
{
    private const int MaxLineBytes = 65536;
    private static readonly int ColumnCount = TrajectoryColumns.All.Count;

    private readonly ValidationContext _context;
    private readonly YouthRegistry _youths;
    private readonly DeliveryHeader _header;
    private readonly string _fileName;
    private readonly int[] _fieldStart;
    private readonly int[] _fieldLength;
    private readonly byte[] _unquoted = new byte[MaxLineBytes];
    private readonly int[] _column;    // file field index per trajectory column, -1 if absent

    // Indices into TrajectoryColumns.All.
    private static readonly int CBron = Col(TrajectoryColumns.Bron), CId = Col(TrajectoryColumns.BronTrajectId),
        CBsn = Col(TrajectoryColumns.Bsn), CPseudo = Col(TrajectoryColumns.ClientPseudoniem),
        CGeboorte = Col(TrajectoryColumns.Geboortedatum), CGeslacht = Col(TrajectoryColumns.Geslacht),
        CGemeente = Col(TrajectoryColumns.Gemeentecode), CPostcode = Col(TrajectoryColumns.Postcode4),
        CAgb = Col(TrajectoryColumns.AanbiederAgb), CNaam = Col(TrajectoryColumns.AanbiederNaam),
        CZorgvorm = Col(TrajectoryColumns.Zorgvorm), CProductcategorie = Col(TrajectoryColumns.Productcategorie),
        CProductcode = Col(TrajectoryColumns.Productcode), CVerwijzer = Col(TrajectoryColumns.Verwijzer),
        CAanmeld = Col(TrajectoryColumns.Aanmelddatum), CStart = Col(TrajectoryColumns.Startdatum),
        CEind = Col(TrajectoryColumns.Einddatum), CReden = Col(TrajectoryColumns.RedenEinde),
        CTevreden = Col(TrajectoryColumns.Tevredenheid), CZonderHulp = Col(TrajectoryColumns.ZonderHulpVerder),
        CProbleem = Col(TrajectoryColumns.Probleemafname), CDoel = Col(TrajectoryColumns.Doelrealisatie),
        CCrisis = Col(TrajectoryColumns.Crisis);

    private static int Col(string name) => DeliveryHeader.TrajectoryColumnIndex(name);

    public ChunkParser(ValidationContext context, YouthRegistry youths, DeliveryHeader header, string fileName)
    {
        _context = context;
        _youths = youths;
        _header = header;
        _fileName = fileName;
        _fieldStart = new int[header.FieldCount + 1];
        _fieldLength = new int[header.FieldCount + 1];
        _column = header.ColumnIndex;
    }

    /// <summary>Parses whole lines of <paramref name="data"/>; the first line has number <paramref name="firstLine"/>.</summary>
    private readonly ByteBuffer _cleanRows = new(1 << 20);

    public void Parse(ReadOnlySpan<byte> data, int firstLine, ChunkOutput output)
    {
        _cleanRows.Clear();
        output.CleanRows = _cleanRows;
        var line = firstLine;
        while (data.Length > 0)
        {
            var end = data.IndexOf((byte)'\n');
            var lineBytes = end < 0 ? data : data[..end];
            data = end < 0 ? default : data[(end + 1)..];
            if (lineBytes.EndsWith("\r"u8)) lineBytes = lineBytes[..^1];
            if (lineBytes.IsEmpty || lineBytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
                output.BlankLines++;
            else
                ParseLine(lineBytes, line, output);
            line++;
        }
    }

    private void ParseLine(ReadOnlySpan<byte> line, int number, ChunkOutput output)
    {
        output.RowsRead++;
        if (line.Length > MaxLineBytes)
        {
            Reject(output, number, null, $"{line.Length} bytes", ValidationRules.S03);
            return;
        }
        var fields = Split(line, out var source, out var quoteProblemAt);
        if (quoteProblemAt >= 0)
        {
            Reject(output, number, FieldName(quoteProblemAt), null, ValidationRules.S02);
            return;
        }
        if (fields != _header.FieldCount)
        {
            var found = fields > _header.FieldCount ? $"meer dan {_header.FieldCount}" : fields.ToString();
            Reject(output, number, null, $"{_header.FieldCount} velden verwacht, {found} gevonden", ValidationRules.S01);
            return;
        }
        ValidateAndWrite(source, number, output);
    }

    private string? FieldName(int fieldIndex) =>
        fieldIndex < _header.Names.Count ? _header.Names[fieldIndex] : $"veld {fieldIndex + 1}";

    /// <summary>
    /// Splits a line into fields (RFC 4180 quoting within one line). Returns the field count (capped at
    /// FieldCount + 1) and the buffer the field offsets refer to; quoteProblemAt is the field with a stray
    /// or unclosed quote, or -1.
    /// </summary>
    private int Split(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source, out int quoteProblemAt)
    {
        quoteProblemAt = -1;
        var separator = _header.Separator;
        var max = _header.FieldCount + 1;
        var count = 0;
        if (line.IndexOf((byte)'"') < 0)
        {
            source = line;
            var start = 0;
            while (true)
            {
                var rest = line[start..];
                var next = rest.IndexOf(separator);
                if (count == max) return count;
                _fieldStart[count] = start;
                _fieldLength[count] = next < 0 ? rest.Length : next;
                count++;
                if (next < 0) return count;
                start += next + 1;
            }
        }

        // Slow path: copy fields into _unquoted, undoubling quotes.
        var output = 0;
        var position = 0;
        while (true)
        {
            if (count == max) { source = _unquoted; return count; }
            _fieldStart[count] = output;
            if (position < line.Length && line[position] == '"')
            {
                position++;
                var closed = false;
                while (position < line.Length)
                {
                    var b = line[position];
                    if (b == '"')
                    {
                        if (position + 1 < line.Length && line[position + 1] == '"') { _unquoted[output++] = (byte)'"'; position += 2; continue; }
                        closed = true;
                        position++;
                        break;
                    }
                    _unquoted[output++] = b;
                    position++;
                }
                if (!closed || (position < line.Length && line[position] != separator))
                {
                    quoteProblemAt = count;
                    source = _unquoted;
                    return count + 1;
                }
            }
            else
            {
                while (position < line.Length && line[position] != separator)
                {
                    if (line[position] == '"') { quoteProblemAt = count; source = _unquoted; return count + 1; }
                    _unquoted[output++] = line[position++];
                }
            }
            _fieldLength[count] = output - _fieldStart[count];
            count++;
            if (position >= line.Length) { source = _unquoted; return count; }
            position++; // separator
        }
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> source, int column)
    {
        var index = _column[column];
        if (index < 0) return default;
        var value = source.Slice(_fieldStart[index], _fieldLength[index]);
        return value.Trim((byte)' ');
    }

    private void ValidateAndWrite(ReadOnlySpan<byte> source, int line, ChunkOutput output)
    {
        var findingsBefore = output.Findings.Count;
        var errors = 0;

        void Error(int column, ReadOnlySpan<byte> value, ValidationRule rule)
        {
            errors++;
            output.Findings.Add(new Finding(_fileName, line, TrajectoryColumns.All[column], Shown(column, value), rule));
        }
        void Warning(int column, ReadOnlySpan<byte> value, ValidationRule rule) =>
            output.Findings.Add(new Finding(_fileName, line, TrajectoryColumns.All[column], Shown(column, value), rule));

        // bsn / client_pseudoniem: checked here, turned into a youth id only for an accepted row
        var bsn = Field(source, CBsn);
        var pseudo = Field(source, CPseudo);
        if (!bsn.IsEmpty)
        {
            if (!Bsn.HasNineDigits(bsn)) Error(CBsn, bsn, ValidationRules.V03);
            else if (!Bsn.PassesElfproef(bsn)) Error(CBsn, bsn, ValidationRules.V04);
        }
        else if (!pseudo.IsEmpty)
        {
            if (pseudo.Length != 64 || !IsHex(pseudo)) Error(CPseudo, pseudo, ValidationRules.V05);
        }
        else Error(CBsn, default, ValidationRules.V06);

        // bron, bron_traject_id
        var bron = Field(source, CBron);
        var id = Field(source, CId);
        if (bron.IsEmpty) Error(CBron, bron, ValidationRules.V01);
        else if (!IsIdentifier(bron)) Error(CBron, bron, ValidationRules.V02);
        else if (ContainsOwnBsn(bron, bsn)) Error(CBron, bron, ValidationRules.V30);
        if (id.IsEmpty) Error(CId, id, ValidationRules.V01);
        else if (!IsIdentifier(id)) Error(CId, id, ValidationRules.V02);
        else if (ContainsOwnBsn(id, bsn)) Error(CId, id, ValidationRules.V30);

        // dates
        var start = Field(source, CStart);
        var startDay = ParseRequiredDate(CStart, start, out var startYear, out var startMonth);
        var geboorte = Field(source, CGeboorte);
        int birthYear = 0, birthMonth = 0;
        if (geboorte.IsEmpty) Error(CGeboorte, geboorte, ValidationRules.V01);
        else if (!TryParseDate(geboorte, allowYearMonth: true, out birthYear, out birthMonth, out var birthDay)) Error(CGeboorte, geboorte, ValidationRules.V07);
        else if (startDay > 0)
        {
            // The exact birth date is used here and then dropped: only the month is stored.
            var startDate = DateOnly.FromDayNumber(startDay);
            var months = (startYear - birthYear) * 12 + (startMonth - birthMonth);
            bool bornAfterStart, aged23;
            if (geboorte.Length == 10)
            {
                var birth = new DateOnly(birthYear, birthMonth, birthDay);
                bornAfterStart = birth > startDate;
                aged23 = birth.AddYears(23) <= startDate;
            }
            else
            {
                // Month only: born after the start month, or 23 for certain (even if born on the month's last day).
                bornAfterStart = months < 0;
                aged23 = months > 23 * 12;
            }
            if (bornAfterStart) Error(CGeboorte, geboorte, ValidationRules.V26);
            else if (aged23) Error(CGeboorte, geboorte, ValidationRules.V27);
        }
        var aanmeld = Field(source, CAanmeld);
        var aanmeldDay = ParseOptionalDate(CAanmeld, aanmeld);
        var eind = Field(source, CEind);
        var eindDay = ParseOptionalDate(CEind, eind);
        if (startDay > 0)
        {
            if (startDay > _context.TodayDayNumber) Error(CStart, start, ValidationRules.V28);
            if (aanmeldDay > 0 && aanmeldDay > startDay) Error(CAanmeld, aanmeld, ValidationRules.V18);
            if (eindDay > 0 && eindDay < startDay) Error(CEind, eind, ValidationRules.V19);
        }
        if (eindDay > 0 && eindDay > _context.TodayDayNumber) Warning(CEind, eind, ValidationRules.V29);

        // geslacht
        var geslacht = Field(source, CGeslacht);
        if (geslacht.IsEmpty) Error(CGeslacht, geslacht, ValidationRules.V01);
        else if (geslacht.Length != 1 || "MVXO"u8.IndexOf((byte)(geslacht[0] & ~0x20)) < 0) Error(CGeslacht, geslacht, ValidationRules.V08);

        // gemeentecode
        var gemeenteField = Field(source, CGemeente);
        Gemeente? gemeente = null;
        var gemeenteNumber = 0;
        if (gemeenteField.IsEmpty) Error(CGemeente, gemeenteField, ValidationRules.V01);
        else if (!TryParseGemeentecode(gemeenteField, out gemeenteNumber)) Error(CGemeente, gemeenteField, ValidationRules.V09);
        else if ((gemeente = _context.GemeenteByNumber[gemeenteNumber]) is null) Error(CGemeente, gemeenteField, ValidationRules.V10);
        else if (startDay > 0 && !gemeente.ExistsOn(DateOnly.FromDayNumber(startDay))) Error(CGemeente, gemeenteField, ValidationRules.V11);

        // postcode4
        var postcode = Field(source, CPostcode);
        if (!postcode.IsEmpty && !(postcode.Length == 4 && IsDigits(postcode) && postcode[0] != '0')) Error(CPostcode, postcode, ValidationRules.V12);

        // zorgvorm and what depends on it
        var zorgvormField = Field(source, CZorgvorm);
        Zorgvorm? zorgvorm = null;
        if (zorgvormField.IsEmpty) Error(CZorgvorm, zorgvormField, ValidationRules.V01);
        else if ((zorgvorm = _context.FindZorgvorm(zorgvormField)) is null) Error(CZorgvorm, zorgvormField, ValidationRules.V14);

        var agb = Field(source, CAgb);
        if (!agb.IsEmpty && !(agb.Length == 8 && IsDigits(agb))) Error(CAgb, agb, ValidationRules.V13);
        else if (agb.IsEmpty && zorgvorm is { AanbiederVerplicht: true }) Error(CAgb, agb, ValidationRules.V25);

        var verwijzer = Field(source, CVerwijzer);
        if (!verwijzer.IsEmpty && !ValidationContext.Contains(_context.Verwijzers, verwijzer)) Error(CVerwijzer, verwijzer, ValidationRules.V16);
        else if (verwijzer.IsEmpty && zorgvorm is { VerwijzerVerplicht: true }) Error(CVerwijzer, verwijzer, ValidationRules.V17);

        var productcategorie = Field(source, CProductcategorie);
        if (!productcategorie.IsEmpty && !ValidationContext.Contains(_context.Productcategorieen, productcategorie))
        {
            Warning(CProductcategorie, productcategorie, ValidationRules.V15);
            productcategorie = default;
        }
        var productcode = Field(source, CProductcode);
        if (ContainsOwnBsn(productcode, bsn)) Error(CProductcode, productcode, ValidationRules.V30);
        else if (!productcode.IsEmpty && !(productcode.Length <= 16 && IsAlphanumeric(productcode)))
        {
            Warning(CProductcode, productcode, ValidationRules.V15);
            productcode = default;
        }

        var naam = Field(source, CNaam);
        if (ContainsOwnBsn(naam, bsn)) Error(CNaam, naam, ValidationRules.V30);

        // reden_einde
        var reden = Field(source, CReden);
        if (!reden.IsEmpty && !ValidationContext.Contains(_context.RedenenEinde, reden)) Error(CReden, reden, ValidationRules.V21);
        else if (reden.IsEmpty && !eind.IsEmpty) Error(CReden, reden, ValidationRules.V20);
        else if (!reden.IsEmpty && eind.IsEmpty) { Warning(CReden, reden, ValidationRules.V22); reden = default; }

        // outcomes
        var tevreden = OutcomeJno(CTevreden, Field(source, CTevreden));
        var zonderHulp = OutcomeJno(CZonderHulp, Field(source, CZonderHulp));
        var probleem = OutcomeJno(CProbleem, Field(source, CProbleem));
        var doel = Field(source, CDoel);
        if (!doel.IsEmpty && !(doel.Length == 1 && "VGNO"u8.IndexOf((byte)(doel[0] & ~0x20)) >= 0)) Error(CDoel, doel, ValidationRules.V23);
        var crisis = Field(source, CCrisis);
        if (!crisis.IsEmpty && !(crisis.Length == 1 && (crisis[0] == '0' || crisis[0] == '1'))) Error(CCrisis, crisis, ValidationRules.V24);

        if (errors > 0)
        {
            output.RowsRejected++;
            return;
        }

        // Accepted: remember the key for the duplicate check and write the clean row.
        output.Keys.Add((line, KeyHash(bron, id)));
        if (output.Bron is null) output.Bron = bron.ToArray();
        else if (!output.MixedBronnen && !bron.SequenceEqual(output.Bron)) output.MixedBronnen = true;
        if (startYear < output.MinStartYear) output.MinStartYear = startYear;
        if (startYear > output.MaxStartYear) output.MaxStartYear = startYear;
        if (!agb.IsEmpty && !naam.IsEmpty && Utf8Parser.TryParse(agb, out long agbNumber, out _))
        {
            ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(output.AanbiederNamen, agbNumber, out _);
            if (known is null || !naam.SequenceEqual(known)) known = naam.ToArray();
        }

        int youthId;
        if (!bsn.IsEmpty) youthId = _youths.ForBsn(bsn);   // the BSN goes no further than this call
        else
        {
            Span<byte> lowerCase = stackalloc byte[64];
            for (var i = 0; i < 64; i++) lowerCase[i] = (byte)(pseudo[i] | 0x20);
            youthId = _youths.ForPseudonym(lowerCase);
        }

        var w = output.CleanRows;
        w.WriteInt(line); w.Sep();
        w.Write(bron); w.Sep();
        w.Write(id); w.Sep();
        w.WriteInt(youthId); w.Sep();
        w.WriteDate(birthYear, birthMonth, 1); w.Sep();
        w.Write((byte)(geslacht[0] & ~0x20)); w.Sep();
        w.WriteGemeentecode(gemeenteNumber); w.Sep();
        w.Write(postcode); w.Sep();
        w.Write(agb); w.Sep();
        w.Write(System.Text.Encoding.ASCII.GetBytes(zorgvorm!.Code)); w.Sep();
        w.Write(productcategorie); w.Sep();
        w.Write(productcode); w.Sep();
        w.Write(verwijzer); w.Sep();
        if (aanmeldDay > 0) w.WriteDate(DateOnly.FromDayNumber(aanmeldDay)); w.Sep();
        w.WriteDate(DateOnly.FromDayNumber(startDay)); w.Sep();
        if (eindDay > 0) w.WriteDate(DateOnly.FromDayNumber(eindDay)); w.Sep();
        w.Write(reden); w.Sep();
        WriteUpper(w, tevreden); w.Sep();
        WriteUpper(w, zonderHulp); w.Sep();
        WriteUpper(w, probleem); w.Sep();
        WriteUpper(w, doel); w.Sep();
        if (!crisis.IsEmpty) w.Write(crisis[0] == '1' ? "true"u8 : "false"u8);
        w.NewLine();
        return;

        int ParseRequiredDate(int column, ReadOnlySpan<byte> value, out int year, out int month)
        {
            year = month = 0;
            if (value.IsEmpty) { Error(column, value, ValidationRules.V01); return 0; }
            if (!TryParseDate(value, false, out year, out month, out var day)) { Error(column, value, ValidationRules.V07); return 0; }
            return new DateOnly(year, month, day).DayNumber;
        }

        int ParseOptionalDate(int column, ReadOnlySpan<byte> value)
        {
            if (value.IsEmpty) return 0;
            if (!TryParseDate(value, false, out var year, out var month, out var day)) { Error(column, value, ValidationRules.V07); return 0; }
            return new DateOnly(year, month, day).DayNumber;
        }

        ReadOnlySpan<byte> OutcomeJno(int column, ReadOnlySpan<byte> value)
        {
            if (!value.IsEmpty && !(value.Length == 1 && "JNO"u8.IndexOf((byte)(value[0] & ~0x20)) >= 0))
            {
                Error(column, value, ValidationRules.V23);
                return default;
            }
            return value;
        }
    }

    private void Reject(ChunkOutput output, int line, string? column, string? value, ValidationRule rule)
    {
        output.RowsRejected++;
        output.Findings.Add(new Finding(_fileName, line, column, value, rule));
    }

    /// <summary>Providers sometimes use the BSN as their own id or put it in a text field: that must not be stored.</summary>
    private static bool ContainsOwnBsn(ReadOnlySpan<byte> value, ReadOnlySpan<byte> bsn) =>
        bsn.Length == 9 && value.Length >= 9 && value.IndexOf(bsn) >= 0;

    private static void WriteUpper(ByteBuffer w, ReadOnlySpan<byte> oneLetter)
    {
        if (!oneLetter.IsEmpty) w.Write((byte)(oneLetter[0] & ~0x20));
    }

    /// <summary>The value as shown in a report: never a BSN (masked), at most 100 characters.</summary>
    private static string? Shown(int column, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return null;
        if (column == CBsn) return "(verborgen: " + value.Length + " tekens)";
        var text = Redaction.NineDigitRuns(Encoding.UTF8.GetString(value));
        return text.Length <= 100 ? text : text[..97] + "...";
    }

    internal static bool TryParseDate(ReadOnlySpan<byte> value, bool allowYearMonth, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (value.Length != 10 && !(allowYearMonth && value.Length == 7)) return false;
        if (!IsDigits(value[..4]) || !IsDigits(value.Slice(5, 2)) || (value.Length == 10 && !IsDigits(value.Slice(8, 2)))) return false;
        if (value[4] != '-' || !Utf8Parser.TryParse(value[..4], out year, out var used) || used != 4) return false;
        if (!Utf8Parser.TryParse(value.Slice(5, 2), out month, out used) || used != 2 || month is < 1 or > 12) return false;
        if (year is < 1900 or > 2100) return false;
        if (value.Length == 7) { day = 1; return true; }
        if (value[7] != '-' || !Utf8Parser.TryParse(value.Slice(8, 2), out day, out used) || used != 2) return false;
        return day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    internal static bool TryParseGemeentecode(ReadOnlySpan<byte> value, out int number)
    {
        number = 0;
        if (value.Length == 6 && (value[0] | 0x20) == 'g' && (value[1] | 0x20) == 'm') value = value[2..];
        return value.Length == 4 && IsDigits(value) && Utf8Parser.TryParse(value, out number, out _);
    }

    private static bool IsDigits(ReadOnlySpan<byte> value) => value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private static bool IsHex(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
            if (!char.IsAsciiHexDigit((char)b)) return false;
        return true;
    }

    private static bool IsAlphanumeric(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
            if (!char.IsAsciiLetterOrDigit((char)b)) return false;
        return true;
    }

    /// <summary>Identifiers: 1–64 bytes without separators, quotes or control characters.</summary>
    private static bool IsIdentifier(ReadOnlySpan<byte> value)
    {
        if (value.Length > 64) return false;
        foreach (var b in value)
            if (b < 0x20 || b == ';' || b == ',' || b == '"' || b == 0x7F) return false;
        return true;
    }

    /// <summary>128-bit hash of (bron, bron_traject_id): two independent FNV-1a 64 passes.</summary>
    internal static UInt128 KeyHash(ReadOnlySpan<byte> bron, ReadOnlySpan<byte> id)
    {
        ulong a = 14695981039346656037UL, b = 0x9E3779B97F4A7C15UL;
        foreach (var x in bron) { a = (a ^ x) * 1099511628211UL; b = (b ^ x) * 0x100000001B3UL + 0x2545F4914F6CDD1DUL; }
        a = (a ^ 0x1F) * 1099511628211UL; b = (b ^ 0x1F) * 0x100000001B3UL + 0x2545F4914F6CDD1DUL;
        foreach (var x in id) { a = (a ^ x) * 1099511628211UL; b = (b ^ x) * 0x100000001B3UL + 0x2545F4914F6CDD1DUL; }
        return new UInt128(a, b);
    }
}
