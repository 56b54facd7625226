namespace Zicht.Reports;

/// <summary>Picks the renderer for a format: the one entry point the CLI and the web use.</summary>
public static class ProgressReportWriter
{
    public static IProgressReportRenderer For(ReportFormat format) => format switch
    {
        ReportFormat.Html => new HtmlReportRenderer(),
        ReportFormat.Pdf => new PdfReportRenderer(),
        ReportFormat.Docx => new DocxReportRenderer(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => ".html",
        ReportFormat.Pdf => ".pdf",
        _ => ".docx",
    };

    public static bool TryParse(string text, out ReportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(text, out _);
}
