using System.Globalization;
using IdentityProvider.Users;

namespace IdentityProvider.Pages.Account;

/// <summary>What a password page answers when <see cref="SignInThrottle"/> makes the address wait.</summary>
internal static class ThrottledAttempt
{
    /// <summary>Sets <c>Retry-After</c> and returns the message for the page.</summary>
    public static string Answer(HttpResponse response, SignInAttempt attempt)
    {
        var seconds = (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds);
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return $"Too many failed attempts for this e-mail address from your network. Wait {seconds} seconds, then try again.";
    }
}
