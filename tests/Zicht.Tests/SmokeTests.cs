using Zicht.Reference;

namespace Zicht.Tests;

public class ReferenceDataTests
{
    [Fact]
    public void Ships_the_342_municipalities_of_2024_and_their_42_regions()
    {
        var reference = ReferenceData.Shipped;
        Assert.Equal(342, reference.CurrentGemeenten.Count());
        Assert.Equal(42, reference.Jeugdregios.Count);
        Assert.All(reference.Gemeenten, g => Assert.NotNull(reference.Jeugdregios.FirstOrDefault(r => r.Jeugdregiocode == g.Jeugdregiocode)));
    }

    [Fact]
    public void Follows_a_merger_to_the_current_municipality()
    {
        // Weesp (GM0457) joined Amsterdam (GM0363) on 24 March 2022.
        var reference = ReferenceData.Shipped;
        Assert.Equal("GM0363", reference.CurrentGemeentecode("GM0457"));
        var weesp = reference.FindGemeente("GM0457")!;
        Assert.True(weesp.ExistsOn(new DateOnly(2022, 3, 23)));
        Assert.False(weesp.ExistsOn(new DateOnly(2022, 3, 24)));
        Assert.False(reference.FindGemeente("GM1979")!.ExistsOn(new DateOnly(2020, 12, 31)));
    }
}
