using IdentityProvider.Connect;
using OpenIddict.Abstractions;

namespace IdentityProvider.UnitTests.Connect;

/// <summary>
/// acr_values lists the levels a relying party accepts (OpenID Connect Core 3.1.2.1), so the weakest level listed is what
/// it demands: two steps when every level is <c>mfa</c> or <c>phr</c>, a passkey only when <c>phr</c> is the only one.
/// </summary>
public class AcrValuesTests
{
    [Theory]
    [InlineData(null, false, false)]
    [InlineData("", false, false)]
    [InlineData("pwd", false, false)]
    [InlineData("mfa", true, false)]
    [InlineData("phr", true, true)]
    [InlineData("phr mfa", true, false)]
    [InlineData("mfa phr", true, false)]
    [InlineData("phr mfa pwd in-person", false, false)]
    [InlineData("phr in-person", true, true)]
    [InlineData("in-person", false, false)]
    [InlineData("urn:unknown phr", true, true)]
    [InlineData("  phr   ", true, true)]
    public void TheWeakestLevelListed_IsWhatIsDemanded(string? acrValues, bool twoSteps, bool passkey)
    {
        var request = new OpenIddictRequest { AcrValues = acrValues };

        Assert.Equal((twoSteps, passkey), (AuthorizationRequests.DemandsMultiFactor(request), AuthorizationRequests.DemandsPasskey(request)));
    }
}
