using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Users;

/// <summary>
/// Note: verifying the typed password against a dummy hash makes a sign-in for an unknown e-mail cost
/// as much as one for a real account, so response times do not reveal which accounts exist.
/// </summary>
internal static class UnknownAccountDelay
{
    private static readonly ApplicationUser DummyUser = new();
    private static string? dummyHash;

    public static void VerifyDummyPassword(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(DummyUser, dummyHash, password);
    }
}
