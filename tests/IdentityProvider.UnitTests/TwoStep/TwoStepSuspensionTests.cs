using IdentityProvider.Data.Entities;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

public class TwoStepSuspensionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsActive_NeverSuspended_IsFalse() =>
        Assert.False(TwoStepSuspension.IsActive(new ApplicationUser(), Now));

    [Fact]
    public void IsActive_Indefinitely_IsTrueWhateverTheDate() =>
        Assert.True(TwoStepSuspension.IsActive(new ApplicationUser { TwoStepDisabledIndefinitely = true }, Now.AddYears(10)));

    [Fact]
    public void IsActive_UntilAMoment_EndsAtThatMomentByItself()
    {
        var user = new ApplicationUser { TwoStepDisabledUntil = Now.AddDays(3) };

        Assert.True(TwoStepSuspension.IsActive(user, Now));
        Assert.True(TwoStepSuspension.IsActive(user, Now.AddDays(3).AddTicks(-1)));
        Assert.False(TwoStepSuspension.IsActive(user, Now.AddDays(3)));
        Assert.False(TwoStepSuspension.IsActive(user, Now.AddDays(30)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(365)]
    [InlineData(null)]
    public void Check_DaysInRangeOrIndefinitelyWithReason_IsValid(int? days) =>
        Assert.Null(TwoStepSuspension.Check(days, "Lost phone"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    [InlineData(int.MaxValue)]
    public void Check_DaysOutOfRange_NamesTheRange(int days)
    {
        var problem = TwoStepSuspension.Check(days, "Lost phone")!;
        Assert.Equal("Days", problem.Field);
        Assert.Contains("from 1 to 365", problem.Message.English);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoReason_AsksForOne(string? reason)
    {
        var problem = TwoStepSuspension.Check(3, reason)!;
        Assert.Equal("Reason", problem.Field);
        Assert.Contains("reason", problem.Message.English);
    }

    [Fact]
    public void Check_ReasonOverFiveHundredCharacters_IsRefusedButSurroundingBlanksDoNotCount()
    {
        Assert.Contains("at most 500", TwoStepSuspension.Check(3, new string('x', 501))!.Message.English);
        Assert.Null(TwoStepSuspension.Check(3, "  " + new string('x', 500) + "  "));
    }
}

public class SuspendInputTests
{
    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 30 ", 30)]
    [InlineData("0", 0)]
    [InlineData("366", 366)]
    public void TryReadDays_WholeNumber_ReadsItForTheRangeCheckLater(string text, int expected)
    {
        Assert.True(new SuspendInput { Days = text }.TryReadDays(out var days, out var error));
        Assert.Equal(expected, days);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("3.5")]
    [InlineData("99999999999999999999")]
    public void TryReadDays_NotAWholeNumber_GivesTheMessage(string? text)
    {
        Assert.False(new SuspendInput { Days = text }.TryReadDays(out var days, out var error));
        Assert.Null(days);
        Assert.Contains("from 1 to 365", error);
    }

    [Fact]
    public void TryReadDays_Indefinitely_IgnoresTheDaysField()
    {
        Assert.True(new SuspendInput { Duration = SuspendInput.Indefinitely, Days = "garbage" }.TryReadDays(out var days, out var error));
        Assert.Null(days);
        Assert.Null(error);
    }
}
