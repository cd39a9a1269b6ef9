using System.Diagnostics;
using System.Net;
using IdentityProvider.Admin.Clients;
using IdentityProvider.Admin.Scopes;
using IdentityProvider.Admin.Users;
using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Passkeys;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.ScaleOut;

/// <summary>
/// docs/ARCHITECTURE.md's table of what an instance keeps in memory that an administrator can change: each row changed
/// through instance A and observed on instance B within the row's bound, in real time (no clock is moved): the
/// announced kinds (<see cref="ChangeKinds"/>) within <see cref="ChangeWatcher.Interval"/> and one read, the rest at once.
/// </summary>
public sealed class AdministrativeChangeTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    /// <summary>The bound the README states for an announced change (the watcher's period), with a margin for a slow machine.</summary>
    private static readonly TimeSpan Bound = ChangeWatcher.Interval + TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ScopeCreatedOnA_IsInBsDiscovery_WithinTheBound_AndGoneOnceDeleted()
    {
        var name = NewClientId("scope");
        using var onB = instances.B.CreateClient();
        Assert.DoesNotContain(name, await DiscoveryScopesAsync(onB)); // B now keeps its document

        await AdministerOnAAsync<ScopeAdministration, ChangeResult>(scopes => scopes.CreateAsync(new ScopeRegistration(name, "Reports", ""), "test-admin"));
        Assert.True(await WithinBoundAsync(async () => (await DiscoveryScopesAsync(onB)).Contains(name)), $"B's discovery did not list {name} within {Bound}.");

        await AdministerOnAAsync<ScopeAdministration, ChangeResult>(scopes => scopes.DeleteAsync(name, "test-admin"));
        Assert.True(await WithinBoundAsync(async () => !(await DiscoveryScopesAsync(onB)).Contains(name)), $"B's discovery still listed {name} after {Bound}.");
    }

    [Fact]
    public async Task ScopeTextChangedOnA_IsWhatBShowsAtOnce()
    {
        var name = NewClientId("words");
        await AdministerOnAAsync<ScopeAdministration, ChangeResult>(scopes => scopes.CreateAsync(new ScopeRegistration(name, "Old words", ""), "test-admin"));
        Assert.Equal("Old words", await ScopeTextOnBAsync(name));

        await AdministerOnAAsync<ScopeAdministration, ChangeResult>(scopes => scopes.UpdateAsync(name, "New words", "What it lets an application do", "test-admin"));

        Assert.Equal("New words", await ScopeTextOnBAsync(name));
    }

    [Fact]
    public async Task SecretRotatedOnA_BRefusesTheOldSecret_WithinTheBound()
    {
        var (clientId, oldSecret) = await ServiceClientOnAAsync("rotate");
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, oldSecret)).Status); // B now keeps the client

        var rotated = await AdministerOnAAsync<ClientAdministration, ChangeResult<string>>(clients => clients.RotateSecretAsync(clientId, "test-admin"));

        Assert.True(await WithinBoundAsync(async () => (await ClientCredentialsAsync(onB, clientId, oldSecret)).Error == "invalid_client"),
            $"B still accepted the old secret after {Bound}.");
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, rotated.Value!)).Status);
    }

    [Fact]
    public async Task ClientChangedOnA_BAppliesIt_WithinTheBound()
    {
        var (clientId, secret) = await ServiceClientOnAAsync("grant");
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, secret)).Status);

        await AdministerOnAAsync<ClientAdministration, ChangeResult>(async clients =>
        {
            var client = await clients.FindAsync(clientId);
            return await clients.UpdateAsync(clientId, client! with { GrantTypes = [OpenIddictConstants.GrantTypes.AuthorizationCode], RedirectUris = ["https://rp.example/cb"] }, "test-admin");
        });

        Assert.True(await WithinBoundAsync(async () => (await ClientCredentialsAsync(onB, clientId, secret)).Error == "unauthorized_client"),
            $"B still let the client use a grant it no longer has after {Bound}.");
    }

    [Fact]
    public async Task ClientDeletedOnA_BRefusesIt_WithinTheBound()
    {
        var (clientId, secret) = await ServiceClientOnAAsync("gone");
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, secret)).Status);

        await AdministerOnAAsync<ClientAdministration, ChangeResult>(clients => clients.DeleteAsync(clientId, "test-admin"));

        Assert.True(await WithinBoundAsync(async () => (await ClientCredentialsAsync(onB, clientId, secret)).Error == "invalid_client"),
            $"B still accepted a deleted client after {Bound}.");
    }

    [Fact]
    public async Task UserDisabledOnA_BEndsTheSessionAndRefusesTheTokenAtOnce()
    {
        var user = await UserStories.CreateUserAsync(instances.A, displayName: "disabled");
        var token = await TokenOnAAsync(user.Id);
        using var browserOnB = instances.Browser(instances.B);
        (await UserStories.SignInWithPasswordAsync(browserOnB, user.Email, user.Password)).As<ManagePage>();
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(onB, token)).Status);

        await AdministerOnAAsync<UserAccess, ChangeResult>(access => access.DisableAsync(user.Id, new AdminActor("test-admin", AdminRights.Everything)));

        Assert.False(await ManagePage.HasSessionAsync(browserOnB));
        Assert.Equal("invalid_grant", (await ExchangeAsync(onB, token)).Error);
    }

    [Fact]
    public async Task TokenSignInDeniedForTheUserOnA_BRefusesTheExchangeAtOnce()
    {
        var user = await UserStories.CreateUserAsync(instances.A, displayName: "denied");
        var token = await TokenOnAAsync(user.Id);
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(onB, token)).Status);

        await AdministerOnAAsync<UserTokenAdministration, ChangeResult<bool>>(tokens =>
            tokens.SetPermissionAsync(user.Id, TokenPolicy.Deny, new AdminActor("test-admin", AdminRights.Everything)));

        Assert.Equal("invalid_grant", (await ExchangeAsync(onB, token)).Error);
    }

    [Fact]
    public async Task HardwareTokenMarkedLostOnA_BRefusesItsCodesAtOnce()
    {
        var user = await UserStories.CreateUserAsync(instances.A, displayName: "token holder");
        var serial = SeedFileSamples.UniqueSerial();
        var seed = OtpSecret.Generate(OtpHashAlgorithm.Sha1);
        var parameters = new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha1, 6);
        var registration = instances.Service<HardwareTokenRegistration>(instances.A, out var importScope);
        using (importScope)
        {
            var report = await registration.ImportAsync(new SeedFile([new SeedFileToken(serial, parameters, 0, seed, null)], []), "test file", "test-admin");
            Assert.Equal(1, report.Added);
        }

        await AdministerOnAAsync<HardwareTokenAssignment, ChangeResult<IReadOnlyList<string>>>(assignment => assignment.AssignAsync(serial, user.Id, "test-admin"));
        var token = new TestDevice(Guid.Empty, seed, parameters);
        instances.Advance(UserStories.Step);
        Assert.NotNull(await AcceptOnBAsync(user.Id, token.TotpNow(instances.B.Clock)));

        await AdministerOnAAsync<HardwareTokenAssignment, ChangeResult>(assignment => assignment.MarkLostAsync(serial, "test-admin"));
        instances.Advance(UserStories.Step);

        Assert.Null(await AcceptOnBAsync(user.Id, token.TotpNow(instances.B.Clock)));
    }

    [Fact]
    public async Task PasskeyRemovedOnA_BNoLongerAsksForIt_AtOnce()
    {
        var user = await UserStories.CreateUserAsync(instances.A, displayName: "passkey holder");
        var db = instances.Service<ApplicationDbContext>(instances.A, out var scope);
        using (scope)
        {
            db.UserPasskeys.Add(new IdentityUserPasskey<string>
            {
                UserId = user.Id,
                CredentialId = [1, 2, 3, 4],
                Data = new IdentityPasskeyData { PublicKey = [5], Name = "Phone", CreatedAt = instances.A.Clock.GetUtcNow(), ClientDataJson = [], AttestationObject = [] },
            });
            await db.SaveChangesAsync();
        }

        Assert.True(await HasPasskeyOnBAsync(user.Id));
        var removed = instances.Service<UserPasskeys>(instances.A, out var removeScope);
        using (removeScope)
        {
            Assert.Equal("Phone", await removed.RemoveAsync(user.Id, CredentialIds.Encode([1, 2, 3, 4]), "test-admin"));
        }

        Assert.False(await HasPasskeyOnBAsync(user.Id));
    }

    private async Task<bool> HasPasskeyOnBAsync(string userId)
    {
        var secondSteps = instances.Service<SecondStepMethods>(instances.B, out var scope);
        using (scope)
        {
            return await secondSteps.HasPasskeyAsync(userId);
        }
    }

    private async Task<OtpDevice?> AcceptOnBAsync(string userId, string code)
    {
        var verification = instances.Service<OtpVerification>(instances.B, out var scope);
        using (scope)
        {
            return await verification.TryAcceptAsync(userId, code);
        }
    }

    private async Task<string> TokenOnAAsync(string userId)
    {
        var tokens = instances.Service<UserTokens>(instances.A, out var scope);
        using (scope)
        {
            return (await tokens.CreateAsync(userId, new NewTokenInput("deploy", 30, false, ["api"]))).Value!.Secret;
        }
    }

    private static Task<TokenResponse> ExchangeAsync(HttpClient http, string token) =>
        TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            ["token"] = token,
            ["client_id"] = TwoInstances.ScriptClient,
        });

    private async Task<(string ClientId, string Secret)> ServiceClientOnAAsync(string prefix)
    {
        var clientId = NewClientId(prefix);
        var created = await AdministerOnAAsync<ClientAdministration, ChangeResult<string>>(clients => clients.CreateAsync(
            new ClientRegistration(clientId, "Two instances", ClientRegistration.Confidential, [], [], [ClientGrantTypes.ClientCredentials], ["api"], ClientRegistration.Implicit),
            "test-admin"));
        return (clientId, created.Value!);
    }

    private async Task<string?> ScopeTextOnBAsync(string name)
    {
        var scopes = instances.Service<IOpenIddictScopeManager>(instances.B, out var scope);
        using (scope)
        {
            return await scopes.FindByNameAsync(name) is { } found ? await scopes.GetDisplayNameAsync(found) : null;
        }
    }

    private async Task<TResult> AdministerOnAAsync<TService, TResult>(Func<TService, Task<TResult>> change)
        where TService : notnull
        where TResult : ChangeResult
    {
        var administration = instances.Service<TService>(instances.A, out var scope);
        using (scope)
        {
            var result = await change(administration);
            Assert.True(result.Outcome == ChangeOutcome.Done, string.Join(" ", result.Problems.Select(problem => problem.Message.English)));
            return result;
        }
    }

    /// <summary>Whether <paramref name="observed"/> holds within <see cref="Bound"/> of real time, asked every 100 ms.</summary>
    private static async Task<bool> WithinBoundAsync(Func<Task<bool>> observed)
    {
        var clock = Stopwatch.StartNew();
        while (!await observed())
        {
            if (clock.Elapsed > Bound)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
