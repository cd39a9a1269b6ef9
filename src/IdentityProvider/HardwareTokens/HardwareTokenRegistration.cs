using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Text;
using IdentityProvider.TwoStep;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.HardwareTokens;

/// <summary>What an import came to: how many tokens were added, the serials skipped as duplicates, the entries refused.</summary>
public sealed record ImportReport(int Added, IReadOnlyList<RejectedSeedEntry> Skipped, IReadOnlyList<RejectedSeedEntry> Rejected);

/// <summary>
/// Puts tokens into the inventory, one by hand or a vendor's batch, in stock, with their seeds encrypted like
/// an app's secret. Warning: a batch is one transaction: a failure adds nothing.
/// </summary>
public sealed class HardwareTokenRegistration(ApplicationDbContext db, OtpDeviceSecrets secrets, SecurityLog securityLog, TimeProvider time)
{
    public const int MaxSerialLength = 64;
    public const int MaxModelLength = 100;

    private static readonly Sentence DuplicateInInventory = new("HardwareTokens.Duplicate");

    /// <summary>Registers one token; the refusal (a duplicate or an unfit serial or model) or null when it was added.</summary>
    public async Task<Sentence?> RegisterAsync(SeedFileToken token, string actorId)
    {
        if (Check(token) is { } problem)
        {
            return problem;
        }

        if (await db.HardwareTokens.AnyAsync(existing => existing.Serial == token.Serial))
        {
            return DuplicateInInventory;
        }

        db.HardwareTokens.Add(NewToken(token));
        if (!await TrySaveAsync())
        {
            return DuplicateInInventory;
        }

        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokenRegistered, null, $"serial {token.Serial}, {Describe(token)}", actorId);
        return null;
    }

    /// <summary>Adds every token of the file whose serial is new; a duplicate is skipped, an unfit entry rejected.</summary>
    /// <param name="source">What the file was, for the security log (e.g. "PSKC file").</param>
    public async Task<ImportReport> ImportAsync(SeedFile file, string source, string actorId)
    {
        var rejected = file.Rejected.ToList();
        var skipped = new List<RejectedSeedEntry>();
        var candidates = new List<SeedFileToken>();
        foreach (var token in file.Tokens)
        {
            if (Check(token) is { } problem)
            {
                rejected.Add(new RejectedSeedEntry(Printable(token.Serial), problem));
            }
            else
            {
                candidates.Add(token);
            }
        }

        var serials = candidates.Select(token => token.Serial).ToList();
        var existing = (await db.HardwareTokens.Where(token => serials.Contains(token.Serial)).Select(token => token.Serial).ToListAsync()).ToHashSet();
        var added = new List<SeedFileToken>();
        foreach (var token in candidates)
        {
            if (existing.Add(token.Serial))
            {
                added.Add(token);
            }
            else
            {
                skipped.Add(new RejectedSeedEntry(token.Serial, added.Any(other => other.Serial == token.Serial)
                    ? new Sentence("HardwareTokens.Entry.Twice")
                    : DuplicateInInventory));
            }
        }

        db.HardwareTokens.AddRange(added.Select(NewToken));
        if (!await TrySaveAsync())
        {
            // Another import added one of these serials meanwhile: nothing of this one was written.
            throw new SeedFileException(new Sentence("HardwareTokens.File.Concurrent"));
        }

        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokensImported, null,
            $"{source}: {added.Count} added, {skipped.Count} skipped as duplicates, {rejected.Count} rejected", actorId);
        return new ImportReport(added.Count, skipped, rejected);
    }

    /// <summary>Why a token cannot enter the inventory as it is, or null.</summary>
    public static Sentence? Check(SeedFileToken token)
    {
        if (token.Serial.Length is 0 or > MaxSerialLength || DisplayText.HasHiddenCharacters(token.Serial))
        {
            return new Sentence("HardwareTokens.Serial.Invalid", MaxSerialLength);
        }

        return token.Model is { } model && (model.Length > MaxModelLength || DisplayText.HasHiddenCharacters(model))
            ? new Sentence("HardwareTokens.Model.Invalid", MaxModelLength)
            : null;
    }

    private HardwareToken NewToken(SeedFileToken token) => new()
    {
        Id = Guid.NewGuid(),
        Serial = token.Serial,
        Model = token.Model,
        Type = OtpDeviceSecrets.TypeName(token.Parameters.Type),
        Algorithm = token.Parameters.Algorithm.ToUriName(),
        Digits = token.Parameters.Digits,
        PeriodSeconds = token.Parameters.PeriodSeconds,
        ProtectedSeed = secrets.Protect(token.Seed),
        Status = HardwareTokenStatus.InStock,
        RegisteredAt = time.GetUtcNow(),
        NextCounter = token.Counter,
    };

    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException conflict) when (!DatabaseOutage.Is(conflict))
        {
            // The unique serial: another registration of the same serial won the race.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Describe(SeedFileToken token) =>
        $"{OtpDeviceSecrets.TypeName(token.Parameters.Type)} {token.Parameters.Algorithm.ToUriName()} {token.Parameters.Digits} digits";

    // A serial shown back in a report must not carry the control characters that made it unfit.
    private static string Printable(string serial) =>
        string.Concat(serial.Take(MaxSerialLength).Select(character => char.IsControl(character) || char.IsSurrogate(character) ? '?' : character));
}
