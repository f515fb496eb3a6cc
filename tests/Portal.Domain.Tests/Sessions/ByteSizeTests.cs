using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1, "1 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1.0 KB")]
    [InlineData(5_400, "5.4 KB")]
    [InlineData(123_456, "123.5 KB")]
    [InlineData(999_949, "999.9 KB")]
    [InlineData(999_950, "1.0 MB")]
    [InlineData(1_234_000_000, "1.2 GB")]
    [InlineData(800_000_000, "800.0 MB")]
    [InlineData(2_500_000_000_000, "2.5 TB")]
    [InlineData(1_000_000_000_000_000_000, "1000000.0 TB")]
    public void Formats_in_decimal_units_with_one_decimal(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }

    [Fact]
    public void Refuses_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.Format(-1));
    }
}
