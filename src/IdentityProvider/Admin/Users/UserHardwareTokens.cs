using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Text;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// Giving a user a hardware token and taking it back, as the admin pages and the admin API ask for it: the inventory's
/// assignment, after the rule of the one acting (a user-manager neither gives a token to an administrator nor takes one back).
/// </summary>
public sealed class UserHardwareTokens(UserManager<ApplicationUser> users, HardwareTokenAssignment assignment, HardwareTokenInventory inventory)
{
    /// <summary>Assigns an in-stock token to <paramref name="user"/> (id or e-mail address); the first recovery codes when it is the user's first device.</summary>
    public async Task<ChangeResult<IReadOnlyList<string>>> AssignAsync(string serial, string user, AdminActor actor)
    {
        if (actor.ManagesUsersOnly && await FindUserAsync(user) is { } holder && await users.RefusalAsync(actor, holder) is { } refused)
        {
            return refused;
        }

        return await assignment.AssignAsync(serial, user, actor.Id);
    }

    /// <summary>Takes an assigned token back into stock.</summary>
    public async Task<ChangeResult> UnassignAsync(string serial, AdminActor actor)
    {
        if (actor.ManagesUsersOnly && await inventory.FindAsync(serial) is { UserId: { } holderId }
            && await users.FindByIdAsync(holderId) is { } holder && await users.RefusalAsync(actor, holder) is { } refused)
        {
            return refused;
        }

        return await assignment.UnassignAsync(serial, actor.Id);
    }

    /// <summary>The user as the assignment finds one: by id, else by e-mail address (anything else is left to it to refuse).</summary>
    private async Task<ApplicationUser?> FindUserAsync(string user)
    {
        var text = user.Trim();
        return text.Length is 0 or > 256 || DisplayText.HasHiddenCharacters(text)
            ? null
            : await users.FindByIdAsync(text) ?? await users.FindByEmailAsync(text);
    }
}
