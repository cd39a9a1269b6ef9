using System.Net;
using IdentityProvider.Admin.Clients;
using IdentityProvider.Clients;
using IdentityProvider.Connect;
using IdentityProvider.IntegrationTests.ScaleOut;
using IdentityProvider.Localization;
using static IdentityProvider.Testing.Stories.ClientStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// A client changed through one instance: that instance applies it at once, the other (which keeps clients for
/// <see cref="ClientCacheEntries.Lifetime"/>) once its cached copy has expired, without a restart.
/// </summary>
public sealed class ClientChangeOnSecondInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SecretRotatedOnA_BRefusesTheOldSecretAfterTheCacheLifetime()
    {
        var clientId = NewClientId("two");
        var created = await AdministerOnAAsync(administration => administration.CreateAsync(
            new ClientRegistration(clientId, "Two instances", ClientRegistration.Confidential, [], [], [ClientGrantTypes.ClientCredentials], ["api"], ClientRegistration.Implicit),
            "test-admin"));
        var oldSecret = created.Value!;
        using var onA = instances.A.CreateClient();
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, oldSecret)).Status); // B now keeps the client

        var rotated = await AdministerOnAAsync(administration => administration.RotateSecretAsync(clientId, "test-admin"));
        var newSecret = rotated.Value!;

        Assert.Equal("invalid_client", (await ClientCredentialsAsync(onA, clientId, oldSecret)).Error);
        instances.Advance(ClientCacheEntries.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("invalid_client", (await ClientCredentialsAsync(onB, clientId, oldSecret)).Error);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, newSecret)).Status);
    }

    [Fact]
    public async Task ClientDeletedOnA_BRefusesItAfterTheCacheLifetime()
    {
        var clientId = NewClientId("gone");
        var created = await AdministerOnAAsync(administration => administration.CreateAsync(
            new ClientRegistration(clientId, "Deleted", ClientRegistration.Confidential, [], [], [ClientGrantTypes.ClientCredentials], ["api"], ClientRegistration.Implicit),
            "test-admin"));
        using var onB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(onB, clientId, created.Value!)).Status);

        Assert.Equal(ChangeOutcome.Done, (await AdministerOnAAsync(administration => administration.DeleteAsync(clientId, "test-admin"))).Outcome);
        instances.Advance(ClientCacheEntries.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal("invalid_client", (await ClientCredentialsAsync(onB, clientId, created.Value!)).Error);
    }

    private async Task<TResult> AdministerOnAAsync<TResult>(Func<ClientAdministration, Task<TResult>> change)
        where TResult : ChangeResult
    {
        var administration = instances.Service<ClientAdministration>(instances.A, out var scope);
        using (scope)
        {
            var result = await change(administration);
            Assert.True(result.Outcome == ChangeOutcome.Done, string.Join(" ", result.Problems.Select(problem => problem.Message.English)));
            return result;
        }
    }
}
