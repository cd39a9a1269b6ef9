using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Email;

/// <summary>The account page's switch for the optional security mails (<see cref="SecurityNotice.Optional"/>).</summary>
public sealed class NotificationPreferences(UserManager<ApplicationUser> users, SecurityLog securityLog)
{
    /// <returns>False when the account changed at the same moment (the page asks to try again).</returns>
    public async Task<bool> SetOptionalAsync(ApplicationUser user, bool wanted)
    {
        if (user.OptionalNotificationsOff == !wanted)
        {
            return true;
        }

        user.OptionalNotificationsOff = !wanted;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return false;
        }

        await securityLog.WriteAsync(SecurityEventKinds.NotificationsChanged, user.Id, wanted ? "optional mails on" : "optional mails off");
        return true;
    }
}
