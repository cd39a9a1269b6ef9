using System.Collections.Concurrent;
using OtpNet;

namespace IdentityProvider.Testing;

/// <summary>
/// Every secret the test run used, by kind: the stories and test data remember each one as they make it, so that one
/// test at the end of the run can look for all of them in the database dump and in every captured log line
/// (<c>SecretsScanTests</c>). Values shorter than <see cref="MinimumLength"/> are not kept (a 6-digit code would
/// match unrelated text).
/// </summary>
public static class SuiteSecrets
{
    public const int MinimumLength = 8;

    public const string Password = "password";
    public const string OtpSeed = "OTP seed";
    public const string RecoveryCode = "recovery code";
    public const string PersonalAccessToken = "personal access token";
    public const string ResetLink = "reset link code";
    public const string ClientSecret = "client secret";

    // Value → kind; the first kind a value was remembered as wins.
    private static readonly ConcurrentDictionary<string, string> Secrets = new(StringComparer.Ordinal);

    /// <summary>Every secret remembered so far (value → kind).</summary>
    public static IReadOnlyDictionary<string, string> All => Secrets;

    public static void Remember(string kind, string? value)
    {
        if (value is { Length: >= MinimumLength })
        {
            Secrets.TryAdd(value, kind);
        }
    }

    /// <summary>An OTP seed in every form it could be stored or logged in: Base32 (as apps take it), hex and Base64.</summary>
    public static bool RememberSeed(byte[] seed)
    {
        Remember($"{OtpSeed} (Base32)", Base32Encoding.ToString(seed).TrimEnd('='));
        Remember($"{OtpSeed} (hex)", Convert.ToHexStringLower(seed));
        Remember($"{OtpSeed} (hex)", Convert.ToHexString(seed));
        Remember($"{OtpSeed} (Base64)", Convert.ToBase64String(seed));
        return true;
    }

    /// <summary>A recovery code as shown (<c>xxxx-xxxx-xxxx-xxxx</c>) and in its canonical form without dashes.</summary>
    public static void RememberRecoveryCodes(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            Remember(RecoveryCode, code);
            Remember(RecoveryCode, code.Replace("-", "", StringComparison.Ordinal));
        }
    }

    /// <summary>The secret part of a reset (or set-password) link: its <c>code</c> query value.</summary>
    public static void RememberLink(string link)
    {
        var query = new Uri(new Uri("http://localhost"), link).Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("code=", StringComparison.Ordinal))
            {
                Remember(ResetLink, Uri.UnescapeDataString(pair["code=".Length..]));
                Remember(ResetLink, pair["code=".Length..]);
            }
        }
    }
}
