using System.Globalization;
using System.Net;
using System.Text;
using Zicht.Programmes;

namespace Zicht.Reports;

/// <summary>
/// The report as one self-contained, printable HTML page: print CSS repeats table headers on every
/// printed page (thead as table-header-group), numbers pages, and trend charts are inline SVG.
/// </summary>
public sealed class HtmlReportRenderer : IProgressReportRenderer
{
    private const string Css = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; line-height: 1.4; }
        h1 { font-size: 22pt; margin-bottom: .2em; } h2 { font-size: 15pt; margin-top: 2em; border-bottom: 2px solid #1f4e79; color: #1f4e79; } h3 { font-size: 12pt; }
        .titelpagina { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
        .titelpagina .ondertitel { font-size: 15pt; } .titelpagina .meta { color: #555; }
        table { border-collapse: collapse; width: 100%; margin: .8em 0; }
        th, td { border: 1px solid #9aa; padding: 4px 6px; vertical-align: top; text-align: left; }
        th { background: #dde7f0; }
        td ul { margin: 0; padding-left: 1.1em; }
        td.getal, th.getal { text-align: right; }
        .geen-gegevens { color: #777; font-style: italic; }
        .indicator { page-break-inside: avoid; margin-bottom: 1em; }
        @page { size: A4; margin: 2cm 1.8cm; @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font-size: 9pt; } }
        @media print {
          body { margin: 0; max-width: none; }
          .titelpagina { page-break-after: always; min-height: 90vh; }
          h2 { page-break-after: avoid; } .actielijn, .bijlage { page-break-before: always; }
          thead { display: table-header-group; } tr { page-break-inside: avoid; }
        }
        """;

    public void Render(ProgressReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Build(report));
    }

    public string Build(ProgressReport r)
    {
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(E(r.Titel)).Append(" – ").Append(E(r.Ondertitel))
            .Append("</title><style>").Append(Css).Append("</style></head><body>\n");
        h.Append("<section class=\"titelpagina\"><h1>").Append(E(r.Titel)).Append("</h1><p class=\"ondertitel\">").Append(E(r.Ondertitel))
            .Append("</p><p class=\"meta\">Periode: ").Append(E(DutchDate.Format(r.Periode.Van))).Append(" t/m ").Append(E(DutchDate.Format(r.Periode.Tot)))
            .Append("<br>Gebied: ").Append(E(r.Gebied)).Append("<br>Gemaakt op ").Append(E(DutchDate.Format(r.Gemaakt))).Append("</p></section>\n");

        h.Append("<section><h2>Inleiding</h2>");
        Paragraphs(h, r.Inleiding ?? "Dit programma heeft (nog) geen inleiding.");
        h.Append("</section>\n");

        foreach (var line in r.Actielijnen)
        {
            h.Append("<section class=\"actielijn\"><h2>Actielijn ").Append(line.Nummer).Append(": ").Append(E(line.Titel)).Append("</h2>");
            if (line.Inzet is { } inzet) { h.Append("<h3>Waar zetten we op in?</h3>"); Paragraphs(h, inzet); }
            if (line.Subdoelen.Count > 0)
            {
                h.Append("<h3>Subdoelen</h3><ul>");
                foreach (var s in line.Subdoelen) h.Append("<li><strong>").Append(E(s.Code)).Append("</strong> ").Append(E(s.Tekst)).Append("</li>");
                h.Append("</ul>");
            }
            h.Append("<table class=\"voortgang\"><thead><tr><th style=\"width:28%\">").Append(ProgressReport.SubdoelKolom).Append("</th><th>")
                .Append(E(r.MijlpalenKolom)).Append("</th><th style=\"width:30%\">").Append(ProgressReport.VervolgstappenKolom).Append("</th></tr></thead><tbody>");
            foreach (var row in line.Rijen)
            {
                h.Append("<tr><td>").Append(E(row.Subdoel)).Append("</td><td>");
                Items(h, row.Mijlpalen, "geen mijlpalen in deze periode");
                h.Append("</td><td>");
                Items(h, row.Vervolgstappen, "geen open vervolgstappen");
                h.Append("</td></tr>");
            }
            h.Append("</tbody></table></section>\n");
        }

        if (r.Indicatoren is { } indicators)
        {
            h.Append("<section class=\"indicatoren\"><h2>Indicatoren</h2><p>De indicatoren die aan subdoelen en voorstellen van dit programma zijn gekoppeld, voor ")
                .Append(E(r.Gebied)).Append(".</p>");
            if (indicators.Count == 0) h.Append("<p class=\"geen-gegevens\">Er zijn geen indicatoren gekoppeld.</p>");
            foreach (var i in indicators)
            {
                h.Append("<div class=\"indicator\"><h3>").Append(E(i.Naam)).Append("</h3><p>Gekoppeld aan ").Append(E(i.GekoppeldAan)).Append(". Laatste waarde: <strong")
                    .Append(i.Periode is null ? " class=\"geen-gegevens\"" : "").Append('>').Append(E(i.Waarde)).Append("</strong>")
                    .Append(i.Periode is { } p ? $" ({E(p)})" : "").Append(".</p>");
                if (i.Reeks.Count >= 2) h.Append(Svg(i.Reeks));
                h.Append("<p>").Append(E(i.Benchmark)).Append("</p></div>");
            }
            h.Append("</section>\n");
        }

        if (r.Plan is { } plan)
        {
            h.Append("<section><h2>Plan versus realisatie ").Append(plan.Jaar).Append("</h2><table><thead><tr><th>Activiteit</th><th class=\"getal\">Doel</th><th class=\"getal\">Gerealiseerd</th><th class=\"getal\">Percentage</th></tr></thead><tbody>");
            foreach (var row in plan.Rijen)
                h.Append("<tr><td>").Append(E(row.Activity.Tekst)).Append("</td><td class=\"getal\">").Append(E(PlanText.Target(row.Activity)))
                    .Append("</td><td class=\"getal\">").Append(E(PlanText.Realised(row.Activity))).Append("</td><td class=\"getal\">").Append(E(PlanText.Percentage(row)))
                    .Append("</td></tr>");
            h.Append("</tbody></table></section>\n");
        }

        h.Append("<section class=\"bijlage\"><h2>Bijlage: Mijlpalenoverzicht</h2><table class=\"mijlpalen\"><thead><tr><th>").Append(ProgressReport.MijlpaalKolom)
            .Append("</th><th style=\"width:12%\">").Append(ProgressReport.ActielijnKolom).Append("</th><th style=\"width:28%\">").Append(ProgressReport.WanneerKolom)
            .Append("</th></tr></thead><tbody>");
        foreach (var row in r.Mijlpalenoverzicht)
            h.Append("<tr><td>").Append(row.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? $"<a href=\"{E(link)}\">{E(row.Mijlpaal)}</a>" : E(row.Mijlpaal)).Append("</td><td>").Append(E(row.Actielijn)).Append("</td><td>").Append(E(row.Wanneer)).Append("</td></tr>\n");
        h.Append("</tbody></table></section>\n</body></html>\n");
        return h.ToString();
    }

    private static void Paragraphs(StringBuilder h, string text)
    {
        foreach (var p in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            h.Append("<p>").Append(E(p).Replace("\n", "<br>")).Append("</p>");
    }

    private static void Items(StringBuilder h, IReadOnlyList<string> items, string none)
    {
        if (items.Count == 0) { h.Append("<span class=\"geen-gegevens\">").Append(none).Append("</span>"); return; }
        h.Append("<ul>");
        foreach (var item in items) h.Append("<li>").Append(E(item)).Append("</li>");
        h.Append("</ul>");
    }

    /// <summary>A small line chart: hand-drawn SVG, so the page needs no script and prints as it shows.</summary>
    private static string Svg(IReadOnlyList<IndicatorPoint> points)
    {
        const double width = 420, height = 140, left = 48, right = 12, top = 10, bottom = 26;
        var chart = TrendChart.Layout(points, width - left - right, height - top - bottom);
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"trend\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"9\">");
        s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + chart.Height}\" x2=\"{left + chart.Width}\" y2=\"{top + chart.Height}\" stroke=\"#888\"/>");
        s.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{top + 8}\" text-anchor=\"end\">{E(chart.MaxLabel)}</text><text x=\"{left - 4}\" y=\"{top + chart.Height}\" text-anchor=\"end\">{E(chart.MinLabel)}</text>");
        s.Append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"");
        foreach (var (x, y, _) in chart.Points) s.Append(CultureInfo.InvariantCulture, $"{left + x:0.#},{top + y:0.#} ");
        s.Append("\"/>");
        foreach (var (x, y, label) in chart.Points)
            s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{left + x:0.#}\" cy=\"{top + y:0.#}\" r=\"2.5\" fill=\"#1f4e79\"/><text x=\"{left + x:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\">{E(label)}</text>");
        s.Append("</svg>");
        return s.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>Plan versus realisatie cells as all three formats write them.</summary>
public static class PlanText
{
    public static string Target(ProgrammeActivity a) => DutchDate.Number(a.Doel) + Unit(a.Eenheid);
    public static string Realised(ProgrammeActivity a) => a.Gerealiseerd is { } v ? DutchDate.Number(v) + Unit(a.Eenheid) : "nog niet bekend";
    private static string Unit(string? eenheid) => eenheid switch { null or "" => "", "%" => "%", var u => " " + u };
    public static string Percentage(PlanRow row) => row.Percentage is { } p ? DutchDate.Number(p, 0) + "%" : "–";
}

/// <summary>Where the points of a trend chart go, shared by the SVG and the PDF drawing.</summary>
public sealed record TrendChart(double Width, double Height, IReadOnlyList<(double X, double Y, string Label)> Points, string MinLabel, string MaxLabel)
{
    public static TrendChart Layout(IReadOnlyList<IndicatorPoint> series, double width, double height)
    {
        var values = series.Select(p => p.Waarde!.Value).ToList();
        var min = Math.Min(0, values.Min());
        var max = values.Max();
        if (max <= min) max = min + 1;
        var step = series.Count > 1 ? width / (series.Count - 1) : 0;
        var points = series.Select((p, i) => (i * step, height - (p.Waarde!.Value - min) / (max - min) * height, p.Periode)).ToList();
        return new TrendChart(width, height, points, DutchDate.Number(min), DutchDate.Number(max));
    }
}
