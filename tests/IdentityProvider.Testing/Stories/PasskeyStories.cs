using IdentityProvider.Passkeys;

namespace IdentityProvider.Testing.Stories;

/// <summary>Passkeys a test gives a user, and the sign-ins that use them, with a software authenticator (<see cref="TestPasskey"/>).</summary>
public static class PasskeyStories
{
    /// <summary>Adds a new passkey to the user's account through the provider's ceremony (as the account page would).</summary>
    public static async Task<TestPasskey> AddPasskeyAsync(ProviderFactory factory, string userId, string origin, string name = "Laptop")
    {
        var authenticator = new TestPasskey(origin);
        var ceremony = await factory.WithServiceAsync<PasskeyCeremonies, PasskeyCeremony?>(service => service.BeginAddingAsync(userId));
        var added = await factory.WithServiceAsync<PasskeyCeremonies, PasskeyAdding>(
            service => service.FinishAddingAsync(userId, ceremony!.State, authenticator.Create(ceremony.OptionsJson), name));
        Xunit.Assert.True(added.Succeeded, $"The passkey was not added: {added.Refusal}");
        return authenticator;
    }

    /// <summary>The user's passkeys as the provider lists them (name, counter, last use).</summary>
    public static Task<IReadOnlyList<PasskeySummary>> ListAsync(ProviderFactory factory, string userId) =>
        factory.WithServiceAsync<UserPasskeys, IReadOnlyList<PasskeySummary>>(service => service.ListAsync(userId));

    /// <summary>The password at the relying party's request, then "Use your passkey" on the second step's page; where that leads.</summary>
    public static async Task<ProviderPage> SignInWithPasswordAndPasskeyAsync(ProviderClient client, AuthorizationRequest request, TestUser user, TestPasskey passkey) =>
        await (await UserStories.PasswordToOtpPageAsync(client, request, user)).UsePasskeyAsync(options => passkey.Get(options));
}
