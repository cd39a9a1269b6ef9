using IdentityProvider.Connect;
using IdentityProvider.Testing;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdentityProvider.UnitTests.Connect;

public class ClientCacheTests
{
    private readonly TestClock clock = new();

    [Fact]
    public void Entry_FoundByIdAndClientId_UntilTheLifetimeEnds()
    {
        var entries = new ClientCacheEntries(clock);
        entries.Add(Client("1", "cli"));

        clock.Advance(ClientCacheEntries.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("cli", entries.TryGetByClientId("cli")?.ClientId);
        Assert.Equal("cli", entries.TryGetById("1")?.ClientId);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(entries.TryGetByClientId("cli"));
        Assert.Null(entries.TryGetById("1"));
    }

    [Fact]
    public void Removed_IsNotFound()
    {
        var entries = new ClientCacheEntries(clock);
        entries.Add(Client("1", "cli"));

        entries.Remove("1");

        Assert.Null(entries.TryGetByClientId("cli"));
    }

    [Fact]
    public void ClientIdChanged_OldClientIdIsNotFound()
    {
        var entries = new ClientCacheEntries(clock);
        entries.Add(Client("1", "old"));

        entries.Add(Client("1", "new"));

        Assert.Null(entries.TryGetByClientId("old"));
        Assert.Equal("new", entries.TryGetByClientId("new")?.ClientId);
    }

    [Fact]
    public void Copy_HasEveryValue_AndChangingItLeavesTheOriginal()
    {
        var original = Client("1", "cli");
        original.Permissions = """["gt:urn:identityprovider:grant-type:personal_access_token"]""";
        original.ConcurrencyToken = "stamp";

        var copy = ClientCache.Copy(original);
        copy.Permissions = "[]";

        Assert.NotSame(original, copy);
        Assert.Equal(("1", "cli", "public", "stamp"), (copy.Id, copy.ClientId, copy.ClientType, copy.ConcurrencyToken));
        Assert.Equal("""["gt:urn:identityprovider:grant-type:personal_access_token"]""", original.Permissions);
    }

    private static OpenIddictEntityFrameworkCoreApplication Client(string id, string clientId) =>
        new() { Id = id, ClientId = clientId, ClientType = "public" };
}
