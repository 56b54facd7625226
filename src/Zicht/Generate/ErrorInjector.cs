using System.Globalization;

namespace Zicht.Generate;

/// <summary>The kinds of injected error, each with the rule code the validator must report.</summary>
internal enum ErrorKind { BadBsn, UnknownGemeente, EndBeforeStart, MissingField, BadDate, WrongSeparator, StrayQuote, Duplicate }

/// <summary>An error in a chunk, before line numbers are known: file index, row within that file's part of the chunk.</summary>
internal readonly record struct ChunkError(int File, int Row, string Column, string Code);

/// <summary>
/// Turns a clean row into a row with exactly one defect. Each defect is chosen so that no second rule
/// fires: an einddatum before the startdatum keeps its reden_einde, an empty zorgvorm is only made on a
/// row that has an AGB code and a verwijzer (so no zorgvorm-dependent rule can fire), and so on.
/// </summary>
internal sealed class ErrorInjector(RowFormatter formatter)
{
    private const int KindCount = 8;
    private static readonly string[] UnknownGemeenten = ["GM9998", "GM9997", "GM9990"];

    /// <summary>Writes a dirty version of the row; returns the error, or null if a duplicate was asked for but impossible.</summary>
    public (string Column, string Code) Inject(ByteBuffer o, in TrajectoryRow r, in YouthInfo y, ref Rng rng, List<(int Start, int Length)> cleanRowsInFile)
    {
        for (var attempt = 0; ; attempt++)
        {
            var kind = attempt < 8 ? (ErrorKind)rng.Next(KindCount) : ErrorKind.BadBsn;
            if (kind == ErrorKind.Duplicate)
            {
                if (cleanRowsInFile.Count == 0) continue;
                // the row repeats an earlier clean row of this file exactly; the first occurrence stays clean
                var (start, length) = cleanRowsInFile[rng.Next(cleanRowsInFile.Count)];
                o.Repeat(start, length);
                return (Zicht.Ingest.TrajectoryColumns.BronTrajectId, "D01");
            }
            if (kind == ErrorKind.EndBeforeStart && !r.Ended) continue;

            var f = formatter.Fields(r, y);
            var separator = ';';
            string column, code;
            switch (kind)
            {
                case ErrorKind.BadBsn:
                    f[Col.Bsn] = SyntheticBsn.WithWrongCheckDigit(y.Bsn, rng.Next(9)).ToString("D9", CultureInfo.InvariantCulture);
                    (column, code) = (Zicht.Ingest.TrajectoryColumns.Bsn, "V04");
                    break;
                case ErrorKind.UnknownGemeente:
                    f[Col.Gemeentecode] = UnknownGemeenten[rng.Next(UnknownGemeenten.Length)];
                    (column, code) = (Zicht.Ingest.TrajectoryColumns.Gemeentecode, "V10");
                    break;
                case ErrorKind.EndBeforeStart:
                    f[Col.Einddatum] = RowFormatter.Date(r.Start - rng.Between(1, 60));
                    (column, code) = (Zicht.Ingest.TrajectoryColumns.Einddatum, "V19");
                    break;
                case ErrorKind.MissingField:
                {
                    var which = rng.Next(4);
                    if (which == 0 && (f[Col.AanbiederAgb].Length == 0 || f[Col.Verwijzer].Length == 0)) which = 2;
                    var col = which switch { 0 => Col.Zorgvorm, 1 => Col.Startdatum, 2 => Col.Geslacht, _ => Col.Geboortedatum };
                    f[col] = "";
                    (column, code) = (Zicht.Ingest.TrajectoryColumns.All[col], "V01");
                    break;
                }
                case ErrorKind.BadDate:
                {
                    var which = rng.Next(3);
                    if (which == 1 && !r.Ended) which = 0;
                    var col = which switch { 0 => Col.Startdatum, 1 => Col.Einddatum, _ => Col.Aanmelddatum };
                    var day = which switch { 0 => r.Start, 1 => r.End, _ => r.Aanmeld != TrajectoryRow.None ? r.Aanmeld : r.Start };
                    var date = DateOnly.FromDayNumber(day);
                    f[col] = rng.Next(3) switch
                    {
                        0 => $"{date.Year:D4}-02-30",                                           // a day that does not exist
                        1 => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),        // Dutch order instead of ISO
                        _ => $"{date.Year:D4}-13-{date.Day:D2}",                                // month 13
                    };
                    (column, code) = (Zicht.Ingest.TrajectoryColumns.All[col], "V07");
                    break;
                }
                case ErrorKind.WrongSeparator:
                    separator = ',';
                    (column, code) = ("", "S01");
                    break;
                default: // StrayQuote
                {
                    var name = f[Col.AanbiederNaam];
                    var space = name.IndexOf(' ');
                    f[Col.AanbiederNaam] = space > 0 ? name[..space] + " \"" + name[(space + 1)..] : "Zorg \"" + name;
                    (column, code) = ("", "S02");
                    break;
                }
            }
            RowFormatter.WriteFields(o, f, separator);
            return (column, code);
        }
    }
}
