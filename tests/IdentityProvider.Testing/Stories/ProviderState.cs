using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// What a request could change, read as one text: users (address, name, password hash, security stamp, roles), OTP
/// devices, recovery codes, tokens, hardware tokens, the stored policy, clients and scopes. Two equal fingerprints
/// mean a request changed none of it. Not in it: failure counters and the security log, which a refused attempt
/// rightly writes.
/// </summary>
public static class ProviderState
{
    public static Task<string> FingerprintAsync(ProviderFactory factory) =>
        factory.QueryAsync(async db =>
        {
            var text = new StringBuilder();
            foreach (var user in await db.Users.AsNoTracking().OrderBy(user => user.Id).ToListAsync())
            {
                text.AppendLine($"user {user.Id} {user.Email} {user.UserName} {user.DisplayName} {user.PasswordHash} {user.SecurityStamp} {user.IsDisabled} {user.OptionalNotificationsOff}");
            }

            foreach (var role in await db.UserRoles.AsNoTracking().OrderBy(role => role.UserId).ThenBy(role => role.RoleId).ToListAsync())
            {
                text.AppendLine($"role {role.UserId} {role.RoleId}");
            }

            foreach (var device in await db.OtpDevices.AsNoTracking().OrderBy(device => device.Id).ToListAsync())
            {
                text.AppendLine($"device {device.Id} {device.UserId} {device.Name} {device.IsActive} {device.LastAcceptedStep} {device.NextCounter}");
            }

            text.AppendLine($"recovery codes {await db.RecoveryCodes.CountAsync()} spent {await db.RecoveryCodes.CountAsync(code => code.SpentAt != null)}");
            foreach (var token in await db.PersonalAccessTokens.AsNoTracking().OrderBy(token => token.Id).ToListAsync())
            {
                text.AppendLine($"pat {token.Id} {token.Label} {token.RevokedAt}");
            }

            foreach (var token in await db.HardwareTokens.AsNoTracking().OrderBy(token => token.Serial).ToListAsync())
            {
                text.AppendLine($"hardware {token.Serial} {token.Model} {token.Status} {token.UserId} {token.NextCounter}");
            }

            foreach (var setting in await db.StoredSettings.AsNoTracking().OrderBy(setting => setting.Name).ToListAsync())
            {
                text.AppendLine($"setting {setting.Name} {setting.Version} {setting.Json}");
            }

            foreach (var client in await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().OrderBy(client => client.ClientId).ToListAsync())
            {
                text.AppendLine($"client {client.ClientId} {client.DisplayName} {client.RedirectUris} {client.PostLogoutRedirectUris} {client.Permissions} {client.ConsentType}");
            }

            foreach (var scope in await db.Set<OpenIddictEntityFrameworkCoreScope>().AsNoTracking().OrderBy(scope => scope.Name).ToListAsync())
            {
                text.AppendLine($"scope {scope.Name} {scope.DisplayName} {scope.Description} {scope.Resources}");
            }

            return text.ToString();
        });
}
