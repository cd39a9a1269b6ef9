using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.Email;

/// <summary>A provider on PostgreSQL whose mail goes over SMTP to a mail catcher on loopback started for it.</summary>
public class MailProviderFixture : ProviderFixture, IAsyncLifetime
{
    public MailCatcher Mail { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => Mail.ProviderSettings;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Mail.Dispose();
    }
}
