using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace IdentityProvider.Testing;

/// <summary>
/// A real SMTP server on loopback (netDumbster) that keeps every mail it receives, parsed with MimeKit. It can be
/// stopped and started again on the same port, to play a mail server that is down for a while.
/// </summary>
public sealed class MailCatcher : IDisposable
{
    private readonly List<MimeMessage> received = [];
    private SimpleSmtpServer? server;

    public MailCatcher()
    {
        Port = FreePort.Next();
        Start();
    }

    public int Port { get; }

    /// <summary>The settings that send the provider's mail here (plain SMTP, quick polls).</summary>
    public Dictionary<string, string?> ProviderSettings => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:From"] = "Test IdP <idp@example.com>",
        ["Email:ProductName"] = "Test IdP",
        ["Email:PollSeconds"] = "1",
    };

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The mails to <paramref name="address"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(message => message.To.Mailboxes.Any(mailbox => mailbox.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="address"/> matching <paramref name="match"/> arrived; returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = To(address).Where(match ?? (_ => true)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Expected {count} mail(s) to {address}, got {found.Count}. Received: {string.Join(" | ", Messages.Select(message => $"{message.To} {message.Subject}"))}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        server?.Stop();
        server?.Dispose();
        server = null;
    }

    public void Start()
    {
        server = SimpleSmtpServer.Start(Port);
        server.MessageReceived += (_, args) =>
        {
            var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(args.Message.Data)));
            lock (received)
            {
                received.Add(message);
            }
        };
    }

    public void Dispose() => Stop();
}

/// <summary>What tests read from a mail.</summary>
public static class MailText
{
    /// <summary>The plain-text part.</summary>
    public static string Text(this MimeMessage message) => message.TextBody ?? "";

    /// <summary>The first link of the plain-text part that starts with <paramref name="prefix"/> (an absolute URL).</summary>
    public static string LinkStartingWith(this MimeMessage message, string prefix) =>
        message.Text().Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(word => word.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No link starting with {prefix} in the mail \"{message.Subject}\": {message.Text()}");
}
