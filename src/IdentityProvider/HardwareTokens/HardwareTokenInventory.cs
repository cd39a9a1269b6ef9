using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.HardwareTokens;

/// <summary>The inventory as administrators and the account page read it.</summary>
public sealed class HardwareTokenInventory(ApplicationDbContext db)
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 256;

    /// <summary>Pages beyond this are refused (a search narrows better).</summary>
    public const int MaxPage = 100_000;

    /// <summary>Page <paramref name="page"/> (from 1) of the tokens the filter matches, ordered by serial.</summary>
    public async Task<HardwareTokenListPage> ListAsync(HardwareTokenFilter filter, int page, int pageSize = PageSize)
    {
        var query = Rows();
        if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(row => row.Status == filter.Status);
        }

        // Note: serials and the normalized addresses compare in upper case, so the search ignores case on every database.
        if (!string.IsNullOrEmpty(filter.Search))
        {
            var upper = filter.Search.ToUpperInvariant();
            query = query.Where(row => row.Serial.ToUpper().Contains(upper) || (row.NormalizedEmail != null && row.NormalizedEmail.Contains(upper)));
        }

        if (!string.IsNullOrEmpty(filter.Serial))
        {
            var upper = filter.Serial.ToUpperInvariant();
            query = query.Where(row => row.Serial.ToUpper().Contains(upper));
        }

        if (!string.IsNullOrEmpty(filter.User))
        {
            var upper = filter.User.ToUpperInvariant();
            query = query.Where(row => row.UserId == filter.User || (row.NormalizedEmail != null && row.NormalizedEmail.Contains(upper)));
        }

        var total = await query.CountAsync();
        var shown = await query.OrderBy(row => row.Serial).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new HardwareTokenListPage([.. shown.Select(row => row.ToRow())], total, page, pageSize);
    }

    /// <summary>The token with that serial; null when there is none.</summary>
    public async Task<HardwareTokenRow?> FindAsync(string serial) =>
        TokenLookup.IsPlausibleSerial(serial) ? (await Rows().Where(row => row.Serial == serial).FirstOrDefaultAsync())?.ToRow() : null;

    /// <summary>The serial and model of each of the user's devices that is an assigned token, by device id.</summary>
    public Task<Dictionary<Guid, HardwareTokenRow>> HeldByAsync(string userId) =>
        db.OtpDevices.AsNoTracking()
            .Where(device => device.UserId == userId && device.HardwareTokenId != null)
            .Join(Rows(), device => device.HardwareTokenId, row => (Guid?)row.Id, (device, row) => new { device.Id, Row = row })
            .ToDictionaryAsync(pair => pair.Id, pair => pair.Row.ToRow());

    // One row per token: the holder's address and, while a device holds the token, the device's last use.
    private IQueryable<InventoryRow> Rows() =>
        from token in db.HardwareTokens.AsNoTracking()
        join user in db.Users on token.UserId equals user.Id into holders
        from holder in holders.DefaultIfEmpty()
        join device in db.OtpDevices on (Guid?)token.Id equals device.HardwareTokenId into devices
        from device in devices.DefaultIfEmpty()
        select new InventoryRow
        {
            Id = token.Id,
            Serial = token.Serial,
            Model = token.Model,
            Type = token.Type,
            Algorithm = token.Algorithm,
            Digits = token.Digits,
            PeriodSeconds = token.PeriodSeconds,
            Status = token.Status,
            UserId = token.UserId,
            Email = holder.Email,
            NormalizedEmail = holder.NormalizedEmail,
            AssignedAt = token.AssignedAt,
            RegisteredAt = token.RegisteredAt,
            LastUsedAt = device != null ? device.LastUsedAt : token.LastUsedAt,
        };

    private sealed class InventoryRow
    {
        public Guid Id { get; init; }
        public string Serial { get; init; } = "";
        public string? Model { get; init; }
        public string Type { get; init; } = "";
        public string Algorithm { get; init; } = "";
        public int Digits { get; init; }
        public int PeriodSeconds { get; init; }
        public string Status { get; init; } = "";
        public string? UserId { get; init; }
        public string? Email { get; init; }
        public string? NormalizedEmail { get; init; }
        public DateTimeOffset? AssignedAt { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }

        public HardwareTokenRow ToRow() => new(
            Serial, Model, Type, Algorithm, Digits, PeriodSeconds, Status, UserId, Email ?? UserId, AssignedAt, RegisteredAt, LastUsedAt);
    }
}
