using System.Runtime.CompilerServices;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Admin.SecurityEvents;

/// <summary>One security log row as administrators read it: the stored event with the e-mail addresses of its user and actor.</summary>
public sealed record SecurityEventRow(
    long Id,
    DateTimeOffset OccurredAt,
    string Kind,
    string? UserId,
    string? UserEmail,
    string? ActorId,
    string? ActorEmail,
    string? ClientId,
    string? IpAddress,
    string? Detail,
    string? Methods = null)
{
    /// <summary>
    /// The resource key of the event's words (<c>Event.{kind}</c>); a sign-in names its second step too: a one-time password
    /// (<c>.two-step</c>), a passkey after the first step (<c>.passkey</c>), or a passkey alone, without a password (<c>.passwordless</c>).
    /// </summary>
    public string WordsKey => Kind == SecurityEventKinds.SignInSucceeded ? $"Event.{Kind}{SignInVariant(Methods?.Split(' ') ?? [])}" : $"Event.{Kind}";

    private static string SignInVariant(string[] methods) =>
        methods.Contains(AuthenticationMethods.OneTimePassword) ? ".two-step"
        : !methods.Contains(AuthenticationMethods.HardwareKey) ? ""
        : methods.Any(method => method is AuthenticationMethods.Password or AuthenticationMethods.Federated) ? ".passkey"
        : ".passwordless";
}

/// <summary>One page of the filtered security log, newest first.</summary>
public sealed record SecurityEventPage(IReadOnlyList<SecurityEventRow> Rows, int Page, int PageSize, int Total)
{
    public bool HasOlder => Page * PageSize < Total;
}

/// <summary>
/// Reading the security log (admin page and API): filtered by user (id or e-mail address, as the account the
/// event concerns or as the actor), event type and date range, newest first, a page at a time or whole for CSV.
/// </summary>
public sealed class SecurityEventQuery(ApplicationDbContext db, ILookupNormalizer normalizer)
{
    public const int PageSize = 50;

    public async Task<SecurityEventPage> PageAsync(SecurityEventFilter filter, CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new SecurityEventPage(rows, filter.Page, PageSize, total);
    }

    /// <summary>Every row of the filtered log, newest first, streamed (for the CSV export, whatever its length).</summary>
    public async IAsyncEnumerable<SecurityEventRow> AllAsync(
        SecurityEventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private async Task<IQueryable<SecurityEventRow>> FilteredAsync(SecurityEventFilter filter, CancellationToken cancellationToken)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (filter.User is { } user)
        {
            // An id as typed (even of a deleted account) or the account with that e-mail address.
            var normalized = normalizer.NormalizeEmail(user);
            var ids = await db.Users.Where(account => account.Id == user || account.NormalizedEmail == normalized)
                .Select(account => account.Id)
                .ToListAsync(cancellationToken);
            ids.Add(user);
            events = events.Where(row => (row.UserId != null && ids.Contains(row.UserId)) || (row.ActorId != null && ids.Contains(row.ActorId)));
        }

        if (filter.Types is { Count: > 0 } types)
        {
            events = events.Where(row => types.Contains(row.Kind));
        }

        if (filter.From is { } since)
        {
            events = events.Where(row => row.OccurredAt >= since);
        }

        if (filter.To is { } until)
        {
            events = events.Where(row => row.OccurredAt <= until);
        }

        return from row in events
            join account in db.Users on row.UserId equals account.Id into accounts
            from account in accounts.DefaultIfEmpty()
            join actor in db.Users on row.ActorId equals actor.Id into actors
            from actor in actors.DefaultIfEmpty()
            orderby row.OccurredAt descending, row.Id descending
            select new SecurityEventRow(
                row.Id,
                row.OccurredAt,
                row.Kind,
                row.UserId,
                account == null ? null : account.Email,
                row.ActorId,
                actor == null ? null : actor.Email,
                row.ClientId,
                row.IpAddress,
                row.Detail,
                row.Methods);
    }
}
