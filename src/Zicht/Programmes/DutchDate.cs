namespace Zicht.Programmes;

/// <summary>
/// Dates as Dutch readers write them ("15 juni 2020"). Month names are spelled out here rather than
/// taken from the nl-NL culture, so reports read the same on machines without ICU culture data.
/// </summary>
public static class DutchDate
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"2021Q1" as "1e kwartaal 2021"; anything else unchanged.</summary>
    public static string Quarter(string? kwartaal) =>
        kwartaal is { Length: 6 } q && q[4] == 'Q' ? $"{q[5]}e kwartaal {q[..4]}" : kwartaal ?? "";

    /// <summary>A number the Dutch way: 1.234,5 (decimal comma, dot for thousands).</summary>
    public static string Number(double value, int decimals = 1)
    {
        var text = Math.Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), System.Globalization.CultureInfo.InvariantCulture);
        return text.Replace(',', '_').Replace('.', ',').Replace('_', '.');
    }
}
