using PdfSharp.Drawing;
using Zicht.Programmes;

namespace Zicht.Reports;

/// <summary>The report as PDF, laid out with <see cref="PdfLayout"/>.</summary>
public sealed class PdfReportRenderer : IProgressReportRenderer
{
    public void Render(ProgressReport r, Stream output)
    {
        using var pdf = new PdfLayout($"{r.Titel} – {r.Ondertitel}");

        pdf.NewPage();
        pdf.MoveTo(PdfLayout.PageHeight * 0.3);
        pdf.Heading(r.Titel, 24, keepWithNext: false);
        pdf.Paragraph(r.Ondertitel, 15);
        pdf.Space(10);
        pdf.Paragraph($"Periode: {DutchDate.Format(r.Periode.Van)} t/m {DutchDate.Format(r.Periode.Tot)}", 10, brush: XBrushes.DimGray);
        pdf.Paragraph($"Gebied: {r.Gebied}", 10, brush: XBrushes.DimGray);
        pdf.Paragraph($"Gemaakt op {DutchDate.Format(r.Gemaakt)}", 10, brush: XBrushes.DimGray);

        pdf.NewPage();
        pdf.Heading("Inleiding", 16);
        pdf.Paragraph(r.Inleiding ?? "Dit programma heeft (nog) geen inleiding.");

        foreach (var line in r.Actielijnen)
        {
            pdf.NewPage();
            pdf.Heading($"Actielijn {line.Nummer}: {line.Titel}", 16);
            if (line.Inzet is { } inzet)
            {
                pdf.Heading("Waar zetten we op in?", 11);
                pdf.Paragraph(inzet);
            }
            if (line.Subdoelen.Count > 0)
            {
                pdf.Heading("Subdoelen", 11);
                foreach (var s in line.Subdoelen) pdf.Paragraph($"{s.Code}. {s.Tekst}", 10);
            }
            pdf.Table([0.28, 0.42, 0.30],
                [ProgressReport.SubdoelKolom, r.MijlpalenKolom, ProgressReport.VervolgstappenKolom],
                line.Rijen.Select(row => new[]
                {
                    (IReadOnlyList<string>)[row.Subdoel],
                    row.Mijlpalen.Count > 0 ? row.Mijlpalen : ["geen mijlpalen in deze periode"],
                    row.Vervolgstappen.Count > 0 ? row.Vervolgstappen : ["geen open vervolgstappen"],
                }));
        }

        if (r.Indicatoren is { } indicators)
        {
            pdf.NewPage();
            pdf.Heading("Indicatoren", 16);
            pdf.Paragraph($"De indicatoren die aan subdoelen en voorstellen van dit programma zijn gekoppeld, voor {r.Gebied}.");
            if (indicators.Count == 0) pdf.Paragraph("Er zijn geen indicatoren gekoppeld.", brush: XBrushes.DimGray);
            foreach (var i in indicators)
            {
                pdf.Heading(i.Naam, 11);
                pdf.Paragraph($"Gekoppeld aan {i.GekoppeldAan}. Laatste waarde: {i.Waarde}{(i.Periode is { } p ? $" ({p})" : "")}.");
                if (i.Reeks.Count >= 2) pdf.Chart(TrendChart.Layout(i.Reeks, 360, 90));
                pdf.Paragraph(i.Benchmark);
            }
        }

        if (r.Plan is { } plan)
        {
            pdf.NewPage();
            pdf.Heading($"Plan versus realisatie {plan.Jaar}", 16);
            pdf.Table([0.46, 0.18, 0.20, 0.16], ["Activiteit", "Doel", "Gerealiseerd", "Percentage"],
                plan.Rijen.Select(row => new[]
                {
                    (IReadOnlyList<string>)[row.Activity.Tekst], [PlanText.Target(row.Activity)], [PlanText.Realised(row.Activity)], [PlanText.Percentage(row)],
                }));
        }

        pdf.NewPage();
        pdf.Heading("Bijlage: Mijlpalenoverzicht", 16);
        pdf.Table([0.58, 0.12, 0.30], [ProgressReport.MijlpaalKolom, ProgressReport.ActielijnKolom, ProgressReport.WanneerKolom],
            r.Mijlpalenoverzicht.Select(row => new[] { (IReadOnlyList<string>)[row.Mijlpaal], [row.Actielijn], [row.Wanneer] }));

        pdf.Save(output);
    }
}
