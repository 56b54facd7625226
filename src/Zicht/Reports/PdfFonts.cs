using PdfSharp.Fonts;

namespace Zicht.Reports;

/// <summary>The PDF font could not be found; the message says which package to install.</summary>
public sealed class PdfFontMissingException(string message) : Exception(message);

/// <summary>
/// PDFsharp 6 finds no fonts by itself on Linux: this resolver hands it the DejaVu Sans (or Liberation
/// Sans) files that Debian's fonts-dejavu-core / fonts-liberation2 install. $ZICHT_FONT_DIR overrides
/// the folders searched.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Zicht Sans";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ];

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
    ];

    private static readonly object Gate = new();
    private static PdfFonts? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private PdfFonts(byte[] regular, byte[] bold) { _regular = regular; _bold = bold; }

    /// <summary>Installs the resolver once per process (PDFsharp keeps it in a global setting).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed is not null) return;
            SelectLicense();
            var folders = Environment.GetEnvironmentVariable("ZICHT_FONT_DIR") is { Length: > 0 } custom ? [custom, .. Folders] : Folders;
            foreach (var folder in folders)
                foreach (var (regular, bold) in Candidates)
                {
                    var r = Path.Combine(folder, regular);
                    var b = Path.Combine(folder, bold);
                    if (!File.Exists(r) || !File.Exists(b)) continue;
                    _installed = new PdfFonts(File.ReadAllBytes(r), File.ReadAllBytes(b));
                    GlobalFontSettings.FontResolver = _installed;
                    return;
                }
            throw new PdfFontMissingException(
                "Geen lettertype gevonden voor PDF-rapporten (DejaVu Sans of Liberation Sans). Installeer er een met " +
                "'apt-get install fonts-dejavu-core' of wijs met ZICHT_FONT_DIR een map met DejaVuSans.ttf en DejaVuSans-Bold.ttf aan. " +
                "HTML- en Word-rapporten werken ook zonder.");
        }
    }

    /// <summary>
    /// PDFsharp 6.5 is published under AGPL-3.0-only (or a commercial licence) and refuses to create a
    /// document until one is chosen. Without $ZICHT_PDFSHARP_LICENSE (a commercial key) this selects the
    /// AGPL licence: that is a licensing decision for the whole project, flagged for the maintainers.
    /// </summary>
    private static void SelectLicense()
    {
        if (Environment.GetEnvironmentVariable("ZICHT_PDFSHARP_LICENSE") is { Length: > 0 } key) PdfSharp.PdfSharpLicense.LoadLicense(key);
        else PdfSharp.PdfSharpLicense.SetAgplLicense();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "zicht-bold" : "zicht-regular");

    public byte[]? GetFont(string faceName) => faceName == "zicht-bold" ? _bold : _regular;
}
