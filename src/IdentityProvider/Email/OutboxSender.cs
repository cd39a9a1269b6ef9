using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Settings;
using MimeKit;

namespace IdentityProvider.Email;

/// <summary>
/// Sends the outbox on every instance: claims due mails, hands each to the transport, marks it sent or schedules
/// the next attempt with a doubling back-off (30 s up to an hour) and says so in the log. Runs beside the pages,
/// so an unreachable mail server costs them nothing. Warning: a log line names the mail's id and kind, never its
/// recipient's link or body.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    EmailSettings settings,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Names this instance in its claims.</summary>
    private readonly string instance = $"{(Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName)}:{Guid.NewGuid():N}";

    /// <summary>The wait after the <paramref name="attempt"/>th failure: 30 s, 1 min, 2 min, … at most an hour.</summary>
    public static TimeSpan BackOff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                    // A full batch: more may be waiting.
                }

                if (time.GetUtcNow() > nextPurge)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<OutboxStore>().PurgeSentAsync();
                    nextPurge = time.GetUtcNow().AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseOutage.Is(exception))
            {
                // Note: the database is away; the mails wait in it, nothing is lost. Try again at the next poll.
                logger.LogWarning(exception, "The mail outbox could not be read; the mails wait in it");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: claims due mails and sends them; returns how many were claimed.</summary>
    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var mails = await store.ClaimDueAsync(instance, settings.MaxAttempts, Batch);
        foreach (var mail in mails)
        {
            try
            {
                await transport.SendAsync(ToMessage(mail), cancellationToken);
                await store.MarkSentAsync(mail.Id, instance);
                logger.LogInformation("Mail {MailId} ({MailKind}) sent at attempt {Attempt}", mail.Id, mail.Kind, mail.Attempts + 1);
            }
            catch (Exception exception) when (IsDeliveryFailure(exception, cancellationToken))
            {
                var attempt = mail.Attempts + 1;
                var next = time.GetUtcNow() + BackOff(attempt);
                var error = exception.GetType().Name + ": " + exception.Message;
                await store.MarkFailedAsync(mail.Id, instance, next, error);
                if (attempt >= settings.MaxAttempts)
                {
                    logger.LogError(exception, "Mail {MailId} ({MailKind}) given up after {Attempt} attempts: {Error}", mail.Id, mail.Kind, attempt, error);
                }
                else
                {
                    logger.LogWarning(exception, "Mail {MailId} ({MailKind}) not sent, attempt {Attempt} of {MaxAttempts}; next at {NextAttemptAt:u}: {Error}",
                        mail.Id, mail.Kind, attempt, settings.MaxAttempts, next, error);
                }
            }
        }

        return mails.Count;
    }

    /// <summary>
    /// What a mail server, the network, a pickup folder or a stored address can do to one mail: it is tried again
    /// later. Anything else is a bug and is not hidden as a delivery failure.
    /// </summary>
    private static bool IsDeliveryFailure(Exception exception, CancellationToken stopping) => exception switch
    {
        OperationCanceledException => !stopping.IsCancellationRequested, // the transport's own time limit
        IOException or System.Net.Sockets.SocketException or TimeoutException or UnauthorizedAccessException => true,
        MailKit.CommandException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException => true,
        MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException => true,
        ParseException or FormatException => true, // a stored address that no longer parses
        _ => false,
    };

    private MimeMessage ToMessage(OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(settings.From);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // Why: a stable Message-Id per outbox row lets a mail server or reader spot a duplicate after a crash between send and mark.
        message.MessageId = $"{mail.Id:N}@{settings.From.Domain}";
        message.Date = mail.CreatedAt;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
