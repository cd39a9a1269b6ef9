using System.Security.Claims;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Admin;

/// <summary>How recent an administrator's second step must be: to enter the admin area, and to change anything there.</summary>
public static class AdminSession
{
    public static readonly TimeSpan EntryWindow = TimeSpan.FromHours(12);

    /// <summary>Older than this, a state-changing action first asks for a fresh code (<c>/admin/confirm</c>).</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromMinutes(15);

    public static bool SecondStepWithin(ClaimsPrincipal user, TimeSpan window, DateTimeOffset now) =>
        SessionProof.From(user) is { IsMultiFactor: true, SecondStepAt: { } at } && now - at <= window;
}

/// <summary>The session's second step happened within <see cref="Window"/>.</summary>
public sealed record RecentSecondStepRequirement(TimeSpan Window) : IAuthorizationRequirement;

internal sealed class RecentSecondStepHandler(TimeProvider time) : AuthorizationHandler<RecentSecondStepRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentSecondStepRequirement requirement)
    {
        if (AdminSession.SecondStepWithin(context.User, requirement.Window, time.GetUtcNow()))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
