using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Text;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.HardwareTokens;

/// <summary>Finds an inventory token by the serial an administrator typed or a URL carried.</summary>
internal static class TokenLookup
{
    /// <summary>The token with that serial; null when there is none, or when the text cannot be a serial.</summary>
    public static async Task<HardwareToken?> FindTokenAsync(this ApplicationDbContext db, string serial) =>
        IsPlausibleSerial(serial) ? await db.HardwareTokens.AsNoTracking().FirstOrDefaultAsync(token => token.Serial == serial) : null;

    /// <summary>Note: text that cannot be a serial never reaches the database (PostgreSQL refuses a NUL, which is not an outage).</summary>
    public static bool IsPlausibleSerial(string serial) =>
        serial.Length is > 0 and <= HardwareTokenRegistration.MaxSerialLength && !DisplayText.HasHiddenCharacters(serial);
}
