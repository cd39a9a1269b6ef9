using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using MimeKit;

namespace IdentityProvider.IntegrationTests.Email;

/// <summary>Without <c>Email:Smtp:Host</c> (a plain <c>dotnet run</c>), on SQLite: mails become .eml files in a folder.</summary>
public sealed class PickupDirectoryFixture : SqliteProviderFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"idp-pickup-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:PickupDirectory"] = Folder,
        ["Email:PollSeconds"] = "1",
    };
}

public class PickupDirectoryTests(PickupDirectoryFixture provider) : IClassFixture<PickupDirectoryFixture>
{
    [Fact]
    public async Task NoSmtpHost_ResetMailWrittenAsEml_LinkInItWorks()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        await (await ForgotPasswordPage.OpenAsync(client)).RequestAsync(user.Email);

        var mail = await WaitForMailAsync(user.Email);
        Assert.StartsWith(MailStories.ResetSubject, mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        var reset = await ResetPasswordPage.OpenAsync(client, MailStories.ResetLinkOf(mail));
        Assert.True((await reset.ResetAsync("pickup-folder-password")).SaysPasswordReset);
        // Note: the reset's own notice may be being written (a .tmp renamed to .eml when complete); none may stay behind.
        for (var wait = 0; wait < 50 && Directory.GetFiles(provider.Folder, "*.tmp").Length > 0; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.GetFiles(provider.Folder, "*.tmp"));
    }

    private async Task<MimeMessage> WaitForMailAsync(string email)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (Directory.Exists(provider.Folder))
            {
                foreach (var file in Directory.GetFiles(provider.Folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(mailbox => mailbox.Address == email))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"No .eml file for {email} in {provider.Folder}.");
    }
}
