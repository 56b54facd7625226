namespace Zicht.Generate;

/// <summary>The zorgvormen of format v1 as small integers, in the order of the reference list.</summary>
internal static class Zv
{
    public const int Wijkteam = 0, Ambulant = 1, Daghulp = 2, Pleegzorg = 3, Gezinshuis = 4, Residentieel = 5,
        Gesloten = 6, Ots = 7, Voogdij = 8, Drang = 9, Jr = 10, Count = 11;

    public static readonly string[] Codes =
    [
        "JH_WIJKTEAM", "JH_AMBULANT", "JH_DAGHULP", "JV_PLEEGZORG", "JV_GEZINSHUIS", "JV_RESIDENTIEEL",
        "JV_GESLOTEN", "JB_OTS", "JB_VOOGDIJ", "JB_DRANG", "JR",
    ];

    public static bool IsVerblijf(int zv) => zv is >= Pleegzorg and <= Gesloten;
    public static bool IsJeugdhulp(int zv) => zv <= Gesloten;
    public static bool IsJustice(int zv) => zv >= Ots;
}
