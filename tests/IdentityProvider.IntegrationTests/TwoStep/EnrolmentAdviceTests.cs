using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>
/// What a first enrolment fails on most: a phone whose clock or time zone is off. The page says so before the user
/// starts, and again when the first code does not match.
/// </summary>
public sealed class EnrolmentAdviceTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task AddDevice_WarnsToCheckThePhonesTime_AndAWrongFirstCodeSaysItAgain()
    {
        var (_, userClient) = await UserStories.SignedInUserAsync(fixture);
        using var client = userClient;

        var add = await AddDevicePage.OpenAsync(client);
        var shown = await add.BeginAsync("Phone");
        var refused = await shown.ConfirmAsync("000000").As<AddDevicePage>();

        Assert.True(add.WarnsToCheckPhoneTime);
        Assert.Contains(new Sentence("OtpEnrolment.CodeMismatch").English, refused.Alerts);
        Assert.Contains("time zone", new Sentence("OtpEnrolment.CodeMismatch").English, StringComparison.Ordinal);
    }
}
