using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>What the id_token says of the sign-in: both steps (amr pwd, otp, mfa; acr mfa) or the password alone.</summary>
internal static class SignInProof
{
    public static void AssertTwoStepTokens(TokenResponse tokens)
    {
        Assert.Equal(new[] { "pwd", "otp", "mfa" }, tokens.Amr);
        Assert.Equal("mfa", tokens.Acr);
    }

    public static void AssertPasswordOnlyTokens(TokenResponse tokens)
    {
        Assert.Equal(new[] { "pwd" }, tokens.Amr);
        Assert.Equal("pwd", tokens.Acr);
    }
}
