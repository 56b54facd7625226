using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Zicht.Programmes;

/// <summary>
/// Writes a programme in the file format that <see cref="ProgrammeFileReader"/> reads, in the same
/// field order as docs/programmas.md, with long texts as literal blocks so people can edit them.
/// </summary>
public sealed class ProgrammeFileWriter
{
    public string Write(Programme programme)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: 100);
        var e = new Events(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        e.Begin();
        e.Field("id", programme.Id);
        e.Field("naam", programme.Naam);
        e.Key("gebied");
        e.Begin(flow: true);
        e.Field("niveau", programme.Gebied.Niveau);
        e.Field("code", programme.Gebied.Code);
        e.End();
        e.Field("inleiding", programme.Inleiding);

        e.List("actielijnen", programme.Actielijnen, line =>
        {
            e.Field("nummer", line.Nummer);
            e.Field("titel", line.Titel);
            e.Field("inzet", line.Inzet);
            e.List("subdoelen", line.Subdoelen, sub =>
            {
                e.Field("letter", sub.Letter);
                e.Field("tekst", sub.Tekst);
                e.Texts("indicatoren", sub.Indicatoren);
            });
        });
        e.List("voorstellen", programme.Voorstellen, p =>
        {
            e.Field("nummer", p.Nummer);
            e.Field("actielijn", p.Actielijn);
            e.Field("titel", p.Titel);
            e.Field("doel", p.Doel);
            e.Field("aanpak", p.Aanpak);
            e.Field("betrokkenen", p.Betrokkenen);
            e.Field("monitoring", p.Monitoring);
            e.Field("verbinding", p.Verbinding);
            e.Field("kennisdeling", p.Kennisdeling);
            e.Field("eindproduct", p.Eindproduct);
            if (p.BudgetEuro is { } budget) e.Field("budget", budget.ToString(CultureInfo.InvariantCulture));
            e.Texts("indicatoren", p.Indicatoren);
        });
        e.List("perioden", programme.Perioden, p =>
        {
            e.Field("code", p.Code);
            e.Field("naam", p.Naam);
            e.Field("van", p.Van.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            e.Field("tot", p.Tot.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            e.Field("editie", p.Editie == Editie.Voorjaar ? "voorjaar" : "najaar");
        });
        e.List("mijlpalen", programme.Mijlpalen, m =>
        {
            e.Field("tekst", m.Tekst);
            e.Key("actielijnen");
            e.Numbers(m.Actielijnen);
            e.Field("subdoel", m.Subdoel);
            e.Field("periode", m.Periode);
            e.Field("datum", m.Datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            e.Field("status", m.Status.ToString().ToLowerInvariant());
            e.Field("link", m.Link);
        });
        e.List("vervolgstappen", programme.Vervolgstappen, s =>
        {
            e.Field("tekst", s.Tekst);
            e.Field("subdoel", s.Subdoel);
            e.Field("kwartaal", s.Kwartaal);
            e.Field("gereed", s.Gereed ? "ja" : "nee");
        });
        e.List("activiteiten", programme.Activiteiten, a =>
        {
            e.Field("tekst", a.Tekst);
            if (a.Actielijn is { } n) e.Field("actielijn", n);
            e.Field("jaar", a.Jaar);
            e.Field("doel", a.Doel.ToString("R", CultureInfo.InvariantCulture));
            e.Field("gerealiseerd", a.Gerealiseerd?.ToString("R", CultureInfo.InvariantCulture));
            e.Field("eenheid", a.Eenheid);
        });
        e.End();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private sealed class Events(IEmitter emitter)
    {
        public void Begin(bool flow = false) =>
            emitter.Emit(new MappingStart(null, null, true, flow ? MappingStyle.Flow : MappingStyle.Block));

        public void End() => emitter.Emit(new MappingEnd());

        public void Key(string key) => emitter.Emit(new Scalar(key));

        public void Field(string key, int value) => Field(key, value.ToString(CultureInfo.InvariantCulture));

        public void Field(string key, string? value)
        {
            if (value is null) return;
            Key(key);
            // Multi-line text as a literal block (|); everything else plain or quoted as the emitter sees fit.
            var style = value.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.Any;
            emitter.Emit(new Scalar(null, null, value, style, true, true));
        }

        public void Texts(string key, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            Key(key);
            emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
            foreach (var v in values) emitter.Emit(new Scalar(v));
            emitter.Emit(new SequenceEnd());
        }

        public void Numbers(IReadOnlyList<int> values)
        {
            emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
            foreach (var v in values) emitter.Emit(new Scalar(v.ToString(CultureInfo.InvariantCulture)));
            emitter.Emit(new SequenceEnd());
        }

        public void List<T>(string key, IReadOnlyList<T> items, Action<T> write)
        {
            if (items.Count == 0) return;
            Key(key);
            emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
            foreach (var item in items)
            {
                Begin();
                write(item);
                End();
            }
            emitter.Emit(new SequenceEnd());
        }
    }
}
