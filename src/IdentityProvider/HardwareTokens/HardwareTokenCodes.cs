using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.HardwareTokens;

/// <summary>
/// What a help desk does with codes a token shows: resynchronise a token pressed too often (HOTP) or whose
/// clock drifted (TOTP) with two consecutive codes, and identify which token shows a code now.
/// </summary>
public sealed class HardwareTokenCodes(
    ApplicationDbContext db,
    OtpDeviceSecrets secrets,
    OtpVerification verification,
    TwoStepPolicy policy,
    SecurityLog securityLog,
    TimeProvider time)
{
    /// <summary>The field every resync refusal is put on: the pair of codes, named by its second (<c>code2</c> in the API).</summary>
    private const string SecondCode = "Code2";

    /// <summary>
    /// Resynchronises the token with two consecutive codes, searched as for an app (a day of TOTP steps, 1,000
    /// HOTP counters); both codes are spent. The token's holder, if any, signs in with the next code.
    /// </summary>
    public async Task<ChangeResult> ResyncAsync(string serial, string? firstCode, string? secondCode, string actorId)
    {
        if (await db.FindTokenAsync(serial) is not { } token)
        {
            return ChangeResult.NotFound();
        }

        if (token.Status == HardwareTokenStatus.Lost)
        {
            return ChangeResult.Invalid(SecondCode, new Sentence("HardwareTokens.Resync.Lost"));
        }

        if (!OtpCodeInput.TryNormalize(firstCode, token.Digits, out var first, out var error)
            || !OtpCodeInput.TryNormalize(secondCode, token.Digits, out var second, out error))
        {
            return ChangeResult.Invalid(SecondCode, error.Message!);
        }

        var device = await db.OtpDevices.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.HardwareTokenId == token.Id);
        var resynchronised = device is not null
            ? await verification.ResyncAsync(device, first, second)
            : await ResyncInStockAsync(token, first, second);
        if (!resynchronised)
        {
            return ChangeResult.Invalid(SecondCode, new Sentence("HardwareTokens.Resync.NoMatch"));
        }

        await securityLog.WriteAsync(SecurityEventKinds.OtpResynchronised, token.UserId, $"hardware token {token.Serial}, by an administrator", actorId);
        return ChangeResult.Done();
    }

    /// <summary>
    /// The serials of the tokens in stock or assigned that produce this code now (TOTP: within the sign-in window
    /// around each token's clock; HOTP: within the look-ahead from its counter). Nothing is spent.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Serials, Sentence? Error)> IdentifyAsync(string? code, string actorId)
    {
        if (!OtpCodeInput.TryNormalizeAny(code, [6, 8], out var normalized, out var error))
        {
            return (null, error.Message);
        }

        var candidates = await (
                from token in db.HardwareTokens.AsNoTracking()
                where (token.Status == HardwareTokenStatus.InStock || token.Status == HardwareTokenStatus.Assigned) && token.Digits == normalized.Length
                join device in db.OtpDevices on (Guid?)token.Id equals device.HardwareTokenId into devices
                from device in devices.DefaultIfEmpty()
                orderby token.Serial
                select new { Token = token, Device = device })
            .ToListAsync();
        var now = time.GetUtcNow();
        var serials = candidates
            .Where(candidate => Shows(candidate.Token, candidate.Device, normalized, now))
            .Select(candidate => candidate.Token.Serial)
            .ToList();
        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokenIdentified, null,
            serials.Count == 0 ? "no token matched" : $"matched {string.Join(", ", serials)}", actorId);
        return (serials, null);
    }

    // The state that counts is the device's while a device holds the token.
    private bool Shows(HardwareToken token, OtpDevice? device, string code, DateTimeOffset now)
    {
        var parameters = OtpDeviceSecrets.ParametersOf(token.Type, token.Algorithm, token.Digits, token.PeriodSeconds);
        var seed = secrets.Unprotect(token.ProtectedSeed);
        // Note: a TOTP code just used to sign in still identifies its token; identifying spends nothing.
        return parameters.Type == OtpType.Totp
            ? OtpVerifier.VerifyTotp(seed, parameters, code, now, device?.DriftSteps ?? token.DriftSteps, OtpVerifier.NoTotpStepAccepted, policy.TotpWindow) is not null
            : OtpVerifier.VerifyHotp(seed, parameters, code, device?.NextCounter ?? token.NextCounter, policy.HotpLookAhead) is not null;
    }

    private async Task<bool> ResyncInStockAsync(HardwareToken token, string first, string second)
    {
        var parameters = OtpDeviceSecrets.ParametersOf(token.Type, token.Algorithm, token.Digits, token.PeriodSeconds);
        var seed = secrets.Unprotect(token.ProtectedSeed);
        if (parameters.Type == OtpType.Totp)
        {
            return OtpVerifier.ResyncTotp(seed, parameters, first, second, time.GetUtcNow(), token.DriftSteps, token.LastAcceptedStep) is { } match
                && await db.HardwareTokens.Where(candidate => candidate.Id == token.Id && candidate.LastAcceptedStep < match.Step)
                    .ExecuteUpdateAsync(update => update
                        .SetProperty(candidate => candidate.LastAcceptedStep, match.Step)
                        .SetProperty(candidate => candidate.DriftSteps, match.DriftSteps)) == 1;
        }

        return OtpVerifier.ResyncHotp(seed, parameters, first, second, token.NextCounter) is { } counter
            && await db.HardwareTokens.Where(candidate => candidate.Id == token.Id && candidate.NextCounter <= counter)
                .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.NextCounter, counter + 1)) == 1;
    }
}
