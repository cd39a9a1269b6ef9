using IdentityProvider.IntegrationTests.Admin;
using IdentityProvider.IntegrationTests.Email;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>
/// A provider whose policy lets administrators sign in as a user (off by default outside Development), with a relying
/// party that refuses such sessions, tokens allowed and mail caught; its own, as these tests move the clock.
/// </summary>
public sealed class ImpersonationFixture : MailProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(RefusingClientFixture.ClientSettings.Concat(Mail.ProviderSettings))
        {
            ["Administration:SignInAsUser"] = "true",
            ["Tokens:AllowSignInByToken"] = "true",
        };
}
