using System.Globalization;

namespace IdentityProvider.TwoStep;

/// <summary>
/// Builds the <c>otpauth://</c> URI of the Key Uri Format (google-authenticator wiki) that
/// authenticator apps read from the QR code.
/// </summary>
public static class OtpKeyUri
{
    /// <summary>
    /// <c>otpauth://TYPE/ISSUER:ACCOUNT?secret=..&amp;issuer=..&amp;algorithm=..&amp;digits=..&amp;period=..</c>
    /// (HOTP: <c>counter=</c> instead of <c>period=</c>). Issuer and account are percent-encoded as
    /// UTF-8 (space as %20, never '+'); the colon between them stays literal.
    /// Warning: the result contains the secret; never log it or put it in a URL the browser sends.
    /// </summary>
    public static string Create(OtpParameters p, string issuer, string accountName, byte[] secret, long hotpCounter = 0)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(secret);
        ValidateLabelPart(issuer, nameof(issuer));
        ValidateLabelPart(accountName, nameof(accountName));
        ArgumentOutOfRangeException.ThrowIfNegative(hotpCounter);
        if (secret.Length == 0)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        string encodedIssuer = Uri.EscapeDataString(issuer);
        string type = p.Type == OtpType.Totp ? "totp" : "hotp";
        string moving = p.Type == OtpType.Totp
            ? "period=" + p.PeriodSeconds.ToString(CultureInfo.InvariantCulture)
            : "counter=" + hotpCounter.ToString(CultureInfo.InvariantCulture);

        // Note: issuer goes both in the label (older apps) and as a parameter (preferred by newer ones).
        return $"otpauth://{type}/{encodedIssuer}:{Uri.EscapeDataString(accountName)}"
            + $"?secret={OtpSecret.ToBase32(secret)}&issuer={encodedIssuer}"
            + $"&algorithm={p.Algorithm.ToUriName()}&digits={p.Digits.ToString(CultureInfo.InvariantCulture)}&{moving}";
    }

    // The format forbids a colon in either part: apps split the label on the first one.
    private static void ValidateLabelPart(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Contains(':'))
        {
            throw new ArgumentException("The issuer and account name of an otpauth URI cannot contain ':'.", parameterName);
        }
    }
}
