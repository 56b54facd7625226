using System.Text.Json;
using DuckDB.NET.Data;

namespace Zicht.Programmes;

/// <summary>A programme in the store, for lists and overviews.</summary>
public sealed record ProgrammeSummary(string Id, string Naam, Gebied Gebied, int Actielijnen, int Mijlpalen, DateTime? LaatstGewijzigd);

/// <summary>One entry of a programme's change log.</summary>
public sealed record ProgrammeChange(string ProgrammaId, DateTime Wanneer, string Door, string Wat);

/// <summary>Refused because the programme does not hang together; the errors say why.</summary>
public sealed class ProgrammeInvalidException(IReadOnlyList<ProgrammeFileError> errors)
    : Exception("Het programma is niet opgeslagen:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<ProgrammeFileError> Errors { get; } = errors;
}

/// <summary>
/// Stores programmes in the Zicht DuckDB store (tables programma_*), on a connection it is given so
/// the caller decides how the store is opened. Every write replaces the programme's rows in one
/// transaction and adds a line to the change log (programma_wijziging) with who and when.
/// </summary>
public sealed class ProgrammeStore
{
    private readonly DuckDBConnection _connection;
    private readonly ProgrammeValidator _validator;
    private readonly TimeProvider _clock;

    /// <summary>Test seam: called before each table is written, so a test can fail a save half-way.</summary>
    internal Action<string>? BeforeWriting { get; set; }

    public ProgrammeStore(DuckDBConnection connection, IIndicatorCatalogue catalogue, TimeProvider? clock = null)
    {
        _connection = connection;
        _validator = new ProgrammeValidator(catalogue);
        _clock = clock ?? TimeProvider.System;
        EnsureSchema();
    }

    private void EnsureSchema()
    {
        using var stream = typeof(ProgrammeStore).Assembly.GetManifestResourceStream("Zicht.Programmes.programmes_schema.sql")
            ?? throw new InvalidOperationException("programmes_schema.sql is not embedded in Zicht.dll; rebuild the project.");
        Execute(new StreamReader(stream).ReadToEnd());
    }

    public IReadOnlyList<ProgrammeSummary> List()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT kop.programma_id, kop.naam, kop.gebied_niveau, kop.gebied_code,
                   (SELECT count(*) FROM programma_actielijn a WHERE a.programma_id = kop.programma_id),
                   (SELECT count(*) FROM programma_mijlpaal m WHERE m.programma_id = kop.programma_id),
                   (SELECT max(w.wanneer) FROM programma_wijziging w WHERE w.programma_id = kop.programma_id)
            FROM programma_kop kop
            ORDER BY kop.programma_id
            """;
        using var reader = command.ExecuteReader();
        var list = new List<ProgrammeSummary>();
        while (reader.Read())
            list.Add(new ProgrammeSummary(reader.GetString(0), reader.GetString(1), new Gebied(reader.GetString(2), reader.GetString(3)),
                Convert.ToInt32(reader.GetValue(4)), Convert.ToInt32(reader.GetValue(5)), reader.IsDBNull(6) ? null : reader.GetDateTime(6)));
        return list;
    }

    public bool Exists(string id) => Scalar("SELECT count(*) FROM programma_kop WHERE programma_id = ?", id) is long n && n > 0;

    /// <summary>Saves a whole programme (new or replacing the stored one) after validating it.</summary>
    public void Save(Programme programme, string door, string? wat = null)
    {
        var errors = _validator.Validate(programme);
        if (errors.Count > 0) throw new ProgrammeInvalidException(errors);
        var previous = Load(programme.Id);
        wat ??= previous is null ? $"aangemaakt: {Describe(programme)}" : $"vervangen: {Difference(previous, programme)}";
        Write(programme, door, wat);
    }

    public Programme? Load(string id)
    {
        try { return LoadRows(id); }
        finally { DisposeQueries(); }
    }

    private Programme? LoadRows(string id)
    {
        using var kop = Query("SELECT naam, gebied_niveau, gebied_code, inleiding FROM programma_kop WHERE programma_id = ?", id);
        if (!kop.Read()) return null;
        var naam = kop.GetString(0);
        var gebied = new Gebied(kop.GetString(1), kop.GetString(2));
        var inleiding = Text(kop, 3);

        var links = new List<(string Soort, string Verwijzing, string Indicator)>();
        using (var r = Query("SELECT soort, verwijzing, indicator_id FROM programma_indicator WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read()) links.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        IReadOnlyList<string> Linked(string soort, string verwijzing) =>
            links.Where(l => l.Soort == soort && l.Verwijzing == verwijzing).Select(l => l.Indicator).ToList();

        var subdoelen = new List<SubGoal>();
        using (var r = Query("SELECT actielijn, letter, tekst FROM programma_subdoel WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read())
            {
                var line = r.GetInt32(0);
                var letter = r.GetString(1);
                subdoelen.Add(new SubGoal(line, letter, r.GetString(2), Linked("subdoel", $"{line}{letter}")));
            }

        var actielijnen = new List<ActionLine>();
        using (var r = Query("SELECT nummer, titel, inzet FROM programma_actielijn WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read())
            {
                var nummer = r.GetInt32(0);
                actielijnen.Add(new ActionLine(nummer, r.GetString(1), Text(r, 2), subdoelen.Where(s => s.Actielijn == nummer).ToList()));
            }

        var voorstellen = new List<Proposal>();
        using (var r = Query("""
            SELECT nummer, actielijn, titel, doel, aanpak, betrokkenen, monitoring, verbinding, kennisdeling, eindproduct, budget_euro
            FROM programma_voorstel WHERE programma_id = ? ORDER BY volgorde
            """, id))
            while (r.Read())
            {
                var nummer = r.GetInt32(0);
                voorstellen.Add(new Proposal(nummer, r.GetInt32(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
                    Text(r, 8), Text(r, 9), r.IsDBNull(10) ? null : r.GetDecimal(10), Linked("voorstel", nummer.ToString())));
            }

        var perioden = new List<ReportingPeriod>();
        using (var r = Query("SELECT code, naam, van, tot, editie FROM programma_periode WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read())
                perioden.Add(new ReportingPeriod(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3),
                    r.GetString(4) == "voorjaar" ? Editie.Voorjaar : Editie.Najaar));

        var milestoneLines = new Dictionary<int, List<int>>();
        using (var r = Query("SELECT mijlpaal, actielijn FROM programma_mijlpaal_actielijn WHERE programma_id = ? ORDER BY mijlpaal, volgorde", id))
            while (r.Read())
            {
                var m = r.GetInt32(0);
                if (!milestoneLines.TryGetValue(m, out var list)) milestoneLines[m] = list = [];
                list.Add(r.GetInt32(1));
            }

        var mijlpalen = new List<Milestone>();
        using (var r = Query("SELECT volgorde, tekst, subdoel, periode, datum, status, link FROM programma_mijlpaal WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read())
                mijlpalen.Add(new Milestone(r.GetString(1), milestoneLines.GetValueOrDefault(r.GetInt32(0)) ?? [], Text(r, 2), Text(r, 3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), Enum.Parse<MilestoneStatus>(r.GetString(5), ignoreCase: true), Text(r, 6)));

        var vervolgstappen = new List<NextStep>();
        using (var r = Query("SELECT tekst, subdoel, kwartaal, gereed FROM programma_vervolgstap WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read()) vervolgstappen.Add(new NextStep(r.GetString(0), r.GetString(1), Text(r, 2), r.GetBoolean(3)));

        var activiteiten = new List<ProgrammeActivity>();
        using (var r = Query("SELECT tekst, actielijn, jaar, doel, gerealiseerd, eenheid FROM programma_activiteit WHERE programma_id = ? ORDER BY volgorde", id))
            while (r.Read())
                activiteiten.Add(new ProgrammeActivity(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetInt32(2), r.GetDouble(3),
                    r.IsDBNull(4) ? null : r.GetDouble(4), Text(r, 5)));

        return new Programme(id, naam, gebied, inleiding, actielijnen, voorstellen, perioden, mijlpalen, vervolgstappen, activiteiten);
    }

    public IReadOnlyList<ProgrammeChange> Changes(string id)
    {
        try { return ChangeRows(id); }
        finally { DisposeQueries(); }
    }

    private List<ProgrammeChange> ChangeRows(string id)
    {
        using var r = Query("SELECT programma_id, wanneer, door, wat FROM programma_wijziging WHERE programma_id = ? ORDER BY wanneer, rowid", id);
        var list = new List<ProgrammeChange>();
        while (r.Read()) list.Add(new ProgrammeChange(r.GetString(0), r.GetDateTime(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    // ---- small edits, as the editing forms will make them ----

    public void AddMilestone(string id, Milestone milestone, string door) =>
        Edit(id, door, p => p with { Mijlpalen = [.. p.Mijlpalen, milestone] }, $"mijlpaal toegevoegd: {milestone.Tekst}");

    /// <summary>Marks next step number <paramref name="index"/> (0-based, file order) done or not done.</summary>
    public void SetNextStepDone(string id, int index, bool gereed, string door) =>
        Edit(id, door, p =>
        {
            var steps = p.Vervolgstappen.ToList();
            steps[index] = steps[index] with { Gereed = gereed };
            return p with { Vervolgstappen = steps };
        }, $"vervolgstap {index + 1} {(gereed ? "gereed" : "weer open")}");

    /// <summary>Records what activity number <paramref name="index"/> (0-based) realised.</summary>
    public void SetRealised(string id, int index, double? gerealiseerd, string door) =>
        Edit(id, door, p =>
        {
            var activities = p.Activiteiten.ToList();
            activities[index] = activities[index] with { Gerealiseerd = gerealiseerd };
            return p with { Activiteiten = activities };
        }, $"realisatie activiteit {index + 1}: {gerealiseerd?.ToString() ?? "leeg"}");

    public void Delete(string id, string door)
    {
        using var transaction = _connection.BeginTransaction();
        DeleteRows(id);
        Log(id, door, "verwijderd");
        transaction.Commit();
    }

    private void Edit(string id, string door, Func<Programme, Programme> change, string wat)
    {
        var current = Load(id) ?? throw new KeyNotFoundException($"Programma '{id}' bestaat niet.");
        var changed = change(current);
        var errors = _validator.Validate(changed);
        if (errors.Count > 0) throw new ProgrammeInvalidException(errors);
        Write(changed, door, wat);
    }

    private void Write(Programme p, string door, string wat)
    {
        using var transaction = _connection.BeginTransaction();
        try
        {
            DeleteRows(p.Id);
            Before("programma_kop");
            Insert("programma_kop", p.Id, p.Naam, p.Gebied.Niveau, p.Gebied.Code, p.Inleiding);
            Before("programma_actielijn");
            var order = 0;
            foreach (var line in p.Actielijnen) Insert("programma_actielijn", p.Id, line.Nummer, line.Titel, line.Inzet, order++);
            Before("programma_subdoel");
            order = 0;
            var linkOrder = 0;
            foreach (var sub in p.Actielijnen.SelectMany(a => a.Subdoelen))
            {
                Insert("programma_subdoel", p.Id, sub.Actielijn, sub.Letter, sub.Tekst, order++);
                foreach (var indicator in sub.Indicatoren) Insert("programma_indicator", p.Id, "subdoel", sub.Code, indicator, linkOrder++);
            }
            Before("programma_voorstel");
            order = 0;
            foreach (var v in p.Voorstellen)
            {
                Insert("programma_voorstel", p.Id, v.Nummer, v.Actielijn, v.Titel, v.Doel, v.Aanpak, v.Betrokkenen, v.Monitoring, v.Verbinding,
                    v.Kennisdeling, v.Eindproduct, v.BudgetEuro, order++);
                foreach (var indicator in v.Indicatoren) Insert("programma_indicator", p.Id, "voorstel", v.Nummer.ToString(), indicator, linkOrder++);
            }
            Before("programma_periode");
            order = 0;
            foreach (var period in p.Perioden)
                Insert("programma_periode", p.Id, period.Code, period.Naam, period.Van, period.Tot, period.Editie == Editie.Voorjaar ? "voorjaar" : "najaar", order++);
            Before("programma_mijlpaal");
            order = 0;
            foreach (var m in p.Mijlpalen)
            {
                Insert("programma_mijlpaal", p.Id, order, m.Tekst, m.Subdoel, m.Periode, m.Datum, m.Status.ToString().ToLowerInvariant(), m.Link);
                for (var i = 0; i < m.Actielijnen.Count; i++) Insert("programma_mijlpaal_actielijn", p.Id, order, m.Actielijnen[i], i);
                order++;
            }
            Before("programma_vervolgstap");
            order = 0;
            foreach (var s in p.Vervolgstappen) Insert("programma_vervolgstap", p.Id, order++, s.Tekst, s.Subdoel, s.Kwartaal, s.Gereed);
            Before("programma_activiteit");
            order = 0;
            foreach (var a in p.Activiteiten) Insert("programma_activiteit", p.Id, order++, a.Tekst, a.Actielijn, a.Jaar, a.Doel, a.Gerealiseerd, a.Eenheid);
            Log(p.Id, door, wat);
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
        finally
        {
            foreach (var command in _inserts.Values) command.Dispose();
            _inserts.Clear();
        }
    }

    private void Before(string table) => BeforeWriting?.Invoke(table);

    private void DeleteRows(string id)
    {
        foreach (var table in new[] { "programma_kop", "programma_actielijn", "programma_subdoel", "programma_voorstel", "programma_indicator",
                     "programma_periode", "programma_mijlpaal", "programma_mijlpaal_actielijn", "programma_vervolgstap", "programma_activiteit" })
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE programma_id = ?";
            command.Parameters.Add(new DuckDBParameter(id));
            command.ExecuteNonQuery();
        }
    }

    private void Log(string id, string door, string wat) =>
        Insert("programma_wijziging", id, _clock.GetUtcNow().UtcDateTime, door, wat);

    private readonly Dictionary<string, DuckDBCommand> _inserts = new();

    private void Insert(string table, params object?[] values)
    {
        // One prepared command per table per save: a programme with 500 milestones is 1,000+ rows.
        if (!_inserts.TryGetValue(table, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", values.Select(_ => "?"))})";
            _inserts[table] = command;
        }
        command.Parameters.Clear();
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    // Commands behind open readers, disposed when the public read method is done with them.
    private readonly List<DuckDBCommand> _queries = new();

    private void DisposeQueries()
    {
        foreach (var command in _queries) command.Dispose();
        _queries.Clear();
    }

    private DuckDBDataReader Query(string sql, params object[] values)
    {
        var command = _connection.CreateCommand();
        _queries.Add(command);
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        return command.ExecuteReader();
    }

    private object? Scalar(string sql, params object[] values)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Text(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Describe(Programme p) =>
        $"{p.Actielijnen.Count} actielijnen, {p.Voorstellen.Count} voorstellen, {p.Perioden.Count} perioden, " +
        $"{p.Mijlpalen.Count} mijlpalen, {p.Vervolgstappen.Count} vervolgstappen, {p.Activiteiten.Count} activiteiten";

    /// <summary>What a replacement changed, counted per part, so the log says more than "imported".</summary>
    private static string Difference(Programme before, Programme after)
    {
        var parts = new List<string>();
        void Compare<T>(string name, IEnumerable<T> old, IEnumerable<T> @new)
        {
            var oldKeys = old.Select(x => JsonSerializer.Serialize(x)).ToList();
            var newKeys = @new.Select(x => JsonSerializer.Serialize(x)).ToList();
            var added = newKeys.Except(oldKeys).Count();
            var removed = oldKeys.Except(newKeys).Count();
            if (added + removed > 0) parts.Add($"{name} +{added} -{removed}");
        }
        if (before.Naam != after.Naam || before.Gebied != after.Gebied || before.Inleiding != after.Inleiding) parts.Add("kop gewijzigd");
        Compare("actielijnen", before.Actielijnen, after.Actielijnen);
        Compare("voorstellen", before.Voorstellen, after.Voorstellen);
        Compare("perioden", before.Perioden, after.Perioden);
        Compare("mijlpalen", before.Mijlpalen, after.Mijlpalen);
        Compare("vervolgstappen", before.Vervolgstappen, after.Vervolgstappen);
        Compare("activiteiten", before.Activiteiten, after.Activiteiten);
        return parts.Count == 0 ? "geen inhoudelijke wijzigingen" : string.Join("; ", parts);
    }
}
