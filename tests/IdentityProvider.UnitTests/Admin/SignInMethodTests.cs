using IdentityProvider.Admin.Dashboard;
using IdentityProvider.Admin.SecurityEvents;
using IdentityProvider.Auditing;

namespace IdentityProvider.UnitTests.Admin;

/// <summary>A sign-in as administrators read it, from what it proved (<c>amr</c>): the dashboard's series and the security log's words.</summary>
public sealed class SignInMethodTests
{
    [Theory]
    [InlineData("pwd", "password", "Event.sign-in.succeeded")]
    [InlineData("pwd otp mfa", "password-otp", "Event.sign-in.succeeded.two-step")]
    [InlineData("pwd hwk mfa", "password-passkey", "Event.sign-in.succeeded.passkey")]
    [InlineData("fed", "external", "Event.sign-in.succeeded")]
    [InlineData("fed otp mfa", "external-otp", "Event.sign-in.succeeded.two-step")]
    [InlineData("fed hwk mfa", "external-passkey", "Event.sign-in.succeeded.passkey")]
    [InlineData("hwk user mfa", "passkey", "Event.sign-in.succeeded.passwordless")]
    [InlineData(null, "other", "Event.sign-in.succeeded")]
    public void ASignIn_IsCountedAndWorded_ByWhatItProved(string? methods, string series, string words)
    {
        Assert.Equal(series, AdminDashboard.SignInMethodOf(methods));
        Assert.Contains(series, AdminDashboard.SignInMethods);
        Assert.Equal(words, new SecurityEventRow(0, default, SecurityEventKinds.SignInSucceeded, null, null, null, null, null, null, null, methods).WordsKey);
    }
}
