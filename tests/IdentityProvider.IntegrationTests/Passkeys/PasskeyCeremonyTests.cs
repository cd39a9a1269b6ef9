using IdentityProvider.Auditing;
using IdentityProvider.Passkeys;
using IdentityProvider.Policy;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Passkeys;

/// <summary>
/// The passkey ceremonies on Identity's handler, driven through the provider's services with a software authenticator
/// playing the browser: a passkey added from the creation options ("none" attestation) is stored and logged; as a second
/// step its assertion moves the counter on; a replayed, expired, foreign-origin, unknown, another user's or cloned answer
/// is refused with its reason and changes nothing.
/// </summary>
public sealed class PasskeyCeremonyTests(PasskeyFixture fixture) : IClassFixture<PasskeyFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task AddingAPasskey_StoresItFromTheCreationOptions_WithItsName_AndLogsIt()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var authenticator = new TestPasskey(PasskeyFixture.Origin);

        var ceremony = await Ceremonies(service => service.BeginAddingAsync(user.Id));
        var added = await Ceremonies(service => service.FinishAddingAsync(user.Id, ceremony!.State, authenticator.Create(ceremony.OptionsJson), "  Work laptop "));

        Assert.True(added.Succeeded, added.Refusal.ToString());
        Assert.Equal(user.Id, authenticator.UserHandle);
        var stored = Assert.Single(await ListAsync(user.Id));
        Assert.Equal((authenticator.Id, "Work laptop", 0u, true), (stored.Id, stored.Name, stored.SignCount, stored.IsUserVerified));
        var logged = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyAdded);
        Assert.Equal("\"Work laptop\"", logged.Detail);
    }

    [Fact]
    public async Task AddingAPasskey_WithoutAName_NamesIt_AndTheSameAnswerTwiceIsRefused()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var authenticator = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await Ceremonies(service => service.BeginAddingAsync(user.Id));
        var answer = authenticator.Create(ceremony!.OptionsJson);

        var added = await Ceremonies(service => service.FinishAddingAsync(user.Id, ceremony.State, answer));
        var replayed = await Ceremonies(service => service.FinishAddingAsync(user.Id, ceremony.State, answer));

        Assert.Equal(UserPasskeys.DefaultName, added.Passkey?.Name);
        Assert.Equal(PasskeyRefusal.CeremonyExpired, replayed.Refusal);
        Assert.Single(await ListAsync(user.Id));
    }

    [Fact]
    public async Task AddingAPasskey_FromAnotherOrigin_IsRefused_AndStoresNothing()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        using var authenticator = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await Ceremonies(service => service.BeginAddingAsync(user.Id));

        var added = await Ceremonies(service =>
            service.FinishAddingAsync(user.Id, ceremony!.State, authenticator.Create(ceremony.OptionsJson, origin: "https://id.example.test.phish.example")));

        Assert.Equal(PasskeyRefusal.WrongOrigin, added.Refusal);
        Assert.Empty(await ListAsync(user.Id));
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyAdded);
    }

    [Fact]
    public async Task SecondStep_AcceptsThePasskey_StoresItsNewCounter_AndLogsTheUse()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;

        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        var step = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony!.State, authenticator.Get(ceremony.OptionsJson)));

        Assert.True(step.Succeeded, step.Refusal.ToString());
        Assert.Equal(1u, Assert.Single(await ListAsync(user.Id)).SignCount);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyUsed);
    }

    [Fact]
    public async Task SecondStep_ReplayedAnswer_IsRefused_AndChangesNothing()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        var answer = authenticator.Get(ceremony!.OptionsJson);
        Assert.True((await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony.State, answer))).Succeeded);

        // The same state and answer again (a replayed request), and the old answer to a new challenge.
        var replayed = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony.State, answer));
        var next = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        var oldAnswer = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, next!.State, answer));

        Assert.Equal(PasskeyRefusal.CeremonyExpired, replayed.Refusal);
        Assert.Equal(PasskeyRefusal.Invalid, oldAnswer.Refusal);
        Assert.Equal(1u, Assert.Single(await ListAsync(user.Id)).SignCount);
        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyUsed);
    }

    [Fact]
    public async Task SecondStep_AfterTheCeremonysLifetime_IsRefused()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        Factory.Clock.Advance(PasskeyCeremonyState.Lifetime + TimeSpan.FromSeconds(1));

        var step = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony!.State, authenticator.Get(ceremony.OptionsJson)));

        Assert.Equal(PasskeyRefusal.CeremonyExpired, step.Refusal);
        Assert.Equal(0u, Assert.Single(await ListAsync(user.Id)).SignCount);
    }

    [Fact]
    public async Task SecondStep_ForgedState_OrAnotherUsersState_IsRefused()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var (other, _) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        var answer = authenticator.Get(ceremony!.OptionsJson);

        var forged = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony.State + "x", answer));
        var otherUsers = await Ceremonies(service => service.VerifySecondStepAsync(other.Id, ceremony.State, answer));

        Assert.Equal((PasskeyRefusal.CeremonyExpired, PasskeyRefusal.CeremonyExpired), (forged.Refusal, otherUsers.Refusal));
    }

    [Fact]
    public async Task SecondStep_FromAnotherOrigin_IsRefused()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));

        var step = await Ceremonies(service =>
            service.VerifySecondStepAsync(user.Id, ceremony!.State, authenticator.Get(ceremony.OptionsJson, origin: "https://phish.example")));

        Assert.Equal(PasskeyRefusal.WrongOrigin, step.Refusal);
        Assert.Equal(0u, Assert.Single(await ListAsync(user.Id)).SignCount);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.PasskeyUsed);
    }

    [Fact]
    public async Task SecondStep_UnknownCredential_IsRefused()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        using var stranger = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));

        var step = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony!.State, stranger.Get(ceremony.OptionsJson)));

        Assert.Equal(PasskeyRefusal.NotRegistered, step.Refusal);
        Assert.Equal(0u, Assert.Single(await ListAsync(user.Id)).SignCount);
    }

    [Fact]
    public async Task SecondStep_Refusals_CountTowardTheLockout_AndTheLockingOneSaysSo()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        using var stranger = new TestPasskey(PasskeyFixture.Origin);
        var threshold = await Factory.WithServiceAsync<ICurrentPolicy, int>(policy => Task.FromResult(policy.Current.LockoutThreshold));

        var refusals = new List<PasskeyRefusal>();
        for (var attempt = 0; attempt < threshold; attempt++)
        {
            var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
            refusals.Add((await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony!.State, stranger.Get(ceremony.OptionsJson)))).Refusal);
        }

        Assert.All(refusals[..^1], refusal => Assert.Equal(PasskeyRefusal.NotRegistered, refusal));
        Assert.Equal(PasskeyRefusal.LockedOut, refusals[^1]);
        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Equal(threshold, events.Count(row => row.Kind == SecurityEventKinds.PasskeyFailed));
        Assert.Single(events, row => row.Kind == SecurityEventKinds.LockedOut);
        Assert.True((await Factory.ReadUserAsync(user.Id)).LockoutEnd > Factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task SecondStep_AnotherUsersPasskey_IsRefused_AndNeitherCounterMoves()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var (other, othersAuthenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        using var __ = othersAuthenticator;
        var ceremony = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));

        var step = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, ceremony!.State, othersAuthenticator.Get(ceremony.OptionsJson)));

        Assert.Equal(PasskeyRefusal.NotRegistered, step.Refusal);
        Assert.Equal(0u, Assert.Single(await ListAsync(user.Id)).SignCount);
        Assert.Equal(0u, Assert.Single(await ListAsync(other.Id)).SignCount);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(other.Id), row => row.Kind == SecurityEventKinds.PasskeyUsed);
    }

    [Fact]
    public async Task SecondStep_ACounterThatGoesBack_IsRefused_AndLoggedAsAPossibleClone()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        using var _ = authenticator;
        var first = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        Assert.True((await Ceremonies(service => service.VerifySecondStepAsync(user.Id, first!.State, authenticator.Get(first.OptionsJson, signCount: 5)))).Succeeded);

        var again = await Ceremonies(service => service.BeginSecondStepAsync(user.Id));
        var step = await Ceremonies(service => service.VerifySecondStepAsync(user.Id, again!.State, authenticator.Get(again.OptionsJson, signCount: 3)));

        Assert.Equal(PasskeyRefusal.PossibleClone, step.Refusal);
        Assert.Equal(5u, Assert.Single(await ListAsync(user.Id)).SignCount);
        Assert.Contains(Factory.Logs.Lines, line => line.Contains(user.Id, StringComparison.Ordinal) && line.Contains("may be cloned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondStep_IsNotOffered_ToAUserWithoutPasskeys()
    {
        var user = await UserStories.CreateUserAsync(Factory);

        Assert.Null(await Ceremonies(service => service.BeginSecondStepAsync(user.Id)));
    }

    private async Task<(TestUser User, TestPasskey Authenticator)> UserWithPasskeyAsync()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var authenticator = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await Ceremonies(service => service.BeginAddingAsync(user.Id));
        var added = await Ceremonies(service => service.FinishAddingAsync(user.Id, ceremony!.State, authenticator.Create(ceremony.OptionsJson)));
        Assert.True(added.Succeeded, added.Refusal.ToString());
        return (user, authenticator);
    }

    private Task<T> Ceremonies<T>(Func<PasskeyCeremonies, Task<T>> use) => Factory.WithServiceAsync(use);

    private Task<IReadOnlyList<PasskeySummary>> ListAsync(string userId) =>
        Factory.WithServiceAsync<UserPasskeys, IReadOnlyList<PasskeySummary>>(service => service.ListAsync(userId));
}
