using IdentityProvider.Auditing;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Email;

/// <summary>
/// Two instances on one database, both sending the outbox to one SMTP server: every notification arrives exactly
/// once, whichever instance recorded it and whichever claimed it.
/// </summary>
public sealed class OutboxTwoInstanceTests : IAsyncLifetime
{
    private readonly MailCatcher mail = new();
    private ProviderFactory a = null!;
    private ProviderFactory b = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("outbox_two_instances");
        a = new ProviderFactory(DatabaseProvider.Postgres, connectionString, mail.ProviderSettings);
        _ = a.Server;
        b = new ProviderFactory(DatabaseProvider.Postgres, connectionString, mail.ProviderSettings);
        _ = b.Server;
    }

    [Fact]
    public async Task Notifications_RecordedOnBothInstances_EachSentOnce()
    {
        const int perInstance = 15;
        var user = await UserStories.CreateUserAsync(a);
        var writes = Enumerable.Range(0, perInstance).SelectMany(index => new[] { (a, index), (b, index + perInstance) })
            .Select(write => write.Item1.WithServiceAsync<SecurityLog, bool>(async log =>
            {
                await log.WriteAsync(SecurityEventKinds.PasswordChanged, user.Id, $"change {write.Item2}");
                return true;
            }));
        await Task.WhenAll(writes);

        var received = await mail.WaitForAsync(user.Email, count: 2 * perInstance, timeout: TimeSpan.FromSeconds(60));
        await Task.Delay(3000);

        Assert.Equal(2 * perInstance, mail.To(user.Email).Count);
        Assert.Equal(2 * perInstance, mail.To(user.Email).Select(message => message.MessageId).Distinct().Count());
        Assert.Equal(2 * perInstance, received.Count);
        var sent = await a.QueryAsync(db => Task.FromResult(db.OutboxMails.Where(row => row.UserId == user.Id).ToList()));
        Assert.All(sent, row => Assert.NotNull(row.SentAt));
        Assert.All(sent, row => Assert.Equal(1, row.Attempts));
        Assert.All(sent, row => Assert.Equal("", row.TextBody));
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        mail.Dispose();
    }
}
