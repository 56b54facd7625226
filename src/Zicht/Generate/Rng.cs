namespace Zicht.Generate;

/// <summary>
/// xoshiro256** with SplitMix64 seeding: fast, good quality, and (unlike System.Random) stable across
/// .NET versions, so the same seed gives the same data forever.
/// </summary>
internal struct Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
    }

    /// <summary>A seed for stream <paramref name="stream"/> of <paramref name="seed"/> (chunk index, purpose, ...).</summary>
    public static ulong Derive(int seed, long stream, long purpose = 0)
    {
        var x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)purpose * 0x94D049BB133111EBUL;
        return SplitMix(ref x) ^ SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public double NextGaussian()
    {
        // Box–Muller; one value per call keeps the stream simple.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Lognormal with the given median and 90th percentile.</summary>
    public double LogNormal(double median, double p90)
    {
        var sigma = Math.Log(p90 / median) / 1.2815515655446004;
        return median * Math.Exp(sigma * NextGaussian());
    }

    /// <summary>Index drawn from cumulative weights (last element = total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var lo = 0; var hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}

/// <summary>A discrete distribution over indices, built once from weights.</summary>
internal sealed class Weighted
{
    private readonly double[] _cumulative;

    public Weighted(params double[] weights)
    {
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) { sum += weights[i]; _cumulative[i] = sum; }
        if (sum <= 0) throw new ArgumentException("Weights must sum to more than 0.", nameof(weights));
    }

    public int Count => _cumulative.Length;

    public int Draw(ref Rng rng) => rng.Pick(_cumulative);
}
