using IdentityProvider.Text;

namespace IdentityProvider.UnitTests.Text;

public class DisplayTimeTests
{
    private static readonly DateTimeOffset Moscow = new(2023, 6, 20, 20, 32, 41, TimeSpan.FromHours(3));

    [Fact]
    public void Moment_IsUtcWithTheOffsetWrittenOut() => Assert.Equal("2023-06-20 17:32 UTC+00:00", DisplayTime.Moment(Moscow));

    [Fact]
    public void Date_IsTheUtcDay() => Assert.Equal("2023-06-20", DisplayTime.Date(Moscow));

    [Fact]
    public void Iso_IsMachineReadableUtc() => Assert.Equal("2023-06-20T17:32:41Z", DisplayTime.Iso(Moscow));
}
