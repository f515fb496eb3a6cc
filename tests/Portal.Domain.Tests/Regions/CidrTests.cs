using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Regions;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.255.0/24", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("0.0.0.0/0", "192.168.1.0/24", true)]
    [InlineData("172.16.0.0/12", "172.32.0.0/16", false)]
    public void Detects_overlap(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Cidr.Parse(a).Overlaps(Cidr.Parse(b)));
        Assert.Equal(overlaps, Cidr.Parse(b).Overlaps(Cidr.Parse(a)));
    }

    [Theory]
    [InlineData("10.0.0.1/16")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/16")]
    [InlineData("300.0.0.0/8")]
    [InlineData("10.0.0.0")]
    public void Rejects_malformed_blocks(string text)
    {
        Assert.Throws<DomainException>(() => Cidr.Parse(text));
    }

    [Fact]
    public void Round_trips_to_text()
    {
        Assert.Equal("10.2.0.0/16", Cidr.Parse("10.2.0.0/16").ToString());
    }
}
