using System.Security.Cryptography;
using System.Text.Json;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Passkeys;

/// <summary>
/// What a ceremony keeps between its options and the authenticator's answer: Identity's state (the challenge, and the
/// user it was made for), carried by the caller as an opaque string protected with Data Protection, whose key ring lives
/// in the database, so any instance can finish a ceremony another began.
/// Note: Identity's <c>SignInManager</c> keeps the same state in its <c>Identity.TwoFactorUserId</c> cookie, which any
/// instance can read too but nothing spends: a replayed cookie with its answer would pass again for an authenticator
/// whose signature counter stays 0 (synced passkeys). So the handler is called directly, and the state names a
/// single-use ticket row (<see cref="ShowOnceTicket"/>), spent by one conditional DELETE: a challenge is used once and
/// only for <see cref="Lifetime"/>. A ceremony may also be bound to the browser that began it (the pending sign-in's id,
/// a cookie): an answer and state carried to another browser are then refused there, even for the same account.
/// </summary>
public sealed class PasskeyCeremonyState(ApplicationDbContext db, IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Creation = "webauthn.create";
    public const string Request = "webauthn.get";

    /// <summary>As long as Identity asks the browser to wait for the authenticator (its default, 5 minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector protector = dataProtection.CreateProtector("IdentityProvider.Passkeys.CeremonyState");

    /// <summary>Keeps Identity's state for one ceremony of <paramref name="userId"/>; the string the caller carries.</summary>
    /// <param name="binding">What the finishing request must show again (e.g. the pending sign-in's id); null for none.</param>
    public async Task<string> KeepAsync(string ceremony, string userId, string identityState, string? binding = null)
    {
        var now = time.GetUtcNow();
        await db.ShowOnceTickets.Where(ticket => ticket.ExpiresAt < now).ExecuteDeleteAsync();
        var ticket = new ShowOnceTicket { Id = Guid.NewGuid(), ExpiresAt = now + Lifetime };
        db.ShowOnceTickets.Add(ticket);
        await db.SaveChangesAsync();
        return protector.Protect(JsonSerializer.Serialize(new Kept(ticket.Id, ceremony, userId, identityState, binding)));
    }

    /// <summary>
    /// Identity's state for this ceremony of this user, once: null when the string was forged or altered, belongs to
    /// another ceremony, user or binding, was already spent, or is older than <see cref="Lifetime"/>.
    /// </summary>
    public async Task<string?> SpendAsync(string? state, string ceremony, string userId, string? binding = null)
    {
        if (Read(state) is not { } kept || kept.Ceremony != ceremony || kept.UserId != userId || kept.Binding != binding)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var spent = await db.ShowOnceTickets.Where(ticket => ticket.Id == kept.Ticket && ticket.ExpiresAt > now).ExecuteDeleteAsync();
        return spent == 1 ? kept.IdentityState : null;
    }

    private Kept? Read(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Kept>(protector.Unprotect(state));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Kept(Guid Ticket, string Ceremony, string UserId, string IdentityState, string? Binding);
}
