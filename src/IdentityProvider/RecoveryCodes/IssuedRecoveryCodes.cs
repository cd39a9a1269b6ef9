using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// Carries a freshly generated set from the POST that made it to the page that shows it (post, redirect,
/// get), so a reload or the back button shows nothing: the codes are read once and then gone.
/// </summary>
/// <remarks>
/// Warning: TempData lives in a cookie encrypted and signed with Data Protection, so the codes sit only in the
/// browser they are about to be shown in, for one redirect. The cookie alone could be replayed, though: the
/// codes are shown only while a server-side ticket can be spent (one conditional DELETE), once, on any
/// instance. They are tied to the user they belong to, so an administrator's page for one user never shows another's.
/// </remarks>
public sealed class IssuedRecoveryCodes(ApplicationDbContext db, TimeProvider time)
{
    /// <summary>Between the POST and the page that shows the codes there is one redirect: minutes are plenty.</summary>
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(10);

    private const string UserKey = "RecoveryCodes.For";
    private const string CodesKey = "RecoveryCodes.Codes";
    private const string TicketKey = "RecoveryCodes.Ticket";
    private const string Prefix = "id:";

    public async Task KeepAsync(ITempDataDictionary tempData, string userId, IReadOnlyList<string> codes)
    {
        var now = time.GetUtcNow();
        await db.ShowOnceTickets.Where(ticket => ticket.ExpiresAt < now).ExecuteDeleteAsync();
        var ticket = new ShowOnceTicket { Id = Guid.NewGuid(), ExpiresAt = now + TicketLifetime };
        db.ShowOnceTickets.Add(ticket);
        await db.SaveChangesAsync();

        // Note: plain strings with a prefix, because the TempData serializer reads a string that looks like a
        // GUID or a date back as a Guid or DateTime (user ids are GUIDs), and string lists vary by version.
        tempData[UserKey] = Prefix + userId;
        tempData[CodesKey] = string.Join(' ', codes);
        tempData[TicketKey] = Prefix + ticket.Id;
    }

    /// <summary>The codes generated for <paramref name="userId"/>, once; null when there are none (any others are dropped).</summary>
    public async Task<IReadOnlyList<string>?> TakeAsync(ITempDataDictionary tempData, string userId)
    {
        var owner = tempData[UserKey] as string;
        var codes = (tempData[CodesKey] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (owner != Prefix + userId || codes is not { Length: > 0 }
            || tempData[TicketKey] is not string ticket || !ticket.StartsWith(Prefix, StringComparison.Ordinal)
            || !Guid.TryParse(ticket[Prefix.Length..], out var ticketId))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var spent = await db.ShowOnceTickets.Where(row => row.Id == ticketId && row.ExpiresAt > now).ExecuteDeleteAsync();
        return spent == 1 ? codes : null;
    }
}

/// <summary>What the <c>_RecoveryCodeList</c> partial renders: the codes, and whose they are (for the file and the printout).</summary>
public sealed record RecoveryCodeListModel(IReadOnlyList<string> Codes, string Account, string Issuer);
