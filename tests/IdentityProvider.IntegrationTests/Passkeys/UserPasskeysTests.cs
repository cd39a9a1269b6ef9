using IdentityProvider.Auditing;
using IdentityProvider.Passkeys;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Text;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>A user's passkeys: renamed by the name rules, removed with a log row, never another user's.</summary>
public sealed class UserPasskeysTests(PasskeyFixture fixture) : IClassFixture<PasskeyFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Rename_ChangesTheName_ByTheNameRules()
    {
        var (user, passkeyId) = await UserWithPasskeyAsync();

        var renamed = await Passkeys(service => service.RenameAsync(user.Id, passkeyId, " Phone "));
        var refused = await Passkeys(service => service.RenameAsync(user.Id, passkeyId, "Phone\u202E"));

        Assert.Equal((true, DisplayTextProblem.None), (renamed.Found, renamed.NameError.Problem));
        Assert.Equal(DisplayTextProblem.HiddenCharacters, refused.NameError.Problem);
        Assert.Equal("Phone", Assert.Single(await Passkeys(service => service.ListAsync(user.Id))).Name);
    }

    [Fact]
    public async Task Remove_RemovesThePasskey_AndLogsIt_ButNotAnotherUsers()
    {
        var (user, passkeyId) = await UserWithPasskeyAsync();
        var other = await UserStories.CreateUserAsync(Factory);

        Assert.Null(await Passkeys(service => service.RemoveAsync(other.Id, passkeyId)));
        Assert.False((await Passkeys(service => service.RenameAsync(other.Id, passkeyId, "Mine"))).Found);
        Assert.Equal(UserPasskeys.DefaultName, await Passkeys(service => service.RemoveAsync(user.Id, passkeyId)));

        Assert.Empty(await Passkeys(service => service.ListAsync(user.Id)));
        var logged = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyRemoved);
        Assert.Equal($"\"{UserPasskeys.DefaultName}\"", logged.Detail);
        Assert.Null(await Passkeys(service => service.RemoveAsync(user.Id, passkeyId)));
    }

    private async Task<(TestUser User, string PasskeyId)> UserWithPasskeyAsync()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var authenticator = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await Factory.WithServiceAsync<PasskeyCeremonies, PasskeyCeremony?>(service => service.BeginAddingAsync(user.Id));
        var added = await Factory.WithServiceAsync<PasskeyCeremonies, PasskeyAdding>(service =>
            service.FinishAddingAsync(user.Id, ceremony!.State, authenticator.Create(ceremony.OptionsJson)));
        Assert.True(added.Succeeded, added.Refusal.ToString());
        return (user, authenticator.Id);
    }

    private Task<T> Passkeys<T>(Func<UserPasskeys, Task<T>> use) => Factory.WithServiceAsync(use);
}
