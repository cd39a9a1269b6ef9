namespace IdentityProvider.TwoStep;

/// <summary>
/// Checks OTP codes against a device's state. Pure: the caller passes the time and the stored
/// state, and persists what a match returns with one conditional UPDATE (single use: docs/ARCHITECTURE.md).
/// Note: a code is refused (null) rather than thrown on when malformed or wrong; arguments that
/// only a programming error produces (wrong device type, negative window) throw.
/// </summary>
public static class OtpVerifier
{
    /// <summary>The last accepted step of a TOTP device that never accepted a code.</summary>
    public const long NoTotpStepAccepted = -1;

    /// <summary>RFC 6238 time step T = floor(unix seconds / period).</summary>
    public static long TimeStep(DateTimeOffset time, int periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodSeconds);
        long quotient = Math.DivRem(time.ToUnixTimeSeconds(), periodSeconds, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    /// <summary>
    /// Searches steps <c>current+drift-window .. current+drift+window</c>, lowest first, skipping every
    /// step at or before <paramref name="lastAcceptedStep"/>.
    /// Warning: that skip is what makes a code single-use, and it also refuses an older code once a
    /// newer one was accepted, so a code seen over someone's shoulder is dead after the next sign-in.
    /// </summary>
    public static TotpMatch? VerifyTotp(
        byte[] secret, OtpParameters p, string code, DateTimeOffset now,
        long driftSteps, long lastAcceptedStep, int window)
    {
        RequireType(p, OtpType.Totp);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        if (!OtpCodeMatcher.IsWellFormed(code, p.Digits))
        {
            return null;
        }

        long current = TimeStep(now, p.PeriodSeconds);
        if (SearchRange(current, driftSteps, lastAcceptedStep, window) is not (long first, long last))
        {
            return null;
        }

        using var matcher = new OtpCodeMatcher(secret, p);
        for (long step = first; step <= last; step++)
        {
            if (matcher.Matches(step, code))
            {
                return new TotpMatch(step, step - current);
            }
        }

        return null;
    }

    /// <summary>
    /// Confirms a new TOTP device with one code: a normal verification from zero drift and no
    /// accepted step. The match's step and drift become the device's initial state.
    /// </summary>
    public static TotpMatch? ConfirmTotpEnrolment(byte[] secret, OtpParameters p, string code, DateTimeOffset now, int window) =>
        VerifyTotp(secret, p, code, now, driftSteps: 0, lastAcceptedStep: NoTotpStepAccepted, window);

    /// <summary>
    /// Searches counters <c>nextCounter .. nextCounter+lookAhead</c> inclusive: the expected counter
    /// plus up to <paramref name="lookAhead"/> codes generated but never used (lookAhead+1 values;
    /// the default look-ahead 10 tries 11). Returns the matched counter; store matched+1 as the next one.
    /// Note: counters below nextCounter are never tried, which makes each code single-use.
    /// </summary>
    public static long? VerifyHotp(byte[] secret, OtpParameters p, string code, long nextCounter, int lookAhead)
    {
        RequireType(p, OtpType.Hotp);
        ArgumentOutOfRangeException.ThrowIfNegative(nextCounter);
        ArgumentOutOfRangeException.ThrowIfNegative(lookAhead);
        if (!OtpCodeMatcher.IsWellFormed(code, p.Digits))
        {
            return null;
        }

        using var matcher = new OtpCodeMatcher(secret, p);
        for (long counter = nextCounter; counter <= nextCounter + lookAhead; counter++)
        {
            if (matcher.Matches(counter, code))
            {
                return counter;
            }
        }

        return null;
    }

    /// <summary>
    /// Resynchronises a TOTP device whose clock drifted beyond the window: finds a step s within
    /// <c>current+drift ± searchSteps</c>, after <paramref name="lastAcceptedStep"/>, where
    /// <paramref name="code1"/> matches s and <paramref name="code2"/> matches s+1. Returns step s+1
    /// and the new drift (both codes are consumed).
    /// Note: requiring two consecutive codes makes a blind guess far less likely to pass (about
    /// 5,761 × 10⁻¹² for 6 digits) than one normal check (3 × 10⁻⁶), although the search is a day wide.
    /// </summary>
    public static TotpMatch? ResyncTotp(
        byte[] secret, OtpParameters p, string code1, string code2, DateTimeOffset now,
        long driftSteps, long lastAcceptedStep, int searchSteps = 2880)
    {
        RequireType(p, OtpType.Totp);
        ArgumentOutOfRangeException.ThrowIfNegative(searchSteps);
        if (!OtpCodeMatcher.IsWellFormed(code1, p.Digits) || !OtpCodeMatcher.IsWellFormed(code2, p.Digits))
        {
            return null;
        }

        long current = TimeStep(now, p.PeriodSeconds);
        if (SearchRange(current, driftSteps, lastAcceptedStep, searchSteps) is not (long firstForCode1, long lastForCode1))
        {
            return null;
        }

        using var matcher = new OtpCodeMatcher(secret, p);
        long? step = FindConsecutive(matcher, code1, code2, firstForCode1, lastForCode1);
        return step is long s ? new TotpMatch(s, s - current) : null;
    }

    /// <summary>
    /// The steps a code may match: <c>current+drift ± width</c>, never at or before the last accepted step
    /// (single use) nor below zero; null when nothing is left.
    /// </summary>
    private static (long First, long Last)? SearchRange(long current, long driftSteps, long lastAcceptedStep, int width)
    {
        long last = current + driftSteps + width;
        return lastAcceptedStep >= last
            ? null
            : (Math.Max(Math.Max(current + driftSteps - width, lastAcceptedStep + 1), 0), last);
    }

    /// <summary>
    /// Resynchronises an HOTP device pressed too often: finds c in <c>nextCounter .. nextCounter+searchCounters</c>
    /// where <paramref name="code1"/> matches c and <paramref name="code2"/> matches c+1. Returns c+1,
    /// the counter of code2; store c+2 as the next counter.
    /// </summary>
    public static long? ResyncHotp(byte[] secret, OtpParameters p, string code1, string code2, long nextCounter, int searchCounters = 1000)
    {
        RequireType(p, OtpType.Hotp);
        ArgumentOutOfRangeException.ThrowIfNegative(nextCounter);
        ArgumentOutOfRangeException.ThrowIfNegative(searchCounters);
        if (!OtpCodeMatcher.IsWellFormed(code1, p.Digits) || !OtpCodeMatcher.IsWellFormed(code2, p.Digits))
        {
            return null;
        }

        using var matcher = new OtpCodeMatcher(secret, p);
        return FindConsecutive(matcher, code1, code2, nextCounter, nextCounter + searchCounters);
    }

    /// <summary>
    /// Confirms a new HOTP device with two consecutive codes, searched from its initial counter
    /// (0 for a new app, the inventory value for a hardware token) up to <paramref name="lookAhead"/>
    /// counters further. Note: one code would prove little, since any of lookAhead+1 codes passes.
    /// Returns the counter of code2; store it + 1 as the next counter.
    /// </summary>
    public static long? ConfirmHotpEnrolment(byte[] secret, OtpParameters p, string code1, string code2, long initialCounter, int lookAhead) =>
        ResyncHotp(secret, p, code1, code2, initialCounter, lookAhead);

    // Each counter's code is computed once: a match of code1 at c is remembered while c+1 is checked for code2.
    private static long? FindConsecutive(OtpCodeMatcher matcher, string code1, string code2, long firstForCode1, long lastForCode1)
    {
        bool previousMatchedCode1 = false;
        for (long counter = firstForCode1; counter <= lastForCode1 + 1; counter++)
        {
            string computed = matcher.Compute(counter);
            if (previousMatchedCode1 && OtpCodeMatcher.AreEqual(computed, code2))
            {
                return counter;
            }

            previousMatchedCode1 = counter <= lastForCode1 && OtpCodeMatcher.AreEqual(computed, code1);
        }

        return null;
    }

    private static void RequireType(OtpParameters p, OtpType expected)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Type != expected)
        {
            throw new ArgumentException($"These parameters are for {p.Type}, not {expected}.", nameof(p));
        }
    }
}
