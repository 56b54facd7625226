using Zicht.Privacy;
using Zicht.Tests.Support;

namespace Zicht.Tests.Privacy;

public class ElfproefTests
{
    [Theory]
    // 111222333: 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 3 = 66 = 6·11
    [InlineData("111222333", true)]
    // 000000061: 2·6 − 1 = 11
    [InlineData("000000061", true)]
    // 111222334: 66 − 1 = 65, not divisible by 11
    [InlineData("111222334", false)]
    // 000000000: the sum is 0; divisible, but no BSN is all zeros
    [InlineData("000000000", false)]
    [InlineData("11122233", false)]
    [InlineData("1112223333", false)]
    [InlineData("11122233a", false)]
    [InlineData("", false)]
    public void Checks_nine_digits_and_the_weighted_sum(string value, bool passes) =>
        Assert.Equal(passes, Bsn.PassesElfproef(value));
}

public class PseudonymTests
{
    [Fact]
    public void Is_hmac_sha256_of_the_digits_under_the_key_in_lower_case_hex()
    {
        // Expected value computed independently (Python: hmac.new(key, b"111222333", hashlib.sha256).hexdigest()).
        var pseudonymiser = new Pseudonymiser(PseudonymKey.FromHex(TempStore.TestKeyHex));
        Assert.Equal("dc4f879438a31c3276f7c426301a65451c08e48fcc748de9aaffa29a17e29eae", pseudonymiser.Pseudonymise("111222333"));
    }

    [Fact]
    public void Same_bsn_and_key_link_and_another_key_does_not()
    {
        var a = new Pseudonymiser(PseudonymKey.FromHex(TempStore.TestKeyHex));
        var b = new Pseudonymiser(PseudonymKey.FromHex(TempStore.TestKeyHex));
        var other = new Pseudonymiser(PseudonymKey.FromHex(new string('0', 64)));
        Assert.Equal(a.Pseudonymise("111222333"), b.Pseudonymise("111222333"));
        Assert.Equal("e028ffed744ddf5416ca3349cc1d17848d505dee5215993f2388076083d3213b", other.Pseudonymise("111222333"));
        Assert.NotEqual(a.Pseudonymise("111222333"), a.Pseudonymise(Fixture.TestBsn(1)));
    }

    [Fact]
    public void Key_file_is_created_once_and_readable_only_by_the_owner()
    {
        using var temp = new TempStore();
        var path = Path.Combine(temp.Folder, "nieuw", "pseudoniem.key");
        var first = new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonymise("111222333");
        var second = new Pseudonymiser(PseudonymKey.LoadOrCreate(path)).Pseudonymise("111222333");
        Assert.Equal(first, second);
        Assert.Equal(64, File.ReadAllText(path).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_short_or_malformed_key_is_refused_with_a_reason()
    {
        Assert.Contains("at least 32", Assert.Throws<InvalidOperationException>(() => PseudonymKey.FromHex("abcd")).Message);
        Assert.Contains("hexadecimal", Assert.Throws<InvalidOperationException>(() => PseudonymKey.FromHex(new string('z', 64))).Message);
    }
}
